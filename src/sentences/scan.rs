//! The single forward pass that finds sentence boundaries.
//!
//! The scanner jumps from one interesting byte to the next (terminal punctuation, line breaks,
//! a few brackets and the lead bytes of the non-ASCII marks it knows) and hands each to a rule.
//! Rules look at bounded windows around their position (see [`window`](super::window)) and
//! either cut or not; cuts are emitted in increasing order. The terminal rules live in
//! [`terminal`](super::terminal).

use super::chars::{
    Case, Script, is_bullet, is_closer, is_dash, is_opener, is_script_terminal,
    is_unspaced_terminal,
};
use super::lexicon::Lexicon;
use super::lists::{Label, Style};
use super::profile::Profile;
use super::window::{
    Gap, char_at, char_before, ends_with_terminal, last_visible_before, skip_closers, word_before,
};

/// Bytes that may start something a rule looks at. Non-ASCII lead bytes are listed by the
/// blocks of the marks in [`chars`](super::chars): Greek (0xCD), Armenian (0xD6), Arabic (0xD8,
/// 0xDB), Indic/Ethiopic/Myanmar (0xE0, 0xE1), general punctuation and bullets (0xE2), CJK
/// punctuation (0xE3) and full-width forms (0xEF).
const INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let ascii = *b"\n.!?):;";
    let mut i = 0;
    while i < ascii.len() {
        table[ascii[i] as usize] = true;
        i += 1;
    }
    let leads = [0xCD, 0xD6, 0xD8, 0xDB, 0xE0, 0xE1, 0xE2, 0xE3, 0xEF];
    let mut i = 0;
    while i < leads.len() {
        table[leads[i]] = true;
        i += 1;
    }
    table
};

/// The first interesting byte at or after `i`. Eight bytes at a time: a chunk is looked at
/// byte by byte only if it has a non-ASCII byte or one of the interesting ASCII bytes (the
/// classic "has zero byte" test, which never misses one).
fn next_interesting(bytes: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    fn has(chunk: u64, byte: u8) -> u64 {
        let x = chunk ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGH
    }
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let chunk = u64::from_le_bytes(word);
        let hits = (chunk & HIGH)
            | has(chunk, b'\n')
            | has(chunk, b'.')
            | has(chunk, b'!')
            | has(chunk, b'?')
            | has(chunk, b')')
            | has(chunk, b':')
            | has(chunk, b';');
        if hits != 0
            && let Some(k) = word.iter().position(|&b| INTERESTING[b as usize])
        {
            return Some(i + k);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| INTERESTING[b as usize])
        .map(|k| i + k)
}

/// How far ahead a CJK book-title bracket (`《...》`) may close and still hide its punctuation.
const TITLE_WINDOW: usize = 256;

