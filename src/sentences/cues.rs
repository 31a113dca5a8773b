//! Which Latin-script language a stretch of text is in, from a bounded window of it.
//!
//! English is the default, and callers forget `lang=`: news feeds mix languages, and quotes and
//! names from other languages turn up in English text. The English rules misread other
//! languages' periods (`Srta. Ledesma`, `am 12. Juni`, `meteor. si è`), so at the few
//! boundaries where another language would decide differently (see [`foreign`](super::foreign))
//! the English profile asks which language the words around the boundary are in.
//!
//! The cue is cheap and local. Each word of a window of a few dozen bytes around the period,
//! kept within the sentence (a feed may change language from one sentence to the next), votes
//! for the languages whose lists have it (the `[starters]` and `[cues]` of
//! `data/abbreviations/`) or whose `[letters]` it is written with (`æ`, `ł`, `ñ`, `¿`). A word
//! English has votes for English only, so a shared word (`in`, `a`, `was`) never makes English
//! text look foreign. A foreign language wins only with more votes than English; when several
//! tie, the caller accepts a reading only if all of them agree.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::lexicon::{FastHash, Lexicon, MAX_LEN, with_lowercase};
use super::words;
use crate::lang::Lang;

/// The languages the cue tells apart: English first, then the Latin-script languages with
/// lexicons of their own.
const LANGS: [Lang; 9] = [
    Lang::English,
    Lang::Danish,
    Lang::Dutch,
    Lang::French,
    Lang::German,
    Lang::Italian,
    Lang::Polish,
    Lang::Slovak,
    Lang::Spanish,
];

/// How far before a boundary the cue looks, in bytes.
pub(super) const BEFORE: usize = 64;
/// How far after a boundary the cue looks, in bytes.
pub(super) const AFTER: usize = 48;

/// A set of [`LANGS`], by index.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct LangSet(u16);

impl LangSet {
    const ENGLISH: LangSet = LangSet(1);

    fn of(index: usize) -> LangSet {
        LangSet(1 << index)
    }

    /// The languages of both sets.
    pub(super) fn union(self, other: LangSet) -> LangSet {
        LangSet(self.0 | other.0)
    }

    /// True when the set holds no language.
    pub(super) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The languages in the set.
    pub(super) fn langs(self) -> impl Iterator<Item = Lang> {
        LANGS
            .into_iter()
            .enumerate()
            .filter(move |&(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, lang)| lang)
    }
}

/// The votes of the words in a window.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Votes([u16; LANGS.len()]);

impl Votes {
    /// One vote for each language of `langs`.
    pub(super) fn add(&mut self, langs: LangSet) {
        let mut bits = langs.0;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(votes) = self.0.get_mut(i) {
                *votes = votes.saturating_add(1);
            }
        }
    }

    /// The foreign languages with the most votes, if they have more than English (and at
    /// least one); empty when the text looks English or says nothing.
    pub(super) fn foreign(&self) -> LangSet {
        let english = self.0[0];
        let best = self.0[1..].iter().copied().max().unwrap_or(0);
        if best == 0 || best <= english {
            return LangSet::default();
        }
        let mut winners = LangSet::default();
        for (i, &votes) in self.0.iter().enumerate().skip(1) {
            if votes == best {
                winners = winners.union(LangSet::of(i));
            }
        }
        winners
    }
}

/// The cue tables, built once from the built-in lexicons.
pub(super) struct Cues {
    /// Lower-cased word → the languages it is evidence of.
    words: HashMap<String, LangSet, FastHash>,
    /// Length in bytes of the longest key of `words`: longer words are not looked up.
    longest_word: usize,
    /// A bit per hash of the keys of `words`, like `abbreviation_filter`: most words of a
    /// window are not function words and are ruled out without a table lookup.
    word_filter: Filter,
    /// Letter (lower case) or mark (`¿`) → the languages that write it.
    letters: HashMap<char, LangSet, FastHash>,
    /// Abbreviations of the foreign languages that English does not list → their languages.
    abbreviations: HashMap<String, LangSet, FastHash>,
    /// A bit per hash of the keys of `abbreviations` (see [`filter_bit`]): most words before
    /// a period are ruled out by one bit test, without lower-casing or a table lookup. This
    /// runs once per sentence, so it has to be cheap.
    abbreviation_filter: Filter,
    /// The lexicons of [`LANGS`], by index.
    lexicons: Vec<Lexicon>,
}

