//! Numbers as written in news: digits, words, fractions, scales and vague amounts.
//!
//! [`parse`] reads one number starting at a token and says where it ends. It understands
//! "2,250", "-4.5", "1e10", "3/4", "2 1/4", "2½", "1.5 million", "$3bn" (the scale part), "10k",
//! "two hundred and fifty", "twenty-one trillion", "two-thirds", "one and a half", "half a million",
//! "a dozen", "a couple of", "five point two", and the vague amounts "dozens of", "hundreds of",
//! "tens of thousands of" (as ranges). Every step reads tokens left to right and never goes back
//! more than a token, so the cost is linear.

use super::tokens::Tokens;

mod digits;
mod words;

use digits::{Lit, literal, vulgar_fraction};
pub(crate) use words::is_number_word;
use words::{
    Word, cardinal, denominator, denominator_at, fraction_tail, is_hyphen, point_digits, word,
};

/// A number found in the tokens.
#[derive(Clone, Debug)]
pub(crate) struct Number {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The value, scale applied. For a vague amount, its lower end.
    pub value: f64,
    /// Lower and upper end of a vague amount ("dozens" → 12..120).
    pub vague: Option<(f64, f64)>,
    /// Spelled out in words, at least in part.
    pub words: bool,
    /// The multiplier of a trailing scale word ("million" → 1e6), or 1.
    pub scale: f64,
    /// A single run of digits with nothing else: "2019", "66", "0800".
    pub plain_digits: bool,
    /// Has a decimal part ("4.5").
    pub decimal: bool,
}

/// What [`parse`] found.
pub(crate) enum Parsed {
    /// A number.
    Number(Number),
    /// Digits that are not a quantity (an IP address, a time, a date "5/17/2018", an ordinal
    /// "21st", a decade "1990s"): skip up to this token.
    Skip(usize),
}

/// Parses the number that starts at token `i`. `money` says a currency symbol came just before
/// (so "m" after digits means million, not metres).
pub(crate) fn parse(t: &Tokens<'_>, i: usize, money: bool) -> Option<Parsed> {
    let w = t.lower(i);
    // Signs: "-1", "minus five", "negative one over 20".
    if matches!(w, "-" | "−" | "+") {
        // "- 10 k" at the very start of a text is a sign too.
        let spaced_ok = i == 0 && t.is_digits(i + 1);
        if !(t.touches_prev(i + 1) || spaced_ok) || !(t.is_digits(i + 1) || t.raw(i + 1) == ".") {
            return None;
        }
        // "COVID-19", "5-6": a hyphen touching a word or digits before it is not a sign.
        if i > 0 && t.touches_prev(i) && (t.is_word(i - 1) || t.is_digits(i - 1)) && !money {
            return None;
        }
        let sign = if w == "+" { 1.0 } else { -1.0 };
        return match parse(t, i + 1, money)? {
            Parsed::Number(mut n) => {
                n.first = i;
                n.value *= sign;
                n.plain_digits = false;
                Some(Parsed::Number(n))
            }
            skip => Some(skip),
        };
    }
    if matches!(w, "minus" | "negative") {
        // "minus-260 degrees"
        let next = if is_hyphen(t.raw(i + 1)) && t.touches_prev(i + 1) {
            i + 2
        } else {
            i + 1
        };
        // One sign only: "minus minus ..." must not recurse.
        if !(t.is_digits(next) || word(t.lower(next)).is_some()) {
            return None;
        }
        return match parse(t, next, money)? {
            Parsed::Number(mut n) if n.vague.is_none() => {
                n.first = i;
                n.value = -n.value;
                n.words = true;
                n.plain_digits = false;
                Some(Parsed::Number(n))
            }
            _ => None,
        };
    }
    if t.is_word(i) {
        if let Some(n) = vague(t, i) {
            return Some(Parsed::Number(n));
        }
        if let Some(n) = special_start(t, i) {
            return Some(Parsed::Number(n));
        }
    }
    if t.is_digits(i) || t.raw(i) == "." || vulgar_fraction(t.raw(i)).is_some() {
        // Skips for identifiers, times and dates are reported so the caller jumps past them.
        if let Some(Lit::Skip(end)) = literal(t, i) {
            return Some(Parsed::Skip(end));
        }
        // Ordinals "21st" and decades "1990s", "80s".
        let end_digits = i + 1;
        if t.is_digits(i)
            && t.touches_prev(end_digits)
            && t.is_any(end_digits, &["st", "nd", "rd", "th", "s"])
        {
            return Some(Parsed::Skip(end_digits + 1));
        }
    }
    let card = cardinal(t, i, money)?;
    let mut n = Number {
        first: i,
        end: card.end,
        value: card.value,
        vague: None,
        words: card.words,
        scale: card.scale,
        plain_digits: card.plain,
        decimal: card.decimal,
    };
    if !n.value.is_finite() {
        return Some(Parsed::Skip(n.end));
    }
    extend_words(t, &mut n, card.prev_small);
    Some(Parsed::Number(n))
}

