//! Resolution: which gazetteer entry each mention means.
//!
//! Each entry a name may refer to gets a prior from its feature class and population, then
//! bonuses from the document: the countries and first-level divisions of the other mentions and
//! of demonyms, the user's country focus, a trailing head ("province" favours an admin1), and
//! explicit patterns ("Alexandria, La.", "X, Y" with Y a state or country). One sense per
//! document: a name keeps the reading it got where the evidence was strongest.

use std::collections::HashMap;

use crate::hash::FastHash;
use crate::places::context::Mention;
use crate::places::gazetteer::{Entry, Gazetteer, NameFlags};
use crate::places::lexicon::Head;
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

/// A country code as two bytes: evidence is keyed by it.
type Cc = [u8; 2];

fn cc_of(code: Option<&str>) -> Option<Cc> {
    match code?.as_bytes() {
        &[a, b] => Some([a, b]),
        _ => None,
    }
}

/// One reading of a mention, with what does not change between rounds of coherence.
#[derive(Clone, Copy)]
struct Reading<'a> {
    option: Option_<'a>,
    kind: PlaceKind,
    country: Option<Cc>,
    admin1: Option<u32>,
    population: u64,
    /// Per-text numbers of `country` and `admin1`, or [`NONE`].
    country_id: u32,
    admin1_id: u32,
    prior: f64,
    /// The prior and every bonus that does not depend on the other mentions' readings.
    fixed: f64,
}

impl<'a> Reading<'a> {
    fn new(option: Option_<'a>) -> Reading<'a> {
        Reading {
            option,
            kind: option.kind(),
            country: match option {
                Option_::Gazetteer(e, _) => e.country_bytes(),
                Option_::User(p) => cc_of(p.country_code.as_deref()),
            },
            admin1: option.admin1(),
            population: option.population(),
            country_id: NONE,
            admin1_id: NONE,
            prior: option.prior(),
            fixed: 0.0,
        }
    }
}

/// What one mention's current reading says about where the story is: its country and
/// division (per-text numbers, or [`NONE`]) and how much.
#[derive(Clone, Copy)]
struct Pick {
    country: u32,
    admin1: u32,
    weight: f64,
    named: bool,
}

/// The bonuses of a reading that hold whatever the other mentions turn out to be: the head
/// word, namesakes, the user's focus, an explicit container ("Alexandria, La.").
fn fixed_bonus(
    r: &Reading<'_>,
    m: &Mention,
    rs: &[Reading<'_>],
    container: Option<&Reading<'_>>,
    config: &PlacesConfig,
) -> f64 {
    let mut s = head_bonus(m.head, r.kind);
    // A division named like its big city ("Damascus", "Baghdad") gives way to the city unless
    // a head says otherwise, or the division is far bigger ("New York" is the state as often
    // as the city). The division loses ground; the city gains none over other cities.
    let city_namesake = matches!(r.kind, PlaceKind::Admin1 | PlaceKind::Admin2)
        && m.head.is_none()
        && rs.iter().any(|x| {
            x.kind == PlaceKind::City
                && x.population >= 100_000
                && x.country == r.country
                && x.population * 2 >= r.population
        });
    if city_namesake {
        s -= 5.0;
    }
    let primary =
        |x: &Reading<'_>| matches!(x.option, Option_::Gazetteer(_, f) if f.has(NameFlags::PRIMARY));
    let gazetteer = matches!(r.option, Option_::Gazetteer(..));
    // "Tunis" is the city's own name and only an alternate of the country's.
    if gazetteer
        && !primary(r)
        && matches!(
            r.kind,
            PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2
        )
        && rs
            .iter()
            .any(|x| x.kind == PlaceKind::City && primary(x) && x.population >= 100_000)
    {
        s -= 6.0;
    }
    if let Some(cc) = r.country
        && config.countries.iter().any(|c| c.as_bytes() == cc)
    {
        s += 8.0;
    }
    // "Mexico" is the country's own name and only an alternate of Mexico City's.
    if gazetteer
        && !primary(r)
        && r.kind == PlaceKind::City
        && rs
            .iter()
            .any(|x| matches!(x.kind, PlaceKind::Country | PlaceKind::Admin1) && primary(x))
    {
        s -= 4.0;
    }
    if let Some(cont) = container {
        let inside = match cont.kind {
            PlaceKind::Country => r.country == cont.country,
            _ => r.admin1.is_some() && r.admin1 == cont.admin1,
        };
        if inside {
            s += 10.0;
        }
    }
    s
}

/// No country or division.
const NONE: u32 = u32::MAX;

/// Numbers for the countries or divisions of one text, in order of first sight. A text names
/// few of them: a short list searched from the end (where the last one looked up usually
/// is), with a map once it grows.
struct Ids<K> {
    keys: Vec<K>,
    map: HashMap<K, u32, FastHash>,
}

impl<K> Default for Ids<K> {
    fn default() -> Ids<K> {
        Ids {
            keys: Vec::new(),
            map: HashMap::default(),
        }
    }
}

/// Beyond this many keys, [`Ids`] uses its map.
const IDS_LIST: usize = 24;

impl<K: std::hash::Hash + Eq + Copy> Ids<K> {
    fn id(&mut self, key: K) -> u32 {
        if self.keys.len() <= IDS_LIST {
            if let Some(i) = self.keys.iter().rposition(|&k| k == key) {
                return i as u32;
            }
            self.keys.push(key);
            if self.keys.len() > IDS_LIST {
                self.map = self
                    .keys
                    .iter()
                    .enumerate()
                    .map(|(i, &k)| (k, i as u32))
                    .collect();
            }
            return (self.keys.len() - 1) as u32;
        }
        let next = self.keys.len() as u32;
        *self.map.entry(key).or_insert_with(|| {
            self.keys.push(key);
            next
        })
    }

    fn len(&self) -> usize {
        self.keys.len()
    }
}

/// The readings of every mention, in one buffer.
struct Readings<'a> {
    all: Vec<Reading<'a>>,
    /// `all[at[i].0..at[i].1]` are the readings of mention `i` (twins share theirs).
    at: Vec<(usize, usize)>,
}

impl<'a> Readings<'a> {
    fn of(&self, i: usize) -> &[Reading<'a>] {
        let (a, b) = self.at[i];
        &self.all[a..b]
    }

