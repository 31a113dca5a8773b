//! Numbers as written in news: digits, words, fractions, scales and vague amounts.
//!
//! [`parse`] reads one number starting at a token and says where it ends. It understands
//! "2,250", "-4.5", "1e10", "3/4", "2 1/4", "2½", "1.5 million", "$3bn" (the scale part), "10k",
//! "two hundred and fifty", "twenty-one trillion", "two-thirds", "one and a half", "half a million",
//! "a dozen", "a couple of", "five point two", and the vague amounts "dozens of", "hundreds of",
//! "tens of thousands of" (as ranges). Every step reads tokens left to right and never goes back
//! more than a token, so the cost is linear.

use super::tokens::{Kind, Tokens};
use super::units;

/// Digit runs longer than this are identifiers (or noise), not quantities.
const MAX_DIGITS: usize = 18;

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

#[derive(Clone, Copy, Debug, PartialEq)]
enum Word {
    /// zero..nineteen
    Small(f64),
    /// twenty..ninety
    Tens(f64),
    Hundred,
    /// thousand and up
    Scale(f64),
    Dozen,
}

fn word(w: &str) -> Option<Word> {
    use Word::*;
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => Small(0.0),
        "one" => Small(1.0),
        "two" => Small(2.0),
        "three" => Small(3.0),
        "four" => Small(4.0),
        "five" => Small(5.0),
        "six" => Small(6.0),
        "seven" => Small(7.0),
        "eight" => Small(8.0),
        "nine" => Small(9.0),
        "ten" => Small(10.0),
        "eleven" => Small(11.0),
        "twelve" => Small(12.0),
        "thirteen" => Small(13.0),
        "fourteen" => Small(14.0),
        "fifteen" => Small(15.0),
        "sixteen" => Small(16.0),
        "seventeen" => Small(17.0),
        "eighteen" => Small(18.0),
        "nineteen" => Small(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" | "fourty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "lakh" | "lakhs" => Scale(1e5),
        "million" => Scale(1e6),
        "crore" | "crores" => Scale(1e7),
        "billion" => Scale(1e9),
        "trillion" => Scale(1e12),
        "quadrillion" => Scale(1e15),
        "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => Dozen,
        _ => return None,
    })
}

/// True for words that spell numbers ("two", "hundred", "million", "dozen").
pub(crate) fn is_number_word(w: &str) -> bool {
    word(w).is_some()
}

/// Scale words and abbreviations that may follow digits ("1.5 million", "$3bn", "10k").
fn digit_scale(t: &Tokens<'_>, j: usize, money: bool) -> Option<f64> {
    let touching = t.touches_prev(j);
    let raw = t.raw(j);
    Some(match t.lower(j) {
        "thousand" | "thousands" => 1e3,
        "million" | "millions" | "mn" | "mln" | "mil" | "mio" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" | "tln" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "k" if touching || !t.is_word(j + 1) => 1e3,
        "mm" if raw == "MM" => 1e6,
        "m" if touching
            && (raw == "M" || money || next_is_money(t, j + 1) || m_is_million(t, j)) =>
        {
            1e6
        }
        "b" if touching => 1e9,
        _ => return None,
    })
}

/// "35m devices" is 35 million, "1.8m tall" and "a 100m race" are metres.
fn m_is_million(t: &Tokens<'_>, j: usize) -> bool {
    let number = j.saturating_sub(1);
    let article = number > 0
        && t.is_any(
            number - 1,
            &["a", "an", "the", "his", "her", "their", "its"],
        );
    let next = t.lower(j + 1);
    // A plural or participle noun phrase follows: "35m users", "2.7m combined sales".
    let nounish = next.len() > 2 && (next.ends_with('s') || next.ends_with("ed"))
        || matches!(
            next,
            "people" | "of" | "more" | "new" | "children" | "men" | "women"
        );
    t.is_word(j + 1)
        && nounish
        && !article
        && !matches!(
            next,
            "tall"
                | "long"
                | "high"
                | "wide"
                | "deep"
                | "away"
                | "above"
                | "below"
                | "from"
                | "in"
                | "to"
                | "into"
                | "across"
                | "under"
                | "over"
                | "up"
                | "down"
                | "off"
                | "and"
                | "or"
                | "by"
                | "at"
                | "thick"
                | "apart"
                | "race"
                | "sprint"
                | "hurdles"
                | "freestyle"
                | "backstroke"
                | "breaststroke"
                | "butterfly"
                | "relay"
                | "dash"
        )
}

