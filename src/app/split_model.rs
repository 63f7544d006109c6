//! Which model splits the pages opened in the window: the built-in one,
//! or a model file (from `copydesk train`) chosen in Settings ▸ Split
//! model and kept in `settings.json`. A file that cannot be used is named
//! in the notice and the built-in model splits instead. Also the walk
//! through the proposal's uncertain boundaries (Alt+B).

use std::path::{Path, PathBuf};

use super::EditorApp;
use super::i18n::{Lang, Word};
use super::modal::Modal;
use super::path_dialog::{PathDialog, Purpose};
use crate::segment::Model;
use crate::session::Doubt;

/// The model new pages are split with.
#[derive(Default)]
pub struct SplitModel {
    /// The model file in use and what it holds; `None`: the built-in model.
    file: Option<(PathBuf, Model)>,
}

impl SplitModel {
    /// The model in `file` (the built-in one for `None`), or the built-in
    /// one and the reason `file` could not be used.
    pub fn load(file: Option<&Path>) -> (Self, Option<crate::store::StoreError>) {
        let Some(path) = file else { return (Self::default(), None) };
        match crate::store::read_model(path) {
            Ok(model) => (Self { file: Some((path.to_owned(), model)) }, None),
            Err(e) => (Self::default(), Some(e)),
        }
    }

    /// The model to split with.
    pub fn get(&self) -> &Model {
        self.file.as_ref().map_or(Model::builtin(), |(_, model)| model)
    }

    /// The model file in use, if not the built-in model.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_ref().map(|(path, _)| path.as_path())
    }
}

/// What the status bar says of an uncertain boundary: "uncertain boundary
/// 3 of 17 · confidence 0.54 · article starts here".
fn doubt_status(lang: Lang, doubt: &Doubt) -> String {
    let decided = if doubt.boundary.proposed { Word::StartProposed } else { Word::StartNotProposed };
    format!(
        "{} {} / {} · {} {:.2} · {}",
        Word::UncertainBoundary.get(lang),
        doubt.rank,
        doubt.total,
        Word::Confidence.get(lang),
        doubt.certainty(),
        decided.get(lang)
    )
}

impl EditorApp {
    /// The model new pages are split with.
    pub fn split_model(&self) -> &SplitModel {
        &self.chrome.model
    }

    /// Asks for a model file.
    pub(super) fn ask_model(&mut self) {
        let current = self.chrome.model.file().map(|p| p.display().to_string()).unwrap_or_default();
        self.modal = Some(Modal::Path(PathDialog::new(Purpose::Model, current)));
    }

    /// Splits new pages with the model in `file` (`None`: the built-in
    /// one) from now on, and remembers it; a file that cannot be used is
    /// named in the notice and changes nothing.
    pub(super) fn use_model(&mut self, file: Option<PathBuf>) {
        let lang = self.chrome.lang();
        match SplitModel::load(file.as_deref()) {
            (_, Some(e)) => self.chrome.notice = Some(format!("{}: {e}", Word::ModelNotUsed.get(lang))),
            (model, None) => {
                let name =
                    model.file().map_or(Word::BuiltinModel.get(lang).to_owned(), |p| p.display().to_string());
                self.chrome.status = Some(format!("{}: {name}", Word::ModelInUse.get(lang)));
                self.chrome.settings.model = file;
                self.chrome.model = model;
            }
        }
    }

    /// Selects the next of the proposal's uncertain boundaries, least
    /// certain first, and says which it is.
    pub(super) fn next_uncertain(&mut self) {
        let lang = self.chrome.lang();
        let Some(editor) = self.workspace.editor_mut() else { return };
        let status = match editor.next_doubt() {
            Some(doubt) => doubt_status(lang, &doubt),
            None => Word::NoUncertainBoundary.get(lang).to_owned(),
        };
        self.panels.reveal_selection();
        self.chrome.status = Some(status);
    }
}
