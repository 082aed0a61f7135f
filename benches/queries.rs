//! Issue 5: interval queries against the Rust interval libraries, in one run.
//!
//! Every benchmark checks its answer inside the timed loop against a value
//! computed once outside it, and every peer is built from exactly the same
//! intervals (`tests/peers.rs` checks that all answers agree on these
//! inputs). Inputs come from fixed seeds (`tests/support/synth.rs`).
//!
//! `cargo bench --bench queries` runs everything (a few minutes on 2 cores);
//! `MH_BENCH_BIG=1` adds 10^6-spell histories. The COW IGO file
//! (`MH_COW_IGO`, default under `../shared/datasets`) adds a real query
//! workload when present; its full load is `benches/load.rs`.
//! `cargo bench -- --test` runs each benchmark once.

#![allow(missing_docs)] // criterion_group! generates an undocumented fn
#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench panics on bad input

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use membership_history::{Dataset, Index, OrgId, PartyId};

#[path = "../tests/support/peers.rs"]
mod peers;
#[path = "../tests/support/synth.rs"]
mod synth;

use peers::{OPS, OrgPeers, SetPeers};

const SEED: u64 = 0x5EED_0005;
/// Queries per workload, cycled through by the timed loop.
const QUERIES: usize = 1024;

fn big() -> bool {
    std::env::var_os("MH_BENCH_BIG").is_some()
}

fn label(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

fn configure<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g
}

/// Members of the CSTO on a date over the bundled data: the three-valued
/// `Dataset::members_on` (with certainty) and the `Index`'s two-valued
/// listing, on every 1 January and 1 July from 1992 to 2026.
fn bundled(c: &mut Criterion) {
    let mut g = configure(c, "bundled");
    let ds = membership_history::bundled();
    let index = Index::new(ds);
    let csto = index.organization("CSTO").unwrap();
    let dates: Vec<NaiveDate> = (1992..=2026)
        .flat_map(|y| [(y, 1), (y, 7)])
        .map(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1).unwrap())
        .collect();
    // Answers computed once, checked inside the timed loops.
    let want_all: Vec<usize> = dates
        .iter()
        .map(|&d| ds.members_on("CSTO", d).unwrap().len())
        .collect();
    let want_members: Vec<usize> = dates
        .iter()
        .map(|&d| {
            let on = ds.members_on("CSTO", d).unwrap();
            on.iter()
                .filter(|m| m.is_member() && m.spell().contains(d))
                .count()
        })
        .collect();
    let mut i = 0;
    g.bench_function("dataset-members_on", |b| {
        b.iter(|| {
            i = (i + 1) % dates.len();
            assert_eq!(
                ds.members_on("CSTO", black_box(dates[i])).unwrap().len(),
                want_all[i]
            );
        })
    });
    let mut out = Vec::new();
    g.bench_function("index-members_into", |b| {
        b.iter(|| {
            i = (i + 1) % dates.len();
            out.clear();
            index.members_into(csto, black_box(dates[i]), &mut out);
            assert_eq!(out.len(), want_members[i]);
        })
    });
    g.finish();
}

/// Point membership in one disjoint set: ours vs rangemap and range-set-blaze.
fn point(c: &mut Criterion) {
    let mut g = configure(c, "point");
    let mut sizes = vec![16, 1_000, 10_000, 100_000, 1_000_000];
    if big() {
        sizes.push(10_000_000);
    }
    for n in sizes {
        let iv = synth::disjoint(n, 10, SEED ^ n as u64);
        let set = SetPeers::new(&iv);
        let hi = iv.last().unwrap().1 + 10;
        let qs = synth::points(QUERIES, -10, hi, SEED);
        let want: Vec<bool> = qs.iter().map(|q| set.ours.contains(q)).collect();
        let id = |lib| BenchmarkId::new(lib, label(n));
        let mut i = 0;
        g.bench_function(id("ours"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                assert_eq!(set.ours.contains(black_box(&qs[i])), want[i]);
            })
        });
        g.bench_function(id("ours-frozen"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                assert_eq!(set.frozen.contains(black_box(&qs[i])), want[i]);
            })
        });
        g.bench_function(id("rangemap"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                assert_eq!(set.rangemap.contains(black_box(&qs[i])), want[i]);
            })
        });
        g.bench_function(id("range-set-blaze"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                assert_eq!(set.blaze.contains(black_box(qs[i])), want[i]);
            })
        });
    }
    g.finish();
}

