//! Proposes how each page divides into blocks and articles.
//!
//! The proposal is made page by page in five steps, each in its own module:
//!
//! 1. [`layout`] measures every line: width against the local column,
//!    script, closing punctuation; and tells hard-wrapped pages (one line per
//!    column line) from pages with one paragraph per line.
//! 2. [`classify`] gives each line a kind (title, byline, caption, text or
//!    noise) from the [`cues`] and its neighbours: masthead zone, debris runs,
//!    contents boxes.
//! 3. [`pieces`] rejoins text lines into paragraphs where a column or a
//!    page break cut them, and splits off signatures.
//! 4. [`titles`] assigns kicker, headline, subheadline and rubric roles within
//!    each run of title lines.
//! 5. [`assemble`] groups everything into articles: a title group opens one,
//!    a dateline opens one, text resuming mid-sentence continues an earlier
//!    one.
//!
//! ```
//! use copydesk::{load, segment};
//! # let dir = tempfile::tempdir().unwrap();
//! # let path = dir.path().join("p1.txt");
//! # std::fs::write(&path, "会议召开\n\n本报讯(记者 张三) 昨天,会议召开。\n").unwrap();
//! let edition = load::load_path(&path, &Default::default())?;
//! let split = segment::propose(&edition);
//! assert_eq!(split.articles.len(), 1);
//! # Ok::<(), copydesk::load::LoadError>(())
//! ```

mod assemble;
mod classify;
pub mod cues;
mod layout;
mod pieces;
mod titles;

use crate::model::{ArticleId, Edition, Split};

/// Proposes a split of every page of the edition.
///
/// Articles never cross pages in a proposal; an editor joins jumps by hand.
pub fn propose(edition: &Edition) -> Split {
    let mut split = Split::default();
    let mut next_id = 1u32;
    for (page_index, page) in edition.pages.iter().enumerate() {
        let layout = layout::measure(page);
        let kinds = classify::classify(&layout);
        let pieces = pieces::build(&layout, &kinds);
        let page_split = assemble::assemble(page_index, &layout, &pieces, &mut || {
            let id = ArticleId(next_id);
            next_id += 1;
            id
        });
        split.blocks.extend(page_split.blocks);
        split.articles.extend(page_split.articles);
    }
    split
}
