//! The menu bar (built from the command table, plus Open recent and
//! Settings) and the status bar.

use egui::{RichText, Ui};

use super::commands::{COMMANDS, Command, Menu};
use super::i18n::{Lang, Word};
use super::settings::{LangChoice, Theme};
use super::{Action, EditorApp};
use crate::session::Workspace;

impl EditorApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let lang = self.chrome.lang();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(Word::File.get(lang), |ui| {
                self.command_items(ui, Menu::File, 0..=0, actions);
                ui.menu_button(Word::Export.get(lang), |ui| {
                    self.command_items(ui, Menu::Export, 0..=u8::MAX, actions);
                });
                self.recent_menu(ui, actions);
                ui.separator();
                self.command_items(ui, Menu::File, 1..=u8::MAX, actions);
            });
            for (menu, word) in [
                (Menu::Edit, Word::Edit),
                (Menu::Split, Word::Split),
                (Menu::Role, Word::Role),
                (Menu::View, Word::View),
                (Menu::Review, Word::Review),
            ] {
                ui.menu_button(word.get(lang), |ui| self.command_items(ui, menu, 0..=u8::MAX, actions));
            }
            ui.menu_button(Word::Settings.get(lang), |ui| self.settings_menu(ui));
        });
    }

    /// The entries of `menu` in `groups`, a separator between groups.
    fn command_items(
        &self,
        ui: &mut Ui,
        menu: Menu,
        groups: std::ops::RangeInclusive<u8>,
        actions: &mut Vec<Action>,
    ) {
        let mut last_group = None;
        for command in COMMANDS.iter().filter(|c| c.menu == menu && groups.contains(&c.group)) {
            if last_group.is_some_and(|g| g != command.group) {
                ui.separator();
            }
            last_group = Some(command.group);
            if command_button(ui, command, self.chrome.lang(), (command.available)(self)) {
                actions.push(Action::Command(command));
            }
        }
    }

    fn recent_menu(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let lang = self.chrome.lang();
        ui.menu_button(Word::OpenRecent.get(lang), |ui| {
            if self.chrome.settings.recent.is_empty() {
                ui.label(Word::NoRecent.get(lang));
            }
            for path in &self.chrome.settings.recent {
                if ui.button(path.display().to_string()).clicked() {
                    actions.push(Action::Open(vec![path.clone()]));
                }
            }
        });
    }

    fn settings_menu(&mut self, ui: &mut Ui) {
        let lang = self.chrome.lang();
        let settings = &mut self.chrome.settings;
        ui.label(RichText::new(Word::Language.get(lang)).weak());
        ui.radio_value(&mut settings.lang, LangChoice::System, Word::FollowSystemLanguage.get(lang));
        for choice in [Lang::ZhHans, Lang::En] {
            ui.radio_value(&mut settings.lang, choice.into(), choice.name());
        }
        ui.separator();
        ui.label(RichText::new(Word::Theme.get(lang)).weak());
        for (choice, word) in
            [(Theme::System, Word::FollowSystem), (Theme::Light, Word::Light), (Theme::Dark, Word::Dark)]
        {
            ui.radio_value(&mut settings.theme, choice, word.get(lang));
        }
        ui.separator();
        ui.label(RichText::new(Word::SplitModel.get(lang)).weak());
        let file = self.chrome.model.file().map(|p| p.display().to_string());
        if ui.radio(file.is_none(), Word::BuiltinModel.get(lang)).clicked() {
            self.use_model(None);
        }
        if let Some(file) = &file {
            let _ = ui.radio(true, file.as_str());
        }
        if ui.button(Word::ModelFile.get(lang)).clicked() {
            ui.close();
            self.ask_model();
        }
    }

    pub(super) fn status_bar(&self, ui: &mut Ui) {
        let lang = self.chrome.lang();
        ui.horizontal(|ui| {
            ui.label(self.workspace.name());
            ui.separator();
            let Workspace::Editing { editor, .. } = &self.workspace else {
                ui.label(RichText::new(Word::ReadOnlyShort.get(lang)).color(ui.visuals().warn_fg_color));
                ui.separator();
                let articles = self.workspace.read_only().map_or(0, |r| r.saved.articles.len());
                ui.label(format!("{}: {articles}", Word::Articles.get(lang)));
                return;
            };
            let selection = editor.selection();
            let edition = &editor.document().edition;
            let Some(page) = edition.pages.get(selection.page) else { return };
            ui.label(format!("{}: {}", Word::Encoding.get(lang), page.encoding));
            ui.separator();
            ui.label(format!(
                "{} {}/{} · {}",
                Word::Page.get(lang),
                selection.page + 1,
                edition.pages.len(),
                line_position(lang, selection.line + 1, page.line_count()),
            ));
            ui.separator();
            let document = editor.document();
            let articles = document.split.articles.len();
            let reviewed =
                document.split.articles.iter().filter(|&&a| document.review.is_reviewed(a)).count();
            let suspects = self.panels.review.suspects_left();
            ui.label(super::i18n::review_progress(lang, reviewed, articles, suspects));
            ui.separator();
            let unsaved = self.workspace.is_modified();
            let (state, colour) = if unsaved {
                (Word::Unsaved, ui.visuals().warn_fg_color)
            } else {
                (Word::AllSaved, ui.visuals().weak_text_color())
            };
            ui.label(RichText::new(state.get(lang)).color(colour));
            if let Some(error) = self.life.recovery.error() {
                ui.separator();
                let text = format!("{}: {error}", Word::RecoveryFailed.get(lang));
                ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
            }
            if let Some(message) = &self.chrome.status {
                ui.separator();
                ui.label(RichText::new(message).weak());
            }
        });
    }
}

/// "line 25 of 75" / "第25行，共75行".
fn line_position(lang: Lang, line: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("line {line} of {total}"),
        Lang::ZhHans => format!("第{line}行，共{total}行"),
    }
}

/// A menu entry for `command`, its shortcut beside it, greyed out when it
/// is not available; true when clicked.
pub fn command_button(ui: &mut Ui, command: &Command, lang: Lang, available: bool) -> bool {
    let mut button = egui::Button::new(command.label(lang));
    if let Some(shortcut) = command.keys.first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let clicked = ui.add_enabled(available, button).clicked();
    if clicked {
        ui.close();
    }
    clicked
}
