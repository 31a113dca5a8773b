//! Word lists per language: abbreviations, sentence starters, and the words that follow an
//! ordinal number.
//!
//! Built-in lists live in `data/abbreviations/<lang>.txt` (see the README there). A file has up
//! to three sections; lines starting with `#` are comments and matching ignores case:
//!
//! * `[abbreviations]` (the default section): one abbreviation per line, final period optional,
//!   with an optional tag saying how its period behaves:
//!   * `prefix` — always introduces something (`Mr.`, `Gen.`): its period never ends a sentence;
//!   * `number` — an abbreviation only before a number (`No. 5`, `p. 55`, `Fig. 3`);
//!   * `unit` — an abbreviation only after a number (`5 ft. tall`, `3 in. long`);
//!   * `final` — often ends a sentence (`etc.`, `a.m.`): a capitalised word after it starts one;
//!   * no tag — ambiguous (`U.S.`, `Inc.`, `Jr.`): a sentence ends only if the next word is a
//!     typical sentence starter (`The`, `He`, `In` ...).
//!
//!   An entry ending in `!` (`yahoo!`) is a name whose `!` does not end a sentence by itself.
//! * `[starters]`: words that typically begin a sentence (pronouns, articles, conjunctions,
//!   prepositions ...). Tag `prep` marks prepositions, which start phrases that are not
//!   sentences on their own ("At 5 a.m." in "At 5 a.m. Mr. Smith left.").
//! * `[ordinal-followers]`: words that follow an ordinal written with a period in languages that
//!   write them so (`12. Juni`, `7. apríla`): month names.
//! * `[cues]`: frequent words of the language beyond its starters, and `[letters]`: letters it
//!   writes that English does not (`æ ø å`). Together with the starters they let the English
//!   default recognise a stretch of this language (see [`cues`](super::cues)).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::chars::Script;
use crate::lang::Lang;

/// How an abbreviation's period behaves before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AbbreviationKind {
    /// Always followed by what it qualifies (`Mr.`, `Gen.`): never ends a sentence.
    Prefix,
    /// An abbreviation only before a number (`No. 5`, `p. 55`); before anything else it is an
    /// ordinary word.
    Number,
    /// An abbreviation only after a number (`5 ft.`, `3 in.`); elsewhere an ordinary word.
    Unit,
    /// Often ends a sentence (`etc.`, `a.m.`): a capitalised next word starts a new one.
    Final,
    /// May end a sentence (`U.S.`, `Inc.`): it does when a typical sentence starter follows.
    Ambiguous,
}

impl AbbreviationKind {
    fn from_tag(tag: Option<&str>) -> Option<AbbreviationKind> {
        Some(match tag {
            None => AbbreviationKind::Ambiguous,
            Some("prefix") => AbbreviationKind::Prefix,
            Some("number") => AbbreviationKind::Number,
            Some("unit") => AbbreviationKind::Unit,
            Some("final") => AbbreviationKind::Final,
            Some(_) => return None,
        })
    }
}

/// A set of abbreviations, keyed by their lower-cased form without the final period.
#[derive(Clone, Debug, Default)]
pub struct Abbreviations {
    entries: HashMap<String, AbbreviationKind, FastHash>,
    /// Length in bytes of the longest entry, so lookups of longer words give up at once.
    longest: usize,
}

/// Longest abbreviation a user may add, in bytes; longer "abbreviations" are almost surely a
/// mistake (a whole sentence pasted in) and would slow every lookup.
pub(super) const MAX_LEN: usize = 64;

impl Abbreviations {
    /// The built-in abbreviations for `lang`.
    pub fn builtin(lang: Lang) -> Abbreviations {
        Lexicon::parse(builtin_source(lang)).abbreviations
    }

