//! The [`Extractor`]: runs the segmenter, the claim grammar, the geoparser and the date grammar
//! over one text and links their results by sentence in a [`Document`], with one [`Fact`] per
//! claim.

use std::sync::Arc;

use crate::claims::{Claim, ClaimExtractor};
use crate::dates::{CivilDate, DateExtractor, DateMention};
use crate::error::Result;
use crate::facts::{Fact, FactLinker};
use crate::lang::Lang;
use crate::places::{ExtraPlace, Place, PlaceExtractor, PlacesConfig};
use crate::sentences::{Segmenter, Sentence};

/// Everything factsift found in one text. Spans are byte offsets into [`Document::text`].
#[derive(Clone, Debug, PartialEq)]
pub struct Document<'t> {
    /// The text that was analysed.
    pub text: &'t str,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Numeric claims, in order of their start.
    pub claims: Vec<Claim>,
    /// Places, in order of their start.
    pub places: Vec<Place>,
    /// Date expressions (context, never claims), in order.
    pub dates: Vec<DateMention>,
    /// One fact per claim: the claim with its places, date and source.
    pub facts: Vec<Fact>,
}

impl<'t> Document<'t> {
    /// A document of `text` with nothing found in it yet.
    pub fn empty(text: &'t str) -> Document<'t> {
        Document {
            text,
            sentences: Vec::new(),
            claims: Vec::new(),
            places: Vec::new(),
            dates: Vec::new(),
            facts: Vec::new(),
        }
    }

    /// Checks the invariants every document satisfies, whatever the text: sentences exact,
    /// trimmed, ordered and covering every non-space character; claims, places and dates on
    /// `char` boundaries, in order, each inside its sentence; facts (when there are any) one per
    /// claim, linked to items that exist. Returns the first violation found.
    ///
    /// Used by the property tests and fuzz targets; cheap enough to call in your own tests.
    pub fn check_invariants(&self) -> std::result::Result<(), String> {
        let text = self.text;
        let on_boundaries = |span: crate::Span| {
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        };
        let mut covered = 0;
        for (i, s) in self.sentences.iter().enumerate() {
            if s.index != i {
                return Err(format!("sentence {i} has index {}", s.index));
            }
            if !on_boundaries(s.span) || s.span.start < covered || s.span.is_empty() {
                return Err(format!("sentence {i} has a bad span {:?}", s.span));
            }
            let piece = s.span.as_str(text);
            if piece.trim() != piece {
                return Err(format!("sentence {i} is not trimmed: {piece:?}"));
            }
            if !text[covered..s.span.start].trim().is_empty() {
                return Err(format!("text before sentence {i} belongs to no sentence"));
            }
            covered = s.span.end;
        }
        if !text[covered..].trim().is_empty() {
            return Err("text after the last sentence belongs to no sentence".to_string());
        }
        let items = self
            .claims
            .iter()
            .map(|c| ("claim", c.span, c.sentence, [c.unit_span, c.concept]))
            .chain(
                self.places
                    .iter()
                    .map(|p| ("place", p.span, p.sentence, [None, None])),
            );
        let mut last = [0usize; 2];
        for (what, span, sentence, inner) in items {
            let slot = usize::from(what == "place");
            if !on_boundaries(span) || span.start < last[slot] {
                return Err(format!("{what} has a bad or out-of-order span {span:?}"));
            }
            last[slot] = span.start;
            match self.sentences.get(sentence) {
                Some(s) if s.span.contains(span) => {}
                _ => return Err(format!("{what} {span:?} is not inside sentence {sentence}")),
            }
            if let Some(bad) = inner.into_iter().flatten().find(|&s| !on_boundaries(s)) {
                return Err(format!("{what} {span:?} has a bad inner span {bad:?}"));
            }
        }
        if let Some(p) = self.places.iter().find(|p| !(0.0..=1.0).contains(&p.score)) {
            return Err(format!(
                "place {:?} has score {} outside 0..=1",
                p.span, p.score
            ));
        }
        self.check_dates_and_facts()
    }

    /// Dates in order inside their sentence, with `earliest <= latest`; facts (when there are
    /// any) one per claim, in the claim's sentence, pointing at items that exist; sources on
    /// boundaries.
    fn check_dates_and_facts(&self) -> std::result::Result<(), String> {
        let text = self.text;
        let in_sentence = |span: crate::Span, sentence: usize| {
            span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
                && self
                    .sentences
                    .get(sentence)
                    .is_some_and(|s| s.span.contains(span))
        };
        let mut last = 0;
        for d in &self.dates {
            if d.span.start < last || d.span.is_empty() || !in_sentence(d.span, d.sentence) {
                return Err(format!(
                    "date {:?} is out of order or not inside sentence {}",
                    d.span, d.sentence
                ));
            }
            last = d.span.start;
            if d.earliest.is_some() != d.latest.is_some() || d.earliest > d.latest {
                return Err(format!("date {:?} has a bad range", d.span));
            }
        }
        // A document built by hand from some extractors only has no facts: that is no violation.
        if !self.facts.is_empty() && self.facts.len() != self.claims.len() {
            return Err(format!(
                "{} facts for {} claims",
                self.facts.len(),
                self.claims.len()
            ));
        }
        for (i, f) in self.facts.iter().enumerate() {
            let bad = |what: &str| Err(format!("fact {i}: {what}"));
            if f.claim != i || self.claims[i].sentence != f.sentence {
                return bad("not its claim's fact");
            }
            if f.places
                .iter()
                .chain(&f.place)
                .any(|&p| p >= self.places.len())
            {
                return bad("points at a place that does not exist");
            }
            if f.date
                .is_some_and(|d| self.dates.get(d).is_none_or(|d| d.sentence != f.sentence))
            {
                return bad("points at a date outside its sentence");
            }
            if let Some(s) = f.source {
                let spans = [Some(s.name), Some(s.cue), s.role];
                if !in_sentence(s.span, s.sentence)
                    || spans
                        .into_iter()
                        .flatten()
                        .any(|x| !in_sentence(x, self.sentence_at(x)))
                {
                    return bad("has a source span off char boundaries or outside the sentences");
                }
            }
        }
        Ok(())
    }

    /// Index of the sentence that may contain `span` (the first one ending after its start).
    fn sentence_at(&self, span: crate::Span) -> usize {
        self.sentences.partition_point(|s| s.span.end <= span.start)
    }
}

/// A configured, reusable extractor. Cheap to clone and safe to share between threads.
///
/// ```
/// use factsift::{Extractor, Lang};
///
/// let extractor = Extractor::builder().lang(Lang::English).build().unwrap();
/// let doc = extractor.analyze("Iraq is in Asia. So is Syria.");
/// assert_eq!(doc.sentences.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    segmenter: Segmenter,
    claims: Arc<ClaimExtractor>,
    places: Arc<PlaceExtractor>,
    dates: DateExtractor,
    facts: FactLinker,
    /// Whether `analyze` finds dates and facts.
    with_facts: bool,
    reference_date: Option<CivilDate>,
}

