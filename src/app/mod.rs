//! The desktop editor: eframe/egui over the [`crate::session`].
//!
//! The window shows the session and turns clicks and keys into
//! [`Action`]s, which [`EditorApp::apply`] carries out in one place. What
//! is open is a [`Workspace`]; the question on screen, if any, is one
//! [`modal::Modal`]; each panel owns what it alone needs (scroll targets,
//! the text cursor, the diff toggle, caches) and returns actions; every
//! command is a row of one table ([`commands::COMMANDS`]) that the menus,
//! the context menu, the keyboard and the command palette read.

mod action;
mod article_view;
mod bars;
mod chrome;
mod colours;
mod command_table;
pub mod commands;
mod diff_cache;
mod find_panel;
pub mod fonts;
mod goto;
mod highlights;
mod i18n;
mod lifecycle;
mod modal;
mod outline;
mod palette;
mod path_dialog;
mod read_only;
mod recovery_offer;
mod review;
mod review_commands;
pub mod settings;
mod signals;
mod source_view;
mod split_model;

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

pub use action::Action;
pub use article_view::ArticleView;
pub use i18n::{Lang, Word};
pub use modal::Reply;
pub use settings::{LangChoice, Settings, Theme};
pub use split_model::SplitModel;

use chrome::Chrome;
use lifecycle::Lifecycle;
use modal::Modal;
use outline::Outline;
use source_view::SourceView;

use crate::session::{Editor, Workspace};

/// The window.
pub struct EditorApp {
    /// What is open.
    workspace: Workspace,
    /// The question on screen, if any.
    modal: Option<Modal>,
    /// What each panel alone needs.
    panels: Panels,
    /// Settings, title, status and notice.
    chrome: Chrome,
    /// Recovery, signals and the window's end.
    life: Lifecycle,
}

/// The panels' own state.
pub struct Panels {
    /// The raw source.
    source: SourceView,
    /// The list of articles.
    outline: Outline,
    /// The selected article.
    article: ArticleView,
    /// Find and replace.
    find: find_panel::FindPanel,
    /// Suspects and their walk.
    review: review::Review,
}

impl Default for Panels {
    /// Fresh panels bring the selection into view on their first frame:
    /// egui may have restored their scroll offsets from the last run, far
    /// from the line selected now.
    fn default() -> Self {
        let mut panels = Self {
            source: SourceView::default(),
            outline: Outline::default(),
            article: ArticleView::default(),
            find: find_panel::FindPanel::default(),
            review: review::Review::default(),
        };
        panels.reveal_selection();
        panels
    }
}

impl Panels {
    /// Every panel brings the selection into view on its next frame.
    fn reveal_selection(&mut self) {
        self.source.reveal();
        self.outline.reveal();
        self.article.reveal();
    }
}