    /// The reading with the best prior, the last of equals.
    fn best_prior(&self, i: usize) -> Option<&Reading<'a>> {
        self.of(i).iter().max_by(|a, b| score_cmp(a.prior, b.prior))
    }
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
    let n = mentions.len();
    g.warm(mentions.iter().flat_map(|m| &m.entries).map(|p| p.entry));
    let names: Vec<u64> = mentions.iter().map(|m| name_hash(tokens, m)).collect();
    let twins = twins(&mentions, &names);
    let mut readings = readings_of(&mentions, &twins, index);
    // Very long inputs (a book, a dump) get one round of coherence and no proximity: the
    // refinements cost work per pair of mentions and say little across hundreds of pages.
    let long_input = n > LONG_INPUT;
    let rounds = if long_input { 1 } else { 3 };
    fix(&mut readings, &mentions, &twins, &names, long_input, config);
    let (chosen, named) = cohere(&mut readings, &mentions, &twins, g, rounds, config);
    // Countries named outright, under the final readings.
    let named_any = named.iter().any(|&w| w > 0.0);
    let is_named = |r: &Reading<'_>| named.get(r.country_id as usize).is_some_and(|&w| w > 0.0);

    // One sense per document: the same name keeps its most confident reading.
    let mut by_key: HashMap<u64, (u64, f64), FastHash> = HashMap::default();
    for (i, c) in chosen.iter().enumerate() {
        if let (Some((_, s, _)), Some(Option_::Gazetteer(e, _))) =
            (c, c.and_then(|c| readings.of(i).get(c.0).map(|r| r.option)))
        {
            let k = names[i];
            let slot = by_key.entry(k).or_insert((e.geonameid(), *s));
            if *s > slot.1 {
                *slot = (e.geonameid(), *s);
            }
        }
    }

