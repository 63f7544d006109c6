//! What the window is asked to do, as values: panels, menus, the
//! keyboard and the questions on screen return [`Action`]s, and
//! [`EditorApp::apply`] carries them out, in this one place. Nothing else
//! changes the session.

use std::path::PathBuf;

use super::commands::{Command, Does, Here};
use super::i18n::Word;
use super::modal::{Modal, Reply, Then};
use super::path_dialog::{PathDialog, Purpose};
use super::{EditorApp, Panels};
use crate::model::ArticleId;
use crate::session::{Editor, Opened, Saved, Workspace};
use crate::store::{self, ExportFormat};

/// Something the editor asked for.
#[derive(Clone)]
pub enum Action {
    /// Give a command of the table.
    Command(&'static Command),
    /// Select a source line (page and line from 0).
    SelectLine {
        /// Page index.
        page: usize,
        /// Line index.
        line: usize,
    },
    /// Select an article.
    SelectArticle(ArticleId),
    /// The text of a block's field, as typed so far.
    Type {
        /// The block's page.
        page: usize,
        /// Where the block starts.
        start: usize,
        /// The field's text.
        text: String,
    },
    /// The editor left a field: what was typed becomes a correction.
    LeaveField,
    /// Open pages or a document, asking first over unsaved work.
    Open(Vec<PathBuf>),
    /// Save under this name.
    SaveAs(PathBuf),
    /// The answer to the question on screen.
    Reply(Reply),
    /// Take over a document someone else has open.
    EditAnyway,
    /// Close the notice at the top.
    DismissNotice,
    /// Replace the checked hits of the replace view.
    ReplaceChecked,
}

impl Action {
    /// The command called `id`, as an action.
    pub fn run(id: &str) -> Self {
        Action::Command(super::commands::command(id))
    }
}

impl EditorApp {
    /// Carries out `action`. Typing is committed first, as its own undo
    /// step, whatever else is asked (a command, a selection, a save).
    pub fn apply(&mut self, action: Action) {
        if !matches!(action, Action::Type { .. }) {
            self.commit_typing();
        }
        match action {
            Action::Command(command) => self.give(command),
            Action::SelectLine { page, line } => self.select(|e| e.select_line(page, line)),
            Action::SelectArticle(id) => self.select(|e| e.select_article(id)),
            Action::Type { page, start, text } => {
                if let Some(editor) = self.workspace.editor_mut() {
                    editor.type_text(page, start, text);
                }
            }
            Action::LeaveField => {}
            Action::Open(paths) => self.request_open(paths),
            Action::SaveAs(path) => self.save_as(path, None),
            Action::Reply(reply) => self.answer(reply),
            Action::EditAnyway => {
                let warning = self.workspace.edit_anyway();
                self.panels = Panels::default();
                self.chrome.notice = warning.map(|e| e.to_string());
            }
            Action::DismissNotice => self.chrome.dismiss_notice(),
            Action::ReplaceChecked => self.replace_checked(),
        }
    }

    fn commit_typing(&mut self) {
        let lang = self.chrome.lang();
        let Some(editor) = self.workspace.editor_mut() else { return };
        if editor.typing().is_none() {
            return;
        }
        editor.commit_typing(|role| {
            format!("{} ({})", Word::Edit.get(lang), super::i18n::role_word(role).get(lang))
        });
    }

    /// Gives `command`, if it is available; says why not otherwise.
    fn give(&mut self, command: &'static Command) {
        let lang = self.chrome.lang();
        if !(command.available)(self) {
            if self.workspace.editor().is_none() {
                // Nothing behind a read-only document may be edited or saved.
                self.chrome.notice = Some(Word::ReadOnly.get(lang).to_owned());
            } else {
                self.chrome.status = Some(Word::NotHere.get(lang).to_owned());
            }
            return;
        }
        let here = self.workspace.editor().map(|editor| Here {
            editor,
            cursor: self.panels.article.cursor(),
            page_rows: self.panels.source.page_rows(),
        });
        match (command.does, here) {
            (Does::Run(run), _) => run(self),
            (Does::Edit(edit), Some(here)) => match edit(&here) {
                Some(edit) => {
                    let label = command.label(lang);
                    if let Some(editor) = self.workspace.editor_mut() {
                        editor.apply(edit, label);
                    }
                    self.chrome.status = Some(label.to_owned());
                }
                None => self.chrome.status = Some(Word::NotHere.get(lang).to_owned()),
            },
            (Does::Select(select), Some(here)) => {
                if let Some((page, line)) = select(&here) {
                    self.select(|e| e.select_line(page, line));
                }
            }
            (_, None) => {}
        }
    }

    /// Changes the selection, and has every panel show it.
    pub(super) fn select(&mut self, change: impl FnOnce(&mut Editor)) {
        if let Some(editor) = self.workspace.editor_mut() {
            change(editor);
            self.panels.reveal_selection();
        }
    }

    pub(super) fn step_article(&mut self, forward: bool) {
        self.select(|e| e.step_article(forward));
    }

    pub(super) fn undo(&mut self) {
        self.step_history(Editor::undo, (Word::Undone, Word::NothingToUndo));
    }

    pub(super) fn redo(&mut self) {
        self.step_history(Editor::redo, (Word::Redone, Word::NothingToRedo));
    }

