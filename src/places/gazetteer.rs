//! The embedded gazetteer: GeoNames-derived places and their names, loaded once per process.
//!
//! `data/gazetteer/gazetteer.bin` is built by `tools/build_gazetteer.py` from registry packages
//! (see `data/gazetteer/PROVENANCE.md`) and compiled into the library with `include_bytes!`. It is
//! decompressed and parsed the first time places are asked for, then shared by every thread.
//!
//! # Format (version 1)
//!
//! `b"FSGZ"`, a `u32` version, then a zlib stream holding five sections, each a `u32` byte length
//! followed by its bytes (all integers little-endian):
//!
//! 1. the fold table: UTF-8 lines `char \t ascii` (how Latin letters with diacritics fold);
//! 2. the string pool of canonical names;
//! 3. entries: `u32 n`, then columns `geonameid u32[n]`, `lat i32[n]` and `lon i32[n]`
//!    (degrees × 10⁵), `population u32[n]`, `admin1 u32[n]` (entry index, `u32::MAX` for none),
//!    `name offset u32[n]`, `name length u8[n]`, `kind u8[n]`, `country code [u8; 2][n]`;
//! 4. keys: `u32 k`, `offsets u32[k + 1]` into the key pool, the key pool (sorted keys, see
//!    [`normalize`](super::normalize));
//! 5. postings: `u32 m`, `offsets u32[k + 1]`, `entry u32[m]`, `flags u8[m]` (see [`NameFlags`]);
//! 6. person names: the keys of common first names and surnames, one per line.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::places::PlaceKind;
use crate::places::lexicon::FxBuild;

static DATA: &[u8] = include_bytes!("../../data/gazetteer/gazetteer.bin");

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| match Gazetteer::parse(DATA) {
    Ok(g) => g,
    // The file is built and checked by the maintainers' tool and a test; should it ever be
    // damaged, places are simply not found rather than the process aborting.
    Err(_) => Gazetteer::empty(),
});

/// The embedded gazetteer, loaded on first use.
pub fn embedded() -> &'static Gazetteer {
    &GAZETTEER
}

/// How a name refers to its entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameFlags(pub u8);

impl NameFlags {
    /// The entry's own canonical or ASCII name, not an alternate.
    pub const PRIMARY: u8 = 1;
    /// Accepted only when written in capitals ("US", "UK", "U.S.").
    pub const CAPS: u8 = 2;
    /// A state abbreviation ("La.", "Calif."), accepted only after "Place, ".
    pub const ABBR: u8 = 4;
    /// Also a common English word ("Reading", "Mobile").
    pub const COMMON: u8 = 8;
    /// A demonym or adjective ("Iraqi", "Kurdish").
    pub const DEMONYM: u8 = 16;
    /// Also a common first name or surname ("Jones", "Ripley").
    pub const PERSON: u8 = 32;
    /// Also written as a lower-case word ("Reading", "Mobile").
    pub const LOWER: u8 = 64;
    /// The reading news means by this name ("Washington" → the capital): set by the supplement.
    pub const PREFERRED: u8 = 128;

    /// Whether `flag` is set.
    pub fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
}

/// One name → entry link.
#[derive(Clone, Copy, Debug)]
pub struct Posting {
    /// Index of the entry.
    pub entry: u32,
    /// How the name refers to it.
    pub flags: NameFlags,
}

/// The places and names of the gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    fold: HashMap<char, Box<str>, FxBuild>,
    /// For each first two bytes of a key, the first key number starting with them or later
    /// (65 537 entries), so a search only bisects keys that share its first two bytes.
    buckets: Vec<u32>,
    /// The first eight bytes of each key, big-endian (zero-padded), for the search.
    prefixes: Vec<u64>,

    strings: Vec<u8>,
    geonameid: Vec<u32>,
    lat: Vec<i32>,
    lon: Vec<i32>,
    population: Vec<u32>,
    admin1: Vec<u32>,
    name_off: Vec<u32>,
    name_len: Vec<u8>,
    kind: Vec<u8>,
    cc: Vec<[u8; 2]>,
    key_off: Vec<u32>,
    key_pool: Vec<u8>,
    post_off: Vec<u32>,
    post_entry: Vec<u32>,
    post_flags: Vec<u8>,
    persons: HashSet<Box<str>, FxBuild>,
}