    /// Adds a user abbreviation (`"approx."`, `"Approx"`), which behaves like a built-in entry
    /// without a tag. `Err` says why it cannot be used.
    pub fn insert(&mut self, abbreviation: &str) -> Result<(), String> {
        let key = normalize(abbreviation.trim());
        if key.is_empty() {
            return Err(
                "an abbreviation must have at least one character besides the period".into(),
            );
        }
        if key.len() > MAX_LEN {
            return Err(format!("abbreviations are at most {MAX_LEN} bytes long"));
        }
        if key.chars().any(char::is_whitespace) {
            return Err(format!(
                "{abbreviation:?} contains whitespace; add one word at a time"
            ));
        }
        self.add(key, AbbreviationKind::Ambiguous, false);
        Ok(())
    }

    fn add(&mut self, key: String, kind: AbbreviationKind, builtin: bool) {
        self.longest = self.longest.max(key.len());
        // A user's plain entry never weakens a built-in tag (`prefix` stays `prefix`), but it
        // does turn a built-in `number`/`unit` entry into a plain abbreviation everywhere.
        match self.entries.get(&key) {
            Some(&old)
                if !builtin
                    && !matches!(old, AbbreviationKind::Number | AbbreviationKind::Unit) => {}
            _ => {
                self.entries.insert(key, kind);
            }
        }
    }

    /// The kind of `word` (written without its final period), if it is an abbreviation.
    pub fn get(&self, word: &str) -> Option<AbbreviationKind> {
        if word.is_empty() || word.len() > self.longest.max(MAX_LEN) {
            return None;
        }
        if let Some(&kind) = self.entries.get(word) {
            return Some(kind);
        }
        with_lowercase(word, |lower| self.entries.get(lower).copied())
    }

    /// The entries' keys: lower-cased, without the final period.
    pub(super) fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Everything the rules know about the words of one language.
#[derive(Clone, Debug, Default)]
pub(super) struct Lexicon {
    pub(super) abbreviations: Abbreviations,
    starters: WordSet,
    prepositions: WordSet,
    ordinal_followers: WordSet,
    /// Names written with a `!` (`Yahoo!`), lower-cased, without the `!`.
    exclaimed_names: WordSet,
    /// Frequent words beyond the starters, lower-cased: evidence of the language.
    pub(super) cue_words: WordSet,
    /// Letters the language writes and English does not, lower-cased.
    pub(super) letters: Vec<char>,
}

impl Lexicon {
    /// The built-in lexicon of `lang`.
    pub(super) fn builtin(lang: Lang) -> Lexicon {
        Lexicon::parse(builtin_source(lang))
    }

    /// The merged built-in lexicons of the languages written in `script`, used for words in
    /// another script than the document's language (a Cyrillic name in English text).
    pub(super) fn for_script(script: Script) -> Option<&'static Lexicon> {
        static LATIN: OnceLock<Lexicon> = OnceLock::new();
        static CYRILLIC: OnceLock<Lexicon> = OnceLock::new();
        static GREEK: OnceLock<Lexicon> = OnceLock::new();
        static ARMENIAN: OnceLock<Lexicon> = OnceLock::new();
        let (cell, langs): (&OnceLock<Lexicon>, &[Lang]) = match script {
            Script::Latin => (&LATIN, &[Lang::English]),
            Script::Cyrillic => (&CYRILLIC, &[Lang::Russian, Lang::Bulgarian, Lang::Kazakh]),
            Script::Greek => (&GREEK, &[Lang::Greek]),
            Script::Armenian => (&ARMENIAN, &[Lang::Armenian]),
            _ => return None,
        };
        Some(cell.get_or_init(|| {
            let mut merged = Lexicon::default();
            for &lang in langs {
                merged.merge(Lexicon::builtin(lang));
            }
            merged
        }))
    }

    fn merge(&mut self, other: Lexicon) {
        for (key, kind) in other.abbreviations.entries {
            self.abbreviations.add(key, kind, true);
        }
        self.starters.extend(other.starters);
        self.prepositions.extend(other.prepositions);
        self.ordinal_followers.extend(other.ordinal_followers);
        self.exclaimed_names.extend(other.exclaimed_names);
        self.cue_words.extend(other.cue_words);
        self.letters.extend(other.letters);
    }

