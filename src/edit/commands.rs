//! The editor's structural commands, as pure functions: each looks at the
//! document and returns the [`Edit`] that carries it out, or `None` when it
//! does not apply there. The window and the command line share them.
//!
//! Lines are numbered from 0 here, as in [`crate::text::LineIndex`].

use std::ops::Range;

use super::{Document, Edit};
use crate::model::{ArticleId, Block, Cue, Role};

/// The block holding line `line` of page `page`: the first block that
/// covers the line's start or begins on the line.
pub fn block_at_line(document: &Document, page: usize, line: usize) -> Option<usize> {
    let lines = &document.edition.pages.get(page)?.lines;
    if line >= lines.len() {
        return None;
    }
    let content = lines.content(line);
    document.split.blocks.iter().position(|b| {
        b.page == page
            && (b.range.start <= content.start && content.start < b.range.end
                || content.start <= b.range.start && b.range.start < content.end.max(content.start + 1))
    })
}

/// Starts a new article at line `line`: that line and everything after it
/// in its article go to the new one, which follows it in reading order.
pub fn start_article_at(document: &Document, page: usize, line: usize) -> Option<Edit> {
    let blocks = &document.split.blocks;
    let index = block_at_line(document, page, line)?;
    let article = blocks[index].article?;
    let text = &document.edition.pages[page].text;
    let at = past_blank_lines(text, line_start(document, page, line).max(blocks[index].range.start));
    if at >= blocks[index].range.end {
        return None; // only blank lines of this block lie from there on
    }
    let first = blocks.iter().position(|b| b.article == Some(article))?;
    // What stays before the new article's start: nothing but blank lines
    // there means the article already starts here.
    let stays = text[blocks[index].range.start..at].trim().is_empty();
    if index == first && stays {
        return None; // the article already starts here
    }
    let last = blocks.iter().rposition(|b| b.article == Some(article))?;
    let new_id = document.unused_article_id();
    let mut inserted = Vec::with_capacity(last - index + 2);
    for (offset, block) in blocks[index..=last].iter().enumerate() {
        if offset == 0 && at > block.range.start {
            let (before, after) = split_block(block, at);
            if !stays {
                inserted.push(before);
            }
            inserted.push(Block { article: Some(new_id), ..after });
        } else if block.article == Some(article) {
            inserted.push(Block { article: Some(new_id), ..block.clone() });
        } else {
            inserted.push(block.clone());
        }
    }
    let mut order = document.split.articles.clone();
    let position = order.iter().position(|&a| a == article)?;
    order.insert(position + 1, new_id);
    Some(Edit::Batch(vec![splice(document, index..last + 1, inserted), reorder(document, order)]))
}

/// Merges `article` into the article before it (or after it) in reading
/// order; its blocks keep their roles.
pub fn merge_article(document: &Document, article: ArticleId, with_previous: bool) -> Option<Edit> {
    let order = &document.split.articles;
    let position = order.iter().position(|&a| a == article)?;
    let target = if with_previous { order.get(position.checked_sub(1)?) } else { order.get(position + 1) }?;
    let blocks = &document.split.blocks;
    let first = blocks.iter().position(|b| b.article == Some(article))?;
    let last = blocks.iter().rposition(|b| b.article == Some(article))?;
    let inserted = blocks[first..=last]
        .iter()
        .map(|b| {
            if b.article == Some(article) { Block { article: Some(*target), ..b.clone() } } else { b.clone() }
        })
        .collect();
    let remaining: Vec<ArticleId> = order.iter().copied().filter(|&a| a != article).collect();
    Some(Edit::Batch(vec![splice(document, first..last + 1, inserted), reorder(document, remaining)]))
}

