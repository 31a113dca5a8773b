//! Prints the facts of a text file: `cargo run --example facts -- examples/iraq_detainees.txt`.

use factsift::{Extractor, dates::CivilDate};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/iraq_detainees.txt".into());
    let reference = std::env::args()
        .nth(2)
        .and_then(|d| CivilDate::parse_iso(&d));
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    let doc = Extractor::new().analyze_at(&text, reference);
    for fact in &doc.facts {
        let claim = &doc.claims[fact.claim];
        let places: Vec<&str> = fact
            .places
            .iter()
            .map(|&p| doc.places[p].span.as_str(&text))
            .collect();
        let own = fact.place.map(|p| doc.places[p].span.as_str(&text));
        let date = fact.date.map(|d| {
            let d = &doc.dates[d];
            format!(
                "{} ({:?}, {:?})",
                d.span.as_str(&text),
                d.relation,
                d.earliest
            )
        });
        let source = fact.source.map(|s| {
            format!(
                "{} [{}] role={:?}",
                s.name.as_str(&text),
                s.kind.as_str(),
                s.role.map(|r| r.as_str(&text))
            )
        });
        println!(
            "#{} {:?}\n    places={places:?} own={own:?}\n    date={date:?}\n    source={source:?}",
            fact.sentence,
            claim.span.as_str(&text)
        );
    }
}
