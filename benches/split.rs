//! Load + split throughput on a ~1 MB edition: the fixtures' pages, Chinese
//! and English, repeated into one form-feed file as `pdftotext` writes it.
//!
//! Target: at least 50 MB/s on a 2-core machine. Run `cargo bench --bench split`.

use std::hint::black_box;
use std::path::Path;

use copydesk::load::{LoadOptions, load_path};
use copydesk::segment;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const PAGES: [&str; 4] = [
    "yongkang-daily-2022-11-07-p1.txt",
    "commoner-lincoln-ne-1916-02-p1.txt",
    "riverton-gazette-2025-03-04-a1.txt",
    "donghai-daily-2025-03-04-p1.txt",
];

/// Writes an edition of about `target` bytes and returns its size.
fn write_edition(path: &Path, target: usize) -> usize {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pages: Vec<String> =
        PAGES.iter().map(|p| std::fs::read_to_string(fixtures.join(p)).expect("fixture page")).collect();
    let mut edition = String::with_capacity(target + 20_000);
    for page in pages.iter().cycle() {
        if edition.len() >= target {
            break;
        }
        edition.push_str(page);
        edition.push('\x0c');
    }
    std::fs::write(path, &edition).expect("edition written");
    edition.len()
}

fn load_and_split(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("edition.txt");
    let size = write_edition(&path, 1_000_000);
    let mut group = c.benchmark_group("edition_1mb");
    group.throughput(Throughput::Bytes(size as u64));
    group.bench_function("load", |b| {
        b.iter(|| load_path(black_box(&path), &LoadOptions::default()).expect("edition loads"))
    });
    let edition = load_path(&path, &LoadOptions::default()).expect("edition loads");
    group.bench_function("split", |b| b.iter(|| segment::propose(black_box(&edition))));
    group.bench_function("load_and_split", |b| {
        b.iter(|| {
            let edition = load_path(black_box(&path), &LoadOptions::default()).expect("edition loads");
            segment::propose(&edition)
        })
    });
    group.finish();
}

criterion_group!(benches, load_and_split);
criterion_main!(benches);
