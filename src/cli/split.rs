//! `copydesk split`: load pages, propose the split, print it as JSON.

use std::path::PathBuf;

use crate::load::{LoadOptions, load_paths};
use crate::report::SplitReport;
use crate::segment;

/// Prints the proposed split of `paths` as pretty JSON.
pub fn run(paths: &[PathBuf], encoding: Option<&str>, out: &mut impl std::io::Write) -> anyhow::Result<()> {
    let options = match encoding {
        Some(label) => LoadOptions::with_encoding_label(label)?,
        None => LoadOptions::default(),
    };
    let edition = load_paths(paths, &options)?;
    let split = segment::propose(&edition);
    serde_json::to_writer_pretty(&mut *out, &SplitReport::new(&edition, &split))?;
    writeln!(out)?;
    Ok(())
}
