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
//! 4. keys: `u32 k`, `offsets u32[k + 1]` into the key pool, the key pool (keys sorted bytewise,
//!    folded as the matcher folds words);
//! 5. postings: `u32 m`, `offsets u32[k + 1]`, `entry u32[m]`, `flags u8[m]` (see [`NameFlags`]);
//! 6. person names: the keys of common first names and surnames, one per line.
//!
//! # In memory
//!
//! Entries are kept as one record each (one cache line per place looked at); names are found
//! through the hash table of the `names` module, built at load time, where one probe
//! answers whether a key names places (and gives their postings next to the key), whether a
//! longer name starts with it, and whether it is a person's name.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::hash::FastHash;
use crate::places::PlaceKind;
use crate::places::names::{NameTable, flags};

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

/// What the gazetteer knows about a key (eight bytes, kept on every capitalised word).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyInfo {
    /// The key's record in the name table, 0 if the table lacks the key.
    record: u32,
    flags: u8,
}

impl KeyInfo {
    /// Key number, if the key names places (for [`Gazetteer::postings`]).
    pub fn names(self) -> Option<usize> {
        (self.flags & flags::NAME != 0).then_some(self.record as usize)
    }

    /// A longer name starts with the key and a space.
    pub fn longer(self) -> bool {
        self.flags & flags::LONGER != 0
    }

    /// The key is a common first name or surname.
    pub fn person(self) -> bool {
        self.flags & flags::PERSON != 0
    }
}

/// One name → entry link.
#[derive(Clone, Copy, Debug)]
pub struct Posting {
    /// Index of the entry.
    pub entry: u32,
    /// How the name refers to it.
    pub flags: NameFlags,
    /// The entry's kind (a copy, so that the context filters need not look at the entry).
    pub kind: PlaceKind,
    /// The entry's population, up to [`Posting::MAX_POPULATION`] (a copy, as `kind`).
    pub population: u64,
}

impl Posting {
    /// The most population a posting carries: more says nothing more to the filters.
    pub const MAX_POPULATION: u64 = (1 << 29) - 1;

    /// Entry (24 bits), flags (8), kind (3) and population (29) in one `u64`.
    fn pack(entry: u32, flags: NameFlags, record: &Record) -> u64 {
        let population = u64::from(record.population).min(Posting::MAX_POPULATION);
        let kind = u64::from(record.kind.min(7));
        u64::from((entry << 8) | u32::from(flags.0)) | (kind << 61) | (population << 32)
    }

    fn unpack(p: u64) -> Posting {
        let low = p as u32;
        Posting {
            entry: low >> 8,
            flags: NameFlags(low as u8),
            kind: kind_of((p >> 61) as u8),
            population: (p >> 32) & Posting::MAX_POPULATION,
        }
    }
}

/// The kind stored as `kind` in the file.
fn kind_of(kind: u8) -> PlaceKind {
    match kind {
        0 => PlaceKind::Country,
        1 => PlaceKind::Admin1,
        2 => PlaceKind::Admin2,
        3 => PlaceKind::City,
        5 => PlaceKind::Continent,
        _ => PlaceKind::Region,
    }
}

/// One place, its columns side by side.
#[derive(Clone, Copy, Debug)]
struct Record {
    geonameid: u32,
    lat: i32,
    lon: i32,
    population: u32,
    admin1: u32,
    name_off: u32,
    name_len: u8,
    kind: u8,
    cc: [u8; 2],
}

