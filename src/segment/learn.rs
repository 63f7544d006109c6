//! Learning the line model's weights from pages whose split is known: the
//! truth files of the development corpus, or documents editors corrected.
//!
//! Training finds the weights that maximise the conditional log-likelihood
//! of the true tags of every page at once, less an L2 penalty: a convex
//! objective with one optimum, found by L-BFGS over all pages together
//! ([`argmin`]). The optimum does not depend on the order pages are read
//! in. The first trainer took stochastic AdaGrad steps page by page, and
//! the order alone moved a model's held-out boundary F1 by up to .11,
//! which made every comparison between two models a draw.

#![allow(clippy::needless_range_loop)] // tag-indexed arrays read clearest by index
use super::features::{self, FEATURE_COUNT, JUNCTION_COUNT, PageFeatures, for_each_active};
use super::lattice::Lattice;
use super::layout;
use super::model::{Model, junction_matrices, mask, matrix_into};
use super::tags::{Tag, tag_lines};
use crate::model::{Page, Role};

const T: usize = Tag::COUNT;

/// A page whose split is known: who owns each line and in what role.
#[derive(Debug, Clone)]
pub struct Labelled<'p> {
    /// The page.
    pub page: &'p Page,
    /// For lines by 0-based index: the owning article's number (any
    /// numbering, `None` for set-aside lines) and the line's role. Lines
    /// not listed count as noise.
    pub lines: Vec<(usize, Option<usize>, Role)>,
    /// How much the page counts in training (1 for most pages).
    pub weight: f64,
}

/// A page turned into what training reads: features and true tags.
#[derive(Debug, Clone)]
pub struct Example {
    /// The features of its non-blank lines.
    pub features: PageFeatures,
    /// The true tag of each.
    pub tags: Vec<Tag>,
    /// How much it counts.
    pub weight: f64,
}

impl Example {
    /// The example of a labelled page.
    pub fn new(labelled: &Labelled<'_>) -> Self {
        let layout = layout::measure(labelled.page);
        let features = features::extract(&layout);
        let by_line: std::collections::HashMap<usize, (Option<usize>, Role)> =
            labelled.lines.iter().map(|&(line, owner, role)| (line, (owner, role))).collect();
        let owners: Vec<(Option<usize>, Role)> =
            features.lines.iter().map(|i| by_line.get(i).copied().unwrap_or((None, Role::Noise))).collect();
        Self { tags: tag_lines(&owners), features, weight: labelled.weight }
    }
}

/// How to train.
#[derive(Debug, Clone, PartialEq)]
pub struct Training {
    /// At most this many L-BFGS steps (each reads every page once or a
    /// few times); training usually stops earlier, at the optimum.
    pub iterations: u64,
    /// L2 penalty on the weights: `l2 / 2 × |w − centre|²` is added to the
    /// negative log-likelihood summed over every line, so the more pages,
    /// the less it weighs against them.
    pub l2: f64,
    /// Learn weights for the words of Latin lines (off: they stay zero).
    pub words: bool,
    /// Learn the copy of each feature shared by both scripts as well as
    /// each script's own (off: they stay zero). Five paper folds measure no
    /// difference (boundary F1 with and without: Chinese .662 and .660,
    /// English .373 and .374); without it, a two-line Chinese page with no
    /// masthead once became noise, so it stays on.
    pub shared: bool,
    /// What a boundary error costs in training (softmax-margin; see
    /// [`BoundaryCosts`]).
    pub costs: BoundaryCosts,
    /// Learn junction weights: what a line's junction indicators add to
    /// each transition into it (off: they stay zero).
    pub junctions: bool,
    /// L2 penalty on the junction weights, as `l2` on the others: there
    /// are a hundred and sixty-nine for each indicator, one per pair of
    /// tags, most of them seen on few lines.
    pub junction_l2: f64,
    /// Threads reading pages (the model is the same for any number); 0,
    /// the default, for as many as the machine runs at once. Asked when
    /// training starts: the command line builds the default settings on
    /// every start, and asking the machine (cgroup files, five times) was a
    /// visible part of splitting one small page.
    pub threads: usize,
}

