//! The window's life as far as the editor's work is concerned: the
//! recovery file kept up to date every frame, the offer of what crashed
//! sessions left, asking before a close loses work, the panic guard, the
//! signals that end a session, and the clean exit (settings written,
//! recovery file and lock note removed).

use std::path::Path;

use egui::{Context, ViewportCommand};

use super::EditorApp;
use super::i18n::Word;
use super::modal::Modal;
use super::signals::Signals;
use crate::recovery::RecoveryFolder;
use crate::session::{Closing, Recovery};

/// What the window knows about its own end.
#[derive(Default)]
pub struct Lifecycle {
    /// The recovery folder and this session's file in it.
    pub recovery: Recovery,
    signals: Option<Signals>,
    ended_by_signal: bool,
    /// The editor chose to quit and lose the unsaved work.
    pub quitting: bool,
    /// Quit was asked for: the window is told to close next frame.
    pub close_requested: bool,
    was_focused: Option<bool>,
}

impl EditorApp {
    /// Keeps unsaved work in `folder` (see [`crate::recovery`]), and offers
    /// what crashed sessions left there.
    pub fn with_recovery(mut self, folder: RecoveryFolder) -> Self {
        let (recovery, error) = Recovery::in_folder(folder);
        self.life.recovery = recovery;
        if let Some(e) = error {
            self.chrome.notice = Some(format!("{}: {e}", Word::RecoveryFailed.get(self.chrome.lang())));
        }
        self.look_for_recovery(false);
        self
    }

    /// This session's recovery file (it exists while there is unsaved work).
    pub fn recovery_path(&self) -> Option<&Path> {
        self.life.recovery.path()
    }

    /// Writes the recovery file when it is due (see [`crate::session::Autosave`]).
    pub(super) fn keep_recovery(&mut self, ctx: &Context) {
        let focused = ctx.input(|i| i.viewport().focused);
        let focus_lost = self.life.was_focused == Some(true) && focused == Some(false);
        self.life.was_focused = focused;
        let now = std::time::Instant::now();
        if let Some(due) = self.life.recovery.tick(&self.workspace, focus_lost, now) {
            ctx.request_repaint_after(due);
        }
    }

    /// Writes the recovery file now, on this thread; true when it is written.
    pub fn write_recovery_now(&mut self) -> bool {
        self.life.recovery.write_now(&self.workspace)
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

    /// Asks before a close (the window's button, Quit) loses work.
    pub(super) fn handle_close(&mut self, ctx: &Context) {
        if std::mem::take(&mut self.life.close_requested) {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        let requested = ctx.input(|i| i.viewport().close_requested());
        let asks = self.workspace.closing() == Closing::Ask;
        if requested && asks && !self.life.quitting && !self.life.ended_by_signal {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.modal = Some(Modal::QuitUnsaved);
        }
    }

    /// Listens for the signals that end a session (SIGTERM, SIGHUP,
    /// SIGINT): each wakes the window through `ctx`, which then keeps the
    /// work and closes (see [`signals`](super::signals)).
    pub fn ending_on_signals(mut self, ctx: &Context) -> Self {
        match Signals::listen(ctx) {
            Ok(signals) => self.life.signals = Some(signals),
            Err(e) => {
                self.chrome.notice = Some(format!("{}: {e}", Word::RecoveryFailed.get(self.chrome.lang())));
            }
        }
        self
    }

    /// True once a signal ended the session (its work is in the recovery
    /// file, its lock note gone, and the window asked to close).
    pub fn ended_by_signal(&self) -> bool {
        self.life.ended_by_signal
    }

    /// The system asked the process to end: unsaved work, typing included,
    /// goes to the recovery file now, the lock note is released, and the
    /// window closes without asking (nobody is there to answer).
    pub(super) fn end_if_signalled(&mut self, ctx: &Context) {
        if self.life.ended_by_signal || !self.life.signals.as_ref().is_some_and(Signals::received) {
            return;
        }
        self.life.ended_by_signal = true;
        if self.workspace.is_modified() {
            self.write_recovery_now();
        }
        self.workspace.release_lock();
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// The window is closing: the work is saved, or the editor chose to
    /// lose it, so the recovery file and the lock note go; closed without
    /// the editor's say (the system ending the session), the work is kept
    /// for the next start.
    pub fn close(&mut self) {
        self.chrome.store_settings();
        self.life.recovery.at_exit(&self.workspace, self.life.quitting);
        self.workspace.release_lock();
    }
}
