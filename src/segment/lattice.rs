//! The forward-backward passes of the line model: each line's marginal
//! probability of each tag (the confidence of a proposed boundary) and of
//! each pair of tags (what training needs), in scaled probability space.

#![allow(clippy::needless_range_loop)] // tag-indexed arrays read clearest by index

use super::model::matrix_into;
use super::tags::Tag;

const T: usize = Tag::COUNT;

/// Forward and backward passes in scaled probability space: each step is
/// normalised, so no logarithms are needed and nothing underflows.
pub(super) struct Lattice {
    pub(super) alpha: Vec<[f64; T]>,
    pub(super) beta: Vec<[f64; T]>,
    /// `exp` of each emission, shifted by the line's maximum.
    pub(super) potentials: Vec<[f64; T]>,
    /// `exp` of each matrix of transitions, `(T + 1) × T` each.
    pub(super) moves: Vec<f64>,
    /// For each line, which matrix leads into it.
    which: Vec<u32>,
    /// Scaling factors of the forward pass.
    pub(super) scales: Vec<f64>,
    /// Each line's largest emission, taken out of its potentials.
    shifts: Vec<f64>,
}

impl Lattice {
    /// The lattice of `emissions` with the moves into line `k` read from
    /// matrix `which[k]` of `matrices` (see [`super::model::Moves`]): what
    /// [`marginals`] is held to.
    #[cfg(test)]
    pub(super) fn new(matrices: &[f32], which: &[u32], emissions: &[[f32; T]]) -> Self {
        let matrices: Vec<f64> = matrices.iter().map(|&w| f64::from(w)).collect();
        let emissions: Vec<[f64; T]> = emissions.iter().map(|row| row.map(f64::from)).collect();
        Self::from_f64(&matrices, which, &emissions)
    }

    /// The lattice of scores kept in double precision, as training needs
    /// them for a log-likelihood summed over tens of thousands of lines.
    pub(super) fn from_f64(matrices: &[f64], which: &[u32], emissions: &[[f64; T]]) -> Self {
        let n = emissions.len();
        let Exponentials { moves, moves_into } = Exponentials::of_scores(matrices.iter().copied());
        let which: Vec<u32> = (0..n).map(|k| which.get(k).copied().unwrap_or(0)).collect();
        let (potentials, shifts): (Vec<[f64; T]>, Vec<f64>) = emissions.iter().map(potential).unzip();
        let (alpha, scales) = forward(&moves, &which, &potentials);
        let mut beta = vec![[1.0f64; T]; n];
        for k in (0..n.saturating_sub(1)).rev() {
            beta[k] = backward(&moves_into, &which, &potentials, &scales, k + 1, &beta[k + 1]);
        }
        Self { alpha, beta, potentials, moves, which, scales, shifts }
    }

    /// The logarithm of the sum of the scores of every tag sequence: what
    /// the page's log-likelihood is measured against.
    pub(super) fn log_partition(&self) -> f64 {
        self.scales.iter().map(|s| s.ln()).sum::<f64>() + self.shifts.iter().sum::<f64>()
    }

    pub(super) fn marginal(&self, k: usize) -> [f64; T] {
        marginal(&self.alpha[k], &self.beta[k])
    }

    /// Probability of tags `s` at line `k - 1` and `t` at line `k`.
    pub(super) fn pair(&self, k: usize, s: usize, t: usize) -> f64 {
        let into = matrix_into(&self.moves, &self.which, k);
        self.alpha[k - 1][s] * into[s * T + t] * self.potentials[k][t] * self.beta[k][t] / self.scales[k]
    }
}

/// Each line's marginal probability of each tag, for a proposal: what
/// [`Lattice::new`] and [`Lattice::marginal`] give, to the last bit (the
/// same steps in the same order), without keeping what a proposal never
/// reads again. The backward pass is folded into the marginals as it goes,
/// so no line's `beta` is kept, nor a copy of the scores in double
/// precision: about half the memory (the peak of splitting a 10 MB page
/// fell from 169 to 141 MB).
pub(super) fn marginals(exponentials: &Exponentials, which: &[u32], emissions: &[[f32; T]]) -> Vec<[f32; T]> {
    let Exponentials { moves, moves_into } = exponentials;
    let potentials: Vec<[f64; T]> = emissions.iter().map(|row| potential(&row.map(f64::from)).0).collect();
    let (alpha, scales) = forward(moves, which, &potentials);
    let mut out = vec![[0.0f32; T]; emissions.len()];
    let mut beta = [1.0f64; T];
    for k in (0..emissions.len()).rev() {
        out[k] = marginal(&alpha[k], &beta).map(|p| p as f32);
        if k > 0 {
            beta = backward(moves_into, which, &potentials, &scales, k, &beta);
        }
    }
    out
}

