//! Copydesk's temporary files: where a new version is written before it is
//! renamed over the real file, and how those a killed save left behind are
//! cleaned up.
//!
//! A temporary file is named `.NAME.PID.XXXXXX.copydesk-tmp` (hidden, the
//! target's name, the writing process, six random characters) and locked
//! while it is written. One is stale when it has that shape, is older than
//! [`STALE_AFTER`], and nobody holds its lock: its process is gone. Only
//! those are removed; other programs' files (an rsync's `.NAME.XXXXXX`, an
//! editor's `.NAME.swp`) and saves in progress, here or on another
//! machine's share, are left alone.

use std::fs::{File, Metadata, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The ending of Copydesk's temporary files.
const ENDING: &str = ".copydesk-tmp";

/// How old a temporary file must be before it may be stale: a save takes
/// milliseconds, so one this old is no save in progress, even on a slow
/// network share whose locks cannot be seen.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// A temporary file beside a target, removed when dropped unless it
/// replaced the target.
pub struct Temporary {
    path: PathBuf,
    file: Option<File>,
}

impl Temporary {
    /// A new temporary file beside `target`, with the mode and owner of
    /// `original` (the target's metadata, when it exists) from the start,
    /// so the content is never readable by more people than the target's.
    pub fn create(target: &Path, original: Option<&Metadata>) -> std::io::Result<Self> {
        let name = target.file_name().ok_or_else(|| std::io::Error::other("it has no file name"))?;
        let folder = super::folder_of(target);
        let mut last_error = None;
        for _ in 0..64 {
            let candidate = folder.join(format!(
                ".{}.{}.{}{ENDING}",
                name.to_string_lossy(),
                std::process::id(),
                random()
            ));
            match new_file(&candidate, original) {
                Ok(file) => {
                    // Held until the rename: a save in progress is never stale.
                    let _ = file.try_lock();
                    let temporary = Self { path: candidate, file: Some(file) };
                    if let Some(original) = original {
                        temporary.take_permissions_of(original)?;
                    }
                    return Ok(temporary);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_error = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last_error.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
    }

    /// The open file, to write the content into.
    pub fn file(&mut self) -> &mut File {
        self.file.as_mut().expect("a temporary file is open until it replaces its target")
    }

    /// Flushes the content to disk.
    pub fn flush_to_disk(&mut self) -> std::io::Result<()> {
        self.file().sync_all()
    }

    /// Renames the file over `target` and flushes the folder, so the rename
    /// survives a power cut. May be called again after a failure.
    pub fn replace(&mut self, target: &Path) -> std::io::Result<()> {
        // Closed first: Windows renames open files badly.
        self.file = None;
        std::fs::rename(&self.path, target)?;
        self.path = PathBuf::new();
        sync_folder(&super::folder_of(target))
    }

    fn take_permissions_of(&self, original: &Metadata) -> std::io::Result<()> {
        let Some(file) = &self.file else { return Ok(()) };
        file.set_permissions(original.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Only root may give a file away; anyone else keeps their own.
            let _ = std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
        }
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        self.file = None;
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Creates `path`, which must not exist; private at first when it will
/// take an existing file's mode.
fn new_file(path: &Path, original: Option<&Metadata>) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if original.is_some() {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = original;
    options.open(path)
}

/// Six random letters and digits (the standard library's hasher keys are
/// random per process and per call).
fn random() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
    );
    let mut bits = hasher.finish();
    (0..6)
        .map(|_| {
            let c = ALPHABET[(bits % ALPHABET.len() as u64) as usize] as char;
            bits /= ALPHABET.len() as u64;
            c
        })
        .collect()
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    // Windows cannot open a folder as a file; NTFS journals the rename.
    Ok(())
}

/// True when `file_name` is one of Copydesk's temporary files for the
/// target named `name`.
fn is_ours(file_name: &str, name: &str) -> bool {
    let Some(middle) = file_name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(ENDING))
    else {
        return false;
    };
    let Some((pid, suffix)) = middle.split_once('.') else { return false };
    !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && suffix.len() == 6
        && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes the stale temporary files a killed save of `target` left
/// beside it (see the module's notes). Failures are ignored: the save
/// itself succeeded, and the next one tries again.
pub fn remove_stale(target: &Path) {
    let Some(name) = target.file_name().and_then(|n| n.to_str()) else { return };
    let Ok(entries) = std::fs::read_dir(super::folder_of(target)) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        if !file_name.to_str().is_some_and(|f| is_ours(f, name)) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .is_some_and(|modified| modified.elapsed().is_ok_and(|age| age >= STALE_AFTER));
        let path = entry.path();
        if old && nobody_holds(&path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// True when no process holds the lock of the file at `path`.
fn nobody_holds(path: &Path) -> bool {
    crate::disk::open_regular(path).is_ok_and(|(file, _)| file.try_lock().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_copydesks_own_names_are_ours() {
        let name = "p1.copydesk.json";
        assert!(is_ours(".p1.copydesk.json.4242.q7Xz9k.copydesk-tmp", name));
        assert!(!is_ours(".p1.copydesk.json.Ab12Cd", name), "rsync's");
        assert!(!is_ours(".p1.copydesk.json.swp", name));
        assert!(!is_ours(".p1.copydesk.json.bak.4242.q7Xz9k.copydesk-tmp", name), "the backup's");
        assert!(is_ours(".p1.copydesk.json.bak.4242.q7Xz9k.copydesk-tmp", "p1.copydesk.json.bak"));
        assert!(!is_ours(".p1.copydesk.json.x.q7Xz9k.copydesk-tmp", name));
    }

    #[test]
    fn a_dropped_temporary_file_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.json");
        let temporary = Temporary::create(&target, None).unwrap();
        let path = temporary.path.clone();
        assert!(is_ours(&path.file_name().unwrap().to_string_lossy(), "t.json"));
        drop(temporary);
        assert!(!path.exists());
    }
}
