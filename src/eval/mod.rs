//! Measuring the proposed split against truth files: the figures the
//! newsroom asked for, per page, per language and per paper.
//!
//! ```
//! use copydesk::eval::{Score, Truth};
//! let truth: Truth = serde_json::from_str(r#"{"language":"en","articles":[
//!     {"first_line":1,"last_line":2,"headline":"FIRE","kicker":null,"subheadline":null,"byline":null}]}"#)?;
//! let lines = truth.lines(&["FIRE", "The mill burned."]).map_err(std::io::Error::other)?;
//! assert_eq!(lines.len(), 2);
//! # let _ = Score::default();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod corpus;
mod cross;
mod score;
mod truth;

pub use corpus::{CorpusError, TruthPage, find_truth_files, load_truth_page, load_truth_pages};
pub use cross::{HeldOut, leave_one_paper_out, paper_folds};
pub use score::{Proposal, RoleCount, SCORED_ROLES, Score, score_page};
pub use truth::{
    Article as TruthArticle, Owner, Range as TruthRange, Truth, TruthError, TruthLine, comparable,
};

use crate::model::{Edition, Split};

/// The score of one truth page under a proposer.
pub fn score_truth_page(page: &TruthPage, propose: impl Fn(&Edition) -> Split) -> Score {
    let split = propose(&page.edition);
    score_page(&page.truth, &page.lines, &Proposal::new(&page.edition, &split, 0))
}