/// Fractions, decimals and "and a half" after a cardinal in words.
fn extend_words(t: &Tokens<'_>, n: &mut Number, prev_small: bool) {
    let j = n.end;
    // "two hundred point zero three"
    if n.words && t.is(j, "point") {
        if let Some((frac, end)) = point_digits(t, j + 1) {
            n.value += frac;
            n.end = end;
            n.decimal = true;
            apply_trailing_scale(t, n);
        }
        return;
    }
    // "two thirds", "five-eighths", "twenty-three fifths"
    if n.words && prev_small && n.scale == 1.0 && n.value >= 1.0 {
        if let Some((den, end)) = denominator_at(t, j) {
            // "one second" is a duration, "the third" a rank: only plural denominators after
            // numerators above one, and "one"/"a" before a singular.
            let plural = t.lower(end - 1).ends_with('s');
            let ok = (n.value == 1.0 && !plural) || (n.value > 1.0 && plural);
            if ok && !(den == 2.0 && n.value > 1.0) {
                n.value /= den;
                n.end = end;
                n.decimal = true;
                n.plain_digits = false;
                // "two thirds of a million"
                if t.is(end, "of")
                    && t.is_any(end + 1, &["a", "an"])
                    && let Some(Word::Scale(s)) = word(t.lower(end + 2))
                {
                    n.value *= s;
                    n.scale = s;
                    n.end = end + 3;
                }
                return;
            }
        }
    }
    // "one and a half", "five and a half million", "one million and a half", "one billion and a
    // half million"
    if t.is(j, "and")
        && let Some((frac, end)) = fraction_tail(t, j + 1)
    {
        n.end = end;
        n.decimal = true;
        n.plain_digits = false;
        if let Some(Word::Scale(s)) = word(t.lower(end)) {
            if n.value < s {
                n.value = (n.value + frac) * s;
            } else {
                n.value += frac * s;
            }
            n.scale = s;
            n.end = end + 1;
        } else if n.scale > 1.0 {
            n.value += frac * n.scale;
        } else {
            n.value += frac;
        }
    }
}

/// "five point two million"
fn apply_trailing_scale(t: &Tokens<'_>, n: &mut Number) {
    if let Some(Word::Scale(s)) = word(t.lower(n.end))
        && n.scale == 1.0
    {
        n.value *= s;
        n.scale = s;
        n.end += 1;
    }
}

