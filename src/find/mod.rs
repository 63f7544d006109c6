//! Finding text across a whole edition, as an editor types the query.
//!
//! ```
//! use copydesk::find::{Finder, Haystack, Query, Scope};
//! # let dir = tempfile::tempdir().unwrap();
//! # let path = dir.path().join("p1.txt");
//! # std::fs::write(&path, "会议召开\n\n本报讯 会议己经召开,\n会议强调要抓落实。\n").unwrap();
//! # let edition = copydesk::load::load_path(&path, &Default::default()).unwrap();
//! # let document = copydesk::edit::Document::propose(edition);
//! let haystack = Haystack::build(&document, Scope::Corrected); // once per change
//! let finder = Finder::new(&Query::text("己"))?;                // once per keystroke
//! let hits = finder.find(&haystack);
//! assert_eq!(hits.len(), 1);
//! let place = haystack.locate(&hits[0].range).unwrap();
//! assert_eq!(place.line, 2); // third line of the page, counted from 0
//! # Ok::<(), copydesk::find::FindError>(())
//! ```
//!
//! A single Chinese character is a valid query: a character is a word in
//! Chinese, and a look-alike error is one character. Whole-word matching
//! only looks at Latin letters and digits, since Chinese has no spaces to
//! mark words.

mod haystack;

pub use haystack::{Haystack, Location, Scope};

use std::ops::Range;

use regex::{Regex, RegexBuilder};

use crate::text::script::is_spaceless;

/// What the editor asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The text (or pattern) to find.
    pub text: String,
    /// Upper and lower case differ.
    pub case_sensitive: bool,
    /// Latin hits must not continue a word on either side.
    pub whole_word: bool,
    /// `text` is a regular expression (the `regex` crate's syntax).
    pub regex: bool,
}

impl Query {
    /// A plain-text query with the default options (any case, parts of
    /// words too).
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// This query, case-sensitive or not.
    pub fn case_sensitive(self, yes: bool) -> Self {
        Self { case_sensitive: yes, ..self }
    }

    /// This query, whole words only or not.
    pub fn whole_word(self, yes: bool) -> Self {
        Self { whole_word: yes, ..self }
    }

    /// This query, as a regular expression or not.
    pub fn regex(self, yes: bool) -> Self {
        Self { regex: yes, ..self }
    }
}

/// Why a query cannot be searched for.
#[derive(Debug, thiserror::Error)]
pub enum FindError {
    /// The regular expression does not parse.
    #[error("the pattern {pattern:?} is not a valid regular expression: {reason}")]
    Pattern {
        /// The pattern as typed.
        pattern: String,
        /// What the parser said.
        reason: String,
    },
}

/// One place a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte range in the haystack's text.
    pub range: Range<usize>,
}

/// A compiled query, ready to run over haystacks.
#[derive(Debug, Clone)]
pub struct Finder {
    query: Query,
    pattern: Option<Regex>,
}

impl Finder {
    /// Compiles `query`; an empty query finds nothing.
    pub fn new(query: &Query) -> Result<Self, FindError> {
        if query.text.is_empty() {
            return Ok(Self { query: query.clone(), pattern: None });
        }
        let source = if query.regex { query.text.clone() } else { regex::escape(&query.text) };
        let pattern = RegexBuilder::new(&source)
            .case_insensitive(!query.case_sensitive)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| FindError::Pattern { pattern: query.text.clone(), reason: e.to_string() })?;
        Ok(Self { query: query.clone(), pattern: Some(pattern) })
    }

    /// The query it was compiled from.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Every hit in `haystack`, in edition order. Matches never cross from
    /// one block into the next, and empty matches are dropped.
    pub fn find(&self, haystack: &Haystack) -> Vec<Hit> {
        let Some(pattern) = &self.pattern else { return Vec::new() };
        let text = haystack.text();
        pattern
            .find_iter(text)
            .filter(|m| !m.is_empty() && !m.as_str().contains('\n'))
            .filter(|m| !self.query.whole_word || is_whole_word(text, m.range()))
            .map(|m| Hit { range: m.range() })
            .collect()
    }

    /// The text that replaces `hit` for the template `with`: the template
    /// itself, or for a regular expression with `$1`, `${name}` expanded
    /// from the hit's groups.
    pub fn replacement(&self, haystack: &Haystack, hit: &Hit, with: &str) -> String {
        let Some(pattern) = self.pattern.as_ref().filter(|_| self.query.regex) else {
            return with.to_owned();
        };
        let Some(captures) = pattern.captures_at(haystack.text(), hit.range.start) else {
            return with.to_owned();
        };
        let mut out = String::new();
        captures.expand(with, &mut out);
        out
    }
}

/// True when `range` of `text` neither starts nor ends inside a Latin word
/// or number. A side that is a Chinese character always counts as a word
/// edge.
fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let is_word = |c: char| c.is_alphanumeric() && !is_spaceless(c) || c == '_';
    let first = text[range.clone()].chars().next();
    let last = text[range.clone()].chars().next_back();
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let open = !(first.is_some_and(is_word) && before.is_some_and(is_word));
    let close = !(last.is_some_and(is_word) && after.is_some_and(is_word));
    open && close
}

#[cfg(test)]
mod tests;
