"""Notebook display: a document with its sentences, claims, places and dates highlighted.

``Document._repr_html_`` draws the text the way displaCy draws entities: each claim, place and
date is a coloured mark with a small label, and hovering over it shows what factsift read there
(value and unit of a claim with its place, date and source; name, kind and country of a place;
the days a date covers). Sentences alternate a faint background and show their index on hover.

The HTML is self-contained: inline CSS, no JavaScript, no external resources. Every piece of
text, the article's and the items' alike, is escaped. Every item is drawn, overlapping ones
included: marks nest, and a mark that crosses another is drawn in pieces that share its label,
tooltip and ``data-item`` attribute.

``Document.to_displacy(style)`` gives the same items in spaCy displaCy's manual format.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from html import escape
from typing import Any

from factsift._factsift import Claim, Date, Document, Fact, Place, Sentence

_COLORS = {
    "CLAIM": ("#fde68a", "#b45309"),
    "PLACE": ("#bfdbfe", "#1d4ed8"),
    "DEMONYM": ("#ddd6fe", "#6d28d9"),
    "DATE": ("#bbf7d0", "#15803d"),
}
# Places the gazetteer could not resolve (no coordinates): same hue, dashed.
_UNRESOLVED = "border-bottom-style:dashed"
_MARK = (
    "background:{bg};border-bottom:2px solid {fg};border-radius:3px;padding:0.1em 0.15em;"
    "line-height:1;{extra}"
)
_LABEL = (
    "font-size:0.65em;font-weight:bold;letter-spacing:0.03em;color:{fg};margin-left:0.3em;"
    "vertical-align:middle;text-transform:uppercase"
)
_SENTENCE = ("background:#f3f4f6;", "")
_BOX = (
    "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:0.95em;line-height:2.1;"
    "white-space:pre-wrap;overflow-wrap:anywhere;max-width:60em;color:#111827"
)
_HEADER = "font-size:0.8em;color:#4b5563;margin-bottom:0.4em;white-space:normal"

#: Colours for ``displacy.render(doc.to_displacy(), style="ent", manual=True,
#: options=DISPLACY_OPTIONS)``.
DISPLACY_OPTIONS: dict[str, Any] = {"colors": {k: bg for k, (bg, _) in _COLORS.items()}}


def _number(x: float | None) -> str:
    if x is None:
        return "?"
    x = float(x)
    if x.is_integer() and abs(x) < 1e15:
        return f"{x:,.0f}"
    return f"{x:,.6g}"


def claim_tooltip(c: Claim) -> str:
    """What a claim means, in one line: ``"5–6 (range)"``, ``"≈ 60 km = 60,000 m"``."""
    if c.value is None and (c.low is not None or c.high is not None):
        amount = f"{_number(c.low)}–{_number(c.high)}"
    else:
        amount = _number(c.value)
    prefix = {"approx": "≈ ", "min": "≥ ", "max": "≤ "}.get(c.bound, "")
    parts = [f"{prefix}{amount}" + (f" {c.unit}" if c.unit else "")]
    if c.base_value is not None and c.base_unit and (
        c.base_unit != c.unit or c.base_value != c.value
    ):
        parts.append(f"= {_number(c.base_value)} {c.base_unit}")
    if c.bound == "range":
        parts.append("(range)")
    if c.change:
        parts.append(f"({c.change})")
    if c.concept:
        parts.append(f"of {c.concept}")
    if c.dimension and c.dimension != "count":
        parts.append(f"· {c.dimension}")
    return " ".join(parts)


def fact_tooltip(f: Fact) -> str:
    """A claim with its context: ``"2,250 of ISIS members · in Iraq · Friday · per Saad Maan"``."""
    parts = [claim_tooltip(f.claim)]
    if f.place is not None:
        parts.append(f"in {f.place.name}")
    elif f.places:
        parts.append("about " + ", ".join(p.name for p in f.places))
    if f.date is not None:
        when = f.date.text
        if f.date.earliest:
            span = f.date.earliest
            if f.date.latest and f.date.latest != f.date.earliest:
                span += f"…{f.date.latest}"
            when += f" ({span})"
        parts.append(when)
    if f.source is not None:
        parts.append(f"per {f.source.name}" + (f", {f.source.role}" if f.source.role else ""))
    return " · ".join(parts)


def date_tooltip(d: Date) -> str:
    """What a date expression covers: ``"as of Friday · weekday · 2026-01-23"``."""
    parts = [f"{d.relation} {d.text}" if d.relation else d.text, d.kind]
    if d.earliest:
        parts.append(d.earliest if d.latest in (None, d.earliest) else f"{d.earliest}…{d.latest}")
    else:
        parts.append("no reference date to place it")
    return " · ".join(parts)


def place_tooltip(p: Place) -> str:
    """What a place resolved to: ``"Nineveh Governorate · admin1 · IQ (36.33, 43.14)"``."""
    parts = [p.name, p.kind]
    if p.admin1:
        parts.append(p.admin1)
    if p.country_code:
        parts.append(p.country_code)
    where = " · ".join(str(x) for x in parts)
    if p.lat is not None and p.lon is not None:
        where += f" ({p.lat:.2f}, {p.lon:.2f})"
    else:
        where += " (not in the gazetteer)" if p.kind != "demonym" else ""
    if p.modifier:
        where += f" · {p.modifier}"
    return where


def _label(item: Claim | Place | Date) -> str:
    if isinstance(item, Claim):
        return "CLAIM"
    if isinstance(item, Date):
        return "DATE"
    return "DEMONYM" if item.kind == "demonym" else "PLACE"


@dataclass
class _Mark:
    """An element to draw over ``text[start:end]``: a sentence (layer 0) or an item (layer 1)."""

    start: int
    end: int
    layer: int
    opening: str  # the opening tag
    closing: str
    label: str = ""  # HTML drawn once, just before the item's last closing tag


def _item_mark(item: Claim | Place | Date, key: str, tip: str | None = None) -> _Mark:
    label = _label(item)
    bg, fg = _COLORS[label]
    if isinstance(item, Claim):
        tip = tip or claim_tooltip(item)
        extra = ""
    elif isinstance(item, Date):
        tip = date_tooltip(item)
        extra = ""
    else:
        tip = place_tooltip(item)
        extra = _UNRESOLVED if item.lat is None and item.kind != "demonym" else ""
    style = _MARK.format(bg=bg, fg=fg, extra=extra)
    return _Mark(
        item.start,
        item.end,
        1,
        f'<mark data-item="{key}" title="{escape(tip)}" style="{style}">',
        "</mark>",
        f'<span class="factsift-label" style="{_LABEL.format(fg=fg)}">{label}</span>',
    )


def _sentence_mark(s: Sentence) -> _Mark:
    background = _SENTENCE[s.index % 2]
    return _Mark(
        s.start,
        s.end,
        0,
        f'<span data-sentence="{int(s.index)}" title="sentence {int(s.index)}" '
        f'style="{background}">',
        "</span>",
    )


def _marks(doc: Document, length: int) -> list[_Mark]:
    marks = [_sentence_mark(s) for s in doc.sentences]
    claims, facts = doc.claims, doc.facts
    if len(facts) == len(claims):  # a hand-made document may have claims without facts
        marks += [_item_mark(f.claim, f"claim-{i}", fact_tooltip(f)) for i, f in enumerate(facts)]
    else:
        marks += [_item_mark(c, f"claim-{i}") for i, c in enumerate(claims)]
    marks += [_item_mark(p, f"place-{i}") for i, p in enumerate(doc.places)]
    marks += [_item_mark(d, f"date-{i}") for i, d in enumerate(doc.dates)]
    # Items of hand-made documents may point outside the text: clamp, and drop inverted spans.
    valid = []
    for m in marks:
        m.start, m.end = max(0, min(m.start, length)), max(0, min(m.end, length))
        if m.start <= m.end:
            valid.append(m)
    return valid


def _render(text: str, marks: list[_Mark]) -> str:
    """``text`` with ``marks`` drawn over it; crossing marks are split and reopened."""
    starting: dict[int, list[_Mark]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    for group in starting.values():
        group.sort(key=lambda m: (-m.end, m.layer))  # the outer element opens first
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[_Mark] = []
    pos = 0
    for cut in cuts:
        out.append(escape(text[pos:cut]))
        pos = cut
        if any(m.end == cut for m in stack):
            reopen = []
            while any(m.end == cut for m in stack):
                m = stack.pop()
                if m.end == cut:
                    out.append(m.label + m.closing)
                else:
                    out.append(m.closing)
                    reopen.append(m)
            for m in reversed(reopen):
                out.append(m.opening)
                stack.append(m)
        for m in starting.get(cut, ()):
            out.append(m.opening)
            if m.end == cut:  # empty span: still drawn, as its label
                out.append(m.label + m.closing)
            else:
                stack.append(m)
    while stack:  # unreachable for clamped marks; kept so the HTML always balances
        m = stack.pop()
        out.append(m.label + m.closing)
    return "".join(out)


def _swatch(label: str, count: int) -> str:
    bg, fg = _COLORS[label]
    style = _MARK.format(bg=bg, fg=fg, extra="")
    name = label.lower() + ("" if count == 1 else "s")
    return f'{count} <mark style="{style}">{name}</mark>'


def document_html(doc: Document) -> str:
    """The document as HTML for Jupyter (``Document._repr_html_``)."""
    text = doc.text
    claims, places = doc.claims, doc.places
    demonyms = sum(1 for p in places if p.kind == "demonym")
    header = (
        f'<div style="{_HEADER}">factsift · {len(doc.sentences)} sentences · '
        f"{_swatch('CLAIM', len(claims))} · {_swatch('PLACE', len(places) - demonyms)}"
        + (f" · {_swatch('DEMONYM', demonyms)}" if demonyms else "")
        + f" · {_swatch('DATE', len(doc.dates))}"
        + " · hover over a highlight for details</div>"
    )
    body = _render(text, _marks(doc, len(text)))
    return f'<div class="factsift" style="{_BOX}">{header}{body}</div>'


def _items(doc: Document) -> list[tuple[int, int, str]]:
    items = [(c.start, c.end, _label(c)) for c in doc.claims]
    items += [(p.start, p.end, _label(p)) for p in doc.places]
    items += [(d.start, d.end, "DATE") for d in doc.dates]
    return items


def _non_overlapping(doc: Document) -> list[tuple[int, int, str]]:
    items = _items(doc)
    items.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, label in items:
        if start >= end or (kept and start < kept[-1][1]):
            continue
        kept.append((start, end, label))
    return kept


_TOKEN = re.compile(r"\S+")


def to_displacy(doc: Document, style: str = "ent") -> dict[str, Any]:
    """The document in displaCy's manual format.

    ``style="ent"``: ``{"text", "ents": [{"start", "end", "label"}], "title"}`` for
    ``displacy.render(..., style="ent", manual=True)``. That style cannot draw overlapping
    entities, so where items overlap the earlier, longer one is kept.

    ``style="span"``: ``{"text", "tokens", "spans": [{"start_token", "end_token", "label"}],
    "title"}`` for ``style="span"``, which draws every item, overlapping ones included. Tokens are
    the runs of non-space characters, also cut at every item boundary.
    """
    if style == "ent":
        ents = [{"start": s, "end": e, "label": label} for s, e, label in _non_overlapping(doc)]
        return {"text": doc.text, "ents": ents, "title": None}
    if style != "span":
        raise ValueError(f"unknown style {style!r}: use 'ent' or 'span'")
    text = doc.text
    items = _items(doc)
    cuts = sorted({x for s, e, _ in items for x in (s, e)})
    tokens: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        start = m.start()
        for cut in cuts[bisect_right(cuts, start) : bisect_left(cuts, m.end())]:
            tokens.append((start, cut))
            start = cut
        tokens.append((start, m.end()))
    starts = {s: i for i, (s, _) in enumerate(tokens)}
    ends = {e: i + 1 for i, (_, e) in enumerate(tokens)}
    spans = [
        {"start": s, "end": e, "start_token": starts[s], "end_token": ends[e], "label": label}
        for s, e, label in sorted(items)
        if s in starts and e in ends and s < e
    ]
    return {
        "text": text,
        "tokens": [text[s:e] for s, e in tokens],
        "spans": spans,
        "title": None,
    }
