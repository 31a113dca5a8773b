//! Finding date expressions: one regex over the text (linear time), then a little cleaning.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::span::Span;

/// What a date expression names, before resolution. Numbers are as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// A day: year (if given), month, day; `weekday` when it was named too.
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    /// A month, possibly narrowed to a part ("mid-January") and a year.
    Month {
        year: Option<i32>,
        month: u8,
        part: Part,
    },
    /// A year or a part of it ("2019", "late 2019").
    Year { year: i32, part: Part },
    /// A decade ("the 1990s").
    Decade { year: i32 },
    /// A weekday, with "last"/"next"/"this" if given.
    Weekday { weekday: u8, shift: Shift },
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    DayOffset(i64),
    /// "last week", "this month", "next year", "earlier this week", ...
    Period { unit: PeriodUnit, shift: Shift },
    /// "three days ago".
    Ago { count: i64, unit: PeriodUnit },
    /// A quarter of a year ("the third quarter", "Q3 2024").
    Quarter { quarter: u8, year: Option<i32> },
    /// A season ("summer 2023").
    Season { season: u8, year: Option<i32> },
}

/// Whether `form` is placed differently in a sentence about the future ("on Friday", "in
/// March", "on 5 May" without a year): see `resolve`.
pub(crate) fn depends_on_tense(form: Form) -> bool {
    matches!(
        form,
        Form::Day { year: None, .. }
            | Form::Month { year: None, .. }
            | Form::Weekday {
                shift: Shift::None,
                ..
            }
    )
}

/// Which part of a month or year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Whole,
    Early,
    Mid,
    Late,
}

/// "last", "next", "this", or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shift {
    None,
    Last,
    This,
    Next,
}

/// Units of relative periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PeriodUnit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
}

/// One date expression found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub span: Span,
    pub form: Form,
    /// The temporal preposition before it ("as of", "since", "on", ...).
    pub relation: Option<&'static str>,
}

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thur\.|Thurs\.|Fri\.|Sat\.|Sun\.)";
const YEAR: &str = r"(?:1[89][0-9][0-9]|20[0-9][0-9])";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?P<iso>(?-u:\b){YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?-u:\b))
        | (?P<mdy>(?:(?P<wd1>{WEEKDAY}),?\s+)?(?P<m1>{MONTH})\s+(?P<d1>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y1>{YEAR})(?-u:\b))?)
        | (?P<dmy>(?:(?P<wd2>{WEEKDAY}),?\s+)?(?:the\s+)?(?-u:\b)(?P<d2>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR})(?-u:\b))?)
        | (?P<part>(?:(?P<pm>[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+)|(?:[Tt]he\s+)?(?P<pe>end|beginning|start|middle)\s+of\s+)(?:(?P<m3>{MONTH})(?:,?\s+(?P<y3>{YEAR})(?-u:\b))?|(?P<py>{YEAR})(?-u:\b)))
        | (?P<month>(?P<m4>{MONTH})(?:,?\s+(?P<y4>{YEAR})(?-u:\b))?)
        | (?P<weekday>(?:(?P<wmod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?(?P<wd3>{WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?)
        | (?P<offset>(?-u:\b)(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?-u:\b))
        | (?P<period>(?-u:\b)(?P<pmod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Pp]revious|(?:[Ee]arlier|[Ll]ater)\s+this)\s+(?P<punit>week|weekend|month|quarter|year)(?-u:\b))
        | (?P<ago>(?-u:\b)(?P<n>[0-9]{{1,3}}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<agounit>days?|weeks?|months?|years?)\s+ago(?-u:\b))
        | (?P<quarter>(?-u:\b)(?:[Tt]he\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?P<y6>{YEAR})(?-u:\b))?|(?-u:\b)Q(?P<qd>[1-4])\s+(?P<y7>{YEAR})(?-u:\b))
        | (?P<season>(?-u:\b)(?P<sname>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?P<y8>{YEAR})(?-u:\b))
        | (?P<decade>(?-u:\b)(?:the\s+)?(?P<y9>1[89][0-9]0|20[0-9]0)s(?-u:\b))
        | (?P<year>(?-u:\b)(?P<y5>{YEAR})(?-u:\b))
        "
    );
    // ASCII word boundaries (`(?-u:\b)`): with Unicode ones the regex crate's DFAs give up at the
    // first non-ASCII byte (a curly quote suffices) and the search runs ~200x slower. Every
    // boundary sits next to an ASCII word or digit; `is_free_standing` still rejects "2019é".
    // A large lazy-DFA cache: the pattern has many alternatives, and a small cache would be
    // cleared and rebuilt over and over on long texts.
    regex::RegexBuilder::new(&pattern)
        .dfa_size_limit(32 << 20)
        .build()
        .expect("the date pattern is valid")
});

