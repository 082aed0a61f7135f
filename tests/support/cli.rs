//! Running the `members_on` example from tests: build it once, run it, and
//! check that a failure is one `error: ` line with exit code 2.

#![allow(dead_code, clippy::unwrap_used)] // test code

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `members_on` example, built (or found up to date) once per run:
/// `cargo test --test examples_cli` alone does not rebuild examples, and a
/// stale binary would test old code.
pub fn members_on() -> PathBuf {
    static BIN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().unwrap();
        // target/<profile>/deps/examples_cli-<hash> → target/<profile>
        let profile_dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args(["build", "--quiet", "--example", "members_on"]);
        if profile_dir.ends_with("release") {
            cmd.arg("--release");
        }
        let status = cmd
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success(), "could not build the members_on example");
        profile_dir
            .join("examples")
            .join(format!("members_on{}", std::env::consts::EXE_SUFFIX))
    })
    .clone()
}

/// Runs `members_on` and returns its one-line error (without `error: `).
#[track_caller]
pub fn one_line_error(args: &[&str]) -> String {
    let out = Command::new(members_on())
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "exit 0 for {args:?}");
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
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
