//! One claim from the tokens: qualifier + currency + number + unit, or a range of two numbers.
//!
//! [`at`] tries to read a claim that starts at a token. It always reports how far it read, so
//! the caller never reads the same tokens twice: the whole pass over a sentence is linear.

use super::numbers::{self, Number, Parsed};
use super::tokens::Tokens;
use super::units::{self, Unit, UnitMatch};
use super::{Bound, Change, Dimension, bounds, change, concept, context, filters};

/// A claim in token coordinates.
#[derive(Clone, Debug)]
pub(crate) struct Quantity {
    /// First token of the claim text (qualifier included).
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// The value; `None` for ranges and vague amounts.
    pub value: Option<f64>,
    /// Ends of a range or vague amount.
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The unit, before or after the number; `None` for a bare count.
    pub unit: Option<&'static Unit>,
    /// Tokens of the unit as written.
    pub unit_tokens: Option<(usize, usize)>,
    /// Qualifier, or `Range`.
    pub bound: Bound,
    /// Direction of a stated change.
    pub change: Option<Change>,
    /// Tokens of the concept.
    pub concept: Option<(usize, usize)>,
}

/// What [`at`] read.
pub(crate) enum Step {
    /// A claim; continue after `Quantity::end`.
    Claim(Quantity),
    /// Not a claim; continue at this token.
    Skip(usize),
    /// Nothing starts here.
    Nothing,
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "‐" | "‑")
}

/// True when a number can start at token `i` (after a currency symbol).
fn number_can_start(t: &Tokens<'_>, i: usize) -> bool {
    t.is_digits(i) || t.raw(i) == "." || t.is_word(i) || matches!(t.raw(i), "-" | "−")
}

/// The unit written after a number ending at token `end`: `(unit, first, end)` of the form.
fn unit_after(t: &Tokens<'_>, end: usize, n: &Number) -> Option<UnitMatch> {
    // "3-inch", "six-mile", "19-year-old": a hyphen joins number and unit.
    let m = if is_dash(t.raw(end))
        && t.touches_prev(end)
        && t.touches_prev(end + 1)
        && t.is_word(end + 1)
    {
        units::after(t, end + 1)?
    } else if let Some(m) = units::after(t, end) {
        m
    } else if let Some(m) = bracketed_unit(t, end) {
        m
    } else if let Some(m) = context::letter_unit(t, end, n.value) {
        m
    } else if (n.vague.is_some() || n.words) && t.is(end, "of") {
        // "millions of dollars", "tens of thousands of dollars"
        let m = units::after(t, end + 1)?;
        if !m.unit.is_currency() {
            return None;
        }
        m
    } else {
        return None;
    };
    // "24703m212": a unit touching more digits or letters is part of an identifier.
    if t.touches_prev(m.end) && (t.is_digits(m.end) || t.is_word(m.end)) {
        return None;
    }
    // "pounds" are money in a sentence about money.
    if m.unit.name == "lb"
        && t.lower(m.first).starts_with("pound")
        && context::pounds_are_money(t, m.first)
    {
        return units::by_name("GBP").map(|unit| UnitMatch { unit, ..m });
    }
    Some(yen_or_yuan(t, m))
}

/// "¥" is the sign of both the yen and the yuan: in a sentence about China it is the yuan.
fn yen_or_yuan(t: &Tokens<'_>, m: UnitMatch) -> UnitMatch {
    if m.unit.name == "JPY" && t.raw(m.first) == "¥" && context::about_china(t, m.first) {
        if let Some(unit) = units::by_name("CNY") {
            return UnitMatch { unit, ..m };
        }
    }
    m
}

