//! The gazetteer's name table: every name key with the entries it names, found by hashing.
//!
//! One probe of the table answers everything the matcher asks about a word or a run of words:
//! whether it names places (and which), whether a longer name starts with it, whether it
//! follows another word in some name, and whether it is a common person's name. A key's
//! record holds its bytes and its postings side by side, so that a lookup touches two cache
//! lines (the slot and the record) rather than one per array.

use std::hash::Hasher;

use crate::hash::WordHasher;

/// What a key is, besides its postings.
pub(crate) mod flags {
    /// A longer name starts with this key and a space.
    pub const LONGER: u8 = 1;
    /// A common first name or surname.
    pub const PERSON: u8 = 2;
    /// A name of places (from the gazetteer file), even if no entry is left under it.
    pub const NAME: u8 = 8;
}

/// Bytes of a record before its key: flags, key length (`u16`), postings count (`u32`).
const HEADER: usize = 7;

/// Bytes of a posting: what the gazetteer packs in a `u64` (the entry, how the name refers to
/// it, and what the context filters ask about it).
const POSTING: usize = 8;

/// Names and their postings, found by hash.
#[derive(Debug)]
pub(crate) struct NameTable {
    /// Records back to back: the header, the key bytes, then the postings (little-endian
    /// `u64`s). Byte 0 is padding, so no record starts at 0.
    blob: Vec<u8>,
    /// Open addressing with linear probing: `hash tag << 32 | record offset`, 0 for empty.
    slots: Vec<u64>,
    /// Number of records.
    records: usize,
    /// A Bloom filter of the keys of more than one word (names and prefixes of names): most
    /// runs of capitalised words are not names, and the filter, small enough to stay in
    /// cache, turns them away without a probe of the table.
    phrases: Vec<u64>,
}

/// Size of the filter of multi-word keys, in 64-bit words (2 Mibit, 256 KiB).
const PHRASE_WORDS: usize = 1 << 15;

/// The word of the filter and the two bits in it that stand for a key with hash `h`: both in
/// one word, so that a check costs one cache miss, not two.
fn phrase_bits(h: u64) -> (usize, u64) {
    let word = (h >> 8) as usize & (PHRASE_WORDS - 1);
    (word, (1 << ((h >> 34) & 63)) | (1 << ((h >> 50) & 63)))
}

/// The hash of a key.
fn hash(key: &[u8]) -> u64 {
    let mut h = WordHasher::default();
    h.write(key);
    h.write_u8(0xff);
    h.finish()
}

impl NameTable {
    /// An empty table.
    pub fn empty() -> NameTable {
        NameTable {
            blob: vec![0],
            slots: vec![0; 16],
            records: 0,
            phrases: vec![0; PHRASE_WORDS],
        }
    }