/// Why the embedded file could not be read (only a damaged build produces one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub &'static str);

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(FormatError("length overflow"))?;
        let out = self
            .data
            .get(self.pos..end)
            .ok_or(FormatError("truncated"))?;
        self.pos = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, FormatError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn section(&mut self) -> Result<Reader<'a>, FormatError> {
        let len = self.u32()? as usize;
        Ok(Reader {
            data: self.take(len)?,
            pos: 0,
        })
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, FormatError> {
        let b = self.take(n.checked_mul(4).ok_or(FormatError("length overflow"))?)?;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }

    fn i32s(&mut self, n: usize) -> Result<Vec<i32>, FormatError> {
        Ok(self.u32s(n)?.into_iter().map(|x| x as i32).collect())
    }
}

impl Gazetteer {
    fn empty() -> Gazetteer {
        Gazetteer {
            fold: HashMap::default(),
            buckets: vec![0; 65_537],
            prefixes: Vec::new(),
            strings: Vec::new(),
            geonameid: Vec::new(),
            lat: Vec::new(),
            lon: Vec::new(),
            population: Vec::new(),
            admin1: Vec::new(),
            name_off: Vec::new(),
            name_len: Vec::new(),
            kind: Vec::new(),
            cc: Vec::new(),
            key_off: vec![0],
            key_pool: Vec::new(),
            post_off: vec![0],
            post_entry: Vec::new(),
            post_flags: Vec::new(),
            persons: HashSet::default(),
        }
    }

    /// Parses a gazetteer file (the embedded one, or one built by the tool for a test).
    pub fn parse(data: &[u8]) -> Result<Gazetteer, FormatError> {
        if data.len() < 8 || &data[..4] != b"FSGZ" {
            return Err(FormatError("not a factsift gazetteer"));
        }
        if data[4..8] != 1u32.to_le_bytes() {
            return Err(FormatError("unsupported gazetteer version"));
        }
        let body = miniz_oxide::inflate::decompress_to_vec_zlib(&data[8..])
            .map_err(|_| FormatError("corrupt compressed data"))?;
        let mut r = Reader {
            data: &body,
            pos: 0,
        };
        let fold_text = std::str::from_utf8(r.section()?.data)
            .map_err(|_| FormatError("fold table is not UTF-8"))?;
        let mut fold = HashMap::default();
        for line in fold_text.lines() {
            let mut parts = line.split('\t');
            let (Some(c), Some(v)) = (parts.next(), parts.next()) else {
                continue;
            };
            let mut chars = c.chars();
            if let (Some(ch), None) = (chars.next(), chars.next()) {
                fold.insert(ch, Box::from(v));
            }
        }
        let strings = r.section()?.data.to_vec();
        let mut e = r.section()?;
        let n = e.u32()? as usize;
        let geonameid = e.u32s(n)?;
        let lat = e.i32s(n)?;
        let lon = e.i32s(n)?;
        let population = e.u32s(n)?;
        let admin1 = e.u32s(n)?;
        let name_off = e.u32s(n)?;
        let name_len = e.take(n)?.to_vec();
        let kind = e.take(n)?.to_vec();
        let cc = e
            .take(n.checked_mul(2).ok_or(FormatError("length overflow"))?)?
            .chunks_exact(2)
            .map(|c| [c[0], c[1]])
            .collect();
        let mut k = r.section()?;
        let nk = k.u32()? as usize;
        let key_off = k.u32s(nk + 1)?;
        let key_pool = k.data[k.pos..].to_vec();
        let mut p = r.section()?;
        let m = p.u32()? as usize;
        let post_off = p.u32s(nk + 1)?;
        let post_entry = p.u32s(m)?;
        let post_flags = p.take(m)?.to_vec();
        let persons = std::str::from_utf8(r.section()?.data)
            .map_err(|_| FormatError("person names are not UTF-8"))?
            .lines()
            .map(Box::from)
            .collect();
        let mut g = Gazetteer {
            fold,
            buckets: Vec::new(),
            prefixes: Vec::new(),
            strings,
            geonameid,
            lat,
            lon,
            population,
            admin1,
            name_off,
            name_len,
            kind,
            cc,
            key_off,
            key_pool,
            post_off,
            post_entry,
            post_flags,
            persons,
        };
        g.validate()?;
        g.buckets = g.build_buckets();
        g.prefixes = (0..g.key_count())
            .map(|i| Gazetteer::prefix_of(g.key(i)))
            .collect();
        Ok(g)
    }

