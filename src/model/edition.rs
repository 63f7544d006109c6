//! Editions and pages: the source text, exactly as it was read.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::text::LineIndex;

/// Where a page's text came from on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSource {
    /// The file the page was read from.
    pub path: PathBuf,
    /// For a file holding several pages separated by form feeds, which one
    /// (from 1); `None` when the file is the page.
    pub form_feed_page: Option<u32>,
    /// The byte range of the page inside that file.
    pub byte_range: Range<u64>,
}

/// One OCR text: the source of everything Copydesk proposes for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// How the page is named to the editor: the file name, plus `#N` for the
    /// N-th page of a form-feed file.
    pub name: String,
    /// Where it came from.
    pub source: PageSource,
    /// The encoding its bytes were decoded from (an `encoding_rs` name).
    pub encoding: &'static str,
    /// SHA-256 of the page's exact source bytes, in lowercase hex.
    pub sha256: String,
    /// The decoded text; line endings and all else untouched, BOM removed.
    /// Shared: a document listing one file many times holds its text once.
    pub text: Arc<str>,
    /// Where each line of `text` lies (shared like the text).
    pub lines: Arc<LineIndex>,
}

impl Page {
    /// Builds a page from decoded text, indexing its lines.
    pub fn new(
        name: String,
        source: PageSource,
        encoding: &'static str,
        sha256: String,
        text: String,
    ) -> Self {
        let lines = Arc::new(LineIndex::new(&text));
        Self { name, source, encoding, sha256, text: text.into(), lines }
    }

    /// The content of line `line` (0-based), without its terminator.
    pub fn line(&self, line: usize) -> &str {
        &self.text[self.lines.content(line)]
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The 0-based lines that the byte range `range` touches.
    pub fn lines_of(&self, range: &Range<usize>) -> Range<usize> {
        let first = self.lines.line_of(range.start);
        let last = self.lines.line_of(range.end.saturating_sub(1).max(range.start));
        first..last + 1
    }
}

/// The ordered pages of one issue.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edition {
    /// Pages in reading order.
    pub pages: Vec<Page>,
}

impl Edition {
    /// Total size of all pages' text, in bytes.
    pub fn text_len(&self) -> usize {
        self.pages.iter().map(|p| p.text.len()).sum()
    }
}
