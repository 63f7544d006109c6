//! The outline: every article of the edition, with its headline (or first
//! words), page and lines. Selecting one shows it and scrolls the source.
//!
//! An edition can hold hundreds of articles: only the rows in view are laid
//! out, and each row's text is computed once per change of the document.

use std::collections::HashMap;

use egui::{RichText, ScrollArea, TextStyle, Ui};

use super::editor::{Editor, Reveal};
use super::i18n::Word;
use super::palette;
use crate::edit::{Document, render_article};
use crate::model::ArticleId;

/// What one outline row shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The headline, or the first words of the text.
    pub title: String,
    /// Page and lines, e.g. "p1 l37–51".
    pub place: String,
    /// The byline, wherever it came from (a block or the dateline).
    pub byline: Option<String>,
}

impl Entry {
    fn of(document: &Document, id: ArticleId) -> Self {
        let text = render_article(document, id);
        let byline = text.byline.clone();
        let title = text
            .headline
            .or_else(|| text.paragraphs.first().map(|p| p.chars().take(24).collect::<String>() + "…"))
            .unwrap_or_default();
        let spans = document.split.spans(id, &document.edition);
        let place = spans.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        Self { title, place, byline }
    }
}

/// Outline rows computed so far; emptied whenever the document changes.
pub type Cache = HashMap<ArticleId, Entry>;

/// Shows the outline.
pub fn show(ui: &mut Ui, editor: &mut Editor) {
    let lang = editor.lang;
    let count = editor.document.split.articles.len();
    ui.heading(format!("{} ({count})", Word::Articles.get(lang)));
    let row_height = ui.text_style_height(&TextStyle::Body) + 4.0;
    let mut area = ScrollArea::vertical().id_salt("outline").auto_shrink([false, false]);
    if let Some(at) = editor.reveal.iter().position(|&r| r == Reveal::Article) {
        editor.reveal.remove(at);
        let position = editor
            .selection
            .article
            .and_then(|a| editor.document.split.articles.iter().position(|&x| x == a));
        if let Some(position) = position {
            let spacing = ui.spacing().item_spacing.y;
            area = area.vertical_scroll_offset(
                (position as f32 * (row_height + spacing) - 2.0 * row_height).max(0.0),
            );
        }
    }
    let mut chosen = None;
    area.show_rows(ui, row_height, count, |ui, rows| {
        for order in rows {
            let id = editor.document.split.articles[order];
            let entry = editor.outline_entry(id);
            let selected = editor.selection.article == Some(id);
            ui.horizontal(|ui| {
                ui.label(RichText::new("▌").color(palette::band(order)));
                let response =
                    ui.add(egui::Button::selectable(selected, RichText::new(&entry.title)).truncate());
                if response.clicked() {
                    chosen = Some(id);
                }
                ui.label(RichText::new(&entry.place).small().weak());
            });
        }
    });
    if let Some(id) = chosen {
        editor.select_article(id);
    }
}

/// Computes a row for the cache.
pub fn entry(document: &Document, id: ArticleId) -> Entry {
    Entry::of(document, id)
}
