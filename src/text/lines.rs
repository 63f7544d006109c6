//! A line index over text whose line endings are kept exactly as they came.
//!
//! OCR files arrive with LF, CRLF or bare CR endings (old Mac exports), and
//! sometimes a mix. The text is never rewritten; the index only records where
//! each line starts and where its content ends, so that every offset anywhere
//! in Copydesk refers to the exact decoded source.

use std::ops::Range;

/// Where each line of a text lies, by byte offsets into that text.
///
/// Lines are numbered from 0 here; the newsroom-facing [`crate::model::Span`]
/// numbers them from 1. A final line terminator does not start an extra empty
/// line, matching how editors and `wc -l` count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineIndex {
    /// `(start, content_end)` of each line; the terminator follows `content_end`.
    lines: Vec<(usize, usize)>,
}

impl LineIndex {
    /// Indexes `text`, recognising `\n`, `\r\n` and lone `\r` as line ends.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
        let mut start = 0;
        let mut i = 0;
        while let Some(found) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let end = i + found;
            let next =
                if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
            lines.push((start, end));
            start = next;
            i = next;
        }
        if start < bytes.len() {
            lines.push((start, bytes.len()));
        }
        Self { lines }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when the text has no line at all (it was empty).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Byte range of line `line`'s content, without its terminator.
    ///
    /// # Panics
    /// When `line` is out of range; callers index with numbers this index gave.
    pub fn content(&self, line: usize) -> Range<usize> {
        let (start, end) = self.lines[line];
        start..end
    }

    /// The line that contains byte `offset` (a terminator belongs to its line;
    /// an offset at or past the end belongs to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.lines.binary_search_by(|&(start, _)| start.cmp(&offset)) {
            Ok(line) => line,
            Err(0) => 0,
            Err(next) => next - 1,
        }
    }

    /// Iterates over the content ranges of all lines.
    pub fn iter(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.lines.iter().map(|&(s, e)| s..e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<&str> {
        let index = LineIndex::new(text);
        index.iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn lf_crlf_and_cr_all_end_lines() {
        assert_eq!(lines_of("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
    }

    #[test]
    fn final_terminator_adds_no_line() {
        assert_eq!(lines_of("a\nb\n"), ["a", "b"]);
        assert_eq!(LineIndex::new("").len(), 0);
    }

    #[test]
    fn blank_lines_are_kept() {
        assert_eq!(lines_of("a\r\n\r\nb"), ["a", "", "b"]);
        assert_eq!(lines_of("\n\n"), ["", ""]);
    }

    #[test]
    fn offsets_point_into_the_exact_text() {
        let text = "标题\r\n正文";
        let index = LineIndex::new(text);
        assert_eq!(index.content(1), 8..14);
        assert_eq!(index.line_of(8), 1);
        assert_eq!(index.line_of(7), 0, "the CRLF belongs to line 0");
        assert_eq!(index.line_of(100), 1);
    }
}
