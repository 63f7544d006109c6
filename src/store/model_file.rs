//! Split model files (`*.model`): the weights `copydesk train` learns,
//! written all or nothing and read with their size and format checked.

use std::path::Path;

use super::StoreError;
use super::atomic::write_atomically;
use super::restore::read_bounded;
use crate::segment::Model;

/// The largest model file read (the built-in one is about 250 KB).
const MAX_MODEL_BYTES: u64 = 16 << 20;

/// Reads the model file at `path`.
pub fn read_model(path: &Path) -> Result<Model, StoreError> {
    let bytes = read_bounded(path, MAX_MODEL_BYTES)?;
    Model::from_bytes(&bytes).map_err(|reason| StoreError::Model { path: path.to_owned(), reason })
}

/// Writes `model` to `path` (the previous file, if any, is replaced whole).
pub fn write_model(model: &Model, path: &Path) -> Result<(), StoreError> {
    write_atomically(path, &model.to_bytes(), false)
}
