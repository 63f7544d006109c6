//! Every loader against damaged and hostile input: saved documents,
//! recovery files, settings and pages, fed random bytes, mutated copies of
//! real files (bytes flipped, cut, spliced; numbers in the JSON set to
//! hostile values), files over the size limits, and absurd nesting. Each
//! must return a value or an error naming the file, never panic; what a
//! loader accepts must be usable by the editor. (`cargo fuzz` runs the
//! same loaders for much longer; see `fuzz/`, whose helper for using an
//! opened document like the window does is shared with this file.)

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;
#[allow(dead_code)] // the fuzz targets' parsing entry point is not used here
#[path = "../fuzz/fuzz_targets/common.rs"]
mod fuzz_common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use copydesk::app::settings;
use copydesk::edit::{Document, set_block_text};
use copydesk::load::{LoadOptions, load_bytes, load_path};
use copydesk::recovery::{self, Snapshot};
use copydesk::store::{self, SavedArticle};
use proptest::prelude::*;
use serde_json::Value;

/// A real saved document with corrections, and a recovery file of it.
fn real_files() -> &'static (Vec<u8>, Vec<u8>) {
    static FILES: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut document = Document::propose(fuzz_common::sample().clone());
        let index =
            document.split.blocks.iter().position(|b| b.role == copydesk::model::Role::Headline).unwrap();
        let edit = set_block_text(&document, index, "新的标题").unwrap();
        document.apply(edit);
        let saved = store::to_json(&document, Path::new(".")).into_bytes();
        let snapshot = Snapshot { document, title: "p1".into(), document_path: None, document_stamp: None };
        (saved, snapshot.to_json().into_bytes())
    })
}

/// One damaging change to a file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip {
        at: usize,
        bit: u8,
    },
    Cut {
        from: usize,
        len: usize,
    },
    Truncate {
        at: usize,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    /// The n-th number in the JSON set to a hostile value.
    Number {
        nth: usize,
        value: Value,
    },
}

fn hostile_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::from(0)),
        Just(Value::from(1)),
        Just(Value::from(u64::MAX)),
        Just(Value::from(-1)),
        Just(Value::from(u32::MAX)),
        (0u64..20_000).prop_map(Value::from),
        Just(Value::from(1.5)),
        Just(Value::Null),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), 1usize..400).prop_map(|(from, len)| Mutation::Cut { from, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), hostile_number()).prop_map(|(nth, value)| Mutation::Number { nth, value }),
        (any::<usize>(), hostile_number()).prop_map(|(nth, value)| Mutation::Number { nth, value }),
    ]
}

fn count_numbers(value: &Value) -> usize {
    match value {
        Value::Number(_) => 1,
        Value::Array(items) => items.iter().map(count_numbers).sum(),
        Value::Object(map) => map.values().map(count_numbers).sum(),
        _ => 0,
    }
}

/// Replaces the `target`-th number (in document order) with `new`.
fn replace_number(value: &mut Value, target: usize, seen: &mut usize, new: &Value) -> bool {
    match value {
        Value::Number(_) if *seen == target => {
            *value = new.clone();
            true
        }
        Value::Number(_) => {
            *seen += 1;
            false
        }
        Value::Array(items) => items.iter_mut().any(|v| replace_number(v, target, seen, new)),
        Value::Object(map) => map.values_mut().any(|v| replace_number(v, target, seen, new)),
        _ => false,
    }
}

fn set_nth_number(bytes: &[u8], nth: usize, new: Value) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<Value>(bytes) else { return bytes.to_vec() };
    let total = count_numbers(&value);
    if total > 0 {
        replace_number(&mut value, nth % total, &mut 0, &new);
    }
    serde_json::to_vec(&value).unwrap()
}

