//! Saved documents on the sample page: split, correct, move a boundary,
//! retitle; save; reopen; verify; export to every format. And every way a
//! document or its source can go wrong.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use std::path::Path;

use common::{SAMPLE, copydesk, workspace};
use copydesk::edit::{Document, commands, render_article, set_block_text};
use copydesk::load::{LoadOptions, load_path};
use copydesk::store;
use serde_json::Value;

fn block_containing(document: &Document, text: &str) -> usize {
    document
        .split
        .blocks
        .iter()
        .position(|b| document.edition.pages[b.page].text[b.range.clone()].contains(text))
        .unwrap()
}

/// The editing the issue describes: two OCR errors corrected, a boundary
/// moved, a headline retitled.
fn edited(page: &Path) -> Document {
    let mut document = Document::propose(load_path(page, &LoadOptions::default()).unwrap());
    let fixes = [("赚多多的钱", "赚多少钱"), ("5+2白加黑", "5+2、白加黑")];
    for (wrong, right) in fixes {
        let index = block_containing(&document, wrong);
        let text = copydesk::edit::render_block(
            &document.edition,
            &document.corrections,
            &document.split.blocks[index],
        )
        .text;
        let edit = set_block_text(&document, index, &text.replacen(wrong, right, 1)).unwrap();
        document.apply(edit);
    }
    let third = document.split.articles[2];
    let edit = commands::move_boundary(&document, third, true).unwrap();
    document.apply(edit);
    let second = document.split.articles[1];
    let headline = document
        .split
        .blocks
        .iter()
        .position(|b| b.article == Some(second) && b.role == copydesk::model::Role::Headline)
        .unwrap();
    let edit = set_block_text(&document, headline, "一鼓作气 确保按期完成目标任务").unwrap();
    document.apply(edit);
    document
}

fn run(args: &[&std::ffi::OsStr]) -> (bool, String, String) {
    let output = copydesk().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.status.success(), String::from_utf8_lossy(&output.stdout).into_owned(), stderr)
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

#[test]
fn save_reopen_verify_and_export_the_sample() {
    let (dir, page) = workspace();
    let document = edited(&page);
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&document, &doc).unwrap();

    // Reopened exactly, and byte-identical when saved again.
    let restored = store::open(&doc).unwrap();
    assert!(restored.problems.is_empty());
    assert_eq!(restored.document.as_ref().unwrap(), &document);
    let again = dir.path().join("again.copydesk.json");
    store::save(restored.document.as_ref().unwrap(), &again).unwrap();
    assert_eq!(std::fs::read(&doc).unwrap(), std::fs::read(&again).unwrap(), "two saves are byte-identical");

    // The file is readable on its own: relative source path, corrected text, diffs.
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&doc).unwrap()).unwrap();
    assert_eq!(json["sources"][0]["path"], SAMPLE, "source path relative to the document");
    assert_eq!(json["articles"][1]["headline"], "一鼓作气 确保按期完成目标任务");
    assert_eq!(
        json["corrections"].as_array().unwrap().len(),
        4,
        "two fixes, and a retitle that removed two runs"
    );
    assert!(
        json["corrections"][0]["ops"]
            .as_array()
            .unwrap()
            .iter()
            .any(|op| op["op"] == "delete" || op["op"] == "insert")
    );

    // verify and diff on the command line.
    let (ok, out, _) = run(&[os("verify"), doc.as_os_str()]);
    assert!(ok, "{out}");
    let (ok, out, _) = run(&[os("diff"), doc.as_os_str(), os("--colour"), os("never")]);
    assert!(ok);
    assert!(out.contains("[-多的-]{+少+}") || out.contains("赚多"), "{out}");
    assert!(out.contains("{+、+}"), "{out}");

    // Every export format.
    let text_dir = dir.path().join("text");
    let (ok, _, err) =
        run(&[os("export"), doc.as_os_str(), os("--format"), os("text"), os("--out"), text_dir.as_os_str()]);
    assert!(ok, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&text_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 4);
    assert!(names[1].starts_with("02-一鼓作气-确保按期完成目标任务"), "{names:?}");
    let second = std::fs::read_to_string(text_dir.join(&names[1])).unwrap();
    assert!(
        second.starts_with("章旭升在调研南苑区块城中村改造工作时指出\n一鼓作气 确保按期完成目标任务\n"),
        "{second}"
    );

    let markdown = dir.path().join("edition.md");
    assert!(
        run(&[
            os("export"),
            doc.as_os_str(),
            os("--format"),
            os("markdown"),
            os("--out"),
            markdown.as_os_str()
        ])
        .0
    );
    let markdown = std::fs::read_to_string(markdown).unwrap();
    assert!(markdown.contains("## 一鼓作气 确保按期完成目标任务") && markdown.contains("赚多少钱"));

    let ninjs = dir.path().join("edition.ninjs.json");
    assert!(
        run(&[os("export"), doc.as_os_str(), os("--format"), os("ninjs"), os("--out"), ninjs.as_os_str()]).0
    );
    let ninjs: Value = serde_json::from_str(&std::fs::read_to_string(&ninjs).unwrap()).unwrap();
    let objects = ninjs.as_array().unwrap();
    assert_eq!(objects.len(), 4);
    for object in objects {
        assert!(object["uri"].as_str().unwrap().starts_with("urn:copydesk:"), "uri is required");
        assert_eq!(object["type"], "text");
        assert_eq!(object["language"], "zh-Hans");
        assert!(object["headlines"].as_array().unwrap().iter().any(|h| h["role"] == "main"));
        assert!(object["altids"][0]["value"].as_str().unwrap().contains(SAMPLE), "source reference");
    }
    assert_eq!(objects[1]["headlines"][0]["value"], "一鼓作气 确保按期完成目标任务");
    assert_eq!(objects[2]["by"], "融媒评论员");
    assert!(objects[2]["bodies"][0]["value"].as_str().unwrap().contains("赚多少钱"), "corrected body text");

    let plain = dir.path().join("edition.json");
    assert!(
        run(&[os("export"), doc.as_os_str(), os("--format"), os("json"), os("--out"), plain.as_os_str()]).0
    );
    let plain: Value = serde_json::from_str(&std::fs::read_to_string(&plain).unwrap()).unwrap();
    assert_eq!(plain[1]["headline"], "一鼓作气 确保按期完成目标任务");
    assert_eq!(plain[1]["kicker"], "章旭升在调研南苑区块城中村改造工作时指出");
}

