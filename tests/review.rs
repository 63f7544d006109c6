//! Review progress on real pages: format version 2 keeps each article's
//! review state and the dismissed suspects, version-1 documents still
//! open, newer ones are refused, and `copydesk stats` reports progress.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use std::path::{Path, PathBuf};

use common::{copydesk, fixture};
use copydesk::edit::{Document, Edit, History};
use copydesk::find::{Haystack, Scope};
use copydesk::store;
use serde_json::Value;

const V1: &str = "yongkang-daily-2022-11-07-p1.v1.copydesk.json";
const SAMPLE: &str = "yongkang-daily-2022-11-07-p1.txt";
const ZH: &str = "corpus/zh-composed/pd20200108-p04-ocr-damaged-0036.txt";
const EN: &str = "corpus/en/chronam-sn78000395-1916-11-04-p1.txt";

/// A temporary folder holding copies of `files` (fixture paths); returns it
/// and the copies' paths.
fn folder_with(files: &[&str]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let copies = files
        .iter()
        .map(|name| {
            let copy = dir.path().join(Path::new(name).file_name().unwrap());
            std::fs::copy(fixture(name), &copy).unwrap();
            copy
        })
        .collect();
    (dir, copies)
}

/// `copydesk split PAGES --out DOC` in the pages' folder; the document.
fn split_into_document(pages: &[PathBuf]) -> PathBuf {
    let doc = pages[0].with_file_name("edition.copydesk.json");
    let output = copydesk().arg("split").args(pages).arg("--out").arg(&doc).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    doc
}

fn open(doc: &Path) -> Document {
    store::open(doc).unwrap().document.expect("sources present")
}

#[test]
fn a_version_1_document_opens_and_is_saved_as_version_2() {
    let (dir, copies) = folder_with(&[V1, SAMPLE]);
    let document = open(&copies[0]);
    assert_eq!(document.corrections.len(), 1, "its correction is kept");
    assert!(document.review.reviewed.is_empty() && document.review.dismissed.is_empty());
    let verified = copydesk().arg("verify").arg(&copies[0]).output().unwrap();
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stdout));
    let resaved = dir.path().join("resaved.copydesk.json");
    store::save(&document, &resaved).unwrap();
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&resaved).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["articles"][0]["reviewed"], false);
    assert_eq!(json["dismissed"], Value::Array(Vec::new()));
    assert_eq!(open(&resaved), document);
}

#[test]
fn a_newer_version_is_refused_naming_the_file() {
    let (dir, copies) = folder_with(&[V1, SAMPLE]);
    let newer = dir.path().join("newer.copydesk.json");
    let text = std::fs::read_to_string(&copies[0]).unwrap().replacen("\"version\": 1", "\"version\": 3", 1);
    std::fs::write(&newer, text).unwrap();
    let output = copydesk().arg("stats").arg(&newer).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("newer.copydesk.json") && stderr.contains("version 3"), "{stderr}");
}

/// Where a suspect is and what it proposes.
type Place = (usize, std::ops::Range<usize>, String);

fn suspects(document: &Document) -> Vec<Place> {
    let haystack = Haystack::build(document, Scope::Corrected);
    copydesk::suspects::find(document, &haystack)
        .into_iter()
        .map(|s| (s.page, s.source, s.suggestion))
        .collect()
}

/// Accepts the first `accept` suspects, dismisses the next one, and marks
/// the first article reviewed, each as an undoable step; returns the
/// suspects handled.
fn review(document: &mut Document, accept: usize) -> Vec<Place> {
    let mut history = History::default();
    let mut handled = Vec::new();
    for _ in 0..accept {
        let haystack = Haystack::build(document, Scope::Corrected);
        let suspect = copydesk::suspects::find(document, &haystack).remove(0);
        let edit = suspect.accept(document, &haystack).unwrap().unwrap();
        history.apply(document, edit, "accept");
        handled.push((suspect.page, suspect.source, suspect.suggestion));
    }
    let haystack = Haystack::build(document, Scope::Corrected);
    let dismissed = copydesk::suspects::find(document, &haystack).remove(0);
    history.apply(document, dismissed.dismiss(), "dismiss");
    handled.push((dismissed.page, dismissed.source, dismissed.suggestion));
    let first = document.split.articles[0];
    history.apply(document, Edit::Review { article: first, reviewed: true }, "reviewed");
    handled
}

#[test]
fn review_state_and_dismissals_survive_saving() {
    let (_dir, copies) = folder_with(&[ZH]);
    let doc = split_into_document(&copies);
    let mut document = open(&doc);
    let handled = review(&mut document, 2);
    store::save(&document, &doc).unwrap();
    let reopened = open(&doc);
    assert_eq!(reopened.review, document.review);
    assert_eq!(reopened.review.dismissed.len(), 1);
    assert_eq!(reopened.corrections.len(), 2);
    let left = suspects(&reopened);
    for place in &handled {
        assert!(!left.contains(place), "{place:?} was accepted or dismissed, yet is flagged");
    }
}

#[test]
fn stats_prints_progress_for_a_chinese_and_an_english_page() {
    let (_dir, copies) = folder_with(&[ZH, EN]);
    let doc = split_into_document(&copies);
    let mut document = open(&doc);
    review(&mut document, 3);
    store::save(&document, &doc).unwrap();
    let expected = copydesk::stats::figures(&document);

    let output = copydesk().arg("stats").arg(&doc).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let table = String::from_utf8(output.stdout).unwrap();
    let articles = document.split.articles.len();
    let summary = format!("edition: 1 of {articles} articles reviewed · 3 corrections");
    assert!(table.contains(&summary), "{table}");
    assert!(table.contains(&format!("{} suspects left", expected.edition.suspects)), "{table}");
    assert_eq!(table.lines().count(), articles + 2, "a header, a row per article, the summary");

    let output = copydesk().args(["stats", "--json"]).arg(&doc).output().unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["edition"]["reviewed"], 1);
    assert_eq!(json["edition"]["corrections"], 3);
    assert_eq!(json["articles"].as_array().unwrap().len(), articles);
    let first = &json["articles"][0];
    assert_eq!(first["reviewed"], true);
    assert!(first["character_error_rate"].is_f64(), "{first}");
    assert!(json["articles"][1]["character_error_rate"].is_null(), "not reviewed: no rate");
    let changed: u64 =
        json["articles"].as_array().unwrap().iter().map(|a| a["characters_changed"].as_u64().unwrap()).sum();
    assert!(changed >= 3, "three accepted suspects changed at least three characters");
}
