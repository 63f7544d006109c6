//! The split of an edition into blocks and articles.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{Cue, Edition, Role, Span};

/// Identifies an article for as long as it exists, whatever its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ArticleId(pub u32);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a{}", self.0)
    }
}

/// A run of one page's source text with one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Index of the page in the edition (from 0).
    pub page: usize,
    /// Byte range in the page's text. It starts and ends on line boundaries,
    /// except where one line holds two roles (a signature after the last
    /// sentence, a headline and subheadline run together).
    pub range: Range<usize>,
    /// What the text is.
    pub role: Role,
    /// Why it was given that role.
    pub cue: Cue,
    /// The article it belongs to; `None` exactly when the role is noise.
    pub article: Option<ArticleId>,
}

impl Block {
    /// The block's source text.
    pub fn text<'e>(&self, edition: &'e Edition) -> &'e str {
        &edition.pages[self.page].text[self.range.clone()]
    }

    /// The lines the block covers, as a 1-based span.
    pub fn span(&self, edition: &Edition) -> Span {
        let lines = edition.pages[self.page].lines_of(&self.range);
        Span::from_indices(self.page, lines.start, lines.end - 1)
    }
}

/// An edition divided into blocks, grouped into articles.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Split {
    /// All blocks of all pages, in source order; they never overlap.
    pub blocks: Vec<Block>,
    /// Articles in reading order.
    pub articles: Vec<ArticleId>,
}

impl Split {
    /// The blocks of one article, in source order.
    pub fn blocks_of(&self, article: ArticleId) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.article == Some(article))
    }

    /// The noise blocks, in source order.
    pub fn noise(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.article.is_none())
    }

    /// The spans an article covers: its blocks, merged wherever no block of
    /// another article or of noise lies between two of them. An article
    /// interrupted by a boxed item or continued after debris has several.
    pub fn spans(&self, article: ArticleId, edition: &Edition) -> Vec<Span> {
        self.spans_where(edition, |a| a == article).remove(&article).unwrap_or_default()
    }

    /// The spans of every article, in one pass over the blocks (what a
    /// report of the whole edition needs: asking article by article would
    /// read every block once per article).
    pub fn all_spans(&self, edition: &Edition) -> HashMap<ArticleId, Vec<Span>> {
        self.spans_where(edition, |_| true)
    }

    fn spans_where(
        &self,
        edition: &Edition,
        wanted: impl Fn(ArticleId) -> bool,
    ) -> HashMap<ArticleId, Vec<Span>> {
        let mut spans: HashMap<ArticleId, Vec<Span>> = HashMap::new();
        let mut previous_owner = None;
        for block in &self.blocks {
            if let Some(article) = block.article.filter(|&a| wanted(a)) {
                let span = block.span(edition);
                let list = spans.entry(article).or_default();
                match list.last_mut() {
                    Some(last) if previous_owner == Some(block.article) && last.page == span.page => {
                        last.last_line = last.last_line.max(span.last_line);
                    }
                    _ => list.push(span),
                }
            }
            previous_owner = Some(block.article);
        }
        spans
    }

    /// The blocks of every article, in source order, in one pass.
    pub fn blocks_by_article(&self) -> HashMap<ArticleId, Vec<&Block>> {
        let mut out: HashMap<ArticleId, Vec<&Block>> = HashMap::new();
        for block in &self.blocks {
            if let Some(article) = block.article {
                out.entry(article).or_default().push(block);
            }
        }
        out
    }
}
