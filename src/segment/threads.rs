//! Work on two threads, for long pages and editions of several pages.
//!
//! These machines, and most newsroom desktops, have at least two cores; a
//! page of a few thousand lines is read in a few milliseconds, so only
//! pages at least [`PARALLEL_FROM`] lines long are worth a second thread.
//! Every helper gives the result one thread would, in the same order.

/// Pages with at least this many lines are worked on two threads.
const PARALLEL_FROM: usize = 2000;

/// `f` of each of `0..count`, in order; for a long page (lines that are
/// independent of each other), on two threads.
pub(super) fn on_two_threads<T: Send>(count: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    in_two_halves(count, |lines| lines.map(&f).collect())
}

/// `f` of `0..count`, or, for a long page, of its two halves on two
/// threads, joined in order.
pub(super) fn in_two_halves<T: Send>(
    count: usize,
    f: impl Fn(std::ops::Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    if count < PARALLEL_FROM {
        return f(0..count);
    }
    let middle = count / 2;
    let (mut first, second) = side_by_side(|| f(0..middle), || f(middle..count));
    first.extend(second);
    first
}

/// `a()` and `b()`: for a long page (`count` lines), one on another
/// thread while this one works out the other.
pub(super) fn both<A: Send, B: Send>(
    count: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if count < PARALLEL_FROM { (a(), b()) } else { side_by_side(a, b) }
}

/// `a()` on this thread and `b()` on another, a panic in either passed on.
fn side_by_side<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    std::thread::scope(|scope| {
        let other = scope.spawn(b);
        let first = a();
        (first, other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

/// `f` of each of `0..count`, in order, worked out on two threads that
/// each take the next index not yet taken (pages differ widely in length,
/// so halving the list would leave one thread idle).
pub(super) fn by_turns_on_two_threads<T: Send>(count: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if index >= count {
                return done;
            }
            done.push((index, f(index)));
        }
    };
    let (mut all, other) = side_by_side(work, work);
    all.extend(other);
    all.sort_unstable_by_key(|&(index, _)| index);
    all.into_iter().map(|(_, done)| done).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_helper_gives_what_one_thread_gives_in_order() {
        for count in [0, 1, PARALLEL_FROM - 1, PARALLEL_FROM, PARALLEL_FROM + 1, 3 * PARALLEL_FROM + 7] {
            let one: Vec<usize> = (0..count).map(|k| k * k).collect();
            assert_eq!(on_two_threads(count, |k| k * k), one);
            assert_eq!(in_two_halves(count, |range| range.map(|k| k * k).collect()), one);
            assert_eq!(by_turns_on_two_threads(count, |k| k * k), one);
            assert_eq!(both(count, || count + 1, || count * 2), (count + 1, count * 2));
        }
    }
}
