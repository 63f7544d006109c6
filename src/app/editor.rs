//! The editor's state, independent of any window: the document, its
//! history, what is selected, and the text being typed. Panels read it and
//! call [`Editor::run`] or [`Editor::commit_text`]; nothing else changes the
//! document.

use std::collections::BTreeMap;

use super::commands::Command;
use super::i18n::{Lang, Word};
use super::line_map::LineMap;
use crate::edit::{self, Document, Edit, History, commands, render_block};
use crate::model::{ArticleId, Role};

/// What the editor has selected: a source line and the article it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection {
    /// Page index (from 0).
    pub page: usize,
    /// Line index on the page (from 0).
    pub line: usize,
    /// The selected article.
    pub article: Option<ArticleId>,
}

/// Where a panel should scroll to on the next frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    /// Bring the selected line into view in the source.
    SourceLine,
    /// Bring the selected article into view in the outline.
    Article,
}

/// One editing session.
pub struct Editor {
    /// The edition, its split and corrections.
    pub document: Document,
    /// Undo and redo.
    pub history: History,
    /// What was opened, as the title bar names it.
    pub title: String,
    /// The selection.
    pub selection: Selection,
    /// The window's language.
    pub lang: Lang,
    /// Whether the article shows its diff against the source.
    pub show_diff: bool,
    /// The last message for the status bar.
    pub message: Option<String>,
    /// Scroll requests for the next frame.
    pub reveal: Vec<Reveal>,
    /// Text being typed into blocks, by (page, block start), until committed.
    pub drafts: BTreeMap<(usize, usize), String>,
    /// The block being typed in and the text cursor's character index.
    pub cursor: Option<(usize, usize)>,
    /// Counts changes to the document (edits, undo, redo).
    changes: u64,
    line_map: LineMap,
    outline: super::outline::Cache,
    diffs: super::diff_cache::DiffCache,
    /// Indices of the selected article's blocks, kept with the selection.
    selected_blocks: Vec<usize>,
}

impl Editor {
    /// A session on `document`, titled `title`.
    pub fn new(document: Document, title: impl Into<String>, lang: Lang) -> Self {
        let line_map = LineMap::new(&document);
        let mut editor = Self {
            document,
            history: History::default(),
            title: title.into(),
            selection: Selection::default(),
            lang,
            show_diff: false,
            message: None,
            reveal: Vec::new(),
            drafts: BTreeMap::new(),
            cursor: None,
            changes: 0,
            line_map,
            outline: super::outline::Cache::new(),
            diffs: super::diff_cache::DiffCache::default(),
            selected_blocks: Vec::new(),
        };
        if let Some(&first) = editor.document.split.articles.first() {
            editor.select_article(first);
        }
        editor
    }

    /// Who owns each line: kept up to date with the document.
    pub fn line_map(&self) -> &LineMap {
        &self.line_map
    }

    /// The outline row of article `id`, computed once per change.
    pub fn outline_entry(&mut self, id: ArticleId) -> super::outline::Entry {
        let document = &self.document;
        self.outline.entry(id).or_insert_with(|| super::outline::entry(document, id)).clone()
    }

    /// Block `index`'s corrections against its source (`None` without
    /// any), computed once per change of the document.
    pub fn block_diff(&mut self, index: usize) -> Option<std::sync::Arc<super::diff_cache::BlockDiff>> {
        self.diffs.get(&self.document, index)
    }

    /// How many block diffs the diff view has computed: once per block and
    /// change of the document, however many frames show them.
    pub fn diffs_computed(&self) -> u64 {
        self.diffs.computed()
    }

    /// Selects line `line` of page `page`, and the article it belongs to.
    pub fn select_line(&mut self, page: usize, line: usize) {
        self.commit_drafts();
        let article = self.line_map.owner(page, line).and_then(|o| o.article);
        self.selection = Selection { page, line, article };
        self.refresh_selected_blocks();
        self.reveal.push(Reveal::Article);
    }

    /// Selects article `id` and its first line.
    pub fn select_article(&mut self, id: ArticleId) {
        self.commit_drafts();
        let first = self.document.split.blocks.iter().find(|b| b.article == Some(id));
        if let Some(block) = first {
            let line = self.document.edition.pages[block.page].lines_of(&block.range).start;
            self.selection = Selection { page: block.page, line, article: Some(id) };
            self.refresh_selected_blocks();
            self.reveal.push(Reveal::SourceLine);
        }
    }

    /// Carries out a command; says so in the status bar when it does not apply.
    pub fn run(&mut self, command: Command) {
        // Typing is committed first, as its own undo step; the text cursor
        // stays valid (committing corrections moves no block).
        let cursor = self.cursor;
        self.commit_drafts();
        self.cursor = cursor;
        match command {
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::ToggleDiff => self.show_diff = !self.show_diff,
            Command::NextArticle | Command::PreviousArticle => {
                self.step_article(command == Command::NextArticle)
            }
            Command::Open | Command::Save | Command::SaveAs | Command::Quit => {} // the window handles these
            _ => match self.edit_for(command) {
                Some(edit) => self.apply(edit, command.label(self.lang)),
                None => self.message = Some(Word::NotHere.get(self.lang).to_owned()),
            },
        }
    }

