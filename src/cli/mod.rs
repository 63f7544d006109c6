//! The command line: `copydesk [PATH…]` opens the window, `copydesk split
//! PATH…` works headless. Each subcommand lives in its own file; this one
//! only parses and dispatches.

mod diff;
mod eval;
mod export;
mod split;
mod stats;
mod train;
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
        /// Propose with this model file (from `copydesk train`) instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
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
    /// Print review progress: per article and for the edition, corrections, characters
    /// changed, the source's character error rate for reviewed articles, suspects left.
    Stats {
        /// The document (*.copydesk.json).
        doc: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
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
    /// Score the proposed split against truth files (NAME.truth.json beside NAME.txt).
    Eval {
        /// Truth files, or folders searched for them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
        /// Propose with this model file instead of the built-in one.
        #[arg(long, value_name = "FILE", conflicts_with = "leave_one_paper_out")]
        model: Option<PathBuf>,
        /// Score each paper with a model trained on all the other papers' pages
        /// (a truth file's "paper", else its page's name, tells papers apart).
        #[arg(long)]
        leave_one_paper_out: bool,
        /// Like --leave-one-paper-out, but with the papers dealt into this many groups
        /// (faster; still no page is scored by a model that saw its paper).
        #[arg(long, value_name = "K", conflicts_with_all = ["model", "leave_one_paper_out"])]
        paper_folds: Option<usize>,
        /// How to train.
        #[command(flatten)]
        training: TrainingArgs,
    },
    /// Learn a split model from truth files and from documents editors corrected.
    Train {
        /// Truth files, folders of them, and *.copydesk.json documents.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the model file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Start from the built-in model (or --model) and stay near it: adapts it to
        /// a newsroom's own paper from a few corrected issues.
        #[arg(long)]
        adapt: bool,
        /// The model to adapt (with --adapt) instead of the built-in one.
        #[arg(long, value_name = "FILE", requires = "adapt")]
        model: Option<PathBuf>,
        /// How to train.
        #[command(flatten)]
        training: TrainingArgs,
    },
}

/// How to train a model.
#[derive(Debug, Clone, clap::Args)]
pub struct TrainingArgs {
    /// At most this many L-BFGS steps (training stops earlier when it
    /// reaches the optimum).
    #[arg(long, default_value_t = crate::segment::Training::default().iterations)]
    iterations: u64,
    /// Strength of the L2 penalty.
    #[arg(long, default_value_t = crate::segment::Training::default().l2)]
    l2: f64,
    /// Learn nothing from the words of Latin lines.
    #[arg(long)]
    no_word_features: bool,
    /// Learn no weights shared by Chinese and Latin pages, only each
    /// script's own (see docs/split.md for what that trades).
    #[arg(long)]
    no_shared_script_features: bool,
    /// Learn no junction weights (what the meeting of a line with the one
    /// before says about the pair of tags), only the plain transitions.
    #[arg(long)]
    no_junction_features: bool,
    /// Strength of the L2 penalty on the junction weights.
    #[arg(long, default_value_t = crate::segment::Training::default().junction_l2)]
    junction_l2: f64,
    /// Margin a missed boundary costs in training (0 with the next: plain
    /// likelihood, as before boundary costs).
    #[arg(long, value_name = "COST", value_parser = cost, default_value_t = crate::segment::Training::default().costs.missed)]
    missed_boundary_cost: f64,
    /// Margin a boundary proposed where there is none costs in training.
    #[arg(long, value_name = "COST", value_parser = cost, default_value_t = crate::segment::Training::default().costs.extra)]
    extra_boundary_cost: f64,
}

/// A boundary cost: a number, 0 or more.
fn cost(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(cost) if cost.is_finite() && cost >= 0.0 => Ok(cost),
        _ => Err(format!("{text:?} is not a cost: give a number, 0 or more")),
    }
}

