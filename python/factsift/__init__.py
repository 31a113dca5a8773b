"""factsift: sentences, numeric claims and places from news text — fast, offline, exact offsets.

>>> import factsift as fs
>>> fs.split_sentences("Iraq has transferred 2,250 militants. Maan told Rudaw.")
['Iraq has transferred 2,250 militants.', 'Maan told Rudaw.']

Every item carries ``start``/``end`` offsets that are Python ``str`` indices, so
``text[item.start:item.end] == item.text`` always holds.

The module-level functions use a shared default :class:`Extractor` per language; build your own
``Extractor(...)`` for other options. ``import factsift`` loads nothing heavy: pandas, pyarrow,
tqdm and dask are imported only by the functions that need them.

For many texts: :func:`analyze_many` (parallel, GIL released), :func:`frame` (a tidy pandas
DataFrame), :func:`table` (the same rows as Arrow, for pyarrow, polars, DuckDB), ``import
factsift.pandas`` (the ``.factsift`` accessor on a text Series), :mod:`factsift.dask` and
:mod:`factsift.spark`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Iterable, Literal

from factsift._factsift import (
    LANGUAGES,
    Claim,
    Document,
    Extractor,
    Place,
    Sentence,
    Table,
    __version__,
)
from factsift.errors import (
    ConfigError,
    DataError,
    FactsiftError,
    InputTypeError,
    InvalidTextError,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "LANGUAGES",
    "Claim",
    "ConfigError",
    "DataError",
    "Document",
    "Extractor",
    "FactsiftError",
    "InputTypeError",
    "InvalidTextError",
    "Place",
    "Sentence",
    "Table",
    "__version__",
    "analyze",
    "analyze_many",
    "claims",
    "frame",
    "places",
    "schema",
    "sentences",
    "split_sentences",
    "table",
]

Kind = Literal["sentences", "claims", "places"]

_defaults: dict[str, Extractor] = {}
_defaults_lock = threading.Lock()


def _default(lang: str = "en") -> Extractor:
    """The shared default extractor for ``lang``, built on first use."""
    extractor = _defaults.get(lang)
    if extractor is None:
        with _defaults_lock:
            extractor = _defaults.get(lang)
            if extractor is None:
                extractor = _defaults[lang] = Extractor(lang=lang)
    return extractor


def split_sentences(text: str, *, lang: str = "en") -> list[str]:
    """Split ``text`` into sentences and return their texts.

    >>> split_sentences("Mr. Smith left at 5 p.m. He was late.")
    ['Mr. Smith left at 5 p.m.', 'He was late.']
    """
    return _default(lang).split_sentences(text)


def sentences(text: str, *, lang: str = "en") -> list[Sentence]:
    """Split ``text`` into :class:`Sentence` objects with ``index``, ``start``, ``end``, ``text``."""
    return _default(lang).sentences(text)


def claims(text: str) -> list[Claim]:
    """The numeric claims in ``text`` (English), as :class:`Claim` objects."""
    return _default().claims(text)


def places(text: str) -> list[Place]:
    """The places in ``text`` (English), as :class:`Place` objects."""
    return _default().places(text)


def analyze(text: str) -> Document:
    """Sentences, claims and places of ``text`` in one :class:`Document`."""
    return _default().analyze(text)


def analyze_many(
    texts: Iterable[str], *, n_threads: int | None = None, progress: Any = None
) -> list[Document]:
    """Analyse many texts in parallel (GIL released); see :meth:`Extractor.analyze_many`."""
    return _default().analyze_many(texts, n_threads=n_threads, progress=progress)


def frame(
    texts: Iterable[str | None],
    kind: Kind = "claims",
    *,
    ids: Iterable[Any] | None = None,
    n_threads: int | None = None,
    progress: Any = None,
) -> "pandas.DataFrame":
    """A tidy ``pandas.DataFrame`` with one row per item of ``kind`` across ``texts``.

    Columns are ``doc_id`` followed by the item's fields, with the dtypes of :func:`schema`.
    ``doc_id`` holds ``ids`` (default: a pandas Series' index, else positions 0..n-1).
    ``texts`` may also be an Arrow string column (pyarrow, polars, a pandas Series of strings),
    read in place. Missing texts (``None``, NaN, ``pandas.NA``) give no rows; anything else that
    is not text raises :class:`InputTypeError` naming its row.

    >>> frame(["Iraq. Syria.", None], "sentences")[["doc_id", "index", "text"]]
       doc_id  index    text
    0       0      0   Iraq.
    1       0      1  Syria.
    """
    from factsift.frames import frame as _frame

    return _frame(texts, kind, ids=ids, extractor=_default(), n_threads=n_threads, progress=progress)


def table(
    texts: Iterable[str | None] | Any,
    kind: Kind = "claims",
    *,
    n_threads: int | None = None,
    progress: Any = None,
) -> Table:
    """The rows of :func:`frame` as an Arrow :class:`Table`, built without a Python object per item.

    Hand it to any Arrow consumer without a copy: ``pyarrow.table(t)``, ``polars.from_arrow(t)``,
    ``pandas.DataFrame.from_arrow(t)``. ``doc_id`` is the position of the text in ``texts``.
    """
    return _default().table(texts, kind, n_threads=n_threads, progress=progress)


def schema(kind: Kind) -> dict[str, str]:
    """Column names and pandas dtypes of the tidy frame for ``kind``, stable even for empty results.

    >>> list(schema("sentences").items())
    [('doc_id', 'int64'), ('index', 'int64'), ('start', 'int64'), ('end', 'int64'), ('text', 'string[pyarrow]')]
    """
    from factsift.frames import schema as _schema

    return _schema(kind)
