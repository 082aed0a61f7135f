//! The date parsers (`parse_day`, `UncertainDate`) and the span and
//! interval-set parsers, on any text. The oracles are `tests/fuzz.rs`'s:
//! what parses prints and parses back to itself (a set also normalized),
//! what does not is a one-line error of the right kind with its value.
#![no_main]

#[path = "../../tests/fuzz.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for checked in [
        harness::check_date_text(text),
        harness::check_set_text(text),
    ] {
        if let Err(e) = checked {
            panic!("{e}");
        }
    }
});
