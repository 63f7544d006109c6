//! Proposes how each page divides into blocks and articles.
//!
//! The proposal is learned, not hand-tuned. For each page:
//!
//! 1. [`layout`] measures every line: width against its column, script,
//!    closing punctuation, indent, dateline; and tells hard-wrapped pages
//!    from pages with one paragraph per line.
//! 2. [`features`] turns each line and its neighbours into indicator
//!    features: the newspaper conventions of [`cues`] (bylines, datelines,
//!    closing lines, mastheads, advertisements…) and the line's shape.
//! 3. [`Model`], a linear-chain CRF learned from pages with known truth
//!    ([`learn`]), tags every line with a role and whether it opens an
//!    article, goes on with one, or resumes one another item interrupted;
//!    Viterbi picks the best tags and forward-backward gives each proposed
//!    boundary its confidence.
//! 4. [`decode`] turns the tags into blocks and articles: title lines of
//!    one role run on into one block, text lines rejoin into paragraphs,
//!    signatures split off, resumed text goes back to its article.
//!
//! Every block keeps the cue that weighed most for its role ([`explain`]).
//!
//! ```
//! use copydesk::{load, segment};
//! # let dir = tempfile::tempdir().unwrap();
//! # let path = dir.path().join("p1.txt");
//! # std::fs::write(&path, "会议召开\n\n本报讯(记者 张三) 昨天,会议召开。\n").unwrap();
//! let edition = load::load_path(&path, &Default::default())?;
//! let proposal = segment::propose_with(&edition, segment::Model::builtin());
//! assert_eq!(proposal.split.articles.len(), 1);
//! assert!(proposal.boundaries.iter().all(|b| (0.0..=1.0).contains(&b.confidence)));
//! # Ok::<(), copydesk::load::LoadError>(())
//! ```

pub mod cues;
mod decode;
mod explain;
mod features;
mod lattice;
mod layout;
pub mod learn;
mod model;
mod optimise;
mod tags;
mod threads;

pub use explain::Reason;
pub use features::PageFeatures;
pub use learn::{BoundaryCosts, Example, Labelled, Trained, Training, train, train_reporting};
pub use model::{Model, ModelError, Moves};
pub use tags::Tag;

use crate::model::{ArticleId, Edition, Page, Split};
use threads::by_turns_on_two_threads;

/// A proposed split, with how sure the model is of each boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// Blocks and articles.
    pub split: Split,
    /// Every non-blank line where an article may start, with the
    /// probability that one does: all the proposed starts, and the lines
    /// where the model hesitated.
    pub boundaries: Vec<Boundary>,
}

/// A line where an article may start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Boundary {
    /// Page index (from 0).
    pub page: usize,
    /// Line index on the page (from 0).
    pub line: usize,
    /// The probability that an article starts on this line, under the
    /// scores the split is decided by ([`OPENING_BIAS`] included).
    pub confidence: f32,
    /// True when the proposal starts one here.
    pub proposed: bool,
}

impl Boundary {
    /// How doubtful the decision at this line is: 1 where the model was
    /// torn in two, 0 where it was sure either way.
    pub fn doubt(&self) -> f32 {
        1.0 - (2.0 * self.confidence - 1.0).abs()
    }
}

/// How much more an opening tag scores at every line when the split is
/// decided than the model learned: a nudge towards proposing a boundary
/// where the model hesitates.
///
/// Training maximises the likelihood of whole pages, and boundaries are
/// rare lines, so where the evidence is thin the model leans to "no
/// boundary"; but an editor is scored, and served, by boundary F1, whose
/// best decision threshold lies below an even chance (for a classifier
/// that reaches F1 = F, at F/2: Lipton et al., 2014, "Thresholding
/// classifiers to maximize F1 score"). Adding 0.5 to the opening tags'
/// scores moves the threshold from 0.5 to about 0.38.
///
/// The value was chosen on ten paper folds where each language checked the
/// other (`docs/split.md`, "Leaning to open"): 0.5 raised boundary F1,
/// exact headlines, lines in the right article and B³ in both Chinese and
/// English, and 0.5–1.5 gave the best F1 in both. It applies to every
/// model, the confidences included, so that the boundaries the editor is
/// walked through are those nearest the decision actually taken.
const OPENING_BIAS: f32 = 0.5;

/// The model's scores for each line, with the opening tags nudged by
/// [`OPENING_BIAS`].
fn leaning_to_open(mut emissions: Vec<[f32; Tag::COUNT]>) -> Vec<[f32; Tag::COUNT]> {
    let opening: Vec<usize> = Tag::ALL.iter().filter(|t| t.opens()).map(|t| t.index()).collect();
    for row in &mut emissions {
        for &t in &opening {
            row[t] += OPENING_BIAS;
        }
    }
    emissions
}

/// Lines whose chance of opening an article is below this are not listed
/// as possible boundaries unless proposed.
const LISTED_FROM: f32 = 0.02;

/// Proposes a split of every page of the edition with the built-in model.
///
/// Articles never cross pages in a proposal; an editor joins jumps by hand.
pub fn propose(edition: &Edition) -> Split {
    propose_with(edition, Model::builtin()).split
}

