//! Bounded diffs of two texts, character by character where that is
//! affordable and coarser where it is not.
//!
//! Myers' algorithm costs about (N + M) × D, where D is how much differs:
//! a paragraph replaced by 80,000 other characters took seconds, and the
//! window froze as long on every repaint. So: the common prefix and suffix
//! are set aside first (a typical correction leaves a handful of
//! characters in between); what remains is compared by characters when it
//! is short, by words (runs of letters, single punctuation marks and
//! blanks) when it is longer, by lines when that is still too many, and
//! as one replacement beyond that. Coarse diffs absorb short equal runs
//! between changes (a shared comma is not news). Every comparison also
//! has a deadline, past which `similar` returns a coarser, still correct
//! answer. Whatever the granularity, the runs rebuild both texts exactly.
//!
//! ```
//! use copydesk::text::diff::{Tag, diff};
//! let runs = diff("赚多多的钱", "赚多少钱");
//! let shown: Vec<_> = runs.iter().map(|r| (r.tag, &"赚多多的钱"[r.old.clone()], &"赚多少钱"[r.new.clone()])).collect();
//! assert_eq!(shown, [(Tag::Equal, "赚多", "赚多"), (Tag::Delete, "多的", ""), (Tag::Insert, "", "少"), (Tag::Equal, "钱", "钱")]);
//! ```

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

/// What a run of a diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// The same in both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

/// One run of a diff, as byte ranges into the old and the new text (the
/// range of the side a run is not in is empty, at the run's place).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Equal, deleted or inserted.
    pub tag: Tag,
    /// Where it lies in the old text.
    pub old: Range<usize>,
    /// Where it lies in the new text.
    pub new: Range<usize>,
}

/// How much work a diff may do.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Compare by characters while old and new (less their common prefix
    /// and suffix) hold at most this many together.
    pub chars: usize,
    /// Compare by words, else by lines, while they hold at most this many
    /// together; beyond, the middle is one replacement.
    pub tokens: usize,
    /// Coarse diffs absorb equal runs shorter than this (in bytes) between
    /// two changes.
    pub absorb: usize,
    /// Stop refining after this long.
    pub deadline: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self { chars: 10_000, tokens: 10_000, absorb: 12, deadline: Duration::from_millis(100) }
    }
}

/// The runs turning `old` into `new`, within the default [`Limits`]: equal
/// runs, and deletions before insertions where a part was replaced.
pub fn diff(old: &str, new: &str) -> Vec<Run> {
    diff_with(old, new, Limits::default())
}

/// [`diff`] within `limits`.
pub fn diff_with(old: &str, new: &str, limits: Limits) -> Vec<Run> {
    let prefix = common_prefix(old, new);
    let suffix = common_suffix(&old[prefix..], &new[prefix..]);
    let middle = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    let mut runs = Vec::new();
    push(&mut runs, Tag::Equal, 0..prefix, 0..prefix);
    let deadline = Instant::now() + limits.deadline;
    let (old_middle, new_middle) = (&old[middle.0.clone()], &new[middle.1.clone()]);
    let chars = || old_middle.chars().count() + new_middle.chars().count();
    let coarse = if old_middle.is_empty() || new_middle.is_empty() {
        None
    } else if old_middle.len() + new_middle.len() <= limits.chars || chars() <= limits.chars {
        let (a, b) = (
            tokens(old_middle, Granularity::Chars, usize::MAX),
            tokens(new_middle, Granularity::Chars, usize::MAX),
        );
        a.zip(b).map(|(a, b)| (a, b, false))
    } else {
        [Granularity::Words, Granularity::Lines].into_iter().find_map(|granularity| {
            let a = tokens(old_middle, granularity, limits.tokens)?;
            let b = tokens(new_middle, granularity, limits.tokens - a.len())?;
            Some((a, b, true))
        })
    };
    let compared = coarse.and_then(|(a, b, absorb)| {
        if absorb {
            let x: Vec<&str> = a.iter().map(|r| &old_middle[r.clone()]).collect();
            let y: Vec<&str> = b.iter().map(|r| &new_middle[r.clone()]).collect();
            Some(absorb_short_equals(compare(&x, &a, &y, &b, deadline)?, limits.absorb))
        } else {
            let (x, y): (Vec<char>, Vec<char>) = (old_middle.chars().collect(), new_middle.chars().collect());
            compare(&x, &a, &y, &b, deadline)
        }
    });
    match compared {
        Some(middle_runs) => {
            for run in middle_runs {
                push(&mut runs, run.tag, shift(run.old, middle.0.start), shift(run.new, middle.1.start));
            }
        }
        None => {
            push(&mut runs, Tag::Delete, middle.0.clone(), middle.1.start..middle.1.start);
            push(&mut runs, Tag::Insert, middle.0.end..middle.0.end, middle.1.clone());
        }
    }
    push(&mut runs, Tag::Equal, old.len() - suffix..old.len(), new.len() - suffix..new.len());
    runs
}

