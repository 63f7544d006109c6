//! The page loader on any bytes: decoding (every encoding guess), line
//! indexing, the proposed split and the article text built from it. It
//! must return a page or an error, never panic or hang.

#![no_main]

use std::path::Path;

use copydesk::edit::{Document, render_article};
use copydesk::load::{LoadOptions, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(edition) = load_bytes(Path::new("fuzz.txt"), data, &LoadOptions::default()) else { return };
    let document = Document::propose(edition);
    for &id in &document.split.articles {
        let _ = render_article(&document, id);
        let _ = document.split.spans(id, &document.edition);
    }
});
