//! The offer, at start-up, to recover work a crashed session left: what
//! each recovery file holds (its document, when it was written, its
//! corrections), and Recover, Decide later or Discard. Nothing is deleted
//! unless the editor says so twice.

use egui::RichText;

use super::i18n::{Lang, Word, time_ago};
use crate::recovery::{DamagedRecovery, Orphan};

/// How many corrections of each recovery file are listed.
const SHOWN_CORRECTIONS: usize = 8;

/// The recovery files on offer, claimed while the offer is open.
pub struct RecoveryOffer {
    /// Readable ones, newest first.
    pub orphans: Vec<Orphan>,
    /// Unreadable ones.
    pub damaged: Vec<DamagedRecovery>,
    /// The entry whose Discard was clicked once: (damaged?, index).
    confirming: Option<(bool, usize)>,
}

/// What the editor chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferChoice {
    /// Recover the n-th orphan.
    Recover(usize),
    /// Delete the n-th orphan.
    Discard(usize),
    /// Delete the n-th damaged file.
    DiscardDamaged(usize),
    /// Close the offer, keeping every file.
    Later,
}

impl RecoveryOffer {
    /// An offer of `orphans` and `damaged`, or `None` when there is nothing.
    pub fn new(orphans: Vec<Orphan>, damaged: Vec<DamagedRecovery>) -> Option<Self> {
        (!orphans.is_empty() || !damaged.is_empty()).then_some(Self { orphans, damaged, confirming: None })
    }

    /// Shows the offer; returns the editor's choice, once.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<OfferChoice> {
        let mut clicks = Clicks { confirming: self.confirming, choice: None, first_discard: None };
        egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(Word::RecoveryTitle.get(lang));
            ui.label(Word::RecoveryBody.get(lang));
            ui.separator();
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                for (index, orphan) in self.orphans.iter().enumerate() {
                    orphan_entry(ui, lang, index, orphan, &mut clicks);
                    ui.separator();
                }
                for (index, damaged) in self.damaged.iter().enumerate() {
                    ui.label(RichText::new(Word::DamagedRecovery.get(lang)).strong());
                    ui.label(RichText::new(damaged.error.to_string()).color(ui.visuals().warn_fg_color));
                    clicks.discard_button(ui, lang, (true, index));
                    ui.separator();
                }
            });
            if ui.button(Word::DecideLater.get(lang)).clicked() {
                clicks.choice = Some(OfferChoice::Later);
            }
        });
        if let Some(entry) = clicks.first_discard {
            self.confirming = Some(entry);
        }
        if clicks.choice.is_some() {
            self.confirming = None;
        }
        clicks.choice
    }
}

/// What was clicked in one frame of the offer.
struct Clicks {
    confirming: Option<(bool, usize)>,
    choice: Option<OfferChoice>,
    first_discard: Option<(bool, usize)>,
}

impl Clicks {
    /// Discard, then "Discard for good" on the second click.
    fn discard_button(&mut self, ui: &mut egui::Ui, lang: Lang, entry: (bool, usize)) {
        let confirming = self.confirming == Some(entry);
        let word = if confirming { Word::DiscardForGood } else { Word::Discard };
        let text = RichText::new(word.get(lang));
        let text = if confirming { text.color(ui.visuals().warn_fg_color) } else { text };
        if ui.button(text).clicked() {
            match (confirming, entry) {
                (true, (false, index)) => self.choice = Some(OfferChoice::Discard(index)),
                (true, (true, index)) => self.choice = Some(OfferChoice::DiscardDamaged(index)),
                (false, entry) => self.first_discard = Some(entry),
            }
        }
    }
}

fn orphan_entry(ui: &mut egui::Ui, lang: Lang, index: usize, orphan: &Orphan, clicks: &mut Clicks) {
    let file = &orphan.file;
    ui.label(RichText::new(&file.title).strong());
    let place = file
        .document_path
        .as_ref()
        .map_or_else(|| Word::NeverSaved.get(lang).to_owned(), |p| p.display().to_string());
    ui.label(RichText::new(place).monospace());
    ui.label(format!(
        "{} {} · {}: {} · {}: {}",
        Word::Written.get(lang),
        time_ago(lang, file.written_at),
        Word::Articles.get(lang),
        file.document.articles.len(),
        Word::Corrections.get(lang),
        file.document.corrections.len(),
    ));
    for correction in file.document.corrections.iter().take(SHOWN_CORRECTIONS) {
        let change = match (correction.source.is_empty(), correction.text.is_empty()) {
            (false, true) => format!("−{}", shortened(&correction.source)),
            (true, _) => format!("+{}", shortened(&correction.text)),
            (false, false) => format!("{} → {}", shortened(&correction.source), shortened(&correction.text)),
        };
        ui.label(RichText::new(format!("p{} l{}: {change}", correction.page, correction.line)).small());
    }
    if file.document.corrections.len() > SHOWN_CORRECTIONS {
        ui.label(RichText::new("…").small());
    }
    ui.horizontal(|ui| {
        if ui.button(Word::Recover.get(lang)).clicked() {
            clicks.choice = Some(OfferChoice::Recover(index));
        }
        clicks.discard_button(ui, lang, (false, index));
    });
}

/// At most 40 characters of a correction, on one line.
fn shortened(text: &str) -> String {
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    match line.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}
