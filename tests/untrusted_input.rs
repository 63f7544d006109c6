//! Documents and pages from elsewhere are untrusted input (issue 11): one
//! test for each way they broke a promise of `docs/reliability.md`. Named
//! pipes and devices are refused, not waited on; sources outside a
//! document's folder are not read without the editor's consent; diffs stay
//! bounded; memory stays bounded by the input; saving through a link writes
//! its target and keeps modes; exports escape what they embed; stale
//! temporary files are cleaned; and a bad byte is reported where it is.
//! (The window's side, and the end of a session by a signal, are in
//! `tests/untrusted_window.rs`.)

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

#[cfg(unix)]
use common::mkfifo;
use common::{HANG, SAMPLE, copydesk, within, workspace};
use copydesk::edit::Document;
use copydesk::load::{LoadOptions, load_path};
use copydesk::store;
use serde_json::Value;

fn run(args: &[&std::ffi::OsStr]) -> (bool, String, String) {
    let output = copydesk().args(args).timeout(HANG).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.status.success(), String::from_utf8_lossy(&output.stdout).into_owned(), stderr)
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn proposed(page: &Path) -> Document {
    Document::propose(load_path(page, &LoadOptions::default()).unwrap())
}

// ---------------------------------------------------------------------------
// A page, a document or a source that is a named pipe or a device.

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_by_every_subcommand_not_waited_on() {
    let (dir, page) = workspace();
    let fifo = dir.path().join("f.txt");
    mkfifo(&fifo);
    let (ok, _, err) = run(&[os("split"), fifo.as_os_str()]);
    assert!(!ok && err.contains("f.txt") && err.contains("named pipe"), "{err}");

    let fifo_doc = dir.path().join("pipe.copydesk.json");
    mkfifo(&fifo_doc);
    for subcommand in ["verify", "diff"] {
        let (ok, _, err) = run(&[os(subcommand), fifo_doc.as_os_str()]);
        assert!(!ok && err.contains("pipe.copydesk.json") && err.contains("named pipe"), "{err}");
    }

    // A document whose source was replaced by a named pipe.
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&proposed(&page), &doc).unwrap();
    std::fs::remove_file(&page).unwrap();
    mkfifo(&page);
    for subcommand in ["verify", "diff"] {
        let (ok, out, _) = run(&[os(subcommand), doc.as_os_str()]);
        assert!(!ok && out.contains(SAMPLE) && out.contains("named pipe"), "{subcommand}: {out}");
    }
    // Saving over a named pipe is refused too (its old content would be read for the backup).
    let (ok, _, err) = run(&[os("split"), dir.path().join("p.txt").as_os_str()]);
    assert!(!ok, "{err}");
    let (ok, _, err) = run(&[
        os("split"),
        common::fixture(SAMPLE).as_os_str(),
        os("--out"),
        fifo_doc.as_os_str(),
        os("--force"),
    ]);
    assert!(!ok && err.contains("named pipe"), "{err}");
}

#[cfg(unix)]
#[test]
fn every_loader_refuses_a_named_pipe_and_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.copydesk.json");
    mkfifo(&fifo);
    let named = |error: String| {
        assert!(error.contains("x.copydesk.json") && error.contains("named pipe"), "{error}");
    };
    let path = fifo.clone();
    named(within(move || load_path(&path, &LoadOptions::default()).unwrap_err().to_string()));
    let path = fifo.clone();
    named(within(move || store::open(&path).unwrap_err().to_string()));
    let path = fifo.clone();
    named(within(move || store::parse(&path).unwrap_err().to_string()));
    let path = fifo.clone();
    named(within(move || copydesk::recovery::read(&path).unwrap_err().to_string()));
    #[cfg(feature = "gui")]
    {
        let path = fifo.clone();
        named(within(move || copydesk::app::settings::load(&path).unwrap_err().to_string()));
    }
    let path = fifo.clone();
    named(within(move || store::DiskStamp::read(&path).unwrap_err().to_string()));
    // A lock note that is a named pipe.
    let doc = dir.path().join("x");
    std::fs::rename(&fifo, dir.path().join("x.lock")).unwrap();
    let error = within(move || store::holder(&doc).unwrap_err().to_string());
    assert!(error.contains("x.lock") && error.contains("named pipe"), "{error}");

    let error = load_path(Path::new("/dev/zero"), &LoadOptions::default()).unwrap_err().to_string();
    assert!(error.contains("/dev/zero") && error.contains("device"), "{error}");
}

