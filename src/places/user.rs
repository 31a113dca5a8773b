//! The user's extra places, and the name index that searches them with the gazetteer.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::hash::FastHash;
use crate::places::gazetteer::{Gazetteer, KeyInfo};
use crate::places::matcher::{NameRef, Names};
use crate::places::tokens;
use crate::places::tokens::Token;
use crate::places::{PlaceKind, PlacesConfig};

/// A place added by the user: a name the gazetteer lacks, or one that should win over it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExtraPlace {
    /// The name as it is written in texts ("Hazar").
    pub name: String,
    /// Other spellings ("Hazzar", "al-Hazar").
    pub aliases: Vec<String>,
    /// What kind of place it is (not [`PlaceKind::Demonym`]).
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: Option<String>,
    /// First-level division it lies in.
    pub admin1: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// Population, if known.
    pub population: Option<u64>,
}

impl ExtraPlace {
    /// A place called `name` of kind `kind`, without coordinates.
    pub fn new(name: impl Into<String>, kind: PlaceKind) -> ExtraPlace {
        ExtraPlace {
            name: name.into(),
            aliases: Vec::new(),
            kind,
            country_code: None,
            admin1: None,
            lat: None,
            lon: None,
            population: None,
        }
    }

    /// What is wrong with this place, if anything.
    pub(crate) fn validate(&self, gazetteer: &Gazetteer) -> Result<(), String> {
        if tokens::key_of(&self.name, gazetteer).is_empty() {
            return Err(format!("the name {:?} has no letters or digits", self.name));
        }
        if self.kind == PlaceKind::Demonym {
            return Err(
                "kind \"demonym\" cannot be added; use a place kind such as \"city\"".into(),
            );
        }
        match (self.lat, self.lon) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                    return Err(format!(
                        "coordinates ({lat}, {lon}) are out of range: lat must be in -90..90 and lon in -180..180"
                    ));
                }
            }
            (None, None) => {}
            _ => return Err("give both lat and lon, or neither".into()),
        }
        if let Some(cc) = &self.country_code
            && gazetteer.country(cc).is_none()
        {
            return Err(format!(
                "country_code {cc:?} is not an ISO 3166-1 alpha-2 code the gazetteer knows (e.g. \"IQ\")"
            ));
        }
        Ok(())
    }
}

/// The user's extra places with their keys, and the allow and deny lists.
#[derive(Clone, Debug, Default)]
pub struct UserPlaces {
    /// Sorted (key, place index) pairs.
    keys: Vec<(String, usize)>,
    /// The places.
    pub places: Vec<ExtraPlace>,
    /// Keys of names always accepted.
    pub allow: Vec<String>,
    /// Keys of names never reported.
    pub deny: Vec<String>,
}

impl UserPlaces {
    pub fn new(config: &PlacesConfig, gazetteer: &Gazetteer) -> UserPlaces {
        let places: Vec<ExtraPlace> = config
            .extra_places
            .iter()
            .filter(|p| p.validate(gazetteer).is_ok())
            .cloned()
            .collect();
        let mut keys = Vec::new();
        for (i, p) in places.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                let k = tokens::key_of(name, gazetteer);
                if !k.is_empty() {
                    keys.push((k, i));
                }
            }
        }
        keys.sort();
        keys.dedup();
        let norm = |v: &[String]| -> Vec<String> {
            let mut out: Vec<String> = v
                .iter()
                .map(|n| tokens::key_of(n, gazetteer))
                .filter(|k| !k.is_empty())
                .collect();
            out.sort();
            out
        };
        UserPlaces {
            keys,
            places,
            allow: norm(&config.allow),
            deny: norm(&config.deny),
        }
    }

    fn find(&self, key: &str) -> Option<usize> {
        if self.keys.is_empty() {
            return None;
        }
        let i = self.keys.partition_point(|(k, _)| k.as_str() < key);
        (self.keys.get(i).is_some_and(|(k, _)| k == key)).then_some(i)
    }

    /// The places a key number refers to.
    pub fn places_of(&self, key: usize) -> impl Iterator<Item = &ExtraPlace> {
        let k = self.keys.get(key).map(|(k, _)| k.as_str()).unwrap_or("");
        self.keys[key.min(self.keys.len())..]
            .iter()
            .take_while(move |(kk, _)| kk == k)
            .map(|&(_, i)| &self.places[i])
    }

    fn has_longer(&self, key: &str) -> bool {
        if self.keys.is_empty() {
            return false;
        }
        let probe = format!("{key} ");
        let i = self
            .keys
            .partition_point(|(k, _)| k.as_str() < probe.as_str());
        self.keys.get(i).is_some_and(|(k, _)| k.starts_with(&probe))
    }

    /// Whether there is an allow or a deny list.
    pub fn has_lists(&self) -> bool {
        !self.allow.is_empty() || !self.deny.is_empty()
    }

    /// Whether `key` is on the allow list.
    pub fn allowed(&self, key: &str) -> bool {
        self.allow.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
    }

    /// Whether `key` is on the deny list.
    pub fn denied(&self, key: &str) -> bool {
        self.deny.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
    }
}

/// The gazetteer and the user's places, searched together, for one text: what a word of the
/// text is in the gazetteer is looked up once per text (names repeat).
pub struct Index<'a, 'k> {
    pub gazetteer: &'a Gazetteer,
    pub user: &'a UserPlaces,
    words: RefCell<HashMap<&'k str, KeyInfo, FastHash>>,
}

impl<'a, 'k> Index<'a, 'k> {
    /// An index for a text of `words` words.
    pub fn new(gazetteer: &'a Gazetteer, user: &'a UserPlaces, words: usize) -> Index<'a, 'k> {
        // About one word in eight is looked up; distinct ones fewer still.
        let capacity = (words / 8).clamp(16, 4096);
        Index {
            gazetteer,
            user,
            words: RefCell::new(HashMap::with_capacity_and_hasher(
                capacity,
                FastHash::default(),
            )),
        }
    }

    /// What the gazetteer knows about the word `key`, looked up once per text.
    fn word(&self, key: &'k str) -> KeyInfo {
        if let Some(&info) = self.words.borrow().get(key) {
            return info;
        }
        let info = self.gazetteer.key_info(key);
        self.words.borrow_mut().insert(key, info);
        info
    }

    /// What the gazetteer knows about the word `t` (looked up already if capitalised).
    fn info(&self, t: &Token<'k>) -> KeyInfo {
        if t.upper { t.info } else { self.word(t.key) }
    }

    /// Where the one word `t` is found.
    pub fn find_word(&self, t: &Token<'k>) -> Option<NameRef> {
        self.lookup_word(t).0
    }

    /// Whether the word `t` is a common first name or surname.
    pub fn is_person(&self, t: &Token<'k>) -> bool {
        self.info(t).person()
    }

    fn combine(&self, key: &str, info: KeyInfo) -> (Option<NameRef>, bool) {
        let r = NameRef {
            gazetteer: info.names(),
            user: self.user.find(key),
        };
        let found = r.gazetteer.is_some() || r.user.is_some() || self.user.allowed(key);
        (
            found.then_some(r),
            info.longer() || self.user.has_longer(key),
        )
    }
}

impl<'k> Names<'k> for Index<'_, 'k> {
    fn lookup(&self, key: &str) -> (Option<NameRef>, bool) {
        self.combine(key, self.gazetteer.key_info(key))
    }

    fn lookup_word(&self, t: &Token<'k>) -> (Option<NameRef>, bool) {
        self.combine(t.key, self.info(t))
    }
}
