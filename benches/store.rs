//! Saving and reopening a ~1 MB edition with 1% of its characters
//! corrected, and recomputing a paragraph's corrections after a keystroke.
//! Targets: save and reopen each under 100 ms, a keystroke under 2 ms.
//! Also the recovery file: what the window's thread pays (a copy of the
//! document) and what the worker thread pays (describing and writing it).
//! Run `cargo bench --bench store`.

mod common;

use std::hint::black_box;

use copydesk::edit::{Document, render_block, set_block_text};
use copydesk::load::{LoadOptions, load_path};
use copydesk::model::Role;
use copydesk::store;

use criterion::{Criterion, criterion_group, criterion_main};

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let source = common::write_edition(dir.path(), 1_000_000).0;
    let document = common::corrected(Document::propose(
        load_path(&source, &LoadOptions::default()).expect("edition loads"),
    ));
    let characters: usize = document.edition.pages.iter().map(|p| p.text.chars().count()).sum();
    eprintln!("{} characters, {} corrections", characters, document.corrections.len());
    let doc = dir.path().join("edition.copydesk.json");

    c.bench_function("store/save_1mb_1pct", |b| {
        b.iter(|| store::save(black_box(&document), &doc).expect("saved"))
    });
    store::save(&document, &doc).expect("saved");
    c.bench_function("store/reopen_1mb_1pct", |b| b.iter(|| store::open(black_box(&doc)).expect("reopened")));

    let folder = copydesk::recovery::RecoveryFolder::new(dir.path().join("recovery"));
    let session = folder.start_session().expect("a recovery session");
    c.bench_function("recovery/snapshot_on_ui_thread_1mb", |b| b.iter(|| black_box(&document).clone()));
    let snapshot = copydesk::recovery::Snapshot {
        document: document.clone(),
        title: "edition".into(),
        document_path: Some(doc.clone()),
        document_stamp: None,
    };
    c.bench_function("recovery/write_on_worker_1mb_1pct", |b| {
        b.iter(|| session.write(black_box(&snapshot)).expect("written"))
    });

    // A keystroke in a long paragraph: one more character changed.
    let index = document
        .split
        .blocks
        .iter()
        .position(|b| b.role == Role::Body && b.range.len() > 600)
        .expect("a long paragraph");
    let mut typed: Vec<char> =
        render_block(&document.edition, &document.corrections, &document.split.blocks[index])
            .text
            .chars()
            .collect();
    let middle = typed.len() / 2;
    typed.insert(middle, '新');
    let typed: String = typed.into_iter().collect();
    c.bench_function("store/keystroke_diff", |b| {
        b.iter(|| set_block_text(black_box(&document), index, black_box(&typed)).expect("an edit"))
    });
}

criterion_group!(benches, store);
criterion_main!(benches);
