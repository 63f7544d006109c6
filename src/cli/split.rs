//! `copydesk split`: load pages, propose the split, print it as JSON.

use std::path::{Path, PathBuf};

use crate::edit::Document;
use crate::store;

use crate::load::{LoadOptions, load_paths};
use crate::report::SplitReport;
use crate::segment;

/// Prints the proposed split of `paths` as pretty JSON, or saves it as a
/// new document at `doc`. An existing document there (an editor's work,
/// perhaps) is replaced only with `force`.
pub fn run(
    paths: &[PathBuf],
    encoding: Option<&str>,
    model: Option<&Path>,
    doc: Option<&Path>,
    force: bool,
    out: &mut impl std::io::Write,
) -> anyhow::Result<bool> {
    let options = match encoding {
        Some(label) => LoadOptions::with_encoding_label(label)?,
        None => LoadOptions::default(),
    };
    let model = match model {
        Some(path) => std::borrow::Cow::Owned(store::read_model(path)?),
        None => std::borrow::Cow::Borrowed(segment::Model::builtin()),
    };
    let edition = load_paths(paths, &options)?;
    if let Some(doc) = doc {
        if !force && doc.exists() {
            return Err(store::StoreError::Exists { path: doc.to_owned() }.into());
        }
        let document = Document::propose_with(edition, &model);
        store::save(&document, doc)?;
        writeln!(out, "wrote {} ({} articles)", doc.display(), document.split.articles.len())?;
        return Ok(true);
    }
    let proposal = segment::propose_with(&edition, &model);
    serde_json::to_writer_pretty(&mut *out, &SplitReport::of_proposal(&edition, &proposal))?;
    writeln!(out)?;
    Ok(true)
}
