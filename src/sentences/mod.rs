//! Sentence segmentation.
//!
//! A [`Segmenter`] finds sentence boundaries with a cascade of rules: candidate boundaries are the
//! terminal punctuation of the language (`.` `!` `?` `…` `。` `؟` `।` ...) and line breaks; each
//! candidate is then kept or dropped by looking at the word before it (abbreviations, initials,
//! numbers) and the word after it (case, digits, list markers). One pass, no backtracking: the cost
//! is linear in the length of the text.
//!
//! ```
//! use factsift::{Lang, Segmenter};
//!
//! let segmenter = Segmenter::new(Lang::English);
//! let text = "Mr. Smith went to Washington. He arrived at 5 p.m. on Friday.";
//! let sentences: Vec<&str> = segmenter.split(text).iter().map(|s| s.span.as_str(text)).collect();
//! assert_eq!(sentences, ["Mr. Smith went to Washington.", "He arrived at 5 p.m. on Friday."]);
//! ```

mod chars;
mod lexicon;
mod lists;
mod profile;
mod scan;
mod terminal;
mod window;
mod words;

pub use lexicon::{AbbreviationKind, Abbreviations};

use lexicon::Lexicon;
use profile::Profile;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::span::Span;

/// One sentence: its position in the document and its byte span.
///
/// The span never starts or ends with whitespace, and consecutive sentences never overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// 0-based position of the sentence in its document.
    pub index: usize,
    /// Byte span of the sentence in the document.
    pub span: Span,
}

/// Splits text into sentences. Cheap to clone; build once, use from many threads.
#[derive(Clone, Debug)]
pub struct Segmenter {
    lang: Lang,
    lexicon: Lexicon,
    profile: Profile,
}

impl Segmenter {
    /// A segmenter for `lang` with its built-in abbreviations.
    pub fn new(lang: Lang) -> Segmenter {
        Segmenter {
            lang,
            lexicon: Lexicon::builtin(lang),
            profile: Profile::of(lang),
        }
    }

    /// A builder to add abbreviations or change the language.
    pub fn builder() -> SegmenterBuilder {
        SegmenterBuilder::new()
    }

    /// The language this segmenter was built for.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The abbreviations this segmenter knows (built-in plus user-added).
    pub fn abbreviations(&self) -> &Abbreviations {
        &self.lexicon.abbreviations
    }

    /// Splits `text` into sentences, in order. Whitespace between sentences belongs to none.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let mut sentences = Vec::new();
        let mut push = |span: Span| {
            sentences.push(Sentence {
                index: sentences.len(),
                span,
            });
        };
        let mut start = 0;
        for end in scan::Scanner::new(text, &self.lexicon, self.profile).run() {
            if let Some(span) = trim(text, start, end) {
                push(span);
            }
            start = end;
        }
        if let Some(span) = trim(text, start, text.len()) {
            push(span);
        }
        sentences
    }

    /// Like [`split`](Segmenter::split), but returns the sentence texts.
    pub fn split_str<'t>(&self, text: &'t str) -> Vec<&'t str> {
        self.split(text)
            .into_iter()
            .map(|s| s.span.as_str(text))
            .collect()
    }
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new(Lang::English)
    }
}

/// Configures a [`Segmenter`].
///
/// ```
/// use factsift::{Lang, Segmenter};
///
/// let segmenter = Segmenter::builder()
///     .lang(Lang::English)
///     .abbreviation("Approx.")
///     .build()
///     .unwrap();
/// assert_eq!(segmenter.split("It is approx. ten metres. Fine.").len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct SegmenterBuilder {
    lang: Lang,
    abbreviations: Vec<String>,
}

impl SegmenterBuilder {
    /// A builder for English with no extra abbreviations.
    pub fn new() -> SegmenterBuilder {
        SegmenterBuilder::default()
    }

    /// Sets the language (default English).
    pub fn lang(mut self, lang: Lang) -> SegmenterBuilder {
        self.lang = lang;
        self
    }

    /// Adds one abbreviation, with or without its final period (`"approx."` or `"approx"`).
    pub fn abbreviation(mut self, abbreviation: impl Into<String>) -> SegmenterBuilder {
        self.abbreviations.push(abbreviation.into());
        self
    }

    /// Adds several abbreviations.
    pub fn abbreviations<I, S>(mut self, abbreviations: I) -> SegmenterBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.abbreviations
            .extend(abbreviations.into_iter().map(Into::into));
        self
    }

    /// Builds the segmenter, or says which abbreviation is unusable.
    pub fn build(self) -> Result<Segmenter> {
        let mut lexicon = Lexicon::builtin(self.lang);
        for (i, abbreviation) in self.abbreviations.iter().enumerate() {
            lexicon
                .abbreviations
                .insert(abbreviation)
                .map_err(|message| Error::invalid_data("abbreviations", Some(i + 1), message))?;
        }
        Ok(Segmenter {
            lang: self.lang,
            lexicon,
            profile: Profile::of(self.lang),
        })
    }
}

/// The span `start..end` without surrounding whitespace, or `None` if nothing is left.
fn trim(text: &str, start: usize, end: usize) -> Option<Span> {
    let piece = &text[start..end];
    let trimmed_start = piece.trim_start();
    if trimmed_start.is_empty() {
        return None;
    }
    let s = start + (piece.len() - trimmed_start.len());
    let e = s + trimmed_start.trim_end().len();
    Some(Span::new(s, e))
}
