//! Turning a page's line tags into blocks and articles.
//!
//! A tag that opens an article opens one; other lines join the article the
//! text is in. Title lines of one role run on into one block (a headline
//! set over three lines is one headline); text lines run on into paragraphs
//! where a column or a page break cut them. A line tagged as resuming goes
//! back to the earlier article that broke off mid-sentence (a boxed item or
//! an illustration set into its column interrupted it), or, failing that,
//! to the one before the article just read.

use super::cues::{byline, title};
use super::layout::{Layout, Line};
use super::tags::Tag;
use crate::model::{ArticleId, Block, Cue, Role, Split};

/// An article being built.
struct Draft {
    id: ArticleId,
    has_body: bool,
    /// Its last paragraph broke off mid-sentence.
    broken_off: bool,
}

struct Builder<'l, 'a> {
    page: usize,
    lines: &'l [Line<'a>],
    wrapped: bool,
    split: Split,
    drafts: Vec<Draft>,
    current: Option<usize>,
    /// The previous non-blank line's index, its tag and its block.
    previous: Option<(usize, Tag, usize)>,
}

/// Builds the blocks and articles of page `page` from the tags of its
/// non-blank lines (`lines[k]` is the page line of `tags[k]`), each block
/// with the cue of its first line.
pub(super) fn decode(
    page: usize,
    layout: &Layout<'_>,
    lines: &[usize],
    tags: &[Tag],
    cues: &[Cue],
    new_id: &mut impl FnMut() -> ArticleId,
) -> Split {
    let mut builder = Builder {
        page,
        lines: &layout.lines,
        wrapped: layout.wrapped,
        split: Split::default(),
        drafts: Vec::new(),
        current: None,
        previous: None,
    };
    for ((&i, &tag), &cue) in lines.iter().zip(tags).zip(cues) {
        builder.line(i, tag, cue, new_id);
    }
    builder.split_signatures();
    builder.split_run_together_titles();
    builder.split
}

impl Builder<'_, '_> {
    fn line(&mut self, i: usize, tag: Tag, cue: Cue, new_id: &mut impl FnMut() -> ArticleId) {
        let role = tag.role();
        let draft = match tag {
            Tag::Noise | Tag::Advertisement => None,
            _ if tag.opens() => Some(self.open(new_id)),
            Tag::Resume => Some(self.resumed(new_id)),
            _ => Some(match self.current {
                Some(d) => d,
                None => self.open(new_id),
            }),
        };
        let article = draft.map(|d| self.drafts[d].id);
        let extends = self.previous.and_then(|(p, previous_tag, block)| {
            let last = self.split.blocks.last()?;
            let same_block =
                block + 1 == self.split.blocks.len() && last.article == article && last.role == role;
            (same_block && self.runs_on(p, previous_tag, i, tag)).then_some(block)
        });
        let line = &self.lines[i];
        let block = match extends {
            Some(block) => {
                self.split.blocks[block].range.end = line.range.end;
                block
            }
            None => {
                let range = line.text_start..line.range.end;
                self.split.blocks.push(Block { page: self.page, range, role, cue, article });
                self.split.blocks.len() - 1
            }
        };
        if let Some(d) = draft {
            self.current = Some(d);
            if role == Role::Body {
                self.drafts[d].has_body = true;
                self.drafts[d].broken_off = !line.ends_sentence;
            }
        }
        self.previous = Some((i, tag, block));
    }

    /// Whether line `i` (tagged `tag`) goes on with the block that line `p`
    /// (tagged `previous`) ended, given both have the same role and article.
    fn runs_on(&self, p: usize, previous: Tag, i: usize, tag: Tag) -> bool {
        if tag.opens() || tag == Tag::Resume {
            return false;
        }
        match tag.role() {
            Role::Body => continues_paragraph(&self.lines[p], p, &self.lines[i], i, self.wrapped),
            // Set-aside runs and title lines of one role run on; a new
            // headline after a kicker does not join the kicker.
            _ => previous.role() == tag.role(),
        }
    }