    /// The edit a structural command makes at the selection.
    fn edit_for(&self, command: Command) -> Option<Edit> {
        let document = &self.document;
        let Selection { page, line, article } = self.selection;
        let block = || commands::block_at_line(document, page, line);
        match command {
            Command::NewArticle => commands::start_article_at(document, page, line),
            Command::MergePrevious => commands::merge_article(document, article?, true),
            Command::MergeNext => commands::merge_article(document, article?, false),
            Command::BoundaryUp => commands::move_boundary(document, article?, true),
            Command::BoundaryDown => commands::move_boundary(document, article?, false),
            Command::MarkNoise => commands::set_noise(document, page, line..line + 1, true),
            Command::UnmarkNoise => commands::set_noise(document, page, line..line + 1, false),
            Command::SetRole(role) => commands::set_role(document, block()?, role),
            Command::SwapKickerHeadline => commands::swap_kicker_headline(document, article?),
            Command::JoinParagraph => {
                commands::join_with_previous(document, self.cursor.map(|c| c.0).or_else(block)?)
            }
            Command::SplitParagraph => {
                let (index, at) = self.cursor?;
                let rendered =
                    render_block(&document.edition, &document.corrections, document.split.blocks.get(index)?);
                let offset = rendered.marks.get(at)?.anchor();
                commands::split_at(document, index, offset)
            }
            _ => None,
        }
    }

    /// Applies an edit as one undoable step.
    pub fn apply(&mut self, edit: Edit, label: &str) {
        self.history.apply(&mut self.document, edit, label);
        self.after_change(label.to_owned());
    }

    fn undo(&mut self) {
        match self.history.undo(&mut self.document) {
            Some(label) => self.after_change(format!("{}: {label}", Word::Undone.get(self.lang))),
            None => self.message = Some(Word::NothingToUndo.get(self.lang).to_owned()),
        }
    }

    fn redo(&mut self) {
        match self.history.redo(&mut self.document) {
            Some(label) => self.after_change(format!("{}: {label}", Word::Redone.get(self.lang))),
            None => self.message = Some(Word::NothingToRedo.get(self.lang).to_owned()),
        }
    }

    /// Keeps derived state and the selection in step with the document.
    fn after_change(&mut self, message: String) {
        self.changes += 1;
        self.line_map = LineMap::new(&self.document);
        self.outline.clear();
        self.diffs.clear();
        self.cursor = None;
        self.drafts.clear();
        let Selection { page, line, .. } = self.selection;
        let owner = self.line_map.owner(page, line).and_then(|o| o.article);
        self.selection.article =
            owner.or_else(|| self.selection.article.filter(|a| self.document.split.articles.contains(a)));
        self.refresh_selected_blocks();
        self.message = Some(message);
    }

    fn step_article(&mut self, forward: bool) {
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

    /// Commits the text typed into block `index` as corrections.
    pub fn commit_text(&mut self, index: usize, text: &str) {
        if let Some(edit) = edit::set_block_text(&self.document, index, text) {
            let role = self.document.split.blocks[index].role;
            let label = format!(
                "{} ({})",
                Word::Edit.get(self.lang),
                super::commands::role_word(role).get(self.lang)
            );
            self.apply(edit, &label);
        }
    }

    /// Commits every draft (before a command, a selection change, a save).
    pub fn commit_drafts(&mut self) {
        let drafts = std::mem::take(&mut self.drafts);
        for ((page, start), text) in drafts {
            let index =
                self.document.split.blocks.iter().position(|b| b.page == page && b.range.start == start);
            if let Some(index) = index {
                self.commit_text(index, &text);
            }
        }
    }

    /// Changes whenever the work changes: an edit, an undo or redo, or
    /// typing not yet committed. The recovery writer compares it.
    pub fn revision(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.changes.hash(&mut hasher);
        self.drafts.hash(&mut hasher);
        hasher.finish()
    }

    /// True when there is work that is not saved, typed text included.
    pub fn has_unsaved_work(&self) -> bool {
        self.history.has_unsaved_changes() || !self.drafts.is_empty()
    }

    /// The document as it would be with all typing committed, without
    /// touching the session (for recovery files, written while the editor
    /// may still be typing).
    pub fn document_with_drafts(&self) -> Document {
        let mut document = self.document.clone();
        for ((page, start), text) in &self.drafts {
            let index = document.split.blocks.iter().position(|b| b.page == *page && b.range.start == *start);
            if let Some(edit) = index.and_then(|index| edit::set_block_text(&document, index, text)) {
                document.apply(edit);
            }
        }
        document
    }

    /// Indices of the selected article's blocks, in source order.
    pub fn selected_blocks(&self) -> &[usize] {
        &self.selected_blocks
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

    /// The role of the block at the selected line.
    pub fn selected_role(&self) -> Option<Role> {
        self.line_map.owner(self.selection.page, self.selection.line).map(|o| o.role)
    }
}
