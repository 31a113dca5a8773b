use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyMapping, PyString};

use crate::arrow::PyTable;
use crate::batch;
use crate::claim::PyClaim;
use crate::document::{Prepared, PyDocument};
use crate::errors;
use crate::fact::PyDate;
use crate::options::{extra_place, extra_place_dict, reference_date, references};
use crate::place::PyPlace;
use crate::sentence::PySentence;
use crate::text::borrow_str;

/// The options an extractor was built with; kept to repr, compare and pickle it.
#[derive(Clone, Debug, PartialEq)]
struct Options {
    lang: String,
    abbreviations: Vec<String>,
    demonyms: bool,
    extra_places: Vec<factsift::ExtraPlace>,
    allow_places: Vec<String>,
    deny_places: Vec<String>,
    country_focus: Vec<String>,
    reference_date: Option<factsift::dates::CivilDate>,
    facts: bool,
}

/// A configured, reusable extractor of sentences, claims and places.
///
/// Build one with the options you need and call its methods on as many texts as you like, from
/// as many threads as you like: every method releases the GIL while it works. Extractors compare
/// equal when their options are equal, and pickle (for multiprocessing, Dask and Spark).
///
/// Args:
///     lang: ISO 639-1 code of the texts' language (``"en"``, ``"de"``, ``"zh"``, ...).
///         Sentences work in every language of ``factsift.LANGUAGES``; claims and places are
///         English-only for now.
///     abbreviations: extra abbreviations for the sentence splitter (``["approx.", "Dept."]``).
///     demonyms: report demonyms (``"Iraqi"``) as places of kind ``"demonym"``.
///     extra_places: places to add to the gazetteer, as dicts with ``name`` and optionally
///         ``aliases``, ``kind`` (default ``"city"``), ``country_code``, ``admin1``, ``lat``,
///         ``lon``, ``population``. They win over gazetteer entries of the same name.
///     allow_places: names always reported as places when written capitalised.
///     deny_places: names never reported as places.
///     country_focus: ISO 3166-1 alpha-2 codes of the countries the texts are about
///         (``["IQ"]``); ambiguous names resolve there first.
///     reference_date: the date the texts were written (``"2026-11-24"`` or a
///         ``datetime.date``), to resolve "on Friday", "last week"; each call can override it.
///         Without one, only absolute dates get ``earliest``/``latest``.
///     facts: whether :meth:`analyze` finds dates and links facts; ``False`` makes documents
///         a little cheaper when only sentences, claims and places are wanted.
///
/// Raises:
///     ConfigError: an option is invalid (an unknown language, an empty abbreviation, an
///         unknown country code, ...).
///     DataError: an ``extra_places`` item is malformed (the message names the item).
#[pyclass(frozen, module = "factsift", name = "Extractor")]
pub struct PyExtractor {
    inner: factsift::Extractor,
    options: Options,
}

impl PyExtractor {
    pub fn core(&self) -> &factsift::Extractor {
        &self.inner
    }

