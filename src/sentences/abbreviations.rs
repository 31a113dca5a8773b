//! Abbreviation lexicons: the words whose final period usually does not end a sentence.
//!
//! Built-in lists live in `data/abbreviations/<lang>.txt`, one abbreviation per line, with an
//! optional tag after whitespace:
//!
//! * `prefix` — the abbreviation always introduces something (`Mr.`, `Gen.`, `No.`, `p.`), so its
//!   period never ends a sentence;
//! * no tag — the abbreviation may also end a sentence (`U.S.`, `etc.`, `Inc.`, `a.m.`), and the
//!   rules look at the next word to decide.
//!
//! Lines starting with `#` are comments. Matching ignores case and the final period.

use std::collections::HashMap;

use crate::lang::Lang;

/// How an abbreviation behaves before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// Always followed by what it qualifies (titles, `No.`, `p.`): never ends a sentence.
    Prefix,
    /// May end a sentence (`U.S.`, `etc.`, `a.m.`).
    Any,
}

/// A set of abbreviations, keyed by their lower-cased form without the final period.
#[derive(Clone, Debug, Default)]
pub struct Abbreviations {
    entries: HashMap<String, AbbreviationKind>,
    /// Length in bytes of the longest entry, so lookups can give up early.
    longest: usize,
}

/// Longest abbreviation a user may add, in bytes; longer "abbreviations" are almost surely a
/// mistake (a whole sentence pasted in) and would slow every lookup.
const MAX_LEN: usize = 64;

impl Abbreviations {
    /// The built-in list for `lang`.
    pub fn builtin(lang: Lang) -> Abbreviations {
        let mut set = Abbreviations::default();
        for line in builtin_source(lang).lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or_default();
            let kind = match parts.next() {
                Some("prefix") => AbbreviationKind::Prefix,
                _ => AbbreviationKind::Any,
            };
            set.add(normalize(word), kind);
        }
        set
    }

    /// Adds a user abbreviation (`"approx."`, `"Approx"`); `Err` says why it cannot be used.
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
        self.add(key, AbbreviationKind::Any);
        Ok(())
    }

    fn add(&mut self, key: String, kind: AbbreviationKind) {
        self.longest = self.longest.max(key.len());
        // A built-in `prefix` tag wins over a user's plain entry for the same word.
        let entry = self.entries.entry(key).or_insert(kind);
        if kind == AbbreviationKind::Prefix {
            *entry = kind;
        }
    }

    /// The kind of `word` (without its final period), if it is an abbreviation.
    pub fn get(&self, word: &str) -> Option<AbbreviationKind> {
        if word.is_empty() || word.len() > self.longest {
            return None;
        }
        if let Some(&kind) = self.entries.get(word) {
            return Some(kind);
        }
        let lower = word.to_lowercase();
        self.entries.get(&lower).copied()
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

fn normalize(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

fn builtin_source(lang: Lang) -> &'static str {
    match lang {
        Lang::English => include_str!("../../data/abbreviations/en.txt"),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_english_knows_titles_and_places() {
        let set = Abbreviations::builtin(Lang::English);
        assert_eq!(set.get("Mr"), Some(AbbreviationKind::Prefix));
        assert_eq!(set.get("U.S"), Some(AbbreviationKind::Any));
        assert_eq!(set.get("house"), None);
    }

    #[test]
    fn user_entries_are_validated() {
        let mut set = Abbreviations::default();
        assert!(set.insert("approx.").is_ok());
        assert_eq!(set.get("Approx"), Some(AbbreviationKind::Any));
        assert!(set.insert(".").is_err());
        assert!(set.insert("two words").is_err());
        assert!(set.insert(&"x".repeat(100)).is_err());
    }
}
