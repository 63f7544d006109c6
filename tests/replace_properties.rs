//! Replace-all on real pages: whatever is found and whatever replaces it,
//! the replacement is one edit, undo gives back the document exactly, and
//! redo gives the replaced document again.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;
use std::sync::OnceLock;

use copydesk::edit::{Document, History};
use copydesk::find::{Finder, Haystack, Query, Scope};
use copydesk::load::{LoadOptions, load_path};
use copydesk::replace::replace;
use proptest::prelude::*;

const PAGES: [&str; 2] = ["yongkang-daily-2022-11-07-p1.txt", "commoner-lincoln-ne-1916-02-p1.txt"];

fn sample(index: usize) -> Document {
    static SAMPLES: OnceLock<Vec<Document>> = OnceLock::new();
    let samples = SAMPLES.get_or_init(|| {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        PAGES
            .iter()
            .map(|p| Document::propose(load_path(&fixtures.join(p), &LoadOptions::default()).unwrap()))
            .collect()
    });
    samples[index].clone()
}

/// The query: `length` characters of the corrected text from a place
/// chosen by `at` (so it always has at least one hit).
fn query_at(haystack: &Haystack, at: usize, length: usize) -> Query {
    let text = haystack.text();
    let starts: Vec<usize> =
        text.char_indices().filter(|(_, c)| !c.is_whitespace()).map(|(i, _)| i).collect();
    let start = starts[at % starts.len()];
    let query: String = text[start..].chars().take(length).take_while(|&c| c != '\n').collect();
    Query::text(query).case_sensitive(true)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn replace_all_then_undo_gives_back_the_document(
        page in 0usize..2,
        first in any::<usize>(),
        first_length in 1usize..4,
        first_with in "[a-z已末 ]{0,3}",
        at in any::<usize>(),
        length in 1usize..6,
        with in "[a-zA-Z已末曰。 ]{0,5}",
        unchecked in proptest::collection::vec(any::<bool>(), 0..64),
    ) {
        let mut document = sample(page);
        let mut history = History::default();
        // A first replace-all, so the second meets earlier corrections.
        for (at, length, with) in [(first, first_length, first_with), (at, length, with)] {
            let haystack = Haystack::build(&document, Scope::Corrected);
            let finder = Finder::new(&query_at(&haystack, at, length)).unwrap();
            let changes: Vec<_> = finder
                .find(&haystack)
                .into_iter()
                .enumerate()
                .filter(|(i, _)| !unchecked.get(*i).copied().unwrap_or(false))
                .map(|(_, hit)| (hit.range, with.clone()))
                .collect();
            let before = document.clone();
            let Some(edit) = replace(&document, &haystack, &changes).unwrap() else { continue };
            history.apply(&mut document, edit, "replace all");
            let after = document.clone();
            history.undo(&mut document);
            prop_assert!(document == before, "undo gives back the document exactly");
            history.redo(&mut document);
            prop_assert!(document == after, "redo gives the replaced document again");
        }
    }
}
