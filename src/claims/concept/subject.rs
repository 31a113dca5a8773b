//! What a measured quantity measures, read from the clause around it: the noun before "of"
//! ("Apple's revenue of $3bn"), or the subject of the verb that governs the quantity ("the
//! unemployment rate rose to 5%", "Shares in Rolls-Royce fell 4.5 per cent", "The Dow, which had
//! slipped for three sessions, rose 0.65 per cent").
//!
//! Every search walks back a bounded number of tokens, so each claim costs a constant amount of
//! work and a sentence stays linear.

use super::super::lexicon::{self, Class};
use super::super::tokens::Tokens;
use super::{is_auxiliary, is_common_verb, is_linking_verb, is_name_piece, is_nominal};
use crate::claims::change;

/// Tokens of verb phrase between a subject and its quantity ("has been trading at").
const VERB_GROUP: usize = 8;
/// Tokens of a parenthetical skipped between a subject and its verb (", which had slipped, ").
const PARENTHETICAL: usize = 16;
/// Content words in one noun phrase.
const NP_WORDS: usize = 6;
/// Prepositional links followed back from the head ("the price of a home in London").
const NP_LINKS: usize = 2;

/// Nouns that only frame an amount ("a total of", "a record high of"): the concept lies
/// further out.
fn is_frame_noun(w: &str) -> bool {
    matches!(
        w,
        "total"
            | "sum"
            | "amount"
            | "figure"
            | "tally"
            | "record"
            | "high"
            | "low"
            | "peak"
            | "level"
            | "average"
            | "maximum"
            | "minimum"
    )
}

/// Nouns of change ("an increase of 5%"): the concept is what changed.
fn is_change_noun(w: &str) -> bool {
    change::noun_direction(w).is_some()
}

/// Words a verb group is made of: verbs, auxiliaries, adverbs, particles and the prepositions
/// that introduce an amount ("rose to", "stood at", "cut by", "jumped from").
fn verbal(w: &str) -> Verbal {
    if matches!(
        w,
        "to" | "at"
            | "by"
            | "from"
            | "for"
            | "up"
            | "down"
            | "off"
            | "around"
            | "about"
            | "nearly"
            | "almost"
            | "roughly"
            | "some"
            | "just"
            | "only"
            | "further"
            | "another"
            | "more"
            | "than"
            | "over"
            | "under"
            | "least"
            | "most"
            | "as"
            | "much"
            | "many"
    ) {
        return Verbal::Filler;
    }
    if is_auxiliary(w) {
        return Verbal::Filler;
    }
    if change::is_verb(w)
        || is_linking_verb(w)
        || is_common_verb(w)
        || lexicon::is(w, Class::Reporting)
    {
        return Verbal::Verb;
    }
    // "held steady at", "was little changed at", "hit a record": only between verb and number.
    if matches!(
        w,
        "a" | "an"
            | "steady"
            | "flat"
            | "unchanged"
            | "stable"
            | "higher"
            | "lower"
            | "firmer"
            | "weaker"
            | "stronger"
            | "little"
            | "record"
            | "whopping"
            | "staggering"
            | "mere"
            | "combined"
            | "total"
            | "estimated"
    ) {
        return Verbal::Complement;
    }
    if (w.ends_with("ed") && w.len() > 4) || (w.ends_with("ing") && w.len() > 5) {
        return Verbal::Verb;
    }
    if w.ends_with("ly") && w.len() > 4 {
        return Verbal::Filler;
    }
    Verbal::No
}

/// Forms of "be" and "have", which may be the only verb between a subject and its amount.
fn is_be_or_have(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "has" | "have" | "had"
    )
}

