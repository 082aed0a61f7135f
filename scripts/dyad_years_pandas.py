#!/usr/bin/env python3
"""The undirected dyad-year shared-full-IGO count with pandas, for the
comparison in BENCHMARKS.md ("Issue 14: dyad-year panel").

    python3 scripts/dyad_years_pandas.py igo_year_formatv3.csv states2016.csv \
        [FROM_YEAR TO_YEAR] [--out dyad_years_pandas.csv]

What it computes, as the published files give it (the way peacesciencer's
`add_igos()` and igoR's `igo_dyadic()` do): a dyad is every pair of states in
the system on 31 December of the year (states2016), `ccode1 < ccode2`; its
`dyadigos` is the number of IGO rows of that year in which both states'
cells are `1`. A `-9` counts as not a member (zero), as in those tools; there
is no upper bound. Prints the number of rows, their FNV-1a checksum over the
CSV bytes (when --out is given) and the time taken. Its output is not
committed.
"""

import sys
import time

import numpy as np
import pandas as pd

FORMAT_COLUMNS = {
    "ioname", "orgname", "year", "sdate", "deaddate", "dead", "integrated",
    "replaced", "longorgname", "ionum", "igocode", "version",
    "accuracyofpre1965membershipdates", "sourcesandnotes", "imputed",
    "political", "social", "economic",
}


def main(argv):
    out = None
    if "--out" in argv:
        i = argv.index("--out")
        out = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    igo_path, states_path = argv[0], argv[1]
    start = time.perf_counter()
    igo = pd.read_csv(igo_path, low_memory=False)
    states = pd.read_csv(states_path)
    years = range(int(argv[2]), int(argv[3]) + 1) if len(argv) > 3 else range(1816, int(igo.year.max()) + 1)
    # The state columns of the IGO file, mapped to COW codes by `state`.
    code_of = dict(zip(states.state, states.ccode))
    cols = [c for c in igo.columns if c not in FORMAT_COLUMNS]
    codes = np.array([code_of[c] for c in cols])
    start_day = states.styear * 10000 + states.stmonth * 100 + states.stday
    end_day = states.endyear * 10000 + states.endmonth * 100 + states.endday
    frames = []
    by_year = dict(tuple(igo.groupby("year")))
    for y in years:
        dec31 = y * 10000 + 1231
        alive = np.unique(states.ccode[(start_day <= dec31) & (end_day >= dec31)].to_numpy())
        rows = by_year.get(y)
        if rows is None:
            full = np.zeros((0, len(cols)), dtype=np.int32)
        else:
            full = (rows[cols].to_numpy() == 1).astype(np.int32)
        shared = full.T @ full  # column x column: IGOs where both are 1
        # Per COW code (a code could have two columns): sum its columns.
        index = {c: i for i, c in enumerate(alive)}
        m = np.zeros((len(alive), len(cols)), dtype=np.int32)
        for j, c in enumerate(codes):
            if c in index:
                m[index[c], j] = 1
        per_code = m @ shared @ m.T
        i1, i2 = np.triu_indices(len(alive), k=1)
        frames.append(pd.DataFrame({
            "ccode1": alive[i1], "ccode2": alive[i2], "year": y,
            "dyadigos": per_code[i1, i2],
        }))
    panel = pd.concat(frames, ignore_index=True)
    elapsed = time.perf_counter() - start
    print(f"rows {len(panel)}")
    print(f"seconds {elapsed:.2f}")
    if out:
        panel.to_csv(out, index=False)
        h = 0xcbf29ce484222325
        with open(out, "rb") as f:
            for b in f.read():
                h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
        print(f"fnv1a64 {h:016x} ({out})")


if __name__ == "__main__":
    main(sys.argv[1:])
