use pyo3::prelude::*;

use factsift::CharOffsets;

use crate::record::record_methods;

/// A place mention, resolved against the embedded gazetteer when possible.
///
/// ``text[p.start:p.end] == p.text``; the span is the name itself (``"Nineveh"`` in
/// ``"Nineveh province"``).
#[pyclass(frozen, eq, from_py_object, module = "factsift", name = "Place")]
#[derive(Clone, PartialEq)]
pub struct PyPlace {
    /// The name as written.
    #[pyo3(get)]
    pub text: String,
    /// Start offset (``str`` index).
    #[pyo3(get)]
    pub start: usize,
    /// End offset (``str`` index, exclusive).
    #[pyo3(get)]
    pub end: usize,
    /// Index of the sentence the mention is in.
    #[pyo3(get)]
    pub sentence: usize,
    /// Canonical name of the resolved place (the text itself when unresolved).
    #[pyo3(get)]
    pub name: String,
    /// ``"country"``, ``"admin1"``, ``"admin2"``, ``"city"``, ``"region"``, ``"continent"``,
    /// ``"unknown"`` or ``"demonym"``.
    #[pyo3(get)]
    pub kind: String,
    /// ISO 3166-1 alpha-2 country code.
    #[pyo3(get)]
    pub country_code: Option<String>,
    /// Name of the first-level administrative division.
    #[pyo3(get)]
    pub admin1: Option<String>,
    /// Latitude in degrees.
    #[pyo3(get)]
    pub lat: Option<f64>,
    /// Longitude in degrees.
    #[pyo3(get)]
    pub lon: Option<f64>,
    /// GeoNames id of the resolved entry.
    #[pyo3(get)]
    pub geonameid: Option<u64>,
    /// Population of the resolved entry.
    #[pyo3(get)]
    pub population: Option<u64>,
    /// A direction word qualifying the place (``"western"`` in ``"western Iraq"``).
    #[pyo3(get)]
    pub modifier: Option<String>,
    /// Confidence in recognition and resolution, 0 to 1.
    #[pyo3(get)]
    pub score: f64,
}

impl PyPlace {
    /// The Python record of place `p` of `text`, with `str` offsets; `p`'s strings move into it.
    pub fn from_core_owned(p: factsift::Place, text: &str, offsets: &CharOffsets<'_>) -> PyPlace {
        let (start, end) = offsets.span(p.span);
        PyPlace {
            text: p.span.as_str(text).to_string(),
            start,
            end,
            sentence: p.sentence,
            name: p.name,
            kind: p.kind.as_str().to_string(),
            country_code: p.country_code,
            admin1: p.admin1,
            lat: p.lat,
            lon: p.lon,
            geonameid: p.geonameid,
            population: p.population,
            modifier: p.modifier,
            score: p.score,
        }
    }

    /// Like [`PyPlace::from_core_owned`], for a borrowed place.
    pub fn from_core(p: &factsift::Place, text: &str, offsets: &CharOffsets<'_>) -> PyPlace {
        PyPlace::from_core_owned(p.clone(), text, offsets)
    }
}

record_methods!(PyPlace, "Place", [start, end, text], {
    text: String,
    start: usize,
    end: usize,
    sentence: usize,
    name: String,
    kind: String,
    country_code: Option<String>,
    admin1: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    geonameid: Option<u64>,
    population: Option<u64>,
    modifier: Option<String>,
    score: f64,
});