    fn open(&mut self, new_id: &mut impl FnMut() -> ArticleId) -> usize {
        let id = new_id();
        self.split.articles.push(id);
        self.drafts.push(Draft { id, has_body: false, broken_off: false });
        self.drafts.len() - 1
    }

    /// The earlier article text resuming after another item belongs to.
    fn resumed(&mut self, new_id: &mut impl FnMut() -> ArticleId) -> usize {
        let others = (0..self.drafts.len()).rev().filter(|&d| Some(d) != self.current);
        let waiting = others.clone().find(|&d| self.drafts[d].broken_off || !self.drafts[d].has_body);
        match waiting.or_else(|| others.clone().next()) {
            Some(d) => d,
            None => self.current.unwrap_or_else(|| self.open(new_id)),
        }
    }

    /// The line whose content holds byte `at` (its end included), found by
    /// binary search: lines are in page order.
    fn line_holding(&self, at: usize) -> Option<&Line<'_>> {
        let index = self.lines.partition_point(|l| l.range.end < at);
        self.lines.get(index).filter(|l| l.range.start <= at)
    }

    /// Splits a signature off the end of an English paragraph ("…as I do.
    /// W. J. BRYAN.").
    fn split_signatures(&mut self) {
        let mut out = Vec::with_capacity(self.split.blocks.len());
        for block in std::mem::take(&mut self.split.blocks) {
            let last = self.line_holding(block.range.end);
            let signature = (block.role == Role::Body)
                .then_some(last)
                .flatten()
                .filter(|l| !l.cjk)
                .and_then(|l| byline::trailing_signature(l.text).map(|offset| (l, offset)));
            let Some((line, offset)) = signature else {
                out.push(block);
                continue;
            };
            let at = line.text_start + offset;
            let body_end = line.text_start + line.text[..offset].trim_end().len();
            if body_end <= block.range.start {
                out.push(Block { role: Role::Byline, cue: Cue::Signature, ..block });
                continue;
            }
            let signed = Block {
                range: at..block.range.end,
                role: Role::Byline,
                cue: Cue::Signature,
                ..block.clone()
            };
            out.push(Block { range: block.range.start..body_end, ..block });
            out.push(signed);
        }
        self.split.blocks = out;
    }

    /// A Chinese headline and subheadline the OCR ran into one long line
    /// become two blocks, where the article has no subheadline of its own.
    fn split_run_together_titles(&mut self) {
        let mut out = Vec::with_capacity(self.split.blocks.len());
        let blocks = std::mem::take(&mut self.split.blocks);
        let with_subheadline: std::collections::HashSet<Option<ArticleId>> =
            blocks.iter().filter(|b| b.role == Role::Subheadline).map(|b| b.article).collect();
        for block in &blocks {
            let has_subheadline = || with_subheadline.contains(&block.article);
            let line = self.line_holding(block.range.start).filter(|l| block.range.end <= l.range.end);
            let split = (block.role == Role::Headline)
                .then_some(line)
                .flatten()
                .filter(|l| l.cjk && l.text_start == block.range.start)
                .and_then(|l| title::run_together_split(l.text).map(|s| (l, s)))
                .filter(|_| !has_subheadline());
            match split {
                Some((line, (head_end, sub_start))) => {
                    let cue = Cue::RunTogetherTitles;
                    out.push(Block {
                        range: block.range.start..line.text_start + head_end,
                        cue,
                        ..block.clone()
                    });
                    out.push(Block {
                        range: line.text_start + sub_start..block.range.end,
                        role: Role::Subheadline,
                        cue,
                        ..block.clone()
                    });
                }
                None => out.push(block.clone()),
            }
        }
        self.split.blocks = out;
    }
}

