//! What the source and article views mark besides the text: the hits of
//! the find panel and the suspects, worked out once per search and per
//! result of the suspects, so that drawing a row only looks them up.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};

use crate::edit::Document;
use crate::find::{Haystack, Location};

/// Why a stretch of text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A hit of the find panel.
    Hit,
    /// The hit the editor jumped to.
    CurrentHit,
    /// A suspect.
    Suspect,
    /// The suspect walked to with F8.
    CurrentSuspect,
}

impl Mark {
    /// The background a mark paints.
    pub fn colour(self) -> Color32 {
        match self {
            Mark::Hit => Color32::from_rgba_unmultiplied(255, 210, 0, 90),
            Mark::CurrentHit => Color32::from_rgba_unmultiplied(255, 150, 0, 170),
            Mark::Suspect => Color32::from_rgba_unmultiplied(230, 60, 60, 60),
            Mark::CurrentSuspect => Color32::from_rgba_unmultiplied(230, 60, 60, 150),
        }
    }
}

/// Marked byte ranges of one text.
pub type Marks = Vec<(Range<usize>, Mark)>;

/// Marked stretches: per source line (bytes of the line's text) and per
/// block (bytes of its corrected text), and the lines with suspects.
#[derive(Debug, Default)]
pub struct Highlights {
    lines: HashMap<(usize, usize), Marks>,
    blocks: HashMap<usize, Marks>,
    /// Source lines holding a suspect (the gutter's marks).
    suspect_lines: HashSet<(usize, usize)>,
}

impl Highlights {
    /// Marks `place` (found in `haystack` at `range`): its source lines,
    /// and its block's text when the haystack is the corrected text.
    pub fn add(
        &mut self,
        document: &Document,
        haystack: Option<&Haystack>,
        place: &Location,
        range: &Range<usize>,
        mark: Mark,
    ) {
        let page = &document.edition.pages[place.page];
        let lines = page.lines_of(&place.source);
        for line in lines {
            let content = page.lines.content(line);
            let start = place.source.start.clamp(content.start, content.end) - content.start;
            let end = place.source.end.clamp(content.start, content.end) - content.start;
            if start < end {
                self.lines.entry((place.page, line)).or_default().push((start..end, mark));
            }
            if matches!(mark, Mark::Suspect | Mark::CurrentSuspect) {
                self.suspect_lines.insert((place.page, line));
            }
        }
        if let Some(haystack) = haystack {
            let block_start = range.start - haystack.offset_in_block(range.start);
            let in_block = range.start - block_start..range.end - block_start;
            self.blocks.entry(place.block).or_default().push((in_block, mark));
        }
    }

    /// The marks on source line `line` of page `page`.
    pub fn on_line(&self, page: usize, line: usize) -> &[(Range<usize>, Mark)] {
        self.lines.get(&(page, line)).map_or(&[], Vec::as_slice)
    }

    /// The marks in block `block`'s corrected text.
    pub fn in_block(&self, block: usize) -> &[(Range<usize>, Mark)] {
        self.blocks.get(&block).map_or(&[], Vec::as_slice)
    }

    /// True when source line `line` of page `page` holds a suspect.
    pub fn has_suspect(&self, page: usize, line: usize) -> bool {
        self.suspect_lines.contains(&(page, line))
    }
}

/// `text` laid out with `marks` as backgrounds (ranges in bytes; those
/// that do not fit the text, as while it is being typed, are skipped).
pub fn marked_job(
    text: &str,
    marks: &[(Range<usize>, Mark)],
    font: FontId,
    colour: Color32,
    wrap: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap;
    let plain = TextFormat { font_id: font.clone(), color: colour, ..Default::default() };
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (range, _) in marks.iter().filter(|(r, _)| fits(text, r)) {
        cuts.extend([range.start, range.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let piece = pair[0]..pair[1];
        let mark =
            marks.iter().rev().find(|(r, _)| fits(text, r) && r.start <= piece.start && piece.end <= r.end);
        let format = match mark {
            Some((_, mark)) => TextFormat { background: mark.colour(), ..plain.clone() },
            None => plain.clone(),
        };
        job.append(&text[piece], 0.0, format);
    }
    job
}

fn fits(text: &str, range: &Range<usize>) -> bool {
    range.start < range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

/// Several sets of marks seen as one (the find panel's over the suspects').
#[derive(Default)]
pub struct Layers<'a>(pub Vec<&'a Highlights>);

impl Layers<'_> {
    /// The marks on source line `line` of page `page`.
    pub fn on_line(&self, page: usize, line: usize) -> Marks {
        self.0.iter().flat_map(|h| h.on_line(page, line).iter().cloned()).collect()
    }

    /// The marks in block `block`'s corrected text.
    pub fn in_block(&self, block: usize) -> Marks {
        self.0.iter().flat_map(|h| h.in_block(block).iter().cloned()).collect()
    }

    /// True when source line `line` of page `page` holds a suspect.
    pub fn has_suspect(&self, page: usize, line: usize) -> bool {
        self.0.iter().any(|h| h.has_suspect(page, line))
    }
}
