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
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
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
    let bytes = slice.as_bytes();
    // The char at `p` (a char boundary), decoded only off the ASCII fast path.
    let char_at = |p: usize| slice.get(p..).and_then(|r| r.chars().next());
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                pos += 1;
                continue;
            }
        } else {
            let Some(c) = char_at(pos) else { break };
            if !is_word_char(c) {
                pos += c.len_utf8();
                continue;
            }
        }
        let i = pos;
        let mut p = pos;
        let mut word_end = pos;
        let mut possessive = false;
        while p < bytes.len() {
            let b = bytes[p];
            let (d, len) = if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    p += 1;
                    word_end = p;
                    continue;
                }
                (b as char, 1)
            } else {
                match char_at(p) {
                    Some(d) => (d, d.len_utf8()),
                    None => break,
                }
            };
            if is_word_char(d) {
                p += len;
                word_end = p;
            } else if is_apostrophe(d) {
                // Inside a word only when a letter follows; "'s" + non-letter is a possessive.
                let rest = &slice[p + len..];
                let mut after = rest.chars();
                match after.next() {
                    Some(n) if is_word_char(n) => {
                        if (n == 's' || n == 'S') && !after.next().is_some_and(is_word_char) {
                            possessive = true;
                            p += len + 1;
                            break;
                        }
                        if is_contraction(rest) {
                            break;
                        }
                        p += len;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        pos = p.max(word_end).max(i + 1);
        while pos < bytes.len() && !slice.is_char_boundary(pos) {
            pos += 1;
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
