//! What an editor expects of the window without being told (issue 10):
//! the smaller bugs of its item 4, each reproduced through keys and clicks,
//! and moving about the source with the keyboard alone.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use common::window::{click, editor, is_modified, press, request_close, settings, window};
use common::workspace;
use copydesk::app::{Action, EditorApp, Lang};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn the_language_can_follow_the_system_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(EditorApp::with_settings(settings(Lang::ZhHans), &[]));
    harness.run();
    click(&mut harness, "设置");
    click(&mut harness, "跟随系统语言");
    // The window speaks the system's language now (English on a machine
    // without a Chinese locale).
    harness.get_by_label(copydesk::app::Word::File.get(Lang::from_system()));
    let path = dir.path().join("settings.json");
    copydesk::app::settings::store(harness.state().settings(), &path).unwrap();
    let stored = std::fs::read_to_string(&path).unwrap();
    assert!(
        stored.contains(r#""lang": "System""#),
        "kept as its own choice, not as today's language: {stored}"
    );
}

#[test]
fn the_open_dialog_takes_the_keyboard() {
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.event(egui::Event::Text("p1.txt".into()));
    harness.run();
    let field =
        harness.get_by_role_and_label(Role::TextInput, "Path to a page, a form-feed file or a folder");
    assert_eq!(field.value().as_deref(), Some("p1.txt"), "typing after Ctrl+O goes into the path field");
}

#[test]
fn the_quit_question_can_save_first() {
    let (dir, page) = workspace();
    let doc = dir.path().join("p1.copydesk.json");
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), std::slice::from_ref(&page)));
    harness.run();
    harness.state_mut().apply(Action::SaveAs(doc.clone()));
    let saved = std::fs::read_to_string(&doc).unwrap();
    click(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    request_close(&mut harness);
    harness.get_by_label("Quit without saving?");
    click(&mut harness, "Save");
    assert!(!is_modified(&harness), "saved");
    assert_ne!(std::fs::read_to_string(&doc).unwrap(), saved, "the work is in the document");
    request_close(&mut harness);
    assert!(harness.query_by_label("Quit without saving?").is_none(), "nothing left to ask about");
}

#[test]
fn the_open_question_can_save_first_even_a_document_never_saved() {
    let (dir, page) = workspace();
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), std::slice::from_ref(&page)));
    harness.run();
    click(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::ALT, Key::X);
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "标题\n\n正文。\n").unwrap();
    harness.state_mut().apply(Action::Open(vec![other.clone()]));
    harness.run();
    harness.get_by_label("Open without saving?");
    click(&mut harness, "Save");
    // Never saved: the name is asked for, then the other file opens.
    harness.get_by_label("Save the document");
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    assert!(dir.path().join(format!("{}.copydesk.json", "yongkang-daily-2022-11-07-p1")).exists());
    assert_eq!(editor(&harness).title(), "other.txt", "then the other file opened");
}

#[test]
fn marking_body_lines_as_noise_leaves_no_empty_body_box() {
    // An English column, hard-wrapped: lines 12 and 13 are inside one
    // long paragraph. Marking them one after the other, with the keyboard.
    let page = common::fixture("commoner-lincoln-ne-1916-02-p1.txt");
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[page]));
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::G);
    harness.event(egui::Event::Text("12".into()));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(editor(&harness).selected_role(), Some(copydesk::model::Role::Body));
    press(&mut harness, Modifiers::ALT, Key::X);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(editor(&harness).selected_role(), Some(copydesk::model::Role::Body));
    press(&mut harness, Modifiers::ALT, Key::X);
    assert_eq!(editor(&harness).selected_role(), Some(copydesk::model::Role::Noise));
    let fields: Vec<_> = [Role::TextInput, Role::MultilineTextInput]
        .into_iter()
        .flat_map(|role| harness.query_all_by_role(role).collect::<Vec<_>>())
        .collect();
    assert!(fields.len() > 1, "the article's fields are shown");
    for field in fields {
        let empty = field.value().is_none_or(|v| v.trim().is_empty());
        assert!(!empty, "an empty field is shown: {:?}", field.value());
    }
}

#[test]
fn up_down_page_home_end_move_the_selected_line_and_commands_follow_it() {
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    click(&mut harness, "城市更新进行时");
    let start = editor(&harness).selection().line;
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(editor(&harness).selection().line, start + 1);
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(editor(&harness).selection().line, start - 1);
    press(&mut harness, Modifiers::NONE, Key::End);
    let last = editor(&harness).document().edition.pages[0].line_count() - 1;
    assert_eq!(editor(&harness).selection().line, last);
    selected_row_is_drawn(&harness);
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(editor(&harness).selection().line, 0);
    selected_row_is_drawn(&harness);
    press(&mut harness, Modifiers::NONE, Key::PageDown);
    let page = editor(&harness).selection().line;
    assert!(page > 3, "a page is several lines: {page}");
    selected_row_is_drawn(&harness);
    press(&mut harness, Modifiers::NONE, Key::PageUp);
    let back = editor(&harness).selection().line;
    // Rows differ in height (long lines wrap), so a page up need not undo a
    // page down exactly; it goes back by several lines.
    assert!(back + 3 < page, "page up from {page} went to {back}");
    selected_row_is_drawn(&harness);
    press(&mut harness, Modifiers::NONE, Key::PageUp);
    assert_eq!(editor(&harness).selection().line, 0, "a page up from the first page goes to line 1");

    // Down to the rubric line (41) and mark it as noise, without the mouse.
    for _ in 0..40 {
        harness.key_press(Key::ArrowDown);
        harness.step();
    }
    harness.run();
    assert_eq!(editor(&harness).selection().line + 1, 41);
    selected_row_is_drawn(&harness);
    press(&mut harness, Modifiers::ALT, Key::X);
    let line = &editor(&harness).document().edition.pages[0].line(40);
    assert_eq!(line.trim(), "城市更新进行时");
    assert_eq!(editor(&harness).selected_role(), Some(copydesk::model::Role::Noise));
}

