//! `copydesk diff DOC`: each article's corrections against its source,
//! character by character; coloured on a terminal, marked `[-…-]{+…+}`
//! otherwise.

use std::io::IsTerminal;
use std::path::Path;

use similar::{ChangeTag, TextDiff};

use crate::compose::block_text;
use crate::edit::render_block;
use crate::store::SourceAccess;

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
    let restored = crate::store::open_with(doc, access)?;
    let Some(document) = restored.document else {
        let problems: Vec<String> = restored.problems.iter().map(ToString::to_string).collect();
        super::print_problems(doc, &problems, out)?;
        return Ok(false);
    };
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
            let corrected = render_block(&document.edition, &document.corrections, block).text;
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
    let mut line = String::new();
    let diff = TextDiff::from_chars(source, corrected);
    let mut changes = diff.iter_all_changes().peekable();
    while let Some(first) = changes.next() {
        let tag = first.tag();
        let mut run = first.value().to_owned();
        while let Some(next) = changes.next_if(|c| c.tag() == tag) {
            run.push_str(next.value());
        }
        match (tag, coloured) {
            (ChangeTag::Equal, _) => line.push_str(&run),
            (ChangeTag::Delete, true) => line.push_str(&format!("\x1b[31;9m{run}\x1b[0m")),
            (ChangeTag::Insert, true) => line.push_str(&format!("\x1b[32;4m{run}\x1b[0m")),
            (ChangeTag::Delete, false) => line.push_str(&format!("[-{run}-]")),
            (ChangeTag::Insert, false) => line.push_str(&format!("{{+{run}+}}")),
        }
    }
    line
}