/// Numbers that start with "a", "half", "quarter": "a dozen", "a couple of", "a third of",
/// "half a million", "a half".
fn special_start(t: &Tokens<'_>, i: usize) -> Option<Number> {
    let w = t.lower(i);
    let number = |end: usize, value: f64, scale: f64| Number {
        first: i,
        end,
        value,
        vague: None,
        words: true,
        scale,
        plain_digits: false,
        decimal: value.fract() != 0.0,
    };
    match w {
        "a" | "an" => {
            let next = t.lower(i + 1);
            if next == "couple" {
                // "a couple of", "a couple hundred"
                if let Some(Word::Hundred) = word(t.lower(i + 2)) {
                    return Some(number(i + 3, 200.0, 1.0));
                }
                if let Some(Word::Scale(s)) = word(t.lower(i + 2)) {
                    return Some(number(i + 3, 2.0 * s, s));
                }
                if t.is(i + 2, "of") {
                    return Some(number(i + 2, 2.0, 1.0));
                }
                return None;
            }
            let den = denominator(next)?;
            if next.ends_with('s') {
                return None;
            }
            // "a half", "a third of", "a quarter of", "a hundredth"; not "a third term".
            let ok = next == "half" || t.is(i + 2, "of") || den >= 100.0 || !t.is_word(i + 2);
            if !ok {
                return None;
            }
            let mut n = number(i + 2, 1.0 / den, 1.0);
            n.decimal = true;
            if let Some(Word::Scale(s)) = word(t.lower(i + 2)) {
                // "a half million"
                n.value *= s;
                n.scale = s;
                n.end += 1;
            }
            Some(n)
        }
        "half" | "quarter" => {
            let f = if w == "half" { 0.5 } else { 0.25 };
            // "half a million", "half a dozen", "half million", "quarter of a million"
            let mut k = i + 1;
            if t.is(k, "of") && t.is_any(k + 1, &["a", "an"]) {
                k += 2;
            } else if t.is_any(k, &["a", "an"]) {
                k += 1;
            }
            match word(t.lower(k)) {
                Some(Word::Scale(s)) => return Some(number(k + 1, f * s, s)),
                Some(Word::Dozen) if !t.lower(k).ends_with('s') => {
                    return Some(number(k + 1, f * 12.0, 1.0));
                }
                _ => {}
            }
            // "the second half of the year", "the first quarter": a part of a period.
            if i > 0
                && t.is_any(
                    i - 1,
                    &[
                        "first", "second", "third", "fourth", "final", "last", "latter", "former",
                        "other",
                    ],
                )
            {
                return None;
            }
            // "half of the voters", "half the condos", "more than half"
            let qualified = i > 0
                && t.is_any(
                    i - 1,
                    &[
                        "than", "nearly", "almost", "about", "over", "under", "roughly", "around",
                    ],
                );
            if w == "half" && (qualified || t.is_any(i + 1, &["of", "the", "their", "its"])) {
                return Some(number(i + 1, 0.5, 1.0));
            }
            None
        }
        _ => None,
    }
}

