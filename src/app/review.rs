//! Review in the window: the suspects (computed off the window's thread
//! by [`SuspectWatch`]), walked with F8 and Shift+F8, accepted (Alt+A, one
//! correction) or dismissed (Alt+D, remembered in the document); and the
//! bar above the article naming the suspect walked to.

use egui::{RichText, Ui};

use super::Action;
use super::highlights::{Highlights, Mark};
use super::i18n::{Lang, Word};
use crate::edit::{Edit, Revision};
use crate::session::{Editor, SuspectWatch};
use crate::suspects::{Kind, Suspect, accept_all};

/// Where the suspect walked to is: page, source start, proposal. Kept
/// across recomputations, which renumber the suspects.
type Anchor = (usize, usize, String);

/// The review state of the window.
#[derive(Default)]
pub struct Review {
    watch: SuspectWatch,
    current: Option<Anchor>,
    /// Marks for one result and one current suspect.
    highlights: Option<((Revision, Option<Anchor>), Highlights)>,
}

impl Review {
    /// Takes finished suspects and starts a computation after a change;
    /// true while one runs.
    pub fn poll(&mut self, editor: &Editor) -> bool {
        self.watch.poll(editor)
    }

    /// Waits for the suspects of the document as it is (tests).
    pub fn wait(&mut self, editor: &Editor) {
        self.watch.wait(editor);
    }

    /// The suspects left, once computed (the last result while a new one
    /// is computed).
    pub fn suspects_left(&self) -> Option<usize> {
        self.watch.latest().map(|f| f.suspects.len())
    }

    /// The suspect walked to, if it is still flagged.
    pub fn current(&self) -> Option<&Suspect> {
        let (page, start, suggestion) = self.current.as_ref()?;
        let flagged = self.watch.latest()?;
        flagged
            .suspects
            .iter()
            .find(|s| (s.page, s.source.start) == (*page, *start) && &s.suggestion == suggestion)
    }

    /// Walks to the next (or previous) suspect after the current one, or
    /// after the selected line; its page and line.
    pub fn step(&mut self, editor: &Editor, forward: bool) -> Option<(usize, usize)> {
        let flagged = self.watch.latest()?;
        let suspects = &flagged.suspects;
        if suspects.is_empty() {
            self.current = None;
            return None;
        }
        let here = match &self.current {
            Some((page, start, _)) => (*page, *start),
            None => {
                let selection = editor.selection();
                let page = &editor.document().edition.pages[selection.page];
                let start = page.lines.content(selection.line.min(page.line_count().saturating_sub(1))).start;
                // Before the selected line, so that its own suspects come first.
                (selection.page, start.saturating_sub(usize::from(forward)))
            }
        };
        let key = |s: &Suspect| (s.page, s.source.start);
        let index = if forward {
            suspects.iter().position(|s| key(s) > here).unwrap_or(0)
        } else {
            suspects.iter().rposition(|s| key(s) < here).unwrap_or(suspects.len() - 1)
        };
        let suspect = &suspects[index];
        self.current = Some((suspect.page, suspect.source.start, suspect.suggestion.clone()));
        Some((suspect.page, suspect.line))
    }

    /// The edit accepting the suspect walked to (waiting for the suspects
    /// of the document as it is, whose ranges match it).
    pub fn accept(&mut self, editor: &Editor) -> Option<(Edit, String)> {
        self.watch.wait(editor);
        let suspect = self.current()?.clone();
        let flagged = self.watch.current(editor)?;
        let edit = suspect.accept(editor.document(), &flagged.haystack).ok()??;
        Some((edit, format!("{} → {}", suspect.found, suspect.suggestion)))
    }

    /// The edit accepting, as one step, every suspect of the walked-to
    /// suspect's kind in its article; with how many and which kind.
    /// Only kinds whose proposals are sure enough to take unseen: broken
    /// words (the whole word is known, its parts are not) and the editor's
    /// own series; a guessed spelling or look-alike is checked one by one.
    pub fn accept_kind_in_article(&mut self, editor: &Editor) -> Option<(Edit, usize, Kind)> {
        self.watch.wait(editor);
        let current = self.current()?.clone();
        if !accepted_in_bulk(current.kind) {
            return None;
        }
        let flagged = self.watch.current(editor)?;
        let alike: Vec<Suspect> = flagged
            .suspects
            .iter()
            .filter(|s| s.article == current.article && s.kind == current.kind)
            .cloned()
            .collect();
        let edit = accept_all(editor.document(), &flagged.haystack, &alike).ok()??;
        Some((edit, alike.len(), current.kind))
    }

