//! Units that only the words around them can tell apart: "pounds" of money or of weight, and
//! single letters ("25C", "180 c", "85 F", "75 c", "68 p") that are temperatures, cents or pence.
//!
//! Each check reads a fixed window of tokens around the number.

use super::tokens::Tokens;
use super::units::{self, UnitMatch};

/// Tokens looked at on each side of a letter unit.
const WINDOW: usize = 8;
/// Tokens looked at on each side of "pounds": a sentence may weigh one thing and price another.
const POUNDS_WINDOW: usize = 6;

fn window(t: &Tokens<'_>, at: usize, size: usize) -> std::ops::Range<usize> {
    at.saturating_sub(size)..(at + size).min(t.len())
}

/// "pounds" near money words are sterling, near weight words (or alone) they are weight.
pub(crate) fn pounds_are_money(t: &Tokens<'_>, at: usize) -> bool {
    // "12 pounds of potatoes" weighs something; "millions of pounds of investment" is money.
    if t.is(at + 1, "of") && t.is_word(at + 2) {
        let k = if t.is_any(at + 2, &["the", "their", "its", "his", "her", "fresh"]) {
            at + 3
        } else {
            at + 2
        };
        return is_money_word(t.lower(k));
    }
    let mut money = false;
    for i in window(t, at, POUNDS_WINDOW) {
        match t.lower(i) {
            "weigh" | "weighs" | "weighed" | "weighing" | "weight" | "heavy" | "heavier"
            | "lighter" | "lose" | "lost" | "gained" | "diet" | "kg" | "kilograms" | "ounces"
            | "lbs" => return false,
            w if is_money_word(w) || w == "sterling" || w == "£" => money = true,
            _ => {}
        }
    }
    money
}

/// True when a word near token `at` names China, its people or its money.
pub(crate) fn about_china(t: &Tokens<'_>, at: usize) -> bool {
    window(t, at, WINDOW).any(|i| {
        matches!(
            t.lower(i),
            "china"
                | "chinese"
                | "beijing"
                | "shanghai"
                | "shenzhen"
                | "guangzhou"
                | "yuan"
                | "renminbi"
                | "rmb"
        )
    })
}

fn is_money_word(w: &str) -> bool {
    matches!(
        w,
        "cost"
            | "costs"
            | "price"
            | "prices"
            | "priced"
            | "pay"
            | "paid"
            | "pays"
            | "worth"
            | "spend"
            | "spent"
            | "fund"
            | "funding"
            | "fine"
            | "fined"
            | "salary"
            | "sold"
            | "buy"
            | "bought"
            | "deal"
            | "budget"
            | "revenue"
            | "profit"
            | "profits"
            | "sales"
            | "earn"
            | "earned"
            | "earns"
            | "bid"
            | "offer"
            | "bonus"
            | "tax"
            | "debt"
            | "loan"
            | "fee"
            | "fees"
            | "toll"
            | "fare"
            | "cash"
            | "money"
            | "income"
            | "wage"
            | "wages"
            | "million"
            | "billion"
            | "bn"
            | "m"
            | "payout"
            | "investment"
            | "invest"
            | "invested"
            | "raised"
            | "charge"
            | "charged"
            | "compensation"
            | "discount"
            | "saved"
            | "cheaper"
            | "per"
            | "exchanged"
            | "withdrew"
            | "donated"
            | "inherited"
            | "ticket"
            | "tickets"
            | "bank"
            | "euros"
            | "dollars"
            | "rent"
            | "tip"
            | "tips"
            | "tipped"
            | "coin"
            | "coins"
            | "cashier"
            | "charges"
            | "prize"
            | "reward"
            | "bill"
    )
}

fn is_temperature_word(w: &str) -> bool {
    matches!(
        w,
        "temperature"
            | "temperatures"
            | "degree"
            | "degrees"
            | "heat"
            | "heatwave"
            | "oven"
            | "bake"
            | "baked"
            | "baking"
            | "roast"
            | "preheat"
            | "preheated"
            | "weather"
            | "forecast"
            | "forecasts"
            | "thermometer"
            | "warm"
            | "warmer"
            | "warmest"
            | "hot"
            | "hotter"
            | "hottest"
            | "scorching"
            | "cold"
            | "colder"
            | "coldest"
            | "cool"
            | "cooler"
            | "freezing"
            | "frost"
            | "chilly"
            | "mild"
            | "highs"
            | "lows"
            | "mercury"
            | "fever"
            | "celsius"
            | "fahrenheit"
            | "thermostat"
            | "weatherman"
            | "forecaster"
            | "forecasters"
            | "heated"
            | "boil"
            | "boiling"
            | "melt"
            | "melting"
    )
}

/// Words that may follow a temperature ("25C on Sunday", "30C in London").
const FUNCTION_AFTER: [&str; 18] = [
    "in",
    "on",
    "at",
    "and",
    "or",
    "to",
    "by",
    "for",
    "with",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "now",
    "this",
    "during",
    "inside",
    "outside",
];

/// A single letter after a number that names a unit by context: "C"/"c" (Celsius, or cents
/// among money words) and "F" (Fahrenheit). `end` is the letter's token, `value` the number's.
pub(crate) fn letter_unit(t: &Tokens<'_>, end: usize, value: f64) -> Option<UnitMatch> {
    let letter = t.raw(end);
    if !matches!(letter, "C" | "c" | "F" | "p") || t.is_word(end + 1) && t.touches_prev(end + 1) {
        return None;
    }
    // "25C" and "85 F" but not "5C-rated" or "4c3".
    if t.touches_prev(end + 1) && (t.is_digits(end + 1) || t.raw(end + 1) == "-") {
        return None;
    }
    // "Model 5C", "iPhone 5C": a letter after a name's number is part of the name.
    if end >= 3 && t.is_word(end - 2) && t.is_capitalized(end - 2) {
        return None;
    }
    let mut warm = false;
    let mut money = false;
    let mut shares = false;
    for i in window(t, end, WINDOW) {
        let w = t.lower(i);
        warm |= is_temperature_word(w);
        money |= is_money_word(w);
        shares |= matches!(w, "shares" | "share" | "stock" | "stocks" | "pence" | "p");
    }
    let plausible = match letter {
        "F" => (-130.0..=600.0).contains(&value),
        _ => (-100.0..=300.0).contains(&value),
    };
    // "It hit 25C on Sunday", "set to 72F": a touching capital C or F needs no weather words, but not in a name
    // ("Model 5C", "the 13C rating").
    let bare_degrees = matches!(letter, "C" | "F")
        && t.touches_prev(end)
        && (!t.is_word(end + 1) || t.is_any(end + 1, &FUNCTION_AFTER));
    let name = match letter {
        // "down 68 p at 1112 p": pence, in a sentence about prices and shares.
        "p" if money || shares => "penny",
        "c" | "C" if money && !warm => "cent",
        "F" if plausible && (warm || bare_degrees) => "°F",
        "C" | "c" if plausible && (warm || (letter == "C" && bare_degrees)) => "°C",
        _ => return None,
    };
    let unit = units::by_name(name)?;
    Some(UnitMatch {
        unit,
        first: end,
        end: end + 1,
    })
}