    /// A call's `reference_date`, or the extractor's own when the call gives none.
    fn reference(
        &self,
        py: Python<'_>,
        value: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<factsift::dates::CivilDate>> {
        Ok(reference_date(py, value)?.or(self.options.reference_date))
    }
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (
        *,
        lang = "en",
        abbreviations = None,
        demonyms = true,
        extra_places = None,
        allow_places = None,
        deny_places = None,
        country_focus = None,
        reference_date = None,
        facts = true
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        lang: &str,
        abbreviations: Option<Vec<String>>,
        demonyms: bool,
        extra_places: Option<&Bound<'_, PyAny>>,
        allow_places: Option<Vec<String>>,
        deny_places: Option<Vec<String>>,
        country_focus: Option<Vec<String>>,
        reference_date: Option<&Bound<'_, PyAny>>,
        facts: bool,
    ) -> PyResult<PyExtractor> {
        let reference = self::reference_date(py, reference_date)?;
        let mut places = Vec::new();
        if let Some(items) = extra_places {
            if items.is_instance_of::<PyString>() || items.cast::<PyMapping>().is_ok() {
                return Err(errors::data_error(
                    py,
                    "extra_places must be a list of dicts, e.g. [{\"name\": \"Hazar\", \"country_code\": \"IQ\"}]",
                ));
            }
            for (i, item) in items.try_iter()?.enumerate() {
                places.push(extra_place(py, i + 1, &item?)?);
            }
        }
        let options = Options {
            lang: lang.to_string(),
            abbreviations: abbreviations.unwrap_or_default(),
            demonyms,
            extra_places: places,
            allow_places: allow_places.unwrap_or_default(),
            deny_places: deny_places.unwrap_or_default(),
            country_focus: country_focus.unwrap_or_default(),
            reference_date: reference,
            facts,
        };
        let lang = factsift::Lang::from_code(lang).map_err(|e| errors::from_core(py, e))?;
        let builder = factsift::Extractor::builder()
            .lang(lang)
            .abbreviations(options.abbreviations.iter().cloned())
            .demonyms(demonyms)
            .extra_places(options.extra_places.iter().cloned())
            .allow_places(options.allow_places.iter().cloned())
            .deny_places(options.deny_places.iter().cloned())
            .country_focus(options.country_focus.iter().cloned())
            .reference_date(reference)
            .facts(facts);
        let inner = py
            .detach(|| builder.build())
            .map_err(|e| errors::from_core(py, e))?;
        Ok(PyExtractor { inner, options })
    }

    /// The language code the extractor was built for.
    #[getter]
    fn lang(&self) -> &str {
        self.inner.lang().code()
    }

    /// Splits ``text`` into sentences and returns their texts.
    ///
    /// Returns:
    ///     list[str]: the sentences, stripped of surrounding whitespace. ``""`` gives ``[]``.
    fn split_sentences<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let s = borrow_str(text)?;
        let sentences = py.detach(|| self.inner.sentences(s));
        PyList::new(
            py,
            sentences
                .iter()
                .map(|x| PyString::new(py, x.span.as_str(s))),
        )
    }

