//! The text a search runs over: every block of the edition rendered once,
//! lines rejoined, in one string, with the way back from each character to
//! the source.
//!
//! Building it costs one render of the edition; each keystroke of an
//! incremental search then only runs the matcher over it. Blocks are
//! separated by a line break, so no hit runs from one block into the next,
//! while a word broken at a column's line end is found whole, as the
//! article view shows it.

use std::ops::Range;

use crate::edit::{Correction, Document, Origin, render_block};
use crate::model::ArticleId;
use crate::text::LineIndex;

/// Which text is searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// The text as the editor has corrected it (what articles will say).
    #[default]
    Corrected,
    /// The OCR text as it came, lines rejoined the same way.
    Source,
}

/// Where a character of the haystack came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Source bytes `start..end`.
    Source(usize, usize),
    /// Inside the replacement text of a correction of source `start..end`.
    Corrected(usize, usize),
    /// A space put in where two lines were joined, after source offset `at`.
    Joint(usize),
}

/// One block's stretch of the haystack.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    /// Index of the block in the split.
    pub block: usize,
    /// Page index.
    pub page: usize,
    /// The block's article (`None` for noise and advertisements).
    pub article: Option<ArticleId>,
    /// Byte range in the haystack.
    pub text: Range<usize>,
    /// Index of the block's first character in the haystack's marks.
    first_mark: usize,
}

/// The whole edition as one searchable text.
#[derive(Debug, Clone, Default)]
pub struct Haystack {
    scope: Scope,
    text: String,
    slots: Vec<Slot>,
    marks: Vec<Mark>,
    /// Each page's line index, to name the line of a hit.
    lines: Vec<std::sync::Arc<LineIndex>>,
}

/// Where a stretch of the haystack lies in the edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Page index (from 0).
    pub page: usize,
    /// Line index (from 0) the stretch starts on.
    pub line: usize,
    /// The source bytes behind it.
    pub source: Range<usize>,
    /// Index of the block in the split.
    pub block: usize,
    /// The block's article.
    pub article: Option<ArticleId>,
}

impl Haystack {
    /// Renders every block of `document` in `scope`.
    pub fn build(document: &Document, scope: Scope) -> Self {
        let none: &[Correction] = &[];
        let corrections = match scope {
            Scope::Corrected => document.corrections.as_slice(),
            Scope::Source => none,
        };
        let lines = document.edition.pages.iter().map(|p| p.lines.clone()).collect();
        let mut hay = Haystack { scope, lines, ..Default::default() };
        hay.text.reserve(document.edition.text_len());
        for (index, block) in document.split.blocks.iter().enumerate() {
            let rendered = render_block(&document.edition, corrections, block);
            let start = hay.text.len();
            let first_mark = hay.marks.len();
            hay.text.push_str(&rendered.text);
            hay.marks.extend(rendered.text.chars().zip(&rendered.marks).map(|(c, &origin)| match origin {
                Origin::Source(at) => Mark::Source(at, at + c.len_utf8()),
                Origin::Corrected(at) => {
                    let end = correction_end(corrections, block.page, at);
                    Mark::Corrected(at, end)
                }
                Origin::Joint(at) => Mark::Joint(at),
            }));
            let text = start..hay.text.len();
            hay.slots.push(Slot { block: index, page: block.page, article: block.article, text, first_mark });
            hay.text.push('\n');
        }
        hay
    }

    /// The scope it was built in.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// The searchable text: each block's rendered text, one a line.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The slot (block) holding haystack byte `at`, if any.
    pub(crate) fn slot_at(&self, at: usize) -> Option<usize> {
        let index = self.slots.partition_point(|s| s.text.end < at);
        self.slots.get(index).filter(|s| s.text.start <= at && at <= s.text.end).map(|_| index)
    }

    /// How far haystack byte `at` lies into its block's corrected text.
    pub fn offset_in_block(&self, at: usize) -> usize {
        self.slot_at(at).map_or(0, |s| at - self.slots[s].text.start)
    }

    /// The slots in haystack order.
    pub(crate) fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The rendered text of slot `slot`.
    pub(crate) fn slot_text(&self, slot: usize) -> &str {
        &self.text[self.slots[slot].text.clone()]
    }

    /// Where haystack bytes `range` (inside one block) lie in the source.
    /// A hit that starts or ends on a joined line break takes in the break.
    pub fn locate(&self, range: &Range<usize>) -> Option<Location> {
        let slot = &self.slots[self.slot_at(range.start)?];
        let before = self.text.get(slot.text.start..range.start)?.chars().count();
        let inside = self.text.get(range.start..range.end.min(slot.text.end))?.chars().count();
        let first = slot.first_mark + before;
        let last_mark = slot.first_mark + self.text[slot.text.clone()].chars().count();
        let source = if inside == 0 {
            let at = if first < last_mark {
                self.source_of(first, slot).start
            } else {
                self.source_of(first - 1, slot).end
            };
            at..at
        } else {
            let start = self.source_of(first, slot).start;
            start..self.source_of(first + inside - 1, slot).end.max(start)
        };
        let line = self.lines[slot.page].line_of(source.start);
        Some(Location { page: slot.page, line, source, block: slot.block, article: slot.article })
    }

    /// The source range behind mark `index` of `slot`: a joint covers the
    /// line break between the characters either side of it.
    fn source_of(&self, index: usize, slot: &Slot) -> Range<usize> {
        match self.marks[index] {
            Mark::Source(start, end) | Mark::Corrected(start, end) => start..end,
            Mark::Joint(at) => {
                let start = index
                    .checked_sub(1)
                    .filter(|&i| i >= slot.first_mark)
                    .map_or(at, |i| self.source_of(i, slot).end);
                let end = self.marks.get(index + 1).map_or(start, |m| match *m {
                    Mark::Source(s, _) | Mark::Corrected(s, _) | Mark::Joint(s) => s,
                });
                start..end.max(start)
            }
        }
    }

    /// The haystack byte offsets of the spaces put in where slot
    /// `slot`'s lines were joined (they are not in the source).
    pub(crate) fn joints(&self, slot: usize) -> Vec<usize> {
        let slot = &self.slots[slot];
        let text = &self.text[slot.text.clone()];
        text.char_indices()
            .zip(&self.marks[slot.first_mark..])
            .filter(|(_, mark)| matches!(mark, Mark::Joint(_)))
            .map(|((at, _), _)| slot.text.start + at)
            .collect()
    }

    /// Up to `chars` characters either side of `range`, within its block:
    /// the concordance line of a hit.
    pub fn context(&self, range: &Range<usize>, chars: usize) -> (&str, &str, &str) {
        let Some(slot) = self.slot_at(range.start).map(|s| &self.slots[s]) else { return ("", "", "") };
        let before = &self.text[slot.text.start..range.start];
        let after = &self.text[range.end.min(slot.text.end)..slot.text.end];
        let cut = before.char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i);
        let before = if chars == 0 { "" } else { &before[cut..] };
        let end = after.char_indices().nth(chars).map_or(after.len(), |(i, _)| i);
        (before, &self.text[range.clone()], &after[..end])
    }
}

/// Where the correction of `page` starting at `at` ends (corrections are
/// sorted and never share a start).
fn correction_end(corrections: &[Correction], page: usize, at: usize) -> usize {
    let index = corrections.partition_point(|c| (c.page, c.range.start) < (page, at));
    corrections.get(index).filter(|c| c.page == page && c.range.start == at).map_or(at, |c| c.range.end)
}
