//! What can go wrong when reading pages, said so an editor can act on it.

use std::path::{Path, PathBuf};

use crate::text::DecodeError;

/// A page or folder that could not be loaded, and why.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file or folder could not be opened or read.
    #[error("cannot read \"{}\": {}", path.display(), describe_io(cause))]
    Io {
        /// What was being read.
        path: PathBuf,
        /// The operating system's reason (kept out of the error chain: the
        /// message already says it in words).
        cause: std::io::Error,
    },
    /// A named pipe, a device or anything else that is not a file.
    #[error("cannot read \"{}\": {kind}", path.display())]
    NotAFile {
        /// What was being read.
        path: PathBuf,
        /// What it is instead.
        kind: crate::disk::NotAFile,
    },
    /// A folder without any `.txt` page in it.
    #[error("cannot read \"{}\": the folder has no page files (*.txt)", folder.display())]
    NoPages {
        /// The folder.
        folder: PathBuf,
    },
    /// A file with no bytes in it.
    #[error("cannot read \"{}\": the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A file with nothing but white space in it.
    #[error("cannot read \"{}\": the file has no text, only white space", path.display())]
    NoText {
        /// The file.
        path: PathBuf,
    },
    /// A file over the size limit.
    #[error("cannot read \"{}\": it is {} bytes, over the limit of {} bytes for one page file", path.display(), size, limit)]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Bytes that are not text in the detected or requested encoding.
    #[error("cannot read \"{}\": {}", path.display(), problem)]
    Decode {
        /// The file.
        path: PathBuf,
        /// What was wrong with its bytes.
        problem: DecodeError,
    },
    /// An `--encoding` name no encoding answers to.
    #[error("unknown encoding \"{label}\"; try utf-8, gb18030, gbk, big5, utf-16le or utf-16be")]
    UnknownEncoding {
        /// The name given.
        label: String,
    },
}

impl LoadError {
    pub(crate) fn io(path: &Path, cause: std::io::Error) -> Self {
        Self::Io { path: path.to_owned(), cause }
    }

    /// `error`, met reading `path`, said in the words of this module.
    pub(crate) fn read(path: &Path, error: crate::disk::ReadError) -> Self {
        use crate::disk::ReadError;
        let path = path.to_owned();
        match error {
            ReadError::Io(cause) => Self::Io { path, cause },
            ReadError::NotAFile(kind) => Self::NotAFile { path, kind },
            ReadError::TooLarge { size, limit } => Self::TooLarge { path, size, limit },
        }
    }

    pub(crate) fn decode(path: &Path, problem: DecodeError) -> Self {
        Self::Decode { path: path.to_owned(), problem }
    }
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        // The OS text without Rust's "(os error N)" suffix.
        _ => error.to_string().split(" (os error").next().unwrap_or_default().to_owned(),
    }
}