fn mutate(bytes: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    for mutation in mutations {
        let len = bytes.len().max(1);
        match mutation {
            Mutation::Flip { at, bit } => {
                if let Some(byte) = bytes.get_mut(at % len) {
                    *byte ^= 1 << bit;
                }
            }
            Mutation::Cut { from, len: cut } => {
                let from = from % len;
                let to = (from + cut).min(bytes.len());
                bytes.drain(from.min(to)..to);
            }
            Mutation::Truncate { at } => bytes.truncate(at % len),
            Mutation::Insert { at, bytes: inserted } => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, inserted.iter().copied());
            }
            Mutation::Number { nth, value } => bytes = set_nth_number(&bytes, *nth, value.clone()),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_document_is_refused_or_usable(mutations in prop::collection::vec(mutation(), 1..4)) {
        let path = Path::new("damaged.copydesk.json");
        let bytes = mutate(&real_files().0, &mutations);
        match store::parse_bytes(&bytes, path) {
            Err(e) => prop_assert!(e.to_string().contains("damaged.copydesk.json"), "{e}"),
            Ok(saved) => match store::rebuild(&saved, fuzz_common::sample().clone()) {
                Ok(mut document) => fuzz_common::exercise(&mut document),
                Err(reason) => prop_assert!(!reason.is_empty()),
            },
        }
    }

    #[test]
    fn a_damaged_recovery_file_is_refused_or_usable(mutations in prop::collection::vec(mutation(), 1..4)) {
        let path = Path::new("session.recovery.json");
        let bytes = mutate(&real_files().1, &mutations);
        match recovery::parse(&bytes, path) {
            Err(e) => prop_assert!(e.to_string().contains("session.recovery.json"), "{e}"),
            Ok(file) => {
                if let Ok(mut document) = store::rebuild(&file.document, fuzz_common::sample().clone()) {
                    fuzz_common::exercise(&mut document);
                }
            }
        }
    }

    #[test]
    fn damaged_settings_are_refused_by_name(mutations in prop::collection::vec(mutation(), 1..4)) {
        let good = br#"{"lang": "ZhHans", "theme": "Dark", "recent": ["/a/b.txt", "/c.copydesk.json"]}"#;
        let bytes = mutate(good, &mutations);
        if let Err(e) = settings::parse(&bytes, Path::new("settings.json")) {
            prop_assert!(e.to_string().contains("settings.json"), "{e}");
        }
    }

    #[test]
    fn random_bytes_are_refused_by_every_loader(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = load_bytes(Path::new("p.txt"), &bytes, &LoadOptions::default()).map(Document::propose);
        let _ = store::parse_bytes(&bytes, Path::new("d.copydesk.json"));
        let _ = recovery::parse(&bytes, Path::new("r.recovery.json"));
        let _ = settings::parse(&bytes, Path::new("settings.json"));
    }

    #[test]
    fn a_mutated_page_loads_or_is_refused(mutations in prop::collection::vec(mutation(), 1..6)) {
        let page = std::fs::read(common::fixture(common::SAMPLE)).unwrap();
        let bytes = mutate(&page, &mutations);
        if let Ok(edition) = load_bytes(Path::new("p.txt"), &bytes, &LoadOptions::default()) {
            fuzz_common::exercise(&mut Document::propose(edition));
        }
    }

    #[test]
    fn export_names_from_any_headline_stay_in_the_folder(headline in any::<String>(), n in 1usize..500) {
        let article = SavedArticle {
            id: "a1".into(),
            spans: Vec::new(),
            reviewed: false,
            text: copydesk::compose::ArticleText { headline: Some(headline), ..Default::default() },
        };
        let name = store::file_name_for(n, &article);
        prop_assert!(!name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']), "{name}");
        prop_assert!(!name.chars().any(char::is_control), "{name:?}");
        prop_assert!(!name.starts_with('.'));
        let folder = PathBuf::from("/exports");
        let path = folder.join(&name);
        prop_assert_eq!(path.parent(), Some(folder.as_path()));
        prop_assert!(path.components().all(|c| !matches!(c, std::path::Component::ParentDir)));
    }
}

#[test]
fn absurd_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let deep_object = format!("{{\"format\": \"copydesk\", \"version\": 1, \"sources\": {deep}}}");
    for bytes in [deep.as_bytes(), deep_object.as_bytes()] {
        assert!(store::parse_bytes(bytes, Path::new("deep.copydesk.json")).is_err());
        assert!(recovery::parse(bytes, Path::new("deep.recovery.json")).is_err());
        // Settings skip fields they do not know; what matters is no overflow.
        let _ = settings::parse(bytes, Path::new("settings.json"));
    }
}

#[test]
fn files_over_the_limits_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: as large as claimed, without using the disk.
    let sparse = |name: &str, size: u64| {
        let path = dir.path().join(name);
        std::fs::File::create(&path).unwrap().set_len(size).unwrap();
        path
    };
    let document = sparse("huge.copydesk.json", store::MAX_DOCUMENT_BYTES + 1);
    let error = store::open(&document).unwrap_err().to_string();
    assert!(error.contains("huge.copydesk.json") && error.contains("over the limit"), "{error}");
    let recovery_file = sparse("huge.recovery.json", store::MAX_DOCUMENT_BYTES + 1);
    let error = recovery::read(&recovery_file).unwrap_err().to_string();
    assert!(error.contains("huge.recovery.json") && error.contains("over the limit"), "{error}");
    let settings_file = sparse("settings.json", settings::MAX_SETTINGS_BYTES + 1);
    let error = settings::load(&settings_file).unwrap_err().to_string();
    assert!(error.contains("settings.json") && error.contains("over the limit"), "{error}");
    let page = sparse("huge.txt", copydesk::load::MAX_FILE_BYTES + 1);
    let error = load_path(&page, &LoadOptions::default()).unwrap_err().to_string();
    assert!(error.contains("huge.txt"), "{error}");
}

#[test]
fn a_document_that_breaks_the_split_rules_is_refused_with_the_reason() {
    let (saved, _) = real_files();
    let mut value: Value = serde_json::from_slice(saved).unwrap();
    // Two blocks swapped: out of source order.
    value["blocks"].as_array_mut().unwrap().swap(3, 4);
    let saved =
        store::parse_bytes(&serde_json::to_vec(&value).unwrap(), Path::new("x.copydesk.json")).unwrap();
    let reason = store::rebuild(&saved, fuzz_common::sample().clone()).unwrap_err();
    assert!(reason.contains("out of order"), "{reason}");
}
