//! The proposal's uncertain boundaries, least certain first: where the
//! model started an article without being sure, and where it nearly
//! started one. Walking them is the quickest way to check a proposed
//! split, as a copy editor reads the doubtful joins first. Kept with the
//! editor for the session (never saved): the source never changes, so
//! the lines stay right whatever the edits.

use crate::segment::Boundary;

/// Decisions at least this certain are not worth a look.
pub const UNCERTAIN_BELOW: f32 = 0.95;

/// The uncertain boundaries of the proposal an edition was opened with.
#[derive(Debug, Clone, Default)]
pub struct Doubts {
    /// Least certain first.
    boundaries: Vec<Boundary>,
    /// The one to show next.
    next: usize,
}

/// One uncertain boundary, as the status bar tells it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Doubt {
    /// Where, and what the model thought.
    pub boundary: Boundary,
    /// Its rank among the uncertain ones (from 1, least certain first).
    pub rank: usize,
    /// How many there are.
    pub total: usize,
}

impl Doubt {
    /// How sure the model was of what it decided here: the probability of
    /// a start where it proposed one, of no start where it did not.
    pub fn certainty(&self) -> f32 {
        certainty(&self.boundary)
    }
}

fn certainty(boundary: &Boundary) -> f32 {
    if boundary.proposed { boundary.confidence } else { 1.0 - boundary.confidence }
}

impl Doubts {
    /// The uncertain ones among a proposal's `boundaries`, least certain
    /// first (ties in reading order).
    pub fn new(boundaries: &[Boundary]) -> Self {
        let mut boundaries: Vec<Boundary> =
            boundaries.iter().copied().filter(|b| certainty(b) < UNCERTAIN_BELOW).collect();
        boundaries.sort_by(|a, b| {
            certainty(a).total_cmp(&certainty(b)).then((a.page, a.line).cmp(&(b.page, b.line)))
        });
        Self { boundaries, next: 0 }
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.boundaries.len()
    }

    /// True when the model was sure everywhere (or nothing was proposed).
    pub fn is_empty(&self) -> bool {
        self.boundaries.is_empty()
    }

    /// The next one, least certain first, starting over after the last.
    pub fn step(&mut self) -> Option<Doubt> {
        let total = self.boundaries.len();
        let index = self.next % total.max(1);
        let boundary = *self.boundaries.get(index)?;
        self.next = index + 1;
        Some(Doubt { boundary, rank: index + 1, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, confidence: f32, proposed: bool) -> Boundary {
        Boundary { page: 0, line, confidence, proposed }
    }

    #[test]
    fn least_certain_first_near_misses_included_sure_ones_left_out_and_round_again() {
        let mut doubts = Doubts::new(&[
            at(3, 0.99, true),   // sure: left out
            at(10, 0.60, true),  // proposed, 0.60 sure
            at(20, 0.45, false), // nearly proposed: 0.55 sure there is none
            at(30, 0.02, false), // sure there is none: left out
            at(40, 0.80, true),
        ]);
        assert_eq!(doubts.len(), 3);
        let walk: Vec<(usize, usize)> =
            (0..4).map(|_| doubts.step().map(|d| (d.boundary.line, d.rank)).unwrap()).collect();
        assert_eq!(walk, [(20, 1), (10, 2), (40, 3), (20, 1)]);
        let first = Doubts::new(&[at(20, 0.45, false)]).step().unwrap();
        assert!((first.certainty() - 0.55).abs() < 1e-6);
        assert_eq!(first.total, 1);
        assert!(Doubts::new(&[at(3, 0.99, true)]).step().is_none());
    }

    #[test]
    fn pages_opened_know_where_the_model_doubted_and_the_editor_walks_there() {
        use crate::session::{Opened, Workspace};
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("p1.txt");
        let fixture =
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/commoner-lincoln-ne-1916-02-p1.txt");
        std::fs::copy(fixture, &page).unwrap();
        let Ok(Opened::Editable { mut workspace, .. }) = Workspace::open(&[page], None) else { panic!() };
        let editor = workspace.editor_mut().unwrap();
        assert!(!editor.doubts().is_empty());
        let doubt = editor.next_doubt().unwrap();
        assert_eq!(doubt.rank, 1);
        assert_eq!(
            (editor.selection().page, editor.selection().line),
            (doubt.boundary.page, doubt.boundary.line)
        );
    }
}
