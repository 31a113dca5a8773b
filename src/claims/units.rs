//! Units: the table in `data/units.tsv`, and longest-match lookup over tokens.
//!
//! Every unit has a canonical name, a [`Dimension`] and a conversion to its base unit (SI, or the
//! ISO 4217 code for money). Forms are matched token by token, so "km/h", "km / h" and
//! "kilometres per hour" are all one unit, and the longest form wins ("square miles" over "miles").

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Dimension;
use super::tokens::Tokens;
use crate::hash::FastHash;
use crate::span::Span;

/// The unit table, compiled into the library.
const UNITS_TSV: &str = include_str!("../../data/units.tsv");

/// The longest form, in tokens ("u.s. dollars" is five).
const MAX_FORM_TOKENS: usize = 6;

/// One unit of the table.
#[derive(Debug)]
pub(crate) struct Unit {
    /// Canonical name ("km", "USD", "percent").
    pub name: &'static str,
    /// What it measures.
    pub dimension: Dimension,
    /// base = (value + offset) * to_base.
    pub to_base: f64,
    /// Added before scaling (temperatures only).
    pub offset: f64,
    /// The base unit ("m", "USD").
    pub base: &'static str,
}

impl Unit {
    /// `value` in the base unit.
    pub fn to_base(&self, value: f64) -> f64 {
        (value + self.offset) * self.to_base
    }

    /// True for money.
    pub fn is_currency(&self) -> bool {
        self.dimension == Dimension::Currency
    }
}

/// A unit found in the tokens.
#[derive(Clone, Copy, Debug)]
pub(crate) struct UnitMatch {
    /// The unit.
    pub unit: &'static Unit,
    /// First token of the form.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
}

#[derive(Clone, Copy)]
struct Form {
    unit: usize,
    /// Only when the form touches the number ("164p").
    touching: bool,
}

#[derive(Default)]
struct Index {
    /// Forms that match one exact case, keyed as written.
    exact: HashMap<String, Form, FastHash>,
    /// Forms that match any case, keyed in lower case.
    folded: HashMap<String, Form, FastHash>,
    /// Lower-case first tokens of every form: a cheap "can a unit start here?".
    starts: HashMap<String, (), FastHash>,
}

struct Table {
    units: Vec<Unit>,
    pre: Index,
    post: Index,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| load(UNITS_TSV));

/// Joins tokens the way forms are keyed: one space where the text has whitespace.
fn key(t: &Tokens<'_>, first: usize, end: usize, lower: bool, buf: &mut String) {
    buf.clear();
    for i in first..end {
        if i > first && !t.touches_prev(i) {
            buf.push(' ');
        }
        buf.push_str(if lower { t.lower(i) } else { t.raw(i) });
    }
}

fn load(tsv: &'static str) -> Table {
    let mut units = Vec::new();
    let mut pre = Index::default();
    let mut post = Index::default();
    let mut buf = String::new();
    for line in tsv.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        // The table is part of the crate: a malformed line is a bug caught by the tests below.
        if cols.len() < 6 {
            debug_assert!(false, "bad units.tsv line: {line}");
            continue;
        }
        let dimension = match cols[2] {
            "count" => Dimension::Count,
            "currency" => Dimension::Currency,
            "percent" => Dimension::Percent,
            "length" => Dimension::Length,
            "area" => Dimension::Area,
            "volume" => Dimension::Volume,
            "mass" => Dimension::Mass,
            "speed" => Dimension::Speed,
            "temperature" => Dimension::Temperature,
            "duration" => Dimension::Duration,
            "age" => Dimension::Age,
            "data" => Dimension::Data,
            "energy" => Dimension::Energy,
            _ => Dimension::Other,
        };
        let id = units.len();
        units.push(Unit {
            name: cols[1],
            dimension,
            to_base: cols[3].parse().unwrap_or(1.0),
            offset: cols.get(6).and_then(|o| o.parse().ok()).unwrap_or(0.0),
            base: cols[4],
        });
        for form in cols[0].split('|') {
            let (touching, form) = match form.strip_prefix('~') {
                Some(f) => (true, f),
                None => (false, form),
            };
            let (exact, form) = match form.strip_prefix('=') {
                Some(f) => (true, f),
                None => (form.chars().any(char::is_uppercase), form),
            };
            if form.is_empty() {
                continue;
            }
            let toks = Tokens::new(form, Span::new(0, form.len()));
            if toks.len() == 0 || toks.len() > MAX_FORM_TOKENS {
                continue;
            }
            let entry = Form { unit: id, touching };
            for index in match cols[5] {
                "pre" => vec![&mut pre],
                "post" => vec![&mut post],
                _ => vec![&mut pre, &mut post],
            } {
                key(&toks, 0, toks.len(), !exact, &mut buf);
                let map = if exact {
                    &mut index.exact
                } else {
                    &mut index.folded
                };
                map.entry(buf.clone()).or_insert(entry);
                index.starts.insert(toks.lower(0).to_string(), ());
            }
        }
    }
    Table { units, pre, post }
}