impl Extractor {
    /// An English extractor with default options.
    pub fn new() -> Extractor {
        Extractor::builder()
            .build()
            .expect("the default configuration is valid")
    }

    /// A builder for the options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The language of the text this extractor expects.
    pub fn lang(&self) -> Lang {
        self.segmenter.lang()
    }

    /// The sentence segmenter.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// Sentences of `text`.
    pub fn sentences(&self, text: &str) -> Vec<Sentence> {
        self.segmenter.split(text)
    }

    /// Numeric claims in `text`.
    pub fn claims(&self, text: &str) -> Vec<Claim> {
        let sentences = self.sentences(text);
        self.claims.extract(text, &sentences)
    }

    /// Places in `text`.
    pub fn places(&self, text: &str) -> Vec<Place> {
        let sentences = self.sentences(text);
        self.places.extract(text, &sentences)
    }

    /// Date expressions in `text`, resolved against the configured reference date.
    pub fn dates(&self, text: &str) -> Vec<DateMention> {
        let sentences = self.sentences(text);
        self.dates.extract(text, &sentences, self.reference_date)
    }

    /// The date relative expressions are resolved against, if one was configured.
    pub fn reference_date(&self) -> Option<CivilDate> {
        self.reference_date
    }

    /// Sentences, claims, places, dates and facts of `text`, segmenting it once.
    pub fn analyze<'t>(&self, text: &'t str) -> Document<'t> {
        self.analyze_at(text, self.reference_date)
    }

    /// Like [`analyze`](Extractor::analyze), resolving dates against `reference` (the date the
    /// text was written) instead of the configured reference date.
    pub fn analyze_at<'t>(&self, text: &'t str, reference: Option<CivilDate>) -> Document<'t> {
        self.document(text, reference, self.with_facts)
    }

    /// Like [`analyze_at`](Extractor::analyze_at), always with dates and facts (even when the
    /// extractor was built with `facts(false)`).
    pub fn analyze_with_facts_at<'t>(
        &self,
        text: &'t str,
        reference: Option<CivilDate>,
    ) -> Document<'t> {
        self.document(text, reference, true)
    }

    fn document<'t>(
        &self,
        text: &'t str,
        reference: Option<CivilDate>,
        facts: bool,
    ) -> Document<'t> {
        let sentences = self.sentences(text);
        let claims = self.claims.extract(text, &sentences);
        let places = self.places.extract(text, &sentences);
        let (dates, facts) = if facts {
            let dates = self.dates.extract(text, &sentences, reference);
            let facts = self.facts.link(text, &sentences, &claims, &places, &dates);
            (dates, facts)
        } else {
            (Vec::new(), Vec::new())
        };
        Document {
            text,
            sentences,
            claims,
            places,
            dates,
            facts,
        }
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

