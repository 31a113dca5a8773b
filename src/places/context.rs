//! Context filters: which candidates are places, judged from capitalisation, sentence position,
//! common-word and person-name ambiguity, organisation and street suffixes, prepositions, heads,
//! datelines and abbreviations. Every check looks at a bounded window of words around the
//! candidate.

use std::collections::HashSet;

use crate::hash::FastHash;
use crate::places::gazetteer::{NameFlags, Posting};
use crate::places::lexicon::{self, Head};
use crate::places::matcher::{Candidate, gap, is_all_caps};
use crate::places::tokens::Token;
use crate::places::user::Index;
use crate::span::Span;

/// Places named like common surnames ("Jones", "Ripley") need a cue below this population.
const PERSON_TOWN_POP: u64 = 50_000;

/// A place this big (or a country) may speak for its government ("Baghdad said", "Anbar
/// says"); a smaller one before a speech verb is a person ("Maan told Rudaw").
const SPEAKING_PLACE_POP: u64 = 1_000_000;

/// A candidate that passed the filters, with what the context says about it.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Bytes of the name.
    pub span: Span,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Gazetteer entries the name may refer to (never empty for a known place).
    pub entries: Vec<Posting>,
    /// Key among the user's extra places.
    pub user: Option<usize>,
    /// The name is a demonym of these entries.
    pub demonym_of: Vec<u32>,
    /// A trailing head ("province").
    pub head: Option<Head>,
    /// A direction word before the name ("western").
    pub modifier: Option<String>,
    /// The name is followed by ", " and another mention ("Alexandria, La.").
    pub comma_next: bool,
    /// A street ("Main Street"): located, approximately, at the nearest local place.
    pub street: bool,
    /// A feature named after a known place ("Catawba River", "Hamilton Township"): reported
    /// with kind unknown and, as an approximation, that place's coordinates.
    pub feature: bool,
    /// Recognition confidence, 0 to 1.
    pub confidence: f64,
}

/// Per-document facts the filters share.
struct DocFacts<'k> {
    /// Keys of words seen as part of a person's name ("Henry" in "Chiquita Raquel Henry").
    persons: HashSet<&'k str, FastHash>,
    /// Sentences written in Title Case (headlines), where capitals say little, by index.
    title_case: Vec<bool>,
}

impl DocFacts<'_> {
    fn title_case(&self, sentence: u32) -> bool {
        self.title_case
            .get(sentence as usize)
            .copied()
            .unwrap_or(false)
    }
}

fn doc_facts<'k>(
    text: &str,
    tokens: &[Token<'k>],
    title_case: Vec<bool>,
    index: &Index<'_, 'k>,
) -> DocFacts<'k> {
    let mut persons = HashSet::default();
    // Person names: in a run of capitalised words, what follows a first name, a title or a
    // middle initial ("Sheriff Greg Taylor", "Capt. Roy A. Nelson", "Blake Allen").
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].upper
            || title_case
                .get(tokens[i].sentence as usize)
                .copied()
                .unwrap_or(false)
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && j < i + 6
            && matches!(gap(text, tokens, j - 1), " " | ". ")
            && tokens[j].upper
        {
            j += 1;
        }
        // "Capt. Roy", "Sheriff Greg"; not "Orchard St., Alexandria" (a street, then a comma).
        // (The list lookup last: the word before a run is seldom capitalised.)
        let titled = i > 0
            && tokens[i - 1].upper
            && tokens[i - 1].sentence == tokens[i].sentence
            && matches!(gap(text, tokens, i - 1), " " | ". ")
            && lexicon::contains(&lexicon::PERSON_TITLES, tokens[i - 1].key);
        let mut from = if titled { Some(i) } else { None };
        for k in i..j {
            let t = &tokens[k];
            if from.is_some() || k + 1 >= j || is_all_caps(t.span.as_str(text)) {
                continue;
            }
            let next = &tokens[k + 1];
            let cls = lexicon::classes(t.key);
            let initial = t.key.len() == 1 && gap(text, tokens, k) == ". ";
            // "North West Bicester", "East Oxford": a direction word is a surname ("West") only
            // in the census list, not before a place.
            let first_name = lexicon::FIRST_NAMES.has(cls)
                || (index.is_person(t)
                    && index.is_person(next)
                    && !lexicon::DIRECTION_MODIFIERS.has(cls));
            // "Orchard St., Alexandria": after a name, "St." ends a street, not a saint's title.
            let street = k > i && lexicon::STREET_SUFFIXES.has(cls);
            if first_name || (lexicon::PERSON_TITLES.has(cls) && !street) || initial {
                from = Some(k + 1);
            }
        }
        if let Some(f) = from {
            for t in &tokens[f..j] {
                if t.key.len() > 1 {
                    persons.insert(t.key);
                }
            }
        }
        i = j;
    }
    DocFacts {
        persons,
        title_case,
    }
}

