"""The Python contract: names, types, offsets, errors, pickling."""

from __future__ import annotations

import pickle

import pytest

import factsift as fs


def test_example_article_sentences_have_exact_offsets(article):
    sentences = fs.sentences(article)
    assert len(sentences) == 17
    for i, s in enumerate(sentences):
        assert s.index == i
        assert article[s.start:s.end] == s.text
    assert sentences[0].text == "Iraq Transfers 2,250 ISIS Detainees Amid Rising Security Concerns"
    assert [s.text for s in sentences] == fs.split_sentences(article)


def test_empty_and_blank_text():
    assert fs.split_sentences("") == []
    assert fs.sentences("  \n\t ") == []


@pytest.mark.parametrize("bad", [None, b"bytes", bytearray(b"x"), 3, 2.5, ["a list"]])
def test_non_text_raises_type_error_naming_the_type(bad):
    with pytest.raises(TypeError) as info:
        fs.split_sentences(bad)
    assert isinstance(info.value, fs.FactsiftError)
    assert type(bad).__name__ in str(info.value) or "None" in str(info.value)


def test_str_subclass_is_text():
    class Text(str):
        pass

    assert fs.split_sentences(Text("One. Two.")) == ["One.", "Two."]


def test_lone_surrogate_is_a_clear_value_error():
    with pytest.raises(ValueError) as info:
        fs.sentences("ok \ud800 bad")
    assert isinstance(info.value, fs.InvalidTextError)
    assert "index 3" in str(info.value)


def test_unknown_language_is_a_config_error():
    with pytest.raises(fs.ConfigError) as info:
        fs.Extractor(lang="xx")
    assert isinstance(info.value, ValueError)
    assert "xx" in str(info.value)


def test_results_are_frozen_comparable_and_picklable(article):
    doc = fs.analyze(article)
    s = doc.sentences[3]
    with pytest.raises(AttributeError):
        s.text = "changed"
    assert pickle.loads(pickle.dumps(s)) == s
    assert hash(pickle.loads(pickle.dumps(s))) == hash(s)
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert s.to_dict() == {"index": 3, "start": s.start, "end": s.end, "text": s.text}
    assert repr(s).startswith("Sentence(index=3, start=")


def test_extractor_options_pickle_and_compare():
    ex = fs.Extractor(lang="de", abbreviations=["Approx."])
    again = pickle.loads(pickle.dumps(ex))
    assert again == ex
    assert again.lang == "de"
    assert ex != fs.Extractor(lang="en")
    assert "abbreviations" in repr(ex)


def test_user_abbreviations_change_the_split():
    text = "It weighs approx. ten tonnes. Fine."
    assert len(fs.Extractor(abbreviations=["approx."]).split_sentences(text)) == 2
    with pytest.raises(fs.DataError):
        fs.Extractor(abbreviations=["two words"])


def test_analyze_many_matches_analyze(article):
    texts = [article, "", "One. Two.", article[:500]] * 5
    many = fs.analyze_many(texts, n_threads=2)
    assert many == [fs.analyze(t) for t in texts]
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        fs.analyze_many(["ok", 5])
