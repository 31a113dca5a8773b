//! Character classes the boundary rules talk about: terminal punctuation, closing and opening
//! quotes and brackets, dashes, list bullets, scripts and vowels.

/// Punctuation that can end a sentence in a run: `.` `!` `?` and their combined forms.
pub(super) fn is_run_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Terminal punctuation that ends a sentence whether or not a space follows: CJK full-width
/// marks, and the full stops of scripts written without a space after them (Ethiopic, Myanmar).
pub(super) fn is_unspaced_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '｡' | '።' | '፧' | '፨' | '။' | '᙮' | '꓿'
    )
}

/// Terminal punctuation of other scripts, which ends a sentence before a space or the end:
/// Arabic and Urdu question and full stops, Devanagari danda, the Armenian full stop, the Greek
/// question mark.
pub(super) fn is_script_terminal(c: char) -> bool {
    matches!(c, '؟' | '۔' | '।' | '॥' | '։' | '\u{037E}' | '܀')
}

/// Closing quotes and brackets that stay with the sentence they close (`."` `?)` `.”`).
/// German and Czech close with `“`, so it is here as well as among the openers.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '］'
            | '》'
            | '〉'
            | '】'
            | '〕'
    )
}

/// Closers that are quotation marks (as opposed to brackets).
pub(super) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '›'
            | '«'
            | '‹'
            | '„'
            | '‚'
            | '」'
            | '』'
            | '「'
            | '『'
    )
}

/// Opening quotes and brackets (and the Spanish inverted marks) that may come before a word.
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '「'
            | '『'
            | '（'
            | '［'
            | '《'
            | '〈'
            | '【'
            | '¡'
            | '¿'
    )
}

/// Dashes: a sentence never starts with one, so a terminal before a dash does not end one
/// (`"Stop!" — he said`, `-- voila! -- you have cake`).
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒' | '−')
}

/// List bullets that start an item even in the middle of a line.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '◦' | '▪' | '‣' | '●' | '■' | '◆' | '►' | '▸')
}

/// Characters that look like the start of a number: digits, and signs written before them.
pub(super) fn starts_number(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '№' | '#')
}

/// A writing system, as far as the rules need to tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Arabic,
    Devanagari,
    Cjk,
    Other,
}

impl Script {
    /// The script of a letter (`Other` for anything that is not a letter of a known script).
    pub(super) fn of(c: char) -> Script {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F => Script::Cyrillic,
            0x531..=0x58A => Script::Armenian,
            0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
            0x900..=0x97F => Script::Devanagari,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Cjk,
            _ => Script::Other,
        }
    }

    /// The script of the first letter of `word`.
    pub(super) fn of_word(word: &str) -> Script {
        word.chars()
            .find(|c| c.is_alphabetic())
            .map_or(Script::Other, Script::of)
    }
}

/// True for the vowels of the Latin, Cyrillic and Greek alphabets (lower or upper case).
/// Words without any are almost always abbreviations (`Dept`, `pgt`, `vs`).
pub(super) fn is_vowel(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    matches!(
        lower,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'..='æ'
            | 'è'..='ï'
            | 'ò'..='ö'
            | 'ø'..='ý'
            | 'ÿ'
            | 'ā'
            | 'ă'
            | 'ą'
            | 'ē'
            | 'ĕ'
            | 'ė'
            | 'ę'
            | 'ě'
            | 'ī'
            | 'į'
            | 'ı'
            | 'ō'
            | 'ő'
            | 'œ'
            | 'ū'
            | 'ů'
            | 'ű'
            | 'ų'
            | 'а'
            | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'і'
            | 'ї'
            | 'є'
            | 'ә'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'α'
            | 'ε'
            | 'η'
            | 'ι'
            | 'ο'
            | 'υ'
            | 'ω'
            | 'ά'
            | 'έ'
            | 'ή'
            | 'ί'
            | 'ό'
            | 'ύ'
            | 'ώ'
    )
}

/// Case of the first letter of a word, for the rules that look at the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Case {
    Upper,
    Lower,
    /// A letter of a script without case (Arabic, Devanagari, CJK, ...).
    Uncased,
    /// Not a letter at all (digits, symbols, punctuation).
    None,
}

impl Case {
    pub(super) fn of(c: char) -> Case {
        if c.is_uppercase() || is_titlecase(c) {
            Case::Upper
        } else if c.is_lowercase() {
            Case::Lower
        } else if c.is_alphabetic() {
            Case::Uncased
        } else {
            Case::None
        }
    }
}

/// The four Unicode title-case digraphs (`ǅ`, `ǈ`, `ǋ`, `ǲ`), which count as upper case.
fn is_titlecase(c: char) -> bool {
    matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_cases() {
        assert_eq!(Script::of_word("Москва"), Script::Cyrillic);
        assert_eq!(Script::of_word("(Zürich"), Script::Latin);
        assert_eq!(Case::of('É'), Case::Upper);
        assert_eq!(Case::of('ж'), Case::Lower);
        assert_eq!(Case::of('ب'), Case::Uncased);
        assert_eq!(Case::of('7'), Case::None);
    }

    #[test]
    fn vowels() {
        assert!("Dept".chars().any(is_vowel));
        assert!(!"pgt".chars().any(is_vowel));
        assert!(!"пгт".chars().any(is_vowel));
        assert!("ул".chars().any(is_vowel));
    }
}
