//! Data-driven sentence tests: every case in `tests/fixtures/sentences/*.toml`.

use std::fs;
use std::path::Path;

use factsift::{Lang, Segmenter};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    #[serde(default = "english")]
    lang: String,
    text: String,
    sentences: Vec<String>,
}

fn english() -> String {
    "en".to_string()
}

/// Invariants that hold for any text: exact, trimmed, ordered spans covering all non-space text.
pub fn check_invariants(text: &str, spans: &[factsift::Sentence]) {
    let mut covered = 0;
    for (i, s) in spans.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(
            s.span.start >= covered,
            "sentences overlap or go backwards at {i}"
        );
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        let piece = s.span.as_str(text);
        assert!(
            !piece.is_empty() && piece.trim() == piece,
            "untrimmed sentence {piece:?}"
        );
        assert!(
            text[covered..s.span.start].trim().is_empty(),
            "text dropped before {piece:?}"
        );
        covered = s.span.end;
    }
    assert!(text[covered..].trim().is_empty(), "text dropped at the end");
}

#[test]
fn fixture_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sentences");
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in fs::read_dir(&dir).expect("fixture directory") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let file: File = toml::from_str(&fs::read_to_string(&path).expect("readable"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in file.case {
            count += 1;
            let lang = Lang::from_code(&case.lang).expect("known language");
            let segmenter = Segmenter::new(lang);
            let spans = segmenter.split(&case.text);
            check_invariants(&case.text, &spans);
            let got: Vec<&str> = spans.iter().map(|s| s.span.as_str(&case.text)).collect();
            if got != case.sentences {
                failures.push(format!(
                    "{}: {}\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                    path.file_name().unwrap().to_string_lossy(),
                    case.name,
                    case.text,
                    case.sentences,
                    got
                ));
            }
        }
    }
    assert!(count > 0, "no fixture cases found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
