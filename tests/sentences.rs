//! Data-driven sentence tests: every case in `tests/fixtures/sentences/*.toml`.

mod common;

use factsift::{Lang, Segmenter};
use serde::Deserialize;

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
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, cases) in common::fixture_files::<Case>("sentences") {
        for case in cases {
            count += 1;
            let lang = Lang::from_code(&case.lang).expect("known language");
            let segmenter = Segmenter::new(lang);
            let spans = segmenter.split(&case.text);
            check_invariants(&case.text, &spans);
            let got: Vec<&str> = spans.iter().map(|s| s.span.as_str(&case.text)).collect();
            if got != case.sentences {
                failures.push(format!(
                    "{}: {}\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                    file, case.name, case.text, case.sentences, got
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A small deterministic generator (xorshift), so the random cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that exercise every rule: terminals of all scripts, quotes, brackets, list labels,
/// abbreviations, line breaks, combining marks, emoji sequences, RTL marks, control characters.
const PIECES: &[&str] = &[
    "word",
    "Word",
    "the",
    "The",
    "I",
    "U.S.",
    "Mr.",
    "a.m.",
    "No.",
    "e.g.",
    "etc.",
    "p.",
    "1.",
    "2.",
    "1)",
    "a.",
    "b)",
    "12",
    "3.5",
    ".",
    "..",
    "...",
    ". . .",
    "…",
    "!",
    "?",
    "?!",
    "!!",
    "。",
    "！",
    "？",
    "؟",
    "۔",
    "।",
    "։",
    ":",
    ";",
    "።",
    "။",
    ";",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "(",
    ")",
    "[",
    "]",
    "[1]",
    "[...]",
    "《",
    "》",
    "—",
    "-",
    "--",
    "•",
    "⁃",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\r\n",
    "\u{2028}",
    "\u{2029}",
    "é",
    "e\u{301}",
    "👩\u{200D}👩\u{200D}👧",
    "🇺🇳",
    "\u{200F}",
    "\u{202B}",
    "שלום",
    "مرحبا",
    "Привет",
    "г.",
    "ул.",
    "Ελλάδα",
    "日本",
    "\0",
    "\u{7}",
    "\u{FEFF}",
    "http://x.org/a.b?c=d.",
    "a@b.co",
    "№",
    "$",
    "ǅ",
    "ß",
    "İ",
    "Ꭰ",
];

#[test]
fn random_text_keeps_the_invariants_in_every_language() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let segmenters: Vec<Segmenter> = Lang::ALL.iter().map(|&l| Segmenter::new(l)).collect();
    for _ in 0..3000 {
        let len = rng.below(40);
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                text.push(' ');
            }
        }
        let segmenter = &segmenters[rng.below(segmenters.len())];
        check_invariants(&text, &segmenter.split(&text));
    }
}

#[test]
fn pathological_inputs_finish_with_sane_output() {
    let segmenter = Segmenter::new(Lang::English);
    let n = 100_000;
    let cases = [
        "U.S. ".repeat(n),
        ".".repeat(n),
        ". ".repeat(n),
        "!? ".repeat(n),
        "\"".repeat(n),
        "(".repeat(n) + "x.",
        "x.".to_string() + &")".repeat(n) + " Next",
        "x.".to_string() + &" ".repeat(n) + "Next",
        "\n".repeat(n),
        "a".repeat(n) + ". Next",
        "a.".repeat(n),
        "《".repeat(n),
        "1. a ".repeat(n),
        "x. [1] ".repeat(n),
        "“Yes.” ".repeat(n),
        "…".repeat(n),
        "X. ".to_string() + &" ".repeat(n) + &"at 5 a.m. Mr. ".repeat(n / 10),
        "Steps: ".to_string() + &"1. x ".repeat(n),
    ];
    for text in &cases {
        let spans = segmenter.split(text);
        check_invariants(text, &spans);
    }
    // Sane output, not just no crash: one sentence for the run of "U.S. ", one per "1. a".
    assert_eq!(segmenter.split(&cases[0]).len(), 1);
    assert_eq!(segmenter.split(&cases[12]).len(), n);
}

#[test]
fn user_abbreviations_change_the_result() {
    let text = "The fee is approx. Ten dollars go to the city.";
    let plain = Segmenter::new(Lang::English);
    assert_eq!(
        plain.split(text).len(),
        1,
        "approx. is built in as a prefix"
    );
    let text = "Talk to the Secy. Gen. Smith later.";
    let custom = Segmenter::builder()
        .lang(Lang::English)
        .abbreviations(["Secy.", "Gen"])
        .build()
        .expect("valid abbreviations");
    assert_eq!(custom.split_str(text), [text]);
    let text = "The bridge is in Brgy. Santo Niño now.";
    assert_eq!(plain.split(text).len(), 2);
    let custom = Segmenter::builder()
        .abbreviation("brgy")
        .build()
        .expect("valid abbreviation");
    assert_eq!(custom.split_str(text), [text]);
    assert!(Segmenter::builder().abbreviation(" . ").build().is_err());
}

#[test]
fn every_language_splits_plain_sentences() {
    for &lang in Lang::ALL {
        let segmenter = Segmenter::new(lang);
        let text = "Alpha beta gamma. Delta epsilon! Zeta eta? Theta。Iota";
        let spans = segmenter.split(text);
        check_invariants(text, &spans);
        assert!(spans.len() >= 4, "{lang}: {:?}", segmenter.split_str(text));
    }
}
