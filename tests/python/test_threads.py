"""Threads: the GIL is released during work, and results do not depend on who else is working."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import factsift as fs


KINDS = ("sentences", "claims", "places", "dates", "facts")
REFERENCE = "2026-01-25"


def _work(extractor: fs.Extractor, texts: list[str]) -> list:
    """Every method of an extractor on every text, then the batch APIs over all of them."""
    import pyarrow as pa

    out = []
    for text in texts:
        out.append(extractor.split_sentences(text))
        out.append(extractor.sentences(text))
        out.append(extractor.claims(text))
        out.append(extractor.places(text))
        out.append(extractor.dates(text, reference_date=REFERENCE))
        out.append(extractor.facts(text, reference_date=REFERENCE))
        out.append(extractor.analyze(text))
    out.append(extractor.analyze_many(texts, n_threads=2, reference_date=REFERENCE))
    for kind in KINDS:
        out.append(pa.table(extractor.table(texts, kind, n_threads=2)).to_pylist())
        out.append(extractor.frame(texts, kind, reference_date=REFERENCE).to_json(orient="split"))
    return out


def test_eight_threads_shared_and_separate_extractors_agree(article):
    texts = [article, article.upper(), article[:700], "Zürich. 5 km. 伊拉克。", ""] * 4
    shared = fs.Extractor()
    expected = _work(shared, texts)
    barrier = threading.Barrier(8)

    def run(i: int) -> list:
        extractor = shared if i % 2 else fs.Extractor()
        barrier.wait()  # start together so the calls really overlap
        return _work(extractor, texts)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(8)))
    assert all(r == expected for r in results)


def test_module_functions_from_many_threads(article):
    def run(_):
        return (
            fs.split_sentences(article), fs.sentences(article), fs.claims(article),
            fs.places(article), fs.dates(article, reference_date=REFERENCE),
            fs.facts(article, reference_date=REFERENCE), fs.analyze(article),
            fs.table([article], "facts").num_rows,
            fs.frame([article, None], "places").to_json(orient="split"),
        )

    expected = run(None)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(32)))
    assert all(r == expected for r in results)


def test_analyze_many_from_two_threads_at_once(article):
    texts = [article] * 50
    expected = [fs.analyze(article)] * 50
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda n: fs.analyze_many(texts, n_threads=n), [1, 2]))
    assert runs == [expected, expected]


GAZETTEER_ONCE = """
import sys, threading
import factsift as fs

def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmRSS:"))

threads = int(sys.argv[1])
before = rss_mb()
barrier = threading.Barrier(threads)
found = []

def work():
    extractor = fs.Extractor()            # each thread its own extractor, built at the same time
    barrier.wait()
    found.append(len(extractor.places("Iraq, Syria, Nineveh and Anbar.")))

pool = [threading.Thread(target=work) for _ in range(threads)]
for t in pool: t.start()
for t in pool: t.join()
print(rss_mb() - before, sorted(set(found)))
"""


def test_the_gazetteer_is_loaded_once_per_process_and_shared_by_threads():
    # Behavioural: a process whose 8 threads each build an Extractor at the same moment grows
    # by about as much memory as a process with one (the gazetteer's tens of MB), not eight
    # times that. If each extractor loaded its own copy, the 8-thread process would grow ~8x.
    import subprocess
    import sys

    def growth(threads: int) -> tuple[float, str]:
        out = subprocess.run([sys.executable, "-c", GAZETTEER_ONCE, str(threads)],
                             capture_output=True, text=True, timeout=300, check=True).stdout
        mb, found = out.split(maxsplit=1)
        return float(mb), found.strip()

    one, found_one = growth(1)
    eight, found_eight = growth(8)
    assert found_one == found_eight == "[4]"
    assert one > 10, f"loading the gazetteer grew RSS by only {one:.1f} MB: is it still embedded?"
    assert eight < 1.5 * one + 16, f"8 threads grew RSS by {eight:.1f} MB, one by {one:.1f} MB"



LAZY_GAZETTEER = """
import sys
import factsift as fs

def peak_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmHWM:"))

text = open(sys.argv[1], encoding="utf-8").read()
before = peak_mb()
fs.split_sentences(text); fs.sentences(text); fs.claims(text); fs.dates(text)
fs.Extractor(lang="de").split_sentences(text)
no_places = peak_mb()
fs.places(text)
print(no_places - before, peak_mb() - before)
"""


def test_sentences_and_claims_never_load_the_gazetteer(tmp_path):
    # A user who only splits sentences (or reads claims) should not pay the gazetteer's tens of
    # MB: it loads on the first places() call, not when an extractor is built.
    import pathlib
    import subprocess
    import sys

    article = pathlib.Path(__file__).resolve().parents[2] / "examples" / "iraq_detainees.txt"
    out = subprocess.run([sys.executable, "-c", LAZY_GAZETTEER, str(article)],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    without_places, with_places = map(float, out.split())
    assert without_places < 10, f"sentences, claims and dates raised peak RSS by {without_places:.1f} MB"
    assert with_places > without_places + 20, (without_places, with_places)
