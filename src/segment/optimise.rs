//! Minimising the training objective with L-BFGS ([`argmin`]'s, with a
//! Moré-Thuente line search).
//!
//! argmin asks for the objective and its gradient in separate calls, often
//! at the same point; both come from one pass over every page, so the last
//! point's pair is kept and handed out twice. The lowest point seen is kept
//! too: if the line search gives up (it can, near the optimum, when the
//! objective's rounding noise hides the slope), training still ends with
//! the best weights it found instead of failing.

use std::sync::{Arc, Mutex};

use argmin::core::{CostFunction, Executor, Gradient, State, TerminationReason, TerminationStatus};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;

use super::learn::Objective;

/// Stop when a step lowers the objective (per line) by less than this.
const TOLERANCE: f64 = 1e-7;

/// Past steps L-BFGS keeps to shape its next one.
const MEMORY: usize = 10;

/// Where the minimisation ended.
pub(super) struct Minimum {
    /// The lowest point found.
    pub point: Vec<f64>,
    /// The objective there.
    pub value: f64,
    /// Steps taken.
    pub iterations: u64,
    /// Why it stopped, in words.
    pub stopped: String,
}

/// The last point evaluated and the lowest one.
#[derive(Default)]
struct Memo {
    last: Option<(Vec<f64>, f64, Vec<f64>)>,
    best: Option<(f64, Vec<f64>)>,
    evaluations: u64,
}

/// The objective as argmin sees it.
struct Problem<'o> {
    objective: &'o Objective,
    memo: Arc<Mutex<Memo>>,
}

impl Problem<'_> {
    fn evaluate(&self, point: &[f64]) -> (f64, Vec<f64>) {
        let mut memo = self.memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((at, value, gradient)) = &memo.last
            && at.as_slice() == point
        {
            return (*value, gradient.clone());
        }
        let (value, gradient) = self.objective.value_and_gradient(point);
        memo.evaluations += 1;
        if memo.best.as_ref().is_none_or(|(best, _)| value < *best) {
            memo.best = Some((value, point.to_vec()));
        }
        memo.last = Some((point.to_vec(), value, gradient.clone()));
        (value, gradient)
    }
}

impl CostFunction for Problem<'_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, point: &Vec<f64>) -> Result<f64, argmin::core::Error> {
        Ok(self.evaluate(point).0)
    }
}

impl Gradient for Problem<'_> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, point: &Vec<f64>) -> Result<Vec<f64>, argmin::core::Error> {
        Ok(self.evaluate(point).1)
    }
}

/// Minimises `objective` from `start`, taking at most `iterations` steps.
pub(super) fn minimise(objective: &Objective, start: Vec<f64>, iterations: u64) -> Minimum {
    let memo = Arc::new(Mutex::new(Memo::default()));
    let problem = Problem { objective, memo: Arc::clone(&memo) };
    let outcome =
        LBFGS::new(MoreThuenteLineSearch::new(), MEMORY).with_tolerance_cost(TOLERANCE).and_then(|solver| {
            Executor::new(problem, solver)
                .configure(|state| state.param(start.clone()).max_iters(iterations))
                .run()
        });
    let (steps, stopped) = match &outcome {
        Ok(result) => {
            let state = result.state();
            let why = match state.get_termination_status() {
                TerminationStatus::Terminated(TerminationReason::SolverConverged) => "converged".to_owned(),
                TerminationStatus::Terminated(TerminationReason::MaxItersReached) => {
                    "reached the step limit".to_owned()
                }
                TerminationStatus::Terminated(other) => other.text().to_owned(),
                TerminationStatus::NotTerminated => "not finished".to_owned(),
            };
            (state.get_iter(), why)
        }
        Err(error) => (0, format!("the line search gave up ({error})")),
    };
    let memo = std::mem::take(&mut *memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    let (value, point) = memo.best.unwrap_or((f64::NAN, start));
    let iterations = if steps == 0 { memo.evaluations } else { steps };
    Minimum { point, value, iterations, stopped }
}
