//! The lock note: a small file beside an open document
//! (`NAME.copydesk.json.lock`) saying who has it open, so a second editor,
//! on this machine or another one on the shared drive, is told before
//! they start working on the same document. It never stops anyone from
//! opening the document read-only, and an editor may take it over.
//!
//! The note is also locked by the operating system (a shared lock, which
//! on Windows still lets others read the note) for as long as it is held.
//! On the machine that wrote it, a note whose lock is free is stale (its
//! Copydesk ended without removing it) and is replaced silently. From
//! another machine the lock cannot be trusted across network file systems,
//! so the note is believed, and the editor decides.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::StoreError;

/// The largest lock note read; anything bigger is not a note.
const MAX_NOTE_BYTES: u64 = 64 * 1024;

/// Who has a document open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockNote {
    /// The user's login name.
    pub user: String,
    /// The machine's name.
    pub host: String,
    /// The Copydesk process.
    pub pid: u32,
    /// When it was opened, in seconds since 1970.
    pub since: u64,
    /// "Copydesk 0.1.0".
    pub program: String,
}

impl LockNote {
    /// A note for this process, now.
    pub fn for_this_process() -> Self {
        Self {
            user: current_user(),
            host: whoami::hostname().unwrap_or_else(|_| "unknown".to_owned()),
            pid: std::process::id(),
            since: SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()),
            program: format!("Copydesk {}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// "li on desk-3".
    pub fn who(&self) -> String {
        format!("{} on {}", self.user, self.host)
    }
}

/// The login name: the operating system's account, else the environment.
fn current_user() -> String {
    whoami::username()
        .ok()
        .or_else(|| ["USER", "USERNAME", "LOGNAME"].iter().find_map(|key| std::env::var(key).ok()))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The lock note's path for the document at `document`.
pub fn lock_path(document: &Path) -> PathBuf {
    let mut name = document.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".lock");
    document.with_file_name(name)
}

/// Why a document could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Someone else has it open.
    #[error("{} has \"{}\" open", note.who(), document.display())]
    Held {
        /// The document.
        document: PathBuf,
        /// Their note.
        note: LockNote,
    },
    /// The note could not be written (a read-only folder, say).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A lock note this process wrote; removed when dropped.
#[derive(Debug)]
pub struct HeldLock {
    path: PathBuf,
    note: LockNote,
    /// Holds the operating system's lock while the note is ours.
    _file: File,
}

impl HeldLock {
    /// Where the note is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What it says.
    pub fn note(&self) -> &LockNote {
        &self.note
    }
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        // Only our own note is removed: if someone took the document over,
        // the note is theirs now.
        if read_note(&self.path).ok().flatten().is_some_and(|n| n == self.note) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Puts a lock note beside `document`, unless someone else has it open.
/// A stale note of this machine is replaced.
pub fn take(document: &Path) -> Result<HeldLock, LockError> {
    let path = lock_path(document);
    if let Some(note) = read_note(&path)? {
        let mine = LockNote::for_this_process();
        let this_machine = note.host == mine.host;
        let ours = this_machine && note.pid == mine.pid;
        let replaceable = ours || (this_machine && is_stale(&path));
        if !replaceable {
            return Err(LockError::Held { document: document.to_owned(), note });
        }
    }
    Ok(write_note(&path)?)
}

/// Puts a lock note beside `document` whoever had it: the editor chose to
/// take it over.
pub fn take_over(document: &Path) -> Result<HeldLock, StoreError> {
    write_note(&lock_path(document))
}

/// Who has `document` open according to its note, if anyone.
pub fn holder(document: &Path) -> Result<Option<LockNote>, StoreError> {
    read_note(&lock_path(document))
}

/// True when nobody holds the operating system's lock on the note.
fn is_stale(path: &Path) -> bool {
    match crate::disk::open_regular(path) {
        Ok((file, _)) => file.try_lock().is_ok(),
        Err(_) => true,
    }
}

fn read_note(path: &Path) -> Result<Option<LockNote>, StoreError> {
    let file = match crate::disk::open_regular(path) {
        Ok((file, _)) => file,
        Err(crate::disk::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(StoreError::disk("read", path, error)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_NOTE_BYTES).read_to_end(&mut bytes).map_err(|cause| StoreError::Io {
        action: "read",
        path: path.to_owned(),
        cause,
    })?;
    // A damaged note still means someone had the document open; say so
    // without naming them rather than pretend nobody does.
    Ok(Some(serde_json::from_slice(&bytes).unwrap_or_else(|_| LockNote {
        user: "unknown".to_owned(),
        host: "unknown".to_owned(),
        pid: 0,
        since: 0,
        program: "?".to_owned(),
    })))
}

fn write_note(path: &Path) -> Result<HeldLock, StoreError> {
    let io = |cause| StoreError::Io { action: "write", path: path.to_owned(), cause };
    // Opening a pipe for writing would wait for a reader.
    crate::disk::check_writable(path).map_err(|e| StoreError::disk("write", path, e))?;
    let note = LockNote::for_this_process();
    let json = serde_json::to_string_pretty(&note).unwrap_or_default();
    // Written in place (not renamed) so the lock we hold is on the very
    // file others read; a half-written note reads as "unknown", which is
    // still a note.
    let mut options = OpenOptions::new();
    options.create(true).write(true).truncate(true);
    #[cfg(unix)]
    {
        // A pipe put there after the check above fails at once instead of
        // waiting for a reader.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path).map_err(io)?;
    file.write_all(json.as_bytes()).map_err(io)?;
    file.sync_all().map_err(io)?;
    file.lock_shared().map_err(io)?;
    Ok(HeldLock { path: path.to_owned(), note, _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_told_who_has_it_and_the_note_goes_when_released() {
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("p1.copydesk.json");
        let held = take(&document).unwrap();
        assert_eq!(held.path(), dir.path().join("p1.copydesk.json.lock"));
        assert_eq!(holder(&document).unwrap().as_ref(), Some(held.note()));
        // Another Copydesk on another machine wrote the note: it is believed.
        drop(held);
        assert_eq!(holder(&document).unwrap(), None, "released notes are removed");
        let theirs = LockNote { host: "desk-3".into(), user: "li".into(), ..LockNote::for_this_process() };
        std::fs::write(lock_path(&document), serde_json::to_string(&theirs).unwrap()).unwrap();
        match take(&document) {
            Err(LockError::Held { note, .. }) => assert_eq!(note.who(), "li on desk-3"),
            other => panic!("expected Held, got {other:?}"),
        }
        // Taking it over replaces their note with ours.
        let held = take_over(&document).unwrap();
        assert_eq!(holder(&document).unwrap().unwrap().host, held.note().host);
    }

    #[test]
    fn a_note_of_this_machine_whose_process_is_gone_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("p1.copydesk.json");
        // Left by a Copydesk of this machine that crashed: nobody holds its lock.
        let crashed = LockNote { pid: 1, ..LockNote::for_this_process() };
        std::fs::write(lock_path(&document), serde_json::to_string(&crashed).unwrap()).unwrap();
        let held = take(&document).unwrap();
        assert_eq!(held.note().pid, std::process::id());
    }

    #[test]
    fn a_damaged_note_still_counts_as_someone() {
        let dir = tempfile::tempdir().unwrap();
        let document = dir.path().join("p1.copydesk.json");
        std::fs::write(lock_path(&document), b"\xff\xfe garbage").unwrap();
        let note = holder(&document).unwrap().unwrap();
        assert_eq!(note.user, "unknown");
    }
}
