//! The raw source, exactly as OCR wrote it: line numbers, a coloured band
//! per article, noise dimmed, each block's role tagged and its reason on
//! hover. Long lines wrap, so every line can be read in full; a click
//! anywhere on a row (number, band, tag, text or blank space) selects it.
//!
//! Only the rows in view are laid out. Where a row starts is estimated
//! from each line's unwrapped width (measured once per page and text
//! size, see [`Heights`]), so a page of thousands of lines scrolls as
//! lightly as a short one; rows in view are drawn with their real height.

use egui::{Align2, Color32, FontId, Galley, Pos2, Rect, ScrollArea, Sense, TextStyle, Ui, vec2};
use std::sync::Arc;

use super::Action;
use super::colours;
use super::commands::COMMANDS;
use super::highlights::{Layers, Mark, marked_job};
use super::i18n::{Lang, Word, role_word};
use crate::model::Role;
use crate::session::{Editor, Owner};

/// Space above and below a row's text.
const PAD: f32 = 2.0;
/// The article band's width.
const BAND: f32 = 6.0;
/// Space between columns.
const GAP: f32 = 6.0;

/// The source panel's own state.
#[derive(Default)]
pub struct SourceView {
    /// Bring the selected line into view on the next frame.
    reveal: bool,
    heights: Heights,
    /// The scroll offset and the visible height, last frame.
    shown: Option<(f32, f32)>,
    /// How many rows were in view last frame (PageUp, PageDown).
    page_rows: usize,
}

/// Where the columns of a row are, for one frame.
struct Columns {
    number: f32,
    text_left: f32,
    text_width: f32,
    body: FontId,
    small: FontId,
    line_height: f32,
}

impl SourceView {
    /// Brings the selected line into view on the next frame.
    pub fn reveal(&mut self) {
        self.reveal = true;
    }

    /// How many source lines were in view last frame.
    pub fn page_rows(&self) -> usize {
        self.page_rows
    }

    /// Shows the page of the selected line.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        editor: &Editor,
        marks: &Layers<'_>,
        lang: Lang,
        actions: &mut Vec<Action>,
    ) {
        page_picker(ui, editor, lang, actions);
        let page = editor.selection().page;
        let Some(text) = editor.document().edition.pages.get(page).filter(|p| p.line_count() > 0) else {
            return;
        };
        let columns = columns(ui, text.line_count());
        let tops = self.heights.tops(ui, editor, page, &columns);
        let reveal = std::mem::take(&mut self.reveal);
        let selected = editor.selection().line.min(text.line_count() - 1);
        let mut area = ScrollArea::vertical().id_salt(("source", page)).auto_shrink([false, false]);
        let (top, bottom) = (tops[selected], tops[selected + 1]);
        let visible = self.shown.is_some_and(|(offset, height)| offset <= top && bottom <= offset + height);
        if reveal && !visible {
            let height = ui.available_height();
            area = area.vertical_scroll_offset((top - (height - (bottom - top)) / 2.0).max(0.0));
        }
        let total = *tops.last().unwrap_or(&0.0);
        let output = area.show_viewport(ui, |ui, viewport| {
            ui.spacing_mut().item_spacing.y = 0.0;
            ui.set_min_height(total);
            let origin = ui.max_rect().top();
            let first =
                tops.partition_point(|&t| t <= viewport.min.y).saturating_sub(1).min(text.line_count());
            ui.add_space(tops[first]);
            let mut drawn = 0_usize;
            for line in first..text.line_count() {
                if ui.cursor().top() - origin > viewport.max.y {
                    break;
                }
                let response = row(ui, editor, (page, line), &columns, marks, lang, actions);
                if reveal && line == selected {
                    response.scroll_to_me(None);
                }
                drawn += 1;
            }
            drawn
        });
        self.shown = Some((output.state.clamped_offset().y, output.inner_rect.height()));
        self.page_rows = output.inner.saturating_sub(1).max(1);
    }
}

