//! Loading pages through the command line: every encoding and line ending
//! gives the same split, editions come in page order, and every kind of bad
//! input gets one clear line naming the file and the problem.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use common::{copydesk, fixture, split_error, split_json};
use serde_json::Value;

const SAMPLE: &str = "yongkang-daily-2022-11-07-p1.txt";

/// The parts of a split that must not depend on how the page was stored.
fn essence(split: &Value) -> Value {
    let mut articles = split["articles"].clone();
    for article in articles.as_array_mut().unwrap() {
        for block in article["blocks"].as_array_mut().unwrap() {
            let block = block.as_object_mut().unwrap();
            block.remove("start"); // byte offsets differ with CRLF endings
            block.remove("end");
        }
    }
    serde_json::json!({ "articles": articles, "noise": split["noise"] })
}

#[test]
fn every_encoding_and_line_ending_gives_the_same_split() {
    let utf8 = split_json(&[&fixture(SAMPLE)], &[]);
    assert_eq!(utf8["source"]["pages"][0]["encoding"], "UTF-8");
    for (variant, encoding) in [
        ("yongkang-gb18030.txt", "gb18030"),
        ("yongkang-utf16le-bom.txt", "UTF-16LE"),
        ("yongkang-utf16be-bom.txt", "UTF-16BE"),
        ("yongkang-utf8-bom.txt", "UTF-8"),
        ("yongkang-crlf.txt", "UTF-8"),
        ("yongkang-cr.txt", "UTF-8"),
    ] {
        let split = split_json(&[&fixture(&format!("variants/{variant}"))], &[]);
        assert_eq!(split["source"]["pages"][0]["encoding"], encoding, "{variant}: encoding recorded");
        assert_eq!(split["source"]["pages"][0]["line_count"], 75, "{variant}: line count");
        assert_eq!(essence(&split), essence(&utf8), "{variant}: same split as UTF-8");
    }
}

#[test]
fn big5_is_detected_and_traditional_cues_work() {
    let big5 = split_json(&[&fixture("variants/taiwan-big5.txt")], &[]);
    let utf8 = split_json(&[&fixture("variants/taiwan-utf8.txt")], &[]);
    assert_eq!(big5["source"]["pages"][0]["encoding"], "Big5");
    assert_eq!(essence(&big5), essence(&utf8));
    assert_eq!(big5["articles"][0]["byline"], "記者 陳曉蘇");
}

#[test]
fn encoding_can_be_forced() {
    let split = split_json(&[&fixture("variants/yongkang-gb18030.txt")], &["--encoding", "GBK"]);
    assert_eq!(split["source"]["pages"][0]["encoding"], "gb18030", "GBK is read as its superset");
    assert_eq!(split["articles"].as_array().unwrap().len(), 4);
}

