//! Words of a text with their byte spans and gazetteer keys, in one linear pass.
//!
//! A word is a run of letters, digits and combining marks; an apostrophe between two letters
//! stays inside it ("d'Alene") but a possessive "'s" is cut off and remembered ("Anbar's").

use crate::places::gazetteer::Gazetteer;
use crate::span::Span;

/// One word.
#[derive(Clone, Debug)]
pub struct Token {
    /// Bytes of the word (without a possessive "'s").
    pub span: Span,
    /// The word folded for lookup: lower case, diacritics and apostrophes removed.
    pub key: String,
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
        if let Some(f) = gazetteer.fold(c) {
            out.push_str(f);
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The words of `text[range]`, tagged with `sentence`.
pub fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    sentence: usize,
    gazetteer: &Gazetteer,
    out: &mut Vec<Token>,
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
        let mut key = String::with_capacity(word.len());
        fold_word(word, gazetteer, &mut key);
        out.push(Token {
            span: Span::new(start + i, start + word_end),
            key,
            possessive,
            sentence,
        });
    }
}

/// The lookup key of a whole name ("al-Rutbah" → "al rutbah"), as the gazetteer stores it.
pub fn key_of(name: &str, gazetteer: &Gazetteer) -> String {
    let mut words = Vec::new();
    tokenize(name, 0, name.len(), 0, gazetteer, &mut words);
    let keys: Vec<&str> = words.iter().map(|w| w.key.as_str()).collect();
    keys.join(" ")
}
