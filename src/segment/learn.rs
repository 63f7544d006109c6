//! Learning the line model's weights from pages whose split is known: the
//! truth files of the development corpus, or documents editors corrected.
//!
//! Training maximises the conditional log-likelihood of the true tags with
//! an L2 penalty, by stochastic gradient steps page by page (AdaGrad step
//! sizes, pages in a seeded random order), and returns the average of the
//! weights over the second half of the epochs, which generalises better
//! than the last step. The same pages and settings give the same model.

#![allow(clippy::needless_range_loop)] // tag-indexed arrays read clearest by index
use super::features::{self, FEATURE_COUNT, PageFeatures, for_each_active};
use super::lattice::Lattice;
use super::layout;
use super::model::{Model, mask};
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
    /// Passes over the pages.
    pub epochs: usize,
    /// L2 penalty on the weights.
    pub l2: f64,
    /// AdaGrad's base step size.
    pub rate: f64,
    /// Seed of the page order.
    pub seed: u64,
    /// Learn weights for the words of Latin lines (off: they stay zero).
    pub words: bool,
    /// Learn the copy of each feature shared by both scripts as well as
    /// each script's own (off: they stay zero). Measured with five paper
    /// folds, sharing costs Chinese pages (boundary F1 .733 with it, .780
    /// without; English .407 and .398), but without it the Chinese weights
    /// learn the composed pages' layout too well: a two-line page with no
    /// masthead became noise. On until more real Chinese pages settle it.
    pub shared: bool,
}

impl Default for Training {
    fn default() -> Self {
        Self { epochs: 30, l2: 1.0, rate: 0.2, seed: 1, words: true, shared: true }
    }
}

