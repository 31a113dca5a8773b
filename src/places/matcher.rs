//! Candidate mentions: the longest gazetteer names starting at capitalised words, and
//! place-shaped phrases the gazetteer lacks ("the Hazar area", "the Tigris River").
//!
//! Each start word is extended by at most [`MAX_WORDS`] words, so the pass is linear in the
//! length of the text.

use crate::places::lexicon::{self, Head};
use crate::places::tokens::Token;
use crate::span::Span;

/// Where a key was found: in the embedded gazetteer, among the user's extra places, or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameRef {
    /// Key number in the gazetteer.
    pub gazetteer: Option<usize>,
    /// Key number among the user's extra places.
    pub user: Option<usize>,
}

/// A name index the matcher can search.
pub trait Names<'k> {
    /// Where `key` is found, if anywhere, and whether some longer name starts with `key` and a
    /// space.
    fn lookup(&self, key: &str) -> (Option<NameRef>, bool);

    /// Like [`Names::lookup`], for one word of the text (which may be remembered).
    fn lookup_word(&self, t: &Token<'k>) -> (Option<NameRef>, bool) {
        self.lookup(t.key)
    }
}

/// The most words a gazetteer name may have.
pub const MAX_WORDS: usize = 6;

/// A candidate mention.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// First and one-past-last token.
    pub first: usize,
    /// One past the last token of the name.
    pub last: usize,
    /// Bytes of the name.
    pub span: Span,
    /// The names this mention matched, or `None` for a place-shaped mention the gazetteer lacks.
    pub key: Option<NameRef>,
    /// The trailing head word, if one follows ("province").
    pub head: Option<Head>,
    /// A street ("Main Street"), which the gazetteer never has.
    pub street: bool,
}

/// Whether the text between two words lets a name run on ("New York", "al-Rutbah",
/// "St. Louis", "Washington, D.C.").
fn joinable(gap: &str) -> bool {
    !gap.is_empty()
        && gap.len() <= 3
        && gap
            .chars()
            .all(|c| c == ' ' || c == '-' || c == '.' || c == ',' || c == '\u{a0}' || c == '‑')
        && gap.matches(',').count() <= 1
}

pub(crate) fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 0
}

/// The gap between token `i` and token `i + 1`.
pub(crate) fn gap<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    match (tokens.get(i), tokens.get(i + 1)) {
        (Some(a), Some(b)) if a.sentence == b.sentence && !a.possessive => {
            text.get(a.span.end..b.span.start).unwrap_or("")
        }
        _ => "",
    }
}

