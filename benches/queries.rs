//! Issue 5: interval queries against the Rust interval libraries, in one run;
//! issue 10: the one query surface, `Dataset::members_on`, measured on the
//! same workloads.
//!
//! Every benchmark checks its answer inside the timed loop against a value
//! computed once outside it, and every peer is built from exactly the same
//! intervals (`tests/peers.rs` checks that all answers agree on these
//! inputs). Inputs come from fixed seeds (`tests/support/synth.rs`).
//!
//! "ours" in the listing groups is `ds.members_on(org, day)?.members()`
//! (resolved by `OrgId`): the parties of the members de jure by the
//! preferred readings (the answers with `a.member() == Some(true)`, the
//! peers' intervals), checksummed by party position; "ours-answers" is the
//! same list read from the three-valued `Answer`s themselves
//! (`members_on(..)` filtered by `a.member()`). "ours" in the counting
//! groups is `ds.count_on(org, day)?.members()`. In `build`, "ours" is the
//! whole `Dataset` build from the events (replay, answer segments and the
//! index built with it: the index is private and has no build of its
//! own).
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
use membership_history::{Answer, CowIgo, Dataset, OrgId};

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

/// Members of the CSTO on a date over the bundled data, on every 1 January
/// and 1 July from 1992 to 2026 (the later ones past the data's end, so
/// unknown): the one surface, `Dataset::members_on` by `OrgId`, every
/// answer checksummed (`members_on`), and its members de jure by the
/// preferred readings, what the old `Index::members_into` listed
/// (`members_on-members`).
fn bundled(c: &mut Criterion) {
    let mut g = configure(c, "bundled");
    let ds = membership_history::bundled();
    let csto = ds.org_id("CSTO").unwrap();
    let dates: Vec<NaiveDate> = (1992..=2026)
        .flat_map(|y| [(y, 1), (y, 7)])
        .map(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1).unwrap())
        .collect();
    // Answers computed once, checked inside the timed loops.
    let want = |keep: fn(&Answer<'_>) -> bool| -> Vec<u64> {
        dates
            .iter()
            .map(|&d| {
                let ids: Vec<u32> = ds
                    .members_on(csto, d)
                    .unwrap()
                    .filter(keep)
                    .map(|a| a.party_id().index() as u32)
                    .collect();
                checksum(&ids)
            })
            .collect()
    };
    let (want_all, want_members) = (want(|_| true), want(is_member));
    assert!(want_all.iter().zip(&want_members).any(|(a, m)| a != m));
    let mut i = 0;
    g.bench_function("members_on", |b| {
        b.iter(|| {
            i = (i + 1) % dates.len();
            let on = ds.members_on(black_box(csto), black_box(dates[i])).unwrap();
            assert_eq!(checksum_answers(on, |_| true), want_all[i]);
        })
    });
    g.bench_function("members_on-members", |b| {
        b.iter(|| {
            i = (i + 1) % dates.len();
            let on = ds.members_on(black_box(csto), black_box(dates[i])).unwrap();
            assert_eq!(checksum_answers(on, is_member), want_members[i]);
        })
    });
    g.finish();
}

/// A member de jure by the preferred readings: what the peers' intervals
/// hold (and the old `Index` listed).
#[inline]
fn is_member(a: &Answer<'_>) -> bool {
    a.member() == Some(true)
}

/// The order-free checksum of the kept answers' parties, computed as they
/// come (no list is built).
#[inline]
fn checksum_answers<'a>(
    answers: impl Iterator<Item = Answer<'a>>,
    keep: fn(&Answer<'_>) -> bool,
) -> u64 {
    let (sum, n) = answers.filter(keep).fold((0u64, 0usize), |(sum, n), a| {
        (sum.wrapping_add(a.party_id().index() as u64), n + 1)
    });
    mix(sum, n)
}

