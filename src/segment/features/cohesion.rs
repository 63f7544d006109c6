//! Lexical cohesion: how much the words of the lines before a line share
//! with the words of the line and those after it.
//!
//! A story repeats its names, places and subject from paragraph to
//! paragraph; the next story, on another subject, does not. Where one
//! ends and another starts, the words on either side have least in common
//! (Hearst's TextTiling reads topic shifts this way). No typography is
//! needed, and it holds in any language: an English line's terms are its
//! words (as [`super::extract::words`] hashes them), a Chinese line's the
//! pairs of ideographs side by side in it, which name its people and
//! places as words do. Terms on more than one line in twenty of the page
//! (its "the" and "and", its 我们 and 发展) say nothing of the subject and
//! are left out.
//!
//! It is aimed at untitled local items, which the line's own shape cannot
//! tell from the item before.
//!
//! The same comparison made with runs of lines further up the page gives
//! [`Family::Echo`]: where an article resumes after a box or another story
//! interrupted it (two in five of the boundaries on a 1916 English page),
//! its words have little in common with the interruption just before and
//! much with the article's own text further back.

use super::extract::fnv_bucket;
use super::{Family, WORD_BUCKETS, id};
use crate::segment::layout::Line;
use crate::segment::threads::in_two_halves;
use std::cell::Cell;

/// How many lines either side are compared.
pub(super) const REACH: usize = 6;

/// How many runs of [`REACH`] lines further back [`Family::Echo`] looks
/// at: together, the lines from 7 to 48 lines before the line.
pub(super) const ECHO_RUNS: usize = 7;

/// The cosine thresholds of [`Family::Cohesion`]'s values after "none".
const THRESHOLDS: [f64; 5] = [0.02, 0.05, 0.1, 0.2, 0.35];

/// The terms of a Chinese line: the buckets of the pairs of ideographs
/// side by side in it, each once; none for any other line, whose terms are
/// its word buckets ([`super::extract::words`]). Read with the line's
/// other features, on the threads that read them.
pub(super) fn chinese_terms(line: &Line<'_>) -> Vec<u16> {
    if line.cjk { ideograph_pairs(line.text) } else { Vec::new() }
}

