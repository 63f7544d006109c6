//! Every command of the window is one row of [`COMMANDS`] (in
//! `command_table.rs`): its id, its words in both languages, its
//! shortcuts, where the menus show it, when it is available, and what it
//! does. The menus, the source line's context menu, the keyboard, the
//! command palette and the README's shortcut table (a test compares them)
//! all read the rows; none lists commands of its own.
//!
//! What a command does is a value ([`Does`]): an edit computed from the
//! selection (applied, recorded and named by the window in one place), a
//! new selection, or something only the window does. A new command is one
//! more row and, at most, one small function.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::EditorApp;
pub use super::command_table::COMMANDS;
use super::i18n::Lang;
use crate::edit::Edit;
use crate::session::Editor;

/// One command.
pub struct Command {
    /// A stable name (`"mark_noise"`), for tests and the palette.
    pub id: &'static str,
    /// Its words in English.
    pub en: &'static str,
    /// Its words in Simplified Chinese.
    pub zh: &'static str,
    /// Its shortcuts; the first is the one menus show.
    pub keys: &'static [KeyboardShortcut],
    /// The menu showing it (commands of the Split and Role menus are also
    /// in a source line's context menu).
    pub menu: Menu,
    /// Its group within the menu: a separator stands between groups.
    pub group: u8,
    /// Whether it can be given now (a disabled menu entry otherwise).
    pub available: fn(&EditorApp) -> bool,
    /// What it does.
    pub does: Does,
}

/// What a command does.
#[derive(Clone, Copy)]
pub enum Does {
    /// An edit at the selection (`None`: it does not apply there). The
    /// window applies it as one undoable step named by the command.
    Edit(fn(&Here<'_>) -> Option<Edit>),
    /// Moves the selection to (page, line); `None` leaves it.
    Select(fn(&Here<'_>) -> Option<(usize, usize)>),
    /// Anything else, done by the window.
    Run(fn(&mut EditorApp)),
}

/// What an edit or a move is computed from.
pub struct Here<'a> {
    /// The edition being edited.
    pub editor: &'a Editor,
    /// The field being typed in and the text cursor's character index.
    pub cursor: Option<(usize, usize)>,
    /// How many source lines fit in the source view (PageUp, PageDown).
    pub page_rows: usize,
}

/// The menus, in the menu bar's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// File.
    File,
    /// File ▸ Export.
    Export,
    /// Edit.
    Edit,
    /// Split (and the context menu).
    Split,
    /// Role (and the context menu).
    Role,
    /// View.
    View,
    /// Review: find, replace, suspects, review state.
    Review,
    /// No menu: the keyboard and the palette only.
    Keys,
}

impl Command {
    /// The command's words in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::ZhHans => self.zh,
        }
    }

    /// True when it is in the source line's context menu.
    pub fn in_context_menu(&self) -> bool {
        matches!(self.menu, Menu::Split | Menu::Role)
    }
}

/// The command called `id`.
///
/// # Panics
/// When there is none: ids are fixed in the table, so a wrong one is a bug
/// found by the first test that runs it.
pub fn command(id: &str) -> &'static Command {
    COMMANDS.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no command {id:?}"))
}

/// Every (shortcut, command) pair, in the order shortcuts are matched:
/// egui matches them logically (Ctrl+Z also matches Ctrl+Shift+Z), so
/// those with more modifiers come first. Computed once.
pub fn in_matching_order() -> &'static [(KeyboardShortcut, &'static Command)] {
    static ORDER: std::sync::OnceLock<Vec<(KeyboardShortcut, &'static Command)>> = std::sync::OnceLock::new();
    ORDER.get_or_init(|| {
        let mut pairs: Vec<_> = COMMANDS.iter().flat_map(|c| c.keys.iter().map(move |&k| (k, c))).collect();
        pairs.sort_by_key(|(k, _)| std::cmp::Reverse(modifier_count(k.modifiers)));
        pairs
    })
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt) + u8::from(modifiers.shift) + u8::from(modifiers.command || modifiers.ctrl)
}

/// True for a shortcut that is also a key for moving in text (the arrows,
/// PageUp, PageDown, Home, End without modifiers): it only applies while no
/// text field has the keyboard.
pub fn moves_in_text(shortcut: &KeyboardShortcut) -> bool {
    shortcut.modifiers.is_none()
        && matches!(
            shortcut.logical_key,
            Key::ArrowUp | Key::ArrowDown | Key::PageUp | Key::PageDown | Key::Home | Key::End
        )
}

/// A shortcut as the README writes it: `Ctrl+Shift+S`, `Alt+↑`, `F7`.
pub fn written(shortcut: &KeyboardShortcut) -> String {
    let m = shortcut.modifiers;
    let mut text = String::new();
    for (held, name) in [(m.command || m.ctrl, "Ctrl+"), (m.alt, "Alt+"), (m.shift, "Shift+")] {
        if held {
            text.push_str(name);
        }
    }
    text.push_str(match shortcut.logical_key {
        Key::ArrowUp => "↑",
        Key::ArrowDown => "↓",
        Key::Plus => "plus",
        Key::Equals => "=",
        Key::Minus => "minus",
        key => key.name(),
    });
    text
}

/// Ctrl (Cmd on macOS) with `key`.
pub const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// Ctrl+Shift with `key`.
pub const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// Alt with `key`: structure commands, which never collide with typing.
pub const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

/// Alt+Shift with `key`.
pub const fn alt_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT.plus(Modifiers::SHIFT), key)
}

/// Shift with `key` (Shift+F3, Shift+F8).
pub const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

/// `key` alone.
pub const fn bare(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_shortcuts_are_unique() {
        let mut ids = Vec::new();
        let mut keys = Vec::new();
        for command in COMMANDS {
            assert!(!ids.contains(&command.id), "{} twice", command.id);
            ids.push(command.id);
            for key in command.keys {
                assert!(!keys.contains(key), "{} reuses {}", command.id, written(key));
                keys.push(*key);
            }
        }
    }

    #[test]
    fn words_exist_in_both_languages() {
        for command in COMMANDS {
            assert!(!command.en.is_empty() && !command.zh.is_empty(), "{}", command.id);
            assert_ne!(command.en, command.zh, "{} is not translated", command.id);
        }
    }

    /// The README's shortcut table: (command, shortcuts) per row.
    fn readme_table() -> Vec<(String, String)> {
        let readme = include_str!("../../README.md");
        let start = readme.find("### Keyboard shortcuts").expect("README.md has a shortcut section");
        readme[start..]
            .lines()
            .skip_while(|l| !l.starts_with("| command"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
                (cells[0].to_owned(), cells.get(1).copied().unwrap_or_default().to_owned())
            })
            .collect()
    }

    #[test]
    fn the_readme_table_is_the_command_table() {
        let table = readme_table();
        let expected: Vec<(String, String)> = COMMANDS
            .iter()
            .map(|c| {
                let keys: Vec<String> = c.keys.iter().map(written).collect();
                let keys = if keys.is_empty() { "—".to_owned() } else { keys.join(" or ") };
                (c.en.to_owned(), keys)
            })
            .collect();
        for row in &expected {
            assert!(table.contains(row), "README.md's shortcut table misses or differs on {row:?}");
        }
        for row in &table {
            assert!(expected.contains(row), "README.md lists {row:?}, which is no command");
        }
    }
}
