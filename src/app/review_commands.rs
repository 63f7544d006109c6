//! What the review commands of the table do in the window: find and step
//! through hits, replace the checked ones, walk, accept and dismiss
//! suspects, and mark an article reviewed.

use super::EditorApp;
use super::i18n::Word;
use super::review::{accepted_in_bulk, kind_word};
use crate::edit::Edit;
use crate::session::next_unreviewed;

impl EditorApp {
    /// Applies `edit` as one undoable step named `label`, and says so.
    fn apply_named(&mut self, edit: Edit, label: String) {
        if let Some(editor) = self.workspace.editor_mut() {
            editor.apply(edit, label.clone());
        }
        self.chrome.status = Some(label);
    }

    /// F3 / Shift+F3: the next or previous hit, opening the panel if needed.
    pub(super) fn find_step(&mut self, forward: bool) {
        if !self.panels.find.is_open() {
            self.panels.find.open(false, None);
        }
        if let Some(editor) = self.workspace.editor() {
            self.panels.find.refresh(editor);
        }
        if let Some((page, line)) = self.panels.find.step(forward) {
            self.select(|e| e.select_line(page, line));
        }
    }

    /// Ctrl+H: the replace view; on a suspect walked to, filled in with
    /// its text and proposal, so its whole error series is one replace.
    pub(super) fn open_replace(&mut self) {
        let prefill = self.panels.review.current().map(|s| (s.found.clone(), s.suggestion.clone()));
        self.panels.find.open(true, prefill);
    }

    /// Replaces the checked hits of the replace view, as one step.
    pub(super) fn replace_checked(&mut self) {
        let lang = self.chrome.lang();
        let Some(editor) = self.workspace.editor() else { return };
        self.panels.find.refresh(editor);
        match self.panels.find.replacement(editor) {
            Some((edit, count)) => self.apply_named(edit, format!("{} ({count})", Word::Replaced.get(lang))),
            None => self.chrome.status = Some(Word::NotHere.get(lang).to_owned()),
        }
    }

    /// F8 / Shift+F8: the next or previous suspect.
    pub(super) fn step_suspect(&mut self, forward: bool) {
        let lang = self.chrome.lang();
        let Some(editor) = self.workspace.editor() else { return };
        match self.panels.review.step(editor, forward) {
            Some((page, line)) => self.select(|e| e.select_line(page, line)),
            None => {
                let word = if self.panels.review.suspects_left().is_some() {
                    Word::NoSuspects
                } else {
                    Word::Flagging
                };
                self.chrome.status = Some(word.get(lang).to_owned());
            }
        }
    }

    /// Alt+A: the suspect's proposal becomes a correction; on to the next.
    pub(super) fn accept_suspect(&mut self) {
        let lang = self.chrome.lang();
        let Some(editor) = self.workspace.editor() else { return };
        let accepted = self.panels.review.accept(editor);
        let settled = accepted.map(|(edit, what)| (edit, format!("{}: {what}", Word::Accepted.get(lang))));
        self.settle_suspect(settled, Word::NotHere);
    }

    /// Alt+Shift+A: every suspect of the walked-to one's kind in its
    /// article accepted as one step (all its broken words joined, say);
    /// on to the next suspect.
    pub(super) fn accept_alike_suspects(&mut self) {
        let lang = self.chrome.lang();
        let Some(editor) = self.workspace.editor() else { return };
        let accepted = self.panels.review.accept_kind_in_article(editor);
        let settled = accepted.map(|(edit, count, kind)| {
            (edit, format!("{}: {} × {count}", Word::Accepted.get(lang), kind_word(kind).get(lang)))
        });
        let guess = self.panels.review.current().is_some_and(|s| !accepted_in_bulk(s.kind));
        self.settle_suspect(settled, if guess { Word::OneByOne } else { Word::NotHere });
    }

    /// Alt+D: the suspect is remembered as right; on to the next.
    pub(super) fn dismiss_suspect(&mut self) {
        let lang = self.chrome.lang();
        let dismissed = self.panels.review.dismiss();
        let settled = dismissed.map(|(edit, what)| (edit, format!("{}: {what}", Word::Dismissed.get(lang))));
        self.settle_suspect(settled, Word::NotHere);
    }

    /// Applies the edit that settled a suspect, under its label, and walks
    /// on to the next suspect; says `otherwise` when nothing was settled.
    fn settle_suspect(&mut self, settled: Option<(Edit, String)>, otherwise: Word) {
        match settled {
            Some((edit, label)) => {
                self.apply_named(edit, label);
                self.step_suspect(true);
            }
            None => self.chrome.status = Some(otherwise.get(self.chrome.lang()).to_owned()),
        }
    }

    /// Alt+R: the selected article is reviewed (or, if it was, not any
    /// more); a newly reviewed article hands over to the next unreviewed.
    pub(super) fn mark_reviewed(&mut self) {
        let lang = self.chrome.lang();
        let Some(editor) = self.workspace.editor() else { return };
        let Some(article) = editor.selection().article else {
            self.chrome.status = Some(Word::NotHere.get(lang).to_owned());
            return;
        };
        let reviewed = !editor.document().review.is_reviewed(article);
        let label = format!("{} {article}", Word::Reviewed.get(lang));
        self.apply_named(Edit::Review { article, reviewed }, label);
        if !reviewed {
            return;
        }
        let next = self.workspace.editor().and_then(|e| next_unreviewed(e.document(), Some(article)));
        match next {
            Some(next) => self.select(|e| e.select_article(next)),
            None => self.chrome.status = Some(Word::AllReviewed.get(lang).to_owned()),
        }
    }
}
