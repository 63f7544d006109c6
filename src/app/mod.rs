//! The desktop editor: eframe/egui over the [`crate::edit`] core.
//!
//! The window is a thin layer. [`Editor`] holds the session (document,
//! history, selection, drafts) and is the only thing that changes the
//! document; each panel is a function of it in its own file; every command
//! comes from one table ([`Command`]) that the menus, the context menu and
//! the keyboard all read.

mod article_view;
mod commands;
mod editor;
pub mod fonts;
mod i18n;
mod line_map;
mod outline;
mod palette;
mod path_dialog;
mod settings;
mod source_view;

use std::path::{Path, PathBuf};

use egui::{RichText, Ui, ViewportCommand};

pub use commands::{Command, ROLES};
pub use editor::{Editor, Selection};
pub use i18n::{Lang, Word};
pub use settings::{Settings, Theme};

use crate::edit::Document;
use crate::load::{self, LoadError, LoadOptions};
use crate::store::{self, ExportFormat, SavedDocument, SourceProblem};
use path_dialog::{PathDialog, Purpose};

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
        let settings: Settings =
            cc.storage.and_then(|s| eframe::get_value(s, settings::KEY)).unwrap_or_default();
        let app = Self::with_settings(settings, &paths);
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

    /// Opens `paths` (pages, folders, or one saved document), replacing
    /// the session.
    pub fn open(&mut self, paths: Vec<PathBuf>) {
        let lang = self.settings.lang;
        if let [path] = paths.as_slice()
            && path.to_string_lossy().ends_with(store::EXTENSION)
        {
            return self.open_document(path.clone());
        }
        match open_edition(&paths, lang) {
            Ok(editor) => {
                self.editor = editor;
                self.doc_path = None;
                self.read_only = None;
                self.settings.remember(&paths);
                self.missing_font = None;
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{}: {e}", Word::CouldNotOpen.get(lang))),
        }
    }

    /// Opens a saved document: editable when its sources match, shown
    /// read-only with every correction when they do not.
    pub fn open_document(&mut self, path: PathBuf) {
        let lang = self.settings.lang;
        match store::open(&path) {
            Ok(restored) => {
                self.settings.remember(std::slice::from_ref(&path));
                self.error = None;
                match restored.document {
                    Some(document) => {
                        self.editor = Editor::new(document, display_name(&path), lang);
                        self.doc_path = Some(path);
                        self.read_only = None;
                    }
                    None => {
                        self.read_only =
                            Some(ReadOnly { path, saved: restored.saved, problems: restored.problems });
                    }
                }
            }
            Err(e) => self.error = Some(format!("{}: {e}", Word::CouldNotOpen.get(lang))),
        }
    }

    /// Saves to the document's path, or asks for one.
    pub fn save(&mut self) {
        self.editor.commit_drafts();
        match self.doc_path.clone() {
            Some(path) => self.save_as(path),
            None => self.path_dialog.ask(Purpose::SaveAs, self.suggested_name(store::EXTENSION)),
        }
    }

    /// Saves to `path`, which becomes the document's path.
    pub fn save_as(&mut self, path: PathBuf) {
        let lang = self.settings.lang;
        self.editor.commit_drafts();
        match store::save(&self.editor.document, &path) {
            Ok(_stamp) => {
                self.editor.history.mark_saved();
                self.editor.title = display_name(&path);
                self.editor.message = Some(format!("{}: {}", Word::Saved.get(lang), path.display()));
                self.settings.remember(std::slice::from_ref(&path));
                self.doc_path = Some(path);
            }
            Err(e) => self.error = Some(format!("{}: {e}", Word::CouldNotSave.get(lang))),
        }
    }

    /// Exports the corrected edition to `target`.
    pub fn export(&mut self, format: ExportFormat, target: &Path) {
        let lang = self.settings.lang;
        self.editor.commit_drafts();
        let saved = store::describe(&self.editor.document, &store::folder_of(target));
        match store::export(&saved, format, target, false) {
            Ok(files) => {
                self.editor.message =
                    Some(format!("{}: {} ({})", Word::Exported.get(lang), target.display(), files.len()));
            }
            Err(e) => self.error = Some(format!("{}: {e}", Word::CouldNotExport.get(lang))),
        }
    }

    /// A file name next to the first source, ending in `ending`.
    fn suggested_name(&self, ending: &str) -> String {
        let page = self.editor.document.edition.pages.first();
        let source = page.map_or_else(|| PathBuf::from("edition.txt"), |p| p.source.path.clone());
        let stem = source.file_stem().map_or_else(|| "edition".into(), |s| s.to_string_lossy().into_owned());
        source.with_file_name(format!("{stem}{ending}")).display().to_string()
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
            egui::CentralPanel::default().show(ui, |ui| read_only.show(ui, lang));
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
                Purpose::Open => self.open(paths),
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
            self.open(dropped);
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
        let unsaved = if self.editor.history.has_unsaved_changes() { " •" } else { "" };
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
        if requested && self.editor.history.has_unsaved_changes() && !self.quitting {
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
            self.open(vec![path]);
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
            let unsaved = editor.history.has_unsaved_changes();
            let state = if unsaved { Word::Unsaved } else { Word::AllSaved };
            ui.label(RichText::new(state.get(lang)).color(if unsaved {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().weak_text_color()
            }));
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

/// A saved document shown as it was saved, because its sources cannot be
/// used: every article with its corrected text, and what is wrong.
pub struct ReadOnly {
    /// The document.
    pub path: PathBuf,
    /// What it holds.
    pub saved: SavedDocument,
    /// Why it cannot be edited.
    pub problems: Vec<SourceProblem>,
}

impl ReadOnly {
    fn show(&self, ui: &mut Ui, lang: Lang) {
        ui.heading(display_name(&self.path));
        ui.label(RichText::new(Word::ReadOnly.get(lang)).color(ui.visuals().warn_fg_color));
        for problem in &self.problems {
            ui.label(RichText::new(problem.to_string()).color(ui.visuals().warn_fg_color));
        }
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.label(
                RichText::new(format!("{} ({})", Word::Corrections.get(lang), self.saved.corrections.len()))
                    .strong(),
            );
            for correction in &self.saved.corrections {
                ui.label(format!(
                    "p{} l{}: {} → {}",
                    correction.page, correction.line, correction.source, correction.text
                ));
            }
            ui.separator();
            for article in &self.saved.articles {
                for line in [&article.text.kicker, &article.text.headline, &article.text.subheadline]
                    .into_iter()
                    .flatten()
                {
                    ui.heading(line);
                }
                if let Some(byline) = &article.text.byline {
                    ui.label(RichText::new(byline).italics());
                }
                for paragraph in &article.text.paragraphs {
                    ui.label(paragraph);
                }
                ui.separator();
            }
        });
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

impl eframe::App for EditorApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::KEY, &self.settings);
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
