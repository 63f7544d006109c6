//! Keeping the work of this session for the next one: the recovery file
//! (see [`crate::recovery`]) kept up to date by [`Autosave`], written at
//! once when the session ends without the editor's say, removed when it
//! ends cleanly; and recovering what a crashed session left.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{Autosave, Editor, OpenFile, ReadOnly, Why, Workspace};
use crate::recovery::{DamagedRecovery, Orphan, RecoveryFolder};
use crate::store::{self, StoreError};

/// The recovery folder and this session's writer in it.
#[derive(Default)]
pub struct Recovery {
    folder: Option<RecoveryFolder>,
    autosave: Option<Autosave>,
}

/// What recovering gave.
#[derive(Debug)]
pub enum Recovered {
    /// The work is the session now, unsaved; `warning` tells of a problem
    /// on the side (the old recovery file could not be removed, the
    /// document's lock note could not be taken).
    Editable {
        /// A problem worth telling the editor.
        warning: Option<String>,
    },
    /// Its sources cannot be used: shown read-only, its file kept.
    ReadOnly,
    /// Not done: this session has unsaved work of its own, which
    /// recovering would replace. The other work stays on offer.
    Refused,
}

impl Recovery {
    /// Keeps this session's work in `folder`; the error says why it cannot
    /// (the window then runs without a recovery file, and says so).
    pub fn in_folder(folder: RecoveryFolder) -> (Self, Option<StoreError>) {
        let (autosave, error) = match folder.start_session() {
            Ok(session) => (Some(Autosave::new(session)), None),
            Err(e) => (None, Some(e)),
        };
        (Self { folder: Some(folder), autosave }, error)
    }

    /// True when there is a recovery folder (File ▸ Recover has a use).
    pub fn has_folder(&self) -> bool {
        self.folder.is_some()
    }

    /// This session's recovery file (it exists while there is unsaved work).
    pub fn path(&self) -> Option<&Path> {
        self.autosave.as_ref().map(Autosave::path)
    }

    /// The writer's last failure, for the status bar.
    pub fn error(&self) -> Option<&str> {
        self.autosave.as_ref().and_then(|a| a.error.as_deref())
    }

    /// What crashed sessions left, claimed while the caller holds them.
    pub fn orphans(&self) -> Option<(Vec<Orphan>, Vec<DamagedRecovery>)> {
        self.folder.as_ref().map(RecoveryFolder::orphans)
    }

    /// Called every frame: writes the recovery file when it is due, or
    /// removes it when nothing is unsaved. Returns when to look again.
    pub fn tick(&mut self, workspace: &Workspace, focus_lost: bool, now: Instant) -> Option<Duration> {
        let autosave = self.autosave.as_mut()?;
        let id = workspace.editor().map_or(0, Editor::work_id);
        autosave.tick(id, workspace.is_modified(), focus_lost, now, || workspace.snapshot())
    }

    /// Writes the recovery file now, on this thread; true when written.
    pub fn write_now(&mut self, workspace: &Workspace) -> bool {
        let (Some(autosave), Some(snapshot)) = (self.autosave.as_mut(), workspace.snapshot()) else {
            return false;
        };
        let id = workspace.editor().map_or(0, Editor::work_id);
        match autosave.write_now(snapshot, id) {
            Ok(()) => true,
            Err(e) => {
                autosave.error = Some(e);
                false
            }
        }
    }

    /// The session ends: the work is saved, or the editor chose to lose it
    /// (`lose_work`), so the recovery file goes; otherwise (the system
    /// ending the session) it is written for the next start.
    pub fn at_exit(&mut self, workspace: &Workspace, lose_work: bool) {
        if workspace.is_modified() && !lose_work {
            self.write_now(workspace);
        } else if let Some(autosave) = &mut self.autosave {
            autosave.clear_now();
        }
    }

