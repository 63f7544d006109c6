//! The window's files: opening pages and documents (with the lock note),
//! saving without overwriting anyone's work (the changed-on-disk check),
//! exporting, and recovering the work of a session that crashed.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::i18n::Word;
use super::{Editor, EditorApp, ReadOnly, display_name, open_edition};
use crate::edit::Document;
use crate::recovery::{Orphan, Snapshot};
use crate::store::{self, DiskStamp, ExportFormat, HeldLock, LockError, SourceAccess, StoreError};

impl EditorApp {
    /// Opens `paths` (pages, folders, or one saved document), asking first
    /// when there is unsaved work.
    pub fn request_open(&mut self, paths: Vec<PathBuf>) {
        if self.editor.has_unsaved_work() && self.read_only.is_none() {
            self.pending_open = Some(paths);
        } else {
            self.open(paths);
        }
    }

    /// Opens `paths` (pages, folders, or one saved document), replacing
    /// the session.
    pub fn open(&mut self, paths: Vec<PathBuf>) {
        let lang = self.settings.lang;
        if let [path] = paths.as_slice()
            && path.to_string_lossy().ends_with(store::EXTENSION)
        {
            return self.open_document(path.clone());
        }
        match open_edition(&paths, lang) {
            Ok(editor) => {
                self.replace_session(editor, None, None, None);
                self.settings.remember(&paths);
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{}: {e}", Word::CouldNotOpen.get(lang))),
        }
    }

    /// Opens a saved document: editable when its sources match and nobody
    /// else has it open; read-only otherwise, saying why. Sources outside
    /// the document's folder are read only once the editor agrees.
    pub fn open_document(&mut self, path: PathBuf) {
        self.open_document_with(path, SourceAccess::InsideFolder);
    }

    fn open_document_with(&mut self, path: PathBuf, access: SourceAccess) {
        let lang = self.settings.lang;
        let restored = match store::open_with(&path, access) {
            Ok(restored) => restored,
            Err(e) => return self.error = Some(format!("{}: {e}", Word::CouldNotOpen.get(lang))),
        };
        if !restored.outside_sources().is_empty() {
            self.outside_question = Some((path, Box::new(restored)));
            return;
        }
        self.settings.remember(std::slice::from_ref(&path));
        self.error = None;
        let stamp = restored.stamp.clone();
        let Some(document) = restored.document else {
            self.read_only = Some(ReadOnly::new(path, restored.saved, restored.problems));
            return;
        };
        if self.doc_path.as_deref() == Some(path.as_path()) {
            // Reopening our own document: our note gives way to the new one.
            self.doc_lock = None;
        }
        match store::take(&path) {
            Ok(lock) => self.start_editing(document, path, stamp, Some(lock)),
            Err(LockError::Held { note, .. }) => {
                let mut read_only = ReadOnly::new(path, restored.saved, Vec::new());
                read_only.locked_by = Some(note);
                read_only.editable = Some(Box::new((document, stamp)));
                self.read_only = Some(read_only);
            }
            Err(LockError::Store(e)) => {
                // A folder we cannot write a note into: edit all the same
                // (Save will say if it cannot write there either).
                self.start_editing(document, path, stamp, None);
                self.error = Some(e.to_string());
            }
        }
    }

    fn start_editing(
        &mut self,
        document: Document,
        path: PathBuf,
        stamp: Option<DiskStamp>,
        lock: Option<HeldLock>,
    ) {
        let editor = Editor::new(document, display_name(&path), self.settings.lang);
        self.replace_session(editor, Some(path), stamp, lock);
    }

    /// Makes `editor` the session, on the document at `path` (if saved),
    /// forgetting everything about the one before.
    fn replace_session(
        &mut self,
        editor: Editor,
        path: Option<PathBuf>,
        stamp: Option<DiskStamp>,
        lock: Option<HeldLock>,
    ) {
        self.editor = editor;
        self.doc_path = path;
        self.doc_stamp = stamp;
        self.doc_lock = lock;
        self.read_only = None;
        self.conflict = None;
        self.missing_font = None;
    }

    /// Takes over a document someone else has open (the editor chose to).
    pub fn edit_anyway(&mut self) {
        let Some(read_only) = self.read_only.take() else { return };
        let Some(editable) = read_only.editable else {
            self.read_only = Some(ReadOnly { editable: None, ..read_only });
            return;
        };
        let (document, stamp) = *editable;
        let lock = match store::take_over(&read_only.path) {
            Ok(lock) => Some(lock),
            Err(e) => {
                self.error = Some(e.to_string());
                None
            }
        };
        self.start_editing(document, read_only.path, stamp, lock);
    }

    /// Saves to the document's path, or asks for one.
    pub fn save(&mut self) {
        self.editor.commit_drafts();
        match self.doc_path.clone() {
            Some(path) => self.save_as(path),
            None => self.path_dialog.ask(super::Purpose::SaveAs, self.suggested_name(store::EXTENSION)),
        }
    }

    /// Saves to `path`, which becomes the document's path, unless the file
    /// there is not what this session last saw: then the editor is asked.
    pub fn save_as(&mut self, path: PathBuf) {
        self.write_document(path, false);
    }

    /// Saves over the changed file the editor was asked about.
    pub fn overwrite(&mut self) {
        if let Some(path) = self.conflict.take() {
            self.write_document(path, true);
        }
    }

    /// Throws this session's changes away for what is on disk now.
    pub fn reload_theirs(&mut self) {
        if let Some(path) = self.conflict.take() {
            self.open_document(path);
        }
    }

    fn write_document(&mut self, path: PathBuf, overwrite: bool) {
        let lang = self.settings.lang;
        self.editor.commit_drafts();
        let same_file = self.doc_path.as_deref() == Some(path.as_path());
        let expected = if same_file { self.doc_stamp.as_ref() } else { None };
        let result = if overwrite {
            store::save(&self.editor.document, &path)
        } else {
            store::save_unless_changed(&self.editor.document, &path, expected)
        };
        match result {
            Ok(stamp) => {
                self.editor.history.mark_saved();
                self.editor.title = display_name(&path);
                self.editor.message = Some(format!("{}: {}", Word::Saved.get(lang), path.display()));
                self.settings.remember(std::slice::from_ref(&path));
                if !same_file {
                    self.doc_lock = None;
                    self.doc_lock = store::take_over(&path).ok();
                }
                self.doc_path = Some(path);
                self.doc_stamp = Some(stamp);
                self.conflict = None;
            }
            Err(StoreError::ChangedOnDisk { .. }) => self.conflict = Some(path),
            Err(e) => self.error = Some(format!("{}: {e}", Word::CouldNotSave.get(lang))),
        }
    }

    /// Exports the corrected edition to `target`.
    pub fn export(&mut self, format: ExportFormat, target: &Path) {
        let lang = self.settings.lang;
        self.editor.commit_drafts();
        let saved = store::describe(&self.editor.document, &store::folder_of(target));
        match store::export(&saved, format, target, false) {
            Ok(files) => {
                self.editor.message =
                    Some(format!("{}: {} ({})", Word::Exported.get(lang), target.display(), files.len()));
            }
            Err(e) => self.error = Some(format!("{}: {e}", Word::CouldNotExport.get(lang))),
        }
    }

    /// A file name next to the first source, ending in `ending`.
    pub(super) fn suggested_name(&self, ending: &str) -> String {
        let page = self.editor.document.edition.pages.first();
        let source = page.map_or_else(|| PathBuf::from("edition.txt"), |p| p.source.path.clone());
        let stem = source.file_stem().map_or_else(|| "edition".into(), |s| s.to_string_lossy().into_owned());
        source.with_file_name(format!("{stem}{ending}")).display().to_string()
    }

    /// The recovery file's content for the work as it is now.
    pub(super) fn recovery_snapshot(&self) -> Snapshot {
        Snapshot {
            document: self.editor.document_with_drafts(),
            title: self.editor.title.clone(),
            document_path: self.doc_path.clone(),
            document_stamp: self.doc_stamp.clone(),
        }
    }

    /// Writes the recovery file now, on this thread; true when it is written.
    pub fn write_recovery_now(&mut self) -> bool {
        let snapshot = self.recovery_snapshot();
        let revision = self.editor.revision();
        let Some(autosave) = &mut self.autosave else { return false };
        match autosave.write_now(snapshot, revision) {
            Ok(()) => true,
            Err(e) => {
                autosave.error = Some(e);
                false
            }
        }
    }

    /// Makes `orphan`'s work the session: editable when its sources are
    /// there unchanged, read-only otherwise (and then its file is kept).
    pub fn recover(&mut self, orphan: Orphan) {
        let lang = self.settings.lang;
        let restored = match orphan.restore() {
            Ok(restored) => restored,
            Err(e) => return self.error = Some(format!("{}: {e}", Word::CouldNotRecover.get(lang))),
        };
        let Some(document) = restored.document else {
            self.read_only = Some(ReadOnly::new(orphan.path.clone(), restored.saved, restored.problems));
            return;
        };
        let file = &orphan.file;
        let lock = file.document_path.as_deref().and_then(|path| match store::take(path) {
            Ok(lock) => Some(lock),
            Err(e) => {
                // The work comes first; Save will still check the file.
                self.error = Some(e.to_string());
                None
            }
        });
        let mut editor = Editor::new(document, file.title.clone(), lang);
        editor.history.mark_detached();
        self.replace_session(editor, file.document_path.clone(), file.document_stamp.clone(), lock);
        self.editor.message = Some(Word::Recovered.get(lang).to_owned());
        // The old file goes only once the work is safe in this session's.
        if self.write_recovery_now()
            && let Err(e) = orphan.discard()
        {
            self.error = Some(e.to_string());
        }
    }

    /// Asks whether to read a document's sources that lie outside its
    /// folder, naming them: a document from elsewhere may point at any
    /// file on this computer.
    pub(super) fn outside_dialog(&mut self, ctx: &egui::Context) {
        let Some((path, restored)) = &self.outside_question else { return };
        let lang = self.settings.lang;
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("outside-sources")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(Word::OutsideTitle.get(lang));
            ui.label(RichText::new(path.display().to_string()).monospace());
            ui.label(Word::OutsideBody.get(lang));
            for source in restored.outside_sources() {
                ui.label(RichText::new(source.display().to_string()).monospace().strong());
            }
            ui.horizontal(|ui| {
                for (word, access) in [
                    (Word::ReadThem, Some(SourceAccess::Anywhere)),
                    (Word::OpenReadOnly, Some(SourceAccess::InsideFolder)),
                    (Word::Cancel, None),
                ] {
                    if ui.button(word.get(lang)).clicked() {
                        choice = Some(access);
                    }
                }
            });
        });
        let Some(access) = choice else { return };
        let Some((path, restored)) = self.outside_question.take() else { return };
        match access {
            Some(SourceAccess::Anywhere) => self.open_document_with(path, SourceAccess::Anywhere),
            // Shown as saved, the sources outside not read.
            Some(SourceAccess::InsideFolder) => {
                self.read_only = Some(ReadOnly::new(path, restored.saved, restored.problems));
            }
            None => {}
        }
    }

    /// Asks what to do when Save found the file changed on disk.
    pub(super) fn conflict_dialog(&mut self, ctx: &egui::Context) {
        let Some(path) = &self.conflict else { return };
        let lang = self.settings.lang;
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("conflict")).show(ctx, |ui| {
            ui.heading(Word::ConflictTitle.get(lang));
            ui.label(RichText::new(path.display().to_string()).monospace());
            ui.label(Word::ConflictBody.get(lang));
            ui.horizontal(|ui| {
                for (word, action) in [
                    (Word::SaveAs, Conflict::SaveAs),
                    (Word::ReloadTheirs, Conflict::Reload),
                    (Word::Overwrite, Conflict::Overwrite),
                    (Word::Cancel, Conflict::Cancel),
                ] {
                    if ui.button(word.get(lang)).clicked() {
                        choice = Some(action);
                    }
                }
            });
        });
        match choice {
            Some(Conflict::SaveAs) => {
                self.conflict = None;
                self.path_dialog.ask(super::Purpose::SaveAs, self.suggested_name(store::EXTENSION));
            }
            Some(Conflict::Reload) => self.reload_theirs(),
            Some(Conflict::Overwrite) => self.overwrite(),
            Some(Conflict::Cancel) => self.conflict = None,
            None => {}
        }
    }

    /// Asks before opening something else over unsaved work.
    pub(super) fn open_dialog(&mut self, ctx: &egui::Context) {
        if self.pending_open.is_none() {
            return;
        }
        let lang = self.settings.lang;
        let mut open = None;
        egui::Modal::new(egui::Id::unique("open-unsaved")).show(ctx, |ui| {
            ui.heading(Word::OpenUnsavedTitle.get(lang));
            ui.label(Word::OpenUnsavedBody.get(lang));
            ui.horizontal(|ui| {
                if ui.button(Word::OpenAnyway.get(lang)).clicked() {
                    open = Some(true);
                }
                if ui.button(Word::Cancel.get(lang)).clicked() {
                    open = Some(false);
                }
            });
        });
        match open {
            Some(true) => {
                if let Some(paths) = self.pending_open.take() {
                    self.open(paths);
                    if self.read_only.is_some() {
                        // Opened read-only over the old session: its work is
                        // the work the editor chose to lose.
                        self.editor.drafts.clear();
                        self.editor.history.mark_saved();
                    }
                }
            }
            Some(false) => self.pending_open = None,
            None => {}
        }
    }
}

#[derive(Clone, Copy)]
enum Conflict {
    SaveAs,
    Reload,
    Overwrite,
    Cancel,
}
