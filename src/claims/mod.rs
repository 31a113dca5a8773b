//! Numeric claims: a number, what it measures, and how it is qualified.
//!
//! A claim is read with a small grammar, one module per step:
//! number → scale → unit → bound/change → concept. Dates, times, years, ranks, phone numbers and
//! numbers inside names are not claims. Once a sentence's claims are read, three passes look at
//! them together: `ranges` joins ends split by words ("from $36,040 at 10.45pm to $34,935"),
//! neighbours share a subject, a change or a bound, and `implied` gives bare numbers the unit
//! the sentence implies (index points, currency quotes).
//!
//! ```
//! use factsift::{Bound, Extractor};
//!
//! let extractor = Extractor::new();
//! let text = "Iraq has transferred 2,250 ISIS militants. Hazar lies about 60 kilometers away.";
//! let claims = extractor.claims(text);
//!
//! assert_eq!(claims[0].span.as_str(text), "2,250");
//! assert_eq!(claims[0].value, Some(2250.0));
//! assert_eq!(claims[0].concept.map(|c| c.as_str(text)), Some("ISIS militants"));
//!
//! assert_eq!(claims[1].span.as_str(text), "about 60 kilometers");
//! assert_eq!(claims[1].bound, Bound::Approx);
//! assert_eq!(claims[1].unit.as_deref(), Some("km"));
//! assert_eq!(claims[1].base_value, Some(60_000.0));
//! ```
//!
//! The unit table lives in `data/units.tsv` and the word classes the concept grammar reads in
//! `data/claim_words.txt`; smaller word lists sit beside the step that uses them.

use std::borrow::Cow;

use crate::sentences::Sentence;
use crate::span::Span;

mod bounds;
mod change;
mod concept;
mod context;
mod filters;
mod implied;
mod lexicon;
mod numbers;
mod quantity;
mod ranges;
mod tokens;
mod units;

use quantity::{Quantity, Step};
use tokens::Tokens;

/// One numeric claim found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Byte span of qualifier + number + unit as written ("about 60 kilometers").
    pub span: Span,
    /// Index of the sentence the claim is in.
    pub sentence: usize,
    /// The value with scale words applied ("1.5 million" → 1 500 000); `None` for ranges.
    pub value: Option<f64>,
    /// Lower end of a range or vague amount ("five to six" → 5; "dozens" → 12, up to 120).
    pub low: Option<f64>,
    /// Upper end of a range or vague amount.
    pub high: Option<f64>,
    /// Canonical unit ("km", "percent", "USD", "°C"), `None` for a bare count.
    pub unit: Option<Cow<'static, str>>,
    /// Byte span of the unit as written ("kilometers"), if any.
    pub unit_span: Option<Span>,
    /// What kind of quantity this is.
    pub dimension: Dimension,
    /// The value in the base unit (SI, or the ISO currency code): 60 km → 60 000.
    pub base_value: Option<f64>,
    /// The base unit ("m", "kg", "s", "USD"), `None` for a bare count.
    pub base_unit: Option<Cow<'static, str>>,
    /// How the number is bounded ("about", "more than", "up to", a range).
    pub bound: Bound,
    /// Direction of change when the sentence says so ("rose by 5%"), else `None`.
    pub change: Option<Change>,
    /// Byte span of the thing quantified ("ISIS members"), if found.
    pub concept: Option<Span>,
}

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dimension {
    /// A bare count of things ("2,250 ISIS members").
    Count,
    /// Money.
    Currency,
    /// Percentages and percentage points.
    Percent,
    /// Length or distance.
    Length,
    /// Area.
    Area,
    /// Volume.
    Volume,
    /// Mass or weight.
    Mass,
    /// Speed.
    Speed,
    /// Temperature.
    Temperature,
    /// Durations ("three weeks").
    Duration,
    /// Ages ("19-year-old").
    Age,
    /// Data sizes and rates ("5 GB").
    Data,
    /// Energy and power.
    Energy,
    /// A unit factsift recognises but does not classify further.
    Other,
}

impl Dimension {
    /// The lower-case name used in Python and in frames ("count", "currency", ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Dimension::Count => "count",
            Dimension::Currency => "currency",
            Dimension::Percent => "percent",
            Dimension::Length => "length",
            Dimension::Area => "area",
            Dimension::Volume => "volume",
            Dimension::Mass => "mass",
            Dimension::Speed => "speed",
            Dimension::Temperature => "temperature",
            Dimension::Duration => "duration",
            Dimension::Age => "age",
            Dimension::Data => "data",
            Dimension::Energy => "energy",
            Dimension::Other => "other",
        }
    }
}

