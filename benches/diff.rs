//! `copydesk diff` against its floor, measured in the same run: the same
//! two texts (a ~1 MB edition, and the same edition with one character in
//! a hundred of its body corrected) compared by
//! `git diff --no-index --word-diff=porcelain --word-diff-regex=.`, which
//! also diffs character by character. Both run as processes, start-up and
//! output included. Target: copydesk at least twice as fast. Also a
//! paragraph replaced by 80,000 other characters (target: under 1 s).
//! Run `cargo bench --bench diff` (needs git).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use copydesk::edit::Document;
use copydesk::load::{LoadOptions, load_path};
use copydesk::store;

use criterion::{Criterion, criterion_group, criterion_main};

/// The edition's text with the document's corrections applied, pages
/// separated by form feeds as in the source file.
fn corrected_text(document: &Document) -> String {
    let mut pages = Vec::new();
    for (index, page) in document.edition.pages.iter().enumerate() {
        let mut text = String::with_capacity(page.text.len());
        let mut at = 0;
        for c in document.corrections.iter().filter(|c| c.page == index) {
            text.push_str(&page.text[at..c.range.start]);
            text.push_str(&c.text);
            at = c.range.end;
        }
        text.push_str(&page.text[at..]);
        pages.push(text);
    }
    pages.join("\x0c") + "\x0c"
}

fn quietly(command: &mut Command) {
    let status = command.stdout(Stdio::null()).stderr(Stdio::null()).status().expect("it runs");
    // git diff exits 1 when the texts differ.
    assert!(status.code().is_some_and(|c| c <= 1), "{command:?}: {status}");
}

fn copydesk_diff(doc: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    command.args(["diff", "--colour", "never"]).arg(doc);
    command
}

fn diff(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let source = common::write_edition(dir.path(), 1_000_000).0;
    let document = common::corrected(Document::propose(
        load_path(&source, &LoadOptions::default()).expect("edition loads"),
    ));
    eprintln!("{} corrections", document.corrections.len());
    let doc = dir.path().join("edition.copydesk.json");
    store::save(&document, &doc).expect("saved");
    let corrected = dir.path().join("corrected.txt");
    std::fs::write(&corrected, corrected_text(&document)).expect("written");

    let mut group = c.benchmark_group("diff");
    group.sample_size(20);
    group.bench_function("copydesk_1mb_1pct", |b| b.iter(|| quietly(&mut copydesk_diff(&doc))));
    group.bench_function("git_word_diff_1mb_1pct", |b| {
        b.iter(|| {
            quietly(
                Command::new("git")
                    .args(["diff", "--no-index", "--word-diff=porcelain", "--word-diff-regex=."])
                    .arg(&source)
                    .arg(&corrected),
            )
        })
    });

    let page = dir.path().join("p1.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/yongkang-daily-2022-11-07-p1.txt"),
        &page,
    )
    .expect("sample copied");
    let long = dir.path().join("long.copydesk.json");
    store::save(&common::replaced_paragraph(&page, 80_000).0, &long).expect("saved");
    group.bench_function("copydesk_80k_correction", |b| b.iter(|| quietly(&mut copydesk_diff(&long))));
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
