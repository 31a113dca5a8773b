"""Notebook display: a document with its sentences, claims and places highlighted.

The HTML is self-contained (inline CSS, no JavaScript), every piece of text is escaped, and hovering
over a highlight shows what factsift read there (value and unit of a claim; name and country of a
place).
"""

from __future__ import annotations

from html import escape
from typing import Any

from factsift._factsift import Claim, Document, Place

_CLAIM_STYLE = "background:#fde68a;border-radius:3px;padding:0 2px"
_PLACE_STYLE = "background:#bfdbfe;border-radius:3px;padding:0 2px"
_DEMONYM_STYLE = "background:#dbeafe;border-radius:3px;padding:0 2px"
_SENTENCE_STYLE = "border-bottom:1px dotted #9ca3af"
_LABEL_STYLE = "font-size:0.7em;font-weight:bold;margin-left:3px;color:#374151"


def _number(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,g}"


def claim_tooltip(c: Claim) -> str:
    """What a claim means, in one line: ``"5–6 (range)"``, ``"≈ 60 km = 60,000 m"``."""
    if c.value is None:
        amount = f"{_number(c.low)}–{_number(c.high)}"
    else:
        amount = _number(c.value)
    prefix = {"approx": "≈ ", "min": "≥ ", "max": "≤ "}.get(c.bound, "")
    parts = [f"{prefix}{amount}" + (f" {c.unit}" if c.unit else "")]
    if c.base_value is not None and c.base_unit and c.base_unit != c.unit:
        parts.append(f"= {_number(c.base_value)} {c.base_unit}")
    if c.change:
        parts.append(f"({c.change})")
    if c.concept:
        parts.append(f"of {c.concept}")
    return " ".join(parts)


def place_tooltip(p: Place) -> str:
    """What a place resolved to: ``"Nineveh Governorate · admin1 · IQ (36.3, 42.5)"``."""
    parts = [p.name, p.kind]
    if p.country_code:
        parts.append(p.country_code)
    where = " · ".join(parts)
    if p.lat is not None and p.lon is not None:
        where += f" ({p.lat:.2f}, {p.lon:.2f})"
    return where


def _marks(doc: Document) -> list[tuple[int, int, str, str, str]]:
    """(start, end, style, label, tooltip) for claims and places, without overlaps."""
    marks = [(c.start, c.end, _CLAIM_STYLE, "CLAIM", claim_tooltip(c)) for c in doc.claims]
    for p in doc.places:
        style = _DEMONYM_STYLE if p.kind == "demonym" else _PLACE_STYLE
        label = "DEMONYM" if p.kind == "demonym" else "PLACE"
        marks.append((p.start, p.end, style, label, place_tooltip(p)))
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str, str, str]] = []
    for m in marks:
        if kept and m[0] < kept[-1][1]:
            continue  # overlapping highlight: keep the earlier, longer one
        kept.append(m)
    return kept


def document_html(doc: Document) -> str:
    """The document as HTML for Jupyter (``Document._repr_html_``)."""
    text = doc.text
    marks = _marks(doc)
    out = ['<div class="factsift" style="line-height:1.9;font-family:sans-serif;white-space:pre-wrap">']
    pos = 0
    mi = 0
    for s in doc.sentences:
        out.append(escape(text[pos:s.start]))
        out.append(f'<span title="sentence {s.index}" style="{_SENTENCE_STYLE}">')
        pos = s.start
        while mi < len(marks) and marks[mi][0] < s.end:
            start, end, style, label, tip = marks[mi]
            mi += 1
            if start < pos:
                continue
            out.append(escape(text[pos:start]))
            out.append(
                f'<mark style="{style}" title="{escape(tip)}">{escape(text[start:end])}'
                f'<span style="{_LABEL_STYLE}">{label}</span></mark>'
            )
            pos = end
        out.append(escape(text[pos:s.end]))
        out.append("</span>")
        pos = s.end
    out.append(escape(text[pos:]))
    out.append("</div>")
    return "".join(out)


def to_displacy(doc: Document) -> dict[str, Any]:
    """The document in displaCy's manual format: ``{"text", "ents": [{start, end, label}]}``."""
    ents = [
        {"start": start, "end": end, "label": label}
        for start, end, _, label, _ in _marks(doc)
    ]
    return {"text": doc.text, "ents": ents, "title": None}