/// `value * scale` without binary noise: "4.1 billion" is 4 100 000 000, not 4 099 999 999.9…
/// The product is rounded to a billionth of the scale (both factors are exact powers of ten).
fn scaled(value: f64, scale: f64) -> f64 {
    let v = value * scale;
    if scale < 1e3 || !v.is_finite() {
        return v;
    }
    if scale >= 1e9 {
        let unit = scale / 1e9;
        (v / unit).round() * unit
    } else {
        let k = 1e9 / scale;
        (v * k).round() / k
    }
}

fn next_is_money(t: &Tokens<'_>, j: usize) -> bool {
    units::after(t, j).is_some_and(|m| m.unit.is_currency())
}

/// Denominators: "third" → 3, "quarters" → 4 (plural), "hundredth" → 100.
fn denominator(w: &str) -> Option<f64> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    Some(match stem {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "fourth" | "quarter" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    })
}

/// Ordinal units that make compound denominators: "twenty-first(s)".
fn ordinal_unit(w: &str) -> Option<f64> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    Some(match stem {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        _ => return None,
    })
}

fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅐" => 1.0 / 7.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        "⅑" => 1.0 / 9.0,
        "⅒" => 0.1,
        _ => return None,
    })
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "‐" | "‑")
}

/// A digit literal: "2,250", "1 234 567", "4.5", ".25", "1e10", "3/4", "2 1/4", "2½".
struct Literal {
    end: usize,
    value: f64,
    /// Integer with no separators, decimals, fraction or exponent.
    plain: bool,
    /// Integer (possibly with separators) below 1000, usable inside "4 thousand 3 hundred".
    small_int: bool,
    decimal: bool,
}

enum Lit {
    Value(Literal),
    Skip(usize),
}

/// True when the whitespace between tokens `j - 1` and `j` is one space that can group digits.
fn group_space(t: &Tokens<'_>, j: usize) -> bool {
    let (Some(a), Some(b)) = (t.get(j.wrapping_sub(1)), t.get(j)) else {
        return false;
    };
    matches!(
        t.text().get(a.span.end..b.span.start),
        Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}")
    )
}

