//! Every command of the window: its words in both languages, its keyboard
//! shortcut, and what it does. Menus, context menus and the keyboard all
//! read this one table.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::i18n::{Lang, Word};
use crate::model::Role;

/// A command the editor can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Open pages or a document (dialog with a path field).
    Open,
    /// Save the document (asks for a name the first time).
    Save,
    /// Save the document under a new name.
    SaveAs,
    /// Quit, asking first if there are unsaved changes.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Start a new article at the selected line.
    NewArticle,
    /// Merge the selected article with the one before it.
    MergePrevious,
    /// Merge the selected article with the one after it.
    MergeNext,
    /// Move the selected article's start up a line.
    BoundaryUp,
    /// Move the selected article's start down a line.
    BoundaryDown,
    /// Mark the selected line as noise.
    MarkNoise,
    /// Bring the selected noise line back as body text.
    UnmarkNoise,
    /// Give the selected line's block a role.
    SetRole(Role),
    /// Swap the selected article's kicker and headline.
    SwapKickerHeadline,
    /// Join the selected paragraph with the one before it.
    JoinParagraph,
    /// Split the paragraph being edited at the text cursor.
    SplitParagraph,
    /// Show or hide the diff of the article against its source.
    ToggleDiff,
    /// Select the next article.
    NextArticle,
    /// Select the previous article.
    PreviousArticle,
}

/// The roles a block can be given from the Role menu, in order.
pub const ROLES: [Role; 7] = [
    Role::Kicker,
    Role::Headline,
    Role::Subheadline,
    Role::Byline,
    Role::Body,
    Role::Caption,
    Role::Advertisement,
];

impl Command {
    /// Commands that change the split, in menu order.
    pub const SPLIT: [Command; 9] = [
        Command::NewArticle,
        Command::MergePrevious,
        Command::MergeNext,
        Command::BoundaryUp,
        Command::BoundaryDown,
        Command::MarkNoise,
        Command::UnmarkNoise,
        Command::JoinParagraph,
        Command::SplitParagraph,
    ];

    /// Every command that has a keyboard shortcut.
    pub fn all() -> Vec<Command> {
        let mut all =
            vec![Command::Open, Command::Save, Command::SaveAs, Command::Quit, Command::Undo, Command::Redo];
        all.extend(Command::SPLIT);
        all.extend(ROLES.map(Command::SetRole));
        all.extend([
            Command::SwapKickerHeadline,
            Command::ToggleDiff,
            Command::NextArticle,
            Command::PreviousArticle,
        ]);
        all
    }

    /// Every command with a shortcut, in the order shortcuts are matched:
    /// egui matches them logically (Ctrl+Z also matches Ctrl+Shift+Z), so
    /// those with more modifiers come first. Computed once.
    pub fn in_matching_order() -> &'static [Command] {
        static ORDER: std::sync::OnceLock<Vec<Command>> = std::sync::OnceLock::new();
        ORDER.get_or_init(|| {
            let mut commands = Command::all();
            commands
                .sort_by_key(|c| std::cmp::Reverse(c.shortcut().map_or(0, |s| modifier_count(s.modifiers))));
            commands
        })
    }

    /// The command's label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let word = match self {
            Command::Open => Word::Open,
            Command::Save => Word::Save,
            Command::SaveAs => Word::SaveAs,
            Command::Quit => Word::Quit,
            Command::Undo => Word::Undo,
            Command::Redo => Word::Redo,
            Command::NewArticle => Word::NewArticle,
            Command::MergePrevious => Word::MergePrevious,
            Command::MergeNext => Word::MergeNext,
            Command::BoundaryUp => Word::BoundaryUp,
            Command::BoundaryDown => Word::BoundaryDown,
            Command::MarkNoise => Word::MarkNoise,
            Command::UnmarkNoise => Word::UnmarkNoise,
            Command::SetRole(role) => role_word(role),
            Command::SwapKickerHeadline => Word::SwapKickerHeadline,
            Command::JoinParagraph => Word::JoinParagraph,
            Command::SplitParagraph => Word::SplitParagraph,
            Command::ToggleDiff => Word::ToggleDiff,
            Command::NextArticle => Word::NextArticle,
            Command::PreviousArticle => Word::PreviousArticle,
        };
        word.get(lang)
    }

    /// The keyboard shortcut (Ctrl on Linux and Windows, Cmd on macOS).
    /// Structure commands use Alt so that they never collide with typing.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let alt = Modifiers::ALT;
        let alt_shift = Modifiers::ALT | Modifiers::SHIFT;
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Command::Open => key(cmd, Key::O),
            Command::Save => key(cmd, Key::S),
            Command::SaveAs => key(cmd | Modifiers::SHIFT, Key::S),
            Command::Quit => key(cmd, Key::Q),
            Command::Undo => key(cmd, Key::Z),
            Command::Redo => key(cmd | Modifiers::SHIFT, Key::Z),
            Command::NewArticle => key(alt, Key::N),
            Command::MergePrevious => key(alt, Key::M),
            Command::MergeNext => key(alt_shift, Key::M),
            Command::BoundaryUp => key(alt, Key::ArrowUp),
            Command::BoundaryDown => key(alt, Key::ArrowDown),
            Command::MarkNoise => key(alt, Key::X),
            Command::UnmarkNoise => key(alt_shift, Key::X),
            Command::SetRole(role) => {
                let digit = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7];
                key(alt, digit[ROLES.iter().position(|&r| r == role)?])
            }
            Command::SwapKickerHeadline => key(alt, Key::S),
            Command::JoinParagraph => key(alt, Key::J),
            Command::SplitParagraph => key(alt, Key::K),
            Command::ToggleDiff => key(Modifiers::NONE, Key::F7),
            Command::NextArticle => key(alt, Key::PageDown),
            Command::PreviousArticle => key(alt, Key::PageUp),
        }
    }

    /// Other shortcuts that also give the command (Ctrl+Y for redo).
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        (self == Command::Redo).then(|| KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
    }
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt) + u8::from(modifiers.shift) + u8::from(modifiers.command || modifiers.ctrl)
}

/// The word naming a role.
pub fn role_word(role: Role) -> Word {
    match role {
        Role::Noise => Word::Noise,
        Role::Kicker => Word::Kicker,
        Role::Headline => Word::Headline,
        Role::Subheadline => Word::Subheadline,
        Role::Byline => Word::Byline,
        Role::Body => Word::Body,
        Role::Caption => Word::Caption,
        Role::Advertisement => Word::Advertisement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = Vec::new();
        for command in Command::all() {
            let shortcut = command.shortcut().expect("every listed command has a shortcut");
            assert!(!seen.contains(&shortcut), "{command:?} reuses a shortcut");
            seen.push(shortcut);
        }
    }

    #[test]
    fn the_readme_lists_every_command() {
        let readme = include_str!("../../README.md");
        for command in Command::all() {
            let label = command.label(Lang::En);
            assert!(readme.contains(label), "README.md's shortcut table misses {label:?}");
        }
    }

    #[test]
    fn labels_exist_in_both_languages() {
        for command in Command::all() {
            assert_ne!(command.label(Lang::En), command.label(Lang::ZhHans), "{command:?}");
        }
    }
}
