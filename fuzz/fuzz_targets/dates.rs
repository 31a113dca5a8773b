//! Dates alone, against the extremes of the calendar: no panic, dates in order inside their
//! sentence, `earliest <= latest`.
#![no_main]

use factsift::dates::{CivilDate, DateExtractor};
use factsift::{Document, Segmenter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first two bytes pick the reference date, from far in the past to far in the future
    // (year arithmetic must neither overflow nor leave the calendar), or none.
    let Some((head, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let selector = i64::from(u16::from_le_bytes(*head));
    let reference = match selector {
        0 => None,
        1 => CivilDate::new(i32::MAX, 12, 31),
        2 => CivilDate::new(i32::MIN, 1, 1),
        _ => Some(CivilDate::from_days((selector - 32_768) * 3_000)),
    };
    let text = String::from_utf8_lossy(rest);
    let sentences = Segmenter::default().split(&text);
    let dates = DateExtractor::new().extract(&text, &sentences, reference);
    let doc = Document {
        sentences,
        dates,
        ..Document::empty(&text)
    };
    if let Err(violation) = doc.check_invariants() {
        panic!("{violation} (reference {reference:?}): {text:?}");
    }
});