/// Moves the boundary where `article` starts one line up (taking the last
/// line of what precedes it) or down (giving its first line to what
/// precedes it: the previous article, or noise).
pub fn move_boundary(document: &Document, article: ArticleId, up: bool) -> Option<Edit> {
    let blocks = &document.split.blocks;
    let first = blocks.iter().position(|b| b.article == Some(article))?;
    if up {
        let index = first.checked_sub(1)?;
        let previous = &blocks[index];
        if previous.page != blocks[first].page {
            return None;
        }
        let lines = filled_lines(document, previous);
        let last_line = *lines.last()?;
        let role = if previous.role.is_set_aside() { Role::Body } else { previous.role };
        let taken = |b: Block| Block { article: Some(article), role, cue: Cue::Editor, ..b };
        let inserted = if lines.len() > 1 {
            let (kept, moved) = split_block(previous, line_start(document, previous.page, last_line));
            vec![kept, taken(moved)]
        } else {
            vec![taken(previous.clone())]
        };
        return Some(splice_and_reorder(document, index..index + 1, inserted));
    }
    let block = &blocks[first];
    let receiver =
        first.checked_sub(1).map(|p| &blocks[p]).filter(|p| p.page == block.page).and_then(|p| p.article);
    let role = if receiver.is_some() { Role::Body } else { Role::Noise };
    let given = |b: Block| Block { article: receiver, role, cue: Cue::Editor, ..b };
    let lines = filled_lines(document, block);
    let inserted = if lines.len() > 1 {
        let (moved, kept) = split_block(block, line_start(document, block.page, lines[1]));
        vec![given(moved), kept]
    } else {
        vec![given(block.clone())]
    };
    Some(splice_and_reorder(document, first..first + 1, inserted))
}

/// Marks lines `lines` of page `page` as noise, or (with `noise` false)
/// brings noise among them back into the article before them (or after
/// them, or a new one) as body text.
pub fn set_noise(document: &Document, page: usize, lines: Range<usize>, noise: bool) -> Option<Edit> {
    set_aside(document, page, lines, noise.then_some(Role::Noise))
}

/// Sets lines `lines` of page `page` aside as `aside` (noise or an
/// advertisement), or with `None` brings what was set aside among them back
/// into the article before them (or after them, or a new one) as body text.
pub fn set_aside(document: &Document, page: usize, lines: Range<usize>, aside: Option<Role>) -> Option<Edit> {
    debug_assert!(aside.is_none_or(Role::is_set_aside), "only noise and advertisements are set aside");
    let page_lines = &document.edition.pages.get(page)?.lines;
    if lines.is_empty() || lines.end > page_lines.len() {
        return None;
    }
    let span = page_lines.content(lines.start).start..page_lines.content(lines.end - 1).end;
    let text = &document.edition.pages[page].text;
    if text[span.clone()].trim().is_empty() {
        return None; // blank lines belong to nothing
    }
    let blocks = &document.split.blocks;
    // Blocks whose role the edit changes.
    let changes = |b: &Block| match aside {
        Some(role) => b.role != role,
        None => b.role.is_set_aside(),
    };
    let touched: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            blocks[i].page == page && blocks[i].range.start < span.end && span.start < blocks[i].range.end
        })
        .filter(|&i| changes(&blocks[i]))
        .collect();
    let (&first, &last) = (touched.first()?, touched.last()?);
    let mut new_articles = Vec::new();
    let home = match aside {
        Some(_) => None,
        None => Some(neighbour_article(document, first, last, &mut new_articles)),
    };
    let mut inserted = Vec::new();
    for block in &blocks[first..=last] {
        if !changes(block) || block.page != page {
            inserted.push(block.clone());
            continue;
        }
        let [before, inside, after] = carve(text, block, &span);
        inserted.extend(before);
        let role = aside.unwrap_or(Role::Body);
        inserted.extend(inside.map(|inside| Block { article: home, role, cue: Cue::Editor, ..inside }));
        inserted.extend(after);
    }
    let order = articles_after(document, first..last + 1, &inserted, &new_articles);
    let mut edits = vec![splice(document, first..last + 1, inserted)];
    if order != document.split.articles {
        edits.push(reorder(document, order));
    }
    Some(Edit::Batch(edits))
}

