"""The bad-input contract (docs/RELIABILITY.md): every input gets a result or a clear exception.

Each case names what happens, and the test checks exactly that. No case may raise a
``PanicException`` (pyo3's, which derives from ``BaseException``), crash or hang.
"""

from __future__ import annotations

import math

import pytest

import factsift as fs

TEXT_FUNCTIONS = [
    fs.split_sentences,
    fs.sentences,
    fs.claims,
    fs.places,
    fs.analyze,
]


def check_items(text: str, doc) -> None:
    """Offsets exact, items inside their sentence, sentences ordered and covering the text."""
    covered = 0
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
        assert s.start >= covered and text[covered:s.start].strip() == ""
        covered = s.end
    assert text[covered:].strip() == ""
    for item in [*doc.claims, *doc.places]:
        assert text[item.start:item.end] == item.text
        sentence = doc.sentences[item.sentence]
        assert sentence.start <= item.start <= item.end <= sentence.end
    for c in doc.claims:
        if c.concept is not None:
            assert text[c.concept_start:c.concept_end] == c.concept


class Text(str):
    """A str subclass, as some libraries hand out."""


@pytest.mark.parametrize("function", TEXT_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "bad, type_name",
    [(None, "None"), (math.nan, "float"), (b"Iraq.", "bytes"), (bytearray(b"x"), "bytearray"),
     (42, "int"), (["Iraq."], "list"), (object(), "object")],
)
def test_non_text_raises_type_error_naming_the_type(function, bad, type_name):
    with pytest.raises(fs.InputTypeError) as info:
        function(bad)
    assert isinstance(info.value, TypeError)
    assert type_name in str(info.value)


def test_bytes_error_says_how_to_fix():
    with pytest.raises(TypeError, match=r"decode"):
        fs.analyze(b"Iraq")


@pytest.mark.parametrize("function", TEXT_FUNCTIONS, ids=lambda f: f.__name__)
def test_str_subclass_is_accepted(function, article):
    assert function(Text(article)) == function(article)


@pytest.mark.parametrize("function", TEXT_FUNCTIONS, ids=lambda f: f.__name__)
def test_lone_surrogate_is_a_value_error_with_its_index(function):
    with pytest.raises(fs.InvalidTextError, match=r"index 5") as info:
        function("Iraq \udc80 said 5 people")
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "Iraq\x00Syria. 2,250\x00people.",
        "\u202eIraq said 5 people died.\u202c",
        "e\u0301" * 1000,
        "👩‍👩‍👧‍👦 Baghdad 👩‍👩‍👧‍👦. 5 km.",
        "伊拉克。2250人。Iraq.",
        "العراق. 2,250 people in Anbar.",
        "\r\n\r\n\x0b\x0c\u2028\u2029",
    ],
    ids=["empty", "space", "nul", "nul-inside", "rtl-override", "combining", "emoji-zwj", "cjk",
         "arabic", "line-separators"],
)
def test_odd_unicode_gives_exact_offsets(text):
    doc = fs.analyze(text)
    check_items(text, doc)
    assert [s.text for s in doc.sentences] == fs.split_sentences(text)


@pytest.mark.parametrize(
    "text",
    [
        "9" * 1_000_000,
        "1," * 500_000,
        "." * 1_000_000,
        "U.S. " * 200_000,
        "(" * 200_000 + "Iraq" + ")" * 200_000,
        "“" * 200_000 + "Iraq." + "”" * 200_000,
        "\"'" * 200_000,
        "million " * 100_000,
        "Iraq " * 200_000,
        "x" * 2_000_000,
    ],
    ids=["digits", "commas", "dots", "U.S.", "brackets", "quotes", "straight-quotes",
         "million", "capitalised", "no-spaces"],
)
def test_pathological_text_finishes_with_sane_output(text):
    doc = fs.analyze(text)
    check_items(text, doc)


def test_empty_text_gives_empty_results():
    doc = fs.analyze("")
    assert (doc.sentences, doc.claims, doc.places) == ([], [], [])
    assert fs.split_sentences("") == []


def test_batch_names_the_bad_row():
    with pytest.raises(fs.InputTypeError, match=r"texts\[2\].*int"):
        fs.analyze_many(["a", "b", 3])
    with pytest.raises(fs.InvalidTextError, match=r"texts\[1\]"):
        fs.analyze_many(["a", "\ud800"])
    with pytest.raises(fs.InputTypeError, match=r"single str"):
        fs.analyze_many("not a list")


def test_bad_options_are_config_errors():
    for kwargs in ({"lang": "klingon"}, {"lang": ""}):
        with pytest.raises(fs.ConfigError):
            fs.Extractor(**kwargs)
    with pytest.raises(fs.ConfigError):
        fs.analyze_many(["x"], n_threads=0)
    with pytest.raises(TypeError):
        fs.Extractor(abbreviations="approx.")  # a str is not a list of abbreviations


def test_abbreviation_limits_are_data_errors():
    for bad in ["", ".", "a b", "x" * 100]:
        with pytest.raises(fs.DataError):
            fs.Extractor(abbreviations=[bad])


def test_mixed_series_in_frame():
    pd = pytest.importorskip("pandas")
    texts = pd.Series(["Iraq.", None, math.nan, pd.NA, "Syria."], index=list("abcde"))
    frame = fs.frame(texts, "sentences", ids=texts.index)
    assert list(frame["doc_id"]) == ["a", "e"]
    with pytest.raises(TypeError, match=r"row 'c'.*int"):
        fs.frame(pd.Series(["Iraq.", "x", 7], index=list("abc"), dtype=object), "sentences",
                 ids=list("abc"))
