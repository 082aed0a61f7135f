//! A load on two cores: the one place the crate starts a thread.
//!
//! A load of the full COW IGO file parses its rows (the csv crate),
//! decodes them and makes each IGO's events, cuts each membership into
//! answer segments, and builds an index of each side and the counts from
//! the same segments: the parsing, and the decoding with the events, are a
//! pipeline ([`pipeline`]); the two halves of the
//! memberships, and the builds, read nothing of each other ([`beside`])
//! (issue 15: the load within 2× of the csv crate's floor, on a 2-core
//! machine; `BENCHMARKS.md` has what this gained).

use std::sync::LazyLock;

/// Whether this machine runs two threads at once: where it does not (or
/// cannot say), a second thread only adds the cost of starting it. Asked
/// once: on Linux the answer reads cgroup files.
static CORES: LazyLock<bool> =
    LazyLock::new(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1));

/// The number of answer segments (or of memberships, each of which makes
/// one or more) from which a build's parts are worth a thread each: a
/// part costs about a thousand instructions per segment (the COW IGO
/// file's 84,000 segments, 95M for both sides of the index), so a part of
/// this size (a few million instructions, about a millisecond) pays 5–10%
/// for a thread's start and join (56–75 µs, measured on the 2-core
/// machine), and a larger one less.
pub(crate) const WORTH_A_THREAD: usize = 4096;

/// `(a(), b())`, `a` run on a second thread while this one runs `b` when
/// `worth_it` (the work is large enough to pay for a thread's start,
/// see [`WORTH_A_THREAD`]) and the machine has a second core; else both
/// here, `b` first. The answer does not depend on which: both are pure. A panic in
/// `a` goes on in this thread, as it would have without the thread.
pub(crate) fn beside<RA, RB>(
    worth_it: bool,
    a: impl Fn() -> RA + Sync,
    b: impl FnOnce() -> RB,
) -> (RA, RB)
where
    RA: Send,
{
    if !(worth_it && *CORES) {
        let rb = b();
        return (a(), rb);
    }
    std::thread::scope(|s| {
        // `a` borrowed, not moved: where no thread can be started, it runs here.
        let a = &a;
        match std::thread::Builder::new().spawn_scoped(s, a) {
            Ok(handle) => {
                let rb = b();
                let ra = handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (ra, rb)
            }
            Err(_) => {
                let rb = b();
                (a(), rb)
            }
        }
    })
}

/// Items handed over at a time by [`pipeline`]: a channel's handover costs
/// microseconds, and a row of the COW IGO file takes one or two to parse.
const BATCH: usize = 128;

/// Runs `fill` and `take` as a pipeline: `fill` makes each item here (into
/// a `T` given back by `take`, so buffers are reused; `false` at the end)
/// while `take` is handed them, in order, on a second thread. Where the
/// machine has one core or no thread can be started, the two alternate
/// here, item by item: `take` sees the same items in the same order.
/// A panic in `take` goes on in this thread.
pub(crate) fn pipeline<T: Default + Send>(
    mut fill: impl FnMut(&mut T) -> bool,
    mut take: impl FnMut(&mut T) + Send,
) {
    let alternate = |fill: &mut dyn FnMut(&mut T) -> bool, take: &mut dyn FnMut(&mut T)| {
        let mut item = T::default();
        while fill(&mut item) {
            take(&mut item);
        }
    };
    if !*CORES {
        return alternate(&mut fill, &mut take);
    }
    let started = std::thread::scope(|s| {
        // Full batches to the second thread (two waiting at most, so a
        // slow `take` holds four batches in memory, not the whole input),
        // and their items back to be filled again.
        let (full, to_take) = std::sync::mpsc::sync_channel::<Vec<T>>(2);
        let (done, emptied) = std::sync::mpsc::channel::<Vec<T>>();
        // `take` borrowed, not moved: where no thread can be started, it
        // runs here, after the scope.
        let taker = &mut take;
        let started = std::thread::Builder::new().spawn_scoped(s, move || {
            for mut batch in to_take {
                batch.iter_mut().for_each(&mut *taker);
                // The filling side may have ended: then the buffers go.
                let _ = done.send(batch);
            }
        });
        let Ok(handle) = started else {
            return false;
        };
        let mut ended = false;
        while !ended {
            let mut batch = emptied.try_recv().unwrap_or_default();
            batch.resize_with(BATCH, T::default);
            let mut n = 0;
            while n < BATCH {
                if !fill(&mut batch[n]) {
                    // Not asked again.
                    ended = true;
                    break;
                }
                n += 1;
            }
            batch.truncate(n);
            // Only a panic on the taking side closes it: that panic is
            // raised below.
            if full.send(batch).is_err() {
                break;
            }
        }
        drop(full);
        if let Err(panic) = handle.join() {
            std::panic::resume_unwind(panic);
        }
        true
    });
    if !started {
        alternate(&mut fill, &mut take);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same pair on either path, each part run once.
    #[test]
    fn both_paths_give_both_answers() {
        for worth_it in [false, true] {
            let runs = std::sync::atomic::AtomicUsize::new(0);
            let (a, b) = beside(
                worth_it,
                || {
                    runs.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    (0..1_000u64).sum::<u64>()
                },
                || "b".repeat(3),
            );
            assert_eq!((a, b.as_str()), (499_500, "bbb"));
            assert_eq!(runs.into_inner(), 1);
        }
    }

    /// Every item taken once, in order, buffers reused, across batches.
    #[test]
    fn a_pipeline_takes_every_item_in_order() {
        for n in [0, 1, BATCH - 1, BATCH, BATCH + 1, 10 * BATCH + 7] {
            let mut next = 0;
            let mut taken = Vec::new();
            pipeline(
                |item: &mut Vec<usize>| {
                    item.clear();
                    item.push(next);
                    next += 1;
                    next <= n
                },
                |item| taken.extend(item.iter().copied()),
            );
            assert_eq!(taken, (0..n).collect::<Vec<_>>(), "{n} items");
        }
    }
}
