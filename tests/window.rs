//! The editor window, worked as an editor works it: clicking source lines
//! and labels, pressing the shortcuts, typing into fields. After each step
//! the document model is checked, not just the pixels.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use common::window::{click, editor, is_modified, press, request_close, settings, window};
use copydesk::app::{Action, EditorApp, Lang};
use copydesk::edit::{Document, render_article};
use copydesk::model::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(lang: Lang) -> Harness<'static, EditorApp> {
    window(EditorApp::with_settings(settings(lang), &[]))
}

fn document<'h>(harness: &'h Harness<'_, EditorApp>) -> &'h Document {
    editor(harness).document()
}

/// A compact picture of a document for comparisons whose failures can be read.
fn summary(harness: &Harness<'_, EditorApp>) -> Vec<String> {
    let doc = document(harness);
    let mut lines: Vec<String> = doc
        .split
        .blocks
        .iter()
        .map(|b| format!("{:?} {:?} {:?} {}", b.article, b.role, b.range, b.cue.describe().len()))
        .collect();
    lines.extend(doc.corrections.iter().map(|c| format!("correction {:?} {:?}", c.range, c.text)));
    lines.push(format!("articles {:?}", doc.split.articles));
    lines
}

fn article_count(harness: &Harness<'_, EditorApp>) -> usize {
    document(harness).split.articles.len()
}

fn click_line(harness: &mut Harness<'_, EditorApp>, text: &str) {
    click(harness, text);
}

/// The block role at a 1-based line of the first page.
fn role_at(harness: &Harness<'_, EditorApp>, line: u32) -> Role {
    let doc = document(harness);
    doc.split
        .blocks
        .iter()
        .find(|b| b.span(&doc.edition).first_line <= line && line <= b.span(&doc.edition).last_line)
        .unwrap()
        .role
}

#[test]
fn an_editing_session_with_undo_and_redo_of_every_step() {
    let mut harness = harness(Lang::En);
    harness.run();
    let proposed = document(&harness).clone();
    let proposed_summary = summary(&harness);
    assert_eq!(article_count(&harness), 4, "the sample opens with its four articles");

    // Select the second article by clicking its kicker line in the source.
    click_line(&mut harness, "章旭升在调研南苑区块城中村改造工作时指出");
    let second = proposed.split.articles[1];
    assert_eq!(editor(&harness).selection().article, Some(second));

    // Start a new article at a paragraph, then merge it back.
    click_line(&mut harness, "随后,章旭升来到城市更新行动指挥部");
    press(&mut harness, Modifiers::ALT, Key::N);
    assert_eq!(article_count(&harness), 5);
    let new = editor(&harness).selection().article.unwrap();
    assert_ne!(new, second, "the selection follows the new article");
    press(&mut harness, Modifiers::ALT, Key::M);
    assert_eq!(article_count(&harness), 4);
    assert!(document(&harness).split == proposed.split, "merged back exactly");

    // Mark the rubric line as noise.
    click_line(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    assert_eq!(role_at(&harness, 41), Role::Noise);

    // Retitle the headline in place: select it all, type, press Enter.
    click_line(&mut harness, "章旭升在调研南苑区块城中村改造工作时指出");
    let field = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Headline");
    assert_eq!(field.value().as_deref(), Some("一鼓作气 聚力突破 确保按期完成既定目标任务"));
    field.focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Headline")
        .type_text("一鼓作气 确保完成目标任务");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let headline = render_article(document(&harness), second).headline;
    assert_eq!(headline.as_deref(), Some("一鼓作气 确保完成目标任务"));
    assert!(!document(&harness).corrections.is_empty(), "kept as a correction against the source");

    // Join the last paragraph with the one before it.
    let paragraphs = render_article(document(&harness), second).paragraphs.len();
    click_line(&mut harness, "章旭升强调,要下定决心");
    press(&mut harness, Modifiers::ALT, Key::J);
    assert_eq!(render_article(document(&harness), second).paragraphs.len(), paragraphs - 1);
    let edited = summary(&harness);

    // Undo everything, then redo everything.
    for _ in 0..20 {
        press(&mut harness, Modifiers::COMMAND, Key::Z);
    }
    assert_eq!(summary(&harness), proposed_summary, "undo takes every step back");
    assert!(document(&harness) == &proposed);
    assert!(!editor(&harness).history().has_unsaved_changes());
    for _ in 0..20 {
        press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    }
    assert_eq!(summary(&harness), edited, "redo makes every step again");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(summary(&harness), edited, "Ctrl+Y redoes too");
}

#[test]
fn a_paragraph_splits_at_the_text_cursor() {
    let mut harness = harness(Lang::En);
    harness.run();
    let first = document(&harness).split.articles[0];
    let before = render_article(document(&harness), first).paragraphs.len();
    let body =
        harness.get_all_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Body").next().unwrap();
    body.focus();
    harness.run();
    for _ in 0..10 {
        press(&mut harness, Modifiers::NONE, Key::ArrowUp); // to the first visual row
    }
    press(&mut harness, Modifiers::NONE, Key::Home);
    for _ in 0..15 {
        press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    }
    press(&mut harness, Modifiers::ALT, Key::K);
    let paragraphs = render_article(document(&harness), first).paragraphs;
    assert_eq!(paragraphs.len(), before + 1, "{paragraphs:?}");
    assert_eq!(paragraphs[0], "本报讯(融媒首席记者 陈晓苏)");
}

#[test]
fn the_menus_and_the_context_menu_give_the_same_commands() {
    let mut harness = harness(Lang::En);
    harness.run();
    click_line(&mut harness, "城市更新进行时");
    harness.get_by_label_contains("城市更新进行时").click_secondary();
    harness.run();
    harness.get_by_label_contains("Mark line as noise").click();
    harness.run();
    assert_eq!(role_at(&harness, 41), Role::Noise);

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo").click();
    harness.run();
    assert_ne!(role_at(&harness, 41), Role::Noise);

    press(&mut harness, Modifiers::ALT, Key::PageDown); // to the third article; the source follows
    let third = document(&harness).split.articles[2];
    assert_eq!(editor(&harness).selection().article, Some(third));
    click_line(&mut harness, "融媒评论员");
    harness.get_by_label("Role").click();
    harness.run();
    harness.get_by_label_contains("Kicker").click();
    harness.run();
    assert_eq!(role_at(&harness, 57), Role::Kicker);
}

#[test]
fn the_diff_view_shows_a_correction_against_its_source() {
    let mut harness = harness(Lang::En);
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Headline").focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Headline")
        .type_text("清廉金华建设推进会召开");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::F7);
    assert!(harness.state().article_view().show_diff());
    harness.get_by_label("Changes against the source");
    assert!(harness.query_by_label("No corrections in this article.").is_none(), "the change is listed");
    press(&mut harness, Modifiers::NONE, Key::F7);
    assert!(!harness.state().article_view().show_diff(), "the same key toggles it off");
}

