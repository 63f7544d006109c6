//! The bounded diff on texts of every size and shape: the input is split
//! into an old and a new text, each repeated up to a few thousand times
//! (so sizes reach the word, line and whole-replacement fallbacks and the
//! deadline), and compared under limits the input also picks, small ones
//! included so that small inputs reach the coarse paths too. The runs must
//! cover both texts in order, equal runs must be equal, and the saved
//! operations must rebuild the new text from the old.

#![no_main]

use copydesk::store::diff_ops;
use copydesk::text::diff::{Limits, Tag, diff_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&[split, old_times, new_times, chars, tokens], rest)) = data.split_first_chunk::<5>() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let at = text
        .char_indices()
        .nth(usize::from(split) % (text.chars().count() + 1))
        .map_or(text.len(), |(i, _)| i);
    let old = text[..at].repeat(usize::from(old_times) * usize::from(old_times) / 16 + 1);
    let new = text[at..].repeat(usize::from(new_times) * usize::from(new_times) / 16 + 1);
    let limits =
        Limits { chars: usize::from(chars) * 64, tokens: usize::from(tokens) * 16, ..Limits::default() };
    let runs = diff_with(&old, &new, limits);
    let (mut at_old, mut at_new) = (0, 0);
    let (mut rebuilt_old, mut rebuilt_new) = (String::new(), String::new());
    for run in &runs {
        assert_eq!((run.old.start, run.new.start), (at_old, at_new), "runs in order, without gaps");
        if run.tag == Tag::Equal {
            assert_eq!(old[run.old.clone()], new[run.new.clone()]);
        }
        rebuilt_old.push_str(&old[run.old.clone()]);
        rebuilt_new.push_str(&new[run.new.clone()]);
        (at_old, at_new) = (run.old.end, run.new.end);
    }
    assert!(rebuilt_old == old && rebuilt_new == new, "the runs cover both texts");

    // The operations a saved document keeps rebuild the corrected text.
    let mut applied = String::new();
    for op in diff_ops(&old, 0, &new) {
        match op {
            copydesk::store::Op::Equal { start, end } => applied.push_str(&old[start..end]),
            copydesk::store::Op::Delete { .. } => {}
            copydesk::store::Op::Insert { text, .. } => applied.push_str(&text),
        }
    }
    assert!(applied == new, "the saved operations rebuild the text");
});
