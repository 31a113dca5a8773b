//! What differs between languages besides their word lists: the script, whether it has case,
//! how ordinals are written, and which extra marks end a sentence.

use super::chars::Script;
use crate::lang::Lang;

/// The language-specific switches of the boundary rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Profile {
    /// The script the language is written in.
    pub(super) script: Script,
    /// Whether the script has upper and lower case, so that a lower-case word after a period
    /// can tell that the sentence goes on.
    pub(super) cased: bool,
    /// Whether ordinals are written with a period (`12. Juni`, `7. apríla`), so that a number
    /// and its period do not end a sentence before a month or a lower-case word.
    pub(super) ordinal_period: bool,
    /// Whether a colon followed by a space ends a sentence (Arabic, as in the pySBD rules).
    pub(super) colon_ends: bool,
    /// Whether sentences often start in lower case after a period (informal English on the web,
    /// Greek), so that an ordinary word, a period and a lower-case word make a boundary. In
    /// the other languages a lower-case word after a period marks an abbreviation.
    pub(super) lower_case_starts: bool,
    /// Whether a boundary in a stretch of another Latin-script language is decided by that
    /// language's lexicon and rules (see [`foreign`](super::foreign)). English only: it is the
    /// default, so it is the profile that meets text whose language nobody named.
    pub(super) foreign_cues: bool,
}

impl Profile {
    pub(super) fn of(lang: Lang) -> Profile {
        let script = match lang {
            Lang::Russian | Lang::Bulgarian | Lang::Kazakh => Script::Cyrillic,
            Lang::Greek => Script::Greek,
            Lang::Armenian => Script::Armenian,
            Lang::Arabic | Lang::Persian | Lang::Urdu => Script::Arabic,
            Lang::Hindi | Lang::Marathi => Script::Devanagari,
            Lang::Chinese | Lang::Japanese => Script::Cjk,
            Lang::Burmese | Lang::Amharic => Script::Other,
            _ => Script::Latin,
        };
        let cased = matches!(
            script,
            Script::Latin | Script::Cyrillic | Script::Greek | Script::Armenian
        );
        Profile {
            script,
            cased,
            ordinal_period: matches!(
                lang,
                Lang::German | Lang::Danish | Lang::Slovak | Lang::Polish
            ),
            colon_ends: lang == Lang::Arabic,
            lower_case_starts: matches!(lang, Lang::English | Lang::Greek),
            foreign_cues: lang == Lang::English,
        }
    }
}
