//! Leave-one-paper-out: for each paper, a model trained on every other
//! paper's pages scores that paper's pages. These are the only figures that
//! say how the split does on a paper nobody trained on.

use std::collections::BTreeSet;

use super::corpus::TruthPage;
use super::score::Score;
use super::score_truth_page;
use crate::segment::{self, Example, Training};

/// One held-out group done: which of how many, and the scores of its
/// pages (indices into `pages`). A run over 131 papers takes hours; this is
/// how its figures so far reach the user before it ends, or if it is
/// stopped.
#[derive(Debug)]
pub struct HeldOut<'a> {
    /// Groups done so far, this one included.
    pub done: usize,
    /// Groups in all.
    pub groups: usize,
    /// The group's pages and their scores.
    pub scored: &'a [(usize, Score)],
}

/// Each page's score under the model trained without its paper, in the
/// order of `pages`. Papers are trained on two threads; `progress` hears
/// of each paper as it is done (in the order they finish).
pub fn leave_one_paper_out(
    pages: &[TruthPage],
    settings: &Training,
    progress: &(dyn Fn(HeldOut<'_>) + Sync),
) -> Vec<Score> {
    held_out(pages, settings, None, progress)
}

/// Each page's score under a model trained without its paper's fold: the
/// papers are dealt into `folds` groups (by name, so always the same way),
/// and each group is scored by a model trained on the others. Faster than
/// leaving one paper out, and as honest: no page is scored by a model that
/// saw its paper.
pub fn paper_folds(
    pages: &[TruthPage],
    settings: &Training,
    folds: usize,
    progress: &(dyn Fn(HeldOut<'_>) + Sync),
) -> Vec<Score> {
    held_out(pages, settings, Some(folds.max(2)), progress)
}

fn held_out(
    pages: &[TruthPage],
    settings: &Training,
    folds: Option<usize>,
    progress: &(dyn Fn(HeldOut<'_>) + Sync),
) -> Vec<Score> {
    let examples: Vec<Example> = pages.iter().map(|p| Example::new(&p.labelled())).collect();
    let distinct_papers: Vec<String> =
        pages.iter().map(TruthPage::paper).collect::<BTreeSet<_>>().into_iter().collect();
    let group_of = |paper: &String| {
        let n = distinct_papers.iter().position(|p| p == paper).unwrap_or(0);
        folds.map_or(n, |k| n % k).to_string()
    };
    let papers: Vec<String> = pages.iter().map(|p| group_of(&p.paper())).collect();
    let distinct: Vec<&String> = papers.iter().collect::<BTreeSet<_>>().into_iter().collect();
    let mut scores: Vec<Option<Score>> = vec![None; pages.len()];
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 2);
    let results = std::sync::Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let finished = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&held_out) = distinct.get(n) else { break };
                    let training: Vec<Example> = examples
                        .iter()
                        .zip(&papers)
                        .filter(|(_, paper)| *paper != held_out)
                        .map(|(e, _)| e.clone())
                        .collect();
                    // Papers are already trained two at a time.
                    let settings = Training { threads: 1, ..settings.clone() };
                    let model = segment::train(&training, &settings, None, String::new());
                    let scored: Vec<(usize, Score)> = (0..pages.len())
                        .filter(|&i| &papers[i] == held_out)
                        .map(|i| (i, score_truth_page(&pages[i], |e| segment::propose_with(e, &model).split)))
                        .collect();
                    if let Ok(mut all) = results.lock() {
                        all.extend(scored.iter().cloned());
                        // Under the lock, so that `done` counts in order.
                        let done = finished.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                        progress(HeldOut { done, groups: distinct.len(), scored: &scored });
                    }
                }
            });
        }
    });
    for (i, score) in results.into_inner().unwrap_or_default() {
        scores[i] = Some(score);
    }
    scores.into_iter().map(Option::unwrap_or_default).collect()
}
