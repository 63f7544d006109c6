//! When to write the recovery file: about a second after the work stops
//! changing, at least every few seconds while it keeps changing, at once
//! when the window loses focus, and never while there is nothing unsaved
//! (then the file is removed). The writing happens on a worker thread, so
//! a large edition never stalls typing; a panic writes synchronously.
//!
//! Every write or removal carries a ticket, numbered in the order the
//! window asked for it, and [`Writer`] carries them out one at a time,
//! skipping any older than the last done: a slow write of an old snapshot
//! on the worker can never replace a newer one written by a panic, nor
//! bring back a file a clean exit removed.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::recovery::{Session, Snapshot};

/// Quiet time after the last change before the recovery file is written.
pub const QUIET: Duration = Duration::from_secs(1);
/// The longest unsaved work goes unwritten while changes keep coming.
pub const AT_MOST: Duration = Duration::from_secs(5);

enum Job {
    Write(u64, Box<Snapshot>),
    Clear(u64),
}

/// The session's recovery file, written or removed in ticket order.
struct Writer {
    session: Session,
    /// The newest ticket carried out.
    done: Mutex<u64>,
}

impl Writer {
    fn carry_out(&self, job: &Job) -> Result<(), String> {
        let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        let ticket = match job {
            Job::Write(ticket, _) | Job::Clear(ticket) => *ticket,
        };
        if ticket <= *done {
            return Ok(()); // something newer is already on disk
        }
        let result = match job {
            Job::Write(_, snapshot) => self.session.write(snapshot),
            Job::Clear(_) => self.session.clear(),
        };
        *done = ticket;
        result.map_err(|e| e.to_string())
    }
}

/// The recovery writer of one window.
pub struct Autosave {
    writer: Arc<Writer>,
    jobs: Sender<Job>,
    /// The last ticket handed out.
    tickets: u64,
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
        let writer = Arc::new(Writer { session, done: Mutex::new(0) });
        let (jobs, inbox) = channel::<Job>();
        let (outbox, results) = channel();
        let worker = Arc::clone(&writer);
        std::thread::Builder::new()
            .name("copydesk-recovery".into())
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    // Only the newest job matters.
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    if outbox.send(worker.carry_out(&job)).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Self {
            writer,
            jobs,
            tickets: 0,
            results,
            written: None,
            seen: None,
            unwritten_since: None,
            error: None,
        }
    }

    /// The recovery file's path.
    pub fn path(&self) -> &std::path::Path {
        self.writer.session.path()
    }

    fn ticket(&mut self) -> u64 {
        self.tickets += 1;
        self.tickets
    }

    /// Called every frame with the work's `revision` and whether it is
    /// unsaved; `snapshot` is only called when a write is due (`None`:
    /// nothing to write after all). Returns how long until the next write
    /// is due, for a repaint.
    pub fn tick(
        &mut self,
        revision: u64,
        unsaved: bool,
        focus_lost: bool,
        now: Instant,
        snapshot: impl FnOnce() -> Option<Snapshot>,
    ) -> Option<Duration> {
        self.collect_results();
        if !unsaved {
            if self.written.take().is_some() {
                let ticket = self.ticket();
                let _ = self.jobs.send(Job::Clear(ticket));
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
            let snapshot = snapshot()?;
            let ticket = self.ticket();
            let _ = self.jobs.send(Job::Write(ticket, Box::new(snapshot)));
            self.written = Some(revision);
            self.unwritten_since = None;
            None
        } else {
            Some(due - now)
        }
    }

    /// Writes `snapshot` now, on this thread (a panic is unwinding, or the
    /// work was just recovered and the old recovery file is about to go).
    pub fn write_now(&mut self, snapshot: Snapshot, revision: u64) -> Result<(), String> {
        let ticket = self.ticket();
        self.writer.carry_out(&Job::Write(ticket, Box::new(snapshot)))?;
        self.written = Some(revision);
        Ok(())
    }

    /// Removes the recovery file now (a clean exit).
    pub fn clear_now(&mut self) {
        self.written = None;
        let ticket = self.ticket();
        if let Err(e) = self.writer.carry_out(&Job::Clear(ticket)) {
            self.error = Some(e);
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
                Some(snapshot())
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

    #[test]
    fn an_older_write_never_replaces_a_newer_one_nor_revives_a_removed_file() {
        let dir = tempfile::tempdir().unwrap();
        let writer =
            Writer { session: RecoveryFolder::new(dir.path()).start_session().unwrap(), done: Mutex::new(0) };
        let titled = |title: &str| Box::new(Snapshot { title: title.into(), ..snapshot() });
        let on_disk = || crate::recovery::read(writer.session.path()).map(|f| f.title);
        writer.carry_out(&Job::Write(2, titled("newer"))).unwrap();
        writer.carry_out(&Job::Write(1, titled("older, slow"))).unwrap();
        assert_eq!(on_disk().unwrap(), "newer");
        writer.carry_out(&Job::Clear(3)).unwrap();
        writer.carry_out(&Job::Write(2, titled("newer"))).unwrap();
        assert!(!writer.session.path().exists(), "a clean exit's removal stands");
    }
}
