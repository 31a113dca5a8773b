//! Text arguments: borrowing a Python `str` as UTF-8, with clear errors for everything else.

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

use crate::errors;

/// Borrows the UTF-8 contents of a `str` argument (or `str` subclass) without copying.
///
/// Anything else raises `InputTypeError` (a `TypeError`) naming the type it got; a string with
/// lone surrogates raises `InvalidTextError` (a `ValueError`) with the index of the first one.
pub fn borrow_str<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<&'a str> {
    let py = obj.py();
    let Ok(string) = obj.cast::<PyString>() else {
        return Err(errors::input_type_error(py, type_message(obj)));
    };
    string.to_str().map_err(|_| surrogate_error(string))
}

fn type_message(obj: &Bound<'_, PyAny>) -> String {
    let name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".to_string());
    if obj.is_none() {
        "expected text (str), got None; drop missing values first, or use factsift.frame(), \
         which skips them"
            .to_string()
    } else if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        format!("expected text (str), got {name}; decode it first, e.g. data.decode(\"utf-8\")")
    } else {
        format!("expected text (str), got {name}")
    }
}

/// `InvalidTextError` saying where the first lone surrogate is.
fn surrogate_error(string: &Bound<'_, PyString>) -> PyErr {
    let py = string.py();
    let index = string
        .call_method1("encode", ("utf-8", "surrogatepass"))
        .ok()
        .and_then(|b| b.cast_into::<PyBytes>().ok())
        .and_then(|b| first_surrogate(b.as_bytes()));
    let at = index.map(|i| format!(" at index {i}")).unwrap_or_default();
    errors::invalid_text_error(
        py,
        format!(
            "text contains a lone surrogate{at}, which is not valid Unicode; clean it first, \
             e.g. text.encode(\"utf-8\", \"replace\").decode(\"utf-8\")"
        ),
    )
}

/// Code-point index of the first surrogate in `surrogatepass`-encoded UTF-8.
fn first_surrogate(bytes: &[u8]) -> Option<usize> {
    let mut chars = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0xED && bytes.get(i + 1).is_some_and(|&n| n >= 0xA0) {
            return Some(chars);
        }
        i += match b {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        chars += 1;
    }
    None
}
