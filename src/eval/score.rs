//! Scoring one page's proposal against its truth.
//!
//! The figures, all counts so that pages add up:
//! - **boundaries**: lines where a run of an article starts (its first line,
//!   or where it resumes after other matter), in the truth and in the
//!   proposal; ignored lines (advertisements) are skipped on both sides, so
//!   an article an advertisement interrupts is one run;
//! - **exact headlines**: truth articles whose kicker, headline and
//!   subheadline the proposal reproduces (compared without white space), the
//!   proposed article being the one holding the truth article's first line
//!   (one to one: an article already paired pairs with no later one);
//! - **lines in the right article**: scored lines whose owner matches (noise
//!   for noise, the paired article for an article's lines);
//! - **roles**: per role, lines the truth and the proposal give it;
//! - **B-cubed** precision and recall of the lines' grouping into articles.

use std::collections::HashMap;

use super::truth::{Owner, Truth, TruthLine, comparable};
use crate::compose::{ArticleText, block_text, compose_blocks};
use crate::model::{ArticleId, Edition, Role, Split};

/// What the proposal says of each line of one page.
#[derive(Debug, Clone)]
pub struct Proposal {
    /// Per line: the block's article (`None` when set aside) and role;
    /// `None` for lines no block covers.
    lines: Vec<Option<(Option<ArticleId>, Role)>>,
    /// The fields of each article.
    articles: HashMap<ArticleId, ArticleText>,
}

impl Proposal {
    /// The proposal for page `page` of a split.
    pub fn new(edition: &Edition, split: &Split, page: usize) -> Self {
        let Some(source) = edition.pages.get(page) else {
            return Self { lines: Vec::new(), articles: HashMap::new() };
        };
        let mut lines = vec![None; source.line_count()];
        for block in split.blocks.iter().filter(|b| b.page == page) {
            for line in source.lines_of(&block.range) {
                // A line two blocks share (a signature split off) is the first's.
                if let Some(slot) = lines.get_mut(line) {
                    slot.get_or_insert((block.article, block.role));
                }
            }
        }
        let articles = split
            .blocks_by_article()
            .into_iter()
            .filter(|(_, blocks)| blocks.iter().any(|b| b.page == page))
            .map(|(id, blocks)| (id, compose_blocks(blocks, |block| block_text(edition, block))))
            .collect();
        Self { lines, articles }
    }

    fn owner(&self, line: usize) -> Option<ArticleId> {
        self.lines.get(line).copied().flatten().and_then(|(article, _)| article)
    }

    fn role(&self, line: usize) -> Option<Role> {
        self.lines.get(line).copied().flatten().map(|(_, role)| role)
    }
}

/// The roles scored one by one.
pub const SCORED_ROLES: [Role; 8] = [
    Role::Kicker,
    Role::Headline,
    Role::Subheadline,
    Role::Byline,
    Role::Body,
    Role::Caption,
    Role::Noise,
    Role::Advertisement,
];

/// Lines of one role: in the truth, in the proposal, in both.
#[derive(Debug, Default, Clone, Copy, PartialEq, serde::Serialize)]
pub struct RoleCount {
    /// Lines the truth gives the role.
    pub truth: usize,
    /// Lines the proposal gives it.
    pub proposed: usize,
    /// Lines both give it.
    pub matched: usize,
}

impl RoleCount {
    /// F1 of the role over lines (1 when neither side has it).
    pub fn f1(&self) -> f64 {
        f1(self.matched, self.proposed, self.truth)
    }
}

