//! Fonts: egui's own fonts have no Chinese glyphs, so the system's fonts
//! fill in through eframe's system font provider, asked for Simplified
//! Chinese forms (shared Han characters otherwise may come out in Japanese
//! glyph shapes). When no installed font covers the text, the window says
//! so instead of showing boxes.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::epaint::text::{FallbackRequest, FontProvider};
use egui::{Context, FontFamily, FontId, FontInsert};
use egui_system_font_provider::SystemFontProvider;

/// Installs the system font provider, preferring Simplified Chinese fonts.
pub fn install(ctx: &Context) {
    let provider = SystemFontProvider::new().with_locale(Some("zh-Hans"));
    ctx.add_font_provider(Arc::new(Guarded { inner: provider, broken: AtomicBool::new(false) }));
}

/// The system font provider, kept from taking the window down with it.
///
/// On a machine whose fontconfig knows no font at all (a minimal
/// container), the provider's font library panics while scanning
/// (`fontique`: `NoMatch` unwrapped). Copydesk then carries on with egui's
/// own fonts and tells the editor a CJK font is missing.
struct Guarded {
    inner: SystemFontProvider,
    broken: AtomicBool,
}

impl Guarded {
    fn guard<T>(&self, fallback: T, call: impl FnOnce(&SystemFontProvider) -> T) -> T {
        if self.broken.load(Ordering::Relaxed) {
            return fallback;
        }
        catch_unwind(AssertUnwindSafe(|| call(&self.inner))).unwrap_or_else(|_| {
            self.broken.store(true, Ordering::Relaxed);
            fallback
        })
    }
}

impl FontProvider for Guarded {
    fn fonts_for_family(&self, family: &FontFamily) -> Vec<FontInsert> {
        self.guard(Vec::new(), |inner| inner.fonts_for_family(family))
    }

    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        self.guard(None, |inner| inner.font_for(request))
    }
}

/// True when the fonts can show every character of `sample`.
pub fn covers(ctx: &Context, sample: &str) -> bool {
    ctx.fonts_mut(|fonts| fonts.has_glyphs(&FontId::proportional(14.0), sample))
}

/// Up to forty distinct non-ASCII characters of `text`: what a missing font
/// would fail on.
pub fn sample_of(text: &str) -> String {
    let mut sample: Vec<char> = Vec::new();
    for c in text.chars().filter(|c| !c.is_ascii() && !c.is_whitespace() && !c.is_control()) {
        if !sample.contains(&c) {
            sample.push(c);
            if sample.len() == 40 {
                break;
            }
        }
    }
    sample.into_iter().collect()
}
