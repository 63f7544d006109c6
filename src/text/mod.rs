//! Pure text utilities that every other layer stands on: decoding bytes into
//! text, indexing lines without rewriting line endings, measuring display
//! width, bounded diffs, and joining the lines of a paragraph the way each script expects.
//!
//! Nothing here knows about newspapers; that is the job of [`crate::segment`].

pub mod diff;
pub mod encoding;
mod excerpt;
pub mod join;
pub mod lines;
pub mod script;

pub use encoding::{DecodeError, Decoded, decode};
pub use excerpt::{MESSAGE_CHARS, excerpt};
pub use join::{Joined, join_lines, join_marked};
pub use lines::LineIndex;