/// The scores of one page or of many added up.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
pub struct Score {
    /// Pages scored.
    pub pages: usize,
    /// Run starts in the truth.
    pub boundaries_true: usize,
    /// Run starts in the proposal.
    pub boundaries_proposed: usize,
    /// Run starts in both.
    pub boundaries_matched: usize,
    /// Truth articles.
    pub headlines: usize,
    /// Truth articles whose title fields the proposal reproduces.
    pub headlines_exact: usize,
    /// Scored lines.
    pub lines: usize,
    /// Scored lines in the right article (or noise).
    pub lines_right: usize,
    /// Per role, in the order of [`SCORED_ROLES`].
    pub roles: [RoleCount; 8],
    /// Article lines, for B-cubed.
    pub bcubed_items: usize,
    /// Sum of the items' B-cubed precision.
    pub bcubed_precision: f64,
    /// Sum of the items' B-cubed recall.
    pub bcubed_recall: f64,
}

fn f1(matched: usize, proposed: usize, truth: usize) -> f64 {
    if proposed == 0 && truth == 0 {
        return 1.0;
    }
    let precision = matched as f64 / proposed.max(1) as f64;
    let recall = matched as f64 / truth.max(1) as f64;
    if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) }
}

impl Score {
    /// Adds another page's (or set's) counts.
    pub fn add(&mut self, other: &Score) {
        self.pages += other.pages;
        self.boundaries_true += other.boundaries_true;
        self.boundaries_proposed += other.boundaries_proposed;
        self.boundaries_matched += other.boundaries_matched;
        self.headlines += other.headlines;
        self.headlines_exact += other.headlines_exact;
        self.lines += other.lines;
        self.lines_right += other.lines_right;
        for (mine, theirs) in self.roles.iter_mut().zip(&other.roles) {
            mine.truth += theirs.truth;
            mine.proposed += theirs.proposed;
            mine.matched += theirs.matched;
        }
        self.bcubed_items += other.bcubed_items;
        self.bcubed_precision += other.bcubed_precision;
        self.bcubed_recall += other.bcubed_recall;
    }

    /// Boundary precision.
    pub fn boundary_precision(&self) -> f64 {
        if self.boundaries_proposed == 0 {
            1.0
        } else {
            self.boundaries_matched as f64 / self.boundaries_proposed as f64
        }
    }

    /// Boundary recall.
    pub fn boundary_recall(&self) -> f64 {
        if self.boundaries_true == 0 {
            1.0
        } else {
            self.boundaries_matched as f64 / self.boundaries_true as f64
        }
    }

    /// Boundary F1.
    pub fn boundary_f1(&self) -> f64 {
        f1(self.boundaries_matched, self.boundaries_proposed, self.boundaries_true)
    }

    /// Share of truth articles with exact title fields.
    pub fn headline_accuracy(&self) -> f64 {
        ratio(self.headlines_exact, self.headlines)
    }

    /// Share of scored lines in the right article.
    pub fn line_accuracy(&self) -> f64 {
        ratio(self.lines_right, self.lines)
    }

    /// The count of one role.
    pub fn role(&self, role: Role) -> RoleCount {
        SCORED_ROLES.iter().position(|&r| r == role).map(|i| self.roles[i]).unwrap_or_default()
    }

