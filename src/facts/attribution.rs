//! Attribution: who a sentence's statements come from.
//!
//! Per sentence, the patterns of reported speech are matched on the words outside quotation
//! marks: "X said", "X, mayor of Y, said", "said X", "X told Y", "according to X". Then, across the
//! document, a quotation that runs over several sentences takes the attribution of the sentence
//! that closes it, pronouns ("he said") go to the nearest named speaker before them, and a surname
//! ("Maan") goes to the full name introduced earlier ("Saad Maan"), whose role it inherits.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::words::{Word, WordSet, in_set, word_set, words_kept};
use crate::sentences::Sentence;
use crate::span::Span;

/// Who a statement comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// Byte span of the speaker's mention: in the claim's sentence, or — for a pronoun or a
    /// quotation attributed elsewhere — where the speaker is named.
    pub span: Span,
    /// Index of the sentence holding `span`.
    pub sentence: usize,
    /// Byte span of the fullest mention of the speaker ("Saad Maan" for a later "Maan").
    pub name: Span,
    /// Byte span of the speaker's role or organisation, when the text gives it
    /// ("Security Media Cell spokesperson", "mayor of Anbar's al-Rutbah district").
    pub role: Option<Span>,
    /// Person, organisation or group.
    pub kind: SourceKind,
    /// Byte span of the words that mark the attribution ("said", "told", "according to").
    pub cue: Span,
}

/// What kind of speaker a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A named person ("Saad Maan").
    Person,
    /// A named organisation ("Iraq's National Security Service").
    Organization,
    /// An unnamed group ("local officials", "police").
    Group,
}

impl SourceKind {
    /// "person", "organization" or "group".
    pub const fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Group => "group",
        }
    }
}

/// The speaker a sentence's own words point at, before document-level resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Speaker {
    Named {
        span: Span,
        role: Option<Span>,
        kind: SourceKind,
    },
    Pronoun {
        span: Span,
        plural: bool,
    },
}

/// Verbs of saying, in the forms news uses for attribution.
static SPEECH_VERBS: WordSet = word_set![
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "announced",
    "announces",
    "added",
    "adds",
    "noted",
    "explained",
    "warned",
    "warns",
    "stressed",
    "emphasized",
    "emphasised",
    "confirmed",
    "confirms",
    "reported",
    "claimed",
    "insisted",
    "argued",
    "argues",
    "cautioned",
    "estimated",
    "wrote",
    "writes",
    "revealed",
    "disclosed",
    "acknowledged",
    "admitted",
    "declared",
    "asserted",
    "commented",
    "remarked",
    "observed",
    "indicated",
    "suggested",
    "predicted",
    "urged",
    "alleged",
    "testified",
    "recalled",
    "conceded",
    "maintained",
    "contended",
    "tweeted",
    "replied",
    "responded",
    "denied",
    "spoke",
    "showed",
    "shows",
    "show",
    "found",
    "asked",
    "recalled",
    "continued",
];

/// Words that open a subordinate clause: a speech verb after them is not the sentence's own
/// attribution ("Shares fell after the company reported weak sales").
static SUBORDINATORS: WordSet = word_set![
    "after", "before", "when", "because", "since", "while", "if", "although", "though", "as",
    "until", "unless", "whether", "once",
];

/// Prepositions inside a subject phrase ("officials *in* Texas", "the mayor *of* Kyiv").
static SUBJECT_PREPOSITIONS: WordSet =
    word_set!["in", "of", "for", "from", "at", "on", "with", "near"];

/// Words between a subject and its verb ("has also said", "reportedly told").
static AUXILIARIES: WordSet = word_set![
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "been",
    "also",
    "later",
    "previously",
    "earlier",
    "again",
    "then",
    "further",
    "would",
    "will",
    "did",
    "does",
    "do",
    "not",
    "once",
    "separately",
    "recently",
    "publicly",
    "officially",
];

static PRONOUNS_SINGULAR: WordSet = word_set!["he", "she", "i"];
static PRONOUNS_PLURAL: WordSet = word_set!["they", "we", "it"];

/// Name particles written in lower case inside names ("Saddam bin ...", "Ursula von der Leyen").
static PARTICLES: WordSet = word_set![
    "bin", "bint", "ibn", "al", "el", "de", "da", "di", "van", "von", "der", "den", "le", "du",
    "del", "dos", "abu",
];

