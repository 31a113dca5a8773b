//! Ranges whose ends are read as two claims: "from $36,040 at 10.45pm to $34,935", "from 2,000
//! up to 5,000", "from 2.1% in April to 2.4% in May", and chains "$160 to $180 to $200".
//!
//! Ranges whose ends touch ("five to six", "5-6", "between 10 and 20") are read with the number;
//! this pass joins neighbouring claims once they are all found, in one pass over them.

use super::quantity::Quantity;
use super::tokens::Tokens;
use super::{Bound, change};

/// Tokens allowed between the two ends of a "from X … to Y" range ("at 10.45pm", "in April").
const MAX_GAP: usize = 8;

/// Joins neighbouring claims that are the two ends of one range.
pub(crate) fn join(t: &Tokens<'_>, found: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(found.len());
    for q in found {
        if let Some(a) = out.last_mut()
            && let Some(joined) = try_join(t, a, &q)
        {
            *a = joined;
            continue;
        }
        out.push(q);
    }
    out
}

fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    match (a.unit, b.unit) {
        (Some(x), Some(y)) => x.name == y.name,
        _ => true,
    }
}

/// The range made of `a` and `b`, if they are its two ends.
fn try_join(t: &Tokens<'_>, a: &Quantity, b: &Quantity) -> Option<Quantity> {
    if !same_unit(a, b) || b.first < a.end || b.value.is_none() {
        return None;
    }
    // "$160 to $180 to $200": a chain extends the range.
    if a.bound == Bound::Range
        && b.bound == Bound::Exact
        && b.first == a.end + 1
        && t.is(a.end, "to")
        && a.low.is_some()
        && a.high.is_some()
    {
        let v = b.value?;
        let (lo, hi) = (a.low?.min(v), a.high?.max(v));
        return Some(Quantity {
            end: b.end,
            low: Some(lo),
            high: Some(hi),
            unit: a.unit.or(b.unit),
            unit_tokens: a.unit_tokens.or(b.unit_tokens),
            ..a.clone()
        });
    }
    // "from X … to Y", "from X up to Y"
    let from = a.first > 0 && t.is(a.first - 1, "from");
    if !from || a.bound == Bound::Range || a.value.is_none() {
        return None;
    }
    let up_to = b.bound == Bound::Max && t.is(b.first, "up") && t.is(b.first + 1, "to");
    let to = b.bound == Bound::Exact && b.first > a.end && t.is(b.first - 1, "to");
    if !(up_to || to) {
        return None;
    }
    let gap_end = if up_to { b.first } else { b.first - 1 };
    if gap_end - a.end > MAX_GAP
        || (a.end..gap_end).any(|i| {
            matches!(t.raw(i), "," | ";" | ":" | "(" | ")")
                || t.is_any(i, &["from", "to", "and", "but", "while", "or", "than"])
                || change::is_verb(t.lower(i))
        })
    {
        return None;
    }
    let (x, y) = (a.value?, b.value?);
    Some(Quantity {
        first: a.first - 1,
        end: b.end,
        value: None,
        low: Some(x.min(y)),
        high: Some(x.max(y)),
        unit: a.unit.or(b.unit),
        unit_tokens: a.unit_tokens.or(b.unit_tokens),
        bound: Bound::Range,
        change: a.change.or(b.change),
        concept: a.concept.or(b.concept),
    })
}