/// Options for an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    lang: Lang,
    abbreviations: Vec<String>,
    places: PlacesConfig,
    reference_date: Option<CivilDate>,
    skip_facts: bool,
}

impl ExtractorBuilder {
    /// The language of the texts (default English).
    pub fn lang(mut self, lang: Lang) -> ExtractorBuilder {
        self.lang = lang;
        self
    }

    /// Extra abbreviations for the sentence segmenter (`"approx."`).
    pub fn abbreviations<I, S>(mut self, abbreviations: I) -> ExtractorBuilder
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.abbreviations
            .extend(abbreviations.into_iter().map(Into::into));
        self
    }

    /// Whether demonyms ("Iraqi") are reported as places (default true).
    pub fn demonyms(mut self, yes: bool) -> ExtractorBuilder {
        self.places.demonyms = yes;
        self
    }

    /// Places to add to the gazetteer (names it lacks, or readings that should win).
    pub fn extra_places<I: IntoIterator<Item = ExtraPlace>>(
        mut self,
        places: I,
    ) -> ExtractorBuilder {
        self.places.extra_places.extend(places);
        self
    }

    /// Names always reported as places when written capitalised.
    pub fn allow_places<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        names: I,
    ) -> ExtractorBuilder {
        self.places.allow.extend(names.into_iter().map(Into::into));
        self
    }

    /// Names never reported as places.
    pub fn deny_places<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        names: I,
    ) -> ExtractorBuilder {
        self.places.deny.extend(names.into_iter().map(Into::into));
        self
    }

    /// ISO 3166-1 alpha-2 codes of the countries the texts are about ("IQ"): ambiguous names
    /// resolve there first.
    pub fn country_focus<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        codes: I,
    ) -> ExtractorBuilder {
        self.places
            .countries
            .extend(codes.into_iter().map(Into::into));
        self
    }

    /// The date the texts were written, to resolve "on Friday" or "last week" (default none:
    /// only absolute dates are resolved).
    pub fn reference_date(mut self, date: Option<CivilDate>) -> ExtractorBuilder {
        self.reference_date = date;
        self
    }

    /// Whether [`Extractor::analyze`] finds dates and links facts (default true). Without them
    /// a document has only sentences, claims and places, and costs a little less.
    pub fn facts(mut self, yes: bool) -> ExtractorBuilder {
        self.skip_facts = !yes;
        self
    }

    /// Builds the extractor, or says which option is wrong.
    pub fn build(self) -> Result<Extractor> {
        self.places.validate()?;
        let segmenter = Segmenter::builder()
            .lang(self.lang)
            .abbreviations(self.abbreviations)
            .build()?;
        Ok(Extractor {
            segmenter,
            claims: Arc::new(ClaimExtractor::new()),
            places: Arc::new(PlaceExtractor::new(self.places)),
            dates: DateExtractor::new(),
            facts: FactLinker::new(),
            with_facts: !self.skip_facts,
            reference_date: self.reference_date,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn invariant_checker_catches_broken_documents() {
        let text = "One. Two.";
        let good = Extractor::new().analyze(text);
        assert_eq!(good.check_invariants(), Ok(()));

        let mut dropped = good.clone();
        dropped.sentences.pop();
        assert!(
            dropped
                .check_invariants()
                .unwrap_err()
                .contains("after the last sentence")
        );

        let mut untrimmed = good.clone();
        untrimmed.sentences[0].span = Span::new(0, 5);
        assert!(
            untrimmed
                .check_invariants()
                .unwrap_err()
                .contains("not trimmed")
        );

        let mut reindexed = good;
        reindexed.sentences[1].index = 7;
        assert!(reindexed.check_invariants().is_err());

        let text = "On Friday, 5 people left Iraq.";
        let good = Extractor::new().analyze(text);
        assert_eq!((good.dates.len(), good.facts.len()), (1, 1));
        assert_eq!(good.check_invariants(), Ok(()));

        let mut misplaced = good.clone();
        misplaced.dates[0].sentence = 1;
        assert!(misplaced.check_invariants().unwrap_err().contains("date"));

        let mut dangling = good.clone();
        dangling.facts[0].places.push(9);
        assert!(dangling.check_invariants().unwrap_err().contains("fact 0"));

        let mut extra = good;
        extra.facts.push(extra.facts[0].clone());
        assert!(extra.check_invariants().unwrap_err().contains("facts for"));
    }
}
