use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use factsift::CharOffsets;

use crate::claim::PyClaim;
use crate::fact::{PyDate, PyFact};
use crate::items::{Items, LazyItems};
use crate::place::PyPlace;
use crate::sentence::PySentence;

/// Everything factsift found in one text: its sentences, claims, places and dates, and one
/// :class:`Fact` per claim linking it to its places, date and source.
///
/// Offsets of every item are ``str`` indices into :attr:`text`. In a notebook the document shows
/// itself with sentences, claims, places and dates highlighted.
#[pyclass(frozen, module = "factsift", name = "Document")]
pub struct PyDocument {
    text: Py<PyString>,
    sentences: Items<PySentence>,
    claims: Items<PyClaim>,
    places: Items<PyPlace>,
    /// Converted on first access (as are the facts): most callers never read them.
    dates: LazyItems<factsift::dates::DateMention, PyDate>,
    facts: LazyItems<factsift::Fact, PyFact>,
}

/// A document's items converted for Python but not yet Python objects. Building it needs no
/// GIL, so batches build it on worker threads and only [`PyDocument::from_prepared`] runs with
/// the GIL held.
pub struct Prepared {
    sentences: Vec<PySentence>,
    claims: Vec<PyClaim>,
    places: Vec<PyPlace>,
    dates: Vec<factsift::dates::DateMention>,
    facts: Vec<factsift::Fact>,
}

impl Prepared {
    /// Takes the document: its dates and facts move in as they are.
    pub fn new(doc: factsift::Document<'_>) -> Prepared {
        let offsets = CharOffsets::new(doc.text);
        let t = doc.text;
        Prepared {
            sentences: doc
                .sentences
                .iter()
                .map(|s| PySentence::from_core(s, t, &offsets))
                .collect(),
            claims: doc
                .claims
                .iter()
                .map(|c| PyClaim::from_core(c, t, &offsets))
                .collect(),
            places: doc
                .places
                .iter()
                .map(|p| PyPlace::from_core(p, t, &offsets))
                .collect(),
            dates: doc.dates,
            facts: doc.facts,
        }
    }
}

impl PyDocument {
    /// Converts a core document whose text is `text` (the caller's own `str` object).
    pub fn from_core(
        py: Python<'_>,
        text: Py<PyString>,
        doc: factsift::Document<'_>,
    ) -> PyResult<PyDocument> {
        let _ = py;
        Ok(PyDocument::from_prepared(text, Prepared::new(doc)))
    }

    /// A document over prepared items; their Python objects are made on first access.
    pub fn from_prepared(text: Py<PyString>, prepared: Prepared) -> PyDocument {
        PyDocument {
            text,
            sentences: Items::values(prepared.sentences),
            claims: Items::values(prepared.claims),
            places: Items::values(prepared.places),
            dates: LazyItems::pending(prepared.dates),
            facts: LazyItems::pending(prepared.facts),
        }
    }
}

/// `(class, (text, sentences, claims, places, dates, facts))` for pickling.
type Reduced<'py> = (
    Bound<'py, PyAny>,
    (
        Py<PyString>,
        Bound<'py, PyList>,
        Bound<'py, PyList>,
        Bound<'py, PyList>,
        Bound<'py, PyList>,
        Bound<'py, PyList>,
    ),
);

/// Calls `factsift.<module>.<function>(doc, *args)`: presentation lives in the Python layer.
fn delegate<'py>(
    slf: &Bound<'py, PyDocument>,
    module: &str,
    function: &str,
    args: Vec<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    let mut all = vec![slf.clone().into_any()];
    all.extend(args);
    py.import(module)?
        .getattr(function)?
        .call1(PyTuple::new(py, all)?)
}

#[pymethods]
impl PyDocument {
    #[new]
    #[pyo3(signature = (text, sentences, claims, places, dates = Vec::new(), facts = Vec::new()))]
    fn new(
        text: Py<PyString>,
        sentences: Vec<Py<PySentence>>,
        claims: Vec<Py<PyClaim>>,
        places: Vec<Py<PyPlace>>,
        dates: Vec<Py<PyDate>>,
        facts: Vec<Py<PyFact>>,
    ) -> PyDocument {
        PyDocument {
            text,
            sentences: Items::objects(sentences),
            claims: Items::objects(claims),
            places: Items::objects(places),
            dates: LazyItems::objects(dates),
            facts: LazyItems::objects(facts),
        }
    }

