"""Public inputs made from the example article, for machines without ``../shared/eval``.

Everything here is generated from ``examples/iraq_detainees.txt`` and the templates below (written
for this harness), with a fixed seed, so any machine gets the same texts. They exercise what the
three tasks look at: abbreviations, initials, quotations, decimals and lists for the splitters;
counts, ranges, money, percentages and measures for the claim extractors; countries, provinces
and cities for the geoparsers. They measure speed only: there is no gold standard for them.
"""

from __future__ import annotations

import random
import re

from . import ROOT

ARTICLE_PATH = ROOT / "examples" / "iraq_detainees.txt"

PLACES = ["Iraq", "Syria", "Nineveh", "Anbar", "Mosul", "Baghdad", "Damascus", "Erbil", "Kirkuk",
          "Turkey", "Jordan", "Basra", "Aleppo", "Raqqa", "Beirut", "Amman", "Tehran", "Cairo"]
UNITS = ["people", "kilometers", "percent", "detainees", "million dollars", "tonnes", "families",
         "billion euros", "miles", "degrees Celsius", "hectares", "barrels a day"]
TEMPLATES = [
    "Officials in {p} said {n} {u} were affected on Friday.",
    "About {n} {u} crossed from {p} into {q}, the ministry said.",
    "The {p} governor said {n} {u} had been moved from {q}. He declined to say where.",
    "Prices in {p} rose by {n} {u} in January, traders in {q} said.",
    "Mr. A. B. Ali told reporters in {p} that {n} {u} remain. \u201cWe are ready,\u201d he said.",
    "Between {n} and {m} {u} were counted near {p}, according to the U.N. office in {q}.",
    "Dr. Smith, Sen. Cole and Gen. Li met in {p} at 9 a.m. It was cold.",
    "Exports from {p} fell 2.5 percent to {n} {u}; imports from {q} rose (see p. 12).",
    "Officials listed three steps: 1. close the border with {q} 2. count the {u} 3. report.",
    "Nobody knows why {p} waited... Then it acted! Did {q} agree? It did not say.",
]


def article() -> str:
    return ARTICLE_PATH.read_text(encoding="utf-8")


def article_sentences() -> list[str]:
    """The article's lines cut at sentence ends: a crude split, only used to make texts."""
    out = []
    for line in article().splitlines():
        out.extend(s for s in re.split(r"(?<=[.!?\u201d])\s+(?=[A-Z\u201c])", line.strip()) if s)
    return out


def templated(rng: random.Random) -> str:
    n = rng.randint(2, 90_000)
    return rng.choice(TEMPLATES).format(
        p=rng.choice(PLACES), q=rng.choice(PLACES), u=rng.choice(UNITS),
        n=f"{n:,}", m=f"{n + rng.randint(1, 5_000):,}",
    )


def news_documents(count: int = 300, seed: int = 7) -> list[str]:
    """``count`` news-like documents (~1.5 KB): a headline line, then two paragraphs."""
    rng = random.Random(seed)
    base = article_sentences()
    docs = []
    for _ in range(count):
        picked = rng.sample(base, 6) + [templated(rng) for _ in range(4)]
        rng.shuffle(picked)
        headline = f"{rng.choice(PLACES)}: {rng.choice(base)[:60].rstrip()}"
        docs.append(f"{headline}\n{' '.join(picked[:5])}\n\n{' '.join(picked[5:])}")
    return docs


def claim_sentences(count: int = 2000, seed: int = 11) -> list[str]:
    """``count`` single sentences, most of them with a numeric claim (NewsQuant-sized)."""
    rng = random.Random(seed)
    base = article_sentences()
    return [templated(rng) if rng.random() < 0.8 else rng.choice(base) for _ in range(count)]


def sized_documents(nbytes: int, seed: int = 3) -> list[str]:
    """News-like documents adding up to ``nbytes`` of UTF-8 (one document, cut short, below the
    size of one). Each copy gets a distinct suffix, so no two documents are the same string."""
    base = news_documents(200, seed)
    if nbytes <= len(base[0].encode("utf-8")):
        return [base[0].encode("utf-8")[:nbytes].decode("utf-8", "ignore")]
    docs, size, i = [], 0, 0
    while size < nbytes:
        text = base[i % len(base)]
        if i >= len(base):
            text = f"{text} [{i // len(base)}]"
        docs.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return docs