/// Proposes a split of every page with `model`, with its confidences.
///
/// Pages are independent, so an edition of several is proposed on two
/// threads, each taking the next page not yet taken; each page numbers
/// its articles from 1 and the numbers are then shifted in page order, so
/// the proposal is the same as one page after another would give.
///
/// The pages are read in batches of about [`BATCH_LINES`] lines: a
/// batch's pages are read (features and scores), then the moves between
/// their lines are made once for the whole batch, whose pages meet their
/// lines in much the same few ways ([`Model::moves_of_pages`]), then each
/// page is decoded. A batch bounds what is held at once: a month of pages
/// is not read whole before the first is decoded.
pub fn propose_with(edition: &Edition, model: &Model) -> Proposal {
    propose_in_batches(edition, model, BATCH_LINES)
}

/// [`propose_with`], reading the pages in batches of at least `lines`
/// lines (the last excepted).
fn propose_in_batches(edition: &Edition, model: &Model, lines: usize) -> Proposal {
    let pages = &edition.pages;
    let mut proposed = Vec::with_capacity(pages.len());
    let counts: Vec<usize> = pages.iter().map(|page| page.lines.len()).collect();
    for batch in batches(&counts, lines) {
        let at = |i: usize| batch.start + i;
        let read = each_page(batch.len(), |i| ReadPage::new(&pages[at(i)], model));
        let moves = model.moves_of_pages(&read.iter().map(|page| &page.features).collect::<Vec<_>>());
        proposed.extend(each_page(batch.len(), |i| propose_page(at(i), &read[i], &moves[i], model)));
    }
    let mut proposal = Proposal { split: Split::default(), boundaries: Vec::new() };
    let mut ids_before = 0u32;
    for page in proposed {
        let shift = |id: ArticleId| ArticleId(id.0 + ids_before);
        proposal.split.blocks.extend(page.split.blocks.into_iter().map(|mut block| {
            block.article = block.article.map(shift);
            block
        }));
        proposal.split.articles.extend(page.split.articles.into_iter().map(shift));
        proposal.boundaries.extend(page.boundaries);
        ids_before += page.ids;
    }
    proposal
}

/// About how many lines of an edition are read before they are decoded:
/// about a megabyte of text (a 10 MB edition peaks at 60 MB read so, 85
/// MB read whole).
const BATCH_LINES: usize = 20_000;

/// Consecutive runs of pages (given their line counts) of at least
/// `lines` lines each but the last, every page in exactly one, in order.
fn batches(counts: &[usize], lines: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut held) = (0, 0);
    for (index, &count) in counts.iter().enumerate() {
        held += count;
        if held >= lines {
            out.push(start..index + 1);
            (start, held) = (index + 1, 0);
        }
    }
    if start < counts.len() {
        out.push(start..counts.len());
    }
    out
}

/// `f` of each page index in order: on two threads by turns for several
/// pages, on this one for a single page (whose long lines [`features`]
/// shares out itself).
fn each_page<T: Send>(count: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if count < 2 { (0..count).map(f).collect() } else { by_turns_on_two_threads(count, f) }
}

/// One page's proposal, its articles numbered from 1.
struct PageProposal {
    split: Split,
    boundaries: Vec<Boundary>,
    /// How many article numbers the page used.
    ids: u32,
}

/// A page read: its lines measured, their features and the model's
/// scores. The moves between lines come after, made once for every page
/// of its batch.
struct ReadPage<'p> {
    layout: layout::Layout<'p>,
    features: PageFeatures,
    emissions: Vec<[f32; Tag::COUNT]>,
}

impl<'p> ReadPage<'p> {
    fn new(page: &'p Page, model: &Model) -> Self {
        let layout = layout::measure(page);
        let features = features::extract(&layout);
        let emissions = leaning_to_open(model.emissions(&features));
        Self { layout, features, emissions }
    }
}

/// The proposal for page `page_index` alone, read as `read` with `moves`
/// between its lines: tags decoded into blocks and articles, and the lines
/// where an article may start with their confidences.
///
/// The best tags and the confidences read the same scores and do not wait
/// for each other, so a long page works them out on two threads: a single
/// long page is the common case, and its second thread would otherwise
/// idle after the features.
fn propose_page(page_index: usize, read: &ReadPage<'_>, moves: &Moves, model: &Model) -> PageProposal {
    let ReadPage { layout, features, emissions } = read;
    let (tags, marginals) = threads::both(
        emissions.len(),
        || model.viterbi(emissions, moves),
        || model.marginals(emissions, moves),
    );
    let cues =
        threads::on_two_threads(tags.len(), |k| explain::cue(model, features, &emissions[k], k, tags[k]));
    let mut ids = 0u32;
    let split = decode::decode(page_index, layout, &features.lines, &tags, &cues, &mut || {
        ids += 1;
        ArticleId(ids)
    });
    let mut boundaries = Vec::new();
    for (k, (&line, &tag)) in features.lines.iter().zip(&tags).enumerate() {
        let confidence: f32 = Tag::ALL.iter().filter(|t| t.opens()).map(|t| marginals[k][t.index()]).sum();
        let proposed = tag.opens();
        if proposed || confidence >= LISTED_FROM {
            boundaries.push(Boundary {
                page: page_index,
                line,
                confidence: confidence.clamp(0.0, 1.0),
                proposed,
            });
        }
    }
    PageProposal { split, boundaries, ids }
}

