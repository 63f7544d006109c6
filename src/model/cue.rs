//! Why the segmenter gave a block its role: one value per newspaper
//! convention, so that the window can explain each proposal in the editor's
//! language and tests can check which rule fired.

use serde::{Deserialize, Serialize};

/// The convention behind a block's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// Short lines above the first article carrying dates, issue numbers,
    /// weather, hotlines or the paper's name.
    Masthead,
    /// A line of OCR debris (stray symbols, no real words), or a run of them.
    Debris,
    /// A page number, editor credit or jump line ("转第2版", "Continued on").
    Furniture,
    /// A run of short title-like lines with no text: a contents box or index.
    List,
    /// A short line without closing punctuation before text: a title line.
    TitleLine,
    /// A title line that ends in a lead-in ("…时指出", "…表示").
    LeadIn,
    /// A short label right after the headline: a column rubric.
    Rubric,
    /// A line opening with a dash ("——"): the Chinese subheadline mark.
    DashSubheadline,
    /// A further title line below the headline.
    Deck,
    /// A headline and subheadline that OCR ran into one long line.
    RunTogetherTitles,
    /// A byline line: 记者, 通讯员, 评论员, `By NAME`.
    BylineLine,
    /// A name signed at the end of an article (`W. J. BRYAN.`).
    Signature,
    /// A photo caption marker (图为, 摄, `Photo by`).
    CaptionMarker,
    /// Running text; lines rejoined where a column broke a paragraph.
    Paragraph,
    /// A paragraph that opens with a dateline (本报讯, 新华社电, `WASHINGTON —`).
    Dateline,
    /// Text that resumes an article interrupted by another item.
    Continuation,
    /// A numbered heading inside an article ("一、", "(二)").
    Crosshead,
    /// A line closing an article: a dateline or the writer in brackets at
    /// the end ((新华社北京3月5日电)), an editor's sign-off (——编者), (完).
    Closing,
    /// Prices, telephone numbers and the words of selling.
    Advertisement,
    /// The line's shape against its column and its neighbours.
    Layout,
    /// Set by the editor.
    Editor,
}

impl Cue {
    /// A short English explanation, as the JSON contract's `reason`.
    pub fn describe(self) -> &'static str {
        match self {
            Cue::Masthead => {
                "masthead: short lines above the first article with dates, numbers, weather or the paper's name"
            }
            Cue::Debris => "OCR debris: no real words",
            Cue::Furniture => "page furniture: page number, editor credit or jump line",
            Cue::List => "list of short title-like lines with no text: contents or index box",
            Cue::TitleLine => "short line without closing punctuation before text",
            Cue::LeadIn => "title line ending in a lead-in (指出, 表示, said): kicker",
            Cue::Rubric => "short label right after the headline: rubric",
            Cue::DashSubheadline => "line opening with a dash: subheadline",
            Cue::Deck => "further title line below the headline",
            Cue::RunTogetherTitles => {
                "long title line of many phrases: headline and subheadline run together"
            }
            Cue::BylineLine => "byline: reporter, commentator or `By NAME`",
            Cue::Signature => "name signed at the end of the article",
            Cue::CaptionMarker => "photo caption marker",
            Cue::Paragraph => "running text",
            Cue::Dateline => "paragraph opening with a dateline",
            Cue::Continuation => "text resuming an article interrupted by another item",
            Cue::Crosshead => "numbered heading inside an article",
            Cue::Closing => "line closing an article: dateline or writer at the end, editor's sign-off, (完)",
            Cue::Advertisement => "advertisement: prices, telephone numbers, words of selling",
            Cue::Layout => "the line's shape against its column and its neighbours",
            Cue::Editor => "set by the editor",
        }
    }
}

impl std::fmt::Display for Cue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}
