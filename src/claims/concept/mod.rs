//! Concept: the thing quantified, as a short noun phrase.
//!
//! Without a part-of-speech tagger the phrase is read with closed word classes: it is the run of
//! content words right after a count ("2,250 imprisoned ISIS militants into …" → "ISIS
//! militants"), after "of" for percentages and vague amounts ("25% of cases"), after a compound
//! adjective ("a $700 million contract"), or the subject before a verb of change or measure ("the
//! unemployment rate rose to 5%").

mod subject;

use super::lexicon::{self, Class};
use super::tokens::Tokens;
use super::{change, numbers};

fn is_function_word(w: &str) -> bool {
    lexicon::is(w, Class::Function)
}

fn is_linking_verb(w: &str) -> bool {
    lexicon::is(w, Class::Linking)
}

fn is_loose_modifier(w: &str) -> bool {
    lexicon::is(w, Class::LooseModifier)
}

fn is_common_verb(w: &str) -> bool {
    lexicon::is(w, Class::CommonVerb)
}

fn is_auxiliary(w: &str) -> bool {
    lexicon::is(w, Class::Auxiliary)
}

/// Longest concept, in words.
const MAX_WORDS: usize = 4;

fn is_content(t: &Tokens<'_>, i: usize) -> bool {
    t.is_word(i) && {
        let w = t.lower(i);
        // "US", "UK", "IT": an acronym is a name even when its letters spell a function word.
        let acronym = w.len() >= 2 && t.raw(i).chars().all(|c| c.is_ascii_uppercase());
        (acronym || !is_function_word(w)) && !numbers::is_number_word(w)
    }
}

/// Pieces of names that are not words: "500" and "&" in "S&P 500", "/" in "S&P/TSX".
fn is_name_piece(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev_named = t.is_capitalized(i - 1);
    (t.is_digits(i) && prev_named && !t.is_digits(i - 1))
        || (matches!(t.raw(i), "&" | "/") && prev_named && t.is_capitalized(i + 1))
}

/// A content word that is not a verb: what a subject is made of.
fn is_nominal(t: &Tokens<'_>, i: usize) -> bool {
    if !is_content(t, i) {
        return false;
    }
    let w = t.lower(i);
    !(is_common_verb(w)
        || is_linking_verb(w)
        || change::is_verb(w)
        || (w.ends_with("ed") && w.len() > 4)
        || (w.ends_with("ing") && w.len() > 5)
        || w.ends_with("fold"))
}

/// Past-tense and -ly words after the head noun end a phrase ("two militants detonated").
fn ends_phrase(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 4)
        || (w.ends_with("ly") && w.len() > 4)
        || (w.ends_with("ing") && w.len() > 5)
}

/// The noun phrase that starts at token `k` (content words, at most [`MAX_WORDS`]), before
/// `limit`: `(first, end)` tokens.
pub(crate) fn phrase_after(t: &Tokens<'_>, k: usize, limit: usize) -> Option<(usize, usize)> {
    phrase(t, k, limit, false)
}

/// The phrase counted by a number: like [`phrase_after`], but a plural noun that doubles as a
/// verb ("two large contracts in", "five new cuts") is the head, since a plural count never takes
/// a verb in "-s".
fn counted_phrase(t: &Tokens<'_>, k: usize, limit: usize) -> Option<(usize, usize)> {
    phrase(t, k, limit, true)
}

/// Skips a second amount between a count and its noun: "5 of its 12 branches", "400 of the
/// 1,200 students", "two 16-year-old boys", "three 500-pound bombs". Returns `k` unchanged when
/// no noun follows the amount.
fn skip_inner_amount(t: &Tokens<'_>, k: usize) -> usize {
    let mut j = k;
    if t.is_digits(j) {
        j += 1;
        while matches!(t.raw(j), "," | ".")
            && t.touches_prev(j)
            && t.is_digits(j + 1)
            && t.touches_prev(j + 1)
        {
            j += 2;
        }
    } else if t.is_word(j) && numbers::is_number_word(t.lower(j)) {
        j += 1;
    } else {
        return k;
    }
    // "-year-old", "-pound": the measure of a compound modifier.
    while t.raw(j) == "-" && t.touches_prev(j) && t.is_word(j + 1) && t.touches_prev(j + 1) {
        j += 2;
    }
    if is_content(t, j) { j } else { k }
}

/// A verb form in "-s" that is also a plural noun ("contracts", "cuts", "gains").
fn plural_noun_form(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
}