/// The same checksum over `MembersOn::members`, as it comes.
#[inline]
fn checksum_members(members: membership_history::Members<'_>) -> u64 {
    let (sum, n) = members.fold((0u64, 0usize), |(sum, n), p| {
        (sum.wrapping_add(p.index() as u64), n + 1)
    });
    mix(sum, n)
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

/// A history with each organization's member intervals in every peer.
struct Workload {
    ds: &'static Dataset,
    peers: Vec<OrgPeers>,
    /// (organization, its position, date, day number, checksum of the
    /// members, count).
    queries: Vec<(OrgId, usize, NaiveDate, i32, u64, usize)>,
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
#[inline]
fn mix(sum: u64, len: usize) -> u64 {
    sum.wrapping_mul(0x9E37_79B9).wrapping_add(len as u64)
}

/// Each party's position in `ds.parties()`, by code.
fn positions(ds: &Dataset) -> std::collections::HashMap<&str, u32> {
    ds.parties()
        .iter()
        .enumerate()
        .map(|(i, p)| (p.code(), i as u32))
        .collect()
}

impl Workload {
    /// A synthetic history; `days` picks the day of each query.
    fn new(raw: &synth::Raw, days: impl Fn(&mut synth::SplitMix64) -> i32) -> Workload {
        // Leaked so the workload can borrow it for the whole run.
        let ds: &'static Dataset = Box::leak(Box::new(raw.dataset()));
        let org_ids: Vec<OrgId> = (0..raw.orgs as u32)
            .map(|o| ds.org_id(&synth::org_code(o)).unwrap())
            .collect();
        let at = positions(ds);
        let party_ids: Vec<u32> = (0..raw.parties as u32)
            .map(|p| at[synth::party_code(p).as_str()])
            .collect();
        // Peers hold the dataset's party positions.
        let by_org: Vec<Vec<(i32, i32, u32)>> = raw
            .member_intervals()
            .iter()
            .map(|ivs| {
                ivs.iter()
                    .map(|&(s, e, p)| (s, e, party_ids[p as usize]))
                    .collect()
            })
            .collect();
        Workload::from_parts(ds, by_org, org_ids, days)
    }

    /// A loaded dataset (the COW IGO file): each organization's membership
    /// days (`Timeline::member_days`, preferred readings; the days the data
    /// does not cover left out) as the peers' intervals.
    fn from_dataset(
        ds: &'static Dataset,
        days: impl Fn(&mut synth::SplitMix64) -> i32,
    ) -> Workload {
        use chrono::Datelike;
        let at = positions(ds);
        let org_at: std::collections::HashMap<&str, usize> = ds
            .organizations()
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id(), i))
            .collect();
        let org_ids: Vec<OrgId> = ds
            .organizations()
            .iter()
            .map(|o| ds.org_id(o.id()).unwrap())
            .collect();
        let mut by_org = vec![Vec::new(); org_ids.len()];
        for tl in ds.timelines() {
            let (o, p) = (org_at[tl.organization().id()], at[tl.party().code()]);
            for span in tl.member_days().preferred.iter() {
                let end = span.end().map_or(i32::MAX, |e| e.num_days_from_ce());
                by_org[o].push((span.start().num_days_from_ce(), end, p));
            }
        }
        Workload::from_parts(ds, by_org, org_ids, days)
    }

    fn from_parts(
        ds: &'static Dataset,
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
                (org_ids[o], o, synth::date(t), t, checksum(&out), out.len())
            })
            .collect();
        let w = Workload { ds, peers, queries };
        // The one surface agrees with the peers on every query.
        let mut listed = 0;
        for &(o, _, d, _, sum, n) in &w.queries {
            assert_eq!(
                checksum_answers(ds.members_on(o, d).unwrap(), is_member),
                sum
            );
            assert_eq!(
                checksum_members(ds.members_on(o, d).unwrap().members()),
                sum
            );
            assert_eq!(ds.count_on(o, d).unwrap().members(), n);
            assert_eq!(ds.members_on(o, d).unwrap().filter(is_member).count(), n);
            listed += ds.members_on(o, d).unwrap().count();
        }
        let members: usize = w.queries.iter().map(|q| q.5).sum();
        // Memory per spell: the spells of every timeline (member or not).
        let spells: usize = ds.timelines().map(|t| t.spells().len()).sum();
        let index = ds.index_heap_bytes();
        eprintln!(
            "workload of {} organizations, {spells} spells: per query {:.1} members on average, \
             {:.1} answers listed by members_on; index {index} bytes, {:.0} per spell",
            w.peers.len(),
            members as f64 / QUERIES as f64,
            listed as f64 / QUERIES as f64,
            index as f64 / spells.max(1) as f64,
        );
        w
    }
}