/// Why line `line` of page `page` got its tag: the tag and the `top`
/// features that weighed most for it.
pub fn explain(
    edition: &Edition,
    model: &Model,
    page: usize,
    line: usize,
    top: usize,
) -> Option<(Tag, Vec<Reason>)> {
    let layout = layout::measure(edition.pages.get(page)?);
    let features = features::extract(&layout);
    let k = features.lines.iter().position(|&i| i == line)?;
    let emissions = leaning_to_open(model.emissions(&features));
    let tags = model.viterbi(&emissions, &model.moves(&features));
    let (previous, tag) = (k.checked_sub(1).map(|p| tags[p]), *tags.get(k)?);
    Some((tag, explain::reasons(model, &features, &emissions[k], k, (previous, tag), top)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_take_every_page_once_in_order() {
        assert_eq!(batches(&[], 10), Vec::<std::ops::Range<usize>>::new());
        assert_eq!(batches(&[3], 10), vec![std::ops::Range { start: 0, end: 1 }]);
        assert_eq!(batches(&[4, 4, 4, 4, 0], 10), [0..3, 3..5]);
        assert_eq!(batches(&[25, 1, 9, 0], 10), [0..1, 1..3, 3..4]);
        assert_eq!(batches(&[10, 10], 10), [0..1, 1..2]);
    }

    /// An edition of several pages, proposed on two threads, is proposed
    /// as each page alone would be, its articles numbered on in page
    /// order, each number once.
    #[test]
    fn pages_proposed_together_are_proposed_as_each_alone() {
        let texts = [
            include_str!("../../tests/fixtures/yongkang-daily-2022-11-07-p1.txt"),
            include_str!("../../tests/fixtures/commoner-lincoln-ne-1916-02-p1.txt"),
            include_str!("../../tests/fixtures/donghai-daily-2025-03-04-p1.txt"),
            include_str!("../../tests/fixtures/riverton-gazette-2025-03-04-a1.txt"),
        ];
        let dir = tempfile::tempdir().unwrap();
        let load = |name: &str, text: String| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            crate::load::load_path(&path, &Default::default()).unwrap()
        };
        let edition = load("edition.txt", texts.join("\u{c}"));
        assert_eq!(edition.pages.len(), texts.len());
        let together = propose_with(&edition, Model::builtin());
        assert_eq!(
            propose_in_batches(&edition, Model::builtin(), 1),
            together,
            "each page a batch of its own, each with its own matrices of moves"
        );
        let mut numbered = 0;
        for (index, text) in texts.iter().enumerate() {
            let alone = propose_with(&load(&format!("p{index}.txt"), (*text).to_owned()), Model::builtin());
            let blocks: Vec<&crate::model::Block> =
                together.split.blocks.iter().filter(|b| b.page == index).collect();
            assert_eq!(blocks.len(), alone.split.blocks.len(), "page {index}");
            for (ours, its) in blocks.iter().zip(&alone.split.blocks) {
                assert_eq!(
                    (&ours.range, ours.role, ours.cue),
                    (&its.range, its.role, its.cue),
                    "page {index}"
                );
                let shifted = its.article.map(|id| ArticleId(id.0 + numbered));
                assert_eq!(ours.article, shifted, "page {index}");
            }
            numbered += alone.split.articles.iter().map(|id| id.0).max().unwrap_or(0);
            let boundaries: Vec<_> = together.boundaries.iter().filter(|b| b.page == index).collect();
            assert_eq!(boundaries.len(), alone.boundaries.len());
            assert!(
                boundaries
                    .iter()
                    .zip(&alone.boundaries)
                    .all(|(a, b)| (a.line, a.confidence) == (b.line, b.confidence))
            );
        }
        let mut ids: Vec<u32> = together.split.articles.iter().map(|id| id.0).collect();
        let in_order = ids.clone();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids, in_order, "numbered in page order, each once");
    }

    #[test]
    fn a_boundary_is_proposed_where_the_model_leans_against_it_by_less_than_the_nudge() {
        let model = Model::untrained();
        let scores = |body_lead: f32| {
            let mut row = [0.0f32; Tag::COUNT];
            row[Tag::Body.index()] = body_lead;
            vec![[0.0f32; Tag::COUNT], row]
        };
        let moves = model.plain_moves(2);
        let opens_second = |body_lead| model.viterbi(&leaning_to_open(scores(body_lead)), &moves)[1].opens();
        assert!(opens_second(OPENING_BIAS * 0.6), "a body line only slightly preferred opens");
        assert!(!opens_second(OPENING_BIAS * 1.4), "a clear body line goes on");
        let unnudged = model.viterbi(&scores(OPENING_BIAS * 0.6), &moves);
        assert_eq!(unnudged[1], Tag::Body, "without the nudge the model's own choice stands");
    }
}