/// The minor part of an amount written in two units: "15 dollars 50", "15 euros and 50 cents",
/// "$100 and fifty". `end` is the token after the major amount; returns the minor amount
/// (1–99) and the token after it. Nothing else may follow, so "$5 and 32 staff" is two claims.
fn minor_amount(t: &Tokens<'_>, end: usize, unit: &Unit, symbol: bool) -> Option<(f64, usize)> {
    if !unit.is_currency() || unit.to_base != 1.0 {
        return None;
    }
    let and = t.is(end, "and");
    // A symbol before the number needs "and" ("$4.25 50" is two numbers); after it, the unit
    // must be a word ("10 $ 30 $" is two amounts).
    if (symbol && !and) || (!symbol && !t.is_word(end.wrapping_sub(1))) {
        return None;
    }
    let k = end + usize::from(and);
    let Some(Parsed::Number(m)) = numbers::parse(t, k, false) else {
        return None;
    };
    let whole = m.value.fract() == 0.0 && (1.0..100.0).contains(&m.value);
    if !whole || m.vague.is_some() || m.decimal || (!m.words && !m.plain_digits) {
        return None;
    }
    let mut stop = m.end;
    if t.is_any(stop, &["cents", "cent", "pence", "p", "centimes"]) {
        stop += 1;
    }
    // Nothing wordy may follow: "15 dollars and 50 staff" is two amounts.
    if t.is_word(stop) || t.is_digits(stop) {
        return None;
    }
    Some((m.value, stop))
}

/// "20 (kg)", "20 [kg]": a unit in brackets right after the number.
fn bracketed_unit(t: &Tokens<'_>, end: usize) -> Option<UnitMatch> {
    let close = match t.raw(end) {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        "<" => ">",
        _ => return None,
    };
    let m = units::after(t, end + 1)?;
    (t.raw(m.end) == close).then_some(UnitMatch {
        first: end,
        end: m.end + 1,
        ..m
    })
}

/// A number with an optional currency before it: `(currency, number)`.
fn money_number(t: &Tokens<'_>, i: usize) -> Option<Result<(Option<UnitMatch>, Number), usize>> {
    let pre = units::before(t, i)
        .filter(|m| number_can_start(t, m.end))
        .map(|m| yen_or_yuan(t, m));
    let start = pre.map_or(i, |m| m.end);
    match numbers::parse(t, start, pre.is_some())? {
        Parsed::Number(n) => Some(Ok((pre, n))),
        Parsed::Skip(end) => Some(Err(end)),
    }
}