/// An indexed history with each organization's intervals in every peer.
struct Workload {
    index: Index<'static>,
    peers: Vec<OrgPeers>,
    /// (organization, date, day number, checksum of the members, count).
    queries: Vec<(OrgId, NaiveDate, i32, u64, usize)>,
}

/// Order-free, so that answers listed in any order compare equal: the sum
/// of `p * 0x9E37_79B9 + 1` over the parties, computed as
/// `0x9E37_79B9 * sum + len` (the same value in wrapping arithmetic), whose
/// plain sum vectorizes, so the check costs every library little.
fn checksum(parties: &[u32]) -> u64 {
    let sum = parties
        .iter()
        .map(|&p| u64::from(p))
        .fold(0, u64::wrapping_add);
    mix(sum, parties.len())
}
fn checksum_ids(parties: &[PartyId]) -> u64 {
    let sum = parties
        .iter()
        .map(|p| p.index() as u64)
        .fold(0, u64::wrapping_add);
    mix(sum, parties.len())
}
fn mix(sum: u64, len: usize) -> u64 {
    sum.wrapping_mul(0x9E37_79B9).wrapping_add(len as u64)
}

impl Workload {
    /// A synthetic history; `days` picks the day of each query.
    fn new(raw: &synth::Raw, days: impl Fn(&mut synth::SplitMix64) -> i32) -> Workload {
        // Leaked so the index can borrow it for the whole run.
        let ds: &'static Dataset = Box::leak(Box::new(raw.dataset()));
        let index = Index::new(ds);
        let org_ids: Vec<OrgId> = (0..raw.orgs as u32)
            .map(|o| index.organization(&synth::org_code(o)).unwrap())
            .collect();
        let party_ids: Vec<u32> = (0..raw.parties as u32)
            .map(|p| index.party(&synth::party_code(p)).unwrap().index() as u32)
            .collect();
        // Peers hold the dataset's party positions, as the index does.
        let by_org: Vec<Vec<(i32, i32, u32)>> = raw
            .member_intervals()
            .iter()
            .map(|ivs| {
                ivs.iter()
                    .map(|&(s, e, p)| (s, e, party_ids[p as usize]))
                    .collect()
            })
            .collect();
        Workload::from_parts(index, by_org, org_ids, days)
    }

    /// A loaded dataset (the COW IGO file): each organization's membership
    /// days (`Dataset::member_days`, preferred readings) as the peers' intervals.
    fn from_dataset(
        ds: &'static Dataset,
        days: impl Fn(&mut synth::SplitMix64) -> i32,
    ) -> Workload {
        use chrono::Datelike;
        let index = Index::new(ds);
        let mut org_ids = Vec::new();
        let mut by_org = Vec::new();
        for org in ds.organizations() {
            org_ids.push(index.organization(org.id()).unwrap());
            let mut ivs = Vec::new();
            for party in ds.parties() {
                let p = index.party(party.code()).unwrap().index() as u32;
                for span in ds.member_days(org.id(), party.code()).unwrap().iter() {
                    let end = span.end().map_or(i32::MAX, |e| e.num_days_from_ce());
                    ivs.push((span.start().num_days_from_ce(), end, p));
                }
            }
            by_org.push(ivs);
        }
        Workload::from_parts(index, by_org, org_ids, days)
    }

    fn from_parts(
        index: Index<'static>,
        by_org: Vec<Vec<(i32, i32, u32)>>,
        org_ids: Vec<OrgId>,
        days: impl Fn(&mut synth::SplitMix64) -> i32,
    ) -> Workload {
        let peers: Vec<OrgPeers> = by_org.iter().map(|ivs| OrgPeers::new(ivs)).collect();
        // Organizations by size (a random interval's organization), so the
        // big ones, which dominate real workloads, dominate the queries.
        let all: Vec<u32> = by_org
            .iter()
            .enumerate()
            .flat_map(|(o, ivs)| std::iter::repeat_n(o as u32, ivs.len()))
            .collect();
        let mut rng = synth::SplitMix64(SEED);
        let queries = (0..QUERIES)
            .map(|_| {
                let o = all[rng.below(all.len() as u64) as usize] as usize;
                let t = days(&mut rng);
                let mut out = Vec::new();
                peers[o].scan_members(t, &mut out);
                (org_ids[o], synth::date(t), t, checksum(&out), out.len())
            })
            .collect();
        Workload {
            index,
            peers,
            queries,
        }
    }
}