fn phrase(t: &Tokens<'_>, mut k: usize, limit: usize, plural: bool) -> Option<(usize, usize)> {
    // "of the voters", "of their homes": the determiner is not the concept.
    if t.is_any(
        k,
        &[
            "the", "their", "its", "his", "her", "our", "those", "these", "all",
        ],
    ) {
        k += 1;
    }
    k = skip_inner_amount(t, k);
    // "20 more people", "the 10 most popular apps", "two other men": a comparative between the
    // count and its noun is not what is counted.
    if t.is_any(k, &["more", "most", "other", "additional", "further"]) && is_content(t, k + 1) {
        k += 1;
    }
    // "five injured soldiers": a participle the word lists keep out of concepts ("five killed")
    // still lets the noun after it be counted.
    if t.is_word(k)
        && t.lower(k).ends_with("ed")
        && is_function_word(t.lower(k))
        && is_content(t, k + 1)
    {
        k += 1;
    }
    let first = k;
    let mut end = k;
    let mut words = 0;
    while end < limit && words < MAX_WORDS {
        if is_content(t, end) {
            let w = t.lower(end);
            // "new funding in", "housing spending.": an -ing word that closes the phrase is
            // its head noun; one followed by more words is a verb ("militants detonating").
            let ing_head = w.ends_with("ing")
                && !t.is_word(end + 1)
                && !t.is_digits(end + 1)
                && !change::is_verb(w)
                || w.ends_with("ing")
                    && t.is_any(
                        end + 1,
                        &["in", "of", "for", "on", "at", "to", "and", "or", "from"],
                    );
            // "Profit at 3 firms rises": after a plural noun the "-s" word is the verb.
            let plural_noun = plural && plural_noun_form(w) && !plural_noun_form(t.lower(end - 1));
            // "government-backed loans": a word joined by a hyphen belongs to the compound.
            let joined = t.raw(end - 1) == "-" && t.touches_prev(end);
            if words > 0
                && !joined
                && ((ends_phrase(w) && !ing_head)
                    || (!plural_noun && (is_common_verb(w) || change::is_verb(w))))
            {
                break;
            }
            words += 1;
            end += 1;
            // "U.S. states", "U.K. banks": dotted initials are one word.
            if t.raw(end - 1).len() == 1 && t.is_capitalized(end - 1) {
                while t.raw(end) == "."
                    && t.touches_prev(end)
                    && t.touches_prev(end + 1)
                    && t.is_word(end + 1)
                    && t.raw(end + 1).len() == 1
                {
                    end += 2;
                }
                if t.raw(end) == "." && t.touches_prev(end) && end > first + 1 {
                    end += 1;
                }
            }
            // "V10 engine", "A320 jets": digits touching a word are part of its name.
            if t.is_digits(end) && t.touches_prev(end) {
                end += 1;
            }
            // "F-16 jets", "COVID-19 patients": so are digits joined by a hyphen.
            if t.raw(end) == "-"
                && t.touches_prev(end)
                && t.is_digits(end + 1)
                && t.touches_prev(end + 1)
            {
                end += 2;
            }
            // "Kurdish-led forces", "al-Rutbah": hyphens that join words.
            if t.raw(end) == "-"
                && t.touches_prev(end)
                && t.touches_prev(end + 1)
                && is_content(t, end + 1)
            {
                end += 1;
            }
            continue;
        }
        break;
    }
    if words == 0 {
        return None;
    }
    let mut first = first;
    // Drop participles and loose modifiers in front while two words remain: "imprisoned ISIS
    // militants" → "ISIS militants".
    while words > 1 {
        let w = t.lower(first);
        let participle = w.ends_with("ed") && w.len() > 4 && !t.is_capitalized(first);
        // "full-time staff": a modifier joined by a hyphen is part of a compound.
        let hyphenated = t.raw(first + 1) == "-" && t.touches_prev(first + 1);
        if participle || (is_loose_modifier(w) && !hyphenated) {
            first += 1;
            if t.raw(first) == "-" {
                first += 1;
            }
            words -= 1;
        } else {
            break;
        }
    }
    // A trailing hyphen never ends a concept.
    while end > first && t.raw(end - 1) == "-" {
        end -= 1;
    }
    (end > first).then_some((first, end))
}

