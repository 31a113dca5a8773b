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

/// Looks up every capitalised word in the gazetteer, all at once.
pub fn look_up(words: &mut [Token<'_>], gazetteer: &Gazetteer) {
    let keys: Vec<&[u8]> = words
        .iter()
        .filter(|w| w.upper)
        .map(|w| w.key.as_bytes())
        .collect();
    let mut infos = Vec::with_capacity(keys.len());
    gazetteer.key_infos(&keys, &mut infos);
    for (w, info) in words.iter_mut().filter(|w| w.upper).zip(infos) {
        w.info = info;
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

/// How many of the (eight) bytes of `chunk` are ASCII lower-case letters before the first
/// that is not, all eight at once (SWAR): most of a text is lower-case words.
fn lower_case_run(chunk: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let v = match *chunk {
        [a, b, c, d, e, f, g, h] => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => return 0,
    };
    let ascii = v & !HIGH;
    // Bit 7 of each byte: at least 'a', at most 'z' (no carries: every byte is below 0x80).
    let from_a = ascii.wrapping_add(0x1F1F_1F1F_1F1F_1F1F) & HIGH;
    let to_z = (0xFAFA_FAFA_FAFA_FAFA - ascii) & HIGH;
    let lower = from_a & to_z & !(v & HIGH);
    ((!lower & HIGH).trailing_zeros() / 8) as usize
}

/// The words of `text` inside `spans` (its sentences, in order), the `n`-th span's words
/// tagged with sentence `n`. Most words are lower-case ASCII and borrow their key from the
/// text; the others' keys are folded into `folded` (one buffer per text, not one allocation
/// per word).
///
/// Also says which sentences are written in Title Case (headlines, where capitals say little):
/// nine words in ten capitalised, or small words that do not break Title Case ("of", "and").
pub fn tokenize<'a>(
    text: &'a str,
    spans: impl IntoIterator<Item = Span>,
    gazetteer: &Gazetteer,
    folded: &'a mut String,
    skip: bool,
) -> (Vec<Token<'a>>, Vec<bool>) {
    tokenize_into(text, spans, gazetteer, folded, skip, Vec::new())
}

/// [`tokenize`] into `out` (emptied first): a buffer kept from an earlier text saves
/// allocating one for each.
pub fn tokenize_into<'a>(
    text: &'a str,
    spans: impl IntoIterator<Item = Span>,
    gazetteer: &Gazetteer,
    folded: &'a mut String,
    skip: bool,
    mut out: Vec<Token<'a>>,
) -> (Vec<Token<'a>>, Vec<bool>) {
    let mut title_case = Vec::new();
    // News runs at about six bytes a word (spaces and punctuation included), and the
    // lower-case stretches skipped hold most of them: a tenth of the bytes is ample to start
    // with (a buffer sized for every word would be several times the text, and cold).
    out.clear();
    out.reserve(
        if skip {
            text.len() / 10
        } else {
            text.len() / 3
        } + 1,
    );
    // Words whose key is in `folded`, set once the buffer is complete: (word, key range).
    let mut pending: Vec<(usize, usize, usize)> = Vec::new();
    for (sentence, span) in spans.into_iter().enumerate() {
        let (words, breaks) = tokenize_span(
            text,
            span,
            u32::try_from(sentence).unwrap_or(u32::MAX),
            gazetteer,
            folded,
            &mut out,
            &mut pending,
            skip,
        );
        title_case.push(words >= 3 && breaks * 10 <= words);
    }
    let folded: &'a String = folded;
    for (word, a, b) in pending {
        if let Some(t) = out.get_mut(word) {
            t.key = folded.get(a..b).unwrap_or("");
        }
    }
    (out, title_case)
}

/// A word of at most four bytes as one number (for cheap comparisons).
const fn packed(word: &[u8]) -> u32 {
    let mut v = 0u32;
    let mut i = 0;
    while i < word.len() && i < 4 {
        v = (v << 8) | word[i] as u32;
        i += 1;
    }
    v
}

/// Small words that do not break Title Case, packed.
const SMALL_WORDS: [u32; 17] = [
    packed(b"a"),
    packed(b"an"),
    packed(b"the"),
    packed(b"and"),
    packed(b"or"),
    packed(b"of"),
    packed(b"in"),
    packed(b"on"),
    packed(b"at"),
    packed(b"to"),
    packed(b"for"),
    packed(b"by"),
    packed(b"with"),
    packed(b"from"),
    packed(b"as"),
    packed(b"but"),
    packed(b"vs"),
];

/// Whether `word` (lower-case ASCII) is a small word that does not break Title Case.
fn is_small_word(word: &[u8]) -> bool {
    word.len() <= 4 && SMALL_WORDS.contains(&packed(word))
}

/// Where the next byte at or after `from` is an ASCII capital or part of a non-ASCII char:
/// eight bytes at a time (SWAR).
fn next_marked(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut p = from;
    while let Some(&[a, b, c, d, e, f, g, h]) = bytes.get(p..p + 8) {
        let v = u64::from_le_bytes([a, b, c, d, e, f, g, h]);
        let ascii = v & !HIGH;
        let from_a = ascii.wrapping_add(0x3F3F_3F3F_3F3F_3F3F) & HIGH; // at least 'A'
        let to_z = (0xDADA_DADA_DADA_DADA - ascii) & HIGH; // at most 'Z'
        let marked = (from_a & to_z) | (v & HIGH);
        if marked != 0 {
            return Some(p + (marked.trailing_zeros() / 8) as usize);
        }
        p += 8;
    }
    bytes[p.min(bytes.len())..]
        .iter()
        .position(|&b| b >= 0x80 || b.is_ascii_uppercase())
        .map(|i| p + i)
}

/// The start of the white-space-separated chunk holding `at` or of one of the `more` chunks
/// before it, not going back before `floor`: where tokenizing may start again (a word holds
/// no white space; `floor` is where the pass stands).
fn chunks_back(bytes: &[u8], at: usize, more: usize, floor: usize) -> usize {
    let is_space = |p: usize| bytes.get(p).is_some_and(u8::is_ascii_whitespace);
    let mut p = at;
    while p > floor && !is_space(p - 1) {
        p -= 1;
    }
    for _ in 0..more {
        let mut q = p;
        while q > floor && is_space(q - 1) {
            q -= 1;
        }
        while q > floor && !is_space(q - 1) {
            q -= 1;
        }
        p = q;
    }
    p
}

/// How many words after a capitalised or non-ASCII word are kept when lower-case stretches
/// are skipped, and how many chunks before one ("in the Hazar area", "near al-Qaim").
const KEEP_AFTER: usize = 2;
const KEEP_BEFORE: usize = 2;

/// Adds the words of `text[span]`, tagged with `sentence`, to `out`. Returns how many words
/// start with a letter and how many of those break Title Case (all of them when a stretch of
/// lower-case words was skipped: a headline has none).
///
/// With `skip`, stretches of lower-case ASCII far from any capitalised or non-ASCII word are
/// skipped (most of a text: no name starts there): only the [`KEEP_BEFORE`] chunks before
/// and the [`KEEP_AFTER`] words after such a word are kept, which is all the context
/// filters look at. Kept words are exactly those a full pass finds there; the words on the
/// two sides of a skipped stretch are simply not adjacent (the text between them holds words).
#[allow(clippy::too_many_arguments)]
fn tokenize_span<'a>(
    text: &'a str,
    span: Span,
    sentence: u32,
    gazetteer: &Gazetteer,
    folded: &mut String,
    out: &mut Vec<Token<'a>>,
    pending: &mut Vec<(usize, usize, usize)>,
    skip: bool,
) -> (usize, usize) {
    let (mut words, mut breaks) = (0, 0);
    let start = span.start;
    let Some(slice) = text.get(span.start..span.end) else {
        return (0, 0);
    };
    let bytes = slice.as_bytes();
    // The char at `p` (a char boundary), decoded only off the ASCII fast path.
    let char_at = |p: usize| slice.get(p..).and_then(|r| r.chars().next());
    let mut pos = 0;
    // Words still to keep after the last capitalised or non-ASCII one, and the end of the
    // marked byte the pass is heading for.
    let mut keep = 0;
    let mut hold_to = 0;
    let mut skipped = false;
    while pos < bytes.len() {
        if skip && keep == 0 && pos >= hold_to {
            let marked = next_marked(bytes, pos);
            let from = match marked {
                Some(m) => chunks_back(bytes, m, KEEP_BEFORE, pos),
                None => bytes.len(),
            };
            if from > pos {
                skipped |= bytes[pos..from].iter().any(u8::is_ascii_alphabetic);
                pos = from;
            }
            let Some(marked) = marked else { break };
            hold_to = marked + 1;
        }
        // Skip ASCII that cannot start a word, a byte at a time through a table.
        let class = BYTE_CLASS[usize::from(bytes[pos])];
        let (upper, alphabetic) = if class == 0 {
            pos += 1;
            continue;
        } else if class & NON_ASCII == 0 {
            (class & UPPER != 0, bytes[pos].is_ascii_alphabetic())
        } else {
            let Some(c) = char_at(pos) else { break };
            if !is_word_char(c) {
                pos += c.len_utf8();
                continue;
            }
            (c.is_uppercase(), c.is_alphabetic())
        };
        let i = pos;
        // Whether the word is lower-case ASCII (its own key).
        let mut plain = true;
        let mut p = pos;
        // The common case: a run of ASCII letters and digits, lower-case letters eight at a
        // time.
        loop {
            if let Some(chunk) = bytes.get(p..p + 8) {
                let n = lower_case_run(chunk);
                p += n;
                if n == 8 {
                    continue;
                }
            }
            match bytes.get(p) {
                Some(&b) if BYTE_CLASS[usize::from(b)] & ALNUM != 0 => {
                    plain &= BYTE_CLASS[usize::from(b)] & UPPER == 0;
                    p += 1;
                }
                _ => break,
            }
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
        if !plain || upper {
            keep = KEEP_AFTER;
        } else {
            keep = keep.saturating_sub(1);
        }
        if alphabetic {
            words += 1;
            let small = plain && is_small_word(word.as_bytes());
            breaks += usize::from(!(upper || small));
        }
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
    if skipped {
        // A run of lower-case words far from any capital: not a headline.
        (words, words + 1)
    } else {
        (words, breaks)
    }
}

/// The lookup key of a whole name ("al-Rutbah" → "al rutbah"), as the gazetteer stores it.
pub fn key_of(name: &str, gazetteer: &Gazetteer) -> String {
    let mut folded = String::new();
    let (words, _) = tokenize(
        name,
        [Span::new(0, name.len())],
        gazetteer,
        &mut folded,
        false,
    );
    let keys: Vec<&str> = words.iter().map(|w| w.key).collect();
    keys.join(" ")
}

/// An emptied `Vec` of words, keeping `words`' buffer, for words of another text (the
/// buffer is reused in place: `Token`s of any text have the same layout).
// `filter_map` rather than `filter`: the item type changes (its lifetime), which only a new
// item can do; none is ever made.
#[allow(clippy::unnecessary_filter_map)]
pub fn recycle<'b>(mut words: Vec<Token<'_>>) -> Vec<Token<'b>> {
    words.clear();
    words.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recycled_words_keep_their_buffer() {
        let words: Vec<Token<'_>> = Vec::with_capacity(100);
        let again: Vec<Token<'static>> = recycle(words);
        assert!(again.is_empty());
        assert!(again.capacity() >= 100);
    }

    #[test]
    fn lower_case_runs_stop_at_the_first_other_byte() {
        assert_eq!(lower_case_run(b"abcdefgh"), 8);
        assert_eq!(lower_case_run(b"abc defg"), 3);
        assert_eq!(lower_case_run(b"Abcdefgh"), 0);
        assert_eq!(lower_case_run(b"azAZ09`{"), 2);
        assert_eq!(lower_case_run(b"ab\xc3\xa9cdef"), 2);
        assert_eq!(lower_case_run(b"abcdefg@"), 7);
        assert_eq!(lower_case_run(b"short"), 0);
        for b in 0..=255u8 {
            let chunk = [b; 8];
            let want = if b.is_ascii_lowercase() { 8 } else { 0 };
            assert_eq!(lower_case_run(&chunk), want, "byte {b:#x}");
        }
    }
}
