//! The tags the line model gives each non-blank line: a role, and whether
//! the line opens an article, goes on with the current one, or resumes an
//! earlier one that another item interrupted.
//!
//! Tagging boundaries and roles together lets one Viterbi pass weigh both:
//! a headline line is a likely article start, a deck after it is not, and
//! body text after a closing line (（新华社北京3月5日电）) starts afresh.

use crate::model::Role;

/// What a line is, for the sequence model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// Masthead, furniture, jump lines, debris.
    Noise,
    /// An advertisement or paid notice.
    Advertisement,
    /// A kicker opening an article.
    KickerStart,
    /// A further kicker line.
    Kicker,
    /// A headline opening an article (no kicker above it).
    HeadlineStart,
    /// A headline line after the kicker or the headline's first line.
    Headline,
    /// A subheadline (deck) line.
    Subheadline,
    /// A column label set after the headline (城市更新进行时, 人民论坛).
    Rubric,
    /// A byline or signature.
    Byline,
    /// Text opening an article that has no title here.
    BodyStart,
    /// Text going on with the current article.
    Body,
    /// Text resuming an earlier article after another item.
    Resume,
    /// A photo caption.
    Caption,
}

impl Tag {
    /// Every tag, in index order.
    pub const ALL: [Tag; 13] = [
        Tag::Noise,
        Tag::Advertisement,
        Tag::KickerStart,
        Tag::Kicker,
        Tag::HeadlineStart,
        Tag::Headline,
        Tag::Subheadline,
        Tag::Rubric,
        Tag::Byline,
        Tag::BodyStart,
        Tag::Body,
        Tag::Resume,
        Tag::Caption,
    ];

    /// How many tags there are.
    pub const COUNT: usize = Self::ALL.len();

    /// The tag's index in [`Tag::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tag at `index`.
    pub fn from_index(index: usize) -> Tag {
        Self::ALL[index.min(Self::COUNT - 1)]
    }

    /// Its name, in model files and explanations.
    pub fn name(self) -> &'static str {
        match self {
            Tag::Noise => "noise",
            Tag::Advertisement => "advertisement",
            Tag::KickerStart => "kicker-start",
            Tag::Kicker => "kicker",
            Tag::HeadlineStart => "headline-start",
            Tag::Headline => "headline",
            Tag::Subheadline => "subheadline",
            Tag::Rubric => "rubric",
            Tag::Byline => "byline",
            Tag::BodyStart => "body-start",
            Tag::Body => "body",
            Tag::Resume => "resume",
            Tag::Caption => "caption",
        }
    }

    /// The role of a block with this tag.
    pub fn role(self) -> Role {
        match self {
            Tag::Noise => Role::Noise,
            Tag::Advertisement => Role::Advertisement,
            Tag::KickerStart | Tag::Kicker | Tag::Rubric => Role::Kicker,
            Tag::HeadlineStart | Tag::Headline => Role::Headline,
            Tag::Subheadline => Role::Subheadline,
            Tag::Byline => Role::Byline,
            Tag::BodyStart | Tag::Body | Tag::Resume => Role::Body,
            Tag::Caption => Role::Caption,
        }
    }

    /// True when the tag opens a new article.
    pub fn opens(self) -> bool {
        matches!(self, Tag::KickerStart | Tag::HeadlineStart | Tag::BodyStart)
    }

    /// True when `self` may follow `previous` (`None` at the page's top).
    /// Only what is impossible is ruled out: a title line that goes on
    /// needs a title line before it.
    pub fn may_follow(self, previous: Option<Tag>) -> bool {
        match self {
            Tag::Kicker => matches!(previous, Some(Tag::KickerStart | Tag::Kicker)),
            Tag::Headline => {
                matches!(previous, Some(Tag::KickerStart | Tag::Kicker | Tag::HeadlineStart | Tag::Headline))
            }
            Tag::Rubric => {
                matches!(previous, Some(Tag::HeadlineStart | Tag::Headline | Tag::Subheadline | Tag::Rubric))
            }
            _ => true,
        }
    }

    /// The tag of a line whose role is `role`, given whether its article
    /// opens on it (`opens`), resumes on it after another article
    /// (`resumes`), or already has its headline (a kicker after the
    /// headline is a rubric).
    pub fn of(role: Role, opens: bool, resumes: bool, headlined: bool) -> Tag {
        match role {
            Role::Noise => Tag::Noise,
            Role::Advertisement => Tag::Advertisement,
            _ if resumes => Tag::Resume,
            Role::Kicker if headlined && !opens => Tag::Rubric,
            Role::Kicker if opens => Tag::KickerStart,
            Role::Headline | Role::Subheadline if opens => Tag::HeadlineStart,
            Role::Body | Role::Byline | Role::Caption if opens => Tag::BodyStart,
            Role::Kicker => Tag::Kicker,
            Role::Headline => Tag::Headline,
            Role::Subheadline => Tag::Subheadline,
            Role::Byline => Tag::Byline,
            Role::Body => Tag::Body,
            Role::Caption => Tag::Caption,
        }
    }
}