/// Whether text line `next` (index `j`) goes on with the paragraph whose last
/// line is `previous` (index `i`), with only blank lines between them.
///
/// A paragraph goes on when its last line did not end a sentence: a column
/// or page break cut it (Chinese pages with one paragraph per line show this
/// as a short remainder after a blank line). On hard-wrapped pages a line
/// that ends a sentence at the column's full width goes on too; a short line
/// ending a sentence closes the paragraph. A dateline or an indent always
/// opens a new one.
fn continues_paragraph(previous: &Line<'_>, i: usize, next: &Line<'_>, j: usize, wrapped: bool) -> bool {
    if next.dateline || (wrapped && next.indented) {
        return false;
    }
    if !previous.ends_sentence {
        return true;
    }
    wrapped && j == i + 1 && !previous.is_short(0.85)
}

/// The byte range of a block's first line, for tests.
#[cfg(test)]
fn first_line(split: &Split, text: &str, block: usize) -> String {
    let range: std::ops::Range<usize> = split.blocks[block].range.clone();
    text[range].lines().next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Page, PageSource};

    fn decoded(text: &str, tags: &[Tag]) -> Split {
        let source =
            PageSource { path: "p.txt".into(), form_feed_page: None, byte_range: 0..text.len() as u64 };
        let page = Page::new("p.txt".into(), source, "UTF-8", String::new(), text.into());
        let layout = super::super::layout::measure(&page);
        let lines: Vec<usize> = (0..layout.lines.len()).filter(|&i| !layout.lines[i].is_blank()).collect();
        let cues = vec![Cue::Layout; lines.len()];
        let mut next = 0;
        decode(0, &layout, &lines, tags, &cues, &mut || {
            next += 1;
            ArticleId(next)
        })
    }

    #[test]
    fn titles_run_on_and_paragraphs_rejoin() {
        let text = "BIG FIRE IN\nTHE MILL\nFlames Rose High\nThe mill burned down on\nMonday night.\nIt was insured.\n";
        use Tag::*;
        let split = decoded(text, &[HeadlineStart, Headline, Subheadline, Body, Body, Body]);
        let roles: Vec<Role> = split.blocks.iter().map(|b| b.role).collect();
        assert_eq!(roles, [Role::Headline, Role::Subheadline, Role::Body, Role::Body]);
        assert_eq!(first_line(&split, text, 0), "BIG FIRE IN");
        assert_eq!(&text[split.blocks[2].range.clone()], "The mill burned down on\nMonday night.");
        assert_eq!(split.articles.len(), 1);
    }

    #[test]
    fn a_resumed_article_gets_its_text_back() {
        let text = "FIRE\nThe mill burned down on\nFLOOD\nThe river rose.\nMonday night.\n";
        use Tag::*;
        let split = decoded(text, &[HeadlineStart, Body, HeadlineStart, Body, Resume]);
        assert_eq!(split.articles.len(), 2);
        let owner = |b: usize| split.blocks[b].article;
        assert_eq!(owner(4), owner(0), "'Monday night.' goes back to FIRE, which broke off mid-sentence");
    }

    #[test]
    fn noise_and_advertisements_belong_to_no_article() {
        let text = "PAPER\nVOL. 1\nSOAP 5c\nFIRE\nThe mill burned.\n";
        use Tag::*;
        let split = decoded(text, &[Noise, Noise, Advertisement, HeadlineStart, Body]);
        let summary: Vec<(Role, bool)> = split.blocks.iter().map(|b| (b.role, b.article.is_some())).collect();
        assert_eq!(
            summary,
            [(Role::Noise, false), (Role::Advertisement, false), (Role::Headline, true), (Role::Body, true)]
        );
    }

    #[test]
    fn a_signature_is_split_off_its_paragraph() {
        let text = "FRIENDS\nWe stand by them, as I do. W. J. BRYAN.\n";
        let split = decoded(text, &[Tag::HeadlineStart, Tag::Body]);
        assert_eq!(split.blocks.last().map(|b| b.role), Some(Role::Byline));
        assert_eq!(&text[split.blocks[2].range.clone()], "W. J. BRYAN.");
    }
}
