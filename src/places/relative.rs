//! Relative locations: "Hazar district lies about 60 kilometers southwest of Nineveh province".
//!
//! When a distance and a compass direction stand right before a resolved place, the place the
//! sentence locates (an earlier mention in the same sentence that has no coordinates) gets the
//! point at that distance and bearing, and a `modifier` saying so ("60 km southwest of
//! Nineveh"). The anchor place keeps its own coordinates.

use std::sync::LazyLock;

use regex::Regex;

use crate::places::Place;
use crate::places::tokens::Token;

/// How far back from a place the phrase may start, in bytes.
const WINDOW: usize = 80;

static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,5}(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[\s-]*(kilometers|kilometres|km|miles|mi)\s+(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+(?:the\s+)?$",
    )
    .expect("the relative-location pattern is valid")
});

fn number(word: &str) -> Option<f64> {
    let w = word.to_ascii_lowercase();
    let n = match w.as_str() {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "twelve" => 12.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        _ => return w.replace(',', "").parse().ok(),
    };
    Some(n)
}

fn bearing(direction: &str) -> f64 {
    match direction.to_ascii_lowercase().replace('-', "").as_str() {
        "north" => 0.0,
        "northeast" => 45.0,
        "east" => 90.0,
        "southeast" => 135.0,
        "south" => 180.0,
        "southwest" => 225.0,
        "west" => 270.0,
        _ => 315.0,
    }
}

/// The point `km` kilometres from (`lat`, `lon`) along `bearing_deg` on a sphere.
pub fn destination(lat: f64, lon: f64, bearing_deg: f64, km: f64) -> (f64, f64) {
    const EARTH_KM: f64 = 6371.0088;
    let (phi1, lambda1, theta) = (lat.to_radians(), lon.to_radians(), bearing_deg.to_radians());
    let delta = km / EARTH_KM;
    let phi2 = (phi1.sin() * delta.cos() + phi1.cos() * delta.sin() * theta.cos()).asin();
    let lambda2 = lambda1
        + (theta.sin() * delta.sin() * phi1.cos()).atan2(delta.cos() - phi1.sin() * phi2.sin());
    let lon2 = (lambda2.to_degrees() + 540.0) % 360.0 - 180.0;
    (phi2.to_degrees(), lon2)
}

/// Whether `window` ends with "of" or "of the" and white space, as the phrase does (a cheap
/// test before the pattern: most places have no such phrase before them).
fn ends_with_of(window: &str) -> bool {
    fn ends_with(s: &str, suffix: &str) -> bool {
        s.len() >= suffix.len()
            && s.get(s.len() - suffix.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(suffix))
    }
    let w = window.trim_end();
    if w.len() == window.len() {
        return false;
    }
    let w = if ends_with(w, "the") {
        let rest = &w[..w.len() - 3];
        let trimmed = rest.trim_end();
        if trimmed.len() < rest.len() {
            trimmed
        } else {
            w
        }
    } else {
        w
    };
    ends_with(w, "of")
}

/// Gives located places their computed point.
pub fn locate(text: &str, _tokens: &[Token], places: &mut [Place]) {
    for k in 0..places.len() {
        let (Some(lat), Some(lon)) = (places[k].lat, places[k].lon) else {
            continue;
        };
        let mut from = places[k].span.start.saturating_sub(WINDOW);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let Some(window) = text.get(from..places[k].span.start) else {
            continue;
        };
        // The phrase ends in "of" or "of the": most places are not preceded by one.
        if !ends_with_of(window) {
            continue;
        }
        let Some(caps) = PHRASE.captures(window) else {
            continue;
        };
        let (Some(n), Some(unit), Some(dir)) = (caps.get(1), caps.get(2), caps.get(3)) else {
            continue;
        };
        let Some(mut km) = number(n.as_str()) else {
            continue;
        };
        if unit.as_str().to_ascii_lowercase().starts_with('m') {
            km *= 1.609_344;
        }
        let phrase_start = from + caps.get(0).map_or(0, |m| m.start());
        let sentence = places[k].sentence;
        let anchor = places[k].span.as_str(text).to_string();
        let subject = (0..k).rev().find(|&j| {
            places[j].sentence == sentence
                && places[j].span.end <= phrase_start
                && places[j].lat.is_none()
        });
        if let Some(j) = subject {
            let (plat, plon) = destination(lat, lon, bearing(dir.as_str()), km);
            places[j].lat = Some(plat);
            places[j].lon = Some(plon);
            places[j].modifier = Some(format!(
                "{} km {} of {}",
                (km * 10.0).round() / 10.0,
                dir.as_str().to_ascii_lowercase(),
                anchor
            ));
        }
    }
}