    /// B-cubed F1 of the lines' grouping into articles.
    pub fn bcubed_f1(&self) -> f64 {
        if self.bcubed_items == 0 {
            return 1.0;
        }
        let p = self.bcubed_precision / self.bcubed_items as f64;
        let r = self.bcubed_recall / self.bcubed_items as f64;
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

/// Scores one page: `lines` is what [`Truth::lines`] made of it.
pub fn score_page(truth: &Truth, lines: &[TruthLine], proposal: &Proposal) -> Score {
    let mut score = Score { pages: 1, headlines: truth.articles.len(), ..Score::default() };
    // Boundaries, lines, roles, on the scored lines in page order.
    let (mut previous_truth, mut previous_proposed) = (None, None);
    for line in lines {
        let proposed_role = proposal.role(line.line);
        if let Owner::Ignored { advertisement } = line.owner {
            if advertisement {
                count_role(&mut score, &line.roles, proposed_role);
            }
            continue;
        }
        count_role(&mut score, &line.roles, proposed_role);
        let truth_owner = match line.owner {
            Owner::Article(index) => Some(index),
            _ => None,
        };
        let proposed_owner = proposal.owner(line.line);
        let truth_starts = truth_owner.is_some() && truth_owner != previous_truth;
        let proposed_starts = proposed_owner.is_some() && proposed_owner != previous_proposed;
        score.boundaries_true += usize::from(truth_starts);
        score.boundaries_proposed += usize::from(proposed_starts);
        score.boundaries_matched += usize::from(truth_starts && proposed_starts);
        previous_truth = truth_owner;
        previous_proposed = proposed_owner;
    }
    // Pair each truth article with the proposed article holding its first line.
    let pairing = pair_articles(truth, lines, proposal);
    for (article, paired) in truth.articles.iter().zip(&pairing) {
        let Some(text) = paired.and_then(|id| proposal.articles.get(&id)) else { continue };
        let same = |want: &Option<String>, got: &Option<String>| {
            comparable(want.as_deref().unwrap_or("")) == comparable(got.as_deref().unwrap_or(""))
        };
        let rubric_ok = article.rubric.is_none() || same(&article.rubric, &text.rubric);
        if same(&article.kicker, &text.kicker)
            && same(&article.headline, &text.headline)
            && same(&article.subheadline, &text.subheadline)
            && rubric_ok
        {
            score.headlines_exact += 1;
        }
    }
    for line in lines {
        let right = match line.owner {
            Owner::Ignored { .. } => continue,
            Owner::Noise => {
                proposal.lines.get(line.line).copied().flatten().is_some_and(|(a, _)| a.is_none())
            }
            Owner::Article(index) => pairing[index].is_some() && proposal.owner(line.line) == pairing[index],
        };
        score.lines += 1;
        score.lines_right += usize::from(right);
    }
    add_bcubed(&mut score, lines, proposal);
    score
}

/// Pairs each truth article with the proposed article holding its first
/// scored line, one to one: a proposed article already paired with an
/// earlier truth article pairs with no other, so that running two articles
/// together costs the lines of the second.
fn pair_articles(truth: &Truth, lines: &[TruthLine], proposal: &Proposal) -> Vec<Option<ArticleId>> {
    let mut taken = std::collections::HashSet::new();
    truth
        .articles
        .iter()
        .enumerate()
        .map(|(index, article)| {
            let (first, last) = article.spans()[0];
            let opening = lines
                .iter()
                .find(|l| l.owner == Owner::Article(index) && l.line + 1 >= first && l.line < last)?;
            proposal.owner(opening.line).filter(|&id| taken.insert(id))
        })
        .collect()
}

fn count_role(score: &mut Score, allowed: &[Role], proposed: Option<Role>) {
    let truth_role = match proposed {
        Some(role) if allowed.contains(&role) => role,
        _ => allowed.first().copied().unwrap_or(Role::Body),
    };
    let index = |role: Role| SCORED_ROLES.iter().position(|&r| r == role);
    if let Some(i) = index(truth_role) {
        score.roles[i].truth += 1;
    }
    if let Some(role) = proposed
        && let Some(i) = index(role)
    {
        score.roles[i].proposed += 1;
        if role == truth_role {
            score.roles[i].matched += 1;
        }
    }
}

/// B-cubed over the lines the truth puts in articles: each line's share of
/// its proposed group that is its true article (precision), and of its true
/// article that is its proposed group (recall). Set-aside lines stand alone.
fn add_bcubed(score: &mut Score, lines: &[TruthLine], proposal: &Proposal) {
    let items: Vec<(usize, Option<ArticleId>)> = lines
        .iter()
        .filter_map(|l| match l.owner {
            Owner::Article(index) => Some((index, proposal.owner(l.line))),
            _ => None,
        })
        .collect();
    let mut both: HashMap<(usize, ArticleId), usize> = HashMap::new();
    let mut proposed: HashMap<ArticleId, usize> = HashMap::new();
    let mut truth: HashMap<usize, usize> = HashMap::new();
    for &(t, p) in &items {
        *truth.entry(t).or_default() += 1;
        if let Some(p) = p {
            *both.entry((t, p)).or_default() += 1;
            *proposed.entry(p).or_default() += 1;
        }
    }
    for &(t, p) in &items {
        let (shared, group) = match p {
            Some(p) => (both[&(t, p)], proposed[&p]),
            None => (1, 1),
        };
        score.bcubed_precision += shared as f64 / group as f64;
        score.bcubed_recall += shared as f64 / truth[&t] as f64;
    }
    score.bcubed_items += items.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Cue, Page, PageSource};

    fn page(text: &str) -> Edition {
        let source =
            PageSource { path: "p.txt".into(), form_feed_page: None, byte_range: 0..text.len() as u64 };
        Edition { pages: vec![Page::new("p.txt".into(), source, "UTF-8", String::new(), text.into())] }
    }

    /// A split with one block per line: (article, role) for each line.
    fn split(edition: &Edition, owners: &[(Option<u32>, Role)]) -> Split {
        let page = &edition.pages[0];
        let mut split = Split::default();
        for (line, &(article, role)) in owners.iter().enumerate() {
            let range = page.lines.content(line);
            let article = article.map(ArticleId);
            split.blocks.push(Block { page: 0, range, role, cue: Cue::Editor, article });
            if let Some(id) = article
                && !split.articles.contains(&id)
            {
                split.articles.push(id);
            }
        }
        split
    }

    const PAGE: &str = "PAPER\nFIRE\nThe mill burned.\nFLOOD\nThe river rose.\n";
    const TRUTH: &str = r#"{"language":"en","noise":[{"first_line":1,"last_line":1}],"articles":[
        {"first_line":2,"last_line":3,"headline":"FIRE"},
        {"first_line":4,"last_line":5,"headline":"FLOOD"}]}"#;

    fn scored(owners: &[(Option<u32>, Role)]) -> Score {
        let edition = page(PAGE);
        let truth: Truth = serde_json::from_str(TRUTH).unwrap();
        let text: Vec<&str> = PAGE.lines().collect();
        let lines = truth.lines(&text).unwrap();
        score_page(&truth, &lines, &Proposal::new(&edition, &split(&edition, owners), 0))
    }

    #[test]
    fn a_perfect_proposal_scores_one_everywhere() {
        use Role::*;
        let s = scored(&[
            (None, Noise),
            (Some(1), Headline),
            (Some(1), Body),
            (Some(2), Headline),
            (Some(2), Body),
        ]);
        assert_eq!(
            (s.boundary_f1(), s.headline_accuracy(), s.line_accuracy(), s.bcubed_f1()),
            (1.0, 1.0, 1.0, 1.0)
        );
        assert_eq!(s.role(Headline), RoleCount { truth: 2, proposed: 2, matched: 2 });
    }

    #[test]
    fn a_missed_boundary_costs_recall_headlines_lines_and_bcubed() {
        use Role::*;
        let s =
            scored(&[(None, Noise), (Some(1), Headline), (Some(1), Body), (Some(1), Body), (Some(1), Body)]);
        assert_eq!((s.boundaries_true, s.boundaries_proposed, s.boundaries_matched), (2, 1, 1));
        assert_eq!(s.headlines_exact, 1, "FIRE keeps its title; FLOOD's first line is in FIRE's article");
        assert_eq!(s.lines_right, 3, "the noise and FIRE's two lines: FLOOD's article was taken by FIRE");
        assert!((s.bcubed_f1() - 2.0 * 0.5 * 1.0 / 1.5).abs() < 1e-9);
        assert_eq!(s.role(Headline), RoleCount { truth: 2, proposed: 1, matched: 1 });
    }
}
