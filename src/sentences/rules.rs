//! The boundary rules: which candidate positions end a sentence.

use super::abbreviations::{AbbreviationKind, Abbreviations};
use crate::lang::Lang;

/// Byte offsets (just past the terminal punctuation and closing quotes) where sentences end,
/// ascending. The end of the text is implied and not listed.
pub(super) fn boundaries(text: &str, lang: Lang, abbreviations: &Abbreviations) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                let after = skip_spaces(text, i);
                let paragraph = text[i + 1..after].contains('\n');
                if after < text.len() && (paragraph || !starts_lowercase(&text[after..])) {
                    out.push(i);
                }
                i = after.max(i + 1);
            }
            b'.' | b'!' | b'?' => {
                let (end, decision) = at_terminal(text, i, lang, abbreviations);
                if decision {
                    out.push(end);
                }
                i = end.max(i + 1);
            }
            _ if b >= 0x80 => {
                let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
                let width = c.len_utf8();
                if c == '…' {
                    let (end, decision) = at_terminal(text, i, lang, abbreviations);
                    if decision {
                        out.push(end);
                    }
                    i = end.max(i + width);
                } else if is_fullwidth_terminal(c) {
                    let end = skip_closers(text, i + width);
                    out.push(end);
                    i = end;
                } else if is_spaced_terminal(c) {
                    let end = skip_closers(text, i + width);
                    if end == text.len() || next_is_space(text, end) {
                        out.push(end);
                    }
                    i = end;
                } else {
                    i += width;
                }
            }
            _ => i += 1,
        }
    }
    out.dedup();
    out
}

/// Decides the terminal run starting at byte `i`; returns its end (after closers) and whether it
/// ends a sentence.
fn at_terminal(text: &str, i: usize, lang: Lang, abbreviations: &Abbreviations) -> (usize, bool) {
    let run_end = skip_terminals(text, i);
    let run = &text[i..run_end];
    let end = skip_closers(text, run_end);
    if end == text.len() {
        return (end, true);
    }
    if !next_is_space(text, end) {
        return (end, false);
    }
    let next = next_word(text, end);
    let next_lower = starts_lowercase(next);
    let cased = lang_is_cased(lang);

    if run != "." {
        // "?!", "...", "…": a sentence ends unless the text clearly goes on in lower case.
        return (end, !(cased && next_lower));
    }
    if cased && next_lower {
        return (end, false);
    }
    let word = word_before(text, i);
    if word.is_empty() {
        return (end, true);
    }
    match abbreviations.get(word) {
        Some(AbbreviationKind::Prefix) => return (end, false),
        Some(AbbreviationKind::Any) => {
            // Lower-case abbreviations ("a.m.", "etc.") are rarely followed by a capital inside a
            // sentence; capitalised ones ("U.S.", "Inc.") often are, so they need a clear starter.
            let lower = word.chars().next().is_some_and(char::is_lowercase);
            return (
                end,
                starts_uppercase(next) && (lower || is_sentence_starter(next)),
            );
        }
        None => {}
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() && first.is_alphabetic() && first.is_uppercase() {
        // An initial ("Jonas E. Smith").
        return (end, is_sentence_starter(next));
    }
    if word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic()) {
        // Dotted acronyms not in the list ("N.A.S.A.").
        return (end, is_sentence_starter(next));
    }
    if word.bytes().all(|b| b.is_ascii_digit())
        && word.len() <= 3
        && at_line_start(text, i - word.len())
    {
        // A numbered list item ("1. Preheat the oven").
        return (end, false);
    }
    (end, true)
}

fn skip_terminals(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉') {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn skip_closers(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）'
        ) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn skip_spaces(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    i + (rest.len() - rest.trim_start().len())
}

fn next_is_space(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_whitespace)
}

/// The first word at or after byte `i`, skipping whitespace and opening quotes/brackets.
fn next_word(text: &str, i: usize) -> &str {
    let rest = text[i..].trim_start();
    let rest = rest.trim_start_matches(['"', '\'', '“', '‘', '«', '(', '[']);
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    &rest[..end]
}

/// The word ending just before byte `i` (the period), without opening quotes or brackets.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '«'))
        .map(|p| p + head[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &head[start..]
}

fn at_line_start(text: &str, i: usize) -> bool {
    text[..i].trim_end_matches([' ', '\t']).is_empty()
        || text[..i].trim_end_matches([' ', '\t']).ends_with('\n')
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn lang_is_cased(lang: Lang) -> bool {
    !matches!(
        lang,
        Lang::Arabic
            | Lang::Persian
            | Lang::Urdu
            | Lang::Hindi
            | Lang::Marathi
            | Lang::Chinese
            | Lang::Japanese
            | Lang::Burmese
            | Lang::Amharic
    )
}

/// Words that, capitalised after an abbreviation, show that a new sentence has begun.
fn is_sentence_starter(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "A",
        "After",
        "All",
        "Also",
        "An",
        "And",
        "As",
        "At",
        "But",
        "During",
        "Each",
        "For",
        "He",
        "Her",
        "His",
        "However",
        "I",
        "If",
        "In",
        "It",
        "Its",
        "Meanwhile",
        "My",
        "No",
        "Not",
        "On",
        "One",
        "Our",
        "She",
        "So",
        "Some",
        "That",
        "The",
        "Their",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "Though",
        "To",
        "We",
        "What",
        "When",
        "Where",
        "While",
        "Who",
        "Why",
        "With",
        "Yet",
        "You",
    ];
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    STARTERS.contains(&word)
}

/// Terminal punctuation that ends a sentence with or without a following space (CJK).
fn is_fullwidth_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Terminal punctuation of other scripts that ends a sentence when followed by a space.
fn is_spaced_terminal(c: char) -> bool {
    matches!(
        c,
        '؟' | '۔' | '।' | '॥' | '։' | '።' | '፧' | '။' | '\u{037E}' | '‼' | '⁇' | '⁈' | '⁉'
    )
}
