//! Load + split throughput with the built-in model applied: on a ~1 MB
//! edition (the fixtures' pages, Chinese and English, repeated into one
//! form-feed file as `pdftotext` writes it), and on one single page of 1 MB
//! and of 10 MB (one long OCR file, where anything quadratic in a page's
//! lines would show: 10 MB must cost at most 11 times 1 MB).
//!
//! Target: at least 50 MB/s on a 2-core machine. Run `cargo bench --bench split`.

mod common;

use std::hint::black_box;

use copydesk::load::{LoadOptions, load_path};
use copydesk::segment;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn load_and_split(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (path, size) = common::write_edition(dir.path(), 1_000_000);
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

/// One page of 1 MB and one of 10 MB, load and split together: their ratio
/// is the linearity figure.
fn single_page(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut group = c.benchmark_group("single_page");
    group.sample_size(10);
    for (name, target) in [("1mb", 1_000_000), ("10mb", 10_000_000)] {
        let (path, size) = common::write_single_page(dir.path(), target);
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let edition = load_path(black_box(&path), &LoadOptions::default()).expect("page loads");
                segment::propose(&edition)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_split, single_page);
criterion_main!(benches);
