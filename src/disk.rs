//! Reading files someone handed us: only regular files, and never more than
//! a limit. A named pipe would block `open` until a writer came (the window
//! turned black, `split` waited forever), a device such as `/dev/zero`
//! never ends, and a folder is no file at all: each is refused by name
//! ("it is a named pipe") before anything is read.
//!
//! The type is checked twice: on the path before opening (so a pipe or a
//! device is never even opened), and on the opened handle (so a file
//! swapped for a pipe between the two cannot slip through). On Unix the
//! open itself is non-blocking, which is what makes the second check safe.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// What a path is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    /// A FIFO: reading it waits for a writer.
    NamedPipe,
    /// A character or block device (`/dev/zero`, a disk).
    Device,
    /// A Unix socket.
    Socket,
    /// A folder.
    Folder,
    /// Anything else the system has.
    Other,
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NotAFile::NamedPipe => "it is a named pipe, not a file",
            NotAFile::Device => "it is a device, not a file",
            NotAFile::Socket => "it is a socket, not a file",
            NotAFile::Folder => "it is a folder, not a file",
            NotAFile::Other => "it is not a regular file",
        })
    }
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The system refused (no such file, permission denied…).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The path is a pipe, a device, a folder…
    #[error("{0}")]
    NotAFile(NotAFile),
    /// Over the limit given.
    #[error("it is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Its size (or how much of it was read before giving up).
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// Refuses `metadata` unless it is a regular file's.
pub fn check_regular(metadata: &Metadata) -> Result<(), NotAFile> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        return Err(NotAFile::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Err(NotAFile::NamedPipe);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Err(NotAFile::Device);
        }
        if kind.is_socket() {
            return Err(NotAFile::Socket);
        }
    }
    Err(NotAFile::Other)
}

/// Opens `path` for reading if, and only if, it is a regular file (a link
/// to one counts); returns the file and its metadata.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadError> {
    check_regular(&std::fs::metadata(path)?).map_err(ReadError::NotAFile)?;
    let file = open_without_blocking(path)?;
    let metadata = file.metadata()?;
    check_regular(&metadata).map_err(ReadError::NotAFile)?;
    Ok((file, metadata))
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: a pipe put in the file's place after the check above
    // opens at once instead of waiting; on a regular file it changes
    // nothing. O_NOCTTY: a terminal never becomes ours by being opened.
    std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Reads the regular file at `path`, refusing one over `limit` bytes before
/// reading it, and one that grows past the limit while it is read.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, metadata) = open_regular(path)?;
    let size = metadata.len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// Refuses to write to `path` when something other than a regular file is
/// there (opening a pipe for writing would wait for a reader); a missing
/// path is fine.
pub fn check_writable(path: &Path) -> Result<(), ReadError> {
    match std::fs::metadata(path) {
        Ok(metadata) => check_regular(&metadata).map_err(ReadError::NotAFile),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_named_and_a_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_regular(dir.path(), 10).unwrap_err().to_string();
        assert_eq!(error, "it is a folder, not a file");
        let file = dir.path().join("p.txt");
        std::fs::write(&file, "abc").unwrap();
        assert_eq!(read_regular(&file, 3).unwrap(), b"abc");
        assert!(matches!(read_regular(&file, 2), Err(ReadError::TooLarge { size: 3, limit: 2 })));
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_never_read() {
        let error = read_regular(Path::new("/dev/zero"), 10).unwrap_err().to_string();
        assert_eq!(error, "it is a device, not a file");
    }
}