/// The state of one pass over one text.
pub(super) struct Scanner<'a> {
    pub(super) text: &'a str,
    pub(super) lexicon: &'a Lexicon,
    pub(super) profile: Profile,
    /// Cut positions so far, ascending.
    cuts: Vec<usize>,
    /// The last cut (0 before the first): the current sentence starts after it.
    pub(super) last: usize,
    /// The label the current list expects next, if a list is open.
    pub(super) list: Option<Label>,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(text: &'a str, lexicon: &'a Lexicon, profile: Profile) -> Scanner<'a> {
        Scanner {
            text,
            lexicon,
            profile,
            cuts: Vec::new(),
            last: 0,
            list: None,
        }
    }

    /// A scanner at the same place reading with another lexicon and profile: how another
    /// language would decide a boundary. It sees the current sentence's start, nothing else.
    pub(super) fn reading(&self, lexicon: &'a Lexicon, profile: Profile) -> Scanner<'a> {
        Scanner {
            text: self.text,
            lexicon,
            profile,
            cuts: Vec::new(),
            last: self.last,
            list: None,
        }
    }

    /// Runs the pass and returns the cut positions, ascending, without the end of the text.
    pub(super) fn run(mut self) -> Vec<usize> {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match next_interesting(bytes, i) {
                Some(k) => i = k,
                None => break,
            }
            let next = match bytes[i] {
                b'\n' => self.line_break(i),
                b'.' | b'!' | b'?' => self.terminal(i),
                b')' => self.paren_label(i),
                b':' | b';' => self.colon(i),
                _ => self.non_ascii(i),
            };
            // Every rule moves forward; the guard keeps that true even if one did not.
            i = next.max(i + 1);
            while !self.text.is_char_boundary(i) {
                i += 1;
            }
        }
        self.cuts
    }

    /// Cuts the text at byte `at` (ignored unless it is past the previous cut).
    pub(super) fn cut(&mut self, at: usize) {
        if at > self.last && at < self.text.len() {
            self.cuts.push(at);
            self.last = at;
        }
    }

    /// The lexicon for a word: the language's own for words in its script, otherwise the
    /// merged lexicon of the word's script (a Cyrillic abbreviation in English text), if any.
    pub(super) fn lexicon_for(&self, word: &str) -> &'a Lexicon {
        let script = Script::of_word(word);
        if script == self.profile.script || script == Script::Other {
            return self.lexicon;
        }
        Lexicon::for_script(script).unwrap_or(self.lexicon)
    }

    /// True when only whitespace and list bullets separate byte `i` from the start of the
    /// current sentence or of the line: a list label there starts an item.
    pub(super) fn at_item_start(&self, i: usize) -> bool {
        for (pos, c) in self.text[..i].char_indices().rev() {
            if pos < self.last || c == '\n' {
                return true;
            }
            if i - pos > 32 || !(c.is_whitespace() || is_bullet(c) || is_dash(c)) {
                return false;
            }
        }
        true
    }

    /// A list label (`1.`, `2.)`, `b)`) ending at `label_end`, whose word starts at `start`:
    /// returns true if it is one (so its punctuation is not a sentence end), cutting before it
    /// when it continues a list in the middle of a line.
    pub(super) fn list_label(&mut self, start: usize, word: &str, style: Style) -> bool {
        let Some(label) = Label::parse(word, style) else {
            return false;
        };
        // A list starts at the start of a sentence or line, or with its first label after a
        // colon ("Steps: 1. Boil the water 2. Add the rice").
        let after_colon = label.is_first()
            && last_visible_before(self.text, start).is_some_and(|(_, c)| c == ':');
        if self.at_item_start(start) || after_colon {
            self.list = Some(label.successor());
            return true;
        }
        if self.list == Some(label) {
            self.cut(start);
            self.list = Some(label.successor());
            return true;
        }
        false
    }

    /// A line break: a blank line always ends a sentence; a single break ends one when the line
    /// has no final punctuation (a headline) and the next line does not go on in lower case.
    fn line_break(&mut self, i: usize) -> usize {
        let gap = Gap::at(self.text, i);
        if gap.end >= self.text.len() {
            return gap.end;
        }
        if gap.is_paragraph() {
            self.cut(i);
            self.list = None;
            return gap.end;
        }
        let Some((prev_at, prev)) = last_visible_before(self.text, i) else {
            return gap.end;
        };
        if ends_with_terminal(self.text, prev_at + prev.len_utf8()) {
            // The punctuation's own rule has decided.
            return gap.end;
        }
        if matches!(prev, ',' | ';' | ':' | '(' | '[' | '&' | '/' | '+' | '=') || is_dash(prev) {
            return gap.end;
        }
        let next = char_at(self.text, gap.end).unwrap_or(' ');
        let case = Case::of(next);
        if case == Case::Lower {
            return gap.end;
        }
        // A line that ends on a word like "the" or "with" was wrapped mid-phrase.
        let (_, last_word) = word_before(self.text, prev_at + prev.len_utf8());
        if last_word.chars().next().is_some_and(char::is_lowercase)
            && self.lexicon_for(last_word).is_starter(last_word)
        {
            return gap.end;
        }
        self.cut(i);
        gap.end
    }

    /// `1)` `a)`: a list label closed by a bracket.
    fn paren_label(&mut self, i: usize) -> usize {
        let (start, word) = word_before(self.text, i);
        let before = char_before(self.text, start);
        let after = char_at(self.text, i + 1);
        if before.is_none_or(|c| c.is_whitespace() || is_bullet(c))
            && after.is_some_and(char::is_whitespace)
        {
            self.list_label(start, word, Style::Paren);
        }
        i + 1
    }

    /// A colon or semicolon that ends a sentence in some scripts: the Armenian full stop is
    /// often typed as `:`, Greek writes its question mark as `;`, and the Arabic rules end a
    /// sentence at a colon.
    fn colon(&mut self, i: usize) -> usize {
        let byte = self.text.as_bytes()[i];
        let letter = self.text[..i]
            .chars()
            .rev()
            .take(8)
            .find(|c| !matches!(c, '.' | '…' | '!' | '?'));
        let Some(letter) = letter else {
            return i + 1;
        };
        let script = Script::of(letter);
        let ends = match byte {
            b':' => {
                // Arabic-script text inside another language follows the Arabic rules.
                let arabic_rules = self.profile.colon_ends || self.profile.script != Script::Arabic;
                script == Script::Armenian || (arabic_rules && script == Script::Arabic)
            }
            _ => script == Script::Greek,
        };
        if ends {
            let end = skip_closers(self.text, i + 1);
            if char_at(self.text, end).is_none_or(char::is_whitespace) {
                self.cut(end);
            }
            return end;
        }
        i + 1
    }

    /// Non-ASCII characters: ellipses and combined marks, CJK and other scripts' terminals,
    /// bullets, book-title brackets and Unicode line/paragraph separators.
    fn non_ascii(&mut self, i: usize) -> usize {
        let Some(c) = char_at(self.text, i) else {
            return i + 1;
        };
        let width = c.len_utf8();
        match c {
            '…' | '‼' | '⁇' | '⁈' | '⁉' => self.terminal(i),
            _ if is_unspaced_terminal(c) => {
                let end = skip_closers(self.text, i + width);
                self.cut(end);
                end
            }
            _ if is_script_terminal(c) => {
                let end = skip_closers(self.text, i + width);
                if char_at(self.text, end).is_none_or(|n| n.is_whitespace() || is_opener(n)) {
                    self.cut(end);
                }
                end
            }
            _ if is_bullet(c) => {
                if char_before(self.text, i).is_some_and(char::is_whitespace)
                    && !self.at_item_start(i)
                {
                    self.cut(i);
                }
                i + width
            }
            '《' | '〈' => {
                // A title may hold punctuation of its own: 《摔跤吧！爸爸》.
                let close = if c == '《' { '》' } else { '〉' };
                let window = &self.text[i + width..];
                let limit = window.len().min(TITLE_WINDOW);
                match window
                    .char_indices()
                    .take_while(|&(p, _)| p < limit)
                    .find(|&(_, x)| x == close)
                {
                    Some((p, _)) => i + width + p,
                    None => i + width,
                }
            }
            '\u{2029}' => {
                self.cut(i);
                i + width
            }
            '\u{2028}' => self.line_break_separator(i, width),
            _ => i + width,
        }
    }

    /// U+2028 LINE SEPARATOR: treated like a line break without final punctuation.
    fn line_break_separator(&mut self, i: usize, width: usize) -> usize {
        if !ends_with_terminal(self.text, i) {
            let next = char_at(self.text, i + width).unwrap_or(' ');
            if Case::of(next) != Case::Lower && !is_closer(next) {
                self.cut(i);
            }
        }
        i + width
    }
}
