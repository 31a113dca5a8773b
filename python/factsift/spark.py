"""Tidy rows on Spark, through ``mapInArrow``: Arrow batches in, Arrow batches out.

>>> import factsift.spark as fss
>>> claims = fss.claims(sdf, text="text", id="id")       # a Spark DataFrame of tidy rows
>>> # the same by hand:
>>> claims = sdf.select("id", "text").mapInArrow(
...     fss.mapper("claims", text="text", id="id"), fss.schema("claims", id_type="bigint"))

Each row of the result is one item: ``doc_id`` (the value of the ``id`` column), then every field
of :func:`factsift.schema`. Missing texts give no rows. Texts are read from the Arrow batches in
place (no Python string per row) and the rows are built in Rust.

pyspark is not a dependency of factsift: this module imports it only in :func:`frame` and its
shortcuts. :func:`mapper` and :func:`arrow_schema` need only pyarrow, and are what the tests
exercise without Spark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator

from factsift._factsift import Extractor, _columns

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa

__all__ = ["arrow_schema", "claims", "frame", "mapper", "places", "schema", "sentences"]

_SPARK_TYPES = {"Int64": "bigint", "Float64": "double", "Utf8": "string", "LargeUtf8": "string"}


def schema(kind: str = "claims", *, id_type: str = "bigint") -> str:
    """The Spark DDL schema of :func:`mapper`'s rows, e.g. ``"doc_id bigint, `index` bigint, ..."``.

    ``id_type`` is the Spark type of the id column (``"bigint"``, ``"string"``, ...).
    """
    columns = _columns(kind)
    fields = [f"doc_id {id_type}"]
    fields += [f"`{name}` {_SPARK_TYPES[arrow]}" for name, arrow, _ in columns[1:]]
    return ", ".join(fields)


def arrow_schema(kind: str = "claims", *, id_type: "pa.DataType | None" = None) -> "pa.Schema":
    """The Arrow schema of :func:`mapper`'s batches (``doc_id`` of ``id_type``, default int64)."""
    import pyarrow as pa

    types = {"Int64": pa.int64(), "Float64": pa.float64(), "Utf8": pa.string(),
             "LargeUtf8": pa.string()}
    columns = _columns(kind)
    fields = [pa.field("doc_id", id_type or pa.int64())]
    fields += [pa.field(name, types[arrow], nullable) for name, arrow, nullable in columns[1:]]
    return pa.schema(fields)


def mapper(
    kind: str = "claims",
    *,
    text: str = "text",
    id: str = "id",
    extractor: Extractor | None = None,
    n_threads: int | None = 1,
) -> Callable[[Iterator["pa.RecordBatch"]], Iterator["pa.RecordBatch"]]:
    """A ``mapInArrow`` function: batches with columns ``id`` and ``text`` → tidy batches.

    Spark runs one copy per task, so each uses one thread by default (``n_threads``). The
    function pickles with cloudpickle, as Spark needs (the extractor goes with it, by its options).
    """
    _columns(kind)  # an unknown kind fails now, not on an executor

    def run(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        import pyarrow as pa

        import factsift

        ex = extractor if extractor is not None else factsift._default()
        for batch in batches:
            rows = pa.table(ex.table(batch.column(text), kind, n_threads=n_threads))
            if rows.num_rows == 0:
                continue
            ids = batch.column(id).take(rows.column("doc_id"))
            target = arrow_schema(kind, id_type=ids.type)
            rows = rows.set_column(0, "doc_id", ids).cast(target)
            yield from rows.to_batches()

    return run


def frame(
    sdf: Any,
    kind: str = "claims",
    *,
    text: str = "text",
    id: str = "id",
    extractor: Extractor | None = None,
    n_threads: int | None = 1,
) -> Any:
    """One row per item of ``kind`` for each row of the Spark DataFrame ``sdf``."""
    id_type = sdf.schema[id].dataType.simpleString()
    return sdf.select(id, text).mapInArrow(
        mapper(kind, text=text, id=id, extractor=extractor, n_threads=n_threads),
        schema(kind, id_type=id_type),
    )


def sentences(sdf: Any, **options: Any) -> Any:
    """One row per sentence; see :func:`frame`."""
    return frame(sdf, "sentences", **options)


def claims(sdf: Any, **options: Any) -> Any:
    """One row per numeric claim; see :func:`frame`."""
    return frame(sdf, "claims", **options)


def places(sdf: Any, **options: Any) -> Any:
    """One row per place; see :func:`frame`."""
    return frame(sdf, "places", **options)


def dates(sdf: Any, **options: Any) -> Any:
    """One row per date expression; see :func:`frame`."""
    return frame(sdf, "dates", **options)


def facts(sdf: Any, **options: Any) -> Any:
    """One row per claim with its place, date and source; see :func:`frame`."""
    return frame(sdf, "facts", **options)
