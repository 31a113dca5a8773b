//! Bounded looks around a candidate boundary: the word before it, the gap after it and the next
//! word. Every function here reads at most a small, fixed number of bytes (or consumes what it
//! reads, so the caller moves past it), which keeps the whole pass linear on any input.

use super::chars::{Case, is_bullet, is_closer, is_opener, is_run_terminal};

/// How far back the word before a period may reach. Longer tokens are not abbreviations.
const WORD_WINDOW: usize = 64;
/// How far the next word may reach.
const NEXT_WINDOW: usize = 64;
/// How many opening quotes and brackets may come before the next word.
const MAX_OPENERS: usize = 8;

/// The char just before byte `i`, if any.
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The char at byte `i`, if any.
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// The word that ends at byte `i` (just before a period): back to the previous whitespace, list
/// bullet or opening quote/bracket, at most [`WORD_WINDOW`] bytes. Apostrophes inside a word
/// stay (`don't`, `l'Ing`); closers at its end are dropped (`"yes"` → `yes`).
///
/// Returns the byte offset where the word starts, and the word.
pub(super) fn word_before(text: &str, i: usize) -> (usize, &str) {
    // Closers at the end of the word first (`"yes".`): quotes are also openers.
    let mut end = i;
    for (pos, c) in text[..i].char_indices().rev().take(4) {
        if !is_closer(c) || matches!(c, '\'' | '’') {
            break;
        }
        end = pos;
    }
    // Fast path: ASCII letters, digits and inner punctuation, byte by byte.
    let bytes = text.as_bytes();
    let mut start = end;
    while start > 0 && i - start < WORD_WINDOW {
        let b = bytes[start - 1];
        if b.is_ascii_alphanumeric()
            || matches!(b, b'.' | b'-' | b'@' | b'/' | b'_' | b'&' | b',' | b'$')
        {
            start -= 1;
        } else {
            break;
        }
    }
    let head = &text[..start];
    for (pos, c) in head.char_indices().rev() {
        if i - pos > WORD_WINDOW {
            break;
        }
        let apostrophe = matches!(c, '\'' | '’');
        if c.is_whitespace()
            || is_bullet(c)
            || (is_opener(c) && !apostrophe)
            || (apostrophe && char_before(text, pos).is_none_or(char::is_whitespace))
        {
            break;
        }
        start = pos;
    }
    (start, &text[start..end])
}

/// Skips closing quotes and brackets from byte `i`; returns where they end.
pub(super) fn skip_closers(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    i + (rest.len() - rest.trim_start_matches(is_closer).len())
}

/// The whitespace after a candidate boundary.
#[derive(Clone, Copy, Debug)]
pub(super) struct Gap {
    /// Byte offset of the first non-space character after the gap (or the text's length).
    pub(super) end: usize,
    /// Line breaks in the gap (a paragraph separator counts as two).
    pub(super) newlines: usize,
}

impl Gap {
    /// The whitespace starting at byte `i`. Reads the whole run, which the caller then moves
    /// past, so no byte is read twice by gap scans.
    pub(super) fn at(text: &str, i: usize) -> Gap {
        let mut newlines = 0;
        let mut end = text.len();
        for (pos, c) in text[i..].char_indices() {
            match c {
                '\n' => newlines += 1,
                '\u{2029}' => newlines += 2,
                _ if c.is_whitespace() => {}
                _ => {
                    end = i + pos;
                    break;
                }
            }
        }
        Gap { end, newlines }
    }

    /// A blank line (or a paragraph separator): a paragraph break.
    pub(super) fn is_paragraph(&self) -> bool {
        self.newlines >= 2
    }
}

/// The token after a gap.
#[derive(Clone, Copy, Debug)]
pub(super) struct Next<'t> {
    /// Byte offset of the token (of its first opening quote or bracket, if any).
    pub(super) at: usize,
    /// The first character after the gap, before any opening quotes or brackets.
    pub(super) raw_first: char,
    /// The word after the opening quotes and brackets, up to the next whitespace (at most
    /// [`NEXT_WINDOW`] bytes).
    pub(super) word: &'t str,
    /// Case of the first letter of `word`.
    pub(super) case: Case,
}