fn find(t: &Tokens<'_>, i: usize, index: &Index, touches_number: bool) -> Option<UnitMatch> {
    if i >= t.len() || !index.starts.contains_key(t.lower(i)) {
        return None;
    }
    let table = &*TABLE;
    let mut buf = String::with_capacity(24);
    let longest = MAX_FORM_TOKENS.min(t.len() - i);
    for n in (1..=longest).rev() {
        let end = i + n;
        key(t, i, end, false, &mut buf);
        let mut form = index.exact.get(buf.as_str()).copied();
        if form.is_none() {
            key(t, i, end, true, &mut buf);
            form = index.folded.get(buf.as_str()).copied();
        }
        if let Some(form) = form {
            if form.touching && !touches_number {
                continue;
            }
            return Some(UnitMatch {
                unit: &table.units[form.unit],
                first: i,
                end,
            });
        }
    }
    None
}

/// The longest unit written after a number, starting at token `i`.
pub(crate) fn after(t: &Tokens<'_>, i: usize) -> Option<UnitMatch> {
    find(t, i, &TABLE.post, t.touches_prev(i))
}

/// The longest unit written before a number ("$", "US$", "EUR"), starting at token `i`.
pub(crate) fn before(t: &Tokens<'_>, i: usize) -> Option<UnitMatch> {
    find(t, i, &TABLE.pre, true)
}

/// "a barrel", "per share", "an hour", "/month": the rate after an amount, starting at token
/// `k`; one past its end.
pub(crate) fn per_tail(t: &Tokens<'_>, k: usize) -> Option<usize> {
    let slash = t.raw(k) == "/" && t.touches_prev(k + 1);
    if !(slash || t.is_any(k, &["a", "an", "per", "each"])) {
        return None;
    }
    let noun = t.lower(k + 1);
    let per = matches!(
        noun,
        "second"
            | "minute"
            | "hour"
            | "hr"
            | "day"
            | "night"
            | "week"
            | "wk"
            | "month"
            | "mo"
            | "year"
            | "yr"
            | "quarter"
            | "session"
            | "game"
            | "match"
            | "season"
            | "share"
            | "barrel"
            | "bbl"
            | "ounce"
            | "oz"
            | "tonne"
            | "ton"
            | "gallon"
            | "litre"
            | "liter"
            | "kilo"
            | "kg"
            | "kilogram"
            | "pound"
            | "lb"
            | "head"
            | "person"
            | "capita"
            | "ticket"
            | "seat"
            | "passenger"
            | "household"
            | "mile"
            | "km"
            | "kilometre"
            | "kilometer"
            | "acre"
            | "hectare"
            | "bushel"
            | "dose"
            | "pill"
            | "tablet"
            | "pack"
            | "box"
            | "bottle"
            | "pint"
            | "copy"
            | "unit"
    );
    // "$7m a year earlier", "a week ago": a time before, not a rate.
    let time_ago = t.is_any(
        k + 2,
        &["earlier", "ago", "later", "before", "after", "previously"],
    );
    (per && !time_ago && t.is_word(k + 1) && !(t.is(k + 2, "-") && t.touches_prev(k + 2)))
        .then_some(k + 2)
}

/// A unit by canonical name (used for units the grammar builds itself, such as ages).
pub(crate) fn by_name(name: &str) -> Option<&'static Unit> {
    TABLE.units.iter().find(|u| u.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit_after(text: &str) -> Option<&'static str> {
        let t = Tokens::new(text, Span::new(0, text.len()));
        after(&t, 1).map(|m| m.unit.name)
    }

    #[test]
    fn table_loads() {
        assert!(TABLE.units.len() > 100);
        for u in &TABLE.units {
            assert!(u.to_base.is_finite() && u.to_base > 0.0, "{}", u.name);
        }
    }

    #[test]
    fn longest_form_wins() {
        assert_eq!(unit_after("5 square miles"), Some("sq mi"));
        assert_eq!(unit_after("5 miles"), Some("mi"));
        assert_eq!(unit_after("5 km/h"), Some("km/h"));
        assert_eq!(unit_after("5 per cent"), Some("percent"));
        assert_eq!(unit_after("5 degrees Celsius"), Some("°C"));
        assert_eq!(unit_after("5 people"), None);
    }

    #[test]
    fn case_and_touching() {
        assert_eq!(unit_after("5 MB"), Some("MB"));
        assert_eq!(unit_after("164p"), Some("penny"));
        assert_eq!(unit_after("164 p"), None);
        assert_eq!(unit_after("5 M"), None);
    }

    #[test]
    fn conversions() {
        let c = by_name("°C").unwrap();
        assert!((c.to_base(0.0) - 273.15).abs() < 1e-9);
        let f = by_name("°F").unwrap();
        assert!((f.to_base(32.0) - 273.15).abs() < 1e-9);
        assert_eq!(by_name("km").unwrap().to_base(60.0), 60000.0);
    }
}