    /// The analysed text (the very ``str`` object that was passed in).
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// Sentences, in order (a new list on each access, of the same objects).
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.sentences.list(py)
    }

    /// Numeric claims, in order (a new list on each access, of the same objects).
    #[getter]
    fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.claims.list(py)
    }

    /// Places, in order (a new list on each access, of the same objects).
    #[getter]
    fn places<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.places.list(py)
    }

    /// Date expressions (context, never claims), in order.
    #[getter]
    fn dates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.dates.list(py, |core| {
            let text = self.text.bind(py).to_cow()?;
            let offsets = CharOffsets::new(&text);
            Ok(core
                .iter()
                .map(|d| PyDate::from_core(d, &text, &offsets))
                .collect())
        })
    }

    /// One :class:`Fact` per claim: the claim with its places, date and source.
    #[getter]
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.facts.list(py, |core| {
            let text = self.text.bind(py).to_cow()?;
            let (claims, places, dates) = (self.claims(py)?, self.places(py)?, self.dates(py)?);
            PyFact::from_core(core, &text, &claims, &places, &dates)
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text.bind(py).to_cow()?;
        let mut head: String = text.chars().take(40).collect();
        if text.chars().nth(40).is_some() {
            head.push('…');
        }
        Ok(format!(
            "Document(sentences={}, claims={}, places={}, dates={}, text={:?})",
            self.sentences.len(),
            self.claims.len(),
            self.places.len(),
            self.dates.len(),
            head
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let py = other.py();
        let Ok(other) = other.cast::<PyDocument>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.text.bind(py).as_any().eq(other.text.bind(py))?
            && self.sentences(py)?.eq(other.sentences(py)?)?
            && self.claims(py)?.eq(other.claims(py)?)?
            && self.places(py)?.eq(other.places(py)?)?
            && self.dates(py)?.eq(other.dates(py)?)?
            && self.facts(py)?.eq(other.facts(py)?)?)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let py = slf.py();
        let d = slf.get();
        Ok((
            slf.get_type().into_any(),
            (
                d.text.clone_ref(py),
                d.sentences(py)?,
                d.claims(py)?,
                d.places(py)?,
                d.dates(py)?,
                d.facts(py)?,
            ),
        ))
    }

    /// The document as plain ``dict``\ s and ``list``\ s (JSON-ready).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", self.text.bind(py))?;
        let to_dicts = |items: Vec<Bound<'py, PyAny>>| -> PyResult<Bound<'py, PyList>> {
            let dicts = items
                .into_iter()
                .map(|item| item.call_method0("to_dict"))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, dicts)
        };
        d.set_item("sentences", to_dicts(self.sentences(py)?.iter().collect())?)?;
        d.set_item("claims", to_dicts(self.claims(py)?.iter().collect())?)?;
        d.set_item("places", to_dicts(self.places(py)?.iter().collect())?)?;
        d.set_item("dates", to_dicts(self.dates(py)?.iter().collect())?)?;
        d.set_item("facts", to_dicts(self.facts(py)?.iter().collect())?)?;
        Ok(d)
    }

    /// One kind of item as a tidy ``pandas.DataFrame`` (``"sentences"``, ``"claims"``,
    /// ``"places"``, ``"dates"`` or ``"facts"``), one row per item.
    #[pyo3(signature = (kind = "claims"))]
    fn to_frame<'py>(slf: &Bound<'py, Self>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        delegate(
            slf,
            "factsift.frames",
            "document_frame",
            vec![PyString::new(slf.py(), kind).into_any()],
        )
    }

    /// The document in spaCy displaCy's "manual" format: ``displacy.render(doc.to_displacy(),
    /// style="ent", manual=True)``; ``style="span"`` keeps overlapping items too.
    #[pyo3(signature = (style = "ent"))]
    fn to_displacy<'py>(slf: &Bound<'py, Self>, style: &str) -> PyResult<Bound<'py, PyAny>> {
        delegate(
            slf,
            "factsift.display",
            "to_displacy",
            vec![PyString::new(slf.py(), style).into_any()],
        )
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        delegate(slf, "factsift.display", "document_html", vec![])
    }
}
