"""Tidy frames: one row per sentence, claim or place, with a stable schema.

pandas is imported here, not at ``import factsift``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Iterable

from factsift._factsift import Claim, Document, Extractor, Place, Sentence
from factsift.errors import ConfigError, InputTypeError

if TYPE_CHECKING:  # pragma: no cover
    import pandas

_CLASSES = {"sentences": Sentence, "claims": Claim, "places": Place}

# pandas dtypes per field; nullable dtypes keep integers integers when values are missing.
_DTYPES = {
    "doc_id": "object",
    "index": "int64",
    "start": "int64",
    "end": "int64",
    "sentence": "int64",
    "text": "string",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "unit": "string",
    "unit_text": "string",
    "dimension": "string",
    "base_value": "float64",
    "base_unit": "string",
    "bound": "string",
    "change": "string",
    "concept": "string",
    "concept_start": "Int64",
    "concept_end": "Int64",
    "name": "string",
    "kind": "string",
    "country_code": "string",
    "admin1": "string",
    "lat": "float64",
    "lon": "float64",
    "geonameid": "Int64",
    "population": "Int64",
    "modifier": "string",
    "score": "float64",
}


def _check_kind(kind: str) -> type:
    try:
        return _CLASSES[kind]
    except KeyError:
        raise ConfigError(
            f"unknown kind {kind!r}: use one of {', '.join(map(repr, _CLASSES))}"
        ) from None


def schema(kind: str) -> dict[str, str]:
    """Column name → pandas dtype of the tidy frame for ``kind``."""
    cls = _check_kind(kind)
    return {"doc_id": _DTYPES["doc_id"], **{f: _DTYPES[f] for f in cls._fields}}


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return isinstance(value, float) and math.isnan(value)
    except TypeError:  # pragma: no cover - exotic float subclasses
        return False


def _build(rows: dict[str, list], kind: str) -> "pandas.DataFrame":
    import pandas as pd

    columns = schema(kind)
    data = {name: pd.Series(rows[name], dtype=dtype) for name, dtype in columns.items()}
    return pd.DataFrame(data, columns=list(columns))


def frame(
    texts: Iterable[Any],
    kind: str = "claims",
    *,
    ids: Iterable[Any] | None = None,
    extractor: Extractor | None = None,
    n_threads: int | None = None,
    progress: Any = None,
) -> "pandas.DataFrame":
    """One row per item of ``kind`` for every text; missing texts give no rows."""
    cls = _check_kind(kind)
    if extractor is None:
        import factsift

        extractor = factsift._default()
    texts = list(texts)
    ids = list(range(len(texts))) if ids is None else list(ids)
    if len(ids) != len(texts):
        raise ConfigError(f"ids has {len(ids)} items but texts has {len(texts)}")
    present = []
    for doc_id, text in zip(ids, texts):
        if _is_missing(text):
            continue
        if not isinstance(text, str):
            raise InputTypeError(
                f"row {doc_id!r}: expected text (str), got {type(text).__name__}"
            )
        present.append((doc_id, text))
    docs = extractor.analyze_many([t for _, t in present], n_threads=n_threads, progress=progress)
    fields = cls._fields
    rows: dict[str, list] = {"doc_id": [], **{f: [] for f in fields}}
    for (doc_id, _), doc in zip(present, docs):
        for item in getattr(doc, kind):
            rows["doc_id"].append(doc_id)
            for f in fields:
                rows[f].append(getattr(item, f))
    return _build(rows, kind)


def document_frame(doc: Document, kind: str = "claims") -> "pandas.DataFrame":
    """The items of one document as a tidy frame (``doc_id`` is 0)."""
    cls = _check_kind(kind)
    fields = cls._fields
    rows: dict[str, list] = {"doc_id": [], **{f: [] for f in fields}}
    for item in getattr(doc, kind):
        rows["doc_id"].append(0)
        for f in fields:
            rows[f].append(getattr(item, f))
    return _build(rows, kind)
