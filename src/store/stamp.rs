//! Knowing whether a document changed on disk since this session read or
//! wrote it, so Save never silently overwrites another editor's work.
//!
//! Modification time and size alone miss changes (a copy that keeps the
//! time, a same-size edit within the clock's resolution), so the stamp also
//! holds the content's SHA-256; the time is kept to tell the editor when.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{MAX_DOCUMENT_BYTES, StoreError};

/// What a document file was when this session last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiskStamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, in milliseconds since 1970 (0 when unknown).
    pub modified_ms: u64,
    /// SHA-256 of the content, in hex.
    pub sha256: String,
}

impl DiskStamp {
    /// The stamp of `bytes`, as just written or read.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        Self {
            size: bytes.len() as u64,
            modified_ms: modified.map_or(0, millis_since_epoch),
            sha256: crate::load::hex(&Sha256::digest(bytes)),
        }
    }

    /// The stamp of the file at `path` now, or `None` when there is no file.
    pub fn read(path: &Path) -> Result<Option<Self>, StoreError> {
        let bytes = match super::read_bounded(path, MAX_DOCUMENT_BYTES) {
            Err(StoreError::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::NotFound => {
                return Ok(None);
            }
            other => other?,
        };
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        Ok(Some(Self::of_bytes(&bytes, modified)))
    }

    /// True when `other` holds different content (the time alone does not
    /// count: touching a file changes nothing an editor would lose).
    pub fn content_differs(&self, other: &Self) -> bool {
        self.size != other.size || self.sha256 != other.sha256
    }
}

fn millis_since_epoch(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// What Save finds at the document's path compared with what this session
/// last saw there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    /// As this session left it (or there was nothing and still is nothing).
    Unchanged,
    /// Someone wrote a different document there.
    Changed {
        /// What is there now.
        now: DiskStamp,
    },
    /// The file this session read or wrote has been deleted or moved.
    Gone,
}

/// Compares the file at `path` with `expected` (what this session last read
/// or wrote; `None` for a document never saved there).
pub fn disk_state(path: &Path, expected: Option<&DiskStamp>) -> Result<DiskState, StoreError> {
    Ok(match (DiskStamp::read(path)?, expected) {
        (None, None) => DiskState::Unchanged,
        (None, Some(_)) => DiskState::Gone,
        (Some(now), None) => DiskState::Changed { now },
        (Some(now), Some(expected)) if now.content_differs(expected) => DiskState::Changed { now },
        (Some(_), Some(_)) => DiskState::Unchanged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_content_is_seen_even_when_the_size_is_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.copydesk.json");
        std::fs::write(&path, "version one").unwrap();
        let stamp = DiskStamp::read(&path).unwrap().unwrap();
        assert_eq!(disk_state(&path, Some(&stamp)).unwrap(), DiskState::Unchanged);
        std::fs::write(&path, "version two").unwrap();
        assert!(matches!(disk_state(&path, Some(&stamp)).unwrap(), DiskState::Changed { .. }));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(disk_state(&path, Some(&stamp)).unwrap(), DiskState::Gone);
        assert_eq!(disk_state(&path, None).unwrap(), DiskState::Unchanged);
        std::fs::write(&path, "someone else's").unwrap();
        assert!(matches!(disk_state(&path, None).unwrap(), DiskState::Changed { .. }));
    }
}
