//! The command line: `copydesk [PATH…]` opens the window, `copydesk split
//! PATH…` works headless. Each subcommand lives in its own file; this one
//! only parses and dispatches.

mod split;

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
    },
}

/// Runs a headless subcommand, writing to `out`.
pub fn run(command: Command, out: &mut impl std::io::Write) -> anyhow::Result<()> {
    match command {
        Command::Split { paths, encoding } => split::run(&paths, encoding.as_deref(), out),
    }
}
