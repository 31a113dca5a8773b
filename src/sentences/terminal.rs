//! The rules for terminal punctuation (`.` `!` `?` `…` and runs of them).
//!
//! A run of terminals is read first (`?!`, `...`, the spaced `. . . .`), with the closing quotes
//! and brackets after it and any footnote markers (`[12]`). Then the next word decides:
//!
//! * a dash, more punctuation or a closing bracket: the sentence goes on (`"Stop!" — he said`);
//! * `?` and `!`: a sentence ends, unless a quotation or bracket closes and a lower-case
//!   attribution follows (`"Really?" she asked`), or the word is a name like `Yahoo!`;
//! * an ellipsis ends a sentence before a capitalised word other than "I";
//! * a period looks at the word before it: abbreviations from the lexicon, initials, numbers,
//!   acronyms and list labels each have their rule (see [`Scanner::period`]).

use super::chars::{
    Case, Script, is_bullet, is_closer, is_dash, is_opener, is_quote, is_run_terminal,
    starts_number,
};
use super::lexicon::{AbbreviationKind, Lexicon};
use super::lists::Style;
use super::scan::Scanner;
use super::window::{Gap, Next, char_at, char_before, citation_end, skip_closers, word_before};
use super::words;

/// Most footnote markers that may follow one sentence end (`. [3] [4]`).
const MAX_CITATIONS: usize = 8;

/// A run of terminal punctuation.
#[derive(Clone, Copy, Debug)]
struct Run {
    start: usize,
    end: usize,
    dots: usize,
    /// Holds `?` or `!` (or a combined mark).
    marks: bool,
    /// Holds `…`.
    ellipsis_char: bool,
    /// Dots separated by single spaces (`. . .`).
    spaced: bool,
}

impl Run {
    fn read(text: &str, start: usize) -> Run {
        let bytes = text.as_bytes();
        let mut run = Run {
            start,
            end: start,
            dots: 0,
            marks: false,
            ellipsis_char: false,
            spaced: false,
        };
        loop {
            while let Some(c) = char_at(text, run.end).filter(|&c| is_run_terminal(c)) {
                match c {
                    '.' => run.dots += 1,
                    '…' => run.ellipsis_char = true,
                    _ => run.marks = true,
                }
                run.end += c.len_utf8();
            }
            // ". . ." — only dots may be spaced out.
            if !run.marks
                && bytes.get(run.end) == Some(&b' ')
                && bytes.get(run.end + 1) == Some(&b'.')
                && bytes.get(run.end + 2) != Some(&b'.')
            {
                run.spaced = true;
                run.end += 1;
                continue;
            }
            return run;
        }
    }

    fn is_ellipsis(&self) -> bool {
        !self.marks && (self.ellipsis_char || self.dots >= 2)
    }
}

