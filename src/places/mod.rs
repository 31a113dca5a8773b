//! Places: toponyms found in text and resolved against an embedded gazetteer.
//!
//! Recognition finds place-shaped mentions (gazetteer names, filtered by capitalisation and
//! context, plus "the X area"-style mentions the gazetteer lacks); resolution picks the most likely
//! gazetteer entry for each, using feature class, population and the other places in the document.
//!
//! ```
//! use factsift::{Extractor, PlaceKind};
//!
//! let text = "Officials in Nineveh province said the Hazar area is quiet.";
//! let places = Extractor::new().places(text);
//! let nineveh = &places[0];
//! assert_eq!(nineveh.span.as_str(text), "Nineveh");
//! assert_eq!(nineveh.kind, PlaceKind::Admin1);
//! assert_eq!(nineveh.country_code.as_deref(), Some("IQ"));
//! assert_eq!(places[1].span.as_str(text), "Hazar");
//! assert_eq!(places[1].kind, PlaceKind::Unknown);
//! ```
//!
//! # What is reported
//!
//! - The span is the name itself: "Nineveh" in "Nineveh province", "Anbar" in "Anbar's". Heads
//!   that are part of a proper name stay ("Kurdistan Region", "Gaza Strip", "Cook County").
//! - A direction word before the name goes to [`Place::modifier`] ("western" in "western Iraq").
//! - Demonyms ("Iraqi", "Kurdish") are places of kind [`PlaceKind::Demonym`] carrying their
//!   country (switch them off with [`PlacesConfig::demonyms`]).
//! - A place-shaped mention the gazetteer lacks ("the Hazar area") has kind
//!   [`PlaceKind::Unknown`] and no coordinates. A feature named after a known place
//!   ("Catawba River", "Hamilton Township") is also `Unknown`, with that place's coordinates
//!   as an approximation (and no `geonameid`). A street ("Main Street") is `Unknown` too, with
//!   the point of the nearest town or district mentioned before it (or after it) as an
//!   approximation.
//! - **Relative locations.** In "Hazar district lies about 60 kilometers southwest of Nineveh
//!   province", the place the sentence locates (Hazar) gets the point 60 km south-west of
//!   Nineveh as its `lat`/`lon`, and `modifier` says how it was computed
//!   (`"60 km southwest of Nineveh"`); Nineveh keeps its own coordinates.
//! - `admin1` is the name of the first-level division the place lies in (the division's own
//!   name for an `admin1` place).

mod buffers;
mod context;
pub mod gazetteer;
mod lexicon;
mod matcher;
mod names;
mod relative;
mod resolver;
mod tokens;
mod user;

use crate::error::{Error, Result};
use crate::sentences::Sentence;
use crate::span::Span;

pub use gazetteer::{Entry, Gazetteer};
pub use user::ExtraPlace;

/// One place mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Byte span of the name as written ("Nineveh" in "Nineveh province").
    pub span: Span,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
    /// Canonical name of the resolved place ("Nineveh Governorate"), or the surface text when the
    /// gazetteer has no entry.
    pub name: String,
    /// What kind of place this is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code, if known.
    pub country_code: Option<String>,
    /// Name of the first-level administrative division, if known.
    pub admin1: Option<String>,
    /// Latitude in degrees, if resolved.
    pub lat: Option<f64>,
    /// Longitude in degrees, if resolved.
    pub lon: Option<f64>,
    /// GeoNames id of the resolved entry, if any.
    pub geonameid: Option<u64>,
    /// Population of the resolved entry, if known.
    pub population: Option<u64>,
    /// A direction or position word that qualifies the place ("western" in "western Iraq").
    pub modifier: Option<String>,
    /// Confidence in the recognition and resolution, 0 to 1.
    pub score: f64,
}

/// The kind of a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PlaceKind {
    /// A sovereign country or dependent territory.
    Country,
    /// A first-level division (state, province, governorate).
    Admin1,
    /// A second-level division (county, district).
    Admin2,
    /// A populated place.
    City,
    /// A named region that is not an administrative unit ("Middle East", "Kurdistan Region").
    Region,
    /// A continent.
    Continent,
    /// A place-shaped mention the gazetteer does not know ("the Hazar area").
    Unknown,
    /// A demonym or adjective of a country ("Iraqi").
    Demonym,
}

impl PlaceKind {
    /// Every kind, in the order of [`PlaceKind::as_str`]'s documentation.
    pub const ALL: [PlaceKind; 8] = [
        PlaceKind::Country,
        PlaceKind::Admin1,
        PlaceKind::Admin2,
        PlaceKind::City,
        PlaceKind::Region,
        PlaceKind::Continent,
        PlaceKind::Unknown,
        PlaceKind::Demonym,
    ];

