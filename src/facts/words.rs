//! A small word tokenizer for sentence-level patterns: words with their spans, punctuation apart.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::hash::FastHash;
use crate::span::Span;

/// One token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word<'t> {
    /// The token as written.
    pub text: &'t str,
    /// Byte span in the document.
    pub span: Span,
}

impl Word<'_> {
    /// True for a word (letters or digits), false for punctuation.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Starts with an upper-case letter ("Maan", "US-led").
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Equal to `word`, ignoring ASCII case.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// One of `words`, ignoring ASCII case.
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    /// In `set`, ignoring ASCII case.
    pub fn in_set(&self, set: &WordSet) -> bool {
        in_set(self.text, set)
    }

    /// True for opening or closing quotation marks.
    pub fn is_quote(&self) -> bool {
        matches!(self.text, "\"" | "“" | "”" | "‘" | "’" | "«" | "»" | "'")
    }
}

/// A set of lower-case ASCII words, built on first use.
pub(crate) type WordSet = LazyLock<Words>;

/// `word_set!["said", "told", ...]`: a [`WordSet`] of the given words (lower-case ASCII).
macro_rules! word_set {
    ($($word:literal),* $(,)?) => {
        std::sync::LazyLock::new(|| $crate::facts::words::Words::new(&[$($word),*]))
    };
}
pub(crate) use word_set;

/// The words of a [`WordSet`], behind a filter by length and first letter that turns most
/// other words away before any hashing (sets are probed for nearly every word of a sentence).
pub(crate) struct Words {
    /// Bit `n` set when some word is `n` bytes long.
    lengths: u32,
    /// Bit `k` set when some word starts with the `k`-th letter; all set when one starts with
    /// something else.
    firsts: u32,
    set: HashSet<&'static str, FastHash>,
}

impl Words {
    pub fn new(words: &[&'static str]) -> Words {
        let mut lengths = 0;
        let mut firsts = 0;
        for word in words {
            lengths |= 1u32.checked_shl(word.len() as u32).unwrap_or(0);
            firsts |= first_letter_bit(word.as_bytes()).unwrap_or(u32::MAX);
        }
        Words {
            lengths,
            firsts,
            set: words.iter().copied().collect(),
        }
    }

    /// The words, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.set.iter()
    }

    /// Whether `word` may be in the set: false means it is not.
    fn may_contain(&self, word: &[u8]) -> bool {
        let length = 1u32.checked_shl(word.len() as u32).unwrap_or(0);
        self.lengths & length != 0
            && first_letter_bit(word).is_none_or(|bit| self.firsts & bit != 0)
    }
}

/// The bit of a word's first letter, ignoring ASCII case (`None` for no letter).
fn first_letter_bit(word: &[u8]) -> Option<u32> {
    let first = word.first()?.to_ascii_lowercase();
    first.is_ascii_lowercase().then(|| 1 << (first - b'a'))
}

/// `word` is in `set`, ignoring ASCII case: one hash lookup at most, no allocation.
pub(crate) fn in_set(word: &str, set: &WordSet) -> bool {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 24];
    if bytes.len() > buf.len() || !bytes.is_ascii() || !set.may_contain(bytes) {
        return false; // no entry of a word set is that long or non-ASCII
    }
    let lower = &mut buf[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| set.set.contains(w))
}

/// Titles written with a period that belongs to the word ("Dr. Jane Holt").
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Gov", "Rep", "Lt", "Col", "Capt", "Sgt",
    "Cmdr", "Adm", "Rev", "St", "Maj", "Brig", "Supt", "Insp", "Det", "Amb", "Pres",
];

/// Splits `sentence` (at byte `offset` in its document) into words and punctuation marks.
///
/// Words keep inner apostrophes, hyphens and periods ("Anbar’s", "al-Rutbah", "U.S"), and titles
/// keep their period ("Dr."); every other non-space character is a token of its own. Only the
/// tokens `keep` accepts are returned (it sees every token's text, in order).
pub(crate) fn words_kept<'t>(
    sentence: &'t str,
    offset: usize,
    mut keep: impl FnMut(&str) -> bool,
) -> Vec<Word<'t>> {
    let bytes = sentence.as_bytes();
    let char_at = |i: usize| sentence.get(i..).and_then(|rest| rest.chars().next());
    let alnum_at = |i: usize| match bytes.get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(i).is_some_and(char::is_alphanumeric),
        None => false,
    };
    // About one token per 4 bytes of news text (words, spaces, punctuation): one allocation.
    let mut out = Vec::with_capacity(bytes.len() / 4 + 1);
    let mut push = |start: usize, end: usize| {
        let text = &sentence[start..end];
        if keep(text) {
            out.push(Word {
                text,
                span: Span::new(offset + start, offset + end),
            });
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        // The character at `i` (ASCII read directly: most news text is ASCII).
        let (c, width) = match bytes[i] {
            b if b.is_ascii() => (char::from(b), 1),
            _ => match char_at(i) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        if c.is_whitespace() {
            i += width;
            continue;
        }
        if !c.is_alphanumeric() {
            push(i, i + width);
            i += width;
            continue;
        }
        let start = i;
        let digits = c.is_ascii_digit();
        i += width;
        loop {
            // Most of a word is ASCII letters and digits: skip them in a tight loop.
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b.is_ascii() {
                let joins = (matches!(b, b'\'' | b'-' | b'.' | b'&') && alnum_at(i + 1))
                    || (b == b',' && digits && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
                if joins {
                    i += 1;
                    continue;
                }
                break;
            }
            match char_at(i) {
                Some(d) if d.is_alphanumeric() || (d == '’' && alnum_at(i + d.len_utf8())) => {
                    i += d.len_utf8();
                }
                _ => break,
            }
        }
        if bytes.get(i) == Some(&b'.') && TITLES.contains(&&sentence[start..i]) {
            i += 1;
        }
        push(start, i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_inner_marks() {
        let got: Vec<&str> =
            words_kept("Anbar’s al-Rutbah (INSS) said: “U.S. forces.”", 0, |_| true)
                .iter()
                .map(|w| w.text)
                .collect();
        assert_eq!(
            got,
            [
                "Anbar’s",
                "al-Rutbah",
                "(",
                "INSS",
                ")",
                "said",
                ":",
                "“",
                "U.S",
                ".",
                "forces",
                ".",
                "”"
            ]
        );
    }
}