/// The candidates that are places, with their context.
pub fn judge<'k>(
    text: &str,
    tokens: &[Token<'k>],
    title_case: &[bool],
    candidates: Vec<Candidate>,
    index: &Index<'_, 'k>,
) -> Vec<Mention> {
    let facts = doc_facts(text, tokens, title_case.to_vec(), index);
    let candidates = with_dateline_places(text, tokens, candidates);
    let candidates = with_named_settlements(text, tokens, candidates);
    let candidates = with_towns_before_states(text, tokens, candidates, index);
    let mut out: Vec<Mention> = Vec::with_capacity(candidates.len());
    for (n, c) in candidates.iter().enumerate() {
        let next = candidates.get(n + 1);
        // "Savannah and Macon", "Monroe, Trenton and Seven Mile": a list that started with a
        // place goes on with places.
        let listed = out.last().is_some_and(|prev| {
            let between = text.get(prev.span.end..c.span.start).unwrap_or("");
            matches!(
                between,
                ", " | " and " | " or " | ", and " | ", or " | " & "
            )
        });
        if out.last().is_some_and(|prev| c.first < prev.last) {
            continue; // swallowed by the previous mention's head ("Mississippi River")
        }
        let split = split_direction(tokens, c, index);
        let c = split.as_ref().unwrap_or(c);
        let judged = judge_one(text, tokens, c, next, listed, index, &facts).or_else(|| {
            let f = feature_shape(text, tokens, c)?;
            judge_one(text, tokens, &f, next, listed, index, &facts)
        });
        if let Some(mut m) = judged {
            of_feature(text, tokens, &mut m);
            out.push(m);
        }
    }
    // "Alexandria, La.": state abbreviations were kept only after a comma and a mention.
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        let abbr_only = !m.entries.is_empty()
            && m.entries.iter().all(|p| p.flags.has(NameFlags::ABBR))
            && m.user.is_none();
        if abbr_only {
            let after_place = kept.last().is_some_and(|prev| {
                prev.last == m.first && gap(text, tokens, m.first.wrapping_sub(1)).starts_with(',')
            });
            // "Rep. James Clyburn, D-S.C.": a party and a state.
            let party = m.first > 0
                && matches!(tokens[m.first - 1].key, "d" | "r" | "i")
                && gap(text, tokens, m.first - 1) == "-";
            // "S.C.", "W.Va.": dotted initials are unmistakable wherever they stand.
            let dotted = m.last - m.first >= 2 && m.span.as_str(text).ends_with('.');
            let sentence = tokens[m.first].sentence;
            // "Thackerville, Okla.": after any capitalised name and a comma, as in datelines.
            let after_name = m.first > 0
                && tokens[m.first - 1].upper
                && tokens[m.first - 1].sentence == sentence
                && gap(text, tokens, m.first - 1) == ", ";
            // "Missing Ill. man found", "dies in Ky. jail": headlines put the state before a
            // lower-case noun.
            let before_noun = m.span.as_str(text).ends_with('.')
                && tokens.get(m.last).is_some_and(|t| {
                    t.sentence == sentence
                        && !t.upper
                        && t.key.bytes().all(|b| b.is_ascii_lowercase())
                        && text.get(m.span.end..t.span.start) == Some(" ")
                });
            if !after_place && !party && !dotted && !after_name && !before_noun {
                continue;
            }
        }
        kept.push(m);
    }
    let n = kept.len();
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&kept[i], &kept[i + 1]);
        if a.last == b.first && matches!(gap(text, tokens, a.last - 1), ", " | ",") {
            kept[i].comma_next = true;
        }
    }
    kept
}

/// Lower-case words that make the name after "of" a place ("the town of Akuressa").
fn is_settlement_word(key: &str) -> bool {
    matches!(
        key,
        "town"
            | "towns"
            | "village"
            | "villages"
            | "city"
            | "hamlet"
            | "township"
            | "suburb"
            | "neighborhood"
            | "neighbourhood"
            | "district"
            | "province"
            | "municipality"
            | "settlement"
            | "island"
            | "port"
            | "region"
    )
}

/// The candidates with the places the gazetteer lacks that "the town of", "the village of"
/// name ("the village of Achguara", "the town of Mais al-Jabal"); a name the matcher found
/// there is judged as it is.
fn with_named_settlements(
    text: &str,
    tokens: &[Token],
    candidates: Vec<Candidate>,
) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(candidates.len() + 2);
    let mut pending = candidates.into_iter().peekable();
    let joined = |k: usize, seps: &[&str]| {
        k + 1 < tokens.len()
            && tokens[k].sentence == tokens[k + 1].sentence
            && seps.contains(&gap(text, tokens, k))
    };
    for i in 1..tokens.len().saturating_sub(1) {
        let of = &tokens[i];
        let head = &tokens[i - 1];
        if of.key != "of"
            || head.upper
            || !is_settlement_word(head.key)
            || !joined(i - 1, &[" "])
            || !joined(i, &[" "])
            || !tokens[i + 1].upper
        {
            continue;
        }
        let first = i + 1;
        let mut j = first + 1;
        while j < tokens.len() && j < first + 4 && !tokens[j - 1].possessive {
            let t = &tokens[j];
            let particle = !t.upper
                && lexicon::PARTICLES.contains(t.key)
                && joined(j, &["-", " "])
                && tokens.get(j + 1).is_some_and(|n| n.upper);
            if !joined(j - 1, &[" ", "-"]) || !(t.upper || particle) {
                break;
            }
            j += 1;
        }
        if !tokens[j - 1].upper {
            j -= 1;
        }
        let first_cls = lexicon::classes(tokens[first].key);
        if lexicon::NEVER_PLACES.has(first_cls)
            || lexicon::FUNCTION_WORDS.has(first_cls)
            || lexicon::FIRST_NAMES.has(first_cls)
        {
            continue;
        }
        while pending.peek().is_some_and(|c| c.last <= first) {
            out.extend(pending.next());
        }
        if pending.peek().is_some_and(|c| c.first < j) {
            continue;
        }
        out.push(Candidate {
            first,
            last: j,
            span: Span::new(tokens[first].span.start, tokens[j - 1].span.end),
            key: None,
            head: None,
            street: false,
        });
    }
    out.extend(pending);
    out
}

