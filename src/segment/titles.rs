//! Roles within a run of title lines: which is the kicker, the headline,
//! the subheadline, the rubric, the byline.
//!
//! Chinese papers stack 引题 (a lead-in kicker, often ending …时指出), 主题
//! (the headline, set largest and so usually the shortest line) and 副题
//! (the subheadline, opened with ——); a short column label after the
//! headline is a rubric. English papers put the headline first, decks
//! below, and sometimes a short label in capitals above.

use std::ops::Range;

use super::cues::title;
use super::layout::Line;
use super::pieces::{Piece, PieceKind};
use crate::model::{Cue, Role};

/// A title-group block: a byte range of the page, its role and cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Titled {
    pub range: Range<usize>,
    pub role: Role,
    pub cue: Cue,
}

/// Assigns roles to a run of title and byline pieces, in source order.
pub(super) fn assign(group: &[&Piece], lines: &[Line<'_>]) -> Vec<Titled> {
    let titles: Vec<usize> = (0..group.len())
        .filter(|&k| group[k].kind == PieceKind::Title)
        .collect();
    let text = |k: usize| lines[group[k].first_line].text;
    let mut roles: Vec<Option<(Role, Cue)>> = group
        .iter()
        .map(|p| match p.kind {
            PieceKind::Byline(cue) => Some((Role::Byline, cue)),
            _ => None,
        })
        .collect();
    for &k in &titles {
        if title::has_subheadline_dash(text(k)) {
            roles[k] = Some((Role::Subheadline, Cue::DashSubheadline));
        }
    }
    let mut rest: Vec<usize> = titles.iter().copied().filter(|&k| roles[k].is_none()).collect();
    let cjk = rest.iter().any(|&k| lines[group[k].first_line].cjk);
    if cjk && rest.len() >= 2 {
        let last = rest[rest.len() - 1];
        if last == titles[titles.len() - 1] && title::is_short_label(text(last)) {
            roles[last] = Some((Role::Kicker, Cue::Rubric));
            rest.pop();
        }
    }
    if let Some(headline) = choose_headline(&rest, &text, |k| lines[group[k].first_line].width, cjk) {
        for &k in &rest {
            roles[k] = Some(match k.cmp(&headline) {
                std::cmp::Ordering::Less if title::is_lead_in(text(k)) => (Role::Kicker, Cue::LeadIn),
                std::cmp::Ordering::Less => (Role::Kicker, Cue::TitleLine),
                std::cmp::Ordering::Equal => (Role::Headline, Cue::TitleLine),
                std::cmp::Ordering::Greater => (Role::Subheadline, Cue::Deck),
            });
        }
    }
    let has_subheadline = roles.iter().flatten().any(|(role, _)| *role == Role::Subheadline);
    let mut out = Vec::with_capacity(group.len() + 1);
    for (k, piece) in group.iter().enumerate() {
        let (role, cue) = roles[k].unwrap_or((Role::Headline, Cue::TitleLine));
        let line = &lines[piece.first_line];
        match title::run_together_split(line.text) {
            Some((head_end, sub_start)) if role == Role::Headline && !has_subheadline => {
                out.push(Titled {
                    range: piece.range.start..line.text_start + head_end,
                    role,
                    cue: Cue::RunTogetherTitles,
                });
                out.push(Titled {
                    range: line.text_start + sub_start..piece.range.end,
                    role: Role::Subheadline,
                    cue: Cue::RunTogetherTitles,
                });
            }
            _ => out.push(Titled {
                range: piece.range.clone(),
                role,
                cue,
            }),
        }
    }
    out
}

/// The headline among the remaining title lines. In Chinese it is the
/// shortest line that is not a lead-in (the largest type holds the fewest
/// characters); in English it is the first line, unless that is a short
/// label in capitals over a line that is not.
fn choose_headline<'a>(
    rest: &[usize],
    text: &impl Fn(usize) -> &'a str,
    width: impl Fn(usize) -> usize,
    cjk: bool,
) -> Option<usize> {
    if rest.len() <= 1 {
        return rest.first().copied();
    }
    if cjk {
        return rest
            .iter()
            .copied()
            .filter(|&k| !title::is_lead_in(text(k)))
            .min_by_key(|&k| width(k))
            .or(rest.last().copied());
    }
    let label = |k: usize| {
        title::capitals(text(k)) == Some(title::Capitals::All) && text(k).split_whitespace().count() <= 2
    };
    let first_is_label = label(rest[0]) && !label(rest[1]) || title::is_lead_in(text(rest[0]));
    Some(if first_is_label { rest[1] } else { rest[0] })
}
