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
    /// The word starts with an upper-case letter.
    pub upper: bool,
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
    let mut tail = ['\0'; 3];
    let mut n = 0;
    for c in rest.chars().take_while(|&c| is_word_char(c)).take(3) {
        tail[n] = c;
        n += 1;
    }
    matches!(
        &tail[..n],
        ['v', 'e']
            | ['l', 'l']
            | ['r', 'e']
            | ['d']
            | ['m']
            | ['t']
            | ['V', 'E']
            | ['L', 'L']
            | ['R', 'E']
            | ['D']
            | ['M']
            | ['T']
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

/// Where a word's key is: in the text itself (a lower-case ASCII word is its own key) or in
/// the buffer of folded keys.
#[derive(Clone, Copy, Debug)]
enum KeyAt {
    Text(u32, u32),
    Buffer(u32, u32),
}

/// A word found by [`tokenize`], its key still a range of the text or of the key buffer.
#[derive(Clone, Copy, Debug)]
struct RawToken {
    span: Span,
    key: KeyAt,
    possessive: bool,
    upper: bool,
    sentence: usize,
}

/// The words of a text and the keys that had to be folded (one buffer per text, not one
/// allocation per word; most words are lower-case ASCII and borrow their key from the text).
#[derive(Debug, Default)]
pub struct Words {
    raw: Vec<RawToken>,
    keys: String,
}

impl Words {
    /// Room for the words of a text of `len` bytes.
    pub fn with_text_len(len: usize) -> Words {
        Words {
            raw: Vec::with_capacity(len / 5 + 1),
            keys: String::with_capacity(len / 6 + 16),
        }
    }

    /// The words of `text` (the text given to [`tokenize`]), with borrowed keys.
    pub fn tokens<'a>(&'a self, text: &'a str) -> Vec<Token<'a>> {
        self.raw
            .iter()
            .map(|r| {
                let key = match r.key {
                    KeyAt::Text(a, b) => text.get(a as usize..b as usize),
                    KeyAt::Buffer(a, b) => self.keys.get(a as usize..b as usize),
                };
                Token {
                    span: r.span,
                    key: key.unwrap_or(""),
                    possessive: r.possessive,
                    upper: r.upper,
                    sentence: r.sentence,
                }
            })
            .collect()
    }
}

/// Adds the words of `text[start..end]`, tagged with `sentence`, to `out`.
///
/// Texts longer than 4 GiB are cut there (offsets are kept as `u32` inside).
pub fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    sentence: usize,
    gazetteer: &Gazetteer,
    out: &mut Words,
) {
    let end = end.min(u32::MAX as usize);
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let bytes = slice.as_bytes();
    // The char at `p` (a char boundary), decoded only off the ASCII fast path.
    let char_at = |p: usize| slice.get(p..).and_then(|r| r.chars().next());
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        let upper = if b < 0x80 {
            if !b.is_ascii_alphanumeric() {
                pos += 1;
                continue;
            }
            b.is_ascii_uppercase()
        } else {
            let Some(c) = char_at(pos) else { break };
            if !is_word_char(c) {
                pos += c.len_utf8();
                continue;
            }
            c.is_uppercase()
        };
        let i = pos;
        let mut p = pos;
        let mut word_end = pos;
        let mut possessive = false;
        // Whether the word so far is lower-case ASCII (its own key).
        let mut plain = true;
        while p < bytes.len() {
            let b = bytes[p];
            let (d, len) = if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    plain &= !b.is_ascii_uppercase();
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
                plain = false;
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
                        plain = false;
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
        let span = Span::new(start + i, start + word_end);
        let key = if plain {
            KeyAt::Text(span.start as u32, span.end as u32)
        } else {
            let key_start = out.keys.len();
            fold_word(&slice[i..word_end], gazetteer, &mut out.keys);
            KeyAt::Buffer(key_start as u32, out.keys.len() as u32)
        };
        out.raw.push(RawToken {
            span,
            key,
            possessive,
            upper,
            sentence,
        });
    }
}

/// The lookup key of a whole name ("al-Rutbah" → "al rutbah"), as the gazetteer stores it.
pub fn key_of(name: &str, gazetteer: &Gazetteer) -> String {
    let mut words = Words::default();
    tokenize(name, 0, name.len(), 0, gazetteer, &mut words);
    let keys: Vec<&str> = words.tokens(name).iter().map(|w| w.key).collect();
    keys.join(" ")
}
