//! The window's side of issue 11: a page or document that is a named pipe
//! is refused, not waited on; a document's sources outside its folder are
//! read only once the editor agrees to a question naming them; the diff
//! view (F7) computes a long correction's diff once, not on every frame;
//! and SIGTERM, SIGHUP and SIGINT write the recovery file, typing
//! included, and release the session's lock before the window closes.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use common::window::{click, editor, press, settings, window};
use common::{replaced_paragraph, within, workspace};
use copydesk::app::{Action, EditorApp, Lang};
use copydesk::store;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[cfg(unix)]
#[test]
fn a_named_pipe_opened_in_the_window_is_refused_not_waited_on() {
    let (dir, _) = workspace();
    for name in ["f.txt", "d.copydesk.json"] {
        let fifo = dir.path().join(name);
        common::mkfifo(&fifo);
        let error = within(move || {
            EditorApp::with_settings(settings(Lang::En), &[fifo]).error().unwrap_or_default().to_owned()
        });
        assert!(error.contains(name) && error.contains("named pipe"), "{error}");
    }
}

#[test]
fn a_document_with_sources_outside_its_folder_asks_before_reading_them() {
    let (dir, page) = workspace();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let doc = docs.join("issue.copydesk.json");
    let (document, _) = replaced_paragraph(&page, 20);
    store::save(&document, &doc).unwrap();

    let mut harness = window(EditorApp::with_settings(settings(Lang::En), std::slice::from_ref(&doc)));
    harness.run();
    harness.get_by_label("Read pages from outside the document's folder?");
    harness.get_by_label(&page.display().to_string());
    assert!(editor(&harness).document().corrections.is_empty(), "nothing read yet: still the sample");
    click(&mut harness, "Open read-only");
    assert!(harness.state().workspace().read_only().is_some());
    harness.get_by_label_contains("outside the document's folder");

    harness.state_mut().apply(Action::Open(vec![doc.clone()]));
    harness.run();
    harness.get_by_label("Read them").click();
    harness.run();
    assert!(harness.state().workspace().read_only().is_none());
    assert_eq!(editor(&harness).document().corrections, document.corrections, "opened with consent");
}

#[test]
fn the_diff_view_computes_a_long_corrections_diff_once_not_every_frame() {
    let (_dir, _, index, doc) = common::saved_replacement(80_000, "long.copydesk.json");
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), std::slice::from_ref(&doc)));
    harness.run();
    let article = editor(&harness).document().split.blocks[index].article.unwrap();
    harness.state_mut().apply(Action::SelectArticle(article));
    press(&mut harness, Modifiers::NONE, Key::F7);
    assert!(harness.state().article_view().show_diff());
    let after_first = harness.state().article_view().diffs_computed();
    assert!(after_first >= 1, "the corrected paragraph's diff");
    for _ in 0..10 {
        harness.step();
    }
    assert_eq!(harness.state().article_view().diffs_computed(), after_first, "frames reuse the diffs");
    assert!(harness.query_by_label("No corrections in this article.").is_none());
}

/// The session a signal ends: a child process types into a field and is
/// sent the signal named by this variable before the recovery file is due.
#[cfg(unix)]
const SIGNAL_CHILD: &str = "COPYDESK_SIGNAL_CHILD";

/// Not a test of its own: the body of the session that gets the signal.
#[cfg(unix)]
#[test]
fn signalled_session_child() {
    use copydesk::recovery::RecoveryFolder;
    let Some(dir) = std::env::var_os(SIGNAL_CHILD).map(std::path::PathBuf::from) else { return };
    // The signal wakes this context; the loop below steps the window anyway.
    let woken = egui::Context::default();
    let app = EditorApp::with_settings(settings(Lang::En), &[dir.join(common::SAMPLE)])
        .with_recovery(RecoveryFolder::new(dir.join("recovery")))
        .ending_on_signals(&woken);
    let mut harness = window(app);
    harness.run();
    common::window::type_into_second_headline(&mut harness, "新");
    let recovery = harness.state().recovery_path().unwrap().to_owned();
    assert!(!recovery.exists(), "not yet due: only the signal can write it now");
    println!("ready {}", recovery.display());
    let started = std::time::Instant::now();
    while !harness.state().ended_by_signal() {
        assert!(started.elapsed() < common::HANG, "no signal came");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
}

#[cfg(unix)]
#[test]
fn sigterm_sighup_and_sigint_write_the_recovery_file_first() {
    if std::env::var_os(SIGNAL_CHILD).is_some() {
        return;
    }
    for signal in ["TERM", "HUP", "INT"] {
        let (dir, _) = workspace();
        let (mut child, said) = common::start_child("signalled_session_child", SIGNAL_CHILD, dir.path());
        let recovery = std::path::PathBuf::from(said);
        let sent = std::process::Command::new("kill")
            .args(["-s", signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            assert!(started.elapsed() < common::HANG, "SIG{signal}: the session did not end");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let saved = copydesk::recovery::read(&recovery)
            .unwrap_or_else(|e| panic!("SIG{signal}: no recovery file: {e}"));
        let headlines: Vec<_> =
            saved.document.articles.iter().filter_map(|a| a.text.headline.clone()).collect();
        assert!(headlines.iter().any(|h| h.contains('新')), "SIG{signal}: the typing is kept: {headlines:?}");
        // The session's lock is released: the next start is offered the work.
        let (orphans, _) = copydesk::recovery::RecoveryFolder::new(dir.path().join("recovery")).orphans();
        assert_eq!(orphans.len(), 1, "SIG{signal}");
    }
}
