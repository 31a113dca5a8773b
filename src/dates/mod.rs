//! Dates and times as *context*: when the text says something happened.
//!
//! Dates are never claims; they anchor them. Each [`DateMention`] has its span, a [`DateKind`],
//! the temporal word before it ("as of Friday", "since 2019") and — when the caller gives the date
//! the text was written (or the text itself is absolute, "24 November 2026") — the first and last
//! day it covers.
//!
//! ```
//! use factsift::dates::{CivilDate, DateExtractor};
//! use factsift::Segmenter;
//!
//! let text = "As of Friday, 2,250 detainees had been moved. In mid-January, talks began.";
//! let sentences = Segmenter::default().split(text);
//! let reference = CivilDate::new(2026, 11, 24); // a Tuesday
//! let dates = DateExtractor::new().extract(text, &sentences, reference);
//! assert_eq!(dates[0].span.as_str(text), "Friday");
//! assert_eq!(dates[0].relation, Some("as of"));
//! assert_eq!(dates[0].earliest.unwrap().to_string(), "2026-11-20");
//! assert_eq!(dates[1].span.as_str(text), "mid-January");
//! assert_eq!(dates[1].earliest.unwrap().to_string(), "2026-01-11");
//! ```

mod calendar;
mod recognize;
mod resolve;

pub use calendar::{CivilDate, Weekday};

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::sentences::Sentence;
use crate::span::Span;
use recognize::Form;

/// One date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span of the expression ("Friday", "mid-January", "24 November 2026").
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// What the expression names.
    pub kind: DateKind,
    /// The temporal word before it, lower-cased: "as of", "since", "until", "on", "in", ...
    pub relation: Option<&'static str>,
    /// First day covered, when it can be placed.
    pub earliest: Option<CivilDate>,
    /// Last day covered (equal to `earliest` for a single day).
    pub latest: Option<CivilDate>,
}

/// What a date expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateKind {
    /// A calendar day ("24 November 2026", "Nov. 24").
    Date,
    /// A day of the week ("Friday", "last Tuesday").
    Weekday,
    /// A month or part of one ("January", "mid-January 2025").
    Month,
    /// A year or part of one ("2019", "late 2019").
    Year,
    /// A quarter, season or decade ("the third quarter", "summer 2023", "the 1990s").
    Period,
    /// Relative to the time of writing ("yesterday", "last week", "three days ago").
    Relative,
}

impl DateKind {
    /// "date", "weekday", "month", "year", "period" or "relative".
    pub const fn as_str(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Weekday => "weekday",
            DateKind::Month => "month",
            DateKind::Year => "year",
            DateKind::Period => "period",
            DateKind::Relative => "relative",
        }
    }
}

/// Finds date expressions and resolves them against a reference date.
#[derive(Clone, Debug, Default)]
pub struct DateExtractor {
    _private: (),
}

impl DateExtractor {
    /// The English date grammar.
    pub fn new() -> DateExtractor {
        DateExtractor::default()
    }

    /// Date expressions in `text`, in order, each inside one of `sentences`. With a `reference`
    /// date (when the text was written), relative expressions are resolved too.
    pub fn extract(
        &self,
        text: &str,
        sentences: &[Sentence],
        reference: Option<CivilDate>,
    ) -> Vec<DateMention> {
        let mut out = Vec::new();
        let mut cursor = 0;
        let mut future: Option<(usize, bool)> = None; // (sentence, speaks of the future), cached
        for found in recognize::find(text) {
            while cursor < sentences.len() && sentences[cursor].span.end <= found.span.start {
                cursor += 1;
            }
            let Some(sentence) = sentences
                .get(cursor)
                .filter(|s| s.span.contains(found.span))
            else {
                continue; // straddles a boundary: not a date of either sentence
            };
            // Only an undated day, month or weekday, placed against a reference, looks at the
            // tense of its sentence.
            let is_future = match future {
                _ if reference.is_none() || !recognize::depends_on_tense(found.form) => false,
                Some((i, f)) if i == sentence.index => f,
                _ => {
                    let f = speaks_of_future(sentence.span.as_str(text));
                    future = Some((sentence.index, f));
                    f
                }
            };
            let range = resolve::resolve(found.form, reference, is_future);
            out.push(DateMention {
                span: found.span,
                sentence: sentence.index,
                kind: kind_of(found.form),
                relation: found.relation,
                earliest: range.map(|r| r.0),
                latest: range.map(|r| r.1),
            });
        }
        out
    }
}

fn kind_of(form: Form) -> DateKind {
    match form {
        Form::Day { .. } => DateKind::Date,
        Form::Weekday { .. } => DateKind::Weekday,
        Form::Month { .. } => DateKind::Month,
        Form::Year { .. } => DateKind::Year,
        Form::Decade { .. } | Form::Quarter { .. } | Form::Season { .. } => DateKind::Period,
        Form::DayOffset(_) | Form::Period { .. } | Form::Ago { .. } => DateKind::Relative,
    }
}

/// Words that say a sentence talks about what will happen, and the clitic "'ll".
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "expected",
    "scheduled",
    "upcoming",
    "plans",
    "planned",
    "next",
    "tomorrow",
    "due",
    "'ll",
    "’ll",
];