    let mut places = Vec::with_capacity(mentions.len());
    let mut streets = Vec::new();
    for (i, (m, c)) in mentions.iter().zip(chosen).enumerate() {
        let rs = readings.of(i);
        let sentence = tokens[m.first].sentence as usize;
        let surface = m.span.as_str(text);
        let mut pick = c.map(|(j, _, share)| (j, share));
        if let Some(&(gid, _)) = by_key.get(&names[i]) {
            if let Some(j) = rs
                .iter()
                .position(|r| matches!(r.option, Option_::Gazetteer(e, _) if e.geonameid() == gid))
            {
                pick = Some((j, pick.map_or(0.5, |p| p.1)));
            }
        }
        if rs.is_empty() {
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
        let Some(mut r) = rs.get(j) else { continue };
        // A small place abroad in a document about somewhere else is more likely a local name
        // the gazetteer lacks ("the Hazar area" in a story about Iraq), or a big namesake.
        let foreign_small = |r: &Reading<'_>| {
            matches!(r.option, Option_::Gazetteer(..))
                && matches!(
                    r.kind,
                    PlaceKind::City | PlaceKind::Admin2 | PlaceKind::Region
                )
                && r.population < 50_000
                && named_any
                && r.country.is_some()
                && !is_named(r)
        };
        if foreign_small(r) {
            let big = rs
                .iter()
                .filter(|x| {
                    !foreign_small(x) && (x.population >= 100_000 || x.kind == PlaceKind::Country)
                })
                .max_by(|a, b| score_cmp(a.prior, b.prior));
            match big {
                Some(b) => r = b,
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
        match r.option {
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

/// For each mention, the first mention it is a twin of (itself if none): the same name with
/// the same entries and head, and nothing that makes its setting differ (a demonym reading or
/// a container after a comma). Twins get the same readings and scores, computed once.
fn twins(mentions: &[Mention], names: &[u64]) -> Vec<usize> {
    let plain = |m: &Mention| !m.comma_next && m.demonym_of.is_empty();
    let mut first: HashMap<u64, usize, FastHash> = HashMap::default();
    let mut out = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let t = match first.get(&names[i]) {
            Some(&t) => {
                let f = &mentions[t];
                let same = plain(m)
                    && f.user == m.user
                    && f.head == m.head
                    && f.entries.len() == m.entries.len()
                    && f.entries
                        .iter()
                        .zip(&m.entries)
                        .all(|(a, b)| a.entry == b.entry && a.flags == b.flags);
                if same { t } else { i }
            }
            None => {
                if plain(m) {
                    first.insert(names[i], i);
                }
                i
            }
        };
        out.push(t);
    }
    out
}

/// The readings of every mention: its user places and gazetteer entries, at most
/// [`MAX_OPTIONS`] of them (the best priors).
fn readings_of<'g>(mentions: &[Mention], twins: &[usize], index: &Index<'g, '_>) -> Readings<'g> {
    let g = index.gazetteer;
    let mut readings = Readings {
        all: Vec::with_capacity(
            mentions
                .iter()
                .map(|m| m.entries.len().min(MAX_OPTIONS) + 1)
                .sum(),
        ),
        at: Vec::with_capacity(mentions.len()),
    };
    let mut o: Vec<Option_<'_>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if twins[i] != i {
            // The same name in the same setting: the same readings.
            let t = readings.at[twins[i]];
            readings.at.push(t);
            continue;
        }
        o.clear();
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
        let from = readings.all.len();
        readings.all.extend(o.iter().map(|&x| Reading::new(x)));
        // Names shared by dozens of places ("Springfield"): the likeliest readings suffice,
        // and keep the work per mention bounded. Ties keep their order.
        if o.len() > MAX_OPTIONS {
            let mine = &mut readings.all[from..];
            let by_prior = |a: &(usize, Reading<'_>), b: &(usize, Reading<'_>)| {
                score_cmp(b.1.prior, a.1.prior).then_with(|| a.0.cmp(&b.0))
            };
            let mut ranked: Vec<(usize, Reading<'_>)> = mine.iter().copied().enumerate().collect();
            ranked.select_nth_unstable_by(MAX_OPTIONS - 1, by_prior);
            ranked.truncate(MAX_OPTIONS);
            ranked.sort_unstable_by(by_prior);
            for (slot, (_, r)) in mine.iter_mut().zip(ranked) {
                *slot = r;
            }
            readings.all.truncate(from + MAX_OPTIONS);
        }
        readings.at.push((from, readings.all.len()));
    }
    readings
}

/// Sets each reading's fixed score: its prior and every bonus that does not depend on the
/// other mentions' readings, proximity to the other names' places included.
fn fix(
    readings: &mut Readings<'_>,
    mentions: &[Mention],
    twins: &[usize],
    names: &[u64],
    long_input: bool,
    config: &PlacesConfig,
) {
    let n = mentions.len();
    // Anchors for proximity: every local reading (city, district) of the other names in the
    // story, so that "Paris and Henry County" settle on the Paris and the Henry County that
    // lie together. At most MAX_ANCHORS, from the first names of the story.
    let anchors: Vec<(u64, f64, f64)> = if long_input {
        Vec::new()
    } else {
        let mut seen: Vec<u64> = Vec::new();
        let mut out = Vec::new();
        for (i, &name) in names.iter().enumerate() {
            if seen.contains(&name) || seen.len() >= MAX_ANCHOR_NAMES {
                continue;
            }
            seen.push(name);
            for r in readings.of(i) {
                if let Option_::Gazetteer(e, _) = r.option
                    && matches!(r.kind, PlaceKind::City | PlaceKind::Admin2)
                    && out.len() < MAX_ANCHORS
                {
                    out.push((name, e.lat(), e.lon()));
                }
            }
        }
        out.sort_by(|a, b| score_cmp(a.1, b.1));
        out
    };
    // Everything that does not change between rounds, once per reading.
    for (i, m) in mentions.iter().enumerate() {
        if twins[i] != i {
            continue; // shares its twin's readings
        }
        let container = if m.comma_next && i + 1 < n {
            readings
                .best_prior(i + 1)
                .filter(|b| matches!(b.kind, PlaceKind::Country | PlaceKind::Admin1))
                .copied()
        } else {
            None
        };
        let (a, b) = readings.at[i];
        for j in a..b {
            let r = &readings.all[j];
            let fixed = r.prior
                + fixed_bonus(r, m, &readings.all[a..b], container.as_ref(), config)
                + proximity(&r.option, &anchors, names[i]);
            readings.all[j].fixed = fixed;
        }
    }
}

/// Rounds of coherence: each mention's reading given the others' ("Paris" with "Texas"). The
/// chosen reading of each mention (with its score and its share of the probability mass) and
/// how much each country (by per-text number) was named outright under the final readings.
#[allow(clippy::type_complexity)]
fn cohere(
    readings: &mut Readings<'_>,
    mentions: &[Mention],
    twins: &[usize],
    g: &Gazetteer,
    rounds: usize,
    config: &PlacesConfig,
) -> (Vec<Option<(usize, f64, f64)>>, Vec<f64>) {
    let n = mentions.len();
    // Evidence: the user's focus, demonyms, and the current reading of every other mention,
    // weighted by how much a mention of that kind says about where the story is. Rounds:
    // readings from priors, then readings with evidence. The countries and divisions the
    // evidence is about are numbered per text, so that a round adds and reads plain arrays.
    let mut country_ids = Ids::<Cc>::default();
    let mut admin1_ids = Ids::<u32>::default();
    for r in &mut readings.all {
        r.country_id = r.country.map_or(NONE, |cc| country_ids.id(cc));
        r.admin1_id = r.admin1.map_or(NONE, |a| admin1_ids.id(a));
    }
    let focus: Vec<u32> = config
        .countries
        .iter()
        .filter_map(|c| cc_of(Some(c)))
        .map(|cc| country_ids.id(cc))
        .collect();
    let mut demonyms: Vec<u32> = Vec::new();
    let mut demonyms_at: Vec<usize> = Vec::with_capacity(n + 1);
    for m in mentions {
        demonyms_at.push(demonyms.len());
        for &d in &m.demonym_of {
            if let Some(cc) = g.entry(d).country_bytes() {
                demonyms.push(country_ids.id(cc));
            }
        }
    }
    demonyms_at.push(demonyms.len());
    let demonyms_of = |i: usize| &demonyms[demonyms_at[i]..demonyms_at[i + 1]];
    let (nc, na) = (country_ids.len(), admin1_ids.len());
    let mut base_countries = vec![0.0; nc];
    let mut base_named = vec![0.0; nc];
    for &c in &focus {
        base_countries[c as usize] += 3.0;
        base_named[c as usize] += 3.0;
    }
    let mut countries = vec![0.0; nc];
    let mut named = vec![0.0; nc];
    let mut admin1 = vec![0.0; na];
    // (reading, score, share of the probability mass) per mention.
    let mut chosen: Vec<Option<(usize, f64, f64)>> = vec![None; n];
    let mut picks: Vec<Option<Pick>> = vec![None; n];
    let mut scores: Vec<f64> = Vec::with_capacity(MAX_OPTIONS);
    for round in 0..rounds {
        // What each mention says under the current readings.
        for i in 0..n {
            let rs = readings.of(i);
            let r = if round == 0 {
                readings.best_prior(i)
            } else {
                chosen[i].and_then(|(j, _, _)| rs.get(j))
            };
            picks[i] = r.and_then(|r| {
                let (weight, named) = match r.kind {
                    PlaceKind::Country | PlaceKind::Admin1 => (1.0, true),
                    PlaceKind::Admin2 => (0.8, false),
                    PlaceKind::City if r.population >= 100_000 => (0.8, false),
                    PlaceKind::City => (0.5, false),
                    _ => (0.3, false),
                };
                // An ambiguous small place says little before it is resolved.
                let silent = round == 0 && !named && rs.len() > 1;
                (!silent).then_some(Pick {
                    country: r.country_id,
                    admin1: r.admin1_id,
                    weight,
                    named,
                })
            });
        }
        countries.copy_from_slice(&base_countries);
        named.copy_from_slice(&base_named);
        admin1.fill(0.0);
        for (i, p) in picks.iter().enumerate() {
            for &c in demonyms_of(i) {
                countries[c as usize] += 1.0;
                named[c as usize] += 1.0;
            }
            if let Some(p) = p {
                if let Some(w) = countries.get_mut(p.country as usize) {
                    *w += p.weight;
                    if p.named {
                        named[p.country as usize] += p.weight;
                    }
                }
                if let Some(w) = admin1.get_mut(p.admin1 as usize) {
                    *w += p.weight;
                }
            }
        }
        // Oceans, continents and regions across borders ("Middle East") fit any story as
        // well as its best-attested country does.
        let best_country = countries.iter().copied().fold(0.0, f64::max);
        let last_round = round == rounds - 1;
        for i in 0..n {
            if twins[i] != i {
                // Same readings, same pick, no demonym: the same choice.
                chosen[i] = chosen[twins[i]];
                continue;
            }
            let pick = picks[i];
            scores.clear();
            for r in readings.of(i) {
                let mut s = r.fixed;
                if let Some(&w) = countries.get(r.country_id as usize) {
                    // The mention's own reading is no evidence for itself.
                    let mut mine = demonyms_of(i)
                        .iter()
                        .filter(|&&d| d == r.country_id)
                        .count() as f64;
                    if let Some(p) = pick
                        && p.country == r.country_id
                    {
                        mine += p.weight;
                    }
                    s += 3.0 * (w - mine).clamp(0.0, 2.0);
                } else if matches!(r.kind, PlaceKind::Region | PlaceKind::Continent) {
                    s += 3.0 * best_country.clamp(0.0, 2.0);
                }
                if let Some(&w) = admin1.get(r.admin1_id as usize) {
                    let mine = match pick {
                        Some(p) if p.admin1 == r.admin1_id => p.weight,
                        _ => 0.0,
                    };
                    s += 3.0 * (w - mine).clamp(0.0, 2.0);
                }
                scores.push(s);
            }
            chosen[i] = scores
                .iter()
                .enumerate()
                .max_by(|a, b| score_cmp(*a.1, *b.1))
                .map(|(j, &s)| {
                    let share = if last_round {
                        1.0 / scores.iter().map(|x| (x - s).exp()).sum::<f64>()
                    } else {
                        0.0
                    };
                    (j, s, share)
                });
        }
    }
    (chosen, named)
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
    let mut h = FastHash::default().build_hasher();
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
    // Worked out at the first anchor in reach: most readings have none.
    let mut cos_lat = None;
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
        let cos_lat = *cos_lat.get_or_insert_with(|| lat.to_radians().cos());
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
