//! Linking a claim to the places and dates of its sentence.

use std::ops::Range;

use crate::claims::Claim;
use crate::dates::DateMention;
use crate::places::{Place, PlaceKind};
use crate::sentences::Sentence;
use crate::span::Span;

/// Prepositions that place an event somewhere ("attacks *in* western Iraq").
const LOCATIVE: &[&str] = &[
    "in",
    "into",
    "to",
    "at",
    "near",
    "across",
    "through",
    "throughout",
    "within",
    "inside",
    "outside",
    "around",
    "from",
    "on",
    "over",
    "off",
    "along",
    "toward",
    "towards",
    "via",
];

/// Words allowed between a preposition and its place ("in *the northern* city of ...").
const BETWEEN: &[&str] = &[
    "the",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "rural",
    "downtown",
    "city",
    "town",
    "province",
    "region",
    "state",
    "of",
    "neighboring",
    "neighbouring",
    "nearby",
    "occupied",
    "parts",
];

const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// How far (bytes) a claim's own place may be from the claim.
const REACH: usize = 160;

/// Per-sentence ranges of places and dates, for O(1) lookups per claim.
pub(super) struct SentenceIndex<'a> {
    sentences: &'a [Sentence],
    places: &'a [Place],
    dates: &'a [DateMention],
    place_ranges: Vec<Range<usize>>,
    date_ranges: Vec<Range<usize>>,
    /// Whether each sentence continues the paragraph of the one before it.
    same_paragraph: Vec<bool>,
}

impl<'a> SentenceIndex<'a> {
    pub fn new(
        text: &str,
        sentences: &'a [Sentence],
        places: &'a [Place],
        dates: &'a [DateMention],
    ) -> SentenceIndex<'a> {
        let place_ranges = ranges(sentences.len(), places.iter().map(|p| p.sentence));
        let date_ranges = ranges(sentences.len(), dates.iter().map(|d| d.sentence));
        let same_paragraph = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| i > 0 && !text[sentences[i - 1].span.end..s.span.start].contains('\n'))
            .collect();
        SentenceIndex {
            sentences,
            places,
            dates,
            place_ranges,
            date_ranges,
            same_paragraph,
        }
    }

    fn toponyms(&self, sentence: usize) -> impl Iterator<Item = usize> + '_ {
        self.place_ranges
            .get(sentence)
            .cloned()
            .unwrap_or(0..0)
            .filter(|&i| self.places[i].kind != PlaceKind::Demonym)
    }

    /// The places a claim is about: its sentence's toponyms, else the previous sentence's in the
    /// same paragraph, else its sentence's demonyms.
    pub fn places_for(&self, claim: &Claim) -> Vec<usize> {
        let s = claim.sentence;
        let mut found: Vec<usize> = self.toponyms(s).collect();
        if found.is_empty() && self.same_paragraph.get(s).copied().unwrap_or(false) {
            found = self.toponyms(s - 1).collect();
        }
        if found.is_empty() {
            found = self.place_ranges.get(s).cloned().unwrap_or(0..0).collect();
        }
        found
    }

    /// The claim's own place: introduced by a locative preposition just after (or before) the
    /// claim, or the place the sentence starts with ("Iraq has transferred 2,250 …").
    pub fn own_place(&self, text: &str, claim: &Claim) -> Option<usize> {
        let sentence = self.sentences.get(claim.sentence)?;
        let candidates: Vec<usize> = self.toponyms(claim.sentence).collect();
        let after = candidates.iter().copied().find(|&i| {
            let p = &self.places[i];
            !after_according_to(text, sentence.span.start, p.span.start)
                && p.span.start >= claim.span.end
                && p.span.start - claim.span.end <= REACH
                && !text[claim.span.end..p.span.start].contains(';')
                && introduced_by_locative(text, claim.span.end, p.span.start) == Some(true)
        });
        let before = || {
            candidates.iter().rev().copied().find(|&i| {
                let p = &self.places[i];
                !after_according_to(text, sentence.span.start, p.span.start)
                    && p.span.end <= claim.span.start
                    && claim.span.start - p.span.end <= REACH
                    && introduced_by_locative(text, sentence.span.start, p.span.start) == Some(true)
            })
        };
        let possessive = || {
            // "Kenya's economy grew by 5.6 percent": the owner of what is measured.
            candidates.iter().rev().copied().find(|&i| {
                let p = &self.places[i];
                let between = &text[p.span.end.min(claim.span.start)..claim.span.start];
                p.span.end <= claim.span.start
                    && (between.starts_with("'s") || between.starts_with("’s"))
                    && !between.contains([',', ';'])
            })
        };
        let subject = || {
            candidates.first().copied().filter(|&i| {
                let lead = &text[sentence.span.start..self.places[i].span.start];
                lead.split_whitespace()
                    .all(|w| w.eq_ignore_ascii_case("the") || is_modifier(w))
            })
        };
        after.or_else(before).or_else(possessive).or_else(subject)
    }

    /// The date expression that dates the claim: the nearest one in the claim's own clause;
    /// else one in the sentence's opening phrase ("On Wednesday, the bank raised …"); else the
    /// nearest one that is not in another claim's clause.
    ///
    /// A date right after the attribution's verb ("said on Thursday") dates the statement, not
    /// the claim: it is used only when the sentence has no other date.
    pub fn nearest_date(
        &self,
        text: &str,
        claims: &[Claim],
        claim: &Claim,
        cue: Option<Span>,
    ) -> Option<usize> {
        let range = self.date_ranges.get(claim.sentence)?.clone();
        let dates_statement = |i: usize| {
            cue.is_some_and(|cue| {
                let d = self.dates[i].span;
                d.start >= cue.end && {
                    let between = text[cue.end..d.start].trim();
                    between.is_empty() || between.eq_ignore_ascii_case("on")
                }
            })
        };
        let of_claim: Vec<usize> = range.clone().filter(|&i| !dates_statement(i)).collect();
        if of_claim.is_empty() {
            return range.min_by_key(|&i| gap(self.dates[i].span, claim.span));
        }
        self.date_of_claim(text, claims, claim, &of_claim)
    }

    fn date_of_claim(
        &self,
        text: &str,
        claims: &[Claim],
        claim: &Claim,
        range: &[usize],
    ) -> Option<usize> {
        let range = range.iter().copied();
        let sentence = self.sentences.get(claim.sentence)?.span;
        let distance = |i: usize| gap(self.dates[i].span, claim.span);
        let same_clause = |a: Span, b: Span| {
            let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
            first.end >= second.start
                || !text[first.end..second.start].contains([',', ';', '—', '–', '(', ')'])
        };
        if let Some(i) = range
            .clone()
            .filter(|&i| same_clause(self.dates[i].span, claim.span))
            .min_by_key(|&i| distance(i))
        {
            return Some(i);
        }
        let opening_end = text[sentence.start..sentence.end]
            .find(',')
            .map(|c| sentence.start + c);
        if let Some(opening_end) = opening_end.filter(|&e| e <= claim.span.start) {
            if let Some(i) = range
                .clone()
                .find(|&i| self.dates[i].span.end <= opening_end)
            {
                return Some(i);
            }
        }
        range
            .filter(|&i| {
                !claims.iter().any(|other| {
                    other.sentence == claim.sentence
                        && other.span != claim.span
                        && same_clause(self.dates[i].span, other.span)
                })
            })
            .min_by_key(|&i| distance(i))
    }
}