static FUTURE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(FUTURE_CUES)
        .expect("the future cues build an automaton")
});

/// True when a sentence talks about what will happen ("will", "is expected to", "next"): a cue
/// that is a whole word (letters, digits and apostrophes make words), or a word ending in "'ll".
fn speaks_of_future(sentence: &str) -> bool {
    let in_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    FUTURE.find_overlapping_iter(sentence).any(|m| {
        let clitic = FUTURE_CUES[m.pattern().as_usize()].starts_with(['\'', '’']);
        let free_before = clitic
            || !sentence[..m.start()]
                .chars()
                .next_back()
                .is_some_and(in_word);
        free_before && !sentence[m.end()..].chars().next().is_some_and(in_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Segmenter;

    fn dates(text: &str, reference: &str) -> Vec<(String, &'static str, String)> {
        let sentences = Segmenter::default().split(text);
        DateExtractor::new()
            .extract(text, &sentences, CivilDate::parse_iso(reference))
            .into_iter()
            .map(|d| {
                let range = match (d.earliest, d.latest) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) => format!("{a}/{b}"),
                    _ => "-".to_string(),
                };
                (d.span.as_str(text).to_string(), d.kind.as_str(), range)
            })
            .collect()
    }

    #[test]
    fn ranges_that_would_leave_the_calendar_stay_unresolved() {
        // Found by the `dates` fuzz target: "this week" from 31 December of year i32::MAX ended
        // in a January of the same (saturated) year, before it began.
        let text = "Today, this week, next week, next weekend, next month, the coming quarter, \
                    next year, tomorrow, in three days, last week, three years ago, last year.";
        let sentences = Segmenter::default().split(text);
        for reference in [
            CivilDate::new(i32::MAX, 12, 31),
            CivilDate::new(i32::MIN, 1, 1),
        ] {
            let found = DateExtractor::new().extract(text, &sentences, reference);
            assert!(found.len() >= 10, "{found:?}");
            for d in &found {
                if let (Some(a), Some(b)) = (d.earliest, d.latest) {
                    assert!(a <= b, "{:?}: {a} > {b}", d.span.as_str(text));
                    let distance = |x: CivilDate| (x.days() - reference.unwrap().days()).abs();
                    assert!(
                        distance(a) < 2000 && distance(b) < 2000,
                        "{:?}",
                        d.span.as_str(text)
                    );
                }
            }
            let today = &found[0];
            assert_eq!((today.earliest, today.latest), (reference, reference));
        }
    }

    #[test]
    fn future_cues_are_whole_words_or_the_clitic() {
        for yes in [
            "It will open.",
            "WILL it?",
            "We’ll see.",
            "they'll go",
            "Talks (next) week",
        ] {
            assert!(speaks_of_future(yes), "{yes}");
        }
        for no in [
            "Willa left.",
            "goodwill",
            "overdue",
            "plansfor",
            "ill",
            "the mall",
        ] {
            assert!(!speaks_of_future(no), "{no}");
        }
    }

    #[test]
    fn the_example_articles_dates() {
        // Reference: the Sunday after the events.
        let got = dates(
            "The Cell announced on Saturday that, as of Friday, 2,250 were moved. In mid-January, \
             talks began.",
            "2026-01-25",
        );
        assert_eq!(
            got,
            [
                ("Saturday".into(), "weekday", "2026-01-24".into()),
                ("Friday".into(), "weekday", "2026-01-23".into()),
                (
                    "mid-January".into(),
                    "month",
                    "2026-01-11/2026-01-20".into()
                ),
            ]
        );
    }

    #[test]
    fn absolute_dates_need_no_reference() {
        let got = dates(
            "It opened on 24 November 2026 and closed on Nov. 30, 2026.",
            "",
        );
        assert_eq!(
            got[0],
            ("24 November 2026".into(), "date", "2026-11-24".into())
        );
        assert_eq!(
            got[1],
            ("Nov. 30, 2026".into(), "date", "2026-11-30".into())
        );
        let got = dates("Prices rose in 2019.", "");
        assert_eq!(
            got,
            [("2019".into(), "year", "2019-01-01/2019-12-31".into())]
        );
    }

    #[test]
    fn relative_dates_and_tense() {
        let r = "2026-11-24"; // Tuesday
        assert_eq!(dates("He left yesterday.", r)[0].2, "2026-11-23");
        assert_eq!(
            dates("The vote was last week.", r)[0].2,
            "2026-11-16/2026-11-22"
        );
        assert_eq!(dates("It happened three days ago.", r)[0].2, "2026-11-21");
        assert_eq!(dates("They met on Friday.", r)[0].2, "2026-11-20");
        assert_eq!(dates("They will meet on Friday.", r)[0].2, "2026-11-27");
        assert_eq!(dates("They met last Tuesday.", r)[0].2, "2026-11-17");
        assert_eq!(
            dates("Sales rose in the third quarter.", r)[0].2,
            "2026-07-01/2026-09-30"
        );
    }

    #[test]
    fn numbers_and_modal_may_are_not_dates() {
        assert!(dates("He counted 2019 ballots. It may rain.", "2026-11-24").is_empty());
        assert_eq!(dates("It rained in May.", "2026-11-24")[0].0, "May");
    }
}