/// How much a wrong boundary costs when training, as margins the model
/// must learn to keep (Gimpel and Smith, 2010, "Softmax-margin CRFs").
///
/// Plain likelihood treats every wrong tag alike. Here every tag sequence
/// the model weighs against the truth has its score raised by the cost of
/// its mistakes, so training pushes hardest on the weights that keep the
/// true tags ahead of costly ones: a line that opens an article read as
/// one that does not (`missed`), or the reverse (`extra`). Decoding is
/// unchanged: the costs only shape the weights. Missing a boundary costs
/// more than proposing one: an editor finds a false boundary in the
/// article it cuts, a missed one only by reading two articles as one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundaryCosts {
    /// Added to a tag that does not open an article, on a line that does.
    pub missed: f64,
    /// Added to a tag that opens an article, on a line that does not.
    pub extra: f64,
}

impl BoundaryCosts {
    /// Plain likelihood: no margins.
    pub const NONE: Self = Self { missed: 0.0, extra: 0.0 };

    /// The cost of tag `tag` on a line whose true tag is `truth`.
    fn of(&self, truth: Tag, tag: Tag) -> f64 {
        match (truth.opens(), tag.opens()) {
            (true, false) => self.missed,
            (false, true) => self.extra,
            _ => 0.0,
        }
    }
}

/// The junction weights' penalty, chosen on ten paper folds
/// (docs/split.md, "Junctions"): 3 (as the other weights), 9 and 30 gave
/// English boundary F1 .579, .581, .582, lines .530, .545, .544; Chinese
/// exact headlines .523, .515, .506, lines .752, .758, .744. 9 is the one
/// that raises every English figure and Chinese headlines and lines.
const JUNCTION_L2: f64 = 9.0;

impl Default for Training {
    fn default() -> Self {
        Self {
            iterations: 1000,
            // Five paper folds: 1, 3 and 10 give English boundary F1 .371,
            // .373, .370 and Chinese .646, .650, .644.
            l2: 3.0,
            words: true,
            shared: true,
            // Chosen on ten paper folds (docs/split.md, "Boundary costs"):
            // with the decision's nudge, English boundary F1 .572 -> .577,
            // lines .522 -> .538; Chinese F1 .627 -> .637, headlines .484
            // -> .501.
            costs: BoundaryCosts { missed: 1.0, extra: 0.5 },
            junctions: true,
            junction_l2: JUNCTION_L2,
            threads: 0,
        }
    }
}

/// What came out of training, beside the model: for its note.
#[derive(Debug, Clone, PartialEq)]
pub struct Trained {
    /// The model.
    pub model: Model,
    /// L-BFGS steps taken (objective evaluations, if the line search gave
    /// up before the first step ended).
    pub iterations: u64,
    /// The objective at the end, per line: negative log-likelihood (with
    /// the boundary costs as margins) plus penalty.
    pub objective: f64,
    /// Why training stopped.
    pub stopped: String,
}

/// Learns a model from `examples`; `note` says what they were.
///
/// With a `prior` model, training starts from its weights and the penalty
/// pulls towards them instead of towards zero: a few pages of one paper
/// adapt the model to that paper without unlearning the rest.
pub fn train(examples: &[Example], settings: &Training, prior: Option<&Model>, note: String) -> Model {
    train_reporting(examples, settings, prior, note).model
}

/// [`train`], also saying how the optimisation went.
pub fn train_reporting(
    examples: &[Example],
    settings: &Training,
    prior: Option<&Model>,
    note: String,
) -> Trained {
    let objective = Objective::new(examples, settings, prior);
    let start = objective.centre.clone();
    let found = super::optimise::minimise(&objective, start, settings.iterations);
    let (weights, rest) = found.point.split_at(EMISSIONS);
    let (transitions, junctions) = rest.split_at(TRANSITIONS);
    Trained {
        model: Model::from_parts(
            weights.iter().map(|&w| w as f32).collect::<Vec<f32>>(),
            transitions.iter().map(|&w| w as f32).collect(),
            junctions.iter().map(|&w| w as f32).collect::<Vec<f32>>(),
            note,
        ),
        iterations: found.iterations,
        objective: found.value,
        stopped: found.stopped,
    }
}

