//! Units the sentence implies but does not write after a bare number: stock indices move and
//! stand in points ("The Dow fell 200 to 25,000"), a currency is quoted in another ("the dollar
//! fell to 108.20 against the yen"), and a level after an amount keeps its unit ("109.85 yen, up
//! from 109.40").
//!
//! Each check reads the claim's concept or a fixed window around it.

use super::lexicon::{self, Class};
use super::quantity::Quantity;
use super::tokens::Tokens;
use super::units::{self, Unit};
use super::{Dimension, concept};

/// Tokens looked at after a bare number for "against the yen".
const QUOTE_WINDOW: usize = 8;

/// Gives bare numbers the unit their sentence implies.
pub(crate) fn apply(t: &Tokens<'_>, found: &mut [Quantity]) {
    for k in 0..found.len() {
        let q = &found[k];
        if q.unit.is_some() || q.low.is_some() {
            continue;
        }
        // Only numbers measured against a subject: a counted noun after the number
        // ("30 companies") names what they are.
        if q.concept.is_some_and(|(ca, _)| ca >= q.end) {
            continue;
        }
        let unit = neighbour_unit(t, found, k).or_else(|| {
            let (ca, cb) = q.concept?;
            index_points(t, ca, cb).or_else(|| quoted_currency(t, q, ca, cb))
        });
        if let Some(unit) = unit {
            found[k].unit = Some(unit);
        }
    }
}

/// "109.85 yen, up from 109.40", "fell 200 points to 25,000", "(7,300.5, up 40.2 points)": a
/// bare level next to an amount with a unit shares it. Percentages are changes, not levels:
/// "rose 0.3% to 113.50".
fn neighbour_unit(t: &Tokens<'_>, found: &[Quantity], k: usize) -> Option<&'static Unit> {
    // The gap says one is a level of the other: "to", "at", "from", "up", "down".
    let level = |other: &Quantity, (a, b): (usize, usize)| {
        let unit = other.unit?;
        let marked = (a..b).any(|i| t.is_any(i, &["to", "at", "from", "up", "down"]));
        (unit.dimension != Dimension::Percent && marked && concept::shares_subject(t, a, b))
            .then_some(unit)
    };
    let q = &found[k];
    let before = k
        .checked_sub(1)
        .and_then(|p| found.get(p))
        .and_then(|p| level(p, (p.end, q.first)));
    before.or_else(|| {
        let next = found.get(k + 1)?;
        level(next, (q.end, next.first))
    })
}

/// "The FTSE 100 was up 40 at 7,300": a bare number about a stock index is in points.
fn index_points(t: &Tokens<'_>, ca: usize, cb: usize) -> Option<&'static Unit> {
    let named = (ca..cb).any(|i| {
        lexicon::is(t.lower(i), Class::MarketIndex)
            // "S&P 500"
            || (t.raw(i) == "&" && t.is(i.wrapping_sub(1), "s") && t.is(i + 1, "p"))
    });
    named.then(|| units::by_name("point")).flatten()
}

/// "The dollar fell to 108.20 against the yen": a currency quoted in another.
fn quoted_currency(t: &Tokens<'_>, q: &Quantity, ca: usize, cb: usize) -> Option<&'static Unit> {
    let subject_is_money =
        (ca..cb).any(|i| units::after(t, i).is_some_and(|m| m.unit.is_currency()));
    if !subject_is_money {
        return None;
    }
    let mut i = q.end;
    let stop = (q.end + QUOTE_WINDOW).min(t.len());
    while i < stop {
        if matches!(t.raw(i), "," | ";") && !t.is(i + 1, "against") {
            return None;
        }
        // "The yen firmed to 109.5 per dollar": the figure is in the subject's currency.
        if i == q.end && t.is_any(i, &["per", "a", "to"]) {
            let k = if t.is(i + 1, "the") { i + 2 } else { i + 1 };
            if units::after(t, k).is_some_and(|m| m.unit.is_currency()) {
                return (ca..cb).find_map(|j| {
                    units::after(t, j)
                        .filter(|m| m.unit.is_currency())
                        .map(|m| m.unit)
                });
            }
        }
        if t.is_any(i, &["against", "versus", "vs"]) {
            let k = if t.is(i + 1, "the") { i + 2 } else { i + 1 };
            return units::after(t, k)
                .filter(|m| m.unit.is_currency())
                .map(|m| m.unit);
        }
        i += 1;
    }
    None
}
