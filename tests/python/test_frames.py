"""Tidy frames and Arrow tables: schema, rows, missing values, errors, Arrow in and out."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factsift as fs

KINDS = ["sentences", "claims", "places"]
CLASSES = {"sentences": fs.Sentence, "claims": fs.Claim, "places": fs.Place}


def rows_of_objects(texts, kind, ids=None):
    """The tidy rows built the slow way, from the result objects."""
    ids = list(range(len(texts))) if ids is None else list(ids)
    out = []
    for doc_id, text in zip(ids, texts):
        if text is None or (isinstance(text, float) and math.isnan(text)):
            continue
        for item in getattr(fs.analyze(text), kind):
            out.append({"doc_id": doc_id, **item.to_dict()})
    return out


def rows_of_frame(df):
    """Rows as dicts with plain Python values (pd.NA and NaN become None)."""
    out = []
    for row in df.astype(object).to_dict("records"):
        out.append(
            {
                k: None if v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v
                for k, v in row.items()
            }
        )
    return out


def normalise(rows):
    return [
        {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in r.items()}
        for r in rows
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_doc_id_then_the_fields_of_the_class(kind):
    schema = fs.schema(kind)
    assert list(schema) == ["doc_id", *CLASSES[kind]._fields]
    assert fs.table([], kind).column_names == list(schema)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("texts", [[], [None], ["", "   "], [float("nan"), pd.NA]])
def test_empty_results_keep_the_schema(kind, texts):
    df = fs.frame(texts, kind)
    assert len(df) == 0
    assert list(df.columns) == list(fs.schema(kind))
    for name, dtype in fs.schema(kind).items():
        assert df[name].dtype == pd.api.types.pandas_dtype(dtype), name


@pytest.mark.parametrize("kind", KINDS)
def test_dtypes_do_not_depend_on_the_data(kind, article):
    full = fs.frame([article, "Mosul. 5 km away."], kind)
    empty = fs.frame([], kind)
    assert full.dtypes.to_dict() == empty.dtypes.to_dict()


@pytest.mark.parametrize("kind", KINDS)
def test_frame_rows_equal_the_result_objects(kind, article):
    texts = [article, None, "One. Two three.", "", article[:700], float("nan")]
    df = fs.frame(texts, kind)
    assert rows_of_frame(df) == normalise(rows_of_objects(texts, kind))
    if kind == "sentences":
        assert len(df) > 17  # the check above compared real rows


@pytest.mark.parametrize("kind", KINDS)
def test_document_to_frame_matches_frame(kind, article):
    one = fs.analyze(article).to_frame(kind)
    pd.testing.assert_frame_equal(one, fs.frame([article], kind))


def test_offsets_are_str_indices_in_every_row():
    texts = ["Ünïcödé 😀 here. Zürich 🇮🇶 next.", "中文。第二句。", "e\u0301 combining. Next one."]
    df = fs.frame(texts, "sentences")
    assert len(df) >= 5
    for row in df.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=80)), max_size=6))
def test_any_texts_give_the_rows_of_the_objects(texts):
    df = fs.frame(texts, "sentences", n_threads=2)
    assert rows_of_frame(df) == rows_of_objects(texts, "sentences")


def test_ids_label_the_rows_and_keep_their_dtype():
    df = fs.frame(["It rained. It stopped.", None, "Sun came."], "sentences", ids=["x", "y", "z"])
    assert list(df.doc_id) == ["x", "x", "z"]
    df = fs.frame(["It rained.", "It stopped."], "sentences", ids=np.array([10, 20], dtype="int32"))
    assert list(df.doc_id) == [10, 20] and df.doc_id.dtype == np.int32
    ts = pd.to_datetime(["2024-01-01", "2024-01-02"])
    assert list(fs.frame(["It rained.", "It stopped."], "sentences", ids=ts).doc_id) == list(ts)


def test_a_series_labels_rows_by_its_index():
    s = pd.Series(["It rained.", None, "It stopped."], index=[7, 8, 9])
    assert list(fs.frame(s, "sentences").doc_id) == [7, 9]


def test_ids_must_match_the_texts():
    with pytest.raises(fs.ConfigError, match="ids has 1 items but texts has 2"):
        fs.frame(["a", "b"], "sentences", ids=[1])
    with pytest.raises(fs.ConfigError, match="ids has 1 items but texts has 2"):
        fs.frame(iter(["a", "b"]), "sentences", ids=[1])


def test_unknown_kind_is_a_config_error():
    with pytest.raises(fs.ConfigError, match='unknown kind "words"'):
        fs.frame(["a"], "words")
    with pytest.raises(ValueError):
        fs.schema("words")
    with pytest.raises(fs.ConfigError):
        fs.table(["a"], "words")


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, np.float64("nan"), pd.NA, pd.NaT])
def test_missing_values_give_no_rows(missing):
    df = fs.frame(["It rained. It stopped.", missing, "Three."], "sentences")
    assert list(df.doc_id) == [0, 0, 2]


@pytest.mark.parametrize("bad", [5, 2.5, b"bytes", ["list"], object()])
def test_a_non_text_value_is_a_type_error_naming_the_row(bad):
    with pytest.raises(TypeError) as info:
        fs.frame(["ok", bad], "sentences", ids=["first", "second"])
    assert isinstance(info.value, fs.InputTypeError)
    assert "row 'second'" in str(info.value)
    assert type(bad).__name__ in str(info.value)
    assert info.value.position == 1
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        fs.frame(["ok", bad], "sentences")


def test_a_lone_surrogate_is_a_value_error_naming_the_row():
    with pytest.raises(fs.InvalidTextError, match="row 'b'.*index 1"):
        fs.frame(["ok", "x\ud800"], "sentences", ids=["a", "b"])


def test_a_single_string_is_refused():
    with pytest.raises(TypeError, match="single str"):
        fs.frame("It rained. It stopped.", "sentences")


def test_threads_give_the_same_frame(article):
    texts = [article, "x. y."] * 300
    one = fs.frame(texts, "sentences", n_threads=1)
    two = fs.frame(texts, "sentences", n_threads=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) == 300 * (len(fs.sentences(article)) + len(fs.sentences("x. y.")))


# --- Arrow out --------------------------------------------------------------------------------


def test_table_exports_through_the_arrow_c_stream(article):
    t = fs.table([article, None, "It rained. It stopped."], "sentences")
    n0, n2 = len(fs.sentences(article)), len(fs.sentences("It rained. It stopped."))
    assert t.kind == "sentences" and t.num_texts == 3 and len(t) == t.num_rows == n0 + n2
    arrow = pa.table(t)
    assert arrow.column_names == list(fs.schema("sentences"))
    assert arrow.column("doc_id").to_pylist() == [0] * n0 + [2] * n2
    assert pa.schema(t) == arrow.schema


def test_the_arrow_export_shares_memory_instead_of_copying(article):
    t = fs.table([article] * 3, "sentences")
    a, b = pa.table(t), pa.table(t)
    buffers = lambda table: [  # noqa: E731
        buf.address for chunk in table.column("text").chunks for buf in chunk.buffers() if buf
    ]
    assert buffers(a) == buffers(b)  # both views point at the one set of buffers built in Rust


def test_polars_and_pandas_take_the_table(article):
    pl = pytest.importorskip("polars")
    t = fs.table([article, "It rained."], "sentences")
    rows = len(fs.sentences(article)) + len(fs.sentences("It rained."))
    df = pl.DataFrame(t)
    assert df.columns == list(fs.schema("sentences")) and df.height == rows
    if hasattr(pd.DataFrame, "from_arrow"):  # pandas >= 3
        assert len(pd.DataFrame.from_arrow(t)) == rows
    pd.testing.assert_frame_equal(t.to_pandas(), fs.frame([article, "It rained."], "sentences"))


# --- Arrow in ---------------------------------------------------------------------------------


def arrow_inputs():
    texts = ["It rained. It stopped.", None, "Three.", "Zürich 🇮🇶. Done."]
    yield "array", pa.array(texts)
    yield "large_string", pa.array(texts, pa.large_string())
    yield "string_view", pa.array(texts, pa.string_view())
    yield "chunked", pa.chunked_array([texts[:2], texts[2:]])
    yield "dictionary", pa.array(texts).dictionary_encode()
    yield "one-column table", pa.table({"text": texts})
    yield "pandas str", pd.Series(texts, dtype="string[pyarrow]")
    yield "pandas category", pd.Series(texts, dtype="category")


@pytest.mark.parametrize("name,column", list(arrow_inputs()), ids=[n for n, _ in arrow_inputs()])
def test_arrow_string_columns_are_read_in_place(name, column):
    expected = fs.frame(["It rained. It stopped.", None, "Three.", "Zürich 🇮🇶. Done."], "sentences")
    got = fs.frame(column, "sentences")
    pd.testing.assert_frame_equal(got, expected)


def test_polars_series_are_read():
    pl = pytest.importorskip("polars")
    s = pl.Series(["It rained. It stopped.", None, "Three."])
    assert list(fs.frame(s, "sentences").doc_id) == [0, 0, 2]


def test_arrow_input_of_the_wrong_type_is_a_type_error():
    with pytest.raises(fs.InputTypeError, match="Arrow type Int64"):
        fs.table(pa.array([1, 2]), "sentences")
    with pytest.raises(fs.InputTypeError, match=r"columns \[\"a\", \"b\"\]"):
        fs.table(pa.table({"a": ["x"], "b": ["y"]}), "sentences")


def test_arrow_input_with_invalid_utf8_is_refused():
    bad = pa.Array.from_buffers(
        pa.string(), 1, [None, pa.py_buffer(np.array([0, 2], dtype=np.int32)), pa.py_buffer(b"\xff\xfe")]
    )
    with pytest.raises(ValueError, match="(?i)utf-?8"):
        fs.table(bad, "sentences")


def test_an_object_series_is_read_value_by_value_so_errors_name_the_row():
    s = pd.Series(["One.", 3, None], index=["a", "b", "c"], dtype=object)
    with pytest.raises(fs.InputTypeError, match="row 'b'"):
        fs.frame(s, "sentences")


def test_arrow_input_makes_no_python_string_per_row():
    import tracemalloc

    texts = [f"Report {i}: it rained in Mosul. It stopped." for i in range(10_000)]
    column = pa.array(texts)
    series = pd.Series(texts, dtype="string[pyarrow]")
    fs.table(column[:10], "sentences")  # warm up caches outside the measurement

    def python_memory(fn):
        tracemalloc.start()
        try:
            result = fn()
            return tracemalloc.get_traced_memory()[1], result
        finally:
            tracemalloc.stop()

    from_arrow, t1 = python_memory(lambda: fs.table(column, "sentences"))
    from_series, t2 = python_memory(lambda: fs.table(series, "sentences"))
    from_strs, t3 = python_memory(lambda: fs.table([f"{t} " for t in texts], "sentences"))
    assert len(t1) == len(t2) == len(t3) == 20_000
    # 10 000 Python strings of ~45 characters take ~0.8 MB; reading Arrow takes next to nothing
    assert from_strs > 500_000
    assert from_arrow < 100_000 and from_series < 100_000, (from_arrow, from_series)


def test_document_to_frame_of_hand_made_items_keeps_the_schema():
    text = "About 60 kilometers from Mosul."
    c = fs.Claim(
        text="60 kilometers", start=6, end=19, sentence=0, value=None, low=55.0, high=None,
        unit="km", unit_text=None, dimension="length", base_value=None, base_unit=None,
        bound="min", change=None, concept=None, concept_start=None, concept_end=None,
    )
    p = fs.Place(
        text="Mosul", start=25, end=30, sentence=0, name="Mosul", kind="city",
        country_code="IQ", admin1=None, lat=36.3, lon=43.1, geonameid=99072, population=None,
        modifier=None, score=0.8,
    )
    doc = fs.Document(text, fs.sentences(text), [c], [p])
    for kind, item in (("claims", c), ("places", p)):
        df = doc.to_frame(kind)
        assert df.dtypes.to_dict() == fs.frame([], kind).dtypes.to_dict()
        assert rows_of_frame(df) == [{"doc_id": 0, **item.to_dict()}]