#[test]
fn export_never_overwrites_without_force() {
    let (dir, page) = workspace();
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&edited(&page), &doc).unwrap();
    let out = dir.path().join("edition.json");
    std::fs::write(&out, "keep me").unwrap();
    let (ok, _, err) =
        run(&[os("export"), doc.as_os_str(), os("--format"), os("json"), os("--out"), out.as_os_str()]);
    assert!(!ok && err.contains("will not write over") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let (ok, _, _) = run(&[
        os("export"),
        doc.as_os_str(),
        os("--format"),
        os("json"),
        os("--out"),
        out.as_os_str(),
        os("--force"),
    ]);
    assert!(ok);
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "keep me");
}

#[test]
fn split_out_starts_a_document_the_editor_can_open() {
    let (dir, page) = workspace();
    let doc = dir.path().join("new.copydesk.json");
    let (ok, out, _) = run(&[os("split"), page.as_os_str(), os("--out"), doc.as_os_str()]);
    assert!(ok && out.contains("4 articles"), "{out}");
    let restored = store::open(&doc).unwrap();
    let document = restored.document.unwrap();
    assert!(document.corrections.is_empty());
    assert_eq!(
        render_article(&document, document.split.articles[3]).subheadline.as_deref(),
        Some("北三环 两路两侧 环境整治显成效")
    );
    assert!(run(&[os("verify"), doc.as_os_str()]).0);

    // An existing document (an editor's work, perhaps) is not replaced
    // without --force, and with it the old one is kept as the backup.
    let edited = std::fs::read_to_string(&doc).unwrap().replace("\"version\": 2", "\"version\": 2 ");
    std::fs::write(&doc, &edited).unwrap();
    let (ok, _, err) = run(&[os("split"), page.as_os_str(), os("--out"), doc.as_os_str()]);
    assert!(!ok && err.contains("new.copydesk.json") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), edited, "untouched");
    let (ok, _, _) = run(&[os("split"), page.as_os_str(), os("--out"), doc.as_os_str(), os("--force")]);
    assert!(ok);
    assert_eq!(std::fs::read_to_string(store::backup_path(&doc)).unwrap(), edited);
}

#[test]
fn a_changed_source_is_named_and_the_document_opens_read_only() {
    let (dir, page) = workspace();
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&edited(&page), &doc).unwrap();
    let text = std::fs::read_to_string(&page).unwrap().replace("清廉金华", "清廉全华");
    std::fs::write(&page, text).unwrap();
    let restored = store::open(&doc).unwrap();
    assert!(restored.document.is_none(), "read-only");
    assert_eq!(restored.saved.corrections.len(), 4, "no correction dropped");
    let (ok, out, _) = run(&[os("verify"), doc.as_os_str()]);
    assert!(!ok);
    assert!(out.contains("page 1") && out.contains("has changed") && out.contains(SAMPLE), "{out}");
}

