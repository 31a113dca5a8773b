//! factsift pulls **sentences**, **numeric claims** and **places** out of news text: fast,
//! offline, with exact offsets.
//!
//! # A first look
//!
//! Build an [`Extractor`] once and call it on as many texts as you like, from as many threads as
//! you like:
//!
//! ```
//! use factsift::Extractor;
//!
//! let extractor = Extractor::new();
//! let text = "Iraq has transferred 2,250 ISIS militants. Maan told Rudaw on Saturday.";
//! let doc = extractor.analyze(text);
//!
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.span.as_str(text)).collect();
//! assert_eq!(sentences, ["Iraq has transferred 2,250 ISIS militants.", "Maan told Rudaw on Saturday."]);
//! ```
//!
//! # Offsets
//!
//! Everything the core reports carries a [`Span`] of **byte** offsets into the text you passed,
//! so `span.as_str(text)` is always the item's text. Bindings for languages that count code
//! points (Python) convert them with [`CharOffsets`], the one place where that conversion lives.
//!
//! # Sentences
//!
//! A [`Segmenter`] splits text with rules for abbreviations ("Mr.", "U.S.", "a.m."), initials,
//! decimals, numbered lists, ellipses, URLs, quotations and headlines, in any of the languages in
//! [`Lang::ALL`]. Add your own abbreviations through [`SegmenterBuilder::abbreviation`] or
//! [`ExtractorBuilder::abbreviations`].
//!
//! # Claims and places
//!
//! A [`Claim`] is a number with its unit, bound ("about", "more than"), direction of change and
//! the thing it counts. A [`Place`] is a toponym resolved against an embedded GeoNames-derived
//! gazetteer (CC-BY 4.0). Both are reported per sentence.
//!
//! # Errors
//!
//! Extraction never fails and never panics: any `&str` gives a result. Only building an
//! [`Extractor`] can fail, with an [`Error`] that says which option was wrong and what to do.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod claims;
pub mod dates;
mod document;
mod error;
pub mod facts;
mod hash;
mod lang;
pub mod places;
pub mod sentences;
mod span;

pub use claims::{Bound, Change, Claim, ClaimExtractor, Dimension};
pub use document::{Document, Extractor, ExtractorBuilder};
pub use error::{Error, Result};
pub use facts::{Fact, Source, SourceKind};
pub use lang::Lang;
pub use places::{ExtraPlace, Place, PlaceExtractor, PlaceKind, PlacesConfig};
pub use sentences::{Segmenter, SegmenterBuilder, Sentence};
pub use span::{CharOffsets, Span};
