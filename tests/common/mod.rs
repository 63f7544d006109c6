//! Helpers shared by the integration tests: running the binary, reading
//! fixtures, and scoring a proposed split against a hand-made truth file.

#![allow(dead_code)] // each test file uses a different part

pub mod truth;
#[cfg(feature = "gui")]
pub mod window;

#[path = "../../benches/common/mod.rs"]
mod edition;
pub use edition::replaced_paragraph;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// The folder of test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture's path.
pub fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// The sample page: the front page of a Chinese city daily.
pub const SAMPLE: &str = "yongkang-daily-2022-11-07-p1.txt";

/// A temporary folder holding a copy of the sample page, and the page's
/// path in it (the folder goes when the first value is dropped).
pub fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let page = dir.path().join(SAMPLE);
    std::fs::copy(fixture(SAMPLE), &page).expect("the sample copied");
    (dir, page)
}

/// The `copydesk` binary, ready to run.
pub fn copydesk() -> Command {
    Command::cargo_bin("copydesk").expect("the copydesk binary is built for tests")
}

/// Runs `copydesk split` on `paths` (plus `extra` arguments), expects
/// success, and parses the JSON it prints.
pub fn split_json(paths: &[&Path], extra: &[&str]) -> Value {
    let output = copydesk().arg("split").args(paths).args(extra).output().expect("copydesk runs");
    assert!(output.status.success(), "copydesk split failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("copydesk split prints JSON")
}

/// Runs `copydesk split` expecting failure; returns its standard error.
pub fn split_error(paths: &[&Path], extra: &[&str]) -> String {
    let output = copydesk().arg("split").args(paths).args(extra).output().expect("copydesk runs");
    assert!(!output.status.success(), "copydesk split should have failed");
    assert!(output.stdout.is_empty(), "nothing is printed on failure");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    stderr
}

/// Longest a command may take before a test calls it hung (a guard
/// against waiting forever, not a measure of speed).
pub const HANG: Duration = Duration::from_secs(120);

/// Runs `work` on another thread; a loader blocked in `open` fails the test
/// instead of hanging it.
pub fn within<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver.recv_timeout(HANG).expect("hung: blocked reading a file that is not a regular file")
}

/// Makes a named pipe at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo");
}

/// A workspace whose sample has its longest paragraph replaced by `length`
/// characters (see [`replaced_paragraph`]), saved there as `name`: the
/// folder, the document, the paragraph's block and the document's path.
pub fn saved_replacement(
    length: usize,
    name: &str,
) -> (tempfile::TempDir, copydesk::edit::Document, usize, PathBuf) {
    let (dir, page) = workspace();
    let (document, index) = replaced_paragraph(&page, length);
    let doc = dir.path().join(name);
    copydesk::store::save(&document, &doc).expect("saved");
    (dir, document, index, doc)
}

/// Starts this test binary again running only the test `child`, with
/// `env` set to `dir`, and waits for the line it prints with `ready`;
/// returns the child and what followed `ready ` on that line.
pub fn start_child(child: &str, env: &str, dir: &Path) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let mut process = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", child, "--nocapture", "--test-threads=1"])
        .env(env, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts");
    let mut stdout = BufReader::new(process.stdout.take().expect("its output"));
    let mut line = String::new();
    while !line.contains("ready") {
        line.clear();
        let read = stdout.read_line(&mut line).expect("its output reads");
        assert_ne!(read, 0, "{child} ended before it was ready");
    }
    let said = line.split("ready").nth(1).unwrap_or_default().trim().to_owned();
    (process, said)
}