/// All candidates, left to right, not overlapping (the longest name wins at each start).
pub fn candidates<'k>(text: &str, tokens: &[Token<'k>], names: &dyn Names<'k>) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(tokens.len() / 16 + 4);
    let mut key = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let upper = t.upper;
        let particle = !upper
            && t.key.len() <= 5
            && tokens.get(i + 1).is_some_and(|n| n.upper)
            && matches!(gap(text, tokens, i), "-" | " ")
            && lexicon::PARTICLES.contains(t.key);
        if !upper && !particle {
            i += 1;
            continue;
        }
        // "The", "He", "In" open sentences; only "The Hague"-like names need a lookup.
        if upper
            && t.key.len() <= 7
            && !tokens
                .get(i + 1)
                .is_some_and(|n| n.sentence == t.sentence && n.upper)
            && lexicon::FUNCTION_WORDS.contains(t.key)
        {
            i += 1;
            continue;
        }
        if upper && let Some(c) = street_at(text, tokens, i) {
            i = c.last;
            out.push(c);
            continue;
        }
        key.clear();
        let mut best: Option<(usize, NameRef)> = None; // (last, names)
        let mut shorter: Option<(usize, NameRef)> = None;
        for j in i..tokens.len().min(i + MAX_WORDS) {
            if j > i {
                let g = gap(text, tokens, j - 1);
                if !joinable(g) {
                    break;
                }
                key.push(' ');
            }
            key.push_str(tokens[j].key);
            // A name ends on a capitalised word or a code ("Gaza Strip", "D.C."), not on
            // "province" or "area" (those are heads, outside the span).
            // Names repeat within a text: single words are looked up once.
            let (found, longer) = if j == i {
                names.lookup_word(&tokens[i])
            } else {
                names.lookup(&key)
            };
            if let Some(k) = found
                && (j == i || tokens[j].upper || tokens[j].key.len() == 1)
            {
                shorter = best;
                best = Some((j + 1, k));
            }
            if tokens[j].possessive || !longer {
                break;
            }
        }
        // "Dublin City Council": "City" starts the organisation's name, not the place's.
        if let (Some((last, _)), Some(_)) = (best, shorter)
            && last - i > 1
            && tokens[last - 1].key == "city"
            && tokens.get(last).is_some_and(|t| t.upper)
            && gap(text, tokens, last - 1) == " "
        {
            best = shorter;
        }
        // "Washington, D.C.": a place and the division it is in are two mentions, as in
        // "Alexandria, La.".
        if let (Some((last, _)), Some((short, _))) = (best, shorter)
            && (short..last).any(|j| gap(text, tokens, j - 1).contains(','))
        {
            best = shorter;
        }
        if let Some((last, k)) = best {
            let span = Span::new(tokens[i].span.start, tokens[last - 1].span.end);
            let span = extend_period(text, span);
            out.push(Candidate {
                first: i,
                last,
                span,
                key: Some(k),
                head: head_after(text, tokens, last),
                street: false,
            });
            i = last;
        } else if upper {
            if let Some(c) = unknown_at(text, tokens, i) {
                i = c.last;
                out.push(c);
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `key` is a street suffix that ends a street's name ("Main Street", "Grand Ave.").
fn is_street_suffix(key: &str) -> bool {
    matches!(
        key,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "lane"
            | "parkway"
            | "pkwy"
            | "terrace"
            | "pike"
            | "drive"
            | "circle"
            | "trail"
            | "square"
            | "plaza"
    )
}

/// "Main Street", "Martin Luther King Jr. Boulevard", "Grand Ave.": up to three capitalised
/// words and a capitalised street suffix. News corpora annotate streets as places; the
/// gazetteer has none, so they are reported as unknown places.
fn street_at(text: &str, tokens: &[Token], i: usize) -> Option<Candidate> {
    let sentence = tokens[i].sentence;
    for j in i + 1..tokens.len().min(i + 4) {
        let t = &tokens[j];
        if t.sentence != sentence || !t.upper {
            return None;
        }
        let g = gap(text, tokens, j - 1);
        if !matches!(g, " " | ". ") {
            return None;
        }
        if is_street_suffix(t.key) {
            let short = matches!(t.key, "st" | "ave" | "rd" | "blvd" | "pkwy");
            let abbreviated = short && text[t.span.end..].starts_with('.');
            if short && !abbreviated {
                return None; // "St" without its period is likely a saint
            }
            let end = if abbreviated {
                t.span.end + 1
            } else {
                t.span.end
            };
            return Some(Candidate {
                first: i,
                last: j + 1,
                span: Span::new(tokens[i].span.start, end),
                key: None,
                head: None,
                street: true,
            });
        }
    }
    None
}

/// Includes the closing period of a dotted abbreviation ("U.S.", "D.C.", "W.Va.") in the span,
/// but not a full stop after a name that only starts with one ("St. Louis.").
fn extend_period(text: &str, span: Span) -> Span {
    let s = span.as_str(text);
    let last_word = s.rsplit(['.', ' ']).next().unwrap_or("");
    if s.contains('.') && last_word.len() <= 3 && text[span.end..].starts_with('.') {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}

/// The head word right after token `last - 1`, if any ("Nineveh province").
pub(crate) fn head_after(text: &str, tokens: &[Token], last: usize) -> Option<Head> {
    let t = tokens.get(last)?;
    if last == 0 || !matches!(gap(text, tokens, last - 1), " " | "-") {
        return None;
    }
    lexicon::trailing_head(t.key)
}

/// A run of capitalised words the gazetteer lacks that is shaped like a place: followed by a
/// lower-case head ("the Hazar area" → "Hazar") or ending in a capitalised name head ("Tigris
/// River", "Lake Erie").
fn unknown_at(text: &str, tokens: &[Token], i: usize) -> Option<Candidate> {
    let c = unknown_shape(text, tokens, i)?;
    // "World Bank", "Port Authority": organisations, not places the gazetteer lacks ("Left
    // Bank" is a place).
    let organisation = (c.first..c.last).any(|k| {
        lexicon::ORGANISATION_WORDS.contains(tokens[k].key) && !side_bank(tokens, c.first, k)
    });
    (!organisation).then_some(c)
}

/// "Left Bank", "West Bank": token `k` is "bank" after a side or direction, within a run from
/// token `first`.
fn side_bank(tokens: &[Token], first: usize, k: usize) -> bool {
    tokens[k].key == "bank" && k > first && lexicon::bank_is_place(tokens[k - 1].key)
}

/// The place-shaped run starting at token `i`, organisation or not.
fn unknown_shape(text: &str, tokens: &[Token], i: usize) -> Option<Candidate> {
    let mut j = i;
    while j < tokens.len() && j < i + 4 {
        if !tokens[j].upper {
            break;
        }
        if j > i && !matches!(gap(text, tokens, j - 1), " " | "-") {
            break;
        }
        j += 1;
        if tokens[j - 1].possessive {
            break;
        }
    }
    if j == i || lexicon::contains(&lexicon::FUNCTION_WORDS, tokens[i].key) {
        return None;
    }
    // "Lake Erie", "Mount Sinjar": a leading head plus one or two names; "Tigris River": a name
    // and a capitalised name head after it.
    if j > i + 1
        && (lexicon::contains(&lexicon::LEADING_NAME_HEADS, tokens[i].key)
            || lexicon::contains(&lexicon::NAME_HEADS, tokens[j - 1].key)
            || side_bank(tokens, i, j - 1))
    {
        return Some(Candidate {
            first: i,
            last: j,
            span: Span::new(tokens[i].span.start, tokens[j - 1].span.end),
            key: None,
            head: None,
            street: false,
        });
    }
    // "the Hazar area": a lower-case head follows.
    let head = head_after(text, tokens, j)?;
    let next_upper = tokens.get(j).is_some_and(|t| t.upper);
    if next_upper || tokens[j - 1].possessive {
        return None;
    }
    Some(Candidate {
        first: i,
        last: j,
        span: Span::new(tokens[i].span.start, tokens[j - 1].span.end),
        key: None,
        head: Some(head),
        street: false,
    })
}
