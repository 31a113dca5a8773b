//! Numbers that are not claims: dates, times, years, ranks, numbers inside names ("Route 66",
//! "COVID-19", "S&P 500", "5G"), identifiers, list markers and "one" used as a pronoun.

use super::numbers::Number;
use super::tokens::Tokens;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words that are also months only when capitalised ("may", "march").
const MONTH_WORDS: &[&str] = &["may", "march", "jan", "mar", "jun", "dec", "aug"];

/// Capitalised words that name something by a number ("Route 66", "Apollo 11", "FTSE 100").
const NAME_WORDS: &[&str] = &[
    "route",
    "highway",
    "interstate",
    "exit",
    "chapter",
    "article",
    "section",
    "title",
    "paragraph",
    "clause",
    "amendment",
    "resolution",
    "proposition",
    "prop",
    "measure",
    "bill",
    "flight",
    "apollo",
    "windows",
    "iphone",
    "galaxy",
    "pixel",
    "formula",
    "boeing",
    "airbus",
    "bowl",
    "fortune",
    "russell",
    "nikkei",
    "dax",
    "cac",
    "ftse",
    "nasdaq",
    "stoxx",
    "sensex",
    "kospi",
    "seng",
    "asx",
    "tsx",
    "msci",
    "vision",
    "agenda",
    "category",
    "level",
    "grade",
    "phase",
    "stage",
    "season",
    "episode",
    "volume",
    "vol",
    "part",
    "round",
    "game",
    "week",
    "room",
    "gate",
    "terminal",
    "platform",
    "line",
    "channel",
    "model",
    "version",
    "mark",
    "type",
    "class",
    "block",
    "unit",
    "building",
    "suite",
    "box",
    "district",
    "ward",
    "pier",
    "camp",
    "zone",
    "sector",
    "base",
    "station",
    "tier",
    "big",
    "pac",
    "ligue",
    "serie",
    "bundesliga",
    "premier",
    "league",
    "division",
    "group",
    "studio",
    "xbox",
    "playstation",
    "ps",
    "macbook",
    "ipad",
    "android",
    "ios",
    "covid",
    "sars",
    "catch",
    "door",
    "figure",
    "table",
    "appendix",
    "annex",
    "item",
    "step",
    "lane",
    "avenue",
    "street",
    "road",
    "pad",
    "hangar",
    "tower",
    "building",
    "floor",
    "page",
    "no",
    "number",
    "nr",
    "nos",
    "series",
    "generation",
    "gen",
    "day",
    "year",
    "world",
    "cup",
    "euro",
    "copa",
    "super",
    "top",
    "ranked",
    "rank",
    "no.",
    "mission",
    "operation",
    "task",
    "force",
    "regiment",
    "battalion",
    "brigade",
    "squadron",
    "corps",
    "army",
    "fleet",
    "psalm",
    "psalms",
    "verse",
    "hymn",
    "opus",
    "symphony",
    "sonata",
    "op",
    "ward",
    "precinct",
    "lot",
    "plot",
    "ch",
    "sec",
    "art",
];

/// Lower-case words after which a number is a label, not an amount ("page 3", "number 10").
const LABEL_WORDS: &[&str] = &[
    "page",
    "pages",
    "chapter",
    "section",
    "article",
    "paragraph",
    "clause",
    "item",
    "line",
    "verse",
    "episode",
    "season",
    "round",
    "stage",
    "phase",
    "level",
    "grade",
    "tier",
    "category",
    "room",
    "gate",
    "platform",
    "flight",
    "route",
    "highway",
    "interstate",
    "exit",
    "number",
    "no",
    "nos",
    "nr",
    "ranked",
    "rank",
    "ranking",
    "version",
    "figure",
    "table",
    "step",
    "lane",
    "seat",
    "row",
    "model",
    "code",
    "pin",
    "id",
    "ward",
    "precinct",
    "bus",
    "track",
    "channel",
    "building",
    "apartment",
    "suite",
    "unit",
    "block",
    "lot",
    "plot",
    "district",
    "box",
    "floor",
    "storey",
    "hole",
    "bib",
    "jersey",
    "shirt",
    "squad",
    "covid",
];