    /// Parses the data-file format described in the module docs. Unknown sections and tags
    /// are ignored (the built-in files are checked by a unit test).
    fn parse(source: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        let mut section = "abbreviations";
        for line in source.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "abbreviations" => "abbreviations",
                    "starters" => "starters",
                    "ordinal-followers" => "ordinal-followers",
                    "cues" => "cues",
                    "letters" => "letters",
                    _ => "unknown",
                };
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or_default();
            let tag = parts.next();
            match section {
                "abbreviations" => {
                    if let Some(name) = word.strip_suffix('!') {
                        lexicon.exclaimed_names.insert(name.to_lowercase());
                    } else if let Some(kind) = AbbreviationKind::from_tag(tag) {
                        lexicon.abbreviations.add(normalize(word), kind, true);
                    }
                }
                "starters" => {
                    let word = word.to_lowercase();
                    if tag == Some("prep") {
                        lexicon.prepositions.insert(word.clone());
                    }
                    lexicon.starters.insert(word);
                }
                "ordinal-followers" => {
                    lexicon.ordinal_followers.insert(word.to_lowercase());
                }
                "cues" => {
                    lexicon.cue_words.insert(word.to_lowercase());
                }
                "letters" => {
                    let letters = line.split_whitespace().flat_map(str::chars);
                    lexicon.letters.extend(letters.flat_map(char::to_lowercase));
                }
                _ => {}
            }
        }
        lexicon
    }

    /// True if `word` (any case, trailing punctuation ignored) typically starts a sentence.
    pub(super) fn is_starter(&self, word: &str) -> bool {
        contains_lower(&self.starters, word)
    }

    /// True if `word` is a preposition (which starts phrases, not sentences).
    pub(super) fn is_preposition(&self, word: &str) -> bool {
        contains_lower(&self.prepositions, word)
    }

    /// True if `word` follows ordinals written with a period (`Juni` in `12. Juni`).
    pub(super) fn follows_ordinal(&self, word: &str) -> bool {
        contains_lower(&self.ordinal_followers, word)
    }

    /// True if `word` is a name written with `!` (`Yahoo`).
    pub(super) fn is_exclaimed_name(&self, word: &str) -> bool {
        contains_lower(&self.exclaimed_names, word)
    }

    /// The starters, lower-cased.
    pub(super) fn starters(&self) -> impl Iterator<Item = &str> {
        self.starters.iter().map(String::as_str)
    }
}