#[test]
fn a_missing_source_is_named() {
    let (dir, page) = workspace();
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&edited(&page), &doc).unwrap();
    std::fs::remove_file(&page).unwrap();
    let restored = store::open(&doc).unwrap();
    assert!(restored.document.is_none());
    let (ok, out, _) = run(&[os("verify"), doc.as_os_str()]);
    assert!(!ok && out.contains("cannot be read") && out.contains("no such file"), "{out}");
}

#[test]
fn a_truncated_document_is_refused_clearly() {
    let (dir, page) = workspace();
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&edited(&page), &doc).unwrap();
    let bytes = std::fs::read(&doc).unwrap();
    std::fs::write(&doc, &bytes[..bytes.len() / 2]).unwrap();
    let (ok, _, err) = run(&[os("verify"), doc.as_os_str()]);
    assert!(
        !ok && err.contains("issue.copydesk.json") && err.contains("damaged or not a Copydesk file"),
        "{err}"
    );
}

#[test]
fn a_document_of_a_newer_version_is_refused_clearly() {
    let (dir, page) = workspace();
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&edited(&page), &doc).unwrap();
    let text = std::fs::read_to_string(&doc).unwrap().replacen("\"version\": 2", "\"version\": 7", 1);
    std::fs::write(&doc, text).unwrap();
    let (ok, _, err) = run(&[
        os("export"),
        doc.as_os_str(),
        os("--format"),
        os("json"),
        os("--out"),
        dir.path().join("x.json").as_os_str(),
    ]);
    assert!(!ok && err.contains("format version 7") && err.contains("update Copydesk"), "{err}");
}

#[test]
fn a_tampered_correction_fails_verification() {
    let (dir, page) = workspace();
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&edited(&page), &doc).unwrap();
    let text = std::fs::read_to_string(&doc).unwrap().replacen("\"text\": \"少\"", "\"text\": \"多\"", 1);
    std::fs::write(&doc, text).unwrap();
    let (ok, out, _) = run(&[os("verify"), doc.as_os_str()]);
    assert!(!ok, "{out}");
}

/// Text typed at the very end of a headline: saved by the window of an
/// earlier version as an insertion just past the block, it was dropped by
/// `diff` and every export. Both forms must come out everywhere.
#[test]
fn text_added_at_the_end_of_a_field_reaches_diff_and_exports() {
    let (dir, page) = workspace();
    let mut document = Document::propose(load_path(&page, &LoadOptions::default()).unwrap());
    let first = document.split.articles[0];
    let headline = document
        .split
        .blocks
        .iter()
        .position(|b| b.article == Some(first) && b.role == copydesk::model::Role::Headline)
        .unwrap();
    let title = render_article(&document, first).headline.unwrap();
    document.apply(set_block_text(&document, headline, &format!("{title}（新）")).unwrap());
    // The form an earlier version wrote: an empty insertion at the end of the last paragraph.
    let last = document.split.blocks.iter().rposition(|b| b.article == Some(first)).unwrap();
    let end = document.split.blocks[last].range.end;
    document.apply(copydesk::edit::Edit::Corrections {
        removed: vec![],
        inserted: vec![copydesk::edit::Correction { page: 0, range: end..end, text: "（完）".into() }],
    });
    let doc = dir.path().join("ends.copydesk.json");
    store::save(&document, &doc).unwrap();

    let (ok, out, err) = run(&[os("diff"), doc.as_os_str(), os("--colour"), os("never")]);
    assert!(ok, "{err}");
    assert!(out.contains("{+（新）+}") && out.contains("{+（完）+}"), "{out}");
    let plain = dir.path().join("edition.json");
    let (ok, _, err) =
        run(&[os("export"), doc.as_os_str(), os("--format"), os("json"), os("--out"), plain.as_os_str()]);
    assert!(ok, "{err}");
    let plain: Value = serde_json::from_str(&std::fs::read_to_string(&plain).unwrap()).unwrap();
    assert_eq!(plain[0]["headline"], format!("{title}（新）"));
    let body = plain[0]["paragraphs"].as_array().unwrap();
    assert!(body.last().unwrap().as_str().unwrap().ends_with("（完）"), "{body:?}");
}
