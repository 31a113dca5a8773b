//! Data-driven claim tests: every case in `tests/fixtures/claims/*.toml`, plus invariants that
//! hold on any input (exact spans, no panic, linear work on pathological text).

mod common;

use factsift::{Claim, Extractor};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    claims: Vec<Expected>,
}

/// Fields left out are not checked; `"none"` expects `None` for the optional text fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    text: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    unit_text: Option<String>,
    dimension: Option<String>,
    base_value: Option<f64>,
    base_unit: Option<String>,
    bound: Option<String>,
    change: Option<String>,
    concept: Option<String>,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) + 1e-9
}

fn check_number(case: &str, field: &str, want: Option<f64>, got: Option<f64>) {
    if let Some(w) = want {
        let g = got.unwrap_or_else(|| panic!("{case}: {field} is None, want {w}"));
        assert!(close(w, g), "{case}: {field} = {g}, want {w}");
    }
}

fn check_text(case: &str, field: &str, want: &Option<String>, got: Option<&str>) {
    if let Some(w) = want {
        let got = got.unwrap_or("none");
        assert_eq!(got, w, "{case}: {field}");
    }
}

/// Invariants for any claim of any text.
fn check_invariants(text: &str, claims: &[Claim]) {
    let mut last_end = 0;
    for c in claims {
        for span in [Some(c.span), c.unit_span, c.concept].into_iter().flatten() {
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        assert!(!c.span.is_empty(), "empty claim in {text:?}");
        assert!(c.span.start >= last_end, "claims overlap in {text:?}");
        last_end = c.span.end;
        match c.value {
            Some(v) => assert!(v.is_finite()),
            None => assert!(c.low.is_some() && c.high.is_some()),
        }
        if let Some(b) = c.base_value {
            assert!(b.is_finite());
        }
    }
}

#[test]
fn fixtures() {
    let extractor = Extractor::new();
    let mut cases = 0;
    for (_, file) in common::fixture_files::<Case>("claims") {
        for case in file {
            cases += 1;
            let text = case.text.as_str();
            let claims = extractor.claims(text);
            check_invariants(text, &claims);
            let got: Vec<&str> = claims.iter().map(|c| c.span.as_str(text)).collect();
            let want: Vec<&str> = case.claims.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(got, want, "{}: claim texts", case.name);
            for (c, e) in claims.iter().zip(&case.claims) {
                let name = format!("{} / {:?}", case.name, e.text);
                check_number(&name, "value", e.value, c.value);
                check_number(&name, "low", e.low, c.low);
                check_number(&name, "high", e.high, c.high);
                check_number(&name, "base_value", e.base_value, c.base_value);
                check_text(&name, "unit", &e.unit, c.unit.as_deref());
                check_text(
                    &name,
                    "unit_text",
                    &e.unit_text,
                    c.unit_span.map(|s| s.as_str(text)),
                );
                check_text(&name, "dimension", &e.dimension, Some(c.dimension.as_str()));
                check_text(&name, "base_unit", &e.base_unit, c.base_unit.as_deref());
                check_text(&name, "bound", &e.bound, Some(c.bound.as_str()));
                check_text(&name, "change", &e.change, c.change.map(|ch| ch.as_str()));
                check_text(
                    &name,
                    "concept",
                    &e.concept,
                    c.concept.map(|s| s.as_str(text)),
                );
            }
        }
    }
    assert!(cases >= 30, "only {cases} claim fixture cases found");
}

#[test]
fn example_article() {
    let text = include_str!("../examples/iraq_detainees.txt");
    let claims = Extractor::new().claims(text);
    check_invariants(text, &claims);
    let got: Vec<(&str, Option<&str>)> = claims
        .iter()
        .map(|c| (c.span.as_str(text), c.concept.map(|s| s.as_str(text))))
        .collect();
    assert_eq!(
        got,
        [
            ("2,250", Some("ISIS Detainees")),
            ("2,250", Some("ISIS militants")),
            ("2,250", Some("ISIS members")),
            ("two", Some("suicide attacks")),
            ("five to six", Some("ISIS members")),
            ("about 60 kilometers", Some("Hazar district")),
            ("two", Some("ISIS militants")),
        ]
    );
}

/// Pathological inputs finish with sane output; the loops are linear, so these run in
/// milliseconds (no timing assertion: a slow machine must not fail the suite).
#[test]
fn pathological_inputs() {
    let extractor = Extractor::new();
    let digits = "7".repeat(1_000_000);
    let claims = extractor.claims(&digits);
    check_invariants(&digits, &claims);
    assert!(claims.is_empty(), "a million digits is no quantity");

    let commas = ",".repeat(1_000_000);
    assert!(extractor.claims(&commas).is_empty());

    let grouped = format!("1{}", ",000".repeat(300_000));
    let claims = extractor.claims(&grouped);
    check_invariants(&grouped, &claims);

    let millions = format!("a {}people", "million ".repeat(100_000));
    let claims = extractor.claims(&millions);
    check_invariants(&millions, &claims);
    assert_eq!(claims.first().and_then(|c| c.value), Some(1e6));

    let mixed = "£5m – ½ of 3/4 – twenty-one – ".repeat(20_000);
    check_invariants(&mixed, &extractor.claims(&mixed));

    let minus = "minus ".repeat(100_000);
    assert!(extractor.claims(&minus).is_empty());
}

#[test]
fn any_unicode_text_is_safe() {
    let extractor = Extractor::new();
    let pieces = [
        "5",
        "٣",
        "½",
        "€",
        "$",
        "-",
        "–",
        " ",
        "\u{a0}",
        "\u{202f}",
        "km",
        "é",
        "e\u{301}",
        "👩‍👩‍👧",
        "伊拉克",
        "العراق",
        "%",
        ".",
        ",",
        "/",
        "million",
        "two",
        "-thirds",
        "°C",
        "\n",
    ];
    // A deterministic walk over combinations of awkward pieces.
    let mut state = 0x2545_f491_u64;
    for _ in 0..2_000 {
        let mut text = String::new();
        for _ in 0..12 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        check_invariants(&text, &extractor.claims(&text));
    }
}