/// The candidates with the towns the gazetteer lacks that the US "of Town, State" form names
/// ("of Thackerville, Okla.", "from Sulpher, La."): one to three capitalised words after a
/// locative preposition, then a comma and a state, province or country.
fn with_towns_before_states(
    text: &str,
    tokens: &[Token],
    candidates: Vec<Candidate>,
    index: &Index<'_, '_>,
) -> Vec<Candidate> {
    use crate::PlaceKind;
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len() + 2);
    for c in candidates {
        if let Some(town) = town_before(text, tokens, &c, out.last(), index) {
            out.push(town);
        }
        out.push(c);
    }
    return out;

    fn town_before(
        text: &str,
        tokens: &[Token],
        state: &Candidate,
        prev: Option<&Candidate>,
        index: &Index<'_, '_>,
    ) -> Option<Candidate> {
        let k = state.key?.gazetteer?;
        let i = state.first.checked_sub(1)?;
        if gap(text, tokens, i) != ", " || !tokens[i].upper || tokens[i].possessive {
            return None;
        }
        let container = index.gazetteer.postings(k).any(|p| {
            p.flags.has(NameFlags::ABBR) || matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Country)
        });
        if !container {
            return None;
        }
        let mut first = i;
        while first > 0
            && i - first < 2
            && tokens[first - 1].upper
            && gap(text, tokens, first - 1) == " "
        {
            first -= 1;
        }
        let before = first.checked_sub(1)?;
        if gap(text, tokens, before) != " "
            || !matches!(
                tokens[before].key,
                "of" | "in" | "from" | "near" | "at" | "to"
            )
            || prev.is_some_and(|p| p.last > before)
        {
            return None;
        }
        let cls = lexicon::classes(tokens[first].key);
        if lexicon::NEVER_PLACES.has(cls) || lexicon::FUNCTION_WORDS.has(cls) {
            return None;
        }
        Some(Candidate {
            first,
            last: i + 1,
            span: Span::new(tokens[first].span.start, tokens[i].span.end),
            key: None,
            head: None,
            street: false,
        })
    }
}

/// Capitalised words that open a story's first line without being a place ("UPDATE —").
fn is_line_label(key: &str) -> bool {
    matches!(
        key,
        "update"
            | "updated"
            | "breaking"
            | "news"
            | "note"
            | "editor"
            | "editors"
            | "correction"
            | "exclusive"
            | "analysis"
            | "opinion"
            | "video"
            | "photos"
            | "live"
            | "alert"
            | "urgent"
            | "advisory"
    )
}

/// The candidates with the datelines the gazetteer lacks added ("HARWINTON —", "MAINEVILLE,
/// Ohio (AP)"): one to three all-capital words opening a sentence, followed by a dash, "(AP)"
/// or a comma and a capitalised word. Each sentence's first words are looked at once.
fn with_dateline_places(
    text: &str,
    tokens: &[Token],
    candidates: Vec<Candidate>,
) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(candidates.len() + 2);
    let mut pending = candidates.into_iter().peekable();
    for i in 0..tokens.len() {
        if !sentence_start_word(tokens, i) {
            continue;
        }
        let caps_word = |k: usize| {
            let s = tokens[k].span.as_str(text);
            tokens[k].upper && s.len() >= 2 && is_all_caps(s)
        };
        let mut j = i;
        while j < tokens.len()
            && j < i + 3
            && tokens[j].sentence == tokens[i].sentence
            && (j == i || gap(text, tokens, j - 1) == " ")
            && (caps_word(j) || (j > i && tokens[j].key == "of"))
        {
            j += 1;
        }
        if j == i || tokens[j - 1].key == "of" || tokens[j - 1].possessive {
            continue;
        }
        // The run must end the caps: "BREAKING NEWS ALERT FOR" is a headline.
        if tokens.get(j).is_some_and(|t| {
            t.sentence == tokens[i].sentence && gap(text, tokens, j - 1) == " " && caps_word(j)
        }) {
            continue;
        }
        if tokens[i..j].iter().any(|t| {
            lexicon::NEVER_PLACES.contains(t.key)
                || (t.key != "of" && lexicon::FUNCTION_WORDS.contains(t.key))
                || is_line_label(t.key)
        }) {
            continue;
        }
        let span = Span::new(tokens[i].span.start, tokens[j - 1].span.end);
        let after = text[span.end..].trim_start_matches([' ', '\u{a0}']);
        let dash = after.starts_with("--")
            || after.starts_with(['—', '–', '\u{97}'])
            || text[span.end..].starts_with(" - ");
        let agency = after.starts_with("(AP)") || after.starts_with("(Reuters)");
        let state =
            after.starts_with(", ") && after[2..].chars().next().is_some_and(char::is_uppercase);
        if !(dash || agency || state) {
            continue;
        }
        while pending.peek().is_some_and(|c| c.last <= i) {
            out.extend(pending.next());
        }
        // A name the matcher found on the whole run, or beyond it, is judged as it is; names
        // on part of it ("FALLS" in "FALLS VILLAGE") give way to the run.
        if pending
            .peek()
            .is_some_and(|c| c.first < j && (c.first == i && c.last == j || c.last > j))
        {
            continue;
        }
        while pending.peek().is_some_and(|c| c.first < j) {
            pending.next();
        }
        out.push(Candidate {
            first: i,
            last: j,
            span,
            key: None,
            head: None,
            street: false,
        });
    }
    out.extend(pending);
    out
}

