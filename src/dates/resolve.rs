//! Resolving a date expression to the days it covers, given the date the text was written.
//!
//! News is written in the past tense: a bare "Friday" is the latest Friday on or before the
//! reference date, a bare "March" the latest March. When the sentence speaks of the future ("will",
//! "next", "is expected to") the next occurrence is taken instead.

use super::calendar::{CivilDate, days_in_month};
use super::recognize::{Form, Part, PeriodUnit, Shift};

/// First and last day covered by `form`. `None` when it cannot be placed without a reference
/// date (or names an impossible day, like 31 February).
pub(crate) fn resolve(
    form: Form,
    reference: Option<CivilDate>,
    future: bool,
) -> Option<(CivilDate, CivilDate)> {
    match form {
        Form::Day {
            year: Some(year),
            month,
            day,
        } => {
            let d = CivilDate::new(year, month, day)?;
            Some((d, d))
        }
        Form::Day {
            year: None,
            month,
            day,
        } => {
            let reference = reference?;
            let year = nearest_year(reference, month, future)?;
            let d = CivilDate::new(year, month, day)?;
            Some((d, d))
        }
        Form::Month { year, month, part } => {
            let year = match year {
                Some(y) => y,
                None => nearest_year(reference?, month, future)?,
            };
            let start = CivilDate::new(year, month, 1)?;
            Some(part_of_month(start, part))
        }
        Form::Year { year, part } => {
            let (first, last) = (CivilDate::new(year, 1, 1)?, CivilDate::new(year, 12, 31)?);
            Some(match part {
                Part::Whole => (first, last),
                Part::Early => (first, CivilDate::new(year, 4, 30)?),
                Part::Mid => (CivilDate::new(year, 5, 1)?, CivilDate::new(year, 8, 31)?),
                Part::Late => (CivilDate::new(year, 9, 1)?, last),
            })
        }
        Form::Decade { year } => Some((
            CivilDate::new(year, 1, 1)?,
            CivilDate::new(year + 9, 12, 31)?,
        )),
        Form::Weekday { weekday, shift } => {
            let reference = reference?;
            let today = reference.weekday().index();
            let wanted = i64::from(weekday);
            let back = (today - wanted).rem_euclid(7); // days since the latest such weekday
            let offset = match shift {
                Shift::Last => -(if back == 0 { 7 } else { back }),
                Shift::Next => {
                    let ahead = (wanted - today).rem_euclid(7);
                    if ahead == 0 { 7 } else { ahead }
                }
                Shift::This => wanted - today, // the one in the current (Monday-first) week
                Shift::None if future => (wanted - today).rem_euclid(7),
                Shift::None => -back,
            };
            let d = reference.checked_add_days(offset)?;
            Some((d, d))
        }
        Form::DayOffset(n) => {
            let d = reference?.checked_add_days(n)?;
            Some((d, d))
        }
        Form::Period { unit, shift } => {
            let reference = reference?;
            let step = match shift {
                Shift::Last => -1,
                Shift::Next => 1,
                _ => 0,
            };
            period(reference, unit, step)
        }
        Form::Ago { count, unit } => {
            let reference = reference?;
            let d = match unit {
                PeriodUnit::Day => reference.checked_add_days(-count),
                PeriodUnit::Week | PeriodUnit::Weekend => reference.checked_add_days(-7 * count),
                PeriodUnit::Month => reference.checked_add_months(-count),
                PeriodUnit::Quarter => reference.checked_add_months(-3 * count),
                PeriodUnit::Year => reference.checked_add_months(-12 * count),
            }?;
            Some((d, d))
        }
        Form::Quarter { quarter, year } => {
            let year = match year {
                Some(y) => y,
                None => reference?.year,
            };
            let first = CivilDate::new(year, (quarter - 1) * 3 + 1, 1)?;
            Some((first, first.checked_add_months(2)?.month_end()))
        }
        Form::Season { season, year } => {
            // Northern-hemisphere meteorological seasons; winter spans the turn of the year.
            let year = match year {
                Some(y) => y,
                None => reference?.year,
            };
            let first = CivilDate::new(year, [3, 6, 9, 12][usize::from(season)], 1)?;
            Some((first, first.checked_add_months(2)?.month_end()))
        }
    }
}

/// The year in which `month` falls nearest to `reference`, looking back (or ahead for the
/// future); `None` past the ends of the calendar (a reference date in year `i32::MAX`).
fn nearest_year(reference: CivilDate, month: u8, future: bool) -> Option<i32> {
    match (future, month.cmp(&reference.month)) {
        (false, std::cmp::Ordering::Greater) => reference.year.checked_sub(1),
        (true, std::cmp::Ordering::Less) => reference.year.checked_add(1),
        _ => Some(reference.year),
    }
}

fn part_of_month(start: CivilDate, part: Part) -> (CivilDate, CivilDate) {
    let last = days_in_month(start.year, start.month);
    let day = |d: u8| CivilDate { day: d, ..start };
    match part {
        Part::Whole => (start, day(last)),
        Part::Early => (start, day(10)),
        Part::Mid => (day(11), day(20)),
        Part::Late => (day(21), day(last)),
    }
}

/// The week (Monday–Sunday), weekend, month, quarter or year containing `reference`, moved by
/// `step` units; `None` where that leaves the calendar.
fn period(reference: CivilDate, unit: PeriodUnit, step: i64) -> Option<(CivilDate, CivilDate)> {
    Some(match unit {
        PeriodUnit::Day => {
            let d = reference.checked_add_days(step)?;
            (d, d)
        }
        PeriodUnit::Week => {
            let monday = reference.checked_add_days(-reference.weekday().index() + 7 * step)?;
            (monday, monday.checked_add_days(6)?)
        }
        PeriodUnit::Weekend => {
            let saturday =
                reference.checked_add_days(5 - reference.weekday().index() + 7 * step)?;
            (saturday, saturday.checked_add_days(1)?)
        }
        PeriodUnit::Month => {
            let first = reference.month_start().checked_add_months(step)?;
            (first, first.month_end())
        }
        PeriodUnit::Quarter => {
            let q_first = CivilDate {
                month: (reference.month - 1) / 3 * 3 + 1,
                day: 1,
                ..reference
            };
            let first = q_first.checked_add_months(3 * step)?;
            (first, first.checked_add_months(2)?.month_end())
        }
        PeriodUnit::Year => {
            let year = reference.year.checked_add(i32::try_from(step).ok()?)?;
            let first = CivilDate {
                year,
                month: 1,
                day: 1,
            };
            (
                first,
                CivilDate {
                    year,
                    month: 12,
                    day: 31,
                },
            )
        }
    })
}
