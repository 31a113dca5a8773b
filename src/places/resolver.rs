//! Resolution: which gazetteer entry each mention means.
//!
//! Each entry a name may refer to gets a prior from its feature class and population, then
//! bonuses from the document: the countries and first-level divisions of the other mentions and
//! of demonyms, the user's country focus, a trailing head ("province" favours an admin1), and
//! explicit patterns ("Alexandria, La.", "X, Y" with Y a state or country). One sense per
//! document: a name keeps the reading it got where the evidence was strongest.

use std::collections::HashMap;

use crate::places::context::Mention;
use crate::places::gazetteer::{Entry, NameFlags};
use crate::places::lexicon::{FxBuild, Head};
use crate::places::tokens::Token;
use crate::places::user::{ExtraPlace, Index};
use crate::places::{Place, PlaceKind, PlacesConfig};
use crate::sentences::Sentence;

/// What a mention may refer to.
#[derive(Clone, Copy, Debug)]
enum Option_<'a> {
    Gazetteer(Entry<'a>, NameFlags),
    User(&'a ExtraPlace),
}

impl<'a> Option_<'a> {
    fn kind(&self) -> PlaceKind {
        match self {
            Option_::Gazetteer(e, _) => e.kind(),
            Option_::User(p) => p.kind,
        }
    }

    fn country(&self) -> Option<&'a str> {
        match self {
            Option_::Gazetteer(e, _) => e.country_code(),
            Option_::User(p) => p.country_code.as_deref(),
        }
    }

    fn admin1(&self) -> Option<u32> {
        match self {
            Option_::Gazetteer(e, _) if e.kind() == PlaceKind::Admin1 => Some(e.index()),
            Option_::Gazetteer(e, _) => e.admin1().map(|a| a.index()),
            Option_::User(_) => None,
        }
    }

    fn population(&self) -> u64 {
        match self {
            Option_::Gazetteer(e, _) => e.population(),
            Option_::User(p) => p.population.unwrap_or(0),
        }
    }

    fn prior(&self) -> f64 {
        let base = match self.kind() {
            PlaceKind::Country => 6.0,
            PlaceKind::Continent => 5.0,
            PlaceKind::Admin1 => 2.0,
            PlaceKind::Region => 2.5,
            PlaceKind::Admin2 => 2.0,
            _ => 0.0,
        };
        let primary = match self {
            Option_::Gazetteer(_, f) if f.has(NameFlags::PREFERRED) => 14.0,
            Option_::Gazetteer(_, f) if f.has(NameFlags::PRIMARY) => 2.0,
            Option_::Gazetteer(..) => 0.0,
            Option_::User(_) => 20.0,
        };
        base + primary + (self.population() as f64 + 1.0).log10()
    }
}

/// Countries and admin1 divisions the document is about, with weights.
/// What one mention says about where the story is.
#[derive(Default)]
struct Contribution<'c> {
    countries: Vec<(&'c str, f64, bool)>,
    admin1: Vec<(u32, f64)>,
}

