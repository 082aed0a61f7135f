//! The examples never panic on an argument: one that is not valid UTF-8
//! (a path from a shell can be any bytes) is a one-line error (issue 12).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use std::path::Path;
use std::process::Command;

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_a_one_line_error_in_every_example() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(b"CST\xff\xfeO");
    // target/<profile>/deps/examples-<hash> → target/<profile>/examples
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for example in ["members_on", "timeline", "explain", "dyad_years"] {
        // `cargo test --test examples` alone does not rebuild examples.
        let mut build = Command::new(&cargo);
        build.args(["build", "--quiet", "--example", example]);
        if profile.ends_with("release") {
            build.arg("--release");
        }
        let built = build
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(built.success(), "could not build {example}");
        let exe = profile
            .join("examples")
            .join(format!("{example}{}", std::env::consts::EXE_SUFFIX));
        for args in [
            vec![bad],
            vec![OsStr::new("CSTO"), bad, OsStr::new("2000-01-01")],
        ] {
            let out = Command::new(&exe)
                .args(&args)
                .env("RUST_BACKTRACE", "1")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{example} {args:?}");
            assert!(!stderr.contains("panicked"), "{example}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{example}: {stderr:?}");
            assert!(stderr.contains("not valid UTF-8"), "{example}: {stderr}");
        }
    }
}