#[derive(Clone, Copy)]
enum Granularity {
    Chars,
    Words,
    Lines,
}

/// Byte ranges of the tokens of `text`, or `None` when there are more than
/// `at_most` (counting stops there: a long text costs no more than that).
fn tokens(text: &str, granularity: Granularity, at_most: usize) -> Option<Vec<Range<usize>>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut last_class = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        let class = match granularity {
            Granularity::Chars => None,
            // Letters, digits and Han characters run together (Chinese
            // has no spaces: its "words" are the runs between punctuation);
            // a blank run is one token; every other mark stands alone.
            Granularity::Words if c.is_alphanumeric() => Some(0),
            Granularity::Words if c.is_whitespace() => Some(1),
            Granularity::Words => None,
            Granularity::Lines => Some(2),
        };
        let joins = class.is_some() && class == last_class;
        let count = out.len();
        match out.last_mut() {
            Some(last) if joins => last.end = end,
            _ if count == at_most => return None,
            _ => out.push(at..end),
        }
        last_class = class;
        if matches!(granularity, Granularity::Lines) && c == '\n' {
            last_class = None;
        }
    }
    Some(out)
}

/// Myers over tokens `left` and `right` (characters, or words and lines as
/// text), whose byte ranges in the old and new text are `a` and `b`, as
/// byte runs; `None` if `similar` answered something that does not hold.
///
/// The operations are walked by their lengths, not their indices, and
/// every equal run is checked: `similar` 2.7's Myers can report a wrong
/// index (a deletion of `城` placed at new index 34 when the next equal run
/// starts at 0, found by the `diff_sizes` fuzz target), and a saved
/// correction built on such an index would not rebuild its text.
fn compare<T: Ord + std::hash::Hash>(
    left: &[T],
    a: &[Range<usize>],
    right: &[T],
    b: &[Range<usize>],
    deadline: Instant,
) -> Option<Vec<Run>> {
    let bytes = |ranges: &[Range<usize>], index: usize, len: usize| {
        let start = ranges.get(index).map_or_else(|| ranges.last().map_or(0, |r| r.end), |r| r.start);
        let end = if len == 0 { start } else { ranges[index + len - 1].end };
        start..end
    };
    let mut runs = Vec::new();
    let (mut i, mut j) = (0, 0);
    for op in capture_diff_slices_deadline(Algorithm::Myers, left, right, Some(deadline)) {
        let (old_len, new_len) = (op.old_range().len(), op.new_range().len());
        let (o, n) = (bytes(a, i, old_len), bytes(b, j, new_len));
        let (next_i, next_j) = (i + old_len, j + new_len);
        if next_i > left.len() || next_j > right.len() {
            return None;
        }
        match op {
            DiffOp::Equal { .. } if left[i..next_i] != right[j..next_j] => return None,
            DiffOp::Equal { .. } => push(&mut runs, Tag::Equal, o, n),
            DiffOp::Delete { .. } => push(&mut runs, Tag::Delete, o, n.start..n.start),
            DiffOp::Insert { .. } => push(&mut runs, Tag::Insert, o.start..o.start, n),
            DiffOp::Replace { .. } => {
                push(&mut runs, Tag::Delete, o.clone(), n.start..n.start);
                push(&mut runs, Tag::Insert, o.end..o.end, n);
            }
        }
        (i, j) = (next_i, next_j);
    }
    (i == left.len() && j == right.len()).then_some(runs)
}

/// Equal runs shorter than `shorter_than` bytes between two changes become
/// part of the change on both sides.
fn absorb_short_equals(runs: Vec<Run>, shorter_than: usize) -> Vec<Run> {
    let last = runs.len().saturating_sub(1);
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for (index, run) in runs.into_iter().enumerate() {
        let inside = index > 0 && index < last;
        if run.tag == Tag::Equal && inside && run.old.len() < shorter_than {
            push(&mut out, Tag::Delete, run.old.clone(), run.new.start..run.new.start);
            push(&mut out, Tag::Insert, run.old.end..run.old.end, run.new);
        } else {
            push(&mut out, run.tag, run.old, run.new);
        }
    }
    reorder_changes(out)
}

/// Within each stretch between equal runs, all deletions first, then all
/// insertions, each merged into one run.
fn reorder_changes(runs: Vec<Run>) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len());
    let mut pending: Option<(Range<usize>, Range<usize>)> = None;
    let flush = |out: &mut Vec<Run>, pending: &mut Option<(Range<usize>, Range<usize>)>| {
        if let Some((o, n)) = pending.take() {
            push(out, Tag::Delete, o.clone(), n.start..n.start);
            push(out, Tag::Insert, o.end..o.end, n);
        }
    };
    for run in runs {
        if run.tag == Tag::Equal {
            flush(&mut out, &mut pending);
            push(&mut out, Tag::Equal, run.old, run.new);
            continue;
        }
        let (o, n) = pending.get_or_insert((run.old.start..run.old.start, run.new.start..run.new.start));
        o.end = o.end.max(run.old.end);
        n.end = n.end.max(run.new.end);
    }
    flush(&mut out, &mut pending);
    out
}