fn list_members(c: &mut Criterion, group: &str, workloads: &[(String, Workload)]) {
    let mut g = configure(c, group);
    for (size, w) in workloads {
        let id = |lib| BenchmarkId::new(lib, size);
        let (qs, ds) = (&w.queries, w.ds);
        let mut out: Vec<u32> = Vec::with_capacity(1 << 17);
        let mut i = 0;
        g.bench_function(id("ours"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                let (o, _, d, _, sum, _) = qs[i];
                let on = ds.members_on(black_box(o), black_box(d)).unwrap();
                assert_eq!(checksum_members(on.members()), sum);
            })
        });
        // The loop alone: the query read and its answer compared with
        // itself (through `black_box`), no listing; what every other
        // benchmark here pays on top of its query.
        g.bench_function(id("floor"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                let (o, _, d, _, sum, _) = qs[i];
                black_box((o, d));
                assert_eq!(black_box(sum), sum);
            })
        });
        g.bench_function(id("ours-answers"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                let (o, _, d, _, sum, _) = qs[i];
                let on = ds.members_on(black_box(o), black_box(d)).unwrap();
                assert_eq!(checksum_answers(on, is_member), sum);
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
                    let (_, o, _, t, sum, _) = qs[i];
                    out.clear();
                    f(&w.peers[o], black_box(t), &mut out);
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
        let (qs, ds) = (&w.queries, w.ds);
        let mut i = 0;
        g.bench_function(id("ours"), |b| {
            b.iter(|| {
                i = (i + 1) & (QUERIES - 1);
                let (o, _, d, _, _, n) = qs[i];
                let counts = ds.count_on(black_box(o), black_box(d)).unwrap();
                assert_eq!(counts.members(), n);
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
                    let (_, o, _, t, _, n) = qs[i];
                    assert_eq!(f(&w.peers[o], black_box(t)), n);
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

    // The bundled data, every organization, days from 1990 to 2030 (the
    // last ones past its coverage).
    let bundled = vec![(
        "bundled".to_string(),
        Workload::from_dataset(membership_history::bundled(), |r| {
            r.range(synth::day(1990, 1, 1), synth::day(2030, 1, 1))
        }),
    )];
    list_members(c, "members_bundled", &bundled);
    count_members(c, "count_bundled", &bundled);

    // Every member of one organization overlaps the query days (the day
    // before the center and the center).
    let center = synth::overlap_day();
    let crowds = |make: fn(usize, u64) -> synth::Raw| -> Vec<(String, Workload)> {
        [16, 256, 4_096, 65_536]
            .into_iter()
            .map(|k| {
                let raw = make(k, SEED ^ k as u64);
                (label(k), Workload::new(&raw, |r| center - r.range(0, 2)))
            })
            .collect()
    };
    let overlap = crowds(synth::overlapping);
    count_members(c, "count_overlap", &overlap);
    list_members(c, "members_overlap", &overlap);
    // The same members among twice as many spells that end before the
    // query days or start after them. With every spell overlapping, as
    // above, rust-lapper's count needs no search (every start is on or
    // before the day, every end after it: it checks the first and last
    // and stops); here it searches both.
    let among = crowds(synth::overlapping_among);
    count_members(c, "count_overlap_among", &among);

    // The real COW IGO data, when its file is there (path from `MH_COW_IGO`).
    // The default is `../shared/...` from the repository root: this file is
    // built by the `dev` package, whose manifest directory is `dev/`.
    let path = std::env::var("MH_COW_IGO").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/datasets/cow-igo-v3/igo_year_formatv3.csv"
        )
        .into()
    });
    match Dataset::builder()
        .read_path(CowIgo::new(), &path)
        .build()
        .strict()
    {
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

/// Build time: the whole `Dataset` from the events (replay, answer
/// segments and the index built with it; the index has no build of its
/// own), beside the peers' per-organization builds from the same intervals.
fn build(c: &mut Criterion) {
    let mut g = configure(c, "build");
    for n in cow_sizes() {
        let raw = synth::cow_like_raw(n, SEED ^ n as u64);
        let intervals = raw.member_intervals();
        let len: usize = intervals.iter().map(Vec::len).sum();
        let id = |lib| BenchmarkId::new(lib, label(n));
        g.bench_function(id("ours"), |b| {
            b.iter(|| assert_eq!(black_box(&raw).dataset().organizations().len(), raw.orgs))
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
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../data");
    g.bench_function("bundled-from-dir", |b| {
        b.iter(|| {
            assert_eq!(
                Dataset::builder()
                    .read_dir(black_box(dir))
                    .build()
                    .strict()
                    .unwrap()
                    .organizations()
                    .len(),
                membership_history::bundled().organizations().len()
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
