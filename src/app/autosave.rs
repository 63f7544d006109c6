//! When to write the recovery file: about a second after the work stops
//! changing, at least every few seconds while it keeps changing, at once
//! when the window loses focus, and never while there is nothing unsaved
//! (then the file is removed). The writing happens on a worker thread, so
//! a large edition never stalls typing; a panic writes synchronously.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::recovery::{Session, Snapshot};

/// Quiet time after the last change before the recovery file is written.
pub const QUIET: Duration = Duration::from_secs(1);
/// The longest unsaved work goes unwritten while changes keep coming.
pub const AT_MOST: Duration = Duration::from_secs(5);

enum Job {
    Write(Box<Snapshot>),
    Clear,
}

/// The recovery writer of one window.
pub struct Autosave {
    session: Arc<Session>,
    jobs: Sender<Job>,
    results: Receiver<Result<(), String>>,
    /// The revision last sent to be written, if any is on disk.
    written: Option<u64>,
    /// The revision seen last frame, and since when.
    seen: Option<(u64, Instant)>,
    /// When the oldest unwritten change was first seen.
    unwritten_since: Option<Instant>,
    /// The writer's last failure, shown to the editor.
    pub error: Option<String>,
}

impl Autosave {
    /// A writer for `session`, with its worker thread.
    pub fn new(session: Session) -> Self {
        let session = Arc::new(session);
        let (jobs, inbox) = channel::<Job>();
        let (outbox, results) = channel();
        let worker = Arc::clone(&session);
        std::thread::Builder::new()
            .name("copydesk-recovery".into())
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    // Only the newest job matters.
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let result = match job {
                        Job::Write(snapshot) => worker.write(&snapshot),
                        Job::Clear => worker.clear(),
                    };
                    if outbox.send(result.map_err(|e| e.to_string())).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Self { session, jobs, results, written: None, seen: None, unwritten_since: None, error: None }
    }

    /// The recovery file's path.
    pub fn path(&self) -> &std::path::Path {
        self.session.path()
    }

    /// Called every frame with the work's `revision` and whether it is
    /// unsaved; `snapshot` is only called when a write is due. Returns how
    /// long until the next write is due, for a repaint.
    pub fn tick(
        &mut self,
        revision: u64,
        unsaved: bool,
        focus_lost: bool,
        now: Instant,
        snapshot: impl FnOnce() -> Snapshot,
    ) -> Option<Duration> {
        self.collect_results();
        if !unsaved {
            if self.written.take().is_some() {
                let _ = self.jobs.send(Job::Clear);
            }
            self.seen = None;
            self.unwritten_since = None;
            return None;
        }
        if self.written == Some(revision) {
            self.unwritten_since = None;
            return None;
        }
        let changed_at = match self.seen {
            Some((seen, at)) if seen == revision => at,
            _ => {
                self.seen = Some((revision, now));
                now
            }
        };
        let since = *self.unwritten_since.get_or_insert(now);
        let due = (changed_at + QUIET).min(since + AT_MOST);
        if focus_lost || now >= due {
            let _ = self.jobs.send(Job::Write(Box::new(snapshot())));
            self.written = Some(revision);
            self.unwritten_since = None;
            None
        } else {
            Some(due - now)
        }
    }

    /// Writes `snapshot` now, on this thread (a panic is unwinding, or the
    /// work was just recovered and the old recovery file is about to go).
    pub fn write_now(&mut self, snapshot: &Snapshot, revision: u64) -> Result<(), String> {
        self.session.write(snapshot).map_err(|e| e.to_string())?;
        self.written = Some(revision);
        Ok(())
    }

    /// Removes the recovery file now (a clean exit).
    pub fn clear_now(&mut self) {
        self.written = None;
        if let Err(e) = self.session.clear() {
            self.error = Some(e.to_string());
        }
    }

    fn collect_results(&mut self) {
        loop {
            match self.results.try_recv() {
                Ok(Ok(())) => self.error = None,
                Ok(Err(e)) => self.error = Some(e),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::recovery::RecoveryFolder;

    fn snapshot() -> Snapshot {
        let edition = crate::load::load_bytes(
            std::path::Path::new("p.txt"),
            "标题\n\n正文。\n".as_bytes(),
            &crate::load::LoadOptions::default(),
        )
        .unwrap();
        Snapshot {
            document: Document::propose(edition),
            title: "p".into(),
            document_path: None,
            document_stamp: None,
        }
    }

    #[test]
    fn writes_after_a_quiet_second_or_five_busy_seconds_or_on_focus_loss() {
        let dir = tempfile::tempdir().unwrap();
        let mut autosave = Autosave::new(RecoveryFolder::new(dir.path()).start_session().unwrap());
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut writes = 0;
        let mut tick = |a: &mut Autosave, revision, unsaved, focus_lost, at| {
            a.tick(revision, unsaved, focus_lost, at, || {
                writes += 1;
                snapshot()
            })
        };
        assert_eq!(tick(&mut autosave, 1, false, false, ms(0)), None, "nothing unsaved, nothing due");
        assert_eq!(tick(&mut autosave, 2, true, false, ms(0)), Some(QUIET));
        assert_eq!(tick(&mut autosave, 2, true, false, ms(900)), Some(Duration::from_millis(100)));
        assert_eq!(tick(&mut autosave, 2, true, false, ms(1000)), None, "written after a quiet second");
        // Typing without a pause: written within five seconds anyway.
        for (i, at) in (1100..6200).step_by(500).enumerate() {
            tick(&mut autosave, 10 + i as u64, true, false, ms(at));
        }
        // Losing focus writes at once.
        assert_eq!(tick(&mut autosave, 99, true, true, ms(6200)), None);
        assert_eq!(tick(&mut autosave, 99, true, false, ms(6300)), None, "already written");
        assert_eq!(writes, 3, "quiet second, five busy seconds, focus loss");
    }
}
