//! Undo and redo: stacks of inverse edits, and which state was saved.
//!
//! Every state the document passes through gets a [`Revision`]: applying an
//! edit makes a new one, undo and redo return to the revision the step
//! left or reached. "Unsaved" is then a comparison, `current != saved`,
//! never a counter that undo and a new edit can bring back to zero by
//! accident.

use super::{Document, Edit};

/// Names one state of a document within a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Revision(u64);

/// One undoable step: the edit that reverses (or repeats) it, its label,
/// and the revision it leads to.
#[derive(Debug, Clone)]
struct Step {
    edit: Edit,
    label: String,
    to: Revision,
}

/// What was done, newest last, so it can be undone and redone.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The revision the document is at now.
    current: Revision,
    /// The revision last saved; `None` when no reachable state was saved
    /// (work recovered after a crash).
    saved: Option<Revision>,
    /// The last revision handed out.
    issued: u64,
}

impl History {
    /// A history for a document that is, as opened, what is on disk.
    pub fn new() -> Self {
        Self { undo: Vec::new(), redo: Vec::new(), current: Revision(0), saved: Some(Revision(0)), issued: 0 }
    }

    /// Applies `edit` to `document` as one undoable step named `label`.
    pub fn apply(&mut self, document: &mut Document, edit: Edit, label: impl Into<String>) {
        let inverse = document.apply(edit);
        self.issued += 1;
        let before = std::mem::replace(&mut self.current, Revision(self.issued));
        self.undo.push(Step { edit: inverse, label: label.into(), to: before });
        self.redo.clear();
    }

    /// Undoes the last step; returns its label, or `None` if there was none.
    pub fn undo(&mut self, document: &mut Document) -> Option<String> {
        let step = self.undo.pop()?;
        let forward = document.apply(step.edit);
        let left = std::mem::replace(&mut self.current, step.to);
        self.redo.push(Step { edit: forward, label: step.label.clone(), to: left });
        Some(step.label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, document: &mut Document) -> Option<String> {
        let step = self.redo.pop()?;
        let inverse = document.apply(step.edit);
        let left = std::mem::replace(&mut self.current, step.to);
        self.undo.push(Step { edit: inverse, label: step.label.clone(), to: left });
        Some(step.label)
    }

    /// The label of the step undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// The label of the step redo would make again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// The revision the document is at.
    pub fn current(&self) -> Revision {
        self.current
    }

    /// True when the document differs from what was last saved.
    pub fn has_unsaved_changes(&self) -> bool {
        self.saved != Some(self.current)
    }

    /// Records that the document differs from anything saved, whatever is
    /// undone (used for work recovered after a crash).
    pub fn mark_detached(&mut self) {
        self.saved = None;
    }

    /// Records that the document was saved as it is now.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.current);
    }
}

impl Default for History {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Correction;
    use crate::model::{Edition, Page, PageSource};

    fn document() -> Document {
        let text = "headline\n\nbody text.\n";
        let source =
            PageSource { path: "p.txt".into(), form_feed_page: None, byte_range: 0..text.len() as u64 };
        Document::propose(Edition {
            pages: vec![Page::new("p.txt".into(), source, "UTF-8", String::new(), text.into())],
        })
    }

    fn insert(at: usize, text: &str) -> Edit {
        Edit::Corrections {
            removed: vec![],
            inserted: vec![Correction { page: 0, range: at..at, text: text.into() }],
        }
    }

    #[test]
    fn a_new_edit_after_undoing_past_the_save_is_unsaved() {
        let (mut doc, mut history) = (document(), History::default());
        history.apply(&mut doc, insert(0, "a"), "a");
        history.mark_saved();
        history.undo(&mut doc);
        assert!(history.has_unsaved_changes(), "undone past the save");
        history.apply(&mut doc, insert(1, "b"), "b");
        assert!(history.has_unsaved_changes(), "a different edit is not the saved state");
        history.undo(&mut doc);
        assert!(history.has_unsaved_changes(), "the saved state can no longer be reached");
    }

    #[test]
    fn undo_and_redo_around_the_save_point() {
        let (mut doc, mut history) = (document(), History::default());
        assert!(!history.has_unsaved_changes());
        history.apply(&mut doc, insert(0, "a"), "a");
        history.apply(&mut doc, insert(1, "b"), "b");
        history.mark_saved();
        history.undo(&mut doc);
        assert!(history.has_unsaved_changes());
        history.redo(&mut doc);
        assert!(!history.has_unsaved_changes(), "redo comes back to the saved state");
        history.undo(&mut doc);
        history.undo(&mut doc);
        assert!(history.has_unsaved_changes(), "the opened state was never saved under this name");
    }

    #[test]
    fn recovered_work_is_unsaved_whatever_is_undone() {
        let (mut doc, mut history) = (document(), History::default());
        history.mark_detached();
        assert!(history.has_unsaved_changes());
        history.apply(&mut doc, insert(0, "a"), "a");
        history.undo(&mut doc);
        assert!(history.has_unsaved_changes());
        history.mark_saved();
        assert!(!history.has_unsaved_changes());
    }
}
