//! What the window shows around the work: the remembered settings (and
//! the styles they ask for: theme, text size), the title, the status
//! message, the notice at the top (an error, a missing font).

use std::path::PathBuf;

use egui::{Context, FontId, ViewportCommand};

use super::fonts;
use super::i18n::{Lang, Word};
use super::settings::{self, Settings, TEXT_SIZES, Theme};
use crate::session::Workspace;

/// The window's own state.
pub struct Chrome {
    /// Remembered preferences.
    pub settings: Settings,
    /// The model new pages are split with (see [`Settings::model`]).
    pub model: super::split_model::SplitModel,
    /// The system locale's language, looked up once at the start.
    system_lang: Lang,
    /// Where the settings are kept, and what was last written there.
    settings_file: Option<(PathBuf, Settings)>,
    /// The last message for the status bar.
    pub status: Option<String>,
    /// An error to show until dismissed.
    pub notice: Option<String>,
    /// Whether the page needs glyphs no font has (`None`: not checked yet).
    missing_font: Option<bool>,
    shown_title: String,
    /// The theme and text size the styles were last set for.
    styled: Option<(Theme, u16)>,
}

impl Chrome {
    /// The window's state for `settings`.
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            model: Default::default(),
            system_lang: Lang::from_system(),
            settings_file: None,
            status: None,
            notice: None,
            missing_font: None,
            shown_title: String::new(),
            styled: None,
        }
    }

    /// Keeps the settings in `path` from now on.
    pub fn kept_in(&mut self, path: PathBuf) {
        self.settings_file = Some((path, self.settings.clone()));
    }

    /// The window's language.
    pub fn lang(&self) -> Lang {
        self.settings.lang.resolve(self.system_lang)
    }

    /// Closes the notice.
    pub fn dismiss_notice(&mut self) {
        self.notice = None;
        self.missing_font = Some(false);
    }

    /// Another workspace is shown: what was said about the last one goes.
    pub fn forget_workspace(&mut self) {
        self.notice = None;
        self.missing_font = None;
    }

    /// The notice to show, if any.
    pub fn notice(&self) -> Option<String> {
        let missing =
            (self.missing_font == Some(true)).then(|| Word::MissingFont.get(self.lang()).to_owned());
        self.notice.clone().or(missing)
    }

    /// One step larger (`1`), smaller (`-1`), or back to the default (`0`).
    pub fn step_text_size(&mut self, step: i8) {
        let now = TEXT_SIZES.iter().position(|&s| s >= self.settings.text_size).unwrap_or(0);
        self.settings.text_size = match step {
            0 => 100,
            1 => TEXT_SIZES[(now + 1).min(TEXT_SIZES.len() - 1)],
            _ => TEXT_SIZES[now.saturating_sub(1)],
        };
    }

    /// Sets the theme and the text sizes when the settings changed them.
    pub fn apply_style(&mut self, ctx: &Context) {
        let wanted = (self.settings.theme, self.settings.text_size);
        if self.styled == Some(wanted) {
            return;
        }
        self.styled = Some(wanted);
        ctx.set_theme(match self.settings.theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
        let scale = f32::from(self.settings.text_size) / 100.0;
        let base = egui::Style::default().text_styles;
        ctx.all_styles_mut(|style| {
            for (text_style, font) in &base {
                style
                    .text_styles
                    .insert(text_style.clone(), FontId::new(font.size * scale, font.family.clone()));
            }
        });
        // Ctrl+plus and Ctrl+minus are the text size's, not egui's zoom.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
    }

    /// Names what is open in the window's title: unsaved with "•".
    pub fn update_title(&mut self, ctx: &Context, workspace: &Workspace) {
        let marker = match workspace {
            Workspace::ReadOnly(_) => " (read-only)",
            _ if workspace.is_modified() => " •",
            _ => "",
        };
        let title = format!("{}{marker} — Copydesk", workspace.name());
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Checks once per workspace that the fonts can show its first page.
    pub fn check_fonts(&mut self, ctx: &Context, workspace: &Workspace) {
        if self.missing_font.is_some() {
            return;
        }
        let Some(page) = workspace.editor().and_then(|e| e.document().edition.pages.first()) else {
            return;
        };
        let sample = fonts::sample_of(&page.text);
        self.missing_font = Some(!sample.is_empty() && !fonts::covers(ctx, &sample));
    }

    /// Writes the settings when they changed since last written.
    pub fn store_settings(&mut self) {
        let Some((path, written)) = &mut self.settings_file else { return };
        if *written != self.settings {
            match settings::store(&self.settings, path) {
                Ok(()) => *written = self.settings.clone(),
                Err(e) => self.notice = Some(e.to_string()),
            }
        }
    }
}
