"""Memory stays flat over many calls: RSS before and after 10^6 ``claims()`` calls.

    .venv/bin/python bench/bench_memory.py                 # 10^6 claims() calls
    .venv/bin/python bench/bench_memory.py --calls 200000 --api all
    .venv/bin/python bench/bench_memory.py --api facts      # also: places, analyze

RSS is read from /proc/self/status (Linux). It is taken after a warm-up of 10 000 calls (which
builds the default extractor, fills allocator pools and interns what Python interns), then every
tenth of the run, so a leak shows as a steady climb rather than one step.
"""

from __future__ import annotations

import argparse
import gc
import pathlib
import time

import factsift as fs

ROOT = pathlib.Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "examples" / "iraq_detainees.txt").read_text(encoding="utf-8")
SHORT = ("Iraq has transferred 2,250 ISIS militants from Syria, officials in Nineveh said. "
         "About 60 kilometers away, five to six members were killed.")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--text", choices=["short", "article"], default="short")
    parser.add_argument(
        "--api", choices=["claims", "places", "analyze", "facts", "all"], default="claims",
        help="one function (analyze also reads every item of the Document), or 'all', which "
        "cycles claims, places, sentences, analyze, facts and a one-text table()",
    )
    args = parser.parse_args()
    text = SHORT if args.text == "short" else ARTICLE
    def analyze(t):
        doc = fs.analyze(t, reference_date="2026-01-25")
        return doc.sentences, doc.claims, doc.places, doc.dates, doc.facts

    calls = {
        "claims": [fs.claims],
        "places": [fs.places],
        "analyze": [analyze],
        "facts": [lambda t: fs.facts(t, reference_date="2026-01-25")],
        "all": [fs.claims, fs.places, fs.sentences, analyze, fs.facts,
                lambda t: fs.table([t], "sentences")],
    }[args.api]

    print(f"RSS after import: {rss_mb():.1f} MB")
    for i in range(10_000):
        calls[i % len(calls)](text)
    gc.collect()
    before = rss_mb()
    print(f"RSS after 10,000 warm-up calls: {before:.1f} MB")
    t0 = time.perf_counter()
    step = max(args.calls // 10, 1)
    for i in range(args.calls):
        calls[i % len(calls)](text)
        if (i + 1) % step == 0:
            print(f"  {i + 1:>9,} calls: RSS {rss_mb():.1f} MB")
    gc.collect()
    after = rss_mb()
    elapsed = time.perf_counter() - t0
    print(f"RSS after {args.calls:,} {args.api} calls ({args.text} text, {elapsed:.1f} s): "
          f"{after:.1f} MB ({after - before:+.1f} MB)")


if __name__ == "__main__":
    main()
