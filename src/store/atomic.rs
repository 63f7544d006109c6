//! All-or-nothing file writes: a temporary file beside the target, flushed
//! to disk, renamed over the target, and the folder flushed so the rename
//! itself survives a power cut; the previous version kept as `NAME.bak`.
//!
//! The sequence is written here rather than borrowed from a crate because
//! each step has to be ours to get right for a document someone else gave
//! us: a link is followed to the file it names (replacing the link would
//! leave the real document stale); the new file takes the old one's mode
//! and owner, and so does the backup; the backup is replaced only once the
//! new version is safely on disk (a save failing for lack of space leaves
//! the previous backup alone); and the temporary file has a name that says
//! it is Copydesk's (`.NAME.PID.XXXXXX.copydesk-tmp`) and is locked while
//! written, so one left behind by a killed save can be told from a save in
//! progress and from other programs' files, and cleaned up
//! ([`super::temporary`]).

use std::fs::{File, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::StoreError;
use super::temporary::{self, Temporary};

/// How long a rename refused because another program holds the file
/// (antivirus, sync clients, network shares on Windows) is retried.
const BUSY_RETRY_FOR: Duration = Duration::from_secs(2);

/// The backup kept of a file's previous version: `NAME.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` so that, whatever happens, `path` holds either
/// its old content or `bytes`, complete. When `keep_backup` is set and
/// `path` exists, its current content is copied (atomically too) to
/// [`backup_path`] once the new content is on disk. A link is followed: its
/// target is written, and the link stays.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    write_with(path, keep_backup, |file| file.write_all(bytes))
}

/// [`write_atomically`], with the content written by `write` (a failing
/// disk can be simulated through it).
fn write_with(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let target = real_target(path)?;
    let io = |action, cause| StoreError::Io { action, path: path.to_owned(), cause };
    let original = match std::fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io("write", e)),
    };
    let mut new = Temporary::create(&target, original.as_ref()).map_err(|e| io("write", e))?;
    write(new.file()).and_then(|()| new.flush_to_disk()).map_err(|e| io("write", e))?;
    if let (true, Some(original)) = (keep_backup, &original) {
        back_up(&target, original).map_err(|e| match e {
            crate::disk::ReadError::Io(cause) => io("back up", cause),
            other => StoreError::disk("back up", path, other),
        })?;
    }
    with_busy_retries(|| new.replace(&target)).map_err(|e| io("write", e))?;
    temporary::remove_stale(&target);
    if keep_backup {
        temporary::remove_stale(&backup_path(&target));
    }
    Ok(())
}

/// Copies the file at `target` (whose metadata is `original`) to its
/// backup, all or nothing, with the same mode.
fn back_up(target: &Path, original: &Metadata) -> Result<(), crate::disk::ReadError> {
    let previous = crate::disk::read_regular(target, super::MAX_DOCUMENT_BYTES)?;
    let backup = backup_path(target);
    let mut copy = Temporary::create(&backup, Some(original))?;
    copy.file().write_all(&previous)?;
    copy.flush_to_disk()?;
    with_busy_retries(|| copy.replace(&backup))?;
    Ok(())
}

/// The file to write for `path`: the path itself, or the file a link
/// names. Anything but a regular file (or nothing yet) is refused: a pipe
/// would hang the backup, a device swallow the document.
fn real_target(path: &Path) -> Result<PathBuf, StoreError> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        std::fs::canonicalize(path).map_err(|cause| StoreError::Io {
            action: "write",
            path: path.to_owned(),
            cause: if cause.kind() == std::io::ErrorKind::NotFound {
                std::io::Error::other("it is a link to a file that does not exist")
            } else {
                cause
            },
        })?
    } else {
        path.to_owned()
    };
    crate::disk::check_writable(&target).map_err(|e| StoreError::disk("write", path, e))?;
    Ok(target)
}

/// Runs `write` again while the operating system says the file is busy
/// (Windows errors 5 and 32), for up to [`BUSY_RETRY_FOR`].
fn with_busy_retries(mut write: impl FnMut() -> std::io::Result<()>) -> std::io::Result<()> {
    let started = Instant::now();
    loop {
        match write() {
            Err(e) if is_busy(&e) && started.elapsed() < BUSY_RETRY_FOR => {
                std::thread::sleep(Duration::from_millis(100));
            }
            result => return result,
        }
    }
}

/// ERROR_ACCESS_DENIED or ERROR_SHARING_VIOLATION: another program has the
/// file open for a moment. Elsewhere these numbers mean other things.
fn is_busy(error: &std::io::Error) -> bool {
    cfg!(windows) && matches!(error.raw_os_error(), Some(5 | 32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_replaces_the_file_and_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("work.copydesk.json");
        write_atomically(&path, b"first", true).unwrap();
        assert!(!backup_path(&path).exists(), "nothing to back up the first time");
        write_atomically(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"first");
        assert_eq!(backup_path(&path).file_name().unwrap(), "work.copydesk.json.bak");
        assert_eq!(names(dir.path()), ["work.copydesk.json", "work.copydesk.json.bak"], "no temporary left");
    }

    #[test]
    fn a_failed_write_names_the_file_and_leaves_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("work.copydesk.json");
        let error = write_atomically(&path, b"x", true).unwrap_err().to_string();
        assert!(error.contains("missing-folder"), "{error}");
    }

    #[test]
    fn a_save_failing_for_lack_of_space_leaves_the_document_and_its_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("work.copydesk.json");
        write_atomically(&path, b"first", true).unwrap();
        write_atomically(&path, b"second", true).unwrap();
        let disk_full = |file: &mut File| {
            file.write_all(b"thi")?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        };
        let error = write_with(&path, true, disk_full).unwrap_err().to_string();
        assert!(error.contains("work.copydesk.json"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"first", "the previous backup is intact");
        assert_eq!(names(dir.path()), ["work.copydesk.json", "work.copydesk.json.bak"], "no temporary left");
    }
}