/// Prepositions that make a bare four-digit number a year ("in 2019", "since 1990").
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "before",
    "after",
    "during",
    "of",
    "through",
    "to",
    "the",
    "early",
    "late",
    "mid",
    "between",
    "and",
    "'s",
    "’s",
    "circa",
    "year",
    "fiscal",
    "fy",
    "season",
    "class",
    "for",
    "on",
    "at",
    "around",
    "about",
    "as",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "'",
    "’",
    "throughout",
    "into",
    "last",
    "next",
    "this",
];

/// Words that say a number is a time of day.
const TIME_WORDS: &[&str] = &[
    "am",
    "pm",
    "o'clock",
    "o’clock",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "a.m",
    "p.m",
];

fn is_month(t: &Tokens<'_>, i: usize) -> bool {
    let w = t.lower(i);
    if !MONTHS.contains(&w) {
        return false;
    }
    !MONTH_WORDS.contains(&w) || t.is_capitalized(i)
}

/// A year: a bare four-digit integer from 1000 to 2199 that no unit, qualifier or count noun
/// turns into an amount.
pub(crate) fn is_year(t: &Tokens<'_>, n: &Number) -> bool {
    if !n.plain_digits || t.raw(n.first).len() != 4 || !(1000.0..=2199.0).contains(&n.value) {
        return false;
    }
    let before = n.first.checked_sub(1).map_or("", |b| t.lower(b));
    if YEAR_CONTEXT.contains(&before) || n.first == 0 || before == "," || before == "(" {
        return true;
    }
    // "2000 people" after a verb can be a count.
    !plural_noun_after(t, n)
}

/// A lower-case plural noun right after the number: "2000 people", "1000 hires".
pub(crate) fn plural_noun_after(t: &Tokens<'_>, n: &Number) -> bool {
    let next = t.lower(n.end);
    t.is_word(n.end)
        && !t.is_capitalized(n.end)
        && ((next.len() > 3 && next.ends_with('s') && !next.ends_with("ss"))
            || matches!(
                next,
                "people"
                    | "children"
                    | "men"
                    | "women"
                    | "police"
                    | "staff"
                    | "personnel"
                    | "cattle"
                    | "sheep"
            ))
}

/// Dates and times: "March 5", "5 March", "Jan. 5", "9 a.m.", "5pm", "10 GMT".
pub(crate) fn is_date_or_time(t: &Tokens<'_>, n: &Number) -> bool {
    let next = n.end;
    let after = t.lower(next);
    if TIME_WORDS.contains(&after) {
        return true;
    }
    // "at 9 local time"
    if after == "local" && t.is(next + 1, "time") {
        return true;
    }
    // "9 a.m.", "5 p.m"
    if t.is_any(next, &["a", "p"]) && t.raw(next + 1) == "." && t.is(next + 2, "m") {
        return true;
    }
    if n.words {
        return false;
    }
    let day_like = n.plain_digits && n.value >= 1.0 && n.value <= 31.0;
    if day_like {
        // "March 5", "Jan. 5", "5 March", "5 of March"
        let mut b = n.first;
        if b > 0 && t.raw(b - 1) == "." {
            b -= 1;
        }
        if b > 0 && is_month(t, b - 1) {
            return true;
        }
        if is_month(t, next) || (t.is(next, "of") && is_month(t, next + 1)) {
            return true;
        }
    }
    // A year after a month or a day: "May 2019", "May 8, 1945".
    if n.plain_digits && t.raw(n.first).len() == 4 {
        let mut b = n.first;
        if b > 0 && t.raw(b - 1) == "," {
            b -= 1;
        }
        if b > 0 && (is_month(t, b - 1) || t.is_digits(b - 1)) {
            return true;
        }
    }
    false
}

fn is_upper_word(t: &Tokens<'_>, i: usize) -> bool {
    t.is_word(i) && t.raw(i).chars().all(|c| !c.is_lowercase())
}