    /// Makes `orphan`'s work the session: editable when its sources are
    /// there unchanged, read-only otherwise (and then its file is kept).
    /// Never over unsaved work of this session.
    pub fn recover(&mut self, workspace: &mut Workspace, orphan: Orphan) -> Result<Recovered, StoreError> {
        if workspace.is_modified() {
            return Ok(Recovered::Refused);
        }
        let restored = orphan.restore()?;
        let Some(document) = restored.document else {
            let why = Why::Sources(restored.problems);
            let read_only = ReadOnly { path: orphan.path.clone(), saved: restored.saved, why };
            *workspace = Workspace::ReadOnly(Box::new(read_only));
            return Ok(Recovered::ReadOnly);
        };
        let file = &orphan.file;
        let mut warning = None;
        let lock = file.document_path.as_deref().and_then(|path| {
            // The work comes first; Save will still check the file.
            store::take(path).map_err(|e| warning = Some(e.to_string())).ok()
        });
        let mut editor = Editor::new(document, file.title.clone());
        editor.mark_detached();
        let open_file = file.document_path.clone().map(|path| OpenFile {
            path,
            stamp: file.document_stamp.clone(),
            lock,
        });
        *workspace = Workspace::Editing { editor: Box::new(editor), file: open_file };
        // The old file goes only once the work is safe in this session's.
        if self.write_now(workspace)
            && let Err(e) = orphan.discard()
        {
            warning = Some(e.to_string());
        }
        Ok(Recovered::Editable { warning })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::commands;
    use crate::session::Opened;

    fn page(dir: &Path) -> std::path::PathBuf {
        let page = dir.join("p1.txt");
        std::fs::write(&page, "会议召开\n\n本报讯 昨天,会议召开。\n\n会议强调,要抓落实。\n").unwrap();
        page
    }

    fn open(page: &Path) -> Workspace {
        let Ok(Opened::Editable { workspace, .. }) = Workspace::open(&[page.to_owned()], None) else {
            panic!()
        };
        workspace
    }

    fn mark_noise(workspace: &mut Workspace) {
        let editor = workspace.editor_mut().unwrap();
        let edit = commands::set_noise(editor.document(), 0, 4..5, true).unwrap();
        editor.apply(edit, "noise");
    }

    #[test]
    fn recovered_work_is_unsaved_and_never_replaces_unsaved_work() {
        let dir = tempfile::tempdir().unwrap();
        let page = page(dir.path());
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        // A session that crashed with unsaved work.
        let (mut crashed, _) = Recovery::in_folder(folder.clone());
        let mut lost = open(&page);
        mark_noise(&mut lost);
        assert!(crashed.write_now(&lost));
        drop(crashed); // ended without at_exit: its file stays, its lock goes

        let (mut recovery, _) = Recovery::in_folder(folder);
        let mut orphans = Vec::new();
        for _ in 0..100 {
            // The writer's thread lets go of the old session as it ends.
            orphans = recovery.orphans().unwrap().0;
            if !orphans.is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut busy = open(&page);
        mark_noise(&mut busy);
        let orphan = orphans.remove(0);
        let orphan_path = orphan.path.clone();
        assert!(matches!(recovery.recover(&mut busy, orphan), Ok(Recovered::Refused)));
        assert!(orphan_path.exists(), "still on offer");

        let mut fresh = open(&page);
        let (mut orphans, _) = recovery.orphans().unwrap();
        let recovered = recovery.recover(&mut fresh, orphans.remove(0)).unwrap();
        assert!(matches!(recovered, Recovered::Editable { warning: None }));
        assert!(fresh.is_modified(), "recovered work is unsaved work");
        let editor = fresh.editor_mut().unwrap();
        editor.undo();
        assert!(editor.is_modified(), "whatever is undone: nothing of it was saved");
        assert!(!orphan_path.exists(), "its old file goes once this session's holds it");
        assert!(recovery.path().unwrap().exists());
    }
}