/// How many emission weights come before the transitions in the vector
/// being optimised.
const EMISSIONS: usize = FEATURE_COUNT * T;

/// How many transition weights follow them (the junction weights come
/// after).
const TRANSITIONS: usize = (T + 1) * T;

/// Where the junction weights begin.
const JUNCTIONS_FROM: usize = EMISSIONS + TRANSITIONS;

/// How many weights are optimised.
const WEIGHTS: usize = JUNCTIONS_FROM + JUNCTION_COUNT * T * T;

/// The pages are cut into this many runs, each summed on its own and the
/// runs then added in order: the same sums, to the last bit, on any
/// number of threads.
const RUNS: usize = 32;

/// One run of pages' negative log-likelihood and gradient.
type RunSum = (f64, Vec<f64>);

/// A page as the objective reads it: each line's active features, in one
/// flat list, and its true tag.
struct Compiled {
    /// Where each line's features start in `features` (one more than lines).
    starts: Vec<usize>,
    features: Vec<u32>,
    tags: Vec<usize>,
    /// The distinct sets of junction indicators of its lines, the first
    /// empty, and for each line the set leading into it.
    junction_sets: Vec<Vec<u16>>,
    which: Vec<u32>,
    weight: f64,
}

/// The training objective: for weights `w`, the sum over pages of their
/// negative log-likelihood (with the boundary costs as margins), plus
/// `l2 / 2 × |w − centre|²`, divided by the number of lines (so its size
/// does not grow with the corpus).
pub(super) struct Objective {
    pages: Vec<Compiled>,
    centre: Vec<f64>,
    l2: f64,
    junction_l2: f64,
    costs: BoundaryCosts,
    lines: f64,
    threads: usize,
}

impl Objective {
    fn new(examples: &[Example], settings: &Training, prior: Option<&Model>) -> Self {
        let words_from = super::features::word_index(0);
        let pages = examples
            .iter()
            .filter(|e| !e.tags.is_empty())
            .map(|example| {
                let page = &example.features;
                let mut starts = vec![0];
                let mut features = Vec::new();
                for k in 0..page.base.len() {
                    for_each_active(page, k, |f| {
                        let kept = (settings.words || f < words_from)
                            && (settings.shared || !features::is_shared(f));
                        if kept {
                            features.push(f as u32);
                        }
                    });
                    starts.push(features.len());
                }
                let keep =
                    |j: u16| settings.junctions && (settings.shared || j as usize >= features::JUNCTION_BASE);
                let (junction_sets, which) = features::junction_sets(page, keep);
                Compiled {
                    starts,
                    features,
                    tags: example.tags.iter().map(|t| t.index()).collect(),
                    junction_sets,
                    which,
                    weight: example.weight,
                }
            })
            .collect::<Vec<_>>();
        let centre = match prior {
            Some(model) => model
                .weights
                .iter()
                .chain(&model.unmasked_transitions())
                .chain(model.junctions.iter())
                .map(|&w| f64::from(w))
                .collect(),
            None => vec![0.0; WEIGHTS],
        };
        let lines = pages.iter().map(|p| p.tags.len() as f64 * p.weight).sum::<f64>().max(1.0);
        Self {
            pages,
            centre,
            l2: settings.l2,
            junction_l2: settings.junction_l2,
            costs: settings.costs,
            lines,
            threads: match settings.threads {
                0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
                threads => threads,
            },
        }
    }