/// Words before a date that say how it relates to the event, longest first.
const RELATIONS: &[&str] = &[
    "as of", "since", "until", "till", "before", "after", "during", "through", "between", "from",
    "by", "on", "in", "at", "to",
];

/// Date expressions in `text`, in order, none overlapping.
pub(crate) fn find(text: &str) -> Vec<Found> {
    // Most matches are one word ("2019", "Friday", "March"), whose form the word itself tells:
    // only the others pay for the capture groups (the regex crate's backtracker, whose cost
    // grows with the size of this pattern, was half the time of date recognition).
    DATE.find_iter(text)
        .filter_map(|m| {
            let span = Span::new(m.start(), m.end());
            match one_word(m.as_str()) {
                Some(OneWord::Year(year)) => bare_year(text, span, year),
                Some(OneWord::Month(month)) => bare_month(text, span, month),
                Some(OneWord::Weekday(weekday)) => Some(Found {
                    span,
                    form: Form::Weekday {
                        weekday,
                        shift: shift_of(None),
                    },
                    relation: relation_before(text, span.start),
                }),
                // The same match: it is the leftmost one from its start.
                None => DATE
                    .captures_at(text, m.start())
                    .and_then(|caps| classify(text, &caps)),
            }
        })
        .collect()
}

/// A match of [`DATE`] that is a single word.
enum OneWord {
    Year(i32),
    Month(u8),
    Weekday(u8),
}

/// Reads a whole match that is one word. Of the pattern's alternatives only `year`, `month`
/// and `weekday` match a lone word of four digits, or of letters (and a period) that begins
/// like a month or a weekday (the other one-word forms are "1990s", "2019-05-04" and "today").
fn one_word(word: &str) -> Option<OneWord> {
    let bytes = word.as_bytes();
    if bytes.len() == 4 && bytes.iter().all(u8::is_ascii_digit) {
        return word.parse().ok().map(OneWord::Year);
    }
    if !bytes.iter().all(|&b| b.is_ascii_alphabetic() || b == b'.') {
        return None;
    }
    month_number(word)
        .map(OneWord::Month)
        .or_else(|| weekday_number(word).map(OneWord::Weekday))
}

/// A month without a day ("in March", "March 2024").
fn bare_month(text: &str, span: Span, month: u8) -> Option<Found> {
    if is_ordinary_word_month(text, span) {
        return None;
    }
    Some(Found {
        span,
        form: Form::Month {
            year: None,
            month,
            part: Part::Whole,
        },
        relation: relation_before(text, span.start),
    })
}

/// "May" and "March" are also ordinary words: without a year, they are months only after a
/// preposition ("in May").
fn is_ordinary_word_month(text: &str, span: Span) -> bool {
    matches!(span.as_str(text), "May" | "March") && relation_before(text, span.start).is_none()
}

/// A bare year is a date only after a temporal preposition ("in 2019", "since 2004");
/// otherwise it is more likely a number, a name or a count.
fn bare_year(text: &str, span: Span, year: i32) -> Option<Found> {
    let relation = relation_before(text, span.start)?;
    is_free_standing(text, span).then_some(Found {
        span,
        form: Form::Year {
            year,
            part: Part::Whole,
        },
        relation: Some(relation),
    })
}

