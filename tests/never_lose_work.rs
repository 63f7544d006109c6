//! The window's promises about the editor's work, tested as an editor
//! meets them: a session killed mid-work is offered for recovery at the
//! next start; a panic writes the recovery file; Save never overwrites a
//! document someone changed on disk; a lock note tells a second editor who
//! has the document open; opening over unsaved work asks first.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::PathBuf;
use std::time::{Duration, Instant};

mod common;

use common::window::{click, editor, is_modified, press, request_close, window};
use common::{SAMPLE, workspace};
use copydesk::app::{Action, EditorApp, Lang};
use copydesk::edit::render_article;
use copydesk::model::Role;
use copydesk::recovery::RecoveryFolder;
use copydesk::store::{self, LockNote};
use egui::accesskit::Role as A11yRole;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const CHILD_ENV: &str = "COPYDESK_SESSION_CHILD";
const NEW_HEADLINE: &str = "一鼓作气 确保完成目标任务";

fn settings() -> copydesk::app::Settings {
    common::window::settings(Lang::En)
}

/// Marks the rubric line as noise, then types a new headline into the
/// second article without committing it (the editor is mid-typing).
fn work_on(harness: &mut Harness<'_, EditorApp>) {
    click(harness, "城市更新进行时");
    press(harness, Modifiers::ALT, Key::X);
    click(harness, "章旭升在调研南苑区块城中村改造工作时指出");
    harness.get_by_role_and_label(A11yRole::TextInput, "Headline").focus();
    harness.run();
    press(harness, Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(A11yRole::TextInput, "Headline").type_text(NEW_HEADLINE);
    harness.run();
    assert!(editor(harness).typing().is_some(), "still typing");
}

/// Not a test of its own: the body of the session that gets killed. Does
/// nothing unless started by [`a_killed_session_is_offered_at_the_next_start`].
#[test]
fn editing_session_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else { return };
    let app = EditorApp::with_settings(settings(), &[dir.join(SAMPLE)])
        .with_recovery(RecoveryFolder::new(dir.join("recovery")));
    let mut harness = window(app);
    harness.run();
    work_on(&mut harness);
    // Frames go on as in a real window until the recovery file is written
    // (about a second after typing stops).
    let recovery = harness.state().recovery_path().unwrap().to_owned();
    let started = Instant::now();
    while !recovery.exists() {
        assert!(started.elapsed() < Duration::from_secs(60), "no recovery file was written");
        std::thread::sleep(Duration::from_millis(100));
        harness.step();
    }
    println!("ready");
    loop {
        std::thread::sleep(Duration::from_millis(100));
        harness.step();
    }
}

#[test]
fn a_killed_session_is_offered_at_the_next_start() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let (dir, page) = workspace();
    let (mut child, _) = common::start_child("editing_session_child", CHILD_ENV, dir.path());
    // The power goes: no save, no clean-up.
    child.kill().unwrap();
    child.wait().unwrap();

    // The next start offers the work, showing what it holds.
    let app = EditorApp::with_settings(settings(), &[])
        .with_recovery(RecoveryFolder::new(dir.path().join("recovery")));
    let mut harness = window(app);
    harness.run();
    harness.get_by_label("Unsaved work from an earlier session");
    harness.get_by_label("never saved");
    // The typed headline, as the corrections it makes against the source:
    // "一鼓作气 聚力突破 确保按期完成既定目标任务" lost three pieces.
    harness.get_by_label("written less than a minute ago · Articles: 4 · Corrections: 3");
    for deleted in ["聚力突破", "按期", "既定"] {
        harness.get_by_label_contains(&format!("p1 l39: −{deleted}"));
    }

    // Deciding later keeps the file; the next start offers it again.
    click(&mut harness, "Decide later");
    assert!(harness.query_by_label("Unsaved work from an earlier session").is_none());
    drop(harness);
    let app = EditorApp::with_settings(settings(), &[])
        .with_recovery(RecoveryFolder::new(dir.path().join("recovery")));
    let mut harness = window(app);
    harness.run();
    harness.get_by_label("Recover").click();
    harness.run();

    let app = harness.state();
    assert!(app.workspace().is_modified(), "recovered work is unsaved work");
    let document = app.editor().unwrap().document();
    assert_eq!(document.edition.pages[0].source.path, page);
    let second = document.split.articles[1];
    assert_eq!(render_article(document, second).headline.as_deref(), Some(NEW_HEADLINE));
    let rubric = document
        .split
        .blocks
        .iter()
        .find(|b| document.edition.pages[0].text[b.range.clone()].contains("城市更新进行时"));
    assert_eq!(rubric.unwrap().role, Role::Noise, "the structural edit came back too");
    // The old recovery file is gone once this session's holds the work.
    let files: Vec<_> = std::fs::read_dir(dir.path().join("recovery"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".recovery.json"))
        .collect();
    assert_eq!(files, vec![app.recovery_path().unwrap().to_owned()]);
}

#[test]
fn a_panic_in_the_window_writes_the_recovery_file_first() {
    let (dir, page) = workspace();
    let app = EditorApp::with_settings(settings(), &[page])
        .with_recovery(RecoveryFolder::new(dir.path().join("r")));
    let mut harness = window(app);
    harness.run();
    work_on(&mut harness);
    let recovery = harness.state().recovery_path().unwrap().to_owned();
    assert!(!recovery.exists(), "not yet due");

    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        harness.state_mut().guarded(|_| panic!("a bug in a frame"));
    }));
    assert!(outcome.is_err(), "the panic goes on after the recovery file is written");
    let saved = copydesk::recovery::read(&recovery).unwrap();
    let headlines: Vec<_> = saved.document.articles.iter().map(|a| a.text.headline.as_deref()).collect();
    assert!(headlines.contains(&Some(NEW_HEADLINE)), "typing in progress is included: {headlines:?}");
}

