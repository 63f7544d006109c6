//! One edition being edited: the document, its history, the selected
//! source line, and the text being typed into one field. Every change to
//! the document goes through [`Editor::apply`] (or undo and redo), which
//! records it and keeps the derived state (who owns each line, the
//! selection's article) in step.
//!
//! Typing is held as [`Typing`] until the editor leaves the field, as
//! helix holds an insert's changes until insert mode ends: it counts as
//! unsaved work and goes into recovery files, but only becomes one undo
//! step when committed.

use super::doubts::{Doubt, Doubts};
use super::line_map::LineMap;
use crate::edit::{self, Document, Edit, History, Revision};
use crate::model::{ArticleId, Role};

/// What is selected: a source line and the article it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection {
    /// Page index (from 0).
    pub page: usize,
    /// Line index on the page (from 0).
    pub line: usize,
    /// The selected article.
    pub article: Option<ArticleId>,
}

/// Text typed into a block's field, not yet committed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Typing {
    /// The block's page.
    pub page: usize,
    /// Where the block starts on its page (stable while typing: every
    /// edit commits the typing first).
    pub start: usize,
    /// The field's whole text.
    pub text: String,
}

/// One edition being edited.
#[derive(Debug)]
pub struct Editor {
    document: Document,
    history: History,
    selection: Selection,
    typing: Option<Typing>,
    line_map: LineMap,
    /// Indices of the selected article's blocks, kept with the selection.
    selected_blocks: Vec<usize>,
    title: String,
    /// The opening proposal's uncertain boundaries (none for a saved document).
    doubts: Doubts,
}

impl Editor {
    /// A session on `document`, called `title`, with its first article selected.
    pub fn new(document: Document, title: impl Into<String>) -> Self {
        let line_map = LineMap::new(&document);
        let mut editor = Self {
            document,
            history: History::default(),
            selection: Selection::default(),
            typing: None,
            line_map,
            selected_blocks: Vec::new(),
            title: title.into(),
            doubts: Doubts::default(),
        };
        if let Some(&first) = editor.document.split.articles.first() {
            editor.select_article(first);
        }
        editor
    }

    /// The session with the uncertain boundaries of the proposal its
    /// document was made from.
    pub fn with_doubts(mut self, doubts: Doubts) -> Self {
        self.doubts = doubts;
        self
    }

    /// The proposal's uncertain boundaries.
    pub fn doubts(&self) -> &Doubts {
        &self.doubts
    }

    /// Selects the next uncertain boundary's line (least certain first)
    /// and returns it; `None` when there is none.
    pub fn next_doubt(&mut self) -> Option<Doubt> {
        let doubt = self.doubts.step()?;
        self.select_line(doubt.boundary.page, doubt.boundary.line);
        Some(doubt)
    }

    /// The document as it is (typing not included).
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Undo and redo, and which revision was saved.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The revision the document is at: panels key their caches by it.
    pub fn revision(&self) -> Revision {
        self.history.current()
    }

    /// The selection.
    pub fn selection(&self) -> Selection {
        self.selection
    }

    /// Who owns each line.
    pub fn line_map(&self) -> &LineMap {
        &self.line_map
    }

    /// What was opened, as the title bar names it.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Renames the session (it was saved under a new name).
    pub fn set_title(&mut self, title: impl Into<String>) {
        self.title = title.into();
    }

    /// The text being typed, if any.
    pub fn typing(&self) -> Option<&Typing> {
        self.typing.as_ref()
    }

    /// True when the work differs from what was last saved: the history's
    /// revision is not the saved one, or text is being typed.
    pub fn is_modified(&self) -> bool {
        self.history.has_unsaved_changes() || self.typing.is_some()
    }

    /// Changes whenever the work changes, typing included: the recovery
    /// writer compares it from frame to frame.
    pub fn work_id(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.history.current().hash(&mut hasher);
        self.typing.hash(&mut hasher);
        hasher.finish()
    }

