//! Saving and closing: Save writes to the document's own file (or asks
//! for a name), never over a file someone changed since this session read
//! or wrote it (that is a conflict the editor decides); Overwrite is that
//! decision; export writes the corrected edition; closing asks while there
//! is unsaved work.

use std::path::{Path, PathBuf};

use super::{OpenFile, Workspace, display_name};
use crate::store::{self, ExportFormat, StoreError};

/// What saving gave.
#[derive(Debug)]
pub enum Saved {
    /// Written: the workspace now belongs to `path`.
    Saved {
        /// Where.
        path: PathBuf,
    },
    /// Never saved before: a name is needed; `suggestion` is one beside
    /// the first page.
    NeedsName {
        /// A name to offer.
        suggestion: String,
    },
    /// The file changed on disk since this session read or wrote it:
    /// nothing was written, the editor decides.
    Conflict {
        /// The file.
        path: PathBuf,
    },
    /// It could not be written.
    Failed(StoreError),
    /// Nothing editable is open.
    NothingToSave,
}

/// Whether the window may close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// Nothing would be lost.
    Close,
    /// There is unsaved work: ask first.
    Ask,
}

impl Workspace {
    /// Saves to the document's own file, or says a name is needed.
    pub fn save(&mut self) -> Saved {
        match self {
            Workspace::Editing { file: Some(file), .. } => {
                let path = file.path.clone();
                self.write(path, false)
            }
            Workspace::Editing { file: None, .. } => {
                Saved::NeedsName { suggestion: self.suggested_name(store::EXTENSION) }
            }
            Workspace::ReadOnly(_) => Saved::NothingToSave,
        }
    }

    /// Saves to `path`, which becomes the document's file, unless the file
    /// there is not what this session last saw.
    pub fn save_as(&mut self, path: PathBuf) -> Saved {
        self.write(path, false)
    }

    /// Saves to `path` whatever is there now (the editor chose to).
    pub fn overwrite(&mut self, path: PathBuf) -> Saved {
        self.write(path, true)
    }

    fn write(&mut self, path: PathBuf, overwrite: bool) -> Saved {
        let Workspace::Editing { editor, file } = self else { return Saved::NothingToSave };
        let same_file = file.as_ref().filter(|f| f.path == path);
        let result = if overwrite {
            store::save(editor.document(), &path)
        } else {
            store::save_unless_changed(editor.document(), &path, same_file.and_then(|f| f.stamp.as_ref()))
        };
        let stamp = match result {
            Ok(stamp) => stamp,
            Err(StoreError::ChangedOnDisk { .. }) => return Saved::Conflict { path },
            Err(e) => return Saved::Failed(e),
        };
        editor.mark_saved();
        editor.set_title(display_name(&path));
        match file {
            Some(file) if file.path == path => file.stamp = Some(stamp),
            _ => {
                // A new name: the old note goes, and a note for the new file.
                *file = None;
                let lock = store::take_over(&path).ok();
                *file = Some(OpenFile { path: path.clone(), stamp: Some(stamp), lock });
            }
        }
        Saved::Saved { path }
    }

    /// Exports the corrected edition to `target`; returns the files written.
    pub fn export(&self, format: ExportFormat, target: &Path) -> Result<Vec<PathBuf>, StoreError> {
        let Some(editor) = self.editor() else { return Ok(Vec::new()) };
        let saved = store::describe(editor.document(), &store::folder_of(target));
        store::export(&saved, format, target, false)
    }

    /// A file name next to the first source page, ending in `ending`.
    pub fn suggested_name(&self, ending: &str) -> String {
        let page = self.editor().and_then(|e| e.document().edition.pages.first());
        let source = page.map_or_else(|| PathBuf::from("edition.txt"), |p| p.source.path.clone());
        let stem = source.file_stem().map_or_else(|| "edition".into(), |s| s.to_string_lossy().into_owned());
        source.with_file_name(format!("{stem}{ending}")).display().to_string()
    }

