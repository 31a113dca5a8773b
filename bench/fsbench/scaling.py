"""The scaling curve: ``analyze_many`` on 1 and 2 threads, inputs from 1 KB to 100 MB.

Runs in its own process (``python -m fsbench.scaling``, started by ``run``) so that the memory
of the largest input is not the parent's. For each size, the input is news-like documents
(``corpora.sized_documents``) adding up to that many bytes; each round runs ``analyze_many`` on
1 thread and on 2 threads (alternating which goes first) and keeps wall and CPU seconds. Cost is
linear when MB/s stays flat as the size grows (and seconds grow in step with bytes).

Sizes are taken in order; before each, the time it will take is projected from the previous
size's throughput, and a size that would not fit in ``--budget`` seconds is skipped and listed
as such, so a slow build cannot push ``make bench`` past its time limit unnoticed.

A second, smaller curve times ``analyze`` on ONE text of each size up to ``--single-max-mb``:
a single long document is where anything worse than linear would show.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time

SIZES = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn) -> tuple[float, float]:
    c0, t0 = time.process_time(), time.perf_counter()
    result = fn()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    del result  # freeing is not timed: it costs the same whatever made the results
    return wall, cpu


def measure(sizes, threads, rounds, single_round_from, budget, single_max) -> dict:
    import factsift as fs

    from .corpora import sized_documents

    extractor = fs.Extractor()
    extractor.analyze_many(sized_documents(20_000), n_threads=max(threads))  # pools, gazetteer
    started = time.perf_counter()
    rate = None  # bytes per wall second of the slowest thread count, from the last size
    points, skipped = [], []
    for size in sizes:
        n_rounds = 1 if size >= single_round_from else rounds
        if rate is not None:
            projected = size / rate * n_rounds * len(threads)
            if time.perf_counter() - started + projected > budget:
                skipped.append({"bytes": int(size), "projected_s": projected})
                continue
        docs = sized_documents(int(size))
        nbytes = sum(len(d.encode("utf-8")) for d in docs)
        runs: dict[int, list[tuple[float, float]]] = {t: [] for t in threads}
        for r in range(n_rounds):
            for t in (threads if r % 2 == 0 else threads[::-1]):
                runs[t].append(timed(lambda: extractor.analyze_many(docs, n_threads=t)))
        point = {"bytes": nbytes, "docs": len(docs), "rounds": n_rounds, "threads": {}}
        for t, samples in runs.items():
            wall = statistics.median(s[0] for s in samples)
            cpu = statistics.median(s[1] for s in samples)
            point["threads"][str(t)] = {"seconds": wall, "cpu_seconds": cpu,
                                        "mb_per_s": nbytes / 1e6 / wall,
                                        "mb_per_cpu_s": nbytes / 1e6 / cpu if cpu else None}
        point["peak_rss_mb"] = peak_rss_mb()
        points.append(point)
        rate = min(nbytes / p["seconds"] for p in point["threads"].values())
        print(f"[scaling] {nbytes / 1e6:g} MB: "
              + ", ".join(f"{t} thread(s) {v['mb_per_s']:.2f} MB/s"
                          for t, v in point["threads"].items()), file=sys.stderr, flush=True)
        del docs

    single = []
    single_rate = None
    for size in [s for s in sizes if s <= single_max]:
        n_rounds = 1 if size >= single_round_from else rounds
        if single_rate is not None:
            projected = size / single_rate * n_rounds
            if time.perf_counter() - started + projected > budget:
                skipped.append({"bytes": int(size), "projected_s": projected, "single": True})
                continue
        text = "\n\n".join(sized_documents(int(size)))
        nbytes = len(text.encode("utf-8"))
        samples = [timed(lambda: extractor.analyze(text)) for _ in range(n_rounds)]
        wall = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        single.append({"bytes": nbytes, "rounds": n_rounds, "seconds": wall,
                       "cpu_seconds": cpu, "mb_per_s": nbytes / 1e6 / wall})
        single_rate = nbytes / wall
    return {"points": points, "skipped": skipped, "single_document": single,
            "components": components(extractor, sized_documents(int(min(1e6, max(sizes))))),
            "threads": threads, "rounds": rounds, "single_round_from": single_round_from,
            "budget_s": budget, "seconds": time.perf_counter() - started,
            "factsift": fs.__version__}


def components(extractor, docs: list[str]) -> dict:
    """MB/s of each extractor alone on the same documents, 1 thread: what ``analyze`` spends
    its time on (it runs all of them, and links facts)."""
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    out = {}
    for name in ("sentences", "claims", "places", "dates", "facts", "analyze"):
        method = getattr(extractor, name, None)
        if method is None:
            continue
        wall, cpu = timed(lambda: [method(d) for d in docs])
        out[name] = {"mb_per_s": nbytes / 1e6 / wall,
                     "mb_per_cpu_s": nbytes / 1e6 / cpu if cpu else None}
    return {"bytes": nbytes, "docs": len(docs), "extractors": out}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-mb", type=float, default=100.0)
    ap.add_argument("--min-kb", type=float, default=1.0)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--single-round-from-mb", type=float, default=50.0,
                    help="sizes from here on are measured once (default 50 MB)")
    ap.add_argument("--single-max-mb", type=float, default=10.0,
                    help="largest single document for the analyze() curve (default 10 MB)")
    ap.add_argument("--budget", type=float, default=600.0, help="seconds for the whole curve")
    a = ap.parse_args(argv)
    sizes = [s for s in SIZES if a.min_kb * 1e3 <= s <= a.max_mb * 1e6]
    result = measure(sizes, [int(t) for t in a.threads.split(",")], a.rounds,
                     a.single_round_from_mb * 1e6, a.budget, a.single_max_mb * 1e6)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