/// Tries to read a claim starting at token `i`, never looking back before `floor`.
pub(crate) fn at(t: &Tokens<'_>, i: usize, floor: usize) -> Step {
    let (pre, n) = match money_number(t, i) {
        None => return Step::Nothing,
        Some(Err(end)) => return Step::Skip(end.max(i + 1)),
        Some(Ok(found)) => found,
    };
    let mut first = pre.map_or(n.first, |m| m.first);
    let mut end = n.end;
    let mut unit = pre.map(|m| (m.unit, m.first, m.end));
    if pre.is_none()
        && let Some(m) = unit_after(t, end, &n)
    {
        unit = Some((m.unit, m.first, m.end));
        end = m.end;
    }
    // "aged 19", "age 87"
    if unit.is_none() && first > floor && t.is_any(first - 1, &["aged", "age"]) {
        unit = units::by_name("year-old").map(|u| (u, first, first));
    }
    // "$60 a barrel", "12 cents a share", "£1,250 a month": the rate is part of the unit text.
    if unit.is_some()
        && let Some(k) = units::per_tail(t, end)
    {
        end = k;
    }
    let unit_end = end;
    let mut value = Some(n.value);
    // "15 dollars 50", "thirteen dollars forty five", "$100 and fifty": major and minor units.
    if let Some((u, _, _)) = unit
        && n.vague.is_none()
        && let Some((minor, k)) = minor_amount(t, end, u, pre.is_some())
    {
        value = Some(n.value + minor / 100.0);
        end = k;
    }
    let mut bound = Bound::Exact;
    let mut low = None;
    let mut high = None;
    if let Some((lo, hi)) = n.vague {
        bound = Bound::Range;
        low = Some(lo);
        high = Some(hi);
        value = None;
    }

    // Ratios: "one out of three", "two out of five hundred", "1 over 3".
    if unit.is_none() && n.vague.is_none() {
        let (out_of, over) = (t.is(end, "out") && t.is(end + 1, "of"), t.is(end, "over"));
        let k = if out_of { end + 2 } else { end + 1 };
        if (out_of || over)
            && let Some(Parsed::Number(n2)) = numbers::parse(t, k, false)
            && n2.vague.is_none()
            && n2.value != 0.0
            && (out_of || !(t.is_word(n2.end) || t.is_digits(n2.end)))
            && (out_of || unit_after(t, n2.end, &n2).is_none())
        {
            value = Some(n.value / n2.value);
            end = n2.end;
        }
    }

    // Ranges: "five to six", "5-6", "$5-6bn", "between 10 and 20", "from 252 to 287".
    let between = first > floor && t.is(first - 1, "between");
    let from = first > floor && t.is(first - 1, "from");
    let by = first > floor && t.is(first - 1, "by");
    let mut sep = t.lower(end);
    // "0-to-60 mph", "three-to-four years": a hyphenated "to".
    let mut second = end + 1;
    if is_dash(sep) && t.is(end + 1, "to") && is_dash(t.raw(end + 2)) && t.touches_prev(end + 1) {
        sep = "to";
        second = end + 3;
    }
    // "$7/$9": two prices.
    let slash_prices = sep == "/"
        && pre.is_some()
        && t.touches_prev(end + 1)
        && units::before(t, end + 1).is_some();
    // "three or four years", "10 or 12 people": two close guesses are a range.
    let alternatives = sep == "or" && !between && !from && pre.is_none();
    let range_sep = n.vague.is_none()
        && end == unit_end
        && (is_dash(sep)
            || sep == "to"
            || (sep == "and" && between)
            || slash_prices
            || alternatives);
    if range_sep
        && let Some(Ok((pre2, n2))) = money_number(t, second)
        && n2.vague.is_none()
        && n2.first == pre2.map_or(second, |m| m.end)
    {
        let post2 = if pre2.is_none() {
            unit_after(t, n2.end, &n2)
        } else {
            None
        };
        let unit2 = pre2.or(post2);
        let same_unit = match (unit.map(|u| u.0.name), unit2.map(|u| u.unit.name)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let mut lo = n.value;
        let hi = n2.value;
        if n.scale == 1.0 && n2.scale > 1.0 && lo * n2.scale <= hi {
            lo *= n2.scale;
        }
        let plain_pair = n.plain_digits && n2.plain_digits;
        let years = plain_pair
            && unit.is_none()
            && unit2.is_none()
            && t.raw(n.first).len() == 4
            && (1000.0..=2199.0).contains(&n.value)
            && (t.raw(n2.first).len() == 2 || filters::is_year(t, &n2))
            // "from 1000 to 2000 hires", but "2019 to 2020 levels"
            && !(filters::plural_noun_after(t, &n2) && n.value < 1900.0);
        let dash_pair = is_dash(sep) && plain_pair && unit.is_none() && unit2.is_none();
        if years {
            return Step::Skip(n2.end);
        }
        // "one or two" alone, "5 or 50", "$5 or 6%": not a range of guesses.
        let guesses_fit = !alternatives
            || (lo < hi
                && hi <= 2.0 * lo + 2.0
                && same_unit
                && pre2.is_none()
                && (post2.is_some() || filters::plural_noun_after(t, &n2)));
        // Sports scores "3-1", "2-2" and phone numbers "555-1234" are not ranges.
        let phone = dash_pair && t.raw(n.first).len() >= 3 && t.raw(n2.first).len() >= 4;
        if dash_pair && (lo >= hi || phone || is_dash(t.raw(n2.end))) {
            let mut k = n2.end;
            while is_dash(t.raw(k)) && t.is_digits(k + 1) {
                k += 2;
            }
            return Step::Skip(k);
        }
        // "5% to 6%" and "5 to 6%" are ranges; "rose 0.1% to 1,333" is a change and a level,
        // and "in 2018 to 3.9 million" a year and an amount.
        let explicit_unit1 = unit.is_some_and(|u| u.2 > u.1) && pre.is_none();
        // "increased by $43.6 billion to $419.2 billion": an amount and a level, not a range.
        let far_apart = by && hi > 2.0 * lo;
        let level_after_change =
            sep == "to" && !from && !between && !by && change::verb_right_before(t, first);
        let scales_disagree = n.plain_digits
            && pre.is_none()
            && unit.is_none()
            && t.raw(n.first).len() == 4
            && n2.scale > 1.0
            && lo * n2.scale > hi;
        let units_fit = same_unit && (!explicit_unit1 || unit2.is_some() || between || from);
        // "1.3 A/cm2 to 0.03 A/cm2": the same unit written on both ends makes a range in
        // either order.
        let both_written = unit.is_some() && unit2.is_some() && same_unit;
        let ordered = (between || from || lo < hi || both_written)
            && guesses_fit
            && units_fit
            && !level_after_change
            && !scales_disagree
            && !far_apart;
        if ordered && (slash_prices || !filters::is_name_or_identifier(t, &n, true, pre.is_some()))
        {
            let (a, b) = if between && lo > hi {
                (hi, lo)
            } else {
                (lo, hi)
            };
            low = Some(a);
            high = Some(b);
            value = None;
            bound = Bound::Range;
            end = n2.end;
            if let Some(m) = unit2 {
                if post2.is_some() {
                    end = m.end;
                }
                if unit.is_none() {
                    unit = Some((m.unit, m.first, m.end));
                }
            }
            if unit.is_some()
                && let Some(k) = units::per_tail(t, end)
            {
                end = k;
            }
            if between || from {
                first -= 1;
            }
        }
    }

    if bound != Bound::Range {
        let unit_after_number = unit.is_some() && pre.is_none();
        if unit.is_none() && (filters::is_date_or_time(t, &n) || filters::is_list_marker(t, &n, 0))
        {
            return Step::Skip(end.max(i + 1));
        }
        if filters::is_name_or_identifier(t, &n, unit_after_number, pre.is_some()) {
            let mut k = end;
            while t.touches_prev(k) && (t.is_word(k) || t.is_digits(k) || is_dash(t.raw(k))) {
                k += 1;
            }
            return Step::Skip(k.max(i + 1));
        }
        if (unit.is_none() && filters::is_pronoun_one(t, &n))
            || filters::is_apposition_age(t, &n, floor)
            || filters::is_address(t, &n)
            || filters::is_rank(t, &n)
            || (unit.is_none() && filters::is_compound_modifier(t, &n))
        {
            return Step::Skip(end.max(i + 1));
        }
    }

    // Qualifiers before and after.
    if let Some((b, start)) = bounds::before(t, first, floor) {
        if bound != Bound::Range {
            bound = b;
        }
        first = start;
    }
    if bound == Bound::Exact
        && let Some((b, stop)) = bounds::after(t, end)
    {
        bound = b;
        end = stop;
    }
    if bound == Bound::Exact && unit.is_none() && bound_free_year(t, &n, first) {
        return Step::Skip(end.max(i + 1));
    }

    let mut change = change::detect(t, first, end, floor);
    if change.is_none() && t.raw(n.first) == "+" {
        change = Some(Change::Up);
    }
    // "FTSE -0.6%": a signed percentage is a move.
    if change.is_none()
        && matches!(t.raw(n.first), "-" | "−")
        && unit.is_some_and(|u| u.0.dimension == Dimension::Percent)
    {
        change = Some(Change::Down);
    }

    // "raised $5bn from investors": money raised is an amount, not a rise ("raised prices by
    // 5%" and "raised it to $5" keep their preposition).
    if change == Some(Change::Up)
        && unit.is_some_and(|u| u.0.is_currency())
        && first > floor
        && t.lower(first - 1).starts_with("rais")
    {
        change = None;
    }
    let dimension = unit.map_or(Dimension::Count, |u| u.0.dimension);
    let concept = concept::of_claim(t, first, end, dimension == Dimension::Count, floor);

    Step::Claim(Quantity {
        first,
        end,
        value,
        low,
        high,
        unit: unit.map(|u| u.0),
        unit_tokens: unit.filter(|u| u.2 > u.1).map(|u| (u.1, u.2)),
        bound,
        change,
        concept,
    })
}

/// A bare four-digit year with no qualifier: "in 2019", "the 2020 election".
fn bound_free_year(t: &Tokens<'_>, n: &Number, first: usize) -> bool {
    first == n.first && filters::is_year(t, n)
}
