//! Reading a saved document back, and proving it still matches its source.

use std::path::{Path, PathBuf};

use super::format::{FORMAT, SavedDocument, VERSION};
use super::sources::SourceAccess;
use super::stamp::DiskStamp;
use super::{MAX_DOCUMENT_BYTES, StoreError};
use crate::edit::{Correction, Document};
use crate::model::{ArticleId, Block, Dismissal, Edition, Review, Split};
use crate::text::{MESSAGE_CHARS, excerpt};

/// Why a source page cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceProblem {
    /// The file is gone or unreadable.
    Missing {
        /// Page number, from 1.
        page: u32,
        /// Where it was looked for.
        path: PathBuf,
        /// Why it could not be read.
        reason: String,
    },
    /// The file lies outside the document's folder and the editor has not
    /// agreed to read it.
    Outside {
        /// Page number, from 1.
        page: u32,
        /// The file.
        path: PathBuf,
        /// How it leaves the folder.
        why: super::sources::Outside,
    },
    /// The file is there but its bytes changed since the document was saved.
    Changed {
        /// Page number, from 1.
        page: u32,
        /// The file.
        path: PathBuf,
    },
}

impl Restored {
    /// The sources not read because they lie outside the document's
    /// folder: what the editor is asked about.
    pub fn outside_sources(&self) -> Vec<&Path> {
        self.problems
            .iter()
            .filter_map(|problem| match problem {
                SourceProblem::Outside { path, .. } => Some(path.as_path()),
                _ => None,
            })
            .collect()
    }
}

impl std::fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceProblem::Missing { page, path, reason } => {
                write!(f, "page {page}: source \"{}\" cannot be read: {reason}", shown(path))
            }
            SourceProblem::Outside { page, path, why } => write!(
                f,
                "page {page}: source \"{}\" is outside the document's folder ({why}) and was not read",
                shown(path)
            ),
            SourceProblem::Changed { page, path } => write!(
                f,
                "page {page}: source \"{}\" has changed since the document was saved (its SHA-256 differs)",
                shown(path)
            ),
        }
    }
}

/// A source path as a message shows it: a document may record a path of
/// megabytes.
fn shown(path: &Path) -> String {
    excerpt(&path.display().to_string(), 4 * MESSAGE_CHARS)
}

/// A saved document read back.
#[derive(Debug)]
pub struct Restored {
    /// What the file holds.
    pub saved: SavedDocument,
    /// The editable document, when every source is present and unchanged.
    pub document: Option<Document>,
    /// Why not, page by page.
    pub problems: Vec<SourceProblem>,
    /// What the document file was as it was read, for the changed-on-disk
    /// check (`None` when the work came from elsewhere: a recovery file).
    pub stamp: Option<DiskStamp>,
}

/// Reads and checks the document at `path` without touching its sources.
pub fn parse(path: &Path) -> Result<SavedDocument, StoreError> {
    parse_bytes(&read_bounded(path, MAX_DOCUMENT_BYTES)?, path)
}

/// Reads the file at `path`, refusing one over `limit` bytes before reading
/// it (memory stays bounded whatever is there).
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, StoreError> {
    crate::disk::read_regular(path, limit).map_err(|e| StoreError::disk("read", path, e))
}

/// Checks `bytes` as a saved document read from `path` (which errors name).
/// The JSON is parsed once, straight into the document.
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<SavedDocument, StoreError> {
    let document: SavedDocument =
        serde_json::from_slice(bytes).map_err(|e| why_unparsed(bytes, path, &e, DOCUMENT, None))?;
    DOCUMENT.check(path, &document.format, u64::from(document.version))?;
    Ok(document)
}

/// A kind of versioned file: the `format` it says it is, and the newest
/// version of it this program knows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kind {
    /// Its `format` field.
    pub format: &'static str,
    /// The newest version known.
    pub known: u32,
}

/// Saved documents.
pub(crate) const DOCUMENT: Kind = Kind { format: FORMAT, known: VERSION };

