//! What can go wrong with saved documents, said so an editor can act on it.

use std::path::PathBuf;

/// A saved document that could not be read, written or exported.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing failed.
    #[error("cannot {action} \"{}\": {cause}", path.display())]
    Io {
        /// "read", "write"…
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        cause: std::io::Error,
    },
    /// A named pipe, a device or anything else that is not a file.
    #[error("cannot {action} \"{}\": {kind}", path.display())]
    NotAFile {
        /// "read", "write"…
        action: &'static str,
        /// The path.
        path: PathBuf,
        /// What it is instead.
        kind: crate::disk::NotAFile,
    },
    /// Not valid JSON, or not the shape of a saved document.
    #[error("cannot read \"{}\": it is damaged or not a Copydesk file ({reason})", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What the parser said.
        reason: String,
    },
    /// Saved by a newer Copydesk.
    #[error("cannot read \"{}\": it was saved in format version {found}, and this Copydesk knows versions up to {known}; update Copydesk to open it", path.display())]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u32,
        /// The newest this program knows.
        known: u32,
    },
    /// Over the size limit.
    #[error("cannot read \"{}\": it is {size} bytes, over the limit of {limit} bytes for a document", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// An export target exists and `--force` was not given.
    #[error("will not write over \"{}\": it exists (use --force to replace it)", path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// A split model file that cannot be used.
    #[error("cannot use \"{}\" as a split model: {reason}", path.display())]
    Model {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: crate::segment::ModelError,
    },
    /// The document changed on disk since this session read or wrote it.
    #[error("\"{}\" changed on disk since you opened or last saved it (someone else, or another program, saved it); it was not overwritten", path.display())]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// What is there now.
        now: super::DiskStamp,
    },
}

impl StoreError {
    /// `error`, met trying to `action` the file at `path`.
    pub(crate) fn disk(action: &'static str, path: &std::path::Path, error: crate::disk::ReadError) -> Self {
        use crate::disk::ReadError;
        let path = path.to_owned();
        match error {
            ReadError::Io(cause) => Self::Io { action, path, cause },
            ReadError::NotAFile(kind) => Self::NotAFile { action, path, kind },
            ReadError::TooLarge { size, limit } => Self::TooLarge { path, size, limit },
        }
    }
}
