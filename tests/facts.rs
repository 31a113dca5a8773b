//! Facts: claims linked to their places, dates and sources.
//!
//! * `tests/fixtures/facts/*.toml`: news sentences written for factsift with hand-checked
//!   expectations; each field (date, source, claim-place link) must be right for ≥ 90% of facts.
//! * The example article: each of its seven claims has the place, date and source a reader sees.

mod common;

use factsift::dates::CivilDate;
use factsift::{Document, Extractor, Fact};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    text: String,
    reference: Option<String>,
    facts: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    claim: String,
    date: String,
    value: Option<String>,
    source: String,
    places: Vec<String>,
    place: String,
}

/// What factsift says about one claim, as plain strings ("" for none).
#[derive(Debug)]
struct Reading {
    date: String,
    value: String,
    source: String,
    places: Vec<String>,
    place: String,
}

fn reading(doc: &Document<'_>, fact: &Fact) -> Reading {
    let text = doc.text;
    let date = fact.date.map(|d| &doc.dates[d]);
    Reading {
        date: date.map_or(String::new(), |d| d.span.as_str(text).to_string()),
        value: date
            .and_then(|d| d.earliest)
            .map_or(String::new(), |d| d.to_string()),
        source: fact
            .source
            .map_or(String::new(), |s| s.name.as_str(text).to_string()),
        places: fact
            .places
            .iter()
            .map(|&p| doc.places[p].span.as_str(text).to_string())
            .collect(),
        place: fact.place.map_or(String::new(), |p| {
            doc.places[p].span.as_str(text).to_string()
        }),
    }
}

fn find_fact<'d>(doc: &'d Document<'_>, claim: &str) -> Option<&'d Fact> {
    doc.facts
        .iter()
        .find(|f| doc.claims[f.claim].span.as_str(doc.text).contains(claim))
}

#[test]
fn fixture_facts_are_mostly_right() {
    let extractor = Extractor::new();
    let (mut total, mut dates, mut sources, mut places) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for (file, cases) in common::fixture_files::<Case>("facts") {
        let before = (total, dates, sources, places);
        for case in cases {
            let reference = case.reference.as_deref().and_then(CivilDate::parse_iso);
            let doc = extractor.analyze_at(&case.text, reference);
            doc.check_invariants().expect("a consistent document");
            for want in &case.facts {
                total += 1;
                let Some(fact) = find_fact(&doc, &want.claim) else {
                    misses.push(format!("no claim {:?} in {:?}", want.claim, case.text));
                    continue;
                };
                let got = reading(&doc, fact);
                let date_ok =
                    got.date == want.date && want.value.as_ref().is_none_or(|v| *v == got.value);
                let source_ok = got.source.eq_ignore_ascii_case(&want.source);
                let places_ok =
                    got.place == want.place && want.places.iter().all(|p| got.places.contains(p));
                dates += usize::from(date_ok);
                sources += usize::from(source_ok);
                places += usize::from(places_ok);
                if !(date_ok && source_ok && places_ok) {
                    misses.push(format!(
                        "{:?} in {:?}\n    got {got:?}",
                        want.claim, case.text
                    ));
                }
            }
        }
        let n = (total - before.0) as f64;
        println!(
            "{}: {} facts; dates {:.1}%, sources {:.1}%, claim-place links {:.1}%",
            file,
            total - before.0,
            100.0 * (dates - before.1) as f64 / n,
            100.0 * (sources - before.2) as f64 / n,
            100.0 * (places - before.3) as f64 / n,
        );
    }
    let share = |n: usize| n as f64 / total as f64;
    println!(
        "facts: {total}; dates {:.1}%, sources {:.1}%, claim-place links {:.1}%",
        100.0 * share(dates),
        100.0 * share(sources),
        100.0 * share(places)
    );
    for miss in &misses {
        println!("MISS {miss}");
    }
    assert!(
        total >= 40,
        "the fixture set should hold at least 40 facts, has {total}"
    );
    for (field, n) in [
        ("dates", dates),
        ("sources", sources),
        ("claim-place links", places),
    ] {
        assert!(
            share(n) >= 0.9,
            "{field}: {n}/{total} right, below 90%:\n{}",
            misses.join("\n")
        );
    }
}

#[test]
fn the_example_articles_claims_in_context() {
    let text = include_str!("../examples/iraq_detainees.txt");
    // The article appeared on a Sunday, the day after the Security Media Cell's statement.
    let doc = Extractor::new().analyze_at(text, CivilDate::new(2026, 1, 25));
    doc.check_invariants().expect("a consistent document");
    let facts: Vec<Reading> = doc.facts.iter().map(|f| reading(&doc, f)).collect();
    let claims: Vec<&str> = doc
        .facts
        .iter()
        .map(|f| doc.claims[f.claim].span.as_str(text))
        .collect();
    assert_eq!(
        claims,
        [
            "2,250",
            "2,250",
            "2,250",
            "two",
            "five to six",
            "about 60 kilometers",
            "two"
        ]
    );
    let expect = |i: usize, place: &str, places: &[&str], date: &str, source: &str| {
        let got = &facts[i];
        assert_eq!(got.place, place, "own place of claim {i} ({})", claims[i]);
        for p in places {
            assert!(
                got.places.iter().any(|g| g == p),
                "claim {i} should be about {p}: {got:?}"
            );
        }
        assert_eq!(got.date, date, "date of claim {i}");
        assert_eq!(got.source, source, "source of claim {i}");
    };
    expect(0, "Iraq", &["Iraq"], "", "");
    expect(
        1,
        "Iraq",
        &["Iraq"],
        "Saturday",
        "Iraqi Security Media Cell",
    );
    expect(2, "Iraq", &["Iraq"], "Friday", "Saad Maan");
    expect(
        3,
        "Iraq",
        &["Nineveh", "Anbar", "Iraq"],
        "",
        "Local officials in Nineveh and Anbar provinces",
    );
    expect(4, "", &["Hazar"], "Friday", "Mohammed Jasim Kakayi");
    expect(5, "Hazar", &["Hazar", "Nineveh"], "", "");
    expect(
        6,
        "Anbar",
        &["Anbar"],
        "Saturday",
        "Iraq’s National Security Service (INSS)",
    );
    // "as of Friday" is the Friday before the statement of Saturday 24 January.
    let friday = &doc.dates[doc.facts[2].date.unwrap()];
    assert_eq!(friday.relation, Some("as of"));
    assert_eq!(friday.earliest, CivilDate::new(2026, 1, 23));
    // Saad Maan's role comes from where he is introduced.
    let maan = doc.facts[2].source.unwrap();
    assert_eq!(
        maan.role.map(|r| r.as_str(text)),
        Some("Security Media Cell spokesperson")
    );
}
