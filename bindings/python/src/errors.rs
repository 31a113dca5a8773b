//! Maps failures to the exception tree defined in `factsift/errors.py`.
//!
//! The classes live in Python (so they can inherit from both `FactsiftError` and `ValueError` /
//! `TypeError`, and carry their docs there); they are looked up once and cached.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

macro_rules! python_exception {
    ($fn_name:ident, $class:literal) => {
        pub fn $fn_name(py: Python<'_>, message: impl Into<String>) -> PyErr {
            static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
            match TYPE.import(py, "factsift.errors", $class) {
                Ok(ty) => PyErr::from_type(ty.clone(), message.into()),
                Err(err) => err,
            }
        }
    };
}

python_exception!(config_error, "ConfigError");
python_exception!(data_error, "DataError");
python_exception!(input_type_error, "InputTypeError");
python_exception!(invalid_text_error, "InvalidTextError");

/// Converts a core configuration error to the matching Python exception.
pub fn from_core(py: Python<'_>, err: factsift::Error) -> PyErr {
    match err {
        factsift::Error::InvalidData { .. } => data_error(py, err.to_string()),
        _ => config_error(py, err.to_string()),
    }
}
