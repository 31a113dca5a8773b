//! Property tests: invariants that hold for ANY text, checked on generated Unicode.
//!
//! * `Document::check_invariants` holds (exact, ordered, covering sentences; claims and places on
//!   char boundaries inside their sentence);
//! * `CharOffsets` agrees with counting `chars()`.

use factsift::{CharOffsets, Document, Extractor};
use proptest::prelude::*;

fn check_document(doc: &Document<'_>) {
    if let Err(violation) = doc.check_invariants() {
        panic!("{violation}\ntext: {:?}", doc.text);
    }
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
    fn char_offsets_count_chars(text in any::<String>()) {
        let offsets = CharOffsets::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(offsets.char_offset(byte), chars);
        }
        prop_assert_eq!(offsets.char_len(), text.chars().count());
    }
}
