use pyo3::prelude::*;

use factsift::CharOffsets;

use crate::record::record_methods;

/// A numeric claim: a number with its unit, bound, change and the thing it counts.
///
/// ``text[c.start:c.end] == c.text`` and, when a concept was found,
/// ``text[c.concept_start:c.concept_end] == c.concept``.
#[pyclass(frozen, eq, from_py_object, module = "factsift", name = "Claim")]
#[derive(Clone, PartialEq)]
pub struct PyClaim {
    /// Qualifier + number + unit as written, e.g. ``"about 60 kilometers"``.
    #[pyo3(get)]
    pub text: String,
    /// Start offset (``str`` index).
    #[pyo3(get)]
    pub start: usize,
    /// End offset (``str`` index, exclusive).
    #[pyo3(get)]
    pub end: usize,
    /// Index of the sentence the claim is in.
    #[pyo3(get)]
    pub sentence: usize,
    /// The value with scale words applied (``"1.5 million"`` → 1500000.0); ``None`` for a range.
    #[pyo3(get)]
    pub value: Option<f64>,
    /// Lower end of a range or vague amount (``"five to six"`` → 5.0).
    #[pyo3(get)]
    pub low: Option<f64>,
    /// Upper end of a range or vague amount (``"five to six"`` → 6.0).
    #[pyo3(get)]
    pub high: Option<f64>,
    /// Canonical unit (``"km"``, ``"percent"``, ``"USD"``, ``"°C"``), ``None`` for a bare count.
    #[pyo3(get)]
    pub unit: Option<String>,
    /// The unit as written (``"kilometers"``).
    #[pyo3(get)]
    pub unit_text: Option<String>,
    /// ``"count"``, ``"currency"``, ``"percent"``, ``"length"``, ``"mass"``, ``"duration"``, ...
    #[pyo3(get)]
    pub dimension: String,
    /// The value in the base unit: SI, or the ISO currency code (60 km → 60000.0).
    #[pyo3(get)]
    pub base_value: Option<f64>,
    /// The base unit (``"m"``, ``"kg"``, ``"s"``, ``"USD"``).
    #[pyo3(get)]
    pub base_unit: Option<String>,
    /// ``"exact"``, ``"approx"``, ``"min"``, ``"max"`` or ``"range"``.
    #[pyo3(get)]
    pub bound: String,
    /// ``"up"`` or ``"down"`` when the text states a change (``"rose by 5%"``), else ``None``.
    #[pyo3(get)]
    pub change: Option<String>,
    /// The thing quantified, e.g. ``"ISIS members"``.
    #[pyo3(get)]
    pub concept: Option<String>,
    /// Start offset of the concept.
    #[pyo3(get)]
    pub concept_start: Option<usize>,
    /// End offset of the concept.
    #[pyo3(get)]
    pub concept_end: Option<usize>,
}

impl PyClaim {
    pub fn from_core(c: &factsift::Claim, text: &str, offsets: &CharOffsets<'_>) -> PyClaim {
        let (start, end) = offsets.span(c.span);
        let concept = c
            .concept
            .map(|s| (s.as_str(text).to_string(), offsets.span(s)));
        PyClaim {
            text: c.span.as_str(text).to_string(),
            start,
            end,
            sentence: c.sentence,
            value: c.value,
            low: c.low,
            high: c.high,
            unit: c.unit.as_deref().map(str::to_string),
            unit_text: c.unit_span.map(|s| s.as_str(text).to_string()),
            dimension: c.dimension.as_str().to_string(),
            base_value: c.base_value,
            base_unit: c.base_unit.as_deref().map(str::to_string),
            bound: c.bound.as_str().to_string(),
            change: c.change.map(|ch| ch.as_str().to_string()),
            concept_start: concept.as_ref().map(|(_, (s, _))| *s),
            concept_end: concept.as_ref().map(|(_, (_, e))| *e),
            concept: concept.map(|(t, _)| t),
        }
    }
}

record_methods!(PyClaim, "Claim", [start, end, text], {
    text: String,
    start: usize,
    end: usize,
    sentence: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    unit_text: Option<String>,
    dimension: String,
    base_value: Option<f64>,
    base_unit: Option<String>,
    bound: String,
    change: Option<String>,
    concept: Option<String>,
    concept_start: Option<usize>,
    concept_end: Option<usize>,
});
