//! Choosing a path: to open pages or a document, to save, to export. A
//! small window with a path field, and a Browse button for the system's
//! file dialog. The native dialog runs on its own thread: on Linux desktops
//! without a portal it can fail or hang, and the path field keeps working
//! whatever it does.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{Context, TextEdit};

use super::i18n::{Lang, Word};
use crate::store::ExportFormat;

/// What the path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open pages, a folder or a saved document.
    Open,
    /// Save the document under a new name.
    SaveAs,
    /// Export the corrected edition.
    Export(ExportFormat),
}

/// The dialog's state.
#[derive(Default)]
pub struct PathDialog {
    /// What it is open for, if it is open.
    pub purpose: Option<Purpose>,
    /// The typed path.
    pub path: String,
    browsing: Option<Receiver<Option<Vec<PathBuf>>>>,
}

impl PathDialog {
    /// Opens the dialog for `purpose`, with `suggestion` in the field.
    pub fn ask(&mut self, purpose: Purpose, suggestion: String) {
        self.purpose = Some(purpose);
        self.path = suggestion;
    }

    /// Shows the dialog; returns the purpose and the paths chosen, once.
    pub fn show(&mut self, ctx: &Context, lang: Lang) -> Option<(Purpose, Vec<PathBuf>)> {
        let purpose = self.purpose?;
        if let Some(chosen) = self.browsing.as_ref().and_then(|r| r.try_recv().ok()) {
            self.browsing = None;
            if let Some(paths) = chosen.filter(|p| !p.is_empty()) {
                self.purpose = None;
                return Some((purpose, paths));
            }
        }
        let (title, hint, action) = match purpose {
            Purpose::Open => (Word::OpenTitle, Word::OpenPathHint, Word::Open),
            Purpose::SaveAs => (Word::SaveAsTitle, Word::SavePathHint, Word::Save),
            Purpose::Export(_) => (Word::ExportTitle, Word::ExportPathHint, Word::Export),
        };
        let mut chosen = None;
        let mut keep_open = true;
        egui::Window::new(title.get(lang)).collapsible(false).resizable(false).show(ctx, |ui| {
            let label = ui.label(hint.get(lang));
            let field =
                ui.add(TextEdit::singleline(&mut self.path).desired_width(420.0)).labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let go = ui.button(action.get(lang).trim_end_matches('…')).clicked() || entered;
                if go && !self.path.trim().is_empty() {
                    chosen = Some(vec![PathBuf::from(self.path.trim())]);
                }
                let browsing = self.browsing.is_some();
                if ui.add_enabled(!browsing, egui::Button::new(Word::Browse.get(lang))).clicked() {
                    self.browse(ctx, purpose);
                }
                if ui.button(Word::Cancel.get(lang)).clicked() {
                    keep_open = false;
                }
            });
        });
        if chosen.is_some() || !keep_open {
            self.purpose = None;
        }
        chosen.map(|paths| (purpose, paths))
    }

    fn browse(&mut self, ctx: &Context, purpose: Purpose) {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let dialog = rfd::FileDialog::new();
            let picked = match purpose {
                Purpose::Open => {
                    dialog.add_filter("OCR text or Copydesk document", &["txt", "json"]).pick_files()
                }
                Purpose::SaveAs => {
                    dialog.add_filter("Copydesk document", &["json"]).save_file().map(|p| vec![p])
                }
                Purpose::Export(ExportFormat::Text) => dialog.pick_folder().map(|p| vec![p]),
                Purpose::Export(_) => dialog.save_file().map(|p| vec![p]),
            };
            let _ = sender.send(picked);
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.browsing = Some(receiver);
        }
    }
}
