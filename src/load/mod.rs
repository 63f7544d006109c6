//! Reading pages from disk: one text file, a folder of page files, or one
//! file whose pages are separated by form feeds (as `pdftotext` writes them).
//!
//! Every failure is a [`LoadError`] that names the file and says what is
//! wrong with it; nothing a user hands us can make this module panic.

mod error;
mod form_feed;

use std::fs;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;
use sha2::{Digest, Sha256};

pub use error::LoadError;

use crate::model::{Edition, Page, PageSource};
use crate::text;

/// The largest page file Copydesk reads: 64 MiB. A newspaper page's OCR is
/// tens of kilobytes and a whole edition a few megabytes; anything far larger
/// is not a page, and refusing it keeps memory bounded.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How pages are read.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
    /// Refuse files larger than this many bytes.
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self { encoding: None, max_file_bytes: MAX_FILE_BYTES }
    }
}

impl LoadOptions {
    /// Options forcing the encoding named `label` (any WHATWG label, such as
    /// `gb18030`, `gbk`, `big5`, `utf-16le`, `utf-8`).
    pub fn with_encoding_label(label: &str) -> Result<Self, LoadError> {
        let encoding = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| LoadError::UnknownEncoding { label: label.to_owned() })?;
        Ok(Self { encoding: Some(encoding), ..Self::default() })
    }
}

/// Loads an edition from a page file, a form-feed file, or a folder of pages.
pub fn load_path(path: &Path, options: &LoadOptions) -> Result<Edition, LoadError> {
    let metadata = fs::metadata(path).map_err(|e| LoadError::io(path, e))?;
    let pages = if metadata.is_dir() { load_folder(path, options)? } else { read_file(path, options)? };
    Ok(Edition { pages })
}

/// Loads several paths, in the order given, into one edition.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Result<Edition, LoadError> {
    let mut edition = Edition::default();
    for path in paths {
        edition.pages.extend(load_path(path, options)?.pages);
    }
    Ok(edition)
}

/// The page files of a folder in natural order (`p2` before `p10`): files
/// ending in `.txt`, not hidden. Other files (truth files, saved documents)
/// are left alone.
pub fn page_files(folder: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = fs::read_dir(folder).map_err(|e| LoadError::io(folder, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::io(folder, e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // `is_file` follows links, so a link to a page counts as a page.
        let is_page = !name.starts_with('.') && name.to_ascii_lowercase().ends_with(".txt") && path.is_file();
        if is_page {
            files.push((name, path));
        }
    }
    files.sort_by(|a, b| natord::compare_ignore_case(&a.0, &b.0));
    Ok(files.into_iter().map(|(_, path)| path).collect())
}

fn load_folder(folder: &Path, options: &LoadOptions) -> Result<Vec<Page>, LoadError> {
    let files = page_files(folder)?;
    if files.is_empty() {
        return Err(LoadError::NoPages { folder: folder.to_owned() });
    }
    let mut pages = Vec::new();
    for file in &files {
        pages.extend(read_file(file, options)?);
    }
    Ok(pages)
}

/// Loads the pages of one file (a folder is refused: a document's source
/// is always a file).
pub fn load_file(path: &Path, options: &LoadOptions) -> Result<Edition, LoadError> {
    Ok(Edition { pages: read_file(path, options)? })
}

/// Reads a file (at most `max_file_bytes`, checked before and while reading,
/// so a file growing under us cannot exhaust memory) and splits it into pages.
fn read_file(path: &Path, options: &LoadOptions) -> Result<Vec<Page>, LoadError> {
    let bytes = read_bounded(path, options.max_file_bytes)?;
    pages_from_bytes(path, &bytes, options)
}

/// Makes pages of bytes already in memory (a bundled sample, a dropped
/// file's contents), named after `path`.
pub fn load_bytes(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Edition, LoadError> {
    if bytes.len() as u64 > options.max_file_bytes {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: options.max_file_bytes,
        });
    }
    Ok(Edition { pages: pages_from_bytes(path, bytes, options)? })
}

fn pages_from_bytes(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Vec<Page>, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    let (encoding, bom_len) = match options.encoding {
        Some(forced) => (forced, text::encoding::bom_length(bytes, forced)),
        None => text::encoding::detect(bytes).map_err(|e| LoadError::decode(path, e))?,
    };
    let encoding = text::encoding::widest_compatible(encoding);
    let ranges = form_feed::page_ranges(bytes, bom_len, encoding);
    let several = ranges.len() > 1;
    let file_name =
        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut pages = Vec::with_capacity(ranges.len());
    for (index, range) in ranges.into_iter().enumerate() {
        let page_bytes = &bytes[range.clone()];
        let decoded = text::decode(page_bytes, Some(encoding))
            .map_err(|e| LoadError::decode(path, e.shifted(range.start)))?;
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let name = if several { format!("{file_name}#{number}") } else { file_name.clone() };
        let source = PageSource {
            path: path.to_owned(),
            form_feed_page: several.then_some(number),
            byte_range: range.start as u64..range.end as u64,
        };
        let sha256 = hex(&Sha256::digest(page_bytes));
        pages.push(Page::new(name, source, encoding.name(), sha256, decoded.text));
    }
    if pages.iter().all(|p| p.text.trim().is_empty()) {
        return Err(LoadError::NoText { path: path.to_owned() });
    }
    Ok(pages)
}

fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    crate::disk::read_regular(path, limit).map_err(|e| LoadError::read(path, e))
}

/// Lowercase hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