// ---------------------------------------------------------------------------
// Source paths that leave the document's folder.

/// A document in `docs/` of the workspace whose source is the page one
/// folder up, and the document's path.
fn document_outside_its_source(dir: &Path, page: &Path) -> PathBuf {
    let docs = dir.join("docs");
    std::fs::create_dir(&docs).unwrap();
    let doc = docs.join("issue.copydesk.json");
    store::save(&proposed(page), &doc).unwrap();
    doc
}

fn set_source_path(doc: &Path, path: &str) {
    let mut json: Value = serde_json::from_slice(&std::fs::read(doc).unwrap()).unwrap();
    json["sources"][0]["path"] = Value::from(path);
    std::fs::write(doc, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
}

#[test]
fn a_source_outside_the_documents_folder_is_not_read_without_consent() {
    let (dir, page) = workspace();
    let doc = document_outside_its_source(dir.path(), &page);
    let json: Value = serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    let recorded = json["sources"][0]["path"].as_str().unwrap().to_owned();
    assert!(Path::new(&recorded).is_absolute(), "no relative path inside the folder: absolute, {recorded}");

    for path in [recorded.as_str(), "../yongkang-daily-2022-11-07-p1.txt"] {
        set_source_path(&doc, path);
        let restored = store::open(&doc).unwrap();
        assert!(restored.document.is_none(), "{path}: not read");
        for subcommand in ["verify", "diff"] {
            let (ok, out, _) = run(&[os(subcommand), doc.as_os_str()]);
            assert!(!ok, "{subcommand} {path}: {out}");
            assert!(out.contains("outside the document's folder") && out.contains("not read"), "{out}");
            assert!(out.contains("--allow-outside-sources"), "says how to allow it: {out}");
            let (ok, out, err) = run(&[os(subcommand), doc.as_os_str(), os("--allow-outside-sources")]);
            assert!(ok, "{subcommand} {path} with consent: {out}{err}");
        }
        let restored = store::open_with(&doc, store::SourceAccess::Anywhere).unwrap();
        assert!(restored.document.is_some(), "{path}: read with consent");
    }

    // Nothing is learnt about a file outside without consent: whether it
    // exists or not, and whatever it holds, the answer is the same.
    set_source_path(&doc, "/etc/passwd");
    let (_, passwd, _) = run(&[os("verify"), doc.as_os_str()]);
    set_source_path(&doc, "/no/such/file");
    let (_, missing, _) = run(&[os("verify"), doc.as_os_str()]);
    assert_eq!(passwd.replace("/etc/passwd", "X"), missing.replace("/no/such/file", "X"));
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_outside_and_a_device_is_never_read() {
    let (dir, page) = workspace();
    let doc = document_outside_its_source(dir.path(), &page);
    std::os::unix::fs::symlink(&page, dir.path().join("docs/p1.txt")).unwrap();
    set_source_path(&doc, "p1.txt");
    let (ok, out, _) = run(&[os("verify"), doc.as_os_str()]);
    assert!(!ok && out.contains("outside the document's folder"), "{out}");
    assert!(run(&[os("verify"), doc.as_os_str(), os("--allow-outside-sources")]).0);

    // A link inside the folder to a file inside it is fine.
    std::fs::remove_file(dir.path().join("docs/p1.txt")).unwrap();
    std::fs::copy(&page, dir.path().join("docs/real.txt")).unwrap();
    std::os::unix::fs::symlink("real.txt", dir.path().join("docs/p1.txt")).unwrap();
    let (ok, out, _) = run(&[os("verify"), doc.as_os_str()]);
    assert!(ok, "{out}");

    set_source_path(&doc, "/dev/zero");
    let (ok, out, _) = run(&[os("verify"), doc.as_os_str(), os("--allow-outside-sources")]);
    assert!(!ok && out.contains("/dev/zero") && out.contains("device"), "never read: {out}");
}

// ---------------------------------------------------------------------------
// Diffs bounded: a paragraph replaced by 80,000 other characters.

#[test]
fn a_paragraph_replaced_by_80000_characters_diffs_as_one_replacement() {
    let (_dir, _, _, doc) = common::saved_replacement(80_000, "long.copydesk.json");

    // The saved diff: beyond a size, words or lines, not characters.
    let json: Value = serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    let ops = json["corrections"][0]["ops"].as_array().unwrap();
    assert!(ops.len() <= 4, "a coarse diff, not {} character operations", ops.len());

    let (ok, out, err) = run(&[os("diff"), doc.as_os_str(), os("--colour"), os("never")]);
    assert!(ok, "{err}");
    let line = out.lines().find(|l| l.chars().count() > 80_000).unwrap();
    assert!(line.matches("{+").count() <= 2, "one replacement, not thousands of scattered ones");
    assert!(run(&[os("verify"), doc.as_os_str()]).0, "the coarse diff still rebuilds the text");
}

// ---------------------------------------------------------------------------
// Memory bounded by the input (Linux: the child reads its own peak RSS).
// The bound is five times the document plus its sources; the heap itself
// peaks lower (about twice, measured with massif), the rest is what the
// allocator keeps of freed memory.

const MEMORY_CHILD: &str = "COPYDESK_MEMORY_CHILD";

/// Not a test of its own: runs `copydesk verify` or `diff` in a process of
/// its own and prints how much its peak resident memory grew.
#[test]
fn memory_child() {
    let Some(task) = std::env::var_os(MEMORY_CHILD) else { return };
    let task = task.to_string_lossy().into_owned();
    let (subcommand, doc) = task.split_once(' ').unwrap();
    let before = status_kib("VmRSS");
    let args = ["copydesk", subcommand, doc, "--colour", "never"];
    let args = if subcommand == "diff" { &args[..] } else { &args[..3] };
    let cli = <copydesk::cli::Cli as clap::Parser>::parse_from(args);
    let _ = copydesk::cli::run(cli.command.unwrap(), &mut std::io::sink());
    println!("grew {}", status_kib("VmHWM").saturating_sub(before));
}

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with(field)).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Peak memory, in bytes, that `copydesk SUBCOMMAND doc` adds to a process.
fn peak_growth(subcommand: &str, doc: &Path) -> u64 {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "memory_child", "--nocapture", "--test-threads=1"])
        .env(MEMORY_CHILD, format!("{subcommand} {}", doc.display()))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let grew = stdout.lines().find_map(|l| l.split("grew ").nth(1));
    let kib: u64 = grew.unwrap_or_else(|| panic!("the child said {stdout}")).trim().parse().unwrap();
    kib * 1024
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).unwrap().len()
}

