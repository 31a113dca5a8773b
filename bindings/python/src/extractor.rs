use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::arrow::PyTable;
use crate::batch;
use crate::claim::PyClaim;
use crate::document::PyDocument;
use crate::errors;
use crate::place::PyPlace;
use crate::sentence::PySentence;
use crate::text::borrow_str;

/// The options an extractor was built with; kept to repr, compare and pickle it.
#[derive(Clone, Debug, PartialEq)]
struct Options {
    lang: String,
    abbreviations: Vec<String>,
    demonyms: bool,
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
///
/// Raises:
///     ConfigError: an option is invalid (an unknown language, an empty abbreviation, ...).
#[pyclass(frozen, module = "factsift", name = "Extractor")]
pub struct PyExtractor {
    inner: factsift::Extractor,
    options: Options,
}

impl PyExtractor {
    pub fn core(&self) -> &factsift::Extractor {
        &self.inner
    }
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (*, lang = "en", abbreviations = None, demonyms = true))]
    fn new(
        py: Python<'_>,
        lang: &str,
        abbreviations: Option<Vec<String>>,
        demonyms: bool,
    ) -> PyResult<PyExtractor> {
        let options = Options {
            lang: lang.to_string(),
            abbreviations: abbreviations.unwrap_or_default(),
            demonyms,
        };
        let lang = factsift::Lang::from_code(lang).map_err(|e| errors::from_core(py, e))?;
        let inner = factsift::Extractor::builder()
            .lang(lang)
            .abbreviations(options.abbreviations.iter().cloned())
            .demonyms(demonyms)
            .build()
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
            .iter()
            .map(|x| PyPlace::from_core(x, s, &offsets))
            .collect())
    }

    /// Sentences, claims and places of ``text`` in one :class:`Document`.
    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
        let s = borrow_str(text)?;
        let doc = py.detach(|| self.inner.analyze(s));
        let text = text.cast::<PyString>()?.clone().unbind();
        PyDocument::from_core(py, text, &doc)
    }

    /// Analyses many texts in parallel, with the GIL released for the whole batch.
    ///
    /// Args:
    ///     texts: an iterable of ``str``.
    ///     n_threads: worker threads (default: one per CPU core).
    ///     progress: ``True`` for a ``tqdm.auto`` progress bar, or any object with an
    ///         ``update(n)`` method, or a callable taking the number of documents just finished.
    ///
    /// Returns:
    ///     list[Document]: one per text, in order.
    ///
    /// Raises:
    ///     InputTypeError: an item is not a ``str`` (the message names its position).
    ///     KeyboardInterrupt: Ctrl-C, honoured between chunks of work.
    #[pyo3(signature = (texts, *, n_threads = None, progress = None))]
    fn analyze_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<usize>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Py<PyDocument>>> {
        batch::analyze_many(py, &self.inner, texts, n_threads, progress)
    }

    /// One kind of item for many texts as an Arrow :class:`Table`, built in parallel without a
    /// Python object per item; see :func:`factsift.table`.
    ///
    /// Args:
    ///     texts: an iterable of ``str`` where ``None``, NaN, ``pandas.NA`` mark missing texts
    ///         (they give no rows), or an Arrow string column (anything with
    ///         ``__arrow_c_stream__`` or ``__arrow_c_array__``: pyarrow, polars, a pandas
    ///         Series of strings), read in place without making Python strings.
    ///     kind: ``"sentences"``, ``"claims"`` or ``"places"``.
    ///     n_threads, progress: as for :meth:`analyze_many`.
    ///
    /// Raises:
    ///     InputTypeError: an item is neither text nor missing (the message names its position,
    ///         also in the exception's ``position`` attribute).
    #[pyo3(signature = (texts, kind = "claims", *, n_threads = None, progress = None))]
    fn table(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        kind: &str,
        n_threads: Option<usize>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTable> {
        batch::table(py, &self.inner, texts, kind, n_threads, progress)
    }

    /// One kind of item for many texts as a tidy ``pandas.DataFrame``; see :func:`factsift.frame`.
    #[pyo3(signature = (texts, kind = "claims", *, ids = None, n_threads = None, progress = None))]
    fn frame<'py>(
        slf: &Bound<'py, Self>,
        texts: &Bound<'py, PyAny>,
        kind: &str,
        ids: Option<&Bound<'py, PyAny>>,
        n_threads: Option<usize>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let kwargs = PyDict::new(py);
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
        Ok(((), kwargs))
    }
}
