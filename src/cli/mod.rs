//! The command line: `copydesk [PATH…]` opens the window, `copydesk split
//! PATH…` works headless. Each subcommand lives in its own file; this one
//! only parses and dispatches.

mod diff;
mod export;
mod split;
mod verify;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Turns raw newspaper OCR text into clean, article-by-article text",
    long_about = "Turns raw newspaper OCR text into clean, article-by-article text.\n\n\
                  Without a subcommand, opens the editor window on PATHs (pages, form-feed files or \
                  folders), or on the bundled sample edition when none are given.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Pages, form-feed files or folders to open in the window.
    pub paths: Vec<PathBuf>,
    /// What to do without a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the proposed article split of a page, a form-feed file or a folder of pages as JSON.
    Split {
        /// Page files, form-feed files or folders of page files (*.txt), in reading order.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Read the pages in this encoding instead of detecting it (utf-8, gb18030, gbk, big5, utf-16le…).
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// Write the proposal as a new document (*.copydesk.json) instead of printing it.
        #[arg(long, value_name = "DOC")]
        out: Option<PathBuf>,
        /// Replace the document at --out if it exists (its previous version is kept as DOC.bak).
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Check that a document's sources are present and unchanged and that its diffs reproduce its text.
    Verify {
        /// The document (*.copydesk.json).
        doc: PathBuf,
        /// Read sources outside the document's folder too (absolute paths, .., links out).
        #[arg(long)]
        allow_outside_sources: bool,
    },
    /// Print each article's corrections against its source.
    Diff {
        /// The document (*.copydesk.json).
        doc: PathBuf,
        /// Colour the output: auto (on a terminal), always or never.
        #[arg(long, value_enum, default_value_t = diff::Colour::Auto)]
        colour: diff::Colour,
        /// Read sources outside the document's folder too (absolute paths, .., links out).
        #[arg(long)]
        allow_outside_sources: bool,
    },
    /// Write the corrected edition for the newsroom or the archive.
    Export {
        /// The document (*.copydesk.json).
        doc: PathBuf,
        /// text (one file per article, in a folder), markdown, ninjs or json.
        #[arg(long, value_enum)]
        format: crate::store::ExportFormat,
        /// Where to write: a folder for text, a file otherwise.
        #[arg(long)]
        out: PathBuf,
        /// Replace files that exist.
        #[arg(long)]
        force: bool,
    },
}

/// Runs a headless subcommand, writing to `out`. `Ok(false)` means the
/// command ran but found problems (verify), for a non-zero exit status.
pub fn run(command: Command, out: &mut impl std::io::Write) -> anyhow::Result<bool> {
    match command {
        Command::Split { paths, encoding, out: doc, force } => {
            split::run(&paths, encoding.as_deref(), doc.as_deref(), force, out)
        }
        Command::Verify { doc, allow_outside_sources } => {
            verify::run(&doc, access(allow_outside_sources), out)
        }
        Command::Diff { doc, colour, allow_outside_sources } => {
            diff::run(&doc, colour, access(allow_outside_sources), out)
        }
        Command::Export { doc, format, out: target, force } => export::run(&doc, format, &target, force, out),
    }
}

/// The sources `--allow-outside-sources` lets a subcommand read.
fn access(allow_outside_sources: bool) -> crate::store::SourceAccess {
    if allow_outside_sources {
        crate::store::SourceAccess::Anywhere
    } else {
        crate::store::SourceAccess::InsideFolder
    }
}

/// Prints `problems` of the document at `doc`, one a line, with how to
/// read sources outside its folder when that is what stopped them.
fn print_problems(
    doc: &std::path::Path,
    problems: &[String],
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    for problem in problems {
        writeln!(out, "{}: {problem}", doc.display())?;
    }
    if problems.iter().any(|p| p.contains("outside the document's folder")) {
        writeln!(
            out,
            "{}: to read sources outside the document's folder, check them and add --allow-outside-sources",
            doc.display()
        )?;
    }
    Ok(())
}
