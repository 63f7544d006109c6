//! The command palette (Ctrl+Shift+P): every available command of the
//! table, filtered by what is typed (in either language, or the id), with
//! its shortcut. ↑ and ↓ choose, Enter gives the command, Escape closes.

use egui::{Context, Key, RichText, TextEdit};

use super::EditorApp;
use super::commands::{COMMANDS, Command};
use super::i18n::Word;
use super::modal::Reply;

/// The palette's state.
#[derive(Default)]
pub struct Palette {
    query: String,
    chosen: usize,
}

impl Palette {
    /// Shows the palette; the command to give (or Cancel), once.
    pub fn show(&mut self, ctx: &Context, app: &EditorApp) -> Option<Reply> {
        let lang = app.chrome.lang();
        let matching = self.matching(app);
        let (up, down, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.key_pressed(Key::Enter),
            )
        });
        if down {
            self.chosen = (self.chosen + 1).min(matching.len().saturating_sub(1));
        }
        if up {
            self.chosen = self.chosen.saturating_sub(1);
        }
        let mut reply = None;
        let shown = egui::Modal::new(egui::Id::unique("palette")).show(ctx, |ui| {
            ui.set_width(480.0);
            let label = ui.label(RichText::new(Word::PaletteHint.get(lang)).weak());
            let field = ui.add(TextEdit::singleline(&mut self.query).desired_width(f32::INFINITY));
            field.labelled_by(label.id).request_focus();
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for (index, command) in matching.iter().enumerate() {
                    let keys = command.keys.first().map(|k| ctx.format_shortcut(k)).unwrap_or_default();
                    let button = egui::Button::selectable(index == self.chosen, command.label(lang))
                        .right_text(RichText::new(keys).weak());
                    let response = ui.add_sized([ui.available_width(), 0.0], button);
                    if index == self.chosen && (up || down) {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        reply = Some(Reply::Run(command));
                    }
                }
            });
        });
        if enter && let Some(command) = matching.get(self.chosen) {
            reply = Some(Reply::Run(command));
        }
        reply.or_else(|| shown.should_close().then_some(Reply::Cancel))
    }

    /// The available commands whose words or id contain what is typed.
    fn matching(&mut self, app: &EditorApp) -> Vec<&'static Command> {
        let query = self.query.trim().to_lowercase();
        let found: Vec<&'static Command> = COMMANDS
            .iter()
            .filter(|c| c.id != "palette" && (c.available)(app))
            .filter(|c| [c.en, c.zh, c.id].iter().any(|words| words.to_lowercase().contains(&query)))
            .collect();
        self.chosen = self.chosen.min(found.len().saturating_sub(1));
        found
    }
}
