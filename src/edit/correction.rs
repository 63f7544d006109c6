//! Corrections: what an editor changed in the text, kept as replacements of
//! exact source ranges.
//!
//! A correction never belongs to a block or an article. It replaces a byte
//! range of one page's source, so re-grouping blocks (a moved boundary, a new
//! role) never loses or repeats it: a block shows a correction when the
//! correction starts inside it, and skips source text a correction that
//! started in an earlier block already replaced.

use std::ops::Range;

/// One replacement of source text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Correction {
    /// Index of the page (from 0).
    pub page: usize,
    /// The source bytes replaced (may be empty: an insertion).
    pub range: Range<usize>,
    /// What stands in their place.
    pub text: String,
}

impl Ord for Correction {
    /// Corrections sort by page, then by where in the source they start.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.page, self.range.start, self.range.end, &self.text).cmp(&(
            other.page,
            other.range.start,
            other.range.end,
            &other.text,
        ))
    }
}

impl PartialOrd for Correction {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Where a character of rendered text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The source byte at this offset.
    Source(usize),
    /// Inside the replacement text of the correction that replaces source
    /// from this offset.
    Corrected(usize),
    /// Put in by joining lines (a space), just after this source offset.
    Joint(usize),
}

impl Origin {
    /// The source offset this character is anchored at.
    pub fn anchor(self) -> usize {
        match self {
            Origin::Source(at) | Origin::Corrected(at) | Origin::Joint(at) => at,
        }
    }
}

/// Text with the origin of each of its characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    /// The text.
    pub text: String,
    /// One origin per `char` of `text`.
    pub origins: Vec<Origin>,
}

impl Mapped {
    pub(crate) fn push(&mut self, c: char, origin: Origin) {
        self.text.push(c);
        self.origins.push(origin);
    }
}

/// Where corrected text is written: [`Mapped`] keeps each character's
/// origin (for editing), a `String` only the text (for saving, checking,
/// exporting and diffing, at a fraction of the memory).
pub trait Sink {
    /// Source text that starts at source offset `at`, kept as it is.
    fn source(&mut self, text: &str, at: usize);
    /// The text of the correction that replaces source from offset `at`.
    fn corrected(&mut self, text: &str, at: usize);
}

impl Sink for Mapped {
    fn source(&mut self, text: &str, at: usize) {
        for (offset, ch) in text.char_indices() {
            self.push(ch, Origin::Source(at + offset));
        }
    }

    fn corrected(&mut self, text: &str, at: usize) {
        for ch in text.chars() {
            self.push(ch, Origin::Corrected(at));
        }
    }
}

impl Sink for String {
    fn source(&mut self, text: &str, _at: usize) {
        self.push_str(text);
    }

    fn corrected(&mut self, text: &str, _at: usize) {
        self.push_str(text);
    }
}

/// The corrections of page `page` that could touch `range` (or be an
/// insertion at its end), found by binary search: corrections are kept
/// sorted and never overlap, so only the one starting last before the
/// range can reach into it.
fn nearby<'c>(corrections: &'c [Correction], page: usize, range: &Range<usize>) -> &'c [Correction] {
    debug_assert!(corrections.is_sorted(), "corrections are kept sorted");
    let first = corrections.partition_point(|c| (c.page, c.range.start) < (page, range.start));
    let end = corrections.partition_point(|c| (c.page, c.range.start) <= (page, range.end));
    &corrections[first.saturating_sub(1).min(end)..end]
}

/// The corrections of one page that touch `range`, in order.
pub fn touching<'c>(
    corrections: &'c [Correction],
    page: usize,
    range: &Range<usize>,
) -> impl Iterator<Item = &'c Correction> {
    nearby(corrections, page, range).iter().filter(move |c| {
        c.page == page
            && c.range.start < range.end.max(range.start + 1)
            && c.range.end.max(c.range.start + 1) > range.start
    })
}

