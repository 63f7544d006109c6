//! The desktop editor: eframe/egui over the [`crate::edit`] core.
//!
//! The window is a thin layer. [`Editor`] holds the session (document,
//! history, selection, drafts) and is the only thing that changes the
//! document; each panel is a function of it in its own file; every command
//! comes from one table ([`Command`]) that the menus, the context menu and
//! the keyboard all read.

mod article_view;
mod autosave;
mod commands;
mod editor;
mod files;
pub mod fonts;
mod i18n;
mod line_map;
mod outline;
mod palette;
mod path_dialog;
mod read_only;
mod recovery_offer;
pub mod settings;
mod source_view;

use std::path::{Path, PathBuf};

use egui::{RichText, Ui, ViewportCommand};

pub use commands::{Command, ROLES};
pub use editor::{Editor, Selection};
pub use i18n::{Lang, Word};
pub use settings::{Settings, Theme};

use crate::edit::Document;
use crate::load::{self, LoadError, LoadOptions};
use crate::recovery::RecoveryFolder;
use crate::store::{self, DiskStamp, ExportFormat, HeldLock};
use autosave::Autosave;
use path_dialog::{PathDialog, Purpose};
pub use read_only::ReadOnly;
use recovery_offer::{OfferChoice, RecoveryOffer};

/// The bundled sample edition: the front page of a Chinese city daily.
pub const SAMPLE_PATH: &str = "assets/yongkang-daily-2022-11-07-p1.txt";
const SAMPLE: &[u8] = include_bytes!("../../assets/yongkang-daily-2022-11-07-p1.txt");

