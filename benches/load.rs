//! Loading the full COW IGO file (19,335 rows × 235 columns) into a
//! `Dataset`: reading, event building and replay, measured together.
//!
//! The path comes from `MH_COW_IGO` (default
//! `../shared/datasets/cow-igo-v3/igo_year_formatv3.csv`); the file is read
//! into memory once so the disk is not measured. Without the file the
//! benchmark prints a note and measures nothing, so `cargo bench -- --test`
//! passes on any machine.

#![allow(missing_docs)] // criterion_group! defines an undocumented public function

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use membership_history::{CowIgo, Dataset};

const DEFAULT: &str = "../shared/datasets/cow-igo-v3/igo_year_formatv3.csv";

fn load(c: &mut Criterion) {
    let path = std::env::var("MH_COW_IGO").unwrap_or_else(|_| DEFAULT.to_string());
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("note: {path} not found (set MH_COW_IGO); the load benchmark measures nothing");
        return;
    };
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("cow_igo_full", |b| {
        b.iter(|| {
            let report = Dataset::builder()
                .read(
                    CowIgo::new(),
                    black_box(bytes.as_slice()),
                    "igo_year_formatv3.csv",
                )
                .build();
            // Checked inside the loop: a load that fails or loses rows is no load.
            assert!(
                report.counts.first().is_some_and(|c| c.1.rows == 19_335),
                "the COW IGO file did not load"
            );
            assert!(
                report
                    .strict()
                    .is_ok_and(|ds| ds.organizations().len() == 534),
                "the COW IGO dataset did not build"
            );
        });
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
