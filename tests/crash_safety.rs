//! A save is all or nothing: a child process saves a large document in a
//! loop, alternating two versions, and is killed at random moments. After
//! every kill the file on disk must parse and be exactly one of the two
//! versions, and so must its backup. 40 kills during whole saves (where
//! serialising takes most of the time) and 200 during the writing part
//! alone, where most kills land inside a write; the test fails if none did.
//! `COPYDESK_KILLS=N` sets both counts for longer campaigns.
//!
//! The child is this same test binary, started again with
//! `COPYDESK_SAVE_LOOP` set, running [`save_loop_child`].

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

#[path = "../benches/common/mod.rs"]
mod edition;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use copydesk::edit::{Document, set_block_text};
use copydesk::load::{LoadOptions, load_path};
use copydesk::store;

const CHILD_ENV: &str = "COPYDESK_SAVE_LOOP";
const TARGET: &str = "work.copydesk.json";

/// Version B: version A with a correction in every tenth block.
fn corrected(mut document: Document) -> Document {
    for index in (0..document.split.blocks.len()).step_by(10) {
        let block = &document.split.blocks[index];
        let text = format!("{}【校】", &document.edition.pages[block.page].text[block.range.clone()]);
        if let Some(edit) = set_block_text(&document, index, &text) {
            document.apply(edit);
        }
    }
    document
}

/// Not a test of its own: the body of the child process. Does nothing
/// unless started by one of the tests below. `save` mode runs the whole
/// `store::save` (serialising, then writing); `write` mode runs only the
/// writing part (`store::write_atomically` with the backup) on the same
/// two versions, so that far more of the kills land inside a write.
#[test]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else { return };
    let target = dir.join(TARGET);
    let mode = std::env::var("COPYDESK_SAVE_MODE").unwrap();
    let mut save: Box<dyn FnMut(usize)> = if mode == "save" {
        let a = store::open(&dir.join("a.copydesk.json")).unwrap().document.unwrap();
        let b = store::open(&dir.join("b.copydesk.json")).unwrap().document.unwrap();
        Box::new(move |i| {
            store::save(if i % 2 == 0 { &a } else { &b }, &target).unwrap();
        })
    } else {
        let a = std::fs::read(dir.join("a.copydesk.json")).unwrap();
        let b = std::fs::read(dir.join("b.copydesk.json")).unwrap();
        Box::new(move |i| store::write_atomically(&target, if i % 2 == 0 { &a } else { &b }, true).unwrap())
    };
    let started = std::time::Instant::now();
    save(0);
    save(1);
    println!("ready {}", started.elapsed().as_micros());
    for i in 0.. {
        save(i);
    }
}

/// A small deterministic generator, so a failure can be replayed from the
/// seed it prints.
struct Random(u64);

impl Random {
    fn seeded() -> Self {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
        Self(now.as_nanos() as u64 | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn leftover_temporaries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&format!(".{TARGET}")))
        .collect()
}

/// Kills a child saving in `mode` `kills` times, each at a random moment
/// within about two rounds of saving both versions, and checks the
/// document and its backup after every kill. Returns how many kills landed
/// inside a write (a temporary file was left behind).
fn kill_saves(mode: &str, kills: usize) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let (page, size) = edition::write_edition(dir.path(), 400_000);
    let a = Document::propose(load_path(&page, &LoadOptions::default()).unwrap());
    let b = corrected(a.clone());
    store::save(&a, &dir.path().join("a.copydesk.json")).unwrap();
    store::save(&b, &dir.path().join("b.copydesk.json")).unwrap();
    let versions = [store::to_json(&a, dir.path()).into_bytes(), store::to_json(&b, dir.path()).into_bytes()];
    assert_ne!(versions[0], versions[1]);
    let target = dir.path().join(TARGET);
    std::fs::write(&target, &versions[0]).unwrap();

    let mut random = Random::seeded();
    let seed = random.0;
    println!("{mode}: edition {size} bytes, document {} bytes, seed {seed}", versions[1].len());
    let mut interrupted_writes = 0;
    for kill in 0..kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "save_loop_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .env("COPYDESK_SAVE_MODE", mode)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        // libtest may print "test save_loop_child ... " on the same line.
        while !line.contains("ready ") {
            line.clear();
            assert_ne!(stdout.read_line(&mut line).unwrap(), 0, "the child ended before saving");
        }
        let round: u64 = line.rsplit("ready ").next().unwrap().trim().parse().unwrap();
        std::thread::sleep(Duration::from_micros(random.below(2 * round)));
        child.kill().unwrap();
        child.wait().unwrap();

        for (what, path) in [("document", target.clone()), ("backup", store::backup_path(&target))] {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                versions.contains(&bytes),
                "{mode} kill {kill} (seed {seed}): the {what} is neither version ({} bytes)",
                bytes.len()
            );
            store::parse(&path).unwrap();
        }
        for temporary in leftover_temporaries(dir.path()) {
            interrupted_writes += 1;
            std::fs::remove_file(temporary).unwrap();
        }
    }
    println!("{mode}: {kills} kills, {interrupted_writes} of them in the middle of writing a file");
    interrupted_writes
}

/// `COPYDESK_KILLS=N` runs longer campaigns than the everyday test run.
fn kills_from_env() -> Option<usize> {
    std::env::var("COPYDESK_KILLS").ok()?.parse().ok()
}

#[test]
fn a_killed_save_leaves_the_old_or_the_new_document() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    kill_saves("save", kills_from_env().unwrap_or(40));
}

#[test]
fn a_killed_write_leaves_the_old_or_the_new_document() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let interrupted = kill_saves("write", kills_from_env().unwrap_or(200));
    assert!(interrupted > 0, "no kill landed inside a write: the test proved nothing");
}
