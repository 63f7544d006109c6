//! Random sequences of editing commands on real pages: the split's
//! invariants hold after every step, and undo and redo retrace them exactly.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;

use copydesk::edit::{Document, Edit, History, commands, render_block, set_block_text};
use copydesk::load::{LoadOptions, load_path};
use copydesk::model::Role;
use proptest::prelude::*;

fn sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    Document::propose(load_path(&path, &LoadOptions::default()).unwrap())
}

/// One editor action, with numbers chosen at random and fitted to the
/// document when it is applied.
#[derive(Debug, Clone)]
enum Action {
    StartArticle(usize),
    Merge(usize, bool),
    MoveBoundary(usize, bool),
    Noise(usize, usize, bool),
    Role(usize, usize),
    Swap(usize),
    Join(usize),
    Split(usize, usize),
    Retype(usize, usize, String),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        any::<usize>().prop_map(Action::StartArticle),
        (any::<usize>(), any::<bool>()).prop_map(|(a, p)| Action::Merge(a, p)),
        (any::<usize>(), any::<bool>()).prop_map(|(a, u)| Action::MoveBoundary(a, u)),
        (any::<usize>(), 1usize..4, any::<bool>()).prop_map(|(l, n, b)| Action::Noise(l, n, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(b, r)| Action::Role(b, r)),
        any::<usize>().prop_map(Action::Swap),
        any::<usize>().prop_map(Action::Join),
        (any::<usize>(), any::<usize>()).prop_map(|(b, o)| Action::Split(b, o)),
        (any::<usize>(), any::<usize>(), "[a-z改正。 ]{0,4}").prop_map(|(b, o, t)| Action::Retype(b, o, t)),
    ]
}

fn edit_for(doc: &Document, action: &Action) -> Option<Edit> {
    let blocks = doc.split.blocks.len().max(1);
    let articles = doc.split.articles.len().max(1);
    let lines = doc.edition.pages[0].line_count();
    match action {
        Action::StartArticle(l) => commands::start_article_at(doc, 0, l % lines),
        Action::Merge(a, p) => commands::merge_article(doc, *doc.split.articles.get(a % articles)?, *p),
        Action::MoveBoundary(a, u) => {
            commands::move_boundary(doc, *doc.split.articles.get(a % articles)?, *u)
        }
        Action::Noise(l, n, b) => {
            let start = l % lines;
            commands::set_noise(doc, 0, start..(start + n).min(lines), *b)
        }
        Action::Role(b, r) => commands::set_role(doc, b % blocks, Role::ALL[r % Role::ALL.len()]),
        Action::Swap(a) => commands::swap_kicker_headline(doc, *doc.split.articles.get(a % articles)?),
        Action::Join(b) => commands::join_with_previous(doc, b % blocks),
        Action::Split(b, o) => {
            let block = doc.split.blocks.get(b % blocks)?;
            commands::split_at(doc, b % blocks, block.range.start + o % (block.range.len().max(1)))
        }
        Action::Retype(b, o, text) => {
            let block = doc.split.blocks.get(b % blocks)?;
            let mut current: Vec<char> =
                render_block(&doc.edition, &doc.corrections, block).text.chars().collect();
            let at = o % (current.len() + 1);
            let cut = (at + 2).min(current.len());
            current.splice(at..cut, text.chars());
            set_block_text(doc, b % blocks, &current.into_iter().collect::<String>())
        }
    }
}

/// The split's invariants: blocks ordered and disjoint, noise exactly where
/// there is no article, every article listed once and holding blocks,
/// corrections ordered and disjoint.
fn check(doc: &Document) -> Result<(), TestCaseError> {
    for pair in doc.split.blocks.windows(2) {
        prop_assert!(
            (pair[0].page, pair[0].range.end) <= (pair[1].page, pair[1].range.start),
            "blocks overlap"
        );
    }
    for block in &doc.split.blocks {
        prop_assert!(block.range.start < block.range.end, "empty block {:?}", block);
        // A block of nothing but blank source would be an empty box in the article view.
        let source = &doc.edition.pages[block.page].text[block.range.clone()];
        prop_assert!(!source.trim().is_empty(), "blank block {:?}", block);
        prop_assert_eq!(block.article.is_none(), block.role.is_set_aside());
        if let Some(a) = block.article {
            prop_assert!(doc.split.articles.contains(&a), "block of unlisted article {}", a);
        }
    }
    for &a in &doc.split.articles {
        prop_assert!(doc.split.blocks.iter().any(|b| b.article == Some(a)), "article {} has no block", a);
        prop_assert_eq!(doc.split.articles.iter().filter(|&&x| x == a).count(), 1);
    }
    for pair in doc.corrections.windows(2) {
        let disjoint = pair[0].page < pair[1].page || pair[0].range.end <= pair[1].range.start;
        prop_assert!(disjoint, "corrections overlap: {:?}", pair);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_keep_the_split_sound_and_undo_retraces_them(
        actions in prop::collection::vec(action(), 1..25),
        english in any::<bool>(),
    ) {
        let page = if english { "commoner-lincoln-ne-1916-02-p1.txt" } else { "yongkang-daily-2022-11-07-p1.txt" };
        let original = sample(page);
        let mut doc = original.clone();
        let mut history = History::default();
        let mut steps = 0;
        for action in &actions {
            if let Some(edit) = edit_for(&doc, action) {
                history.apply(&mut doc, edit, format!("{action:?}"));
                steps += 1;
                check(&doc)?;
            }
        }
        let edited = doc.clone();
        for _ in 0..steps {
            prop_assert!(history.undo(&mut doc).is_some());
        }
        prop_assert_eq!(&doc, &original);
        prop_assert!(!history.has_unsaved_changes());
        for _ in 0..steps {
            prop_assert!(history.redo(&mut doc).is_some());
        }
        prop_assert_eq!(&doc, &edited);

        // reopen(save(x)) == x, and the saved diffs rebuild the saved text.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("work.copydesk.json");
        copydesk::store::save(&edited, &path).unwrap();
        // The fixture lies outside the document's temporary folder: read it with consent.
        let anywhere = copydesk::store::SourceAccess::Anywhere;
        let restored = copydesk::store::open_with(&path, anywhere).unwrap();
        prop_assert!(restored.problems.is_empty());
        prop_assert_eq!(restored.document.as_ref(), Some(&edited));
        let problems = copydesk::store::verify(&path, anywhere).unwrap();
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }
}