    /// Checks every offset once, so that lookups never index out of bounds.
    fn validate(&self) -> Result<(), FormatError> {
        let n = self.geonameid.len();
        for i in 0..n {
            let end = self.name_off[i] as usize + self.name_len[i] as usize;
            if end > self.strings.len()
                || std::str::from_utf8(&self.strings[self.name_off[i] as usize..end]).is_err()
            {
                return Err(FormatError("bad name offset"));
            }
            let a = self.admin1[i];
            if a != u32::MAX && a as usize >= n {
                return Err(FormatError("bad admin1 index"));
            }
        }
        if self.key_off.windows(2).any(|w| w[0] > w[1])
            || self
                .key_off
                .last()
                .is_some_and(|&x| x as usize > self.key_pool.len())
            || std::str::from_utf8(&self.key_pool).is_err()
        {
            return Err(FormatError("bad key offsets"));
        }
        if self.post_off.windows(2).any(|w| w[0] > w[1])
            || self
                .post_off
                .last()
                .is_some_and(|&x| x as usize > self.post_entry.len())
            || self.post_entry.iter().any(|&e| e as usize >= n)
        {
            return Err(FormatError("bad postings"));
        }
        Ok(())
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.geonameid.len()
    }

    /// True for a gazetteer without entries.
    pub fn is_empty(&self) -> bool {
        self.geonameid.is_empty()
    }

    /// Number of distinct name keys.
    pub fn key_count(&self) -> usize {
        self.key_off.len().saturating_sub(1)
    }

    /// Whether `key` (one folded word) is a common first name or surname ("hilton").
    pub fn is_person_name(&self, key: &str) -> bool {
        self.persons.contains(key)
    }

    /// How `c` folds to ASCII (`'ţ'` → `"t"`), if it is a Latin letter with diacritics.
    pub fn fold(&self, c: char) -> Option<&str> {
        self.fold.get(&c).map(|s| &**s)
    }

    fn key(&self, i: usize) -> &[u8] {
        &self.key_pool[self.key_off[i] as usize..self.key_off[i + 1] as usize]
    }

    fn bucket_of(key: &[u8]) -> usize {
        (usize::from(key.first().copied().unwrap_or(0)) << 8)
            | usize::from(key.get(1).copied().unwrap_or(0))
    }

    fn build_buckets(&self) -> Vec<u32> {
        let mut buckets = vec![0u32; 65_537];
        let mut k = 0;
        for (b, slot) in buckets.iter_mut().enumerate() {
            while k < self.key_count() && Gazetteer::bucket_of(self.key(k)) < b {
                k += 1;
            }
            *slot = k as u32;
        }
        buckets
    }