/// The source text of `range` with the corrections applied, each character
/// mapped to its origin. A correction starting inside the range is applied
/// whole; source that a correction starting before the range replaced is
/// skipped.
pub fn corrected(page_text: &str, page: usize, range: Range<usize>, corrections: &[Correction]) -> Mapped {
    let mut out = Mapped::default();
    write_corrected(page_text, page, range, corrections, &mut out);
    out
}

/// What [`corrected`] gives, written into `out`.
pub fn write_corrected(
    page_text: &str,
    page: usize,
    range: Range<usize>,
    corrections: &[Correction],
    out: &mut impl Sink,
) {
    let owns_end = ends_a_line(page_text, range.end);
    let at_end =
        |c: &&Correction| owns_end && c.page == page && c.range.is_empty() && c.range.start == range.end;
    let nearby = nearby(corrections, page, &range);
    let mut applicable: Vec<&Correction> =
        touching(nearby, page, &range).chain(nearby.iter().filter(at_end)).collect();
    applicable.sort_by_key(|c| (c.range.start, c.range.end));
    applicable.dedup();
    let mut at = range.start;
    // Skip what a correction begun before this range replaced.
    for c in &applicable {
        if c.range.start < range.start {
            at = at.max(c.range.end);
        }
    }
    for c in applicable.iter().filter(|c| starts_in(c, &range, owns_end)) {
        if c.range.start < at {
            continue; // overlapping corrections are never stored; be safe
        }
        let kept = at..c.range.start.min(range.end);
        if kept.start < kept.end {
            out.source(&page_text[kept.clone()], kept.start);
        }
        out.corrected(&c.text, c.range.start);
        at = c.range.end.max(c.range.start);
    }
    if at < range.end {
        out.source(&page_text[at..range.end], at);
    }
}

/// True when correction `c` is shown by the block over `range`: it starts
/// inside the range, or it is an insertion just past the range's end where
/// the line ends, so no other block can start there. (Documents saved
/// before end insertions were anchored inside their block hold these.)
fn starts_in(c: &Correction, range: &Range<usize>, owns_end: bool) -> bool {
    let inside = c.range.start >= range.start && c.range.start < range.end.max(range.start + 1);
    inside || (owns_end && c.range.is_empty() && c.range.start == range.end)
}

/// True when offset `at` of `text` is a line's end or the text's end.
fn ends_a_line(text: &str, at: usize) -> bool {
    matches!(text.as_bytes().get(at), None | Some(b'\n' | b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(page: usize, range: Range<usize>, text: &str) -> Correction {
        Correction { page, range, text: text.to_owned() }
    }

    #[test]
    fn corrections_replace_their_source_range() {
        let source = "the Presidents vpreparedness program";
        let corrections = [fix(0, 4..14, "President's"), fix(0, 15..28, "preparedness")];
        let out = corrected(source, 0, 0..source.len(), &corrections);
        assert_eq!(out.text, "the President's preparedness program");
        assert_eq!(out.origins.len(), out.text.chars().count());
        assert_eq!(out.origins[0], Origin::Source(0));
        assert_eq!(out.origins[4], Origin::Corrected(4));
    }

    #[test]
    fn a_correction_shows_once_when_a_boundary_cuts_it() {
        let source = "abc\ndef";
        let corrections = [fix(0, 2..5, "X")]; // "c\nd" became "X"
        let first = corrected(source, 0, 0..3, &corrections);
        let second = corrected(source, 0, 4..7, &corrections);
        assert_eq!((first.text.as_str(), second.text.as_str()), ("abX", "ef"));
    }

    #[test]
    fn other_pages_are_untouched() {
        let out = corrected("abc", 0, 0..3, &[fix(1, 0..1, "Z")]);
        assert_eq!(out.text, "abc");
    }

    #[test]
    fn insertions_are_empty_ranges() {
        let out = corrected("ac", 0, 0..2, &[fix(0, 1..1, "b")]);
        assert_eq!(out.text, "abc");
    }
}
