//! Review progress: which articles an editor has read through, and which
//! flagged suspects they judged to be right as printed.
//!
//! Both live in the document (format version 2) so that a second sitting,
//! or a second editor, starts where the first stopped. A dismissal names
//! the source range and the proposed text it refused, not a position in
//! rendered text, so it survives boundary edits like a correction does.

use std::collections::BTreeSet;

use super::ArticleId;

/// A suspect the editor judged right as printed: at `page` (index from 0),
/// source bytes `start..end`, the proposal `suggestion` was refused.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dismissal {
    /// Index of the page (from 0).
    pub page: usize,
    /// Where the suspect text starts in the page's source.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The correction that was proposed and refused.
    pub suggestion: String,
}

/// The editor's review of one edition.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Review {
    /// Articles read through and marked reviewed.
    pub reviewed: BTreeSet<ArticleId>,
    /// Suspects refused; never offered again.
    pub dismissed: BTreeSet<Dismissal>,
}

impl Review {
    /// True when `article` was marked reviewed.
    pub fn is_reviewed(&self, article: ArticleId) -> bool {
        self.reviewed.contains(&article)
    }

    /// True when the proposal `suggestion` for source `start..end` of
    /// `page` was refused.
    pub fn is_dismissed(&self, page: usize, start: usize, end: usize, suggestion: &str) -> bool {
        let first = Dismissal { page, start, end, suggestion: String::new() };
        self.dismissed
            .range(first..)
            .take_while(|d| (d.page, d.start, d.end) == (page, start, end))
            .any(|d| d.suggestion == suggestion)
    }
}
