//! Claims: no panic; every claim, unit and concept on char boundaries inside its sentence.
#![no_main]

use std::sync::LazyLock;

use factsift::{Document, Extractor};
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let sentences = EXTRACTOR.sentences(&text);
    let claims = EXTRACTOR.claims(&text);
    let doc = Document {
        sentences,
        claims,
        ..Document::empty(&text)
    };
    if let Err(violation) = doc.check_invariants() {
        panic!("{violation}: {text:?}");
    }
});
