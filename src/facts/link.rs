//! Linking a claim to the places and dates of its sentence.
//!
//! Every lookup is bounded: items are found by binary search in their sentence's sorted range
//! and only a few nearest ones are weighed, so a sentence holding thousands of claims, places or
//! dates still costs linear time and memory.

use std::ops::Range;

use crate::claims::Claim;
use crate::dates::DateMention;
use crate::places::{Place, PlaceKind};
use crate::sentences::Sentence;
use crate::span::Span;

/// Prepositions that place an event somewhere ("attacks *in* western Iraq").
#[rustfmt::skip]
const LOCATIVE: &[&str] = &[
    "in", "into", "to", "at", "near", "across", "through", "throughout", "within", "inside",
    "outside", "around", "from", "on", "over", "off", "along", "toward", "towards", "via",
];

/// Words allowed between a preposition and its place ("in *the northern* city of ...").
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "the", "western", "eastern", "northern", "southern", "central", "north", "south", "east",
    "west", "northeastern", "northwestern", "southeastern", "southwestern", "northeast",
    "northwest", "southeast", "southwest", "rural", "downtown", "city", "town", "province",
    "region", "state", "of", "neighboring", "neighbouring", "nearby", "occupied", "parts",
];

#[rustfmt::skip]
const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
];

/// How far (bytes) a claim's own place, or its date, may be from the claim.
const REACH: usize = 160;
/// At most this many places are listed for one claim: the ones nearest to it.
pub(super) const MAX_PLACES: usize = 8;
/// At most this many nearest dates are weighed for one claim.
const MAX_DATES: usize = 8;

/// Per-sentence ranges of claims, places and dates, for bounded lookups per claim.
pub(super) struct SentenceIndex<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    claims: &'a [Claim],
    places: &'a [Place],
    dates: &'a [DateMention],
    claim_ranges: Vec<Range<usize>>,
    place_ranges: Vec<Range<usize>>,
    date_ranges: Vec<Range<usize>>,
}