/// Opens `paths` as one edition, or the bundled sample when there are none.
pub fn open_edition(paths: &[PathBuf], lang: Lang) -> Result<Editor, LoadError> {
    let options = LoadOptions::default();
    let (edition, title) = if paths.is_empty() {
        (load::load_bytes(Path::new(SAMPLE_PATH), SAMPLE, &options)?, display_name(Path::new(SAMPLE_PATH)))
    } else {
        let title = paths.iter().map(|p| display_name(p)).collect::<Vec<_>>().join(", ");
        (load::load_paths(paths, &options)?, title)
    };
    Ok(Editor::new(Document::propose(edition), title, lang))
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The window: the editor plus what belongs to the window only.
pub struct EditorApp {
    /// The editing session.
    pub editor: Editor,
    /// Remembered preferences.
    pub settings: Settings,
    /// Where the document is saved, once it has been.
    pub doc_path: Option<PathBuf>,
    /// A saved document whose sources cannot be used, shown as saved.
    pub read_only: Option<ReadOnly>,
    /// What the document's file was when last read or written here.
    pub doc_stamp: Option<DiskStamp>,
    /// The lock note beside the document, while it is open here.
    pub doc_lock: Option<HeldLock>,
    /// The path Save found changed on disk, while the editor decides.
    pub conflict: Option<PathBuf>,
    /// What Open was asked for while there was unsaved work.
    pub pending_open: Option<Vec<PathBuf>>,
    /// Recovery files of crashed sessions, while they are offered.
    pub offer: Option<RecoveryOffer>,
    autosave: Option<Autosave>,
    recovery_folder: Option<RecoveryFolder>,
    /// Where the settings are kept, and what was last written there.
    settings_file: Option<(PathBuf, Settings)>,
    was_focused: Option<bool>,
    path_dialog: PathDialog,
    confirm_quit: bool,
    quitting: bool,
    missing_font: Option<bool>,
    shown_title: String,
    error: Option<String>,
}

impl EditorApp {
    /// Starts the window on `paths` (the sample when empty), restoring the
    /// preferences eframe kept.
    pub fn new(cc: &eframe::CreationContext<'_>, paths: Vec<PathBuf>) -> Self {
        fonts::install(&cc.egui_ctx);
        let settings_path = settings::default_path();
        let (settings, problem) = match settings_path.as_deref().map(settings::load) {
            Some(Ok(settings)) => (settings, None),
            Some(Err(e)) => (Settings::default(), Some(e)),
            None => (Settings::default(), None),
        };
        let mut app = Self::with_settings(settings, &paths);
        if let Some(path) = settings_path {
            app.settings_file = Some((path, app.settings.clone()));
        }
        if let Some(problem) = problem {
            app.error = Some(format!("{}: {problem}", Word::SettingsDamaged.get(app.settings.lang)));
        }
        if let Some(folder) = crate::recovery::default_folder() {
            app = app.with_recovery(RecoveryFolder::new(folder));
        }
        app.apply_theme(&cc.egui_ctx);
        app
    }

    /// Keeps unsaved work in `folder` (see [`crate::recovery`]), and offers
    /// what crashed sessions left there.
    pub fn with_recovery(mut self, folder: RecoveryFolder) -> Self {
        match folder.start_session() {
            Ok(session) => self.autosave = Some(Autosave::new(session)),
            Err(e) => self.error = Some(format!("{}: {e}", Word::RecoveryFailed.get(self.settings.lang))),
        }
        self.recovery_folder = Some(folder);
        self.look_for_recovery(false);
        self
    }

    /// This session's recovery file (it exists while there is unsaved work).
    pub fn recovery_path(&self) -> Option<&Path> {
        self.autosave.as_ref().map(Autosave::path)
    }

    /// Offers the recovery files crashed sessions left, if there are any;
    /// with `announce`, says so when there are none.
    pub fn look_for_recovery(&mut self, announce: bool) {
        if let Some(folder) = &self.recovery_folder {
            self.offer = None; // releases the claims of an earlier offer
            let (orphans, damaged) = folder.orphans();
            self.offer = RecoveryOffer::new(orphans, damaged);
            if announce && self.offer.is_none() {
                self.editor.message = Some(Word::NothingToRecover.get(self.settings.lang).to_owned());
            }
        }
    }

    /// The window's state without a real window (tests, benchmarks):
    /// the sample edition, then `paths` if there are any.
    pub fn with_settings(settings: Settings, paths: &[PathBuf]) -> Self {
        let editor = open_edition(&[], settings.lang).unwrap_or_else(|_| unreachable_sample());
        let mut app = Self {
            editor,
            settings,
            doc_path: None,
            read_only: None,
            doc_stamp: None,
            doc_lock: None,
            conflict: None,
            pending_open: None,
            offer: None,
            autosave: None,
            recovery_folder: None,
            settings_file: None,
            was_focused: None,
            path_dialog: PathDialog::default(),
            confirm_quit: false,
            quitting: false,
            missing_font: None,
            shown_title: String::new(),
            error: None,
        };
        if !paths.is_empty() {
            app.open(paths.to_vec());
        }
        app
    }

    /// Draws one frame.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.editor.lang = self.settings.lang;
        self.handle_shortcuts(&ctx);
        self.handle_dropped_files(&ctx);
        self.check_fonts(&ctx);
        self.update_title(&ctx);
        self.handle_close(&ctx);
        self.keep_recovery(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if let Some(notice) = self.notice() {
            egui::Panel::top("notice").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
                    if ui.small_button(Word::Close.get(self.settings.lang)).clicked() {
                        self.error = None;
                        self.missing_font = Some(false);
                    }
                });
            });
        }
        if let Some(read_only) = &self.read_only {
            let lang = self.settings.lang;
            let mut edit_anyway = false;
            egui::CentralPanel::default().show(ui, |ui| edit_anyway = read_only.show(ui, lang));
            if edit_anyway {
                self.edit_anyway();
            }
            self.dialogs(&ctx);
            return;
        }
        egui::Panel::left("source")
            .resizable(true)
            .default_size(ui.available_width() * 0.5)
            .min_size(240.0)
            .show(ui, |ui| {
                ui.heading(Word::Source.get(self.settings.lang));
                source_view::show(ui, &mut self.editor);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::Panel::top("outline").resizable(true).default_size(200.0).show(ui, |ui| {
                outline::show(ui, &mut self.editor);
            });
            article_view::show(ui, &mut self.editor);
        });
        self.dialogs(&ctx);
    }

    fn dialogs(&mut self, ctx: &egui::Context) {
        if let Some((purpose, mut paths)) = self.path_dialog.show(ctx, self.settings.lang) {
            match purpose {
                Purpose::Open => self.request_open(paths),
                Purpose::SaveAs => {
                    if let Some(path) = paths.pop() {
                        self.save_as(with_document_extension(path));
                    }
                }
                Purpose::Export(format) => {
                    if let Some(path) = paths.pop() {
                        self.export(format, &path);
                    }
                }
            }
        }
        self.quit_dialog(ctx);
        self.conflict_dialog(ctx);
        self.open_dialog(ctx);
        self.recovery_dialog(ctx);
    }

    fn recovery_dialog(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let Some(offer) = &mut self.offer else { return };
        let Some(choice) = offer.show(ctx, lang) else { return };
        match choice {
            OfferChoice::Recover(index) if index < offer.orphans.len() => {
                let orphan = offer.orphans.remove(index);
                // The others stay on disk for later.
                self.offer = None;
                self.recover(orphan);
            }
            OfferChoice::Discard(index) if index < offer.orphans.len() => {
                if let Err(e) = offer.orphans.remove(index).discard() {
                    self.error = Some(e.to_string());
                }
            }
            OfferChoice::DiscardDamaged(index) if index < offer.damaged.len() => {
                if let Err(e) = offer.damaged.remove(index).discard() {
                    self.error = Some(e.to_string());
                }
            }
            _ => self.offer = None,
        }
        if self.offer.as_ref().is_some_and(|o| o.orphans.is_empty() && o.damaged.is_empty()) {
            self.offer = None;
        }
    }

    /// Writes the recovery file when it is due (see [`autosave`]).
    fn keep_recovery(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused);
        let focus_lost = self.was_focused == Some(true) && focused == Some(false);
        self.was_focused = focused;
        // The writer is taken out for the call, so the snapshot can read `self`.
        let Some(mut autosave) = self.autosave.take() else { return };
        let due = autosave.tick(
            self.editor.revision(),
            self.editor.has_unsaved_work(),
            focus_lost,
            std::time::Instant::now(),
            || self.recovery_snapshot(),
        );
        self.autosave = Some(autosave);
        if let Some(due) = due {
            ctx.request_repaint_after(due);
        }
    }

    fn notice(&self) -> Option<String> {
        let lang = self.settings.lang;
        self.error
            .clone()
            .or_else(|| (self.missing_font == Some(true)).then(|| Word::MissingFont.get(lang).to_owned()))
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for &command in Command::in_matching_order() {
                let shortcuts = [command.shortcut(), command.alternative_shortcut()];
                if shortcuts.iter().flatten().any(|s| input.consume_shortcut(s)) {
                    fired.push(command);
                }
            }
        });
        for command in fired {
            self.run(ctx, command);
        }
    }

    /// Carries out a command, including those only the window can do.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        if self.read_only.is_some() && !matches!(command, Command::Open | Command::Quit) {
            // Nothing behind a read-only document may be edited or saved.
            self.error = Some(Word::ReadOnly.get(self.settings.lang).to_owned());
            return;
        }
        match command {
            Command::Open => self.path_dialog.ask(Purpose::Open, String::new()),
            Command::Save => self.save(),
            Command::SaveAs => self.path_dialog.ask(Purpose::SaveAs, self.suggested_name(store::EXTENSION)),
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            _ => self.editor.run(command),
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if !dropped.is_empty() {
            self.request_open(dropped);
        }
    }

    fn check_fonts(&mut self, ctx: &egui::Context) {
        if self.missing_font.is_none() {
            let page = &self.editor.document.edition.pages[self.editor.selection.page];
            let sample = fonts::sample_of(&page.text);
            self.missing_font = Some(!sample.is_empty() && !fonts::covers(ctx, &sample));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let unsaved = if self.editor.has_unsaved_work() { " •" } else { "" };
        let unsaved = if self.read_only.is_some() { " (read-only)" } else { unsaved };
        let name =
            self.read_only.as_ref().map_or_else(|| self.editor.title.clone(), |r| display_name(&r.path));
        let title = format!("{name}{unsaved} — Copydesk");
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Asks before quitting with unsaved changes.
    fn handle_close(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && self.editor.has_unsaved_work() && !self.quitting {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.confirm_quit = true;
        }
    }

    fn quit_dialog(&mut self, ctx: &egui::Context) {
        if !self.confirm_quit {
            return;
        }
        let lang = self.settings.lang;
        egui::Modal::new(egui::Id::unique("quit")).show(ctx, |ui| {
            ui.heading(Word::QuitUnsavedTitle.get(lang));
            ui.label(Word::QuitUnsavedBody.get(lang));
            ui.horizontal(|ui| {
                if ui.button(Word::QuitAnyway.get(lang)).clicked() {
                    self.quitting = true;
                    self.confirm_quit = false;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
                if ui.button(Word::Cancel.get(lang)).clicked() {
                    self.confirm_quit = false;
                }
            });
        });
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
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

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
    }

    fn status_bar(&self, ui: &mut Ui) {
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

/// Adds the document ending when a name was typed without it.
fn with_document_extension(path: PathBuf) -> PathBuf {
    if path.to_string_lossy().ends_with(store::EXTENSION) {
        path
    } else {
        PathBuf::from(format!("{}{}", path.display(), store::EXTENSION))
    }
}

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

/// The bundled sample always loads (it is tested); this keeps the promise of
/// no panic even so, with an empty edition.
fn unreachable_sample() -> Editor {
    Editor::new(Document::propose(crate::model::Edition::default()), "—", Lang::En)
}

impl EditorApp {
    /// Runs `frame` (one frame of the window); if it panics, the recovery
    /// file is written before the panic goes on and ends the process.
    pub fn guarded(&mut self, frame: impl FnOnce(&mut Self)) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| frame(self)));
        if let Err(panic) = outcome {
            // Writing may itself fail on a damaged state: it must not hide
            // the first panic.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.write_recovery_now()));
            std::panic::resume_unwind(panic);
        }
    }

    /// Writes the settings when they changed since last written.
    fn store_settings(&mut self) {
        let Some((path, written)) = &mut self.settings_file else { return };
        if *written != self.settings {
            match settings::store(&self.settings, path) {
                Ok(()) => *written = self.settings.clone(),
                Err(e) => self.error = Some(e.to_string()),
            }
        }
    }

    /// The window is closing: the work is saved, or the editor chose to
    /// lose it, so the recovery file and the lock note go.
    pub fn close(&mut self) {
        self.store_settings();
        if !self.editor.has_unsaved_work() || self.quitting {
            if let Some(autosave) = &mut self.autosave {
                autosave.clear_now();
            }
        } else {
            // Closed without the editor's say (the system ending the
            // session): keep the work for the next start.
            self.write_recovery_now();
        }
        self.doc_lock = None;
    }
}

impl eframe::App for EditorApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.guarded(|app| app.show(ui));
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.store_settings();
    }

    fn on_exit(&mut self) {
        self.close();
    }
}

/// Opens the editor window on `paths` (the bundled sample when empty) and
/// runs it until it is closed.
pub fn run_window(paths: Vec<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Copydesk")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        // The system font provider is installed by hand, asked for
        // Simplified Chinese glyph forms (see `fonts`).
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native("Copydesk", options, Box::new(|cc| Ok(Box::new(EditorApp::new(cc, paths)))))
}