impl Kind {
    /// Checks that a file (read from `path`) that says it is `format`, in
    /// `version`, is of this kind, in a version this program knows.
    pub(crate) fn check(self, path: &Path, format: &str, version: u64) -> Result<(), StoreError> {
        if format != self.format {
            return Err(damaged(path, format!("no \"format\": \"{}\" field", self.format)));
        }
        if version > u64::from(self.known) {
            let found = u32::try_from(version).unwrap_or(u32::MAX);
            return Err(StoreError::NewerVersion { path: path.to_owned(), found, known: self.known });
        }
        Ok(())
    }
}

/// The fields that say what a file is, read only to explain why it did not
/// parse (a newer version may have another shape).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
    document: Option<Box<Header>>,
}

impl Header {
    fn check(&self, path: &Path, kind: Kind) -> Result<(), StoreError> {
        let format = self.format.as_ref().and_then(serde_json::Value::as_str).unwrap_or_default();
        kind.check(path, format, self.version.as_ref().and_then(serde_json::Value::as_u64).unwrap_or(0))
    }
}

/// Why `bytes` (read from `path`) did not parse as a file of `kind`, with a
/// document of kind `inner` inside it: another format or a newer version
/// when its header says so, else what the parser said (`error`).
pub(crate) fn why_unparsed(
    bytes: &[u8],
    path: &Path,
    error: &serde_json::Error,
    kind: Kind,
    inner: Option<Kind>,
) -> StoreError {
    let Ok(header) = serde_json::from_slice::<Header>(bytes) else { return damaged(path, error.to_string()) };
    let inner_header = header.document.as_deref().zip(inner);
    let explained = header.check(path, kind).and_then(|()| match inner_header {
        Some((document, inner)) => document.check(path, inner),
        None => Ok(()),
    });
    explained.err().unwrap_or_else(|| damaged(path, error.to_string()))
}

/// The file at `path` is damaged, because of `reason` (cut short: a
/// parser's reason may quote a whole field).
pub(crate) fn damaged(path: &Path, reason: String) -> StoreError {
    StoreError::Damaged { path: path.to_owned(), reason: excerpt(&reason, 4 * MESSAGE_CHARS) }
}

/// Opens the document at `path`: reads it, finds its sources (relative to
/// the document's folder; those outside it are not read, see
/// [`open_with`]), checks each page's SHA-256, and rebuilds the editable
/// document when every source matches.
pub fn open(path: &Path) -> Result<Restored, StoreError> {
    open_with(path, SourceAccess::InsideFolder)
}

/// Opens the document at `path` like [`open`], reading the sources that
/// `access` allows.
pub fn open_with(path: &Path, access: SourceAccess) -> Result<Restored, StoreError> {
    let bytes = read_bounded(path, MAX_DOCUMENT_BYTES)?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let stamp = DiskStamp::of_bytes(&bytes, modified);
    let saved = parse_bytes(&bytes, path)?;
    drop(bytes); // the parsed document holds it all now
    let folder = super::save::folder_of(path);
    Ok(Restored { stamp: Some(stamp), ..rebuild_from(saved, &folder, path, access)? })
}

/// Rebuilds the editable document from `saved` (read from `origin`, which
/// errors name), finding its sources relative to `folder` as `access`
/// allows.
pub fn rebuild_from(
    saved: SavedDocument,
    folder: &Path,
    origin: &Path,
    access: SourceAccess,
) -> Result<Restored, StoreError> {
    let (pages, problems) = super::sources::find(&saved, folder, access);
    let document = if problems.is_empty() {
        let edition = Edition { pages };
        Some(
            rebuild(&saved, edition)
                .map_err(|reason| StoreError::Damaged { path: origin.to_owned(), reason })?,
        )
    } else {
        None
    };
    Ok(Restored { saved, document, problems, stamp: None })
}