/// The places and names of the gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    fold: HashMap<char, Box<str>, FastHash>,
    /// The canonical names back to back (checked once, so that a name is a plain slice).
    strings: String,
    records: Vec<Record>,
    /// Number of distinct name keys in the file.
    key_count: usize,
    names: NameTable,
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
            strings: String::new(),
            records: Vec::new(),
            key_count: 0,
            names: NameTable::empty(),
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
        let strings = String::from_utf8(r.section()?.data.to_vec())
            .map_err(|_| FormatError("names are not UTF-8"))?;
        let mut e = r.section()?;
        let n = e.u32()? as usize;
        if n >= 1 << 24 {
            return Err(FormatError("too many entries"));
        }
        let geonameid = e.u32s(n)?;
        let lat = e.i32s(n)?;
        let lon = e.i32s(n)?;
        let population = e.u32s(n)?;
        let admin1 = e.u32s(n)?;
        let name_off = e.u32s(n)?;
        let name_len = e.take(n)?;
        let kind = e.take(n)?;
        let cc = e.take(n.checked_mul(2).ok_or(FormatError("length overflow"))?)?;
        let records: Vec<Record> = (0..n)
            .map(|i| Record {
                geonameid: geonameid[i],
                lat: lat[i],
                lon: lon[i],
                population: population[i],
                admin1: admin1[i],
                name_off: name_off[i],
                name_len: name_len[i],
                kind: kind[i],
                cc: [cc[2 * i], cc[2 * i + 1]],
            })
            .collect();
        let mut k = r.section()?;
        let nk = k.u32()? as usize;
        let key_off = k.u32s(nk + 1)?;
        let key_pool = &k.data[k.pos..];
        let mut p = r.section()?;
        let m = p.u32()? as usize;
        let post_off = p.u32s(nk + 1)?;
        let post_entry = p.u32s(m)?;
        let post_flags = p.take(m)?;
        let persons = std::str::from_utf8(r.section()?.data)
            .map_err(|_| FormatError("person names are not UTF-8"))?;
        let monotonic = |v: &[u32], end: usize| {
            v.first() == Some(&0)
                && v.windows(2).all(|w| w[0] <= w[1])
                && v.last().is_some_and(|&x| x as usize <= end)
        };
        if !monotonic(&key_off, key_pool.len()) || std::str::from_utf8(key_pool).is_err() {
            return Err(FormatError("bad key offsets"));
        }
        if !monotonic(&post_off, m) || post_entry.iter().any(|&e| e as usize >= n) {
            return Err(FormatError("bad postings"));
        }
        let postings: Vec<u64> = post_entry
            .iter()
            .zip(post_flags)
            .map(|(&e, &f)| Posting::pack(e, NameFlags(f), &records[e as usize]))
            .collect();
        let keys = (0..nk).map(|i| {
            let key = &key_pool[key_off[i] as usize..key_off[i + 1] as usize];
            (
                key,
                &postings[post_off[i] as usize..post_off[i + 1] as usize],
            )
        });
        let g = Gazetteer {
            fold,
            strings,
            records,
            key_count: nk,
            names: NameTable::build(keys, persons),
        };
        g.validate()?;
        Ok(g)
    }

    /// Checks every offset once, so that lookups never index out of bounds.
    fn validate(&self) -> Result<(), FormatError> {
        let n = self.records.len();
        for r in &self.records {
            let end = r.name_off as usize + r.name_len as usize;
            if end > self.strings.len() || self.strings.get(r.name_off as usize..end).is_none() {
                return Err(FormatError("bad name offset"));
            }
            if r.admin1 != u32::MAX && r.admin1 as usize >= n {
                return Err(FormatError("bad admin1 index"));
            }
        }
        Ok(())
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True for a gazetteer without entries.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Number of distinct name keys.
    pub fn key_count(&self) -> usize {
        self.key_count
    }

    /// [`Gazetteer::key_info`] of many one-word keys, into `out` (faster than one by one:
    /// the cache misses of different keys overlap).
    pub fn key_infos(&self, keys: &[&[u8]], out: &mut Vec<KeyInfo>) {
        let mut found = Vec::with_capacity(keys.len());
        self.names.get_many(keys, &mut found);
        out.clear();
        out.extend(found.into_iter().map(|f| match f {
            Some((record, flags)) => KeyInfo {
                record: u32::try_from(record).unwrap_or(0),
                flags,
            },
            None => KeyInfo::default(),
        }));
    }

    /// Whether `key` (one folded word) is a common first name or surname ("hilton").
    pub fn is_person_name(&self, key: &str) -> bool {
        self.key_info(key).person()
    }

    /// Everything the name table says about `key`, in one probe.
    pub fn key_info(&self, key: &str) -> KeyInfo {
        match self.names.get(key.as_bytes()) {
            Some((record, flags)) => KeyInfo {
                record: u32::try_from(record).unwrap_or(0),
                flags,
            },
            None => KeyInfo::default(),
        }
    }

    /// How `c` folds to ASCII (`'ţ'` → `"t"`), if it is a Latin letter with diacritics.
    pub fn fold(&self, c: char) -> Option<&str> {
        self.fold.get(&c).map(|s| &**s)
    }

    /// The index of `key`, if the gazetteer has it, and whether a longer name starts with
    /// `key` and a space — in one probe.
    pub fn lookup(&self, key: &str) -> (Option<usize>, bool) {
        let info = self.key_info(key);
        (info.names(), info.longer())
    }

    /// The index of `key`, if the gazetteer has it.
    pub fn find_key(&self, key: &str) -> Option<usize> {
        self.lookup(key).0
    }

    /// Whether some key starts with `prefix` followed by a space (a longer name may follow).
    pub fn has_longer(&self, prefix: &str) -> bool {
        self.lookup(prefix).1
    }

    /// The entries named by key number `key` (as returned by [`Gazetteer::find_key`]).
    pub fn postings(&self, key: usize) -> impl Iterator<Item = Posting> + '_ {
        self.names.postings(key).map(Posting::unpack)
    }

    /// The entry at `index`.
    pub fn entry(&self, index: u32) -> Entry<'_> {
        Entry {
            gazetteer: self,
            index: index as usize,
        }
    }

    /// Loads the records of `entries` into the cache, all at once: a record costs a cache
    /// miss, and misses issued back to back overlap, where the same loads spread over the
    /// work of weighing each reading would follow one another.
    pub fn warm(&self, entries: impl Iterator<Item = u32>) {
        let mut any = 0u32;
        for e in entries {
            if let Some(r) = self.records.get(e as usize) {
                any ^= r.population;
            }
        }
        std::hint::black_box(any);
    }

    /// The entry of a country, by ISO code.
    pub fn country(&self, code: &str) -> Option<Entry<'_>> {
        self.records
            .iter()
            .position(|r| r.kind == 0 && r.cc == code.as_bytes())
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
    fn record(&self) -> &'g Record {
        &self.gazetteer.records[self.index]
    }

    /// Index of this entry in the gazetteer.
    pub fn index(&self) -> u32 {
        self.index as u32
    }

    /// GeoNames id.
    pub fn geonameid(&self) -> u64 {
        u64::from(self.record().geonameid)
    }

    /// Canonical name.
    pub fn name(&self) -> &'g str {
        let r = self.record();
        let a = r.name_off as usize;
        let b = a + r.name_len as usize;
        self.gazetteer.strings.get(a..b).unwrap_or("")
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        f64::from(self.record().lat) / 1e5
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        f64::from(self.record().lon) / 1e5
    }

    /// Population (0 when unknown).
    pub fn population(&self) -> u64 {
        u64::from(self.record().population)
    }

    /// What kind of place this is.
    pub fn kind(&self) -> PlaceKind {
        kind_of(self.record().kind)
    }

    /// ISO 3166-1 alpha-2 country code, if the place is in one country.
    pub fn country_code(&self) -> Option<&'g str> {
        let cc = &self.gazetteer.records[self.index].cc;
        if cc[0].is_ascii_uppercase() && cc[1].is_ascii_uppercase() {
            std::str::from_utf8(cc).ok()
        } else {
            None
        }
    }

    /// [`Entry::country_code`] as its two bytes (no string check: resolution compares codes
    /// as bytes for every reading it weighs).
    pub fn country_bytes(&self) -> Option<[u8; 2]> {
        let cc = self.gazetteer.records[self.index].cc;
        (cc[0].is_ascii_uppercase() && cc[1].is_ascii_uppercase()).then_some(cc)
    }

    /// The first-level division the place lies in.
    pub fn admin1(&self) -> Option<Entry<'g>> {
        match self.record().admin1 {
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
