//! Numbers written with digits: "2,250", "1 234 567", "4.5", ".25", "1e10", "3/4", "2 1/4", "2½",
//! and the scale words that may follow them ("1.5 million", "$3bn", "10k").

use super::super::tokens::Tokens;
use super::super::units;

/// Digit runs longer than this are identifiers (or noise), not quantities.
pub(super) const MAX_DIGITS: usize = 18;

/// Scale words and abbreviations that may follow digits ("1.5 million", "$3bn", "10k").
pub(super) fn digit_scale(t: &Tokens<'_>, j: usize, money: bool) -> Option<f64> {
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
pub(super) fn m_is_million(t: &Tokens<'_>, j: usize) -> bool {
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
pub(super) fn scaled(value: f64, scale: f64) -> f64 {
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

pub(super) fn next_is_money(t: &Tokens<'_>, j: usize) -> bool {
    units::after(t, j).is_some_and(|m| m.unit.is_currency())
}

pub(super) fn vulgar_fraction(s: &str) -> Option<f64> {
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

/// A digit literal: "2,250", "1 234 567", "4.5", ".25", "1e10", "3/4", "2 1/4", "2½".
pub(super) struct Literal {
    pub(super) end: usize,
    pub(super) value: f64,
    /// Integer with no separators, decimals, fraction or exponent.
    pub(super) plain: bool,
    /// Integer (possibly with separators) below 1000, usable inside "4 thousand 3 hundred".
    pub(super) small_int: bool,
    pub(super) decimal: bool,
}

pub(super) enum Lit {
    Value(Literal),
    Skip(usize),
}

/// True when the whitespace between tokens `j - 1` and `j` is one space that can group digits.
pub(super) fn group_space(t: &Tokens<'_>, j: usize) -> bool {
    let (Some(a), Some(b)) = (t.get(j.wrapping_sub(1)), t.get(j)) else {
        return false;
    };
    matches!(
        t.text().get(a.span.end..b.span.start),
        Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}")
    )
}

pub(super) fn literal(t: &Tokens<'_>, i: usize) -> Option<Lit> {
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
                // Every group is read, however many: stopping at MAX_DIGITS left the rest to be
                // read as a number of its own ("1,000,…,000" gave a claim "000,000" of 0).
                while t.raw(j) == ","
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
                while t.is_digits(j) && t.raw(j).len() == 3 && group_space(t, j) {
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
pub(super) fn exponent(t: &Tokens<'_>, mut k: usize) -> Option<(i32, usize)> {
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

pub(super) fn is_fraction_denominator(d: f64) -> bool {
    matches!(
        d as u32,
        2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100
    ) && d.fract() == 0.0
}
