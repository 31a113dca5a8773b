//! Batches: many texts analysed in parallel on a rayon pool, with the GIL released.
//!
//! Texts are cut into pieces (a few dozen texts, at most 64 KiB) and pieces into rounds (at most
//! 1 MiB). A round's pieces run in parallel; between rounds the progress bar moves and Ctrl-C is
//! honoured. While the pool works on the next rounds, the calling thread converts round k's
//! results (to Python objects, for `analyze_many`), so conversion overlaps extraction. Tables
//! join the consecutive pieces that one thread takes into one call ([`Calls::PerRun`]): one
//! Arrow batch per run rather than per piece, so that pandas has fewer chunks to import and
//! concatenate.
//!
//! Pools are built lazily, one per thread count, and rebuilt in a child process after `fork`
//! (threads do not survive a fork). With one thread, everything runs on the calling thread.

use std::collections::{HashMap, VecDeque};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyString};
use rayon::prelude::*;

use crate::arrow::{self, PyTable};
use crate::columns::{Kind, Text};
use crate::document::{Prepared, PyDocument};
use crate::errors;
use crate::text::borrow_str;

/// A piece (the unit of parallel work) stops growing at this many texts or bytes.
const PIECE_TEXTS: usize = 1024;
const PIECE_BYTES: usize = 64 << 10;
/// A round (the unit between progress updates and Ctrl-C checks) stops at this many texts or
/// bytes: tens of milliseconds of work.
const ROUND_TEXTS: usize = 16 * 1024;
const ROUND_BYTES: usize = 1 << 20;
/// Rounds queued on the pool at once.
const ROUNDS_IN_FLIGHT: usize = 2;
/// Pools kept alive at once (one per distinct `n_threads`).
const MAX_POOLS: usize = 4;

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
        // than run their destructors, which would wait for threads that are gone.
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
    if pools.by_threads.len() >= MAX_POOLS {
        // Callers still running on an evicted pool keep it alive through their `Arc`.
        pools.by_threads.clear();
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

/// Most worker threads a batch may ask for: more only exhaust the process's threads and memory.
pub const MAX_THREADS: usize = 1024;

/// `n_threads` as the caller gave it: `None` (one per core) or an int from 1 to
/// [`MAX_THREADS`]. Anything else is a `ConfigError`, never an `OverflowError`.
pub fn thread_count(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    match value.extract::<i64>() {
        Ok(n) if (1..=MAX_THREADS as i64).contains(&n) => Ok(Some(n as usize)),
        _ => Err(errors::config_error(
            py,
            format!(
                "n_threads must be an int from 1 to {MAX_THREADS} (or None for all cores), got {}",
                value
                    .repr()
                    .map(|r| r.to_string())
                    .unwrap_or_else(|_| "an unprintable value".into())
            ),
        )),
    }
}

/// The default thread count: one per available core. Asked once per process: the answer reads
/// cgroup files, which would cost more than analysing a short text.
pub fn default_threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Reports finished texts to whatever the caller passed as `progress`.
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
            kwargs.set_item("unit", "text")?;
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

    /// Closes a bar we opened, on success and on error alike.
    fn finish(&self) -> PyResult<()> {
        if let Progress::OwnBar(bar) = self {
            bar.call_method0("close")?;
        }
        Ok(())
    }
}

/// Rounds of pieces: each piece a range of `texts`.
fn plan(texts: &[Text<'_>]) -> Vec<Vec<Range<usize>>> {
    let mut rounds = Vec::new();
    let mut round = Vec::new();
    let (mut round_texts, mut round_bytes) = (0, 0);
    let mut start = 0;
    while start < texts.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < texts.len() && end - start < PIECE_TEXTS && bytes < PIECE_BYTES {
            bytes += texts[end].text.len();
            end += 1;
        }
        round.push(start..end);
        round_texts += end - start;
        round_bytes += bytes;
        if round_texts >= ROUND_TEXTS || round_bytes >= ROUND_BYTES {
            rounds.push(std::mem::take(&mut round));
            (round_texts, round_bytes) = (0, 0);
        }
        start = end;
    }
    if !round.is_empty() {
        rounds.push(round);
    }
    rounds
}

fn texts_in(round: &[Range<usize>]) -> usize {
    round.iter().map(|r| r.len()).sum()
}

/// How `work` is called on the pieces of a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calls {
    /// Once per piece: one result per piece.
    PerPiece,
    /// Once per run of consecutive pieces that one thread takes in turn (a few per thread and
    /// round, more when threads steal work from each other): fewer, bigger results, for
    /// results that cost something per result (an Arrow batch is imported, and its columns
    /// concatenated, one by one on the Python side).
    PerRun,
}