/// A word read as a verb only because of its "-ed" or "-ing" ending.
fn by_suffix_only(w: &str) -> bool {
    !(change::is_verb(w)
        || is_linking_verb(w)
        || is_common_verb(w)
        || lexicon::is(w, Class::Reporting))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verbal {
    /// A verb: the group must hold one.
    Verb,
    /// Auxiliaries, adverbs, particles and prepositions: anywhere in the group.
    Filler,
    /// Adjectives and articles after the verb ("held steady at", "hit a record").
    Complement,
    /// Anything else ends the group.
    No,
}

/// The concept of a measured quantity whose text starts at token `first`, never looking before
/// `lo` (the sentence start).
pub(crate) fn of_quantity(t: &Tokens<'_>, first: usize, lo: usize) -> Option<(usize, usize)> {
    if let Some(p) = noun_before_of(t, first, lo) {
        return Some(p);
    }
    let mut k = first;
    if k >= lo + 2 && t.is(k - 1, "of") && is_nominal(t, k - 2) {
        // "a total of", "an increase of": step over the frame and read the clause.
        k -= 2;
        while k > lo && (is_nominal(t, k - 1) || t.is_any(k - 1, &["a", "an", "the"])) {
            k -= 1;
        }
    }
    clause_subject(t, k, lo)
}

/// "Apple's revenue of $3bn", "a dividend of 12 cents": the noun phrase before "of", unless
/// the noun only frames the amount ("a total of", "an increase of").
pub(crate) fn noun_before_of(t: &Tokens<'_>, first: usize, lo: usize) -> Option<(usize, usize)> {
    if !(first >= lo + 2 && t.is(first - 1, "of") && is_nominal(t, first - 2)) {
        return None;
    }
    let head = t.lower(first - 2);
    if is_frame_noun(head) || is_change_noun(head) {
        return None;
    }
    noun_phrase_before(t, first - 1, lo)
}

/// The subject of the verb that ends right before token `k`.
pub(crate) fn clause_subject(t: &Tokens<'_>, k: usize, lo: usize) -> Option<(usize, usize)> {
    // Walk back over the verb group; it must hold a verb.
    let mut j = k;
    let mut verb = false;
    while j > lo && k - j < VERB_GROUP {
        let w = t.lower(j - 1);
        match verbal(w) {
            // "Consumer spending grew": past a verb, a word that only looks like a verb by
            // its suffix is the subject's head unless an auxiliary comes before it ("is
            // expected to reach", "was trading at").
            Verbal::Verb
                if verb
                    && by_suffix_only(w)
                    && !(j >= lo + 2 && {
                        let before = t.lower(j - 2);
                        is_auxiliary(before) || is_linking_verb(before)
                    }) =>
            {
                break;
            }
            // "Unemployment benefit claims totalled": two verbs never touch ("plans to
            // raise" has "to" between), so a verb-looking word right before a verb is a noun.
            Verbal::Verb if j < k && verbal(t.lower(j)) == Verbal::Verb => break,
            Verbal::Verb => verb = true,
            // "was $5m", "has $2bn in cash": be and have are verbs of their own.
            Verbal::Filler if is_be_or_have(w) => verb = true,
            Verbal::Filler => {}
            Verbal::Complement if !verb => {}
            Verbal::Complement | Verbal::No => break,
        }
        j -= 1;
    }
    // "Tesla said net income rose": never past a verb of saying into the reporter.
    if !verb || j == k {
        return None;
    }
    let mut end = j;
    // "The house, which was valued at $1.2m": the subject is what "which" stands for.
    if end > lo + 1 && t.is_any(end - 1, &["which", "who", "that"]) {
        end -= 1;
        if t.raw(end - 1) == "," && end > lo + 1 {
            end -= 1;
        }
        return noun_phrase_before(t, end, lo);
    }
    // "The Dow, which had slipped for three sessions, rose": skip back over the parenthetical.
    if end > lo && t.raw(end - 1) == "," {
        let mut c = end - 1;
        let stop = c.saturating_sub(PARENTHETICAL).max(lo);
        while c > stop && t.raw(c - 1) != "," {
            c -= 1;
        }
        if c <= stop || c < lo + 2 {
            return None;
        }
        end = c - 1;
    }
    noun_phrase_before(t, end, lo)
}

/// The noun phrase ending right before token `end`, with up to [`NP_LINKS`] prepositional
/// links back ("Sales of electric cars in Norway"), starting with "the" when it does.
pub(crate) fn noun_phrase_before(t: &Tokens<'_>, end: usize, lo: usize) -> Option<(usize, usize)> {
    let mut first = run_before(t, end, lo)?;
    for _ in 0..NP_LINKS {
        let mut k = first;
        if k > lo
            && t.is_any(
                k - 1,
                &["a", "an", "the", "its", "their", "his", "her", "our"],
            )
        {
            k -= 1;
        }
        if !(k > lo + 1 && t.is_any(k - 1, &["of", "in", "at", "for", "on", "from", "to", "per"])) {
            break;
        }
        match run_before(t, k - 1, lo) {
            Some(a) => first = a,
            None => break,
        }
    }
    if first > lo && t.is(first - 1, "the") {
        first -= 1;
    }
    Some((first, end))
}

/// The first token of the run of nominal words (and name pieces: "FTSE 100", "S&P 500") that
/// ends right before `end`.
fn run_before(t: &Tokens<'_>, end: usize, lo: usize) -> Option<usize> {
    let mut first = end;
    let mut words = 0;
    // Hyphens and name pieces are not words: bound the tokens too.
    let stop = end.saturating_sub(3 * NP_WORDS).max(lo);
    while first > stop && words < NP_WORDS {
        let i = first - 1;
        // "Consumer spending rose": an -ing noun may head the phrase.
        let head_ing = i + 1 == end && t.is_word(i) && t.lower(i).ends_with("ing") && {
            let before = i.checked_sub(1).filter(|&b| b >= lo);
            before.is_none_or(|b| !(is_auxiliary(t.lower(b)) || is_linking_verb(t.lower(b))))
        };
        // "one-bedroom flat", "10-year note", "Rolls-Royce": hyphens inside the phrase.
        let hyphen = t.raw(i) == "-"
            && t.touches_prev(i + 1)
            && i > lo
            && t.touches_prev(i)
            && (t.is_word(i - 1) || t.is_digits(i - 1));
        let hyphened = i + 1 < end && t.raw(i + 1) == "-" && t.touches_prev(i + 1);
        // "Housing starts", "operating profit": an -ing word before a noun modifies it.
        let ing_modifier =
            i + 1 < end && first == i + 1 && t.is_word(i) && t.lower(i).ends_with("ing") && {
                let w = t.lower(i);
                !(change::is_verb(w) || is_linking_verb(w) || is_common_verb(w))
                    && is_nominal(t, i + 1)
            };
        if hyphened && (t.is_word(i) || t.is_digits(i)) {
            first = i;
            continue;
        }
        // "Costs rose", "Cuts deepened": right before the verb, a plural that doubles as a
        // verb is the subject's head.
        let plural_head = i + 1 == end && t.is_word(i) && super::is_content(t, i) && {
            let w = t.lower(i);
            super::plural_noun_form(w) && (is_common_verb(w) || change::is_verb(w))
        };
        if is_nominal(t, i)
            || is_name_piece(t, i)
            || head_ing
            || hyphen
            || ing_modifier
            || plural_head
        {
            first = i;
            if t.is_word(i) {
                words += 1;
            }
            continue;
        }
        break;
    }
    // A phrase is made of words, not only of name pieces.
    (words > 0 && t.is_word(first) || (first < end && t.is_word(end - 1))).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn concept(text: &str, number: &str) -> Option<String> {
        let t = Tokens::new(text, Span::new(0, text.len()));
        let first = (0..t.len()).find(|&i| t.raw(i) == number)?;
        of_quantity(&t, first, 0).map(|(a, b)| t.span(a, b).as_str(text).to_string())
    }

    #[test]
    fn subjects_of_verbs() {
        assert_eq!(
            concept("The unemployment rate rose to 5%", "5").as_deref(),
            Some("The unemployment rate")
        );
        assert_eq!(
            concept("Shares in Rolls-Royce fell 4.5 per cent", "4").as_deref(),
            Some("Shares in Rolls-Royce")
        );
        assert_eq!(
            concept(
                "The Dow, which had slipped for three sessions, rose 0.65%",
                "0"
            )
            .as_deref(),
            Some("The Dow")
        );
        assert_eq!(
            concept("Tesla said net income rose to $1.1bn", "$").as_deref(),
            Some("net income")
        );
        assert_eq!(
            concept("Consumer spending grew 2%", "2").as_deref(),
            Some("Consumer spending")
        );
    }

    #[test]
    fn nouns_before_of() {
        assert_eq!(
            concept("Apple's revenue of $3bn beat forecasts", "$").as_deref(),
            Some("Apple's revenue")
        );
        assert_eq!(
            concept("Sales reached a total of $5m", "$").as_deref(),
            Some("Sales")
        );
        assert_eq!(concept("He said 5%", "5"), None);
    }
}
