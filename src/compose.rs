//! Renders an article from its blocks: the headline fields, the byline, the
//! body paragraphs, as a reader will see them.
//!
//! Everything here is derived from source ranges on demand; nothing is
//! stored, so a moved boundary or a changed role shows at once.

use crate::model::{ArticleId, Block, Edition, Role, Split};
use crate::segment::cues::byline::dateline_byline;
use crate::text::join_lines;

/// The readable fields of one article. The split report, the saved
/// document and the exports all carry these fields under these names.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleText {
    /// The lead-in above the headline (引题).
    pub kicker: Option<String>,
    /// The main title (主题).
    pub headline: Option<String>,
    /// The secondary title (副题, deck).
    pub subheadline: Option<String>,
    /// A column label set after the headline (城市更新进行时).
    pub rubric: Option<String>,
    /// Who wrote it: a byline block, else the name in the dateline's brackets.
    pub byline: Option<String>,
    /// Body paragraphs, broken lines rejoined.
    pub paragraphs: Vec<String>,
    /// Photo captions.
    pub captions: Vec<String>,
}

/// The text of one block, its lines rejoined as its script expects.
pub fn block_text(edition: &Edition, block: &Block) -> String {
    join_lines(block.text(edition).split(['\n', '\r']))
}

/// Renders the article `id` of the split from its source text.
pub fn compose(edition: &Edition, split: &Split, id: ArticleId) -> ArticleText {
    compose_with(split, id, |block| block_text(edition, block))
}

/// Renders the article `id`, taking each block's text from `text_of` (the
/// editor's corrected text, or the source's).
pub fn compose_with(split: &Split, id: ArticleId, text_of: impl FnMut(&Block) -> String) -> ArticleText {
    compose_blocks(split.blocks_of(id), text_of)
}

/// Renders an article from its blocks (in source order), taking each
/// block's text from `text_of`.
pub fn compose_blocks<'b>(
    blocks: impl IntoIterator<Item = &'b Block>,
    mut text_of: impl FnMut(&Block) -> String,
) -> ArticleText {
    let mut article = ArticleText::default();
    let mut seen_headline = false;
    let mut bylines = Vec::new();
    for block in blocks {
        let text = text_of(block);
        match block.role {
            Role::Kicker if seen_headline => append(&mut article.rubric, text),
            Role::Kicker => append(&mut article.kicker, text),
            Role::Headline => {
                seen_headline = true;
                append(&mut article.headline, text);
            }
            Role::Subheadline => append(&mut article.subheadline, text),
            Role::Byline => bylines.push(text),
            Role::Body => article.paragraphs.push(text),
            Role::Caption => article.captions.push(text),
            Role::Noise | Role::Advertisement => {}
        }
    }
    article.byline = if bylines.is_empty() {
        article.paragraphs.first().and_then(|p| dateline_byline(p)).map(str::to_owned)
    } else {
        Some(bylines.join(" "))
    };
    article
}

/// Adds a further line to a title field, joined as its script expects.
fn append(field: &mut Option<String>, text: String) {
    *field = Some(match field.take() {
        Some(existing) => join_lines([existing.as_str(), text.as_str()]),
        None => text,
    });
}