    /// Undoes or redoes a step, saying which (or that there was none).
    fn step_history(&mut self, step: fn(&mut Editor) -> Option<String>, (done, none): (Word, Word)) {
        let lang = self.chrome.lang();
        let Some(editor) = self.workspace.editor_mut() else { return };
        self.chrome.status = Some(match step(editor) {
            Some(label) => format!("{}: {label}", done.get(lang)),
            None => none.get(lang).to_owned(),
        });
    }

    pub(super) fn ask_open(&mut self) {
        self.modal = Some(Modal::Path(PathDialog::new(Purpose::Open, String::new())));
    }

    pub(super) fn ask_save_as(&mut self) {
        let suggestion = self.workspace.suggested_name(store::EXTENSION);
        self.modal = Some(Modal::Path(PathDialog::new(Purpose::SaveAs(None), suggestion)));
    }

    pub(super) fn ask_export(&mut self, format: ExportFormat) {
        let ending = match format {
            ExportFormat::Text => "-articles",
            ExportFormat::Markdown => ".md",
            ExportFormat::Ninjs => ".ninjs.json",
            ExportFormat::Json => ".articles.json",
        };
        let suggestion = self.workspace.suggested_name(ending);
        self.modal = Some(Modal::Path(PathDialog::new(Purpose::Export(format), suggestion)));
    }

    pub(super) fn ask_line(&mut self) {
        self.modal = Some(Modal::GoTo(super::goto::GoTo::default()));
    }

    pub(super) fn ask_command(&mut self) {
        self.modal = Some(Modal::Palette(super::palette::Palette::default()));
    }

    /// Quits, asking first when there is unsaved work.
    pub(super) fn quit(&mut self) {
        self.life.close_requested = true;
    }

    /// Opens `paths`, asking first when there is unsaved work.
    fn request_open(&mut self, paths: Vec<PathBuf>) {
        if self.workspace.is_modified() {
            self.modal = Some(Modal::OpenUnsaved(paths));
        } else {
            self.open_now(paths);
        }
    }

    /// Opens `paths`, replacing what is open.
    pub(super) fn open_now(&mut self, paths: Vec<PathBuf>) {
        let lang = self.chrome.lang();
        match Workspace::open_with(&paths, Some(&mut self.workspace), self.chrome.model.get()) {
            Ok(opened) => {
                if !matches!(opened, Opened::NeedsConsent { .. }) {
                    self.chrome.settings.remember(&paths);
                }
                self.show_opened(opened);
            }
            Err(e) => self.chrome.notice = Some(format!("{}: {e}", Word::CouldNotOpen.get(lang))),
        }
    }

    /// Makes what was opened the workspace, or asks about it.
    pub(super) fn show_opened(&mut self, opened: Opened) {
        match opened {
            Opened::Editable { workspace, warning } => {
                self.replace_workspace(workspace);
                self.chrome.notice = warning.map(|e| e.to_string());
            }
            Opened::ReadOnly(workspace) => self.replace_workspace(workspace),
            Opened::NeedsConsent { path, restored } => self.modal = Some(Modal::Outside { path, restored }),
        }
    }

    /// Forgets everything shown of the workspace before.
    pub(super) fn replace_workspace(&mut self, workspace: Workspace) {
        self.workspace = workspace;
        self.panels = Panels::default();
        self.chrome.forget_workspace();
    }

    /// Saves to the document's own file (asking for a name the first time).
    pub(super) fn save(&mut self) {
        self.save_then(None);
    }

    /// Saves, then goes on with `then` once the work is safe.
    pub(super) fn save_then(&mut self, then: Option<Then>) {
        let saved = self.workspace.save();
        self.after_save(saved, then);
    }

    pub(super) fn save_as(&mut self, path: PathBuf, then: Option<Then>) {
        let saved = self.workspace.save_as(with_document_extension(path));
        self.after_save(saved, then);
    }

    /// Shows what saving gave, and goes on with `then` when it is saved.
    pub(super) fn after_save(&mut self, saved: Saved, then: Option<Then>) {
        let lang = self.chrome.lang();
        match saved {
            Saved::Saved { path } => {
                self.chrome.status = Some(format!("{}: {}", Word::Saved.get(lang), path.display()));
                self.chrome.settings.remember(std::slice::from_ref(&path));
                match then {
                    Some(Then::Quit) => self.quit(),
                    Some(Then::Open(paths)) => self.open_now(paths),
                    None => {}
                }
            }
            Saved::NeedsName { suggestion } => {
                self.modal = Some(Modal::Path(PathDialog::new(Purpose::SaveAs(then), suggestion)));
            }
            Saved::Conflict { path } => self.modal = Some(Modal::Conflict { path, then }),
            Saved::Failed(e) => self.chrome.notice = Some(format!("{}: {e}", Word::CouldNotSave.get(lang))),
            Saved::NothingToSave => self.chrome.notice = Some(Word::ReadOnly.get(lang).to_owned()),
        }
    }

    pub(super) fn export(&mut self, format: ExportFormat, target: &std::path::Path) {
        let lang = self.chrome.lang();
        match self.workspace.export(format, target) {
            Ok(files) => {
                let done = format!("{}: {} ({})", Word::Exported.get(lang), target.display(), files.len());
                self.chrome.status = Some(done);
            }
            Err(e) => self.chrome.notice = Some(format!("{}: {e}", Word::CouldNotExport.get(lang))),
        }
    }
}

/// Adds the document ending when a name was typed without it.
fn with_document_extension(path: PathBuf) -> PathBuf {
    if path.to_string_lossy().ends_with(store::EXTENSION) {
        path
    } else {
        PathBuf::from(format!("{}{}", path.display(), store::EXTENSION))
    }
}