    /// The objective and its gradient at `point`.
    pub(super) fn value_and_gradient(&self, point: &[f64]) -> (f64, Vec<f64>) {
        let mut transitions = point[EMISSIONS..JUNCTIONS_FROM].to_vec();
        mask(&mut transitions);
        let runs: Vec<&[Compiled]> = self.pages.chunks(self.pages.len().div_ceil(RUNS).max(1)).collect();
        let sums: Vec<std::sync::Mutex<Option<RunSum>>> =
            runs.iter().map(|_| std::sync::Mutex::new(None)).collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..self.threads.min(runs.len()) {
                scope.spawn(|| {
                    loop {
                        let r = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(run) = runs.get(r) else { break };
                        let mut gradient = vec![0.0; point.len()];
                        let value = run
                            .iter()
                            .map(|page| page_loss(page, point, &transitions, self.costs, &mut gradient))
                            .sum();
                        if let Ok(mut slot) = sums[r].lock() {
                            *slot = Some((value, gradient));
                        }
                    }
                });
            }
        });
        let mut value = 0.0;
        let mut gradient = vec![0.0; point.len()];
        for slot in sums {
            if let Some((v, g)) = slot.into_inner().ok().flatten() {
                value += v;
                gradient.iter_mut().zip(&g).for_each(|(a, b)| *a += b);
            }
        }
        for (i, ((g, &w), &c)) in gradient.iter_mut().zip(point).zip(&self.centre).enumerate() {
            let l2 = if i >= JUNCTIONS_FROM { self.junction_l2 } else { self.l2 };
            value += 0.5 * l2 * (w - c) * (w - c);
            *g += l2 * (w - c);
        }
        gradient.iter_mut().for_each(|g| *g /= self.lines);
        (value / self.lines, gradient)
    }
}

