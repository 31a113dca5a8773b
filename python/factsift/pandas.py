"""``import factsift.pandas`` registers the ``.factsift`` accessor on pandas Series of text.

>>> import pandas as pd
>>> import factsift.pandas  # noqa: F401
>>> s = pd.Series(["Iraq. Syria.", None, "Nineveh."], index=["a", "b", "c"])
>>> s.factsift.sentences()[["doc_id", "index", "text"]]
  doc_id  index      text
0      a      0     Iraq.
1      a      1    Syria.
2      c      0  Nineveh.

Each method returns a tidy DataFrame, one row per item, with ``doc_id`` = the Series' index and
the columns of :func:`factsift.schema`. Missing values give no rows; a value that is neither text
nor missing raises ``InputTypeError`` naming its row. Arrow-backed string Series (pandas 3's
default ``str``) are read in place, without making a Python string per row.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from factsift import frames
from factsift._factsift import Extractor, Table

__all__ = ["FactsiftAccessor"]


@pd.api.extensions.register_series_accessor("factsift")
class FactsiftAccessor:
    """``series.factsift``: sentences, claims and places of a Series of texts as tidy frames."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def frame(
        self,
        kind: str = "claims",
        *,
        extractor: Extractor | None = None,
        n_threads: int | None = None,
        progress: Any = None,
        reference_date: Any = None,
    ) -> pd.DataFrame:
        """One row per item of ``kind``; ``doc_id`` is the Series' index.

        ``reference_date`` (dates and facts): one date, or a Series aligned with this one (a
        publication-date column).
        """
        return frames.frame(
            self._series,
            kind,
            ids=self._series.index,
            extractor=extractor,
            n_threads=n_threads,
            progress=progress,
            reference_date=reference_date,
        )

    def sentences(self, **options: Any) -> pd.DataFrame:
        """One row per sentence (options as for :meth:`frame`)."""
        return self.frame("sentences", **options)

    def claims(self, **options: Any) -> pd.DataFrame:
        """One row per numeric claim (options as for :meth:`frame`)."""
        return self.frame("claims", **options)

    def places(self, **options: Any) -> pd.DataFrame:
        """One row per place (options as for :meth:`frame`)."""
        return self.frame("places", **options)

    def dates(self, **options: Any) -> pd.DataFrame:
        """One row per date expression (options as for :meth:`frame`)."""
        return self.frame("dates", **options)

    def facts(self, **options: Any) -> pd.DataFrame:
        """One row per claim with its place, date and source (options as for :meth:`frame`)."""
        return self.frame("facts", **options)

    def table(
        self,
        kind: str = "claims",
        *,
        extractor: Extractor | None = None,
        n_threads: int | None = None,
        progress: Any = None,
    ) -> Table:
        """The rows as an Arrow :class:`~factsift.Table` (``doc_id`` = position in the Series)."""
        return frames.table(
            self._series, kind, extractor=extractor, n_threads=n_threads, progress=progress
        )
