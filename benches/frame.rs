//! One headless frame of the editor window (layout and tessellation, no
//! GPU), with the bundled sample open and with a ~1 MB edition open. The
//! source view lays out only the rows in view, so the two should cost about
//! the same. And the diff view (F7) open on a paragraph replaced by 80,000
//! characters (target: under 16 ms a frame). Run `cargo bench --bench frame`.

mod common;

use std::hint::black_box;

use copydesk::app::{Action, EditorApp, Lang, Settings, Theme};

use criterion::{Criterion, criterion_group, criterion_main};

fn settings() -> Settings {
    Settings {
        lang: Lang::ZhHans.into(),
        theme: Theme::Light,
        recent: Vec::new(),
        text_size: 100,
        model: None,
    }
}

/// Measures frames of `app` in a 1280×800 window, after it has settled.
fn bench_frames(c: &mut Criterion, name: &str, mut app: EditorApp) {
    let ctx = egui::Context::default();
    copydesk::app::fonts::install(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    };
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
    }
    c.bench_function(name, |b| {
        b.iter(|| {
            let output = ctx.run_ui(input(), |ui| app.show(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point))
        })
    });
}

fn frames(c: &mut Criterion) {
    bench_frames(c, "frame/sample", EditorApp::with_settings(settings(), &[]));
    let dir = tempfile::tempdir().expect("temporary folder");
    // Two small pages: a multi-page edition shows a page picker, so this
    // separates the cost of that widget from the cost of size.
    let two_pages = common::write_edition(dir.path(), 10_000).0;
    bench_frames(c, "frame/two_pages", EditorApp::with_settings(settings(), &[two_pages]));
    let large = common::write_edition(dir.path(), 1_000_000).0;
    let app = EditorApp::with_settings(settings(), &[large]);
    let edition = &app.editor().expect("the edition opens editable").document().edition;
    assert!(edition.text_len() >= 1_000_000, "the large edition loaded");
    bench_frames(c, "frame/edition_1mb", app);

    // The diff view (F7) open on a paragraph replaced by 80,000 characters.
    let page = dir.path().join("p1.txt");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/yongkang-daily-2022-11-07-p1.txt"),
        &page,
    )
    .expect("sample copied");
    let (document, index) = common::replaced_paragraph(&page, 80_000);
    let doc = dir.path().join("long.copydesk.json");
    copydesk::store::save(&document, &doc).expect("saved");
    let mut app = EditorApp::with_settings(settings(), &[doc]);
    let editor = app.editor().expect("the document opens editable");
    let article = editor.document().split.blocks[index].article.expect("a body block has an article");
    app.apply(Action::SelectArticle(article));
    app.apply(Action::run("toggle_diff"));
    bench_frames(c, "frame/diff_view_80k_correction", app);
}

criterion_group!(benches, frames);
criterion_main!(benches);