#[test]
fn save_does_not_overwrite_a_document_changed_on_disk() {
    let (dir, page) = workspace();
    let doc = dir.path().join("p1.copydesk.json");
    let app = EditorApp::with_settings(settings(), &[page]);
    let mut harness = window(app);
    harness.run();
    harness.state_mut().apply(Action::SaveAs(doc.clone()));
    harness.run();
    assert_eq!(harness.state().document_path(), Some(doc.as_path()));

    // Another editor saves the document meanwhile.
    let theirs = std::fs::read_to_string(&doc).unwrap().replace("\"version\": 2", "\"version\": 2 ");
    std::fs::write(&doc, &theirs).unwrap();
    click(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("The document changed on disk");
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), theirs, "their work is untouched");

    // Cancel keeps both; Overwrite writes ours.
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("The document changed on disk").is_none());
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), theirs);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Overwrite it");
    assert_ne!(std::fs::read_to_string(&doc).unwrap(), theirs);
    assert!(!is_modified(&harness));
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&doc)).unwrap(),
        theirs,
        "theirs is kept as the backup"
    );

    // Reload takes theirs and drops ours.
    std::fs::write(&doc, &theirs).unwrap();
    click(&mut harness, "章旭升在调研南苑区块城中村改造工作时指出");
    press(&mut harness, Modifiers::ALT, Key::N);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Reload theirs");
    assert!(!is_modified(&harness));
    assert_eq!(editor(&harness).document().split.articles.len(), 4);

    // Save As goes to another name.
    std::fs::write(&doc, "{}").unwrap();
    press(&mut harness, Modifiers::ALT, Key::N);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    click(&mut harness, "Save as…");
    harness.get_by_label("Save the document");
}

#[test]
fn a_lock_note_opens_the_document_read_only_and_says_who_has_it() {
    let (dir, page) = workspace();
    let doc = dir.path().join("p1.copydesk.json");
    let mut first = window(EditorApp::with_settings(settings(), &[page]));
    first.run();
    first.state_mut().apply(Action::SaveAs(doc.clone()));
    let ours = store::holder(&doc).unwrap().expect("saving takes the lock");
    assert_eq!(ours.pid, std::process::id());
    drop(first);
    assert!(store::holder(&doc).unwrap().is_none(), "closing the document removes its note");

    // Li, on another machine, has it open.
    let theirs = LockNote { user: "li".into(), host: "desk-3".into(), ..LockNote::for_this_process() };
    std::fs::write(store::lock_path(&doc), serde_json::to_string(&theirs).unwrap()).unwrap();
    let mut second = window(EditorApp::with_settings(settings(), std::slice::from_ref(&doc)));
    second.run();
    assert!(second.state().workspace().read_only().is_some());
    second.get_by_label_contains("someone else has this document open");
    second.get_by_label_contains("li on desk-3");
    press(&mut second, Modifiers::ALT, Key::N);
    assert!(second.state().editor().is_none(), "nothing is edited read-only");

    // Edit anyway takes the note over.
    click(&mut second, "Edit anyway");
    assert!(second.state().workspace().read_only().is_none());
    assert_eq!(store::holder(&doc).unwrap().unwrap().user, LockNote::for_this_process().user);
}

#[test]
fn opening_over_unsaved_work_asks_first() {
    let (_dir, page) = workspace();
    let mut harness = window(EditorApp::with_settings(settings(), std::slice::from_ref(&page)));
    harness.run();
    click(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    harness.state_mut().apply(Action::Open(vec![page.clone()]));
    harness.run();
    harness.get_by_label("Open without saving?");
    click(&mut harness, "Cancel");
    assert!(is_modified(&harness), "the work is still there");
    harness.state_mut().apply(Action::Open(vec![page]));
    harness.run();
    click(&mut harness, "Open and lose changes");
    assert!(!is_modified(&harness));
}

#[test]
fn closing_while_typing_asks_first() {
    let (_dir, page) = workspace();
    let mut harness = window(EditorApp::with_settings(settings(), std::slice::from_ref(&page)));
    harness.run();
    common::window::type_into_second_headline(&mut harness, "新");
    let editor = editor(&harness);
    assert!(
        !editor.history().has_unsaved_changes() && editor.typing().is_some(),
        "only typed, not committed"
    );
    request_close(&mut harness);
    harness.get_by_label("Quit without saving?");
}

#[test]
fn recovering_never_replaces_unsaved_work_of_this_session() {
    let (dir, page) = workspace();
    let folder = RecoveryFolder::new(dir.path().join("recovery"));
    // A crashed session's work.
    let crashed = folder.start_session().unwrap();
    let document = copydesk::edit::Document::propose(
        copydesk::load::load_path(&page, &copydesk::load::LoadOptions::default()).unwrap(),
    );
    let title = "crashed".to_owned();
    crashed
        .write(&copydesk::recovery::Snapshot { document, title, document_path: None, document_stamp: None })
        .unwrap();
    let orphan_file = crashed.path().to_owned();
    drop(crashed);

    let mut harness =
        window(EditorApp::with_settings(settings(), std::slice::from_ref(&page)).with_recovery(folder));
    harness.run();
    click(&mut harness, "Decide later");
    click(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    harness.state_mut().look_for_recovery(true);
    harness.run();
    harness.get_by_label("Recover").click();
    harness.run();
    harness.get_by_label_contains("Save the work you have open first");
    assert!(is_modified(&harness), "this session's work is still there");
    assert!(orphan_file.exists(), "and the other work is still on offer");
}