impl Cues {
    /// The shared tables (built on first use).
    pub(super) fn get() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(Cues::build)
    }

    fn build() -> Cues {
        let lexicons: Vec<Lexicon> = LANGS.iter().map(|&l| Lexicon::builtin(l)).collect();
        let english = &lexicons[0];
        let mut words: HashMap<String, LangSet, FastHash> = HashMap::default();
        for word in english
            .starters()
            .chain(english.cue_words.iter().map(String::as_str))
        {
            words.insert(word.to_string(), LangSet::ENGLISH);
        }
        let mut letters: HashMap<char, LangSet, FastHash> = HashMap::default();
        let mut abbreviations: HashMap<String, LangSet, FastHash> = HashMap::default();
        for (i, lexicon) in lexicons.iter().enumerate().skip(1) {
            let lang = LangSet::of(i);
            for word in lexicon
                .starters()
                .chain(lexicon.cue_words.iter().map(String::as_str))
            {
                let entry = words.entry(word.to_string()).or_default();
                if *entry != LangSet::ENGLISH {
                    *entry = entry.union(lang);
                }
            }
            for &letter in &lexicon.letters {
                let entry = letters.entry(letter).or_default();
                *entry = entry.union(lang);
            }
            for key in lexicon.abbreviations.keys() {
                if english.abbreviations.get(key).is_none() {
                    let entry = abbreviations.entry(key.to_string()).or_default();
                    *entry = entry.union(lang);
                }
            }
        }
        let abbreviation_filter = Filter::of(abbreviations.keys());
        let longest_word = words.keys().map(String::len).max().unwrap_or(0);
        let word_filter = Filter::of(words.keys());
        Cues {
            longest_word,
            word_filter,
            words,
            letters,
            abbreviations,
            abbreviation_filter,
            lexicons,
        }
    }

    /// The built-in lexicon of `lang`, one of the languages the cue knows.
    pub(super) fn lexicon(&self, lang: Lang) -> Option<&Lexicon> {
        let i = LANGS.iter().position(|&l| l == lang)?;
        self.lexicons.get(i)
    }

    /// The foreign languages that list `word` (the word before a period, any case) as an
    /// abbreviation and English does not. A word after an elided article is looked up on its
    /// own as well (`l'Avv`, `dell'Ing`).
    ///
    /// This runs once per sentence of English text, so plain ASCII words (nearly all) are
    /// first tested against a bit filter, in one pass over their bytes.
    pub(super) fn abbreviation(&self, word: &str) -> LangSet {
        if word.len() > 8 && !word.bytes().any(|b| b == b'\'' || b == 0xE2) {
            // No abbreviation is that long (checked by a test): only the part after an
            // elided article (`'` or `’`, whose first byte is 0xE2) could be one.
            return LangSet::default();
        }
        if let Some(bit) = filter_bit(word) {
            if !self.abbreviation_filter.has(bit) {
                return LangSet::default();
            }
            return self.lookup_abbreviation(word);
        }
        let bare = word.trim_start_matches(['\'', '’']);
        let mut langs = self.lookup_abbreviation(bare);
        if let Some(after) = words::after_elision(bare) {
            langs = langs.union(self.lookup_abbreviation(after));
        }
        langs
    }

    fn lookup_abbreviation(&self, word: &str) -> LangSet {
        if word.is_empty() || word.len() > MAX_LEN {
            return LangSet::default();
        }
        with_lowercase(word, |lower| {
            self.abbreviations.get(lower).copied().unwrap_or_default()
        })
    }

    /// The languages whose lists have `word` (any case, without the punctuation or clitic
    /// that may trail it: `it's`, `He,`).
    fn listed(&self, word: &str) -> Option<LangSet> {
        let word = word.split(['\'', '’']).next().unwrap_or(word);
        let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
        self.lookup_word(word)
    }

    /// The languages whose lists have `word` exactly (any case).
    fn lookup_word(&self, word: &str) -> Option<LangSet> {
        if word.is_empty() || word.len() > self.longest_word {
            return None;
        }
        if let Some(bit) = filter_bit(word)
            && !self.word_filter.has(bit)
        {
            return None;
        }
        with_lowercase(word, |lower| self.words.get(lower).copied())
    }

    /// True when `word` is one of the English words the cue knows (`the`, `said`).
    pub(super) fn is_english(&self, word: &str) -> bool {
        self.listed(word) == Some(LangSet::ENGLISH)
    }

    /// True when `word` is a word of another language's lists and not an English one.
    pub(super) fn is_foreign(&self, word: &str) -> bool {
        self.listed(word)
            .is_some_and(|langs| !langs.is_empty() && langs != LangSet::ENGLISH)
    }

    /// Adds the votes of the words of `window` to `votes`. Single letters do not vote.
    pub(super) fn vote(&self, window: &str, votes: &mut Votes) {
        let bytes = window.as_bytes();
        let mut word_start = None;
        let mut marks = LangSet::default();
        let mut next = 0;
        while next <= bytes.len() {
            // The char at `pos`, decoded only when it is not ASCII (rare in these windows); a
            // space after the end closes the last word.
            let pos = next;
            let c = match bytes.get(pos) {
                None => ' ',
                Some(&b) if b.is_ascii() => char::from(b),
                Some(_) => match window.get(pos..).and_then(|rest| rest.chars().next()) {
                    Some(c) => c,
                    None => break,
                },
            };
            next = pos + c.len_utf8();
            if c.is_alphabetic() {
                word_start.get_or_insert(pos);
                if !c.is_ascii() {
                    let lower = c.to_lowercase().next().unwrap_or(c);
                    marks = marks.union(self.letters.get(&lower).copied().unwrap_or_default());
                }
                continue;
            }
            if !c.is_ascii()
                && let Some(&langs) = self.letters.get(&c)
            {
                // `¿` `¡`: punctuation only one language writes.
                votes.add(langs);
            }
            let Some(start) = word_start.take() else {
                continue;
            };
            let word = &window[start..pos];
            if word.chars().nth(1).is_none() || c == ')' {
                // Single letters are initials, labels and symbols as often as words, and a
                // word before a bracket is a label (`vi)` is a Roman six, not Danish "we").
                marks = LangSet::default();
                continue;
            }
            let listed = self.lookup_word(word);
            match listed {
                Some(LangSet::ENGLISH) => votes.add(LangSet::ENGLISH),
                Some(langs) => votes.add(langs.union(marks)),
                None => votes.add(marks),
            }
            marks = LangSet::default();
        }
    }
}

