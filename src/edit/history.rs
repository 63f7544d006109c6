//! Undo and redo: stacks of inverse edits.

use super::{Document, Edit};

/// What was done, newest last, so it can be undone and redone.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<(Edit, String)>,
    redo: Vec<(Edit, String)>,
    /// Changes since the document was last saved (negative after undoing
    /// past the save point).
    unsaved: i64,
    /// True when the saved version cannot be reached by undo or redo (the
    /// work was recovered after a crash).
    detached: bool,
}

impl History {
    /// Applies `edit` to `document` as one undoable step named `label`.
    pub fn apply(&mut self, document: &mut Document, edit: Edit, label: impl Into<String>) {
        let inverse = document.apply(edit);
        self.undo.push((inverse, label.into()));
        self.redo.clear();
        self.unsaved += 1;
    }

    /// Undoes the last step; returns its label, or `None` if there was none.
    pub fn undo(&mut self, document: &mut Document) -> Option<String> {
        let (inverse, label) = self.undo.pop()?;
        let forward = document.apply(inverse);
        self.redo.push((forward, label.clone()));
        self.unsaved -= 1;
        Some(label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, document: &mut Document) -> Option<String> {
        let (forward, label) = self.redo.pop()?;
        let inverse = document.apply(forward);
        self.undo.push((inverse, label.clone()));
        self.unsaved += 1;
        Some(label)
    }

    /// The label of the step undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(_, label)| label.as_str())
    }

    /// The label of the step redo would make again.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|(_, label)| label.as_str())
    }

    /// True when the document differs from what was last saved.
    pub fn has_unsaved_changes(&self) -> bool {
        self.unsaved != 0 || self.detached
    }

    /// Records that the document differs from anything saved, whatever is
    /// undone (used for work recovered after a crash).
    pub fn mark_detached(&mut self) {
        self.detached = true;
    }

    /// Records that the document was saved as it is now.
    pub fn mark_saved(&mut self) {
        self.unsaved = 0;
        self.detached = false;
    }
}
