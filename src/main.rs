//! The `copydesk` program: parses the command line and hands over to the
//! library: the window, or a headless subcommand. Errors are printed as one
//! line naming the file and the problem.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use copydesk::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        if let Some(missing) = cli.paths.iter().find(|p| !p.exists()) {
            return no_such_command_or_file(missing);
        }
        return open_window(cli.paths);
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = copydesk::cli::run(command, &mut out).and_then(|fine| Ok((fine, out.flush()?)));
    match result {
        Ok((true, ())) => ExitCode::SUCCESS,
        Ok((false, ())) => ExitCode::FAILURE,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("copydesk: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The editor window on `paths` (the bundled sample when there are none).
#[cfg(feature = "gui")]
fn open_window(paths: Vec<std::path::PathBuf>) -> ExitCode {
    match copydesk::app::run_window(paths) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("copydesk: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Built without the window (`--no-default-features`): only commands.
#[cfg(not(feature = "gui"))]
fn open_window(_paths: Vec<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "copydesk: this build has no window (it was built without the \"gui\" feature); \
         give a command: copydesk --help"
    );
    ExitCode::from(2)
}

/// A word that is neither a command nor a file (a typo such as `copydesk
/// stat`): said so, with the commands there are, instead of a window that
/// could not open it. Exit status 2, as for any misuse of the command line.
fn no_such_command_or_file(word: &std::path::Path) -> ExitCode {
    use clap::CommandFactory;
    let commands: Vec<String> =
        Cli::command().get_subcommands().map(|c| c.get_name().to_owned()).filter(|n| n != "help").collect();
    eprintln!(
        "copydesk: no such command or file: \"{}\"\n  commands: {}; see copydesk --help",
        word.display(),
        commands.join(", ")
    );
    ExitCode::from(2)
}

/// A reader that stopped reading (`copydesk split … | head`) is no error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        let kind = e
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| e.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind));
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
