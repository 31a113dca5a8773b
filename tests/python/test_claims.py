"""Numeric claims through the Python API: the example article, every field, offsets on any text,
pathological inputs, the CLI, and (when ../shared/eval is present) accuracy floors."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factsift as fs

FIELDS = (
    "text", "start", "end", "sentence", "value", "low", "high", "unit", "unit_text", "dimension",
    "base_value", "base_unit", "bound", "change", "concept", "concept_start", "concept_end",
)


def assert_exact(text: str, claims) -> None:
    for c in claims:
        assert text[c.start:c.end] == c.text
        if c.concept is not None:
            assert text[c.concept_start:c.concept_end] == c.concept
        else:
            assert c.concept_start is None and c.concept_end is None
        if c.value is None:
            assert c.low is not None and c.high is not None


def test_example_article_claims(article):
    claims = fs.claims(article)
    assert_exact(article, claims)
    got = [(c.text, c.value, c.low, c.high, c.unit, c.bound, c.concept) for c in claims]
    assert got == [
        ("2,250", 2250.0, None, None, None, "exact", "ISIS Detainees"),
        ("2,250", 2250.0, None, None, None, "exact", "ISIS militants"),
        ("2,250", 2250.0, None, None, None, "exact", "ISIS members"),
        ("two", 2.0, None, None, None, "exact", "suicide attacks"),
        ("five to six", None, 5.0, 6.0, None, "range", "ISIS members"),
        ("about 60 kilometers", 60.0, None, None, "km", "approx", "Hazar district"),
        ("two", 2.0, None, None, None, "exact", "ISIS militants"),
    ]
    km = claims[5]
    assert (km.unit_text, km.dimension, km.base_value, km.base_unit) == ("kilometers", "length", 60000.0, "m")
    assert all(c.dimension == "count" and c.base_value is None for c in claims if c.unit is None)
    # Nothing from the dates: "as of Friday", "on Saturday", "mid-January".
    sentences = fs.sentences(article)
    for c in claims:
        s = sentences[c.sentence]
        assert s.start <= c.start and c.end <= s.end
    for word in ("Friday", "Saturday", "January"):
        assert not any(word in c.text for c in claims)


def test_claim_has_every_contract_field():
    (c,) = fs.claims("Exports fell about 7% last year.")
    for name in FIELDS:
        assert hasattr(c, name), name
    assert (c.value, c.unit, c.dimension, c.bound, c.change) == (7.0, "percent", "percent", "approx", "down")
    d = c.to_dict()
    assert set(FIELDS) <= set(d)
    assert d["text"] == "about 7%"


def test_extractor_and_analyze_agree(article):
    ex = fs.Extractor()
    assert ex.claims(article) == fs.claims(article) == fs.analyze(article).claims


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The rate rose 0.25 percentage points.", [("0.25 percentage points", 0.25, "percentage point", "up")]),
        ("A 19-year-old was fined $3bn.", [("19-year-old", 19.0, "year-old", None), ("$3bn", 3e9, "USD", None)]),
        ("Prices dropped by 1.5 million yen.", [("1.5 million yen", 1.5e6, "JPY", "down")]),
        ("Half a million people marched.", [("Half a million", 5e5, None, None)]),
    ],
)
def test_values_units_and_change(text, expected):
    claims = fs.claims(text)
    assert [(c.text, c.value, c.unit, c.change) for c in claims] == expected


@pytest.mark.parametrize(
    "text",
    [
        "On March 5, 2021 at 9 a.m. the mayor spoke.",
        "Route 66 and the S&P 500 reopened after COVID-19; 5G masts went up.",
        "Call 555-1234 today. She came 3rd. United won 3-1.",
    ],
)
def test_not_claims(text):
    assert fs.claims(text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_offsets_exact_on_any_text(text):
    assert_exact(text, fs.claims(text))


_PIECES = ["5", "2,250", "½", "€", "$", "-", "–", " ", "\u00a0", "km", "é", "e\u0301", "👩‍👩‍👧",
           "伊拉克", "العراق", "%", ".", "million", "two", "-thirds", "°C", "\n", "about", "to", "of"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_offsets_exact_on_number_like_text(pieces):
    text = "".join(pieces)
    assert_exact(text, fs.claims(text))


def test_pathological_inputs_complete_with_sane_output():
    assert fs.claims("9" * 1_000_000) == []
    assert fs.claims("," * 1_000_000) == []
    claims = fs.claims("a " + "million " * 100_000 + "people")
    assert claims and claims[0].value == 1e6
    assert_exact("x", claims[:0])


def test_cli_prints_claims(tmp_path, article):
    path = tmp_path / "article.txt"
    path.write_text(article, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "factsift", "--kind", "claims", "--format", "jsonl", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout
    assert out.count("\n") == 7
    assert "about 60 kilometers" in out and "five to six" in out


# --- accuracy floors on the evaluation sets (read at test time, never shipped) -------------------

def _scorer(eval_dir):
    sys.path.insert(0, str(eval_dir))
    import score_numbers  # noqa: PLC0415

    return score_numbers


def _adapter(sentence):
    import factsift_adapters  # noqa: PLC0415  (lives in ../shared/eval)

    return factsift_adapters.numbers(sentence)


def test_recognizers_number_spec_accuracy(eval_dir):
    sn = _scorer(eval_dir)
    result = sn.score_recognizers(_adapter, str(eval_dir / "numbers"), models=["number"])
    assert result["number"]["all"]["accuracy"] >= 80.0


def test_newsquant_value_f1_floor(eval_dir):
    sn = _scorer(eval_dir)
    rows = sn.load_jsonl(str(eval_dir / "numbers" / "newsquant.jsonl"))
    result = sn.score_newsquant(_adapter, rows)
    assert result["crashes"] == 0
    assert result["value"]["F1"] >= 92.0


def test_newsquant_level_floors(eval_dir):
    sn = _scorer(eval_dir)
    rows = sn.load_jsonl(str(eval_dir / "numbers" / "newsquant.jsonl"))
    result = sn.score_newsquant(_adapter, rows)
    assert result["value+unit"]["F1"] >= 73.0
    assert result["value+change"]["F1"] >= 79.0
    assert result["value+concept_partial"]["F1"] >= 52.0


def test_newsquant_range_recall(eval_dir):
    sn = _scorer(eval_dir)
    rows = sn.load_jsonl(str(eval_dir / "numbers" / "newsquant.jsonl"))
    gold = found = 0
    for row in rows:
        ranges = [sn.to_value(q["value"]) for q in row["quantities"]]
        ranges = [g for g in ranges if isinstance(g, tuple)]
        if not ranges:
            continue
        predicted = [sn.to_value(item["value"]) for item in _adapter(row["text"])]
        gold += len(ranges)
        found += sum(any(isinstance(p, tuple) and sn.values_equal(g, p) for p in predicted) for g in ranges)
    assert gold > 0
    assert found / gold >= 0.85, f"{found}/{gold} gold ranges found"
