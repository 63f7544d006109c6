//! The selected article: its title fields and paragraphs, editable in
//! place, or (with the diff toggled, F7) its corrected text against the
//! source. Typing is reported as it happens ([`Action::Type`]); leaving
//! the field commits it as one undoable correction anchored in the
//! source. The paragraph holding the line selected in the source is
//! framed, and brought into view when the selection changes.

use std::collections::HashMap;

use egui::text::LayoutJob;
use egui::{Align, Color32, FontId, Frame, RichText, ScrollArea, Stroke, TextEdit, TextFormat, Ui};

use super::Action;
use super::colours;
use super::diff_cache::{BlockDiff, DiffCache};
use super::highlights::{Layers, marked_job};
use super::i18n::{Lang, Word, role_word};
use super::outline::Entries;
use crate::edit::{Revision, render_block_text};
use crate::model::Role;
use crate::session::Editor;
use crate::text::diff::Tag;

/// The article panel's own state.
#[derive(Default)]
pub struct ArticleView {
    show_diff: bool,
    /// The block being typed in and the text cursor's character index.
    cursor: Option<(usize, usize)>,
    /// Bring the selected line's paragraph into view on the next frame.
    reveal: bool,
    /// The block framed as holding the selected line, last frame.
    marked: Option<usize>,
    diffs: DiffCache,
    /// Each block's text, for one revision of the document.
    texts: (Option<Revision>, HashMap<usize, String>),
    entries: Entries,
}

impl ArticleView {
    /// Shows or hides the corrections against the source (F7).
    pub fn toggle_diff(&mut self) {
        self.show_diff = !self.show_diff;
    }

    /// True while the corrections against the source are shown.
    pub fn show_diff(&self) -> bool {
        self.show_diff
    }

    /// The block being typed in and the text cursor's character index.
    pub fn cursor(&self) -> Option<(usize, usize)> {
        self.cursor
    }

    /// How many block diffs were computed so far (once per block and
    /// revision of the document, however many frames show them).
    pub fn diffs_computed(&self) -> u64 {
        self.diffs.computed()
    }

    /// The block framed last frame as holding the line selected in the source.
    pub fn marked(&self) -> Option<usize> {
        self.marked
    }

    /// Brings the selected line's paragraph into view on the next frame.
    pub fn reveal(&mut self) {
        self.reveal = true;
    }

