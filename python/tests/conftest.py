"""Shared fixtures: the repository's paths, and the `mh` command of the same
checkout (the Rust API's answers, serialized by the crate), for comparing
the Python answers with the Rust ones."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import membership_history as mh

PYTHON_DIR = Path(__file__).resolve().parent.parent
REPO = PYTHON_DIR.parent
DATA = REPO / "tests" / "data"
STATES = mh.example("states2016-excerpt.csv")
COW_IGO = mh.example("igo_year_formatv3-excerpt.csv")
ATOP = mh.example("atop-member-level-excerpt.csv")


@pytest.fixture(scope="session")
def mh_bin():
    """The `mh` binary built from this checkout (`cargo build -p
    membership-history-cli`), or the one `MH_BIN` names; skips without cargo."""
    if os.environ.get("MH_BIN"):
        return os.environ["MH_BIN"]
    if shutil.which("cargo") is None or not (REPO / "cli" / "Cargo.toml").exists():
        pytest.skip("no cargo or no checkout: the Rust comparison needs `mh`")
    subprocess.run(
        ["cargo", "build", "-q", "-p", "membership-history-cli"], cwd=REPO, check=True
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return str(target / "debug" / "mh")


@pytest.fixture(scope="session")
def rust(mh_bin):
    """`rust("members", "CSTO", "2008-01-01", "--json")`: the command's output,
    parsed as JSON when `--json` is given, else text."""

    def run(*args):
        out = subprocess.run(
            [mh_bin, *args], check=True, capture_output=True, text=True
        ).stdout
        return json.loads(out) if "--json" in args else out

    return run
