"""Everything that travels to workers pickles with pickle and cloudpickle."""

from __future__ import annotations

import pickle

import cloudpickle
import pytest

import factsift as fs

PICKLERS = [pytest.param(pickle, id="pickle"), pytest.param(cloudpickle, id="cloudpickle")]


def roundtrip(module, obj):
    return module.loads(module.dumps(obj))


@pytest.mark.parametrize("module", PICKLERS)
def test_extractor_pickles_by_its_options(module):
    ex = fs.Extractor(lang="de", abbreviations=["Zorb."], demonyms=False)
    again = roundtrip(module, ex)
    assert again == ex and repr(again) == repr(ex)
    text = "Wir trafen uns am Zorb. Haus. Gut."
    assert again.sentences(text) == ex.sentences(text)


@pytest.mark.parametrize("module", PICKLERS)
def test_results_pickle_with_equal_values_and_hashes(module, article):
    doc = fs.analyze(article)
    c = fs.Claim(
        text="2,250", start=15, end=20, sentence=0, value=2250.0, low=None, high=None, unit=None,
        unit_text=None, dimension="count", base_value=None, base_unit=None, bound="exact",
        change=None, concept=None, concept_start=None, concept_end=None,
    )
    p = fs.Place(
        text="Iraq", start=0, end=4, sentence=0, name="Iraq", kind="country", country_code="IQ",
        admin1=None, lat=33.0, lon=44.0, geonameid=99237, population=None, modifier=None,
        score=0.9,
    )
    doc = fs.Document(article, doc.sentences, [c, *doc.claims], [p, *doc.places])
    again = roundtrip(module, doc)
    assert again == doc and again.text == article
    for item in (c, p, doc.sentences[0]):
        copy = roundtrip(module, item)
        assert copy == item and hash(copy) == hash(item) and type(copy) is type(item)
    assert roundtrip(module, fs.analyze_many([article, "x."])) == fs.analyze_many([article, "x."])


def test_a_table_says_how_to_move_it(article):
    t = fs.table([article], "sentences")
    with pytest.raises(TypeError, match="pyarrow.table"):
        pickle.dumps(t)