    /// The edit dismissing the suspect walked to.
    pub fn dismiss(&self) -> Option<(Edit, String)> {
        let suspect = self.current()?;
        Some((suspect.dismiss(), format!("{} → {}", suspect.found, suspect.suggestion)))
    }

    /// The marks of the suspects, the one walked to stronger, as last
    /// worked out by [`Review::update_highlights`].
    pub fn highlights(&self) -> Option<&Highlights> {
        self.highlights.as_ref().map(|(_, h)| h)
    }

    /// Works out the marks again if the suspects or the one walked to changed.
    pub fn update_highlights(&mut self, editor: &Editor) {
        let Some(flagged) = self.watch.latest().cloned() else { return };
        let key = (flagged.revision, self.current.clone());
        if self.highlights.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut marks = Highlights::default();
            // Ranges of an older revision would mark the wrong text.
            if flagged.revision == editor.revision() {
                let current = self.current().cloned();
                for suspect in &flagged.suspects {
                    let mark =
                        if Some(suspect) == current.as_ref() { Mark::CurrentSuspect } else { Mark::Suspect };
                    let place = flagged.haystack.locate(&suspect.range);
                    if let Some(place) = place {
                        marks.add(editor.document(), Some(&flagged.haystack), &place, &suspect.range, mark);
                    }
                }
            }
            self.highlights = Some((key, marks));
        }
    }

    /// The bar above the article: the suspect walked to, with Accept and
    /// Dismiss, or how many are left.
    pub fn bar(&self, ui: &mut Ui, lang: Lang, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            let Some(suspect) = self.current() else {
                match self.suspects_left() {
                    None => ui.label(RichText::new(Word::Flagging.get(lang)).weak()),
                    Some(0) => ui.label(RichText::new(Word::NoSuspects.get(lang)).weak()),
                    Some(n) => {
                        ui.label(RichText::new(format!("{} · {n} (F8)", Word::Suspect.get(lang))).weak())
                    }
                };
                return;
            };
            ui.label(RichText::new(format!("{}:", Word::Suspect.get(lang))).strong());
            ui.label(RichText::new(format!("{} → {}", suspect.found, suspect.suggestion)).strong());
            let place = format!(
                "({}, p{}:{})",
                kind_word(suspect.kind).get(lang),
                suspect.page + 1,
                suspect.line + 1
            );
            ui.label(RichText::new(place).weak());
            if ui.button(Word::Accept.get(lang)).on_hover_text("Alt+A").clicked() {
                actions.push(Action::run("accept_suspect"));
            }
            if ui.button(Word::Dismiss.get(lang)).on_hover_text("Alt+D").clicked() {
                actions.push(Action::run("dismiss_suspect"));
            }
            if accepted_in_bulk(suspect.kind)
                && ui.button(Word::AcceptAlike.get(lang)).on_hover_text("Alt+Shift+A").clicked()
            {
                actions.push(Action::run("accept_alike_suspects"));
            }
            if suspect.kind == Kind::Series {
                ui.label(RichText::new(Word::SeriesHint.get(lang)).small().weak());
            }
        });
    }
}

/// A suspect's kind, in the window's words.
pub fn kind_word(kind: Kind) -> Word {
    match kind {
        Kind::Series => Word::KindSeries,
        Kind::LookAlike => Word::KindLookAlike,
        Kind::Broken => Word::KindBroken,
        Kind::Unknown => Word::KindUnknown,
    }
}

/// True for the kinds of suspect an editor may accept a whole article of
/// at once (see [`Review::accept_kind_in_article`]).
pub fn accepted_in_bulk(kind: Kind) -> bool {
    matches!(kind, Kind::Broken | Kind::Series)
}
