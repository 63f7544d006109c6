//! Go to line (Ctrl+G): a line number of the page shown, or `PAGE:LINE`
//! in an edition of several pages. Enter goes there; a number outside the
//! page says so and leaves the question open.

use egui::{Context, RichText, TextEdit};

use super::i18n::{Lang, Word};
use super::modal::Reply;
use crate::session::Editor;

/// The question's state: what is typed, and whether it was refused.
#[derive(Default)]
pub struct GoTo {
    text: String,
    refused: bool,
}

impl GoTo {
    /// Shows the question; the line to go to (or Cancel), once.
    pub fn show(&mut self, ctx: &Context, lang: Lang, editor: Option<&Editor>) -> Option<Reply> {
        let editor = editor?;
        let mut reply = None;
        let shown = egui::Modal::new(egui::Id::unique("go-to-line")).show(ctx, |ui| {
            let label = ui.label(Word::GoToLineHint.get(lang));
            let field =
                ui.add(TextEdit::singleline(&mut self.text).desired_width(240.0)).labelled_by(label.id);
            field.request_focus();
            if self.refused {
                ui.label(RichText::new(Word::NoSuchLine.get(lang)).color(ui.visuals().warn_fg_color));
            }
            let entered = ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let go = ui.button(Word::Go.get(lang)).clicked() || entered;
                if go {
                    match target(&self.text, editor) {
                        Some((page, line)) => reply = Some(Reply::Line(page, line)),
                        None => self.refused = true,
                    }
                }
                if ui.button(Word::Cancel.get(lang)).clicked() {
                    reply = Some(Reply::Cancel);
                }
            });
        });
        reply.or_else(|| shown.should_close().then_some(Reply::Cancel))
    }
}

/// The (page, line), from 0, that `text` names: `25` on the selected
/// page, `3:25` on page 3; `None` when there is no such line.
fn target(text: &str, editor: &Editor) -> Option<(usize, usize)> {
    let text = text.trim();
    let (page, line) = match text.split_once(':') {
        Some((page, line)) => (page.trim().parse::<usize>().ok()?.checked_sub(1)?, line),
        None => (editor.selection().page, text),
    };
    let line = line.trim().parse::<usize>().ok()?.checked_sub(1)?;
    let lines = editor.document().edition.pages.get(page)?.line_count();
    (line < lines).then_some((page, line))
}