/// "Western Pennsylvania", "North Texas": a region named by a direction and a state or
/// country is that state or country with a modifier, as the news corpora annotate it (the
/// direction then goes to [`Mention::modifier`]). Names that are divisions or countries in their
/// own right stay whole ("West Virginia", "South Africa"), and so do regions whose rest is only
/// an alternate name ("Central America") or lies elsewhere ("South Coast", "Far East").
fn split_direction(tokens: &[Token], c: &Candidate, index: &Index<'_, '_>) -> Option<Candidate> {
    use crate::PlaceKind;
    let compass = |k: &str| {
        k == "central"
            || ["north", "south", "east", "west"]
                .iter()
                .any(|d| k.contains(d))
    };
    if c.last - c.first < 2
        || c.key.is_some_and(|k| k.user.is_some())
        || !lexicon::DIRECTION_MODIFIERS.contains(tokens[c.first].key)
        || !compass(tokens[c.first].key)
        || compass(tokens[c.first + 1].key)
    {
        return None;
    }
    let g = index.gazetteer;
    let whole = c.key?.gazetteer?;
    if !g.postings(whole).all(|p| p.kind == PlaceKind::Region) {
        return None;
    }
    let country = |p: &crate::places::gazetteer::Posting| g.entry(p.entry).country_code();
    let mut key = String::new();
    for (n, t) in tokens[c.first + 1..c.last].iter().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(t.key);
    }
    let rest = g.find_key(&key)?;
    // ... of the same country ("South Coast" is not Kenya's Coast Region).
    let state_or_country = g.postings(rest).any(|p| {
        p.flags.has(NameFlags::PRIMARY)
            && matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Country)
            && country(&p).is_some()
            && g.postings(whole).any(|w| country(&w) == country(&p))
    });
    state_or_country.then(|| Candidate {
        first: c.first + 1,
        last: c.last,
        span: Span::new(tokens[c.first + 1].span.start, c.span.end),
        key: Some(crate::places::matcher::NameRef {
            gazetteer: Some(rest),
            user: None,
        }),
        head: c.head,
        street: c.street,
    })
}

/// "Red River", "James River", "Lake Lanier", "River Lune": a name the filters turned down as
/// a common word or a person ("Red", "James", "Lake") is still a natural feature when a
/// capitalised feature head follows it or leads it. The whole is then judged as a place the
/// gazetteer lacks.
fn feature_shape(text: &str, tokens: &[Token], c: &Candidate) -> Option<Candidate> {
    c.key?;
    let sentence = tokens[c.first].sentence;
    let upper_after = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.sentence == sentence && t.upper && gap(text, tokens, j - 1) == " ")
    };
    // "Fort Sanders Medical Center", "Thames Valley District": a longer proper name goes on.
    let whole = |last: usize| {
        let goes_on = !tokens[last - 1].possessive
            && upper_after(last).is_some_and(|t| !lexicon::NAME_HEADS.contains(t.key));
        (!goes_on).then(|| Candidate {
            first: c.first,
            last,
            span: Span::new(c.span.start, tokens[last - 1].span.end),
            key: None,
            head: None,
            street: false,
        })
    };
    if c.span.end != tokens[c.last - 1].span.end || tokens[c.last - 1].possessive {
        return None;
    }
    // "Red River": the head after the name.
    // ("Discovery Channel" is a broadcaster.)
    if upper_after(c.last).is_some_and(|t| t.key != "channel")
        && let Some(n) = feature_head_len(text, tokens, c.last)
    {
        return whole(c.last + n);
    }
    // "Lake Opechee", "River Moy": the head before one or two name words.
    // ("Gulf War" is a war.)
    let leading = c.last - c.first == 1
        && tokens[c.first].key != "gulf"
        && (lexicon::LEADING_NAME_HEADS.contains(tokens[c.first].key)
            || tokens[c.first].key == "river");
    if !leading {
        return None;
    }
    let mut last = c.last;
    while last < c.last + 2
        && upper_after(last).is_some_and(|t| {
            let cls = lexicon::classes(t.key);
            !lexicon::NAME_HEADS.has(cls)
                && !lexicon::STREET_SUFFIXES.has(cls)
                && !lexicon::ORGANISATION_SUFFIXES.has(cls)
        })
    {
        last += 1;
        if tokens[last - 1].possessive {
            break;
        }
    }
    if last > c.last { whole(last) } else { None }
}