/// Appends a run, merging it into the last one of the same tag; empty runs
/// are dropped.
fn push(runs: &mut Vec<Run>, tag: Tag, old: Range<usize>, new: Range<usize>) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.tag == tag && last.old.end == old.start && last.new.end == new.start => {
            last.old.end = old.end;
            last.new.end = new.end;
        }
        _ => runs.push(Run { tag, old, new }),
    }
}

fn shift(range: Range<usize>, by: usize) -> Range<usize> {
    range.start + by..range.end + by
}

/// Bytes `a` and `b` share at their start, ending on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut len = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(len) {
        len -= 1;
    }
    len
}

/// Bytes `a` and `b` share at their end, starting on a character boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut len = a.bytes().rev().zip(b.bytes().rev()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(a.len() - len) {
        len -= 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rebuilds both texts from the runs: they must cover both, in order.
    fn check(old: &str, new: &str, runs: &[Run]) {
        let (mut a, mut b) = (String::new(), String::new());
        let (mut at_old, mut at_new) = (0, 0);
        for run in runs {
            assert_eq!((run.old.start, run.new.start), (at_old, at_new), "{runs:?}");
            a.push_str(&old[run.old.clone()]);
            b.push_str(&new[run.new.clone()]);
            if run.tag == Tag::Equal {
                assert_eq!(&old[run.old.clone()], &new[run.new.clone()]);
            }
            (at_old, at_new) = (run.old.end, run.new.end);
        }
        assert_eq!((a.as_str(), b.as_str()), (old, new));
    }

    fn shown(old: &str, new: &str, runs: &[Run]) -> String {
        let mut out = String::new();
        for run in runs {
            match run.tag {
                Tag::Equal => out.push_str(&old[run.old.clone()]),
                Tag::Delete => out.push_str(&format!("[-{}-]", &old[run.old.clone()])),
                Tag::Insert => out.push_str(&format!("{{+{}+}}", &new[run.new.clone()])),
            }
        }
        out
    }

    #[test]
    fn small_changes_are_shown_by_character() {
        let (old, new) = ("the Presidents vpreparedness", "the President's preparedness");
        let runs = diff(old, new);
        check(old, new, &runs);
        assert_eq!(shown(old, new, &runs), "the President{+'+}s [-v-]preparedness");
        for (old, new) in [("", "abc"), ("abc", ""), ("", ""), ("同", "同"), ("a多b", "a少b")] {
            check(old, new, &diff(old, new));
        }
    }

    #[test]
    fn beyond_the_character_limit_words_then_lines_then_one_replacement() {
        let limits = Limits { chars: 10, tokens: 12, absorb: 3, ..Limits::default() };
        let (old, new) = ("one two three four", "one too three fore");
        let runs = diff_with(old, new, limits);
        check(old, new, &runs);
        assert_eq!(shown(old, new, &runs), "one t[-wo-]{+oo+} three [-four-]{+fore+}");
        let (old, new) = ("g1 g2 g3 g4\nkeep\nh1 h2", "k1 k2 k3 k4\nkeep\nj1 j2");
        let runs = diff_with(old, new, limits);
        check(old, new, &runs);
        assert_eq!(shown(old, new, &runs), "[-g1 g2 g3 g4\n-]{+k1 k2 k3 k4\n+}keep\n[-h1 h-]{+j1 j+}2");
        let (old, new) = ("x1 x2 x3 x4 x5 x6 x7 x8 x9", "y1 y2 y3 y4 y5 y6 y7 y8 y9");
        let runs = diff_with(old, new, Limits { tokens: 1, ..limits });
        check(old, new, &runs);
        assert_eq!(shown(old, new, &runs), "[-x1 x2 x3 x4 x5 x6 x7 x8 x-]{+y1 y2 y3 y4 y5 y6 y7 y8 y+}9");
    }

    #[test]
    fn a_wrong_index_from_similar_is_never_trusted() {
        // Found by the diff_sizes fuzz target: similar 2.7 answers
        // Delete { old_index: 0, new_index: 34 } before an equal run at 0.
        let old = "城\0\0\0\0";
        let new = format!("{}市更新的口子 断丒\u{FFFD}", "\0".repeat(58));
        let runs = diff(old, &new);
        check(old, &new, &runs);
    }

    #[test]
    fn a_long_replacement_is_one_run_and_quick() {
        let old = "会议强调,各地各部门要学深悟透党的二十大精神。".repeat(3);
        let new: String = "城市更新，进行时。".chars().cycle().take(80_000).collect();
        let runs = diff(&old, &new);
        check(&old, &new, &runs);
        assert!(runs.iter().filter(|r| r.tag == Tag::Insert).count() <= 1, "{}", runs.len());
    }
}
