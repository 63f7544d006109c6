//! Recovery files: unsaved work written every few seconds to the
//! platform's local data folder (never to the shared drive the document may
//! live on), so a crash or a power cut costs at most those seconds.
//!
//! Each running Copydesk is a [`Session`] with its own recovery file and a
//! lock file it holds an operating-system lock on. At start-up, recovery
//! files whose lock nobody holds belong to sessions that ended without
//! cleaning up: those are the [`Orphan`]s offered for recovery. They stay
//! until the editor recovers or discards them.
//!
//! A recovery file holds the document in the saved format (so it is read
//! by the same checked code as a saved document) plus where it came from.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::edit::Document;
use crate::store::{self, DiskStamp, MAX_DOCUMENT_BYTES, Restored, SavedDocument, StoreError};

/// The `format` field of a recovery file.
pub const FORMAT: &str = "copydesk-recovery";
/// The newest recovery format this program writes and reads.
pub const VERSION: u32 = 1;
/// The file name ending of recovery files.
pub const EXTENSION: &str = ".recovery.json";
/// Overrides the recovery folder (tests, portable installs).
pub const FOLDER_ENV: &str = "COPYDESK_RECOVERY_DIR";

/// What a recovery file holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RecoveryFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`].
    pub version: u32,
    /// When it was written, in seconds since 1970.
    pub written_at: u64,
    /// What the window's title called the work.
    pub title: String,
    /// The saved document the work belongs to, if it had been saved.
    pub document_path: Option<PathBuf>,
    /// What that document was on disk when last read or written, so Save
    /// after recovery still notices someone else's changes.
    pub document_stamp: Option<DiskStamp>,
    /// The folder the sources' paths are relative to.
    pub folder: PathBuf,
    /// The work itself, in the saved-document format.
    pub document: SavedDocument,
}

/// The work to write to a recovery file.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The document, with anything still being typed included.
    pub document: Document,
    /// The window's title for it.
    pub title: String,
    /// Its saved document, if any.
    pub document_path: Option<PathBuf>,
    /// What that file was when last read or written.
    pub document_stamp: Option<DiskStamp>,
}

impl Snapshot {
    /// The recovery file's JSON for this snapshot.
    pub fn to_json(&self) -> String {
        let folder = self
            .document_path
            .as_deref()
            .map(store::folder_of)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        let file = RecoveryFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            written_at: now_seconds(),
            title: self.title.clone(),
            document_path: self.document_path.as_deref().map(absolute),
            document_stamp: self.document_stamp.clone(),
            document: store::describe(&self.document, &folder),
            folder,
        };
        serde_json::to_string(&file).unwrap_or_default()
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

fn now_seconds() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Where recovery files are kept: `$COPYDESK_RECOVERY_DIR` if set, else
/// the platform's local data folder (`~/.local/share/copydesk/recovery`,
/// `%LOCALAPPDATA%\Copydesk\data\recovery`, `~/Library/Application
/// Support/Copydesk/recovery`).
pub fn default_folder() -> Option<PathBuf> {
    if let Some(folder) = std::env::var_os(FOLDER_ENV).filter(|f| !f.is_empty()) {
        return Some(PathBuf::from(folder));
    }
    directories::ProjectDirs::from("", "", "Copydesk").map(|dirs| dirs.data_local_dir().join("recovery"))
}

/// The folder of recovery files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryFolder {
    path: PathBuf,
}