/// A set of [`filter_bit`]s: a word whose bit is not in it is not a key of its table.
struct Filter(Box<[u64; FILTER_BITS / 64]>);

/// Bits in a [`Filter`]: 8192 for several hundred keys, so few other words pass.
const FILTER_BITS: usize = 1 << 13;

impl Filter {
    /// The filter of the plain keys among `keys` (the others are looked up without it).
    fn of<'k>(keys: impl Iterator<Item = &'k String>) -> Filter {
        let mut words = Box::new([0u64; FILTER_BITS / 64]);
        for bit in keys.filter_map(|key| filter_bit(key)) {
            if let Some(word) = words.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
        Filter(words)
    }

    fn has(&self, bit: usize) -> bool {
        self.0
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }
}

/// The filter bit of a short plain word (at most eight ASCII bytes, no apostrophe), the same
/// in any case: a hash of its bytes, read as one integer. `None` for other words, which are
/// looked up without the filter.
fn filter_bit(word: &str) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let bytes = word.as_bytes();
    if bytes.len() > 8 {
        return None;
    }
    let mut chunk = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        chunk |= u64::from(b) << (8 * i);
    }
    // Any non-ASCII byte, or an apostrophe (the classic "has zero byte" test on chunk ^ '\'').
    let quote = chunk ^ (ONES * u64::from(b'\''));
    let apostrophe = quote.wrapping_sub(ONES) & !quote & HIGH;
    if chunk & HIGH != 0 || apostrophe != 0 {
        return None;
    }
    // `| 0x20` lower-cases ASCII letters and leaves digits and `.` `-` as they are; the
    // padding becomes spaces, which a word never holds, so lengths stay apart.
    let key = chunk | (ONES * 0x20);
    Some((key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - FILTER_BITS.trailing_zeros())) as usize)
}

