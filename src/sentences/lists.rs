//! Numbered and lettered list items (`1.` `2.)` `3)` `a.`): the label's period is not a sentence
//! end, and the next label in sequence starts a new item even in the middle of a line.

/// How a label is punctuated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    /// `1.`
    Period,
    /// `1.)`
    PeriodParen,
    /// `1)`
    Paren,
}

/// A list label: its position in the sequence, whether it is a letter, and its punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label {
    value: u32,
    letter: bool,
    style: Style,
}

impl Label {
    /// Reads a label from the word before its punctuation: one or two digits, or one lower-case
    /// ASCII letter (upper-case letters are initials far more often).
    pub(super) fn parse(word: &str, style: Style) -> Option<Label> {
        let bytes = word.as_bytes();
        match bytes {
            [d @ b'0'..=b'9'] => Some(Label {
                value: u32::from(d - b'0'),
                letter: false,
                style,
            }),
            [a @ b'1'..=b'9', b @ b'0'..=b'9'] => Some(Label {
                value: u32::from(a - b'0') * 10 + u32::from(b - b'0'),
                letter: false,
                style,
            }),
            [l @ b'a'..=b'z'] => Some(Label {
                value: u32::from(l - b'a') + 1,
                letter: true,
                style,
            }),
            _ => None,
        }
    }

    /// True for the first label of a list (`1`, `a`).
    pub(super) fn is_first(self) -> bool {
        self.value == 1
    }

    /// The label that would come next in the same list.
    pub(super) fn successor(self) -> Label {
        Label {
            value: self.value + 1,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let one = Label::parse("1", Style::Period).unwrap();
        assert_eq!(Some(one.successor()), Label::parse("2", Style::Period));
        assert_ne!(Some(one.successor()), Label::parse("2", Style::Paren));
        let a = Label::parse("a", Style::Paren).unwrap();
        assert_eq!(Some(a.successor()), Label::parse("b", Style::Paren));
        assert_eq!(Label::parse("99", Style::Period).map(|l| l.value), Some(99));
        assert!(Label::parse("100", Style::Period).is_none());
        assert!(Label::parse("A", Style::Period).is_none());
    }
}