/// The buckets of the pairs of ideographs side by side in `text`, each
/// once, hashed as words are ([`fnv_bucket`]).
fn ideograph_pairs(text: &str) -> Vec<u16> {
    let mut out = Vec::new();
    let mut before: Option<char> = None;
    for c in text.chars() {
        if !crate::text::script::is_han(c) {
            before = None;
            continue;
        }
        if let Some(b) = before {
            // The two characters' code points, little-endian, side by side:
            // eight bytes, hashed in one array the compiler unrolls.
            let mut pair = [0u8; 8];
            pair[..4].copy_from_slice(&u32::from(b).to_le_bytes());
            pair[4..].copy_from_slice(&u32::from(c).to_le_bytes());
            out.push(fnv_bucket(pair.into_iter()));
        }
        before = Some(c);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Adds each line's [`Family::Cohesion`] and [`Family::Echo`] to its base
/// features, `terms` being each line's terms (its [`chinese_terms`] or
/// its words). A long page is read in
/// two halves on two threads (the windows of the second half start from
/// counts of the lines before it, so the values are the same).
pub(super) fn add(base: &mut [Vec<u16>], terms: &[&[u16]]) {
    let kept = subject_terms(terms);
    let values = in_two_halves(kept.len(), |lines| values(&kept, lines));
    for (features, (cohesion, echo)) in base.iter_mut().zip(values) {
        features.push(id(Family::Cohesion, cohesion));
        features.push(id(Family::Echo, echo));
    }
}

/// Each line's terms less those on too many of the page's lines.
fn subject_terms(terms: &[&[u16]]) -> Vec<Vec<u16>> {
    let mut lines_with = vec![0usize; WORD_BUCKETS];
    for line in terms {
        line.iter().for_each(|&t| lines_with[t as usize] += 1);
    }
    let common = (terms.len() / 20).max(3);
    terms
        .iter()
        .map(|line| line.iter().copied().filter(|&t| lines_with[t as usize] <= common).collect())
        .collect()
}

/// The two values of each line of `lines`, each 0 when a side has no
/// terms, else 1 + the bucket of a cosine between term counts:
/// [`Family::Cohesion`] compares the [`REACH`] lines before with the line
/// and the [`REACH`] - 1 after ("ahead"); [`Family::Echo`] is the largest
/// cosine of "ahead" with any of the [`ECHO_RUNS`] runs of [`REACH`] lines
/// before those, counting only runs that lie wholly on the page.
///
/// The windows slide down the page one line at a time, their counts,
/// squared norms and dot products with "ahead" kept up to date as lines
/// enter and leave them (integers, so exactly what counting afresh at
/// each line would give): a line costs the terms of the lines that move,
/// not those of all sixty.
fn values(terms: &[Vec<u16>], lines: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    let (start, end) = (lines.start, lines.end);
    let mut windows = Windows::new();
    for line in &terms[start..(start + REACH).min(terms.len())] {
        windows.change(AHEAD, line, 1);
    }
    for run in 0..=ECHO_RUNS {
        let from = start.saturating_sub(REACH * (run + 1));
        for line in &terms[from..start.saturating_sub(REACH * run)] {
            windows.change(behind(run), line, 1);
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    for k in lines {
        let cohesion = bucket(windows.cosine(behind(0)));
        let echo = (1..=ECHO_RUNS)
            .take_while(|&run| k >= REACH * (run + 1))
            .filter_map(|run| windows.cosine(behind(run)))
            .fold(None, |best: Option<f64>, c| Some(best.map_or(c, |b| b.max(c))));
        out.push((cohesion, bucket(echo)));
        // Line k leaves "ahead" for the first run behind, and each run
        // hands its oldest line on to the run further back (the last run's
        // oldest leaves): the line `REACH × w` before k moves out of window
        // w, into window w + 1.
        for w in 0..WINDOWS {
            if let Some(moving) = k.checked_sub(REACH * w) {
                windows.pass_on(w, &terms[moving]);
            }
        }
        if let Some(next) = terms.get(k + REACH) {
            windows.change(AHEAD, next, 1);
        }
    }
    // Lines reach at most this far back and ahead of the range's end.
    let still_in = end.saturating_sub(REACH * (WINDOWS + 1)).min(terms.len())..(end + REACH).min(terms.len());
    windows.recycle(&terms[still_in]);
    out
}

/// 0 for no cosine (a side without terms), else 1 + its bucket.
fn bucket(cosine: Option<f64>) -> usize {
    cosine.map_or(0, |c| 1 + THRESHOLDS.iter().take_while(|&&t| c >= t).count())
}

/// How many windows there are: the run ahead, and the runs behind.
const WINDOWS: usize = ECHO_RUNS + 2;

/// The window of the line and the lines after it.
const AHEAD: usize = 0;

/// The window of run `run` behind the line (0: the lines just before).
const fn behind(run: usize) -> usize {
    run + 1
}

/// The term counts of every window, with each window's squared norm and
/// its dot product with the window ahead. A term's counts in all windows
/// lie side by side: a line entering the window ahead changes every
/// window's dot product, and reads one cache line per term to do it.
struct Windows {
    /// Indexed by term: a fixed length, so indexing needs no bounds check.
    counts: Box<[[i32; WINDOWS]; WORD_BUCKETS]>,
    norms: [i64; WINDOWS],
    dots: [i64; WINDOWS],
}

/// Each term's count in each window.
type Counts = [[i32; WINDOWS]; WORD_BUCKETS];

thread_local! {
    /// The counts a thread used for the page it read last, zeroed again.
    /// The pages of an edition are read one after another on each thread,
    /// and zeroing a new table of 147 KB for each was a twentieth of the
    /// instructions of splitting an edition of 186 short pages.
    static SPARE_COUNTS: Cell<Option<Box<Counts>>> = const { Cell::new(None) };
}

impl Windows {
    fn new() -> Self {
        let counts = SPARE_COUNTS.take().unwrap_or_else(|| Box::new([[0; WINDOWS]; WORD_BUCKETS]));
        Self { counts, norms: [0; WINDOWS], dots: [0; WINDOWS] }
    }

    /// Leaves the counts for the thread's next page, zeroed: `lines` must
    /// hold every line still in a window (the counts of the lines that
    /// left are back to zero). A table not handed back (a panic on the
    /// way) is simply dropped, and the next page zeroes a new one.
    fn recycle(mut self, lines: &[Vec<u16>]) {
        for &t in lines.iter().flatten() {
            self.counts[usize::from(t) % WORD_BUCKETS] = [0; WINDOWS];
        }
        debug_assert!(self.counts.iter().all(|c| *c == [0; WINDOWS]), "a line still in a window was missed");
        SPARE_COUNTS.set(Some(self.counts));
    }

    /// The cosine of window `w` with the window ahead; `None` when either
    /// has no terms.
    fn cosine(&self, w: usize) -> Option<f64> {
        let (norm, ahead) = (self.norms[w], self.norms[AHEAD]);
        (norm > 0 && ahead > 0).then(|| self.dots[w] as f64 / ((norm as f64) * (ahead as f64)).sqrt())
    }

    /// A line's terms join (`by` 1) or leave (-1) window `w`; the norms
    /// and dot products follow.
    fn change(&mut self, w: usize, terms: &[u16], by: i32) {
        for &t in terms {
            let counts = &mut self.counts[usize::from(t) % WORD_BUCKETS];
            let count = counts[w];
            self.norms[w] += i64::from((count + by) * (count + by) - count * count);
            counts[w] += by;
            if w == AHEAD {
                for (dot, &other) in self.dots.iter_mut().zip(counts.iter()).skip(1) {
                    *dot += i64::from(by * other);
                }
            } else {
                self.dots[w] += i64::from(by * counts[AHEAD]);
            }
        }
    }

    /// A line's terms leave window `w` for window `w + 1` (or, from the
    /// last window, leave): what `change(w, terms, -1)` then
    /// `change(w + 1, terms, 1)` do, reading each term's counts once.
    fn pass_on(&mut self, w: usize, terms: &[u16]) {
        let to = w + 1;
        for &t in terms {
            let counts = &mut self.counts[usize::from(t) % WORD_BUCKETS];
            let count = counts[w];
            self.norms[w] += i64::from(1 - 2 * count);
            counts[w] = count - 1;
            if w == AHEAD {
                for (dot, &other) in self.dots.iter_mut().zip(counts.iter()).skip(1) {
                    *dot -= i64::from(other);
                }
            } else {
                self.dots[w] -= i64::from(counts[AHEAD]);
            }
            if to < WINDOWS {
                let count = counts[to];
                self.norms[to] += i64::from(2 * count + 1);
                counts[to] = count + 1;
                self.dots[to] += i64::from(counts[AHEAD]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The cosine of two runs of lines counted afresh.
    fn cosine(a: &[Vec<u16>], b: &[Vec<u16>]) -> Option<f64> {
        let (mut x, mut y) = (vec![0i64; WORD_BUCKETS], vec![0i64; WORD_BUCKETS]);
        a.iter().flatten().for_each(|&t| x[t as usize] += 1);
        b.iter().flatten().for_each(|&t| y[t as usize] += 1);
        let dot: i64 = x.iter().zip(&y).map(|(a, b)| a * b).sum();
        let (nx, ny): (i64, i64) = (x.iter().map(|c| c * c).sum(), y.iter().map(|c| c * c).sum());
        (nx > 0 && ny > 0).then(|| dot as f64 / ((nx as f64) * (ny as f64)).sqrt())
    }

    /// Each line's values counted afresh, to hold the sliding windows to.
    fn counted_afresh(terms: &[Vec<u16>]) -> Vec<(usize, usize)> {
        (0..terms.len())
            .map(|k| {
                let ahead = &terms[k..(k + REACH).min(terms.len())];
                let cohesion = cosine(&terms[k.saturating_sub(REACH)..k], ahead);
                let echo = (1..=ECHO_RUNS)
                    .take_while(|&m| k >= REACH * (m + 1))
                    .filter_map(|m| cosine(&terms[k - REACH * (m + 1)..k - REACH * m], ahead))
                    .fold(None, |best: Option<f64>, c| Some(best.map_or(c, |b| b.max(c))));
                (bucket(cohesion), bucket(echo))
            })
            .collect()
    }

    #[test]
    fn a_change_of_subject_is_where_the_words_part() {
        let story = |a: u16| vec![a, a + 1, a + 2];
        let terms: Vec<Vec<u16>> = (0..8).map(|_| story(10)).chain((0..8).map(|_| story(50))).collect();
        let values = values(&terms, 0..terms.len());
        assert_eq!(values[0].0, 0, "nothing before the first line");
        assert_eq!(values[4].0, 6, "inside the first story");
        assert_eq!(values[8].0, 1, "where the second starts: nothing shared");
        assert_eq!(values[12].0, 6, "inside the second");
    }

    #[test]
    fn a_story_resuming_echoes_its_own_words_further_up() {
        let story = |a: u16| vec![a, a + 1, a + 2];
        // Twelve lines of one story, six of a box, six more of the story.
        let terms: Vec<Vec<u16>> = [(12, 10), (6, 50), (6, 10)]
            .iter()
            .flat_map(|&(lines, a)| (0..lines).map(move |_| story(a)))
            .collect();
        let values = values(&terms, 0..terms.len());
        assert_eq!(values[18].0, 1, "nothing in common with the box just before");
        assert_eq!(values[18].1, 6, "all in common with the story further up");
        assert_eq!(values[12].1, 1, "the box shares nothing with the story before it");
    }

    #[test]
    fn chinese_terms_are_pairs_of_ideographs() {
        let pairs = ideograph_pairs("永康市委 2022");
        assert_eq!(pairs.len(), 3, "永康, 康市, 市委");
        assert_eq!(ideograph_pairs("永 康"), Vec::<u16>::new(), "a space parts them");
    }

    #[test]
    fn terms_on_many_lines_are_left_out() {
        let terms: Vec<Vec<u16>> = (0..40).map(|k| vec![1, 100 + k]).collect();
        let terms: Vec<&[u16]> = terms.iter().map(Vec::as_slice).collect();
        assert!(subject_terms(&terms).iter().all(|line| line.len() == 1 && line[0] >= 100));
    }

    proptest! {
        #[test]
        fn sliding_windows_count_as_counting_afresh(
            terms in prop::collection::vec(prop::collection::btree_set(0u16..40, 0..5), 0..70)
        ) {
            let terms: Vec<Vec<u16>> = terms.into_iter().map(|s| s.into_iter().collect()).collect();
            let all = values(&terms, 0..terms.len());
            prop_assert_eq!(&all, &counted_afresh(&terms));
            // Starting anywhere gives the same values from there on: the
            // second half of a long page is read on its own thread.
            let middle = terms.len() / 2;
            prop_assert_eq!(&values(&terms, middle..terms.len())[..], &all[middle..]);
        }
    }
}
