//! Ending by a signal: SIGTERM (logout, shutdown), SIGHUP (the terminal
//! closed) and SIGINT (Ctrl+C) used to end the window at once, losing the
//! edits of the last second. Now they only wake the window, which writes
//! the recovery file, releases its lock note and closes (see
//! `EditorApp::end_by_signal`). A second signal while that happens ends
//! the process at once, as the first one used to.
//!
//! Unix only: Windows ends a session with window messages, not signals.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether one of the ending signals has arrived.
pub struct Signals {
    received: Arc<AtomicBool>,
}

impl Signals {
    /// Starts listening; each signal sets the flag and wakes the window
    /// through `ctx`.
    #[cfg(unix)]
    pub fn listen(ctx: &egui::Context) -> std::io::Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let received = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            // Exits with status 1 if the flag is already set: the second signal.
            signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&received))?;
        }
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let (flag, ctx) = (Arc::clone(&received), ctx.clone());
        std::thread::Builder::new().name("copydesk-signals".into()).spawn(move || {
            for _ in signals.forever() {
                flag.store(true, Ordering::SeqCst);
                ctx.request_repaint();
            }
        })?;
        Ok(Self { received })
    }

    /// Signals are not how Windows ends a session.
    #[cfg(not(unix))]
    pub fn listen(_ctx: &egui::Context) -> std::io::Result<Self> {
        Ok(Self { received: Arc::new(AtomicBool::new(false)) })
    }

    /// True once an ending signal has arrived.
    pub fn received(&self) -> bool {
        self.received.load(Ordering::SeqCst)
    }
}
