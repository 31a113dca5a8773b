use pyo3::prelude::*;
use pyo3::types::PyList;

use factsift::CharOffsets;
use factsift::dates::{CivilDate, DateMention};

use crate::claim::PyClaim;
use crate::place::PyPlace;
use crate::record::record_methods;

/// A date expression: context for the claims near it, never a claim itself.
///
/// ``earliest``/``latest`` are ISO dates (``"2026-01-23"``) of the first and last day covered,
/// when the expression can be placed: absolute dates always, relative ones ("Friday", "last
/// week") when the extractor or the call was given a ``reference_date``.
#[pyclass(frozen, eq, from_py_object, module = "factsift", name = "Date")]
#[derive(Clone, PartialEq, Hash)]
pub struct PyDate {
    /// The expression as written ("Friday", "mid-January", "24 November 2026").
    #[pyo3(get)]
    pub text: String,
    /// Start offset (``str`` index).
    #[pyo3(get)]
    pub start: usize,
    /// End offset (``str`` index, exclusive).
    #[pyo3(get)]
    pub end: usize,
    /// Index of the sentence it is in.
    #[pyo3(get)]
    pub sentence: usize,
    /// ``"date"``, ``"weekday"``, ``"month"``, ``"year"``, ``"period"`` or ``"relative"``.
    #[pyo3(get)]
    pub kind: String,
    /// The temporal word before it: ``"as of"``, ``"since"``, ``"until"``, ``"on"``, ``"in"``, ...
    #[pyo3(get)]
    pub relation: Option<String>,
    /// First day covered (ISO 8601), when it can be placed.
    #[pyo3(get)]
    pub earliest: Option<String>,
    /// Last day covered (ISO 8601), when it can be placed.
    #[pyo3(get)]
    pub latest: Option<String>,
}

impl PyDate {
    pub fn from_core(d: &DateMention, text: &str, offsets: &CharOffsets<'_>) -> PyDate {
        let (start, end) = offsets.span(d.span);
        PyDate {
            text: d.span.as_str(text).to_string(),
            start,
            end,
            sentence: d.sentence,
            kind: d.kind.as_str().to_string(),
            relation: d.relation.map(str::to_string),
            earliest: d.earliest.map(|x: CivilDate| x.to_string()),
            latest: d.latest.map(|x: CivilDate| x.to_string()),
        }
    }
}

record_methods!(PyDate, "Date", [start, end, text], {
    text: String,
    start: usize,
    end: usize,
    sentence: usize,
    kind: String,
    relation: Option<String>,
    earliest: Option<String>,
    latest: Option<String>,
});

/// Who a claim comes from: a person, an organisation or a group the text names.
///
/// ``text``/``start``/``end`` is the mention that names the speaker — in the claim's sentence, or
/// where the speaker was named when the sentence says "he said". ``name`` is the fullest form of
/// the name in the document ("Saad Maan" for a later "Maan"), ``role`` what the text says they
/// are ("Security Media Cell spokesperson"), ``cue`` the words of attribution ("told").
#[pyclass(frozen, eq, from_py_object, module = "factsift", name = "Source")]
#[derive(Clone, PartialEq, Hash)]
pub struct PySource {
    /// The mention of the speaker.
    #[pyo3(get)]
    pub text: String,
    /// Start offset (``str`` index) of the mention.
    #[pyo3(get)]
    pub start: usize,
    /// End offset (``str`` index, exclusive).
    #[pyo3(get)]
    pub end: usize,
    /// Index of the sentence holding the mention.
    #[pyo3(get)]
    pub sentence: usize,
    /// The fullest form of the speaker's name in the document.
    #[pyo3(get)]
    pub name: String,
    /// The speaker's role or organisation, when the text gives it.
    #[pyo3(get)]
    pub role: Option<String>,
    /// ``"person"``, ``"organization"`` or ``"group"``.
    #[pyo3(get)]
    pub kind: String,
    /// The words that mark the attribution ("said", "told", "according to").
    #[pyo3(get)]
    pub cue: String,
}

impl PySource {
    pub fn from_core(s: &factsift::Source, text: &str, offsets: &CharOffsets<'_>) -> PySource {
        let (start, end) = offsets.span(s.span);
        PySource {
            text: s.span.as_str(text).to_string(),
            start,
            end,
            sentence: s.sentence,
            name: s.name.as_str(text).to_string(),
            role: s.role.map(|r| r.as_str(text).to_string()),
            kind: s.kind.as_str().to_string(),
            cue: s.cue.as_str(text).to_string(),
        }
    }
}

record_methods!(PySource, "Source", [start, end, text], {
    text: String,
    start: usize,
    end: usize,
    sentence: usize,
    name: String,
    role: Option<String>,
    kind: String,
    cue: String,
});

/// A claim in context: where, when, and according to whom.
///
/// ``places`` are the places the claim is about (its sentence's toponyms, or the previous
/// sentence's in the same paragraph); ``place`` is the claim's own place when the phrase says so
/// ("attacks *in western Anbar*"); ``date`` is the date expression that dates it; ``source`` who
/// it comes from. Any of them may be empty/``None`` when the text does not say.
#[pyclass(frozen, eq, module = "factsift", name = "Fact")]
#[derive(Clone, PartialEq)]
pub struct PyFact {
    /// The claim.
    #[pyo3(get)]
    pub claim: PyClaim,
    /// Index of the sentence the claim is in (``doc.sentences[fact.sentence]``).
    #[pyo3(get)]
    pub sentence: usize,
    /// The places the claim is about.
    #[pyo3(get)]
    pub places: Vec<PyPlace>,
    /// The claim's own place, when the phrase names it.
    #[pyo3(get)]
    pub place: Option<PyPlace>,
    /// The date expression that dates the claim.
    #[pyo3(get)]
    pub date: Option<PyDate>,
    /// Who the claim comes from.
    #[pyo3(get)]
    pub source: Option<PySource>,
}

impl PyFact {
    /// The facts of a document whose text is `text`, from the core's facts (indices into the
    /// document's claims, places and dates, given as lists of their Python objects).
    pub fn from_core(
        facts: &[factsift::Fact],
        text: &str,
        claims: &Bound<'_, PyList>,
        places: &Bound<'_, PyList>,
        dates: &Bound<'_, PyList>,
    ) -> PyResult<Vec<PyFact>> {
        let offsets = CharOffsets::new(text);
        let claim = |i: usize| -> PyResult<PyClaim> {
            Ok(claims.get_item(i)?.cast::<PyClaim>()?.get().clone())
        };
        let place = |i: usize| -> PyResult<PyPlace> {
            Ok(places.get_item(i)?.cast::<PyPlace>()?.get().clone())
        };
        let date = |i: usize| -> PyResult<PyDate> {
            Ok(dates.get_item(i)?.cast::<PyDate>()?.get().clone())
        };
        facts
            .iter()
            .map(|f| {
                Ok(PyFact {
                    claim: claim(f.claim)?,
                    sentence: f.sentence,
                    places: f
                        .places
                        .iter()
                        .map(|&p| place(p))
                        .collect::<PyResult<_>>()?,
                    place: f.place.map(place).transpose()?,
                    date: f.date.map(date).transpose()?,
                    source: f.source.map(|s| PySource::from_core(&s, text, &offsets)),
                })
            })
            .collect()
    }
}

record_methods!(PyFact, "Fact", [sentence], {
    claim: PyClaim,
    sentence: usize,
    places: Vec<PyPlace>,
    place: Option<PyPlace>,
    date: Option<PyDate>,
    source: Option<PySource>,
});
