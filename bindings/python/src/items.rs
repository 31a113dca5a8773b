//! A document's items, kept as Rust values until Python first asks for them.
//!
//! A batch of a million documents would otherwise make tens of millions of Python objects with
//! the GIL held, one thread at a time, whether or not anyone looks at them. [`Items`] holds the
//! converted values (built on worker threads) and turns them into Python objects on first
//! access; from then on every access gives the same objects.

use std::sync::{Mutex, MutexGuard, OnceLock};

use pyo3::PyClass;
use pyo3::prelude::*;
use pyo3::types::PyList;

enum State<T: PyClass> {
    Values(Vec<T>),
    Objects(Vec<Py<T>>),
}

pub struct Items<T: PyClass> {
    state: Mutex<State<T>>,
}

impl<T> Items<T>
where
    T: PyClass + Into<pyo3::PyClassInitializer<T>>,
{
    /// Items not yet made into Python objects.
    pub fn values(values: Vec<T>) -> Items<T> {
        Items {
            state: Mutex::new(State::Values(values)),
        }
    }

    /// Items that are Python objects already.
    pub fn objects(objects: Vec<Py<T>>) -> Items<T> {
        Items {
            state: Mutex::new(State::Objects(objects)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // Nothing can panic while the lock is held; recover the data if that ever changes.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn len(&self) -> usize {
        match &*self.lock() {
            State::Values(v) => v.len(),
            State::Objects(o) => o.len(),
        }
    }

    /// The items as a new list of the (shared) Python objects.
    pub fn list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let values = match &mut *self.lock() {
            State::Objects(objects) => return PyList::new(py, objects.iter()),
            State::Values(values) => std::mem::take(values),
        };
        // The lock is released here: making objects may run the garbage collector, and with it
        // arbitrary Python code, which could come back to this very document.
        let made: PyResult<Vec<Py<T>>> = values.into_iter().map(|v| Py::new(py, v)).collect();
        let mut state = self.lock();
        match (&*state, made) {
            // Another thread made them first: everyone shares that thread's objects.
            (State::Objects(objects), _) => PyList::new(py, objects.iter()),
            (State::Values(_), Ok(objects)) => {
                let list = PyList::new(py, objects.iter());
                *state = State::Objects(objects);
                list
            }
            // Only a failed allocation gets here; the values were consumed, so say so.
            (State::Values(_), Err(err)) => Err(err),
        }
    }
}

/// Items kept as the core's values until first asked for, then converted once and held as
/// [`Items`]: for what most callers never read (a document's dates and facts), converting up
/// front would be wasted work.
pub struct LazyItems<C, T: PyClass> {
    core: Vec<C>,
    made: OnceLock<Items<T>>,
}

impl<C, T> LazyItems<C, T>
where
    T: PyClass + Into<pyo3::PyClassInitializer<T>>,
{
    /// Items to convert from `core` on first access.
    pub fn pending(core: Vec<C>) -> LazyItems<C, T> {
        LazyItems {
            core,
            made: OnceLock::new(),
        }
    }

    /// Items that are Python objects already.
    pub fn objects(objects: Vec<Py<T>>) -> LazyItems<C, T> {
        LazyItems {
            core: Vec::new(),
            made: OnceLock::from(Items::objects(objects)),
        }
    }

    pub fn len(&self) -> usize {
        self.made.get().map_or(self.core.len(), Items::len)
    }

    /// The items as a new list of the (shared) Python objects; `convert` makes their values
    /// from the core's the first time. If another thread made them first, its are kept.
    pub fn list<'py>(
        &self,
        py: Python<'py>,
        convert: impl FnOnce(&[C]) -> PyResult<Vec<T>>,
    ) -> PyResult<Bound<'py, PyList>> {
        if let Some(made) = self.made.get() {
            return made.list(py);
        }
        let values = convert(&self.core)?;
        self.made.get_or_init(|| Items::values(values)).list(py)
    }
}