/// Looks `word` up lower-cased, without the punctuation that may trail it (`He,` `It's`).
fn contains_lower(set: &WordSet, word: &str) -> bool {
    let word = word
        .split(['\'', '’'])
        .next()
        .unwrap_or(word)
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || word.len() > MAX_LEN || set.is_empty() {
        return false;
    }
    with_lowercase(word, |lower| set.contains(lower))
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words (nearly all
/// lookups).
pub(super) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.iter().all(|b| b.is_ascii_lowercase()) {
        return f(word);
    }
    if bytes.len() <= MAX_LEN && bytes.is_ascii() {
        let mut buffer = [0u8; MAX_LEN];
        let lower = &mut buffer[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        // ASCII stays valid UTF-8 after lower-casing.
        return f(std::str::from_utf8(lower).unwrap_or_default());
    }
    let mut lower = String::with_capacity(word.len());
    lower.extend(word.chars().flat_map(char::to_lowercase));
    f(&lower)
}

/// A set of lower-cased words.
pub(super) type WordSet = HashSet<String, FastHash>;

pub(super) use crate::hash::FastHash;

fn normalize(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

fn builtin_source(lang: Lang) -> &'static str {
    match lang {
        Lang::Amharic => include_str!("../../data/abbreviations/am.txt"),
        Lang::Arabic => include_str!("../../data/abbreviations/ar.txt"),
        Lang::Armenian => include_str!("../../data/abbreviations/hy.txt"),
        Lang::Bulgarian => include_str!("../../data/abbreviations/bg.txt"),
        Lang::Burmese => include_str!("../../data/abbreviations/my.txt"),
        Lang::Chinese => include_str!("../../data/abbreviations/zh.txt"),
        Lang::Danish => include_str!("../../data/abbreviations/da.txt"),
        Lang::Dutch => include_str!("../../data/abbreviations/nl.txt"),
        Lang::English => include_str!("../../data/abbreviations/en.txt"),
        Lang::French => include_str!("../../data/abbreviations/fr.txt"),
        Lang::German => include_str!("../../data/abbreviations/de.txt"),
        Lang::Greek => include_str!("../../data/abbreviations/el.txt"),
        Lang::Hindi => include_str!("../../data/abbreviations/hi.txt"),
        Lang::Italian => include_str!("../../data/abbreviations/it.txt"),
        Lang::Japanese => include_str!("../../data/abbreviations/ja.txt"),
        Lang::Kazakh => include_str!("../../data/abbreviations/kk.txt"),
        Lang::Marathi => include_str!("../../data/abbreviations/mr.txt"),
        Lang::Persian => include_str!("../../data/abbreviations/fa.txt"),
        Lang::Polish => include_str!("../../data/abbreviations/pl.txt"),
        Lang::Russian => include_str!("../../data/abbreviations/ru.txt"),
        Lang::Slovak => include_str!("../../data/abbreviations/sk.txt"),
        Lang::Spanish => include_str!("../../data/abbreviations/es.txt"),
        Lang::Urdu => include_str!("../../data/abbreviations/ur.txt"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_english_knows_titles_places_and_starters() {
        let lexicon = Lexicon::builtin(Lang::English);
        let set = &lexicon.abbreviations;
        assert_eq!(set.get("Mr"), Some(AbbreviationKind::Prefix));
        assert_eq!(set.get("U.S"), Some(AbbreviationKind::Ambiguous));
        assert_eq!(set.get("etc"), Some(AbbreviationKind::Final));
        assert_eq!(set.get("No"), Some(AbbreviationKind::Number));
        assert_eq!(set.get("house"), None);
        assert!(lexicon.is_starter("The"));
        assert!(lexicon.is_starter("It's"));
        assert!(lexicon.is_preposition("At"));
        assert!(!lexicon.is_starter("Government"));
        assert!(lexicon.is_exclaimed_name("Yahoo"));
    }

    #[test]
    fn every_builtin_file_parses_with_known_sections_and_tags() {
        for &lang in Lang::ALL {
            let mut section = "abbreviations";
            for (n, line) in builtin_source(lang).lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    assert!(
                        matches!(
                            name,
                            "abbreviations" | "starters" | "ordinal-followers" | "cues" | "letters"
                        ),
                        "{lang}: unknown section [{name}] on line {}",
                        n + 1
                    );
                    section = match name {
                        "abbreviations" | "letters" => name,
                        _ => "other",
                    };
                    continue;
                }
                if section == "letters" {
                    continue;
                }
                let parts: Vec<&str> = line.split_whitespace().collect();
                assert!(parts.len() <= 2, "{lang}: line {} has extra words", n + 1);
                if section == "abbreviations" {
                    assert!(
                        parts[0].ends_with('!')
                            || AbbreviationKind::from_tag(parts.get(1).copied()).is_some(),
                        "{lang}: unknown tag on line {}",
                        n + 1
                    );
                }
            }
        }
    }

    #[test]
    fn user_entries_are_validated() {
        let mut set = Abbreviations::default();
        assert!(set.insert("approx.").is_ok());
        assert_eq!(set.get("Approx"), Some(AbbreviationKind::Ambiguous));
        assert!(set.insert(".").is_err());
        assert!(set.insert("two words").is_err());
        assert!(set.insert(&"x".repeat(100)).is_err());
    }

    #[test]
    fn script_lexicons_merge_languages() {
        let cyrillic = Lexicon::for_script(Script::Cyrillic).unwrap();
        assert!(cyrillic.abbreviations.get("г").is_some());
        assert!(cyrillic.is_starter("Это"));
        assert!(Lexicon::for_script(Script::Cjk).is_none());
    }
}