/// Gives block `index` the role `role` (noise and advertisement take it
/// out of its article).
pub fn set_role(document: &Document, index: usize, role: Role) -> Option<Edit> {
    let block = document.split.blocks.get(index)?;
    if block.role == role {
        return None;
    }
    if role.is_set_aside() || block.role.is_set_aside() {
        let lines = document.edition.pages[block.page].lines_of(&block.range);
        let aside = role.is_set_aside().then_some(role);
        let noise_edit = set_aside(document, block.page, lines, aside)?;
        if role.is_set_aside() || role == Role::Body {
            return Some(noise_edit);
        }
        // Brought back with a role other than body: a second step on the result.
        let mut staged = document.clone();
        let _undo = staged.apply(noise_edit.clone());
        let restored = staged.split.blocks.iter().position(|b| b.range.start == block.range.start)?;
        let role_edit = set_role(&staged, restored, role)?;
        return Some(Edit::Batch(vec![noise_edit, role_edit]));
    }
    let changed = Block { role, cue: Cue::Editor, ..block.clone() };
    Some(splice(document, index..index + 1, vec![changed]))
}

/// Swaps the roles of the kicker and the headline of `article`.
pub fn swap_kicker_headline(document: &Document, article: ArticleId) -> Option<Edit> {
    let blocks = &document.split.blocks;
    let of_role = |role| blocks.iter().position(|b| b.article == Some(article) && b.role == role);
    let (kicker, headline) = (of_role(Role::Kicker)?, of_role(Role::Headline)?);
    let swapped = |i: usize, role| Block { role, cue: Cue::Editor, ..blocks[i].clone() };
    Some(Edit::Batch(vec![
        splice(document, kicker..kicker + 1, vec![swapped(kicker, Role::Headline)]),
        splice(document, headline..headline + 1, vec![swapped(headline, Role::Kicker)]),
    ]))
}

/// Joins body block `index` to the body paragraph just before it in the
/// same article.
pub fn join_with_previous(document: &Document, index: usize) -> Option<Edit> {
    let blocks = &document.split.blocks;
    let (previous, block) = (blocks.get(index.checked_sub(1)?)?, blocks.get(index)?);
    let joinable = block.role == Role::Body
        && previous.role == Role::Body
        && previous.article == block.article
        && previous.page == block.page;
    if !joinable {
        return None;
    }
    let joined = Block { range: previous.range.start..block.range.end, ..previous.clone() };
    Some(splice(document, index - 1..index + 1, vec![joined]))
}

/// Splits block `index` in two at byte `offset` of its page (a paragraph
/// split at the cursor).
pub fn split_at(document: &Document, index: usize, offset: usize) -> Option<Edit> {
    let block = document.split.blocks.get(index)?;
    let text = &document.edition.pages[block.page].text;
    let inside = block.range.start < offset && offset < block.range.end && text.is_char_boundary(offset);
    // Neither part may be blanks alone: an empty box in the article view.
    if !inside
        || text[block.range.start..offset].trim().is_empty()
        || text[offset..block.range.end].trim().is_empty()
    {
        return None;
    }
    let (before, after) = split_block(block, offset);
    Some(splice(document, index..index + 1, vec![before, Block { cue: Cue::Editor, ..after }]))
}

// ---- helpers ----

fn splice(document: &Document, range: Range<usize>, inserted: Vec<Block>) -> Edit {
    Edit::Blocks { at: range.start, removed: document.split.blocks[range].to_vec(), inserted }
}

/// Replaces blocks and, when that empties an article, takes it out of the
/// reading order in the same step.
fn splice_and_reorder(document: &Document, range: Range<usize>, inserted: Vec<Block>) -> Edit {
    let order = articles_after(document, range.clone(), &inserted, &[]);
    let blocks = splice(document, range, inserted);
    if order == document.split.articles {
        blocks
    } else {
        Edit::Batch(vec![blocks, reorder(document, order)])
    }
}

