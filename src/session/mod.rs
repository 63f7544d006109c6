//! The editing session without a window: what is open ([`Workspace`]),
//! the edition being edited ([`Editor`]), and the rules for opening,
//! saving, conflicts, reloading, recovering and closing, each returning an
//! outcome the window only has to show. Nothing here knows egui, so every
//! rule is tested directly (the tests beside each file).
//!
//! ```
//! use copydesk::session::{Opened, Workspace};
//! # let dir = tempfile::tempdir().unwrap();
//! # let page = dir.path().join("p1.txt");
//! # std::fs::write(&page, "会议召开\n\n本报讯(记者 张三) 昨天,会议召开。\n").unwrap();
//! let Ok(Opened::Editable { mut workspace, .. }) = Workspace::open(&[page], None) else { panic!() };
//! assert!(!workspace.is_modified());
//! let editor = workspace.editor_mut().unwrap();
//! editor.select_line(0, 2);
//! let edit = copydesk::edit::commands::set_noise(editor.document(), 0, 2..3, true).unwrap();
//! editor.apply(edit, "noise");
//! assert!(workspace.is_modified(), "the title, quit, autosave and recovery all ask this");
//! ```

mod autosave;
mod doubts;
mod editor;
mod line_map;
mod open;
mod recovery;
mod review;
mod save;

use std::path::{Path, PathBuf};

pub use autosave::{AT_MOST, Autosave, QUIET};
pub use doubts::{Doubt, Doubts, UNCERTAIN_BELOW};
pub use editor::{Editor, Selection, Typing};
pub use line_map::{LineMap, Owner};
pub use open::{OpenError, Opened, SAMPLE_PATH, display_name};
pub use recovery::{Recovered, Recovery};
pub use review::{Flagged, SuspectWatch, next_unreviewed};
pub use save::{Closing, Saved};

use crate::edit::Document;
use crate::recovery::Snapshot;
use crate::store::{DiskStamp, HeldLock, LockNote, SavedDocument, SourceProblem};

/// The saved document an editing session belongs to.
#[derive(Debug)]
pub struct OpenFile {
    /// Where it is.
    pub path: PathBuf,
    /// What the file was when last read or written here (`None`: unknown,
    /// as after a recovery from elsewhere).
    pub stamp: Option<DiskStamp>,
    /// The lock note beside it, while it is open here.
    pub lock: Option<HeldLock>,
}

/// What the window has open.
#[derive(Debug)]
pub enum Workspace {
    /// An edition being edited, saved to `file` once it has been.
    Editing {
        /// The edition, its history and selection.
        editor: Box<Editor>,
        /// Its saved document, if any.
        file: Option<OpenFile>,
    },
    /// A saved document shown as it was saved, without editing.
    ReadOnly(Box<ReadOnly>),
}

/// A document shown read-only, and why.
#[derive(Debug)]
pub struct ReadOnly {
    /// The document (or recovery file).
    pub path: PathBuf,
    /// What it holds.
    pub saved: SavedDocument,
    /// Why it cannot be edited.
    pub why: Why,
}

/// Why a document is shown read-only.
#[derive(Debug)]
pub enum Why {
    /// Its sources cannot be used (missing, changed, or outside its folder
    /// and not agreed to).
    Sources(Vec<SourceProblem>),
    /// Someone else has it open; the editor may take it over.
    Locked {
        /// Who.
        by: LockNote,
        /// The editable document and the file's stamp, for Edit anyway.
        editable: Box<(Document, Option<DiskStamp>)>,
    },
}

impl Workspace {
    /// An editing session on `editor`, never saved.
    pub fn unsaved(editor: Editor) -> Self {
        Workspace::Editing { editor: Box::new(editor), file: None }
    }

    /// The editor, unless the workspace is read-only.
    pub fn editor(&self) -> Option<&Editor> {
        match self {
            Workspace::Editing { editor, .. } => Some(editor),
            Workspace::ReadOnly(_) => None,
        }
    }

    /// The editor, to change, unless the workspace is read-only.
    pub fn editor_mut(&mut self) -> Option<&mut Editor> {
        match self {
            Workspace::Editing { editor, .. } => Some(editor),
            Workspace::ReadOnly(_) => None,
        }
    }

    /// The read-only document, if that is what is open.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        match self {
            Workspace::ReadOnly(read_only) => Some(read_only),
            Workspace::Editing { .. } => None,
        }
    }

    /// The saved document's path: the one being edited, or the one shown.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Workspace::Editing { file, .. } => file.as_ref().map(|f| f.path.as_path()),
            Workspace::ReadOnly(read_only) => Some(&read_only.path),
        }
    }

    /// The one answer to "is there work that is not saved?", typing
    /// included: the title, the status bar, quit, autosave and recovery
    /// all ask it here.
    pub fn is_modified(&self) -> bool {
        self.editor().is_some_and(Editor::is_modified)
    }

    /// What the title bar and the status bar call what is open.
    pub fn name(&self) -> String {
        match self {
            Workspace::Editing { editor, .. } => editor.title().to_owned(),
            Workspace::ReadOnly(read_only) => display_name(&read_only.path),
        }
    }

    /// The recovery file's content for the work as it is now, typing
    /// included (`None` when nothing can be edited).
    pub fn snapshot(&self) -> Option<Snapshot> {
        let Workspace::Editing { editor, file } = self else { return None };
        Some(Snapshot {
            document: editor.document_with_typing(),
            title: editor.title().to_owned(),
            document_path: file.as_ref().map(|f| f.path.clone()),
            document_stamp: file.as_ref().and_then(|f| f.stamp.clone()),
        })
    }

    /// Lets go of the lock note (the session ends).
    pub fn release_lock(&mut self) {
        if let Workspace::Editing { file: Some(file), .. } = self {
            file.lock = None;
        }
    }
}