impl EditorApp {
    /// Starts the window on `paths` (the sample when empty), with the
    /// settings kept on disk.
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
            app.chrome.kept_in(path);
        }
        if let Some(problem) = problem {
            app.chrome.notice = Some(format!("{}: {problem}", Word::SettingsDamaged.get(app.chrome.lang())));
        }
        if let Some(folder) = crate::recovery::default_folder() {
            app = app.with_recovery(crate::recovery::RecoveryFolder::new(folder));
        }
        app.ending_on_signals(&cc.egui_ctx)
    }

    /// The window's state without a real window (tests, benchmarks):
    /// the sample edition, then `paths` if there are any.
    pub fn with_settings(settings: Settings, paths: &[PathBuf]) -> Self {
        let (model, problem) = split_model::SplitModel::load(settings.model.as_deref());
        let mut chrome = Chrome::new(settings);
        chrome.model = model;
        let mut app = Self {
            workspace: Workspace::sample_with(chrome.model.get()),
            modal: None,
            panels: Panels::default(),
            chrome,
            life: Lifecycle::default(),
        };
        if !paths.is_empty() {
            app.open_now(paths.to_vec());
        }
        if let Some(problem) = problem {
            let lang = app.chrome.lang();
            app.chrome.notice = Some(format!("{}: {problem}", Word::ModelNotUsed.get(lang)));
        }
        app
    }

    /// What is open.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The edition being edited (`None` while a document is shown read-only).
    pub fn editor(&self) -> Option<&Editor> {
        self.workspace.editor()
    }

    /// The saved document's path, if any.
    pub fn document_path(&self) -> Option<&Path> {
        self.workspace.path()
    }

    /// The remembered preferences.
    pub fn settings(&self) -> &Settings {
        &self.chrome.settings
    }

    /// The article panel's own state.
    pub fn article_view(&self) -> &ArticleView {
        &self.panels.article
    }

    /// Waits until the suspects of the document as it is are computed
    /// (they are computed off the window's thread; tests wait for them).
    pub fn wait_for_suspects(&mut self) {
        if let Some(editor) = self.workspace.editor() {
            self.panels.review.wait(editor);
        }
    }

    /// The suspects left, once computed.
    pub fn suspects_left(&self) -> Option<usize> {
        self.panels.review.suspects_left()
    }

    /// The suspect walked to with F8, if any.
    pub fn current_suspect(&self) -> Option<&crate::suspects::Suspect> {
        self.panels.review.current()
    }

    /// The number of hits of the find panel's query.
    pub fn find_hits(&self) -> usize {
        self.panels.find.hit_count()
    }

    /// The error the window shows, if any.
    pub fn error(&self) -> Option<&str> {
        self.chrome.notice.as_deref()
    }

    /// Draws one frame and carries out what it was asked.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.chrome.apply_style(&ctx);
        self.handle_shortcuts(&ctx);
        self.handle_dropped_files(&ctx);
        self.chrome.check_fonts(&ctx, &self.workspace);
        self.handle_close(&ctx);

        if let Some(editor) = self.workspace.editor()
            && self.panels.review.poll(editor)
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
        let mut actions = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut actions));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if let Some(notice) = self.chrome.notice() {
            egui::Panel::top("notice").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
                    if ui.small_button(Word::Close.get(self.chrome.lang())).clicked() {
                        actions.push(Action::DismissNotice);
                    }
                });
            });
        }
        self.panels(ui, &mut actions);
        self.show_modal(&ctx);
        if !actions.is_empty() {
            for action in actions {
                self.apply(action);
            }
            ctx.request_repaint();
        }
        self.chrome.update_title(&ctx, &self.workspace);
        self.keep_recovery(&ctx);
        self.end_if_signalled(&ctx);
    }

    fn panels(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let lang = self.chrome.lang();
        let Panels { source, outline, article, find, review } = &mut self.panels;
        let editor = match &self.workspace {
            Workspace::ReadOnly(read_only) => {
                egui::CentralPanel::default().show(ui, |ui| read_only::show(ui, read_only, lang, actions));
                return;
            }
            Workspace::Editing { editor, .. } => editor,
        };
        if find.is_open() {
            egui::Panel::right("find").resizable(true).default_size(420.0).min_size(280.0).show(ui, |ui| {
                find.ui(ui, editor, lang, actions);
            });
        }
        review.update_highlights(editor);
        let mut layers = highlights::Layers::default();
        layers.0.extend(review.highlights());
        layers.0.extend(find.highlights());
        egui::Panel::left("source")
            .resizable(true)
            .default_size(ui.available_width() * 0.5)
            .min_size(240.0)
            .show(ui, |ui| {
                ui.heading(Word::Source.get(lang));
                source.ui(ui, editor, &layers, lang, actions);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::Panel::top("outline").resizable(true).default_size(200.0).show(ui, |ui| {
                outline.ui(ui, editor, lang, actions);
            });
            review.bar(ui, lang, actions);
            article.ui(ui, editor, &layers, lang, actions);
        });
    }

    /// Gives the commands whose shortcuts were pressed. None while a
    /// question is on screen; keys that move in text only while no field
    /// has the keyboard.
    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() {
            return;
        }
        let typing = ctx.text_edit_focused();
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for (shortcut, command) in commands::in_matching_order() {
                let moves = commands::moves_in_text(shortcut);
                if moves && (typing || !(command.available)(self)) {
                    continue;
                }
                if input.consume_shortcut(shortcut) {
                    fired.push((*command, moves));
                }
            }
        });
        for (command, moves) in fired {
            if moves {
                // The keys are the selection's now, not egui's focus's.
                ctx.memory_mut(|m| m.focused().map(|id| m.surrender_focus(id)));
            }
            self.apply(Action::Command(command));
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if !dropped.is_empty() {
            self.apply(Action::Open(dropped));
        }
    }
}

impl eframe::App for EditorApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.guarded(|app| app.show(ui));
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.chrome.store_settings();
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