/// The page picker of an edition of several pages.
fn page_picker(ui: &mut Ui, editor: &Editor, lang: Lang, actions: &mut Vec<Action>) {
    let pages = &editor.document().edition.pages;
    if pages.len() < 2 {
        return;
    }
    let current = editor.selection().page;
    let name = |index: usize| format!("{} {}: {}", Word::Page.get(lang), index + 1, pages[index].name);
    egui::ComboBox::from_id_salt("page").selected_text(name(current)).show_ui(ui, |ui| {
        for index in 0..pages.len() {
            if ui.selectable_label(index == current, name(index)).clicked() && index != current {
                actions.push(Action::SelectLine { page: index, line: 0 });
            }
        }
    });
}

/// The columns for a page of `lines` lines, at the current text size.
fn columns(ui: &Ui, lines: usize) -> Columns {
    let body = TextStyle::Body.resolve(ui.style());
    let small = TextStyle::Small.resolve(ui.style());
    let digits = lines.max(1).ilog10() as f32 + 1.0;
    let (digit, tag) = ui.fonts_mut(|f| {
        let widest_role = [Role::Advertisement, Role::Subheadline, Role::Headline, Role::Caption]
            .map(|r| role_word(r).get(Lang::En).chars().map(|c| f.glyph_width(&small, c)).sum::<f32>());
        (f.glyph_width(&small, '0'), widest_role.into_iter().fold(0.0, f32::max))
    });
    let number = digit * digits.max(3.0);
    let text_left = number + GAP + BAND + GAP + tag + GAP;
    let line_height = ui.fonts_mut(|f| f.row_height(&body));
    let text_width = (ui.available_width() - text_left - GAP).max(40.0);
    Columns { number, text_left, text_width, body, small, line_height }
}

/// Draws one row; the response covers all of it.
fn row(
    ui: &mut Ui,
    editor: &Editor,
    (page, line): (usize, usize),
    columns: &Columns,
    marks: &Layers<'_>,
    lang: Lang,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let text = editor.document().edition.pages[page].line(line);
    let owner = editor.line_map().owner(page, line);
    let selection = editor.selection();
    let selected = selection.page == page && selection.line == line;
    let in_article = owner.is_some_and(|o| o.article.is_some() && o.article == selection.article);
    let colour = text_colour(ui, owner, selected);
    let marked = marks.on_line(page, line);
    let galley = if marked.is_empty() {
        ui.painter().layout(text.to_owned(), columns.body.clone(), colour, columns.text_width)
    } else {
        let job = marked_job(text, &marked, columns.body.clone(), colour, columns.text_width);
        ui.painter().layout_job(job)
    };
    let height = galley.size().y.max(columns.line_height) + 2.0 * PAD;
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    let suspect = marks.has_suspect(page, line);
    let look = Look { line, selected, in_article, owner, hovered: response.hovered(), suspect };
    paint_row(ui, rect, &look, columns, galley, lang);
    let name = if text.trim().is_empty() { blank_line_name(lang, line + 1) } else { text.to_owned() };
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
    if response.clicked() || response.secondary_clicked() {
        actions.push(Action::SelectLine { page, line });
    }
    if let Some(owner) = owner {
        let why = format!("{} — {}", owner_word(owner).get(lang), owner.cue.describe());
        response.clone().on_hover_text(why);
    }
    response.context_menu(|ui| {
        for command in COMMANDS.iter().filter(|c| c.in_context_menu()) {
            if super::bars::command_button(ui, command, lang, true) {
                actions.push(Action::Command(command));
            }
        }
    });
    response
}

/// The text's colour: dimmed when set aside, strong for titles, the
/// selection's on the selected line.
fn text_colour(ui: &Ui, owner: Option<Owner>, selected: bool) -> Color32 {
    let visuals = ui.visuals();
    match owner.map(|o| o.role) {
        _ if selected => visuals.selection.stroke.color,
        Some(role) if role.is_set_aside() => visuals.weak_text_color(),
        Some(Role::Headline | Role::Kicker | Role::Subheadline) => visuals.strong_text_color(),
        _ => visuals.text_color(),
    }
}

/// What a row shows besides its text.
struct Look {
    line: usize,
    selected: bool,
    /// The line belongs to the selected article.
    in_article: bool,
    owner: Option<Owner>,
    hovered: bool,
    /// The line holds a suspect (a mark in the gutter).
    suspect: bool,
}

