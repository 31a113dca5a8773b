//! Word classes for the claim grammar, read from `data/claim_words.txt`.
//!
//! Without a part-of-speech tagger, concepts and subjects are read with closed word classes:
//! function words, linking verbs, auxiliaries, common irregular verbs. The lists are data, so
//! one lookup answers every class a word belongs to.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::hash::FastHash;

/// The word lists, compiled into the library.
const WORDS: &str = include_str!("../../data/claim_words.txt");

/// A class of words; a word may be in several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Class {
    /// Closed-class words and frequent adverbs and verbs: never part of a concept.
    Function = 1,
    /// Verbs (and particles) that link a subject to its measure ("stood at", "rose").
    Linking = 1 << 1,
    /// Leading modifiers that are not part of what is counted ("recent", "additional").
    LooseModifier = 1 << 2,
    /// Common verbs the suffix rules miss ("found", "sold").
    CommonVerb = 1 << 3,
    /// Auxiliaries and adverbs between a subject and its verb ("will", "also").
    Auxiliary = 1 << 4,
    /// Nouns of time that frame a figure rather than name what it measures ("quarter").
    TimeNoun = 1 << 5,
    /// Words that name a stock market index ("Dow", "FTSE", "Nasdaq").
    MarketIndex = 1 << 6,
    /// Verbs of saying and reporting that end a subject search ("said", "reported").
    Reporting = 1 << 7,
}

impl Class {
    fn from_section(name: &str) -> Option<Class> {
        Some(match name {
            "function" => Class::Function,
            "linking" => Class::Linking,
            "loose_modifier" => Class::LooseModifier,
            "common_verb" => Class::CommonVerb,
            "auxiliary" => Class::Auxiliary,
            "time_noun" => Class::TimeNoun,
            "market_index" => Class::MarketIndex,
            "reporting" => Class::Reporting,
            _ => return None,
        })
    }
}

static LEXICON: LazyLock<HashMap<&'static str, u32, FastHash>> = LazyLock::new(|| load(WORDS));

fn load(text: &'static str) -> HashMap<&'static str, u32, FastHash> {
    let mut map: HashMap<&'static str, u32, FastHash> = HashMap::default();
    let mut class = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            class = Class::from_section(name);
            // The file is part of the crate: an unknown section is a bug caught by the tests.
            debug_assert!(
                class.is_some(),
                "unknown section [{name}] in claim_words.txt"
            );
            continue;
        }
        let Some(class) = class else { continue };
        for word in line.split_whitespace() {
            *map.entry(word).or_default() |= class as u32;
        }
    }
    map
}

/// True when the lower-case word `w` is in `class`.
#[inline]
pub(crate) fn is(w: &str, class: Class) -> bool {
    LEXICON.get(w).is_some_and(|bits| bits & class as u32 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_load() {
        assert!(is("the", Class::Function));
        assert!(is("stood", Class::Linking));
        assert!(is("recent", Class::LooseModifier));
        assert!(is("sold", Class::CommonVerb));
        assert!(is("will", Class::Auxiliary));
        assert!(is("quarter", Class::TimeNoun));
        assert!(is("nasdaq", Class::MarketIndex));
        assert!(is("said", Class::Reporting));
        assert!(!is("militants", Class::Function));
        // Every section name in the file is known.
        for line in WORDS.lines() {
            if let Some(name) = line
                .trim()
                .strip_prefix('[')
                .and_then(|l| l.strip_suffix(']'))
            {
                assert!(Class::from_section(name).is_some(), "[{name}]");
            }
        }
    }
}
