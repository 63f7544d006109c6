//! Fonts: egui's own fonts have no Chinese glyphs, so the system's fonts
//! fill in through eframe's system font provider, asked for Simplified
//! Chinese forms (shared Han characters otherwise may come out in Japanese
//! glyph shapes). When no installed font covers the text, the window says
//! so instead of showing boxes.

use std::sync::Arc;

use egui::{Context, FontId};
use egui_system_font_provider::SystemFontProvider;

/// Installs the system font provider, preferring Simplified Chinese fonts.
pub fn install(ctx: &Context) {
    ctx.add_font_provider(Arc::new(SystemFontProvider::new().with_locale(Some("zh-Hans"))));
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
