//! How the English default reads periods in other Latin-script languages.
//!
//! Text whose language nobody named is read with the English profile. Where another language
//! would decide a period differently, the profile asks the [`cues`](super::cues) which language
//! the words around it are in, and lets that language's lexicon and rules decide:
//!
//! * a period the English rules would cut at is kept inside the sentence when the language
//!   around it says so — after one of its abbreviations (`Srta. Ledesma`, `napr. XYZCorp`,
//!   `l'Avv. Fabrizi`), after an ordinal (`vom 12. Juni`, `5. gade`, `XII. Pluku`), or before
//!   a lower-case word, which starts sentences in informal English only (`Admón. es`,
//!   `meteor. si è`);
//! * after an abbreviation, a capitalised word English does not know as a sentence starter
//!   starts one if it does in the language of the text it opens (`U.S. Hvad med dig?`).
//!
//! The question is asked only at those few periods, so English text pays about one bit test
//! per sentence (see [`Cues::abbreviation`]); when several languages fit the cue equally, a
//! reading is taken only if all of them agree. Explicit languages (`lang=`) never do this:
//! they read everything their way.

use super::chars::{Case, Script};
use super::cues::{Cues, LangSet, Votes, window_after, window_before};
use super::profile::Profile;
use super::scan::Scanner;
use super::window::Next;
use super::words;

impl Scanner<'_> {
    /// True when the period after `word` (which starts at byte `start`), where the English
    /// rules cut, stays inside the sentence in the language of the text around it. `decide`
    /// is the period rule, asked again with the other language's lexicon and profile.
    pub(super) fn foreign_period_joins(
        &self,
        start: usize,
        word: &str,
        next: &Next,
        decide: impl Fn(&Scanner) -> Option<usize>,
    ) -> bool {
        let cues = Cues::get();
        let abbreviation = cues.abbreviation(word);
        let ordinal = words::is_ordinal_number(word) || words::is_roman_numeral(word);
        let lower_word = next.case == Case::Lower && words::is_plain_word(next.word);
        if abbreviation.is_empty() && !ordinal && !lower_word {
            return false;
        }
        self.foreign_reading_joins(start, word, next, abbreviation, ordinal, decide)
    }

    /// The rest of [`foreign_period_joins`](Scanner::foreign_period_joins), for the few periods
    /// where another language might decide differently.
    #[inline(never)]
    fn foreign_reading_joins(
        &self,
        start: usize,
        word: &str,
        next: &Next,
        abbreviation: LangSet,
        ordinal: bool,
        decide: impl Fn(&Scanner) -> Option<usize>,
    ) -> bool {
        let cues = Cues::get();
        // Other scripts have lexicons of their own (see `Scanner::lexicon_for`).
        let scripts = [Script::of_word(word), Script::of_word(next.word)];
        if !scripts.contains(&Script::Latin)
            || !scripts
                .iter()
                .all(|&s| matches!(s, Script::Latin | Script::Other))
        {
            return false;
        }
        if cues.is_english(next.word) && (abbreviation.is_empty() || next.case != Case::Lower) {
            // "... 3. The", "... on. The", "... you. the": the next word goes on in English.
            // (After a foreign abbreviation a lower-case word may be one English shares:
            // Italian "ad es. in Italia".)
            return false;
        }
        if abbreviation.is_empty() && !ordinal && cues.is_english(word) {
            // "... with you. call me": an English word before an informal lower-case start.
            return false;
        }
        let mut votes = Votes::default();
        cues.vote(window_before(self.text, self.last, start), &mut votes);
        cues.vote(window_after(self.text, next.at), &mut votes);
        // Being one of a language's abbreviations is a vote for it.
        votes.add(abbreviation);
        self.all_readings(votes.foreign(), |reading| decide(reading).is_none())
    }

    /// True when `next`, a capitalised word the English lexicon does not know as a sentence
    /// starter, is one in the language of the text it opens.
    pub(super) fn foreign_starter(&self, next: &Next) -> bool {
        let cues = Cues::get();
        if !cues.is_foreign(next.word) {
            return false;
        }
        let mut votes = Votes::default();
        cues.vote(window_after(self.text, next.at), &mut votes);
        self.all_readings(votes.foreign(), |reading| {
            reading.lexicon.is_starter(next.word)
        })
    }

    /// True when `langs` is not empty and `check` holds when reading in each of them.
    fn all_readings(&self, langs: LangSet, check: impl Fn(&Scanner) -> bool) -> bool {
        let cues = Cues::get();
        !langs.is_empty()
            && langs.langs().all(|lang| {
                cues.lexicon(lang)
                    .is_some_and(|lexicon| check(&self.reading(lexicon, Profile::of(lang))))
            })
    }
}
