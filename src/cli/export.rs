//! `copydesk export DOC --format FORMAT --out PATH [--force]`.

use std::path::Path;

use crate::store::{self, ExportFormat};

/// Exports the corrected edition held by `doc`.
pub fn run(
    doc: &Path,
    format: ExportFormat,
    target: &Path,
    force: bool,
    out: &mut impl std::io::Write,
) -> anyhow::Result<bool> {
    let saved = store::parse(doc)?;
    let written = store::export(&saved, format, target, force)?;
    writeln!(out, "wrote {} file(s) to {}", written.len(), target.display())?;
    Ok(true)
}