/// `exp` of each matrix of moves, read by the tag moved from and by the
/// tag moved to: what forward-backward multiplies by. The pages of an
/// edition share their matrices ([`super::model::Moves`]), so these are
/// worked out once for all of them: on an edition of 186 short pages,
/// working them out page by page was a tenth of the whole split's
/// instructions.
#[derive(Debug)]
pub(super) struct Exponentials {
    /// `exp` of each `(T + 1) × T` matrix, as laid out in the scores.
    moves: Vec<f64>,
    /// The same by the tag moved to (see [`by_tag_moved_to`]).
    moves_into: Vec<f64>,
}

impl Exponentials {
    /// The exponentials of `matrices`, `(T + 1) × T` scores each.
    pub(super) fn of(matrices: &[f32]) -> Self {
        Self::of_scores(matrices.iter().map(|&w| f64::from(w)))
    }

    /// The exponentials of matrices of scores kept in double precision,
    /// as training keeps them.
    fn of_scores(scores: impl Iterator<Item = f64>) -> Self {
        let moves: Vec<f64> = scores.map(f64::exp).collect();
        let moves_into = by_tag_moved_to(&moves);
        Self { moves, moves_into }
    }
}

/// A line's potentials (`exp` of each score less the line's largest, so
/// nothing overflows) and that largest score.
fn potential(row: &[f64; T]) -> ([f64; T], f64) {
    let top = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (row.map(|e| (e - top).exp()), top)
}

/// The forward pass: each line's `alpha`, scaled to sum to 1, and the
/// scaling factors.
fn forward(moves: &[f64], which: &[u32], potentials: &[[f64; T]]) -> (Vec<[f64; T]>, Vec<f64>) {
    let n = potentials.len();
    let mut alpha = vec![[0.0f64; T]; n];
    let mut scales = vec![1.0f64; n];
    for k in 0..n {
        let into = match k.checked_sub(1) {
            None => std::array::from_fn(|t| moves[T * T + t]),
            Some(before) => forward_step(&alpha[before], matrix_into(moves, which, k)),
        };
        let row = &mut alpha[k];
        for t in 0..T {
            row[t] = into[t] * potentials[k][t];
        }
        let total: f64 = row.iter().sum();
        scales[k] = if total > 0.0 { total } else { 1.0 };
        row.iter_mut().for_each(|a| *a /= scales[k]);
    }
    (alpha, scales)
}

/// The moves by the tag moved to, so the backward step reads them in a
/// row: `[t × T + s]` in each matrix.
fn by_tag_moved_to(moves: &[f64]) -> Vec<f64> {
    moves.chunks_exact((T + 1) * T).flat_map(|m| (0..T * T).map(move |i| m[(i % T) * T + i / T])).collect()
}

/// The `beta` of line `after - 1`, from that of line `after`.
fn backward(
    moves_into: &[f64],
    which: &[u32],
    potentials: &[[f64; T]],
    scales: &[f64],
    after: usize,
    beta_after: &[f64; T],
) -> [f64; T] {
    let matrix = which.get(after).copied().unwrap_or(0) as usize;
    let into = &moves_into[matrix * T * T..][..T * T];
    backward_step(into, &potentials[after], beta_after).map(|b| b / scales[after])
}

/// A line's marginal probability of each tag from its `alpha` and `beta`.
fn marginal(alpha: &[f64; T], beta: &[f64; T]) -> [f64; T] {
    let mut out = [0.0f64; T];
    let total: f64 = (0..T).map(|t| alpha[t] * beta[t]).sum();
    if total > 0.0 {
        for t in 0..T {
            out[t] = alpha[t] * beta[t] / total;
        }
    }
    out
}

