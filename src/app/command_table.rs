//! The rows of the command table (see [`super::commands`]), in menu
//! order, and the small functions some of them call. One row a command:
//!
//! `id  English  Chinese  [shortcuts]  menu group  when  => does;`

use egui::Key;

use super::EditorApp;
use super::commands::{Command, Does, Here, Menu, alt, alt_shift, bare, ctrl, ctrl_shift, shift};
use crate::edit::{Edit, commands, render_block};
use crate::model::Role;
use crate::store::ExportFormat;

macro_rules! commands {
    ($($id:literal $en:literal $zh:literal [$($key:expr),*] $menu:ident $group:literal $when:ident
        => $does:expr;)*) => {
        /// Every command, in menu order.
        pub static COMMANDS: &[Command] = &[$(Command {
            id: $id,
            en: $en,
            zh: $zh,
            keys: &[$($key),*],
            menu: Menu::$menu,
            group: $group,
            available: $when,
            does: $does,
        }),*];
    };
}

commands! {
    "open" "Open…" "打开…" [ctrl(Key::O)] File 0 always => Does::Run(EditorApp::ask_open);
    "save" "Save" "保存" [ctrl(Key::S)] File 0 editing => Does::Run(EditorApp::save);
    "save_as" "Save as…" "另存为…" [ctrl_shift(Key::S)] File 0 editing => Does::Run(EditorApp::ask_save_as);
    "export_text" "Export as text…" "导出为文本…" [] Export 0 editing
        => Does::Run(|app| app.ask_export(ExportFormat::Text));
    "export_markdown" "Export as Markdown…" "导出为 Markdown…" [] Export 0 editing
        => Does::Run(|app| app.ask_export(ExportFormat::Markdown));
    "export_ninjs" "Export as IPTC ninjs…" "导出为 IPTC ninjs…" [] Export 0 editing
        => Does::Run(|app| app.ask_export(ExportFormat::Ninjs));
    "export_json" "Export as JSON…" "导出为 JSON…" [] Export 0 editing
        => Does::Run(|app| app.ask_export(ExportFormat::Json));
    "recover" "Recover unsaved work…" "恢复未保存的工作…" [] File 1 keeps_recovery
        => Does::Run(|app| app.look_for_recovery(true));
    "quit" "Quit" "退出" [ctrl(Key::Q)] File 2 always => Does::Run(EditorApp::quit);

    "undo" "Undo" "撤销" [ctrl(Key::Z)] Edit 0 editing => Does::Run(EditorApp::undo);
    "redo" "Redo" "重做" [ctrl_shift(Key::Z), ctrl(Key::Y)] Edit 0 editing => Does::Run(EditorApp::redo);

    "new_article" "Start new article at line" "从此行开始新稿件" [alt(Key::N)] Split 0 editing
        => Does::Edit(|h| at_line(h, commands::start_article_at));
    "merge_previous" "Merge with previous article" "与上一篇合并" [alt(Key::M)] Split 0 editing
        => Does::Edit(|h| commands::merge_article(h.editor.document(), h.editor.selection().article?, true));
    "merge_next" "Merge with next article" "与下一篇合并" [alt_shift(Key::M)] Split 0 editing
        => Does::Edit(|h| commands::merge_article(h.editor.document(), h.editor.selection().article?, false));
    "boundary_up" "Move boundary up a line" "边界上移一行" [alt(Key::ArrowUp)] Split 0 editing
        => Does::Edit(|h| commands::move_boundary(h.editor.document(), h.editor.selection().article?, true));
    "boundary_down" "Move boundary down a line" "边界下移一行" [alt(Key::ArrowDown)] Split 0 editing
        => Does::Edit(|h| commands::move_boundary(h.editor.document(), h.editor.selection().article?, false));
    "mark_noise" "Mark line as noise" "标为噪声" [alt(Key::X)] Split 1 editing
        => Does::Edit(|h| at_line(h, |d, page, line| commands::set_noise(d, page, line..line + 1, true)));
    "unmark_noise" "Bring line back from noise" "恢复为正文" [alt_shift(Key::X)] Split 1 editing
        => Does::Edit(|h| at_line(h, |d, page, line| commands::set_noise(d, page, line..line + 1, false)));
    "join_paragraph" "Join paragraph with previous" "与上一段合并" [alt(Key::J)] Split 2 editing
        => Does::Edit(join_paragraph);
    "split_paragraph" "Split paragraph at cursor" "在光标处拆分段落" [alt(Key::K)] Split 2 editing
        => Does::Edit(split_paragraph);

    "role_kicker" "Kicker" "引题" [alt(Key::Num1)] Role 0 editing => Does::Edit(|h| role(h, Role::Kicker));
    "role_headline" "Headline" "主题" [alt(Key::Num2)] Role 0 editing => Does::Edit(|h| role(h, Role::Headline));
    "role_subheadline" "Subheadline" "副题" [alt(Key::Num3)] Role 0 editing
        => Does::Edit(|h| role(h, Role::Subheadline));
    "role_byline" "Byline" "作者" [alt(Key::Num4)] Role 0 editing => Does::Edit(|h| role(h, Role::Byline));
    "role_body" "Body" "正文" [alt(Key::Num5)] Role 0 editing => Does::Edit(|h| role(h, Role::Body));
    "role_caption" "Caption" "图片说明" [alt(Key::Num6)] Role 0 editing => Does::Edit(|h| role(h, Role::Caption));
    "role_advertisement" "Advertisement" "广告" [alt(Key::Num7)] Role 0 editing
        => Does::Edit(|h| role(h, Role::Advertisement));
    "swap_kicker_headline" "Swap kicker and headline" "互换引题与主题" [alt(Key::S)] Role 1 editing
        => Does::Edit(|h| commands::swap_kicker_headline(h.editor.document(), h.editor.selection().article?));

    "toggle_diff" "Show changes against source" "显示与原文的差异" [bare(Key::F7)] View 0 editing
        => Does::Run(|app| app.panels.article.toggle_diff());
    "next_article" "Next article" "下一篇" [alt(Key::PageDown)] View 0 editing
        => Does::Run(|app| app.step_article(true));
    "previous_article" "Previous article" "上一篇" [alt(Key::PageUp)] View 0 editing
        => Does::Run(|app| app.step_article(false));
    "next_uncertain" "Next uncertain boundary" "下一个存疑边界" [alt(Key::B)] View 0 editing
        => Does::Run(EditorApp::next_uncertain);
    "go_to_line" "Go to line…" "转到行…" [ctrl(Key::G)] View 1 editing => Does::Run(EditorApp::ask_line);
    "text_larger" "Larger text" "放大文字" [ctrl(Key::Plus), ctrl(Key::Equals)] View 2 always
        => Does::Run(|app| app.chrome.step_text_size(1));
    "text_smaller" "Smaller text" "缩小文字" [ctrl(Key::Minus)] View 2 always
        => Does::Run(|app| app.chrome.step_text_size(-1));
    "text_reset" "Default text size" "默认文字大小" [ctrl(Key::Num0)] View 2 always
        => Does::Run(|app| app.chrome.step_text_size(0));
    "palette" "Command palette…" "命令面板…" [ctrl_shift(Key::P)] View 3 always
        => Does::Run(EditorApp::ask_command);

    "find" "Find…" "查找…" [ctrl(Key::F)] Review 0 editing => Does::Run(|app| app.panels.find.open(false, None));
    "find_next" "Find next" "查找下一个" [bare(Key::F3)] Review 0 editing => Does::Run(|app| app.find_step(true));
    "find_previous" "Find previous" "查找上一个" [shift(Key::F3)] Review 0 editing
        => Does::Run(|app| app.find_step(false));
    "replace" "Replace…" "替换…" [ctrl(Key::H)] Review 0 editing => Does::Run(EditorApp::open_replace);
    "next_suspect" "Next suspect" "下一个疑点" [bare(Key::F8)] Review 1 editing
        => Does::Run(|app| app.step_suspect(true));
    "previous_suspect" "Previous suspect" "上一个疑点" [shift(Key::F8)] Review 1 editing
        => Does::Run(|app| app.step_suspect(false));
    "accept_suspect" "Accept suspect's correction" "接受疑点的修改" [alt(Key::A)] Review 1 editing
        => Does::Run(EditorApp::accept_suspect);
    "accept_alike_suspects" "Accept all broken words (or series) in the article" "接受本篇全部断词（或同类错误）" [alt_shift(Key::A)] Review 1 editing
        => Does::Run(EditorApp::accept_alike_suspects);
    "dismiss_suspect" "Dismiss suspect" "忽略疑点" [alt(Key::D)] Review 1 editing
        => Does::Run(EditorApp::dismiss_suspect);
    "mark_reviewed" "Mark reviewed, go to next unreviewed" "标为已审并转到下一篇未审" [alt(Key::R)] Review 2 editing
        => Does::Run(EditorApp::mark_reviewed);

    "line_down" "Next line" "下一行" [bare(Key::ArrowDown)] Keys 0 editing => Does::Select(|h| step(h, 1));
    "line_up" "Previous line" "上一行" [bare(Key::ArrowUp)] Keys 0 editing => Does::Select(|h| step(h, -1));
    "page_down" "Page down" "向下翻页" [bare(Key::PageDown)] Keys 0 editing
        => Does::Select(|h| step(h, h.page_rows.max(1) as isize));
    "page_up" "Page up" "向上翻页" [bare(Key::PageUp)] Keys 0 editing
        => Does::Select(|h| step(h, -(h.page_rows.max(1) as isize)));
    "first_line" "First line of the page" "本版第一行" [bare(Key::Home)] Keys 0 editing
        => Does::Select(|h| Some((h.editor.selection().page, 0)));
    "last_line" "Last line of the page" "本版最后一行" [bare(Key::End)] Keys 0 editing
        => Does::Select(|h| Some((h.editor.selection().page, usize::MAX)));
}