impl<'c> Contribution<'c> {
    fn add_to(&self, ev: &mut Evidence<'c>) {
        for &(cc, w, named) in &self.countries {
            *ev.countries.entry(cc).or_default() += w;
            if named {
                *ev.named.entry(cc).or_default() += w;
            }
        }
        for &(a, w) in &self.admin1 {
            *ev.admin1.entry(a).or_default() += w;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn score(
    o: &Option_<'_>,
    prior: f64,
    m: &Mention,
    opts: &[Option_<'_>],
    ev: &Evidence<'_>,
    own: &Contribution<'_>,
    container: Option<Option_<'_>>,
    config: &PlacesConfig,
) -> f64 {
    let mut s = prior + head_bonus(m.head, o.kind());
    // A division named like its big city ("Damascus", "Baghdad") gives way to the city unless
    // a head says otherwise, or the division is far bigger ("New York" is the state as often
    // as the city). The division loses ground; the city gains none over other cities.
    let city_namesake = matches!(o.kind(), PlaceKind::Admin1 | PlaceKind::Admin2)
        && m.head.is_none()
        && opts.iter().any(|x| {
            x.kind() == PlaceKind::City
                && x.population() >= 100_000
                && x.country() == o.country()
                && x.population() * 2 >= o.population()
        });
    if city_namesake {
        s -= 5.0;
    }
    // "Tunis" is the city's own name and only an alternate of the country's.
    if let Option_::Gazetteer(_, flags) = o
        && !flags.has(NameFlags::PRIMARY)
        && matches!(o.kind(), PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2)
        && opts.iter().any(|x| {
            matches!(x, Option_::Gazetteer(e, f)
                if e.kind() == PlaceKind::City && f.has(NameFlags::PRIMARY) && e.population() >= 100_000)
        })
    {
        s -= 6.0;
    }
    if let Some(cc) = o.country() {
        // The mention's own reading is no evidence for itself.
        let mine: f64 = own
            .countries
            .iter()
            .filter(|x| x.0 == cc)
            .map(|x| x.1)
            .sum();
        let e = ev.countries.get(cc).copied().unwrap_or(0.0) - mine;
        s += 3.0 * e.clamp(0.0, 2.0);
        if config.countries.iter().any(|c| c == cc) {
            s += 8.0;
        }
    } else if matches!(o.kind(), PlaceKind::Region | PlaceKind::Continent) {
        // Oceans, continents and regions across borders ("Middle East") fit any story as
        // well as its best-attested country does.
        let best = ev.countries.values().copied().fold(0.0, f64::max);
        s += 3.0 * best.clamp(0.0, 2.0);
    }
    // "Mexico" is the country's own name and only an alternate of Mexico City's.
    if let Option_::Gazetteer(_, flags) = o
        && !flags.has(NameFlags::PRIMARY)
        && o.kind() == PlaceKind::City
        && opts.iter().any(|x| {
            matches!(x, Option_::Gazetteer(e, f)
                if matches!(e.kind(), PlaceKind::Country | PlaceKind::Admin1)
                    && f.has(NameFlags::PRIMARY))
        })
    {
        s -= 4.0;
    }
    if let Some(a) = o.admin1() {
        let mine: f64 = own.admin1.iter().filter(|x| x.0 == a).map(|x| x.1).sum();
        let e = ev.admin1.get(&a).copied().unwrap_or(0.0) - mine;
        s += 3.0 * e.clamp(0.0, 2.0);
    }
    if let Some(cont) = container {
        let inside = match cont.kind() {
            PlaceKind::Country => o.country() == cont.country(),
            _ => o.admin1().is_some() && o.admin1() == cont.admin1(),
        };
        if inside {
            s += 10.0;
        }
    }
    s
}

#[derive(Default)]
struct Evidence<'c> {
    countries: HashMap<&'c str, f64, FxBuild>,
    /// Countries named outright: by a country mention, an admin1, a demonym or the user.
    named: HashMap<&'c str, f64, FxBuild>,
    admin1: HashMap<u32, f64, FxBuild>,
}

fn head_bonus(head: Option<Head>, kind: PlaceKind) -> f64 {
    match (head, kind) {
        (Some(Head::Admin1), PlaceKind::Admin1) => 5.0,
        (Some(Head::Admin2), PlaceKind::Admin2) => 5.0,
        (Some(Head::Admin2), PlaceKind::Admin1) => 1.0,
        (Some(Head::City), PlaceKind::City) => 3.0,
        (Some(Head::Region), PlaceKind::Region | PlaceKind::Admin1) => 2.0,
        (Some(Head::Admin1 | Head::Admin2 | Head::Region), PlaceKind::City) => -2.0,
        _ => 0.0,
    }
}

/// Resolved places, in text order.
pub fn resolve(
    text: &str,
    tokens: &[Token],
    _sentences: &[Sentence],
    mentions: Vec<Mention>,
    index: &Index<'_, '_>,
    config: &PlacesConfig,
) -> Vec<Place> {
    let g = index.gazetteer;
    let mut options: Vec<Vec<Option_<'_>>> = Vec::with_capacity(mentions.len());
    let mut priors: Vec<Vec<f64>> = Vec::with_capacity(mentions.len());
    for m in &mentions {
        let mut o: Vec<Option_<'_>> = Vec::new();
        if let Some(k) = m.user {
            o.extend(index.user.places_of(k).map(Option_::User));
        }
        for p in &m.entries {
            if !o
                .iter()
                .any(|x| matches!(x, Option_::Gazetteer(e, _) if e.index() == p.entry))
            {
                o.push(Option_::Gazetteer(g.entry(p.entry), p.flags));
            }
        }
        let mut p: Vec<f64> = o.iter().map(Option_::prior).collect();
        // Names shared by dozens of places ("Springfield"): the likeliest readings suffice,
        // and keep the work per mention bounded. Ties keep their order.
        if o.len() > MAX_OPTIONS {
            let by_prior = |a: &usize, b: &usize| score_cmp(p[*b], p[*a]).then_with(|| a.cmp(b));
            let mut idx: Vec<usize> = (0..o.len()).collect();
            idx.select_nth_unstable_by(MAX_OPTIONS - 1, by_prior);
            idx.truncate(MAX_OPTIONS);
            idx.sort_unstable_by(by_prior);
            o = idx.iter().map(|&j| o[j]).collect();
            p = idx.iter().map(|&j| p[j]).collect();
        }
        options.push(o);
        priors.push(p);
    }
    let best_prior = |i: usize| -> Option<Option_<'_>> {
        priors[i]
            .iter()
            .enumerate()
            .max_by(|a, b| score_cmp(*a.1, *b.1))
            .map(|(j, _)| options[i][j])
    };

    // Evidence: the user's focus, demonyms, and the current reading of every other mention,
    // weighted by how much a mention of that kind says about where the story is. Two rounds:
    // readings from priors, then readings with evidence.
    let mut chosen: Vec<Option<(usize, f64, f64)>> = vec![None; mentions.len()];
    let mut base = Evidence::default();
    for c in &config.countries {
        *base.countries.entry(c.as_str()).or_default() += 3.0;
        *base.named.entry(c.as_str()).or_default() += 3.0;
    }
    let mut demonym_ev: Vec<Vec<&str>> = vec![Vec::new(); mentions.len()];
    for (i, m) in mentions.iter().enumerate() {
        for &d in &m.demonym_of {
            if let Some(cc) = g.entry(d).country_code() {
                demonym_ev[i].push(cc);
            }
        }
    }
    // Very long inputs (a book, a dump) get one round of coherence and no proximity: the
    // refinements cost work per pair of mentions and say little across hundreds of pages.
    let long_input = mentions.len() > LONG_INPUT;
    let rounds = if long_input { 1 } else { 3 };
    // Anchors for proximity: every local reading (city, district) of the other names in the
    // story, so that "Paris and Henry County" settle on the Paris and the Henry County that
    // lie together. At most MAX_ANCHORS, from the first names of the story.
    let names: Vec<u64> = mentions.iter().map(|m| name_hash(tokens, m)).collect();
    let anchors: Vec<(u64, f64, f64)> = if long_input {
        Vec::new()
    } else {
        let mut seen: Vec<u64> = Vec::new();
        let mut out = Vec::new();
        for (opts, &name) in options.iter().zip(&names) {
            if seen.contains(&name) || seen.len() >= MAX_ANCHOR_NAMES {
                continue;
            }
            seen.push(name);
            for o in opts {
                if let Option_::Gazetteer(e, _) = o
                    && matches!(e.kind(), PlaceKind::City | PlaceKind::Admin2)
                    && out.len() < MAX_ANCHORS
                {
                    out.push((name, e.lat(), e.lon()));
                }
            }
        }
        out.sort_by(|a, b| score_cmp(a.1, b.1));
        out
    };
    // Proximity does not change between rounds: once per reading.
    let near: Vec<Vec<f64>> = options
        .iter()
        .zip(&names)
        .map(|(opts, &name)| opts.iter().map(|o| proximity(o, &anchors, name)).collect())
        .collect();
    for round in 0..rounds {
        // Contributions of each mention under the current readings.
        let contributions: Vec<Contribution<'_>> = mentions
            .iter()
            .zip(&options)
            .enumerate()
            .map(|(i, (_, opts))| {
                let mut c = Contribution::default();
                for &cc in &demonym_ev[i] {
                    c.countries.push((cc, 1.0, true));
                }
                let pick = if round == 0 {
                    best_prior(i)
                } else {
                    chosen[i].and_then(|(j, _, _)| opts.get(j).copied())
                };
                if let Some(o) = pick {
                    let (w, named) = match o.kind() {
                        PlaceKind::Country | PlaceKind::Admin1 => (1.0, true),
                        PlaceKind::Admin2 => (0.8, false),
                        PlaceKind::City if o.population() >= 100_000 => (0.8, false),
                        PlaceKind::City => (0.5, false),
                        _ => (0.3, false),
                    };
                    if round == 0 && !named && opts.len() > 1 {
                        // An ambiguous small place says little before it is resolved.
                    } else {
                        if let Some(cc) = o.country() {
                            c.countries.push((cc, w, named));
                        }
                        if let Some(a) = o.admin1() {
                            c.admin1.push((a, w));
                        }
                    }
                }
                c
            })
            .collect();
        let mut total = Evidence {
            countries: base.countries.clone(),
            named: base.named.clone(),
            admin1: HashMap::default(),
        };
        for c in &contributions {
            c.add_to(&mut total);
        }
        for (i, (m, opts)) in mentions.iter().zip(&options).enumerate() {
            let container = if m.comma_next && i + 1 < mentions.len() {
                best_prior(i + 1)
                    .filter(|b| matches!(b.kind(), PlaceKind::Country | PlaceKind::Admin1))
            } else {
                None
            };
            let scores: Vec<f64> = opts
                .iter()
                .zip(&priors[i])
                .zip(&near[i])
                .map(|((o, &p), &n)| {
                    score(o, p, m, opts, &total, &contributions[i], container, config) + n
                })
                .collect();
            chosen[i] = scores
                .iter()
                .enumerate()
                .max_by(|a, b| score_cmp(*a.1, *b.1))
                .map(|(j, &s)| {
                    let total: f64 = scores.iter().map(|x| (x - s).exp()).sum();
                    (j, s, 1.0 / total)
                });
        }
        if round == rounds - 1 {
            base.named = total.named;
        }
    }
    let ev = base;

    // One sense per document: the same name keeps its most confident reading.
    let mut by_key: HashMap<u64, (u64, f64), FxBuild> = HashMap::default();
    let key_of = |m: &Mention| name_hash(tokens, m);
    for ((m, opts), c) in mentions.iter().zip(&options).zip(&chosen) {
        if let (Some((j, s, _)), Some(Option_::Gazetteer(e, _))) =
            (c, c.and_then(|c| opts.get(c.0)))
        {
            let _ = j;
            let k = key_of(m);
            let slot = by_key.entry(k).or_insert((e.geonameid(), *s));
            if *s > slot.1 {
                *slot = (e.geonameid(), *s);
            }
        }
    }

    let mut places = Vec::with_capacity(mentions.len());
    let mut streets = Vec::new();
    for (i, ((m, opts), c)) in mentions.iter().zip(&options).zip(chosen).enumerate() {
        let sentence = tokens[m.first].sentence;
        let surface = m.span.as_str(text);
        let mut pick = c.map(|(j, _, share)| (j, share));
        if let Some(&(gid, _)) = by_key.get(&key_of(m)) {
            if let Some(j) = opts
                .iter()
                .position(|o| matches!(o, Option_::Gazetteer(e, _) if e.geonameid() == gid))
            {
                pick = Some((j, pick.map_or(0.5, |p| p.1)));
            }
        }
        if opts.is_empty() {
            if !m.demonym_of.is_empty() {
                if config.demonyms {
                    let e = g.entry(m.demonym_of[0]);
                    places.push(place_from_entry(
                        m,
                        sentence,
                        e,
                        PlaceKind::Demonym,
                        m.confidence,
                    ));
                }
                continue;
            }
            if m.street {
                streets.push(places.len());
            }
            places.push(unknown(m, sentence, surface));
            continue;
        }
        let Some((j, share)) = pick else { continue };
        let mut o = opts[j];
        // A small place abroad in a document about somewhere else is more likely a local name
        // the gazetteer lacks ("the Hazar area" in a story about Iraq), or a big namesake.
        let foreign_small = |o: &Option_<'_>| {
            matches!(o, Option_::Gazetteer(..))
                && matches!(
                    o.kind(),
                    PlaceKind::City | PlaceKind::Admin2 | PlaceKind::Region
                )
                && o.population() < 50_000
                && !ev.named.is_empty()
                && o.country().is_some_and(|cc| !ev.named.contains_key(cc))
        };
        if foreign_small(&o) {
            let big = opts
                .iter()
                .zip(&priors[i])
                .filter(|(x, _)| {
                    !foreign_small(x)
                        && (x.population() >= 100_000 || x.kind() == PlaceKind::Country)
                })
                .max_by(|a, b| score_cmp(*a.1, *b.1))
                .map(|(x, _)| *x);
            match big {
                Some(b) => o = b,
                None => {
                    // Only place-shaped mentions stay ("the Hazar area"); "Obama took office" goes.
                    if m.head.is_some() {
                        places.push(unknown(m, sentence, surface));
                    }
                    continue;
                }
            }
        }
        let score = (m.confidence * (0.5 + 0.5 * share)).clamp(0.0, 1.0);
        match o {
            Option_::Gazetteer(e, _) if m.feature => {
                // "Catawba River": the feature is not in the gazetteer; the place it is named
                // after gives an approximate point.
                let mut p = place_from_entry(m, sentence, e, PlaceKind::Unknown, score * 0.8);
                p.name = surface.to_string();
                p.geonameid = None;
                p.population = None;
                places.push(p);
            }
            Option_::Gazetteer(e, _) => {
                places.push(place_from_entry(m, sentence, e, e.kind(), score))
            }
            Option_::User(p) => places.push(Place {
                span: m.span,
                sentence,
                name: p.name.clone(),
                kind: p.kind,
                country_code: p.country_code.clone(),
                admin1: p.admin1.clone(),
                lat: p.lat,
                lon: p.lon,
                geonameid: None,
                population: p.population,
                modifier: m.modifier.clone(),
                score,
            }),
        }
    }
    locate_streets(&mut places, &streets);
    places
}

/// How many points of other names' readings a reading is compared with.
const MAX_ANCHORS: usize = 128;

/// From how many distinct names (in order of appearance) those points come.
const MAX_ANCHOR_NAMES: usize = 24;

/// Mentions beyond which an input counts as very long.
const LONG_INPUT: usize = 2_000;

/// How many readings of one name are weighed.
const MAX_OPTIONS: usize = 16;

/// A hash of a mention's words stands for its name (no allocation per mention).
fn name_hash(tokens: &[Token<'_>], m: &Mention) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = FxBuild::default().build_hasher();
    for t in &tokens[m.first..m.last] {
        t.key.hash(&mut h);
    }
    h.finish()
}

/// Bonus for a local reading near the other places of the story: "Paris" next to Texas
/// towns is Paris, Texas. Mentions of the same name are no evidence for each other.
fn proximity(o: &Option_<'_>, anchors: &[(u64, f64, f64)], name: u64) -> f64 {
    let Option_::Gazetteer(e, _) = o else {
        return 0.0;
    };
    if !matches!(e.kind(), PlaceKind::City | PlaceKind::Admin2) {
        return 0.0;
    }
    let (lat, lon) = (e.lat(), e.lon());
    let cos_lat = lat.to_radians().cos();
    // Squared angular distances of 100 and 300 km: no square root per anchor.
    const NEAR: f64 = (100.0 / 6371.0) * (100.0 / 6371.0);
    const CLOSE: f64 = (300.0 / 6371.0) * (300.0 / 6371.0);
    let mut close = false;
    // Anchors are sorted by latitude; 3 degrees of latitude is over 300 km.
    let from = anchors.partition_point(|a| a.1 < lat - 3.0);
    for &(other, alat, alon) in &anchors[from..] {
        if alat > lat + 3.0 {
            break;
        }
        if other == name {
            continue;
        }
        // Equirectangular distance: plenty for "within a few hundred km".
        let x = (alon - lon).to_radians() * cos_lat;
        let y = (alat - lat).to_radians();
        let d = x * x + y * y;
        if d <= NEAR {
            return 3.5;
        }
        close |= d <= CLOSE;
    }
    if close { 2.0 } else { 0.0 }
}

/// Streets get the point of the nearest town or district mentioned before them (or, failing
/// that, after them): local news names the town, then its streets. An approximation, marked
/// by the missing `geonameid`. One pass each way, so linear.
fn locate_streets(places: &mut [Place], streets: &[usize]) {
    if streets.is_empty() {
        return;
    }
    let local =
        |p: &Place| matches!(p.kind, PlaceKind::City | PlaceKind::Admin2) && p.lat.is_some();
    let mut before = vec![None; places.len()];
    let mut last = None;
    for (i, p) in places.iter().enumerate() {
        before[i] = last;
        if local(p) {
            last = Some(i);
        }
    }
    let mut after = vec![None; places.len()];
    let mut next = None;
    for i in (0..places.len()).rev() {
        after[i] = next;
        if local(&places[i]) {
            next = Some(i);
        }
    }
    for &s in streets {
        if let Some(t) = before[s].or(after[s]) {
            let (lat, lon, cc, a1) = (
                places[t].lat,
                places[t].lon,
                places[t].country_code.clone(),
                places[t].admin1.clone(),
            );
            let p = &mut places[s];
            p.lat = lat;
            p.lon = lon;
            p.country_code = cc;
            p.admin1 = a1;
        }
    }
}

fn score_cmp(a: f64, b: f64) -> std::cmp::Ordering {
    a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal)
}

fn unknown(m: &Mention, sentence: usize, surface: &str) -> Place {
    Place {
        span: m.span,
        sentence,
        name: surface.to_string(),
        kind: PlaceKind::Unknown,
        country_code: None,
        admin1: None,
        lat: None,
        lon: None,
        geonameid: None,
        population: None,
        modifier: m.modifier.clone(),
        score: (m.confidence * 0.8).clamp(0.0, 1.0),
    }
}

fn place_from_entry(
    m: &Mention,
    sentence: usize,
    e: Entry<'_>,
    kind: PlaceKind,
    score: f64,
) -> Place {
    let admin1 = if e.kind() == PlaceKind::Admin1 {
        Some(e.name().to_string())
    } else {
        e.admin1().map(|a| a.name().to_string())
    };
    Place {
        span: m.span,
        sentence,
        name: e.name().to_string(),
        kind,
        country_code: e.country_code().map(str::to_string),
        admin1,
        lat: Some(e.lat()),
        lon: Some(e.lon()),
        geonameid: Some(e.geonameid()).filter(|&g| g > 0),
        population: Some(e.population()).filter(|&p| p > 0),
        modifier: m.modifier.clone(),
        score,
    }
}
