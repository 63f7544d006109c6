//! Opening: pages become an editable session; a saved document is
//! editable when its sources are there unchanged and nobody else has it
//! open, read-only otherwise (saying why), and asks first when it reads
//! sources outside its own folder. Also Edit anyway, which takes over a
//! document someone else has open.

use std::path::{Path, PathBuf};

use super::{Doubts, Editor, OpenFile, ReadOnly, Why, Workspace};
use crate::edit::Document;
use crate::load::{self, LoadError, LoadOptions};
use crate::model::Edition;
use crate::segment::{self, Model};
use crate::store::{self, LockError, Restored, SourceAccess, StoreError};

/// The bundled sample edition: the front page of a Chinese city daily.
pub const SAMPLE_PATH: &str = "assets/yongkang-daily-2022-11-07-p1.txt";
const SAMPLE: &[u8] = include_bytes!("../../assets/yongkang-daily-2022-11-07-p1.txt");

/// What opening gave.
#[derive(Debug)]
pub enum Opened {
    /// Ready to edit; `warning` says what went wrong on the side (a lock
    /// note that could not be written: editing goes on, Save will say if
    /// the folder cannot be written either).
    Editable {
        /// The new workspace.
        workspace: Workspace,
        /// A problem worth telling the editor.
        warning: Option<StoreError>,
    },
    /// Shown as saved, without editing; the workspace says why.
    ReadOnly(Workspace),
    /// The document reads sources outside its folder: the editor is asked
    /// first (naming them), and the document was read without them.
    NeedsConsent {
        /// The document.
        path: PathBuf,
        /// What was read without those sources.
        restored: Box<Restored>,
    },
}

/// Why nothing could be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The pages could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The document could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A path as the title bar names it: its file name.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// True when `path` names a saved document rather than pages.
fn is_document(paths: &[PathBuf]) -> Option<&Path> {
    match paths {
        [path] if path.to_string_lossy().ends_with(store::EXTENSION) => Some(path),
        _ => None,
    }
}

/// A session on `model`'s proposal for `edition`, knowing where the model
/// was unsure (computed once, here, with the proposal itself).
fn proposed(edition: Edition, model: &Model, title: String) -> Editor {
    let proposal = segment::propose_with(&edition, model);
    let document =
        Document { edition, split: proposal.split, corrections: Vec::new(), review: Default::default() };
    Editor::new(document, title).with_doubts(Doubts::new(&proposal.boundaries))
}

impl Workspace {
    /// The bundled sample edition, never saved, split by the built-in model.
    pub fn sample() -> Self {
        Self::sample_with(Model::builtin())
    }

    /// The bundled sample edition, never saved, split by `model`.
    pub fn sample_with(model: &Model) -> Self {
        let path = Path::new(SAMPLE_PATH);
        // The sample is tested to load; an empty edition keeps the promise
        // of no panic all the same.
        let Ok(edition) = load::load_bytes(path, SAMPLE, &LoadOptions::default()) else {
            return Workspace::empty();
        };
        Workspace::unsaved(proposed(edition, model, display_name(path)))
    }

    /// Opens `paths`: pages (files, form-feed files, folders) as one
    /// edition, or one saved document. `current` is what is open now: when
    /// it is the same document, its lock note gives way to the new one.
    pub fn open(paths: &[PathBuf], current: Option<&mut Workspace>) -> Result<Opened, OpenError> {
        Self::open_with(paths, current, Model::builtin())
    }

    /// Opens `paths` as [`Workspace::open`] does, pages split by `model`.
    pub fn open_with(
        paths: &[PathBuf],
        current: Option<&mut Workspace>,
        model: &Model,
    ) -> Result<Opened, OpenError> {
        if let Some(path) = is_document(paths) {
            return Ok(Workspace::open_document(path, SourceAccess::InsideFolder, current)?);
        }
        let edition = load::load_paths(paths, &LoadOptions::default())?;
        let title = paths.iter().map(|p| display_name(p)).collect::<Vec<_>>().join(", ");
        let workspace = Workspace::unsaved(proposed(edition, model, title));
        Ok(Opened::Editable { workspace, warning: None })
    }

    /// Opens the saved document at `path`, reading sources as `access`
    /// allows.
    pub fn open_document(
        path: &Path,
        access: SourceAccess,
        current: Option<&mut Workspace>,
    ) -> Result<Opened, StoreError> {
        let restored = store::open_with(path, access)?;
        if !restored.outside_sources().is_empty() {
            return Ok(Opened::NeedsConsent { path: path.to_owned(), restored: Box::new(restored) });
        }
        let Restored { saved, document, problems, stamp } = restored;
        let Some(document) = document else {
            let read_only = ReadOnly { path: path.to_owned(), saved, why: Why::Sources(problems) };
            return Ok(Opened::ReadOnly(Workspace::ReadOnly(Box::new(read_only))));
        };
        if let Some(current) = current.filter(|c| c.path() == Some(path)) {
            // Reopening our own document: our note gives way to the new one.
            current.release_lock();
        }
        let (lock, warning) = match store::take(path) {
            Ok(lock) => (Some(lock), None),
            Err(LockError::Held { note, .. }) => {
                let why = Why::Locked { by: note, editable: Box::new((document, stamp)) };
                let read_only = ReadOnly { path: path.to_owned(), saved, why };
                return Ok(Opened::ReadOnly(Workspace::ReadOnly(Box::new(read_only))));
            }
            Err(LockError::Store(e)) => (None, Some(e)),
        };
        let file = OpenFile { path: path.to_owned(), stamp, lock };
        Ok(Opened::Editable { workspace: Workspace::editing(document, file), warning })
    }

    /// A document as it was read without its sources outside its folder,
    /// shown read-only (the editor declined to read them).
    pub fn read_only_without_outside(path: PathBuf, restored: Restored) -> Self {
        Workspace::ReadOnly(Box::new(ReadOnly {
            path,
            saved: restored.saved,
            why: Why::Sources(restored.problems),
        }))
    }

    /// Takes over a document someone else has open (the editor chose to);
    /// returns a problem with the lock note, if any. Nothing happens
    /// unless the workspace is such a document.
    pub fn edit_anyway(&mut self) -> Option<StoreError> {
        let Workspace::ReadOnly(read_only) = self else { return None };
        if !matches!(read_only.why, Why::Locked { .. }) {
            return None;
        }
        let Workspace::ReadOnly(read_only) = std::mem::replace(self, Workspace::empty()) else {
            return None;
        };
        let ReadOnly { path, why: Why::Locked { editable, .. }, .. } = *read_only else { return None };
        let (document, stamp) = *editable;
        let (lock, warning) = match store::take_over(&path) {
            Ok(lock) => (Some(lock), None),
            Err(e) => (None, Some(e)),
        };
        *self = Workspace::editing(document, OpenFile { path, stamp, lock });
        warning
    }

    /// An editing session on `document`, saved as `file`.
    pub(super) fn editing(document: Document, file: OpenFile) -> Self {
        let editor = Editor::new(document, display_name(&file.path));
        Workspace::Editing { editor: Box::new(editor), file: Some(file) }
    }

    /// An empty edition: a placeholder while a workspace is taken apart.
    pub(super) fn empty() -> Self {
        let document = Document {
            edition: crate::model::Edition::default(),
            split: crate::model::Split::default(),
            corrections: Vec::new(),
            review: crate::model::Review::default(),
        };
        Workspace::unsaved(Editor::new(document, ""))
    }
}