    /// Splits ``text`` into sentences with their offsets.
    ///
    /// Returns:
    ///     list[Sentence]: ``text[s.start:s.end] == s.text`` for each.
    fn sentences(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PySentence>> {
        let s = borrow_str(text)?;
        let sentences = py.detach(|| self.inner.sentences(s));
        let offsets = factsift::CharOffsets::new(s);
        Ok(sentences
            .iter()
            .map(|x| PySentence::from_core(x, s, &offsets))
            .collect())
    }

    /// Finds the numeric claims in ``text``.
    ///
    /// Returns:
    ///     list[Claim]: in order of their start.
    fn claims(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyClaim>> {
        let s = borrow_str(text)?;
        let claims = py.detach(|| self.inner.claims(s));
        let offsets = factsift::CharOffsets::new(s);
        Ok(claims
            .iter()
            .map(|x| PyClaim::from_core(x, s, &offsets))
            .collect())
    }

    /// Finds and resolves the places in ``text``.
    ///
    /// Returns:
    ///     list[Place]: in order of their start.
    fn places(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyPlace>> {
        let s = borrow_str(text)?;
        let places = py.detach(|| self.inner.places(s));
        let offsets = factsift::CharOffsets::new(s);
        Ok(places
            .into_iter()
            .map(|x| PyPlace::from_core_owned(x, s, &offsets))
            .collect())
    }

    /// Sentences, claims, places, dates and facts of ``text`` in one :class:`Document`.
    ///
    /// Args:
    ///     reference_date: the date the text was written, overriding the extractor's.
    #[pyo3(signature = (text, *, reference_date = None))]
    fn analyze(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        reference_date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyDocument> {
        let reference = self.reference(py, reference_date)?;
        let s = borrow_str(text)?;
        // The items are converted without the GIL too; only their Python objects need it.
        let prepared = py.detach(|| Prepared::new(self.inner.analyze_at(s, reference)));
        let text = text.cast::<PyString>()?.clone().unbind();
        Ok(PyDocument::from_prepared(text, prepared))
    }

    /// The date expressions of ``text`` (context for claims, never claims themselves).
    ///
    /// Args:
    ///     reference_date: the date the text was written, overriding the extractor's.
    ///
    /// Returns:
    ///     list[Date]: in order, resolved to ``earliest``/``latest`` where they can be placed.
    #[pyo3(signature = (text, *, reference_date = None))]
    fn dates(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        reference_date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyDate>> {
        let reference = self.reference(py, reference_date)?;
        let s = borrow_str(text)?;
        let sentences = py.detach(|| self.inner.sentences(s));
        let dates =
            py.detach(|| factsift::dates::DateExtractor::new().extract(s, &sentences, reference));
        let offsets = factsift::CharOffsets::new(s);
        Ok(dates
            .iter()
            .map(|d| PyDate::from_core(d, s, &offsets))
            .collect())
    }

    /// Each claim of ``text`` in context: its places, date and source.
    ///
    /// Args:
    ///     reference_date: the date the text was written, overriding the extractor's.
    ///
    /// Returns:
    ///     list[Fact]: one per claim, in order.
    #[pyo3(signature = (text, *, reference_date = None))]
    fn facts<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        reference_date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let reference = self.reference(py, reference_date)?;
        let s = borrow_str(text)?;
        let doc = py.detach(|| self.inner.analyze_with_facts_at(s, reference));
        let text = text.cast::<PyString>()?.clone().unbind();
        let doc = PyDocument::from_core(py, text, doc)?;
        Py::new(py, doc)?.into_bound(py).getattr("facts")
    }

    /// The reference date the extractor was built with, as ``"YYYY-MM-DD"`` (or ``None``).
    #[getter(reference_date)]
    fn reference_date_iso(&self) -> Option<String> {
        self.options.reference_date.map(|d| d.to_string())
    }

    /// Analyses many texts in parallel, with the GIL released for the whole batch.
    ///
    /// Args:
    ///     texts: an iterable of ``str``.
    ///     n_threads: worker threads, 1 to 1024 (default: one per CPU core).
    ///     progress: ``True`` for a ``tqdm.auto`` progress bar, or any object with an
    ///         ``update(n)`` method, or a callable taking the number of documents just finished.
    ///
    /// Returns:
    ///     list[Document]: one per text, in order.
    ///
    /// Raises:
    ///     InputTypeError: an item is not a ``str`` (the message names its position).
    ///     KeyboardInterrupt: Ctrl-C, honoured between chunks of work.
    #[pyo3(signature = (texts, *, n_threads = None, progress = None, reference_date = None))]
    fn analyze_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<&Bound<'_, PyAny>>,
        progress: Option<&Bound<'_, PyAny>>,
        reference_date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Py<PyDocument>>> {
        let n_threads = batch::thread_count(py, n_threads)?;
        let reference = self.reference(py, reference_date)?;
        batch::analyze_many(py, &self.inner, texts, n_threads, progress, reference)
    }

    /// One kind of item for many texts as an Arrow :class:`Table`, built in parallel without a
    /// Python object per item; see :func:`factsift.table`.
    ///
    /// Args:
    ///     texts: an iterable of ``str`` where ``None``, NaN, ``pandas.NA`` mark missing texts
    ///         (they give no rows), or an Arrow string column (anything with
    ///         ``__arrow_c_stream__`` or ``__arrow_c_array__``: pyarrow, polars, a pandas
    ///         Series of strings), read in place without making Python strings.
    ///     kind: ``"sentences"``, ``"claims"``, ``"places"``, ``"dates"`` or ``"facts"``.
    ///     n_threads, progress: as for :meth:`analyze_many`.
    ///     reference_date: for dates and facts, the date the texts were written: one date for
    ///         all, or one per text (a list or a Series of dates/strings; missing ones fall back
    ///         to the extractor's).
    ///
    /// Raises:
    ///     InputTypeError: an item is neither text nor missing (the message names its position,
    ///         also in the exception's ``position`` attribute).
    #[pyo3(signature = (texts, kind = "claims", *, n_threads = None, progress = None, reference_date = None))]
    fn table(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        kind: &str,
        n_threads: Option<&Bound<'_, PyAny>>,
        progress: Option<&Bound<'_, PyAny>>,
        reference_date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTable> {
        let n_threads = batch::thread_count(py, n_threads)?;
        let references = references(py, reference_date, self.options.reference_date)?;
        batch::table(
            py,
            &self.inner,
            texts,
            kind,
            n_threads,
            progress,
            &references,
        )
    }

    /// One kind of item for many texts as a tidy ``pandas.DataFrame``; see :func:`factsift.frame`.
    #[pyo3(signature = (texts, kind = "claims", *, ids = None, n_threads = None, progress = None, reference_date = None))]
    #[allow(clippy::too_many_arguments)]
    fn frame<'py>(
        slf: &Bound<'py, Self>,
        texts: &Bound<'py, PyAny>,
        kind: &str,
        ids: Option<&Bound<'py, PyAny>>,
        n_threads: Option<&Bound<'py, PyAny>>,
        progress: Option<&Bound<'py, PyAny>>,
        reference_date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let kwargs = PyDict::new(py);
        kwargs.set_item("reference_date", reference_date)?;
        kwargs.set_item("ids", ids)?;
        kwargs.set_item("extractor", slf)?;
        kwargs.set_item("n_threads", n_threads)?;
        kwargs.set_item("progress", progress)?;
        py.import("factsift.frames")?
            .getattr("frame")?
            .call((texts, kind), Some(&kwargs))
    }

    fn __repr__(&self) -> String {
        let mut parts = vec![format!("lang={:?}", self.options.lang)];
        if !self.options.abbreviations.is_empty() {
            parts.push(format!("abbreviations={:?}", self.options.abbreviations));
        }
        if !self.options.demonyms {
            parts.push("demonyms=False".to_string());
        }
        if !self.options.facts {
            parts.push("facts=False".to_string());
        }
        if let Some(d) = self.options.reference_date {
            parts.push(format!("reference_date=\"{d}\""));
        }
        if !self.options.extra_places.is_empty() {
            let names: Vec<&str> = self
                .options
                .extra_places
                .iter()
                .map(|p| p.name.as_str())
                .collect();
            parts.push(format!("extra_places=<{} places: {names:?}>", names.len()));
        }
        for (name, list) in [
            ("allow_places", &self.options.allow_places),
            ("deny_places", &self.options.deny_places),
            ("country_focus", &self.options.country_focus),
        ] {
            if !list.is_empty() {
                parts.push(format!("{name}={list:?}"));
            }
        }
        format!("Extractor({})", parts.join(", "))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyExtractor>()
            .is_ok_and(|o| o.get().options == self.options)
    }

    /// Pickles as the options it was built with.
    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<((), Bound<'py, PyDict>)> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("lang", &self.options.lang)?;
        kwargs.set_item("abbreviations", &self.options.abbreviations)?;
        kwargs.set_item("demonyms", self.options.demonyms)?;
        let extra = PyList::empty(py);
        for p in &self.options.extra_places {
            extra.append(extra_place_dict(py, p)?)?;
        }
        kwargs.set_item("extra_places", extra)?;
        kwargs.set_item("allow_places", &self.options.allow_places)?;
        kwargs.set_item("deny_places", &self.options.deny_places)?;
        kwargs.set_item("country_focus", &self.options.country_focus)?;
        kwargs.set_item(
            "reference_date",
            self.options.reference_date.map(|d| d.to_string()),
        )?;
        kwargs.set_item("facts", self.options.facts)?;
        Ok(((), kwargs))
    }
}
