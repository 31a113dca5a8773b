"""Tidy frames: one row per sentence, claim, place, date or fact, with a stable schema.

The rows are built in Rust, in parallel, straight into Arrow columns (:class:`factsift.Table`);
this module only hands those columns to pandas. pandas and pyarrow are imported here, never at
``import factsift``.

Columns: ``doc_id`` (the text's id: its position, or the ids you pass, or a Series' index),
then every field of the item class (:class:`~factsift.Sentence`, :class:`~factsift.Claim`,
:class:`~factsift.Place`, :class:`~factsift.Date`) in order; for ``"facts"``, one row per claim
with its context flattened (see :func:`fact_record`). Dtypes come from :func:`schema` and do not
depend on the data, so an empty result has the same columns and dtypes as a full one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from factsift._factsift import Document, Extractor, Fact, Table, _columns
from factsift.errors import ConfigError, FactsiftError

if TYPE_CHECKING:  # pragma: no cover
    import pandas

KINDS = ("sentences", "claims", "places", "dates", "facts")

# Arrow type (as the binding names it) and nullability -> pandas dtype. Integers that can be
# missing use the nullable "Int64"; strings are Arrow-backed with pd.NA for missing values.
_STRING = "string[pyarrow]"


def _pandas_dtype(arrow_type: str, nullable: bool) -> str:
    if arrow_type == "Int64":
        return "Int64" if nullable else "int64"
    if arrow_type == "Float64":
        return "float64"
    if arrow_type in ("Utf8", "LargeUtf8"):
        return _STRING
    raise AssertionError(f"no pandas dtype for Arrow type {arrow_type}")  # pragma: no cover


def schema(kind: str) -> dict[str, str]:
    """Column name → pandas dtype of the tidy frame for ``kind``, in column order.

    ``doc_id`` is shown as ``"int64"`` (positions); with ``ids`` it takes the dtype of the ids.
    """
    return {name: _pandas_dtype(t, nullable) for name, t, nullable in _columns(kind)}


def _extractor(extractor: Extractor | None) -> Extractor:
    if extractor is not None:
        return extractor
    import factsift

    return factsift._default()


def _is_pandas(obj: Any, name: str) -> bool:
    return type(obj).__name__ == name and type(obj).__module__.startswith("pandas")


def table(
    texts: Any,
    kind: str = "claims",
    *,
    extractor: Extractor | None = None,
    n_threads: int | None = None,
    progress: Any = None,
    reference_date: Any = None,
) -> Table:
    """One kind of item for many texts as an Arrow :class:`~factsift.Table`."""
    return _extractor(extractor).table(
        texts, kind, n_threads=n_threads, progress=progress, reference_date=reference_date
    )


def _relabel(err: FactsiftError, ids: "pandas.Index") -> FactsiftError:
    """The same error, naming the row by its id instead of its position."""
    position = getattr(err, "position", None)
    if position is None or position >= len(ids):
        return err
    label = ids[position]
    if type(label).__module__ == "numpy":  # np.int64(200) -> 200
        label = label.item()
    again = type(err)(f"row {label!r}: {getattr(err, 'reason', err)}")
    again.position = position  # type: ignore[attr-defined]
    return again


def frame(
    texts: Iterable[Any],
    kind: str = "claims",
    *,
    ids: Iterable[Any] | None = None,
    extractor: Extractor | None = None,
    n_threads: int | None = None,
    progress: Any = None,
    reference_date: Any = None,
) -> "pandas.DataFrame":
    """One row per item of ``kind`` for every text; missing texts give no rows.

    ``ids`` label the texts (default: a pandas Series' index, else positions 0..n-1) and fill
    ``doc_id``. A value that is neither text nor missing raises ``InputTypeError`` naming its row.
    ``reference_date`` (dates and facts) is one date, or one per text such as a publication-date
    column.
    """
    import pandas as pd

    _columns(kind)  # an unknown kind fails before any work
    if ids is None and _is_pandas(texts, "Series"):
        ids = texts.index
    if ids is not None:
        ids = ids if isinstance(ids, pd.Index) else pd.Index(list(ids))
        if hasattr(texts, "__len__") and len(ids) != len(texts):  # type: ignore[arg-type]
            raise ConfigError(f"ids has {len(ids)} items but texts has {len(texts)}")  # type: ignore[arg-type]
    try:
        result = _extractor(extractor).table(
            texts, kind, n_threads=n_threads, progress=progress, reference_date=reference_date
        )
    except FactsiftError as err:
        if ids is None:
            raise
        raise _relabel(err, ids) from None
    if ids is not None and len(ids) != result.num_texts:
        raise ConfigError(f"ids has {len(ids)} items but texts has {result.num_texts}")
    return table_to_pandas(result, ids)


def table_to_pandas(table: Table, ids: Iterable[Any] | None = None) -> "pandas.DataFrame":
    """A :class:`~factsift.Table` as a pandas DataFrame with the dtypes of :func:`schema`.

    Strings stay in their Arrow buffers (no Python string per cell); ``doc_id`` becomes
    ``ids[doc_id]`` when ``ids`` is given.
    """
    import pandas as pd
    import pyarrow as pa

    arrow = pa.table(table)
    columns: dict[str, Any] = {}
    for name, dtype in schema(table.kind).items():
        column = arrow.column(name)
        if name == "doc_id" and ids is not None:
            index = ids if isinstance(ids, pd.Index) else pd.Index(list(ids))
            columns[name] = index.take(column.to_numpy()).array
        elif dtype in ("int64", "float64"):
            columns[name] = column.to_numpy()
        else:
            columns[name] = pd.api.types.pandas_dtype(dtype).__from_arrow__(column)
    return pd.DataFrame(columns, copy=False)


def fact_record(fact: Fact, sentence_text: str) -> dict[str, Any]:
    """One fact as the flat row of a ``"facts"`` frame (the same columns the Rust side writes)."""
    claim, place, date, source = fact.claim, fact.place, fact.date, fact.source
    return {
        "sentence": fact.sentence,
        "claim": claim.text,
        "start": claim.start,
        "end": claim.end,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "dimension": claim.dimension,
        "bound": claim.bound,
        "change": claim.change,
        "concept": claim.concept,
        "place": place.name if place else None,
        "place_country_code": place.country_code if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "places": "; ".join(p.name for p in fact.places) or None,
        "date": date.text if date else None,
        "date_earliest": date.earliest if date else None,
        "date_latest": date.latest if date else None,
        "source": source.name if source else None,
        "source_role": source.role if source else None,
        "source_kind": source.kind if source else None,
        "sentence_text": sentence_text,
    }


def document_frame(doc: Document, kind: str = "claims") -> "pandas.DataFrame":
    """The items of one document as a tidy frame (``doc_id`` is 0)."""
    import pandas as pd

    dtypes = schema(kind)
    items = getattr(doc, kind)
    if kind == "facts":
        sentences = doc.sentences
        rows = [fact_record(f, sentences[f.sentence].text) for f in items]
        get = lambda row, name: row[name]  # noqa: E731
    else:
        rows = items
        get = getattr
    columns = {
        name: pd.array(
            [0] * len(rows) if name == "doc_id" else [get(row, name) for row in rows],
            dtype=dtype,
        )
        for name, dtype in dtypes.items()
    }
    return pd.DataFrame(columns)
