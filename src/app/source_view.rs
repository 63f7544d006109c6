//! The raw source, exactly as OCR wrote it: line numbers, a coloured band
//! per article in the gutter, noise dimmed, each block's role tagged and its
//! reason on hover. Only the rows in view are laid out, so a large edition
//! scrolls as lightly as a small one.

use egui::{Align, RichText, ScrollArea, Sense, TextStyle, Ui, vec2};

use super::commands::{Command, ROLES, role_word};
use super::editor::{Editor, Reveal};
use super::i18n::Word;
use super::palette;
use crate::model::Role;

/// Shows the source of the selected page.
pub fn show(ui: &mut Ui, editor: &mut Editor) {
    page_picker(ui, editor);
    let page_index = editor.selection.page;
    let line_count = editor.document.edition.pages[page_index].line_count();
    let row_height =
        ui.text_style_height(&TextStyle::Monospace).max(ui.text_style_height(&TextStyle::Body)) + 4.0;
    let mut area = ScrollArea::both().auto_shrink([false, false]).id_salt("source");
    if let Some(at) = editor.reveal.iter().position(|&r| r == Reveal::SourceLine) {
        editor.reveal.remove(at);
        let spacing = ui.spacing().item_spacing.y;
        let top = (editor.selection.line as f32 * (row_height + spacing) - 3.0 * row_height).max(0.0);
        area = area.vertical_scroll_offset(top);
    }
    let mut clicked = None;
    let mut command = None;
    area.show_rows(ui, row_height, line_count, |ui, rows| {
        for line in rows {
            row(ui, editor, page_index, line, row_height, &mut clicked, &mut command);
        }
    });
    if let Some(line) = clicked {
        editor.select_line(page_index, line);
    }
    if let Some(command) = command {
        editor.run(command);
    }
}

fn page_picker(ui: &mut Ui, editor: &mut Editor) {
    let pages = &editor.document.edition.pages;
    if pages.len() < 2 {
        return;
    }
    let lang = editor.lang;
    let current = editor.selection.page;
    let mut chosen = current;
    egui::ComboBox::from_id_salt("page")
        .selected_text(format!("{} {}: {}", Word::Page.get(lang), current + 1, pages[current].name))
        .show_ui(ui, |ui| {
            for (index, page) in pages.iter().enumerate() {
                ui.selectable_value(
                    &mut chosen,
                    index,
                    format!("{} {}: {}", Word::Page.get(lang), index + 1, page.name),
                );
            }
        });
    if chosen != current {
        editor.select_line(chosen, 0);
        editor.reveal.push(Reveal::SourceLine);
    }
}

/// How a blank line is announced: "line 24, blank" / "第24行（空行）".
fn blank_line_name(lang: super::i18n::Lang, number: usize) -> String {
    match lang {
        super::i18n::Lang::En => format!("line {number}, blank"),
        super::i18n::Lang::ZhHans => format!("第{number}行（空行）"),
    }
}

fn row(
    ui: &mut Ui,
    editor: &Editor,
    page_index: usize,
    line: usize,
    row_height: f32,
    clicked: &mut Option<usize>,
    command: &mut Option<Command>,
) {
    let lang = editor.lang;
    let page = &editor.document.edition.pages[page_index];
    let text = page.line(line);
    let owner = editor.line_map().owner(page_index, line);
    let selected_line = editor.selection.page == page_index && editor.selection.line == line;
    let in_selected = owner.is_some_and(|o| o.article.is_some() && o.article == editor.selection.article);
    ui.horizontal(|ui| {
        ui.set_height(row_height);
        ui.add_sized(
            vec2(36.0, row_height),
            egui::Label::new(RichText::new(format!("{}", line + 1)).monospace().weak()),
        );
        let (band, _) = ui.allocate_exact_size(vec2(6.0, row_height), Sense::hover());
        if let Some(owner) = owner.filter(|o| o.article.is_some()) {
            let strength = if in_selected { 1.0 } else { 0.55 };
            ui.painter().rect_filled(band, 1.0, palette::band(owner.order).gamma_multiply(strength));
        }
        let tag = owner.map_or("", |o| role_word(o.role).get(lang));
        ui.add_sized(vec2(44.0, row_height), egui::Label::new(RichText::new(tag).small().weak()));
        let mut rich = RichText::new(text);
        if owner.is_some_and(|o| o.role.is_set_aside()) {
            rich = rich.weak();
        } else if owner.is_some_and(|o| matches!(o.role, Role::Headline | Role::Kicker | Role::Subheadline)) {
            rich = rich.strong();
        }
        let response = ui
            .add(egui::Button::selectable(selected_line || in_selected && text.is_empty(), rich).truncate());
        if text.trim().is_empty() {
            // A blank line still needs a name for screen readers.
            let name = blank_line_name(lang, line + 1);
            response
                .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected_line, &name));
        }
        if response.clicked() || response.secondary_clicked() {
            *clicked = Some(line);
        }
        if let Some(owner) = owner {
            response.clone().on_hover_text(format!(
                "{} — {}",
                role_word(owner.role).get(lang),
                owner.cue.describe()
            ));
        }
        if selected_line && editor.reveal.contains(&Reveal::SourceLine) {
            response.scroll_to_me(Some(Align::Center));
        }
        response.context_menu(|ui| {
            let roles = ROLES.map(Command::SetRole);
            let commands = Command::SPLIT.iter().chain(&roles).chain(&[Command::SwapKickerHeadline]).copied();
            for candidate in commands {
                if ui.button(candidate.label(lang)).clicked() {
                    *command = Some(candidate);
                    ui.close();
                }
            }
        });
    });
}