impl RecoveryFolder {
    /// The recovery folder at `path` (created when a session starts).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts this process's session: creates the folder and the session's
    /// lock file, and holds its lock until the session is dropped.
    pub fn start_session(&self) -> Result<Session, StoreError> {
        let io = |cause| StoreError::Io { action: "create", path: self.path.clone(), cause };
        std::fs::create_dir_all(&self.path).map_err(io)?;
        let millis = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis());
        // Two sessions started in one millisecond by one process (a test,
        // or a window reopened at once) must not share a name: the second
        // would take over the first's recovery file as its own, and the
        // first's unsaved work would never be offered.
        static STARTED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stem = format!("session-{}-{millis}-{n}", std::process::id());
        let lock_path = self.path.join(format!("{stem}.lock"));
        let lock_io = |cause| StoreError::Io { action: "create", path: lock_path.clone(), cause };
        let lock = File::create(&lock_path).map_err(lock_io)?;
        lock.lock_shared().map_err(lock_io)?;
        Ok(Session { file: self.path.join(format!("{stem}{EXTENSION}")), lock_path, _lock: lock })
    }

    /// Recovery files left by sessions that ended without cleaning up,
    /// newest first, each claimed (locked) so that another Copydesk
    /// starting now does not offer it too; and the files that could not be
    /// read, with why.
    pub fn orphans(&self) -> (Vec<Orphan>, Vec<DamagedRecovery>) {
        let mut orphans = Vec::new();
        let mut damaged = Vec::new();
        let Ok(entries) = std::fs::read_dir(&self.path) else { return (orphans, damaged) };
        for entry in entries.flatten() {
            // Only regular files: opening a pipe left here would hang the start.
            if !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if let Some(stem) = name.strip_suffix(".lock") {
                remove_if_stale(&path, &self.path.join(format!("{stem}{EXTENSION}")));
                continue;
            }
            let Some(stem) = name.strip_suffix(EXTENSION) else { continue };
            let lock_path = self.path.join(format!("{stem}.lock"));
            let Some(lock) = claim(&lock_path) else { continue };
            match read(&path) {
                Ok(file) => orphans.push(Orphan { path, lock_path, file, _lock: lock }),
                Err(error) => damaged.push(DamagedRecovery { path, lock_path, error, _lock: lock }),
            }
        }
        orphans.sort_by_key(|o| std::cmp::Reverse(o.file.written_at));
        (orphans, damaged)
    }
}

/// Removes the lock file of a session that ended (killed, so its clean-up
/// never ran) without leaving work behind.
fn remove_if_stale(lock_path: &Path, recovery_path: &Path) {
    if !recovery_path.exists() && claim(lock_path).is_some() {
        let _ = std::fs::remove_file(lock_path);
    }
}

/// Takes the lock of a session that is gone; `None` while it runs.
fn claim(lock_path: &Path) -> Option<File> {
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(lock_path).ok()?;
    file.try_lock().ok()?;
    Some(file)
}

/// Reads and checks the recovery file at `path`.
pub fn read(path: &Path) -> Result<RecoveryFile, StoreError> {
    let bytes = store::read_bounded(path, MAX_DOCUMENT_BYTES)?;
    parse(&bytes, path)
}

/// Checks `bytes` as a recovery file read from `path` (which errors name).
pub fn parse(bytes: &[u8], path: &Path) -> Result<RecoveryFile, StoreError> {
    let kind = store::Kind { format: FORMAT, known: VERSION };
    let file: RecoveryFile = serde_json::from_slice(bytes)
        .map_err(|e| store::why_unparsed(bytes, path, &e, kind, Some(store::DOCUMENT)))?;
    kind.check(path, &file.format, u64::from(file.version))?;
    // The work inside gets the same checks as a saved document.
    store::DOCUMENT.check(path, &file.document.format, u64::from(file.document.version))?;
    Ok(file)
}

/// This process's recovery file.
#[derive(Debug)]
pub struct Session {
    file: PathBuf,
    lock_path: PathBuf,
    _lock: File,
}

impl Session {
    /// The recovery file's path (it exists only while there is unsaved work).
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// Writes `snapshot` to the recovery file, all or nothing.
    pub fn write(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        store::write_atomically(&self.file, snapshot.to_json().as_bytes(), false)
    }

    /// Removes the recovery file: the work is saved, or the editor chose to
    /// discard it.
    pub fn clear(&self) -> Result<(), StoreError> {
        remove_if_present(&self.file)
    }
}

impl Drop for Session {
    /// Only the lock file goes: a recovery file still there holds unsaved
    /// work (the window clears it on a clean exit), and without its lock it
    /// is offered at the next start.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

/// Deletes a recovery file and its session's lock file.
fn discard_files(recovery: &Path, lock: &Path) -> Result<(), StoreError> {
    remove_if_present(recovery)?;
    remove_if_present(lock)
}

fn remove_if_present(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(StoreError::Io { action: "remove", path: path.to_owned(), cause: e })
        }
        _ => Ok(()),
    }
}

/// Unsaved work of a session that ended without cleaning up.
#[derive(Debug)]
pub struct Orphan {
    /// The recovery file.
    pub path: PathBuf,
    lock_path: PathBuf,
    /// What it holds.
    pub file: RecoveryFile,
    _lock: File,
}

impl Orphan {
    /// The editable document, when its sources are still there unchanged.
    /// Its sources are read wherever they are: this session's own work
    /// recorded them, in the editor's own data folder.
    pub fn restore(&self) -> Result<Restored, StoreError> {
        let access = store::SourceAccess::Anywhere;
        store::rebuild_from(self.file.document.clone(), &self.file.folder, &self.path, access)
    }

