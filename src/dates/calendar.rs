//! A proleptic Gregorian calendar date, with just the arithmetic date resolution needs.
//!
//! Days are counted from 1970-01-01 with Howard Hinnant's civil-from-days algorithm, so every
//! operation is O(1) and exact for any year the `i32` range holds.

use std::fmt;

/// A calendar date (`2026-11-24`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// Year (astronomical: 0 is 1 BC).
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

/// Days of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// 0 for Monday … 6 for Sunday.
    pub const fn index(self) -> i64 {
        self as i64
    }

    fn from_index(i: i64) -> Weekday {
        const ALL: [Weekday; 7] = [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
        ];
        ALL[i.rem_euclid(7) as usize]
    }
}

impl CivilDate {
    /// The date, if `month` and `day` exist in `year`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(CivilDate { year, month, day })
        } else {
            None
        }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<CivilDate> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        CivilDate::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01. Years outside `i32` saturate.
    pub fn from_days(days: i64) -> CivilDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        CivilDate {
            year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
            month,
            day,
        }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> CivilDate {
        CivilDate::from_days(self.days().saturating_add(n))
    }

    /// This date moved by `n` days, or `None` if that leaves the calendar (years of `i32`).
    pub fn checked_add_days(self, n: i64) -> Option<CivilDate> {
        let moved = self.add_days(n);
        (moved.days() == self.days().checked_add(n)?).then_some(moved)
    }

    /// The same day `n` months later (clamped to the month's last day), or `None` if that
    /// leaves the calendar.
    pub fn checked_add_months(self, n: i64) -> Option<CivilDate> {
        let total = (i64::from(self.year) * 12 + i64::from(self.month) - 1).checked_add(n)?;
        i32::try_from(total.div_euclid(12))
            .is_ok()
            .then(|| self.add_months(n))
    }

    /// The same day `n` months later (clamped to the month's last day).
    pub fn add_months(self, n: i64) -> CivilDate {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = total
            .div_euclid(12)
            .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        CivilDate {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// Day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index(self.days() + 3)
    }

    /// The first day of this date's month.
    pub fn month_start(self) -> CivilDate {
        CivilDate { day: 1, ..self }
    }

    /// The last day of this date's month.
    pub fn month_end(self) -> CivilDate {
        CivilDate {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// True in leap years of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_known_points() {
        let epoch = CivilDate::new(1970, 1, 1).unwrap();
        assert_eq!(epoch.days(), 0);
        assert_eq!(epoch.weekday(), Weekday::Thursday);
        let d = CivilDate::new(2026, 11, 24).unwrap();
        assert_eq!(d.weekday(), Weekday::Tuesday);
        for n in [-800_000, -1, 0, 59, 60, 365, 11_000, 20_000, 800_000] {
            assert_eq!(CivilDate::from_days(n).days(), n);
        }
        assert_eq!(
            CivilDate::new(2024, 2, 28).unwrap().add_days(1),
            CivilDate::new(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn months_clamp_and_validate() {
        let jan31 = CivilDate::new(2025, 1, 31).unwrap();
        assert_eq!(jan31.add_months(1), CivilDate::new(2025, 2, 28).unwrap());
        assert_eq!(jan31.add_months(-2), CivilDate::new(2024, 11, 30).unwrap());
        assert!(CivilDate::new(2025, 2, 29).is_none());
        assert_eq!(
            CivilDate::parse_iso("2026-11-24"),
            CivilDate::new(2026, 11, 24)
        );
        assert_eq!(CivilDate::parse_iso("2026-13-01"), None);
        assert_eq!(
            CivilDate::new(2026, 11, 24).unwrap().to_string(),
            "2026-11-24"
        );
    }
}
