//! A small word tokenizer for sentence-level patterns: words with their spans, punctuation apart.

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

    /// True for opening or closing quotation marks.
    pub fn is_quote(&self) -> bool {
        matches!(self.text, "\"" | "“" | "”" | "‘" | "’" | "«" | "»" | "'")
    }
}

/// Titles written with a period that belongs to the word ("Dr. Jane Holt").
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Gov", "Rep", "Lt", "Col", "Capt", "Sgt",
    "Cmdr", "Adm", "Rev", "St", "Maj", "Brig", "Supt", "Insp", "Det", "Amb", "Pres",
];

/// Splits `sentence` (at byte `offset` in its document) into words and punctuation marks.
///
/// Words keep inner apostrophes, hyphens and periods ("Anbar’s", "al-Rutbah", "U.S"), and titles
/// keep their period ("Dr."); every other non-space character is a token of its own.
pub(crate) fn words(sentence: &str, offset: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = chars.peek() {
                let next = sentence[j + d.len_utf8()..].chars().next();
                let joins = (matches!(d, '\'' | '’' | '-' | '.' | '&')
                    && next.is_some_and(char::is_alphanumeric))
                    || (d == ',' && c.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()));
                if d.is_alphanumeric() || joins {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        if TITLES.contains(&&sentence[i..end]) && sentence[end..].starts_with('.') {
            end += 1;
            chars.next();
        }
        out.push(Word {
            text: &sentence[i..end],
            span: Span::new(offset + i, offset + end),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_inner_marks() {
        let got: Vec<&str> = words("Anbar’s al-Rutbah (INSS) said: “U.S. forces.”", 0)
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