/// Adds one page's weighted gradient to `gradient` and returns its weighted
/// negative log-likelihood: the log of the sum over every tag sequence's
/// score, each raised by the cost of its boundary errors (`costs`), less
/// the true sequence's score (which costs nothing).
fn page_loss(
    page: &Compiled,
    point: &[f64],
    transitions: &[f64],
    costs: BoundaryCosts,
    gradient: &mut [f64],
) -> f64 {
    let n = page.tags.len();
    let line = |k: usize| &page.features[page.starts[k]..page.starts[k + 1]];
    let tags = &page.tags;
    // Each line's scores with its boundary costs added: the true tag
    // costs nothing, so the truth's score below reads the same rows.
    let emissions: Vec<[f64; T]> = (0..n)
        .map(|k| {
            let mut row = [0.0f64; T];
            for &f in line(k) {
                let weights = &point[f as usize * T..][..T];
                row.iter_mut().zip(weights).for_each(|(r, w)| *r += w);
            }
            let truth = Tag::from_index(tags[k]);
            row.iter_mut().zip(Tag::ALL).for_each(|(r, tag)| *r += costs.of(truth, tag));
            row
        })
        .collect();
    let matrices = junction_matrices(transitions, &point[JUNCTIONS_FROM..], &page.junction_sets);
    let which = &page.which;
    let lattice = Lattice::from_f64(&matrices, which, &emissions);
    let mut truth = transitions[T * T + tags[0]] + emissions[0][tags[0]];
    for k in 1..n {
        truth += matrix_into(&matrices, which, k)[tags[k - 1] * T + tags[k]] + emissions[k][tags[k]];
    }
    let weight = page.weight;
    for k in 0..n {
        let mut expected = lattice.marginal(k);
        expected[tags[k]] -= 1.0;
        for &f in line(k) {
            let row = &mut gradient[f as usize * T..][..T];
            row.iter_mut().zip(&expected).for_each(|(g, e)| *g += weight * e);
        }
    }
    let (moves, junctions) = gradient[EMISSIONS..].split_at_mut(TRANSITIONS);
    let first = lattice.marginal(0);
    for t in 0..T {
        moves[T * T + t] += weight * first[t];
    }
    moves[T * T + tags[0]] -= weight;
    // Each set's expected less observed moves, summed over its lines: what
    // the transitions and every junction weight of the set move by.
    let mut by_set = vec![[0.0f64; T * T]; page.junction_sets.len()];
    for k in 1..n {
        let sum = &mut by_set[which[k] as usize];
        for s in 0..T {
            for t in 0..T {
                sum[s * T + t] += lattice.pair(k, s, t);
            }
        }
        sum[tags[k - 1] * T + tags[k]] -= 1.0;
    }
    for (set, sum) in page.junction_sets.iter().zip(&by_set) {
        moves[..T * T].iter_mut().zip(sum).for_each(|(g, e)| *g += weight * e);
        for &j in set {
            let row = &mut junctions[j as usize * T * T..][..T * T];
            row.iter_mut().zip(sum).for_each(|(g, e)| *g += weight * e);
        }
    }
    weight * (lattice.log_partition() - truth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PageSource;

    fn page(text: &str) -> Page {
        let source =
            PageSource { path: "p.txt".into(), form_feed_page: None, byte_range: 0..text.len() as u64 };
        Page::new("p.txt".into(), source, "UTF-8", String::new(), text.into())
    }

    /// Pages of the same shape: a capitalised headline, then text.
    fn labelled(page: &Page) -> Labelled<'_> {
        let lines = (0..page.line_count())
            .filter(|&i| !page.line(i).trim().is_empty())
            .map(|i| {
                let title = page.line(i).chars().all(|c| !c.is_lowercase());
                (i, Some(i / 3), if title { Role::Headline } else { Role::Body })
            })
            .collect();
        Labelled { page, lines, weight: 1.0 }
    }

    fn six_pages() -> Vec<Page> {
        (0..6)
            .map(|n| page(&format!("FIRE AT MILL {n}\nThe mill burned down.\nNobody was hurt.\nFLOOD IN TOWN {n}\nThe river rose.\nAll are safe.\n")))
            .collect()
    }

    #[test]
    fn training_learns_what_it_is_shown_and_is_reproducible() {
        let pages = six_pages();
        let examples: Vec<Example> = pages.iter().map(|p| Example::new(&labelled(p))).collect();
        let settings = Training::default();
        let trained = train_reporting(&examples, &settings, None, "{}".into());
        assert_eq!(trained.stopped, "converged", "{trained:?}");
        let test = Example::new(&labelled(&pages[0]));
        let model = &trained.model;
        let tags = model.viterbi(&model.emissions(&test.features), &model.moves(&test.features));
        assert_eq!(tags, test.tags);
        assert_eq!(
            train(&examples, &settings, None, "{}".into()),
            trained.model,
            "the same pages give the same model"
        );
    }

    /// The point of training on every page at once: neither the order the
    /// pages come in nor the number of threads changes a single weight.
    #[test]
    fn the_model_does_not_depend_on_page_order_or_threads() {
        let mut pages = six_pages();
        pages.push(page("MARKETS\nWheat is up.\nCorn is down.\n"));
        let examples: Vec<Example> = pages.iter().map(|p| Example::new(&labelled(p))).collect();
        let one = Training { threads: 1, ..Training::default() };
        let model = train(&examples, &one, None, "{}".into());
        let mut reversed = examples.clone();
        reversed.reverse();
        let other = train(&reversed, &Training { threads: 3, ..Training::default() }, None, "{}".into());
        let largest =
            model.weights.iter().zip(other.weights.iter()).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
        assert!(largest < 1e-3, "weights differ by {largest}");
    }

    /// The gradient is the objective's slope: checked against finite
    /// differences along a few weights that the pages use and one they
    /// do not (whose slope is the penalty's alone).
    #[test]
    fn the_gradient_matches_finite_differences() {
        let pages = six_pages();
        let examples: Vec<Example> = pages.iter().map(|p| Example::new(&labelled(p))).collect();
        for costs in [Training::default().costs, BoundaryCosts::NONE] {
            let objective = Objective::new(&examples, &Training { costs, ..Training::default() }, None);
            slope_matches_finite_differences(&objective);
        }
    }

    fn slope_matches_finite_differences(objective: &Objective) {
        let mut point: Vec<f64> =
            (0..objective.centre.len()).map(|i| ((i * 7919) % 13) as f64 * 0.01 - 0.06).collect();
        let (_, gradient) = objective.value_and_gradient(&point);
        let used = &objective.pages[0].features;
        let mut probes: Vec<usize> = used.iter().take(5).map(|&f| f as usize * T + 2).collect();
        probes.push(EMISSIONS + T * T + Tag::ALL.iter().position(|t| t.opens()).unwrap_or(0));
        probes.push(EMISSIONS - 1);
        // Junction weights of a set some line has, on a pair of tags the
        // pages take and on one they do not.
        let set = objective.pages[0].junction_sets.last().expect("a line with junction indicators");
        let j = JUNCTIONS_FROM + set[0] as usize * T * T;
        let (body, start) = (Tag::Body.index(), Tag::HeadlineStart.index());
        probes.extend([j + body * T + start, j + start * T + body, j + body * T + body]);
        for at in probes {
            let h = 1e-5;
            let kept = point[at];
            point[at] = kept + h;
            let (up, _) = objective.value_and_gradient(&point);
            point[at] = kept - h;
            let (down, _) = objective.value_and_gradient(&point);
            point[at] = kept;
            let numeric = (up - down) / (2.0 * h);
            assert!(
                (numeric - gradient[at]).abs() < 1e-6 + 1e-4 * numeric.abs(),
                "weight {at}: {numeric} against {}",
                gradient[at]
            );
        }
    }

    /// Boundary costs raise the score of every sequence that misplaces a
    /// boundary, never the truth's: the objective only grows, and a model
    /// trained with them keeps its true boundaries further ahead of the
    /// lines' other tags.
    #[test]
    fn boundary_costs_widen_the_margin_of_true_boundaries() {
        let pages = six_pages();
        let examples: Vec<Example> = pages.iter().map(|p| Example::new(&labelled(p))).collect();
        let plain = Training { costs: BoundaryCosts::NONE, ..Training::default() };
        let costed = Training { costs: BoundaryCosts { missed: 2.0, extra: 1.0 }, ..Training::default() };
        let point = vec![0.01; WEIGHTS];
        let value =
            |settings: &Training| Objective::new(&examples, settings, None).value_and_gradient(&point).0;
        assert!(value(&costed) > value(&plain), "margins only add to the objective");
        let test = Example::new(&labelled(&pages[0]));
        let margin = |settings: &Training| {
            let model = train(&examples, settings, None, "{}".into());
            let emissions = model.emissions(&test.features);
            let opening = test.tags.iter().position(|t| t.opens()).unwrap_or(0);
            let truth = test.tags[opening].index();
            let rival =
                (0..T).filter(|&t| t != truth).map(|t| emissions[opening][t]).fold(f32::MIN, f32::max);
            emissions[opening][truth] - rival
        };
        assert!(margin(&costed) > margin(&plain), "{} against {}", margin(&costed), margin(&plain));
    }

    /// Adapting starts from the prior and the penalty pulls towards it: a
    /// strong penalty keeps every weight close to the prior's, where
    /// training from scratch with the same penalty leaves them near zero.
    #[test]
    fn adapting_stays_near_the_prior() {
        let pages = six_pages();
        let examples: Vec<Example> = pages.iter().map(|p| Example::new(&labelled(p))).collect();
        let prior = train(&examples, &Training { l2: 0.01, ..Training::default() }, None, "{}".into());
        let strong = Training { l2: 1000.0, ..Training::default() };
        let distance = |model: &Model| {
            prior.weights.iter().zip(model.weights.iter()).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max)
        };
        let adapted = train(&examples, &strong, Some(&prior), "{}".into());
        let scratch = train(&examples, &strong, None, "{}".into());
        assert!(distance(&adapted) < 1e-2, "adapting moved a weight by {}", distance(&adapted));
        assert!(distance(&scratch) > 0.1, "training from scratch came as close: {}", distance(&scratch));
    }
}