#[test]
fn the_window_speaks_chinese_and_switches_language() {
    let mut harness = harness(Lang::ZhHans);
    harness.run();
    for word in ["文件", "编辑", "分篇", "角色", "视图", "设置", "原文"] {
        harness.get_by_label(word);
    }
    harness.get_by_label("设置").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().settings().lang, copydesk::app::LangChoice::En);
    harness.get_by_label("File");
}

#[test]
fn selecting_an_article_in_the_outline_selects_its_source_lines() {
    let mut harness = harness(Lang::En);
    harness.run();
    harness.get_by_label("城市窗口增颜值 添气质").click();
    harness.run();
    let editor = editor(&harness);
    assert_eq!(editor.selection().article, Some(editor.document().split.articles[3]));
    assert_eq!(editor.selection().line + 1, 75, "the source selection moved to line 75");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut harness = harness(Lang::En);
    harness.run();
    click_line(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    request_close(&mut harness);
    harness.get_by_label("Quit without saving?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Quit without saving?").is_none());
}

#[test]
fn saving_with_ctrl_s_writes_the_document_and_reopening_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p1.txt");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/yongkang-daily-2022-11-07-p1.txt"),
        &page,
    )
    .unwrap();
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), std::slice::from_ref(&page)));
    harness.run();
    click_line(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    assert!(editor(&harness).history().has_unsaved_changes());

    // The first Ctrl+S asks for a name, suggesting one beside the page.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    let suggested = dir.path().join("p1.copydesk.json");
    let field = harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Path of the document (*.copydesk.json)");
    assert_eq!(field.value(), Some(suggested.display().to_string()));
    harness.get_by_label("Save").click();
    harness.run();
    assert!(suggested.exists(), "the document was written");
    assert!(!editor(&harness).history().has_unsaved_changes());
    assert_eq!(harness.state().document_path(), Some(suggested.as_path()));

    // Reopening restores the work exactly.
    let saved = editor(&harness).document().clone();
    harness.state_mut().apply(Action::Open(vec![suggested.clone()]));
    harness.run();
    assert!(harness.state().workspace().read_only().is_none());
    assert!(editor(&harness).document() == &saved);

    // With the page changed on disk, the document opens read-only.
    std::fs::write(&page, "changed").unwrap();
    harness.state_mut().apply(Action::Open(vec![suggested]));
    harness.run();
    assert!(harness.state().workspace().read_only().is_some());
    harness.get_by_label_contains("has changed since the document was saved");
    press(&mut harness, Modifiers::ALT, Key::N);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(harness.state().editor().is_none(), "nothing is edited behind a read-only document");
    assert!(harness.query_by_label("Save the document").is_none(), "nor saved");
}

/// A page copied into a fresh folder, so a test may save beside it.
fn page_in_temp_dir() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p1.txt");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/yongkang-daily-2022-11-07-p1.txt"),
        &page,
    )
    .unwrap();
    (dir, page)
}

/// Saves under the name the Save dialog suggests.
fn save_as_suggested(harness: &mut Harness<'_, EditorApp>) {
    press(harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Save").click();
    harness.run();
}

#[test]
fn a_new_edit_after_undoing_past_the_save_is_unsaved_work() {
    let (_dir, page) = page_in_temp_dir();
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), std::slice::from_ref(&page)));
    harness.run();
    click_line(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    save_as_suggested(&mut harness);
    assert!(!is_modified(&harness));

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    click_line(&mut harness, "南苑区块城中村改造签约工作");
    press(&mut harness, Modifiers::ALT, Key::X);
    assert!(is_modified(&harness), "the work on screen is not what was saved");
    harness.get_by_label_contains("unsaved");
    request_close(&mut harness);
    harness.get_by_label("Quit without saving?");
}

#[test]
fn text_typed_at_the_end_of_a_headline_is_kept() {
    let mut harness = harness(Lang::En);
    harness.run();
    let first = document(&harness).split.articles[0];
    let before = render_article(document(&harness), first).headline.unwrap();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Headline").focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::End);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Headline").type_text("!");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let after = render_article(document(&harness), first).headline.unwrap();
    assert_eq!(after, format!("{before}!"));
    assert!(editor(&harness).typing().is_none(), "nothing left waiting to be committed");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(render_article(document(&harness), first).headline.unwrap(), before);
    assert!(!is_modified(&harness));
}
