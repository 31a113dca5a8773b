#!/usr/bin/env python3
"""What facts cost: ``analyze()`` with dates and facts against ``analyze()`` without them.

    .venv/bin/python bench/bench_facts.py            # after `make build`
    .venv/bin/python bench/bench_facts.py --rounds 9

Both extractors run on the same news articles, one call per article on one thread, in
alternating rounds; the script reports the median time of each and their ratio (issue 8's target:
at most 1.3). The articles are the LGL news texts of ``../shared/eval/locations`` when that folder
is beside the repository (read at run time, never copied), else copies of the example article
with their numbers and names varied. This is a benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import time

import factsift as fs

ROOT = pathlib.Path(__file__).resolve().parents[1]
LGL = ROOT.parent / "shared" / "eval" / "locations" / "lgl.jsonl"


def corpus() -> tuple[str, list[str]]:
    if LGL.exists():
        with LGL.open(encoding="utf-8") as f:
            return "LGL news articles (../shared/eval)", [json.loads(line)["text"] for line in f]
    article = (ROOT / "examples" / "iraq_detainees.txt").read_text(encoding="utf-8")
    texts = [article.replace("2,250", f"{1000 + 7 * i:,}") for i in range(600)]
    return "600 variants of examples/iraq_detainees.txt", texts


def timed(extractor: fs.Extractor, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        extractor.analyze(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    name, texts = corpus()
    with_facts = fs.Extractor(reference_date="2026-11-24")
    without = fs.Extractor(facts=False)
    for extractor in (with_facts, without):  # warm up: gazetteer, lexicons, caches
        timed(extractor, texts[:20])
    on, off = [], []
    for _ in range(args.rounds):
        on.append(timed(with_facts, texts))
        off.append(timed(without, texts))
    mb = sum(len(t.encode()) for t in texts) / 1e6
    facts = sum(len(with_facts.analyze(t).facts) for t in texts)
    a, b = statistics.median(on), statistics.median(off)
    print(f"corpus: {name}: {len(texts)} texts, {mb:.2f} MB, {facts} facts")
    print(f"analyze() with dates and facts : {a:.3f} s  ({mb / a:.1f} MB/s)")
    print(f"analyze() without (facts=False): {b:.3f} s  ({mb / b:.1f} MB/s)")
    print(f"ratio: {a / b:.3f}  (median of {args.rounds} alternating rounds; target <= 1.3)")


if __name__ == "__main__":
    main()
