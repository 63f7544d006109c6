//! What the document fuzz targets share (and `tests/hostile_input.rs`,
//! which includes this file): the sample page as the source, and what the
//! window does with a document it opened.

use std::path::Path;
use std::sync::OnceLock;

use copydesk::edit::{Document, History, commands, render_article};
use copydesk::load::{LoadOptions, load_bytes};
use copydesk::model::Edition;
use copydesk::store;

const SAMPLE: &[u8] = include_bytes!("../../assets/yongkang-daily-2022-11-07-p1.txt");

/// The sample page, loaded once.
pub fn sample() -> &'static Edition {
    static EDITION: OnceLock<Edition> = OnceLock::new();
    EDITION.get_or_init(|| {
        load_bytes(Path::new("yongkang-daily-2022-11-07-p1.txt"), SAMPLE, &LoadOptions::default())
            .expect("the sample loads")
    })
}

/// Parses `bytes` as a saved document over the sample and, when the checks
/// accept it, uses it as the window would: every article composed, the
/// document described for saving, edits made and all undone.
pub fn open_and_use(bytes: &[u8]) {
    let Ok(saved) = store::parse_bytes(bytes, Path::new("fuzz.copydesk.json")) else { return };
    let Ok(mut document) = store::rebuild(&saved, sample().clone()) else { return };
    exercise(&mut document);
}

/// What the window does with a document it opened: every article
/// composed, the document described for saving, edits made and all undone
/// (which must restore it exactly).
pub fn exercise(document: &mut Document) {
    for &id in &document.split.articles {
        let _ = render_article(document, id);
        let _ = document.split.spans(id, &document.edition);
    }
    let _ = store::describe(document, Path::new("."));
    let before = document.clone();
    let mut history = History::default();
    let lines = document.edition.pages[0].line_count();
    for line in (0..lines).step_by(7) {
        if let Some(edit) = commands::start_article_at(document, 0, line) {
            history.apply(document, edit, "new article");
        }
        if let Some(edit) = commands::set_noise(document, 0, line..line + 1, true) {
            history.apply(document, edit, "noise");
        }
    }
    while history.undo(document).is_some() {}
    assert!(*document == before, "undo restores the opened document");
}