/// How a number is bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    /// Stated as exact.
    Exact,
    /// "about", "nearly", "around", "some", "roughly".
    Approx,
    /// "more than", "over", "at least", "exceeding".
    Min,
    /// "up to", "less than", "fewer than", "under", "at most".
    Max,
    /// A range or vague amount: see `low` and `high`.
    Range,
}

impl Bound {
    /// "exact", "approx", "min", "max" or "range".
    pub const fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Approx => "approx",
            Bound::Min => "min",
            Bound::Max => "max",
            Bound::Range => "range",
        }
    }
}

/// Direction of a stated change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// "rose", "increased", "climbed" ...
    Up,
    /// "fell", "dropped", "cut" ...
    Down,
}

impl Change {
    /// "up" or "down".
    pub const fn as_str(self) -> &'static str {
        match self {
            Change::Up => "up",
            Change::Down => "down",
        }
    }
}

/// Finds claims in text that has already been split into sentences.
#[derive(Clone, Debug, Default)]
pub struct ClaimExtractor {
    _private: (),
}

impl ClaimExtractor {
    /// The default claim grammar for English.
    pub fn new() -> ClaimExtractor {
        ClaimExtractor::default()
    }

    /// Claims in `text`, in order, each inside one of `sentences`.
    ///
    /// `sentences` must come from the same `text` (as [`crate::Segmenter::split`] makes them);
    /// spans that are out of range or not on char boundaries are ignored, never a panic.
    pub fn extract(&self, text: &str, sentences: &[Sentence]) -> Vec<Claim> {
        let mut claims = Vec::new();
        for sentence in sentences {
            let span = sentence.span;
            if span.start > span.end
                || span.end > text.len()
                || !text.is_char_boundary(span.start)
                || !text.is_char_boundary(span.end)
            {
                continue;
            }
            extract_sentence(text, sentence, &mut claims);
        }
        claims
    }
}

fn extract_sentence(text: &str, sentence: &Sentence, out: &mut Vec<Claim>) {
    let t = Tokens::new(text, sentence.span);
    let mut found: Vec<Quantity> = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < t.len() {
        match quantity::at(&t, i, floor) {
            Step::Claim(q) => {
                i = q.end.max(i + 1);
                floor = q.end;
                found.push(q);
            }
            Step::Skip(end) => i = end.max(i + 1),
            Step::Nothing => i += 1,
        }
    }
    let mut found = ranges::join(&t, found);
    // "lost 190 points, or 0.6%": an alternative amount shares the change.
    for k in 1..found.len() {
        let (a, b) = (&found[k - 1], &found[k]);
        if a.change.is_some() && b.change.is_none() {
            let gap: Vec<&str> = (a.end..b.first).map(|j| t.lower(j)).collect();
            if matches!(gap.as_slice(), ["or"] | [",", "or"] | ["("]) {
                found[k].change = found[k - 1].change;
            }
        }
        // "rose 6.5% to 164p", "lost 162 points, or 2.14%", "$US5m ($A7m)", "closed at $302.26,
        // down 2.5%": the same subject.
        let (a, b) = (&found[k - 1], &found[k]);
        if a.concept.is_some() && concept::shares_subject(&t, a.end, b.first) {
            let level_after_change = a.change.is_some() && t.is(a.end, "to");
            if b.concept.is_none() || level_after_change {
                found[k].concept = found[k - 1].concept;
            }
        }
        // "more than 100 kilometers (60 miles)": a conversion in brackets shares the bound.
        let (a, b) = (&found[k - 1], &found[k]);
        if b.bound == Bound::Exact
            && a.bound != Bound::Range
            && b.first == a.end + 1
            && t.raw(a.end) == "("
        {
            found[k].bound = found[k - 1].bound;
        }
    }
    implied::apply(&t, &mut found);
    for q in found {
        out.push(to_claim(&t, sentence.index, q));
    }
}

fn to_claim(t: &Tokens<'_>, sentence: usize, q: Quantity) -> Claim {
    let dimension = q.unit.map_or(Dimension::Count, |u| u.dimension);
    let base_value = match (q.unit, q.value) {
        (Some(u), Some(v)) => Some(u.to_base(v)),
        _ => None,
    };
    // "from 36,040 to 34,935": the ends in order; the direction is the change's business.
    let (low, high) = match (q.low, q.high) {
        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
        ends => ends,
    };
    Claim {
        span: t.span(q.first, q.end),
        sentence,
        value: q.value,
        low,
        high,
        unit: q.unit.map(|u| Cow::Borrowed(u.name)),
        unit_span: q.unit_tokens.map(|(a, b)| t.span(a, b)),
        dimension,
        base_value,
        base_unit: q.unit.map(|u| Cow::Borrowed(u.base)),
        bound: q.bound,
        change: q.change,
        concept: q.concept.map(|(a, b)| t.span(a, b)),
    }
}
