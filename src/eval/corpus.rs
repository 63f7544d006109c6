//! Pages with truth, as found on disk: each `NAME.truth.json` beside its
//! `NAME.txt`, loaded once and kept with what the truth says of each line.

use std::path::{Path, PathBuf};

use super::truth::{Owner, Truth, TruthError, TruthLine};
use crate::load::{LoadError, LoadOptions, load_path};
use crate::model::Edition;
use crate::segment::Labelled;

/// One page with its truth.
#[derive(Debug, Clone)]
pub struct TruthPage {
    /// The page's name (its file name without `.txt`).
    pub name: String,
    /// The page, as an edition of one.
    pub edition: Edition,
    /// The truth file.
    pub truth: Truth,
    /// What the truth says of each non-blank line.
    pub lines: Vec<TruthLine>,
}

impl TruthPage {
    /// The paper the page belongs to (for leave-one-paper-out).
    pub fn paper(&self) -> String {
        self.truth.paper_or(&self.name)
    }

    /// The page as training reads it: who owns each line, in what role.
    pub fn labelled(&self) -> Labelled<'_> {
        let lines = self
            .lines
            .iter()
            .map(|l| {
                let owner = match l.owner {
                    Owner::Article(n) => Some(n),
                    _ => None,
                };
                (l.line, owner, l.roles.first().copied().unwrap_or(crate::model::Role::Body))
            })
            .collect();
        Labelled {
            page: &self.edition.pages[0],
            lines,
            weight: self.truth.weight.unwrap_or(1.0).clamp(0.0, 100.0),
        }
    }

    /// `zh` for Chinese pages, else the truth's language (`en`).
    pub fn language(&self) -> &str {
        if self.truth.is_chinese() {
            "zh"
        } else if self.truth.language.is_empty() {
            "?"
        } else {
            &self.truth.language
        }
    }
}

/// Why a set of truth pages could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A truth file is unusable.
    #[error(transparent)]
    Truth(#[from] TruthError),
    /// Its page is unreadable.
    #[error(transparent)]
    Page(#[from] LoadError),
    /// The truth does not fit its page.
    #[error("\"{}\" does not fit its page: {what}", path.display())]
    Mismatch {
        /// The truth file.
        path: PathBuf,
        /// What is wrong.
        what: String,
    },
    /// A folder could not be listed.
    #[error("cannot list \"{}\": {source}", path.display())]
    List {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Nothing found.
    #[error("no truth files (*.truth.json) in {0}")]
    Empty(String),
}

/// Every truth file in `paths` (files, or folders searched recursively),
/// sorted by path.
pub fn find_truth_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CorpusError> {
    let mut found = Vec::new();
    for path in paths {
        collect(path, &mut found)?;
    }
    found.sort();
    found.dedup();
    if found.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| format!("\"{}\"", p.display())).collect();
        return Err(CorpusError::Empty(names.join(", ")));
    }
    Ok(found)
}

fn collect(path: &Path, found: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    if !path.is_dir() {
        found.push(path.to_owned());
        return Ok(());
    }
    let entries =
        std::fs::read_dir(path).map_err(|source| CorpusError::List { path: path.to_owned(), source })?;
    for entry in entries {
        let entry = entry.map_err(|source| CorpusError::List { path: path.to_owned(), source })?;
        let child = entry.path();
        if child.is_dir() {
            collect(&child, found)?;
        } else if child.to_string_lossy().ends_with(".truth.json") {
            found.push(child);
        }
    }
    Ok(())
}

/// Loads a truth file and its page (`NAME.txt` beside `NAME.truth.json`).
pub fn load_truth_page(truth_path: &Path) -> Result<TruthPage, CorpusError> {
    let truth = Truth::read(truth_path)?;
    let file = truth_path.to_string_lossy();
    let stem = file.strip_suffix(".truth.json").unwrap_or(&file);
    let page_path = PathBuf::from(format!("{stem}.txt"));
    let edition = load_path(&page_path, &LoadOptions::default())?;
    let page = &edition.pages[0];
    let text: Vec<&str> = (0..page.line_count()).map(|n| page.line(n)).collect();
    let lines =
        truth.lines(&text).map_err(|what| CorpusError::Mismatch { path: truth_path.to_owned(), what })?;
    let name =
        Path::new(stem).file_name().map_or_else(|| stem.to_owned(), |n| n.to_string_lossy().into_owned());
    Ok(TruthPage { name, edition, truth, lines })
}

/// Loads every truth page in `paths`.
pub fn load_truth_pages(paths: &[PathBuf]) -> Result<Vec<TruthPage>, CorpusError> {
    find_truth_files(paths)?.iter().map(|p| load_truth_page(p)).collect()
}