fn paint_row(ui: &Ui, rect: Rect, look: &Look, columns: &Columns, galley: Arc<Galley>, lang: Lang) {
    let Look { line, selected, in_article, owner, hovered, suspect } = *look;
    let painter = ui.painter();
    let visuals = ui.visuals();
    if selected {
        painter.rect_filled(rect, 2.0, visuals.selection.bg_fill);
    } else if hovered {
        painter.rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let left = rect.left();
    let top = rect.top() + PAD;
    let weak = if selected { visuals.selection.stroke.color } else { visuals.weak_text_color() };
    let number = Pos2::new(left + columns.number, top);
    painter.text(number, Align2::RIGHT_TOP, (line + 1).to_string(), columns.small.clone(), weak);
    if suspect {
        let centre = Pos2::new(left + 3.0, top + columns.line_height / 2.0);
        painter.circle_filled(centre, 3.0, Mark::CurrentSuspect.colour().to_opaque());
    }
    if let Some(owner) = owner.filter(|o| o.article.is_some()) {
        let band = Rect::from_min_size(
            Pos2::new(left + columns.number + GAP, rect.top()),
            vec2(BAND, rect.height()),
        );
        let strength = if in_article { 1.0 } else { 0.55 };
        painter.rect_filled(band, 1.0, colours::band(owner.order).gamma_multiply(strength));
    }
    if let Some(owner) = owner {
        let tag = Pos2::new(left + columns.number + GAP + BAND + GAP, top);
        let word = owner_word(owner).get(lang);
        painter.text(tag, Align2::LEFT_TOP, word, columns.small.clone(), weak);
    }
    painter.galley(Pos2::new(left + columns.text_left, top), galley, visuals.text_color());
}

/// What a line's role is called: a kicker after its article's headline is
/// its rubric, as the article view shows it.
fn owner_word(owner: Owner) -> Word {
    if owner.rubric { Word::Rubric } else { role_word(owner.role) }
}

/// How a blank line is announced: "line 24, blank" / "第24行（空行）".
fn blank_line_name(lang: Lang, number: usize) -> String {
    match lang {
        Lang::En => format!("line {number}, blank"),
        Lang::ZhHans => format!("第{number}行（空行）"),
    }
}

/// Where each row of a page starts, estimated for the current width and
/// text size: each line's unwrapped width is measured once per page and
/// text size, and rows of that width wrap into `ceil(width / text width)`
/// lines (word wrapping may add one: the rows in view are drawn with their
/// real height, so only the scroll position moves).
#[derive(Default)]
struct Heights {
    /// (page, body font size): each line's unwrapped width.
    widths: Option<((usize, u32), Vec<f32>)>,
    /// (text width, line height): each row's top, and the end.
    tops: Option<((u32, u32), Vec<f32>)>,
}

impl Heights {
    fn tops(&mut self, ui: &Ui, editor: &Editor, page: usize, columns: &Columns) -> &[f32] {
        let key = (page, columns.body.size.to_bits());
        if self.widths.as_ref().is_none_or(|(k, _)| *k != key) {
            let text = &editor.document().edition.pages[page];
            let widths = ui.fonts_mut(|f| {
                (0..text.line_count())
                    .map(|l| text.line(l).chars().map(|c| f.glyph_width(&columns.body, c)).sum())
                    .collect()
            });
            self.widths = Some((key, widths));
            self.tops = None;
        }
        let layout = (columns.text_width.to_bits(), columns.line_height.to_bits());
        if self.tops.as_ref().is_none_or(|(k, _)| *k != layout) {
            let widths = self.widths.as_ref().map_or(&[][..], |(_, w)| w.as_slice());
            let mut top = 0.0;
            let mut tops = Vec::with_capacity(widths.len() + 1);
            for &width in widths {
                tops.push(top);
                let lines = (width / columns.text_width).ceil().max(1.0);
                top += lines * columns.line_height + 2.0 * PAD;
            }
            tops.push(top);
            self.tops = Some((layout, tops));
        }
        self.tops.as_ref().map_or(&[], |(_, t)| t.as_slice())
    }
}