/// Learns a model from `examples`; `note` says what they were.
///
/// With a `prior` model, training starts from its weights and the penalty
/// pulls towards them instead of towards zero: a few pages of one paper
/// adapt the model to that paper without unlearning the rest.
pub fn train(examples: &[Example], settings: &Training, prior: Option<&Model>, note: String) -> Model {
    let mut state = State::new(prior);
    let total_lines: usize = examples.iter().map(|e| e.tags.len()).sum::<usize>().max(1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = settings.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let averaging_from = settings.epochs / 2;
    let mut sum_weights = vec![0.0f64; FEATURE_COUNT * T];
    let mut sum_transitions = vec![0.0f64; (T + 1) * T];
    let mut averaged = 0usize;
    for epoch in 0..settings.epochs {
        shuffle(&mut order, &mut rng);
        for &e in &order {
            let example = &examples[e];
            let share = example.tags.len() as f64 / total_lines as f64;
            state.step(example, settings, share);
        }
        if epoch >= averaging_from {
            sum_weights.iter_mut().zip(&state.weights).for_each(|(s, w)| *s += f64::from(*w));
            sum_transitions.iter_mut().zip(&state.transitions).for_each(|(s, w)| *s += f64::from(*w));
            averaged += 1;
        }
    }
    let n = averaged.max(1) as f64;
    let weights = sum_weights.iter().map(|s| (s / n) as f32).collect();
    let transitions = sum_transitions.iter().map(|s| (s / n) as f32).collect();
    Model::from_parts(weights, transitions, note)
}

/// Fisher-Yates with a xorshift generator: the same seed, the same order,
/// on every machine and every version of every crate.
fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        let j = (*rng % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Weights being learned, with AdaGrad's sums of squared gradients.
struct State {
    weights: Vec<f32>,
    transitions: Vec<f32>,
    /// What the penalty pulls towards: zero, or a prior model's weights.
    centre: Vec<f32>,
    transition_centre: Vec<f32>,
    squares: Vec<f32>,
    transition_squares: Vec<f32>,
}

impl State {
    fn new(prior: Option<&Model>) -> Self {
        let (weights, transitions) = match prior {
            Some(model) => (model.weights.clone(), model.unmasked_transitions()),
            None => (vec![0.0; FEATURE_COUNT * T], vec![0.0; (T + 1) * T]),
        };
        Self {
            centre: weights.clone(),
            transition_centre: transitions.clone(),
            weights,
            transitions,
            squares: vec![0.0; FEATURE_COUNT * T],
            transition_squares: vec![0.0; (T + 1) * T],
        }
    }

    /// The feature indices active at each line.
    fn active(page: &PageFeatures) -> Vec<Vec<usize>> {
        (0..page.base.len())
            .map(|k| {
                let mut out = Vec::with_capacity(page.base[k].len() * 10 + page.words[k].len());
                for_each_active(page, k, |f| out.push(f));
                out
            })
            .collect()
    }

    /// One gradient step on one page.
    fn step(&mut self, example: &Example, settings: &Training, share: f64) {
        let n = example.tags.len();
        if n == 0 {
            return;
        }
        let mut active = Self::active(&example.features);
        if !settings.words {
            let words_from = super::features::word_index(0);
            active.iter_mut().for_each(|a| a.retain(|&f| f < words_from));
        }
        if !settings.shared {
            active.iter_mut().for_each(|a| a.retain(|&f| !features::is_shared(f)));
        }
        let emissions: Vec<[f32; T]> = active
            .iter()
            .map(|features| {
                let mut row = [0.0f32; T];
                for &f in features {
                    for (t, r) in row.iter_mut().enumerate() {
                        *r += self.weights[f * T + t];
                    }
                }
                row
            })
            .collect();
        let mut transitions = self.transitions.clone();
        mask(&mut transitions);
        let lattice = Lattice::new(&transitions, &emissions);
        let l2 = settings.l2 * share;
        let rate = settings.rate;
        let weight = example.weight;
        // Emissions: expected minus observed counts of each active feature.
        for (k, features) in active.iter().enumerate() {
            let marginal = lattice.marginal(k);
            let gold = example.tags[k].index();
            for &f in features {
                for t in 0..T {
                    let observed = if t == gold { 1.0 } else { 0.0 };
                    let at = f * T + t;
                    let pull = f64::from(self.weights[at] - self.centre[at]);
                    let gradient = weight * (f64::from(marginal[t]) - observed) + l2 * pull;
                    adagrad(&mut self.weights[at], &mut self.squares[at], gradient, rate);
                }
            }
        }
        // Transitions, from the page's top and between lines.
        let mut gradient = vec![0.0f64; (T + 1) * T];
        let first = lattice.marginal(0);
        for t in 0..T {
            gradient[T * T + t] += f64::from(first[t]);
        }
        gradient[T * T + example.tags[0].index()] -= 1.0;
        for k in 1..n {
            for s in 0..T {
                for t in 0..T {
                    gradient[s * T + t] += lattice.pair(k, s, t);
                }
            }
            gradient[example.tags[k - 1].index() * T + example.tags[k].index()] -= 1.0;
        }
        for (at, g) in gradient.iter().enumerate() {
            let g = weight * g + l2 * f64::from(self.transitions[at] - self.transition_centre[at]);
            adagrad(&mut self.transitions[at], &mut self.transition_squares[at], g, rate);
        }
    }
}

fn adagrad(weight: &mut f32, square: &mut f32, gradient: f64, rate: f64) {
    if gradient == 0.0 {
        return;
    }
    *square += (gradient * gradient) as f32;
    *weight -= (rate * gradient / (f64::from(*square).sqrt() + 1e-8)) as f32;
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

    #[test]
    fn training_learns_what_it_is_shown_and_is_reproducible() {
        let pages: Vec<Page> = (0..6)
            .map(|n| page(&format!("FIRE AT MILL {n}\nThe mill burned down.\nNobody was hurt.\nFLOOD IN TOWN {n}\nThe river rose.\nAll are safe.\n")))
            .collect();
        let examples: Vec<Example> = pages.iter().map(|p| Example::new(&labelled(p))).collect();
        let settings = Training { epochs: 20, ..Training::default() };
        let model = train(&examples, &settings, None, "{}".into());
        let test = Example::new(&labelled(&pages[0]));
        let tags = model.viterbi(&model.emissions(&test.features));
        assert_eq!(tags, test.tags);
        assert_eq!(
            train(&examples, &settings, None, "{}".into()),
            model,
            "the same pages give the same model"
        );
    }
}
