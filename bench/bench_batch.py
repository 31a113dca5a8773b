"""Batch throughput: analyze_many on 1 vs 2 threads, and what frame() costs over the core.

    .venv/bin/python bench/bench_batch.py                  # the figures of issue 5
    .venv/bin/python bench/bench_batch.py --part threads   # only the 1 vs 2 threads figure
    .venv/bin/python bench/bench_batch.py --quick          # a smaller, faster run

Prints, for the same inputs measured in the same run (best of --repeat, runs interleaved, wall
and CPU time, freeing the results not timed):

* analyze_many over 10 000 copies of the example article on 1 and 2 threads, the speedup, and
  the serial part of the 2-thread run (what the calling thread spends itself);
* for 100 000 short texts and each kind: the core work alone (``_count_items``: the same input
  reading, pieces and threads as ``table()``, but only counting the items), ``table()`` (Arrow
  columns), ``frame()`` (a pandas DataFrame, from a list of str and from a pandas ``str``
  Series), and frame()'s overhead over the core in percent.

The machine's other load skews both figures; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import random
import time

import factsift as fs
from factsift._factsift import _count_items

ROOT = pathlib.Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "examples" / "iraq_detainees.txt").read_text(encoding="utf-8")

PLACES = ["Iraq", "Syria", "Nineveh", "Anbar", "Mosul", "Baghdad", "Damascus", "Erbil", "Kirkuk"]
UNITS = ["people", "kilometers", "percent", "detainees", "million dollars", "tonnes", "families"]
TEMPLATES = [
    "Officials in {p} said {n} {u} were affected on Friday.",
    "About {n} {u} crossed from {p} into {q}, the ministry said. Aid groups warned of more.",
    "The {p} governor said {n} {u} had been moved. He declined to say where.",
    "Prices in {p} rose by {n} {u} in January. Traders in {q} expect more.",
    "Mr. Ali told reporters in {p} that {n} {u} remain. \"We are ready,\" he said.",
]


def short_texts(n: int, seed: int = 5) -> list[str]:
    """``n`` short news-like texts (1–2 sentences, ~100 characters), deterministic."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        out.append(
            rng.choice(TEMPLATES).format(
                p=rng.choice(PLACES),
                q=rng.choice(PLACES),
                n=f"{rng.randint(2, 90_000):,}",
                u=rng.choice(UNITS),
            )
        )
    return out


def interleaved(repeat: int, *fns) -> list[tuple[float, float]]:
    """Best (wall, CPU) seconds of each of ``fns``, run in turns so that all see the same load.

    CPU time is the process's user + system time: with other programs on the machine, wall time
    shows what a user waits, CPU time what the work itself costs. Freeing a result is not timed:
    it happens whenever the caller drops it, and costs the same whatever made it.
    """
    best = [(float("inf"), float("inf"))] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            c0, t0 = time.process_time(), time.perf_counter()
            result = fn()
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            del result
            best[i] = (min(best[i][0], wall), min(best[i][1], cpu))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=100_000, help="short texts for frame()")
    parser.add_argument("--copies", type=int, default=10_000, help="article copies for analyze_many")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2, help="threads for the frame() figures")
    parser.add_argument("--quick", action="store_true", help="10x smaller inputs, 3 repeats")
    parser.add_argument(
        "--part", choices=["all", "threads", "frame"], default="all",
        help="only the analyze_many threads figure, or only the frame() figures",
    )
    args = parser.parse_args()
    if args.quick:
        args.texts, args.copies, args.repeat = args.texts // 10, args.copies // 10, 3

    import pandas as pd

    ex = fs.Extractor()
    print(f"factsift {fs.__version__}, pandas {pd.__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")

    if args.part in ("all", "threads"):
        threads_figure(ex, args)
    if args.part in ("all", "frame"):
        frame_figures(ex, args)


def threads_figure(ex: fs.Extractor, args: argparse.Namespace) -> None:
    docs = [ARTICLE] * args.copies
    ex.analyze_many(docs, n_threads=2)  # warm up: build the pool, touch the memory
    (one, one_cpu), (two, two_cpu) = interleaved(
        args.repeat,
        lambda: ex.analyze_many(docs, n_threads=1),
        lambda: ex.analyze_many(docs, n_threads=2),
    )
    # The calling thread's own CPU time in the 2-thread run: the serial part (reading the input,
    # making one Document per text). Wall time on two free cores cannot go below it, nor below
    # half the CPU time, whatever else runs on the machine.
    serial = []
    for _ in range(args.repeat):
        t0 = time.thread_time()
        result = ex.analyze_many(docs, n_threads=2)
        serial.append(time.thread_time() - t0)
        del result
    serial = min(serial)
    bound = one_cpu / max(serial, two_cpu / 2)
    mb = len(ARTICLE.encode()) * args.copies / 1e6
    print(f"\nanalyze_many, {args.copies} x the example article ({mb:.1f} MB), best of {args.repeat}")
    print(f"  1 thread : {one * 1000:8.1f} ms wall ({mb / one:6.1f} MB/s), {one_cpu * 1000:8.1f} ms CPU")
    print(f"  2 threads: {two * 1000:8.1f} ms wall ({mb / two:6.1f} MB/s), {two_cpu * 1000:8.1f} ms CPU")
    print(f"  speedup 2 vs 1 thread: {one / two:.2f}x wall (CPU spent: {two_cpu / one_cpu:.2f}x)")
    print(f"  serial part of the 2-thread run: {serial * 1000:.1f} ms on the calling thread; "
          f"speedup that the CPU accounts allow on two free cores: {bound:.2f}x")


def frame_figures(ex: fs.Extractor, args: argparse.Namespace) -> None:
    import pandas as pd

    texts = short_texts(args.texts)
    series = pd.Series(texts, dtype="str")
    n = args.threads
    print(f"\n{args.texts} short texts ({sum(map(len, texts)) / len(texts):.0f} chars each), "
          f"{n} thread(s), best of {args.repeat}, wall and CPU time")
    print(f"  {'kind':<16}{'rows':>7}{'core':>9}{'table()':>9}{'frame()':>9}"
          f"{'frame(Series)':>14}{'overhead':>10}{'per row':>9}")
    for kind in ("sentences", "claims", "places"):
        rows = _count_items(ex, texts, kind, n_threads=n)
        times = interleaved(
            args.repeat,
            lambda: _count_items(ex, texts, kind, n_threads=n),
            lambda: ex.table(texts, kind, n_threads=n),
            lambda: fs.frame(texts, kind, n_threads=n),
            lambda: fs.frame(series, kind, n_threads=n),
        )
        for label, pick in (("wall", 0), ("CPU", 1)):
            core, table, frame, frame_s = (t[pick] for t in times)
            per_row = f"{(frame - core) / rows * 1e9:.0f}ns" if rows else "-"
            print(f"  {kind + ' (' + label + ')':<16}{rows:>7}{core * 1000:>7.1f}ms"
                  f"{table * 1000:>7.1f}ms{frame * 1000:>7.1f}ms{frame_s * 1000:>12.1f}ms"
                  f"{(frame / core - 1) * 100:>9.1f}%{per_row:>9}")
    print("\ncore: _count_items (the same input reading, pieces and threads as table(), only "
          "counting items);\noverhead: frame() over core; per row: (frame() - core) / rows")


if __name__ == "__main__":
    main()
