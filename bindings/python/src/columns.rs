//! Tidy columns: one row per sentence, claim or place, written straight into Arrow arrays.
//!
//! This is the fast path behind `factsift.frame()`, `factsift.table()` and the Dask and Spark
//! helpers: no Python object is made per item. Each kind's columns are declared once, in
//! [`columns!`] below, and that declaration is the single source of the column names, their Arrow
//! types and their order (`doc_id` first, then the fields of the matching result class).

use std::sync::{Arc, OnceLock};

use arrow_array::builder::{Float64Builder, Int64Builder, LargeStringBuilder};
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use factsift::dates::{CivilDate, DateMention};
use factsift::{CharOffsets, Claim, Document, Extractor, Place, Sentence};

use crate::options::References;

/// What a tidy table holds one row of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Sentences = 0,
    Claims = 1,
    Places = 2,
    Dates = 3,
    Facts = 4,
}

impl Kind {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [Kind; 5] = [
        Kind::Sentences,
        Kind::Claims,
        Kind::Places,
        Kind::Dates,
        Kind::Facts,
    ];

    /// The kind named `name` (`"sentences"`, `"claims"` or `"places"`).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The name used in Python.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Sentences => "sentences",
            Kind::Claims => "claims",
            Kind::Places => "places",
            Kind::Dates => "dates",
            Kind::Facts => "facts",
        }
    }

    /// The kind named `name`, or a `ConfigError` listing the kinds.
    pub fn from_python(py: pyo3::Python<'_>, name: &str) -> pyo3::PyResult<Kind> {
        Kind::parse(name).ok_or_else(|| {
            crate::errors::config_error(
                py,
                format!(
                    "unknown kind {name:?}: use \"sentences\", \"claims\", \"places\", \"dates\" or \"facts\""
                ),
            )
        })
    }

    /// `(name, Arrow type, nullable)` of each column, in order.
    pub fn fields(self) -> &'static [(&'static str, DataType, bool)] {
        match self {
            Kind::Sentences => SentenceColumns::FIELDS,
            Kind::Claims => ClaimColumns::FIELDS,
            Kind::Places => PlaceColumns::FIELDS,
            Kind::Dates => DateColumns::FIELDS,
            Kind::Facts => FactColumns::FIELDS,
        }
    }

    /// The Arrow schema of this kind's table (built once per process).
    pub fn schema(self) -> SchemaRef {
        static SCHEMAS: [OnceLock<SchemaRef>; 5] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        SCHEMAS[self as usize]
            .get_or_init(|| {
                Arc::new(Schema::new(
                    self.fields()
                        .iter()
                        .map(|(name, data_type, nullable)| {
                            Field::new(*name, data_type.clone(), *nullable)
                        })
                        .collect::<Vec<_>>(),
                ))
            })
            .clone()
    }

    /// Runs the extractor for this kind over `texts` and writes one row per item. Dates and
    /// facts are resolved against each row's reference date.
    pub fn batch(
        self,
        extractor: &Extractor,
        texts: &[Text<'_>],
        references: &References,
    ) -> Result<RecordBatch, ArrowError> {
        match self {
            Kind::Sentences => fill(
                texts,
                |t| extractor.sentences(t),
                SentenceColumns::for_texts,
                SentenceColumns::push,
            )
            .finish(),
            Kind::Claims => fill(
                texts,
                |t| extractor.claims(t),
                ClaimColumns::for_texts,
                ClaimColumns::push,
            )
            .finish(),
            Kind::Places => fill(
                texts,
                |t| extractor.places(t),
                PlaceColumns::for_texts,
                PlaceColumns::push,
            )
            .finish(),
            Kind::Dates => {
                let found: Vec<Vec<DateMention>> = texts
                    .iter()
                    .map(|t| {
                        let sentences = extractor.sentences(t.text);
                        factsift::dates::DateExtractor::new().extract(
                            t.text,
                            &sentences,
                            references.at(t.row),
                        )
                    })
                    .collect();
                let mut columns = DateColumns::with_capacity(found.iter().map(Vec::len).sum());
                for (t, dates) in texts.iter().zip(&found) {
                    let offsets = CharOffsets::new(t.text);
                    for d in dates {
                        columns.push(t.row, d, t.text, &offsets);
                    }
                }
                columns.finish()
            }
            Kind::Facts => {
                let docs: Vec<Document<'_>> = texts
                    .iter()
                    .map(|t| extractor.analyze_at(t.text, references.at(t.row)))
                    .collect();
                let mut columns =
                    FactColumns::with_capacity(docs.iter().map(|d| d.facts.len()).sum());
                for (t, doc) in texts.iter().zip(&docs) {
                    if doc.facts.is_empty() {
                        continue;
                    }
                    let offsets = CharOffsets::new(t.text);
                    columns.push_document(t.row, doc, &offsets);
                }
                columns.finish()
            }
        }
    }

    /// The number of items of this kind in `text` (for benchmarks).
    pub fn count(self, extractor: &Extractor, text: &str) -> usize {
        match self {
            Kind::Sentences => extractor.sentences(text).len(),
            Kind::Claims => extractor.claims(text).len(),
            Kind::Places => extractor.places(text).len(),
            Kind::Dates => extractor.dates(text).len(),
            Kind::Facts => extractor.analyze(text).facts.len(),
        }
    }
}