/// Runs `work` on pieces of `texts` in parallel and passes each result, in order, to `emit`
/// (with the GIL held). Progress and Ctrl-C are handled between rounds.
pub fn run_batched<'py, 'a, T, W, E>(
    py: Python<'py>,
    texts: &[Text<'a>],
    n_threads: Option<usize>,
    progress: Option<&Bound<'py, PyAny>>,
    calls: Calls,
    work: W,
    mut emit: E,
) -> PyResult<()>
where
    T: Send,
    W: Fn(&[Text<'a>]) -> T + Sync,
    E: FnMut(T) -> PyResult<()>,
{
    let threads = n_threads.unwrap_or_else(default_threads);
    if threads == 0 {
        return Err(errors::config_error(
            py,
            "n_threads must be at least 1 (or None for all cores)",
        ));
    }
    let progress = Progress::new(py, progress, texts.len())?;
    let rounds = plan(texts);
    // A single piece cannot be shared out: waking the pool would only add latency.
    let one_piece = rounds.len() <= 1 && rounds.first().is_none_or(|r| r.len() <= 1);
    let result = if threads == 1 || one_piece {
        run_here(py, texts, &rounds, &progress, calls, &work, &mut emit)
    } else {
        run_on_pool(
            py,
            pool(threads)?,
            texts,
            &rounds,
            &progress,
            calls,
            &work,
            &mut emit,
        )
    };
    let closed = progress.finish();
    result.and(closed)
}

/// One thread: every round on the calling thread, the GIL released while it works.
fn run_here<'a, T, W, E>(
    py: Python<'_>,
    texts: &[Text<'a>],
    rounds: &[Vec<Range<usize>>],
    progress: &Progress<'_>,
    calls: Calls,
    work: &W,
    emit: &mut E,
) -> PyResult<()>
where
    T: Send,
    W: Fn(&[Text<'a>]) -> T + Sync,
    E: FnMut(T) -> PyResult<()>,
{
    for round in rounds {
        let results: Vec<T> = py.detach(|| match (calls, round.first(), round.last()) {
            // One thread takes the whole round in turn: one run.
            (Calls::PerRun, Some(first), Some(last)) => vec![work(&texts[first.start..last.end])],
            _ => round.iter().map(|r| work(&texts[r.clone()])).collect(),
        });
        for result in results {
            emit(result)?;
        }
        progress.advance(texts_in(round))?;
        py.check_signals()?;
    }
    Ok(())
}

/// Several threads: round k+1 runs on the pool while this thread emits round k.
#[allow(clippy::too_many_arguments)] // run_batched's arguments, passed on
fn run_on_pool<'a, T, W, E>(
    py: Python<'_>,
    pool: Arc<rayon::ThreadPool>,
    texts: &[Text<'a>],
    rounds: &[Vec<Range<usize>>],
    progress: &Progress<'_>,
    calls: Calls,
    work: &W,
    emit: &mut E,
) -> PyResult<()>
where
    T: Send,
    W: Fn(&[Text<'a>]) -> T + Sync,
    E: FnMut(T) -> PyResult<()>,
{
    if rounds.is_empty() {
        return Ok(());
    }
    // Set when the run stops early (an error, Ctrl-C): rounds in flight skip their remaining
    // pieces, so stopping waits for at most one piece (or run of pieces) per thread.
    let stop = AtomicBool::new(false);
    pool.in_place_scope(|scope| {
        // One channel per round: if a job died, its sender is gone and `recv` says so instead of
        // waiting forever (the scope then re-raises the job's panic).
        let spawn = |k: usize| -> mpsc::Receiver<Vec<Option<T>>> {
            let (tx, rx) = mpsc::channel();
            let stop = &stop;
            scope.spawn(move |_| {
                let run =
                    |r: Range<usize>| (!stop.load(Ordering::Relaxed)).then(|| work(&texts[r]));
                let results: Vec<Option<T>> = match calls {
                    Calls::PerPiece => rounds[k].par_iter().map(|r| run(r.clone())).collect(),
                    // rayon hands each thread runs of consecutive pieces (it splits the round in
                    // halves, further when a thread steals): the pieces of a run, which are
                    // consecutive ranges of `texts`, are joined into one range, and the results
                    // come out in the order of the texts.
                    Calls::PerRun => rounds[k]
                        .par_iter()
                        .fold(
                            || None,
                            |joined: Option<Range<usize>>, r| {
                                Some(joined.map_or(r.clone(), |j| j.start..r.end))
                            },
                        )
                        .map(|joined| joined.and_then(run))
                        .collect(),
                };
                let _ = tx.send(results);
            });
            rx
        };
        // Rounds in flight: while this thread emits one, the pool has the next ones queued and
        // never waits for this thread between rounds.
        let mut pending: VecDeque<_> = (0..ROUNDS_IN_FLIGHT.min(rounds.len())).map(spawn).collect();
        for (k, round) in rounds.iter().enumerate() {
            let Some(rx) = pending.pop_front() else { break };
            let Ok(results) = py.detach(move || rx.recv()) else {
                break;
            };
            if k + ROUNDS_IN_FLIGHT < rounds.len() {
                pending.push_back(spawn(k + ROUNDS_IN_FLIGHT));
            }
            let step = (|| {
                for result in results.into_iter().flatten() {
                    emit(result)?;
                }
                progress.advance(texts_in(round))?;
                py.check_signals()
            })();
            if let Err(err) = step {
                stop.store(true, Ordering::Relaxed);
                // Let the rounds in flight wind down without holding the GIL, then stop.
                py.detach(move || pending.into_iter().for_each(|rx| drop(rx.recv())));
                return Err(err);
            }
        }
        Ok(())
    })
}

/// The position and reason of a bad input item, as an exception the Python layer can relabel
/// (`factsift.frame` names the row by its id).
fn item_error(py: Python<'_>, position: usize, err: PyErr) -> PyErr {
    let reason = err.value(py).to_string();
    let message = format!("texts[{position}]: {reason}");
    let err = if err.is_instance_of::<pyo3::exceptions::PyTypeError>(py) {
        errors::input_type_error(py, message)
    } else {
        errors::invalid_text_error(py, message)
    };
    let _ = err.value(py).setattr("position", position);
    let _ = err.value(py).setattr("reason", reason);
    err
}

/// Collects `texts` as `str` objects, naming the position of the first non-`str`.
pub fn collect_texts<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyString>>> {
    let py = texts.py();
    refuse_single_str(texts)?;
    let mut out = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        if let Err(err) = borrow_str(&item) {
            return Err(item_error(py, i, err));
        }
        out.push(item.cast_into::<PyString>()?);
    }
    Ok(out)
}

fn refuse_single_str(texts: &Bound<'_, PyAny>) -> PyResult<()> {
    if texts.is_instance_of::<PyString>() {
        return Err(errors::input_type_error(
            texts.py(),
            "expected an iterable of str, got a single str; wrap it in a list: [text]",
        ));
    }
    Ok(())
}

/// `None`, NaN, `pandas.NA` and `pandas.NaT`: a missing text, which gives no rows.
fn is_missing(item: &Bound<'_, PyAny>) -> bool {
    if item.is_none() {
        return true;
    }
    if let Ok(f) = item.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    let ty = item.get_type();
    let named = |want: &str| ty.name().is_ok_and(|n| n.to_cow().is_ok_and(|n| n == want));
    let from_pandas = || {
        ty.module()
            .is_ok_and(|m| m.to_cow().is_ok_and(|m| m.starts_with("pandas")))
    };
    (named("NAType") || named("NaTType")) && from_pandas()
}

pub fn analyze_many(
    py: Python<'_>,
    extractor: &factsift::Extractor,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<usize>,
    progress: Option<&Bound<'_, PyAny>>,
    reference: Option<factsift::dates::CivilDate>,
) -> PyResult<Vec<Py<PyDocument>>> {
    let objects = collect_texts(texts)?;
    let strs: Vec<Text<'_>> = objects
        .iter()
        .enumerate()
        .map(|(row, o)| {
            Ok(Text {
                row,
                text: o.to_str()?,
            })
        })
        .collect::<PyResult<_>>()?;
    let mut out = Vec::with_capacity(strs.len());
    run_batched(
        py,
        &strs,
        n_threads,
        progress,
        Calls::PerPiece,
        |piece| {
            piece
                .iter()
                .map(|t| Prepared::new(extractor.analyze_at(t.text, reference)))
                .collect::<Vec<_>>()
        },
        |docs| {
            // The Python objects are made here, while the pool works on the next round, rather
            // than all at the end.
            for doc in docs {
                let object = objects[out.len()].clone().unbind();
                out.push(Py::new(py, PyDocument::from_prepared(object, doc))?);
            }
            Ok(())
        },
    )?;
    Ok(out)
}

/// The input of [`table`]: Python objects (missing ones skipped) or Arrow string columns.
enum Input<'py> {
    Objects {
        rows: usize,
        present: Vec<(usize, Bound<'py, PyString>)>,
    },
    Arrow(arrow::ArrowStrings),
}

impl<'py> Input<'py> {
    fn read(texts: &Bound<'py, PyAny>) -> PyResult<Input<'py>> {
        let py = texts.py();
        refuse_single_str(texts)?;
        if !holds_objects(texts)? {
            if let Some(strings) = arrow::import_strings(texts)? {
                return Ok(Input::Arrow(strings));
            }
        }
        let mut rows = 0;
        let mut present = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            let item = item?;
            rows += 1;
            if let Ok(s) = item.cast::<PyString>() {
                // Borrow now so that a lone surrogate is reported with its row.
                if let Err(err) = borrow_str(&item) {
                    return Err(item_error(py, i, err));
                }
                present.push((i, s.clone()));
            } else if !is_missing(&item) {
                return Err(item_error(
                    py,
                    i,
                    errors::input_type_error(py, type_of(&item)),
                ));
            }
        }
        Ok(Input::Objects { rows, present })
    }

    fn rows(&self) -> usize {
        match self {
            Input::Objects { rows, .. } => *rows,
            Input::Arrow(strings) => strings.len(),
        }
    }

    fn texts(&self) -> PyResult<Vec<Text<'_>>> {
        match self {
            Input::Objects { present, .. } => present
                .iter()
                .map(|(row, s)| {
                    Ok(Text {
                        row: *row,
                        text: s.to_str()?,
                    })
                })
                .collect(),
            Input::Arrow(strings) => Ok(strings.texts()),
        }
    }
}

/// True for a container of Python objects (`dtype == object`, e.g. a pandas Series of mixed
/// values): exporting it to Arrow would convert every value, and fail on the first non-text
/// with a message that does not name the row, so it is read object by object instead.
fn holds_objects(texts: &Bound<'_, PyAny>) -> PyResult<bool> {
    let Some(dtype) = texts.getattr_opt(pyo3::intern!(texts.py(), "dtype"))? else {
        return Ok(false);
    };
    Ok(dtype.str()?.to_cow()? == "object")
}

fn type_of(item: &Bound<'_, PyAny>) -> String {
    let name = item
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".to_string());
    format!("expected text (str) or a missing value, got {name}")
}

/// One kind of item for many texts, as Arrow columns built without a Python object per item.
pub fn table(
    py: Python<'_>,
    extractor: &factsift::Extractor,
    texts: &Bound<'_, PyAny>,
    kind: &str,
    n_threads: Option<usize>,
    progress: Option<&Bound<'_, PyAny>>,
    references: &crate::options::References,
) -> PyResult<PyTable> {
    let kind = Kind::from_python(py, kind)?;
    let input = Input::read(texts)?;
    if let crate::options::References::PerRow(v) = references {
        if v.len() != input.rows() {
            return Err(errors::config_error(
                py,
                format!(
                    "reference_date has {} dates but texts has {} rows",
                    v.len(),
                    input.rows()
                ),
            ));
        }
    }
    let texts = input.texts()?;
    let mut batches = Vec::new();
    run_batched(
        py,
        &texts,
        n_threads,
        progress,
        Calls::PerRun,
        |piece| kind.batch(extractor, piece, references),
        |batch| {
            let batch = batch.map_err(|e| {
                pyo3::exceptions::PyRuntimeError::new_err(format!("building columns: {e}"))
            })?;
            if batch.num_rows() > 0 {
                batches.push(batch);
            }
            Ok(())
        },
    )?;
    Ok(PyTable::new(kind, batches, input.rows()))
}

/// For benchmarks: runs only the extraction of `kind` over `texts`, exactly as [`table`] does
/// (same input reading, pieces and threads), and returns the number of items found, so that
/// `bench/bench_batch.py` can tell the cost of building columns and frames from the core's.
#[pyfunction]
#[pyo3(name = "_count_items", signature = (extractor, texts, kind = "claims", *, n_threads = None))]
pub fn count_items(
    py: Python<'_>,
    extractor: &Bound<'_, crate::extractor::PyExtractor>,
    texts: &Bound<'_, PyAny>,
    kind: &str,
    n_threads: Option<usize>,
) -> PyResult<usize> {
    let kind = Kind::from_python(py, kind)?;
    let extractor = extractor.get().core();
    let input = Input::read(texts)?;
    let texts = input.texts()?;
    let mut items = 0;
    run_batched(
        py,
        &texts,
        n_threads,
        None,
        Calls::PerRun,
        |piece| {
            piece
                .iter()
                .map(|t| kind.count(extractor, t.text))
                .sum::<usize>()
        },
        |n| {
            items += n;
            Ok(())
        },
    )?;
    Ok(items)
}
