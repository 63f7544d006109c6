//! Editing a split: every change is an [`Edit`] value, applied in one
//! place ([`Document::apply`]) which returns the edit that undoes it. The
//! window's commands and the command line only compute edits; [`History`]
//! keeps the inverses, so undo and redo cover text and structure alike.
//!
//! ```
//! use copydesk::edit::{Document, History, commands};
//! # let dir = tempfile::tempdir().unwrap();
//! # let path = dir.path().join("p1.txt");
//! # std::fs::write(&path, "会议召开\n\n本报讯(记者 张三) 昨天,会议召开。\n\n会议强调,要抓落实。\n").unwrap();
//! let edition = copydesk::load::load_path(&path, &Default::default())?;
//! let mut document = Document::propose(edition);
//! let mut history = History::default();
//! let edit = commands::start_article_at(&document, 0, 4).expect("line 5 starts a paragraph");
//! history.apply(&mut document, edit, "new article");
//! assert_eq!(document.split.articles.len(), 2);
//! history.undo(&mut document);
//! assert_eq!(document.split.articles.len(), 1);
//! # Ok::<(), copydesk::load::LoadError>(())
//! ```

pub mod commands;
mod correction;
#[cfg(test)]
pub(crate) mod fixture;
mod history;
mod render;
mod text_edit;

pub use correction::{Correction, Mapped, Origin};
pub use history::{History, Revision};
pub use render::{render_article, render_block, render_block_text, render_blocks};
pub use text_edit::set_block_text;

use crate::model::{ArticleId, Block, Dismissal, Edition, Review, Split};
use crate::segment;

/// An edition, its split, and the editor's corrections: everything one
/// editing session changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The source pages, never changed.
    pub edition: Edition,
    /// Blocks and articles.
    pub split: Split,
    /// Text corrections, ordered by page and source offset, never overlapping.
    pub corrections: Vec<Correction>,
    /// Which articles are reviewed and which suspects were dismissed.
    pub review: Review,
}

/// One change to a document, as a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Replaces the blocks `removed`, which start at index `at`, by `inserted`.
    Blocks {
        /// Index of the first block replaced.
        at: usize,
        /// The blocks taken out (kept so the edit can be inverted).
        removed: Vec<Block>,
        /// The blocks put in.
        inserted: Vec<Block>,
    },
    /// Replaces the reading order of articles.
    Articles {
        /// The order before.
        removed: Vec<ArticleId>,
        /// The order after.
        inserted: Vec<ArticleId>,
    },
    /// Takes corrections out and puts others in.
    Corrections {
        /// Corrections taken out.
        removed: Vec<Correction>,
        /// Corrections put in.
        inserted: Vec<Correction>,
    },
    /// Marks an article reviewed (or not).
    Review {
        /// The article.
        article: ArticleId,
        /// Its state after the edit.
        reviewed: bool,
    },
    /// Takes dismissed suspects out and puts others in.
    Dismissals {
        /// Dismissals taken out.
        removed: Vec<Dismissal>,
        /// Dismissals put in.
        inserted: Vec<Dismissal>,
    },
    /// Several edits applied in order as one step.
    Batch(Vec<Edit>),
}

impl Document {
    /// A document holding the segmenter's proposal for `edition` and no
    /// corrections yet.
    pub fn propose(edition: Edition) -> Self {
        Self::propose_with(edition, segment::Model::builtin())
    }

    /// A document holding `model`'s proposal for `edition`.
    pub fn propose_with(edition: Edition, model: &segment::Model) -> Self {
        let split = segment::propose_with(&edition, model).split;
        Self { edition, split, corrections: Vec::new(), review: Review::default() }
    }

    /// Applies `edit` and returns the edit that undoes it.
    pub fn apply(&mut self, edit: Edit) -> Edit {
        match edit {
            Edit::Blocks { at, removed, inserted } => {
                let end = (at + removed.len()).min(self.split.blocks.len());
                debug_assert_eq!(self.split.blocks[at..end], removed[..], "edit computed on another state");
                self.split.blocks.splice(at..end, inserted.iter().cloned());
                Edit::Blocks { at, removed: inserted, inserted: removed }
            }
            Edit::Articles { removed, inserted } => {
                self.split.articles.clone_from(&inserted);
                Edit::Articles { removed: inserted, inserted: removed }
            }
            Edit::Corrections { removed, inserted } => {
                self.corrections.retain(|c| !removed.contains(c));
                self.corrections.extend(inserted.iter().cloned());
                self.corrections.sort();
                Edit::Corrections { removed: inserted, inserted: removed }
            }
            Edit::Review { article, reviewed } => {
                let was = self.review.reviewed.contains(&article);
                if reviewed {
                    self.review.reviewed.insert(article);
                } else {
                    self.review.reviewed.remove(&article);
                }
                Edit::Review { article, reviewed: was }
            }
            Edit::Dismissals { removed, inserted } => {
                for dismissal in &removed {
                    self.review.dismissed.remove(dismissal);
                }
                self.review.dismissed.extend(inserted.iter().cloned());
                Edit::Dismissals { removed: inserted, inserted: removed }
            }
            Edit::Batch(edits) => {
                let mut inverses: Vec<Edit> = edits.into_iter().map(|e| self.apply(e)).collect();
                inverses.reverse();
                Edit::Batch(inverses)
            }
        }
    }

    /// Each page with its split as training reads it: an editor's
    /// corrected split is truth for the model (`copydesk train DOC…`).
    pub fn labelled(&self) -> Vec<segment::Labelled<'_>> {
        let number: std::collections::HashMap<ArticleId, usize> =
            self.split.articles.iter().enumerate().map(|(n, &id)| (id, n)).collect();
        self.edition
            .pages
            .iter()
            .enumerate()
            .map(|(index, page)| {
                let mut seen = std::collections::HashSet::new();
                let mut lines = Vec::new();
                for block in self.split.blocks.iter().filter(|b| b.page == index) {
                    let owner = block.article.and_then(|a| number.get(&a).copied());
                    for line in page.lines_of(&block.range) {
                        if !page.line(line).trim().is_empty() && seen.insert(line) {
                            lines.push((line, owner, block.role));
                        }
                    }
                }
                segment::Labelled { page, lines, weight: 1.0 }
            })
            .collect()
    }

    /// An article id no article has used in this document.
    pub fn unused_article_id(&self) -> ArticleId {
        let highest =
            self.split.articles.iter().chain(self.split.blocks.iter().filter_map(|b| b.article.as_ref()));
        ArticleId(highest.map(|a| a.0).max().unwrap_or(0) + 1)
    }
}
