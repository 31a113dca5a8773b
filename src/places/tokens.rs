//! Words of a text with their byte spans and gazetteer keys, in one linear pass.
//!
//! A word is a run of letters, digits and combining marks; an apostrophe between two letters
//! stays inside it ("d'Alene") but a possessive "'s" is cut off and remembered ("Anbar's").

use crate::places::gazetteer::Gazetteer;
use crate::span::Span;

/// One word.
#[derive(Clone, Copy, Debug)]
pub struct Token<'k> {
    /// Bytes of the word (without a possessive "'s").
    pub span: Span,
    /// The word folded for lookup: lower case, diacritics and apostrophes removed.
    pub key: &'k str,
    /// The word was followed by a possessive "'s".
    pub possessive: bool,
    /// Index of the sentence the word is in.
    pub sentence: usize,
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{2bc}' | '\u{2bf}' | '\u{2be}' | '\u{b4}'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// "’ve", "’ll", "n’t": the apostrophe ends the word ("I’ve" is not a name).
fn is_contraction(rest: &str) -> bool {
    let tail: String = rest
        .chars()
        .take_while(|&c| is_word_char(c))
        .take(3)
        .collect();
    matches!(
        tail.as_str(),
        "ve" | "ll" | "re" | "d" | "m" | "t" | "VE" | "LL" | "RE" | "D" | "M" | "T"
    )
}

/// Folds one word for lookup, the way `tools/build_gazetteer.py` folds names.
pub fn fold_word(word: &str, gazetteer: &Gazetteer, out: &mut String) {
    for c in word.chars() {
        if is_apostrophe(c) || ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(f) = gazetteer.fold(c) {
            out.push_str(f);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// A word found by [`tokenize`], its key still a range of the key buffer.
#[derive(Clone, Copy, Debug)]
pub struct RawToken {
    span: Span,
    key: (usize, usize),
    possessive: bool,
    sentence: usize,
}

/// Folded keys of all words in one buffer (one allocation per text, not per word).
#[derive(Debug, Default)]
pub struct Words {
    raw: Vec<RawToken>,
    keys: String,
}

impl Words {
    /// The words, with keys borrowed from the buffer.
    pub fn tokens(&self) -> Vec<Token<'_>> {
        self.raw
            .iter()
            .map(|r| Token {
                span: r.span,
                key: self.keys.get(r.key.0..r.key.1).unwrap_or(""),
                possessive: r.possessive,
                sentence: r.sentence,
            })
            .collect()
    }
}

/// Adds the words of `text[start..end]`, tagged with `sentence`, to `out`.
pub fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    sentence: usize,
    gazetteer: &Gazetteer,
    out: &mut Words,
) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut word_end = i + c.len_utf8();
        let mut possessive = false;
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                word_end = j + d.len_utf8();
                chars.next();
            } else if is_apostrophe(d) {
                // Inside a word only when a letter follows; "'s" + non-letter is a possessive.
                let rest = &slice[j + d.len_utf8()..];
                let mut after = rest.chars();
                match after.next() {
                    Some(n) if is_word_char(n) => {
                        if (n == 's' || n == 'S') && !after.next().is_some_and(is_word_char) {
                            possessive = true;
                            chars.next(); // apostrophe
                            chars.next(); // s
                            break;
                        }
                        if is_contraction(rest) {
                            break;
                        }
                        chars.next();
                        word_end = j + d.len_utf8();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        let word = &slice[i..word_end];
        let key_start = out.keys.len();
        fold_word(word, gazetteer, &mut out.keys);
        out.raw.push(RawToken {
            span: Span::new(start + i, start + word_end),
            key: (key_start, out.keys.len()),
            possessive,
            sentence,
        });
    }
}

/// The lookup key of a whole name ("al-Rutbah" → "al rutbah"), as the gazetteer stores it.
pub fn key_of(name: &str, gazetteer: &Gazetteer) -> String {
    let mut words = Words::default();
    tokenize(name, 0, name.len(), 0, gazetteer, &mut words);
    let keys: Vec<&str> = words.tokens().iter().map(|w| w.key).collect();
    keys.join(" ")
}