/// Writes the rows of each text right after extracting its items, while the text is still in
/// cache: the items of one text live only until its rows are written, so their allocation is
/// reused from text to text, as it is when the core work runs alone. The builders start at
/// `new`'s estimate of the piece's size and grow if it was short.
fn fill<I, C>(
    texts: &[Text<'_>],
    extract: impl Fn(&str) -> Vec<I>,
    new: fn(&[Text<'_>]) -> C,
    push: fn(&mut C, usize, &I, &str, &CharOffsets<'_>),
) -> C {
    let mut columns = new(texts);
    for t in texts {
        let items = extract(t.text);
        if items.is_empty() {
            continue; // no offsets to convert: skip indexing the text
        }
        let offsets = CharOffsets::new(t.text);
        for item in &items {
            push(&mut columns, t.row, item, t.text, &offsets);
        }
    }
    columns
}

/// Bytes of text in `texts`.
fn text_bytes(texts: &[Text<'_>]) -> usize {
    texts.iter().map(|t| t.text.len()).sum()
}

/// One input text and its row (its position in the caller's input, counting missing values).
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    pub row: usize,
    pub text: &'a str,
}

/// A column of numbers that are never missing: a plain `Vec`, whose `push` inlines where the
/// Arrow builder's `append_value` is a call, and which becomes an Arrow array without a copy.
pub struct Values<T>(Vec<T>);

impl<T> Values<T> {
    fn with_capacity(rows: usize) -> Self {
        Values(Vec::with_capacity(rows))
    }

    #[inline]
    fn append_value(&mut self, value: T) {
        self.0.push(value);
    }
}

impl Values<i64> {
    fn finish(&mut self) -> Int64Array {
        Int64Array::from(std::mem::take(&mut self.0))
    }
}

impl Values<f64> {
    fn finish(&mut self) -> Float64Array {
        Float64Array::from(std::mem::take(&mut self.0))
    }
}

/// The Arrow builder of a column shape (`Opt*` shapes are nullable).
macro_rules! builder {
    (Int) => {
        Values<i64>
    };
    (OptInt) => {
        Int64Builder
    };
    (Float) => {
        Values<f64>
    };
    (OptFloat) => {
        Float64Builder
    };
    (Str) => {
        LargeStringBuilder
    };
    (OptStr) => {
        LargeStringBuilder
    };
}

/// The Arrow type and nullability of a column shape.
macro_rules! data_type {
    (Int) => {
        (DataType::Int64, false)
    };
    (OptInt) => {
        (DataType::Int64, true)
    };
    (Float) => {
        (DataType::Float64, false)
    };
    (OptFloat) => {
        (DataType::Float64, true)
    };
    (Str) => {
        (DataType::LargeUtf8, false)
    };
    (OptStr) => {
        (DataType::LargeUtf8, true)
    };
}

/// `columns!(Name for Kind::X => { field: Shape, ... })` declares a struct of Arrow builders, its
/// `FIELDS` (name, Arrow type, nullable) in column order, `with_capacity()` and `finish()`.
macro_rules! columns {
    (@builder Str, $rows:expr, $bytes:expr) => { LargeStringBuilder::with_capacity($rows, $bytes) };
    (@builder OptStr, $rows:expr, $bytes:expr) => { LargeStringBuilder::with_capacity($rows, $bytes) };
    (@builder $ty:ident, $rows:expr, $bytes:expr) => { <builder!($ty)>::with_capacity($rows) };
    ($(#[$doc:meta])* $name:ident for $kind:expr => { $($field:ident : $ty:ident),+ $(,)? }) => {
        $(#[$doc])*
        pub struct $name {
            $($field: builder!($ty),)+
        }

        impl $name {
            pub const FIELDS: &'static [(&'static str, DataType, bool)] = &[
                $((stringify!($field), data_type!($ty).0, data_type!($ty).1),)+
            ];

            /// Builders with room for `rows` rows (and a guess of 32 bytes per string).
            #[allow(dead_code)] // not every kind sizes its columns this way
            pub fn with_capacity(rows: usize) -> Self {
                Self::with_capacities(rows, rows * 32)
            }

            /// Builders with room for `rows` rows and `bytes` bytes in each string column.
            pub fn with_capacities(rows: usize, bytes: usize) -> Self {
                Self {
                    $($field: columns!(@builder $ty, rows, bytes),)+
                }
            }

            pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
                let arrays: Vec<ArrayRef> = vec![$(Arc::new(self.$field.finish()) as ArrayRef),+];
                RecordBatch::try_new($kind.schema(), arrays)
            }
        }
    };
}

columns!(
    /// Columns of `Sentence` (`bindings/python/src/sentence.rs`), after `doc_id`.
    SentenceColumns for Kind::Sentences => {
        doc_id: Int,
        index: Int,
        start: Int,
        end: Int,
        text: Str,
    }
);

columns!(
    /// Columns of `Claim` (`bindings/python/src/claim.rs`), after `doc_id`.
    ClaimColumns for Kind::Claims => {
        doc_id: Int,
        text: Str,
        start: Int,
        end: Int,
        sentence: Int,
        value: OptFloat,
        low: OptFloat,
        high: OptFloat,
        unit: OptStr,
        unit_text: OptStr,
        dimension: Str,
        base_value: OptFloat,
        base_unit: OptStr,
        bound: Str,
        change: OptStr,
        concept: OptStr,
        concept_start: OptInt,
        concept_end: OptInt,
    }
);

columns!(
    /// Columns of `Place` (`bindings/python/src/place.rs`), after `doc_id`.
    PlaceColumns for Kind::Places => {
        doc_id: Int,
        text: Str,
        start: Int,
        end: Int,
        sentence: Int,
        name: Str,
        kind: Str,
        country_code: OptStr,
        admin1: OptStr,
        lat: OptFloat,
        lon: OptFloat,
        geonameid: OptInt,
        population: OptInt,
        modifier: OptStr,
        score: Float,
    }
);

columns!(
    /// Columns of `Date` (`bindings/python/src/fact.rs`), after `doc_id`.
    DateColumns for Kind::Dates => {
        doc_id: Int,
        text: Str,
        start: Int,
        end: Int,
        sentence: Int,
        kind: Str,
        relation: OptStr,
        earliest: OptStr,
        latest: OptStr,
    }
);

columns!(
    /// One row per claim with its context: the claim's main fields, its own place, the names
    /// of the places it is about (joined with "; "), its date and its source. The same columns
    /// as `factsift.frames.fact_record()`.
    FactColumns for Kind::Facts => {
        doc_id: Int,
        sentence: Int,
        claim: Str,
        start: Int,
        end: Int,
        value: OptFloat,
        low: OptFloat,
        high: OptFloat,
        unit: OptStr,
        dimension: Str,
        bound: Str,
        change: OptStr,
        concept: OptStr,
        place: OptStr,
        place_country_code: OptStr,
        place_lat: OptFloat,
        place_lon: OptFloat,
        places: OptStr,
        date: OptStr,
        date_earliest: OptStr,
        date_latest: OptStr,
        source: OptStr,
        source_role: OptStr,
        source_kind: OptStr,
        sentence_text: Str,
    }
);

/// Offsets and counts fit `i64` by far (a text is at most `isize::MAX` bytes); saturate anyway
/// rather than wrap.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn int_u64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl SentenceColumns {
    /// Room for the sentences of `texts`: their bytes are at most the texts' bytes, and a
    /// sentence per 64 bytes beyond one per text covers news prose (the builders grow if not).
    fn for_texts(texts: &[Text<'_>]) -> Self {
        let bytes = text_bytes(texts);
        Self::with_capacities(texts.len() + bytes / 64, bytes)
    }

    fn push(&mut self, row: usize, s: &Sentence, text: &str, offsets: &CharOffsets<'_>) {
        let (start, end) = offsets.span(s.span);
        self.doc_id.append_value(int(row));
        self.index.append_value(int(s.index));
        self.start.append_value(int(start));
        self.end.append_value(int(end));
        self.text.append_value(s.span.as_str(text));
    }
}

impl ClaimColumns {
    /// Room for a claim per text plus one per 256 bytes (the builders grow if not).
    fn for_texts(texts: &[Text<'_>]) -> Self {
        Self::with_capacity(texts.len() + text_bytes(texts) / 256)
    }

    fn push(&mut self, row: usize, c: &Claim, text: &str, offsets: &CharOffsets<'_>) {
        let (start, end) = offsets.span(c.span);
        let concept = c.concept.map(|s| (s.as_str(text), offsets.span(s)));
        self.doc_id.append_value(int(row));
        self.text.append_value(c.span.as_str(text));
        self.start.append_value(int(start));
        self.end.append_value(int(end));
        self.sentence.append_value(int(c.sentence));
        self.value.append_option(c.value);
        self.low.append_option(c.low);
        self.high.append_option(c.high);
        self.unit.append_option(c.unit.as_deref());
        self.unit_text
            .append_option(c.unit_span.map(|s| s.as_str(text)));
        self.dimension.append_value(c.dimension.as_str());
        self.base_value.append_option(c.base_value);
        self.base_unit.append_option(c.base_unit.as_deref());
        self.bound.append_value(c.bound.as_str());
        self.change.append_option(c.change.map(|ch| ch.as_str()));
        self.concept.append_option(concept.map(|(t, _)| t));
        self.concept_start
            .append_option(concept.map(|(_, (s, _))| int(s)));
        self.concept_end
            .append_option(concept.map(|(_, (_, e))| int(e)));
    }
}

impl PlaceColumns {
    /// Room for a place per text plus one per 256 bytes (the builders grow if not).
    fn for_texts(texts: &[Text<'_>]) -> Self {
        Self::with_capacity(texts.len() + text_bytes(texts) / 256)
    }

    fn push(&mut self, row: usize, p: &Place, text: &str, offsets: &CharOffsets<'_>) {
        let (start, end) = offsets.span(p.span);
        self.doc_id.append_value(int(row));
        self.text.append_value(p.span.as_str(text));
        self.start.append_value(int(start));
        self.end.append_value(int(end));
        self.sentence.append_value(int(p.sentence));
        self.name.append_value(&p.name);
        self.kind.append_value(p.kind.as_str());
        self.country_code.append_option(p.country_code.as_deref());
        self.admin1.append_option(p.admin1.as_deref());
        self.lat.append_option(p.lat);
        self.lon.append_option(p.lon);
        self.geonameid.append_option(p.geonameid.map(int_u64));
        self.population.append_option(p.population.map(int_u64));
        self.modifier.append_option(p.modifier.as_deref());
        self.score.append_value(p.score);
    }
}

impl DateColumns {
    fn push(&mut self, row: usize, d: &DateMention, text: &str, offsets: &CharOffsets<'_>) {
        let (start, end) = offsets.span(d.span);
        let iso = |x: Option<CivilDate>| x.map(|x| x.to_string());
        self.doc_id.append_value(int(row));
        self.text.append_value(d.span.as_str(text));
        self.start.append_value(int(start));
        self.end.append_value(int(end));
        self.sentence.append_value(int(d.sentence));
        self.kind.append_value(d.kind.as_str());
        self.relation.append_option(d.relation);
        self.earliest.append_option(iso(d.earliest));
        self.latest.append_option(iso(d.latest));
    }
}

impl FactColumns {
    fn push_document(&mut self, row: usize, doc: &Document<'_>, offsets: &CharOffsets<'_>) {
        let text = doc.text;
        for f in &doc.facts {
            let (Some(c), Some(s)) = (doc.claims.get(f.claim), doc.sentences.get(f.sentence))
            else {
                continue;
            };
            let (start, end) = offsets.span(c.span);
            let place = f.place.and_then(|p| doc.places.get(p));
            let date = f.date.and_then(|d| doc.dates.get(d));
            let names: Vec<&str> = f
                .places
                .iter()
                .filter_map(|&p| doc.places.get(p))
                .map(|p| p.name.as_str())
                .collect();
            self.doc_id.append_value(int(row));
            self.sentence.append_value(int(f.sentence));
            self.claim.append_value(c.span.as_str(text));
            self.start.append_value(int(start));
            self.end.append_value(int(end));
            self.value.append_option(c.value);
            self.low.append_option(c.low);
            self.high.append_option(c.high);
            self.unit.append_option(c.unit.as_deref());
            self.dimension.append_value(c.dimension.as_str());
            self.bound.append_value(c.bound.as_str());
            self.change.append_option(c.change.map(|ch| ch.as_str()));
            self.concept
                .append_option(c.concept.map(|x| x.as_str(text)));
            self.place.append_option(place.map(|p| p.name.as_str()));
            self.place_country_code
                .append_option(place.and_then(|p| p.country_code.as_deref()));
            self.place_lat.append_option(place.and_then(|p| p.lat));
            self.place_lon.append_option(place.and_then(|p| p.lon));
            self.places
                .append_option((!names.is_empty()).then(|| names.join("; ")));
            self.date.append_option(date.map(|d| d.span.as_str(text)));
            self.date_earliest
                .append_option(date.and_then(|d| d.earliest).map(|x| x.to_string()));
            self.date_latest
                .append_option(date.and_then(|d| d.latest).map(|x| x.to_string()));
            self.source
                .append_option(f.source.map(|x| x.name.as_str(text)));
            self.source_role
                .append_option(f.source.and_then(|x| x.role).map(|r| r.as_str(text)));
            self.source_kind
                .append_option(f.source.map(|x| x.kind.as_str()));
            self.sentence_text.append_value(s.span.as_str(text));
        }
    }
}

/// ``[(name, arrow_type, nullable), ...]`` of the tidy table for ``kind``, in column order: the
/// one definition that the Python layer derives pandas dtypes and Spark schemas from.
#[pyo3::pyfunction]
#[pyo3(name = "_columns")]
pub fn columns(
    py: pyo3::Python<'_>,
    kind: &str,
) -> pyo3::PyResult<Vec<(&'static str, String, bool)>> {
    Ok(Kind::from_python(py, kind)?
        .fields()
        .iter()
        .map(|(name, data_type, nullable)| (*name, data_type.to_string(), *nullable))
        .collect())
}
