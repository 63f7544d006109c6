//! The command line: `copydesk split PATH…` and, later, the window. Each
//! subcommand lives in its own file; this one only parses and dispatches.

mod split;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Turns raw newspaper OCR text into clean, article-by-article text"
)]
pub struct Cli {
    /// What to do.
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

/// Runs the parsed command line, writing to `out`.
pub fn run(cli: Cli, out: &mut impl std::io::Write) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Split { paths, encoding }) => split::run(&paths, encoding.as_deref(), out),
        None => {
            use clap::CommandFactory;
            let help = Cli::command().render_help();
            writeln!(out, "{help}")?;
            Ok(())
        }
    }
}
