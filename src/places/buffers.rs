//! The word buffers of one text, kept per thread for the next: texts come one after another,
//! and a fresh buffer for each is an allocation the size of the text, and cold in the cache.

use std::cell::RefCell;

use crate::places::tokens::Token;

/// Buffers larger than this many words (or folded bytes) go back to the allocator: one huge
/// text should not pin its buffers for the life of the thread.
const KEEP_AT_MOST: usize = 1 << 16;

thread_local! {
    static SPARE: RefCell<(String, Vec<Token<'static>>)> = const {
        RefCell::new((String::new(), Vec::new()))
    };
}

/// This thread's spare buffers (empty ones if there are none).
pub fn take() -> (String, Vec<Token<'static>>) {
    SPARE
        .try_with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// Keeps the buffers for the thread's next text.
pub fn give_back(mut folded: String, words: Vec<Token<'static>>) {
    if folded.capacity() > KEEP_AT_MOST * 8 || words.capacity() > KEEP_AT_MOST {
        return;
    }
    folded.clear();
    let _ = SPARE.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = (folded, words);
        }
    });
}
