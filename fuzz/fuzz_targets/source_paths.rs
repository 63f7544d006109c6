//! Source paths as a colleague's document may record them: any string,
//! resolved against a document's folder that holds a page, a subfolder, a
//! link to a file outside, a link inside and a named pipe. A path called
//! inside must be inside (no `..`, not absolute, and, links followed, under
//! the folder); opening a document with that source must never panic, hang
//! (the pipe) or read a file outside the folder without consent.

#![no_main]

use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use copydesk::store::{self, SavedDocument, SourceAccess};
use libfuzzer_sys::fuzz_target;

/// `root/docs` with its files, made once per fuzzing process.
fn folder() -> &'static (PathBuf, PathBuf) {
    static FOLDER: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("copydesk-fuzz-sources-{}", std::process::id()));
        let docs = root.join("docs");
        std::fs::create_dir_all(docs.join("issue")).expect("folders");
        std::fs::write(root.join("secret.txt"), "outside\n").expect("outside file");
        std::fs::write(docs.join("p1.txt"), "标题\n\n正文。\n").expect("page");
        std::fs::write(docs.join("issue/p2.txt"), "Title\n\nBody.\n").expect("page");
        #[cfg(unix)]
        {
            let _ = std::os::unix::fs::symlink("../secret.txt", docs.join("out.txt"));
            let _ = std::os::unix::fs::symlink("p1.txt", docs.join("in.txt"));
            let _ = std::process::Command::new("mkfifo").arg(docs.join("pipe.txt")).status();
        }
        let canonical = std::fs::canonicalize(&docs).expect("the folder exists");
        (docs, canonical)
    })
}

fn document_with_source(path: &str) -> SavedDocument {
    serde_json::from_value(serde_json::json!({
        "format": "copydesk", "version": 1,
        "sources": [{ "page": 1, "name": "p", "path": path, "form_feed_page": null, "byte_start": 0,
                      "byte_end": 1, "size": 1, "encoding": "UTF-8", "sha256": "00" }],
        "articles": [], "blocks": [], "corrections": []
    }))
    .expect("a document")
}

fuzz_target!(|data: &[u8]| {
    let recorded = String::from_utf8_lossy(data);
    let (docs, canonical) = folder();
    let (path, outside) = store::locate(docs, &recorded);
    if outside.is_none() {
        let components = Path::new(&*recorded).components();
        assert!(
            components.clone().all(|c| matches!(c, Component::Normal(_) | Component::CurDir)),
            "inside, yet {recorded:?} climbs or is absolute"
        );
        if let Ok(real) = std::fs::canonicalize(&path) {
            assert!(real.starts_with(canonical), "inside, yet {recorded:?} is {}", real.display());
        }
    }
    let saved = document_with_source(&recorded);
    let origin = docs.join("fuzz.copydesk.json");
    let restored = store::rebuild_from(saved, docs, &origin, SourceAccess::InsideFolder).expect("no error");
    for problem in &restored.problems {
        let said = problem.to_string();
        assert!(!said.contains("outside\n"), "{said}");
        if outside.is_some() {
            assert!(said.contains("not read"), "outside yet read: {said}");
        }
    }
});
