//! The shape of a saved document, field by field (see `docs/format.md`).
//! Field order here is the order on disk.

use serde::{Deserialize, Serialize};

use crate::compose::ArticleText;
use crate::model::{Cue, Role, Span};

/// Identifies the file as a Copydesk document.
pub const FORMAT: &str = "copydesk";

/// The newest format version this program writes and reads. Version 2
/// added each article's `reviewed` state and the `dismissed` suspects;
/// version-1 documents read as nothing reviewed and nothing dismissed.
pub const VERSION: u32 = 2;

/// A saved editing session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedDocument {
    /// Always "copydesk".
    pub format: String,
    /// The format version.
    pub version: u32,
    /// The source pages, in edition order.
    pub sources: Vec<SavedSource>,
    /// Articles in reading order, with their corrected text.
    pub articles: Vec<SavedArticle>,
    /// Every block of the split, in source order.
    pub blocks: Vec<SavedBlock>,
    /// The corrections, as diffs against the source.
    pub corrections: Vec<SavedCorrection>,
    /// Suspects the editor judged right as printed (version 2; absent in 1).
    #[serde(default)]
    pub dismissed: Vec<SavedDismissal>,
}

/// One source page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedSource {
    /// Page number in the edition, from 1.
    pub page: u32,
    /// The page's name.
    pub name: String,
    /// The file, relative to the document's folder when it can be.
    pub path: String,
    /// For a form-feed file, which page of it (from 1).
    pub form_feed_page: Option<u32>,
    /// Where the page's bytes start in the file.
    pub byte_start: u64,
    /// Where they end.
    pub byte_end: u64,
    /// The page's size in bytes.
    pub size: u64,
    /// The encoding they were read in.
    pub encoding: String,
    /// SHA-256 of the page's exact bytes.
    pub sha256: String,
}

/// One article, readable without any tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedArticle {
    /// Its identifier ("a3").
    pub id: String,
    /// The lines it covers.
    pub spans: Vec<Span>,
    /// Whether an editor marked it reviewed (version 2; absent in 1).
    #[serde(default)]
    pub reviewed: bool,
    /// Its corrected kicker, headline, subheadline, rubric, byline,
    /// paragraphs and captions.
    #[serde(flatten)]
    pub text: ArticleText,
}

/// One block of the split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedBlock {
    /// Page number, from 1.
    pub page: u32,
    /// Byte offset of its start in the page's decoded text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// First line (for readers; offsets are authoritative).
    pub first_line: u32,
    /// Last line.
    pub last_line: u32,
    /// Its role.
    pub role: Role,
    /// Why it has that role.
    pub cue: Cue,
    /// Its article's id, or null for noise.
    pub article: Option<String>,
}

/// One correction: a source range replaced, as character operations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedCorrection {
    /// Page number, from 1.
    pub page: u32,
    /// Byte offset where the replaced source starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The line it starts on (for readers).
    pub line: u32,
    /// The source text replaced (for readers; the page's bytes are authoritative).
    pub source: String,
    /// What stands in its place.
    pub text: String,
    /// Character-level operations from the source range to `text`, each
    /// with its offsets in the source.
    pub ops: Vec<Op>,
}

/// One operation of a correction's diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase", deny_unknown_fields)]
pub enum Op {
    /// Source bytes `start..end` are kept.
    Equal {
        /// Start offset in the source.
        start: usize,
        /// End offset.
        end: usize,
    },
    /// Source bytes `start..end` are removed.
    Delete {
        /// Start offset in the source.
        start: usize,
        /// End offset.
        end: usize,
    },
    /// `text` is inserted at source offset `at`.
    Insert {
        /// Where, in the source.
        at: usize,
        /// What.
        text: String,
    },
}

/// A suspect refused by the editor: the proposal `suggestion` for the
/// source range `start..end` of `page`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedDismissal {
    /// Page number, from 1.
    pub page: u32,
    /// Byte offset where the suspect starts in the page's decoded text.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The line it starts on (for readers).
    pub line: u32,
    /// The source text flagged (for readers).
    pub source: String,
    /// The correction that was proposed and refused.
    pub suggestion: String,
}
