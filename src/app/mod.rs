//! The desktop editor: eframe/egui over the [`crate::edit`] core.
//!
//! The window is a thin layer. [`Editor`] holds the session (document,
//! history, selection, drafts) and is the only thing that changes the
//! document; each panel is a function of it in its own file; every command
//! comes from one table ([`Command`]) that the menus, the context menu and
//! the keyboard all read.

mod article_view;
mod autosave;
mod bars;
mod commands;
mod diff_cache;
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
mod session;
pub mod settings;
mod signals;
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
use crate::store::{self, DiskStamp, HeldLock};
use autosave::Autosave;
use path_dialog::{PathDialog, Purpose};
pub use read_only::ReadOnly;
use recovery_offer::RecoveryOffer;

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
    /// A document whose sources lie outside its folder, as read without
    /// them, while the editor is asked whether to read them.
    pub outside_question: Option<(PathBuf, Box<store::Restored>)>,
    signals: Option<signals::Signals>,
    ended_by_signal: bool,
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
        app = app.ending_on_signals(&cc.egui_ctx);
        app.apply_theme(&cc.egui_ctx);
        app
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
            outside_question: None,
            signals: None,
            ended_by_signal: false,
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
        self.end_if_signalled(&ctx);

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
        self.outside_dialog(ctx);
    }

    /// The error the window shows, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
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
        if requested && self.editor.has_unsaved_work() && !self.quitting && !self.ended_by_signal {
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
}

/// Adds the document ending when a name was typed without it.
fn with_document_extension(path: PathBuf) -> PathBuf {
    if path.to_string_lossy().ends_with(store::EXTENSION) {
        path
    } else {
        PathBuf::from(format!("{}{}", path.display(), store::EXTENSION))
    }
}

/// The bundled sample always loads (it is tested); this keeps the promise of
/// no panic even so, with an empty edition.
fn unreachable_sample() -> Editor {
    Editor::new(Document::propose(crate::model::Edition::default()), "—", Lang::En)
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
