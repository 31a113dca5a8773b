"""The largest inputs (docs/RELIABILITY.md): a 100 MB text and 20 MB through everything, with no
row lost. Marked ``slow`` (``pytest -m "not slow"`` leaves them out); ``make test`` runs them.

The text is the example article repeated, each copy ending in a blank line, so every copy splits
and extracts exactly as the article alone does: the counts must be the article's times the copies.
"""

from __future__ import annotations

import pytest

import factsift as fs

KINDS = ("sentences", "claims", "places", "dates", "facts")


def repeated(article: str, size: int) -> tuple[str, int]:
    unit = article.strip() + "\n\n"
    copies = size // len(unit) + 1
    return unit * copies, copies


def check_tail(text: str, items) -> None:
    """Offsets stay exact at the far end of the text, where an off-by-one would show."""
    for item in items[-50:]:
        assert text[item.start:item.end] == item.text


@pytest.mark.slow
def test_a_100_mb_text_is_split_and_its_claims_found_without_losing_any(article):
    text, copies = repeated(article, 100_000_000)
    one_sentences = fs.split_sentences(article.strip())
    one_claims = fs.claims(article.strip())

    sentences = fs.split_sentences(text)
    assert len(sentences) == len(one_sentences) * copies
    assert sentences[-len(one_sentences):] == one_sentences
    del sentences

    claims = fs.claims(text)
    assert len(claims) == len(one_claims) * copies
    assert [c.value for c in claims[-len(one_claims):]] == [c.value for c in one_claims]
    check_tail(text, claims)


@pytest.mark.slow
def test_20_mb_through_every_kind_and_the_batch_apis(article):
    text, copies = repeated(article, 20_000_000)
    one = fs.analyze(article.strip(), reference_date="2026-01-25")
    doc = fs.analyze(text, reference_date="2026-01-25")
    for kind in KINDS:
        items = getattr(doc, kind)
        assert len(items) == len(getattr(one, kind)) * copies, kind
        if kind != "facts":
            check_tail(text, items)
    # The same text as one row of a batch: the Arrow table keeps every row.
    table = fs.table([text, None, article], "facts", reference_date="2026-01-25")
    assert table.num_rows == len(one.facts) * (copies + 1)
    assert table.num_texts == 3
