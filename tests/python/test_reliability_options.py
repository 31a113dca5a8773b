"""User-supplied options are validated with limits and clear errors (docs/RELIABILITY.md).

The gazetteer-side checks of ``extra_places`` (unknown keys, kinds, coordinate ranges, country
codes) are in ``test_places.py::test_option_errors_say_what_to_do``; this file adds the
limits and the cases it does not cover.
"""

from __future__ import annotations

import datetime

import pytest

import factsift as fs

RELATIVE = "Tomorrow, next week, next month and next year 5 came; three days ago, last year, in \
March, on Friday and in the third quarter 6 left, he said."


# --- reference dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reference", ["0001-01-01", "9999-12-31", datetime.date.min, datetime.date.max,
                  datetime.datetime(2026, 1, 25, 23, 59)]
)
def test_reference_dates_at_the_ends_of_the_calendar_resolve(reference):
    dates = fs.dates(RELATIVE, reference_date=reference)
    assert len(dates) >= 8 and all(d.earliest is not None for d in dates)
    assert fs.facts(RELATIVE, reference_date=reference)  # and facts link them


@pytest.mark.parametrize(
    "reference",
    ["0000-01-01", "10000-01-01", "2147483647-12-31", "99999999999-01-01", "-1-01-01",
     "2026-02-30", "2026-13-01", "2026/01/25", "", "yesterday", b"2026-01-25", 20260125, 2.5,
     float("nan")],
)
def test_reference_dates_outside_years_1_to_9999_are_config_errors(reference):
    # Regression: "2147483647-12-31" used to be accepted, and "in March" then resolved to the
    # year -2147483648 (the year before wrapped around).
    for call in (
        lambda: fs.dates(RELATIVE, reference_date=reference),
        lambda: fs.analyze_many([RELATIVE], reference_date=reference),
        lambda: fs.Extractor(reference_date=reference),
    ):
        with pytest.raises(fs.ConfigError, match="reference_date.*years 1 to 9999") as info:
            call()
        assert isinstance(info.value, ValueError)


def test_a_bad_reference_date_in_a_column_names_its_row():
    with pytest.raises(fs.ConfigError, match=r"reference_date\[1\]"):
        fs.table(["On Friday.", "On Friday."], "dates",
                 reference_date=["2026-01-25", "10000-01-01"])


# --- n_threads -------------------------------------------------------------------------------


@pytest.mark.parametrize("n_threads", [0, -1, 1025, 2**64, 2**4000, "2", 2.0])
def test_n_threads_outside_1_to_1024_is_a_config_error(n_threads):
    # Regression: -1 and 2**64 raised OverflowError, outside the documented contract; a huge
    # count tried to start that many threads.
    for call in (
        lambda: fs.analyze_many(["Iraq."], n_threads=n_threads),
        lambda: fs.table(["Iraq."], "claims", n_threads=n_threads),
        lambda: fs.frame(["Iraq."], "claims", n_threads=n_threads),
    ):
        with pytest.raises(fs.ConfigError, match=r"n_threads must be an int from 1 to 1024"):
            call()


# --- abbreviations ---------------------------------------------------------------------------


def test_a_long_abbreviation_list_builds_in_linear_time():
    # Regression: 300 000 similar abbreviations ("ab100000.", ...) collided in the lexicon's hash
    # table: seconds to build, minutes for 10^6. Now it is a fraction of a second.
    abbreviations = [f"ab{i}." for i in range(100_000, 300_000)]
    extractor = fs.Extractor(abbreviations=abbreviations)
    text = "Fee ab123456. Smith paid. Not ab12. Yes."
    assert fs.split_sentences(text) == ["Fee ab123456.", "Smith paid.", "Not ab12.", "Yes."]
    assert extractor.split_sentences(text) == ["Fee ab123456. Smith paid.", "Not ab12.", "Yes."]


@pytest.mark.parametrize("bad", [[None], [b"approx."], [3]])
def test_abbreviations_that_are_not_str_are_type_errors(bad):
    with pytest.raises(TypeError):
        fs.Extractor(abbreviations=bad)


# --- extra places, allow and deny lists, country focus ---------------------------------------


@pytest.mark.parametrize(
    "place, message",
    [
        ({"name": "Hazar", "lat": float("nan"), "lon": 1.0}, "out of range"),
        ({"name": "Hazar", "lat": 1.0, "lon": float("inf")}, "out of range"),
        ({"name": "Hazar", "lat": 1.0, "lon": -180.5}, "out of range"),
        ({"name": "Hazar", "population": -1}, "non-negative"),
        ({"name": "Hazar", "population": 2**70}, "non-negative"),
        ({"name": "Hazar", "kind": "demonym"}, "demonym"),
        ({"name": "  ...  "}, "no letters or digits"),
        ({"name": ""}, "no letters or digits"),
        ({"name": None}, "must be a str"),
        ({"name": "Hazar", "aliases": "Hazzar"}, "list of str"),
        ({"name": "Hazar", "aliases": [1]}, "list of str"),
        ({"name": "Hazar", 3: "x"}, "keys must be strings"),
        ({"name": "Hazar", "lat": "35.7", "lon": 42.0}, "float"),
    ],
)
def test_malformed_extra_places_are_data_errors_naming_the_item(place, message):
    with pytest.raises(fs.DataError, match=rf"extra_places, item 2: .*{message}") as info:
        fs.Extractor(extra_places=[{"name": "Ok"}, place])
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("option", ["allow_places", "deny_places"])
@pytest.mark.parametrize("names, error", [(["Anbar", ""], fs.ConfigError),
                                         (["Anbar", "—"], fs.ConfigError),
                                         (["Anbar", None], TypeError),
                                         ("Anbar", TypeError)])
def test_bad_allow_and_deny_lists(option, names, error):
    with pytest.raises(error):
        fs.Extractor(**{option: names})


@pytest.mark.parametrize("codes", [["iq"], ["IRQ"], ["XX"], [""], ["I"], ["IQ", "Iraq"]])
def test_country_focus_takes_known_upper_case_codes_only(codes):
    with pytest.raises(fs.ConfigError, match="country_focus"):
        fs.Extractor(country_focus=codes)


def test_large_user_lists_are_accepted_and_cost_linear_time():
    # No size limit is needed: building and matching are linear in the lists' total size.
    extra = [{"name": f"Hazar{_letters(i)}"} for i in range(20_000)]
    extractor = fs.Extractor(
        extra_places=extra,
        deny_places=[f"Nowhere{i}" for i in range(100_000)],
        allow_places=["Zorba " * 10_000],  # a 60 kB "name": never matched, never slow
        country_focus=["IQ"] * 10_000,
    )
    names = [p.name for p in extractor.places("Hazarbcda is near Hazarzzaa, not Nowhere5.")]
    assert names == ["Hazarbcda", "Hazarzzaa"]


def _letters(i: int) -> str:
    """0 → "aaaa", 1 → "baaa", ...: distinct letter-only names."""
    out = ""
    for _ in range(4):
        out += chr(ord("a") + i % 26)
        i //= 26
    return out
