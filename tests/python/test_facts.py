"""Facts: each claim with its places, date and source — and dates as context."""

from __future__ import annotations

import datetime
import pickle

import pytest

import factsift as fs


@pytest.fixture(scope="module")
def doc(article):
    # The article appeared on Sunday 25 January 2026, the day after the statement of Saturday.
    return fs.analyze(article, reference_date="2026-01-25")


def test_each_claim_of_the_article_in_context(doc):
    facts = doc.facts
    assert [f.claim.text for f in facts] == [
        "2,250", "2,250", "2,250", "two", "five to six", "about 60 kilometers", "two",
    ]
    assert [f.claim for f in facts] == doc.claims
    own = [f.place.text if f.place else None for f in facts]
    assert own == ["Iraq", "Iraq", "Iraq", "Iraq", None, "Hazar", "Anbar"]
    assert facts[3].place.modifier == "western"  # "attacks in western Iraq"
    assert {"Nineveh", "Anbar", "Iraq"} <= {p.text for p in facts[3].places}
    assert "Hazar" in {p.text for p in facts[4].places}  # from the sentence before it
    dates = [(f.date.text, f.date.earliest) if f.date else None for f in facts]
    assert dates == [
        None,
        ("Saturday", "2026-01-24"),
        ("Friday", "2026-01-23"),
        None,
        ("Friday", "2026-01-23"),
        None,
        ("Saturday", "2026-01-24"),
    ]
    sources = [f.source.name if f.source else None for f in facts]
    assert sources == [
        None,
        "Iraqi Security Media Cell",
        "Saad Maan",
        "Local officials in Nineveh and Anbar provinces",
        "Mohammed Jasim Kakayi",
        None,
        "Iraq’s National Security Service (INSS)",
    ]


def test_the_third_2250_reads_as_a_fact_checker_reads_it(doc, article):
    fact = doc.facts[2]
    assert fact.place.name == "Iraq" and fact.place.country_code == "IQ"
    assert fact.date.relation == "as of"
    assert fact.source.kind == "person"
    assert fact.source.role == "Security Media Cell spokesperson"
    assert fact.source.text == "Maan" and fact.source.cue == "told"
    assert article[fact.source.start:fact.source.end] == fact.source.text
    assert fact.sentence == fact.claim.sentence


def test_pronouns_resolve_to_the_speaker_named_before(doc, article):
    kakayi = doc.facts[4].source  # "He added that ..."
    assert kakayi.name == "Mohammed Jasim Kakayi"
    assert article[kakayi.start:kakayi.end] == "Mohammed Jasim Kakayi"
    assert kakayi.sentence < doc.facts[4].claim.sentence


def test_dates_are_context_not_claims(doc, article):
    dates = [(d.text, d.relation, d.kind) for d in doc.dates]
    assert ("Friday", "as of", "weekday") in dates
    assert ("mid-January", "in", "month") in dates
    for d in doc.dates:
        assert article[d.start:d.end] == d.text
        assert not any(c.start <= d.start < c.end for c in doc.claims)


def test_without_a_reference_date_relative_dates_stay_unplaced(article):
    doc = fs.analyze(article)
    friday = doc.facts[2].date
    assert friday.text == "Friday" and friday.earliest is None
    assert fs.dates("It opened on 24 November 2026.")[0].earliest == "2026-11-24"


@pytest.mark.parametrize(
    "reference",
    ["2026-01-25", datetime.date(2026, 1, 25), datetime.datetime(2026, 1, 25, 9, 30)],
)
def test_reference_date_forms(reference):
    [d] = fs.dates("As of Friday, 12 were held.", reference_date=reference)
    assert (d.earliest, d.latest) == ("2026-01-23", "2026-01-23")


def test_extractor_reference_date_and_per_call_override():
    ex = fs.Extractor(reference_date="2026-11-24")
    assert ex.reference_date == "2026-11-24"
    assert ex.dates("They met on Friday.")[0].earliest == "2026-11-20"
    assert ex.dates("They met on Friday.", reference_date="2026-01-25")[0].earliest == "2026-01-23"
    assert pickle.loads(pickle.dumps(ex)) == ex
    assert "reference_date" in repr(ex)


@pytest.mark.parametrize("bad", ["yesterday", "2026-02-30", 20260125, object()])
def test_bad_reference_dates_are_config_errors(bad):
    with pytest.raises(fs.ConfigError, match="reference_date"):
        fs.Extractor(reference_date=bad)


def test_facts_pickle_compare_and_convert(doc):
    fact = doc.facts[2]
    assert pickle.loads(pickle.dumps(fact)) == fact
    assert pickle.loads(pickle.dumps(doc)) == doc
    d = fact.to_dict()
    assert d["claim"]["text"] == "2,250" and d["source"]["name"] == "Saad Maan"
    assert d["place"]["name"] == "Iraq" and d["date"]["earliest"] == "2026-01-23"
    assert isinstance(d["places"], list) and d["places"][0]["text"] == "Iraq"
    assert set(doc.to_dict()) == {"text", "sentences", "claims", "places", "dates", "facts"}


def test_facts_frame_matches_the_documents(article):
    pd = pytest.importorskip("pandas")
    texts = pd.Series([article, None, "Police said 12 people were killed in Kabul on Monday."],
                      index=["iraq", "empty", "kabul"])
    published = pd.Series(["2026-01-25", None, "2026-11-24"], index=texts.index)
    frame = fs.frame(texts, "facts", reference_date=published)
    assert list(frame.columns) == list(fs.schema("facts"))
    assert list(frame["doc_id"]) == ["iraq"] * 7 + ["kabul"]
    kabul = frame.iloc[-1]
    assert (kabul["claim"], kabul["place"], kabul["source"], kabul["date_earliest"]) == (
        "12", "Kabul", "Police", "2026-11-23"
    )
    one = fs.analyze(article, reference_date="2026-01-25").to_frame("facts")
    pd.testing.assert_frame_equal(
        frame.iloc[:7].drop(columns="doc_id").reset_index(drop=True), one.drop(columns="doc_id")
    )
    with pytest.raises(fs.ConfigError, match="reference_date has 1 dates but texts has 3"):
        fs.frame(texts, "facts", reference_date=["2026-01-25"])


def test_html_view_shows_dates_and_claims_in_context(doc):
    html = doc._repr_html_()
    assert html.count(">DATE<") == len(doc.dates)
    assert "per Saad Maan, Security Media Cell spokesperson" in html
    assert "in Iraq" in html


def test_facts_can_be_switched_off_for_speed(article):
    lean = fs.Extractor(facts=False)
    doc = lean.analyze(article)
    assert doc.facts == [] and doc.dates == []
    assert doc.claims == fs.analyze(article).claims
    assert len(lean.facts(article)) == 7  # asked for explicitly, facts are still found
    assert "facts=False" in repr(lean)


def test_words_with_curly_apostrophes_after_digits_do_not_break_attribution():
    # A regression: a name-particle check sliced "4’s" inside its apostrophe and panicked.
    text = "Police said 4’s and al-Amin’s 12 cars were seized, the 4’s owner said."
    facts = fs.facts(text)
    assert "12" in [f.claim.text for f in facts]
    assert {f.source.name for f in facts} == {"Police"}
