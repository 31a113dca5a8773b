//! The one error type of the crate.
//!
//! Extraction itself never fails: any `&str` gives a (possibly empty) result. Errors come only
//! from *configuration* — an unknown language, a malformed user lexicon, an out-of-range option —
//! and each message says what was wrong and what to do about it.

use std::fmt;

/// Everything that can go wrong while building an [`Extractor`](crate::Extractor).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A language code that the sentence segmenter does not know.
    UnknownLanguage {
        /// The code as given.
        code: String,
    },
    /// An option with a value outside what it accepts.
    InvalidOption {
        /// The option's name, as a user spells it (`"abbreviations"`, `"country_focus"`, ...).
        option: &'static str,
        /// What was wrong and what is accepted.
        message: String,
    },
    /// A user-supplied data file or list (abbreviations, extra places, ...) that could not be used.
    InvalidData {
        /// Where the data came from (a path or a short description).
        source: String,
        /// 1-based line or item number, when it applies.
        line: Option<usize>,
        /// What was wrong.
        message: String,
    },
}

impl Error {
    #[allow(dead_code)] // used by options that validate values
    pub(crate) fn invalid_option(option: &'static str, message: impl Into<String>) -> Error {
        Error::InvalidOption {
            option,
            message: message.into(),
        }
    }

    pub(crate) fn invalid_data(
        source: impl Into<String>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Error {
        Error::InvalidData {
            source: source.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownLanguage { code } => write!(
                f,
                "unknown language {code:?}: use one of the ISO 639-1 codes {}",
                crate::Lang::ALL
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Error::InvalidOption { option, message } => {
                write!(f, "invalid value for option `{option}`: {message}")
            }
            Error::InvalidData {
                source,
                line: Some(line),
                message,
            } => {
                write!(f, "{source}, item {line}: {message}")
            }
            Error::InvalidData {
                source,
                line: None,
                message,
            } => write!(f, "{source}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