#[cfg(target_os = "linux")]
#[test]
fn memory_stays_within_five_times_the_document_and_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    // A page of about 1 MB, listed 400 times.
    let fixtures = common::fixtures();
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for name in [SAMPLE, "commoner-lincoln-ne-1916-02-p1.txt", "donghai-daily-2025-03-04-p1.txt"] {
            text.push_str(&std::fs::read_to_string(fixtures.join(name)).unwrap());
        }
    }
    let page = dir.path().join("big.txt");
    std::fs::write(&page, &text).unwrap();
    let doc = dir.path().join("repeated.copydesk.json");
    store::save(&proposed(&page), &doc).unwrap();
    let mut json: Value = serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    let source = json["sources"][0].clone();
    let sources: Vec<Value> = (1..=400)
        .map(|n| {
            let mut s = source.clone();
            s["page"] = Value::from(n);
            s
        })
        .collect();
    json["sources"] = Value::Array(sources);
    std::fs::write(&doc, serde_json::to_vec(&json).unwrap()).unwrap();
    let bound = 5 * (size(&doc) + size(&page));
    let grew = peak_growth("verify", &doc);
    println!("400 entries of one page: {} + {} bytes in, grew {grew}", size(&doc), size(&page));
    assert!(grew <= bound, "400 entries of one page: grew {grew} bytes, over {bound}");

    // A 10 MB correction.
    let (dir, _, _, doc) = common::saved_replacement(3_400_000, "huge.copydesk.json");
    let sample = dir.path().join(SAMPLE);
    let bound = 5 * (size(&doc) + size(&sample));
    for subcommand in ["verify", "diff"] {
        let grew = peak_growth(subcommand, &doc);
        println!(
            "{subcommand} of a 10 MB correction: {} + {} bytes in, grew {grew}",
            size(&doc),
            size(&sample)
        );
        assert!(grew <= bound, "{subcommand} of a 10 MB correction: grew {grew} bytes, over {bound}");
    }
}