    /// A table of `keys` (each with its postings; distinct and sorted bytewise, as the
    /// gazetteer file stores them), with the word prefixes of multi-word keys, the words that
    /// follow another in some key, and the `persons` (one key per line).
    pub fn build<'a>(
        keys: impl ExactSizeIterator<Item = (&'a [u8], &'a [u64])> + Clone,
        persons: &str,
    ) -> NameTable {
        let size: usize = keys
            .clone()
            .map(|(k, p)| HEADER + k.len() + POSTING * p.len())
            .sum();
        let mut t = NameTable {
            blob: Vec::with_capacity(size + size / 4),
            slots: Vec::new(),
            records: 0,
            phrases: vec![0; PHRASE_WORDS],
        };
        t.blob.push(0);
        // Records of every key and of every word prefix of a longer key, with their hashes.
        // Keys are sorted, so the keys and prefixes that start the current key are the ones
        // on a stack of nested prefixes (a prefix never comes back once left): no lookups.
        let mut hashes: Vec<(u64, u32)> = Vec::with_capacity(keys.len() + keys.len() / 4);
        let mut stack: Vec<(usize, usize)> = Vec::new(); // (length, record)
        let mut previous: &[u8] = &[];
        for (key, postings) in keys {
            if key <= previous {
                continue; // not sorted: a damaged file; skip rather than mislabel
            }
            previous = key;
            while let Some(&(len, at)) = stack.last() {
                if key.len() > len && key[len] == b' ' && key[..len] == *t.key_at(at) {
                    break;
                }
                stack.pop();
            }
            for (i, _) in key.iter().enumerate().filter(|&(_, &b)| b == b' ') {
                match stack.iter().find(|&&(len, _)| len == i) {
                    Some(&(_, at)) => t.blob[at] |= flags::LONGER,
                    None => {
                        let h = hash(&key[..i]);
                        let at = t.append(&key[..i], flags::LONGER, &[]);
                        hashes.push((h, at as u32));
                        stack.push((i, at));
                        if memchr::memchr(b' ', &key[..i]).is_some() {
                            t.add_phrase(h);
                        }
                    }
                }
            }
            let h = hash(key);
            let at = t.append(key, flags::NAME, postings);
            hashes.push((h, at as u32));
            stack.push((key.len(), at));
            if memchr::memchr(b' ', key).is_some() {
                t.add_phrase(h);
            }
        }
        let persons_count = persons.lines().count();
        let slots = ((hashes.len() + persons_count) * 8 / 5 + 1).next_power_of_two();
        t.slots = vec![0; slots.max(16)];
        for &(h, at) in &hashes {
            t.insert(h, at);
        }
        t.records = hashes.len();
        for name in persons.lines() {
            t.mark(name.as_bytes(), flags::PERSON);
        }
        t
    }

    /// Appends a record, returning its offset.
    fn append(&mut self, key: &[u8], flags: u8, postings: &[u64]) -> usize {
        let at = self.blob.len();
        let len = u16::try_from(key.len()).unwrap_or(0);
        let n = u32::try_from(postings.len()).unwrap_or(0);
        self.blob.push(flags);
        self.blob.extend_from_slice(&len.to_le_bytes());
        self.blob.extend_from_slice(&n.to_le_bytes());
        self.blob.extend_from_slice(&key[..usize::from(len)]);
        for p in &postings[..n as usize] {
            self.blob.extend_from_slice(&p.to_le_bytes());
        }
        at
    }

    fn add_phrase(&mut self, h: u64) {
        let (word, bits) = phrase_bits(h);
        self.phrases[word] |= bits;
    }

    fn may_be_phrase(&self, h: u64) -> bool {
        let (word, bits) = phrase_bits(h);
        self.phrases.get(word).is_some_and(|&w| w & bits == bits)
    }

    /// Sets `flag` on `key`, adding it (without postings) if it is not there.
    fn mark(&mut self, key: &[u8], flag: u8) {
        let h = hash(key);
        match self.find(h, key) {
            Some(at) => self.blob[at] |= flag,
            None => self.add(h, key, flag, &[]),
        }
    }

    fn add(&mut self, h: u64, key: &[u8], flags: u8, postings: &[u64]) {
        if key.len() > usize::from(u16::MAX) || u32::try_from(self.blob.len()).is_err() {
            return; // longer than any name; never looked up
        }
        let at = self.append(key, flags, postings) as u32;
        self.records += 1;
        // At most 5/8 full, so probes stay short and always end.
        if self.records * 8 > self.slots.len() * 5 {
            self.grow();
        } else {
            self.insert(h, at);
        }
    }

    /// Doubles the slots and inserts every record again (the new one included).
    fn grow(&mut self) {
        self.slots = vec![0; self.slots.len() * 2];
        let mut at = 1;
        while at < self.blob.len() {
            let key = self.key_at(at);
            let next = at + HEADER + key.len() + POSTING * self.count_at(at);
            self.insert(hash(key), at as u32);
            at = next;
        }
    }

    fn insert(&mut self, h: u64, at: u32) {
        let mask = self.slots.len() - 1;
        let mut pos = (h >> 40) as usize & mask;
        while self.slots[pos] != 0 {
            pos = (pos + 1) & mask;
        }
        self.slots[pos] = (h << 32) | u64::from(at);
    }

    fn key_at(&self, at: usize) -> &[u8] {
        let len = match self.blob.get(at + 1..at + 3) {
            Some(&[a, b]) => usize::from(u16::from_le_bytes([a, b])),
            _ => 0,
        };
        self.blob
            .get(at + HEADER..at + HEADER + len)
            .unwrap_or_default()
    }

    fn count_at(&self, at: usize) -> usize {
        match self.blob.get(at + 3..at + 7) {
            Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]) as usize,
            _ => 0,
        }
    }

    /// The record of `key` (hash `h`).
    fn find(&self, h: u64, key: &[u8]) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let tag = h << 32;
        let mut pos = (h >> 40) as usize & mask;
        loop {
            let slot = *self.slots.get(pos)?;
            if slot == 0 {
                return None;
            }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let at = (slot & 0xFFFF_FFFF) as usize;
                if self.key_at(at) == key {
                    return Some(at);
                }
            }
            pos = (pos + 1) & mask;
        }
    }

    /// `get` for many one-word keys at once, into `out`. The table is far larger than the
    /// caches and a lookup costs two misses (its slot, then its record); done in stages over
    /// all keys (every key's first slot, then every key's record, then the comparisons), the
    /// misses of different keys overlap instead of following one another.
    pub fn get_many(&self, keys: &[&[u8]], out: &mut Vec<Option<(usize, u8)>>) {
        let mask = self.slots.len() - 1;
        // Stage 1: hashes and first slots.
        let first: Vec<(u64, u64)> = keys
            .iter()
            .map(|k| {
                let h = hash(k);
                (
                    h,
                    self.slots
                        .get((h >> 40) as usize & mask)
                        .copied()
                        .unwrap_or(0),
                )
            })
            .collect();
        // Stage 2: the record a first slot points to, when its tag matches (the usual case
        // for a key in the table), with the record's length byte.
        let guess: Vec<(usize, u8)> = first
            .iter()
            .map(|&(h, slot)| {
                let at = (slot & 0xFFFF_FFFF) as usize;
                if slot != 0 && slot & 0xFFFF_FFFF_0000_0000 == h << 32 {
                    (at, self.blob.get(at + 1).copied().unwrap_or(0))
                } else {
                    (0, 0)
                }
            })
            .collect();
        // Stage 3: comparisons, and the full probe where the first slot was not the key's.
        out.clear();
        out.extend(
            keys.iter()
                .zip(&first)
                .zip(&guess)
                .map(|((k, &(h, _)), &(at, _))| {
                    let at = if at != 0 && self.key_at(at) == *k {
                        Some(at)
                    } else {
                        self.find(h, k)
                    };
                    at.map(|at| (at, self.blob.get(at).copied().unwrap_or(0)))
                }),
        );
    }

    /// The record of `key` and its flags, if the table has it.
    pub fn get(&self, key: &[u8]) -> Option<(usize, u8)> {
        let h = hash(key);
        if memchr::memchr(b' ', key).is_some() && !self.may_be_phrase(h) {
            return None;
        }
        let at = self.find(h, key)?;
        Some((at, self.blob.get(at).copied().unwrap_or(0)))
    }

    /// The postings of the record at `at` (none for an offset that is not a record's).
    pub fn postings(&self, at: usize) -> impl Iterator<Item = u64> + '_ {
        let start = at + HEADER + self.key_at(at).len();
        let end = start + POSTING * self.count_at(at);
        self.blob
            .get(start..end)
            .unwrap_or_default()
            .chunks_exact(POSTING)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
    }
}