fn list_members(c: &mut Criterion, group: &str, workloads: &[(String, Workload)]) {
    let mut g = configure(c, group);
    for (size, w) in workloads {
        let id = |lib| BenchmarkId::new(lib, size);
        let qs = &w.queries;
        let mut out: Vec<u32> = Vec::with_capacity(1 << 17);
        let mut ours: Vec<PartyId> = Vec::with_capacity(1 << 17);
        let mut i = 0;
        g.bench_function(id("ours"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                let (o, d, _, sum, _) = qs[i];
                ours.clear();
                w.index.members_into(black_box(o), black_box(d), &mut ours);
                assert_eq!(checksum_ids(&ours), sum);
            })
        });
        type Lister = fn(&OrgPeers, i32, &mut Vec<u32>);
        let libs: [(&str, Lister); 4] = [
            ("coitrees", OrgPeers::coitree_members),
            ("rust-lapper", OrgPeers::lapper_members),
            ("superintervals", OrgPeers::superintervals_members),
            ("scan", OrgPeers::scan_members),
        ];
        for (lib, f) in libs {
            g.bench_function(id(lib), |b| {
                b.iter(|| {
                    i = (i + 1) & (QUERIES - 1);
                    let (o, _, t, sum, _) = qs[i];
                    out.clear();
                    f(&w.peers[o.index()], black_box(t), &mut out);
                    assert_eq!(checksum(&out), sum);
                })
            });
        }
    }
    g.finish();
}

fn count_members(c: &mut Criterion, group: &str, workloads: &[(String, Workload)]) {
    let mut g = configure(c, group);
    for (size, w) in workloads {
        let id = |lib| BenchmarkId::new(lib, size);
        let qs = &w.queries;
        let mut i = 0;
        g.bench_function(id("ours"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                let (o, d, _, _, n) = qs[i];
                assert_eq!(w.index.member_count(black_box(o), black_box(d)), n);
            })
        });
        type Counter = fn(&OrgPeers, i32) -> usize;
        let libs: [(&str, Counter); 4] = [
            ("coitrees", OrgPeers::coitree_count),
            ("rust-lapper", OrgPeers::lapper_count),
            ("superintervals", OrgPeers::superintervals_count),
            ("scan", OrgPeers::scan_count),
        ];
        for (lib, f) in libs {
            g.bench_function(id(lib), |b| {
                b.iter(|| {
                    i = (i + 1) & (QUERIES - 1);
                    let (o, _, t, _, n) = qs[i];
                    assert_eq!(f(&w.peers[o.index()], black_box(t)), n);
                })
            });
        }
    }
    g.finish();
}

fn cow_sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if big() {
        sizes.push(1_000_000);
    }
    sizes
}

/// Members of an organization on a date, and their number, on COW-shaped
/// histories of growing size; then counts as the overlap grows.
fn members(c: &mut Criterion) {
    let (first, last) = (synth::first_day(), synth::last_day());
    let cow: Vec<(String, Workload)> = cow_sizes()
        .into_iter()
        .map(|n| {
            let raw = synth::cow_like_raw(n, SEED ^ n as u64);
            (label(n), Workload::new(&raw, |r| r.range(first, last)))
        })
        .collect();
    list_members(c, "members", &cow);
    count_members(c, "count", &cow);

    // Every member of one organization overlaps the query days.
    let center = synth::overlap_day();
    let overlap: Vec<(String, Workload)> = [16, 256, 4_096, 65_536]
        .into_iter()
        .map(|k| {
            let raw = synth::overlapping(k, SEED ^ k as u64);
            (label(k), Workload::new(&raw, |r| center - r.range(0, 2)))
        })
        .collect();
    count_members(c, "count_overlap", &overlap);
    list_members(c, "members_overlap", &overlap);

    // The real COW IGO data, when its file is there (path from `MH_COW_IGO`).
    let path = std::env::var("MH_COW_IGO")
        .unwrap_or_else(|_| "../shared/datasets/cow-igo-v3/igo_year_formatv3.csv".into());
    match Dataset::from_cow_igo(&path, None) {
        Ok(ds) => {
            let ds: &'static Dataset = Box::leak(Box::new(ds));
            let cow = vec![(
                "cow-igo".to_string(),
                Workload::from_dataset(ds, |r| r.range(first, last)),
            )];
            list_members(c, "members_cow", &cow);
            count_members(c, "count_cow", &cow);
        }
        Err(e) => eprintln!("note: no COW IGO workload ({e})"),
    }
}

