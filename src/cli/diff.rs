//! `copydesk diff DOC`: each article's corrections against its source,
//! character by character; coloured on a terminal, marked `[-…-]{+…+}`
//! otherwise.

use std::io::IsTerminal;
use std::path::Path;

use crate::compose::block_text;
use crate::edit::render_block_text;
use crate::store::SourceAccess;
use crate::text::diff::{Tag, diff};

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Colour {
    /// When standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Prints the diff of every corrected block of `doc`.
/// Only the sources `access` allows are read.
pub fn run(
    doc: &Path,
    colour: Colour,
    access: SourceAccess,
    out: &mut impl std::io::Write,
) -> anyhow::Result<bool> {
    let Some(document) = super::editable(doc, access, out)? else { return Ok(false) };
    let coloured = match colour {
        Colour::Auto => std::io::stdout().is_terminal(),
        Colour::Always => true,
        Colour::Never => false,
    };
    let mut any = false;
    for &id in &document.split.articles {
        let mut header = false;
        for block in document.split.blocks_of(id) {
            let source = block_text(&document.edition, block);
            let corrected = render_block_text(&document.edition, &document.corrections, block);
            if source == corrected {
                continue;
            }
            if !header {
                let spans = document.split.spans(id, &document.edition);
                let place = spans.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                writeln!(out, "== {id} ({place})")?;
                header = true;
            }
            writeln!(out, "{} {}:", block.role, block.span(&document.edition))?;
            writeln!(out, "{}", diff_line(&source, &corrected, coloured))?;
            any = true;
        }
    }
    if !any {
        writeln!(out, "no corrections")?;
    }
    Ok(true)
}

/// `source` against `corrected` on one line, changed runs marked whole
/// (`[-old-]{+new+}`, or colours on a terminal).
fn diff_line(source: &str, corrected: &str, coloured: bool) -> String {
    let mut line = String::with_capacity(source.len() + corrected.len() + 16);
    for run in diff(source, corrected) {
        let (open, close, text) = match (run.tag, coloured) {
            (Tag::Equal, _) => ("", "", &source[run.old]),
            (Tag::Delete, true) => ("\x1b[31;9m", "\x1b[0m", &source[run.old]),
            (Tag::Insert, true) => ("\x1b[32;4m", "\x1b[0m", &corrected[run.new]),
            (Tag::Delete, false) => ("[-", "-]", &source[run.old]),
            (Tag::Insert, false) => ("{+", "+}", &corrected[run.new]),
        };
        line.push_str(open);
        line.push_str(text);
        line.push_str(close);
    }
    line
}
