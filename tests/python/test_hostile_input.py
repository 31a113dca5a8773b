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


# Unicode White_Space (Rust's `char::is_whitespace`), which sentences are trimmed of; Python's
# `str.strip()` also strips the separators U+001C..U+001F, which are text to factsift.
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
)


def check_items(text: str, doc) -> None:
    """Every item of every kind exact and inside its sentence; sentences ordered and covering
    the text; one fact per claim, pointing at items of the same document."""
    sentences = doc.sentences  # each access builds a new list: take it once
    covered = 0
    for i, s in enumerate(sentences):
        assert s.index == i and text[s.start:s.end] == s.text and s.text == s.text.strip(WHITESPACE)
        assert s.start >= covered and text[covered:s.start].strip(WHITESPACE) == ""
        covered = s.end
    assert text[covered:].strip(WHITESPACE) == ""
    for kind in ("claims", "places", "dates"):
        items = getattr(doc, kind)
        assert [x.start for x in items] == sorted(x.start for x in items), kind
        for item in items:
            assert text[item.start:item.end] == item.text
            sentence = sentences[item.sentence]
            assert sentence.start <= item.start <= item.end <= sentence.end
    for c in doc.claims:
        if c.concept is not None:
            assert text[c.concept_start:c.concept_end] == c.concept
    for d in doc.dates:
        assert (d.earliest is None) == (d.latest is None)
        assert d.earliest is None or _day(d.earliest) <= _day(d.latest)
    assert len(doc.facts) == len(doc.claims)
    places, dates = set(doc.places), set(doc.dates)  # items are hashable: linear checks
    for fact, claim in zip(doc.facts, doc.claims):
        assert fact.claim == claim and fact.sentence == claim.sentence
        assert all(p in places for p in fact.places)
        assert fact.place is None or fact.place in places
        assert fact.date is None or (fact.date in dates and fact.date.sentence == claim.sentence)
        source = fact.source
        if source is not None:
            assert text[source.start:source.end] == source.text
            sentence = sentences[source.sentence]
            assert sentence.start <= source.start <= source.end <= sentence.end
            assert all(part in text for part in (source.name, source.cue, source.role or ""))


def _day(iso: str) -> tuple[int, int, int]:
    """ "2026-01-24" (or "-12-03-01", year -12) as a comparable (year, month, day)."""
    year, month, day = iso.rsplit("-", 2)
    return int(year), int(month), int(day)


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


SLOW = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("9" * 1_000_000, id="digits"),
        pytest.param("It cost $" + "9" * 1_000_000 + " million on Friday, he said.",
                     id="digits-in-a-sentence"),
        pytest.param("It cost 1" + ",000" * 300_000 + " dollars.", id="grouped-digits"),
        pytest.param("1," * 500_000, id="commas", marks=SLOW),
        pytest.param("." * 1_000_000, id="dots"),
        pytest.param("U.S." * 1_000_000, id="U.S.", marks=SLOW),
        pytest.param("U.S. " * 1_000_000, id="U.S.-spaced", marks=SLOW),
        pytest.param("(" * 200_000 + "Iraq" + ")" * 200_000, id="brackets"),
        pytest.param("“" * 200_000 + "Iraq." + "”" * 200_000, id="quotes"),
        pytest.param("\"'" * 200_000, id="straight-quotes"),
        pytest.param("million " * 100_000, id="million"),
        pytest.param("Iraq " * 200_000, id="capitalised"),
        pytest.param("x" * 2_000_000, id="no-spaces"),
        pytest.param("On Friday, " * 100_000, id="dates"),
        pytest.param("“Five died,” he said. " * 50_000, id="attributions"),
        pytest.param("5 km from Mosul in Iraq on Friday, " * 50_000, id="one-sentence-of-facts",
                     marks=SLOW),
    ],
)
def test_pathological_text_finishes_with_sane_output(text):
    doc = fs.analyze(text, reference_date="2026-01-25")
    check_items(text, doc)


def test_numbers_too_long_to_be_quantities_give_no_claim():
    # More than 18 digits is an identifier or noise, never a quantity; the whole run is skipped
    # (regression: the digits after the 18th used to be read as a claim of their own, "000,000").
    assert fs.claims("9" * 1_000_000) == []
    assert fs.claims("It cost 1" + ",000" * 11 + " dollars.") == []
    assert [c.value for c in fs.claims("It cost 100,000,000,000,000,000 dollars.")] == [1e17]


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
