//! Arrow in and out, through the Arrow PyCapsule interface.
//!
//! Out: [`PyTable`] holds tidy results as Arrow record batches and hands them to any consumer
//! (`pyarrow.table(t)`, `polars.from_arrow(t)`, `pandas.DataFrame.from_arrow(t)`, DuckDB, ...) with
//! `__arrow_c_stream__`, without a copy.
//!
//! In: [`import_strings`] takes a string column from any producer of `__arrow_c_stream__` or
//! `__arrow_c_array__` (a pyarrow array, a polars or pandas Series, ...) and reads its texts in
//! place, so no Python string is made per row.
//!
//! The C Data Interface is `unsafe` by nature; every `unsafe` block is here and says why it holds.

use std::ffi::CStr;

use arrow_array::cast::AsArray;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi_and_data_type};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchIterator, make_array};
use arrow_schema::{ArrowError, DataType, SchemaRef};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

use crate::columns::{Kind, Text};
use crate::errors;

const STREAM: &CStr = c"arrow_array_stream";
const SCHEMA: &CStr = c"arrow_schema";
const ARRAY: &CStr = c"arrow_array";

/// Tidy results in Arrow form: one row per sentence, claim or place, ``doc_id`` first.
///
/// Any Arrow consumer takes it without a copy through the Arrow PyCapsule interface:
/// ``pyarrow.table(t)``, ``polars.from_arrow(t)``, ``pandas.DataFrame.from_arrow(t)``.
/// ``doc_id`` is the position of the text in the input (missing texts count);
/// :func:`factsift.frame` replaces it with your ids.
#[pyclass(frozen, module = "factsift", name = "Table")]
pub struct PyTable {
    kind: Kind,
    batches: Vec<RecordBatch>,
    texts: usize,
}

impl PyTable {
    pub fn new(kind: Kind, batches: Vec<RecordBatch>, texts: usize) -> PyTable {
        PyTable {
            kind,
            batches,
            texts,
        }
    }

    fn schema(&self) -> SchemaRef {
        self.kind.schema()
    }
}

#[pymethods]
impl PyTable {
    /// ``"sentences"``, ``"claims"`` or ``"places"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    /// Number of rows (items).
    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(|b| b.num_rows()).sum()
    }

    /// Number of input texts, missing ones included (``doc_id`` runs below it).
    #[getter]
    fn num_texts(&self) -> usize {
        self.texts
    }

    /// Column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "Table(kind={:?}, rows={}, texts={}, columns={:?})",
            self.kind.as_str(),
            self.num_rows(),
            self.texts,
            self.column_names()
        )
    }

    /// The schema as an Arrow PyCapsule (``pyarrow.schema(t)``).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.schema().as_ref()).map_err(arrow_error)?;
        PyCapsule::new_with_value(py, schema, SCHEMA)
    }

    /// The rows as an Arrow C stream PyCapsule. ``requested_schema`` is not applied: the
    /// consumer casts if it wants other types.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = RecordBatchIterator::new(
            self.batches.clone().into_iter().map(Ok::<_, ArrowError>),
            self.schema(),
        );
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, STREAM)
    }

    /// A Table holds Arrow buffers made in this process; it does not pickle. Move its rows as
    /// Arrow (``pyarrow.table(t)`` pickles and streams over Arrow IPC) or as a DataFrame.
    fn __reduce__(&self) -> PyResult<()> {
        Err(pyo3::exceptions::PyTypeError::new_err(
            "a factsift.Table does not pickle: convert it first, with pyarrow.table(t) or \
             t.to_pandas()",
        ))
    }

    /// The table as a ``pandas.DataFrame`` with the dtypes of :func:`factsift.schema`.
    ///
    /// ``ids``, if given, replaces ``doc_id`` (``doc_id = ids[position]``).
    #[pyo3(signature = (ids = None))]
    fn to_pandas<'py>(
        slf: &Bound<'py, Self>,
        ids: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        py.import("factsift.frames")?
            .getattr("table_to_pandas")?
            .call1((slf, ids))
    }
}

fn arrow_error(err: ArrowError) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(format!("Arrow: {err}"))
}

/// String columns read from an Arrow producer; the texts borrow from the arrays.
pub struct ArrowStrings {
    arrays: Vec<ArrayRef>,
}

