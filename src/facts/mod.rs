//! Facts: each claim in its context — where, when, and according to whom.
//!
//! A [`Fact`] links one [`Claim`] to the places of its sentence (and its own place when the phrase
//! says so: "two attacks *in western Iraq*"), the date expression nearest to it ("as of Friday"),
//! and the [`Source`] of the sentence ("Maan told Rudaw", "according to the ministry", a
//! quotation attributed in a later sentence, a pronoun resolved to the speaker named before it).
//!
//! ```
//! use factsift::Extractor;
//!
//! let text = "Saad Maan, a spokesman, spoke to Rudaw on Saturday. “As of Friday, 2,250 members \
//!             have been transferred to Iraq,” he said.";
//! let doc = Extractor::new().analyze(text);
//! let fact = &doc.facts[0];
//! let source = fact.source.unwrap();
//! assert_eq!(source.name.as_str(text), "Saad Maan");
//! assert_eq!(doc.dates[fact.date.unwrap()].span.as_str(text), "Friday");
//! ```

mod attribution;
mod link;
mod words;

pub use attribution::{Source, SourceKind};

use crate::claims::Claim;
use crate::dates::DateMention;
use crate::places::Place;
use crate::sentences::Sentence;

/// One claim with its context. Indices point into the [`Document`](crate::Document)'s lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Index of the claim in `Document::claims`.
    pub claim: usize,
    /// Index of the claim's sentence.
    pub sentence: usize,
    /// Indices in `Document::places` of the places the claim is about: the toponyms of its
    /// sentence (or, when it names none, of the sentence before it in the same paragraph), with
    /// demonyms only when there is nothing else — at most the 8 nearest to the claim.
    pub places: Vec<usize>,
    /// The claim's own place, when the phrase says so ("in western Anbar", "Iraq has …").
    pub place: Option<usize>,
    /// Index in `Document::dates` of the date expression nearest the claim in its sentence.
    pub date: Option<usize>,
    /// Who the claim comes from, when the text says so.
    pub source: Option<Source>,
}

/// Builds [`Fact`]s from a document's sentences, claims, places and dates.
#[derive(Clone, Debug, Default)]
pub struct FactLinker {
    _private: (),
}

impl FactLinker {
    /// The English linker.
    pub fn new() -> FactLinker {
        FactLinker::default()
    }

    /// The sources of every sentence (`None` where the text gives none), resolved across the
    /// document: quotations, pronouns and surnames.
    pub fn sources(&self, text: &str, sentences: &[Sentence]) -> Vec<Option<Source>> {
        attribution::sources(text, sentences)
    }

    /// One fact per claim, in the claims' order.
    pub fn link(
        &self,
        text: &str,
        sentences: &[Sentence],
        claims: &[Claim],
        places: &[Place],
        dates: &[DateMention],
    ) -> Vec<Fact> {
        if claims.is_empty() {
            return Vec::new();
        }
        // Sentences after the last claim's are never anyone's source: left unread.
        let last = claims.iter().map(|c| c.sentence).max().unwrap_or(0);
        let sources = attribution::sources_through(text, sentences, last);
        let index = link::SentenceIndex::new(text, sentences, claims, places, dates);
        let source_of = |claim: &Claim| sources.get(claim.sentence).copied().flatten();
        claims
            .iter()
            .enumerate()
            .map(|(i, claim)| Fact {
                claim: i,
                sentence: claim.sentence,
                places: index.places_for(claim),
                place: index.own_place(claim),
                date: index.nearest_date(claim, source_of(claim).map(|s| s.cue)),
                source: source_of(claim),
            })
            .collect()
    }
}
