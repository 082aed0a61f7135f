//! Loading the full COW IGO file (19,335 rows × 235 columns) into a
//! `Dataset`: reading, event building and replay, measured together.
//!
//! `load/csv_floor` reads the same file record by record with the `csv`
//! crate and does nothing else: the floor a loader is measured against
//! (issue 15).
//!
//! `load_linear` loads generated inputs of growing size, so that the time
//! per party shows loading is linear (issue 12): COW IGO files with 10^4 to
//! 10^6 state columns, ATOP files with 2^10 to 65,535 distinct members (its
//! member codes are `u16`), and bundled party lists with 10^4 to 10^6
//! parties, one event each.
//!
//! The path comes from `MH_COW_IGO` (default
//! `../shared/datasets/cow-igo-v3/igo_year_formatv3.csv` from the repository
//! root, wherever cargo runs the benchmark); the file is read
//! into memory once so the disk is not measured. Without the file the
//! benchmark prints a note and measures nothing, so `cargo bench -- --test`
//! passes on any machine.

#![allow(missing_docs)] // criterion_group! defines an undocumented public function

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use membership_history::{Atop, Bundled, CowIgo, Dataset};

/// `../shared/datasets/...` from the repository root: this file is built by
/// the `dev` package, whose manifest directory (cargo's working directory for
/// a benchmark) is `dev/`.
const DEFAULT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/datasets/cow-igo-v3/igo_year_formatv3.csv"
);

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
    // The floor (issue 15): the same bytes read record by record with the
    // csv crate, every field touched, nothing else done.
    group.bench_function("csv_floor", |b| {
        b.iter(|| {
            let mut r = csv::ReaderBuilder::new().from_reader(black_box(bytes.as_slice()));
            let mut record = csv::ByteRecord::new();
            let (mut rows, mut bytes_seen) = (0usize, 0usize);
            while r.read_byte_record(&mut record).expect("the file is CSV") {
                rows += 1;
                bytes_seen += record.iter().map(<[u8]>::len).sum::<usize>();
            }
            assert_eq!(rows, 19_335, "the csv crate read every row");
            black_box(bytes_seen);
        });
    });
    group.finish();
}

/// A COW IGO file of two years of one IGO with `n` state columns, every
/// state a member in both.
fn cow_columns(n: usize) -> Vec<u8> {
    let mut t = String::from("ioname,orgname,year");
    for i in 0..n {
        t.push_str(&format!(",state{i}"));
    }
    for year in [2000, 2001] {
        t.push_str(&format!("\nXIGO,Example,{year}"));
        t.push_str(&",1".repeat(n));
    }
    t.push('\n');
    t.into_bytes()
}

/// An ATOP file of one alliance with `n` distinct members (codes 1..=n).
fn atop_members(n: usize) -> Vec<u8> {
    let mut t = String::from("atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,phase\n");
    for m in 1..=n {
        t.push_str(&format!("1001,{m},1990,5,15,0,0,0,1\n"));
    }
    t.into_bytes()
}

/// Bundled tables with `n` parties, each signing one treaty.
fn bundled_parties(n: usize) -> [Vec<u8>; 4] {
    let mut parties = String::from("code,name,cow_code,cow_abbreviation,sources\n");
    let mut events = String::from("event,org,member,kind,date,note,sources\n");
    for i in 0..n {
        parties.push_str(&format!("P{i},Party {i},,,S\n"));
        events.push_str(&format!("e{i},X,P{i},signed,1992-05-15,,S\n"));
    }
    [
        b"id,citation,url\nS,a source,\n".to_vec(),
        parties.into_bytes(),
        b"org,kind,name,from,until,sources\nX,official,Ex,1992-05-15,,S\n".to_vec(),
        events.into_bytes(),
    ]
}

fn load_linear(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_linear");
    group.sample_size(10);
    for n in [10_000, 100_000, 1_000_000] {
        let bytes = cow_columns(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("cow_igo_columns", n), |b| {
            b.iter(|| {
                let ds = Dataset::builder()
                    .read(CowIgo::new(), black_box(bytes.as_slice()), "igo.csv")
                    .build()
                    .strict()
                    .expect("the generated COW file loads");
                assert_eq!(ds.parties().len(), n + 1); // and the IGO itself
            });
        });
    }
    for n in [1 << 10, 1 << 13, 65_535] {
        let bytes = atop_members(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("atop_members", n), |b| {
            b.iter(|| {
                let ds = Dataset::builder()
                    .read(Atop::new(), black_box(bytes.as_slice()), "atop.csv")
                    .build()
                    .strict()
                    .expect("the generated ATOP file loads");
                assert_eq!(ds.timelines().count(), n);
            });
        });
    }
    for n in [10_000, 100_000, 1_000_000] {
        let [sources, parties, names, events] = bundled_parties(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("bundled_parties", n), |b| {
            b.iter(|| {
                let mut builder = Dataset::builder();
                builder
                    .read(Bundled::Sources, sources.as_slice(), "sources.csv")
                    .read(
                        Bundled::Parties,
                        black_box(parties.as_slice()),
                        "parties.csv",
                    )
                    .read(Bundled::Names, names.as_slice(), "names.csv")
                    .read(Bundled::Events, black_box(events.as_slice()), "events.csv");
                let ds = builder.build().strict().expect("the generated tables load");
                assert_eq!(ds.timelines().count(), n);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, load, load_linear);
criterion_main!(benches);
