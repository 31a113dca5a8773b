//! The methods every result class shares, generated from its field list: a keyword constructor,
//! `__repr__`, `__hash__`, pickling, `to_dict()` and `_fields`.

use pyo3::prelude::*;
use pyo3::types::PyList;

/// A field value as plain Python data: scalars as they are, result classes as their `to_dict()`,
/// so that `to_dict()` is JSON-ready even for nested results (a `Fact`'s claim and places).
pub(crate) trait Plain {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

macro_rules! plain_as_is {
    ($($t:ty),+) => {$(
        impl Plain for $t {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.clone().into_pyobject(py)?.into_any())
            }
        }
    )+};
}

plain_as_is!(String, usize, u64, f64);

impl<T: Plain> Plain for Option<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.plain(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: Plain> Plain for Vec<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|v| v.plain(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

/// `record_methods!(Type, "Name", [hash fields], { field: Type, ... })` implements the shared
/// methods of a frozen result class whose fields are all `#[pyo3(get)]`.
macro_rules! record_methods {
    ($ty:ident, $name:literal, [$($key:ident),+], { $($field:ident : $fty:ty),+ $(,)? }) => {
        #[pyo3::pymethods]
        impl $ty {
            #[new]
            #[pyo3(signature = ($($field),+))]
            #[allow(clippy::too_many_arguments)]
            fn __new__($($field: $fty),+) -> Self {
                Self { $($field),+ }
            }

            fn __repr__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                use pyo3::prelude::*;
                let mut parts: Vec<String> = Vec::new();
                $(
                    let value = self.$field.clone().into_pyobject(py)?.into_any();
                    if !value.is_none() {
                        parts.push(format!("{}={}", stringify!($field), value.repr()?));
                    }
                )+
                Ok(format!("{}({})", $name, parts.join(", ")))
            }

            fn __hash__(&self) -> u64 {
                $crate::hash_of(&($(&self.$key),+))
            }

            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, pyo3::Bound<'py, pyo3::types::PyTuple>)> {
                use pyo3::prelude::*;
                let this = slf.get();
                let py = slf.py();
                let args = pyo3::types::PyTuple::new(
                    py,
                    [$(this.$field.clone().into_pyobject(py)?.into_any()),+],
                )?;
                Ok((slf.get_type().into_any(), args))
            }

            /// The fields as a plain ``dict`` (``None`` where a field is unset).
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::types::PyDict>> {
                use pyo3::prelude::*;
                use $crate::record::Plain;
                let d = pyo3::types::PyDict::new(py);
                $(d.set_item(pyo3::intern!(py, stringify!($field)), self.$field.plain(py)?)?;)+
                Ok(d)
            }

            /// Names of the fields, in order (the columns of a tidy frame).
            #[classattr]
            fn _fields() -> Vec<&'static str> {
                vec![$(stringify!($field)),+]
            }
        }

        impl $crate::record::Plain for $ty {
            fn plain<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                Ok(self.to_dict(py)?.into_any())
            }
        }
    };
}

pub(crate) use record_methods;