/// "Sea of Azov", "Strait of Gibraltar", "Gulf of Aqaba": a capitalised feature head and "of"
/// before the name make the whole a feature named after the place (kind unknown, with the
/// place's point as an approximation).
fn of_feature(text: &str, tokens: &[Token], m: &mut Mention) {
    if m.first < 2 || m.feature || m.user.is_some() || m.entries.is_empty() {
        return;
    }
    let (head, of) = (&tokens[m.first - 2], &tokens[m.first - 1]);
    let is_head = matches!(
        head.key,
        "sea" | "gulf" | "bay" | "strait" | "straits" | "isle" | "isles" | "cape" | "lake"
    );
    if of.key != "of"
        || !head.upper
        || !is_head
        || head.sentence != tokens[m.first].sentence
        || gap(text, tokens, m.first - 2) != " "
        || gap(text, tokens, m.first - 1) != " "
    {
        return;
    }
    m.span = Span::new(head.span.start, m.span.end);
    m.first -= 2;
    m.feature = true;
    m.demonym_of.clear();
    m.head = None;
    m.modifier = None;
    m.confidence = m.confidence.min(0.5);
}

/// How many words the capitalised feature head at token `j` has: one ("River", "Park") or
/// two ("National Forest", "State Park", "Memorial Park").
fn feature_head_len(text: &str, tokens: &[Token], j: usize) -> Option<usize> {
    let t = tokens.get(j)?;
    if !t.upper {
        return None;
    }
    if lexicon::NAME_HEADS.contains(t.key) {
        return Some(1);
    }
    let second = tokens.get(j + 1)?;
    (matches!(t.key, "national" | "state" | "memorial")
        && second.sentence == t.sentence
        && second.upper
        && gap(text, tokens, j) == " "
        && matches!(
            second.key,
            "park" | "forest" | "monument" | "seashore" | "lakeshore"
        ))
    .then_some(2)
}

fn prev_key<'k>(tokens: &[Token<'k>], c: &Candidate) -> Option<&'k str> {
    let p = tokens.get(c.first.checked_sub(1)?)?;
    (p.sentence == tokens[c.first].sentence).then_some(p.key)
}

