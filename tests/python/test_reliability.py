"""Reliability across the whole API (docs/RELIABILITY.md).

* hypothesis: hostile Unicode (NUL and control characters, bidi marks, combining sequences,
  emoji ZWJ sequences, noncharacters, empty and long texts) through EVERY text function, each
  item exact and every function agreeing with ``analyze``;
* a lone surrogate anywhere: ``InvalidTextError`` giving its index, from every entry point;
* a corpus of nasty values through every entry point and option: only the documented
  exceptions (the ``FactsiftError`` tree, ``TypeError``, ``ValueError``) — never a
  ``PanicException``, a ``SystemError`` or anything else.
"""

from __future__ import annotations

import datetime
import decimal
import io
import math
import pathlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factsift as fs
from test_hostile_input import check_items

KINDS = ("sentences", "claims", "places", "dates", "facts")
EXTRACTOR = fs.Extractor()

# Pieces that stress one rule each, mixed with arbitrary code points.
PIECES = [
    # NUL, C0/C1 controls, line and paragraph separators
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\t", "\r\n", "\r", "\n\n", "\x0b", "\x0c",
    "\u2028", "\u2029",
    # bidi marks, embeddings, overrides and isolates
    "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
    "\u2067", "\u2068", "\u2069",
    # combining sequences, Hangul jamo, Arabic harakat
    "\u0301", "e\u0301", "a\u0308\u0301\u0323", "\u0627\u0651\u064e", "\u1100\u1161\u11a8",
    "\u0915\u094d\u0937",
    # emoji: ZWJ families, flags, tags, variation selectors; invisible format characters
    "👩\u200d👩\u200d👧\u200d👦", "🏳\ufe0f\u200d🌈", "🇮🇶", "🏴\U000e0067\U000e0062\U000e007f", "\u200d",
    "\ufe0f", "\ufeff", "\u00ad", "\u200b", "\u2060",
    # noncharacters, the replacement character, the last code point, private use
    "\ufffe", "\uffff", "\ufffd", "\U0010ffff", "\ue000",
    # the words the rules look for
    "Iraq", "U.S.", "Mr.", "al-Rutbah", "2,250", "five to six", "about 60 kilometers", "$3bn",
    "45%", "½", "1.5 million", "on Friday", "last week", "mid-January 2025", "29 February",
    "three days ago", "said", "he said", "told Rudaw", "according to the ministry",
    "in western Anbar", "“", "”", '"', "'", "(", ")", "[", "]", ". ", "? ", "! ", "…", "。", "؟",
    " ", "\u00a0", "\u3000", "伊拉克", "العراق",
]

any_char = st.characters(codec="utf-8")  # every code point except the surrogates
hostile_text = st.one_of(
    st.text(any_char, max_size=120),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(any_char, max_size=4)), max_size=50).map(
        "".join
    ),
)
references = st.one_of(st.none(), st.dates())  # datetime.date covers years 1..9999


def check_every_function(text: str, reference) -> None:
    """All text functions agree with ``analyze``, whose document is consistent."""
    doc = fs.analyze(text, reference_date=reference)
    check_items(text, doc)
    assert fs.sentences(text) == doc.sentences
    assert fs.split_sentences(text) == [s.text for s in doc.sentences]
    assert fs.claims(text) == doc.claims
    assert fs.places(text) == doc.places
    assert fs.dates(text, reference_date=reference) == doc.dates
    assert fs.facts(text, reference_date=reference) == doc.facts
    assert EXTRACTOR.analyze(text, reference_date=reference) == doc
    assert fs.analyze_many([text, ""], n_threads=2, reference_date=reference) == [
        doc,
        fs.analyze(""),
    ]
    for kind in KINDS:
        items = getattr(doc, kind)
        table = fs.table([text, None], kind, reference_date=reference)
        assert (table.num_rows, table.num_texts) == (len(items), 2)
        frame = fs.frame([text], kind, reference_date=reference)
        assert len(frame) == len(items)
        if kind != "facts":
            assert list(frame["text"]) == [x.text for x in items]
    assert doc.to_dict()["text"] == text
    assert isinstance(doc._repr_html_(), str)
    ents = doc.to_displacy()["ents"]
    assert all(0 <= e["start"] <= e["end"] <= len(text) for e in ents)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, reference=references)
def test_hostile_unicode_through_every_function(text, reference):
    check_every_function(text, reference)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(piece=hostile_text.filter(bool), total=st.integers(100_000, 400_000))
