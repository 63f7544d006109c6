//! What the benchmarks share: an edition of about a given size, made of the
//! test fixtures' pages (Chinese and English) as one form-feed file.

use std::path::{Path, PathBuf};

const PAGES: [&str; 4] = [
    "yongkang-daily-2022-11-07-p1.txt",
    "commoner-lincoln-ne-1916-02-p1.txt",
    "riverton-gazette-2025-03-04-a1.txt",
    "donghai-daily-2025-03-04-p1.txt",
];

/// Writes `edition.txt` of about `target` bytes into `dir`; returns its
/// path and size.
pub fn write_edition(dir: &Path, target: usize) -> (PathBuf, usize) {
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
    let path = dir.join("edition.txt");
    std::fs::write(&path, &edition).expect("edition written");
    (path, edition.len())
}