fn reorder(document: &Document, order: Vec<ArticleId>) -> Edit {
    Edit::Articles { removed: document.split.articles.clone(), inserted: order }
}

fn split_block(block: &Block, at: usize) -> (Block, Block) {
    (
        Block { range: block.range.start..at, ..block.clone() },
        Block { range: at..block.range.end, ..block.clone() },
    )
}

/// Cuts `block` where `span` begins and ends: the part before the span,
/// the part inside it, the part after it. A part begins where its text
/// does (not on the line break the span ended before: a block that began
/// with one would leave a paragraph of nothing when an article is started
/// at its first line), and a part holding only blank text belongs to no
/// block, as blank lines never do: kept, it would be an empty box in the
/// article view.
fn carve(text: &str, block: &Block, span: &Range<usize>) -> [Option<Block>; 3] {
    let part = |range: Range<usize>| {
        let rest = text[range.clone()].trim_start_matches(['\n', '\r']);
        let start = range.end - rest.len();
        (!rest.trim().is_empty()).then(|| Block { range: start..range.end, ..block.clone() })
    };
    let start = block.range.start.max(span.start);
    let end = block.range.end.min(span.end);
    [part(block.range.start..start), part(start..end), part(end..block.range.end)]
}

/// `at`, or past the blank lines starting there: an article begins where
/// its text does.
fn past_blank_lines(text: &str, mut at: usize) -> usize {
    while let Some(newline) = text[at..].find('\n') {
        if !text[at..at + newline].trim().is_empty() {
            break;
        }
        at += newline + 1;
    }
    at
}

fn line_start(document: &Document, page: usize, line: usize) -> usize {
    document.edition.pages[page].lines.content(line).start
}

/// The lines where a block holds text (not blanks only: a block split
/// at a line's trailing blanks holds just those of its first line).
fn filled_lines(document: &Document, block: &Block) -> Vec<usize> {
    let page = &document.edition.pages[block.page];
    let held = |line: usize| {
        let content = page.lines.content(line);
        let start = content.start.max(block.range.start);
        let end = content.end.min(block.range.end);
        start < end && !page.text[start..end].trim().is_empty()
    };
    page.lines_of(&block.range).filter(|&l| held(l)).collect()
}

/// The article nearest before blocks `first..=last` (else after them) on
/// their page; a new one when the page has none.
fn neighbour_article(document: &Document, first: usize, last: usize, new: &mut Vec<ArticleId>) -> ArticleId {
    let blocks = &document.split.blocks;
    let page = blocks[first].page;
    let before = blocks[..first].iter().rev().take_while(|b| b.page == page).find_map(|b| b.article);
    let after = || blocks[last + 1..].iter().take_while(|b| b.page == page).find_map(|b| b.article);
    before.or_else(after).unwrap_or_else(|| {
        let id = document.unused_article_id();
        new.push(id);
        id
    })
}

/// The reading order once `replaced` blocks become `inserted`: emptied
/// articles leave it, new ones join it where their first block stands.
fn articles_after(
    document: &Document,
    replaced: Range<usize>,
    inserted: &[Block],
    new: &[ArticleId],
) -> Vec<ArticleId> {
    let blocks = &document.split.blocks;
    let outside = blocks[..replaced.start].iter().chain(&blocks[replaced.end..]);
    let alive = |a: ArticleId| outside.clone().chain(inserted).any(|b| b.article == Some(a));
    let mut order: Vec<ArticleId> = document.split.articles.iter().copied().filter(|&a| alive(a)).collect();
    for &id in new {
        let preceding = blocks[..replaced.start].iter().rev().find_map(|b| b.article);
        let at = preceding.and_then(|p| order.iter().position(|&a| a == p)).map_or(0, |p| p + 1);
        order.insert(at, id);
    }
    order
}

#[cfg(test)]
#[path = "commands_tests.rs"]
mod tests;