/// Up to [`BEFORE`] bytes of `text` ending at byte `end`, not before byte `floor` (the start of
/// the sentence: the sentence before may be in another language), without a word cut in two
/// at the start.
pub(super) fn window_before(text: &str, floor: usize, end: usize) -> &str {
    let mut start = end.saturating_sub(BEFORE).max(floor).min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let window = &text[start..end];
    if start == 0 || start == floor || text[..start].ends_with(char::is_whitespace) {
        return window;
    }
    match window.find(char::is_whitespace) {
        Some(space) => &window[space..],
        None => "",
    }
}

/// Up to [`AFTER`] bytes of `text` starting at byte `start`, up to the first `.` `!` or `?`
/// before a space (the sentence after may be in another language), without a word cut in two
/// at the end.
pub(super) fn window_after(text: &str, start: usize) -> &str {
    let mut end = (start + AFTER).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[start..end];
    let bytes = window.as_bytes();
    let stop = bytes
        .windows(2)
        .position(|pair| matches!(pair[0], b'.' | b'!' | b'?') && pair[1].is_ascii_whitespace());
    if let Some(stop) = stop {
        return &window[..stop];
    }
    if end == text.len() || text[end..].starts_with(char::is_whitespace) {
        return window;
    }
    match window.rfind(char::is_whitespace) {
        Some(space) => &window[..space],
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(text: &str) -> Vec<Lang> {
        let mut votes = Votes::default();
        Cues::get().vote(text, &mut votes);
        votes.foreign().langs().collect()
    }

    #[test]
    fn recognises_languages_by_words_and_letters() {
        assert_eq!(language("Hvad med dig, og hvor er du?"), [Lang::Danish]);
        assert_eq!(language("¿Dónde está el señor?"), [Lang::Spanish]);
        assert_eq!(language("Die Sitzung ist über"), [Lang::German]);
        assert_eq!(language("Ona była w domu"), [Lang::Polish]);
        assert_eq!(language("Podpísali ju včera a je platná"), [Lang::Slovak]);
        assert_eq!(language("Il treno della sera è partito"), [Lang::Italian]);
    }

    #[test]
    fn english_words_keep_text_english() {
        assert!(language("The mayor of San José said on Monday that it was").is_empty());
        assert!(language("He met Peter van der Berg in the hall").is_empty());
        assert!(language("").is_empty());
        assert!(language("W. Smith").is_empty());
        assert!(language("(v) Hello world.\n(vi) Hello world.").is_empty());
    }

    #[test]
    fn foreign_abbreviations_english_lacks() {
        let cues = Cues::get();
        assert!(cues.abbreviation("Srta").langs().eq([Lang::Spanish]));
        assert!(cues.abbreviation("bl.a").langs().eq([Lang::Danish]));
        assert!(cues.abbreviation("Mr").is_empty());
        assert!(cues.abbreviation("house").is_empty());
    }

    #[test]
    fn plain_abbreviations_are_short_enough_for_the_filter() {
        let cues = Cues::get();
        for key in cues.abbreviations.keys() {
            assert!(
                key.len() <= 8,
                "{key} is too long for the abbreviation filter"
            );
            assert!(!cues.abbreviation(key).is_empty(), "{key}");
            assert!(!cues.abbreviation(&key.to_uppercase()).is_empty(), "{key}");
        }
    }

    #[test]
    fn the_word_filter_lets_every_listed_word_through() {
        let cues = Cues::get();
        for (key, &langs) in &cues.words {
            assert_eq!(cues.lookup_word(key), Some(langs), "{key}");
            let capitalised: String = key
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(key.chars().skip(1))
                .collect();
            assert_eq!(cues.lookup_word(&capitalised), Some(langs), "{key}");
        }
    }

    #[test]
    fn windows_are_bounded_and_keep_whole_words() {
        let text = "word ".repeat(100);
        let before = window_before(&text, 0, text.len());
        assert!(before.len() <= BEFORE && before.trim_start().starts_with("word"));
        let after = window_after(&text, 0);
        assert!(after.len() <= AFTER && after.trim_end().ends_with("word"));
        let unicode = "żółw ".repeat(40);
        for i in (0..unicode.len()).filter(|&i| unicode.is_char_boundary(i)) {
            let _ = window_before(&unicode, 0, i);
            let _ = window_before(&unicode, i / 2, i);
            let _ = window_after(&unicode, i);
        }
    }
}
