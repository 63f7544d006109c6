//! Who owns each source line, computed once per change rather than once per
//! frame: with a large edition open, a frame must not walk every block.

use crate::edit::Document;
use crate::model::{ArticleId, Cue, Role};

/// The owner of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    /// The article, or `None` for noise.
    pub article: Option<ArticleId>,
    /// The role of the (first) block on the line.
    pub role: Role,
    /// Why it has that role.
    pub cue: Cue,
    /// Index of the block in the split.
    pub block: usize,
    /// Position of the article in reading order (for its colour).
    pub order: usize,
}

/// Line owners for every page.
#[derive(Debug, Clone, Default)]
pub struct LineMap {
    pages: Vec<Vec<Option<Owner>>>,
}

impl LineMap {
    /// Maps every line of every page of `document`.
    pub fn new(document: &Document) -> Self {
        let mut pages: Vec<Vec<Option<Owner>>> =
            document.edition.pages.iter().map(|p| vec![None; p.line_count()]).collect();
        let order = |a: Option<ArticleId>| {
            a.and_then(|a| document.split.articles.iter().position(|&x| x == a)).unwrap_or(usize::MAX)
        };
        for (index, block) in document.split.blocks.iter().enumerate() {
            let page = &document.edition.pages[block.page];
            for line in page.lines_of(&block.range) {
                let slot = &mut pages[block.page][line];
                if slot.is_none() && !page.line(line).trim().is_empty() {
                    *slot = Some(Owner {
                        article: block.article,
                        role: block.role,
                        cue: block.cue,
                        block: index,
                        order: order(block.article),
                    });
                }
            }
        }
        Self { pages }
    }

    /// The owner of line `line` of page `page` (`None` for blank lines).
    pub fn owner(&self, page: usize, line: usize) -> Option<Owner> {
        self.pages.get(page)?.get(line).copied().flatten()
    }
}
