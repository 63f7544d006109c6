//! The forward-backward passes of the line model: each line's marginal
//! probability of each tag (the confidence of a proposed boundary) and of
//! each pair of tags (what training needs), in scaled probability space.

#![allow(clippy::needless_range_loop)] // tag-indexed arrays read clearest by index

use super::tags::Tag;

const T: usize = Tag::COUNT;

/// Forward and backward passes in scaled probability space: each step is
/// normalised, so no logarithms are needed and nothing underflows.
pub(super) struct Lattice {
    pub(super) alpha: Vec<[f64; T]>,
    pub(super) beta: Vec<[f64; T]>,
    /// `exp` of each emission, shifted by the line's maximum.
    pub(super) potentials: Vec<[f64; T]>,
    /// `exp` of the transitions, `(T + 1) × T`.
    pub(super) moves: Vec<f64>,
    /// Scaling factors of the forward pass.
    pub(super) scales: Vec<f64>,
    /// Each line's largest emission, taken out of its potentials.
    shifts: Vec<f64>,
}

impl Lattice {
    pub(super) fn new(transitions: &[f32], emissions: &[[f32; T]]) -> Self {
        let transitions: Vec<f64> = transitions.iter().map(|&w| f64::from(w)).collect();
        let emissions: Vec<[f64; T]> = emissions.iter().map(|row| row.map(f64::from)).collect();
        Self::from_f64(&transitions, &emissions)
    }

    /// The lattice of scores kept in double precision, as training needs
    /// them for a log-likelihood summed over tens of thousands of lines.
    pub(super) fn from_f64(transitions: &[f64], emissions: &[[f64; T]]) -> Self {
        let n = emissions.len();
        let moves: Vec<f64> = transitions.iter().map(|&w| w.exp()).collect();
        let shifts: Vec<f64> =
            emissions.iter().map(|row| row.iter().copied().fold(f64::NEG_INFINITY, f64::max)).collect();
        let potentials: Vec<[f64; T]> =
            emissions.iter().zip(&shifts).map(|(row, &top)| row.map(|e| (e - top).exp())).collect();
        let mut alpha = vec![[0.0f64; T]; n];
        let mut scales = vec![1.0f64; n];
        for k in 0..n {
            for t in 0..T {
                let into = if k == 0 {
                    moves[T * T + t]
                } else {
                    (0..T).map(|s| alpha[k - 1][s] * moves[s * T + t]).sum()
                };
                alpha[k][t] = into * potentials[k][t];
            }
            let total: f64 = alpha[k].iter().sum();
            scales[k] = if total > 0.0 { total } else { 1.0 };
            alpha[k].iter_mut().for_each(|a| *a /= scales[k]);
        }
        let mut beta = vec![[1.0f64; T]; n];
        for k in (0..n.saturating_sub(1)).rev() {
            for s in 0..T {
                beta[k][s] =
                    (0..T).map(|t| moves[s * T + t] * potentials[k + 1][t] * beta[k + 1][t]).sum::<f64>()
                        / scales[k + 1];
            }
        }
        Self { alpha, beta, potentials, moves, scales, shifts }
    }

    /// The logarithm of the sum of the scores of every tag sequence: what
    /// the page's log-likelihood is measured against.
    pub(super) fn log_partition(&self) -> f64 {
        self.scales.iter().map(|s| s.ln()).sum::<f64>() + self.shifts.iter().sum::<f64>()
    }

    pub(super) fn marginal(&self, k: usize) -> [f64; T] {
        let mut out = [0.0f64; T];
        let total: f64 = (0..T).map(|t| self.alpha[k][t] * self.beta[k][t]).sum();
        if total > 0.0 {
            for t in 0..T {
                out[t] = self.alpha[k][t] * self.beta[k][t] / total;
            }
        }
        out
    }

    /// Probability of tags `s` at line `k - 1` and `t` at line `k`.
    pub(super) fn pair(&self, k: usize, s: usize, t: usize) -> f64 {
        self.alpha[k - 1][s] * self.moves[s * T + t] * self.potentials[k][t] * self.beta[k][t]
            / self.scales[k]
    }
}
