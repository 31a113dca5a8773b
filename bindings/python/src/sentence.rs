use pyo3::prelude::*;

use factsift::CharOffsets;

use crate::record::record_methods;

/// A sentence: its position in the document and where it is.
///
/// ``text[s.start:s.end] == s.text`` always holds (offsets are ``str`` indices).
#[pyclass(frozen, eq, from_py_object, module = "factsift", name = "Sentence")]
#[derive(Clone, PartialEq)]
pub struct PySentence {
    /// 0-based position of the sentence in its document.
    #[pyo3(get)]
    pub index: usize,
    /// Start offset (``str`` index) of the sentence.
    #[pyo3(get)]
    pub start: usize,
    /// End offset (``str`` index, exclusive).
    #[pyo3(get)]
    pub end: usize,
    /// The sentence as written.
    #[pyo3(get)]
    pub text: String,
}

impl PySentence {
    pub fn from_core(s: &factsift::Sentence, text: &str, offsets: &CharOffsets<'_>) -> PySentence {
        let (start, end) = offsets.span(s.span);
        PySentence {
            index: s.index,
            start,
            end,
            text: s.span.as_str(text).to_string(),
        }
    }
}

record_methods!(PySentence, "Sentence", [index, start, end, text], {
    index: usize,
    start: usize,
    end: usize,
    text: String,
});
