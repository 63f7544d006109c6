use super::*;
use crate::edit::{Correction, History, fixture};

fn flagged(document: &Document) -> Vec<(String, String, Kind)> {
    let haystack = Haystack::build(document, Scope::Corrected);
    find(document, &haystack).into_iter().map(|s| (s.found, s.suggestion, s.kind)).collect()
}

fn flag(found: &str, suggestion: &str, kind: Kind) -> (String, String, Kind) {
    (found.to_owned(), suggestion.to_owned(), kind)
}

#[test]
fn chinese_and_latin_suspects_in_one_edition() {
    let document = fixture::document(&["会议己经召开。\n", "said tbe Presi\ndent.\n"]);
    assert_eq!(
        flagged(&document),
        [
            flag("己", "已", Kind::LookAlike),
            flag("tbe", "the", Kind::Unknown),
            flag("Presi dent", "President", Kind::Broken)
        ]
    );
}

#[test]
fn accepting_makes_one_correction_and_the_suspect_goes() {
    let mut document = fixture::document(&["会议己经召开。\n"]);
    let haystack = Haystack::build(&document, Scope::Corrected);
    let suspect = find(&document, &haystack).remove(0);
    let edit = suspect.accept(&document, &haystack).unwrap().expect("a change");
    document.apply(edit);
    assert_eq!(document.corrections, [Correction { page: 0, range: 6..9, text: "已".into() }]);
    assert!(flagged(&document).is_empty());
}

#[test]
fn a_dismissed_suspect_stays_dismissed_and_undo_brings_it_back() {
    let mut document = fixture::document(&["会议己经召开。\n"]);
    let haystack = Haystack::build(&document, Scope::Corrected);
    let suspect = find(&document, &haystack).remove(0);
    let mut history = History::default();
    history.apply(&mut document, suspect.dismiss(), "dismiss");
    assert!(flagged(&document).is_empty());
    history.undo(&mut document);
    assert_eq!(flagged(&document).len(), 1);
}

#[test]
fn an_editors_correction_flags_the_same_error_in_a_similar_context() {
    // 戊 in 戊戌 is right; the editor fixed 戍 → 戌 once, in 戊戍年.
    let mut document = fixture::document(&["戊戍年春。\n\n又见戊戍年,及戍边。\n"]);
    document.corrections.push(Correction { page: 0, range: 3..6, text: "戌".into() });
    let series: Vec<_> = flagged(&document).into_iter().filter(|f| f.2 == Kind::Series).collect();
    assert_eq!(series, [flag("戍", "戌", Kind::Series)], "戍边 shares no neighbour with 戊戍年");
}

#[test]
fn noise_is_not_flagged() {
    let mut document = fixture::document(&["会议己经召开。\n"]);
    document.split.blocks[0].article = None;
    document.split.blocks[0].role = crate::model::Role::Noise;
    assert!(flagged(&document).is_empty());
}
