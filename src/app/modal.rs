//! The question on screen, at most one: [`Modal`]. Each kind shows itself
//! and returns the editor's [`Reply`] once; [`EditorApp::answer`] carries
//! the reply out with what the question was about.

use std::path::PathBuf;

use egui::{Context, RichText};

use super::EditorApp;
use super::commands::Command;
use super::goto::GoTo;
use super::i18n::{Lang, Word};
use super::palette::Palette;
use super::path_dialog::{PathDialog, Purpose};
use super::recovery_offer::{OfferChoice, RecoveryOffer};
use crate::session::{Recovered, Workspace};
use crate::store::{Restored, SourceAccess};

/// The question on screen.
pub enum Modal {
    /// A path to open, save as or export to.
    Path(PathDialog),
    /// Quit with unsaved work?
    QuitUnsaved,
    /// Open these over unsaved work?
    OpenUnsaved(Vec<PathBuf>),
    /// Save found the file changed on disk; `then` is what saving was for.
    Conflict {
        /// The file.
        path: PathBuf,
        /// What to do once saved.
        then: Option<Then>,
    },
    /// Read a document's sources outside its folder?
    Outside {
        /// The document.
        path: PathBuf,
        /// What was read without them.
        restored: Box<Restored>,
    },
    /// Work crashed sessions left.
    Recovery(RecoveryOffer),
    /// Go to line.
    GoTo(GoTo),
    /// The command palette.
    Palette(Palette),
}

/// What to do once the work is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// Quit.
    Quit,
    /// Open these.
    Open(Vec<PathBuf>),
}

/// The editor's answer.
#[derive(Clone)]
pub enum Reply {
    /// Cancel, close, decide later.
    Cancel,
    /// Save first, then go on.
    Save,
    /// Go on and lose the unsaved changes.
    LoseChanges,
    /// Save under another name.
    SaveAs,
    /// Take what is on disk, dropping this session's changes.
    Reload,
    /// Save over what is on disk.
    Overwrite,
    /// Read the sources outside the document's folder.
    ReadThem,
    /// Open the document read-only, without them.
    ReadOnly,
    /// About the recovery files on offer.
    Recovery(OfferChoice),
    /// A path was chosen.
    Path(Vec<PathBuf>),
    /// Go to this line (page and line from 0).
    Line(usize, usize),
    /// Give this command.
    Run(&'static Command),
}

impl Modal {
    /// Shows the question; the reply, once given.
    fn show(&mut self, ctx: &Context, app: &EditorApp) -> Option<Reply> {
        let lang = app.chrome.lang();
        match self {
            Modal::Path(dialog) => dialog.show(ctx, lang),
            Modal::QuitUnsaved => unsaved_question(
                ctx,
                "quit",
                (Word::QuitUnsavedTitle, Word::QuitUnsavedBody, Word::QuitAnyway),
                lang,
            ),
            Modal::OpenUnsaved(_) => unsaved_question(
                ctx,
                "open-unsaved",
                (Word::OpenUnsavedTitle, Word::OpenUnsavedBody, Word::OpenAnyway),
                lang,
            ),
            Modal::Conflict { path, .. } => question(
                ctx,
                "conflict",
                (Word::ConflictTitle, Word::ConflictBody),
                &[path.display().to_string()],
                &[
                    (Word::SaveAs, Reply::SaveAs),
                    (Word::ReloadTheirs, Reply::Reload),
                    (Word::Overwrite, Reply::Overwrite),
                    (Word::Cancel, Reply::Cancel),
                ],
                lang,
            ),
            Modal::Outside { path, restored } => {
                let mut named = vec![path.display().to_string()];
                named.extend(restored.outside_sources().iter().map(|s| s.display().to_string()));
                question(
                    ctx,
                    "outside-sources",
                    (Word::OutsideTitle, Word::OutsideBody),
                    &named,
                    &[
                        (Word::ReadThem, Reply::ReadThem),
                        (Word::OpenReadOnly, Reply::ReadOnly),
                        (Word::Cancel, Reply::Cancel),
                    ],
                    lang,
                )
            }
            Modal::Recovery(offer) => offer.show(ctx, lang).map(Reply::Recovery),
            Modal::GoTo(goto) => goto.show(ctx, lang, app.workspace.editor()),
            Modal::Palette(palette) => palette.show(ctx, app),
        }
    }
}

/// A question before going on (quitting, opening something else) would
/// lose unsaved work: save first (asking for a name if the work never had
/// one), go on and lose it, or cancel.
fn unsaved_question(
    ctx: &Context,
    id: &str,
    (title, body, go_on): (Word, Word, Word),
    lang: Lang,
) -> Option<Reply> {
    question(
        ctx,
        id,
        (title, body),
        &[],
        &[(Word::Save, Reply::Save), (go_on, Reply::LoseChanges), (Word::Cancel, Reply::Cancel)],
        lang,
    )
}

/// A question: a heading, a body, the files it is about, and buttons.
/// Escape (or a click beside it) cancels.
fn question(
    ctx: &Context,
    id: &str,
    (title, body): (Word, Word),
    files: &[String],
    buttons: &[(Word, Reply)],
    lang: Lang,
) -> Option<Reply> {
    let mut reply = None;
    let shown = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(title.get(lang));
        if let Some((first, rest)) = files.split_first() {
            ui.label(RichText::new(first).monospace());
            ui.label(body.get(lang));
            for file in rest {
                ui.label(RichText::new(file).monospace().strong());
            }
        } else {
            ui.label(body.get(lang));
        }
        ui.horizontal(|ui| {
            for (word, answer) in buttons {
                if ui.button(word.get(lang)).clicked() {
                    reply = Some(answer.clone());
                }
            }
        });
    });
    reply.or_else(|| shown.should_close().then_some(Reply::Cancel))
}

