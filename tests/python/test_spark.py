"""factsift.spark: the mapInArrow function on RecordBatch iterators, and on Spark if installed."""

from __future__ import annotations

import shutil

import cloudpickle
import pandas as pd
import pyarrow as pa
import pytest

import factsift as fs
import factsift.spark as fss


@pytest.fixture
def batches(article):
    texts = [article, None, "It rained in Mosul. It stopped.", "", "Zürich 🇮🇶. Done."]
    return [
        pa.RecordBatch.from_pydict({"id": [10, 11, 12], "text": texts[:3]}),
        pa.RecordBatch.from_pydict({"id": [13, 14], "text": texts[3:]}),
        pa.RecordBatch.from_pydict(
            {"id": pa.array([], pa.int64()), "text": pa.array([], pa.string())}
        ),
    ]


def run(fn, batches):
    out = list(fn(iter(batches)))
    assert all(isinstance(b, pa.RecordBatch) for b in out)
    return out


@pytest.mark.parametrize("kind", ["sentences", "claims", "places"])
def test_mapper_gives_the_rows_of_frame_with_the_id_column(batches, kind):
    out = run(fss.mapper(kind), batches)
    schema = fss.arrow_schema(kind)
    assert all(b.schema == schema for b in out)
    got = pa.Table.from_batches(out, schema=schema).to_pandas(types_mapper=pd.ArrowDtype)
    texts = [t for b in batches for t in b.column("text").to_pylist()]
    ids = [i for b in batches for i in b.column("id").to_pylist()]
    expected = fs.frame(texts, kind, ids=ids)
    assert got.astype(object).where(got.notna(), None).values.tolist() == expected.astype(
        object
    ).where(expected.notna(), None).values.tolist()
    if kind == "sentences":
        assert len(got) > 17


def test_string_ids_and_column_names_are_honoured(article):
    batch = pa.RecordBatch.from_pydict({"key": ["a", "b"], "body": ["It rained. It stopped.", None]})
    out = run(fss.mapper("sentences", text="body", id="key"), [batch])
    table = pa.Table.from_batches(out)
    assert table.schema == fss.arrow_schema("sentences", id_type=pa.string())
    assert table.column("doc_id").to_pylist() == ["a"] * len(fs.sentences("It rained. It stopped."))


def test_spark_ddl_schema_matches_the_arrow_schema():
    for kind in ("sentences", "claims", "places"):
        ddl = fss.schema(kind)
        names = [part.split()[0].strip("`") for part in ddl.split(", ")]
        assert names == fss.arrow_schema(kind).names == list(fs.schema(kind))
    assert fss.schema("sentences", id_type="string").startswith("doc_id string, ")
    assert "`value` double" in fss.schema("claims") and "`text` string" in fss.schema("claims")


def test_the_mapper_pickles_with_cloudpickle_like_spark_sends_it(batches):
    fn = fss.mapper("sentences", extractor=fs.Extractor(abbreviations=["Zorb."]))
    again = cloudpickle.loads(cloudpickle.dumps(fn))
    assert [b.to_pydict() for b in run(again, batches)] == [b.to_pydict() for b in run(fn, batches)]


def test_unknown_kind_fails_when_the_mapper_is_made():
    with pytest.raises(fs.ConfigError):
        fss.mapper("words")


def test_on_a_local_spark_session(article):
    pyspark = pytest.importorskip("pyspark", reason="pyspark is optional (it needs Java)")
    if shutil.which("java") is None:
        pytest.skip("pyspark is installed but Java is not")
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").appName("factsift-test").getOrCreate()
    try:
        pdf = pd.DataFrame({"id": [1, 2, 3], "text": [article, None, "It rained. It stopped."]})
        sdf = spark.createDataFrame(pdf)
        got = fss.sentences(sdf, text="text", id="id").toPandas()
        expected = fs.frame(pdf.text, "sentences", ids=pdf.id)
        assert got.doc_id.tolist() == expected.doc_id.tolist()
        assert got.text.tolist() == expected.text.tolist()
        assert pyspark.__version__
    finally:
        spark.stop()