    /// Records that the work as it is now was saved.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
    }

    /// Records that the work differs from anything saved (it was recovered).
    pub fn mark_detached(&mut self) {
        self.history.mark_detached();
    }

    /// Selects line `line` of page `page` (clamped to the edition) and
    /// the article it belongs to.
    pub fn select_line(&mut self, page: usize, line: usize) {
        let Some(last_page) = self.document.edition.pages.len().checked_sub(1) else { return };
        let page = page.min(last_page);
        let line = line.min(self.document.edition.pages[page].line_count().saturating_sub(1));
        let article = self.line_map.owner(page, line).and_then(|o| o.article);
        self.selection = Selection { page, line, article };
        self.refresh_selected_blocks();
    }

    /// Moves the selected line by `delta` lines within its page.
    pub fn step_line(&mut self, delta: isize) {
        let Selection { page, line, .. } = self.selection;
        self.select_line(page, line.saturating_add_signed(delta));
    }

    /// Selects article `id` and its first line.
    pub fn select_article(&mut self, id: ArticleId) {
        let first = self.document.split.blocks.iter().find(|b| b.article == Some(id));
        if let Some(block) = first {
            let line = self.document.edition.pages[block.page].lines_of(&block.range).start;
            self.selection = Selection { page: block.page, line, article: Some(id) };
            self.refresh_selected_blocks();
        }
    }

    /// Selects the next (or previous) article in reading order.
    pub fn step_article(&mut self, forward: bool) {
        let order = &self.document.split.articles;
        let position = self.selection.article.and_then(|a| order.iter().position(|&x| x == a));
        let next = match (position, forward) {
            (Some(p), true) => order.get(p + 1),
            (Some(p), false) => p.checked_sub(1).and_then(|p| order.get(p)),
            (None, _) => order.first(),
        };
        if let Some(&next) = next {
            self.select_article(next);
        }
    }

    /// Indices of the selected article's blocks, in source order.
    pub fn selected_blocks(&self) -> &[usize] {
        &self.selected_blocks
    }

    /// The block holding the selected line, if any.
    pub fn selected_block(&self) -> Option<usize> {
        self.line_map.owner(self.selection.page, self.selection.line).map(|o| o.block)
    }

    /// The role of the block at the selected line.
    pub fn selected_role(&self) -> Option<Role> {
        self.line_map.owner(self.selection.page, self.selection.line).map(|o| o.role)
    }

    /// Applies `edit` as one undoable step named `label`.
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) {
        self.history.apply(&mut self.document, edit, label);
        self.after_change();
    }

    /// Undoes the last step; returns its label, or `None` when there is none.
    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.document)?;
        self.after_change();
        Some(label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.document)?;
        self.after_change();
        Some(label)
    }

    /// Holds `text` as what is typed into the block starting at `start` on
    /// page `page`.
    pub fn type_text(&mut self, page: usize, start: usize, text: String) {
        self.typing = Some(Typing { page, start, text });
    }

    /// Commits the text being typed as corrections, one undoable step
    /// named by `label` from the block's role. Nothing happens when there
    /// is no typing or it changes nothing.
    pub fn commit_typing(&mut self, label: impl FnOnce(Role) -> String) {
        let Some(typing) = self.typing.take() else { return };
        let Some(index) = self.block_of(&typing) else { return };
        if let Some(edit) = edit::set_block_text(&self.document, index, &typing.text) {
            let role = self.document.split.blocks[index].role;
            self.apply(edit, label(role));
        }
    }

    /// The document as it would be with the typing committed, without
    /// touching the session (for recovery files, written mid-typing).
    pub fn document_with_typing(&self) -> Document {
        let mut document = self.document.clone();
        let edit = self
            .typing
            .as_ref()
            .and_then(|t| self.block_of(t))
            .and_then(|index| edit::set_block_text(&self.document, index, &self.typing.as_ref()?.text));
        if let Some(edit) = edit {
            document.apply(edit);
        }
        document
    }

    fn block_of(&self, typing: &Typing) -> Option<usize> {
        self.document.split.blocks.iter().position(|b| b.page == typing.page && b.range.start == typing.start)
    }

    /// Keeps derived state and the selection in step with the document.
    fn after_change(&mut self) {
        self.line_map = LineMap::new(&self.document);
        self.typing = None;
        let Selection { page, line, .. } = self.selection;
        let owner = self.line_map.owner(page, line).and_then(|o| o.article);
        self.selection.article =
            owner.or_else(|| self.selection.article.filter(|a| self.document.split.articles.contains(a)));
        self.refresh_selected_blocks();
    }

    /// Recomputes the selected article's blocks (on a change of selection
    /// or document, never per frame).
    fn refresh_selected_blocks(&mut self) {
        let blocks = &self.document.split.blocks;
        self.selected_blocks = match self.selection.article {
            Some(a) => (0..blocks.len()).filter(|&i| blocks[i].article == Some(a)).collect(),
            None => Vec::new(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor() -> Editor {
        let text = "会议召开\n\n本报讯 昨天,会议召开。\n\n会议强调,要抓落实。\n";
        let edition = crate::load::load_bytes(
            std::path::Path::new("p1.txt"),
            text.as_bytes(),
            &crate::load::LoadOptions::default(),
        )
        .unwrap();
        Editor::new(Document::propose(edition), "p1.txt")
    }

    #[test]
    fn typing_is_unsaved_work_until_committed_as_one_step() {
        let mut editor = editor();
        let block = &editor.document().split.blocks[editor.selected_blocks()[0]];
        let (page, start) = (block.page, block.range.start);
        let before = editor.work_id();
        editor.type_text(page, start, "会议召开了".into());
        assert!(editor.is_modified(), "typing is unsaved work");
        assert_ne!(editor.work_id(), before, "the recovery writer sees it");
        let with_typing = editor.document_with_typing();
        assert_ne!(&with_typing, editor.document(), "recovery files include it");
        editor.commit_typing(|role| format!("{role:?}"));
        assert_eq!(editor.document(), &with_typing);
        assert_eq!(editor.history().undo_label(), Some("Headline"));
        editor.undo();
        assert!(!editor.is_modified());
    }

    #[test]
    fn the_selected_line_moves_within_its_page() {
        let mut editor = editor();
        editor.select_line(0, 2);
        editor.step_line(-10);
        assert_eq!(editor.selection().line, 0);
        editor.step_line(100);
        let last = editor.document().edition.pages[0].line_count() - 1;
        assert_eq!(editor.selection().line, last);
        assert!(editor.selection().article.is_some(), "the last line is body text");
    }
}
