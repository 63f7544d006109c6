//! A saved document shown as it was saved, without editing: because its
//! sources cannot be used (every article with its corrected text, and what
//! is wrong), or because someone else has it open (who, since when, and
//! Edit anyway).

use egui::{RichText, Ui};

use super::Action;
use super::i18n::{Lang, Word, time_ago};
use crate::session::{ReadOnly, Why, display_name};
use crate::store::SavedDocument;

/// Shows `read_only`; Edit anyway becomes an action.
pub fn show(ui: &mut Ui, read_only: &ReadOnly, lang: Lang, actions: &mut Vec<Action>) {
    let warn = ui.visuals().warn_fg_color;
    ui.heading(display_name(&read_only.path));
    match &read_only.why {
        Why::Locked { by, .. } => {
            ui.label(RichText::new(Word::LockedReadOnly.get(lang)).color(warn));
            let who = format!("{} · {} · {}", by.who(), time_ago(lang, by.since), by.program);
            ui.label(RichText::new(who).strong());
            if ui.button(Word::EditAnyway.get(lang)).clicked() {
                actions.push(Action::EditAnyway);
            }
        }
        Why::Sources(problems) => {
            ui.label(RichText::new(Word::ReadOnly.get(lang)).color(warn));
            for problem in problems {
                ui.label(RichText::new(problem.to_string()).color(warn));
            }
        }
    }
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| saved(ui, &read_only.saved, lang));
}

/// The corrections and the articles' text, as saved.
fn saved(ui: &mut Ui, saved: &SavedDocument, lang: Lang) {
    ui.label(
        RichText::new(format!("{} ({})", Word::Corrections.get(lang), saved.corrections.len())).strong(),
    );
    for correction in &saved.corrections {
        ui.label(format!(
            "p{} l{}: {} → {}",
            correction.page, correction.line, correction.source, correction.text
        ));
    }
    ui.separator();
    for article in &saved.articles {
        let titles = [&article.text.kicker, &article.text.headline, &article.text.subheadline];
        for line in titles.into_iter().flatten() {
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
}
