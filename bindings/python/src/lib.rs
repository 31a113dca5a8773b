//! `factsift._factsift`: the Python face of the factsift core.
//!
//! This crate only converts: it borrows Python strings, releases the GIL around all work,
//! turns byte spans into `str` indices (with `factsift::CharOffsets`), and maps errors to the
//! exception tree in `factsift/errors.py`. No extraction logic lives here.

mod arrow;
mod batch;
mod claim;
mod columns;
mod document;
mod errors;
mod extractor;
mod fact;
mod items;
mod options;
mod place;
mod record;
mod sentence;
mod text;

use std::hash::{Hash, Hasher};

use pyo3::prelude::*;

/// A stable hash for `__hash__` of frozen result classes.
pub(crate) fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[pymodule(gil_used = false)]
fn _factsift(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add(
        "LANGUAGES",
        factsift::Lang::ALL
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>(),
    )?;
    m.add_class::<sentence::PySentence>()?;
    m.add_class::<claim::PyClaim>()?;
    m.add_class::<place::PyPlace>()?;
    m.add_class::<fact::PyDate>()?;
    m.add_class::<fact::PySource>()?;
    m.add_class::<fact::PyFact>()?;
    m.add_class::<document::PyDocument>()?;
    m.add_class::<extractor::PyExtractor>()?;
    m.add_class::<arrow::PyTable>()?;
    m.add_function(wrap_pyfunction!(columns::columns, m)?)?;
    m.add_function(wrap_pyfunction!(batch::count_items, m)?)?;
    Ok(())
}
