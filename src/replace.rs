//! Replacing found text: each replacement becomes an ordinary correction
//! anchored to the source range behind it, and all of them together are
//! one [`Edit`], so a replace-all is one undo step.
//!
//! The replacements are made in each block's corrected text and handed to
//! [`set_block_text`], the same path typing takes: a replacement that
//! touches an earlier correction merges with it, one that crosses a
//! rejoined line break takes the break in, and a replacement that restores
//! the source simply drops the correction.
//!
//! ```
//! use copydesk::find::{Finder, Haystack, Query, Scope};
//! use copydesk::edit::History;
//! # let dir = tempfile::tempdir().unwrap();
//! # let path = dir.path().join("p1.txt");
//! # std::fs::write(&path, "会议召开\n\n会议己经召开,自己己经知道。\n").unwrap();
//! # let edition = copydesk::load::load_path(&path, &Default::default()).unwrap();
//! # let mut document = copydesk::edit::Document::propose(edition);
//! let haystack = Haystack::build(&document, Scope::Corrected);
//! let finder = Finder::new(&Query::text("己经")).unwrap();
//! let changes: Vec<_> = finder.find(&haystack).into_iter().map(|h| (h.range, "已经".to_owned())).collect();
//! let edit = copydesk::replace::replace(&document, &haystack, &changes)?.expect("two hits");
//! let mut history = History::default();
//! history.apply(&mut document, edit, "replace 己经");
//! assert_eq!(document.corrections.len(), 2);
//! history.undo(&mut document);
//! assert!(document.corrections.is_empty());
//! # Ok::<(), copydesk::replace::ReplaceError>(())
//! ```

use std::ops::Range;

use crate::edit::{Correction, Document, Edit, set_block_text};
use crate::find::{Haystack, Scope};

/// Why a replacement cannot be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReplaceError {
    /// Replacements are made in what the editor reads: the corrected text.
    #[error("replacements are made in the corrected text; search it rather than the source to replace")]
    SourceScope,
    /// A range lies outside the haystack's blocks (it was built for
    /// another state of the document).
    #[error("the hit at {at} no longer lies in the text; search again")]
    Stale {
        /// Its start in the haystack.
        at: usize,
    },
}

/// The edit that replaces each haystack range of `changes` by its text,
/// or `None` when nothing would change. `haystack` must have been built
/// from `document` as it is now, in the corrected scope. Ranges that
/// overlap an earlier one are left out.
pub fn replace(
    document: &Document,
    haystack: &Haystack,
    changes: &[(Range<usize>, String)],
) -> Result<Option<Edit>, ReplaceError> {
    if haystack.scope() != Scope::Corrected {
        return Err(ReplaceError::SourceScope);
    }
    let mut sorted: Vec<&(Range<usize>, String)> = changes.iter().collect();
    sorted.sort_by_key(|(range, _)| (range.start, range.end));
    let mut removed: Vec<Correction> = Vec::new();
    let mut inserted: Vec<Correction> = Vec::new();
    let mut index = 0;
    while index < sorted.len() {
        let at = sorted[index].0.start;
        let slot_index = haystack.slot_at(at).ok_or(ReplaceError::Stale { at })?;
        let slot = &haystack.slots()[slot_index];
        let mut text = String::with_capacity(slot.text.len());
        let mut kept = slot.text.start;
        while let Some((range, with)) = sorted.get(index).copied() {
            if range.start > slot.text.end {
                break;
            }
            index += 1;
            if range.start < kept {
                continue; // overlaps the previous replacement
            }
            let end = range.end.min(slot.text.end);
            text.push_str(&haystack.text()[kept..range.start]);
            text.push_str(with);
            kept = end;
        }
        text.push_str(&haystack.text()[kept..slot.text.end]);
        if let Some(Edit::Corrections { removed: out, inserted: put }) =
            set_block_text(document, slot.block, &text)
        {
            for correction in out {
                if !removed.contains(&correction) {
                    removed.push(correction);
                }
            }
            inserted.extend(put);
        }
    }
    Ok((!removed.is_empty() || !inserted.is_empty()).then_some(Edit::Corrections { removed, inserted }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{History, fixture, render_article};
    use crate::find::{Finder, Query};
    use crate::model::ArticleId;

    fn replace_all(document: &Document, query: &str, with: &str) -> Option<Edit> {
        let haystack = Haystack::build(document, Scope::Corrected);
        let finder = Finder::new(&Query::text(query)).unwrap();
        let changes: Vec<_> =
            finder.find(&haystack).into_iter().map(|h| (h.range, with.to_owned())).collect();
        replace(document, &haystack, &changes).unwrap()
    }

    fn body(document: &Document) -> String {
        render_article(document, ArticleId(1)).paragraphs.join("|")
    }

    #[test]
    fn replace_all_is_one_undo_step_of_ordinary_corrections() {
        let mut document = fixture::document(&["自己己经来了。\n\n我们己经到了。\n"]);
        let edit = replace_all(&document, "己经", "已经").unwrap();
        let mut history = History::default();
        history.apply(&mut document, edit, "replace");
        assert_eq!(body(&document), "自己已经来了。|我们已经到了。");
        let fixed: Vec<_> = document.corrections.iter().map(|c| (c.range.clone(), c.text.as_str())).collect();
        assert_eq!(fixed, [(6..9, "已"), (29..32, "已")]);
        history.undo(&mut document);
        assert!(document.corrections.is_empty());
        assert_eq!(body(&document), "自己己经来了。|我们己经到了。");
    }

    #[test]
    fn a_replacement_across_a_joined_line_break_takes_the_break_in() {
        let mut document = fixture::document(&["the Presi\ndent spoke\n"]);
        let edit = replace_all(&document, "Presi dent", "President").unwrap();
        document.apply(edit);
        assert_eq!(body(&document), "the President spoke");
    }

    #[test]
    fn replacing_over_a_correction_merges_with_it() {
        let mut document = fixture::document(&["会议己经召开。\n"]);
        document.corrections.push(Correction { page: 0, range: 6..9, text: "巳".into() });
        let edit = replace_all(&document, "巳经", "已经").unwrap();
        document.apply(edit);
        assert_eq!(document.corrections, [Correction { page: 0, range: 6..9, text: "已".into() }]);
    }

    #[test]
    fn the_source_scope_is_refused() {
        let document = fixture::document(&["会议\n"]);
        let haystack = Haystack::build(&document, Scope::Source);
        assert_eq!(replace(&document, &haystack, &[(0..3, "x".into())]), Err(ReplaceError::SourceScope));
    }

    #[test]
    fn nothing_to_change_is_no_edit() {
        let document = fixture::document(&["会议\n"]);
        assert_eq!(replace_all(&document, "会", "会"), None);
    }
}
