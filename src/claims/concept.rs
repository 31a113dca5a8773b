//! Concept: the thing quantified, as a short noun phrase.
//!
//! Without a part-of-speech tagger the phrase is read with closed word classes: it is the run of
//! content words right after a count ("2,250 imprisoned ISIS militants into …" → "ISIS
//! militants"), after "of" for percentages and vague amounts ("25% of cases"), after a compound
//! adjective ("a $700 million contract"), or the subject before a verb of change or measure ("the
//! unemployment rate rose to 5%").

use super::tokens::Tokens;
use super::{change, numbers};

/// Longest concept, in words.
const MAX_WORDS: usize = 4;

/// Closed-class words and common verbs: never part of a concept.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "without"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "around"
            | "after"
            | "before"
            | "since"
            | "during"
            | "until"
            | "between"
            | "among"
            | "amid"
            | "amidst"
            | "against"
            | "across"
            | "through"
            | "throughout"
            | "within"
            | "per"
            | "via"
            | "than"
            | "as"
            | "like"
            | "near"
            | "toward"
            | "towards"
            | "upon"
            | "off"
            | "out"
            | "up"
            | "down"
            | "above"
            | "below"
            | "behind"
            | "beyond"
            | "despite"
            | "including"
            | "excluding"
            | "following"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "if"
            | "when"
            | "while"
            | "where"
            | "whereas"
            | "because"
            | "although"
            | "though"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "what"
            | "there"
            | "here"
            | "it"
            | "its"
            | "it's"
            | "they"
            | "them"
            | "their"
            | "he"
            | "him"
            | "his"
            | "she"
            | "her"
            | "we"
            | "us"
            | "our"
            | "you"
            | "your"
            | "i"
            | "me"
            | "my"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "also"
            | "only"
            | "just"
            | "even"
            | "still"
            | "now"
            | "then"
            | "each"
            | "every"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "other"
            | "another"
            | "such"
            | "some"
            | "any"
            | "more"
            | "most"
            | "less"
            | "least"
            | "fewer"
            | "many"
            | "much"
            | "few"
            | "several"
            | "very"
            | "too"
            | "said"
            | "says"
            | "say"
            | "told"
            | "according"
            | "ago"
            | "later"
            | "earlier"
            | "apiece"
            | "respectively"
            | "altogether"
            | "overall"
            | "annually"
            | "daily"
            | "weekly"
            | "monthly"
            | "yearly"
            | "away"
            | "long"
            | "wide"
            | "high"
            | "tall"
            | "deep"
            | "old"
            | "thick"
            | "heavy"
            | "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "ahead"
            | "back"
            | "left"
            | "right"
            | "again"
            | "already"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "last"
            | "next"
            | "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "ended"
            | "died"
            | "killed"
            | "injured"
            | "wounded"
            | "arrested"
            | "held"
            | "made"
            | "took"
            | "take"
            | "get"
            | "got"
            | "go"
            | "went"
            | "come"
            | "came"
            | "become"
            | "became"
            | "remain"
            | "remained"
            | "remains"
            | "according to"
            | "whether"
            | "times"
            | "percent"
            | "cent"
            | "point"
            | "points"
            | "compared"
            | "versus"
            | "vs"
            | "plus"
            | "minus"
            | "approximately"
            | "roughly"
            | "nearly"
            | "almost"
            | "worth"
    )
}

/// Verbs that link a subject to its measure ("the rate stood at 5%", "the district lies 60 km").
fn is_linking_verb(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "stood"
            | "stands"
            | "stand"
            | "reached"
            | "reaches"
            | "hit"
            | "hits"
            | "totaled"
            | "totalled"
            | "totals"
            | "amounted"
            | "amounts"
            | "came"
            | "comes"
            | "cost"
            | "costs"
            | "weighs"
            | "weighed"
            | "measures"
            | "measured"
            | "lies"
            | "lay"
            | "covers"
            | "covered"
            | "spans"
            | "averaged"
            | "averages"
            | "topped"
            | "tops"
            | "exceeded"
            | "exceeds"
            | "remained"
            | "remains"
            | "fetched"
            | "sold"
            | "valued"
            | "worth"
            | "of"
            | "to"
            | "at"
            | "by"
            | "has"
            | "had"
            | "have"
            | "rose"
            | "rise"
            | "rises"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "increased"
            | "decreased"
            | "climbed"
            | "dropped"
            | "declined"
            | "jumped"
            | "surged"
            | "soared"
            | "grew"
            | "gained"
            | "lost"
            | "slipped"
            | "slid"
            | "tumbled"
            | "plunged"
            | "plummeted"
            | "sank"
            | "eased"
            | "dipped"
            | "shed"
            | "added"
            | "advanced"
            | "up"
            | "down"
            | "nearly"
            | "about"
            | "around"
            | "almost"
            | "some"
            | "roughly"
            | "approximately"
            | "more"
            | "than"
            | "over"
            | "under"
            | "least"
            | "only"
            | "just"
            | "now"
            | "currently"
            | "still"
            | "already"
            | "an"
            | "estimated"
            | "located"
            | "situated"
    )
}

