//! Sentence segmentation.
//!
//! A [`Segmenter`] finds sentence boundaries in one forward pass. Candidate boundaries are the
//! terminal punctuation of every script (`.` `!` `?` `…` `。` `؟` `।` `։` `።` ...) and line
//! breaks; each is kept or dropped by a cascade of rules that look at bounded windows around it:
//!
//! * the word before a period: abbreviations from the language's lexicon (`Mr.`, `U.S.`,
//!   `a.m.`, `No. 5`, `5 ft.`), initials, acronyms, numbers, list labels (`1.` `2.)` `b)`);
//! * the word after: its case, whether it typically starts a sentence (`The`, `He`), whether
//!   it is a dash or more punctuation (`"Stop!" — he said`), an ordinal's month (`12. Juni`);
//! * what closes the sentence: quotes and brackets stay with it, and so do footnote markers
//!   (`... in 1805. [19]`); a lower-case attribution after a closing quote goes on;
//! * lines: a blank line ends a paragraph, and a line without final punctuation (a headline)
//!   ends a sentence unless the next line goes on in lower case.
//!
//! Quotations that hold several sentences are split inside, as an editor would, and the closing
//! quote and attribution stay with the last one. The language ([`Lang`]) chooses the lexicon
//! and a few switches (case, ordinals written with a period, extra terminals); words in another
//! script use the lexicon of that script's languages, so a Cyrillic abbreviation in English text
//! still works. Every rule reads a bounded window, so the cost is linear in the length of the
//! text whatever it holds.
//!
//! # Text in other languages under the default
//!
//! English is the default, and text often arrives without its language: feeds mix languages,
//! callers forget `lang=`. So the English segmenter also reads other Latin-script languages
//! (Danish, Dutch, French, German, Italian, Polish, Slovak, Spanish). Where such a language
//! would decide a period differently — after one of its abbreviations (`Srta. Díaz`), after an
//! ordinal (`am 12. Juni`, `3. sal`, `XII. Pluku`), before a lower-case word, or on whether a
//! capitalised word starts a sentence (`U.S. Det var`) — a cheap local cue asks which language
//! the few words around the period are in: their function words and letters (`å`, `ł`, `ñ`,
//! `¿`) vote, and English words vote for English only. If a foreign language wins, its lexicon
//! and rules decide that period. English text keeps its English reading, and naming the
//! language still gives the best result; a segmenter built for another language reads
//! everything its own way.
//!
//! ```
//! use factsift::Segmenter;
//!
//! let segmenter = Segmenter::default();
//! let text = "Ayer hablé con la Sra. Gómez. Die Wahl ist am 24. September.";
//! assert_eq!(
//!     segmenter.split_str(text),
//!     ["Ayer hablé con la Sra. Gómez.", "Die Wahl ist am 24. September."]
//! );
//! ```
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
mod cues;
mod foreign;
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
