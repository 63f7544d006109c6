//! The saved-document checks, fuzzed by structure: the input is a list of
//! changes to the numbers of a real saved document (pages, byte ranges,
//! lines, versions), so nearly every input is valid JSON of the right
//! shape and reaches the checks that raw-byte fuzzing rarely gets past.
//! Whatever the checks accept must be usable by the editor.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const SEED: &[u8] = include_bytes!("../seeds/load_document/sample-with-correction.copydesk.json");

fn numbers(value: &mut Value) -> Vec<&mut Value> {
    match value {
        Value::Number(_) => vec![value],
        Value::Array(items) => items.iter_mut().flat_map(numbers).collect(),
        Value::Object(map) => map.values_mut().flat_map(numbers).collect(),
        _ => Vec::new(),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut value: Value = serde_json::from_slice(SEED).expect("the seed parses");
    {
        let mut slots = numbers(&mut value);
        for change in data.chunks_exact(6) {
            let slot = usize::from(u16::from_le_bytes([change[0], change[1]])) % slots.len();
            let raw = u32::from_le_bytes([change[2], change[3], change[4], change[5]]);
            // Mostly small numbers (near real offsets), sometimes anything.
            let number = if raw & 0x8000_0000 == 0 { u64::from(raw % 8_000) } else { u64::from(raw) << 20 };
            *slots[slot] = Value::from(number);
        }
    }
    common::open_and_use(&serde_json::to_vec(&value).expect("serialises"));
});
