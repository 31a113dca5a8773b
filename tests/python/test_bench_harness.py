"""The benchmark harness (bench/fsbench) keeps working, without its peers or bench/.venv.

`make bench` is too slow for `make test`; this runs each part of it on tiny inputs with factsift
alone: a task through real worker processes, the scaling curve, the report and the charts.
"""

from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from fsbench import charts, machine, report, scaling  # noqa: E402
from fsbench.compare import Settings, run_task  # noqa: E402
from fsbench.tasks import TASK_NAMES, get  # noqa: E402


def tiny(engines: list[str]) -> Settings:
    return Settings(rounds=2, round_seconds=0.05, eval_dir=None, engines=engines,
                    pythons={"main": sys.executable}, quiet=True)


@pytest.fixture(scope="module")
def run() -> dict:
    """A whole run in miniature: the sentences task (factsift only), CQE without its
    virtualenv, and the scaling curve on 1 KB and 10 KB."""
    return {
        "machine": machine.describe(), "factsift_version": "test", "scorers": {},
        "settings": {"rounds": 2, "round_seconds": 0.05}, "load_average_end": 0.0,
        "tasks": [run_task("sentences", tiny(["factsift"])),
                  run_task("claims", tiny(["cqe"]))],
        "scaling": scaling.measure([1e3, 1e4], [1, 2], 2, 1e4, 60.0, 1e4),
    }


@pytest.mark.parametrize("name", TASK_NAMES)
def test_every_task_declares_factsift_and_generated_inputs(name):
    task = get(name)
    assert "factsift" in task.ENGINES
    corpus = task.corpus(None)  # no ../shared/eval: public generated texts
    assert corpus.texts and corpus.nbytes > 10_000, corpus.description
    assert task.HEADLINE.key and task.COLUMNS


def test_a_task_times_factsift_in_a_worker(run):
    result = run["tasks"][0]
    e = result["engines"]["factsift"]
    assert len(e["seconds"]) == 2 and all(s > 0 for s in e["seconds"])
    assert e["mb_per_s"] > 0 and e["texts_per_round"] >= 1
    assert e["items_first_pass"] > 0  # it split the texts into sentences
    assert e["peak_rss_mb"] >= e["baseline_rss_mb"] > 0
    assert "accuracy" not in e  # no eval folder given


def test_an_engine_that_cannot_start_is_listed_with_the_reason(run):
    claims = run["tasks"][1]
    assert claims["engines"] == {}
    assert "virtualenv" in claims["not_runnable"]["CQE"]


def test_the_scaling_curve_covers_each_size_and_thread_count(run):
    points = run["scaling"]["points"]
    assert len(points) == 2 and points[0]["docs"] == 1  # 1 KB: one text, cut short
    assert points[0]["bytes"] <= 1000 < 10_000 <= points[1]["bytes"]
    for p in points:
        assert set(p["threads"]) == {"1", "2"}
        assert all(v["seconds"] > 0 for v in p["threads"].values())
    assert len(run["scaling"]["single_document"]) == 2


def test_the_report_and_the_charts_are_written(run, tmp_path):
    charts.throughput_accuracy(run, str(tmp_path / "results.png"))
    charts.scaling(run, str(tmp_path / "scaling.png"))
    assert (tmp_path / "results.png").stat().st_size > 10_000
    assert (tmp_path / "scaling.png").stat().st_size > 10_000
    text = report.results_markdown(dict(run, charts=[("chart", "results.png")]))
    assert "| **factsift** |" in text and "## Not runnable here" in text
    block = report.readme_block(dict(run, charts=[]))
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\n{report.README_BEGIN}\nold\n{report.README_END}\n\nafter\n")
    assert report.update_readme(str(readme), block)
    assert "old" not in readme.read_text() and readme.read_text().endswith("after\n")


def test_the_readme_has_the_block_a_full_run_rewrites():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert report.README_BEGIN in text and report.README_END in text
