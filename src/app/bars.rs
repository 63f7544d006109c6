//! The menu bar and the status bar.

use egui::{RichText, Ui};

use super::i18n::{Lang, Word};
use super::path_dialog::Purpose;
use super::{Command, EditorApp, ROLES, Theme, display_name};
use crate::store::ExportFormat;

impl EditorApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        let ctx = ui.ctx().clone();
        let mut chosen = None;
        let mut reopen = None;
        let mut export = None;
        let mut recover = false;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(Word::File.get(lang), |ui| {
                command_button(ui, &ctx, Command::Open, lang, &mut chosen);
                command_button(ui, &ctx, Command::Save, lang, &mut chosen);
                command_button(ui, &ctx, Command::SaveAs, lang, &mut chosen);
                ui.menu_button(Word::Export.get(lang), |ui| {
                    for (format, name) in EXPORTS {
                        if ui.button(name).clicked() {
                            export = Some(format);
                            ui.close();
                        }
                    }
                });
                ui.menu_button(Word::OpenRecent.get(lang), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(Word::NoRecent.get(lang));
                    }
                    for path in &self.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            reopen = Some(path.clone());
                        }
                    }
                });
                if self.recovery_folder.is_some() && ui.button(Word::RecoverMenu.get(lang)).clicked() {
                    recover = true;
                    ui.close();
                }
                ui.separator();
                command_button(ui, &ctx, Command::Quit, lang, &mut chosen);
            });
            ui.menu_button(Word::Edit.get(lang), |ui| {
                command_button(ui, &ctx, Command::Undo, lang, &mut chosen);
                command_button(ui, &ctx, Command::Redo, lang, &mut chosen);
            });
            ui.menu_button(Word::Split.get(lang), |ui| {
                for command in Command::SPLIT {
                    command_button(ui, &ctx, command, lang, &mut chosen);
                }
            });
            ui.menu_button(Word::Role.get(lang), |ui| {
                for role in ROLES {
                    command_button(ui, &ctx, Command::SetRole(role), lang, &mut chosen);
                }
                ui.separator();
                command_button(ui, &ctx, Command::SwapKickerHeadline, lang, &mut chosen);
            });
            ui.menu_button(Word::View.get(lang), |ui| {
                command_button(ui, &ctx, Command::ToggleDiff, lang, &mut chosen);
                command_button(ui, &ctx, Command::NextArticle, lang, &mut chosen);
                command_button(ui, &ctx, Command::PreviousArticle, lang, &mut chosen);
            });
            ui.menu_button(Word::Settings.get(lang), |ui| self.settings_menu(ui));
        });
        if let Some(command) = chosen {
            self.run(&ctx, command);
        }
        if let Some(path) = reopen {
            self.request_open(vec![path]);
        }
        if recover {
            self.look_for_recovery(true);
        }
        if let Some(format) = export {
            let ending = match format {
                ExportFormat::Text => "-articles",
                ExportFormat::Markdown => ".md",
                ExportFormat::Ninjs => ".ninjs.json",
                ExportFormat::Json => ".articles.json",
            };
            self.path_dialog.ask(Purpose::Export(format), self.suggested_name(ending));
        }
    }

    fn settings_menu(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        ui.label(RichText::new(Word::Language.get(lang)).weak());
        for choice in [Lang::ZhHans, Lang::En] {
            ui.radio_value(&mut self.settings.lang, choice, choice.name());
        }
        ui.separator();
        ui.label(RichText::new(Word::Theme.get(lang)).weak());
        let before = self.settings.theme;
        for (choice, word) in
            [(Theme::System, Word::FollowSystem), (Theme::Light, Word::Light), (Theme::Dark, Word::Dark)]
        {
            ui.radio_value(&mut self.settings.theme, choice, word.get(lang));
        }
        if self.settings.theme != before {
            self.apply_theme(ui.ctx());
        }
    }

    pub(super) fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
    }

    pub(super) fn status_bar(&self, ui: &mut Ui) {
        let lang = self.settings.lang;
        if let Some(read_only) = &self.read_only {
            ui.horizontal(|ui| {
                ui.label(display_name(&read_only.path));
                ui.separator();
                ui.label(RichText::new(Word::ReadOnlyShort.get(lang)).color(ui.visuals().warn_fg_color));
                ui.separator();
                ui.label(format!("{}: {}", Word::Articles.get(lang), read_only.saved.articles.len()));
            });
            return;
        }
        let editor = &self.editor;
        let page = &editor.document.edition.pages[editor.selection.page];
        ui.horizontal(|ui| {
            ui.label(&editor.title);
            ui.separator();
            ui.label(format!("{}: {}", Word::Encoding.get(lang), page.encoding));
            ui.separator();
            ui.label(format!(
                "{} {}/{} · {}",
                Word::Page.get(lang),
                editor.selection.page + 1,
                editor.document.edition.pages.len(),
                line_position(lang, editor.selection.line + 1, page.line_count()),
            ));
            ui.separator();
            ui.label(format!("{}: {}", Word::Articles.get(lang), editor.document.split.articles.len()));
            ui.separator();
            let unsaved = editor.has_unsaved_work();
            let state = if unsaved { Word::Unsaved } else { Word::AllSaved };
            ui.label(RichText::new(state.get(lang)).color(if unsaved {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().weak_text_color()
            }));
            if let Some(error) = self.autosave.as_ref().and_then(|a| a.error.as_ref()) {
                ui.separator();
                ui.label(
                    RichText::new(format!("{}: {error}", Word::RecoveryFailed.get(lang)))
                        .color(ui.visuals().warn_fg_color),
                );
            }
            if let Some(message) = &editor.message {
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

/// The export formats, as the Export menu names them.
const EXPORTS: [(ExportFormat, &str); 4] = [
    (ExportFormat::Text, "Text (.txt)"),
    (ExportFormat::Markdown, "Markdown (.md)"),
    (ExportFormat::Ninjs, "IPTC ninjs (.json)"),
    (ExportFormat::Json, "JSON (.json)"),
];

/// A menu entry for a command, with its shortcut shown beside it.
fn command_button(
    ui: &mut Ui,
    ctx: &egui::Context,
    command: Command,
    lang: Lang,
    chosen: &mut Option<Command>,
) {
    let mut button = egui::Button::new(command.label(lang));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ctx.format_shortcut(&shortcut));
    }
    if ui.add(button).clicked() {
        *chosen = Some(command);
        ui.close();
    }
}
