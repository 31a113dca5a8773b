"""The ``.factsift`` accessor on pandas Series of text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import factsift as fs
import factsift.pandas  # noqa: F401  (registers the accessor)


@pytest.fixture
def texts(article):
    return pd.Series(
        [article, None, "It rained in Mosul. It stopped.", np.nan, ""],
        index=pd.Index(["a", "b", "c", "d", "e"], name="story"),
    )


@pytest.mark.parametrize("kind", ["sentences", "claims", "places"])
def test_accessor_gives_the_tidy_frame_with_the_index_as_doc_id(texts, kind):
    df = getattr(texts.factsift, kind)()
    expected = fs.frame(texts.tolist(), kind, ids=texts.index)
    pd.testing.assert_frame_equal(df, expected)
    assert list(df.columns) == list(fs.schema(kind))
    assert set(df.doc_id) <= {"a", "c", "e"}


def test_sentences_rows_point_into_their_own_text(texts):
    df = texts.factsift.sentences()
    assert list(df.doc_id.unique()) == ["a", "c"]
    for row in df.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text


def test_arrow_backed_and_object_series_give_the_same_rows(texts):
    arrow = texts.astype("string[pyarrow]").factsift.sentences()
    objects = texts.astype(object).factsift.sentences()
    pd.testing.assert_frame_equal(arrow, objects)


def test_every_missing_marker_gives_no_rows():
    s = pd.Series(["It rained. It stopped.", None, np.nan, pd.NA, pd.NaT], dtype=object)
    assert list(s.factsift.sentences().doc_id) == [0, 0]


def test_empty_series_keeps_the_schema():
    df = pd.Series([], dtype="str").factsift.places()
    assert len(df) == 0 and list(df.columns) == list(fs.schema("places"))


def test_a_non_string_value_is_a_type_error_naming_the_row():
    s = pd.Series(["fine.", 42, "also fine."], index=[100, 200, 300])
    with pytest.raises(TypeError, match="row 200.*int"):
        s.factsift.claims()


def test_integer_index_keeps_its_dtype():
    s = pd.Series(["It rained. It stopped.", "Then sun."], index=pd.Index([5, 9], dtype="int32"))
    df = s.factsift.sentences()
    assert df.doc_id.dtype == np.int32 and list(df.doc_id) == [5, 5, 9]


def test_accessor_table_is_arrow(texts):
    import pyarrow as pa

    t = texts.factsift.table("sentences")
    assert pa.table(t).num_rows == len(texts.factsift.sentences())


def test_options_pass_through(texts):
    ex = fs.Extractor(lang="de")
    seen = []
    df = texts.factsift.sentences(extractor=ex, n_threads=1, progress=seen.append)
    assert sum(seen) == 3  # three texts present
    assert len(df) == len(fs.frame(texts, "sentences", ids=texts.index))