/// Leading modifiers that are not part of what is counted ("two recent suicide attacks").
fn is_loose_modifier(w: &str) -> bool {
    matches!(
        w,
        "recent"
            | "new"
            | "additional"
            | "further"
            | "extra"
            | "separate"
            | "different"
            | "former"
            | "previous"
            | "same"
            | "possible"
            | "potential"
            | "major"
            | "other"
            | "individual"
            | "consecutive"
            | "straight"
            | "successive"
            | "reported"
            | "estimated"
            | "confirmed"
            | "registered"
            | "alleged"
            | "so-called"
            | "whopping"
            | "mere"
            | "record"
            | "staggering"
            | "total"
            | "full"
            | "entire"
            | "key"
            | "top"
    )
}

fn is_content(t: &Tokens<'_>, i: usize) -> bool {
    t.is_word(i) && {
        let w = t.lower(i);
        !is_function_word(w) && !numbers::is_number_word(w)
    }
}

/// Common verbs that the suffix rules miss ("found", "sold").
fn is_common_verb(w: &str) -> bool {
    matches!(
        w,
        "shut"
            | "fled"
            | "fought"
            | "flew"
            | "drove"
            | "wrote"
            | "spoke"
            | "struck"
            | "sought"
            | "caught"
            | "built"
            | "dealt"
            | "meant"
            | "heard"
            | "lay"
            | "slept"
            | "stole"
            | "wore"
            | "threw"
            | "froze"
            | "ate"
            | "drank"
            | "swam"
            | "beat"
            | "hid"
            | "shot"
            | "spread"
            | "split"
            | "quit"
            | "burst"
            | "hurt"
            | "rode"
            | "shook"
            | "stuck"
            | "swore"
            | "withdrew"
            | "die"
            | "dies"
            | "live"
            | "lives"
            | "work"
            | "works"
            | "wait"
            | "waited"
            | "face"
            | "faces"
            | "attend"
            | "found"
            | "made"
            | "took"
            | "gave"
            | "got"
            | "went"
            | "came"
            | "saw"
            | "see"
            | "sees"
            | "think"
            | "thinks"
            | "know"
            | "knew"
            | "left"
            | "led"
            | "paid"
            | "pay"
            | "pays"
            | "sold"
            | "sell"
            | "sells"
            | "won"
            | "win"
            | "wins"
            | "lost"
            | "put"
            | "set"
            | "cut"
            | "hit"
            | "let"
            | "kept"
            | "keep"
            | "met"
            | "ran"
            | "run"
            | "runs"
            | "sent"
            | "spent"
            | "spend"
            | "stood"
            | "brought"
            | "bought"
            | "buy"
            | "buys"
            | "thought"
            | "began"
            | "felt"
            | "fell"
            | "rose"
            | "grew"
            | "show"
            | "shows"
            | "showed"
            | "shown"
            | "include"
            | "includes"
            | "remain"
            | "remains"
            | "get"
            | "gets"
            | "give"
            | "gives"
            | "make"
            | "makes"
            | "take"
            | "takes"
            | "want"
            | "wants"
            | "need"
            | "needs"
            | "use"
            | "uses"
            | "expect"
            | "expects"
            | "plan"
            | "plans"
            | "hold"
            | "holds"
            | "owns"
            | "own"
            | "employs"
            | "employ"
            | "reach"
            | "reaches"
            | "estimate"
            | "estimates"
            | "predict"
            | "predicts"
            | "forecast"
            | "forecasts"
            | "says"
            | "adds"
            | "add"
            | "cost"
            | "costs"
            | "rise"
            | "rises"
            | "fall"
            | "falls"
            | "drop"
            | "drops"
            | "gain"
            | "gains"
            | "lose"
            | "loses"
            | "trade"
            | "trades"
            | "traded"
            | "trading"
            | "shed"
            | "hits"
            | "tops"
            | "topped"
            | "became"
            | "become"
            | "becomes"
            | "been"
            | "told"
    )
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

/// Auxiliaries and adverbs between a subject and its verb ("the set will cost", "shares also
/// rose").
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "also"
            | "now"
            | "still"
            | "reportedly"
            | "already"
            | "just"
            | "recently"
            | "previously"
            | "initially"
            | "expected"
            | "likely"
            | "not"
    )
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
pub(crate) fn phrase_after(t: &Tokens<'_>, mut k: usize, limit: usize) -> Option<(usize, usize)> {
    // "of the voters", "of their homes": the determiner is not the concept.
    if t.is_any(
        k,
        &[
            "the", "their", "its", "his", "her", "our", "those", "these", "all",
        ],
    ) {
        k += 1;
    }
    let first = k;
    let mut end = k;
    let mut words = 0;
    while end < limit && words < MAX_WORDS {
        if is_content(t, end) {
            let w = t.lower(end);
            if words > 0 && (ends_phrase(w) || is_common_verb(w) || change::is_verb(w)) {
                break;
            }
            words += 1;
            end += 1;
            // "V10 engine", "A320 jets": digits touching a word are part of its name.
            if t.is_digits(end) && t.touches_prev(end) {
                end += 1;
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
        if participle || is_loose_modifier(w) {
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

/// The subject that ends before token `k`, looking back over linking verbs and fillers:
/// "the unemployment rate [rose to] 5%".
pub(crate) fn subject_before(t: &Tokens<'_>, mut k: usize, floor: usize) -> Option<(usize, usize)> {
    let mut skipped = 0;
    while k > floor && skipped < 5 && {
        let w = t.lower(k - 1);
        is_linking_verb(w)
            || is_common_verb(w)
            || is_auxiliary(w)
            || (w.ends_with("ed") && w.len() > 4)
    } {
        k -= 1;
        skipped += 1;
    }
    if skipped == 0 || k <= floor {
        return None;
    }
    // "bank stocks, which were up 2.8%": the subject is what "which" stands for.
    if t.is_any(k - 1, &["which", "who", "that"]) && k >= 2 && t.raw(k - 2) == "," && k - 2 > floor
    {
        k -= 2;
    }
    let end = k;
    let mut first = k;
    let mut words = 0;
    while first > floor
        && words < MAX_WORDS + 2
        && (is_nominal(t, first - 1) || is_name_piece(t, first - 1))
    {
        first -= 1;
        words += 1;
        if first > floor
            && t.raw(first - 1) == "-"
            && t.touches_prev(first)
            && first - 1 > floor
            && is_nominal(t, first - 2)
        {
            first -= 1;
        }
    }
    if words == 0 {
        return None;
    }
    if first > floor && t.is(first - 1, "the") {
        first -= 1;
    }
    Some((first, end))
}

/// "$5 billion in revenue", "$550 off a laptop": a phrase after a preposition that follows the
/// quantity. Capitalised phrases after "in"/"on" are places and dates, not concepts.
pub(crate) fn after_preposition(t: &Tokens<'_>, end: usize) -> Option<(usize, usize)> {
    if !t.is_any(end, &["in", "off", "for", "on", "worth"]) {
        return None;
    }
    let (a, b) = phrase_after(t, end + 1, t.len())?;
    if t.is_capitalized(a) || a > end + 3 {
        return None;
    }
    Some((a, b))
}

/// The nearest run of content words before token `first` in the same clause ("Nasdaq +0.8%").
pub(crate) fn nearest_before(t: &Tokens<'_>, first: usize, floor: usize) -> Option<(usize, usize)> {
    let mut k = first;
    let mut looked = 0;
    while k > floor && looked < 5 && !is_nominal(t, k - 1) {
        // Never across clause punctuation or another number.
        if !t.is_word(k - 1) {
            return None;
        }
        k -= 1;
        looked += 1;
    }
    if k == floor || !is_nominal(t, k - 1) {
        return None;
    }
    let end = k;
    let mut start = k;
    let mut words = 0;
    while start > floor && words < MAX_WORDS && is_nominal(t, start - 1) {
        start -= 1;
        words += 1;
    }
    Some((start, end))
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

    #[test]
    fn subjects() {
        let text = "the unemployment rate rose to 5%";
        let t = Tokens::new(text, Span::new(0, text.len()));
        let (a, b) = subject_before(&t, 5, 0).unwrap();
        assert_eq!(t.span(a, b).as_str(text), "the unemployment rate");
    }
}
