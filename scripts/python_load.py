#!/usr/bin/env python3
"""Loading the full COW IGO file from Python: `membership_history.read_cow_igo`
(the Rust loader, behind the Python package) against `pandas.read_csv` of
the same file, in one run, for BENCHMARKS.md ("Issue 16: loading from
Python").

    python3 scripts/python_load.py igo_year_formatv3.csv [states2016.csv] [--reps N]

Each is timed N times (default 5), one after the other, in the same
process, after one untimed warm-up read of each (so that the file is in the
page cache for both); prints every time and the medians. `read_cow_igo`
builds the whole dataset (events, spells, gaps, the index): what a query
needs; `pandas.read_csv` only parses the table. With the state list, the
load maps the state columns to COW codes as well (the state list is read
once, outside the timing). The file is not in the repository: see the
README for where to get it.
"""

import statistics
import sys
import time

import pandas as pd

import membership_history as mh


def timed(f, reps):
    f()  # warm-up, untimed
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return times


def main(argv):
    reps = 5
    if "--reps" in argv:
        i = argv.index("--reps")
        reps = int(argv[i + 1])
        del argv[i : i + 2]
    if not argv:
        sys.exit(__doc__)
    igo = argv[0]
    states = mh.read_states(argv[1]) if len(argv) > 1 else None
    rows = len(pd.read_csv(igo))
    ds = mh.read_cow_igo(igo, states=states)
    print(f"file: {igo}, {rows} rows; dataset: {len(ds.organizations())} organizations")
    runs = [
        ("pandas.read_csv", lambda: pd.read_csv(igo)),
        ("mh.read_cow_igo", lambda: mh.read_cow_igo(igo)),
    ]
    try:
        import pyarrow  # noqa: F401

        runs.insert(1, ("pandas.read_csv(engine=pyarrow)",
                        lambda: pd.read_csv(igo, engine="pyarrow")))
    except ImportError:
        pass
    if states is not None:
        runs.append(("mh.read_cow_igo(states=...)", lambda: mh.read_cow_igo(igo, states=states)))
    med = {}
    for name, f in runs:
        times = timed(f, reps)
        med[name] = statistics.median(times)
        shown = ", ".join(f"{t:.3f}" for t in times)
        print(f"{name:32} median {med[name]:.3f} s  ({shown})")
    base = med["pandas.read_csv"]
    for name in med:
        print(f"{name:32} {med[name] / base:.2f}x the time of pandas.read_csv")
    print(f"pandas {pd.__version__}, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main(sys.argv[1:])
