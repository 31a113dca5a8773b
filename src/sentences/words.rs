//! Shapes of the word before a period: numbers, initials, acronyms and other tell-tale signs of
//! an abbreviation that no list knows.

use super::chars::{Script, is_vowel};

/// A number as written in running text: `1805`, `$100.00`, `303-832-8160`, `4.5%`.
pub(super) fn is_number(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    let starts = match first {
        Some(c) if c.is_ascii_digit() => true,
        Some('$' | '€' | '£' | '¥' | '#' | '№') => {
            word.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    };
    starts
        && word.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '.' | ','
                        | ':'
                        | '/'
                        | '-'
                        | '–'
                        | '%'
                        | '$'
                        | '€'
                        | '£'
                        | '¥'
                        | '#'
                        | '№'
                        | '\''
                )
        })
}

/// A single letter (`E` in "Jonas E. Smith", `p` in "p. 55").
pub(super) fn is_single_letter(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// Letters separated by periods, each part at most three letters: `U.S`, `Ph.D`, `N.A.S.A`,
/// `i.e`.
pub(super) fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            !part.is_empty() && part.chars().count() <= 3 && part.chars().all(char::is_alphabetic)
        })
}

/// A short word with a lower-case letter and no vowel (`pgt`, `Dpt`, `vs`): an abbreviation in
/// the alphabets that write vowels.
pub(super) fn lacks_vowels(word: &str) -> bool {
    let script = Script::of_word(word);
    matches!(script, Script::Latin | Script::Cyrillic | Script::Greek)
        && word.chars().count() <= 5
        && word.chars().all(char::is_alphabetic)
        && word.chars().any(char::is_lowercase)
        && !word.chars().any(is_vowel)
}

/// A capitalised word of at most four letters (`Núm`, `Mt`, `Corp`): before a lower-case word
/// it is far more often an abbreviation than the end of a sentence.
pub(super) fn is_short_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() <= 4
        && chars.all(char::is_lowercase)
}

/// A word of at least two letters, perhaps with an apostrophe or hyphen inside and
/// punctuation after it (`si`, `c'è`, `lyset.`) — not a list label (`iv)`), a URL or a
/// handle.
pub(super) fn is_plain_word(token: &str) -> bool {
    let word = token.trim_end_matches(['.', ',', ';', ':', '!', '?', '"', '”', '’', '»']);
    word.chars().nth(1).is_some()
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

/// A number of one to three digits, as ordinals are (`12` in `12. Juni`).
pub(super) fn is_ordinal_number(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// An upper-case Roman numeral (`XII`, `IV`).
pub(super) fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 7
        && word
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'))
}

/// The capitalised part of a word after an elided article (`Ing` in `l'Ing`, `Avv` in
/// `dell'Avv`), to look up as an abbreviation of its own.
pub(super) fn after_elision(word: &str) -> Option<&str> {
    let cut = word.rfind(['\'', '’'])?;
    let rest = word[cut..].trim_start_matches(['\'', '’']);
    rest.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_number("$100.00") && is_number("303-832-8160") && is_number("1805"));
        assert!(!is_number("5th") && !is_number("$") && !is_number("abc"));
        assert!(is_single_letter("E") && is_single_letter("ж") && !is_single_letter("Ed"));
        assert!(is_dotted("U.S") && is_dotted("Ph.D") && !is_dotted("Jane.Doe@example.com"));
        assert!(lacks_vowels("pgt") && lacks_vowels("пгт") && !lacks_vowels("NFL"));
        assert!(is_short_capitalised("Núm") && !is_short_capitalised("NASA"));
        assert!(is_roman_numeral("XII") && !is_roman_numeral("Xii"));
        assert!(is_plain_word("si") && is_plain_word("c'è") && is_plain_word("lyset."));
        assert!(!is_plain_word("iv)") && !is_plain_word("http://x.org") && !is_plain_word("a"));
        assert!(is_ordinal_number("12") && !is_ordinal_number("2024") && !is_ordinal_number(""));
        assert_eq!(after_elision("l'Ing"), Some("Ing"));
        assert_eq!(after_elision("don't"), None);
        assert_eq!(after_elision("plain"), None);
    }
}
