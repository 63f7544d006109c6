//! Turning an editor's change to a block's text into corrections anchored
//! in the source.
//!
//! The block's corrected text is diffed against what the editor typed,
//! character by character (`similar`). Each changed region is traced back to
//! the source range its characters came from, widened to swallow any
//! correction it touches, and stored as one replacement of that range. A
//! region that ends up equal to its source again simply drops its
//! correction.

use std::ops::Range;

use crate::text::diff::{Tag, diff};

use super::correction::{Origin, touching};
use super::render::render_block;
use super::{Correction, Document, Edit};

/// The edit that makes block `index` read `new_text`, or `None` when it
/// already does (or the index is out of range).
pub fn set_block_text(document: &Document, index: usize, new_text: &str) -> Option<Edit> {
    let block = document.split.blocks.get(index)?;
    let page = &document.edition.pages[block.page];
    let rendered = render_block(&document.edition, &document.corrections, block);
    if rendered.text == new_text {
        return None;
    }
    let old: Vec<char> = rendered.text.chars().collect();
    let new: Vec<char> = new_text.chars().collect();
    let spans = SourceSpans::new(&old, &rendered.marks, &document.corrections, block.page, &page.text);
    let mut removed: Vec<Correction> = Vec::new();
    let mut inserted: Vec<Correction> = Vec::new();
    for (old_range, new_range) in changed_regions(&rendered.text, new_text, &rendered.marks) {
        let source = spans.source_range(&old_range, block.range.clone());
        let text: String = new[new_range].iter().collect();
        for existing in touching(&document.corrections, block.page, &source) {
            if !removed.contains(existing) {
                removed.push(existing.clone());
            }
        }
        if page.text.get(source.clone()) != Some(text.as_str()) {
            inserted.push(Correction { page: block.page, range: source, text });
        }
    }
    (!removed.is_empty() || !inserted.is_empty()).then_some(Edit::Corrections { removed, inserted })
}

/// Regions where `old` and `new` differ, as char ranges, widened so that a
/// correction's characters are always replaced whole and neighbouring
/// regions that share one merge. The diff is bounded (a pathological paste
/// gets a coarser one, never a frozen window).
fn changed_regions(old: &str, new: &str, origins: &[Origin]) -> Vec<(Range<usize>, Range<usize>)> {
    let old_len = origins.len();
    let mut regions: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for (mut o, mut n) in changes(old, new) {
        // Text added after the block's last character is anchored as a
        // replacement of that character, so the correction starts inside
        // this block and no neighbour that begins where it ends can claim it.
        if o.is_empty() && o.start == old_len && o.start > 0 {
            o.start -= 1;
            n.start -= 1;
        }
        // Widen over whole corrections on either side.
        while o.start > 0 && is_corrected_run(origins, o.start - 1, o.start) {
            o.start -= 1;
            n.start -= 1;
        }
        while o.end > 0 && o.end < old_len && is_corrected_run(origins, o.end - 1, o.end) {
            o.end += 1;
            n.end += 1;
        }
        match regions.last_mut() {
            Some((po, pn)) if po.end >= o.start => {
                po.end = po.end.max(o.end);
                pn.end = pn.end.max(n.end);
            }
            _ => regions.push((o, n)),
        }
    }
    regions
}

/// The changes of the diff of `old` and `new` (a deletion and the
/// insertion after it are one change), as char ranges.
fn changes(old: &str, new: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let (mut chars_old, mut chars_new) = (0, 0);
    let mut changes: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut after_change = false;
    for run in diff(old, new) {
        let o = chars_old..chars_old + old[run.old].chars().count();
        let n = chars_new..chars_new + new[run.new].chars().count();
        (chars_old, chars_new) = (o.end, n.end);
        match (run.tag, changes.last_mut()) {
            (Tag::Equal, _) => after_change = false,
            (_, Some((po, pn))) if after_change => {
                po.end = o.end;
                pn.end = n.end;
            }
            _ => {
                changes.push((o, n));
                after_change = true;
            }
        }
    }
    changes
}

/// True when chars `a` and `b` belong to the same correction.
fn is_corrected_run(origins: &[Origin], a: usize, b: usize) -> bool {
    matches!((origins.get(a), origins.get(b)), (Some(Origin::Corrected(x)), Some(Origin::Corrected(y))) if x == y)
}

/// The source range behind each rendered character.
struct SourceSpans {
    spans: Vec<Range<usize>>,
}

impl SourceSpans {
    fn new(
        chars: &[char],
        origins: &[Origin],
        corrections: &[Correction],
        page: usize,
        page_text: &str,
    ) -> Self {
        let mut spans: Vec<Range<usize>> = chars
            .iter()
            .zip(origins)
            .map(|(&c, &origin)| match origin {
                Origin::Source(at) => at..at + c.len_utf8(),
                Origin::Corrected(at) => corrections
                    .iter()
                    .find(|k| k.page == page && k.range.start == at)
                    .map_or(at..at, |k| k.range.clone()),
                Origin::Joint(_) => 0..0, // filled in below from its neighbours
            })
            .collect();
        // A joint space stands for the line break and layout blanks between
        // the characters around it.
        for i in 0..spans.len() {
            if let Origin::Joint(before) = origins[i] {
                let start = spans[..i].last().map_or(before, |s| s.end);
                let end = spans.get(i + 1).map_or(start, |s| s.start.max(start));
                spans[i] = start..end.min(page_text.len());
            }
        }
        Self { spans }
    }

    /// The source range that rendered chars `range` came from; an empty
    /// range (an insertion) is anchored after the char before it, or before
    /// the first char of the block.
    fn source_range(&self, range: &Range<usize>, block: Range<usize>) -> Range<usize> {
        if range.start < range.end {
            return self.spans[range.start].start..self.spans[range.end - 1].end;
        }
        let at = match range.start.checked_sub(1) {
            Some(before) => self.spans[before].end,
            None => self.spans.first().map_or(block.start, |s| s.start),
        };
        at..at
    }
}
