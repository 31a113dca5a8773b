//! Batches: many texts analysed in parallel on a rayon pool, the GIL released per chunk.
//!
//! Work goes in chunks so that, between chunks, the progress bar moves and Ctrl-C is honoured.
//! Pools are built lazily, one per thread count, and rebuilt in a child process after `fork`
//! (threads do not survive a fork).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use rayon::prelude::*;

use crate::document::PyDocument;
use crate::errors;
use crate::text::borrow_str;

/// Stop filling a chunk once it holds this many bytes of text or documents.
const CHUNK_BYTES: usize = 1 << 20;
const CHUNK_DOCS: usize = 1024;

struct Pools {
    pid: u32,
    by_threads: HashMap<usize, Arc<rayon::ThreadPool>>,
}

static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

/// The pool for `n` threads, built on first use in this process.
fn pool(n: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    let mut guard = POOLS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let pid = std::process::id();
    if guard.as_ref().is_some_and(|p| p.pid != pid) {
        // Forked child: the parent's worker threads do not exist here. Leak the dead pools rather
        // than run their destructors, which would try to talk to threads that are gone.
        if let Some(old) = guard.take() {
            std::mem::forget(old);
        }
    }
    let pools = guard.get_or_insert_with(|| Pools {
        pid,
        by_threads: HashMap::new(),
    });
    if let Some(p) = pools.by_threads.get(&n) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("factsift-{i}"))
        .build()
        .map_err(|e| {
            pyo3::exceptions::PyRuntimeError::new_err(format!("cannot start threads: {e}"))
        })?;
    let p = Arc::new(p);
    pools.by_threads.insert(n, p.clone());
    Ok(p)
}

/// The default thread count: one per available core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Reports finished documents to whatever the caller passed as `progress`.
enum Progress<'py> {
    None,
    /// A tqdm bar we created and must close.
    OwnBar(Bound<'py, PyAny>),
    /// An object with `update(n)`.
    Updater(Bound<'py, PyAny>),
    /// A callable taking `n`.
    Callback(Bound<'py, PyAny>),
}

impl<'py> Progress<'py> {
    fn new(py: Python<'py>, progress: Option<&Bound<'py, PyAny>>, total: usize) -> PyResult<Self> {
        let Some(p) = progress else {
            return Ok(Progress::None);
        };
        if p.is_none() {
            return Ok(Progress::None);
        }
        if let Ok(flag) = p.extract::<bool>() {
            if !flag {
                return Ok(Progress::None);
            }
            let kwargs = PyDict::new(py);
            kwargs.set_item("total", total)?;
            kwargs.set_item("unit", "doc")?;
            let tqdm = py.import("tqdm.auto").map_err(|_| {
                errors::config_error(
                    py,
                    "progress=True needs tqdm: pip install tqdm (or pass your own callable)",
                )
            })?;
            return Ok(Progress::OwnBar(
                tqdm.getattr("tqdm")?.call((), Some(&kwargs))?,
            ));
        }
        if p.hasattr("update")? {
            return Ok(Progress::Updater(p.clone()));
        }
        if p.is_callable() {
            return Ok(Progress::Callback(p.clone()));
        }
        Err(errors::config_error(
            py,
            "progress must be True/False, an object with update(n), or a callable taking n",
        ))
    }

    fn advance(&self, n: usize) -> PyResult<()> {
        match self {
            Progress::None => Ok(()),
            Progress::OwnBar(bar) | Progress::Updater(bar) => {
                bar.call_method1("update", (n,)).map(drop)
            }
            Progress::Callback(f) => f.call1((n,)).map(drop),
        }
    }

    fn finish(&self) -> PyResult<()> {
        if let Progress::OwnBar(bar) = self {
            bar.call_method0("close")?;
        }
        Ok(())
    }
}

/// Collects `texts` as `str` objects, naming the position of the first non-`str`.
pub fn collect_texts<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyString>>> {
    let py = texts.py();
    if texts.is_instance_of::<PyString>() {
        return Err(errors::input_type_error(
            py,
            "expected an iterable of str, got a single str; wrap it in a list: [text]",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        if let Err(err) = borrow_str(&item) {
            let message = format!("texts[{i}]: {}", err.value(py));
            return Err(if err.is_instance_of::<pyo3::exceptions::PyTypeError>(py) {
                errors::input_type_error(py, message)
            } else {
                errors::invalid_text_error(py, message)
            });
        }
        out.push(item.cast_into::<PyString>()?);
    }
    Ok(out)
}

/// Runs `work` over `texts` in parallel chunks; `emit` converts each chunk's results (with the
/// GIL held) before the next chunk starts.
pub fn run_chunked<'py, 'a, T, W, E>(
    py: Python<'py>,
    texts: &[&'a str],
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    work: W,
    mut emit: E,
) -> PyResult<()>
where
    T: Send,
    W: Fn(usize, &'a str) -> T + Sync,
    E: FnMut(usize, Vec<T>) -> PyResult<()>,
{
    let threads = n_threads.unwrap_or_else(default_threads);
    if threads == 0 {
        return Err(errors::config_error(
            py,
            "n_threads must be at least 1 (or None for all cores)",
        ));
    }
    let progress = Progress::new(py, progress, texts.len())?;
    let pool = if threads > 1 {
        Some(pool(threads)?)
    } else {
        None
    };
    let mut start = 0;
    while start < texts.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < texts.len() && end - start < CHUNK_DOCS && bytes < CHUNK_BYTES {
            bytes += texts[end].len();
            end += 1;
        }
        let chunk = &texts[start..end];
        let results: Vec<T> = py.detach(|| match &pool {
            Some(pool) => pool.install(|| {
                chunk
                    .par_iter()
                    .enumerate()
                    .map(|(i, t)| work(start + i, t))
                    .collect()
            }),
            None => chunk
                .iter()
                .enumerate()
                .map(|(i, t)| work(start + i, t))
                .collect(),
        });
        emit(start, results)?;
        progress.advance(end - start)?;
        py.check_signals()?;
        start = end;
    }
    progress.finish()
}

pub fn analyze_many(
    py: Python<'_>,
    extractor: &factsift::Extractor,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyDocument>> {
    let objects = collect_texts(texts)?;
    let strs: Vec<&str> = objects
        .iter()
        .map(|o| o.to_str())
        .collect::<PyResult<_>>()?;
    let mut out = Vec::with_capacity(strs.len());
    run_chunked(
        py,
        &strs,
        n_threads,
        progress,
        |_, text| extractor.analyze(text),
        |start, docs| {
            for (i, doc) in docs.iter().enumerate() {
                out.push(PyDocument::from_core(
                    py,
                    objects[start + i].clone().unbind(),
                    doc,
                )?);
            }
            Ok(())
        },
    )?;
    Ok(out)
}