/// The concept of the quantity spanning tokens `first..end`: for a bare count (`count`), the
/// counted noun phrase; for a measured quantity, what it measures. `floor` is the end of the
/// previous claim: phrases next to the number never reach back past it, clause subjects may.
pub(crate) fn of_claim(
    t: &Tokens<'_>,
    first: usize,
    end: usize,
    count: bool,
    floor: usize,
) -> Option<(usize, usize)> {
    let determiner_before = first > floor
        && t.is_any(
            first - 1,
            &[
                "a", "an", "the", "its", "their", "his", "her", "our", "this",
            ],
        );
    // "Dow Jones Industrial Average (25,413, up 0.65%)": a figure in brackets after a name.
    let bracketed = first > floor + 1
        && t.raw(first - 1) == "("
        && (is_nominal(t, first - 2) || is_name_piece(t, first - 2));
    if count {
        let k = if t.is(end, "of") { end + 1 } else { end };
        if bracketed && counted_phrase(t, k, t.len()).is_none() {
            return subject::noun_phrase_before(t, first - 1, 0);
        }
        // "Crowds of 20,000 gathered": a lone verb after the count is not what is counted.
        return counted_phrase(t, k, t.len())
            .filter(|&(a, b)| {
                let w = t.lower(a);
                b > a + 1 || !(ends_phrase(w) || is_common_verb(w) || change::is_verb(w))
            })
            .or_else(|| subject::of_quantity(t, first, 0))
            .or_else(|| nearest_before(t, first, floor));
    }
    if t.is(end, "of") {
        // "25% of cases", "$3bn of debt"
        return phrase_after(t, end + 1, t.len());
    }
    if determiner_before {
        // "a 25% duty on steel", "a $700,000 award"
        if let Some(p) = phrase_after(t, end, t.len()) {
            return Some(p);
        }
    }
    if bracketed {
        return subject::noun_phrase_before(t, first - 1, 0);
    }
    // "Apple's revenue of $3bn": the noun before "of" is what the amount measures.
    if let Some(p) = subject::noun_before_of(t, first, 0) {
        return Some(p);
    }
    // "Nasdaq +0.8%, S&P 500 +0.3%": a name right before the amount owns it.
    let named_before = first > floor && (is_nominal(t, first - 1) || is_name_piece(t, first - 1));
    bare_noun_after_in(t, end)
        .or_else(|| subject::of_quantity(t, first, 0))
        .or_else(|| {
            phrase_after(t, end, t.len()).filter(|&(a, _)| {
                let w = t.lower(a);
                a == end
                    && !named_before
                    && !lexicon::is(w, Class::TimeNoun)
                    && !ends_phrase(w)
                    && !is_common_verb(w)
            })
        })
        .or_else(|| after_preposition(t, end))
        .or_else(|| nearest_before(t, first, floor))
}

/// True when a claim starting at token `next` follows one ending at `prev` with only
/// connectives between ("to", ", or", ", down", "(", "at"): it measures the same thing.
pub(crate) fn shares_subject(t: &Tokens<'_>, prev: usize, next: usize) -> bool {
    next >= prev
        && next - prev <= 3
        && (prev..next).all(|i| {
            matches!(t.raw(i), "," | "(" | "-" | "–")
                || t.is_any(
                    i,
                    &[
                        "to", "or", "and", "at", "from", "up", "down", "off", "higher", "lower",
                        "wide", "long", "high", "deep", "tall", "thick", "across",
                    ],
                )
        })
}

/// "$5 billion in revenue", "$2bn in new funding": "in" and a noun with no determiner says what
/// the money is; "in the quarter" and "in March" do not.
fn bare_noun_after_in(t: &Tokens<'_>, end: usize) -> Option<(usize, usize)> {
    if !t.is(end, "in") || !is_content(t, end + 1) || t.is_capitalized(end + 1) {
        return None;
    }
    let (a, b) = phrase_after(t, end + 1, t.len())?;
    (a == end + 1 && !(a..b).any(|i| lexicon::is(t.lower(i), Class::TimeNoun))).then_some((a, b))
}

/// "$5 billion in revenue", "$550 off a laptop": a phrase after a preposition that follows the
/// quantity. Capitalised phrases after "in"/"on" are places and dates, not concepts.
pub(crate) fn after_preposition(t: &Tokens<'_>, end: usize) -> Option<(usize, usize)> {
    if !t.is_any(end, &["in", "off", "for", "on", "worth"]) {
        return None;
    }
    let (a, b) = phrase_after(t, end + 1, t.len())?;
    if t.is_capitalized(a) || a > end + 3 || lexicon::is(t.lower(b - 1), Class::TimeNoun) {
        return None;
    }
    Some((a, b))
}

/// The nearest noun phrase before token `first` in the same clause ("Nasdaq +0.8%", "S&P 500
/// +0.3%").
pub(crate) fn nearest_before(t: &Tokens<'_>, first: usize, floor: usize) -> Option<(usize, usize)> {
    let mut k = first;
    let mut looked = 0;
    while k > floor && looked < 5 && !(is_nominal(t, k - 1) || is_name_piece(t, k - 1)) {
        // Never across clause punctuation or another number.
        if !t.is_word(k - 1) {
            return None;
        }
        k -= 1;
        looked += 1;
    }
    if k == floor {
        return None;
    }
    subject::noun_phrase_before(t, k, floor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn after(text: &str, k: usize) -> Option<String> {
        let t = Tokens::new(text, Span::new(0, text.len()));
        phrase_after(&t, k, t.len()).map(|(a, b)| t.span(a, b).as_str(text).to_string())
    }

    #[test]
    fn phrases_after_counts() {
        assert_eq!(
            after("2,250 imprisoned ISIS militants into the country", 3).as_deref(),
            Some("ISIS militants")
        );
        assert_eq!(
            after("two recent suicide attacks in western Iraq", 1).as_deref(),
            Some("suicide attacks")
        );
        assert_eq!(
            after("two ISIS militants detonated themselves", 1).as_deref(),
            Some("ISIS militants")
        );
        assert_eq!(after("five of them", 1), None);
    }
}
