//! The diff view's diffs (F7), computed once per revision of the document
//! and kept: a repaint only draws them. A long correction costs its
//! (bounded, see [`crate::text::diff`]) diff once, not on every frame.

use std::collections::HashMap;
use std::sync::Arc;

use crate::compose::block_text;
use crate::edit::{Document, Revision, render_block_text};
use crate::text::diff::{Run, diff};

/// One block's corrected text against its source.
pub struct BlockDiff {
    /// The source text, lines rejoined.
    pub source: String,
    /// The corrected text.
    pub corrected: String,
    /// The runs from one to the other.
    pub runs: Vec<Run>,
}

/// Diffs of blocks by block index, for one revision of the document.
#[derive(Default)]
pub struct DiffCache {
    revision: Option<Revision>,
    blocks: HashMap<usize, Option<Arc<BlockDiff>>>,
    computed: u64,
}

impl DiffCache {
    /// Block `index`'s diff in `document` at `revision`, or `None` when the
    /// block has no correction; computed the first time it is asked for
    /// at that revision.
    pub fn get(&mut self, document: &Document, revision: Revision, index: usize) -> Option<Arc<BlockDiff>> {
        if self.revision != Some(revision) {
            self.revision = Some(revision);
            self.blocks.clear();
        }
        let computed = &mut self.computed;
        let entry = self.blocks.entry(index).or_insert_with(|| {
            *computed += 1;
            let block = document.split.blocks.get(index)?;
            let source = block_text(&document.edition, block);
            let corrected = render_block_text(&document.edition, &document.corrections, block);
            let runs = (source != corrected).then(|| diff(&source, &corrected))?;
            Some(Arc::new(BlockDiff { source, corrected, runs }))
        });
        entry.clone()
    }

    /// How many block diffs were computed so far (each once per change).
    pub fn computed(&self) -> u64 {
        self.computed
    }
}