fn classify(text: &str, caps: &Captures<'_>) -> Option<Found> {
    let whole = caps.get(0)?;
    let mut span = Span::new(whole.start(), whole.end());
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    let month = |name: &str| caps.name(name).and_then(|m| month_number(m.as_str()));
    let form = if caps.name("iso").is_some() {
        let s = whole.as_str();
        Form::Day {
            year: s[..4].parse().ok(),
            month: s[5..7].parse().ok()?,
            day: s[8..10].parse().ok()?,
        }
    } else if caps.name("mdy").is_some() {
        Form::Day {
            year: num("y1"),
            month: month("m1")?,
            day: num("d1")? as u8,
        }
    } else if caps.name("dmy").is_some() {
        if caps.name("wd2").is_none() {
            // Drop a leading "the" from the span: "the 4th of July" → "4th of July".
            span.start = caps.name("d2")?.start();
        }
        Form::Day {
            year: num("y2"),
            month: month("m2")?,
            day: num("d2")? as u8,
        }
    } else if caps.name("part").is_some() {
        let part = match (
            caps.name("pm").map(|m| m.as_str().to_ascii_lowercase()),
            caps.name("pe"),
        ) {
            (Some(p), _) if p == "early" => Part::Early,
            (Some(p), _) if p == "mid" => Part::Mid,
            (Some(_), _) => Part::Late,
            (None, Some(e)) if matches!(e.as_str(), "beginning" | "start") => Part::Early,
            (None, Some(e)) if e.as_str() == "middle" => Part::Mid,
            _ => Part::Late,
        };
        match month("m3") {
            Some(m) => Form::Month {
                year: num("y3"),
                month: m,
                part,
            },
            None => Form::Year {
                year: num("py")?,
                part,
            },
        }
    } else if caps.name("month").is_some() {
        if caps.name("y4").is_none() && is_ordinary_word_month(text, span) {
            return None;
        }
        Form::Month {
            year: num("y4"),
            month: month("m4")?,
            part: Part::Whole,
        }
    } else if caps.name("weekday").is_some() {
        let shift = shift_of(caps.name("wmod").map(|m| m.as_str()));
        Form::Weekday {
            weekday: weekday_number(caps.name("wd3")?.as_str())?,
            shift,
        }
    } else if let Some(m) = caps.name("offset") {
        let offset = match m.as_str().to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        Form::DayOffset(offset)
    } else if caps.name("period").is_some() {
        let modifier = caps.name("pmod")?.as_str().to_ascii_lowercase();
        let shift = match modifier.as_str() {
            "last" | "past" | "previous" => Shift::Last,
            "next" | "coming" => Shift::Next,
            _ => Shift::This,
        };
        Form::Period {
            unit: unit_of(caps.name("punit")?.as_str())?,
            shift,
        }
    } else if caps.name("ago").is_some() {
        let n = caps.name("n")?.as_str();
        let count = n.parse::<i64>().ok().or_else(|| small_number(n))?;
        Form::Ago {
            count,
            unit: unit_of(caps.name("agounit")?.as_str())?,
        }
    } else if caps.name("quarter").is_some() {
        let q = match caps.name("qd") {
            Some(d) => d.as_str().parse().ok()?,
            None => match caps.name("qn")?.as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                _ => 4,
            },
        };
        Form::Quarter {
            quarter: q,
            year: num("y6").or_else(|| num("y7")),
        }
    } else if caps.name("season").is_some() {
        let season = match caps.name("sname")?.as_str().to_ascii_lowercase().as_str() {
            "spring" => 0,
            "summer" => 1,
            "autumn" | "fall" => 2,
            _ => 3,
        };
        Form::Season {
            season,
            year: num("y8"),
        }
    } else if caps.name("decade").is_some() {
        Form::Decade { year: num("y9")? }
    } else {
        return bare_year(text, span, num("y5")?);
    };
    Some(Found {
        span,
        form,
        relation: relation_before(text, span.start),
    })
}

/// The temporal preposition just before `start` ("as of", "since", ...), within a few bytes.
fn relation_before(text: &str, start: usize) -> Option<&'static str> {
    let mut from = start.saturating_sub(12);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = text[from..start].trim_end();
    if head.len() == text[from..start].len() {
        return None; // no space between the word and the date
    }
    RELATIONS.iter().copied().find(|rel| {
        head.len() >= rel.len()
            && head.is_char_boundary(head.len() - rel.len())
            && head[head.len() - rel.len()..].eq_ignore_ascii_case(rel)
            && head[..head.len() - rel.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A year written as its own word, not part of "2019-20", "$2019" or "2019th".
fn is_free_standing(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(|c| matches!(c, '$' | '€' | '£' | '#' | '-' | '/' | '.'))
        && !after.is_some_and(|c| matches!(c, '-' | '/' | '%') || c.is_alphanumeric())
}

fn shift_of(modifier: Option<&str>) -> Shift {
    match modifier.map(str::to_ascii_lowercase).as_deref() {
        Some("last") => Shift::Last,
        Some("next" | "coming") => Shift::Next,
        Some("this") => Shift::This,
        _ => Shift::None,
    }
}

fn unit_of(word: &str) -> Option<PeriodUnit> {
    Some(match word.trim_end_matches('s') {
        "day" => PeriodUnit::Day,
        "week" => PeriodUnit::Week,
        "weekend" => PeriodUnit::Weekend,
        "month" => PeriodUnit::Month,
        "quarter" => PeriodUnit::Quarter,
        "year" => PeriodUnit::Year,
        _ => return None,
    })
}

fn small_number(word: &str) -> Option<i64> {
    const WORDS: [&str; 13] = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    match word {
        "an" => Some(1),
        w => WORDS.iter().position(|&x| x == w).map(|i| i.max(1) as i64),
    }
}

/// 1–12 for a month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u8> {
    let key = name.get(..3)?;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS.iter().position(|&m| m == key).map(|i| i as u8 + 1)
}

/// 0 (Monday) – 6 (Sunday) for a weekday name or abbreviation.
fn weekday_number(name: &str) -> Option<u8> {
    let key = name.get(..3)?;
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    DAYS.iter().position(|&d| d == key).map(|i| i as u8)
}
