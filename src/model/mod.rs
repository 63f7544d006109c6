//! The document model: plain data, no I/O, no window.
//!
//! An [`Edition`] is the ordered [`Page`]s of one issue, each holding its
//! source text exactly as decoded. A [`Split`] divides that text into
//! [`Block`]s, each a byte range of one page with a [`Role`], the [`Cue`]
//! that suggested it, and the article it belongs to (none for noise).
//!
//! Blocks are source ranges rather than copies of text on purpose: later
//! corrections are anchored to the same source ranges, so moving a boundary
//! or changing a role re-groups text without ever losing or duplicating an
//! editor's correction.

mod cue;
mod edition;
mod review;
mod role;
mod span;
mod split;

pub use cue::Cue;
pub use edition::{Edition, Page, PageSource};
pub use review::{Dismissal, Review};
pub use role::Role;
pub use span::Span;
pub use split::{ArticleId, Block, Split};
