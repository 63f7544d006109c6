//! The saved-document loader on any bytes, against the sample page as its
//! source: parsing, the format and version checks, and rebuilding the
//! editable document (every range, page, article and overlap checked).
//! Whatever it accepts must then be usable: composed, described for
//! saving, and edited with undo, without a panic.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use copydesk::edit::{Document, History, commands, render_article};
use copydesk::load::{LoadOptions, load_bytes};
use copydesk::model::Edition;
use copydesk::store;
use libfuzzer_sys::fuzz_target;

const SAMPLE: &[u8] = include_bytes!("../../assets/yongkang-daily-2022-11-07-p1.txt");

fn sample() -> &'static Edition {
    static EDITION: OnceLock<Edition> = OnceLock::new();
    EDITION.get_or_init(|| {
        load_bytes(Path::new("yongkang-daily-2022-11-07-p1.txt"), SAMPLE, &LoadOptions::default())
            .expect("the sample loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.copydesk.json");
    let Ok(saved) = store::parse_bytes(data, path) else { return };
    let Ok(mut document) = store::rebuild(&saved, sample().clone()) else { return };
    exercise(&mut document);
});

/// What the window does with an opened document.
fn exercise(document: &mut Document) {
    for &id in &document.split.articles {
        let _ = render_article(document, id);
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
