//! All-or-nothing file writes: a temporary file beside the target, flushed
//! to disk, renamed over the target, and the folder flushed so the rename
//! itself survives a power cut. `atomic-write-file` does the sequence (its
//! author tests it against real crashes; on Unix it also syncs the folder);
//! this module adds the backup of the previous version and the retries a
//! busy file needs on Windows.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use atomic_write_file::AtomicWriteFile;

use super::StoreError;

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
/// `path` exists, its current content is first copied (atomically too) to
/// [`backup_path`].
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    let io = |cause| StoreError::Io { action: "write", path: path.to_owned(), cause };
    if keep_backup {
        match crate::disk::read_regular(path, super::MAX_DOCUMENT_BYTES) {
            Ok(previous) => with_busy_retries(|| write_once(&backup_path(path), &previous))
                .map_err(|cause| StoreError::Io { action: "back up", path: path.to_owned(), cause })?,
            Err(crate::disk::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => return Err(StoreError::disk("back up", path, error)),
        }
    }
    with_busy_retries(|| write_once(path, bytes)).map_err(io)
}

fn write_once(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    // `commit` syncs the file, renames it over `path` and (on Unix) syncs
    // the folder; dropping it uncommitted removes the temporary file.
    file.commit()
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
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_failed_write_names_the_file_and_leaves_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("work.copydesk.json");
        let error = write_atomically(&path, b"x", true).unwrap_err().to_string();
        assert!(error.contains("missing-folder"), "{error}");
    }
}
