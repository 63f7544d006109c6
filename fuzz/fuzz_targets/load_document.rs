//! The saved-document loader on any bytes, against the sample page as its
//! source: parsing, the format and version checks, and rebuilding the
//! editable document (every range, page, article and overlap checked).
//! Whatever it accepts must then be usable: composed, described for
//! saving, and edited with undo, without a panic.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| common::open_and_use(data));
