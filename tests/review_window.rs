//! Review in the window, worked as an editor works it: find and jump,
//! replace with one hit unchecked, walk the suspects with F8 and accept
//! one, mark articles reviewed and read the status bar.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use common::window::{click, editor, press, settings, window};
use copydesk::app::{EditorApp, Lang};
use copydesk::find::{Finder, Haystack, Query, Scope};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The sample edition (the front page of a Chinese city daily), in English.
fn harness() -> Harness<'static, EditorApp> {
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[]));
    harness.run();
    harness
}

/// Types `text` into the text field labelled `label`.
fn type_into(harness: &mut Harness<'_, EditorApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    harness.run();
}

/// How often `query` occurs in the corrected text of the edition.
fn occurrences(harness: &Harness<'_, EditorApp>, query: &str) -> usize {
    let haystack = Haystack::build(editor(harness).document(), Scope::Corrected);
    Finder::new(&Query::text(query)).unwrap().find(&haystack).len()
}

/// The text of the selected source line.
fn selected_line(harness: &Harness<'_, EditorApp>) -> String {
    let editor = editor(harness);
    let selection = editor.selection();
    editor.document().edition.pages[selection.page].line(selection.line).to_owned()
}

#[test]
fn find_a_single_character_and_jump_to_hits() {
    let mut harness = harness();
    press(&mut harness, Modifiers::COMMAND, Key::F);
    type_into(&mut harness, "Find", "迁");
    let hits = harness.state().find_hits();
    assert_eq!(hits, occurrences(&harness, "迁"));
    assert!(hits >= 2, "the sample speaks of 征迁 on five lines");
    press(&mut harness, Modifiers::NONE, Key::F3);
    let first = editor(&harness).selection();
    assert!(selected_line(&harness).contains('迁'), "F3 jumps to the first hit");
    press(&mut harness, Modifiers::NONE, Key::F3);
    let second = editor(&harness).selection();
    assert_ne!(first, second, "F3 again: the next hit");
    assert!(selected_line(&harness).contains('迁'));
    press(&mut harness, Modifiers::SHIFT, Key::F3);
    assert_eq!(editor(&harness).selection(), first, "Shift+F3 goes back");
    // A click on a concordance row jumps there.
    let rows: Vec<String> =
        harness.query_all_by_label_contains("【迁】").filter_map(|n| n.accesskit_node().label()).collect();
    assert_eq!(rows.len(), hits, "one row a hit: {rows:?}");
    click(&mut harness, &rows[hits - 1]);
    assert!(selected_line(&harness).contains('迁'));
    assert_ne!(editor(&harness).selection(), first);
}

#[test]
fn replace_with_one_hit_unchecked_is_one_undo_step() {
    let mut harness = harness();
    let before = occurrences(&harness, "城市更新");
    assert!(before >= 3, "the sample is about 城市更新: {before}");
    press(&mut harness, Modifiers::COMMAND, Key::H);
    type_into(&mut harness, "Find", "城市更新");
    type_into(&mut harness, "Replace with", "城市改造");
    let boxes: Vec<String> =
        harness.query_all_by_label_contains("✓ p1:").filter_map(|n| n.accesskit_node().label()).collect();
    assert_eq!(boxes.len(), before, "a checkbox a hit");
    click(&mut harness, &boxes[1]);
    click(&mut harness, &format!("Replace checked ({})", before - 1));
    assert_eq!(occurrences(&harness, "城市更新"), 1, "the unchecked hit is left as it was");
    assert_eq!(occurrences(&harness, "城市改造"), before - 1 + occurrences_in_source("城市改造"));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(occurrences(&harness, "城市更新"), before, "one undo takes back the whole replace");
    assert!(editor(&harness).document().corrections.is_empty());
}

/// How often `query` occurs in the sample as printed.
fn occurrences_in_source(query: &str) -> usize {
    let page = std::fs::read_to_string(common::fixture(common::SAMPLE)).unwrap();
    page.matches(query).count()
}