/// Always available.
fn always(_: &EditorApp) -> bool {
    true
}

/// Available while an edition can be edited (not a read-only document).
fn editing(app: &EditorApp) -> bool {
    app.workspace.editor().is_some()
}

/// Available when there is a recovery folder to look in.
fn keeps_recovery(app: &EditorApp) -> bool {
    app.life.recovery.has_folder()
}

/// An edit at the selected line.
fn at_line(here: &Here<'_>, edit: fn(&crate::edit::Document, usize, usize) -> Option<Edit>) -> Option<Edit> {
    let selection = here.editor.selection();
    edit(here.editor.document(), selection.page, selection.line)
}

/// The selected line's block gets `role`.
fn role(here: &Here<'_>, role: Role) -> Option<Edit> {
    commands::set_role(here.editor.document(), here.editor.selected_block()?, role)
}

/// The paragraph being typed in (else the selected line's) joins the one before.
fn join_paragraph(here: &Here<'_>) -> Option<Edit> {
    let block = here.cursor.map(|c| c.0).or_else(|| here.editor.selected_block())?;
    commands::join_with_previous(here.editor.document(), block)
}

/// The paragraph being typed in splits at the text cursor.
fn split_paragraph(here: &Here<'_>) -> Option<Edit> {
    let (index, at) = here.cursor?;
    let document = here.editor.document();
    let rendered = render_block(&document.edition, &document.corrections, document.split.blocks.get(index)?);
    let offset = rendered.marks.get(at)?.anchor();
    commands::split_at(document, index, offset)
}

/// The line `delta` lines from the selected one, on its page.
fn step(here: &Here<'_>, delta: isize) -> Option<(usize, usize)> {
    let selection = here.editor.selection();
    Some((selection.page, selection.line.saturating_add_signed(delta)))
}
