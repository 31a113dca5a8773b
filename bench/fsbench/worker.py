"""One engine in its own process: ``python -m fsbench.worker TASK ENGINE CORPUS.json``.

The parent (``compare.py``) talks to it in JSON lines: the worker answers each request with one
line on the protocol stream, a copy of the original stdout; anything a library prints goes to
stderr instead, so it cannot break the protocol.

1. Load the corpus, note the RSS (interpreter + corpus), build the engine, warm it up and
   calibrate a round: as many texts (cycling through the corpus) as take ``--round-seconds``.
   Answer ``ready`` (or ``error`` if the engine cannot be built here).
2. ``run``: time one round (wall and CPU seconds). The texts of every round are the same.
3. ``memory``: the peak RSS so far (taken before any scoring, which loads gold data).
4. ``score``: accuracy through the task's scorer (``tasks/<task>.py``), when given ``--eval``.
5. ``stop``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import traceback


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def version_of(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def count(result) -> int:
    try:
        return len(result)
    except TypeError:
        return -1


def calibrate(fn, texts: list[str], round_seconds: float) -> tuple[list[str], int]:
    """The texts of one round: the corpus cycled for about ``round_seconds`` (at least one
    text), after a warm-up pass of a quarter of that. Returns them and the items found in the
    first pass over them (a sanity figure: a tool that finds nothing is broken, not fast)."""
    warm_until = time.perf_counter() + round_seconds / 4
    i = 0
    while True:
        fn(texts[i % len(texts)])
        i += 1
        if time.perf_counter() > warm_until:
            break
    done, t0 = 0, time.perf_counter()
    while True:
        fn(texts[done % len(texts)])
        done += 1
        elapsed = time.perf_counter() - t0
        if elapsed > round_seconds / 2 or (done >= len(texts) and elapsed > round_seconds / 8):
            break
    n = max(1, round(done * round_seconds / elapsed))
    seq = [texts[k % len(texts)] for k in range(n)]
    items = sum(count(fn(t)) for t in texts[: min(len(texts), n)])
    return seq, items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("task")
    ap.add_argument("engine")
    ap.add_argument("corpus")
    ap.add_argument("--eval", default=None)
    ap.add_argument("--round-seconds", type=float, default=1.0)
    a = ap.parse_args(argv)

    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def send(message: dict) -> None:
        proto.write(json.dumps(message) + "\n")

    with open(a.corpus, encoding="utf-8") as f:
        texts = json.load(f)
    baseline = peak_rss_mb()

    from .tasks import get

    task = get(a.task)
    engine = task.ENGINES[a.engine]
    try:
        t0 = time.perf_counter()
        fn = engine.make()
        fn(texts[0])  # lazy loading belongs to the load time, not to throughput
        load_s = time.perf_counter() - t0
        seq, items = calibrate(fn, texts, a.round_seconds)
    except Exception as e:  # the engine cannot run here: say why, in one line
        why = str(e) if type(e) is RuntimeError else f"{type(e).__name__}: {e}"
        send({"error": why.strip().splitlines()[0][:400]})
        traceback.print_exc()
        return 1
    nbytes = sum(len(t.encode("utf-8")) for t in seq)
    send({"ready": True, "version": version_of(engine.dist), "python": sys.version.split()[0],
          "load_s": load_s, "texts_per_round": len(seq), "bytes_per_round": nbytes,
          "items_first_pass": items, "baseline_rss_mb": baseline})

    for line in sys.stdin:
        op = json.loads(line)["op"]
        if op == "run":
            c0, t0 = time.process_time(), time.perf_counter()
            for text in seq:
                fn(text)
            send({"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0})
        elif op == "memory":
            send({"peak_rss_mb": peak_rss_mb()})
        elif op == "score":
            t0 = time.perf_counter()
            try:
                send({"accuracy": task.accuracy(a.engine, a.eval),
                      "seconds": time.perf_counter() - t0})
            except Exception as e:
                traceback.print_exc()
                send({"accuracy_error": f"{type(e).__name__}: {e}".splitlines()[0][:300]})
        else:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
