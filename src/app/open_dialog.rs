//! Opening pages: a small window with a path field, and a Browse button for
//! the system's file dialog. The native dialog runs on its own thread: on
//! Linux desktops without a portal it can fail or hang, and the path field
//! keeps working whatever it does.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{Context, TextEdit};

use super::i18n::{Lang, Word};

/// The open dialog's state.
#[derive(Default)]
pub struct OpenDialog {
    /// Whether the dialog is showing.
    pub open: bool,
    /// The typed path.
    pub path: String,
    browsing: Option<Receiver<Option<Vec<PathBuf>>>>,
}

impl OpenDialog {
    /// Shows the dialog; returns the paths chosen, if the editor chose some.
    pub fn show(&mut self, ctx: &Context, lang: Lang) -> Option<Vec<PathBuf>> {
        if let Some(chosen) = self.browsing.as_ref().and_then(|r| r.try_recv().ok()) {
            self.browsing = None;
            if let Some(paths) = chosen.filter(|p| !p.is_empty()) {
                self.open = false;
                return Some(paths);
            }
        }
        if !self.open {
            return None;
        }
        let mut chosen = None;
        let mut keep_open = true;
        egui::Window::new(Word::OpenTitle.get(lang)).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label(Word::OpenPathHint.get(lang));
            let field = ui.add(TextEdit::singleline(&mut self.path).desired_width(420.0));
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if (ui.button(Word::Open.get(lang).trim_end_matches('…')).clicked() || entered)
                    && !self.path.trim().is_empty()
                {
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
        if chosen.is_some() || !keep_open {
            self.open = false;
        }
        chosen
    }

    fn browse(&mut self, ctx: &Context) {
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let picked = rfd::FileDialog::new().add_filter("OCR text", &["txt"]).pick_files();
            let _ = sender.send(picked);
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.browsing = Some(receiver);
        }
    }
}