impl EditorApp {
    /// Shows the question on screen, if any, and carries out its reply.
    pub(super) fn show_modal(&mut self, ctx: &Context) {
        let Some(mut modal) = self.modal.take() else { return };
        match modal.show(ctx, self) {
            Some(reply) => self.answer_about(modal, reply),
            None => self.modal = Some(modal),
        }
    }

    /// Carries out `reply` to the question on screen (tests answer this way
    /// too, through [`super::Action::Reply`]).
    pub(super) fn answer(&mut self, reply: Reply) {
        if let Some(modal) = self.modal.take() {
            self.answer_about(modal, reply);
        }
    }

    fn answer_about(&mut self, modal: Modal, reply: Reply) {
        match (modal, reply) {
            (_, Reply::Cancel) => {}
            (Modal::QuitUnsaved, Reply::Save) => self.save_then(Some(Then::Quit)),
            (Modal::QuitUnsaved, Reply::LoseChanges) => {
                self.life.quitting = true;
                self.quit();
            }
            (Modal::OpenUnsaved(paths), Reply::Save) => self.save_then(Some(Then::Open(paths))),
            (Modal::OpenUnsaved(paths), Reply::LoseChanges) => self.open_now(paths),
            (Modal::Conflict { then, .. }, Reply::SaveAs) => {
                let suggestion = self.workspace.suggested_name(crate::store::EXTENSION);
                self.modal = Some(Modal::Path(PathDialog::new(Purpose::SaveAs(then), suggestion)));
            }
            (Modal::Conflict { path, .. }, Reply::Reload) => {
                self.open_document(&path, SourceAccess::InsideFolder)
            }
            (Modal::Conflict { path, then }, Reply::Overwrite) => {
                let saved = self.workspace.overwrite(path);
                self.after_save(saved, then);
            }
            (Modal::Outside { path, .. }, Reply::ReadThem) => {
                self.open_document(&path, SourceAccess::Anywhere)
            }
            (Modal::Outside { path, restored }, Reply::ReadOnly) => {
                self.replace_workspace(Workspace::read_only_without_outside(path, *restored));
            }
            (Modal::Recovery(offer), Reply::Recovery(choice)) => self.recovery_choice(offer, choice),
            (Modal::Path(dialog), Reply::Path(mut paths)) => match dialog.purpose() {
                Purpose::Open => self.apply(super::Action::Open(paths)),
                Purpose::SaveAs(then) => {
                    if let Some(path) = paths.pop() {
                        self.save_as(path, then);
                    }
                }
                Purpose::Model => self.use_model(paths.pop()),
                Purpose::Export(format) => {
                    if let Some(path) = paths.pop() {
                        self.export(format, &path);
                    }
                }
            },
            (Modal::GoTo(_), Reply::Line(page, line)) => self.select(|e| e.select_line(page, line)),
            (Modal::Palette(_), Reply::Run(command)) => self.apply(super::Action::Command(command)),
            _ => {}
        }
    }

    fn open_document(&mut self, path: &std::path::Path, access: SourceAccess) {
        let lang = self.chrome.lang();
        match Workspace::open_document(path, access, Some(&mut self.workspace)) {
            Ok(opened) => {
                self.chrome.settings.remember(&[path.to_owned()]);
                self.show_opened(opened);
            }
            Err(e) => self.chrome.notice = Some(format!("{}: {e}", Word::CouldNotOpen.get(lang))),
        }
    }

    /// Offers the recovery files crashed sessions left, if there are any;
    /// with `announce`, says so when there are none.
    pub fn look_for_recovery(&mut self, announce: bool) {
        let Some((orphans, damaged)) = self.life.recovery.orphans() else { return };
        match RecoveryOffer::new(orphans, damaged) {
            Some(offer) => self.modal = Some(Modal::Recovery(offer)),
            None if announce => {
                self.chrome.status = Some(Word::NothingToRecover.get(self.chrome.lang()).to_owned());
            }
            None => {}
        }
    }

    fn recovery_choice(&mut self, mut offer: RecoveryOffer, choice: OfferChoice) {
        let discarded = match choice {
            OfferChoice::Recover(index) if index < offer.orphans.len() => {
                let orphan = offer.orphans.remove(index);
                drop(offer); // the others stay on disk for later
                return self.recover(orphan);
            }
            OfferChoice::Discard(index) if index < offer.orphans.len() => {
                offer.orphans.remove(index).discard()
            }
            OfferChoice::DiscardDamaged(index) if index < offer.damaged.len() => {
                offer.damaged.remove(index).discard()
            }
            _ => return,
        };
        if let Err(e) = discarded {
            self.chrome.notice = Some(e.to_string());
        }
        if !offer.orphans.is_empty() || !offer.damaged.is_empty() {
            self.modal = Some(Modal::Recovery(offer));
        }
    }

    fn recover(&mut self, orphan: crate::recovery::Orphan) {
        let lang = self.chrome.lang();
        match self.life.recovery.recover(&mut self.workspace, orphan) {
            Ok(Recovered::Editable { warning }) => {
                self.panels = super::Panels::default();
                self.chrome.forget_workspace();
                self.chrome.status = Some(Word::Recovered.get(lang).to_owned());
                self.chrome.notice = warning;
            }
            Ok(Recovered::ReadOnly) => {
                self.panels = super::Panels::default();
                self.chrome.forget_workspace();
            }
            Ok(Recovered::Refused) => {
                // Recovering replaces the session: never over work of its own.
                self.chrome.notice = Some(Word::SaveBeforeRecovering.get(lang).to_owned());
            }
            Err(e) => self.chrome.notice = Some(format!("{}: {e}", Word::CouldNotRecover.get(lang))),
        }
    }
}