impl ArrowStrings {
    /// Total number of rows, nulls included.
    pub fn len(&self) -> usize {
        self.arrays.iter().map(|a| a.len()).sum()
    }

    /// The non-null texts with their row numbers.
    pub fn texts(&self) -> Vec<Text<'_>> {
        let mut out = Vec::with_capacity(self.len());
        let mut base = 0;
        for array in &self.arrays {
            push_texts(array.as_ref(), base, &mut out);
            base += array.len();
        }
        out
    }
}

fn push_texts<'a>(array: &'a dyn Array, base: usize, out: &mut Vec<Text<'a>>) {
    macro_rules! each {
        ($array:expr) => {
            for (i, value) in $array.iter().enumerate() {
                if let Some(text) = value {
                    out.push(Text {
                        row: base + i,
                        text,
                    });
                }
            }
        };
    }
    if let Some(a) = array.as_string_opt::<i32>() {
        each!(a);
    } else if let Some(a) = array.as_string_opt::<i64>() {
        each!(a);
    } else if let Some(a) = array.as_string_view_opt() {
        each!(a);
    } else if let Some(d) = array.as_any_dictionary_opt() {
        // A categorical column: look each row's key up in the values.
        let values = d.values();
        let mut distinct = Vec::new();
        push_texts(values.as_ref(), 0, &mut distinct);
        let mut by_key: Vec<Option<&'a str>> = vec![None; values.len()];
        for t in distinct {
            if let Some(slot) = by_key.get_mut(t.row) {
                *slot = Some(t.text);
            }
        }
        let keys = d.keys();
        for (i, key) in d.normalized_keys().into_iter().enumerate() {
            if keys.is_valid(i) {
                if let Some(Some(text)) = by_key.get(key) {
                    out.push(Text {
                        row: base + i,
                        text,
                    });
                }
            }
        }
    }
    // `DataType::Null` (all missing) contributes no texts; other types were refused on import.
}

/// True for the Arrow types [`push_texts`] reads.
fn is_text_type(data_type: &DataType) -> bool {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => true,
        DataType::Dictionary(_, values) => {
            matches!(
                values.as_ref(),
                DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
            )
        }
        _ => false,
    }
}

/// Reads `obj` as Arrow string data if it exports the Arrow PyCapsule interface; `Ok(None)` if
/// it does not (the caller then iterates it as Python objects).
pub fn import_strings(obj: &Bound<'_, PyAny>) -> PyResult<Option<ArrowStrings>> {
    let py = obj.py();
    let (data_type, arrays) = if obj.hasattr(pyo3::intern!(py, "__arrow_c_stream__"))? {
        let capsule = obj.call_method0(pyo3::intern!(py, "__arrow_c_stream__"))?;
        import_stream(capsule.cast::<PyCapsule>()?)?
    } else if obj.hasattr(pyo3::intern!(py, "__arrow_c_array__"))? {
        let pair = obj.call_method0(pyo3::intern!(py, "__arrow_c_array__"))?;
        let pair = pair.cast::<PyTuple>()?;
        let schema = pair.get_item(0)?;
        let array = pair.get_item(1)?;
        import_array(schema.cast::<PyCapsule>()?, array.cast::<PyCapsule>()?)?
    } else {
        return Ok(None);
    };
    let arrays = select_text_column(py, &data_type, arrays)?;
    for array in &arrays {
        // The producer promised valid UTF-8 and offsets; check rather than trust, since every
        // text is then used as a `&str`. Linear, and cheap next to the extraction.
        array.to_data().validate_full().map_err(arrow_error)?;
    }
    Ok(Some(ArrowStrings { arrays }))
}

/// A table with one column gives that column; a string array gives itself.
fn select_text_column(
    py: Python<'_>,
    data_type: &DataType,
    arrays: Vec<ArrayRef>,
) -> PyResult<Vec<ArrayRef>> {
    if is_text_type(data_type) {
        return Ok(arrays);
    }
    if let DataType::Struct(fields) = data_type {
        if let [field] = fields.as_ref() {
            if is_text_type(field.data_type()) {
                return Ok(arrays
                    .iter()
                    .filter_map(|a| a.as_struct_opt().map(|s| s.column(0).clone()))
                    .collect());
            }
        } else {
            let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
            return Err(errors::input_type_error(
                py,
                format!(
                    "expected one column of text, got a table with columns {names:?}; \
                     pass the text column alone, e.g. df[\"text\"]"
                ),
            ));
        }
    }
    Err(errors::input_type_error(
        py,
        format!("expected Arrow string data, got Arrow type {data_type}"),
    ))
}

