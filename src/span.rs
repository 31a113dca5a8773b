//! Byte spans inside the core; code-point offsets at the edge.
//!
//! Every extractor in this crate works on `&str` and reports [`Span`]s of **byte** offsets, which
//! is what slicing a `&str` needs. Python, JavaScript and most users count **code points**
//! instead. [`CharOffsets`] is the one place that converts between the two, so the rest of the
//! crate never has to think about it.
//!
//! ```
//! use factsift::{CharOffsets, Span};
//!
//! let text = "Café in Zürich";
//! let span = Span::new(9, 16); // the bytes of "Zürich"
//! assert_eq!(span.as_str(text), "Zürich");
//!
//! let offsets = CharOffsets::new(text);
//! assert_eq!(offsets.span(span), (8, 14)); // "é" and "ü" take two bytes each
//! ```

use std::fmt;

/// A half-open range of **byte** offsets into a text, `start..end`.
///
/// Both ends always fall on `char` boundaries of the text the span came from.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). Panics in debug builds if `start > end`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Number of bytes covered.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text. `text` must be the text the span was made from.
    #[inline]
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when `other` lies entirely inside this span.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span moved right by `delta` bytes (for spans found inside a slice of a text).
    #[inline]
    pub const fn shift(&self, delta: usize) -> Span {
        Span {
            start: self.start + delta,
            end: self.end + delta,
        }
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Bytes per block of the code-point index. Small enough that a lookup scans little, large enough
/// that the index costs one `usize` per 128 bytes of text.
const BLOCK: usize = 128;

/// Converts byte offsets of one text into code-point offsets (Python `str` indices).
///
/// Building it is one linear pass; each lookup is O(1) plus a scan of at most 128 bytes. For
/// pure-ASCII text (most English news) it stores nothing and every lookup is the identity.
#[derive(Clone, Debug)]
pub struct CharOffsets<'t> {
    bytes: &'t [u8],
    /// Code points before each block of `BLOCK` bytes; empty when the text is ASCII.
    block_starts: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    /// Index `text` for offset conversion.
    #[inline]
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let bytes = text.as_bytes();
        if is_ascii(bytes) {
            return CharOffsets {
                bytes,
                block_starts: Vec::new(),
            };
        }
        CharOffsets::index(bytes)
    }

    /// The block index of a text that is not ASCII.
    #[cold]
    fn index(bytes: &'t [u8]) -> CharOffsets<'t> {
        let mut block_starts = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0usize;
        for block in bytes.chunks(BLOCK) {
            block_starts.push(chars);
            chars += count_char_starts(block);
        }
        block_starts.push(chars);
        CharOffsets {
            bytes,
            block_starts,
        }
    }

    /// True when byte and code-point offsets coincide (the text is ASCII).
    #[inline]
    pub fn is_identity(&self) -> bool {
        self.block_starts.is_empty()
    }

    /// The code-point offset of byte offset `byte`.
    ///
    /// `byte` must be `<=` the text's length and on a `char` boundary; offsets past the end are
    /// clamped to the end so that a caller's bug can never turn into a panic here.
    #[inline]
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.is_identity() {
            return byte;
        }
        let block = byte / BLOCK;
        let base = block * BLOCK;
        self.block_starts[block] + count_char_starts(&self.bytes[base..byte])
    }

    /// `(start, end)` of `span` in code points.
    #[inline]
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }

    /// Number of code points in the whole text.
    pub fn char_len(&self) -> usize {
        self.char_offset(self.bytes.len())
    }
}

/// True when every byte is ASCII. The same answer as `<[u8]>::is_ascii`, but without a loop
/// over single bytes at the end, which dominates for the short texts of a batch (a headline, a
/// tweet): whole words are OR-ed together, the last one overlapping the one before.
#[inline]
fn is_ascii(bytes: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |b: &[u8]| -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[..8]);
        u64::from_le_bytes(w)
    };
    let n = bytes.len();
    if n < 8 {
        return bytes.iter().fold(0u8, |acc, &b| acc | b) < 0x80;
    }
    let mut blocks = bytes.chunks_exact(32);
    for b in &mut blocks {
        if (word(b) | word(&b[8..]) | word(&b[16..]) | word(&b[24..])) & HIGH != 0 {
            return false;
        }
    }
    let mut acc = word(&bytes[n - 8..]);
    for w in blocks.remainder().chunks_exact(8) {
        acc |= word(w);
    }
    acc & HIGH == 0
}

/// Counts the bytes that start a UTF-8 character (everything but continuation bytes).
#[inline]
fn count_char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        let offsets = CharOffsets::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_offset(byte), chars, "byte {byte} of {text:?}");
        }
        assert_eq!(offsets.char_len(), text.chars().count());
    }

    #[test]
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("plain ascii");
        assert!(offsets.is_identity());
        assert_eq!(offsets.span(Span::new(6, 11)), (6, 11));
    }

    #[test]
    fn mixed_scripts_across_blocks() {
        let unit = "Ιράκ 伊拉克 العراق 👩‍👩‍👧 e\u{301} ";
        check_all(&unit.repeat(40));
        check_all("é");
        check_all("");
    }

    #[test]
    fn is_ascii_agrees_with_std() {
        let base: Vec<u8> = (0..200u8).map(|i| b'a' + i % 26).collect();
        for len in 0..base.len() {
            assert!(is_ascii(&base[..len]));
            for at in 0..len {
                let mut bytes = base[..len].to_vec();
                bytes[at] = 0x80 | (at as u8);
                assert!(!is_ascii(&bytes), "byte {at} of {len}");
            }
        }
    }

    #[test]
    fn past_end_is_clamped() {
        let offsets = CharOffsets::new("ü");
        assert_eq!(offsets.char_offset(99), 1);
    }

    #[test]
    fn span_helpers() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(2, 9));
        assert_eq!(a.shift(10), Span::new(12, 15));
        assert!(Span::new(0, 10).contains(a));
    }
}
