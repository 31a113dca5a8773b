//! Ranges whose ends are read as two claims: "from $36,040 at 10.45pm to $34,935", "from 2,000
//! up to 5,000", "from 2.1% in April to 2.4% in May".
//!
//! A chain "$160 to $180 to $200" stays its first range and a level: claims never overlap, so
//! the middle figure cannot end one range and start the next.
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
    if !same_unit(a, b) || b.value.is_none() {
        return None;
    }
    if a.bound == Bound::Range || a.value.is_none() || b.first < a.end || b.first == 0 {
        return None;
    }
    let before_a = if a.first > 0 {
        t.lower(a.first - 1)
    } else {
        ""
    };
    let before_b = t.lower(b.first - 1);
    // "from X … to Y", "from X up to Y"
    let up_to = b.bound == Bound::Max && t.is(b.first, "up") && t.is(b.first + 1, "to");
    // "fell to 138,285 from 212,577" stays a level and the level it left: news reports it so.
    let joined = before_a == "from" && (up_to || (b.bound == Bound::Exact && before_b == "to"));
    if !joined {
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
