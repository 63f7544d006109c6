//! Why a line got its tag: the features that weighed most for it against
//! the runner-up, named in the newsroom's terms.

use std::sync::LazyLock;

use super::features::{
    BASE_COUNT, OFFSETS_READ, PageFeatures, base_name, feature_index, feature_name, for_each_active,
    junction_name, junctions,
};
use super::model::Model;
use super::tags::Tag;
use crate::model::Cue;

const T: usize = Tag::COUNT;

/// One piece of evidence for a line's tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The feature, e.g. `0:cue=dateline` or `-1:end=sentence (zh)`.
    pub feature: String,
    /// How much it favoured the tag over the runner-up.
    pub weight: f32,
}

/// The cue each base feature stands for, if it is one of the newspaper
/// conventions rather than plain shape.
static CUE_OF_BASE: LazyLock<Vec<Option<Cue>>> = LazyLock::new(|| {
    (0..BASE_COUNT as u16)
        .map(|base| {
            Some(match base_name(base).as_str() {
                "cue=dateline" => Cue::Dateline,
                "cue=byline" => Cue::BylineLine,
                "cue=signature" | "cue=trailing-signature" => Cue::Signature,
                "cue=caption" => Cue::CaptionMarker,
                "cue=furniture" => Cue::Furniture,
                "cue=closing" => Cue::Closing,
                "cue=masthead" => Cue::Masthead,
                "cue=symbol-soup" | "cue=word-soup" | "cue=doubtful" => Cue::Debris,
                "cue=lead-in" => Cue::LeadIn,
                "cue=numbered-crosshead" => Cue::Crosshead,
                "cue=list-heading" => Cue::List,
                "cue=short-label" => Cue::Rubric,
                "cue=dash-start" => Cue::DashSubheadline,
                "cue=price" | "cue=phone" | "cue=selling" => Cue::Advertisement,
                _ => return None,
            })
        })
        .collect()
});

/// The tag that scored best at line `k` after `tag`.
fn runner_up(emission: &[f32; T], tag: Tag) -> usize {
    (0..T).filter(|&t| t != tag.index()).max_by(|&a, &b| emission[a].total_cmp(&emission[b])).unwrap_or(0)
}

/// The cue of line `k`, tagged `tag`: the newspaper convention among its
/// own features that favoured the tag most, else the tag's usual cue.
pub(super) fn cue(model: &Model, page: &PageFeatures, emission: &[f32; T], k: usize, tag: Tag) -> Cue {
    let other = runner_up(emission, tag);
    let own_slot = OFFSETS_READ.iter().position(|&o| o == 0).unwrap_or(2);
    let best = page.base[k]
        .iter()
        .filter_map(|&base| CUE_OF_BASE[base as usize].map(|cue| (cue, base)))
        .map(|(cue, base)| {
            let margin = |domain| {
                let row = feature_index(own_slot, domain, base) * T;
                model.weights[row + tag.index()] - model.weights[row + other]
            };
            (cue, margin(0) + margin(page.domain))
        })
        .filter(|&(_, margin)| margin > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    best.map_or_else(|| usual_cue(tag), |(cue, _)| cue)
}

/// The cue a tag has when no convention stood out.
fn usual_cue(tag: Tag) -> Cue {
    match tag {
        Tag::Noise => Cue::Debris,
        Tag::Advertisement => Cue::Advertisement,
        Tag::KickerStart | Tag::Kicker | Tag::HeadlineStart | Tag::Headline => Cue::TitleLine,
        Tag::Subheadline => Cue::Deck,
        Tag::Rubric => Cue::Rubric,
        Tag::Byline => Cue::BylineLine,
        Tag::BodyStart | Tag::Body => Cue::Paragraph,
        Tag::Resume => Cue::Continuation,
        Tag::Caption => Cue::CaptionMarker,
    }
}

/// The `top` features that favoured `tag` at line `k` most over the
/// runner-up, strongest first: the line's own and its neighbours', and
/// how it meets the line before (tagged `previous`), whose junction
/// weights favour the move from `previous` to `tag` over the move to the
/// runner-up.
pub(super) fn reasons(
    model: &Model,
    page: &PageFeatures,
    emission: &[f32; T],
    k: usize,
    (previous, tag): (Option<Tag>, Tag),
    top: usize,
) -> Vec<Reason> {
    let other = runner_up(emission, tag);
    let mut found: Vec<Reason> = Vec::new();
    for_each_active(page, k, |index| {
        let weight = model.weights[index * T + tag.index()] - model.weights[index * T + other];
        if weight > 0.0 {
            found.push(Reason { feature: feature_name(index), weight });
        }
    });
    if let Some(previous) = previous {
        for j in junctions(page, k) {
            let row = &model.junctions[(j as usize * T + previous.index()) * T..][..T];
            let weight = row[tag.index()] - row[other];
            if weight > 0.0 {
                found.push(Reason { feature: junction_name(j as usize), weight });
            }
        }
    }
    found.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    found.truncate(top);
    found
}

#[cfg(test)]
mod tests {
    use super::super::features::{FEATURE_COUNT, JUNCTION_COUNT};
    use super::*;

    /// A line that opens an article after a blank line, where the model
    /// learned that a blank line between two lines of text favours the
    /// move body → body-start: the junction is named among its reasons.
    #[test]
    fn how_a_line_meets_the_one_before_is_among_its_reasons() {
        let base = |name: &str| (0..BASE_COUNT as u16).find(|&b| base_name(b) == name).expect(name);
        let (none, blank) = (base("blank-before=0"), base("blank-before=1"));
        let page = PageFeatures {
            lines: vec![0, 1, 3],
            base: vec![vec![none], vec![none], vec![blank]],
            words: vec![Vec::new(); 3],
            domain: 2,
        };
        let j = (0..JUNCTION_COUNT).find(|&j| junction_name(j) == "junction:blank-before=1").expect("named");
        let mut junctions = vec![0.0; JUNCTION_COUNT * T * T];
        junctions[(j * T + Tag::Body.index()) * T + Tag::BodyStart.index()] = 5.0;
        let model =
            Model::from_parts(vec![0.0; FEATURE_COUNT * T], vec![0.0; (T + 1) * T], junctions, "{}".into());
        let mut emission = [0.0f32; T];
        emission[Tag::Body.index()] = 1.0; // the runner-up
        let found = reasons(&model, &page, &emission, 2, (Some(Tag::Body), Tag::BodyStart), 3);
        assert_eq!(found, [Reason { feature: "junction:blank-before=1".into(), weight: 5.0 }]);
        let first = reasons(&model, &page, &emission, 0, (None, Tag::BodyStart), 3);
        assert!(first.is_empty(), "the first line meets nothing: {first:?}");
    }
}
