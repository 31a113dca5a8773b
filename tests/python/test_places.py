"""Places from Python: the example article, offsets on any text, options, hostile input."""

from __future__ import annotations

import math
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factsift as fs
from conftest import read_jsonl


def by_text(places, text):
    return [p for p in places if p.text == text]


def test_example_article_places(article):
    places = fs.places(article)
    for p in places:
        assert article[p.start : p.end] == p.text
        assert 0.0 <= p.score <= 1.0

    texts = {p.text for p in places}
    for name in ["Iraq", "Syria", "Nineveh", "Anbar", "al-Rutbah", "Hazar", "Kurdistan Region",
                 "Damascus", "US", "United States", "Iraqi", "Kurdish"]:
        assert name in texts, f"{name} not found in {sorted(texts)}"

    iraq = by_text(places, "Iraq")[0]
    assert (iraq.kind, iraq.country_code, iraq.geonameid) == ("country", "IQ", 99237)

    for name in ["Nineveh", "Anbar"]:
        for p in by_text(places, name):
            assert p.kind == "admin1" and p.country_code == "IQ", p
    assert by_text(places, "Nineveh")[0].geonameid == 92877
    assert by_text(places, "Anbar")[0].geonameid == 99592

    rutbah = by_text(places, "al-Rutbah")[0]
    assert rutbah.country_code == "IQ"
    assert rutbah.admin1 is not None and "Anbar" in rutbah.admin1

    modified = {(p.text, p.modifier) for p in places if p.modifier == "western"}
    assert modified == {("Iraq", "western"), ("Anbar", "western")}

    hazar = by_text(places, "Hazar")
    assert hazar[0].kind == "unknown" and hazar[0].lat is None and hazar[0].lon is None
    # "Hazar district lies about 60 kilometers southwest of Nineveh province": the located
    # mention gets the computed point, south-west of Nineveh's.
    located = [p for p in hazar if p.lat is not None]
    assert len(located) == 1
    nineveh = by_text(places, "Nineveh")[0]
    assert located[0].lat < nineveh.lat and located[0].lon < nineveh.lon
    assert located[0].modifier.startswith("60 km southwest of Nineveh")

    assert by_text(places, "Kurdistan Region")[0].country_code == "IQ"
    assert by_text(places, "Damascus")[0].country_code == "SY"
    assert by_text(places, "US")[0].country_code == "US"
    assert {p.text for p in places if p.kind == "demonym"} == {"Iraqi", "Kurdish"}


def test_place_fields_and_frames(article):
    p = fs.places("Shelling hit Damascus on Sunday.")[0]
    assert p.text == "Damascus" and p.kind == "city" and p.country_code == "SY"
    assert math.isclose(p.lat, 33.51, abs_tol=0.1) and math.isclose(p.lon, 36.29, abs_tol=0.1)
    assert p.population and p.population > 1_000_000
    assert pickle.loads(pickle.dumps(p)) == p
    doc = fs.analyze(article)
    assert [x.text for x in doc.places] == [x.text for x in fs.places(article)]
    assert all(doc.sentences[x.sentence].start <= x.start for x in doc.places)


def test_demonyms_switch_off(article):
    off = fs.Extractor(demonyms=False).places(article)
    assert off and all(p.kind != "demonym" for p in off)


def test_extractor_options_and_pickling():
    e = fs.Extractor(
        extra_places=[{"name": "Hazar", "kind": "admin2", "country_code": "IQ", "lat": 35.7, "lon": 42.0}],
        deny_places=["Syria"],
        allow_places=["Zorba"],
        country_focus=["IQ"],
    )
    text = "ISIS is active in the Hazar area and in Syria. Zorba is quiet."
    got = [(p.text, p.kind, p.lat) for p in e.places(text)]
    assert got == [("Hazar", "admin2", 35.7), ("Zorba", "unknown", None)]
    assert "country_focus=" in repr(e) and "extra_places=" in repr(e)
    again = pickle.loads(pickle.dumps(e))
    assert again == e
    assert [p.text for p in again.places(text)] == ["Hazar", "Zorba"]


def test_country_focus_changes_resolution():
    text = "The plant in Lebanon closed."
    assert fs.places(text)[0].country_code == "LB"
    assert fs.Extractor(country_focus=["US"]).places(text)[0].country_code == "US"


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        (dict(country_focus=["Iraq"]), fs.ConfigError, "country_focus"),
        (dict(deny_places=["--"]), fs.ConfigError, "deny_places"),
        (dict(extra_places=[{"nam": "x"}]), fs.DataError, "unknown key"),
        (dict(extra_places=[{"kind": "city"}]), fs.DataError, "name"),
        (dict(extra_places=[{"name": "x", "lat": 91.0, "lon": 0.0}]), fs.DataError, "-90..90"),
        (dict(extra_places=[{"name": "x", "lat": 1.0}]), fs.DataError, "both lat and lon"),
        (dict(extra_places=[{"name": "x", "kind": "planet"}]), fs.DataError, "unknown kind"),
        (dict(extra_places=[{"name": "x", "country_code": "ZZ"}]), fs.DataError, "country_code"),
        (dict(extra_places="Hazar"), fs.DataError, "list of dicts"),
        (dict(extra_places=["Hazar"]), fs.DataError, "expected a dict"),
    ],
)
def test_option_errors_say_what_to_do(kwargs, error, words):
    with pytest.raises(error, match=words) as info:
        fs.Extractor(**kwargs)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, fs.FactsiftError)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
       | st.lists(st.sampled_from(["Iraq", "al-", "Rutbah", "’s", " ", "U.S.", ", La.", "\u0301",
                                    "😀", "Ninawá", "\n", "province", "60 km southwest of "]),
                  max_size=40).map("".join))
def test_offsets_exact_on_any_text(text):
    for p in fs.places(text):
        assert text[p.start : p.end] == p.text
        assert p.start < p.end


def test_hostile_input_completes():
    words = "Paris London Baghdad Springfield New York " * 200_000  # 10^6 capitalised words
    places = fs.places(words)
    assert len(places) > 0
    assert all(words[p.start : p.end] == p.text for p in places[:1000])
    blob = "Ab" * 5_000_000  # 10 MB without a space
    assert fs.places(blob) == []


def test_lgl_dev_set_floor(eval_dir):
    """A regression floor on the dev set (LGL), read from ../shared/eval when present."""
    docs = read_jsonl(eval_dir / "locations" / "lgl.jsonl")[:150]
    tp = n_pred = n_gold = 0
    for d in docs:
        pred = {(p.start, p.end) for p in fs.places(d["text"]) if p.kind != "demonym"}
        gold = {(g["start"], g["end"]) for g in d["toponyms"]}
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    precision, recall = tp / n_pred, tp / n_gold
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 > 0.65, (precision, recall, f1)
