//! Property tests: invariants that hold for ANY text, checked on generated Unicode.
//!
//! * `Document::check_invariants` holds (exact, ordered, covering sentences; claims, places and
//!   dates on char boundaries inside their sentence; one fact per claim, linked to items that
//!   exist), with or without a reference date, from any year;
//! * `CharOffsets` agrees with counting `chars()`.

use factsift::dates::CivilDate;
use factsift::{CharOffsets, Document, Extractor};
use proptest::prelude::*;

fn check_document(doc: &Document<'_>) {
    if let Err(violation) = doc.check_invariants() {
        panic!("{violation}\ntext: {:?}", doc.text);
    }
    assert_eq!(
        doc.facts.len(),
        doc.claims.len(),
        "one fact per claim: {:?}",
        doc.text
    );
}

/// Text built from pieces that trigger the rules: words, numbers, punctuation, quotes, scripts.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Iraq".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("2,250".to_string()),
        Just("five to six".to_string()),
        Just("about 60 kilometers".to_string()),
        Just("$3bn".to_string()),
        Just("45%".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("…".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("伊拉克。".to_string()),
        Just("العراق؟ ".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩\u{200d}👩\u{200d}👧".to_string()),
        Just(" on Friday".to_string()),
        Just(" last week".to_string()),
        Just(" mid-January 2025".to_string()),
        Just(" 29 February".to_string()),
        Just(" three days ago".to_string()),
        Just(" the 1990s".to_string()),
        Just(" said Saad Maan".to_string()),
        Just(", he said".to_string()),
        Just(" according to the ministry".to_string()),
        Just(" in western Anbar".to_string()),
        Just(" ".to_string()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_gives_a_consistent_document(text in any::<String>()) {
        let extractor = Extractor::new();
        check_document(&extractor.analyze(&text));
    }

    #[test]
    fn newsy_text_gives_a_consistent_document(text in newsy_text()) {
        let extractor = Extractor::new();
        check_document(&extractor.analyze(&text));
    }

    #[test]
    fn any_reference_date_gives_a_consistent_document(
        text in newsy_text(),
        days in prop_oneof![-800_000_000i64..800_000_000, -100_000i64..100_000],
    ) {
        // From the year -2 million to +2 million: date arithmetic must saturate, not overflow.
        let extractor = Extractor::new();
        check_document(&extractor.analyze_at(&text, Some(CivilDate::from_days(days))));
    }

    #[test]
    fn char_offsets_count_chars(text in any::<String>()) {
        let offsets = CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(offsets.char_offset(byte), chars);
        }
        prop_assert_eq!(offsets.char_len(), text.chars().count());
    }
}

/// The ends of the calendar a caller can ask for (`reference_date="2147483647-12-31"` from
/// Python): every relative expression saturates instead of overflowing.
#[test]
fn relative_dates_at_the_ends_of_the_calendar() {
    let text = "Tomorrow, next week, next month and next year 5 people came; three days ago, last \
                year, in 2 years, the 1990s and late 2019 saw 6. On Friday, on 29 February and \
                in mid-January, 7 left, he said.";
    let extractor = Extractor::new();
    for reference in [
        CivilDate::new(i32::MAX, 12, 31),
        CivilDate::new(i32::MIN, 1, 1),
        CivilDate::new(0, 2, 29),
        CivilDate::new(-1, 12, 31),
    ] {
        let doc = extractor.analyze_at(text, reference);
        check_document(&doc);
        assert!(doc.dates.len() >= 8, "{reference:?}: {:?}", doc.dates);
    }
}

/// Inputs that once broke an invariant or panicked, found by the property tests and fuzzing;
/// each stays here so the bug cannot come back.
#[test]
fn regressions() {
    let cases: &[&str] = &[
        // A word opening with a 4-byte char where a name particle ("al", "de") would end.
        "𗋄bc said 5 people died.",
        "Dé𗋄x of Anbar said 2,250 left.",
    ];
    let extractor = Extractor::new();
    for text in cases {
        check_document(&extractor.analyze(text));
    }
}

/// A number longer than the claim grammar reads (18 digits) is skipped whole: found by the
/// hostile-input corpus, "1,000,000,…,000 dollars" gave a claim "000,000,000,000,000 dollars" of 0.
#[test]
fn overlong_grouped_numbers_are_skipped_whole() {
    let extractor = Extractor::new();
    for text in [
        format!("It cost 1{} dollars.", ",000".repeat(11)),
        format!("It cost 1{} dollars.", " 000".repeat(11)),
        format!("It cost 1{} dollars.", ",000".repeat(200_000)),
    ] {
        let claims = extractor.claims(&text);
        assert!(
            claims.is_empty(),
            "{:?}",
            claims.first().map(|c| c.span.as_str(&text))
        );
    }
    let text = "It cost 1,000,000,000,000,000,000 dollars."; // 19 digits
    assert!(extractor.claims(text).is_empty());
    let text = "It cost 100,000,000,000,000,000 dollars."; // 18 digits: still a number
    assert_eq!(extractor.claims(text)[0].value, Some(1e17));
}
