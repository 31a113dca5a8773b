"""Linear time: 10x the input must cost at most 12x the time, on normal and pathological text.

    .venv/bin/python bench/bench_linear.py                    # every text, every function
    .venv/bin/python bench/bench_linear.py --base 200000 --only digits,article
    .venv/bin/python bench/bench_linear.py --core             # the Rust core alone
    .venv/bin/python bench/bench_linear.py --big              # also 100 MB of the article

For each text family it builds a text of ``--base`` characters and one ``--factor`` times longer,
runs each public function on both (after a warm-up call, best of ``--repeat``), and prints the
ratio of the times; ``--core`` times the core's extraction alone, as ``table()`` runs it, without
making Python objects. A ratio above ``--limit`` (12) is measured once more (a busy machine makes
single spikes) and, if still above, marked SUPERLINEAR and makes the exit status 1. This is a
benchmark, not a test: ratios depend on the machine's load, so run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

import factsift as fs
from factsift._factsift import _count_items

ROOT = pathlib.Path(__file__).resolve().parents[1]
ARTICLE = (ROOT / "examples" / "iraq_detainees.txt").read_text(encoding="utf-8").strip() + "\n\n"
REFERENCE = "2026-01-25"


def _distinct_words(n_chars: int) -> str:
    """Distinct capitalised 8-letter words: every one a new key for the places' hash tables."""
    words, i = [], 0
    while 9 * len(words) < n_chars:
        j, w = i, ""
        for _ in range(6):
            w += chr(ord("a") + j % 26)
            j //= 26
        words.append("Ma" + w)
        i += 1
    return " ".join(words)


def _repeat(unit: str):
    return lambda n: (unit * (n // len(unit) + 1))[:n]


# name -> (how to make a text of n characters)
TEXTS = {
    "article": _repeat(ARTICLE),
    "non-ascii": _repeat("В Ираке 2 250 человек. 伊拉克有2250人。 العراق: 2,250 شخص. “Iraq,” he said. "),
    "digits": _repeat("9"),
    "grouped-digits": lambda n: "1" + _repeat(",000")(n - 1),
    "commas": _repeat("1,"),
    "dots": _repeat("."),
    "U.S.": _repeat("U.S."),
    "U.S.-spaced": _repeat("U.S. "),
    "brackets": lambda n: "(" * (n // 2) + ")" * (n - n // 2),
    "quotes": lambda n: "“" * (n // 2) + "”" * (n - n // 2),
    "straight-quotes": _repeat("\"'"),
    "million": _repeat("million "),
    "capitalised": _repeat("Iraq "),
    "distinct-words": _distinct_words,
    "no-spaces": _repeat("x"),
    "dates": _repeat("On Friday, "),
    "attributions": _repeat("“Five died,” he said. "),
    "one-sentence-of-facts": _repeat("5 km from Mosul in Iraq on Friday, "),
    "newlines": _repeat("\n"),
    "combining": _repeat("e\u0301"),
}

FUNCTIONS = {
    "split_sentences": fs.split_sentences,
    "claims": fs.claims,
    "places": fs.places,
    "dates": lambda t: fs.dates(t, reference_date=REFERENCE),
    "facts": lambda t: fs.facts(t, reference_date=REFERENCE),
    "analyze": lambda t: _touch(fs.analyze(t, reference_date=REFERENCE)),
}


_EXTRACTOR = fs.Extractor(reference_date=REFERENCE)

CORE = {
    kind: (lambda t, k=kind: _count_items(_EXTRACTOR, [t], k, n_threads=1))
    for kind in ("sentences", "claims", "places", "dates", "facts")
}


def _touch(doc):
    # A Document makes its Python items on first access: count that in, as a user would.
    return len(doc.sentences) + len(doc.claims) + len(doc.places) + len(doc.dates) + len(doc.facts)


def best_time(function, text: str, repeat: int) -> float:
    function(text)  # warm up: the str's UTF-8 copy, the allocator's pages, lazy tables
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=1_000_000,
                        help="characters of the small text (both sizes should be far beyond the "
                        "CPU caches, or the small one runs from cache and the ratio says nothing)")
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=12.0)
    parser.add_argument("--only", default="", help="comma-separated text names")
    parser.add_argument("--core", action="store_true", help="time the core without Python items")
    parser.add_argument("--big", action="store_true", help="also time 100 MB of the article")
    args = parser.parse_args()

    names = [n for n in TEXTS if not args.only or n in args.only.split(",")]
    fs.analyze("Warm up: Iraq, 5 km, on Friday.")  # builds the default extractor, loads data
    functions = CORE if args.core else FUNCTIONS
    worst, failures = 0.0, []
    small_label, big_label = f"{args.base:,}", f"{args.base * args.factor:,}"
    print(f"{'text':<22} {'function':<16} {small_label + ' chars':>16} {big_label + ' chars':>18} "
          f"{'ratio':>7}")
    for name in names:
        small = TEXTS[name](args.base)
        big = TEXTS[name](args.base * args.factor)
        for fname, function in functions.items():
            t_small = best_time(function, small, args.repeat)
            t_big = best_time(function, big, args.repeat)
            ratio = t_big / t_small if t_small > 0 else float("inf")
            if ratio > args.limit:  # once more, to tell a spike of load from a trend
                t_small = min(t_small, best_time(function, small, args.repeat))
                t_big = min(t_big, best_time(function, big, args.repeat))
                ratio = t_big / t_small if t_small > 0 else float("inf")
            worst = max(worst, ratio)
            flag = ""
            if ratio > args.limit:
                flag = "  SUPERLINEAR"
                failures.append(f"{name}/{fname}: {ratio:.1f}x")
            print(f"{name:<22} {fname:<16} {t_small * 1e3:>13.2f} ms {t_big * 1e3:>15.2f} ms "
                  f"{ratio:>6.1f}x{flag}", flush=True)
    print(f"\nworst ratio {worst:.1f}x (limit {args.limit:g}x) over {len(names)} texts "
          f"x {len(functions)} functions")
    if args.big:
        text = TEXTS["article"](100_000_000)
        for fname in ("split_sentences", "claims", "analyze"):
            start = time.perf_counter()
            FUNCTIONS[fname](text)
            print(f"100 MB article, {fname}: {time.perf_counter() - start:.1f} s", flush=True)
    for line in failures:
        print("SUPERLINEAR:", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
