//! Running `mh members` from tests, and checking that a failure is one
//! `error: ` line with exit code 1 (no such organization or party) or 2
//! (bad input).

#![allow(dead_code, clippy::unwrap_used)] // test code

use std::process::Command;

/// `mh members`, ready for its arguments.
pub fn members_on() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mh"));
    c.arg("members");
    c
}

/// Runs `mh members` and returns its one-line error (without `error: `).
#[track_caller]
pub fn one_line_error(args: &[&str]) -> String {
    let out = members_on()
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "exit 0 for {args:?}");
    let no_such = stderr.starts_with("error: unknown organization")
        || stderr.starts_with("error: unknown party");
    let want = if no_such { 1 } else { 2 };
    assert_eq!(out.status.code(), Some(want), "{args:?}: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("stack backtrace"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr:?}");
    assert!(stderr.ends_with('\n'));
    assert!(
        out.stdout.is_empty(),
        "printed a result too: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    stderr
        .strip_prefix("error: ")
        .unwrap_or_else(|| panic!("no `error: ` prefix: {stderr:?}"))
        .trim_end()
        .to_string()
}