/// The editable document from the saved split and corrections, over
/// `edition` (the sources, already found and checked): every range, page,
/// article and overlap is checked, so a damaged document is refused here.
pub fn rebuild(saved: &SavedDocument, edition: Edition) -> Result<Document, String> {
    let page_index = |page: u32| -> Result<usize, String> {
        let index = (page as usize).checked_sub(1).filter(|&i| i < edition.pages.len());
        index.ok_or_else(|| format!("page {page} does not exist"))
    };
    let check_range = |index: usize, start: usize, end: usize| -> Result<(), String> {
        let text = &edition.pages[index].text;
        let fits =
            start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end);
        if fits { Ok(()) } else { Err(format!("range {start}..{end} does not fit page {}", index + 1)) }
    };
    let mut blocks = Vec::with_capacity(saved.blocks.len());
    for block in &saved.blocks {
        let page = page_index(block.page)?;
        check_range(page, block.start, block.end)?;
        let article = block.article.as_deref().map(parse_id).transpose()?;
        blocks.push(Block { page, range: block.start..block.end, role: block.role, cue: block.cue, article });
    }
    let articles = saved.articles.iter().map(|a| parse_id(&a.id)).collect::<Result<Vec<_>, _>>()?;
    let mut corrections = Vec::with_capacity(saved.corrections.len());
    for correction in &saved.corrections {
        let page = page_index(correction.page)?;
        check_range(page, correction.start, correction.end)?;
        corrections.push(Correction {
            page,
            range: correction.start..correction.end,
            text: correction.text.clone(),
        });
    }
    corrections.sort();
    let mut review = Review::default();
    for (saved, &id) in saved.articles.iter().zip(&articles) {
        if saved.reviewed {
            review.reviewed.insert(id);
        }
    }
    for dismissal in &saved.dismissed {
        let page = page_index(dismissal.page)?;
        check_range(page, dismissal.start, dismissal.end)?;
        review.dismissed.insert(Dismissal {
            page,
            start: dismissal.start,
            end: dismissal.end,
            suggestion: dismissal.suggestion.clone(),
        });
    }
    let split = Split { blocks, articles };
    check_split(&split)?;
    check_corrections(&corrections)?;
    Ok(Document { edition, split, corrections, review })
}

/// What the editor relies on in a split: blocks in source order without
/// overlaps, noise exactly where there is no article, every article listed
/// once and every block's article listed. A document that breaks any of
/// these was not written by Copydesk (or was damaged): it is refused, not
/// half-trusted.
fn check_split(split: &Split) -> Result<(), String> {
    for pair in split.blocks.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if (a.page, a.range.end) > (b.page, b.range.start) {
            return Err(format!(
                "blocks overlap or are out of order: page {} bytes {:?} then page {} bytes {:?}",
                a.page + 1,
                a.range,
                b.page + 1,
                b.range
            ));
        }
    }
    let mut listed = std::collections::HashSet::new();
    for id in &split.articles {
        if !listed.insert(*id) {
            return Err(format!("article {id} is listed twice"));
        }
    }
    for block in &split.blocks {
        match (block.role.is_set_aside(), block.article) {
            (true, Some(id)) => return Err(format!("a {} block belongs to article {id}", block.role)),
            (false, None) => return Err(format!("a {} block belongs to no article", block.role)),
            (false, Some(id)) if !listed.contains(&id) => {
                return Err(format!("a block belongs to article {id}, which is not listed"));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Corrections (sorted) must not overlap: each replaces its own source.
fn check_corrections(corrections: &[Correction]) -> Result<(), String> {
    for pair in corrections.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.page == b.page && (a.range.end > b.range.start || a.range.start == b.range.start) {
            return Err(format!(
                "corrections overlap on page {}: bytes {:?} and {:?}",
                a.page + 1,
                a.range,
                b.range
            ));
        }
    }
    Ok(())
}

fn parse_id(id: &str) -> Result<ArticleId, String> {
    id.strip_prefix('a')
        .and_then(|n| n.parse().ok())
        .map(ArticleId)
        .ok_or_else(|| format!("bad article id {:?}", excerpt(id, MESSAGE_CHARS)))
}
