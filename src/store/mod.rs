//! The saved document (`*.copydesk.json`): an editor's work, kept as the
//! split and the corrections as diffs against the exact source text, with
//! each article's corrected text beside them so it can be read without any
//! tool. `docs/format.md` describes it field by field.
//!
//! Saving is deterministic (fixed key order, pretty-printed), so two saves
//! of the same work are byte-identical and a version-control diff of two
//! saves is readable.

mod atomic;
mod error;
mod export;
mod format;
mod lock;
mod model_file;
mod restore;
mod save;
mod sources;
mod stamp;
mod temporary;
mod verify;

pub use atomic::{backup_path, write_atomically};
pub use error::StoreError;
pub use export::{ExportFormat, export, file_name_for};
pub use format::{FORMAT, Op, SavedArticle, SavedDocument, VERSION};
pub use lock::{HeldLock, LockError, LockNote, holder, lock_path, take, take_over};
pub use model_file::{read_model, write_model};
pub(crate) use restore::{DOCUMENT, Kind, read_bounded, why_unparsed};
pub use restore::{Restored, SourceProblem, open, open_with, parse, parse_bytes, rebuild, rebuild_from};
pub use save::{describe, diff_ops, folder_of, save, save_unless_changed, to_json};
pub use sources::{Outside, SourceAccess, locate};
pub use stamp::{DiskStamp, DiskState, disk_state};
pub use verify::verify;

/// The file name ending of saved documents.
pub const EXTENSION: &str = ".copydesk.json";

/// The largest saved document Copydesk reads: 256 MiB (a document holds
/// text only; a whole edition with all its corrections is a few megabytes).
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;
