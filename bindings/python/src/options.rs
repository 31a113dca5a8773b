//! Extractor options that need more than a plain conversion: `extra_places` items and
//! reference dates.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping, PyString};

use factsift::dates::CivilDate;

use crate::errors;

const EXTRA_PLACE_KEYS: &str = "name, aliases, kind, country_code, admin1, lat, lon, population";

/// One `extra_places` item (a mapping) as a core `ExtraPlace`; `i` is its 1-based position.
pub fn extra_place(
    py: Python<'_>,
    i: usize,
    item: &Bound<'_, PyAny>,
) -> PyResult<factsift::ExtraPlace> {
    let bad =
        |message: String| errors::data_error(py, format!("extra_places, item {i}: {message}"));
    let Ok(map) = item.cast::<PyMapping>() else {
        return Err(bad(format!(
            "expected a dict such as {{\"name\": \"Hazar\", \"kind\": \"city\", \"country_code\": \"IQ\", \"lat\": 35.7, \"lon\": 42.0}}, got {}",
            item.get_type().name()?
        )));
    };
    let mut place = factsift::ExtraPlace::new(String::new(), factsift::PlaceKind::City);
    let mut has_name = false;
    for key in map.keys()?.iter() {
        let k: String = key
            .extract()
            .map_err(|_| bad("keys must be strings".to_string()))?;
        let v = map.get_item(&key)?;
        let wrong = |what: &str| bad(format!("{k:?} must be {what}"));
        match k.as_str() {
            "name" => {
                place.name = v.extract().map_err(|_| wrong("a str"))?;
                has_name = true;
            }
            "aliases" => place.aliases = v.extract().map_err(|_| wrong("a list of str"))?,
            "kind" => {
                let kind: String = v.extract().map_err(|_| wrong("a str"))?;
                place.kind = factsift::PlaceKind::from_name(&kind).ok_or_else(|| {
                    bad(format!(
                        "unknown kind {kind:?}; use one of country, admin1, admin2, city, region, continent, unknown"
                    ))
                })?;
            }
            "country_code" => {
                place.country_code = v.extract().map_err(|_| wrong("a str or None"))?
            }
            "admin1" => place.admin1 = v.extract().map_err(|_| wrong("a str or None"))?,
            "lat" => place.lat = v.extract().map_err(|_| wrong("a float or None"))?,
            "lon" => place.lon = v.extract().map_err(|_| wrong("a float or None"))?,
            "population" => {
                place.population = v
                    .extract()
                    .map_err(|_| wrong("a non-negative int or None"))?
            }
            _ => return Err(bad(format!("unknown key {k:?}; use {EXTRA_PLACE_KEYS}"))),
        }
    }
    if !has_name {
        return Err(bad("\"name\" is required".to_string()));
    }
    Ok(place)
}

pub fn extra_place_dict<'py>(
    py: Python<'py>,
    p: &factsift::ExtraPlace,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("name", &p.name)?;
    if !p.aliases.is_empty() {
        d.set_item("aliases", &p.aliases)?;
    }
    d.set_item("kind", p.kind.as_str())?;
    for (k, v) in [("country_code", &p.country_code), ("admin1", &p.admin1)] {
        if let Some(v) = v {
            d.set_item(k, v)?;
        }
    }
    if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
        d.set_item("lat", lat)?;
        d.set_item("lon", lon)?;
    }
    if let Some(pop) = p.population {
        d.set_item("population", pop)?;
    }
    Ok(d)
}

/// A reference date given as ``"YYYY-MM-DD"``, a ``datetime.date``/``datetime`` (anything with
/// ``year``, ``month`` and ``day``), or ``None``.
pub fn reference_date(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<CivilDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let bad = || {
        errors::config_error(
            py,
            format!(
                "reference_date must be a date in years 1 to 9999 such as \"2026-11-24\" or datetime.date(2026, 11, 24), got {}",
                value
                    .repr()
                    .map(|r| r.to_string())
                    .unwrap_or_else(|_| "an unprintable value".into())
            ),
        )
    };
    // Years 1..=9999, as `datetime.date`: beyond them relative dates would leave the calendar.
    let in_range = |d: &CivilDate| (1..=9999).contains(&d.year);
    if let Ok(s) = value.cast::<PyString>() {
        return CivilDate::parse_iso(&s.to_cow()?)
            .filter(in_range)
            .map(Some)
            .ok_or_else(bad);
    }
    let part = |name: &str| value.getattr(name).and_then(|v| v.extract::<i64>()).ok();
    match (part("year"), part("month"), part("day")) {
        (Some(y), Some(m), Some(d)) => {
            let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
                return Err(bad());
            };
            CivilDate::new(y, m, d)
                .filter(in_range)
                .map(Some)
                .ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

/// The reference date of each row of a batch: one for all, or one per row.
pub enum References {
    One(Option<CivilDate>),
    PerRow(Vec<Option<CivilDate>>),
}

impl References {
    /// The reference date of row `row` (the default where a row has none).
    pub fn at(&self, row: usize) -> Option<CivilDate> {
        match self {
            References::One(d) => *d,
            References::PerRow(v) => v.get(row).copied().flatten(),
        }
    }
}

/// `reference_date` for a batch: one date (as for [`reference_date`]) or a sequence with one
/// date (or a missing value) per text, such as a DataFrame's publication-date column.
pub fn references(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
    default: Option<CivilDate>,
) -> PyResult<References> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(References::One(default));
    };
    let single = value.is_instance_of::<PyString>() || value.hasattr("year")?;
    if single {
        return Ok(References::One(
            reference_date(py, Some(value))?.or(default),
        ));
    }
    let mut per_row = Vec::new();
    for (i, item) in value.try_iter()?.enumerate() {
        let item = item?;
        let missing = item.is_none()
            || item.extract::<f64>().is_ok_and(f64::is_nan)
            || item
                .get_type()
                .name()
                .is_ok_and(|n| n == "NaTType" || n == "NAType");
        let date = if missing {
            None
        } else {
            reference_date(py, Some(&item)).map_err(|e| {
                errors::config_error(py, format!("reference_date[{i}]: {}", e.value(py)))
            })?
        };
        per_row.push(date.or(default));
    }
    Ok(References::PerRow(per_row))
}