/// Union, intersection, difference and complement of two disjoint sets.
fn set_ops(c: &mut Criterion) {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if big() {
        sizes.push(1_000_000);
    }
    for op in OPS {
        let mut g = configure(c, &format!("set_{}", op.name()));
        for &n in &sizes {
            let a = SetPeers::new(&synth::disjoint(n, 10, SEED ^ n as u64));
            let b = SetPeers::new(&synth::disjoint(n, 10, !SEED ^ n as u64));
            let want = peers::ours(op, &a.ours, &b.ours);
            let (len, first) = (want.len(), want.iter().next().map(|s| s.start()));
            let id = |lib| BenchmarkId::new(lib, label(n));
            g.bench_function(id("ours"), |bench| {
                bench.iter(|| {
                    let r = peers::ours(op, black_box(&a.ours), black_box(&b.ours));
                    assert_eq!((r.len(), r.iter().next().map(|s| s.start())), (len, first));
                })
            });
            g.bench_function(id("range-set-blaze"), |bench| {
                bench.iter(|| {
                    let r = peers::blaze(op, black_box(&a.blaze), black_box(&b.blaze));
                    assert_eq!((r.ranges_len(), r.first()), (len, first));
                })
            });
            g.bench_function(id("rangemap"), |bench| {
                bench.iter(|| {
                    let r = peers::rangemap(op, black_box(&a.rangemap), black_box(&b.rangemap));
                    assert_eq!((r.len(), r.first().map(|r| r.start)), (len, first));
                })
            });
        }
        g.finish();
    }
}

/// Index build time (and bytes per spell, printed), beside the peers'
/// per-organization builds from the same intervals.
fn build(c: &mut Criterion) {
    let mut g = configure(c, "build");
    for n in cow_sizes() {
        let raw = synth::cow_like_raw(n, SEED ^ n as u64);
        let ds = raw.dataset();
        let spells = ds.spell_records().len();
        let index = Index::new(&ds);
        let bytes = index.heap_bytes();
        eprintln!(
            "index bytes, {} spells: {bytes} B = {:.1} B per spell, {:.1} B per member interval ({} intervals)",
            spells,
            bytes as f64 / spells as f64,
            bytes as f64 / index.len() as f64,
            index.len()
        );
        let (len, intervals) = (index.len(), raw.member_intervals());
        drop(index);
        let id = |lib| BenchmarkId::new(lib, label(n));
        g.bench_function(id("ours"), |b| {
            b.iter(|| assert_eq!(Index::new(black_box(&ds)).len(), len))
        });
        g.bench_function(id("coitrees+rust-lapper"), |b| {
            b.iter(|| {
                let built: usize = intervals
                    .iter()
                    .map(|ivs| OrgPeers::new(black_box(ivs)).scan.len())
                    .sum();
                assert_eq!(built, len);
            })
        });
    }
    g.finish();
}

/// Loading histories: the bundled data, and replaying a COW-sized
/// (19k-spell) synthetic history through the `Dataset` builder, which is
/// what the COW IGO importer will do after parsing.
fn load(c: &mut Criterion) {
    let mut g = configure(c, "load");
    // The bundled files read and replayed from disk (`bundled()` itself is
    // parsed once per process, so timing it would time nothing).
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    g.bench_function("bundled-from-dir", |b| {
        b.iter(|| {
            assert_eq!(
                Dataset::from_dir(black_box(dir))
                    .unwrap()
                    .organizations()
                    .len(),
                3
            )
        })
    });
    let raw = synth::cow_like_raw(19_000, SEED);
    g.bench_function("synthetic-cow-19k-replay", |b| {
        b.iter(|| assert_eq!(black_box(&raw).dataset().organizations().len(), raw.orgs))
    });
    g.finish();
}

criterion_group!(benches, bundled, point, members, set_ops, build, load);
criterion_main!(benches);