#[test]
fn offsets_refer_to_the_exact_source_text() {
    let split = split_json(&[&fixture("variants/yongkang-crlf.txt")], &[]);
    let text = std::fs::read_to_string(fixture("variants/yongkang-crlf.txt")).unwrap();
    let headline = &split["articles"][0]["blocks"][0];
    let (start, end) =
        (headline["start"].as_u64().unwrap() as usize, headline["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "清廉金华建设推进会以视频形式召开");
}

#[test]
fn form_feed_file_gives_its_pages_in_order() {
    let split = split_json(&[&fixture("variants/edition-formfeed.txt")], &[]);
    let pages = split["source"]["pages"].as_array().unwrap();
    let names: Vec<&str> = pages.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["edition-formfeed.txt#1", "edition-formfeed.txt#2"]);
    assert_eq!(pages[1]["line_count"], 209);
    let articles = split["articles"].as_array().unwrap();
    let first_pages: Vec<u64> = articles.iter().map(|a| a["spans"][0]["page"].as_u64().unwrap()).collect();
    assert!(first_pages.windows(2).all(|w| w[0] <= w[1]), "articles in page order: {first_pages:?}");
    // Each page is proposed as it would be on its own.
    let alone = split_json(&[&fixture("commoner-lincoln-ne-1916-02-p1.txt")], &[]);
    let headlines = |articles: &[serde_json::Value]| -> Vec<String> {
        articles.iter().map(|a| a["headline"].to_string()).collect()
    };
    let second: Vec<serde_json::Value> =
        articles.iter().filter(|a| a["spans"][0]["page"] == 2).cloned().collect();
    assert_eq!(headlines(&second), headlines(alone["articles"].as_array().unwrap()));
}

#[test]
fn folder_gives_its_pages_in_natural_order() {
    let split = split_json(&[&fixture("variants/edition-folder")], &[]);
    let names: Vec<&str> =
        split["source"]["pages"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["p1.txt", "p2.txt", "p10.txt"], "p2 before p10; notes.md is no page");
    let headlines: Vec<&str> =
        split["articles"].as_array().unwrap().iter().map(|a| a["headline"].as_str().unwrap()).collect();
    assert_eq!(headlines, ["春耕备耕有序推进", "城市更新跑出加速度", "文化惠民活动走进乡村"]);
}

#[test]
fn several_paths_make_one_edition() {
    let commoner = fixture("commoner-lincoln-ne-1916-02-p1.txt");
    let split = split_json(&[&fixture(SAMPLE), &commoner], &[]);
    assert_eq!(split["source"]["pages"].as_array().unwrap().len(), 2);
    let alone = |page: &std::path::Path| split_json(&[page], &[])["articles"].as_array().unwrap().len();
    assert_eq!(split["articles"].as_array().unwrap().len(), alone(&fixture(SAMPLE)) + alone(&commoner));
}

#[test]
fn a_word_neither_a_command_nor_a_file_is_refused_without_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let output = copydesk()
        .arg("stat")
        .current_dir(dir.path())
        // No display: were a window tried, it would fail rather than wait.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no such command or file: \"stat\""), "{stderr}");
    assert!(stderr.contains("split"), "the commands there are: {stderr}");
}

#[test]
fn missing_file() {
    let error = split_error(&[&fixture("no-such-page.txt")], &[]);
    assert!(error.contains("no-such-page.txt") && error.contains("no such file or folder"), "{error}");
}

#[test]
fn folder_without_pages() {
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("readme.md"), "no pages here").unwrap();
    let error = split_error(&[empty.path()], &[]);
    assert!(error.contains("the folder has no page files"), "{error}");
}

#[test]
fn empty_and_blank_files() {
    let error = split_error(&[&fixture("variants/empty.txt")], &[]);
    assert!(error.contains("empty.txt") && error.contains("the file is empty"), "{error}");
    let error = split_error(&[&fixture("variants/whitespace-only.txt")], &[]);
    assert!(error.contains("whitespace-only.txt") && error.contains("only white space"), "{error}");
}

#[test]
fn binary_file() {
    let error = split_error(&[&fixture("variants/binary.txt")], &[]);
    assert!(
        error.contains("binary.txt") && error.contains("binary data") && error.contains("offset 8"),
        "{error}"
    );
}

#[test]
fn undecodable_bytes() {
    let error = split_error(&[&fixture("variants/truncated-gb18030.txt")], &[]);
    assert!(error.contains("truncated-gb18030.txt") && error.contains("not valid gb18030"), "{error}");
    let error = split_error(&[&fixture("variants/yongkang-gb18030.txt")], &["--encoding", "utf-8"]);
    assert!(error.contains("not valid UTF-8") && error.contains("offset 2"), "{error}");
}

#[test]
fn unknown_encoding_name() {
    let error = split_error(&[&fixture(SAMPLE)], &["--encoding", "klingon"]);
    assert!(error.contains("unknown encoding \"klingon\""), "{error}");
}

#[test]
fn file_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.txt");
    // A sparse file: refused from its size, before a byte is read.
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(copydesk::load::MAX_FILE_BYTES + 1).unwrap();
    let error = split_error(&[&huge], &[]);
    assert!(error.contains("huge.txt") && error.contains("over the limit"), "{error}");
}

#[test]
fn help_lists_the_split_subcommand_and_the_window() {
    let output = copydesk().arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(help.contains("split") && help.contains("window"), "{help}");
}
