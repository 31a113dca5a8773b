"""analyze_many and the batch machinery: threads, progress, Ctrl-C, fork and spawn."""

from __future__ import annotations

import multiprocessing
import os
import pathlib
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import factsift as fs

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTICLE = (ROOT / "examples" / "iraq_detainees.txt").read_text(encoding="utf-8")
TEXTS = [ARTICLE, "", "It rained. It stopped.", ARTICLE[:900], "Zürich 🇮🇶. Done."] * 40


def test_analyze_many_equals_analyze_on_any_thread_count():
    expected = [fs.analyze(t) for t in TEXTS]
    for n in (1, 2, 3, None):
        assert fs.analyze_many(TEXTS, n_threads=n) == expected
    # more distinct thread counts than pools kept alive: old pools are dropped, results hold
    for n in range(1, 8):
        assert fs.analyze_many(TEXTS[:7], n_threads=n) == expected[:7]


def test_analyze_many_keeps_the_callers_str_objects():
    texts = [ARTICLE, "It rained."]
    docs = fs.analyze_many(texts, n_threads=2)
    assert all(doc.text is text for doc, text in zip(docs, texts))


def test_any_iterable_of_str_is_accepted():
    assert fs.analyze_many(t for t in TEXTS[:5]) == fs.analyze_many(TEXTS[:5])
    assert fs.analyze_many(tuple(TEXTS[:5])) == fs.analyze_many(TEXTS[:5])
    assert fs.analyze_many([]) == []


def test_bad_arguments_are_clear_errors():
    with pytest.raises(fs.ConfigError, match="n_threads"):
        fs.analyze_many(["a"], n_threads=0)
    with pytest.raises(fs.ConfigError, match="progress"):
        fs.analyze_many(["a"], progress=42)
    with pytest.raises(TypeError, match="single str"):
        fs.analyze_many("a text")
    with pytest.raises(fs.InputTypeError, match=r"texts\[2\]"):
        fs.analyze_many(["a", "b", None])
    with pytest.raises(fs.InvalidTextError, match=r"texts\[1\]"):
        fs.analyze_many(["a", "\udc80"])


def test_progress_callable_and_updater_see_every_text():
    seen = []
    fs.analyze_many(TEXTS, n_threads=2, progress=seen.append)
    assert sum(seen) == len(TEXTS) and all(n > 0 for n in seen)

    class Bar:
        total = 0

        def update(self, n):
            self.total += n

    bar = Bar()
    fs.frame(TEXTS + [None], "sentences", progress=bar)
    assert bar.total == len(TEXTS)  # texts worked on: the missing one is skipped


def test_progress_true_draws_a_tqdm_bar(capsys):
    fs.analyze_many(TEXTS, progress=True)
    err = capsys.readouterr().err
    assert f"{len(TEXTS)}/{len(TEXTS)}" in err and "text" in err


def test_our_own_bar_is_closed_even_when_the_run_fails(monkeypatch):
    import tqdm.auto

    events = []

    class FailingBar:
        def __init__(self, total, unit):
            events.append(("open", total))

        def update(self, n):
            raise RuntimeError("display broke")

        def close(self):
            events.append(("close",))

    monkeypatch.setattr(tqdm.auto, "tqdm", FailingBar)
    for n in (1, 2):
        with pytest.raises(RuntimeError, match="display broke"):
            fs.analyze_many(TEXTS, n_threads=n, progress=True)
    assert events == [("open", len(TEXTS)), ("close",)] * 2
    assert fs.analyze_many(TEXTS[:3], n_threads=2) == [fs.analyze(t) for t in TEXTS[:3]]


INTERRUPTED = textwrap.dedent(
    """
    import sys
    import factsift as fs

    article = open(sys.argv[1], encoding="utf-8").read()
    texts = [article] * 300_000           # seconds of work: far longer than a round
    n = int(sys.argv[2])
    done = []   # list.append is C code: no Python bytecode runs during the batch, so only
                # the batch's own signal checks can raise KeyboardInterrupt inside it
    print("ready", flush=True)
    try:
        fs.analyze_many(texts, n_threads=n, progress=done.append)
        print("finished", flush=True)
    except KeyboardInterrupt:
        print("interrupted", sum(done), len(texts), flush=True)
        # the pool is usable again right away
        assert fs.analyze_many([article] * 50, n_threads=n)[0] == fs.analyze(article)
        print("recovered", flush=True)
        raise
    """
)


@pytest.mark.parametrize("n_threads", [1, 2])
def test_ctrl_c_stops_a_batch_between_rounds(tmp_path, n_threads):
    script = tmp_path / "interrupted.py"
    script.write_text(INTERRUPTED)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(ROOT / "examples" / "iraq_detainees.txt"),
         str(n_threads)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.3)  # let the batch get going
        sent = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
        waited = time.perf_counter() - sent
    finally:
        proc.kill()
    lines = out.splitlines()
    assert lines and lines[0].startswith("interrupted"), (out, err)
    _, done, total = lines[0].split()
    # Stopped inside the batch, not after it: without the checks between rounds the signal
    # would only be seen once all texts were done.
    assert 0 <= int(done) < int(total), "Ctrl-C was only seen after the batch ended"
    assert lines[1:] == ["recovered"]
    assert "KeyboardInterrupt" in err and proc.returncode != 0
    # Promptly: a round is milliseconds; the bound is loose for a loaded machine.
    assert waited < 20, f"took {waited:.1f}s to stop"


def _child(n_threads: int) -> list:
    """Runs in a pool worker: a batch on a fresh (or inherited, then rebuilt) rayon pool."""
    docs = fs.analyze_many(TEXTS, n_threads=n_threads)
    return [(len(d.sentences), len(d.claims), len(d.places), os.getpid()) for d in docs]


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_batches_work_in_child_processes(method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available on this platform")
    expected = [(len(d.sentences), len(d.claims), len(d.places)) for d in fs.analyze_many(TEXTS)]
    fs.analyze_many(TEXTS, n_threads=2)  # the parent has a live pool when it forks
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        results = pool.map_async(_child, [2, 1, 2, 3]).get(timeout=120)
    for result in results:
        assert [r[:3] for r in result] == expected
        assert result[0][3] != os.getpid()
    # and the parent's pool still works after its children came and went
    assert fs.analyze_many(TEXTS, n_threads=2) == [fs.analyze(t) for t in TEXTS]


def test_threads_calling_batches_at_once_share_pools_safely():
    from concurrent.futures import ThreadPoolExecutor

    expected = [fs.analyze(t) for t in TEXTS]
    with ThreadPoolExecutor(4) as ex:
        results = list(ex.map(lambda n: fs.analyze_many(TEXTS, n_threads=n), [2, 2, 3, 1, 2, 3]))
    assert all(r == expected for r in results)


def test_items_are_made_on_first_access_and_then_shared():
    from concurrent.futures import ThreadPoolExecutor

    docs = fs.analyze_many([ARTICLE] * 8, n_threads=2)
    first = docs[0].sentences
    assert all(a is b for a, b in zip(first, docs[0].sentences))
    assert docs[0].sentences == fs.sentences(ARTICLE)
    # threads racing on the first access all get the same objects
    with ThreadPoolExecutor(4) as ex:
        lists = list(ex.map(lambda _: docs[1].sentences, range(8)))
    assert all(all(a is b for a, b in zip(lists[0], other)) for other in lists)
    assert repr(docs[2]).startswith(f"Document(sentences={len(first)}, ")
