"""The notebook view: every item shown, everything escaped, overlaps handled, displaCy formats."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factsift as fs
from factsift.display import claim_tooltip, place_tooltip


def claim(text, doc, start=None, **fields):
    start = doc.index(text) if start is None else start
    values = dict(
        text=text, start=start, end=start + len(text), sentence=0, value=1.0, low=None,
        high=None, unit=None, unit_text=None, dimension="count", base_value=None,
        base_unit=None, bound="exact", change=None, concept=None, concept_start=None,
        concept_end=None,
    )
    values.update(fields)
    return fs.Claim(**values)


def place(text, doc, start=None, **fields):
    start = doc.index(text) if start is None else start
    values = dict(
        text=text, start=start, end=start + len(text), sentence=0, name=text, kind="city",
        country_code=None, admin1=None, lat=None, lon=None, geonameid=None, population=None,
        modifier=None, score=0.5,
    )
    values.update(fields)
    return fs.Place(**values)


class Parsed(HTMLParser):
    """Collects the text drawn for each item, the visible text, tags and attributes."""

    VOID = {"br", "img", "hr", "meta", "link", "input"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, attrs)
        self.items: dict[str, str] = {}  # data-item -> text drawn inside it
        self.titles: dict[str, set[str]] = {}
        self.labels: dict[str, list[str]] = {}
        self.text = []  # text outside labels and the header
        self.tags = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))
        attrs = dict(attrs)
        if "data-item" in attrs:
            self.titles.setdefault(attrs["data-item"], set()).add(attrs.get("title"))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        in_label = any(a.get("class") == "factsift-label" for _, a in self.stack)
        in_header = len(self.stack) >= 2 and "data-sentence" not in self.stack[1][1] and not any(
            "data-item" in a or "data-sentence" in a for _, a in self.stack
        ) and self.stack[1][0] == "div"
        if in_label:
            owner = next(a["data-item"] for _, a in reversed(self.stack) if "data-item" in a)
            self.labels.setdefault(owner, []).append(data)
            return
        if in_header:
            return
        self.text.append(data)
        for _, a in self.stack:
            if "data-item" in a:
                self.items[a["data-item"]] = self.items.get(a["data-item"], "") + data


def check_every_item_shown(doc):
    parsed = Parsed(doc._repr_html_())
    assert not parsed.stack, "every tag closed"
    assert "".join(parsed.text) == doc.text  # the whole text, once, in order
    for prefix, items in (("claim", doc.claims), ("place", doc.places), ("date", doc.dates)):
        for i, item in enumerate(items):
            key = f"{prefix}-{i}"
            assert parsed.items.get(key, "") == item.text, key
            assert len(parsed.labels[key]) == 1, key
    assert "<script" not in doc._repr_html_().lower()
    return parsed


def test_every_claim_and_place_of_the_example_article_is_shown(article):
    doc = fs.analyze(article)
    parsed = check_every_item_shown(doc)
    assert len(parsed.items) == len(doc.claims) + len(doc.places) + len(doc.dates)
    sentences = doc._repr_html_().count("data-sentence=")
    assert sentences == len(doc.sentences) == 17


def test_hand_made_items_are_shown_with_their_tooltips(article):
    doc = fs.analyze(article)
    claims = [
        claim("2,250", article, value=2250.0, concept="ISIS detainees"),
        claim("about 60 kilometers", article, value=60.0, unit="km", unit_text="kilometers",
              dimension="length", base_value=60000.0, base_unit="m", bound="approx"),
        claim("five to six", article, value=None, low=5.0, high=6.0, bound="range"),
    ]
    places = [
        place("Nineveh", article, name="Nineveh Governorate", kind="admin1", country_code="IQ",
              lat=36.0, lon=43.0),
        place("Iraqi", article, name="Iraq", kind="demonym", country_code="IQ"),
        place("Hazar", article, kind="unknown"),
    ]
    doc = fs.Document(article, doc.sentences, claims, places)
    parsed = check_every_item_shown(doc)
    assert parsed.titles["claim-1"] == {"≈ 60 km = 60,000 m · length"}
    assert parsed.titles["claim-2"] == {"5–6 (range)"}
    assert parsed.titles["claim-0"] == {"2,250 of ISIS detainees"}
    assert parsed.titles["place-0"] == {"Nineveh Governorate · admin1 · IQ (36.00, 43.00)"}
    assert "not in the gazetteer" in parsed.titles["place-2"].pop()
    assert parsed.labels["place-1"] == ["DEMONYM"]
    assert parsed.labels["claim-0"] == ["CLAIM"]


def test_hostile_text_and_fields_are_escaped():
    text = '<script>alert(1)</script> & "quotes" \'single\' <b>bold</b> 5 km'
    c = claim("5 km", text, unit='"><img src=x onerror=alert(1)>', concept="<i>x</i>")
    p = place("<b>bold</b>", text, name='"><script>bad()</script>', country_code="<u>")
    doc = fs.Document(text, fs.sentences(text), [c], [p])
    html = doc._repr_html_()
    assert "<script" not in html and "<img" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html and "&quot;" in html
    check_every_item_shown(doc)


def test_overlapping_and_crossing_items_are_all_shown():
    text = "Floods hit Nineveh province and 5,000 families in Mosul city fled."
    items_c = [
        claim("5,000 families", text),
        claim("5,000", text),  # nested in the first
        claim("province and 5,000", text),  # crosses "5,000 families"
    ]
    items_p = [
        place("Nineveh province", text),
        place("Nineveh", text),  # same start, nested
        place("Mosul city", text),
        place("Mosul", text),
    ]
    doc = fs.Document(text, fs.sentences(text), items_c, items_p)
    parsed = check_every_item_shown(doc)
    assert len(parsed.items) == 7


def test_items_across_sentences_empty_and_out_of_range_do_not_break_the_view():
    text = "One sentence here. Another one there."
    crossing = claim("here. Another", text)
    empty = claim("", text, start=4)
    outside = fs.Claim(**{**claim("here", text).to_dict(), "start": 90, "end": 95})
    inverted = fs.Claim(**{**claim("here", text).to_dict(), "start": 10, "end": 5})
    doc = fs.Document(text, fs.sentences(text), [crossing, empty], [])
    check_every_item_shown(doc)
    html = fs.Document(text, fs.sentences(text), [outside, inverted], [])._repr_html_()
    assert "".join(Parsed(html).text) == text


@settings(max_examples=80, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab <>&\"'.\n😀é")), max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=6),
)
def test_any_text_and_spans_render_balanced_html_with_every_item(text, spans):
    items = []
    for start, length in spans:
        start = min(start, len(text))
        end = min(start + length, len(text))
        items.append(claim(text[start:end], text, start=start))
    doc = fs.Document(text, fs.sentences(text), items, [])
    check_every_item_shown(doc)


def test_tooltips_read_naturally():
    text = "rose by 5%"
    c = claim("5%", text, value=5.0, unit="percent", dimension="percent", change="up",
              bound="min")
    assert claim_tooltip(c) == "≥ 5 percent (up) · percent"
    p = place("Anbar", "Anbar", name="Al Anbar", kind="admin1", country_code="IQ",
              admin1="Anbar", lat=32.5, lon=41.9, modifier="western")
    assert place_tooltip(p) == "Al Anbar · admin1 · Anbar · IQ (32.50, 41.90) · western"


def test_to_displacy_ent_format(article):
    doc = fs.analyze(article)
    d = doc.to_displacy()
    assert d["text"] == article and d["title"] is None
    ents = d["ents"]
    assert ents == sorted(ents, key=lambda e: e["start"])
    assert all(a["end"] <= b["start"] for a, b in zip(ents, ents[1:]))  # displaCy needs this
    assert len(ents) <= len(doc.claims) + len(doc.places) + len(doc.dates)


def test_to_displacy_keeps_the_longer_of_overlapping_items_and_span_style_keeps_all():
    text = "Floods hit Nineveh province today."
    doc = fs.Document(text, fs.sentences(text), [],
                      [place("Nineveh province", text), place("Nineveh", text)])
    assert doc.to_displacy()["ents"] == [{"start": 11, "end": 27, "label": "PLACE"}]
    span = doc.to_displacy("span")
    assert span["tokens"] == ["Floods", "hit", "Nineveh", "province", "today."]
    assert [(s["start_token"], s["end_token"]) for s in span["spans"]] == [(2, 3), (2, 4)]
    for s in span["spans"]:
        assert " ".join(span["tokens"][s["start_token"] : s["end_token"]]) == text[s["start"] : s["end"]]
    with pytest.raises(ValueError, match="style"):
        doc.to_displacy("dep")


def test_span_tokens_are_cut_at_item_boundaries():
    text = "US-led coalition"
    doc = fs.Document(text, fs.sentences(text), [], [place("US", text)])
    span = doc.to_displacy("span")
    assert span["tokens"] == ["US", "-led", "coalition"]
    assert span["spans"][0]["start_token"] == 0 and span["spans"][0]["end_token"] == 1
