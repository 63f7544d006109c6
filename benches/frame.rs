//! One headless frame of the editor window (layout and tessellation, no
//! GPU), with the bundled sample open and with a ~1 MB edition open. The
//! source view lays out only the rows in view, so the two should cost about
//! the same. Run `cargo bench --bench frame`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use copydesk::app::{EditorApp, Lang, Settings, Theme};
use criterion::{Criterion, criterion_group, criterion_main};

const PAGES: [&str; 4] = [
    "yongkang-daily-2022-11-07-p1.txt",
    "commoner-lincoln-ne-1916-02-p1.txt",
    "riverton-gazette-2025-03-04-a1.txt",
    "donghai-daily-2025-03-04-p1.txt",
];

/// Writes a form-feed edition of about `target` bytes; returns its path.
fn write_edition(dir: &Path, target: usize) -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pages: Vec<String> =
        PAGES.iter().map(|p| std::fs::read_to_string(fixtures.join(p)).expect("fixture page")).collect();
    let mut edition = String::new();
    for page in pages.iter().cycle() {
        if edition.len() >= target {
            break;
        }
        edition.push_str(page);
        edition.push('\x0c');
    }
    let path = dir.join("edition.txt");
    std::fs::write(&path, edition).expect("edition written");
    path
}

fn settings() -> Settings {
    Settings { lang: Lang::ZhHans, theme: Theme::Light, recent: Vec::new() }
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
    let two_pages = write_edition(dir.path(), 10_000);
    bench_frames(c, "frame/two_pages", EditorApp::with_settings(settings(), &[two_pages]));
    let large = write_edition(dir.path(), 1_000_000);
    let app = EditorApp::with_settings(settings(), &[large]);
    assert!(app.editor.document.edition.text_len() >= 1_000_000, "the large edition loaded");
    bench_frames(c, "frame/edition_1mb", app);
}

criterion_group!(benches, frames);
criterion_main!(benches);
