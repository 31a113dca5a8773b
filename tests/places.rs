//! Place tests: the data-driven cases in `tests/fixtures/places/*.toml`, the embedded gazetteer,
//! user options, and hostile input.

mod common;

use factsift::places::gazetteer;
use factsift::{Error, ExtraPlace, Extractor, Place, PlaceKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    focus: Vec<String>,
    places: Vec<String>,
    #[serde(default)]
    detail: Vec<Detail>,
}

#[derive(Deserialize)]
struct Detail {
    text: String,
    #[serde(default)]
    nth: usize,
    kind: Option<String>,
    country_code: Option<String>,
    admin1: Option<String>,
    modifier: Option<String>,
    coords: Option<bool>,
}

fn check_spans(text: &str, places: &[Place]) {
    let mut last = 0;
    for p in places {
        assert!(text.is_char_boundary(p.span.start) && text.is_char_boundary(p.span.end));
        assert!(p.span.start >= last, "places overlap or go backwards");
        assert!(!p.span.is_empty());
        assert!((0.0..=1.0).contains(&p.score));
        last = p.span.end;
    }
}

fn detail_failures(case: &Case, places: &[Place], out: &mut Vec<String>) {
    for d in &case.detail {
        let Some(p) = places
            .iter()
            .filter(|p| p.span.as_str(&case.text) == d.text)
            .nth(d.nth)
        else {
            out.push(format!("{}: no place {:?}", case.name, d.text));
            continue;
        };
        let mut check = |what: &str, want: Option<&str>, got: Option<&str>| {
            if let Some(w) = want
                && Some(w) != got
            {
                out.push(format!(
                    "{}: {:?}.{what}: expected {w:?}, got {got:?}",
                    case.name, d.text
                ));
            }
        };
        check("kind", d.kind.as_deref(), Some(p.kind.as_str()));
        check(
            "country_code",
            d.country_code.as_deref(),
            p.country_code.as_deref(),
        );
        check("admin1", d.admin1.as_deref(), p.admin1.as_deref());
        check("modifier", d.modifier.as_deref(), p.modifier.as_deref());
        if let Some(c) = d.coords
            && c != p.lat.is_some()
        {
            out.push(format!(
                "{}: {:?} coordinates: expected {c}",
                case.name, d.text
            ));
        }
    }
}

#[test]
fn fixture_cases() {
    let default = Extractor::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, cases) in common::fixture_files::<Case>("places") {
        for case in cases {
            count += 1;
            let extractor = if case.focus.is_empty() {
                default.clone()
            } else {
                Extractor::builder()
                    .country_focus(case.focus.iter().cloned())
                    .build()
                    .expect("valid focus")
            };
            let places = extractor.places(&case.text);
            check_spans(&case.text, &places);
            let got: Vec<&str> = places.iter().map(|p| p.span.as_str(&case.text)).collect();
            if got != case.places {
                failures.push(format!(
                    "{}: {}\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                    file, case.name, case.text, case.places, got
                ));
            }
            detail_failures(&case, &places, &mut failures);
        }
    }
    assert!(
        count > 20,
        "expected the place fixtures, found {count} cases"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn embedded_gazetteer_loads_with_its_entries() {
    let g = gazetteer::embedded();
    assert!(g.len() > 200_000, "only {} entries", g.len());
    let iraq = g.country("IQ").expect("Iraq");
    assert_eq!(iraq.name(), "Iraq");
    assert_eq!(iraq.geonameid(), 99237);
    let nineveh = g.find_key("nineveh").expect("Nineveh is a name");
    let admin1: Vec<_> = g
        .postings(nineveh)
        .map(|p| g.entry(p.entry))
        .filter(|e| e.kind() == PlaceKind::Admin1)
        .collect();
    assert_eq!(admin1.len(), 1);
    assert_eq!(admin1[0].country_code(), Some("IQ"));
    assert_eq!(admin1[0].geonameid(), 92877);
    for variant in [
        "ninawa",
        "ar rutbah",
        "al rutbah",
        "rutba",
        "kurdistan region",
    ] {
        assert!(g.find_key(variant).is_some(), "{variant} missing");
    }
    let rutba = g.find_key("ar rutbah").unwrap();
    let town = g
        .postings(rutba)
        .map(|p| g.entry(p.entry))
        .find(|e| e.country_code() == Some("IQ"))
        .expect("Ar Rutbah, Iraq");
    assert_eq!(town.admin1().map(|a| a.geonameid()), Some(99592)); // Anbar
}

#[test]
fn user_options() {
    let mut hazar = ExtraPlace::new("Hazar", PlaceKind::Admin2);
    hazar.country_code = Some("IQ".into());
    hazar.lat = Some(35.7);
    hazar.lon = Some(42.0);
    let extractor = Extractor::builder()
        .extra_places([hazar])
        .deny_places(["Syria"])
        .allow_places(["Zorba"])
        .build()
        .unwrap();
    let text = "ISIS is active in the Hazar area and in Syria. Zorba is quiet.";
    let places = extractor.places(text);
    let got: Vec<(&str, PlaceKind)> = places
        .iter()
        .map(|p| (p.span.as_str(text), p.kind))
        .collect();
    assert_eq!(
        got,
        [("Hazar", PlaceKind::Admin2), ("Zorba", PlaceKind::Unknown)]
    );
    assert_eq!(places[0].lat, Some(35.7));

    let err = Extractor::builder()
        .country_focus(["Iraq"])
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        Error::InvalidOption {
            option: "country_focus",
            ..
        }
    ));
    let mut bad = ExtraPlace::new("Somewhere", PlaceKind::City);
    bad.lat = Some(91.0);
    bad.lon = Some(0.0);
    let err = Extractor::builder()
        .extra_places([bad])
        .build()
        .unwrap_err();
    assert!(
        matches!(err, Error::InvalidData { line: Some(1), .. }),
        "{err}"
    );
    assert!(err.to_string().contains("-90..90"));
}

#[test]
fn demonyms_can_be_switched_off() {
    let text = "Iraqi and Kurdish forces met in Erbil.";
    let on = Extractor::new().places(text);
    assert!(on.iter().any(|p| p.kind == PlaceKind::Demonym));
    let off = Extractor::builder()
        .demonyms(false)
        .build()
        .unwrap()
        .places(text);
    assert!(off.iter().all(|p| p.kind != PlaceKind::Demonym));
    assert!(off.iter().any(|p| p.span.as_str(text) == "Erbil"));
}

#[test]
fn hostile_input_completes() {
    let extractor = Extractor::new();
    // A million capitalised words.
    let words = "Paris London Baghdad Springfield New York ".repeat(200_000);
    let places = extractor.places(&words);
    check_spans(&words, &places);
    // Ten megabytes without a space.
    let blob = "Ab".repeat(5_000_000);
    check_spans(&blob, &extractor.places(&blob));
    // Odd Unicode around names.
    let odd = "\u{301}Iraq\u{200d}\u{1F600} Ni\u{301}neveh’s Mosul\u{feff}, Ba\u{308}ghdad 🇮🇶";
    check_spans(odd, &extractor.places(odd));
}
