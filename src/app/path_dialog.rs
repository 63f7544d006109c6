//! Choosing a path: to open pages or a document, to save, to export. A
//! small window with a path field, and a Browse button for the system's
//! file dialog. The native dialog runs on its own thread: on Linux desktops
//! without a portal it can fail or hang, and the path field keeps working
//! whatever it does.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{Context, TextEdit};

use super::i18n::{Lang, Word};
use super::modal::{Reply, Then};
use crate::store::ExportFormat;

/// What the path is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Open pages, a folder or a saved document.
    Open,
    /// Save the document under a new name, then go on with what saving
    /// was for (quitting, opening something else).
    SaveAs(Option<Then>),
    /// Export the corrected edition.
    Export(ExportFormat),
    /// Choose the model file new pages are split with.
    Model,
}

/// The dialog's state.
pub struct PathDialog {
    purpose: Purpose,
    /// The typed path.
    path: String,
    /// The path field has been given the keyboard (once, when the dialog
    /// opens, so typing right after Ctrl+O lands in it).
    focused: bool,
    browsing: Option<Receiver<Option<Vec<PathBuf>>>>,
}

impl PathDialog {
    /// The dialog for `purpose`, with `suggestion` in the field.
    pub fn new(purpose: Purpose, suggestion: String) -> Self {
        Self { purpose, path: suggestion, focused: false, browsing: None }
    }

    /// What the path is for.
    pub fn purpose(self) -> Purpose {
        self.purpose
    }

    /// Shows the dialog; returns the paths chosen (or Cancel), once.
    pub fn show(&mut self, ctx: &Context, lang: Lang) -> Option<Reply> {
        if let Some(chosen) = self.browsing.as_ref().and_then(|r| r.try_recv().ok()) {
            self.browsing = None;
            if let Some(paths) = chosen.filter(|p| !p.is_empty()) {
                return Some(Reply::Path(paths));
            }
        }
        let (title, hint, action) = match self.purpose {
            Purpose::Open => (Word::OpenTitle, Word::OpenPathHint, Word::Open),
            Purpose::SaveAs(_) => (Word::SaveAsTitle, Word::SavePathHint, Word::Save),
            Purpose::Export(_) => (Word::ExportTitle, Word::ExportPathHint, Word::Export),
            Purpose::Model => (Word::ModelTitle, Word::ModelPathHint, Word::UseModel),
        };
        let mut chosen = None;
        let mut keep_open = true;
        egui::Window::new(title.get(lang)).collapsible(false).resizable(false).show(ctx, |ui| {
            let label = ui.label(hint.get(lang));
            let field =
                ui.add(TextEdit::singleline(&mut self.path).desired_width(420.0)).labelled_by(label.id);
            if !std::mem::replace(&mut self.focused, true) {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let go = ui.button(action.get(lang).trim_end_matches('…')).clicked() || entered;
                if go && !self.path.trim().is_empty() {
                    chosen = Some(vec![PathBuf::from(self.path.trim())]);
                }
                let browsing = self.browsing.is_some();
                if ui.add_enabled(!browsing, egui::Button::new(Word::Browse.get(lang))).clicked() {
                    self.browse(ctx);
                }
                if ui.button(Word::Cancel.get(lang)).clicked() {
                    keep_open = false;
                }
            });
        });
        match chosen {
            Some(paths) => Some(Reply::Path(paths)),
            None => (!keep_open).then_some(Reply::Cancel),
        }
    }

    fn browse(&mut self, ctx: &Context) {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let purpose = self.purpose.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let dialog = rfd::FileDialog::new();
            let picked = match purpose {
                Purpose::Open => {
                    dialog.add_filter("OCR text or Copydesk document", &["txt", "json"]).pick_files()
                }
                Purpose::SaveAs(_) => {
                    dialog.add_filter("Copydesk document", &["json"]).save_file().map(|p| vec![p])
                }
                Purpose::Export(ExportFormat::Text) => dialog.pick_folder().map(|p| vec![p]),
                Purpose::Export(_) => dialog.save_file().map(|p| vec![p]),
                Purpose::Model => dialog.add_filter("Split model", &["model"]).pick_file().map(|p| vec![p]),
            };
            let _ = sender.send(picked);
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.browsing = Some(receiver);
        }
    }
}