fn literal(t: &Tokens<'_>, i: usize) -> Option<Lit> {
    let mut digits = String::new();
    let mut j;
    let mut decimal = false;
    let mut grouped = false;
    if t.is_digits(i) {
        digits.push_str(t.raw(i));
        j = i + 1;
        // Thousands groups: "2,250", "1,234,567"; or "1 234 567" with (thin) spaces.
        let first_group_ok = t.raw(i).len() <= 3;
        if first_group_ok {
            let decimal_comma = t.raw(j) == ","
                && t.touches_prev(j)
                && t.is_digits(j + 1)
                && t.touches_prev(j + 1)
                && t.raw(j + 1).len() <= 2
                && !(t.raw(j + 2) == "," && t.touches_prev(j + 2));
            if decimal_comma {
                // "1,3" and "5,00": a decimal comma, never a thousands group.
                digits.push('.');
                digits.push_str(t.raw(j + 1));
                decimal = true;
                j += 2;
            } else if t.raw(j) == "," && t.touches_prev(j) && t.touches_prev(j + 1) {
                while digits.len() <= MAX_DIGITS
                    && t.raw(j) == ","
                    && t.touches_prev(j)
                    && t.is_digits(j + 1)
                    && t.touches_prev(j + 1)
                    && t.raw(j + 1).len() == 3
                {
                    digits.push_str(t.raw(j + 1));
                    grouped = true;
                    j += 2;
                }
            } else {
                while digits.len() <= MAX_DIGITS
                    && t.is_digits(j)
                    && t.raw(j).len() == 3
                    && group_space(t, j)
                {
                    // "the 10 000 troops" but not "in 2019 300 people" (first group too long).
                    if t.is_digits(j + 1) && group_space(t, j + 1) && t.raw(j + 1).len() != 3 {
                        break;
                    }
                    digits.push_str(t.raw(j));
                    grouped = true;
                    j += 1;
                }
            }
        }
        // Decimals: "4.5", but "192.168.1.2" and "2.0.1" are identifiers.
        if !decimal
            && t.raw(j) == "."
            && t.touches_prev(j)
            && t.is_digits(j + 1)
            && t.touches_prev(j + 1)
        {
            if t.raw(j + 2) == "." && t.is_digits(j + 3) && t.touches_prev(j + 2) {
                let mut k = j;
                while (t.raw(k) == "." || t.is_digits(k)) && (k == j || t.touches_prev(k)) {
                    k += 1;
                }
                return Some(Lit::Skip(k));
            }
            digits.push('.');
            digits.push_str(t.raw(j + 1));
            decimal = true;
            j += 2;
        }
    } else if t.raw(i) == "."
        && t.is_digits(i + 1)
        && t.touches_prev(i + 1)
        && !(t.is_digits(i.wrapping_sub(1)) && t.touches_prev(i))
    {
        digits.push_str("0.");
        digits.push_str(t.raw(i + 1));
        decimal = true;
        j = i + 2;
    } else if let Some(v) = vulgar_fraction(t.raw(i)) {
        return Some(Lit::Value(Literal {
            end: i + 1,
            value: v,
            plain: false,
            small_int: false,
            decimal: true,
        }));
    } else {
        return None;
    }
    let int_len = digits.split('.').next().map_or(0, str::len);
    if int_len > MAX_DIGITS {
        return Some(Lit::Skip(j));
    }
    let mut value: f64 = digits.parse().ok()?;
    let mut plain = !grouped && !decimal;
    // Times and scores "10:30", "3:1"; dates "5/17/2018".
    if t.raw(j) == ":" && t.touches_prev(j) && t.is_digits(j + 1) && t.touches_prev(j + 1) {
        let mut k = j;
        while (t.raw(k) == ":" || t.is_digits(k)) && t.touches_prev(k) {
            k += 1;
        }
        return Some(Lit::Skip(k));
    }
    if plain
        && matches!(t.raw(j), "/" | "⁄")
        && t.touches_prev(j)
        && t.is_digits(j + 1)
        && t.touches_prev(j + 1)
    {
        if matches!(t.raw(j + 2), "/" | "-" | ".") && t.touches_prev(j + 2) {
            let mut k = j;
            while (matches!(t.raw(k), "/" | "-" | ".") || t.is_digits(k)) && t.touches_prev(k) {
                k += 1;
            }
            return Some(Lit::Skip(k));
        }
        let den: f64 = t.raw(j + 1).parse().unwrap_or(0.0);
        if value < den && is_fraction_denominator(den) {
            return Some(Lit::Value(Literal {
                end: j + 2,
                value: value / den,
                plain: false,
                small_int: false,
                decimal: true,
            }));
        }
        // "24/7", "9/11": not a quantity.
        return Some(Lit::Skip(j + 2));
    }
    // Exponents: "1e10", "-12e-1", "12.32e+14".
    if t.lower(j) == "e" && t.touches_prev(j) {
        let (sign, k) = match t.raw(j + 1) {
            "-" | "−" if t.touches_prev(j + 1) => (-1, j + 2),
            "+" if t.touches_prev(j + 1) => (1, j + 2),
            _ => (1, j + 1),
        };
        if t.is_digits(k) && t.touches_prev(k) && t.raw(k).len() <= 3 {
            let exp: i32 = t.raw(k).parse().unwrap_or(0) * sign;
            value *= 10f64.powi(exp);
            plain = false;
            j = k + 1;
        }
    }
    // Scientific notation "1.3x10^6" and powers "1.1^23", "2.5^-1".
    let caret = usize::from(t.raw(j + 2) == "^" && t.touches_prev(j + 2));
    if matches!(t.lower(j), "x" | "×")
        && t.touches_prev(j)
        && t.raw(j + 1) == "10"
        && t.touches_prev(j + 1)
        && let Some((exp, k)) = exponent(t, j + 2 + caret)
        && (caret == 1 || exp < 0)
    {
        value *= 10f64.powi(exp);
        plain = false;
        j = k;
    } else if t.raw(j) == "^"
        && t.touches_prev(j)
        && let Some((exp, k)) = exponent(t, j + 1)
    {
        value = value.powi(exp);
        plain = false;
        j = k;
    }
    if plain {
        // Mixed fractions: "2 1/4", "10 1/2", "2½".
        if let Some(v) = vulgar_fraction(t.raw(j)).filter(|_| t.touches_prev(j)) {
            value += v;
            j += 1;
            plain = false;
            decimal = true;
        } else if t.is_digits(j)
            && !t.touches_prev(j)
            && t.raw(j + 1) == "/"
            && t.touches_prev(j + 1)
            && t.is_digits(j + 2)
            && t.touches_prev(j + 2)
            && !(t.raw(j + 3) == "/" && t.touches_prev(j + 3))
        {
            let num: f64 = t.raw(j).parse().unwrap_or(f64::MAX);
            let den: f64 = t.raw(j + 2).parse().unwrap_or(0.0);
            if num < den && is_fraction_denominator(den) {
                value += num / den;
                j += 3;
                plain = false;
                decimal = true;
            }
        }
    }
    Some(Lit::Value(Literal {
        end: j,
        value,
        plain,
        small_int: !decimal && value < 1000.0 && value.fract() == 0.0,
        decimal,
    }))
}

