//! The window's session from start to end, as far as the editor's work is
//! concerned: the recovery session and the offer of what crashed sessions
//! left, the recovery file kept up to date every frame, the panic guard,
//! and the clean exit (settings written, recovery file and lock note
//! removed).

use super::autosave::Autosave;
use super::i18n::Word;
use super::recovery_offer::{OfferChoice, RecoveryOffer};
use super::{EditorApp, settings};
use crate::recovery::RecoveryFolder;
use std::path::Path;

impl EditorApp {
    /// Keeps unsaved work in `folder` (see [`crate::recovery`]), and offers
    /// what crashed sessions left there.
    pub fn with_recovery(mut self, folder: RecoveryFolder) -> Self {
        match folder.start_session() {
            Ok(session) => self.autosave = Some(Autosave::new(session)),
            Err(e) => self.error = Some(format!("{}: {e}", Word::RecoveryFailed.get(self.settings.lang))),
        }
        self.recovery_folder = Some(folder);
        self.look_for_recovery(false);
        self
    }

    /// This session's recovery file (it exists while there is unsaved work).
    pub fn recovery_path(&self) -> Option<&Path> {
        self.autosave.as_ref().map(Autosave::path)
    }

    /// Offers the recovery files crashed sessions left, if there are any;
    /// with `announce`, says so when there are none.
    pub fn look_for_recovery(&mut self, announce: bool) {
        if let Some(folder) = &self.recovery_folder {
            self.offer = None; // releases the claims of an earlier offer
            let (orphans, damaged) = folder.orphans();
            self.offer = RecoveryOffer::new(orphans, damaged);
            if announce && self.offer.is_none() {
                self.editor.message = Some(Word::NothingToRecover.get(self.settings.lang).to_owned());
            }
        }
    }

    pub(super) fn recovery_dialog(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let Some(offer) = &mut self.offer else { return };
        let Some(choice) = offer.show(ctx, lang) else { return };
        match choice {
            OfferChoice::Recover(_) if self.editor.has_unsaved_work() && self.read_only.is_none() => {
                // Recovering replaces the session: never over work of its own.
                self.offer = None;
                self.error = Some(Word::SaveBeforeRecovering.get(lang).to_owned());
            }
            OfferChoice::Recover(index) if index < offer.orphans.len() => {
                let orphan = offer.orphans.remove(index);
                // The others stay on disk for later.
                self.offer = None;
                self.recover(orphan);
            }
            OfferChoice::Discard(index) if index < offer.orphans.len() => {
                if let Err(e) = offer.orphans.remove(index).discard() {
                    self.error = Some(e.to_string());
                }
            }
            OfferChoice::DiscardDamaged(index) if index < offer.damaged.len() => {
                if let Err(e) = offer.damaged.remove(index).discard() {
                    self.error = Some(e.to_string());
                }
            }
            _ => self.offer = None,
        }
        if self.offer.as_ref().is_some_and(|o| o.orphans.is_empty() && o.damaged.is_empty()) {
            self.offer = None;
        }
    }

    /// Writes the recovery file when it is due (see [`autosave`]).
    pub(super) fn keep_recovery(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused);
        let focus_lost = self.was_focused == Some(true) && focused == Some(false);
        self.was_focused = focused;
        // The writer is taken out for the call, so the snapshot can read `self`.
        let Some(mut autosave) = self.autosave.take() else { return };
        let due = autosave.tick(
            self.editor.revision(),
            self.editor.has_unsaved_work(),
            focus_lost,
            std::time::Instant::now(),
            || self.recovery_snapshot(),
        );
        self.autosave = Some(autosave);
        if let Some(due) = due {
            ctx.request_repaint_after(due);
        }
    }

    /// Runs `frame` (one frame of the window); if it panics, the recovery
    /// file is written before the panic goes on and ends the process.
    pub fn guarded(&mut self, frame: impl FnOnce(&mut Self)) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| frame(self)));
        if let Err(panic) = outcome {
            // Writing may itself fail on a damaged state: it must not hide
            // the first panic.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.write_recovery_now()));
            std::panic::resume_unwind(panic);
        }
    }

    /// Writes the settings when they changed since last written.
    pub(super) fn store_settings(&mut self) {
        let Some((path, written)) = &mut self.settings_file else { return };
        if *written != self.settings {
            match settings::store(&self.settings, path) {
                Ok(()) => *written = self.settings.clone(),
                Err(e) => self.error = Some(e.to_string()),
            }
        }
    }

    /// Listens for the signals that end a session (SIGTERM, SIGHUP,
    /// SIGINT): each wakes the window through `ctx`, which then keeps the
    /// work and closes (see [`signals`](super::signals)).
    pub fn ending_on_signals(mut self, ctx: &egui::Context) -> Self {
        match super::signals::Signals::listen(ctx) {
            Ok(signals) => self.signals = Some(signals),
            Err(e) => self.error = Some(format!("{}: {e}", Word::RecoveryFailed.get(self.settings.lang))),
        }
        self
    }

    /// True once a signal ended the session (its work is in the recovery
    /// file, its lock note gone, and the window asked to close).
    pub fn ended_by_signal(&self) -> bool {
        self.ended_by_signal
    }

    /// The system asked the process to end: unsaved work, typing included,
    /// goes to the recovery file now, the lock note is released, and the
    /// window closes without asking (nobody is there to answer).
    pub(super) fn end_if_signalled(&mut self, ctx: &egui::Context) {
        if self.ended_by_signal || !self.signals.as_ref().is_some_and(super::signals::Signals::received) {
            return;
        }
        self.ended_by_signal = true;
        if self.editor.has_unsaved_work() {
            self.write_recovery_now();
        }
        self.doc_lock = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// The window is closing: the work is saved, or the editor chose to
    /// lose it, so the recovery file and the lock note go.
    pub fn close(&mut self) {
        self.store_settings();
        if !self.editor.has_unsaved_work() || self.quitting {
            if let Some(autosave) = &mut self.autosave {
                autosave.clear_now();
            }
        } else {
            // Closed without the editor's say (the system ending the
            // session): keep the work for the next start.
            self.write_recovery_now();
        }
        self.doc_lock = None;
    }
}
