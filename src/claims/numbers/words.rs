//! Numbers spelled out in words: "two hundred and fifty", "twenty-one trillion", "two-thirds",
//! "five point two", mixed with digits ("4 thousand 3 hundred and 21").

use super::super::tokens::{Kind, Tokens};
use super::digits::{Lit, digit_scale, literal, scaled};

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Word {
    /// zero..nineteen
    Small(f64),
    /// twenty..ninety
    Tens(f64),
    Hundred,
    /// thousand and up
    Scale(f64),
    Dozen,
}

pub(super) fn word(w: &str) -> Option<Word> {
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

/// Denominators: "third" → 3, "quarters" → 4 (plural), "hundredth" → 100.
pub(super) fn denominator(w: &str) -> Option<f64> {
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
pub(super) fn ordinal_unit(w: &str) -> Option<f64> {
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

pub(super) fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "‐" | "‑")
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Prev {
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
pub(super) struct Cardinal {
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) words: bool,
    /// The last scale word ("million" → 1e6), or 1.
    pub(super) scale: f64,
    pub(super) plain: bool,
    pub(super) decimal: bool,
    /// Ended on a word that can take a fraction ("one", "twenty-three").
    pub(super) prev_small: bool,
}

pub(super) fn cardinal(t: &Tokens<'_>, i: usize, money: bool) -> Option<Cardinal> {
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
pub(super) fn point_digits(t: &Tokens<'_>, j: usize) -> Option<(f64, usize)> {
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
pub(super) fn denominator_at(t: &Tokens<'_>, j: usize) -> Option<(f64, usize)> {
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
pub(super) fn fraction_tail(t: &Tokens<'_>, j: usize) -> Option<(f64, usize)> {
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
