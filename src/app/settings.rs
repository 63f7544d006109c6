//! What the window remembers between runs: language, theme and recently
//! opened files. (Window size and panel widths are kept by eframe and egui
//! themselves.) Stored with eframe's persistence, which is fine for
//! preferences; documents never go through it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::i18n::Lang;

/// How many recent files are remembered.
pub const RECENT_LIMIT: usize = 10;

/// The storage key.
pub const KEY: &str = "copydesk-settings";

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Preferences kept between runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The window's language.
    pub lang: Lang,
    /// The theme.
    pub theme: Theme,
    /// Recently opened paths, newest first.
    pub recent: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self { lang: Lang::from_system(), theme: Theme::System, recent: Vec::new() }
    }
}

impl Settings {
    /// Puts `paths` first among the recent files.
    pub fn remember(&mut self, paths: &[PathBuf]) {
        for path in paths.iter().rev() {
            let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            self.recent.retain(|p| *p != path);
            self.recent.insert(0, path);
        }
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_unique_and_bounded() {
        let mut settings = Settings { lang: Lang::En, ..Settings::default() };
        for i in 0..15 {
            settings.remember(&[PathBuf::from(format!("/nowhere/p{i}.txt"))]);
        }
        settings.remember(&[PathBuf::from("/nowhere/p3.txt")]);
        assert_eq!(settings.recent.len(), RECENT_LIMIT);
        assert_eq!(settings.recent[0], PathBuf::from("/nowhere/p3.txt"));
        assert_eq!(settings.recent.iter().filter(|p| p.ends_with("p3.txt")).count(), 1);
    }
}