    /// The kind named `name` ("city", "admin1", ...), if there is one.
    pub fn from_name(name: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The lower-case name used in Python and in frames ("country", "admin1", ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Admin2 => "admin2",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Continent => "continent",
            PlaceKind::Unknown => "unknown",
            PlaceKind::Demonym => "demonym",
        }
    }
}

/// Options for place extraction.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacesConfig {
    /// Report demonyms ("Iraqi") as places of kind `demonym` (default true).
    pub demonyms: bool,
    /// Places the gazetteer lacks or that should win over it (a newsroom's local names).
    pub extra_places: Vec<ExtraPlace>,
    /// Names always reported as places when they occur capitalised, whatever their context.
    pub allow: Vec<String>,
    /// Names never reported as places.
    pub deny: Vec<String>,
    /// ISO 3166-1 alpha-2 codes of the countries the texts are about: ambiguous names resolve
    /// to places in these countries first.
    pub countries: Vec<String>,
}

impl Default for PlacesConfig {
    fn default() -> PlacesConfig {
        PlacesConfig {
            demonyms: true,
            extra_places: Vec::new(),
            allow: Vec::new(),
            deny: Vec::new(),
            countries: Vec::new(),
        }
    }
}

impl PlacesConfig {
    /// Whether the user gave country codes, allow or deny lists, or extra places.
    fn has_user_lists(&self) -> bool {
        !(self.countries.is_empty()
            && self.allow.is_empty()
            && self.deny.is_empty()
            && self.extra_places.is_empty())
    }

    /// Checks the options, saying which one is wrong and what to do.
    pub fn validate(&self) -> Result<()> {
        if !self.has_user_lists() {
            return Ok(()); // nothing to check: leave the gazetteer unloaded until places are asked for
        }
        let gazetteer = gazetteer::embedded();
        for code in &self.countries {
            let ok = code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
            if !ok || gazetteer.country(code).is_none() {
                return Err(Error::invalid_option(
                    "country_focus",
                    format!(
                        "{code:?} is not an ISO 3166-1 alpha-2 country code the gazetteer knows; \
                         use upper-case two-letter codes such as \"IQ\" or \"US\""
                    ),
                ));
            }
        }
        for (option, names) in [("allow_places", &self.allow), ("deny_places", &self.deny)] {
            if let Some(i) = names
                .iter()
                .position(|n| tokens::key_of(n, gazetteer).is_empty())
            {
                return Err(Error::invalid_option(
                    option,
                    format!(
                        "item {} ({:?}) has no letters or digits; give place names such as \"Anbar\"",
                        i + 1,
                        names[i]
                    ),
                ));
            }
        }
        for (i, place) in self.extra_places.iter().enumerate() {
            place
                .validate(gazetteer)
                .map_err(|message| Error::invalid_data("extra_places", Some(i + 1), message))?;
        }
        Ok(())
    }
}

/// Finds and resolves places in text that has already been split into sentences.
#[derive(Clone, Debug, Default)]
pub struct PlaceExtractor {
    config: PlacesConfig,
    user: user::UserPlaces,
}

impl PlaceExtractor {
    /// A place extractor with `config`. Use [`PlacesConfig::validate`] first to get an error
    /// for bad options; invalid extra places are otherwise skipped.
    pub fn new(config: PlacesConfig) -> PlaceExtractor {
        // The gazetteer (tens of MB) loads on first use, so that an extractor used only for
        // sentences or claims never pays for it; user lists need it now, to read their names.
        let user = if config.has_user_lists() {
            user::UserPlaces::new(&config, gazetteer::embedded())
        } else {
            user::UserPlaces::default()
        };
        PlaceExtractor { config, user }
    }

    /// The options this extractor was built with.
    pub fn config(&self) -> &PlacesConfig {
        &self.config
    }

    /// Places in `text`, in order, each inside one of `sentences`.
    pub fn extract(&self, text: &str, sentences: &[Sentence]) -> Vec<Place> {
        let gazetteer = gazetteer::embedded();
        let (mut folded, spare) = buffers::take();
        let (mut words, title_case) = tokens::tokenize_into(
            text,
            sentences.iter().map(|s| s.span),
            gazetteer,
            &mut folded,
            true,
            tokens::recycle(spare),
        );
        tokens::look_up(&mut words, gazetteer);
        let index = user::Index::new(gazetteer, &self.user, words.len());
        let candidates = matcher::candidates(text, &words, &index);
        let mentions = context::judge(text, &words, &title_case, candidates, &index);
        let mut places = resolver::resolve(text, &words, sentences, mentions, &index, &self.config);
        relative::locate(text, &words, &mut places);
        drop(index);
        let spare = tokens::recycle(words);
        buffers::give_back(folded, spare);
        places
    }
}
