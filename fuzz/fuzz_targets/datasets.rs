//! The research-dataset readers: the first byte picks ATOP, COW IGO or the
//! COW state list, and whether the state list is loaded beside the first
//! two. The oracles are `tests/fuzz_datasets.rs`'s: strict is lenient's
//! first problem, every problem is one positioned line, rows kept and
//! skipped add up to the data rows, and the dataset keeps its invariants.
#![no_main]

#[path = "../../tests/fuzz_datasets.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let states = pick & 0x80 != 0;
    let checked = match (pick & 0x7f) % 3 {
        0 => harness::check_atop(bytes, states),
        1 => harness::check_cow_igo(bytes, states),
        _ => harness::check_cow_states(bytes),
    };
    if let Err(e) = checked {
        panic!("{e}");
    }
});
