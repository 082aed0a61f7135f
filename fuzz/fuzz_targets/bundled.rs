//! The bundled format's five tables (sources, parties, names, events,
//! unknown): the first byte picks the table the rest replaces, beside the
//! other four as bundled. The oracle is `tests/fuzz.rs`'s `check_load`:
//! strict is lenient's first problem, every problem is one positioned line,
//! every row is kept or named, and the dataset keeps its invariants.
#![no_main]

#[path = "../../tests/fuzz.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

use libfuzzer_sys::fuzz_target;

const TABLES: [&str; 5] = ["sources", "parties", "names", "events", "unknown"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let table = harness::loader(TABLES[usize::from(pick) % TABLES.len()]);
    if let Err(e) = harness::check_load(table, bytes) {
        panic!("{e}");
    }
});
