"""factsift vs quantulum3 on the NewsQuant sentences, side by side in one process.

    make bench                      # builds bench/.venv (peers + factsift) and runs this
    bench/.venv/bin/python bench/bench_claims.py [--seconds 3] [--eval ../shared/eval]

The sentences are read from ``../shared/eval/numbers/newsquant.jsonl`` at run time and never
copied into the repository. Each extractor gets one warm-up pass, then three timed runs of at
least ``--seconds`` each over the same sentences, one call per sentence (what a notebook user
does); the median sentences/s of each and their ratio are printed, plus a JSON line.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import platform
import statistics
import sys
import time
import warnings

ROOT = pathlib.Path(__file__).resolve().parents[1]


def load_sentences(eval_dir: pathlib.Path) -> list[str]:
    path = eval_dir / "numbers" / "newsquant.jsonl"
    if not path.is_file():
        sys.exit(f"{path} not found: pass --eval pointing at the shared evaluation folder")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def rate(extract, sentences: list[str], seconds: float, runs: int = 3) -> dict:
    t0 = time.perf_counter()
    for s in sentences:  # warm-up, and the size of one pass
        extract(s)
    one = time.perf_counter() - t0
    corpus = sentences * max(1, math.ceil(seconds / max(one, 1e-9)))
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for s in corpus:
            extract(s)
        rates.append(len(corpus) / (time.perf_counter() - t0))
    return {"sentences_per_s": round(statistics.median(rates), 1),
            "runs": [round(r, 1) for r in rates], "sentences_per_run": len(corpus)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=pathlib.Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--seconds", type=float, default=3.0, help="minimum length of each timed run")
    a = ap.parse_args()
    sentences = load_sentences(a.eval)

    import factsift

    warnings.filterwarnings("ignore")
    from quantulum3 import parser as quantulum

    results = {
        "factsift": rate(factsift.claims, sentences, a.seconds),
        "quantulum3": rate(quantulum.parse, sentences, a.seconds),
    }
    ratio = results["factsift"]["sentences_per_s"] / results["quantulum3"]["sentences_per_s"]
    print(f"NewsQuant: {len(sentences)} sentences, one call per sentence, median of 3 runs "
          f"(python {platform.python_version()}, {platform.machine()})")
    for name, r in results.items():
        print(f"  {name:<11} {r['sentences_per_s']:>12,.1f} sentences/s")
    print(f"  factsift / quantulum3 = {ratio:,.0f}x")
    print(json.dumps({"results": results, "ratio": round(ratio, 1)}))


if __name__ == "__main__":
    main()
