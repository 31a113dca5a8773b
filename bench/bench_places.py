#!/usr/bin/env python3
"""Places throughput: factsift against geotext on the same texts, in one run.

    python3 -m venv bench/.venv
    bench/.venv/bin/pip install -r bench/requirements.txt
    VIRTUAL_ENV=$PWD/bench/.venv bench/.venv/bin/maturin develop --release   # factsift itself
    bench/.venv/bin/python bench/bench_places.py [--repeat 3]

The texts are the four geoparsing corpora in ../shared/eval/locations (read, never copied) when
they are present, otherwise the example article repeated. geotext only matches city and country
names (no resolution, no offsets); factsift recognises, filters and resolves every place, so the
ratio is conservative. Also reports the one-off gazetteer load time, measured in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "locations"


def corpus() -> tuple[str, list[str]]:
    if EVAL.is_dir():
        texts = []
        for path in sorted(EVAL.glob("*.jsonl")):
            with path.open(encoding="utf-8") as f:
                texts += [json.loads(line)["text"] for line in f if line.strip()]
        return "shared/eval/locations (LGL, TR-News, GeoWebNews, GeoVirus)", texts
    article = (ROOT / "examples" / "iraq_detainees.txt").read_text(encoding="utf-8")
    return "examples/iraq_detainees.txt x 500", [article] * 500


def timed(fn, texts, repeat):
    fn(texts[0])  # warm-up: lazy loading is not throughput
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def load_time() -> float:
    code = ("import time, factsift as fs; t = time.perf_counter(); fs.places('Iraq'); "
            "print(time.perf_counter() - t)")
    runs = [float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(3)]
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    import factsift as fs
    from geotext import GeoText

    name, texts = corpus()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extractor = fs.Extractor()

    def geotext(t):
        g = GeoText(t)
        return g.cities + g.countries

    results = {
        "factsift.places": timed(extractor.places, texts, args.repeat),
        "geotext 0.4.0": timed(geotext, texts, args.repeat),
    }
    print(f"corpus: {name}: {len(texts)} texts, {mb:.2f} MB; median of {args.repeat} runs, one process")
    for label, seconds in results.items():
        print(f"  {label:16s} {seconds:7.2f} s  {mb / seconds:7.2f} MB/s")
    ratio = results["geotext 0.4.0"] / results["factsift.places"]
    print(f"  factsift / geotext throughput: {ratio:.1f}x")
    print(f"gazetteer load (first call in a fresh process, median of 3): {load_time() * 1000:.0f} ms")


if __name__ == "__main__":
    main()