#[test]
fn walk_suspects_with_f8_and_accept_one() {
    let mut harness = harness();
    harness.state_mut().wait_for_suspects();
    harness.run();
    let left = harness.state().suspects_left().unwrap();
    assert!(left >= 2, "the sample has a few suspects: {left}");
    harness.get_by_label_contains(&format!("{left} suspects left"));
    press(&mut harness, Modifiers::NONE, Key::F8);
    let first = harness.state().current_suspect().cloned().expect("F8 walks to a suspect");
    assert_eq!(editor(&harness).selection().line, first.line, "the source shows its line");
    press(&mut harness, Modifiers::NONE, Key::F8);
    let second = harness.state().current_suspect().cloned().unwrap();
    assert_ne!(first, second);
    press(&mut harness, Modifiers::SHIFT, Key::F8);
    assert_eq!(harness.state().current_suspect(), Some(&first), "Shift+F8 walks back");
    let bar = format!("{} → {}", first.found, first.suggestion);
    harness.get_by_label(&bar);
    click(&mut harness, "Accept");
    let corrections = &editor(&harness).document().corrections;
    assert_eq!(corrections.len(), 1, "one correction");
    assert_eq!(corrections[0].text, first.suggestion);
    assert_eq!(corrections[0].range, first.source);
    harness.state_mut().wait_for_suspects();
    harness.run();
    assert_eq!(harness.state().suspects_left(), Some(left - 1));
    harness.get_by_label_contains(&format!("{} suspects left", left - 1));
}

#[test]
fn marking_articles_reviewed_moves_on_and_counts_in_the_status_bar() {
    let mut harness = harness();
    let articles = editor(&harness).document().split.articles.clone();
    let n = articles.len();
    harness.get_by_label_contains(&format!("0 of {n} articles reviewed"));
    assert_eq!(editor(&harness).selection().article, Some(articles[0]));
    press(&mut harness, Modifiers::ALT, Key::R);
    assert!(editor(&harness).document().review.is_reviewed(articles[0]));
    assert_eq!(editor(&harness).selection().article, Some(articles[1]), "on to the next unreviewed");
    harness.get_by_label_contains(&format!("1 of {n} articles reviewed"));
    assert!(harness.query_all_by_label_contains("✔ ").count() == 1, "the outline marks it");
    for _ in 1..n {
        press(&mut harness, Modifiers::ALT, Key::R);
    }
    harness.get_by_label_contains(&format!("{n} of {n} articles reviewed"));
    harness.get_by_label_contains("Every article is reviewed");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.get_by_label_contains(&format!("{} of {n} articles reviewed", n - 1));
}

/// On a 1916 English page, whose columns break words at line ends, Alt+Shift+A
/// on a broken word joins every broken word of that article at once, as
/// one undo step, and leaves the other articles' broken words flagged; on
/// a guessed spelling it takes nothing.
#[test]
fn accepting_all_broken_words_of_an_article_is_one_step() {
    use copydesk::suspects::Kind;
    let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/commoner-lincoln-ne-1916-02-p1.txt");
    let mut harness = window(EditorApp::with_settings(settings(Lang::En), &[page]));
    harness.run();
    harness.state_mut().wait_for_suspects();
    harness.run();
    // On a guessed spelling, Alt+Shift+A changes nothing: guesses are
    // accepted one by one. Then on to a broken word (F8 wraps round).
    let count = harness.state().suspects_left().unwrap();
    let walk_to = |harness: &mut Harness<'_, EditorApp>, kind: Kind| {
        for _ in 0..count {
            press(harness, Modifiers::NONE, Key::F8);
            let suspect = harness.state().current_suspect().cloned().unwrap();
            if suspect.kind == kind {
                return Some(suspect);
            }
        }
        None
    };
    let guess = walk_to(&mut harness, Kind::Unknown).expect("the page has words missing from the list");
    press(&mut harness, Modifiers::ALT | Modifiers::SHIFT, Key::A);
    assert!(editor(&harness).document().corrections.is_empty(), "{} not taken unseen", guess.found);
    harness.get_by_label_contains("one by one");
    let current = walk_to(&mut harness, Kind::Broken);
    let current = current.expect("the 1916 page has words broken at line ends");
    let flagged = |harness: &Harness<'_, EditorApp>| {
        let editor = editor(harness);
        let haystack = Haystack::build(editor.document(), Scope::Corrected);
        copydesk::suspects::find(editor.document(), &haystack)
    };
    let before = flagged(&harness);
    let alike = before.iter().filter(|s| s.kind == Kind::Broken && s.article == current.article).count();
    let elsewhere = before.iter().filter(|s| s.kind == Kind::Broken && s.article != current.article).count();
    assert!(alike >= 2, "several broken words in the article: {alike}");

    let joined = occurrences(&harness, &current.suggestion);
    press(&mut harness, Modifiers::ALT | Modifiers::SHIFT, Key::A);
    assert_eq!(editor(&harness).document().corrections.len(), alike, "one correction a broken word");
    assert!(occurrences(&harness, &current.suggestion) > joined, "{} now reads whole", current.suggestion);
    let after = flagged(&harness);
    assert!(!after.iter().any(|s| s.kind == Kind::Broken && s.article == current.article), "none left in it");
    assert_eq!(after.iter().filter(|s| s.kind == Kind::Broken).count(), elsewhere, "others untouched");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(editor(&harness).document().corrections.is_empty(), "one undo step takes them all back");
}
