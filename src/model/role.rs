//! The role a block of source text plays on the page.

use serde::{Deserialize, Serialize};

/// What a block of source text is, in the newsroom's terms.
///
/// Chinese papers stack up to three title lines: the 引题 (kicker) above, the
/// 主题 (headline), and the 副题 (subheadline) below; English papers have the
/// kicker, headline and deck. A kicker placed after the headline is a rubric
/// (a column label such as 城市更新进行时).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Page furniture and debris: masthead, ears, page numbers, OCR garbage.
    Noise,
    /// A lead-in line above the headline (引题), or a rubric after it.
    Kicker,
    /// The main title (主题).
    Headline,
    /// A secondary title below the headline (副题, deck).
    Subheadline,
    /// Who wrote it (记者, 评论员, `By NAME`, a signature).
    Byline,
    /// A paragraph of the article's text.
    Body,
    /// Text under a photo (图为…, `Photo by`).
    Caption,
    /// An advertisement or paid notice: set aside like noise, shown in the
    /// source but never part of an article.
    Advertisement,
}

impl Role {
    /// All roles, in the order menus list them.
    pub const ALL: [Role; 8] = [
        Role::Noise,
        Role::Advertisement,
        Role::Kicker,
        Role::Headline,
        Role::Subheadline,
        Role::Byline,
        Role::Body,
        Role::Caption,
    ];

    /// The role's name as the JSON formats spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Noise => "noise",
            Role::Kicker => "kicker",
            Role::Headline => "headline",
            Role::Subheadline => "subheadline",
            Role::Byline => "byline",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Advertisement => "advertisement",
        }
    }

    /// True for the roles that belong to no article (noise and
    /// advertisements): a block has an article exactly when this is false.
    pub fn is_set_aside(self) -> bool {
        matches!(self, Role::Noise | Role::Advertisement)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