impl Scanner<'_> {
    /// Handles the terminal run starting at byte `i`; returns where scanning resumes.
    pub(super) fn terminal(&mut self, i: usize) -> usize {
        let text = self.text;
        let run = Run::read(text, i);
        // "[...]" and "(…)" mark an omission, not an end, unless a capitalised word follows:
        // "crop yields [...] Ozone is".
        if run.is_ellipsis()
            && matches!(char_before(text, i), Some('[' | '('))
            && matches!(char_at(text, run.end), Some(']' | ')'))
        {
            let after = run.end + 1;
            let gap = Gap::at(text, after);
            if gap.end > after && gap.end < text.len() && gap.newlines == 0 {
                let next = Next::at(text, gap.end);
                if next.case == Case::Upper && !next.is_pronoun_i() && !is_opener(next.raw_first) {
                    self.cut(after);
                }
            }
            return after;
        }
        let closed = skip_closers(text, run.end);
        let closers = &text[run.end..closed];
        let mut end = closed;
        // Footnote markers belong to the sentence they follow: "... in 1805. [19] Next".
        for _ in 0..MAX_CITATIONS {
            let gap = Gap::at(text, end);
            if gap.newlines > 0 {
                break;
            }
            match citation_end(text, gap.end) {
                Some(after) => end = after,
                None => break,
            }
        }
        let Some(next_char) = char_at(text, end) else {
            return end;
        };
        if !next_char.is_whitespace() {
            if end == closed && self.glued_end(&run, next_char) {
                self.cut(end);
            }
            return end.max(run.end);
        }
        let mut gap = Gap::at(text, end);
        if gap.end >= text.len() {
            return end;
        }
        if gap.is_paragraph() {
            self.cut(end);
            self.list = None;
            return end;
        }
        // A closing bracket or guillemet after a space still closes this sentence:
        // "(... next day. )", French "« ... LL.AA.RR. » pour".
        if gap.newlines == 0
            && char_at(text, gap.end).is_some_and(|c| is_closer(c) && !is_opener(c))
        {
            end = skip_closers(text, gap.end);
            gap = Gap::at(text, end);
            if gap.end >= text.len() {
                return end;
            }
        }
        let next = Next::at(text, gap.end);
        let cut = if is_dash(next.raw_first) || is_bullet(next.raw_first) {
            // A dash goes on ("! -- you have cake"), unless it is a bullet on a new line.
            (gap.newlines > 0).then_some(end)
        } else if next.opens_with_ellipsis() {
            // "was raak. ...en toen": an ellipsis glued to a word opens the next sentence.
            Some(end)
        } else if is_run_terminal(next.raw_first)
            || is_closer(next.raw_first) && !is_quote(next.raw_first)
            || matches!(next.raw_first, ',' | ';' | ':' | '/' | '№')
        {
            None
        } else if run.marks {
            self.after_marks(&run, closers, &next, end)
        } else if run.is_ellipsis() {
            self.after_ellipsis(&run, &next, end)
        } else {
            self.period(&run, closers, &next, end)
        };
        if let Some(at) = cut {
            self.cut(at);
        }
        end
    }

    /// A terminal with no space after it ends a sentence only in a few clear cases, where a
    /// word and a capitalised word (or, after `?`/`!`, any word) were run together:
    /// `favourite.The`, `жағдайы.XVIII`, `foreigners?thanks`, `Base...Miramar`, and `?`/`!`
    /// between two CJK characters. Never inside URLs, e-mail addresses or file names, and never
    /// after an abbreviation (`Mr.Smith`).
    fn glued_end(&self, run: &Run, next_char: char) -> bool {
        let text = self.text;
        let cjk = |c: char| Script::of(c) == Script::Cjk;
        if run.marks && char_before(text, run.start).is_some_and(cjk) && cjk(next_char) {
            return true;
        }
        let (start, word) = word_before(text, run.start);
        let token_end = text[run.end..]
            .char_indices()
            .take(32)
            .find(|&(_, c)| c.is_whitespace())
            .map_or_else(|| text.len().min(run.end + 128), |(p, _)| run.end + p);
        let Some(after) = text.get(run.end..token_end) else {
            return false;
        };
        let after_word = after.trim_end_matches(|c: char| !c.is_alphanumeric());
        let plain = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic);
        let after_ok = plain(after_word) || (run.is_ellipsis() && after_word == "I");
        if !plain(word)
            || !after_ok
            || Script::of_word(word) == Script::Armenian
            || self.abbreviation(start, word, false).is_some()
        {
            return false;
        }
        if run.marks {
            return true;
        }
        let mut rest = after_word.chars().skip(1);
        let capitalised = next_char.is_uppercase() && rest.all(char::is_lowercase);
        if run.is_ellipsis() {
            return next_char.is_uppercase();
        }
        let lower_word = word.chars().all(char::is_lowercase);
        let cyrillic = Script::of_word(word) == Script::Cyrillic;
        run.dots == 1 && lower_word && (capitalised || (cyrillic && next_char.is_uppercase()))
    }

    /// `?` and `!`.
    fn after_marks(&self, run: &Run, closers: &str, next: &Next, end: usize) -> Option<usize> {
        let (_, word) = word_before(self.text, run.start);
        if run.end - run.start == 1
            && self.text.as_bytes()[run.start] == b'!'
            && (self.lexicon_for(word).is_exclaimed_name(word)
                || Lexicon::for_script(Script::of_word(word))
                    .is_some_and(|l| l.is_exclaimed_name(word)))
        {
            // "Yahoo! Research", "at Yahoo! in": a name, unless a sentence clearly starts.
            let starts =
                next.case == Case::Upper && self.lexicon_for(next.word).is_starter(next.word);
            return starts.then_some(end);
        }
        if next.case == Case::Lower && self.profile.cased && !closers.is_empty() {
            // "Really?" she asked. / (see below!) and
            return None;
        }
        Some(end)
    }

    /// `...`, `…`, `. . .`.
    fn after_ellipsis(&self, run: &Run, next: &Next, end: usize) -> Option<usize> {
        let attached = char_before(self.text, run.start).is_some_and(|c| !c.is_whitespace());
        if run.spaced && attached && run.dots >= 4 {
            // "compounds. . . . The": a period, then an ellipsis that opens the next sentence.
            return (next.case == Case::Upper).then_some(run.start + 1);
        }
        match next.case {
            Case::Upper => (!next.is_pronoun_i()).then_some(end),
            Case::Uncased => Some(end),
            _ => None,
        }
    }

    /// A single period: the word before it decides, with the next word.
    fn period(&mut self, run: &Run, closers: &str, next: &Next, end: usize) -> Option<usize> {
        let (start, word) = word_before(self.text, run.start);
        let style = if closers.starts_with(')') {
            Style::PeriodParen
        } else {
            Style::Period
        };
        if self.list_label(start, word, style) {
            return None;
        }
        let decide = |scanner: &Scanner| scanner.period_rules(start, word, closers, next, end);
        let cut = decide(self);
        if cut.is_some()
            && self.profile.foreign_cues
            && self.foreign_period_joins(start, word, next, decide)
        {
            return None;
        }
        cut
    }

    /// The rules for a period after `word` (which starts at byte `start`), with the lexicon and
    /// profile of this scanner.
    fn period_rules(
        &self,
        start: usize,
        word: &str,
        closers: &str,
        next: &Next,
        end: usize,
    ) -> Option<usize> {
        let number_next = next.word.chars().next().is_some_and(starts_number);
        let kind = self.abbreviation(start, word, number_next);
        let shaped_like_abbreviation =
            words::is_single_letter(word) || words::is_dotted(word) || words::lacks_vowels(word);
        let number = words::is_number(word);
        let cased = self.profile.cased;

        if next.case == Case::Lower && cased {
            // Armenian ends sentences with `։`; its period works like a colon.
            let goes_on = !self.profile.lower_case_starts
                || Script::of_word(word) == Script::Armenian
                || !closers.is_empty()
                || kind.is_some()
                || shaped_like_abbreviation
                || words::is_short_capitalised(word)
                || (number && self.profile.ordinal_period);
            return (!goes_on).then_some(end);
        }
        if number_next {
            // "p. 55", "c. 1818", "No. 5", "Jan. 9": abbreviations before numbers.
            let goes_on = kind.is_some() || shaped_like_abbreviation;
            return (!goes_on).then_some(end);
        }
        match next.case {
            Case::Upper => {}
            Case::Uncased => {
                return (!matches!(kind, Some(AbbreviationKind::Prefix))).then_some(end);
            }
            _ => return Some(end),
        }
        let starter = || {
            self.lexicon_for(next.word).is_starter(next.word)
                || (self.profile.foreign_cues && self.foreign_starter(next))
        };
        match kind {
            Some(AbbreviationKind::Prefix | AbbreviationKind::Number) => return None,
            Some(AbbreviationKind::Final) => {
                // "at 10 a.m. (CDT) in" goes on.
                let goes_on = next.raw_first == '(' || self.is_fragment(start);
                return (!goes_on).then_some(end);
            }
            Some(AbbreviationKind::Ambiguous | AbbreviationKind::Unit) => {
                return (starter() && !self.is_fragment(start)).then_some(end);
            }
            None => {}
        }
        if shaped_like_abbreviation
            || (self.profile.ordinal_period && words::is_roman_numeral(word))
        {
            // Initials, acronyms, "XII.": a new sentence only if its first word says so.
            return starter().then_some(end);
        }
        if number
            && self.profile.ordinal_period
            && self.lexicon_for(next.word).follows_ordinal(next.word)
        {
            // "am 12. Juni"
            return None;
        }
        Some(end)
    }

    /// The abbreviation kind of the word before a period, taking into account whether a number
    /// follows (`No. 5`) or precedes (`5 ft.`). Words after an elided article are looked up on
    /// their own (`l'Ing.`).
    fn abbreviation(
        &self,
        start: usize,
        word: &str,
        number_next: bool,
    ) -> Option<AbbreviationKind> {
        let lexicon = self.lexicon_for(word);
        let word = word.trim_start_matches(['\'', '’']);
        let kind = lexicon
            .abbreviations
            .get(word)
            .or_else(|| words::after_elision(word).and_then(|w| lexicon.abbreviations.get(w)))?;
        match kind {
            AbbreviationKind::Number if !number_next => None,
            AbbreviationKind::Unit => {
                let after_number = match char_before(self.text, start) {
                    Some(space) if space.is_whitespace() => {
                        let (_, before) = word_before(self.text, start - space.len_utf8());
                        words::is_number(before)
                    }
                    _ => false,
                };
                after_number.then_some(AbbreviationKind::Final)
            }
            kind => Some(kind),
        }
    }

    /// True when the sentence so far, up to byte `i`, is only a short phrase opened by a
    /// preposition ("At 5" before "a.m."): it cannot be a sentence of its own.
    fn is_fragment(&self, i: usize) -> bool {
        // Bounded: a fragment is short, so a long stretch since the last cut is not one.
        if i.saturating_sub(self.last) > 256 {
            return false;
        }
        let Some(head) = self.text.get(self.last..i) else {
            return false;
        };
        let head = head.trim_start_matches(|c: char| c.is_whitespace() || is_closer(c));
        if head.len() > 40 {
            return false;
        }
        let mut words = head.split_whitespace();
        let Some(first) = words.next() else {
            return false;
        };
        words.count() <= 1
            && first.chars().next().is_some_and(char::is_uppercase)
            && self.lexicon_for(first).is_preposition(first)
    }
}