/// Numbers inside names and identifiers: "Route 66", "S&P 500", "COVID-19", "G7", "5G", "A320".
/// `prefixed`: a currency symbol or code came right before (so "USD 5" is money, not a name).
pub(crate) fn is_name_or_identifier(
    t: &Tokens<'_>,
    n: &Number,
    unit_after: bool,
    prefixed: bool,
) -> bool {
    let first = n.first;
    if first > 0 && !prefixed && !n.words {
        let prev = first - 1;
        // Letters touching the digits, directly or through a hyphen: "G7", "COVID-19",
        // "mid-2019", "#1".
        if t.touches_prev(first) {
            if t.is_word(prev) || matches!(t.raw(prev), "#" | "№") {
                return true;
            }
            if matches!(t.raw(prev), "-" | "‐" | "‑")
                && prev > 0
                && t.is_word(prev - 1)
                && t.touches_prev(prev)
            {
                return true;
            }
        }
        // "No. 1", "Fig. 3", "pp. 12"
        if t.raw(prev) == "."
            && prev > 0
            && t.is_any(
                prev - 1,
                &[
                    "no", "nos", "nr", "vol", "art", "sec", "ch", "fig", "p", "pp", "op",
                ],
            )
        {
            return true;
        }
        // "1.99×10−30", "$7/$9"
        if t.is_any(prev, &["×", "/", "^"]) && t.touches_prev(first) {
            return true;
        }
        if t.is_word(prev) && !unit_after {
            let w = t.lower(prev);
            let raw = t.raw(prev);
            let named = t.is_capitalized(prev) || raw.chars().skip(1).any(char::is_uppercase);
            if named && NAME_WORDS.contains(&w) {
                return true;
            }
            if LABEL_WORDS.contains(&w) && n.plain_digits {
                return true;
            }
            // "S&P 500", "FTSE 100", "MH 17": a short all-capital word right before, unless the
            // sentence is an all-capital headline.
            if n.plain_digits
                && raw.len() <= 5
                && raw.chars().all(|c| c.is_ascii_uppercase())
                && !is_upper_word(t, n.end)
            {
                return true;
            }
        }
    }
    // "BBC One", "Channel Four": a capitalised number word inside a name.
    if n.words
        && first > 0
        && t.is_capitalized(first)
        && t.is_capitalized(first - 1)
        && t.is_word(first - 1)
    {
        return true;
    }
    // "737 Max", "iPhone 11 Pro", "787 Dreamliner": a model name after the number.
    if n.plain_digits
        && !unit_after
        && t.is_capitalized(n.end)
        && t.is_any(
            n.end,
            &[
                "max",
                "pro",
                "plus",
                "ultra",
                "mini",
                "dreamliner",
                "lite",
                "neo",
                "edition",
                "series",
            ],
        )
    {
        return true;
    }
    // "$7/$9", "10/10"
    if t.is_any(n.end, &["/", "×"]) && t.touches_prev(n.end) {
        return true;
    }
    // Letters touching after the number: "5G", "4K", "3D", "24703L202" ("9mm" is a unit).
    !unit_after && !n.words && t.touches_prev(n.end) && t.is_word(n.end)
}

/// "Jamie Armstrong, 25, said": an age in apposition to a name is an attribute, not a claim.
pub(crate) fn is_apposition_age(t: &Tokens<'_>, n: &Number, floor: usize) -> bool {
    n.plain_digits
        && n.value <= 120.0
        && n.first >= floor + 2
        && t.raw(n.first - 1) == ","
        && t.is_capitalized(n.first - 2)
        && t.is_word(n.first - 2)
        && matches!(t.raw(n.end), "," | ")")
}

