//! Copydesk turns the raw OCR text of printed newspaper pages into clean,
//! article-by-article text.
//!
//! The layers, each depending only on those above it in this list:
//!
//! - [`text`]: decoding, line indexing, script-aware joining; knows nothing
//!   of newspapers.
//! - [`disk`]: reading only regular files, within a limit (never a pipe
//!   or a device someone handed us).
//! - [`model`]: editions, pages, blocks, roles and articles as plain data.
//! - [`load`]: reading pages from disk, with errors an editor can act on.
//! - [`segment`]: proposes the split of a page into blocks and articles from
//!   typographic and language cues.
//! - [`compose`]: renders an article's fields and paragraphs from its blocks.
//! - [`edit`]: the editing session: edits as values with inverses, undo,
//!   commands, and corrections anchored to source ranges.
//! - [`find`]: incremental search over a whole edition, in source or
//!   corrected text.
//! - [`replace`]: replacements as ordinary corrections, all in one edit.
//! - [`suspects`]: probable OCR errors flagged with a proposed correction.
//! - [`stats`]: review figures (corrections, error rate, suspects left).
//! - [`report`]: the JSON contract printed by `copydesk split`.
//! - [`store`]: saved documents (corrections as diffs against the source),
//!   verification and export.
//! - [`recovery`]: recovery files of unsaved work.
//! - [`session`]: what is open, the edition being edited, and the rules for
//!   opening, saving, conflicts, recovering and closing; no window.
//! - [`cli`]: the command line.
//! - [`app`]: the desktop editor window (the `gui` feature, on by default):
//!   shows the session and turns clicks and keys into its actions. Only
//!   this layer knows egui.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod compose;
pub mod disk;
pub mod edit;
pub mod eval;
pub mod find;
pub mod load;
pub mod model;
pub mod recovery;
pub mod replace;
pub mod report;
pub mod segment;
pub mod session;
pub mod stats;
pub mod store;
pub mod suspects;
pub mod text;