#[test]
fn an_error_quotes_a_short_excerpt_not_the_whole_text() {
    let (_dir, _, _, doc) = common::saved_replacement(200_000, "tampered.copydesk.json");
    let mut json: Value = serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    let text = json["corrections"][0]["text"].as_str().unwrap().to_owned();
    json["corrections"][0]["text"] = Value::from(format!("{text}!"));
    std::fs::write(&doc, serde_json::to_vec(&json).unwrap()).unwrap();
    let (ok, out, _) = run(&[os("verify"), doc.as_os_str()]);
    assert!(!ok);
    for line in out.lines() {
        assert!(line.chars().count() < 400, "a short excerpt: {} characters", line.chars().count());
    }
    assert!(out.contains("do not rebuild its text"), "{out}");
}

// ---------------------------------------------------------------------------
// Saving through a link, modes, and the backup.

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_writes_its_target_and_keeps_the_modes() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, page) = workspace();
    let real = dir.path().join("real.copydesk.json");
    assert!(run(&[os("split"), page.as_os_str(), os("--out"), real.as_os_str()]).0);
    let old = std::fs::read_to_string(&real).unwrap().replace("\"version\": 2", "\"version\": 2 ");
    std::fs::write(&real, &old).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.copydesk.json");
    std::os::unix::fs::symlink("real.copydesk.json", &link).unwrap();

    let (ok, _, err) = run(&[os("split"), page.as_os_str(), os("--out"), link.as_os_str(), os("--force")]);
    assert!(ok, "{err}");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert_ne!(std::fs::read_to_string(&real).unwrap(), old, "its target was written");
    assert_eq!(mode(&real), 0o640, "the document keeps its mode");
    assert_eq!(std::fs::read_to_string(store::backup_path(&real)).unwrap(), old);
    assert_eq!(mode(&store::backup_path(&real)), 0o640, "the backup gets the document's mode");

    // A private document's backup is private.
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(run(&[os("split"), page.as_os_str(), os("--out"), real.as_os_str(), os("--force")]).0);
    assert_eq!((mode(&real), mode(&store::backup_path(&real))), (0o600, 0o600));
}

// ---------------------------------------------------------------------------
// Exports escape what they embed.

#[test]
fn markdown_export_escapes_source_names_and_text() {
    let (dir, page) = workspace();
    let doc = dir.path().join("issue.copydesk.json");
    store::save(&proposed(&page), &doc).unwrap();
    let mut json: Value = serde_json::from_slice(&std::fs::read(&doc).unwrap()).unwrap();
    json["sources"][0]["name"] = Value::from("x --> <img src=x onerror=alert(1)> <!--");
    json["articles"][0]["headline"] = Value::from("<script>alert(1)</script>");
    std::fs::write(&doc, serde_json::to_vec(&json).unwrap()).unwrap();
    let out = dir.path().join("edition.md");
    let (ok, _, err) =
        run(&[os("export"), doc.as_os_str(), os("--format"), os("markdown"), os("--out"), out.as_os_str()]);
    assert!(ok, "{err}");
    let markdown = std::fs::read_to_string(&out).unwrap();
    assert!(!markdown.contains("<img"), "{markdown}");
    assert!(markdown.contains("## \\<script\\>alert(1)\\</script\\>"), "shown as text: {markdown}");
    assert_eq!(markdown.matches("-->").count(), 1, "only the comment's own end: {markdown}");
}

// ---------------------------------------------------------------------------
// Stale temporary files of killed saves.

#[test]
fn stale_temporary_files_of_copydesk_are_removed_on_the_next_save_and_others_left() {
    let (dir, page) = workspace();
    let doc = dir.path().join("issue.copydesk.json");
    let document = proposed(&page);
    store::save(&document, &doc).unwrap();
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    let file = |name: &str, old: bool| {
        let path = dir.path().join(name);
        let file = std::fs::File::create(&path).unwrap();
        if old {
            file.set_modified(an_hour_ago).unwrap();
        }
        (path, file)
    };
    let (stale, _) = file(".issue.copydesk.json.4242.q7Xz9k.copydesk-tmp", true);
    let (stale_backup, _) = file(".issue.copydesk.json.bak.4242.a1B2c3.copydesk-tmp", true);
    let (fresh, _) = file(".issue.copydesk.json.4243.Zz0000.copydesk-tmp", false);
    let (held, held_file) = file(".issue.copydesk.json.4244.Hh1111.copydesk-tmp", true);
    held_file.lock().unwrap(); // a save in progress in a live process
    let (rsync, _) = file(".issue.copydesk.json.Ab12Cd", true);
    let (swap, _) = file(".issue.copydesk.json.swp", true);
    let (other, _) = file(".other.copydesk.json.4242.q7Xz9k.copydesk-tmp", true);

    store::save(&document, &doc).unwrap();
    assert!(!stale.exists() && !stale_backup.exists(), "Copydesk's own stale files are removed");
    for kept in [&fresh, &held, &rsync, &swap, &other] {
        assert!(kept.exists(), "left alone: {}", kept.display());
    }
}