    /// Shows the selected article.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        editor: &Editor,
        marks: &Layers<'_>,
        lang: Lang,
        actions: &mut Vec<Action>,
    ) {
        let Some(article) = editor.selection().article else {
            ui.label(Word::NoArticle.get(lang));
            return;
        };
        let place = self.entries.get(editor, article).place.clone();
        ui.horizontal(|ui| {
            ui.heading(format!("{} {article}", Word::Article.get(lang)));
            ui.label(RichText::new(place).weak());
        });
        ui.separator();
        let reveal = std::mem::take(&mut self.reveal);
        ScrollArea::vertical().id_salt("article").auto_shrink([false, false]).show(ui, |ui| {
            if self.show_diff {
                self.diff(ui, editor, lang);
            } else {
                self.fields(ui, editor, marks, lang, reveal, actions);
            }
        });
    }

    fn fields(
        &mut self,
        ui: &mut Ui,
        editor: &Editor,
        marks: &Layers<'_>,
        lang: Lang,
        reveal: bool,
        actions: &mut Vec<Action>,
    ) {
        let mut seen_headline = false;
        let selected_block = editor.selected_block();
        self.marked = None;
        // The cursor is only kept while a field has the keyboard.
        let mut cursor = None;
        for &index in editor.selected_blocks() {
            let block = &editor.document().split.blocks[index];
            let word = match block.role {
                Role::Kicker if seen_headline => Word::Rubric,
                role => role_word(role),
            };
            seen_headline |= block.role == Role::Headline;
            let typed = editor.typing().filter(|t| t.page == block.page && t.start == block.range.start);
            let mut text = match typed {
                Some(typing) => typing.text.clone(),
                None => self.text_of(editor, index).to_owned(),
            };
            let marked = selected_block == Some(index);
            let title = !matches!(block.role, Role::Body | Role::Caption);
            let frame = if marked {
                let selection = ui.visuals().selection;
                Frame::group(ui.style())
                    .stroke(Stroke::new(2.0, selection.stroke.color))
                    .fill(selection.bg_fill.gamma_multiply(0.25))
            } else {
                Frame::NONE.inner_margin(6)
            };
            let shown = frame.show(ui, |ui| {
                let mut caption = RichText::new(word.get(lang)).small();
                caption = if marked {
                    caption.strong().color(ui.visuals().selection.stroke.color)
                } else {
                    caption.weak()
                };
                let label = ui.label(caption);
                let style = if title { egui::TextStyle::Heading } else { egui::TextStyle::Body };
                let font = style.resolve(ui.style());
                let colour = ui.visuals().text_color();
                // Hits and suspects are marked while the text is as rendered.
                let marked = if typed.is_none() { marks.in_block(index) } else { Vec::new() };
                let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap: f32| {
                    let job = marked_job(buffer.as_str(), &marked, font.clone(), colour, wrap);
                    ui.fonts_mut(|f| f.layout_job(job))
                };
                let mut edit = if title {
                    TextEdit::singleline(&mut text).font(style).desired_width(f32::INFINITY)
                } else {
                    TextEdit::multiline(&mut text).desired_rows(1).desired_width(f32::INFINITY)
                };
                if !marked.is_empty() {
                    edit = edit.layouter(&mut layouter);
                }
                let output = edit.id_salt(("block", block.page, block.range.start)).show(ui);
                (output.response.response.clone().labelled_by(label.id), output.cursor_range)
            });
            let (response, cursor_range) = shown.inner;
            if marked {
                self.marked = Some(index);
            }
            if marked && reveal {
                shown.response.scroll_to_me(Some(Align::Center));
            }
            if response.has_focus() {
                cursor = cursor_range.map(|range| (index, range.primary.index.0));
            }
            if response.changed() {
                actions.push(Action::Type { page: block.page, start: block.range.start, text });
            }
            if response.lost_focus() {
                actions.push(Action::LeaveField);
            }
        }
        self.cursor = cursor;
        self.dateline_byline(ui, editor, lang);
    }

    /// Block `index`'s corrected text, computed once per revision.
    fn text_of(&mut self, editor: &Editor, index: usize) -> &str {
        let (revision, texts) = &mut self.texts;
        if *revision != Some(editor.revision()) {
            *revision = Some(editor.revision());
            texts.clear();
        }
        texts.entry(index).or_insert_with(|| {
            let document = editor.document();
            render_block_text(&document.edition, &document.corrections, &document.split.blocks[index])
        })
    }

    /// The byline taken from the dateline's brackets, when no block is one.
    fn dateline_byline(&mut self, ui: &mut Ui, editor: &Editor, lang: Lang) {
        let Some(article) = editor.selection().article else { return };
        let blocks = &editor.document().split.blocks;
        if editor.selected_blocks().iter().any(|&i| blocks[i].role == Role::Byline) {
            return;
        }
        if let Some(byline) = &self.entries.get(editor, article).byline {
            let text = format!("{}: {byline} ({})", Word::Byline.get(lang), Word::FromDateline.get(lang));
            ui.label(RichText::new(text).weak());
        }
    }

    /// Each block's corrected text against its source, character by
    /// character (coarser for long corrections); computed once per revision.
    fn diff(&mut self, ui: &mut Ui, editor: &Editor, lang: Lang) {
        ui.label(RichText::new(Word::DiffTitle.get(lang)).strong());
        let mut any = false;
        for &index in editor.selected_blocks() {
            let Some(block_diff) = self.diffs.get(editor.document(), editor.revision(), index) else {
                continue;
            };
            any = true;
            let role = editor.document().split.blocks[index].role;
            ui.label(RichText::new(role_word(role).get(lang)).small().weak());
            ui.label(diff_job(ui, &block_diff));
        }
        if !any {
            ui.label(Word::NoChanges.get(lang));
        }
    }
}

fn diff_job(ui: &Ui, block_diff: &BlockDiff) -> LayoutJob {
    let font = FontId::proportional(ui.text_style_height(&egui::TextStyle::Body));
    let plain = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    for run in &block_diff.runs {
        let (text, color, background, strike) = match run.tag {
            Tag::Equal => (&block_diff.source[run.old.clone()], plain, Color32::TRANSPARENT, false),
            Tag::Delete => {
                let background = colours::DELETED.gamma_multiply(0.15);
                (&block_diff.source[run.old.clone()], colours::DELETED, background, true)
            }
            Tag::Insert => {
                let background = colours::INSERTED.gamma_multiply(0.15);
                (&block_diff.corrected[run.new.clone()], colours::INSERTED, background, false)
            }
        };
        let mut format = TextFormat { font_id: font.clone(), color, background, ..Default::default() };
        if strike {
            format.strikethrough = egui::Stroke::new(1.0, colours::DELETED);
        }
        job.append(text, 0.0, format);
    }
    job
}
