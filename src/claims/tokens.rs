//! The claim grammar reads tokens, not characters.
//!
//! A sentence becomes words (letters, with inner apostrophes), digit runs (ASCII digits only) and
//! single symbols. Digits and letters never share a token, so "5G", "60km" and "COVID-19" are
//! all split; [`Token::space_before`] tells the grammar whether two tokens touch. Each word also
//! has a lower-case form, kept in one buffer per sentence so that tokenizing allocates twice.

use crate::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (any script), with inner apostrophes ("don't", "Maan’s").
    Word,
    /// A run of ASCII digits.
    Digits,
    /// Any other single character that is not whitespace.
    Symbol,
}

/// One token: where it is, what it is, and whether whitespace precedes it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// Byte span in the whole text.
    pub span: Span,
    /// What the token is made of.
    pub kind: Kind,
    /// True when whitespace (or the sentence start) comes right before the token.
    pub space_before: bool,
    /// Where the lower-case form lives in [`Tokens::lower_buf`].
    lower: (u32, u32),
}

/// The tokens of one sentence.
pub(crate) struct Tokens<'t> {
    text: &'t str,
    toks: Vec<Token>,
    lower_buf: String,
}

impl<'t> Tokens<'t> {
    /// Tokenizes `span` of `text`. `span` must lie on char boundaries.
    pub fn new(text: &'t str, span: Span) -> Tokens<'t> {
        let piece = &text[span.start..span.end];
        let mut toks = Vec::with_capacity(piece.len() / 4 + 1);
        let mut lower_buf = String::with_capacity(piece.len());
        let mut space_before = true;
        let mut chars = piece.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                space_before = true;
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    end = j + 1;
                    chars.next();
                }
                Kind::Digits
            } else if is_word_char(c) {
                loop {
                    match chars.peek() {
                        Some(&(j, d)) if is_word_char(d) => {
                            end = j + d.len_utf8();
                            chars.next();
                        }
                        // An apostrophe inside a word ("don't") but never at its end.
                        Some(&(j, '\'' | '’')) => {
                            let mut look = piece[j..].chars();
                            let apostrophe = look.next().map_or(1, char::len_utf8);
                            match look.next() {
                                Some(n) if is_word_char(n) => {
                                    end = j + apostrophe;
                                    chars.next();
                                }
                                _ => break,
                            }
                        }
                        _ => break,
                    }
                }
                Kind::Word
            } else {
                Kind::Symbol
            };
            let word = &piece[start..end];
            let lower_start = lower_buf.len();
            if kind == Kind::Word {
                if word.is_ascii() {
                    lower_buf.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    lower_buf.extend(word.chars().flat_map(char::to_lowercase));
                }
            } else {
                lower_buf.push_str(word);
            }
            toks.push(Token {
                span: Span::new(span.start + start, span.start + end),
                kind,
                space_before,
                lower: (lower_start as u32, lower_buf.len() as u32),
            });
            space_before = false;
        }
        Tokens {
            text,
            toks,
            lower_buf,
        }
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token at `i`, if any.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The whole text the spans point into.
    #[inline]
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The token's text as written ("" past the end).
    #[inline]
    pub fn raw(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.span.as_str(self.text))
    }

    /// The token's lower-case text ("" past the end).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .lower_buf
                .get(t.lower.0 as usize..t.lower.1 as usize)
                .unwrap_or(""),
            None => "",
        }
    }

    /// True when token `i` exists and its lower-case text is `word`.
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == word
    }

    /// True when token `i` is one of `words` (lower-case).
    #[inline]
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.lower(i);
        !w.is_empty() && words.contains(&w)
    }

    /// The kind of token `i`, if it exists.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// True when token `i` exists and is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// True when token `i` exists and is a digit run.
    #[inline]
    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Digits)
    }

    /// True when token `i` exists and touches the token before it (no whitespace between).
    #[inline]
    pub fn touches_prev(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// True when token `i` exists and starts with an upper-case letter.
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Byte span of tokens `first..end` (`end` exclusive, `first < end`).
    #[inline]
    pub fn span(&self, first: usize, end: usize) -> Span {
        let a = self.toks.get(first).map_or(0, |t| t.span.start);
        let b = end
            .checked_sub(1)
            .and_then(|l| self.toks.get(l))
            .map_or(a, |t| t.span.end);
        Span::new(a, b.max(a))
    }
}

/// Letters and the marks that combine with them stay in one word.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() || is_combining_mark(c)
}

/// Combining diacritics (the blocks news text uses); enough to keep "é" spelled with U+0301 whole.
#[inline]
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        let t = Tokens::new(text, Span::new(0, text.len()));
        (0..t.len())
            .map(|i| (t.raw(i), t.touches_prev(i)))
            .collect()
    }

    #[test]
    fn digits_and_letters_split() {
        assert_eq!(
            words("COVID-19 hit 5G, 60km"),
            [
                ("COVID", false),
                ("-", true),
                ("19", true),
                ("hit", false),
                ("5", false),
                ("G", true),
                (",", true),
                ("60", false),
                ("km", true)
            ]
        );
    }

    #[test]
    fn apostrophes_inside_words_only() {
        assert_eq!(
            words("don't ‘x’ Maan’s"),
            [
                ("don't", false),
                ("‘", false),
                ("x", true),
                ("’", true),
                ("Maan’s", false)
            ]
        );
    }

    #[test]
    fn lower_case_forms() {
        let text = "ÉTÉ US$";
        let t = Tokens::new(text, Span::new(0, text.len()));
        assert_eq!(t.lower(0), "été");
        assert_eq!(t.lower(1), "us");
        assert_eq!(t.lower(2), "$");
        assert_eq!(t.lower(9), "");
    }
}