/// The selected line's row is drawn in the source panel, in view, and
/// says it is selected.
fn selected_row_is_drawn(harness: &egui_kittest::Harness<'_, EditorApp>) {
    let editor = editor(harness);
    let selection = editor.selection();
    let text = editor.document().edition.pages[selection.page].line(selection.line);
    let label =
        if text.trim().is_empty() { format!("line {}, blank", selection.line + 1) } else { text.to_owned() };
    let source = harness.get_by_label("Source").rect();
    let rows: Vec<_> =
        harness.query_all_by_label(&label).filter(|n| n.rect().left() < source.left() + 100.0).collect();
    assert_eq!(rows.len(), 1, "one row for line {}: {label}", selection.line + 1);
    let row = &rows[0];
    assert_eq!(row.accesskit_node().toggled(), Some(egui::accesskit::Toggled::True), "{label}");
    let rect = row.rect();
    assert!(rect.top() >= source.bottom() && rect.bottom() <= 780.0, "in view: {rect:?}");
}

#[test]
fn a_click_anywhere_on_a_row_selects_its_line() {
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    common::window::scroll_to(&mut harness, "城市更新进行时");
    let row = harness.get_by_label_contains("城市更新进行时").rect();
    // The line number, the article band, the role tag, the blank space
    // after the (short) text.
    for x in [row.left() + 4.0, row.left() + 27.0, row.left() + 60.0, row.right() - 24.0] {
        press(&mut harness, Modifiers::NONE, Key::Home);
        assert_eq!(editor(&harness).selection().line, 0);
        common::window::scroll_to(&mut harness, "城市更新进行时");
        let row = harness.get_by_label_contains("城市更新进行时").rect();
        common::window::click_at(&mut harness, egui::pos2(x, row.center().y));
        assert_eq!(editor(&harness).selection().line + 1, 41, "clicked at x = {x} in {row:?}");
    }
}

#[test]
fn a_long_source_line_is_shown_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("long.txt");
    let long: String = (1..=120).map(|i| format!("word{i} ")).collect::<String>().trim_end().to_owned();
    std::fs::write(&page, format!("A Headline Here\n\n{long}\n\nA short closing line.\n")).unwrap();
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), std::slice::from_ref(&page)));
    harness.run();
    let rows: Vec<_> = harness.query_all_by_label(&long).collect();
    assert_eq!(rows.len(), 1, "the whole line is one row's text, no \"…\"");
    let row = rows[0].rect();
    // The short line may show twice (source and outline, when the model
    // takes it for a headline): any one-row label gives the row height.
    let line_height = harness
        .query_all_by_label("A short closing line.")
        .map(|n| n.rect().height())
        .fold(f32::INFINITY, f32::min);
    assert!(row.height() > 4.0 * line_height, "wrapped over many rows: {row:?}, one row {line_height}");
    let source = harness.get_by_label("Source").rect();
    assert!(row.left() >= source.left() - 20.0 && row.right() <= 1280.0 / 2.0 + 20.0, "{row:?}");
}

#[test]
fn selecting_a_line_in_a_long_article_scrolls_the_article_to_its_paragraph_and_marks_it() {
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    click(&mut harness, "章旭升强调,要下定决心");
    let block = editor(&harness).selected_block().unwrap();
    assert_eq!(harness.state().article_view().marked(), Some(block), "its paragraph is framed");
    let paragraph = &editor(&harness).document().split.blocks[block];
    let start: String =
        editor(&harness).document().edition.pages[0].text[paragraph.range.clone()].chars().take(6).collect();
    let field = harness
        .query_all_by_role(Role::MultilineTextInput)
        .find(|f| f.value().is_some_and(|v| v.starts_with(&start)))
        .expect("the paragraph's field is drawn");
    assert!(field.rect().bottom() <= 800.0 && field.rect().top() >= 0.0, "in view: {:?}", field.rect());
}

#[test]
fn go_to_line_and_text_size_from_the_keyboard_and_the_view_menu() {
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::G);
    harness.event(egui::Event::Text("41".into()));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(editor(&harness).selection().line + 1, 41);
    harness.get_by_label_contains("城市更新进行时");

    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    assert_eq!(harness.state().settings().text_size, 110);
    press(&mut harness, Modifiers::COMMAND, Key::Minus);
    press(&mut harness, Modifiers::COMMAND, Key::Minus);
    assert_eq!(harness.state().settings().text_size, 90);
    click(&mut harness, "View");
    harness.get_by_label_contains("Go to line…");
    click(&mut harness, "Default text size");
    assert_eq!(harness.state().settings().text_size, 100);
}

#[test]
fn the_command_palette_gives_any_command_by_its_words() {
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    click(&mut harness, "城市更新进行时");
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.event(egui::Event::Text("noise".into()));
    harness.run();
    harness.get_by_label_contains("Bring line back from noise");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(editor(&harness).selected_role(), Some(copydesk::model::Role::Noise));
}

#[test]
fn a_page_opened_shows_its_selected_line_wherever_the_source_was_scrolled() {
    let (_dir, page) = workspace();
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::End);
    selected_row_is_drawn(&harness);
    // The same page again: egui keeps the source's scroll offset (as it
    // does across runs), far from the line the new workspace selects.
    harness.state_mut().apply(Action::Open(vec![page]));
    harness.run();
    assert!(editor(&harness).selection().line < 40, "{:?}", editor(&harness).selection());
    selected_row_is_drawn(&harness);
}