    /// Deletes the recovery file: the editor recovered the work elsewhere
    /// or does not want it.
    pub fn discard(self) -> Result<(), StoreError> {
        discard_files(&self.path, &self.lock_path)
    }
}

/// A recovery file that could not be read.
#[derive(Debug)]
pub struct DamagedRecovery {
    /// The file.
    pub path: PathBuf,
    lock_path: PathBuf,
    /// Why.
    pub error: StoreError,
    _lock: File,
}

impl DamagedRecovery {
    /// Deletes it.
    pub fn discard(self) -> Result<(), StoreError> {
        discard_files(&self.path, &self.lock_path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::set_block_text;
    use crate::load::{LoadOptions, load_bytes};

    fn snapshot(dir: &Path) -> Snapshot {
        let page = dir.join("p1.txt");
        std::fs::write(&page, "会议召开\n\n本报讯(记者 张三) 昨天,会议召开。\n").unwrap();
        let edition = load_bytes(&page, &std::fs::read(&page).unwrap(), &LoadOptions::default()).unwrap();
        let mut document = Document::propose(edition);
        let edit = set_block_text(&document, 0, "大会召开").unwrap();
        document.apply(edit);
        Snapshot { document, title: "p1.txt".into(), document_path: None, document_stamp: None }
    }

    /// Sessions started in the same millisecond once shared a name, and the
    /// second took the first's unsaved work for its own: it was never
    /// offered (the recovery test failed about one run in three).
    #[test]
    fn sessions_started_at_once_keep_their_work_apart() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        let sessions: Vec<Session> = (0..50).map(|_| folder.start_session().unwrap()).collect();
        let paths: std::collections::HashSet<&Path> = sessions.iter().map(Session::path).collect();
        assert_eq!(paths.len(), sessions.len(), "every session has a recovery file of its own");
        let work = snapshot(dir.path());
        sessions[0].write(&work).unwrap();
        drop(sessions);
        let _newer = folder.start_session().unwrap();
        assert_eq!(folder.orphans().0.len(), 1, "the work of the session that ended is offered");
    }

    #[test]
    fn a_live_session_is_not_offered_and_a_dead_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        let work = snapshot(dir.path());
        let session = folder.start_session().unwrap();
        session.write(&work).unwrap();
        assert!(folder.orphans().0.is_empty(), "a running session's work is not an orphan");
        // The process ends without clearing: its lock goes with it.
        let recovery_path = session.path().to_owned();
        drop(session);
        let (orphans, damaged) = folder.orphans();
        assert!(damaged.is_empty());
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].path, recovery_path);
        // Claimed orphans are not offered twice.
        assert!(folder.orphans().0.is_empty());
        let restored = orphans[0].restore().unwrap().document.unwrap();
        assert_eq!(restored.corrections, work.document.corrections);
        // Declining keeps it: dropping the offer releases the claim.
        drop(orphans);
        let (orphans, _) = folder.orphans();
        assert_eq!(orphans.len(), 1);
        orphans.into_iter().for_each(|o| o.discard().unwrap());
        assert!(folder.orphans().0.is_empty());
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0, "nothing left behind");
    }

    #[test]
    fn a_cleared_session_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path());
        let session = folder.start_session().unwrap();
        session.write(&snapshot(dir.path())).unwrap();
        session.clear().unwrap();
        drop(session);
        let (orphans, damaged) = folder.orphans();
        assert!(orphans.is_empty() && damaged.is_empty());
    }

    #[test]
    fn lock_files_of_killed_sessions_without_work_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path());
        let live = folder.start_session().unwrap();
        // A session killed before it had anything to write left only this.
        std::fs::write(dir.path().join("session-1-2.lock"), b"").unwrap();
        let _ = folder.orphans();
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(left, vec![live.lock_path.clone()], "only the live session's lock stays");
    }

    #[test]
    fn a_damaged_recovery_file_is_reported_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path());
        std::fs::write(dir.path().join(format!("session-1-2{EXTENSION}")), b"{\"format\": \"copydesk-rec")
            .unwrap();
        let (orphans, damaged) = folder.orphans();
        assert!(orphans.is_empty());
        assert_eq!(damaged.len(), 1);
        assert!(damaged[0].error.to_string().contains("session-1-2.recovery.json"));
    }
}
