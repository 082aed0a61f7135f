//! The fuzz runner shared by `tests/fuzz.rs` and `tests/fuzz_datasets.rs`:
//! a case count (`MH_FUZZ_CASES`, default 256) or a time box
//! (`MH_FUZZ_SECONDS`), proptest shrinking on failure, and a case count
//! printed at the end.

#![allow(clippy::expect_used)] // test code

use std::fmt::Debug;
use std::time::{Duration, Instant};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// A case slower than this counts as a hang.
pub const SLOW: Duration = Duration::from_secs(5);

pub fn run<S>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let seconds = env("MH_FUZZ_SECONDS");
    let cases = env("MH_FUZZ_CASES").unwrap_or(256);
    let config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let start = Instant::now();
    let mut n: u64 = 0;
    let timed = |case: S::Value| {
        let t = Instant::now();
        test(case)?;
        if t.elapsed() > SLOW {
            return Err(TestCaseError::fail(format!(
                "case took {:?} (a hang?)",
                t.elapsed()
            )));
        }
        Ok(())
    };
    loop {
        let more = match seconds {
            Some(s) => start.elapsed() < Duration::from_secs(s),
            None => n < cases,
        };
        if !more {
            break;
        }
        let tree = strategy
            .new_tree(&mut runner)
            .expect("strategies here never reject");
        if let Err(e) = runner.run_one(tree, timed) {
            panic!("fuzz {name}: failed after {n} cases: {e}");
        }
        n += 1;
    }
    println!(
        "fuzz {name}: {n} cases in {:.1}s, no failure",
        start.elapsed().as_secs_f64()
    );
}