/// Vague amounts as ranges: "dozens of", "hundreds of", "tens of thousands of",
/// "hundreds of millions of".
fn vague(t: &Tokens<'_>, i: usize) -> Option<Number> {
    let plural = |w: &str| -> Option<f64> {
        Some(match w {
            "tens" => 10.0,
            "dozens" => 12.0,
            "scores" => 20.0,
            "hundreds" => 100.0,
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            "trillions" => 1e12,
            _ => return None,
        })
    };
    let first = plural(t.lower(i))?;
    if !t.is(i + 1, "of") {
        return None;
    }
    // "tens of thousands", "hundreds of millions"
    let (low, end) = match plural(t.lower(i + 2)) {
        Some(second) if second >= 1e3 && second > first => (first * second, i + 3),
        _ => (first, i + 1),
    };
    if low == 10.0 || (low == 20.0 && end == i + 1) {
        // "tens of" alone and "scores of" are too loose to count.
        return None;
    }
    Some(Number {
        first: i,
        end,
        value: low,
        vague: Some((low, low * 10.0)),
        words: true,
        scale: 1.0,
        plain_digits: false,
        decimal: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn value(text: &str) -> Option<(f64, &str)> {
        let t = Tokens::new(text, Span::new(0, text.len()));
        match parse(&t, 0, false)? {
            Parsed::Number(n) => Some((
                n.value,
                &text[t.span(n.first, n.end).start..t.span(n.first, n.end).end],
            )),
            Parsed::Skip(_) => None,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) + 1e-12
    }

    #[track_caller]
    fn check(text: &str, expect: f64, covered: &str) {
        let (v, s) = value(text).unwrap_or_else(|| panic!("no number in {text:?}"));
        assert!(close(v, expect), "{text:?}: {v} != {expect}");
        assert_eq!(s, covered, "{text:?}");
    }

    #[test]
    fn digits() {
        check("2,250 ISIS members", 2250.0, "2,250");
        check("1,234,567.89 x", 1234567.89, "1,234,567.89");
        check("1 234 567", 1234567.0, "1 234 567");
        check(".25ml", 0.25, ".25");
        check("-4.5 degrees", -4.5, "-4.5");
        check("1e10", 1e10, "1e10");
        check("-12e-1", -1.2, "-12e-1");
        check("3/4 mile", 0.75, "3/4");
        check("2 1/4", 2.25, "2 1/4");
        check("2½ hours", 2.5, "2½");
    }

    #[test]
    fn scales() {
        check("1.5 million people", 1.5e6, "1.5 million");
        for (text, want) in [
            ("4.1 billion", 4.1e9),
            ("0.1 million", 1e5),
            ("2.7 trillion", 2.7e12),
        ] {
            assert_eq!(value(text).unwrap().0, want, "{text}");
        }
        check("3bn", 3e9, "3bn");
        check("10k runners", 1e4, "10k");
        check("10M.", 1e7, "10M");
        check("322 hundred", 32200.0, "322 hundred");
        check(
            "4 thousand 3 hundred and 21 x",
            4321.0,
            "4 thousand 3 hundred and 21",
        );
    }

    #[test]
    fn words() {
        check(
            "two hundred and fifty people",
            250.0,
            "two hundred and fifty",
        );
        check(
            "twenty-one trillion three hundred",
            21e12 + 300.0,
            "twenty-one trillion three hundred",
        );
        check("fifty - two", 52.0, "fifty - two");
        check("a dozen eggs", 12.0, "a dozen");
        check("half a million", 5e5, "half a million");
        check("two-thirds of voters", 2.0 / 3.0, "two-thirds");
        check(
            "two thirds of a million",
            2e6 / 3.0,
            "two thirds of a million",
        );
        check("one and a half", 1.5, "one and a half");
        check("five and a half million", 5.5e6, "five and a half million");
        check(
            "one billion and a half million",
            1.0005e9,
            "one billion and a half million",
        );
        check("a couple of weeks", 2.0, "a couple");
        check(
            "two hundred point zero three",
            200.03,
            "two hundred point zero three",
        );
        check("minus five point five", -5.5, "minus five point five");
        check("three dozen", 36.0, "three dozen");
    }

    #[test]
    fn vague_amounts() {
        let text = "tens of thousands of people";
        let t = Tokens::new(text, Span::new(0, text.len()));
        let Some(Parsed::Number(n)) = parse(&t, 0, false) else {
            panic!()
        };
        assert_eq!(n.vague, Some((1e4, 1e5)));
        assert_eq!(n.end, 3);
        assert!(value("dozens of homes").is_some());
        assert!(value("thousands protested").is_none());
    }

    #[test]
    fn not_numbers() {
        for text in [
            "192.168.1.2",
            "10:30",
            "5/17/2018",
            "21st",
            "1990s",
            "a third term",
        ] {
            assert!(value(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn huge_inputs_stay_finite() {
        let digits = "9".repeat(10_000);
        assert!(value(&digits).is_none());
        let millions = "a million ".repeat(1000);
        let (v, _) = value(&millions).unwrap();
        assert_eq!(v, 1e6);
    }
}