/// The forward pass's step into a line: for each tag `t`, the sum over
/// the tags `s` of the line before of `alpha[s] × moves[s → t]`.
///
/// The sums run over `s` for all `t` at once, so the loop is straight
/// vector work; each sum still adds its terms in the order of `s` from
/// -0.0 as `Iterator::sum` does, so every bit of the result is as before.
fn forward_step(before: &[f64; T], moves: &[f64]) -> [f64; T] {
    let mut into = [-0.0f64; T];
    for (s, row) in moves.chunks_exact(T).take(T).enumerate() {
        let a = before[s];
        for t in 0..T {
            into[t] += a * row[t];
        }
    }
    into
}

/// The backward pass's step out of a line: for each tag `s`, the sum over
/// the tags `t` of the next line of `moves[s → t] × potential[t] ×
/// beta[t]`, multiplied and added in the same order as one sum per `s`
/// would (see [`forward_step`]).
/// `moves_into` holds the moves by the tag moved to: `[t × T + s]`.
fn backward_step(moves_into: &[f64], potential: &[f64; T], after: &[f64; T]) -> [f64; T] {
    let mut from = [-0.0f64; T];
    for (t, column) in moves_into.chunks_exact(T).enumerate() {
        let (p, b) = (potential[t], after[t]);
        for s in 0..T {
            from[s] += column[s] * p * b;
        }
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The proposal's marginals are the lattice's, bit for bit, on
        /// pages whose lines meet through several matrices of moves.
        #[test]
        fn marginals_for_a_proposal_are_the_lattices(
            scores in (0usize..40).prop_flat_map(|lines| prop::collection::vec(-8.0f32..8.0, lines * T)),
            matrices in prop::collection::vec(-4.0f32..4.0, (T + 1) * T * 3),
            which in prop::collection::vec(0u32..3, 0..40),
        ) {
            let emissions: Vec<[f32; T]> =
                scores.chunks_exact(T).map(|row| std::array::from_fn(|t| row[t])).collect();
            let lattice = Lattice::new(&matrices, &which, &emissions);
            let expected: Vec<[f32; T]> =
                (0..emissions.len()).map(|k| lattice.marginal(k).map(|p| p as f32)).collect();
            let got = marginals(&Exponentials::of(&matrices), &which, &emissions);
            prop_assert_eq!(got.iter().map(|r| r.map(f32::to_bits)).collect::<Vec<_>>(),
                expected.iter().map(|r| r.map(f32::to_bits)).collect::<Vec<_>>());
        }

        /// The marginals are what summing over every tag sequence of a
        /// short page gives: the first line's moves from the start row of
        /// the model's own matrix, each later line's from the matrix
        /// `which` names for it.
        #[test]
        fn marginals_sum_over_every_tag_sequence(
            scores in (1usize..=3).prop_flat_map(|lines| prop::collection::vec(-4.0f32..4.0, lines * T)),
            matrices in prop::collection::vec(-3.0f32..3.0, (T + 1) * T * 3),
            which in prop::collection::vec(0u32..3, 3),
        ) {
            let emissions: Vec<[f32; T]> =
                scores.chunks_exact(T).map(|row| std::array::from_fn(|t| row[t])).collect();
            let n = emissions.len();
            let mut totals = vec![[0.0f64; T]; n];
            let mut all = 0.0f64;
            for code in 0..T.pow(n as u32) {
                let tags: Vec<usize> = (0..n).map(|k| code / T.pow(k as u32) % T).collect();
                let mut score = f64::from(matrices[T * T + tags[0]]);
                for k in 0..n {
                    score += f64::from(emissions[k][tags[k]]);
                    if k > 0 {
                        let at = which[k] as usize * (T + 1) * T;
                        score += f64::from(matrices[at + tags[k - 1] * T + tags[k]]);
                    }
                }
                let weight = score.exp();
                all += weight;
                for k in 0..n {
                    totals[k][tags[k]] += weight;
                }
            }
            let got = marginals(&Exponentials::of(&matrices), &which, &emissions);
            for k in 0..n {
                for t in 0..T {
                    let want = totals[k][t] / all;
                    prop_assert!((f64::from(got[k][t]) - want).abs() < 1e-5, "line {} tag {}: {} against {}", k, t, got[k][t], want);
                }
            }
        }
    }
}
