//! The outline: every article of the edition, with its headline (or first
//! words), page and lines. Selecting one shows it and scrolls the source.
//!
//! An edition can hold hundreds of articles: only the rows in view are laid
//! out, and each row's text is computed once per revision of the document.

use std::collections::HashMap;

use egui::{RichText, ScrollArea, TextStyle, Ui};

use super::Action;
use super::colours;
use super::i18n::{Lang, Word};
use crate::edit::{Document, Revision, render_article};
use crate::model::ArticleId;
use crate::session::Editor;

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
    /// Article `id`'s row.
    pub fn of(document: &Document, id: ArticleId) -> Self {
        let text = render_article(document, id);
        let byline = text.byline.clone();
        // An article left with no headline (its lines set aside) is still
        // named: by another title line, else its first words.
        let first_words = |p: &String| p.chars().take(24).collect::<String>() + "…";
        let title = [&text.headline, &text.subheadline, &text.kicker, &text.rubric]
            .into_iter()
            .find_map(Clone::clone)
            .or_else(|| text.paragraphs.first().or(text.captions.first()).map(first_words))
            .or_else(|| byline.clone())
            .unwrap_or_else(|| format!("{id}"));
        let spans = document.split.spans(id, &document.edition);
        let place = spans.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        Self { title, place, byline }
    }
}

/// Rows computed for one revision of the document.
#[derive(Default)]
pub struct Entries {
    revision: Option<Revision>,
    rows: HashMap<ArticleId, Entry>,
}

impl Entries {
    /// Article `id`'s row, computed once per revision.
    pub fn get(&mut self, editor: &Editor, id: ArticleId) -> &Entry {
        if self.revision != Some(editor.revision()) {
            self.revision = Some(editor.revision());
            self.rows.clear();
        }
        self.rows.entry(id).or_insert_with(|| Entry::of(editor.document(), id))
    }
}

/// The outline's own state.
#[derive(Default)]
pub struct Outline {
    entries: Entries,
    /// Bring the selected article into view on the next frame.
    reveal: bool,
    /// The rows drawn last frame.
    shown: std::ops::Range<usize>,
}

impl Outline {
    /// Brings the selected article into view on the next frame.
    pub fn reveal(&mut self) {
        self.reveal = true;
    }

    /// Shows the outline.
    pub fn ui(&mut self, ui: &mut Ui, editor: &Editor, lang: Lang, actions: &mut Vec<Action>) {
        let articles = &editor.document().split.articles;
        ui.heading(format!("{} ({})", Word::Articles.get(lang), articles.len()));
        let row_height = ui.text_style_height(&TextStyle::Body) + 4.0;
        let mut area = ScrollArea::vertical().id_salt("outline").auto_shrink([false, false]);
        let selected = editor.selection().article;
        let reveal = std::mem::take(&mut self.reveal);
        let position = selected.and_then(|a| articles.iter().position(|&x| x == a));
        if let Some(position) = position.filter(|p| reveal && !self.shown.contains(p)) {
            // Not drawn last frame: scroll there by arithmetic (rows are
            // only laid out when in view).
            let spacing = ui.spacing().item_spacing.y;
            let top = position as f32 * (row_height + spacing) - 2.0 * row_height;
            area = area.vertical_scroll_offset(top.max(0.0));
        }
        let output = area.show_rows(ui, row_height, articles.len(), |ui, rows| {
            for order in rows.clone() {
                let id = articles[order];
                let entry = self.entries.get(editor, id);
                ui.horizontal(|ui| {
                    ui.label(RichText::new("▌").color(colours::band(order)));
                    let reviewed = editor.document().review.is_reviewed(id);
                    let shown = if reviewed { format!("✔ {}", entry.title) } else { entry.title.clone() };
                    let title = egui::Button::selectable(selected == Some(id), RichText::new(shown));
                    let response = ui.add(title.truncate());
                    if response.clicked() {
                        actions.push(Action::SelectArticle(id));
                    }
                    if reveal && Some(order) == position {
                        response.scroll_to_me(None);
                    }
                    ui.label(RichText::new(&entry.place).small().weak());
                });
            }
            rows
        });
        self.shown = output.inner;
    }
}
