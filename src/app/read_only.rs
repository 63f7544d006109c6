//! A saved document shown as it was saved, without editing: because its
//! sources cannot be used (every article with its corrected text, and what
//! is wrong), or because someone else has it open (who, since when, and
//! Edit anyway).

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::display_name;
use super::i18n::{Lang, Word, time_ago};
use crate::edit::Document;
use crate::store::{DiskStamp, LockNote, SavedDocument, SourceProblem};

/// A document shown read-only.
pub struct ReadOnly {
    /// The document (or recovery file).
    pub path: PathBuf,
    /// What it holds.
    pub saved: SavedDocument,
    /// Why its sources cannot be used, if that is why.
    pub problems: Vec<SourceProblem>,
    /// Who has it open, if that is why.
    pub locked_by: Option<LockNote>,
    /// The editable document and its file's stamp, for Edit anyway.
    pub editable: Option<Box<(Document, Option<DiskStamp>)>>,
}

impl ReadOnly {
    /// `saved`, read from `path`, shown read-only because of `problems`.
    pub fn new(path: PathBuf, saved: SavedDocument, problems: Vec<SourceProblem>) -> Self {
        Self { path, saved, problems, locked_by: None, editable: None }
    }

    /// Shows it; true when the editor clicked Edit anyway.
    pub fn show(&self, ui: &mut Ui, lang: Lang) -> bool {
        let warn = ui.visuals().warn_fg_color;
        let mut edit_anyway = false;
        ui.heading(display_name(&self.path));
        if let Some(note) = &self.locked_by {
            ui.label(RichText::new(Word::LockedReadOnly.get(lang)).color(warn));
            ui.label(
                RichText::new(format!("{} · {} · {}", note.who(), time_ago(lang, note.since), note.program))
                    .strong(),
            );
            if self.editable.is_some() && ui.button(Word::EditAnyway.get(lang)).clicked() {
                edit_anyway = true;
            }
        }
        if !self.problems.is_empty() {
            ui.label(RichText::new(Word::ReadOnly.get(lang)).color(warn));
        }
        for problem in &self.problems {
            ui.label(RichText::new(problem.to_string()).color(warn));
        }
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.label(
                RichText::new(format!("{} ({})", Word::Corrections.get(lang), self.saved.corrections.len()))
                    .strong(),
            );
            for correction in &self.saved.corrections {
                ui.label(format!(
                    "p{} l{}: {} → {}",
                    correction.page, correction.line, correction.source, correction.text
                ));
            }
            ui.separator();
            for article in &self.saved.articles {
                for line in [&article.text.kicker, &article.text.headline, &article.text.subheadline]
                    .into_iter()
                    .flatten()
                {
                    ui.heading(line);
                }
                if let Some(byline) = &article.text.byline {
                    ui.label(RichText::new(byline).italics());
                }
                for paragraph in &article.text.paragraphs {
                    ui.label(paragraph);
                }
                ui.separator();
            }
        });
        edit_anyway
    }
}