impl<'t> Next<'t> {
    /// The token starting at byte `i` (which must not be whitespace).
    pub(super) fn at(text: &'t str, i: usize) -> Next<'t> {
        let raw_first = char_at(text, i).unwrap_or(' ');
        let mut start = i;
        for (n, (pos, c)) in text[i..].char_indices().enumerate() {
            if n >= MAX_OPENERS || !is_opener(c) {
                start = i + pos;
                break;
            }
            start = i + pos + c.len_utf8();
        }
        let rest = &text[start..];
        let mut end = start;
        for (pos, c) in rest.char_indices() {
            if c.is_whitespace() || pos >= NEXT_WINDOW {
                break;
            }
            end = start + pos + c.len_utf8();
        }
        let word = &text[start..end];
        let case = word.chars().next().map_or(Case::None, Case::of);
        Next {
            at: i,
            raw_first,
            word,
            case,
        }
    }

    /// True when the token is an ellipsis glued to a word (`...and`, `…so`).
    pub(super) fn opens_with_ellipsis(&self) -> bool {
        let rest = self.word.trim_start_matches(['.', '…']);
        let dots = self.word.len() - rest.len();
        (dots >= 3 || self.word.starts_with('…'))
            && rest.chars().next().is_some_and(char::is_alphabetic)
    }

    /// True when the next word is the pronoun "I" (`I`, `I'm`, `I’d`), which follows an
    /// ellipsis inside a sentence as often as it starts a new one.
    pub(super) fn is_pronoun_i(&self) -> bool {
        let w = self.word;
        w == "I"
            || w.starts_with("I'")
            || w.starts_with("I’")
            || (w.starts_with('I') && w[1..].chars().all(|c| !c.is_alphanumeric()))
    }
}

/// If a footnote or citation marker starts at byte `i` (`[12]`, `[3–5]`, `[1, 4]`, `[...]`),
/// the byte offset just after it.
pub(super) fn citation_end(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    let inner = rest.strip_prefix('[')?;
    let close = inner.char_indices().take(24).find(|&(_, c)| c == ']')?.0;
    let body = &inner[..close];
    let numeric = body.bytes().any(|b| b.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | ' '));
    let ellipsis = matches!(body, "..." | "…");
    (numeric || ellipsis).then_some(i + 1 + close + 1)
}

/// Last character before byte `i` that is not whitespace, looking back at most 64 bytes, and
/// the position of that character.
pub(super) fn last_visible_before(text: &str, i: usize) -> Option<(usize, char)> {
    for (pos, c) in text[..i].char_indices().rev() {
        if i - pos > 64 {
            return None;
        }
        if !c.is_whitespace() {
            return Some((pos, c));
        }
    }
    None
}

/// True when the text just before byte `i` ends with terminal punctuation, possibly followed
/// by closing quotes or brackets (`done."`), looking back a few characters only.
pub(super) fn ends_with_terminal(text: &str, i: usize) -> bool {
    for c in text[..i].chars().rev().take(8) {
        if is_closer(c) {
            continue;
        }
        return is_run_terminal(c)
            || super::chars::is_unspaced_terminal(c)
            || super::chars::is_script_terminal(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_before_stops_at_spaces_and_openers() {
        let text = "He saw (Mr. Smith) and l'Ing. Rossi said \"yes\". Don't.";
        let at = |needle: &str| text.find(needle).unwrap() + needle.len() - 1;
        assert_eq!(word_before(text, at("Mr.")).1, "Mr");
        assert_eq!(word_before(text, at("l'Ing.")).1, "l'Ing");
        assert_eq!(word_before(text, at("\"yes\".")).1, "yes");
        assert_eq!(word_before(text, at("Don't.")).1, "Don't");
    }

    #[test]
    fn word_before_is_bounded() {
        let text = "x".repeat(1000) + ".";
        let (start, word) = word_before(&text, 1000);
        assert!(word.len() <= WORD_WINDOW);
        assert_eq!(start + word.len(), 1000);
    }

    #[test]
    fn next_word_skips_openers() {
        let text = "  “(Hello there";
        let gap = Gap::at(text, 0);
        let next = Next::at(text, gap.end);
        assert_eq!(next.raw_first, '“');
        assert_eq!(next.word, "Hello");
        assert_eq!(next.case, Case::Upper);
    }

    #[test]
    fn citations() {
        assert_eq!(citation_end("[12] Next", 0), Some(4));
        assert_eq!(citation_end("[3 – 5]", 0), Some("[3 – 5]".len()));
        assert_eq!(citation_end("[...]", 0), Some(5));
        assert_eq!(citation_end("[sic]", 0), None);
        assert_eq!(citation_end("[1", 0), None);
    }
}