impl<'a> SentenceIndex<'a> {
    pub fn new(
        text: &'a str,
        sentences: &'a [Sentence],
        claims: &'a [Claim],
        places: &'a [Place],
        dates: &'a [DateMention],
    ) -> SentenceIndex<'a> {
        let n = sentences.len();
        SentenceIndex {
            text,
            sentences,
            claims,
            places,
            dates,
            claim_ranges: ranges(n, claims.iter().map(|c| c.sentence)),
            place_ranges: ranges(n, places.iter().map(|p| p.sentence)),
            date_ranges: ranges(n, dates.iter().map(|d| d.sentence)),
        }
    }

    fn range(ranges: &[Range<usize>], sentence: usize) -> Range<usize> {
        ranges.get(sentence).cloned().unwrap_or(0..0)
    }

    /// Whether sentence `i` continues the paragraph of the one before it.
    fn continues_paragraph(&self, i: usize) -> bool {
        i > 0
            && i < self.sentences.len()
            && !self.text[self.sentences[i - 1].span.end..self.sentences[i].span.start]
                .contains('\n')
    }

    /// Byte offset of sentence `i`'s first comma (the end of an opening phrase), if any.
    fn first_comma(&self, i: usize) -> Option<usize> {
        let span = self.sentences.get(i)?.span;
        span.as_str(self.text).find(',').map(|c| span.start + c)
    }

    fn is_toponym(&self, i: usize) -> bool {
        self.places[i].kind != PlaceKind::Demonym
    }

    /// Up to `MAX_PLACES` places of `sentence` nearest to `at`, in text order; demonyms only
    /// when `demonyms`.
    fn nearest_places(&self, sentence: usize, at: Span, demonyms: bool) -> Vec<usize> {
        let range = Self::range(&self.place_ranges, sentence);
        let keep = |i: usize| demonyms || self.is_toponym(i);
        let split =
            range.start + self.places[range.clone()].partition_point(|p| p.span.start < at.start);
        let (mut left, mut right) = (split, split);
        let mut found = Vec::new();
        while found.len() < MAX_PLACES && (left > range.start || right < range.end) {
            let take_left = right >= range.end
                || (left > range.start
                    && gap(self.places[left - 1].span, at) <= gap(self.places[right].span, at));
            let i = if take_left {
                left -= 1;
                left
            } else {
                right += 1;
                right - 1
            };
            if keep(i) {
                found.push(i);
            }
        }
        found.sort_unstable();
        found
    }

    /// The places a claim is about: its sentence's toponyms, else the previous sentence's in the
    /// same paragraph, else its sentence's demonyms — the nearest `MAX_PLACES` of them.
    pub fn places_for(&self, claim: &Claim) -> Vec<usize> {
        let s = claim.sentence;
        let mut found = self.nearest_places(s, claim.span, false);
        if found.is_empty() && self.continues_paragraph(s) {
            found = self.nearest_places(s - 1, claim.span, false);
        }
        if found.is_empty() {
            found = self.nearest_places(s, claim.span, true);
        }
        found
    }

    /// The claim's own place: introduced by a locative preposition just after (or before) the
    /// claim, its possessor ("Kenya's economy grew by 5.6%"), or the place the sentence starts
    /// with ("Iraq has transferred 2,250 …").
    pub fn own_place(&self, claim: &Claim) -> Option<usize> {
        let text = self.text;
        let sentence = self.sentences.get(claim.sentence)?.span;
        let range = Self::range(&self.place_ranges, claim.sentence);
        let places = &self.places[range.clone()];
        // Toponyms within REACH of the claim, found by binary search.
        let lo = range.start + places.partition_point(|p| p.span.end + REACH < claim.span.start);
        let hi = range.start + places.partition_point(|p| p.span.start <= claim.span.end + REACH);
        let near = (lo..hi).filter(|&i| self.is_toponym(i));
        let introduced = |i: usize| {
            let p = &self.places[i];
            !after_according_to(text, sentence.start, p.span.start)
                && introduced_by_locative(text, sentence.start, p.span.start) == Some(true)
        };
        let after = near.clone().find(|&i| {
            let p = &self.places[i];
            p.span.start >= claim.span.end
                && !text[claim.span.end..p.span.start].contains(';')
                && introduced(i)
        });
        let before = || {
            near.clone()
                .rev()
                .find(|&i| self.places[i].span.end <= claim.span.start && introduced(i))
        };
        let possessive = || {
            near.clone().rev().find(|&i| {
                let p = &self.places[i];
                p.span.end <= claim.span.start && {
                    let between = &text[p.span.end..claim.span.start];
                    (between.starts_with("'s") || between.starts_with("’s"))
                        && !between.contains([',', ';'])
                }
            })
        };
        let subject = || {
            range
                .clone()
                .take(MAX_PLACES)
                .find(|&i| self.is_toponym(i))
                .filter(|&i| {
                    let lead = &text[sentence.start..self.places[i].span.start];
                    lead.len() <= 32
                        && lead
                            .split_whitespace()
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
    pub fn nearest_date(&self, claim: &Claim, cue: Option<Span>) -> Option<usize> {
        let text = self.text;
        let range = Self::range(&self.date_ranges, claim.sentence);
        if range.is_empty() {
            return None;
        }
        // The date right after the attribution's verb, if any (at most one: dates do not
        // overlap), found by binary search.
        let statement = cue.and_then(|cue| {
            let k =
                range.start + self.dates[range.clone()].partition_point(|d| d.span.start < cue.end);
            (k < range.end).then_some(k).filter(|&k| {
                let d = self.dates[k].span;
                d.start <= cue.end + 4 && {
                    let between = text[cue.end..d.start].trim();
                    between.is_empty() || between.eq_ignore_ascii_case("on")
                }
            })
        });
        // The few dates nearest to the claim, by binary search.
        let split = range.start
            + self.dates[range.clone()].partition_point(|d| d.span.start < claim.span.start);
        let lo = split.saturating_sub(MAX_DATES / 2).max(range.start);
        let hi = (split + MAX_DATES / 2).min(range.end);
        let near: Vec<usize> = (lo..hi).filter(|&i| Some(i) != statement).collect();
        // The statement's date ("said on Thursday") only when the sentence has nothing else.
        self.date_of_claim(claim, &near)
            .or(statement.filter(|_| range.len() == 1))
    }

    fn date_of_claim(&self, claim: &Claim, near: &[usize]) -> Option<usize> {
        let text = self.text;
        let distance = |i: usize| gap(self.dates[i].span, claim.span);
        let nearest =
            |candidates: &mut dyn Iterator<Item = usize>| candidates.min_by_key(|&i| distance(i));
        if let Some(i) = nearest(
            &mut near
                .iter()
                .copied()
                .filter(|&i| same_clause(text, self.dates[i].span, claim.span)),
        ) {
            return Some(i);
        }
        let opening = self.first_comma(claim.sentence);
        if let Some(opening_end) = opening.filter(|&e| e <= claim.span.start) {
            let range = Self::range(&self.date_ranges, claim.sentence);
            if let Some(i) = range
                .clone()
                .next()
                .filter(|&i| self.dates[i].span.end <= opening_end)
            {
                return Some(i);
            }
        }
        nearest(
            &mut near
                .iter()
                .copied()
                .filter(|&i| !self.dated_by_other_claim(i, claim)),
        )
    }

    /// True when date `i` lies in the clause of another claim of its sentence (the claims next
    /// to it on either side).
    fn dated_by_other_claim(&self, i: usize, claim: &Claim) -> bool {
        let text = self.text;
        let d = self.dates[i].span;
        let range = Self::range(&self.claim_ranges, claim.sentence);
        let split =
            range.start + self.claims[range.clone()].partition_point(|c| c.span.start < d.start);
        [split.checked_sub(1), Some(split)]
            .into_iter()
            .flatten()
            .filter(|&k| range.contains(&k))
            .map(|k| &self.claims[k])
            .any(|other| other.span != claim.span && same_clause(text, d, other.span))
    }
}

/// True when nothing but words lies between two spans of one sentence (no comma, semicolon,
/// dash or bracket), and they are at most `REACH` bytes apart.
fn same_clause(text: &str, a: Span, b: Span) -> bool {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    first.end >= second.start
        || (second.start - first.end <= REACH
            && !text[first.end..second.start].contains([',', ';', '—', '–', '(', ')']))
}

/// `Some(true)` when the words before `start` (not reaching back past `floor`) are a locative
/// preposition, possibly followed by "the", a direction or a head word; `Some(false)` for
/// "<direction> of" (a relative position: the place is a reference point, not the claim's place).
fn introduced_by_locative(text: &str, floor: usize, start: usize) -> Option<bool> {
    let head = window_before(text, floor, start, 48);
    // Read back from the place, word by word, without allocating: this runs for every place
    // near every claim.
    let mut words = head
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '“' | '"'))
        .filter(|w| !w.is_empty())
        .rev()
        .peekable();
    while let Some(w) = words.next() {
        if w.eq_ignore_ascii_case("of") && words.peek().is_some_and(|p| is_one_of(p, DIRECTIONS)) {
            return Some(false);
        }
        if is_one_of(w, LOCATIVE) {
            return Some(true);
        }
        if !is_one_of(w, BETWEEN) {
            return None;
        }
    }
    None
}

/// "according to the World Bank": a source, not a destination.
fn after_according_to(text: &str, floor: usize, start: usize) -> bool {
    let head = window_before(text, floor, start, 24).trim_end().as_bytes();
    let ends_with = |tail: &[u8]| {
        head.len() >= tail.len() && head[head.len() - tail.len()..].eq_ignore_ascii_case(tail)
    };
    ends_with(b"according to") || ends_with(b"according to the")
}

/// `word` is one of `words` (lower-case ASCII), ignoring ASCII case.
fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// At most `bytes` bytes of text before `start`, not before `floor`, on a char boundary.
fn window_before(text: &str, floor: usize, start: usize, bytes: usize) -> &str {
    let mut from = start.saturating_sub(bytes).max(floor);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..start]
}

fn is_modifier(word: &str) -> bool {
    is_one_of(word, BETWEEN)
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
