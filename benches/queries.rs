//! Query benchmarks (issue 5; written on another branch).

fn main() {}