// ---------------------------------------------------------------------------
// The decoder names the real bad byte.

#[test]
fn a_utf8_page_with_one_bad_byte_is_reported_as_utf8_at_that_byte() {
    let (dir, _) = workspace();
    let mut bytes = std::fs::read(common::fixture(SAMPLE)).unwrap();
    let at = (5001..bytes.len()).find(|&i| bytes[i].is_ascii_digit() || bytes[i] == b'\n').unwrap();
    bytes[at] = 0xFF;
    let page = dir.path().join("bad-byte.txt");
    std::fs::write(&page, &bytes).unwrap();
    let (ok, _, err) = run(&[os("split"), page.as_os_str()]);
    assert!(!ok);
    assert!(err.contains("not valid UTF-8") && err.contains(&format!("offset {at}")), "{err}");
}

/// Whatever the articles and source names hold, the Markdown export parses
/// (as CommonMark with GitHub's tables and strikethrough) into headings,
/// paragraphs, quotes and emphasis only: no HTML, link, image, list or code.
mod markdown_property {
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag};

    use copydesk::compose::ArticleText;
    use copydesk::store::{self, ExportFormat, SavedArticle, SavedDocument};

    fn hostile() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            Just("<img src=x onerror=alert(1)>".to_owned()),
            Just("-->".to_owned()),
            Just("<!--".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n\n    ".to_owned()),
            Just("[x](javascript:alert(1))".to_owned()),
            Just("![i](x)".to_owned()),
            Just("```".to_owned()),
            Just("1. ".to_owned()),
            Just("- ".to_owned()),
            Just("| a | b |\n|---|---|\n".to_owned()),
            Just("&lt;b&gt;".to_owned()),
            Just("\\".to_owned()),
            "[ -~]{0,12}",
            ".{0,6}",
        ];
        prop::collection::vec(pieces, 0..8).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn markdown_export_is_only_text(
            name in hostile(), headline in hostile(), kicker in hostile(),
            paragraph in hostile(), caption in hostile(),
        ) {
            let text = ArticleText {
                kicker: Some(kicker),
                headline: Some(headline),
                byline: Some(name.clone()),
                paragraphs: vec![paragraph],
                captions: vec![caption],
                ..Default::default()
            };
            let saved = SavedDocument {
                format: store::FORMAT.into(),
                version: store::VERSION,
                sources: vec![serde_json::from_value(serde_json::json!({
                    "page": 1, "name": name, "path": "p.txt", "form_feed_page": null, "byte_start": 0,
                    "byte_end": 1, "size": 1, "encoding": "UTF-8", "sha256": "00"
                })).unwrap()],
                articles: vec![SavedArticle { id: "a1".into(), spans: Vec::new(), reviewed: false, text }],
                blocks: Vec::new(),
                corrections: Vec::new(),
                dismissed: Vec::new(),
            };
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("e.md");
            store::export(&saved, ExportFormat::Markdown, &out, false).unwrap();
            let markdown = std::fs::read_to_string(&out).unwrap();
            let mut comments = 0;
            for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
                match event {
                    Event::Html(html) => {
                        comments += 1;
                        prop_assert!(html.starts_with("<!-- Exported by Copydesk from "), "{html}");
                        prop_assert_eq!(html.matches("-->").count(), 1, "{}", html);
                    }
                    Event::Start(tag) => prop_assert!(
                        matches!(tag, Tag::Heading { .. } | Tag::Paragraph | Tag::BlockQuote(_)
                            | Tag::Emphasis | Tag::Strong | Tag::HtmlBlock),
                        "{tag:?} in {markdown}"
                    ),
                    Event::InlineHtml(html) => prop_assert!(false, "inline HTML {html} in {markdown}"),
                    _ => {}
                }
            }
            prop_assert_eq!(comments, 1, "{}", markdown);
        }
    }
}