/// Tags a page's non-blank lines from who owns them (an article number, or
/// `None` for lines set aside) and their roles, in page order: an article's
/// first line opens it; a line of an article seen before, after lines of
/// another article, resumes it. Set-aside lines interrupt nothing.
///
/// The tags always form a sequence the model can decode: a line whose tag
/// may not follow the one before (a headline line after the article's body
/// or after an advertisement, a kicker line after noise: about one line in
/// four thousand in the corpus) is tagged a subheadline, which keeps its
/// article and every boundary. Training maximises the likelihood of the
/// true sequence, and a sequence the model gives no chance would make that
/// infinite.
pub fn tag_lines(lines: &[(Option<usize>, Role)]) -> Vec<Tag> {
    let mut reading = Reading::default();
    let mut previous: Option<Tag> = None;
    lines
        .iter()
        .map(|&(owner, role)| {
            let tag = reading.tag(owner, role);
            let tag = if tag.may_follow(previous) { tag } else { Tag::Subheadline };
            previous = Some(tag);
            tag
        })
        .collect()
}

/// What [`tag_lines`] remembers of the lines read so far.
#[derive(Default)]
struct Reading {
    /// Articles with a line already read.
    seen: std::collections::HashSet<usize>,
    /// Articles whose headline has been read.
    headlined: std::collections::HashSet<usize>,
    /// The article of the last line that had one.
    current: Option<usize>,
}

impl Reading {
    fn tag(&mut self, owner: Option<usize>, role: Role) -> Tag {
        let Some(article) = owner.filter(|_| !role.is_set_aside()) else {
            return Tag::of(if role.is_set_aside() { role } else { Role::Noise }, false, false, false);
        };
        let opens = self.seen.insert(article);
        let resumes = !opens && self.current != Some(article);
        self.current = Some(article);
        let tag = Tag::of(role, opens, resumes, self.headlined.contains(&article));
        if role == Role::Headline {
            self.headlined.insert(article);
        }
        tag
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_line_the_model_could_not_decode_becomes_a_subheadline() {
        use Role::*;
        let lines = [
            (Some(0), Headline),
            (Some(0), Body),
            (None, Advertisement),
            (Some(0), Headline),
            (Some(0), Body),
        ];
        let tags = tag_lines(&lines);
        assert_eq!(tags, [Tag::HeadlineStart, Tag::Body, Tag::Advertisement, Tag::Subheadline, Tag::Body]);
        assert!(tags.windows(2).all(|w| w[1].may_follow(Some(w[0]))));
    }

    #[test]
    fn openings_continuations_and_resumptions() {
        use Role::*;
        let lines = [
            (None, Noise),
            (Some(0), Headline),
            (Some(0), Body),
            (Some(1), Headline),
            (Some(1), Body),
            (None, Advertisement),
            (Some(1), Body),
            (Some(0), Body),
            (Some(2), Body),
        ];
        assert_eq!(
            tag_lines(&lines),
            [
                Tag::Noise,
                Tag::HeadlineStart,
                Tag::Body,
                Tag::HeadlineStart,
                Tag::Body,
                Tag::Advertisement,
                Tag::Body,
                Tag::Resume,
                Tag::BodyStart
            ]
        );
    }

    #[test]
    fn a_title_line_that_goes_on_needs_a_title_before_it() {
        assert!(!Tag::Headline.may_follow(Some(Tag::Body)));
        assert!(!Tag::Headline.may_follow(None));
        assert!(Tag::Headline.may_follow(Some(Tag::KickerStart)));
        assert!(Tag::HeadlineStart.may_follow(Some(Tag::Body)));
        assert!(Tag::ALL.iter().all(|t| t.role().as_str() != "" && !t.name().is_empty()));
    }
}