/// Nouns that name a role; a capitalised run ending in one is a role, not a name.
static ROLE_WORDS: WordSet = word_set![
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "minister",
    "president",
    "mayor",
    "governor",
    "director",
    "chief",
    "head",
    "commander",
    "general",
    "secretary",
    "senator",
    "representative",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "official",
    "officer",
    "analyst",
    "economist",
    "professor",
    "leader",
    "judge",
    "prosecutor",
    "attorney",
    "lawyer",
    "member",
    "councillor",
    "councilor",
    "deputy",
    "founder",
    "manager",
    "coordinator",
    "researcher",
    "scientist",
    "expert",
    "editor",
    "correspondent",
    "reporter",
    "advisor",
    "adviser",
    "envoy",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "sheikh",
    "mp",
    "lawmaker",
    "legislator",
    "sen.",
    "gov.",
    "rep.",
    "gen.",
    "lt.",
    "col.",
    "capt.",
    "sgt.",
    "cmdr.",
    "adm.",
    "sen",
    "gov",
    "rep",
    "gen",
    "lt",
    "col",
    "capt",
    "sgt",
    "inspector",
    "superintendent",
    "sheriff",
    "detective",
    "pastor",
    "bishop",
    "imam",
    "rabbi",
    "candidate",
    "nominee",
    "strategist",
    "consultant",
    "owner",
    "president-elect",
    "vice",
    "assistant",
    "administrator",
    "commissioner",
    "supervisor",
    "trustee",
    "treasurer",
    "auditor",
    "agent",
];

/// Words that make a capitalised name an organisation.
static ORGANIZATION_WORDS: WordSet = word_set![
    "cell",
    "ministry",
    "service",
    "services",
    "council",
    "agency",
    "police",
    "army",
    "forces",
    "office",
    "department",
    "committee",
    "commission",
    "group",
    "bank",
    "institute",
    "university",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "association",
    "organization",
    "organisation",
    "authority",
    "administration",
    "government",
    "court",
    "network",
    "news",
    "times",
    "post",
    "bureau",
    "board",
    "center",
    "centre",
    "foundation",
    "union",
    "party",
    "coalition",
    "command",
    "fund",
    "programme",
    "program",
    "parliament",
    "congress",
    "senate",
    "cabinet",
    "media",
    "statistics",
    "survey",
    "observatory",
    "watch",
    "federation",
    "reuters",
    "ap",
    "afp",
    "club",
    "team",
    "league",
    "embassy",
    "mission",
    "unit",
    "directorate",
    "firm",
    "group's",
    "guard",
    "navy",
    "coast",
    "hospital",
    "school",
    "college",
    "society",
    "trust",
    "alliance",
    "front",
    "movement",
    "institution",
    "laboratory",
    "lab",
    "world",
    "international",
];

/// First words of an opener that comes before a sentence's subject ("Meanwhile,", "On Saturday,").
static INTRO_OPENERS: WordSet = word_set![
    "meanwhile",
    "however",
    "separately",
    "earlier",
    "later",
    "also",
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "since",
    "last",
    "this",
    "speaking",
    "addressing",
    "asked",
    "but",
    "still",
    "yesterday",
    "today",
    "now",
    "then",
    "according",
    "overall",
    "instead",
];
/// Longest opener, in tokens.
const MAX_INTRO_WORDS: usize = 6;
/// Longest "Name, role," subject, in tokens.
const MAX_APPOSITIVE_WORDS: usize = 40;
/// How far back a subject phrase may reach, in tokens.
const MAX_SUBJECT_WORDS: usize = 12;
/// How many sentences back a pronoun may find its speaker.
const PRONOUN_REACH: usize = 4;

/// The source of every sentence (`None` where the text gives none), resolved across the document.
pub(crate) fn sources(text: &str, sentences: &[Sentence]) -> Vec<Option<Source>> {
    sources_through(text, sentences, sentences.len().saturating_sub(1))
}

