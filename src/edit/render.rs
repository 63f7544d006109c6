//! Rendering blocks and articles with the editor's corrections applied,
//! keeping for every character where in the source it came from.

use super::correction::{Origin, corrected, write_corrected};
use super::{Correction, Document};
use crate::compose::{ArticleText, compose_blocks};
use crate::model::{ArticleId, Block, Edition};
use crate::text::{Joined, join_lines, join_marked};

/// The corrected text of one block, lines rejoined, each character mapped
/// to its origin in the source.
pub fn render_block(edition: &Edition, corrections: &[Correction], block: &Block) -> Joined<Origin> {
    let page = &edition.pages[block.page];
    let mapped = corrected(&page.text, block.page, block.range.clone(), corrections);
    // Cut the corrected text into lines, each with the origins of its chars.
    let mut lines: Vec<(&str, &[Origin])> = Vec::new();
    let (mut byte_start, mut char_start) = (0, 0);
    let text = mapped.text.as_str();
    for (char_index, (byte, c)) in text.char_indices().enumerate() {
        if c == '\n' || c == '\r' {
            lines.push((&text[byte_start..byte], &mapped.origins[char_start..char_index]));
            byte_start = byte + c.len_utf8();
            char_start = char_index + 1;
        }
    }
    lines.push((&text[byte_start..], &mapped.origins[char_start..]));
    join_marked(lines, |before| Origin::Joint(before.anchor()))
}

/// The corrected text of one block, lines rejoined: what
/// [`render_block`] gives, without the origins (a few bytes per character
/// fewer, which matters for a correction of megabytes).
pub fn render_block_text(edition: &Edition, corrections: &[Correction], block: &Block) -> String {
    let page = &edition.pages[block.page];
    let mut text = String::with_capacity(block.range.len());
    write_corrected(&page.text, block.page, block.range.clone(), corrections, &mut text);
    join_lines(text.split(['\n', '\r']))
}

/// The readable fields of an article made of `blocks` (in source order),
/// with the document's corrections.
pub fn render_blocks(document: &Document, blocks: &[&Block]) -> ArticleText {
    compose_blocks(blocks.iter().copied(), |block| {
        render_block_text(&document.edition, &document.corrections, block)
    })
}

/// The readable fields of an article, with the document's corrections.
pub fn render_article(document: &Document, id: ArticleId) -> ArticleText {
    render_blocks(document, &document.split.blocks_of(id).collect::<Vec<_>>())
}
