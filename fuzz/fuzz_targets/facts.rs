//! The whole analysis (sentences, claims, places, dates, facts) with or without a reference
//! date: no panic, and every document invariant holds, including the facts' links.
#![no_main]

use std::sync::LazyLock;

use factsift::Extractor;
use factsift::dates::CivilDate;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    // The first byte picks the reference date: none, or a day spread over 1900..2155, so that
    // relative dates resolve across month, year and leap-day edges.
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let reference = (selector != 0).then(|| {
        let day = i64::from(selector) * 181 - 25_000;
        CivilDate::from_days(day)
    });
    let text = String::from_utf8_lossy(rest);
    let doc = EXTRACTOR.analyze_at(&text, reference);
    let linked = doc.facts.len() == doc.claims.len();
    if let Err(violation) = doc.check_invariants().and_then(|()| {
        linked
            .then_some(())
            .ok_or_else(|| "a claim without its fact".to_string())
    }) {
        panic!("{violation} (reference {reference:?}): {text:?}");
    }
});