def test_long_hostile_text_through_every_function(piece, total):
    # The same hostile pieces repeated to hundreds of kilobytes: rules that look around a match
    # must stay bounded, and offsets exact far from the start.
    text = (piece * (total // len(piece) + 1))[:total]
    doc = fs.analyze(text, reference_date="2026-01-25")
    check_items(text, doc)
    assert fs.analyze_many([text], n_threads=1, reference_date="2026-01-25") == [doc]


# --- lone surrogates ------------------------------------------------------------------------

SURROGATE_CALLS = {
    "split_sentences": fs.split_sentences,
    "sentences": fs.sentences,
    "claims": fs.claims,
    "places": fs.places,
    "dates": fs.dates,
    "facts": fs.facts,
    "analyze": fs.analyze,
    "Extractor.facts": EXTRACTOR.facts,
    "analyze_many": lambda t: fs.analyze_many(["ok", t], n_threads=2),
    **{f"table-{k}": (lambda t, k=k: fs.table([None, t], k)) for k in KINDS},
    **{f"frame-{k}": (lambda t, k=k: fs.frame([t], k)) for k in KINDS},
}


@settings(max_examples=40, deadline=None)
@given(
    prefix=st.text(any_char, max_size=30),
    surrogate=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    suffix=st.text(st.characters(exclude_categories=()), max_size=10),
)
def test_a_lone_surrogate_anywhere_is_invalid_text_with_its_index(prefix, surrogate, suffix):
    text = prefix + surrogate + suffix
    for name, call in SURROGATE_CALLS.items():
        with pytest.raises(fs.InvalidTextError, match=rf"at index {len(prefix)}\b") as info:
            call(text)
        assert isinstance(info.value, ValueError), name


# --- the no-panic corpus --------------------------------------------------------------------

ALLOWED = (fs.FactsiftError, TypeError, ValueError)


class Boom(Exception):
    """Raised by the corpus' own objects: it must come back to the caller unchanged."""


class StrSubclass(str):
    """A str subclass whose Python-level methods lie: factsift must read the characters."""

    def __str__(self):
        raise Boom("__str__ must not be called")

    def __len__(self):
        return 0

    def __iter__(self):
        raise Boom("__iter__ must not be called")


class DateLike:
    """Looks like a date; its parts are nonsense."""

    def __init__(self, year, month=1, day=1):
        self.year, self.month, self.day = year, month, day


class BadAttributes:
    @property
    def year(self):
        raise Boom("year")


def _failing_texts():
    yield "Iraq."
    raise Boom("the caller's iterator failed")


def nasty_values() -> list:
    import numpy as np
    import pandas as pd

    return [
        None, math.nan, math.inf, -0.0, 0, -1, 2**4000, True, 1.5, 1j,
        b"", b"Iraq. 5 km.", bytearray(b"Iraq"), memoryview(b"Iraq"),
        [], ["Iraq."], ("Iraq.",), {"text": "Iraq."}, {"Iraq."}, frozenset(), range(3),
        object(), Boom, decimal.Decimal("NaN"), pathlib.Path("Iraq.txt"), io.StringIO("Iraq."),
        pd.NA, pd.NaT, np.float64("nan"), np.int64(7), np.str_("Iraq. 5 km."), np.bytes_(b"Iraq"),
        np.array(["Iraq."]), pd.Series(["Iraq.", None]),
        datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.datetime(2026, 1, 25, 23, 59),
        DateLike(2**100), DateLike("2026"), DateLike(2026, 2, 30), DateLike(-5), BadAttributes(),
        StrSubclass("Iraq. 5 km."),
        "", " ", "\x00" * 1000, "\udc80", "a\ud800b", "\ud83d\ude00", "Iraq\x00Syria.",
        "2026-01-25", "0000-01-01", "9999-12-31", "10000-01-01", "2147483647-12-31", "-1-01-01",
        "2026-02-30", "2026-1-5", " 2026-01-25 ", "klingon", "en", "xx", "IQ", "iq", "U.S.",
        "\u202e" * 10_000, "👩\u200d👩\u200d👧" * 5_000, "e" + "\u0301" * 50_000,
        "9" * 100_000, "." * 100_000, "U.S." * 50_000, "(" * 50_000 + ")" * 50_000,
        "“" * 50_000 + "”" * 50_000, "said " * 20_000, "on Friday " * 20_000,
    ]


def entry_points(x) -> dict:
    """Every way a user can hand factsift the value ``x``."""
    calls = {}
    for name in ("split_sentences", "sentences", "claims", "places", "dates", "facts", "analyze"):
        calls[name] = lambda f=getattr(fs, name): f(x)
        calls[f"Extractor.{name}"] = lambda f=getattr(EXTRACTOR, name): f(x)
    for name in ("dates", "facts", "analyze"):
        calls[f"{name}(reference_date=)"] = lambda f=getattr(fs, name): f(
            "On Friday 5 left, he said.", reference_date=x
        )
    calls["analyze_many(x)"] = lambda: fs.analyze_many(x)
    calls["analyze_many([ok, x])"] = lambda: fs.analyze_many(["ok", x], n_threads=2)
    calls["analyze_many(reference_date=)"] = lambda: fs.analyze_many(["ok"], reference_date=x)
    calls["analyze_many(n_threads=)"] = lambda: fs.analyze_many(["ok"], n_threads=x)
    calls["analyze_many(progress=)"] = lambda: fs.analyze_many(["ok"], progress=x)
    for kind in KINDS:
        calls[f"table-{kind}"] = lambda k=kind: fs.table([x, "ok"], k)
        calls[f"frame-{kind}"] = lambda k=kind: fs.frame([x], k)
    calls["frame(x)"] = lambda: fs.frame(x, "claims")
    calls["frame(kind=x)"] = lambda: fs.frame(["ok"], x)
    calls["frame(ids=x)"] = lambda: fs.frame(["ok"], "sentences", ids=x)
    calls["frame(reference_date=x)"] = lambda: fs.frame(["On Friday."], "dates", reference_date=x)
    calls["table(x)"] = lambda: fs.table(x, "sentences")
    calls["schema(x)"] = lambda: fs.schema(x)
    calls["Document.to_frame(x)"] = lambda: fs.analyze("Iraq. 5 km.").to_frame(x)
    calls["Document.to_displacy(x)"] = lambda: fs.analyze("Iraq. 5 km.").to_displacy(x)
    for option in ("lang", "abbreviations", "demonyms", "extra_places", "allow_places",
                   "deny_places", "country_focus", "reference_date"):
        calls[f"Extractor({option}=)"] = lambda o=option: fs.Extractor(**{o: x}).analyze("Iraq.")
    calls["Extractor(extra_places=[{name: x}])"] = lambda: fs.Extractor(
        extra_places=[{"name": x, "lat": x, "lon": 1.0}]
    )
    calls["Extractor(extra_places=[x])"] = lambda: fs.Extractor(extra_places=[x])
    calls["pandas accessor"] = lambda: _series([x, "ok"]).factsift.facts()
    return calls


def _series(values):
    import pandas as pd

    import factsift.pandas  # noqa: F401  (registers the accessor)

    return pd.Series(values, dtype=object)


def test_no_input_raises_anything_but_the_documented_errors():
    pytest.importorskip("pandas")
    failures = []
    calls = 0
    for x in nasty_values():
        for name, call in entry_points(x).items():
            calls += 1
            try:
                result = call()
            except ALLOWED:
                continue
            except Boom:
                continue  # the value's own exception, passed through unchanged
            except BaseException as e:  # noqa: BLE001 - a PanicException is a BaseException
                failures.append(f"{name}({x!r:.40}) raised {type(e).__module__}.{type(e).__name__}: {e}")
                continue
            if isinstance(result, fs.Document) and type(x) is str and result.text == x:
                check_items(x, result)
    assert calls > 3000
    assert not failures, "\n".join(failures)


def test_the_callers_own_exceptions_pass_through_unchanged():
    with pytest.raises(Boom, match="iterator failed"):
        fs.analyze_many(_failing_texts())
    with pytest.raises(Boom, match="iterator failed"):
        fs.frame(_failing_texts(), "claims")


def test_str_subclasses_are_read_as_their_characters(article):
    # Overridden __str__, __len__ and __iter__ are never called: the characters are what count.
    text = StrSubclass(article)
    assert fs.analyze(text) == fs.analyze(article)
    assert fs.analyze_many([text]) == [fs.analyze(article)]
    assert fs.table([text], "facts").num_rows == len(fs.facts(article))


# --- Ctrl-C in the other batch APIs ----------------------------------------------------------

INTERRUPTED_TABLE = """
import sys
import factsift as fs

article = open(sys.argv[1], encoding="utf-8").read()
texts = [article] * 300_000          # far more work than the test waits for
done = []                            # list.append: C code, no bytecode during the batch
print("ready", flush=True)
try:
    fs.table(texts, sys.argv[2], n_threads=2, progress=done.append, reference_date="2026-01-25")
    print("finished", flush=True)
except KeyboardInterrupt:
    print("interrupted", sum(done), len(texts), flush=True)
    print(fs.table([article], sys.argv[2]).num_rows > 0, flush=True)
"""


@pytest.mark.parametrize("kind", ["facts", "places"])
def test_ctrl_c_stops_a_table_batch_and_the_pool_recovers(tmp_path, kind):
    # test_batch.py covers analyze_many; table() and frame() run on the same rounds.
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "interrupted.py"
    script.write_text(INTERRUPTED_TABLE)
    article = pathlib.Path(__file__).resolve().parents[2] / "examples" / "iraq_detainees.txt"
    proc = subprocess.Popen([sys.executable, str(script), str(article), kind],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    lines = out.split("\n")
    assert lines[0].startswith("interrupted"), (out, err)
    _, done, total = lines[0].split()
    assert int(done) < int(total), "Ctrl-C was only seen after the batch ended"
    assert lines[1] == "True"
