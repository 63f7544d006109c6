//! The window's words, in Simplified Chinese and English. Every label the
//! window shows comes from here, so each has both.

use serde::{Deserialize, Serialize};

/// The language the window speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhHans,
}

impl Lang {
    /// The language of the system locale: Chinese for any `zh` locale.
    pub fn from_system() -> Self {
        match sys_locale::get_locale() {
            Some(locale) if locale.to_ascii_lowercase().starts_with("zh") => Lang::ZhHans,
            _ => Lang::En,
        }
    }

    /// The language's own name, for the settings menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
        }
    }
}

/// Defines the words and their two translations in one table.
macro_rules! words {
    ($($name:ident => $en:literal, $zh:literal;)*) => {
        /// A word or phrase of the window.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Word { $($name),* }

        impl Word {
            /// Every word, for tests that check both translations exist.
            pub const ALL: &'static [Word] = &[$(Word::$name),*];

            /// The word in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Word::$name, Lang::En) => $en, (Word::$name, Lang::ZhHans) => $zh,)*
                }
            }
        }
    };
}

words! {
    File => "File", "文件";
    Edit => "Edit", "编辑";
    Split => "Split", "分篇";
    Role => "Role", "角色";
    View => "View", "视图";
    Settings => "Settings", "设置";
    Open => "Open…", "打开…";
    OpenRecent => "Open recent", "最近打开";
    NoRecent => "No recent files", "没有最近的文件";
    Language => "Language", "语言";
    Theme => "Theme", "主题配色";
    Light => "Light", "浅色";
    Dark => "Dark", "深色";
    FollowSystem => "Follow system", "跟随系统";
    SplitModel => "Split model", "分篇模型";
    BuiltinModel => "Built-in model", "内置模型";
    ModelFile => "Model file…", "模型文件…";
    ModelTitle => "Choose a split model", "选择分篇模型";
    ModelPathHint => "Path to a model file (made by copydesk train)", "模型文件的路径（由 copydesk train 生成）";
    UseModel => "Use", "使用";
    ModelInUse => "New pages are split with", "新打开的版面将用此模型分篇";
    ModelNotUsed => "The built-in split model is used", "改用内置分篇模型";
    UncertainBoundary => "uncertain boundary", "存疑边界";
    Confidence => "confidence", "置信度";
    StartProposed => "an article starts here", "此处起新稿件";
    StartNotProposed => "no article starts here", "此处未分篇";
    NoUncertainBoundary => "No uncertain boundaries: the model was sure everywhere, or the document was saved (the proposal's confidences are known for pages opened in this session)", "没有存疑边界：模型处处确定，或这是已保存的文档（只有本次打开的版面才有分篇置信度）";
    FollowSystemLanguage => "Follow the system's language", "跟随系统语言";
    Kicker => "Kicker", "引题";
    Headline => "Headline", "主题";
    Subheadline => "Subheadline", "副题";
    Rubric => "Rubric", "栏目";
    Byline => "Byline", "作者";
    Body => "Body", "正文";
    Caption => "Caption", "图片说明";
    Advertisement => "Advertisement", "广告";
    Noise => "Noise", "噪声";
    Source => "Source", "原文";
    Articles => "Articles", "稿件";
    Article => "Article", "稿件";
    NoArticle => "Select a line or an article to edit it.", "选择一行或一篇稿件进行编辑。";
    Page => "Page", "版";
    Encoding => "Encoding", "编码";
    Unsaved => "unsaved changes", "有未保存的修改";
    AllSaved => "no changes", "无修改";
    FromDateline => "from the dateline", "取自电头";
    OpenTitle => "Open pages", "打开版面";
    OpenPathHint => "Path to a page, a form-feed file or a folder", "版面文件、分页文件或文件夹的路径";
    Browse => "Browse…", "浏览…";
    Save => "Save", "保存";
    SaveAs => "Save as…", "另存为…";
    SaveAsTitle => "Save the document", "保存文档";
    SavePathHint => "Path of the document (*.copydesk.json)", "文档路径（*.copydesk.json）";
    Export => "Export…", "导出…";
    ExportTitle => "Export the corrected edition", "导出校对后的版面";
    ExportPathHint => "Folder for text files, or the file to write", "文本导出的文件夹，或要写入的文件";
    Saved => "Saved", "已保存";
    Corrections => "Corrections", "修改";
    ReadOnlyShort => "read-only", "只读";
    Exported => "Exported", "已导出";
    CouldNotSave => "Could not save", "无法保存";
    OutsideTitle => "Read pages from outside the document's folder?", "读取文档文件夹以外的版面？";
    OutsideBody => "This document reads its pages from these files outside its own folder. Read them only if you trust where the document came from:", "此文档要从其所在文件夹以外的下列文件读取版面。只有在信任文档来源时才读取：";
    ReadThem => "Read them", "读取";
    OpenReadOnly => "Open read-only", "以只读方式打开";
    CouldNotExport => "Could not export", "无法导出";
    ReadOnly => "Read-only: the sources of this document cannot be used, so it is shown as saved, with every correction.", "只读：本文档的原文不可用，以下按保存时的内容显示，所有修改均保留。";
    Cancel => "Cancel", "取消";
    Close => "Close", "关闭";
    QuitUnsavedTitle => "Quit without saving?", "不保存就退出？";
    QuitUnsavedBody => "Your changes to this edition are not saved. Quit anyway and lose them?", "本期的修改尚未保存。仍要退出并放弃这些修改吗？";
    QuitAnyway => "Quit and lose changes", "退出并放弃修改";
    MissingFont => "No installed font can show this text, so it appears as boxes. On Debian or Ubuntu install a CJK font: sudo apt install fonts-noto-cjk", "系统中没有能显示这些文字的字体，文字会显示为方框。Debian/Ubuntu 可安装中日韩字体：sudo apt install fonts-noto-cjk";
    DiffTitle => "Changes against the source", "与原文的差异";
    NoChanges => "No corrections in this article.", "本稿件没有修改。";
    CouldNotOpen => "Could not open", "无法打开";
    Undone => "Undone", "已撤销";
    Redone => "Redone", "已重做";
    NothingToUndo => "Nothing to undo", "没有可撤销的操作";
    NothingToRedo => "Nothing to redo", "没有可重做的操作";
    NotHere => "That command does not apply here", "此处不能执行该命令";
    RecoveryTitle => "Unsaved work from an earlier session", "上次未保存的工作";
    RecoveryBody => "Copydesk ended without saving this work (a crash or a power cut). Recover it now, decide later (it is kept), or discard it.", "Copydesk 上次在保存前意外结束（崩溃或断电）。可以现在恢复、稍后决定（文件会保留）或丢弃。";
    Recover => "Recover", "恢复";
    DecideLater => "Decide later", "稍后决定";
    Discard => "Discard…", "丢弃…";
    DiscardForGood => "Discard for good", "确认丢弃";
    DamagedRecovery => "This recovery file cannot be read", "无法读取此恢复文件";
    Recovered => "Recovered unsaved work; save it to keep it", "已恢复未保存的工作，请保存";
    CouldNotRecover => "Could not recover", "无法恢复";
    RecoveryFailed => "Could not write the recovery file", "无法写入恢复文件";
    ConflictTitle => "The document changed on disk", "文档已在磁盘上被修改";
    ConflictBody => "Someone else, or another program, saved this file after you opened or last saved it. Saving here now would overwrite their work.", "在你打开或上次保存之后，其他人或其他程序保存了这个文件。现在保存会覆盖他们的修改。";
    Overwrite => "Overwrite it", "覆盖";
    ReloadTheirs => "Reload theirs (lose my changes)", "重新载入（放弃我的修改）";
    EditAnyway => "Edit anyway", "仍然编辑";
    LockedReadOnly => "Opened read-only, because someone else has this document open:", "已只读打开，因为其他人正在编辑此文档：";
    OpenUnsavedTitle => "Open without saving?", "不保存就打开？";
    OpenUnsavedBody => "Your changes to this edition are not saved. Open the other file anyway and lose them?", "本期的修改尚未保存。仍要打开其他文件并放弃这些修改吗？";
    OpenAnyway => "Open and lose changes", "打开并放弃修改";
    SaveBeforeRecovering => "Save the work you have open first; the unsaved work stays on offer (File ▸ Recover unsaved work…).", "请先保存当前的工作；未保存的工作会保留（文件 ▸ 恢复未保存的工作…）。";
    NothingToRecover => "There is no unsaved work from earlier sessions", "没有以前未保存的工作";
    NeverSaved => "never saved", "从未保存";
    Written => "written", "写于";
    GoToLineHint => "Line number (or page:line)", "行号（或 版:行）";
    NoSuchLine => "There is no such line", "没有这一行";
    Go => "Go", "转到";
    PaletteHint => "Type to find a command", "输入以查找命令";
    TextSize => "Text size", "文字大小";
    SettingsDamaged => "Settings could not be read, so the defaults are used", "无法读取设置，已使用默认设置";
    Review => "Review", "校对";
    Find => "Find", "查找";
    Replace => "Replace", "替换";
    KindSeries => "same as an earlier correction", "与已改之处相同";
    KindLookAlike => "look-alike character", "形近字";
    KindBroken => "word broken at a line end", "行末断词";
    KindUnknown => "not in the word list", "词表中没有";
    FindHint => "Text to find (a single character will do)", "要查找的文字（一个字也可以）";
    ReplaceWith => "Replace with", "替换为";
    MatchCase => "Match case", "区分大小写";
    WholeWord => "Whole word", "全词";
    Regex => "Regular expression", "正则表达式";
    InSource => "In the source", "在原文中";
    ReplaceChecked => "Replace checked", "替换选中的";
    Replaced => "Replaced", "已替换";
    Hits => "hits", "处";
    NoHits => "No hits", "没有找到";
    SetAside => "Set aside", "已剔除";
    Suspect => "Suspect", "疑点";
    Accept => "Accept", "接受";
    AcceptAlike => "All like it in the article", "本篇同类全部接受";
    OneByOne => "A guessed correction: accept these one by one", "推测的修改，请逐个接受";
    Dismiss => "Dismiss", "忽略";
    Accepted => "Accepted", "已接受";
    Dismissed => "Dismissed", "已忽略";
    NoSuspects => "No suspects left", "没有剩余疑点";
    Flagging => "Looking for suspects…", "正在查找疑点…";
    Reviewed => "Reviewed", "已审";
    AllReviewed => "Every article is reviewed", "所有稿件都已审过";
    SeriesHint => "The same error elsewhere: Ctrl+H replaces it everywhere", "其他地方的同样错误：Ctrl+H 可全部替换";
}

