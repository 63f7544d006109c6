//! Measuring lines: the facts every later step weighs.

use std::ops::Range;

use super::cues::{dateline, punctuation};
use crate::model::Page;
use crate::text::script;

/// One line of a page, measured.
#[derive(Debug, Clone)]
pub(super) struct Line<'a> {
    /// The content with surrounding white space trimmed.
    pub text: &'a str,
    /// The content's byte range in the page (untrimmed, no terminator).
    pub range: Range<usize>,
    /// Where `text` starts in the page.
    pub text_start: usize,
    /// Width in display columns.
    pub width: usize,
    /// The typical width of full lines around this one: the second widest
    /// of its neighbours, so that one stray long line does not count.
    pub column: usize,
    /// True when the line is written in Chinese or another spaceless script.
    pub cjk: bool,
    /// True when the line ends a sentence.
    pub ends_sentence: bool,
    /// True when the line opens with a paragraph indent.
    pub indented: bool,
    /// True when the line opens with a dateline (本报讯, `WASHINGTON —`).
    pub dateline: bool,
}

impl Line<'_> {
    /// True for a line with nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// True when the line is clearly shorter than a full line of its column.
    pub fn is_short(&self, fraction: f32) -> bool {
        (self.width as f32) < self.column as f32 * fraction
    }
}

/// The measured lines of a page, and whether it is set hard-wrapped.
pub(super) struct Layout<'a> {
    /// One entry per line of the page.
    pub lines: Vec<Line<'a>>,
    /// True when lines are column lines (paragraphs span several lines and
    /// most lines break mid-sentence), false when each line is a paragraph.
    pub wrapped: bool,
}

/// How many non-blank neighbours on each side set a line's column width.
const NEIGHBOURS: usize = 6;

/// Measures every line of the page (each line by itself, on two threads
/// for a long page; then the column widths, which look at neighbours).
pub(super) fn measure(page: &Page) -> Layout<'_> {
    let mut lines: Vec<Line<'_>> = super::threads::on_two_threads(page.lines.len(), |index| {
        let range = page.lines.content(index);
        let content = &page.text[range.clone()];
        let text = content.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        let leading =
            content.len() - content.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}').len();
        let profile = script::profile(text);
        Line {
            text,
            text_start: range.start + leading,
            width: profile.width,
            column: 0,
            cjk: profile.spaceless,
            ends_sentence: punctuation::ends_sentence(text),
            indented: punctuation::starts_indented(content),
            dateline: dateline::opens_with_dateline(text),
            range,
        }
    });
    set_columns(&mut lines);
    let wrapped = is_wrapped(&lines);
    if !wrapped {
        set_paragraph_width(&mut lines);
    }
    Layout { lines, wrapped }
}

/// On a page with one paragraph per line, a "full" line is a paragraph, and
/// paragraphs end with a full stop: their median width is the yardstick for
/// every line, so that a masthead of short lines does not measure itself.
fn set_paragraph_width(lines: &mut [Line<'_>]) {
    let mut widths: Vec<usize> = lines.iter().filter(|l| l.ends_sentence).map(|l| l.width).collect();
    if widths.is_empty() {
        widths = lines.iter().map(|l| l.width).collect();
    }
    widths.sort_unstable();
    let median = widths.get(widths.len() / 2).copied().unwrap_or(1).max(1);
    for line in lines.iter_mut().filter(|l| !l.is_blank()) {
        line.column = median;
    }
}

fn set_columns(lines: &mut [Line<'_>]) {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    for (k, &i) in filled.iter().enumerate() {
        let window = &filled[k.saturating_sub(NEIGHBOURS)..(k + NEIGHBOURS + 1).min(filled.len())];
        let (mut widest, mut second) = (0, 0);
        for &j in window {
            let w = lines[j].width;
            if w > widest {
                second = widest;
                widest = w;
            } else if w > second {
                second = w;
            }
        }
        lines[i].column = if second == 0 { widest } else { second }.max(1);
    }
}

/// A page is hard-wrapped when at least three lines in ten run to the
/// column's full width without ending a sentence and go straight on into
/// the next line. Pages with one paragraph per line separate their lines by
/// blank lines or end them with a full stop, so they never qualify.
fn is_wrapped(lines: &[Line<'_>]) -> bool {
    let filled = lines.iter().filter(|l| !l.is_blank()).count();
    let wrapping = lines
        .windows(2)
        .filter(|pair| {
            let (line, next) = (&pair[0], &pair[1]);
            !line.is_blank() && !next.is_blank() && !line.ends_sentence && !line.is_short(0.85)
        })
        .count();
    filled > 0 && wrapping * 10 >= filled * 3
}
