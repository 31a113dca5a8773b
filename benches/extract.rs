//! Micro-benchmarks of each extractor and of the offset conversion, so that regressions show up
//! in review: `cargo bench` (or `cargo bench -- sentences` for one group).
//!
//! Inputs are built from the example article (repeated to ~1 MB) plus a non-ASCII variant, so the
//! numbers are comparable between machines and runs of the same machine.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factsift::{CharOffsets, Extractor, Lang, Segmenter};

const ARTICLE: &str = include_str!("../examples/iraq_detainees.txt");

/// The article repeated to about `bytes` bytes, paragraphs separated by blank lines.
fn corpus(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + ARTICLE.len());
    while text.len() < bytes {
        text.push_str(ARTICLE);
        text.push_str("\n\n");
    }
    text
}

fn sentences(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let segmenter = Segmenter::new(Lang::English);
    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("english_1MB", |b| {
        b.iter(|| segmenter.split(black_box(&text)))
    });
    group.finish();
}

fn claims(c: &mut Criterion) {
    let extractor = Extractor::new();
    let text = corpus(1 << 20);
    let mut group = c.benchmark_group("claims");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("article_1MB", |b| {
        b.iter(|| extractor.claims(black_box(&text)))
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("one_article", |b| {
        b.iter(|| extractor.claims(black_box(ARTICLE)))
    });
    group.finish();
}

fn places(c: &mut Criterion) {
    let extractor = Extractor::new();
    let _ = extractor.places("Warm-up loads the gazetteer in Iraq.");
    let text = corpus(1 << 20);
    let mut group = c.benchmark_group("places");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("article_1MB", |b| {
        b.iter(|| extractor.places(black_box(&text)))
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("one_article", |b| {
        b.iter(|| extractor.places(black_box(ARTICLE)))
    });
    group.finish();
}

fn analyze(c: &mut Criterion) {
    let extractor = Extractor::new();
    let _ = extractor.analyze("Warm-up in Iraq.");
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Elements(1));
    group.bench_function("one_article", |b| {
        b.iter(|| extractor.analyze(black_box(ARTICLE)))
    });
    group.finish();
}

fn dates_and_facts(c: &mut Criterion) {
    let extractor = Extractor::new();
    let lean = Extractor::builder()
        .facts(false)
        .build()
        .expect("valid options");
    let _ = extractor.analyze("Warm-up in Iraq on Friday, 5 people said.");
    let text = corpus(1 << 20);
    let mut group = c.benchmark_group("dates_and_facts");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("dates_1MB", |b| {
        b.iter(|| extractor.dates(black_box(&text)))
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("analyze_with_facts", |b| {
        b.iter(|| extractor.analyze(black_box(ARTICLE)))
    });
    group.bench_function("analyze_without_facts", |b| {
        b.iter(|| lean.analyze(black_box(ARTICLE)))
    });
    group.finish();
}

fn offsets(c: &mut Criterion) {
    let ascii = corpus(1 << 20);
    let mixed = ascii.replace("Iraq", "Irāq العراق").replace("ISIS", "ИГИЛ");
    let mut group = c.benchmark_group("char_offsets");
    for (name, text) in [("ascii_1MB", &ascii), ("mixed_1MB", &mixed)] {
        let sentence_ends: Vec<usize> = Segmenter::default()
            .split(text)
            .iter()
            .map(|s| s.span.end)
            .collect();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let offsets = CharOffsets::new(black_box(text));
                sentence_ends
                    .iter()
                    .map(|&e| offsets.char_offset(e))
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    sentences,
    claims,
    places,
    analyze,
    dates_and_facts,
    offsets
);
criterion_main!(benches);
