//! Bounds: "about 60", "more than 5,000", "up to $3bn", "40-odd", "5,000 or more".

use super::Bound;
use super::tokens::Tokens;

/// Qualifiers written before a number, longest first where they share a prefix.
const BEFORE: &[(&[&str], Bound)] = &[
    (&["more", "than"], Bound::Min),
    (&["greater", "than"], Bound::Min),
    (&["higher", "than"], Bound::Min),
    (&["larger", "than"], Bound::Min),
    (&["bigger", "than"], Bound::Min),
    (&["longer", "than"], Bound::Min),
    (&["at", "least"], Bound::Min),
    (&["no", "fewer", "than"], Bound::Min),
    (&["no", "less", "than"], Bound::Min),
    (&["not", "less", "than"], Bound::Min),
    (&["in", "excess", "of"], Bound::Min),
    (&["upwards", "of"], Bound::Min),
    (&["upward", "of"], Bound::Min),
    (&["a", "minimum", "of"], Bound::Min),
    (&["just", "over"], Bound::Min),
    (&["well", "over"], Bound::Min),
    (&["well", "above"], Bound::Min),
    // Market slang: "north of $1bn", "south of 2%".
    (&["north", "of"], Bound::Min),
    (&["over"], Bound::Min),
    (&["past"], Bound::Min),
    (&["above"], Bound::Min),
    (&["exceeding"], Bound::Min),
    (&["topping"], Bound::Min),
    (&[">"], Bound::Min),
    (&["≥"], Bound::Min),
    (&["no", "more", "than"], Bound::Max),
    (&["not", "more", "than"], Bound::Max),
    (&["less", "than"], Bound::Max),
    (&["fewer", "than"], Bound::Max),
    (&["lower", "than"], Bound::Max),
    (&["smaller", "than"], Bound::Max),
    (&["shorter", "than"], Bound::Max),
    (&["cheaper", "than"], Bound::Max),
    (&["up", "to"], Bound::Max),
    (&["at", "most"], Bound::Max),
    (&["as", "many", "as"], Bound::Max),
    (&["as", "much", "as"], Bound::Max),
    (&["a", "maximum", "of"], Bound::Max),
    (&["just", "under"], Bound::Max),
    (&["just", "below"], Bound::Max),
    (&["well", "under"], Bound::Max),
    (&["well", "below"], Bound::Max),
    (&["south", "of"], Bound::Max),
    (&["as", "high", "as"], Bound::Max),
    (&["under"], Bound::Max),
    (&["below"], Bound::Max),
    (&["<"], Bound::Max),
    (&["≤"], Bound::Max),
    (&["an", "estimated"], Bound::Approx),
    (&["close", "to"], Bound::Approx),
    (&["in", "the", "region", "of"], Bound::Approx),
    (&["in", "the", "order", "of"], Bound::Approx),
    (&["on", "the", "order", "of"], Bound::Approx),
    (&["just", "about"], Bound::Approx),
    (&["around", "about"], Bound::Approx),
    (&["approx", "."], Bound::Approx),
    (&["about"], Bound::Approx),
    (&["around"], Bound::Approx),
    (&["approximately"], Bound::Approx),
    (&["approx"], Bound::Approx),
    (&["roughly"], Bound::Approx),
    (&["nearly"], Bound::Approx),
    (&["almost"], Bound::Approx),
    (&["some"], Bound::Approx),
    (&["estimated"], Bound::Approx),
    (&["circa"], Bound::Approx),
    (&["approaching"], Bound::Approx),
    (&["~"], Bound::Approx),
    (&["≈"], Bound::Approx),
    (&["exactly"], Bound::Exact),
    (&["precisely"], Bound::Exact),
];

/// Qualifiers written after a number (and its unit).
const AFTER: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::Min),
    (&["or", "higher"], Bound::Min),
    (&["or", "above"], Bound::Min),
    (&["or", "over"], Bound::Min),
    (&["and", "above"], Bound::Min),
    (&["and", "over"], Bound::Min),
    (&["and", "up"], Bound::Min),
    (&["-", "plus"], Bound::Min),
    (&["plus"], Bound::Min),
    (&["+"], Bound::Min),
    (&["or", "less"], Bound::Max),
    (&["or", "fewer"], Bound::Max),
    (&["or", "lower"], Bound::Max),
    (&["or", "so"], Bound::Approx),
    (&["or", "thereabouts"], Bound::Approx),
    (&["-", "odd"], Bound::Approx),
    (&["odd"], Bound::Approx),
    (&["-", "some"], Bound::Approx),
    (&["-", "ish"], Bound::Approx),
];

fn matches_at(t: &Tokens<'_>, start: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, w)| t.is(start + k, w))
}

/// "past" bounds an amount after a verb ("climbed past 1,000"), not after a determiner ("the
/// past 10 years") or at the start of a sentence.
fn past_is_bound(t: &Tokens<'_>, at: usize) -> bool {
    at > 0
        && t.is_word(at - 1)
        && !t.is_any(
            at - 1,
            &[
                "the", "its", "their", "this", "these", "his", "her", "our", "my", "last", "next",
            ],
        )
}

/// The qualifier that ends right before token `first`, never reaching before `floor`:
/// the bound and the qualifier's first token.
pub(crate) fn before(t: &Tokens<'_>, first: usize, floor: usize) -> Option<(Bound, usize)> {
    let mut best: Option<(Bound, usize)> = None;
    for (phrase, bound) in BEFORE {
        let Some(start) = first.checked_sub(phrase.len()) else {
            continue;
        };
        if start < floor || !matches_at(t, start, phrase) {
            continue;
        }
        // "surged past 1,000" is a bound; "the past 10 years" is a time.
        if *phrase == ["past"] && !past_is_bound(t, start) {
            continue;
        }
        if best.is_none_or(|(_, s)| start < s) {
            best = Some((*bound, start));
        }
    }
    best
}

/// The qualifier that starts at token `end` (right after the number and unit): the bound and
/// one past the qualifier's last token.
pub(crate) fn after(t: &Tokens<'_>, end: usize) -> Option<(Bound, usize)> {
    for (phrase, bound) in AFTER {
        if !matches_at(t, end, phrase) {
            continue;
        }
        let touching = t.touches_prev(end);
        // "5,000+", "40-odd", "5,000-plus" touch the number; "or more" does not need to.
        if matches!(phrase[0], "+" | "-") && !touching {
            continue;
        }
        // "plus" must not start a new clause ("5% plus a fee"): only when nothing wordy follows.
        if *phrase == ["plus"] && t.is_word(end + 1) {
            continue;
        }
        return Some((*bound, end + phrase.len()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn toks(text: &str) -> Tokens<'_> {
        Tokens::new(text, Span::new(0, text.len()))
    }

    #[test]
    fn longest_qualifier_before() {
        let t = toks("killed no more than 5 people");
        assert_eq!(before(&t, 4, 0), Some((Bound::Max, 1)));
        let t = toks("about 60 kilometers");
        assert_eq!(before(&t, 1, 0), Some((Bound::Approx, 0)));
        assert_eq!(before(&t, 1, 1), None);
    }

    #[test]
    fn qualifiers_after() {
        let t = toks("5,000 or more");
        assert_eq!(after(&t, 3), Some((Bound::Min, 5)));
        let t = toks("5,000+ fans");
        assert_eq!(after(&t, 3), Some((Bound::Min, 4)));
        let t = toks("40-odd boats");
        assert_eq!(after(&t, 1), Some((Bound::Approx, 3)));
    }
}