/// `Some(true)` when the words before `start` (not reaching back past `floor`) are a locative
/// preposition, possibly followed by "the", a direction or a head word; `Some(false)` for
/// "<direction> of" (a relative position: the place is a reference point, not the claim's place).
fn introduced_by_locative(text: &str, floor: usize, start: usize) -> Option<bool> {
    let mut from = start.saturating_sub(48).max(floor);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let words: Vec<&str> = text[from..start]
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '“' | '"'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = words.len();
    while i > 0 {
        let w = words[i - 1].to_ascii_lowercase();
        if w == "of" && i >= 2 && DIRECTIONS.contains(&words[i - 2].to_ascii_lowercase().as_str()) {
            return Some(false);
        }
        if LOCATIVE.contains(&w.as_str()) {
            return Some(true);
        }
        if !BETWEEN.contains(&w.as_str()) {
            return None;
        }
        i -= 1;
    }
    None
}

/// "according to the World Bank": a source, not a destination.
fn after_according_to(text: &str, floor: usize, start: usize) -> bool {
    let mut from = start.saturating_sub(24).max(floor);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = text[from..start].trim_end().to_ascii_lowercase();
    head.ends_with("according to") || head.ends_with("according to the")
}

fn is_modifier(word: &str) -> bool {
    BETWEEN.contains(&word.to_ascii_lowercase().as_str())
}

/// Bytes between two spans (0 when they touch or overlap).
fn gap(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// For items sorted by sentence, the range of item indices of each sentence.
fn ranges(sentences: usize, item_sentences: impl Iterator<Item = usize>) -> Vec<Range<usize>> {
    let mut out = vec![0..0; sentences];
    for (i, s) in item_sentences.enumerate() {
        if let Some(r) = out.get_mut(s) {
            if r.start == r.end {
                *r = i..i + 1;
            } else {
                r.end = i + 1;
            }
        }
    }
    out
}
