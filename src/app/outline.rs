//! The outline: every article of the edition, with its headline (or first
//! words), page and lines. Selecting one shows it and scrolls the source.

use egui::{Align, RichText, ScrollArea, Ui};

use super::editor::{Editor, Reveal};
use super::i18n::Word;
use super::palette;
use crate::edit::render_article;

/// Shows the outline.
pub fn show(ui: &mut Ui, editor: &mut Editor) {
    let lang = editor.lang;
    ui.heading(format!("{} ({})", Word::Articles.get(lang), editor.document.split.articles.len()));
    let reveal = editor.reveal.iter().position(|&r| r == Reveal::Article).map(|at| editor.reveal.remove(at));
    let mut chosen = None;
    ScrollArea::vertical().id_salt("outline").auto_shrink([false, false]).show(ui, |ui| {
        for (order, &id) in editor.document.split.articles.iter().enumerate() {
            let text = render_article(&editor.document, id);
            let title = text
                .headline
                .clone()
                .or_else(|| text.paragraphs.first().map(|p| p.chars().take(24).collect::<String>() + "…"))
                .unwrap_or_default();
            let spans = editor.document.split.spans(id, &editor.document.edition);
            let place = spans.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            let selected = editor.selection.article == Some(id);
            ui.horizontal(|ui| {
                ui.label(RichText::new("▌").color(palette::band(order)));
                let response = ui.add(egui::Button::selectable(selected, RichText::new(&title)).truncate());
                if response.clicked() {
                    chosen = Some(id);
                }
                if selected && reveal.is_some() {
                    response.scroll_to_me(Some(Align::Center));
                }
                ui.label(RichText::new(place).small().weak());
            });
        }
    });
    if let Some(id) = chosen {
        editor.select_article(id);
    }
}