/// The word naming a role.
pub fn role_word(role: crate::model::Role) -> Word {
    use crate::model::Role;
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

/// How long ago `seconds` (since 1970) was: "3 min ago", "3分钟前".
pub fn time_ago(lang: Lang, seconds: u64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let minutes = now.saturating_sub(seconds) / 60;
    match (lang, minutes) {
        (Lang::En, 0) => "less than a minute ago".to_owned(),
        (Lang::En, 1..=119) => format!("{minutes} min ago"),
        (Lang::En, _) => format!("{} h ago", minutes / 60),
        (Lang::ZhHans, 0) => "不到一分钟前".to_owned(),
        (Lang::ZhHans, 1..=119) => format!("{minutes}分钟前"),
        (Lang::ZhHans, _) => format!("{}小时前", minutes / 60),
    }
}

/// "12 of 40 articles reviewed · 37 suspects left" / "已审 12/40 篇 · 剩余 37 处疑点";
/// the suspects part is left out while they are being computed.
pub fn review_progress(lang: Lang, reviewed: usize, articles: usize, suspects: Option<usize>) -> String {
    match (lang, suspects) {
        (Lang::En, Some(n)) => format!("{reviewed} of {articles} articles reviewed · {n} suspects left"),
        (Lang::En, None) => format!("{reviewed} of {articles} articles reviewed"),
        (Lang::ZhHans, Some(n)) => format!("已审 {reviewed}/{articles} 篇 · 剩余 {n} 处疑点"),
        (Lang::ZhHans, None) => format!("已审 {reviewed}/{articles} 篇"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_translations() {
        for word in Word::ALL {
            let (en, zh) = (word.get(Lang::En), word.get(Lang::ZhHans));
            assert!(!en.is_empty() && !zh.is_empty(), "{word:?}");
            assert_ne!(en, zh, "{word:?} is not translated");
        }
    }
}