/// Takes the stream out of an `"arrow_array_stream"` capsule and reads all of it.
fn import_stream(capsule: &Bound<'_, PyCapsule>) -> PyResult<(DataType, Vec<ArrayRef>)> {
    let pointer = capsule.pointer_checked(Some(STREAM))?;
    // SAFETY: a capsule named "arrow_array_stream" holds an `ArrowArrayStream` (the PyCapsule
    // interface says so); `from_raw` moves it out and leaves a released one behind, so the
    // capsule's destructor will not release it a second time. We now own it; dropping it
    // releases it.
    let mut stream = unsafe { FFI_ArrowArrayStream::from_raw(pointer.as_ptr().cast()) };
    let (Some(get_schema), Some(get_next)) = (stream.get_schema, stream.get_next) else {
        return Err(arrow_error(ArrowError::CDataInterface(
            "the stream was already consumed".into(),
        )));
    };
    let mut schema = FFI_ArrowSchema::empty();
    // SAFETY: `stream` is a live stream we own and `schema` is a valid out-parameter.
    let code = unsafe { get_schema(&mut stream, &mut schema) };
    if code != 0 {
        return Err(stream_error(&mut stream, code));
    }
    let data_type = DataType::try_from(&schema).map_err(arrow_error)?;
    let mut arrays = Vec::new();
    loop {
        let mut array = FFI_ArrowArray::empty();
        // SAFETY: as above; `array` is a valid out-parameter.
        let code = unsafe { get_next(&mut stream, &mut array) };
        if code != 0 {
            return Err(stream_error(&mut stream, code));
        }
        if array.is_released() {
            break; // end of stream
        }
        // SAFETY: the producer filled `array` according to the stream's schema, `data_type`.
        let data =
            unsafe { from_ffi_and_data_type(array, data_type.clone()) }.map_err(arrow_error)?;
        arrays.push(make_array(data));
    }
    Ok((data_type, arrays))
}

fn stream_error(stream: &mut FFI_ArrowArrayStream, code: i32) -> PyErr {
    let message = stream.get_last_error.and_then(|get_last_error| {
        // SAFETY: the stream is live; the returned string is valid until the next call on it.
        let text = unsafe { get_last_error(stream) };
        // SAFETY: non-null results are NUL-terminated strings owned by the stream.
        (!text.is_null()).then(|| {
            unsafe { CStr::from_ptr(text) }
                .to_string_lossy()
                .into_owned()
        })
    });
    arrow_error(ArrowError::CDataInterface(message.unwrap_or_else(|| {
        format!("the producer's stream failed with code {code}")
    })))
}

/// Takes the schema and array out of the `__arrow_c_array__` capsule pair.
fn import_array(
    schema: &Bound<'_, PyCapsule>,
    array: &Bound<'_, PyCapsule>,
) -> PyResult<(DataType, Vec<ArrayRef>)> {
    let schema_pointer = schema.pointer_checked(Some(SCHEMA))?;
    let array_pointer = array.pointer_checked(Some(ARRAY))?;
    // SAFETY: capsules with these names hold an `ArrowSchema` and an `ArrowArray`; `from_raw`
    // moves each out and leaves a released one for the capsule's destructor.
    let schema = unsafe { FFI_ArrowSchema::from_raw(schema_pointer.as_ptr().cast()) };
    let array = unsafe { FFI_ArrowArray::from_raw(array_pointer.as_ptr().cast()) };
    let data_type = DataType::try_from(&schema).map_err(arrow_error)?;
    // SAFETY: the producer filled `array` according to `schema`.
    let data = unsafe { from_ffi_and_data_type(array, data_type.clone()) }.map_err(arrow_error)?;
    Ok((data_type, vec![make_array(data)]))
}
