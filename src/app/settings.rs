//! What the window remembers between runs: language, theme, text size and
//! recently opened files, in `settings.json` in the platform's configuration folder,
//! written atomically and read by a checked loader (a damaged file is
//! reported by name and the defaults are used). Window size and panel
//! widths are kept by eframe and egui themselves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::i18n::Lang;
use crate::store::StoreError;

/// How many recent files are remembered.
pub const RECENT_LIMIT: usize = 10;

/// The text sizes Ctrl+plus and Ctrl+minus step through, in percent of
/// egui's own.
pub const TEXT_SIZES: [u16; 11] = [70, 80, 90, 100, 110, 125, 140, 160, 180, 200, 240];

/// The largest settings file read.
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Overrides the settings folder (tests, portable installs).
pub const FOLDER_ENV: &str = "COPYDESK_CONFIG_DIR";

/// Where the settings are kept: `$COPYDESK_CONFIG_DIR/settings.json` if set,
/// else in the platform's configuration folder.
pub fn default_path() -> Option<PathBuf> {
    let folder = match std::env::var_os(FOLDER_ENV).filter(|f| !f.is_empty()) {
        Some(folder) => PathBuf::from(folder),
        None => directories::ProjectDirs::from("", "", "Copydesk")?.config_dir().to_owned(),
    };
    Some(folder.join("settings.json"))
}

/// Reads the settings at `path`: the defaults when there is no file yet, an
/// error naming the file and the problem when it cannot be used.
pub fn load(path: &Path) -> Result<Settings, StoreError> {
    let bytes = match crate::store::read_bounded(path, MAX_SETTINGS_BYTES) {
        Err(StoreError::Io { cause, .. }) if cause.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Settings::default());
        }
        other => other?,
    };
    parse(&bytes, path)
}

/// Checks `bytes` as settings read from `path` (which errors name).
pub fn parse(bytes: &[u8], path: &Path) -> Result<Settings, StoreError> {
    serde_json::from_slice(bytes)
        .map_err(|e| StoreError::Damaged { path: path.to_owned(), reason: e.to_string() })
}

/// Writes `settings` to `path`, all or nothing.
pub fn store(settings: &Settings, path: &Path) -> Result<(), StoreError> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|cause| StoreError::Io {
            action: "create",
            path: folder.to_owned(),
            cause,
        })?;
    }
    let json = serde_json::to_string_pretty(settings).unwrap_or_default();
    crate::store::write_atomically(path, json.as_bytes(), false)
}

/// The window's language as chosen: the system's (looked up at each start,
/// so a changed locale is followed), or one language whatever the system.
/// Stored as `"System"`, `"En"` or `"ZhHans"` (settings of older versions,
/// which stored a language only, still read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LangChoice {
    /// Follow the system's locale.
    #[default]
    System,
    /// Always English.
    En,
    /// Always Simplified Chinese.
    ZhHans,
}

impl LangChoice {
    /// The language this choice speaks where the system speaks `system`.
    pub fn resolve(self, system: Lang) -> Lang {
        match self {
            LangChoice::System => system,
            LangChoice::En => Lang::En,
            LangChoice::ZhHans => Lang::ZhHans,
        }
    }
}

impl From<Lang> for LangChoice {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::En => LangChoice::En,
            Lang::ZhHans => LangChoice::ZhHans,
        }
    }
}

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
#[serde(default)]
pub struct Settings {
    /// The window's language: the system's, or one chosen.
    pub lang: LangChoice,
    /// The theme.
    pub theme: Theme,
    /// Recently opened paths, newest first.
    pub recent: Vec<PathBuf>,
    /// The size of all text, in percent of egui's own (see [`TEXT_SIZES`]).
    pub text_size: u16,
    /// The model file new pages are split with (from `copydesk train`);
    /// `None`: the built-in model.
    pub model: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: LangChoice::System,
            theme: Theme::System,
            recent: Vec::new(),
            text_size: 100,
            model: None,
        }
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
    fn settings_round_trip_and_damage_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("conf").join("settings.json");
        assert_eq!(load(&path).unwrap(), Settings::default(), "no file yet: defaults");
        let settings = Settings {
            lang: LangChoice::ZhHans,
            theme: Theme::Dark,
            recent: vec![PathBuf::from("/a")],
            text_size: 125,
            model: Some(PathBuf::from("/models/paper.model")),
        };
        store(&settings, &path).unwrap();
        assert_eq!(load(&path).unwrap(), settings);
        std::fs::write(&path, b"{\"lang\": 7").unwrap();
        let error = load(&path).unwrap_err().to_string();
        assert!(error.contains("settings.json"), "{error}");
        // Fields from a newer or older Copydesk do not stop it.
        std::fs::write(&path, br#"{"lang": "ZhHans", "future": 1}"#).unwrap();
        assert_eq!(load(&path).unwrap().lang, LangChoice::ZhHans);
    }

    #[test]
    fn following_the_system_is_a_choice_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        store(&Settings::default(), &path).unwrap();
        let stored = std::fs::read_to_string(&path).unwrap();
        assert!(stored.contains(r#""lang": "System""#), "{stored}");
        let settings = load(&path).unwrap();
        assert_eq!(settings.lang.resolve(Lang::ZhHans), Lang::ZhHans);
        assert_eq!(settings.lang.resolve(Lang::En), Lang::En);
        assert_eq!(LangChoice::En.resolve(Lang::ZhHans), Lang::En);
    }

    #[test]
    fn recent_files_are_newest_first_unique_and_bounded() {
        let mut settings = Settings { lang: LangChoice::En, ..Settings::default() };
        for i in 0..15 {
            settings.remember(&[PathBuf::from(format!("/nowhere/p{i}.txt"))]);
        }
        settings.remember(&[PathBuf::from("/nowhere/p3.txt")]);
        assert_eq!(settings.recent.len(), RECENT_LIMIT);
        assert_eq!(settings.recent[0], PathBuf::from("/nowhere/p3.txt"));
        assert_eq!(settings.recent.iter().filter(|p| p.ends_with("p3.txt")).count(), 1);
    }
}
