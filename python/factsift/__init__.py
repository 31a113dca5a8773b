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
    Date,
    Document,
    Extractor,
    Fact,
    Place,
    Sentence,
    Source,
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
    "Date",
    "Document",
    "Extractor",
    "Fact",
    "FactsiftError",
    "InputTypeError",
    "InvalidTextError",
    "Place",
    "Sentence",
    "Source",
    "Table",
    "__version__",
    "analyze",
    "analyze_many",
    "claims",
    "dates",
    "facts",
    "frame",
    "places",
    "schema",
    "sentences",
    "split_sentences",
    "table",
]

Kind = Literal["sentences", "claims", "places", "dates", "facts"]
DateLike = Any  # "YYYY-MM-DD", datetime.date or datetime.datetime

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


def dates(text: str, *, reference_date: DateLike = None) -> list[Date]:
    """The date expressions in ``text`` (English): context for claims, never claims.

    With ``reference_date`` (the day the text was written), relative expressions ("on Friday",
    "last week") are resolved to ``earliest``/``latest`` ISO dates too.

    >>> [(d.text, d.relation, d.earliest) for d in dates("As of Friday, 5 left.", reference_date="2026-01-25")]
    [('Friday', 'as of', '2026-01-23')]
    """
    return _default().dates(text, reference_date=reference_date)


def facts(text: str, *, reference_date: DateLike = None) -> list[Fact]:
    """Each claim of ``text`` in context: its places, date and source (English).

    >>> f = facts("“2,250 ISIS members have been transferred to Iraq,” Maan told Rudaw.")[0]
    >>> f.claim.text, f.place.name, f.source.name
    ('2,250', 'Iraq', 'Maan')
    """
    return _default().facts(text, reference_date=reference_date)


def analyze(text: str, *, reference_date: DateLike = None) -> Document:
    """Sentences, claims, places, dates and facts of ``text`` in one :class:`Document`."""
    return _default().analyze(text, reference_date=reference_date)


def analyze_many(
    texts: Iterable[str],
    *,
    n_threads: int | None = None,
    progress: Any = None,
    reference_date: DateLike = None,
) -> list[Document]:
    """Analyse many texts in parallel (GIL released); see :meth:`Extractor.analyze_many`."""
    return _default().analyze_many(
        texts, n_threads=n_threads, progress=progress, reference_date=reference_date
    )


def frame(
    texts: Iterable[str | None],
    kind: Kind = "claims",
    *,
    ids: Iterable[Any] | None = None,
    n_threads: int | None = None,
    progress: Any = None,
    reference_date: DateLike = None,
) -> "pandas.DataFrame":
    """A tidy ``pandas.DataFrame`` with one row per item of ``kind`` across ``texts``.

    Columns are ``doc_id`` followed by the item's fields, with the dtypes of :func:`schema`.
    ``doc_id`` holds ``ids`` (default: a pandas Series' index, else positions 0..n-1).
    ``texts`` may also be an Arrow string column (pyarrow, polars, a pandas Series of strings),
    read in place. Missing texts (``None``, NaN, ``pandas.NA``) give no rows; anything else that
    is not text raises :class:`InputTypeError` naming its row. For ``"dates"`` and ``"facts"``,
    ``reference_date`` is one date or one per text (e.g. ``df["published"]``).

    >>> frame(["Iraq. Syria.", None], "sentences")[["doc_id", "index", "text"]]
       doc_id  index    text
    0       0      0   Iraq.
    1       0      1  Syria.
    """
    from factsift.frames import frame as _frame

    return _frame(
        texts,
        kind,
        ids=ids,
        extractor=_default(),
        n_threads=n_threads,
        progress=progress,
        reference_date=reference_date,
    )


def table(
    texts: Iterable[str | None] | Any,
    kind: Kind = "claims",
    *,
    n_threads: int | None = None,
    progress: Any = None,
    reference_date: DateLike = None,
) -> Table:
    """The rows of :func:`frame` as an Arrow :class:`Table`, built without a Python object per item.

    Hand it to any Arrow consumer without a copy: ``pyarrow.table(t)``, ``polars.from_arrow(t)``,
    ``pandas.DataFrame.from_arrow(t)``. ``doc_id`` is the position of the text in ``texts``.
    """
    return _default().table(
        texts, kind, n_threads=n_threads, progress=progress, reference_date=reference_date
    )


def schema(kind: Kind) -> dict[str, str]:
    """Column names and pandas dtypes of the tidy frame for ``kind``, stable even for empty results.

    >>> list(schema("sentences").items())
    [('doc_id', 'int64'), ('index', 'int64'), ('start', 'int64'), ('end', 'int64'), ('text', 'string[pyarrow]')]
    """
    from factsift.frames import schema as _schema

    return _schema(kind)
