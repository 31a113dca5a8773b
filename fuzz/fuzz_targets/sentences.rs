//! Sentence splitter, every language: no panic, and the document invariants hold.
#![no_main]

use factsift::{Document, Lang, Segmenter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let lang = Lang::ALL[selector as usize % Lang::ALL.len()];
    let sentences = Segmenter::new(lang).split(&text);
    let doc = Document {
        sentences,
        ..Document::empty(&text)
    };
    if let Err(violation) = doc.check_invariants() {
        panic!("{violation} ({lang}): {text:?}");
    }
});
