//! Typographic and language cues that hold for newspapers in general, one
//! file per family. Each is a pure function of one line (or paragraph) of
//! text; [`super`] weighs them together with the line's context.

pub mod advertisement;
pub mod byline;
pub mod caption;
pub mod closing;
pub mod dateline;
pub mod debris;
pub mod furniture;
pub mod masthead;
pub mod punctuation;
pub mod title;

/// A regular expression compiled once, on first use.
///
/// Patterns run on every line of large editions: English word boundaries
/// are written `(?-u:\b)`, since a Unicode `\b` forces the regex engine off
/// its fast DFA on any line with a Chinese character.
macro_rules! regex {
    ($pattern:expr) => {{
        static RE: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new($pattern).expect("a valid built-in pattern"));
        &*RE
    }};
}
pub(crate) use regex;
