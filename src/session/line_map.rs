//! Who owns each source line, computed once per change rather than once per
//! frame: with a large edition open, a frame must not walk every block.

use std::collections::{HashMap, HashSet};

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
    /// A kicker set after its article's headline: the article's rubric
    /// (栏目), named so in the source as the article text files it
    /// (`compose`).
    pub rubric: bool,
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
        let positions: HashMap<ArticleId, usize> =
            document.split.articles.iter().enumerate().map(|(i, &a)| (a, i)).collect();
        let order = |a: Option<ArticleId>| a.and_then(|a| positions.get(&a).copied()).unwrap_or(usize::MAX);
        let mut headed = HashSet::new();
        for (index, block) in document.split.blocks.iter().enumerate() {
            let rubric = block.role == Role::Kicker && block.article.is_some_and(|a| headed.contains(&a));
            if block.role == Role::Headline {
                headed.extend(block.article);
            }
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
                        rubric,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{self, LoadOptions};

    /// The sample's second article: 引题 (line 37), 主题 (39), then the
    /// label 城市更新进行时 (41), which the article files as its rubric.
    #[test]
    fn a_kicker_after_its_headline_is_named_a_rubric() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/yongkang-daily-2022-11-07-p1.txt");
        let edition = load::load_path(&path, &LoadOptions::default()).unwrap();
        let document = Document::propose(edition);
        let map = LineMap::new(&document);
        let owner = |line: usize| map.owner(0, line - 1).unwrap();
        assert_eq!((owner(37).role, owner(37).rubric), (Role::Kicker, false));
        assert_eq!(owner(39).role, Role::Headline);
        assert_eq!((owner(41).role, owner(41).rubric), (Role::Kicker, true));
        assert_eq!(owner(41).article, owner(39).article);
    }
}