/// An integer exponent touching the token before: "23", "-1", "+23", "--23" (signs multiply).
fn exponent(t: &Tokens<'_>, mut k: usize) -> Option<(i32, usize)> {
    let mut sign = 1;
    while matches!(t.raw(k), "-" | "−" | "+") && t.touches_prev(k) {
        if t.raw(k) != "+" {
            sign = -sign;
        }
        k += 1;
    }
    if !(t.is_digits(k) && t.touches_prev(k) && t.raw(k).len() <= 3) {
        return None;
    }
    Some((t.raw(k).parse::<i32>().ok()? * sign, k + 1))
}

fn is_fraction_denominator(d: f64) -> bool {
    matches!(
        d as u32,
        2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100
    ) && d.fract() == 0.0
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Prev {
    None,
    /// "a"/"an" before "hundred", "million", "dozen".
    A,
    Small,
    Tens,
    Hundred,
    Big,
    And,
    /// A digit literal that can take "hundred" or more small parts after a scale.
    Literal,
    /// A decimal or large literal: only a scale word may follow.
    LiteralBig,
}

/// The cardinal part: digits or words, with "hundred", scale words and "and".
struct Cardinal {
    end: usize,
    value: f64,
    words: bool,
    /// The last scale word ("million" → 1e6), or 1.
    scale: f64,
    plain: bool,
    decimal: bool,
    /// Ended on a word that can take a fraction ("one", "twenty-three").
    prev_small: bool,
}

fn cardinal(t: &Tokens<'_>, i: usize, money: bool) -> Option<Cardinal> {
    let mut total = 0.0;
    let mut group = 0.0;
    let mut prev = Prev::None;
    let mut last_big = f64::INFINITY;
    let mut words = false;
    let mut scale = 1.0;
    let mut plain = false;
    let mut decimal = false;
    let mut has_hundred = false;
    let mut j = i;
    loop {
        let w = t.lower(j);
        if w.is_empty() {
            break;
        }
        if prev == Prev::None && t.kind(j) != Some(Kind::Word) {
            match literal(t, j)? {
                Lit::Skip(_) => return None,
                Lit::Value(lit) => {
                    group = lit.value;
                    plain = lit.plain;
                    decimal = lit.decimal;
                    prev = if lit.small_int {
                        Prev::Literal
                    } else {
                        Prev::LiteralBig
                    };
                    j = lit.end;
                    // A scale word right after digits: "1.5 million", "$3bn", "10k".
                    if let Some(s) = digit_scale(t, j, money) {
                        group = scaled(group, s);
                        scale = s;
                        last_big = s;
                        total += group;
                        group = 0.0;
                        prev = Prev::Big;
                        plain = false;
                        j += 1;
                        if s < 1e3 || decimal {
                            break;
                        }
                    }
                    continue;
                }
            }
        }
        if t.is_digits(j) {
            // "4 thousand 3 hundred and 21": small digits after a scale word.
            if matches!(prev, Prev::Big | Prev::And | Prev::Hundred)
                && !(t.raw(j + 1) == "," || t.raw(j + 1) == ".")
            {
                let follows_scale =
                    matches!(word(t.lower(j + 1)), Some(Word::Hundred | Word::Scale(_)));
                if let Ok(v) = t.raw(j).parse::<f64>()
                    && v < 1000.0
                    && (prev == Prev::And || follows_scale)
                {
                    group += v;
                    prev = Prev::Literal;
                    j += 1;
                    continue;
                }
            }
            break;
        }
        match (word(w), prev) {
            (Some(Word::Small(n)), Prev::None | Prev::Hundred | Prev::Big | Prev::And) => {
                group += n;
                prev = Prev::Small;
                words = true;
            }
            (Some(Word::Small(n)), Prev::Tens) if (1.0..10.0).contains(&n) => {
                group += n;
                prev = Prev::Small;
            }
            (Some(Word::Tens(n)), Prev::None | Prev::Hundred | Prev::Big | Prev::And) => {
                group += n;
                prev = Prev::Tens;
                words = true;
            }
            (Some(Word::Hundred), Prev::A | Prev::Small | Prev::Tens | Prev::Literal)
                if !has_hundred =>
            {
                group = if prev == Prev::A {
                    100.0
                } else {
                    group * 100.0
                };
                has_hundred = true;
                prev = Prev::Hundred;
                words = true;
                plain = false;
            }
            (
                Some(Word::Scale(s)),
                Prev::A
                | Prev::Small
                | Prev::Tens
                | Prev::Hundred
                | Prev::Literal
                | Prev::LiteralBig,
            ) if s < last_big => {
                let g = if prev == Prev::A { 1.0 } else { group };
                total += g * s;
                group = 0.0;
                last_big = s;
                scale = s;
                has_hundred = false;
                prev = Prev::Big;
                words = true;
                plain = false;
            }
            (Some(Word::Dozen), Prev::A | Prev::Small | Prev::Tens | Prev::Literal)
                if !w.ends_with('s') || prev != Prev::A =>
            {
                group = if prev == Prev::A { 12.0 } else { group * 12.0 };
                words = true;
                plain = false;
                j += 1;
                prev = Prev::Small;
                break;
            }
            (None, Prev::Hundred | Prev::Big) if w == "and" => {
                let next = t.lower(j + 1);
                let next_ok = matches!(word(next), Some(Word::Small(_) | Word::Tens(_)))
                    || (t.is_digits(j + 1) && t.raw(j + 1).len() <= 3);
                // "two million and three fifths": the fraction tail reads that.
                if !next_ok || fraction_tail(t, j + 1).is_some() {
                    break;
                }
                prev = Prev::And;
            }
            (None, Prev::Tens) if is_hyphen(w) => {
                if !matches!(word(t.lower(j + 1)), Some(Word::Small(n)) if (1.0..10.0).contains(&n))
                {
                    break;
                }
            }
            (None, Prev::None) if (w == "a" || w == "an") => {
                if !matches!(
                    word(t.lower(j + 1)),
                    Some(Word::Hundred | Word::Scale(_) | Word::Dozen)
                ) {
                    return None;
                }
                prev = Prev::A;
                words = true;
            }
            _ => break,
        }
        j += 1;
    }
    if matches!(prev, Prev::None | Prev::A) {
        return None;
    }
    if prev == Prev::And {
        j -= 1;
    }
    Some(Cardinal {
        end: j,
        value: total + group,
        words,
        scale,
        plain,
        decimal,
        prev_small: matches!(prev, Prev::Small | Prev::Tens),
    })
}

/// "point five", "point zero three", "point seventy-one": the digits after "point".
fn point_digits(t: &Tokens<'_>, j: usize) -> Option<(f64, usize)> {
    let mut digits = String::from("0.");
    let mut k = j;
    while let Some(Word::Small(n)) = word(t.lower(k)) {
        if n >= 10.0 {
            if digits.len() == 2 {
                digits.push_str(&format!("{}", n as u32));
                k += 1;
            }
            break;
        }
        digits.push(char::from(b'0' + n as u8));
        k += 1;
    }
    if digits.len() == 2 {
        // "point seventy-one" → .71
        if let Some(Word::Tens(n)) = word(t.lower(k)) {
            let mut v = n as u32;
            k += 1;
            if is_hyphen(t.raw(k))
                && let Some(Word::Small(u)) = word(t.lower(k + 1))
                && u < 10.0
            {
                v += u as u32;
                k += 2;
            }
            digits.push_str(&v.to_string());
        }
    }
    if digits.len() == 2 {
        return None;
    }
    Some((digits.parse().ok()?, k))
}

/// A fraction in words starting at `j`, after a numerator: "thirds", "-fifths", "twenty-firsts".
fn denominator_at(t: &Tokens<'_>, j: usize) -> Option<(f64, usize)> {
    let j = if is_hyphen(t.raw(j)) && t.is_word(j + 1) {
        j + 1
    } else {
        j
    };
    if let Some(d) = denominator(t.lower(j)) {
        return Some((d, j + 1));
    }
    // "twenty-first", "three twenty firsts"
    if let Some(Word::Tens(tens)) = word(t.lower(j)) {
        let k = if is_hyphen(t.raw(j + 1)) {
            j + 2
        } else {
            j + 1
        };
        if let Some(u) = ordinal_unit(t.lower(k)) {
            return Some((tens + u, k + 1));
        }
    }
    None
}

/// "a half", "one and three quarters": a word fraction (`numerator` already read) ending before `end`.
fn fraction_tail(t: &Tokens<'_>, j: usize) -> Option<(f64, usize)> {
    // numerator: a / an / one..nineteen / tens
    let (num, k) = match t.lower(j) {
        "a" | "an" => (1.0, j + 1),
        w => match word(w) {
            Some(Word::Small(n)) if n > 0.0 => (n, j + 1),
            _ => return None,
        },
    };
    let (den, end) = denominator_at(t, k)?;
    Some((num / den, end))
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
