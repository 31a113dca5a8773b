//! Words of a text with their byte spans and gazetteer keys, in one linear pass.
//!
//! A word is a run of letters, digits and combining marks; an apostrophe between two letters
//! stays inside it ("d'Alene") but a possessive "'s" is cut off and remembered ("Anbar's").

use crate::places::gazetteer::{Gazetteer, KeyInfo};
use crate::span::Span;

/// One word.
#[derive(Clone, Copy, Debug)]
pub struct Token<'k> {
    /// Bytes of the word (without a possessive "'s").
    pub span: Span,
    /// The word folded for lookup: lower case, diacritics and apostrophes removed.
    pub key: &'k str,
    /// Index of the sentence the word is in.
    pub sentence: u32,
    /// What the gazetteer knows about the word: looked up for every capitalised word at once
    /// (see [`look_up`]), so that the lookups' cache misses overlap.
    pub info: KeyInfo,
    /// The word was followed by a possessive "'s".
    pub possessive: bool,
    /// The word starts with an upper-case letter.
    pub upper: bool,
}

/// Looks up every capitalised word in the gazetteer, in one tight loop.
pub fn look_up(words: &mut [Token<'_>], gazetteer: &Gazetteer) {
    for w in words.iter_mut().filter(|w| w.upper) {
        w.info = gazetteer.key_info(w.key);
    }
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

/// `BYTE_CLASS` bits: an ASCII letter or digit, an ASCII capital, a byte of a non-ASCII char.
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const NON_ASCII: u8 = 4;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The words of `text` inside `spans` (its sentences, in order), the `n`-th span's words
/// tagged with sentence `n`. Most words are lower-case ASCII and borrow their key from the
/// text; the others' keys are folded into `folded` (one buffer per text, not one allocation
/// per word).
pub fn tokenize<'a>(
    text: &'a str,
    spans: impl IntoIterator<Item = Span>,
    gazetteer: &Gazetteer,
    folded: &'a mut String,
) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    // Words whose key is in `folded`, set once the buffer is complete: (word, key range).
    let mut pending: Vec<(usize, usize, usize)> = Vec::new();
    for (sentence, span) in spans.into_iter().enumerate() {
        tokenize_span(
            text,
            span,
            u32::try_from(sentence).unwrap_or(u32::MAX),
            gazetteer,
            folded,
            &mut out,
            &mut pending,
        );
    }
    let folded: &'a String = folded;
    for (word, a, b) in pending {
        if let Some(t) = out.get_mut(word) {
            t.key = folded.get(a..b).unwrap_or("");
        }
    }
    out
}

/// Adds the words of `text[span]`, tagged with `sentence`, to `out`.
fn tokenize_span<'a>(
    text: &'a str,
    span: Span,
    sentence: u32,
    gazetteer: &Gazetteer,
    folded: &mut String,
    out: &mut Vec<Token<'a>>,
    pending: &mut Vec<(usize, usize, usize)>,
) {
    let start = span.start;
    let Some(slice) = text.get(span.start..span.end) else {
        return;
    };
    let bytes = slice.as_bytes();
    // The char at `p` (a char boundary), decoded only off the ASCII fast path.
    let char_at = |p: usize| slice.get(p..).and_then(|r| r.chars().next());
    let mut pos = 0;
    while pos < bytes.len() {
        // Skip ASCII that cannot start a word, a byte at a time through a table.
        let class = BYTE_CLASS[usize::from(bytes[pos])];
        let upper = if class == 0 {
            pos += 1;
            continue;
        } else if class & NON_ASCII == 0 {
            class & UPPER != 0
        } else {
            let Some(c) = char_at(pos) else { break };
            if !is_word_char(c) {
                pos += c.len_utf8();
                continue;
            }
            c.is_uppercase()
        };
        let i = pos;
        // Whether the word is lower-case ASCII (its own key).
        let mut plain = true;
        let mut p = pos;
        // The common case: a run of ASCII letters and digits.
        while let Some(&b) = bytes.get(p) {
            let class = BYTE_CLASS[usize::from(b)];
            if class & ALNUM == 0 {
                break;
            }
            plain &= class & UPPER == 0;
            p += 1;
        }
        let mut word_end = p;
        let mut possessive = false;
        // Then, only if the run stopped at a non-ASCII byte or an apostrophe, the general case.
        let slow = bytes
            .get(p)
            .is_some_and(|&b| b >= 0x80 || b == b'\'' || b == b'`')
            || p == i;
        while slow && p < bytes.len() {
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
        let word = &slice[i..word_end];
        let key = if plain {
            word
        } else {
            let key_start = folded.len();
            fold_word(word, gazetteer, folded);
            pending.push((out.len(), key_start, folded.len()));
            ""
        };
        out.push(Token {
            span: Span::new(start + i, start + word_end),
            key,
            sentence,
            info: KeyInfo::default(),
            possessive,
            upper,
        });
    }
}

/// The lookup key of a whole name ("al-Rutbah" → "al rutbah"), as the gazetteer stores it.
pub fn key_of(name: &str, gazetteer: &Gazetteer) -> String {
    let mut folded = String::new();
    let words = tokenize(name, [Span::new(0, name.len())], gazetteer, &mut folded);
    let keys: Vec<&str> = words.iter().map(|w| w.key).collect();
    keys.join(" ")
}