/// The sources of the sentences up to `last` (and perhaps a few after it): what a sentence's
/// source is depends only on the sentences before it and on the rest of its quotation, so the
/// sentences after the last one asked for — and after its quotation — are never read.
pub(crate) fn sources_through(
    text: &str,
    sentences: &[Sentence],
    last: usize,
) -> Vec<Option<Source>> {
    // Through `last`, and on while the quotation open there goes on: its end may name the
    // speaker.
    let mut depths = quotation_depths(text, sentences);
    let mut quoted: Vec<bool> = depths.by_ref().take(last + 1).collect();
    quoted.extend(depths.take_while(|&starts_inside| starts_inside));
    let end = quoted.len();
    let sentences = &sentences[..end];
    let quoted = &quoted[..];
    // Most sentences hold no word of attribution: one automaton scan tells, and only the others
    // are tokenized (their words outside quotation marks kept for the subjects below) and read.
    let mut tokens: Vec<Option<Vec<Word<'_>>>> = vec![None; end];
    let mut local: Vec<Option<(Speaker, Span)>> = vec![None; end];
    let mut cues = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        cues.clear();
        cue_words(text, sentence.span, &mut cues);
        if !cues.is_empty() {
            let words = outside_quotes(text, sentence, quoted[i]);
            local[i] = find(&words, &cues);
            tokens[i] = Some(words);
        }
    }
    share_within_quotations(quoted, &mut local);
    // Sentence subjects matter only as antecedents of a pronoun a few sentences later (or of
    // "it said" in the same sentence).
    let mut needs_lead = vec![false; end];
    for (j, found) in local.iter().enumerate() {
        if matches!(found, Some((Speaker::Pronoun { .. }, _))) {
            for flag in &mut needs_lead[j.saturating_sub(PRONOUN_REACH)..=j] {
                *flag = true;
            }
        }
    }
    let leads: Vec<Option<Speaker>> = needs_lead
        .iter()
        .zip(tokens)
        .enumerate()
        .map(|(i, (&needed, words))| {
            needed
                .then(|| {
                    let words =
                        words.unwrap_or_else(|| outside_quotes(text, &sentences[i], quoted[i]));
                    leading_subject(&words)
                })
                .flatten()
        })
        .collect();
    resolve(text, sentences, &local, &leads)
}

/// The words of `sentence` outside quotation marks (`starts_inside`: a quotation is open where
/// it starts). The marks themselves count as outside, so that "…,” said Maan" still sees its
/// quote.
fn outside_quotes<'t>(text: &'t str, sentence: &Sentence, starts_inside: bool) -> Vec<Word<'t>> {
    let mut inside = starts_inside;
    words_kept(sentence.span.as_str(text), sentence.span.start, |token| {
        match token {
            "“" | "«" => inside = true,
            "”" | "»" => inside = false,
            "\"" => inside = !inside,
            _ => return !inside,
        }
        true
    })
}

/// Finds any word that can mark an attribution (a speech verb, "according"), ignoring case.
static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        // Longest at each start: "shows" is found whole, not as "show" glued to an "s".
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(SPEECH_VERBS.iter().copied().chain(["according"]))
        .expect("the cue words build an automaton")
});

/// The spans of the cue words in `span` of `text`, in order: those not part of a longer ASCII
/// word ("said", not "unsaid"; "adds", not "padds"). A word of the sentence is a speech verb (or
/// "according") exactly when its span is one of them: the cues are ASCII letters only, so a match
/// glued to a word never hides a whole-word cue, and the longest match at a word's start is the
/// word itself when the word is a cue.
fn cue_words(text: &str, span: Span, cues: &mut Vec<Span>) {
    let sentence = span.as_str(text);
    let bytes = sentence.as_bytes();
    let glued = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
    cues.extend(
        CUES.find_iter(sentence)
            .filter(|m| {
                !glued(m.start().checked_sub(1).and_then(|i| bytes.get(i)))
                    && !glued(bytes.get(m.end()))
            })
            .map(|m| Span::new(span.start + m.start(), span.start + m.end())),
    );
}

/// For each sentence, whether it starts inside a quotation left open by the sentences before.
fn quotation_depths<'a>(
    text: &'a str,
    sentences: &'a [Sentence],
) -> impl Iterator<Item = bool> + 'a {
    let mut open = false;
    let mut previous_end = 0;
    sentences.iter().map(move |s| {
        // A paragraph break closes any quotation the writer left open.
        if text[previous_end..s.span.start].contains('\n') {
            open = false;
        }
        previous_end = s.span.end;
        let starts_inside = open;
        // Quotation marks are `"` or start with byte E2 (“ ”) or C2 (« »): jump between them.
        let bytes = s.span.as_str(text).as_bytes();
        for at in memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes) {
            match &bytes[at..bytes.len().min(at + 3)] {
                [b'"', ..] => open = !open,
                [0xE2, 0x80, 0x9C] | [0xC2, 0xAB, ..] => open = true,
                [0xE2, 0x80, 0x9D] | [0xC2, 0xBB, ..] => open = false,
                _ => {}
            }
        }
        starts_inside
    })
}