#[allow(clippy::too_many_arguments)]
fn judge_one<'k>(
    text: &str,
    tokens: &[Token<'k>],
    c: &Candidate,
    next: Option<&Candidate>,
    listed: bool,
    index: &Index<'_, 'k>,
    facts: &DocFacts<'k>,
) -> Option<Mention> {
    let surface = c.span.as_str(text);
    let first = &tokens[c.first];
    let sentence = first.sentence;
    let words = &tokens[c.first..c.last];
    let key_len = words
        .iter()
        .map(|t| t.key.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    let allowed = if index.user.has_lists() {
        let key = words.iter().map(|t| t.key).collect::<Vec<_>>().join(" ");
        if index.user.denied(&key) {
            return None;
        }
        index.user.allowed(&key)
    } else {
        false
    };
    let caps = is_all_caps(surface) && surface.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let sentence_start = sentence_start_word(tokens, c.first);
    let title_case = facts.title_case(sentence);
    let single = c.last - c.first == 1;

    // Postings that fit how the name is written.
    let mut entries = Vec::new();
    let mut demonym_of = Vec::new();
    let mut any_primary = false;
    if let Some(k) = c.key.and_then(|k| k.gazetteer) {
        let postings = index.gazetteer.postings(k);
        entries.reserve(postings.size_hint().0);
        for p in postings {
            if p.flags.has(NameFlags::CAPS) && !caps {
                continue;
            }
            if p.flags.has(NameFlags::DEMONYM) {
                demonym_of.push(p.entry);
                continue;
            }
            any_primary |= p.flags.has(NameFlags::PRIMARY);
            entries.push(p);
        }
    }
    let user = c.key.and_then(|k| k.user);
    // "Canadian" is a demonym before it is Canadian, Texas: small towns named like a demonym
    // give way to it.
    if !demonym_of.is_empty()
        && entries
            .iter()
            .all(|p| p.kind == crate::PlaceKind::City && p.population < 100_000)
    {
        entries.clear();
    }
    // State abbreviations ("La.") must be written with their period.
    let abbr_dot = text[c.span.end..].starts_with('.') || surface.ends_with('.');
    entries.retain(|p| !p.flags.has(NameFlags::ABBR) || abbr_dot);
    // "Alexandria, La.", "D-S.C.": in that position an abbreviation means the state.
    let abbr_position = c.first > 0
        && tokens[c.first - 1].sentence == tokens[c.first].sentence
        && (matches!(gap(text, tokens, c.first - 1), ", " | ",")
            || (matches!(tokens[c.first - 1].key, "d" | "r" | "i")
                && gap(text, tokens, c.first - 1) == "-"));
    if abbr_dot && abbr_position && entries.iter().any(|p| p.flags.has(NameFlags::ABBR)) {
        entries.retain(|p| p.flags.has(NameFlags::ABBR));
    }
    let abbr_only = !entries.is_empty() && entries.iter().all(|p| p.flags.has(NameFlags::ABBR));
    let span = if abbr_only && abbr_dot && !surface.ends_with('.') {
        Span::new(c.span.start, c.span.end + 1)
    } else {
        c.span
    };
    let caps_code = entries.iter().any(|p| p.flags.has(NameFlags::CAPS));
    let known = !entries.is_empty() || user.is_some();
    let mut demonym = !known && !demonym_of.is_empty();
    if !known && !demonym && c.key.is_some() && !allowed {
        return None;
    }
    if demonym && !tokens[c.first].upper {
        return None;
    }

    let prev = prev_key(tokens, c);
    let prev_upper =
        c.first > 0 && tokens[c.first - 1].sentence == sentence && tokens[c.first - 1].upper;
    let next_tok = tokens.get(c.last).filter(|t| t.sentence == sentence);
    let next_gap = if c.last > 0 {
        gap(text, tokens, c.last - 1)
    } else {
        ""
    };
    let next_upper = next_tok.is_some_and(|t| t.upper) && next_gap == " ";
    let next_key = next_tok.map(|t| t.key).unwrap_or("");
    // Which word lists the neighbours and the first word are in: one lookup each.
    let prev_cls = prev.map_or(0, lexicon::classes);
    let next_cls = lexicon::classes(next_key);
    let first_cls = lexicon::classes(first.key);

    // Context cues.
    let prep = lexicon::LOCATIVE_PREPOSITIONS.has(prev_cls);
    let comma_place = next_gap == ", " && next.is_some_and(|n| n.first == c.last);
    let dateline = caps && is_dateline(text, c.span, sentence_start);
    let follow = next_gap == " "
        && next_tok.is_some_and(|t| !t.upper && lexicon::FOLLOWING_CUES.has(next_cls));
    // "Alexandria Police", "Aleppo University": the organisation is named after a place, unless
    // the name is a common word or only an alternate name ("Landmark Bank", "Castle Bank").
    let weak_name = || {
        !entries.is_empty()
            && (!any_primary
                || entries
                    .iter()
                    .all(|p| p.flags.has(NameFlags::COMMON) || p.flags.has(NameFlags::LOWER)))
    };
    let org = next_gap == " "
        && next_tok.is_some_and(|t| {
            t.upper && t.key != "club" && lexicon::ORGANISATION_SUFFIXES.has(next_cls)
        })
        && !weak_name();
    // "Rep. Nick Rahall, D-Hardy", "Tom Bakk, DFL-Cook": a lawmaker's party and home.
    let party = c.first > 0
        && tokens[c.first - 1].sentence == sentence
        && tokens[c.first - 1].upper
        && matches!(tokens[c.first - 1].key, "d" | "r" | "i" | "dfl")
        && gap(text, tokens, c.first - 1) == "-"
        && (c.first < 2 || gap(text, tokens, c.first - 2).starts_with(','));
    let cued = prep
        || c.head.is_some()
        || comma_place
        || dateline
        || allowed
        || follow
        || org
        || listed
        || party;

    if allowed || user.is_some() {
        return Some(mention(
            c, span, entries, user, demonym_of, 0.95, text, tokens,
        ));
    }

    // All capitals: codes ("US", "UK"), datelines ("BEIRUT (AP) —") and capitalised headlines.
    if caps && !caps_code && !abbr_only {
        // Three words or more of the sentence around the name, all in capitals ("IRAQ TROOPS
        // ENTER MOSUL"): words before the name count as well as words after it.
        let window = || {
            tokens[c.first.saturating_sub(3)..(c.first + 4).min(tokens.len())]
                .iter()
                .filter(|t| t.sentence == sentence)
        };
        let headline = window().count() >= 3 && window().all(|t| is_all_caps(t.span.as_str(text)));
        if !dateline && !headline {
            return None;
        }
    }
    if single && lexicon::NEVER_PLACES.has(first_cls) && !caps_code {
        if demonym_of.is_empty() {
            return None;
        }
        // "European", "African": only the demonym reading.
        entries.clear();
        demonym = true;
    }
    if key_len < 3 && !caps_code && !abbr_only && !demonym {
        return None;
    }

    // A person or an organisation whose name holds the place.
    let titled = lexicon::PERSON_TITLES.has(prev_cls)
        && prev_upper
        && matches!(gap(text, tokens, c.first - 1), " " | ". ");
    if titled {
        return None;
    }
    if single && facts.persons.contains(first.key) && c.head.is_none() {
        return None;
    }
    let (big_unit, max_pop) = entries.iter().fold((false, 0u64), |(big, pop), e| {
        let named_unit = e.kind == crate::PlaceKind::Admin2 && !single;
        (
            big || named_unit
                || matches!(
                    e.kind,
                    crate::PlaceKind::Country
                        | crate::PlaceKind::Continent
                        | crate::PlaceKind::Admin1
                ),
            pop.max(e.population),
        )
    });
    // The largest place the word is the *own* name of: "Abi" names Abilene only as an alternate,
    // so in "Abi Hajar Ani" Abilene's size must not keep it.
    let max_primary_pop = entries
        .iter()
        .filter(|p| p.flags.has(NameFlags::PRIMARY))
        .map(|p| p.population)
        .max()
        .unwrap_or(0);
    let first_name = single && lexicon::FIRST_NAMES.has(first_cls);
    // Only an alternate name ("Abi" for Abilene): weaker evidence than an entry's own name.
    let alternate_only = !any_primary && !caps_code && !abbr_only;
    let country = entries.iter().any(|p| p.kind == crate::PlaceKind::Country);
    // The word before is not a person's name nor "United" ("United Russia" is a party).
    let prev_plain = || {
        !lexicon::FIRST_NAMES.has(prev_cls)
            && c.first > 0
            && tokens[c.first - 1].sentence == sentence
            && tokens[c.first - 1].key != "united"
            && !index.is_person(&tokens[c.first - 1])
    };
    if !title_case && !caps_code && !demonym {
        if prev_upper
            && matches!(gap(text, tokens, c.first - 1), " ")
            && !sentence_start_word(tokens, c.first - 1)
            && !lexicon::DIRECTION_MODIFIERS.has(prev_cls)
            && !lexicon::FUNCTION_WORDS.has(prev_cls)
            && !lexicon::LOCATIVE_PREPOSITIONS.has(prev_cls)
            && !(country && max_pop >= 1_000_000 && prev_plain())
        {
            // "Raquel Henry", "John Paris", "State Duma": the name ends a longer proper name.
            // A big country stays inside an organisation's name ("Air Zimbabwe").
            return None;
        }
        if next_upper
            && !lexicon::ORGANISATION_SUFFIXES.has(next_cls)
            && !lexicon::NAME_HEADS.has(next_cls)
            && !lexicon::DATE_WORDS.has(next_cls)
            && !org_after_two(text, tokens, c.last)
            && (first_name
                || alternate_only
                || (!big_unit && max_primary_pop < 100_000 && !(prep && prev != Some("of"))))
        {
            // "Jordan Henderson", "Ripley Grange": the name starts a longer proper name.
            // Big places stay ("Texas Southern University", "Florida Highway Patrol").
            return None;
        }
    }
    if next_upper && lexicon::STREET_SUFFIXES.has(next_cls) && !(big_unit && max_pop >= 1_000_000) {
        return None;
    }
    // "Northeast Georgia", "Northwest D.C.": a direction word before a place is a modifier;
    // "Northwest 34th Street": before a number, part of an address.
    if single
        && lexicon::DIRECTION_MODIFIERS.has(first_cls)
        && (next_upper
            || (next_gap == " " && next_key.bytes().next().is_some_and(|b| b.is_ascii_digit())))
    {
        return None;
    }
    // "Paris Hilton", "Jordan Henderson": a first name or surname followed by another.
    if single
        && next_upper
        && entries.iter().any(|p| p.flags.has(NameFlags::PERSON))
        && next_tok.is_some_and(|t| index.is_person(t))
        && !lexicon::ORGANISATION_SUFFIXES.has(next_cls)
        && !lexicon::NAME_HEADS.has(next_cls)
    {
        return None;
    }
    // "Jones", "Ripley": common names of people need a cue unless the place is big.
    let person = entries.iter().all(|p| p.flags.has(NameFlags::PERSON)) && !entries.is_empty();
    let big_country_or_state = big_unit && max_pop >= 1_000_000;
    if person && single && !cued && !(big_country_or_state || max_pop >= PERSON_TOWN_POP) {
        return None;
    }
    // "Wal-Mart", "Coca-Cola": a capitalised compound that is not a place.
    // A short code after the hyphen names a team or a district ("Watertown-ML").
    let code_after = next_tok.is_some_and(|t| {
        let s = t.span.as_str(text);
        s.len() <= 3 && is_all_caps(s)
    });
    if next_gap == "-"
        && !code_after
        && next_tok.is_some_and(|t| t.upper && index.find_word(t).is_none())
    {
        return None;
    }
    // "250 B.C.", "1000 A.D.": eras, not British Columbia.
    if c.first > 0
        && tokens[c.first - 1].key.bytes().all(|b| b.is_ascii_digit())
        && matches!(surface, "B.C." | "BC" | "A.D." | "AD")
    {
        return None;
    }
    // "Maan told Rudaw", "Jordan said": a speaker, unless a preposition makes it a place ("from
    // Brampton said") or the place is well known enough to speak for its government ("Iraq
    // said", "Baghdad said").
    let speech = lexicon::SPEECH_VERBS.has(next_cls) && next_gap == " ";
    let well_known = || {
        max_pop >= SPEAKING_PLACE_POP
            || entries.iter().any(|p| {
                matches!(
                    p.kind,
                    crate::PlaceKind::Country | crate::PlaceKind::Continent
                )
            })
    };
    let prep_before = prep && gap(text, tokens, c.first - 1) == " ";
    // "Nadia Moayyad said": a name that starts a speaker's name is a first name.
    let speaker = single
        && next_upper
        && !lexicon::ORGANISATION_SUFFIXES.has(next_cls)
        && !lexicon::ORGANISATION_WORDS.has(next_cls)
        && !lexicon::NAME_HEADS.has(next_cls)
        && tokens.get(c.last + 1).is_some_and(|t| {
            t.sentence == sentence
                && lexicon::SPEECH_VERBS.contains(t.key)
                && gap(text, tokens, c.last) == " "
        })
        && !well_known();
    if speaker {
        return None;
    }
    if speech && single && !prep_before && (lexicon::FIRST_NAMES.has(first_cls) || !well_known()) {
        return None;
    }

    // Common words and weak names need a cue.
    let common = entries.iter().all(|p| p.flags.has(NameFlags::COMMON)) && !entries.is_empty();
    let lower = entries.iter().all(|p| p.flags.has(NameFlags::LOWER)) && !entries.is_empty();
    if lower
        && single
        && !caps_code
        && !cued
        && (!any_primary || title_case || (sentence_start && !big_unit))
    {
        // "Reading the report", "Man In December": a word that also starts sentences.
        return None;
    }
    let mut confidence: f64 = 0.7;
    if demonym {
        confidence = 0.8;
    } else if common && !caps_code {
        // "of" is too weak a cue for a common word ("the destruction of Bridge 136").
        let of_only = prev == Some("of") && c.head.is_none() && !comma_place && !listed;
        let cued = cued && !of_only;
        let strong = big_unit && max_pop >= 1_000_000 && !sentence_start;
        if !(cued || strong) || (sentence_start && !comma_place && c.head.is_none()) {
            return None;
        }
        confidence = 0.55;
    } else if !cued
        && !big_unit
        && !entries.is_empty()
        && (alternate_only && max_pop < 20_000 || sentence_start && max_pop < 1000)
    {
        // An alternate name of a small place, or a tiny place opening a sentence.
        return None;
    }
    if cued {
        confidence += 0.15;
    }
    if big_unit {
        confidence += 0.1;
    }
    if c.key.is_none() {
        // Place-shaped but unknown ("the Hazar area"): not at the start of a sentence on a
        // common word ("The area").
        if lexicon::NEVER_PLACES.has(first_cls) && single {
            return None;
        }
        if facts.persons.contains(first.key) {
            return None;
        }
        confidence = 0.5;
    }
    Some(mention(
        c,
        span,
        entries,
        None,
        demonym_of,
        confidence.min(0.99),
        text,
        tokens,
    ))
}

/// "Mount Pleasant High School", "Litchfield Superior Court", "Lombard Historical Society":
/// an organisation named after the place, whose name has one more word before its head.
fn org_after_two(text: &str, tokens: &[Token], last: usize) -> bool {
    let (Some(a), Some(b)) = (tokens.get(last), tokens.get(last + 1)) else {
        return false;
    };
    a.upper
        && b.upper
        && a.sentence == b.sentence
        && gap(text, tokens, last) == " "
        && lexicon::ORGANISATION_SUFFIXES.contains(b.key)
        && !matches!(b.key, "city" | "county" | "state" | "united")
}

fn sentence_start_word(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens[i - 1].sentence != tokens[i].sentence
}

/// The mention, with its span adjusted to how the corpora annotate names:
/// - a capitalised administrative head is part of the name ("Oaxaca State");
/// - a capitalised feature head makes a feature the gazetteer lacks ("Mississippi River",
///   "Korean Peninsula": kind unknown, with the named place's coordinates when it has one);
/// - a direction word before the name is its modifier ("western Iraq").
#[allow(clippy::too_many_arguments)]
fn mention(
    c: &Candidate,
    span: Span,
    entries: Vec<Posting>,
    user: Option<usize>,
    mut demonym_of: Vec<u32>,
    confidence: f64,
    text: &str,
    tokens: &[Token],
) -> Mention {
    let sentence = tokens[c.first].sentence;
    let (mut span, mut last, mut head) = (span, c.last, c.head);
    let mut feature = false;
    let mut confidence = confidence;
    if let Some(next) = tokens.get(c.last).filter(|t| t.sentence == sentence)
        && span.end == tokens[c.last - 1].span.end
        && text.get(span.end..next.span.start) == Some(" ")
        && next.upper
        && user.is_none()
    {
        if matches!(
            next.key,
            "state" | "province" | "region" | "district" | "governorate" | "prefecture" | "oblast"
                | "territory" | "municipality"
        ) && !entries.is_empty()
            // "Ohio State University", "Kentucky State Police" are organisations.
            && !tokens
                .get(c.last + 1)
                .is_some_and(|t| t.sentence == sentence && t.upper)
        {
            span = Span::new(span.start, next.span.end);
            last = c.last + 1;
            head = lexicon::trailing_head(next.key);
        } else if let Some(n) = feature_head_len(text, tokens, c.last) {
            span = Span::new(span.start, tokens[c.last + n - 1].span.end);
            last = c.last + n;
            demonym_of.clear();
            head = None;
            feature = true;
            confidence = 0.5;
        }
    }
    let mut modifier = None;
    let first = c.first;
    if let Some(p) = c.first.checked_sub(1).map(|p| &tokens[p])
        && p.sentence == sentence
        && lexicon::DIRECTION_MODIFIERS.contains(p.key)
        && text.get(p.span.end..span.start) == Some(" ")
    {
        // LGL leaves even a capitalised direction outside the name ("Western Pennsylvania").
        modifier = Some(p.span.as_str(text).to_lowercase());
    }
    Mention {
        span,
        first,
        last,
        entries,
        user,
        demonym_of,
        head,
        modifier,
        comma_next: false,
        street: c.street,
        feature,
        confidence,
    }
}

/// "BEIRUT (AP) —", "WASHINGTON —", "CHARLESTON, W.Va. —": an all-caps name at the start of a
/// line, followed by a parenthesis, a dash, a comma or a colon.
fn is_dateline(text: &str, span: Span, sentence_start: bool) -> bool {
    let raw = &text[span.end..];
    let after = raw.trim_start_matches([' ', '\u{a0}']);
    // "MANSFIELD -- ", "AMHERST - ": a dash after an all-caps name is a dateline wherever it
    // stands.
    // (U+0097 is an em dash read with the wrong code page, common in scraped news.)
    if after.starts_with("--") || after.starts_with(['—', '–', '\u{97}']) || raw.starts_with(" - ")
    {
        return true;
    }
    // Otherwise the name opens its line or sentence (looking back a bounded window).
    let mut from = span.start.saturating_sub(120);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..span.start];
    let line_start = match before.rfind('\n') {
        Some(i) => before[i + 1..].trim().is_empty(),
        None => from == 0 && before.trim().is_empty(),
    };
    (line_start || sentence_start) && after.starts_with(['(', '-', ',', ':'])
}
