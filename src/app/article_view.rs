//! The selected article: its title fields and paragraphs, editable in
//! place, or (with the diff toggled) its corrected text against the source.
//! Typing goes into a draft; leaving the field commits it as one undoable
//! correction anchored in the source.

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, ScrollArea, TextEdit, TextFormat, Ui};

use super::commands::role_word;
use super::diff_cache::BlockDiff;
use super::editor::Editor;
use super::i18n::Word;
use super::palette;
use crate::edit::render_block;
use crate::model::Role;
use crate::text::diff::Tag;

/// Shows the selected article.
pub fn show(ui: &mut Ui, editor: &mut Editor) {
    let lang = editor.lang;
    let Some(article) = editor.selection.article else {
        ui.label(Word::NoArticle.get(lang));
        return;
    };
    let place = editor.outline_entry(article).place;
    ui.horizontal(|ui| {
        ui.heading(format!("{} {article}", Word::Article.get(lang)));
        ui.label(RichText::new(place).weak());
    });
    ui.separator();
    ScrollArea::vertical().id_salt("article").auto_shrink([false, false]).show(ui, |ui| {
        if editor.show_diff {
            diff(ui, editor);
        } else {
            fields(ui, editor);
        }
    });
}

fn fields(ui: &mut Ui, editor: &mut Editor) {
    let lang = editor.lang;
    let mut commit = None;
    let mut cursor = None;
    let mut seen_headline = false;
    for index in editor.selected_blocks().to_vec() {
        let block = editor.document.split.blocks[index].clone();
        let word = match block.role {
            Role::Kicker if seen_headline => Word::Rubric,
            role => role_word(role),
        };
        seen_headline |= block.role == Role::Headline;
        let key = (block.page, block.range.start);
        let rendered = || render_block(&editor.document.edition, &editor.document.corrections, &block).text;
        let mut text = editor.drafts.get(&key).cloned().unwrap_or_else(rendered);
        // The block holding the line selected in the source is marked.
        let at_selection =
            editor.line_map().owner(editor.selection.page, editor.selection.line).map(|o| o.block)
                == Some(index);
        let mut caption = RichText::new(word.get(lang)).small();
        caption = if at_selection {
            caption.strong().color(ui.visuals().selection.stroke.color)
        } else {
            caption.weak()
        };
        let label = ui.label(caption);
        let title = !matches!(block.role, Role::Body | Role::Caption);
        let edit = if title {
            TextEdit::singleline(&mut text).font(egui::TextStyle::Heading).desired_width(f32::INFINITY)
        } else {
            TextEdit::multiline(&mut text).desired_rows(1).desired_width(f32::INFINITY)
        };
        let output = edit.id_salt(("block", key)).show(ui);
        let response = output.response.response.clone().labelled_by(label.id);
        if response.has_focus() {
            cursor = output.cursor_range.map(|range| (index, range.primary.index.0));
        }
        if response.changed() {
            editor.drafts.insert(key, text.clone());
        }
        if response.lost_focus() {
            commit = Some((index, key));
        }
    }
    if let Some(entry) = editor.selection.article.map(|a| editor.outline_entry(a)) {
        let has_byline_block =
            editor.selected_blocks().iter().any(|&i| editor.document.split.blocks[i].role == Role::Byline);
        if let (false, Some(byline)) = (has_byline_block, entry.byline) {
            ui.label(
                RichText::new(format!(
                    "{}: {byline} ({})",
                    Word::Byline.get(lang),
                    Word::FromDateline.get(lang)
                ))
                .weak(),
            );
        }
    }
    if cursor.is_some() {
        editor.cursor = cursor;
    }
    if let Some((index, key)) = commit
        && let Some(text) = editor.drafts.remove(&key)
    {
        editor.commit_text(index, &text);
    }
}

/// Each block's corrected text against its source, character by character
/// (coarser for long corrections); the diffs are computed once per change.
fn diff(ui: &mut Ui, editor: &mut Editor) {
    let lang = editor.lang;
    ui.label(RichText::new(Word::DiffTitle.get(lang)).strong());
    let mut any = false;
    for index in editor.selected_blocks().to_vec() {
        let Some(block_diff) = editor.block_diff(index) else { continue };
        any = true;
        let role = editor.document.split.blocks[index].role;
        ui.label(RichText::new(role_word(role).get(lang)).small().weak());
        ui.label(diff_job(ui, &block_diff));
    }
    if !any {
        ui.label(Word::NoChanges.get(lang));
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
                let background = palette::DELETED.gamma_multiply(0.15);
                (&block_diff.source[run.old.clone()], palette::DELETED, background, true)
            }
            Tag::Insert => {
                let background = palette::INSERTED.gamma_multiply(0.15);
                (&block_diff.corrected[run.new.clone()], palette::INSERTED, background, false)
            }
        };
        let mut format = TextFormat { font_id: font.clone(), color, background, ..Default::default() };
        if strike {
            format.strikethrough = egui::Stroke::new(1.0, palette::DELETED);
        }
        job.append(text, 0.0, format);
    }
    job
}