/// A quotation spanning sentences takes the attribution of whichever of its sentences has one
/// (usually the last: "…so far. Monitoring continues,” he said.").
fn share_within_quotations(starts_inside: &[bool], local: &mut [Option<(Speaker, Span)>]) {
    let mut i = 0;
    while i < local.len() {
        // A group: a sentence that ends inside a quotation, and the ones that continue it.
        let mut j = i;
        while j + 1 < local.len() && starts_inside[j + 1] {
            j += 1;
        }
        if j > i {
            if let Some(found) = (i..=j).rev().find_map(|k| local[k]) {
                for slot in &mut local[i..=j] {
                    slot.get_or_insert(found);
                }
            }
        }
        i = j + 1;
    }
}

/// The speaker and cue of one sentence, from its words outside quotation marks and the spans of
/// its cue words (from [`cue_words`], in order).
fn find(words: &[Word<'_>], cues: &[Span]) -> Option<(Speaker, Span)> {
    let mut according = None;
    let mut next_cue = cues.iter().peekable();
    for (v, w) in words.iter().enumerate() {
        // Words and cues are both in text order: skip the cues behind this word (inside a
        // quotation, or parts of a longer token such as "told-him").
        while next_cue.next_if(|c| c.start < w.span.start).is_some() {}
        if next_cue.next_if(|c| **c == w.span).is_none() {
            continue;
        }
        if w.is("according") {
            if words.get(v + 1).is_some_and(|t| t.is("to")) {
                according = according.or_else(|| {
                    let cue = w.span.cover(words[v + 1].span);
                    after_cue(words, v + 2).map(|speaker| (speaker, cue))
                });
            }
            continue;
        }
        if let Some(speaker) = subject_before(words, v).or_else(|| inverted_after(words, v)) {
            return Some((speaker, w.span));
        }
    }
    according
}

/// Verbs that may come before their subject ("…,” said Maan."); "told" never does.
static INVERTIBLE: WordSet = word_set![
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "noted",
    "warned",
    "stressed",
    "replied",
    "insisted",
    "asked",
    "recalled",
    "continued",
];

/// "…, said Maan." / "…,” said the ministry."
fn inverted_after(words: &[Word<'_>], v: usize) -> Option<Speaker> {
    let before = words.get(v.checked_sub(1)?)?;
    if !(before.text == "," || before.is_quote()) || !words[v].in_set(&INVERTIBLE) {
        return None;
    }
    after_cue(words, v + 1)
}

/// The phrase after "according to" or an inverted verb, up to the end of its clause.
fn after_cue(words: &[Word<'_>], start: usize) -> Option<Speaker> {
    let mut end = start;
    while end < words.len() && end - start < MAX_SUBJECT_WORDS {
        let w = &words[end];
        if matches!(w.text, "," | ";" | ":" | "." | "—" | "–" | "!" | "?") || w.is_quote() {
            break;
        }
        end += 1;
    }
    let mut first = start;
    while first < end && words[first].is_any(&["the", "a", "an"]) {
        first += 1;
    }
    if first >= end {
        return None;
    }
    if end - first == 1 {
        let w = &words[first];
        if w.in_set(&PRONOUNS_SINGULAR) || w.in_set(&PRONOUNS_PLURAL) {
            return Some(Speaker::Pronoun {
                span: w.span,
                plural: w.in_set(&PRONOUNS_PLURAL),
            });
        }
    }
    // Stop at a relative clause or a second verb phrase ("…, who spoke on condition …").
    let stop = (first..end)
        .find(|&k| words[k].is_any(&["who", "which", "that", "in", "on", "at"]) && k > first);
    let end = stop.unwrap_or(end);
    Some(named(words, first, end))
}

/// The subject of the verb at `v`: a name, a role and name, an appositive, a pronoun or a
/// phrase, read backwards from the verb.
fn subject_before(words: &[Word<'_>], v: usize) -> Option<Speaker> {
    let mut end = v; // exclusive end of the subject
    while end > 0 && (words[end - 1].in_set(&AUXILIARIES) || is_adverb(&words[end - 1])) {
        end -= 1;
    }
    let last = words.get(end.checked_sub(1)?)?;
    if last.in_set(&PRONOUNS_SINGULAR) || last.in_set(&PRONOUNS_PLURAL) {
        let clause_start = end == 1 || is_boundary(&words[end - 2]);
        return clause_start.then_some(Speaker::Pronoun {
            span: last.span,
            plural: last.in_set(&PRONOUNS_PLURAL),
        });
    }
    if matches!(last.text, "," | "—" | "–" | ")") {
        return appositive_subject(words, end - 1);
    }
    if is_name_word(last) {
        let mut start = end - 1;
        while start > 0 && end - start < MAX_SUBJECT_WORDS && is_name_word(&words[start - 1]) {
            start -= 1;
        }
        if start > 1 && words[start - 1].in_set(&SUBJECT_PREPOSITIONS) {
            // The name ends a longer subject: "Officials in Texas said".
            return phrase_before(words, end);
        }
        if start > 0 && words[start - 1].in_set(&SUBORDINATORS) {
            return None;
        }
        // A lower-case role noun before the name: "Media Cell spokesperson Saad Maan".
        if start > 0 && words[start - 1].in_set(&ROLE_WORDS) && !words[start - 1].is_capitalized() {
            let role_end = start;
            let mut role_start = start - 1;
            while role_start > 0
                && role_end - role_start < MAX_SUBJECT_WORDS
                && (is_name_word(&words[role_start - 1])
                    || words[role_start - 1].is_any(&["of", "and"]))
            {
                role_start -= 1;
            }
            let role = words[role_start].span.cover(words[role_end - 1].span);
            return Some(with_role(named(words, start, end), role));
        }
        return Some(named(words, start, end));
    }
    phrase_before(words, end)
}

/// A subject phrase ending at `end` and reaching back to its clause start: "Local officials in
/// Nineveh and Anbar provinces", "the health ministry". `None` inside a subordinate clause.
fn phrase_before(words: &[Word<'_>], end: usize) -> Option<Speaker> {
    let mut start = end;
    while start > 0 && end - start < MAX_SUBJECT_WORDS && !is_boundary(&words[start - 1]) {
        start -= 1;
    }
    let reaches_clause_start = start == 0 || is_boundary(&words[start - 1]);
    if start == end || !reaches_clause_start || end - start >= MAX_SUBJECT_WORDS {
        return None;
    }
    if start > 0 && words[start - 1].in_set(&SUBORDINATORS) {
        return None;
    }
    while start < end && words[start].is_any(&["but", "and", "so", "yet", "the", "a", "an"]) {
        start += 1;
    }
    (start < end).then(|| named(words, start, end))
}

/// "Imad al-Dulaimi, mayor of al-Rutbah district, said": the name at the clause start, and the
/// appositive after its comma as the role.
fn appositive_subject(words: &[Word<'_>], closing: usize) -> Option<Speaker> {
    // Skip a short opener ("Meanwhile,", "On Saturday,") before the subject.
    let mut start = 0;
    if words.first().is_some_and(|w| w.in_set(&INTRO_OPENERS)) {
        if let Some(comma) = words
            .iter()
            .take(MAX_INTRO_WORDS + 1)
            .position(|w| w.text == ",")
        {
            if comma < closing {
                start = comma + 1;
            }
        }
    }
    if closing > start + MAX_APPOSITIVE_WORDS {
        return None; // too long for "Name, role," before a verb: keeps the scan bounded
    }
    let mut end = start;
    while end < closing && is_name_word(&words[end]) {
        end += 1;
    }
    if end == start {
        // Role first, name in the appositive: "the chief executive, Mark Evans, told".
        let comma = (start..closing).find(|&k| words[k].text == ",")?;
        let name_end = closing;
        let name_start = comma + 1;
        if name_start >= name_end || !words[name_start..name_end].iter().all(is_name_word) {
            return None;
        }
        let mut role_start = start;
        while role_start < comma && words[role_start].is_any(&["the", "a", "an"]) {
            role_start += 1;
        }
        let speaker = named(words, name_start, name_end);
        return Some(if role_start < comma {
            with_role(speaker, words[role_start].span.cover(words[comma - 1].span))
        } else {
            speaker
        });
    }
    if end >= closing || !matches!(words[end].text, "," | "—" | "–" | "(") {
        return None;
    }
    let role_start = end + 1;
    let mut role_end = role_start;
    while role_end < closing && !matches!(words[role_end].text, "," | "—" | "–" | "(" | ")") {
        role_end += 1;
    }
    let speaker = named(words, start, end);
    if role_end > role_start {
        Some(with_role(
            speaker,
            words[role_start].span.cover(words[role_end - 1].span),
        ))
    } else {
        Some(speaker)
    }
}

/// A named speaker from `words[start..end]`, splitting a leading title or role off a person's
/// name ("Iraqi National Security Advisor Qasim al-Araji").
fn named(words: &[Word<'_>], start: usize, end: usize) -> Speaker {
    let phrase = &words[start..end];
    if let Some(r) = phrase.iter().rposition(|w| w.in_set(&ROLE_WORDS)) {
        let name = &phrase[r + 1..];
        if !name.is_empty() && kind_of(name) == SourceKind::Person {
            let role = phrase[0].span.cover(phrase[r].span);
            let span = name[0].span.cover(name[name.len() - 1].span);
            return Speaker::Named {
                span,
                role: Some(role),
                kind: SourceKind::Person,
            };
        }
    }
    let span = phrase[0].span.cover(phrase[phrase.len() - 1].span);
    Speaker::Named {
        span,
        role: None,
        kind: kind_of(phrase),
    }
}

/// The subject a sentence starts with, when it is a short phrase before a verb-like word
/// ("The airline carried …", "Energy minister Sarah Kent visited …"): an antecedent for later
/// pronouns, and the referent of "it said" in the same sentence.
fn leading_subject(words: &[Word<'_>]) -> Option<Speaker> {
    let mut i = 0;
    if words.first()?.in_set(&INTRO_OPENERS) {
        if let Some(comma) = words
            .iter()
            .take(MAX_INTRO_WORDS + 1)
            .position(|w| w.text == ",")
        {
            i = comma + 1;
        }
    }
    while i < words.len() && words[i].is_any(&["the", "a", "an"]) {
        i += 1;
    }
    let start = i;
    let mut end = start;
    while end < words.len()
        && end - start < MAX_INTRO_WORDS
        && words[end].is_word()
        && !looks_like_verb(&words[end])
    {
        end += 1;
    }
    let verb_follows = words.get(end).is_some_and(looks_like_verb);
    (end > start && verb_follows).then(|| named(words, start, end))
}

fn looks_like_verb(w: &Word<'_>) -> bool {
    !w.is_capitalized()
        && (w.in_set(&AUXILIARIES)
            || w.in_set(&SPEECH_VERBS)
            || (w.text.len() > 4 && w.text.ends_with("ed")))
}

fn with_role(speaker: Speaker, role: Span) -> Speaker {
    match speaker {
        Speaker::Named { span, kind, .. } => Speaker::Named {
            span,
            role: Some(role),
            kind,
        },
        other => other,
    }
}

fn kind_of(phrase: &[Word<'_>]) -> SourceKind {
    let any_capital = phrase.iter().any(Word::is_capitalized);
    let organisation = phrase.iter().any(|w| {
        let t = w.text.trim_end_matches(['\'', '’', 's']);
        w.in_set(&ORGANIZATION_WORDS)
            || in_set(t, &ORGANIZATION_WORDS)
            || (w.text.len() >= 2 && w.text.chars().all(|c| c.is_ascii_uppercase()))
    });
    if organisation {
        SourceKind::Organization
    } else if phrase.last().is_some_and(|w| w.in_set(&ROLE_WORDS)) {
        // "the mayor", "a UN official": one person, named by their role.
        SourceKind::Person
    } else if any_capital
        && phrase
            .iter()
            .filter(|w| w.is_word())
            .all(|w| is_name_word(w))
    {
        SourceKind::Person
    } else {
        SourceKind::Group
    }
}

/// A word that can be part of a proper name: capitalised, an "al-" form, or a particle.
fn is_name_word(w: &Word<'_>) -> bool {
    if !w.is_word() {
        return w.text == "(" || w.text == ")";
    }
    w.is_capitalized()
        || w.in_set(&PARTICLES)
        || w.text
            .split_once('-')
            .is_some_and(|(head, tail)| !tail.is_empty() && in_set(head, &PARTICLES))
}

fn is_adverb(w: &Word<'_>) -> bool {
    w.text.len() > 4 && w.text.ends_with("ly") && !w.is_capitalized()
}

/// Punctuation and conjunctions that end the clause a subject is read back through. ("and" is
/// not one: "officials in Nineveh and Anbar provinces" is one subject.)
fn is_boundary(w: &Word<'_>) -> bool {
    matches!(w.text, "," | ";" | ":" | "—" | "–" | "(" | ")")
        || w.is_quote()
        || w.is_any(&[
            "that", "but", "while", "as", "after", "when", "because", "if",
        ])
}

/// Document-level resolution: pronouns to the nearest named speaker, surnames to full names.
fn resolve(
    text: &str,
    sentences: &[Sentence],
    local: &[Option<(Speaker, Span)>],
    leads: &[Option<Speaker>],
) -> Vec<Option<Source>> {
    // Named speakers and sentence subjects seen so far, in order: antecedents for pronouns.
    let mut seen: Vec<Source> = Vec::new();
    // The latest multi-word person name by its last word: "Maan" → "Saad Maan".
    let mut by_surname: HashMap<&str, Source> = HashMap::new();
    let mut out = Vec::with_capacity(local.len());
    for (i, found) in local.iter().enumerate() {
        let named = |speaker: Speaker, cue: Span, by_surname: &HashMap<&str, Source>| match speaker
        {
            Speaker::Named { span, role, kind } => {
                let sentence = sentence_of(sentences, span).unwrap_or(i);
                let mut source = Source {
                    span,
                    sentence,
                    name: span,
                    role,
                    kind,
                    cue,
                };
                let full = by_surname.get(span.as_str(text)).filter(|f| f.name != span);
                if let Some(full) = full.filter(|_| kind == SourceKind::Person) {
                    source.name = full.name;
                    source.role = source.role.or(full.role);
                }
                Some(source)
            }
            Speaker::Pronoun { .. } => None,
        };
        let source = match *found {
            None => None,
            Some((Speaker::Pronoun { plural, .. }, cue)) => seen
                .iter()
                .rev()
                .take_while(|s| i.saturating_sub(s.sentence) <= PRONOUN_REACH)
                .find(|s| (s.kind == SourceKind::Person) != plural)
                .map(|s| Source { cue, ..*s })
                .or_else(|| {
                    // "The airline carried 4.5 million passengers, it said."
                    let lead = leads[i].filter(|l| {
                        plural && matches!(l, Speaker::Named { kind, .. } if *kind != SourceKind::Person)
                    })?;
                    named(lead, cue, &by_surname)
                }),
            Some((speaker, cue)) => named(speaker, cue, &by_surname),
        };
        match (source, found) {
            (Some(s), Some((Speaker::Named { .. }, _))) => {
                remember(text, s, &mut seen, &mut by_surname)
            }
            (None, None) => {
                // A person the sentence is about ("Minister Sarah Kent visited …") may be the
                // "she" of the next sentence.
                if let Some(
                    lead @ Speaker::Named {
                        kind: SourceKind::Person,
                        span,
                        ..
                    },
                ) = leads[i]
                {
                    if let Some(s) = named(lead, span, &by_surname) {
                        remember(text, s, &mut seen, &mut by_surname);
                    }
                }
            }
            _ => {}
        }
        out.push(source);
    }
    out
}

/// Keeps `s` as an antecedent for pronouns, and a person's full name for later surnames.
fn remember<'t>(
    text: &'t str,
    s: Source,
    seen: &mut Vec<Source>,
    by_surname: &mut HashMap<&'t str, Source>,
) {
    if s.kind == SourceKind::Person {
        if let Some((_, surname)) = s.name.as_str(text).rsplit_once(' ') {
            by_surname.insert(surname, s);
        }
    }
    seen.push(s);
}

fn sentence_of(sentences: &[Sentence], span: Span) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= span.start);
    sentences
        .get(i)
        .filter(|s| s.span.contains(span))
        .map(|s| s.index)
}
