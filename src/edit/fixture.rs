//! Small hand-built documents for unit tests: each page one article, each
//! run of non-blank lines one body block. Built by hand so that tests of
//! finding, replacing and flagging do not depend on the proposed split.

use super::Document;
use crate::model::{ArticleId, Block, Cue, Edition, Page, PageSource, Role, Split};

/// A document of `pages`, page N being article N+1.
pub(crate) fn document(pages: &[&str]) -> Document {
    let mut edition = Edition::default();
    let mut split = Split::default();
    for (index, text) in pages.iter().enumerate() {
        let name = format!("p{}.txt", index + 1);
        let source =
            PageSource { path: name.clone().into(), form_feed_page: None, byte_range: 0..text.len() as u64 };
        let page = Page::new(name, source, "UTF-8", String::new(), (*text).to_owned());
        let id = ArticleId(index as u32 + 1);
        split.articles.push(id);
        let mut start = None;
        for line in 0..=page.line_count() {
            let blank = line == page.line_count() || page.line(line).trim().is_empty();
            match (start, blank) {
                (None, false) => start = Some(line),
                (Some(first), true) => {
                    let range = page.lines.content(first).start..page.lines.content(line - 1).end;
                    split.blocks.push(Block {
                        page: index,
                        range,
                        role: Role::Body,
                        cue: Cue::Editor,
                        article: Some(id),
                    });
                    start = None;
                }
                _ => {}
            }
        }
        edition.pages.push(page);
    }
    Document { edition, split, corrections: Vec::new(), review: Default::default() }
}
