//! The learned split in the window (issue 9): walking the proposal's
//! uncertain boundaries from the keyboard, and choosing the model that
//! splits new pages.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use common::window::{editor, press, settings, window};
use common::{fixture, workspace};
use copydesk::app::{Action, EditorApp, Lang};
use copydesk::load::{LoadOptions, load_path};
use copydesk::segment::{self, Model};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// The English column: many boundaries, some of them doubtful.
const PAGE: &str = "commoner-lincoln-ne-1916-02-p1.txt";

#[test]
fn alt_b_walks_the_uncertain_boundaries_least_certain_first() {
    let page = fixture(PAGE);
    let edition = load_path(&page, &LoadOptions::default()).unwrap();
    let boundaries = segment::propose_with(&edition, Model::builtin()).boundaries;
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[page]));
    harness.run();
    let total = editor(&harness).doubts().len();
    assert!(total >= 3, "the page has doubtful boundaries: {total}");

    let mut seen = Vec::new();
    for rank in 1..=total.min(6) {
        press(&mut harness, Modifiers::ALT, Key::B);
        let selection = editor(&harness).selection();
        let boundary = boundaries.iter().find(|b| (b.page, b.line) == (selection.page, selection.line));
        let boundary = boundary.expect("the selected line is one of the proposal's boundaries");
        let certainty = if boundary.proposed { boundary.confidence } else { 1.0 - boundary.confidence };
        assert!(certainty < copydesk::session::UNCERTAIN_BELOW, "{boundary:?}");
        let status = format!("uncertain boundary {rank} / {total} · confidence {certainty:.2}");
        harness.get_by_label_contains(&status);
        // The line is shown, selected, in the source.
        let text = editor(&harness).document().edition.pages[0].line(selection.line).to_owned();
        assert!(
            harness.query_all_by_label(&text).any(|row| row.rect().left() < 100.0),
            "line {} in view",
            selection.line + 1
        );
        seen.push(certainty);
    }
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "least certain first: {seen:?}");
    // No doubtful place is skipped: each is at most as certain as any left out.
    let listed: Vec<f32> = boundaries
        .iter()
        .map(|b| if b.proposed { b.confidence } else { 1.0 - b.confidence })
        .filter(|&c| c < copydesk::session::UNCERTAIN_BELOW)
        .collect();
    assert_eq!(listed.len(), total);
    assert!(listed.iter().all(|&c| c >= seen[0]), "the first is the least certain");

    // The same command from the View menu and the palette, going round
    // after the last.
    let walked = total.min(6);
    let rank = |n: usize| (n - 1) % total + 1;
    common::window::click(&mut harness, "View");
    harness.get_by_label_contains("Next uncertain boundary").click();
    harness.run();
    harness.get_by_label_contains(&format!("uncertain boundary {} / {total}", rank(walked + 1)));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.event(egui::Event::Text("uncertain".into()));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.get_by_label_contains(&format!("uncertain boundary {} / {total}", rank(walked + 2)));
}

/// A model file that splits differently from the built-in model.
fn other_model(dir: &std::path::Path) -> (std::path::PathBuf, Model) {
    let path = dir.join("plain.model");
    let model = Model::untrained();
    copydesk::store::write_model(&model, &path).unwrap();
    (path, model)
}

#[test]
fn pages_opened_are_split_with_the_model_chosen_in_settings_and_it_is_remembered() {
    let (dir, page) = workspace();
    let (model_path, model) = other_model(dir.path());
    let edition = load_path(&page, &LoadOptions::default()).unwrap();
    let by_file = segment::propose_with(&edition, &model).split;
    let built_in = segment::propose_with(&edition, Model::builtin()).split;
    assert_ne!(by_file, built_in, "the test needs a model that splits differently");

    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    common::window::click(&mut harness, "Settings");
    common::window::click(&mut harness, "Model file…");
    harness.event(egui::Event::Text(model_path.display().to_string()));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        harness.state().settings().model.as_deref(),
        Some(model_path.as_path()),
        "kept in settings.json"
    );
    harness.state_mut().apply(Action::Open(vec![page.clone()]));
    harness.run();
    assert_eq!(editor(&harness).document().split, by_file, "new pages are split with the chosen model");

    // Next start: the setting brings the model back.
    let remembered = harness.state().settings().clone();
    let mut harness = window(EditorApp::with_settings(remembered, std::slice::from_ref(&page)));
    harness.run();
    assert_eq!(editor(&harness).document().split, by_file);

    // Back to the built-in model.
    common::window::click(&mut harness, "Settings");
    harness.get_by_role_and_label(Role::RadioButton, "Built-in model").click();
    harness.run();
    assert_eq!(harness.state().settings().model, None);
    harness.state_mut().apply(Action::Open(vec![page]));
    harness.run();
    assert_eq!(editor(&harness).document().split, built_in);
}

#[test]
fn a_model_file_that_cannot_be_used_is_named_and_the_built_in_model_splits() {
    let (dir, page) = workspace();
    let broken = dir.path().join("broken.model");
    std::fs::write(&broken, b"not a model at all").unwrap();
    let mut kept = settings(Lang::En);
    kept.model = Some(broken.clone());
    let mut harness = window(EditorApp::with_settings(kept, std::slice::from_ref(&page)));
    harness.run();
    let notice = harness.state().error().unwrap_or_default().to_owned();
    assert!(notice.contains("broken.model") && notice.contains("built-in"), "{notice}");
    harness.get_by_label_contains("broken.model");
    let edition = load_path(&page, &LoadOptions::default()).unwrap();
    assert_eq!(editor(&harness).document().split, segment::propose_with(&edition, Model::builtin()).split);

    // Choosing it in Settings says the same and keeps the model in use.
    common::window::click(&mut harness, "Settings");
    common::window::click(&mut harness, "Model file…");
    harness.event(egui::Event::Text(broken.display().to_string()));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().error().is_some_and(|e| e.contains("broken.model")));
    assert_eq!(harness.state().split_model().file(), None);
}
