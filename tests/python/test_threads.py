"""Threads: the GIL is released during work, and results do not depend on who else is working."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import factsift as fs


def _work(extractor: fs.Extractor, texts: list[str]) -> list:
    out = []
    for text in texts:
        out.append(extractor.split_sentences(text))
        out.append(extractor.sentences(text))
        out.append(extractor.claims(text))
        out.append(extractor.places(text))
        out.append(extractor.analyze(text))
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
    expected = fs.analyze(article)
    with ThreadPoolExecutor(max_workers=8) as pool:
        docs = list(pool.map(lambda _: fs.analyze(article), range(32)))
    assert all(d == expected for d in docs)


def test_analyze_many_from_two_threads_at_once(article):
    texts = [article] * 50
    expected = [fs.analyze(article)] * 50
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda n: fs.analyze_many(texts, n_threads=n), [1, 2]))
    assert runs == [expected, expected]
