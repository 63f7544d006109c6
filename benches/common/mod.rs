//! What the benchmarks share (and the tests that include this file): an
//! edition of about a given size, made of the test fixtures' pages (Chinese
//! and English) as one form-feed file; one character in a hundred of it
//! corrected; a paragraph replaced by a long text.

#![allow(dead_code)] // each includer uses a different part

use std::path::{Path, PathBuf};

use copydesk::edit::{Correction, Document, Edit};
use copydesk::load::{LoadOptions, load_path};
use copydesk::model::Role;

const PAGES: [&str; 4] = [
    "yongkang-daily-2022-11-07-p1.txt",
    "commoner-lincoln-ne-1916-02-p1.txt",
    "riverton-gazette-2025-03-04-a1.txt",
    "donghai-daily-2025-03-04-p1.txt",
];

/// Writes `edition.txt` of about `target` bytes into `dir`; returns its
/// path and size.
pub fn write_edition(dir: &Path, target: usize) -> (PathBuf, usize) {
    write_pages(dir, "edition.txt", target, '\x0c')
}

/// Writes `page.txt` of about `target` bytes into `dir` as ONE page (the
/// fixtures' pages run together with a blank line, no form feed): the
/// common case of one long OCR file, where anything quadratic in a page's
/// lines shows. Returns its path and size.
pub fn write_single_page(dir: &Path, target: usize) -> (PathBuf, usize) {
    write_pages(dir, "page.txt", target, '\n')
}

fn write_pages(dir: &Path, name: &str, target: usize, between: char) -> (PathBuf, usize) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pages: Vec<String> =
        PAGES.iter().map(|p| std::fs::read_to_string(fixtures.join(p)).expect("fixture page")).collect();
    let mut edition = String::with_capacity(target + 20_000);
    for page in pages.iter().cycle() {
        if edition.len() >= target {
            break;
        }
        edition.push_str(page);
        edition.push(between);
    }
    let path = dir.join(name);
    std::fs::write(&path, &edition).expect("edition written");
    (path, edition.len())
}

/// One character in a hundred of the body text replaced.
pub fn corrected(mut document: Document) -> Document {
    let mut corrections = Vec::new();
    for block in document.split.blocks.iter().filter(|b| b.role == Role::Body) {
        let text = &document.edition.pages[block.page].text[block.range.clone()];
        for (i, (offset, c)) in text.char_indices().enumerate() {
            if i % 100 == 50 && !c.is_whitespace() {
                let start = block.range.start + offset;
                let fix = if c.is_ascii() { "e" } else { "改" };
                corrections.push(Correction {
                    page: block.page,
                    range: start..start + c.len_utf8(),
                    text: fix.into(),
                });
            }
        }
    }
    corrections.sort();
    document.corrections = corrections;
    document
}

/// The sample with its longest paragraph replaced by `length` characters
/// drawn from the page's own (so a character diff finds matches all over).
pub fn replaced_paragraph(page: &Path, length: usize) -> (Document, usize) {
    let mut document = Document::propose(load_path(page, &LoadOptions::default()).expect("the page loads"));
    let (index, block) = document
        .split
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.role == Role::Body)
        .max_by_key(|(_, b)| b.range.len())
        .expect("the page has a paragraph");
    let alphabet: Vec<char> = document.edition.pages[0].text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let text: String = (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            alphabet[(state % alphabet.len() as u64) as usize]
        })
        .collect();
    let correction = Correction { page: 0, range: block.range.clone(), text };
    document.apply(Edit::Corrections { removed: vec![], inserted: vec![correction] });
    (document, index)
}