/// Street addresses: "575 Wilbraham Road", "9 E 71st St".
pub(crate) fn is_address(t: &Tokens<'_>, n: &Number) -> bool {
    if !n.plain_digits {
        return false;
    }
    let mut k = n.end;
    for _ in 0..4 {
        if !(t.is_capitalized(k) || t.is_digits(k)) {
            return false;
        }
        k += 1;
        if t.raw(k) == "." {
            k += 1;
        }
        if t.is_any(
            k,
            &[
                "st",
                "street",
                "road",
                "rd",
                "ave",
                "avenue",
                "way",
                "blvd",
                "boulevard",
                "lane",
                "drive",
                "dr",
                "court",
                "ct",
                "place",
                "pl",
                "terrace",
                "square",
                "parkway",
            ],
        ) && t.is_capitalized(k)
        {
            return true;
        }
    }
    false
}

/// "the bottom three", "the top 10": positions in a ranking.
pub(crate) fn is_rank(t: &Tokens<'_>, n: &Number) -> bool {
    n.first > 0
        && t.is_any(n.first - 1, &["top", "bottom"])
        && n.first > 1
        && t.is_any(n.first - 2, &["the", "a"])
}

/// "a six-speed gearbox", "a three-time champion": a number word fused into an adjective.
pub(crate) fn is_compound_modifier(t: &Tokens<'_>, n: &Number) -> bool {
    n.words
        && matches!(t.raw(n.end), "-" | "‐" | "‑")
        && t.touches_prev(n.end)
        && t.is_word(n.end + 1)
        && t.touches_prev(n.end + 1)
        && !crate::claims::numbers::is_number_word(t.lower(n.end + 1))
}

/// "The one you mentioned", "which one", "no one": "one" as a pronoun.
pub(crate) fn is_pronoun_one(t: &Tokens<'_>, n: &Number) -> bool {
    if !(n.words && n.end == n.first + 1 && t.is(n.first, "one")) {
        return false;
    }
    let before = n.first.checked_sub(1).map_or("", |b| t.lower(b));
    let after = t.lower(n.end);
    matches!(
        before,
        "the"
            | "this"
            | "that"
            | "which"
            | "each"
            | "any"
            | "every"
            | "no"
            | "another"
            | "a"
            | "only"
            | "little"
            | "new"
            | "big"
            | "last"
            | "first"
            | "right"
            | "wrong"
            | "same"
            | "other"
            | "someone"
            | "everyone"
            | "anyone"
            | "such"
            | "good"
            | "bad"
            | "latest"
    ) || matches!(
        after,
        "another" | "'s" | "’s" | "-" | "thing" | "day" | "way" | "hand"
    ) || (n.first == 0 || !t.is_word(n.first - 1) || t.is_any(n.first - 1, &["and", "but", "so"]))
        // "one can see", "one should ask": the impersonal pronoun before a modal.
        && matches!(
            after,
            "can" | "could" | "cannot" | "should" | "must" | "might"
        )
}

/// A list marker at the start of a sentence: "1)", "2.".
pub(crate) fn is_list_marker(t: &Tokens<'_>, n: &Number, sentence_first: usize) -> bool {
    n.first == sentence_first
        && n.plain_digits
        && t.is_any(n.end, &[")", "."])
        && t.touches_prev(n.end)
        && n.end + 1 < t.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::{Parsed, parse};
    use crate::span::Span;

    fn number_at<'t>(t: &Tokens<'t>, i: usize) -> Number {
        match parse(t, i, false) {
            Some(Parsed::Number(n)) => n,
            _ => panic!("no number at {i}"),
        }
    }

    #[test]
    fn years_and_dates() {
        let text = "In 2019 on March 5 killed 1500 people";
        let t = Tokens::new(text, Span::new(0, text.len()));
        assert!(is_year(&t, &number_at(&t, 1)));
        assert!(is_date_or_time(&t, &number_at(&t, 4)));
        assert!(!is_year(&t, &number_at(&t, 6)));
    }

    #[test]
    fn names() {
        let text = "Route 66 and S&P 500 and 5G";
        let t = Tokens::new(text, Span::new(0, text.len()));
        assert!(is_name_or_identifier(&t, &number_at(&t, 1), false, false));
        assert!(is_name_or_identifier(&t, &number_at(&t, 6), false, false));
        assert!(is_name_or_identifier(&t, &number_at(&t, 8), false, false));
    }
}
