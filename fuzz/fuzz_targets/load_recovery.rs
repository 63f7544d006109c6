//! The recovery-file loader and the settings loader on any bytes: an error
//! naming the file or a value, never a panic.

#![no_main]

use std::path::Path;

use copydesk::app::settings;
use copydesk::recovery;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = recovery::parse(data, Path::new("fuzz.recovery.json"));
    let _ = settings::parse(data, Path::new("settings.json"));
});