    /// The first key not less than `key`.
    fn lower_bound(&self, key: &[u8]) -> usize {
        let b = Gazetteer::bucket_of(key);
        let (mut lo, mut hi) = match (self.buckets.get(b), self.buckets.get(b + 1)) {
            (Some(&lo), Some(&hi)) => (lo as usize, hi as usize),
            _ => (0, self.key_count()),
        };
        // Compare the first eight bytes as one big-endian number (a small, cache-friendly
        // array) and only look at the key bytes on a tie.
        let probe = Gazetteer::prefix_of(key);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let p = self.prefixes.get(mid).copied().unwrap_or(0);
            let less = p < probe || (p == probe && self.key(mid) < key);
            if less {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn prefix_of(key: &[u8]) -> u64 {
        let mut b = [0u8; 8];
        let n = key.len().min(8);
        b[..n].copy_from_slice(&key[..n]);
        u64::from_be_bytes(b)
    }

    /// The index of `key`, if the gazetteer has it, and whether a longer name starts with
    /// `key` and a space — in one search: such names sort right after `key` itself.
    pub fn lookup(&self, key: &str) -> (Option<usize>, bool) {
        let k = key.as_bytes();
        let i = self.lower_bound(k);
        let exact = (i < self.key_count() && self.key(i) == k).then_some(i);
        let next = if exact.is_some() { i + 1 } else { i };
        let longer = next < self.key_count() && {
            let n = self.key(next);
            n.len() > k.len() && n.starts_with(k) && n[k.len()] == b' '
        };
        (exact, longer)
    }

    /// The index of `key`, if the gazetteer has it.
    pub fn find_key(&self, key: &str) -> Option<usize> {
        self.lookup(key).0
    }

    /// Whether some key starts with `prefix` followed by a space (a longer name may follow).
    pub fn has_longer(&self, prefix: &str) -> bool {
        self.lookup(prefix).1
    }

    /// The entries named by key number `key`.
    pub fn postings(&self, key: usize) -> impl Iterator<Item = Posting> + '_ {
        let (a, b) = (self.post_off[key] as usize, self.post_off[key + 1] as usize);
        (a..b).map(move |i| Posting {
            entry: self.post_entry[i],
            flags: NameFlags(self.post_flags[i]),
        })
    }

    /// The entry at `index`.
    pub fn entry(&self, index: u32) -> Entry<'_> {
        Entry {
            gazetteer: self,
            index: index as usize,
        }
    }

    /// The entry of a country, by ISO code.
    pub fn country(&self, code: &str) -> Option<Entry<'_>> {
        (0..self.len())
            .find(|&i| self.kind[i] == 0 && self.cc[i] == code.as_bytes())
            .map(|i| self.entry(i as u32))
    }
}

/// A place of the gazetteer.
#[derive(Clone, Copy)]
pub struct Entry<'g> {
    gazetteer: &'g Gazetteer,
    index: usize,
}

impl<'g> Entry<'g> {
    /// Index of this entry in the gazetteer.
    pub fn index(&self) -> u32 {
        self.index as u32
    }

    /// GeoNames id.
    pub fn geonameid(&self) -> u64 {
        u64::from(self.gazetteer.geonameid[self.index])
    }

    /// Canonical name.
    pub fn name(&self) -> &'g str {
        let g = self.gazetteer;
        let a = g.name_off[self.index] as usize;
        let b = a + g.name_len[self.index] as usize;
        std::str::from_utf8(&g.strings[a..b]).unwrap_or("")
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        f64::from(self.gazetteer.lat[self.index]) / 1e5
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        f64::from(self.gazetteer.lon[self.index]) / 1e5
    }

    /// Population (0 when unknown).
    pub fn population(&self) -> u64 {
        u64::from(self.gazetteer.population[self.index])
    }

    /// What kind of place this is.
    pub fn kind(&self) -> PlaceKind {
        match self.gazetteer.kind[self.index] {
            0 => PlaceKind::Country,
            1 => PlaceKind::Admin1,
            2 => PlaceKind::Admin2,
            3 => PlaceKind::City,
            5 => PlaceKind::Continent,
            _ => PlaceKind::Region,
        }
    }

    /// ISO 3166-1 alpha-2 country code, if the place is in one country.
    pub fn country_code(&self) -> Option<&'g str> {
        let cc = &self.gazetteer.cc[self.index];
        if cc[0].is_ascii_uppercase() && cc[1].is_ascii_uppercase() {
            std::str::from_utf8(cc).ok()
        } else {
            None
        }
    }

    /// The first-level division the place lies in.
    pub fn admin1(&self) -> Option<Entry<'g>> {
        match self.gazetteer.admin1[self.index] {
            u32::MAX => None,
            a => Some(self.gazetteer.entry(a)),
        }
    }
}

impl std::fmt::Debug for Entry<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entry")
            .field("name", &self.name())
            .field("kind", &self.kind())
            .field("cc", &self.country_code())
            .field("geonameid", &self.geonameid())
            .finish()
    }
}
