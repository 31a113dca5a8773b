"""Tidy rows of a Dask DataFrame's text column, one partition at a time.

>>> import dask.dataframe as dd
>>> import factsift.dask
>>> ddf = dd.from_pandas(df, npartitions=64)                # or dd.read_parquet(...)
>>> claims = factsift.dask.claims(ddf, text="text")         # lazy: a Dask DataFrame
>>> claims.groupby("unit").value.sum().compute()

Each partition becomes the tidy frame of :func:`factsift.frame`: one row per item, ``doc_id`` =
the row's index label, then every field, with the dtypes of :func:`factsift.schema`. Missing
texts give no rows. The result's own index restarts at 0 in each partition; join back on
``doc_id``.

Dask runs partitions in parallel, so each partition uses one thread by default (``n_threads``);
the extractor (default: ``factsift``'s own, built in each worker) pickles to the workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factsift import frames
from factsift._factsift import Extractor

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd
    import pandas

__all__ = ["claims", "frame", "places", "sentences"]


def _partition(
    texts: "pandas.Series", kind: str, extractor: Extractor | None, n_threads: int | None
) -> "pandas.DataFrame":
    return frames.frame(texts, kind, ids=texts.index, extractor=extractor, n_threads=n_threads)


def frame(
    ddf: "dd.DataFrame | dd.Series",
    kind: str = "claims",
    *,
    text: str = "text",
    extractor: Extractor | None = None,
    n_threads: int | None = 1,
) -> "dd.DataFrame":
    """One row per item of ``kind`` for each text of ``ddf[text]`` (or of a Dask Series)."""
    import dask.dataframe as dd

    frames.schema(kind)  # an unknown kind fails now, not inside a worker
    texts = ddf if isinstance(ddf, dd.Series) else ddf[text]
    # The meta is what the partition function makes of an empty partition: the stable schema,
    # with doc_id typed like the index.
    meta = _partition(texts._meta, kind, extractor, 1)
    return texts.map_partitions(_partition, kind, extractor, n_threads, meta=meta)


def sentences(ddf: Any, text: str = "text", **options: Any) -> "dd.DataFrame":
    """One row per sentence; see :func:`frame`."""
    return frame(ddf, "sentences", text=text, **options)


def claims(ddf: Any, text: str = "text", **options: Any) -> "dd.DataFrame":
    """One row per numeric claim; see :func:`frame`."""
    return frame(ddf, "claims", text=text, **options)


def places(ddf: Any, text: str = "text", **options: Any) -> "dd.DataFrame":
    """One row per place; see :func:`frame`."""
    return frame(ddf, "places", text=text, **options)


def dates(ddf: Any, text: str = "text", **options: Any) -> "dd.DataFrame":
    """One row per date expression; see :func:`frame`."""
    return frame(ddf, "dates", text=text, **options)


def facts(ddf: Any, text: str = "text", **options: Any) -> "dd.DataFrame":
    """One row per claim with its place, date and source; see :func:`frame`."""
    return frame(ddf, "facts", text=text, **options)
