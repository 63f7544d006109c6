//! Roles within a run of title lines: which is the kicker, the headline,
//! the subheadline, the rubric, the byline.
//!
//! Chinese papers stack 引题 (the kicker), 主题 (the headline) and 副题 (the
//! subheadline, opened with ——); without a dash, the lines above the last
//! title line are kickers, and a short column label after the headline is a
//! rubric. English papers put the headline first, in one type style that
//! may run over several lines, decks below in another style, and sometimes a
//! short label in capitals above. A short line after a byline is the
//! writer's affiliation ("Gazette Staff Writer").

use std::ops::Range;

use super::cues::title::{self, Capitals};
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

/// One element of a title group: one or more lines set alike.
struct Unit<'a> {
    range: Range<usize>,
    /// The first line's text, which decides the unit's shape.
    text: &'a str,
    /// The whole unit's text when it is a single line (for splitting).
    line: Option<&'a Line<'a>>,
    byline: Option<Cue>,
    cjk: bool,
}

/// Assigns roles to a run of title and byline pieces, in source order.
pub(super) fn assign(group: &[&Piece], lines: &[Line<'_>]) -> Vec<Titled> {
    let units = units(group, lines);
    let mut roles: Vec<Option<(Role, Cue)>> =
        units.iter().map(|u| u.byline.map(|c| (Role::Byline, c))).collect();
    let titles: Vec<usize> = (0..units.len()).filter(|&k| roles[k].is_none()).collect();
    for &k in &titles {
        if title::has_subheadline_dash(units[k].text) {
            roles[k] = Some((Role::Subheadline, Cue::DashSubheadline));
        }
    }
    let mut rest: Vec<usize> = titles.iter().copied().filter(|&k| roles[k].is_none()).collect();
    let cjk = rest.iter().any(|&k| units[k].cjk);
    // A short label closing a Chinese title group is a rubric.
    if let (true, Some(&last), Some(&last_title)) = (cjk && rest.len() >= 2, rest.last(), titles.last())
        && last == last_title
        && title::is_short_label(units[last].text)
    {
        roles[last] = Some((Role::Kicker, Cue::Rubric));
        rest.pop();
    }
    if let Some(headline) = choose_headline(&rest, &units, cjk) {
        for &k in &rest {
            roles[k] = Some(match k.cmp(&headline) {
                std::cmp::Ordering::Less if title::is_lead_in(units[k].text) => (Role::Kicker, Cue::LeadIn),
                std::cmp::Ordering::Less => (Role::Kicker, Cue::TitleLine),
                std::cmp::Ordering::Equal => (Role::Headline, Cue::TitleLine),
                std::cmp::Ordering::Greater => (Role::Subheadline, Cue::Deck),
            });
        }
    }
    let has_subheadline = roles.iter().flatten().any(|(role, _)| *role == Role::Subheadline);
    let mut out = Vec::with_capacity(units.len() + 1);
    for (unit, role) in units.iter().zip(roles) {
        let (role, cue) = role.unwrap_or((Role::Headline, Cue::TitleLine));
        let split = unit.line.and_then(|line| title::run_together_split(line.text).map(|s| (line, s)));
        match split {
            Some((line, (head_end, sub_start))) if role == Role::Headline && !has_subheadline => {
                let cue = Cue::RunTogetherTitles;
                out.push(Titled { range: unit.range.start..line.text_start + head_end, role, cue });
                out.push(Titled {
                    range: line.text_start + sub_start..unit.range.end,
                    role: Role::Subheadline,
                    cue,
                });
            }
            _ => out.push(Titled { range: unit.range.clone(), role, cue }),
        }
    }
    out
}

/// Groups the pieces into units: English title lines in one style run on
/// into one unit; short lines after a byline join the byline.
fn units<'a>(group: &[&Piece], lines: &'a [Line<'a>]) -> Vec<Unit<'a>> {
    let mut units: Vec<Unit<'a>> = Vec::with_capacity(group.len());
    let mut after_byline = false;
    for piece in group {
        let line = &lines[piece.first_line];
        let byline = match piece.kind {
            PieceKind::Byline(cue) => Some(cue),
            _ if after_byline && !line.cjk && line.text.split_whitespace().count() <= 4 => {
                Some(Cue::BylineLine)
            }
            _ => None,
        };
        after_byline |= byline.is_some();
        if let Some(previous) = units.last_mut().filter(|u| byline.is_none() && runs_on(u, line)) {
            previous.range.end = piece.range.end;
            previous.line = None;
            continue;
        }
        units.push(Unit {
            range: piece.range.clone(),
            text: line.text,
            line: Some(line),
            byline,
            cjk: line.cjk,
        });
    }
    units
}

/// True when an English title line goes on with the unit above it: same
/// capitals, and the unit does not end in a question or exclamation.
fn runs_on(unit: &Unit<'_>, line: &Line<'_>) -> bool {
    let last_text = unit.line.map_or(unit.text, |l| l.text);
    unit.byline.is_none()
        && !unit.cjk
        && !line.cjk
        && title::capitals(unit.text).is_some()
        && title::capitals(unit.text) == title::capitals(line.text)
        && !super::cues::punctuation::ends_with_title_mark(last_text)
        && !title::is_lead_in(last_text)
}

/// The headline among the remaining title units. In Chinese it is the last
/// one (kickers stand above it; a subheadline below carries a dash); in
/// English the first, unless that is a short label in capitals over a line
/// that is not, or a lead-in ending in a colon.
fn choose_headline(rest: &[usize], units: &[Unit<'_>], cjk: bool) -> Option<usize> {
    if rest.len() <= 1 || cjk {
        return rest.last().copied();
    }
    let label = |k: usize| {
        title::capitals(units[k].text) == Some(Capitals::All) && units[k].text.split_whitespace().count() <= 2
    };
    let first_is_label = label(rest[0]) && !label(rest[1]) || title::is_lead_in(units[rest[0]].text);
    Some(if first_is_label { rest[1] } else { rest[0] })
}
