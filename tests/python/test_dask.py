"""factsift.dask on a real dask.distributed cluster of worker processes."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import factsift as fs

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    """Two worker processes (not threads): tasks and their results cross process boundaries."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        worker_dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def frame(article):
    texts = [article, None, "It rained in Mosul. It stopped.", "", article[:1200], "Zürich 🇮🇶. Done."]
    return pd.DataFrame(
        {"text": texts * 20, "n": range(120)}, index=pd.RangeIndex(1000, 1120, name="story")
    )


@pytest.mark.parametrize("kind", ["sentences", "claims", "places"])
def test_cluster_rows_equal_the_single_process_rows(client, frame, kind):
    ddf = dd.from_pandas(frame, npartitions=6)
    lazy = getattr(fs_dask(), kind)(ddf, text="text")
    with distributed.get_task_stream(client) as tasks:
        got = lazy.compute()
    expected = fs.frame(frame.text, kind, ids=frame.index)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)
    # the meta promised the schema the workers delivered
    assert lazy._meta.dtypes.to_dict() == got.dtypes.to_dict()
    assert list(lazy.columns) == list(fs.schema(kind))
    if kind == "sentences":
        assert len(got) > 100  # real rows, from both workers
        workers = {t["worker"] for t in tasks.data}
        assert len(workers) >= 2, workers  # the partitions were spread over both processes
        pids = set(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids


def test_a_configured_extractor_travels_to_the_workers(client):
    text = "They met at the Zorb. Smith house. Fine."
    pdf = pd.DataFrame({"text": [text] * 4})
    ddf = dd.from_pandas(pdf, npartitions=2)
    ex = fs.Extractor(abbreviations=["Zorb."])
    got = fs_dask().sentences(ddf, extractor=ex).compute()
    assert len(got) == 4 * len(ex.sentences(text))
    assert len(ex.sentences(text)) != len(fs.sentences(text))  # the option mattered


def test_a_dask_series_and_string_ids_work(client):
    pdf = pd.DataFrame({"body": ["It rained. It stopped.", None, "Sun."]}, index=["a", "b", "c"])
    ddf = dd.from_pandas(pdf, npartitions=2)
    got = fs_dask().sentences(ddf["body"]).compute()
    assert list(got.doc_id) == ["a", "a", "c"]


def test_unknown_kind_fails_before_any_task():
    ddf = dd.from_pandas(pd.DataFrame({"text": ["a"]}), npartitions=1)
    with pytest.raises(fs.ConfigError):
        fs_dask().frame(ddf, "words")


def fs_dask():
    import factsift.dask

    return factsift.dask
