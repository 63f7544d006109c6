//! Invariants that must hold for any input, checked on random ones.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use copydesk::load::{LoadOptions, load_path};
use copydesk::model::Edition;
use copydesk::segment;
use proptest::prelude::*;

/// Writes `bytes` to a page file and loads it.
fn load_bytes(bytes: &[u8]) -> Result<Edition, copydesk::load::LoadError> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("page.txt");
    std::fs::write(&path, bytes).expect("the page is written");
    load_path(&path, &LoadOptions::default())
}

/// Lines in the style of OCR pages, in both scripts, with debris.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("本报讯(记者 张三) 昨天上午,会议召开。".to_owned()),
        Just("城市更新进行时".to_owned()),
        Just("——副题在这里".to_owned()),
        Just("融媒评论员".to_owned()),
        Just("2022年11月 星期一".to_owned()),
        Just("DIFFERENCES NOT PERSONAL".to_owned()),
        Just("The Duty of a Friend".to_owned()),
        Just("By JOHN SMITH".to_owned()),
        Just("as I do. W. J. BRYAN.".to_owned()),
        Just("WASHINGTON — The Senate voted on the impor-".to_owned()),
        Just("tant bill late Monday night, and then".to_owned()),
        Just("'ib 'i.tt4iii'iiy-iTf\"---".to_owned()),
        "[a-zA-Z ,.]{0,60}",
        "[\\u4e00-\\u4e20，。 ]{0,40}",
    ]
}

fn page_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(page_line(), 0..60), prop_oneof![Just("\n"), Just("\r\n"), Just("\r")])
        .prop_map(|(lines, ending)| lines.join(ending))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any bytes at all load or give an error; nothing panics, and what
    /// loads can be split.
    #[test]
    fn any_bytes_load_or_error_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(edition) = load_bytes(&bytes) {
            let _ = segment::propose(&edition);
        }
    }

    /// Every non-blank line belongs to exactly one article or to noise;
    /// blocks are in order, never overlap, and stay inside their page.
    #[test]
    fn every_line_has_exactly_one_owner(text in page_text()) {
        let Ok(edition) = load_bytes(text.as_bytes()) else { return Ok(()) };
        let split = segment::propose(&edition);
        let page = &edition.pages[0];
        let mut owners: Vec<Vec<Option<u32>>> = vec![Vec::new(); page.line_count()];
        for pair in split.blocks.windows(2) {
            prop_assert!(pair[0].range.end <= pair[1].range.start, "blocks overlap or are out of order");
        }
        for block in &split.blocks {
            prop_assert!(block.range.start < block.range.end && block.range.end <= page.text.len());
            prop_assert_eq!(block.article.is_none(), block.role.is_set_aside());
            for line in page.lines_of(&block.range) {
                let owner = block.article.map(|a| a.0);
                if !owners[line].contains(&owner) {
                    owners[line].push(owner);
                }
            }
        }
        for (line, owners) in owners.iter().enumerate() {
            let blank = page.line(line).trim().is_empty();
            if blank {
                continue;
            }
            prop_assert_eq!(owners.len(), 1, "line {} has owners {:?}", line + 1, owners);
        }
    }

    /// Article spans are in order and never overlap, within and across articles.
    #[test]
    fn spans_are_ordered_and_disjoint(text in page_text()) {
        let Ok(edition) = load_bytes(text.as_bytes()) else { return Ok(()) };
        let split = segment::propose(&edition);
        let mut all = Vec::new();
        for &id in &split.articles {
            let spans = split.spans(id, &edition);
            prop_assert!(!spans.is_empty());
            for pair in spans.windows(2) {
                prop_assert!(pair[0].precedes(&pair[1]), "spans of {} out of order: {:?}", id, spans);
            }
            all.extend(spans);
        }
        all.sort();
        for pair in all.windows(2) {
            prop_assert!(pair[0].precedes(&pair[1]), "spans overlap: {:?} {:?}", pair[0], pair[1]);
        }
    }
}
