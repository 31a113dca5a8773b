#!/usr/bin/env python3
"""Side-by-side speed of factsift.split_sentences and sentencex on the same ~10 MB of text.

    make bench-sentences                    # sets up bench/.venv, then runs this
    python bench/bench_sentences.py --mb 10 --rounds 5

Each splitter runs in its own worker process (factsift from the project's environment,
sentencex from ``bench/.venv``, created from ``bench/requirements.txt`` when missing), so the
peak memory of each is measured on its own. The parent alternates the workers round by round so
both see the same machine conditions, and reports the median MB/s of each, the ratio, and each
worker's peak RSS. The peak includes the interpreter and the corpus itself, so the RSS right
after loading the corpus (before the splitter is imported) is shown beside it.

The corpus: the UD English documents of ``../shared/eval/sentences`` when that folder is beside
the repository (read at run time, never copied), else text generated from the example article.
Documents are passed one call each, the way a pipeline feeds articles. Each repetition of the
base documents gets a small unique suffix so no splitter can serve it from a cache.

This is a benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import venv

ROOT = pathlib.Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
BENCH_VENV = BENCH / ".venv"
EVAL = ROOT.parent / "shared" / "eval" / "sentences"
UD_FILES = ["ud_gum_dev", "ud_gum_test", "ud_ewt_dev", "ud_ewt_test"]

WORKER = r"""
import json, resource, sys, time
kind, corpus = sys.argv[1], sys.argv[2]
with open(corpus, encoding="utf-8") as f:
    docs = json.load(f)
loaded_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if kind == "factsift":
    import factsift
    split = factsift.split_sentences
else:
    import sentencex
    split = lambda text: list(sentencex.segment("en", text))
for text in docs[:50]:  # warm up: load lexicons, fill caches
    split(text)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    if line.strip() != "run":
        break
    sentences = 0
    t0 = time.perf_counter()
    for text in docs:
        sentences += len(split(text))
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "sentences": sentences}), flush=True)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_rss_mb": peak, "loaded_rss_mb": loaded_rss}), flush=True)
"""


def bench_python() -> pathlib.Path:
    """The interpreter of bench/.venv, created with sentencex when missing."""
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {BENCH_VENV} from bench/requirements.txt ...", file=sys.stderr)
        venv.create(BENCH_VENV, with_pip=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-r", str(BENCH / "requirements.txt")],
            check=True,
        )
    return python


def base_documents() -> tuple[list[str], str]:
    if all((EVAL / f"{name}.jsonl").exists() for name in UD_FILES):
        docs = []
        for name in UD_FILES:
            with open(EVAL / f"{name}.jsonl", encoding="utf-8") as f:
                docs.extend(json.loads(line)["text"] for line in f if line.strip())
        return docs, "UD English GUM + EWT documents (../shared/eval)"
    return generated_documents(), "documents generated from examples/iraq_detainees.txt"


def generated_documents(count: int = 400, seed: int = 7) -> list[str]:
    """News-like documents made by reshuffling the example article's sentences and adding the
    constructions a splitter has to think about (titles, initials, decimals, quotes, lists)."""
    import factsift

    article = (ROOT / "examples" / "iraq_detainees.txt").read_text(encoding="utf-8")
    sentences = factsift.split_sentences(article)
    extras = [
        "Mr. A. B. Jones of the U.S. Department of State said the figure rose 2.5 percent.",
        "\u201cWe are ready. The talks start at 9 a.m. on Monday,\u201d she said.",
        "Officials listed three steps: 1. close the border 2. count the detainees 3. report.",
        "Prices fell... Then they rose again! Why? Nobody knows (see p. 12).",
        "Gen. Smith, Sen. Cole and Dr. Li met in Washington, D.C. It was cold.",
    ]
    rng = random.Random(seed)
    docs = []
    for _ in range(count):
        picked = rng.sample(sentences, 8) + rng.sample(extras, 2)
        rng.shuffle(picked)
        docs.append(" ".join(picked[:5]) + "\n\n" + " ".join(picked[5:]))
    return docs


def corpus(target_mb: float) -> tuple[list[str], str]:
    base, source = base_documents()
    out, size, rep = [], 0, 0
    target = target_mb * 1e6
    while size < target:
        for text in base:
            text = text if rep == 0 else f"{text} [{rep}]"
            out.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
        rep += 1
    return out, source


class Worker:
    def __init__(self, kind: str, python: str, corpus_path: str):
        self.kind = kind
        self.proc = subprocess.Popen(
            [python, "-c", WORKER, kind, corpus_path],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.read()  # ready

    def read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"the {self.kind} worker died")
        return json.loads(line)

    def run(self) -> dict:
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        return self.read()

    def finish(self) -> dict:
        """Stops the worker; returns its peak RSS and its RSS once the corpus was loaded."""
        self.proc.stdin.write("stop\n")
        self.proc.stdin.flush()
        memory = self.read()
        self.proc.wait()
        return memory


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument("--rounds", type=int, default=5, help="alternating rounds (default 5)")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args(argv)

    docs, source = corpus(args.mb)
    nbytes = sum(len(t.encode("utf-8")) for t in docs)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(docs, f)
        del docs
        workers = [
            Worker("factsift", sys.executable, path),
            Worker("sentencex", str(bench_python()), path),
        ]
        times: dict[str, list[float]] = {w.kind: [] for w in workers}
        counts: dict[str, int] = {}
        for r in range(args.rounds):
            order = workers if r % 2 == 0 else workers[::-1]
            for w in order:
                result = w.run()
                times[w.kind].append(result["seconds"])
                counts[w.kind] = result["sentences"]
        memory_of = {w.kind: w.finish() for w in workers}

    mbps = {k: nbytes / 1e6 / statistics.median(v) for k, v in times.items()}
    ratio = mbps["factsift"] / mbps["sentencex"]
    print(f"corpus: {nbytes / 1e6:.1f} MB, {source}; {args.rounds} alternating rounds, median")
    print("| splitter | MB/s | sentences | peak RSS MB | RSS with corpus loaded, before import MB |")
    print("|---|---|---|---|---|")
    for kind in times:
        memory = memory_of[kind]
        print(
            f"| {kind} | {mbps[kind]:.1f} | {counts[kind]} | {memory['peak_rss_mb']:.0f} "
            f"| {memory['loaded_rss_mb']:.0f} |"
        )
    print(f"factsift / sentencex throughput: {ratio:.2f}x")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {"mb": nbytes / 1e6, "source": source, "mb_per_s": mbps, "ratio": ratio,
                 "sentences": counts, "memory_mb": memory_of, "seconds": times},
                f,
                indent=2,
            )


if __name__ == "__main__":
    main()