    /// Whether closing now loses work.
    pub fn closing(&self) -> Closing {
        if self.is_modified() { Closing::Ask } else { Closing::Close }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Opened, Why};
    use super::*;
    use crate::edit::commands;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("p1.txt");
        std::fs::write(&page, "会议召开\n\n本报讯 昨天,会议召开。\n\n会议强调,要抓落实。\n").unwrap();
        let Ok(Opened::Editable { workspace, .. }) = Workspace::open(&[page], None) else { panic!() };
        (dir, workspace)
    }

    fn mark_noise(workspace: &mut Workspace, line: usize) {
        let editor = workspace.editor_mut().unwrap();
        let edit = commands::set_noise(editor.document(), 0, line..line + 1, true).unwrap();
        editor.apply(edit, "noise");
    }

    #[test]
    fn save_asks_for_a_name_then_saves_and_the_work_is_saved() {
        let (dir, mut workspace) = workspace();
        mark_noise(&mut workspace, 4);
        let Saved::NeedsName { suggestion } = workspace.save() else { panic!() };
        assert_eq!(suggestion, dir.path().join("p1.copydesk.json").display().to_string());
        assert!(matches!(workspace.save_as(suggestion.clone().into()), Saved::Saved { .. }));
        assert!(!workspace.is_modified());
        assert_eq!(workspace.closing(), Closing::Close);
        assert_eq!(workspace.name(), "p1.copydesk.json");
        assert!(store::holder(Path::new(&suggestion)).unwrap().is_some(), "the lock note is taken");
    }

    #[test]
    fn save_undo_edit_is_unsaved_and_closing_asks() {
        let (dir, mut workspace) = workspace();
        mark_noise(&mut workspace, 4);
        workspace.save_as(dir.path().join("d.copydesk.json"));
        workspace.editor_mut().unwrap().undo();
        mark_noise(&mut workspace, 2);
        assert!(workspace.is_modified());
        assert_eq!(workspace.closing(), Closing::Ask);
    }

    #[test]
    fn a_file_changed_on_disk_is_a_conflict_until_overwritten_and_reload_takes_theirs() {
        let (dir, mut workspace) = workspace();
        let doc = dir.path().join("d.copydesk.json");
        workspace.save_as(doc.clone());
        let theirs = std::fs::read_to_string(&doc).unwrap() + " ";
        std::fs::write(&doc, &theirs).unwrap();
        mark_noise(&mut workspace, 4);
        assert!(matches!(workspace.save(), Saved::Conflict { path } if path == doc));
        assert_eq!(std::fs::read_to_string(&doc).unwrap(), theirs, "their work is untouched");
        assert!(workspace.is_modified());
        assert!(matches!(workspace.overwrite(doc.clone()), Saved::Saved { .. }));
        assert!(!workspace.is_modified());

        // Reload: theirs again, opened over ours.
        std::fs::write(&doc, &theirs).unwrap();
        let reopened =
            Workspace::open_document(&doc, store::SourceAccess::InsideFolder, Some(&mut workspace));
        let Ok(Opened::Editable { workspace: reloaded, warning: None }) = reopened else { panic!() };
        assert!(!reloaded.is_modified());
    }

    #[test]
    fn a_document_someone_has_open_is_read_only_until_taken_over() {
        let (dir, mut workspace) = workspace();
        let doc = dir.path().join("d.copydesk.json");
        workspace.save_as(doc.clone());
        let note = store::LockNote { host: "elsewhere".into(), ..store::LockNote::for_this_process() };
        drop(workspace);
        std::fs::write(store::lock_path(&doc), serde_json::to_string(&note).unwrap()).unwrap();
        let Ok(Opened::ReadOnly(mut second)) = Workspace::open(std::slice::from_ref(&doc), None) else {
            panic!()
        };
        assert!(matches!(&second.read_only().unwrap().why, Why::Locked { by, .. } if by.host == "elsewhere"));
        assert!(matches!(second.save(), Saved::NothingToSave));
        assert_eq!(second.closing(), Closing::Close, "nothing of ours to lose");
        assert!(second.edit_anyway().is_none());
        assert!(second.editor().is_some());
        assert_eq!(store::holder(&doc).unwrap().unwrap().host, store::LockNote::for_this_process().host);
    }
}
