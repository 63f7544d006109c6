//! Review figures for an edition: how much was corrected, how far the OCR
//! was from the corrected text, and how much is left to look at.
//!
//! The character error rate compares the source (lines rejoined) with the
//! corrected text of articles an editor marked reviewed: only there is the
//! corrected text the truth. It counts each changed run as the larger of
//! what was removed and what was put in (a substitution is one error, not
//! two), over the corrected text's length.

use serde::Serialize;

use crate::compose::block_text;
use crate::edit::{Document, render_article, render_block_text};
use crate::find::{Haystack, Scope};
use crate::model::ArticleId;
use crate::text::diff::{Tag, diff};

/// One article's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleFigures {
    /// Its id (`a3`).
    pub id: String,
    /// Its corrected headline, when it has one.
    pub headline: Option<String>,
    /// Marked reviewed.
    pub reviewed: bool,
    /// Corrections starting in its blocks.
    pub corrections: usize,
    /// Characters changed between source and corrected text.
    pub characters_changed: usize,
    /// Characters of its corrected text.
    pub characters: usize,
    /// Character error rate of the source, for a reviewed article.
    pub character_error_rate: Option<f64>,
    /// Suspects not yet accepted or dismissed.
    pub suspects: usize,
}

/// The whole edition's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditionFigures {
    /// Articles.
    pub articles: usize,
    /// Articles marked reviewed.
    pub reviewed: usize,
    /// All corrections, in articles or not.
    pub corrections: usize,
    /// Characters changed in articles.
    pub characters_changed: usize,
    /// Character error rate over the reviewed articles (none reviewed: none).
    pub character_error_rate: Option<f64>,
    /// Suspects left in articles.
    pub suspects: usize,
}

/// Figures for each article and the edition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// The edition's.
    pub edition: EditionFigures,
    /// Each article's, in reading order.
    pub articles: Vec<ArticleFigures>,
}

/// Counts `document`'s figures (suspects computed afresh).
pub fn figures(document: &Document) -> Figures {
    let haystack = Haystack::build(document, Scope::Corrected);
    let suspects = crate::suspects::find(document, &haystack);
    let mut suspects_of = std::collections::HashMap::<ArticleId, usize>::new();
    for suspect in &suspects {
        *suspects_of.entry(suspect.article).or_default() += 1;
    }
    let by_article = document.split.blocks_by_article();
    let articles: Vec<ArticleFigures> = document
        .split
        .articles
        .iter()
        .map(|&id| {
            let blocks = by_article.get(&id).map_or(&[][..], Vec::as_slice);
            let (mut changed, mut characters, mut corrections) = (0, 0, 0);
            for block in blocks {
                let source = block_text(&document.edition, block);
                let corrected = render_block_text(&document.edition, &document.corrections, block);
                changed += characters_changed(&source, &corrected);
                characters += corrected.chars().count();
                corrections += document
                    .corrections
                    .iter()
                    .filter(|c| c.page == block.page && block.range.contains(&c.range.start))
                    .count();
            }
            let reviewed = document.review.is_reviewed(id);
            ArticleFigures {
                id: id.to_string(),
                headline: render_article(document, id).headline,
                reviewed,
                corrections,
                characters_changed: changed,
                characters,
                character_error_rate: reviewed.then(|| rate(changed, characters)),
                suspects: suspects_of.get(&id).copied().unwrap_or(0),
            }
        })
        .collect();
    let reviewed: Vec<&ArticleFigures> = articles.iter().filter(|a| a.reviewed).collect();
    let edition = EditionFigures {
        articles: articles.len(),
        reviewed: reviewed.len(),
        corrections: document.corrections.len(),
        characters_changed: articles.iter().map(|a| a.characters_changed).sum(),
        character_error_rate: (!reviewed.is_empty()).then(|| {
            rate(
                reviewed.iter().map(|a| a.characters_changed).sum(),
                reviewed.iter().map(|a| a.characters).sum(),
            )
        }),
        suspects: suspects.len(),
    };
    Figures { edition, articles }
}

/// Errors over length; an empty text with changes counts them all.
fn rate(errors: usize, length: usize) -> f64 {
    errors as f64 / length.max(1) as f64
}

/// Characters that differ between `source` and `corrected`: each run of
/// changes counts the larger of its deletions and insertions.
pub fn characters_changed(source: &str, corrected: &str) -> usize {
    if source == corrected {
        return 0;
    }
    let (mut total, mut deleted, mut inserted) = (0, 0, 0);
    for run in diff(source, corrected) {
        match run.tag {
            Tag::Equal => {
                total += deleted.max(inserted);
                (deleted, inserted) = (0, 0);
            }
            Tag::Delete => deleted += source[run.old].chars().count(),
            Tag::Insert => inserted += corrected[run.new].chars().count(),
        }
    }
    total + deleted.max(inserted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Correction, Edit, fixture};

    #[test]
    fn a_substitution_is_one_character_changed() {
        assert_eq!(characters_changed("会议己经召开", "会议已经召开"), 1);
        assert_eq!(characters_changed("the Presi dent", "the President"), 1);
        assert_eq!(characters_changed("tbe wor", "the world"), 3);
        assert_eq!(characters_changed("same", "same"), 0);
    }

    #[test]
    fn error_rate_only_for_reviewed_articles() {
        let mut document = fixture::document(&["会议己经召开。\n", "会议己经召开。\n"]);
        document.apply(Edit::Corrections {
            removed: vec![],
            inserted: vec![Correction { page: 0, range: 6..9, text: "已".into() }],
        });
        document.apply(Edit::Review { article: ArticleId(1), reviewed: true });
        let figures = figures(&document);
        let first = &figures.articles[0];
        assert_eq!((first.corrections, first.characters_changed, first.characters), (1, 1, 7));
        assert_eq!(first.character_error_rate, Some(1.0 / 7.0));
        assert_eq!(first.suspects, 0);
        assert_eq!((figures.articles[1].character_error_rate, figures.articles[1].suspects), (None, 1));
        assert_eq!((figures.edition.reviewed, figures.edition.suspects), (1, 1));
        assert_eq!(figures.edition.character_error_rate, Some(1.0 / 7.0));
    }
}