impl TrainingArgs {
    fn settings(&self) -> crate::segment::Training {
        crate::segment::Training {
            iterations: self.iterations,
            l2: self.l2,
            words: !self.no_word_features,
            shared: !self.no_shared_script_features,
            junctions: !self.no_junction_features,
            junction_l2: self.junction_l2,
            costs: crate::segment::BoundaryCosts {
                missed: self.missed_boundary_cost,
                extra: self.extra_boundary_cost,
            },
            ..Default::default()
        }
    }
}

/// Runs a headless subcommand, writing to `out`. `Ok(false)` means the
/// command ran but found problems (verify), for a non-zero exit status.
pub fn run(command: Command, out: &mut impl std::io::Write) -> anyhow::Result<bool> {
    match command {
        Command::Split { paths, encoding, model, out: doc, force } => {
            split::run(&paths, encoding.as_deref(), model.as_deref(), doc.as_deref(), force, out)
        }
        Command::Verify { doc, allow_outside_sources } => {
            verify::run(&doc, access(allow_outside_sources), out)
        }
        Command::Diff { doc, colour, allow_outside_sources } => {
            diff::run(&doc, colour, access(allow_outside_sources), out)
        }
        Command::Stats { doc, json, allow_outside_sources } => {
            stats::run(&doc, json, access(allow_outside_sources), out)
        }
        Command::Export { doc, format, out: target, force } => export::run(&doc, format, &target, force, out),
        Command::Eval { paths, json, model, leave_one_paper_out, paper_folds, training } => {
            let how = match (model, leave_one_paper_out, paper_folds) {
                (_, _, Some(k)) => eval::Proposer::PaperFolds(training.settings(), k),
                (_, true, None) => eval::Proposer::LeaveOnePaperOut(training.settings()),
                (Some(path), false, None) => eval::Proposer::Model(crate::store::read_model(&path)?),
                (None, false, None) => eval::Proposer::Builtin,
            };
            eval::run(&paths, &how, json, out)
        }
        Command::Train { paths, out: target, adapt, model, training } => {
            let base = match (adapt, model) {
                (false, _) => None,
                (true, Some(path)) => Some(crate::store::read_model(&path)?),
                (true, None) => Some(crate::segment::Model::builtin().clone()),
            };
            train::run(train::TrainArgs { paths, out: target, base, settings: training.settings() }, out)
        }
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

/// The editable document at `doc`, reading the sources `access` allows;
/// `None` (its problems printed, one a line) when a source is missing,
/// changed or outside its folder.
fn editable(
    doc: &std::path::Path,
    access: crate::store::SourceAccess,
    out: &mut impl std::io::Write,
) -> anyhow::Result<Option<crate::edit::Document>> {
    let restored = crate::store::open_with(doc, access)?;
    if restored.document.is_none() {
        let problems: Vec<String> = restored.problems.iter().map(ToString::to_string).collect();
        print_problems(doc, &problems, out)?;
    }
    Ok(restored.document)
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

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[test]
    fn a_boundary_cost_is_a_number_zero_or_more() {
        for good in ["0", "0.5", "2"] {
            assert!(cost(good).is_ok(), "{good}");
        }
        for bad in ["-1", "nan", "inf", "one"] {
            let refused = cost(bad).unwrap_err();
            assert!(refused.contains(bad), "the message quotes what was given: {refused}");
        }
    }

    #[test]
    fn training_reads_its_boundary_costs_and_defaults_to_the_shipped_ones() {
        let parsed = |extra: &[&str]| {
            let args = ["copydesk", "train", "pages", "--out", "m.model"].iter().chain(extra);
            match Cli::try_parse_from(args).map(|cli| cli.command) {
                Ok(Some(Command::Train { training, .. })) => Some(training.settings().costs),
                _ => None,
            }
        };
        assert_eq!(parsed(&[]), Some(crate::segment::Training::default().costs));
        let plain = parsed(&["--missed-boundary-cost", "0", "--extra-boundary-cost", "0"]);
        assert_eq!(plain, Some(crate::segment::BoundaryCosts::NONE));
        assert_eq!(parsed(&["--missed-boundary-cost=-1"]), None);
    }
}
