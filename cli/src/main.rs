//! `mh`: who was a member of an organization on a date, and every question
//! around it, from a shell. See `mh --help`, and the README's tour.

#![forbid(unsafe_code)]

mod commands;
mod fail;
mod help;
mod load;
mod svg;
mod table;

use std::ffi::OsString;
use std::io::Write as _;
use std::process::ExitCode;

use fail::Failure;
use load::Sources;

/// How answers are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

/// The command line, parsed.
#[derive(Debug, Default)]
pub struct Args {
    pub command: String,
    pub positional: Vec<String>,
    pub sources: Sources,
    pub format: Format,
    /// `panel --org`, repeatable.
    pub orgs: Vec<String>,
    /// `panel --party`, repeatable.
    pub parties: Vec<String>,
    /// `panel --rule`.
    pub rule: Option<String>,
    /// `panel --kind`.
    pub kind: Option<String>,
    /// `panel --atop-alliances`.
    pub atop_alliances: Option<String>,
    pub help: bool,
}

fn utf8(value: OsString, what: &str) -> Result<String, Failure> {
    value.into_string().map_err(|v| {
        Failure::usage(format!(
            "{what} is not valid UTF-8: {}",
            v.to_string_lossy()
        ))
    })
}

fn parse(argv: impl IntoIterator<Item = OsString>) -> Result<Args, Failure> {
    use lexopt::prelude::*;
    let mut args = Args::default();
    let mut p = lexopt::Parser::from_args(argv);
    let format = |args: &mut Args, f: Format| {
        if args.format != Format::Table && args.format != f {
            return Err(Failure::usage("give one of --json and --csv"));
        }
        args.format = f;
        Ok(())
    };
    while let Some(arg) = p.next()? {
        match arg {
            Short('h') | Long("help") => args.help = true,
            Long("json") => format(&mut args, Format::Json)?,
            Long("csv") => format(&mut args, Format::Csv)?,
            Long("lenient") => args.sources.lenient = true,
            Long("data") => args.sources.data.push(utf8(p.value()?, "--data")?),
            Long("atop") => args.sources.atop.push(utf8(p.value()?, "--atop")?),
            Long("cow-igo") => args.sources.cow_igo.push(utf8(p.value()?, "--cow-igo")?),
            Long("states") => {
                let path = utf8(p.value()?, "--states")?;
                if args.sources.states.replace(path).is_some() {
                    return Err(Failure::usage("give one --states file (one state system)"));
                }
            }
            Long("org") => args.orgs.push(utf8(p.value()?, "--org")?),
            Long("party") => args.parties.push(utf8(p.value()?, "--party")?),
            Long("rule") => args.rule = Some(utf8(p.value()?, "--rule")?),
            Long("kind") => args.kind = Some(utf8(p.value()?, "--kind")?),
            Long("atop-alliances") => {
                args.atop_alliances = Some(utf8(p.value()?, "--atop-alliances")?);
            }
            Value(v) => {
                let v = utf8(v, "an argument")?;
                if args.command.is_empty() {
                    args.command = v;
                } else {
                    args.positional.push(v);
                }
            }
            _ => return Err(Failure::from(arg.unexpected())),
        }
    }
    Ok(args)
}

fn run(argv: impl IntoIterator<Item = OsString>) -> Result<String, Failure> {
    let args = parse(argv)?;
    if args.command.is_empty() {
        return if args.help {
            Ok(help::MAIN.to_string())
        } else {
            Err(Failure::usage("no command given (see mh --help)"))
        };
    }
    let Some(usage) = help::of(&args.command) else {
        return Err(Failure::usage(format!(
            "unknown command `{}` (commands: {}; see mh --help)",
            args.command,
            help::COMMANDS.join(", ")
        )));
    };
    if args.help {
        return Ok(usage.to_string());
    }
    commands::run(&args, usage)
}

fn main() -> ExitCode {
    match run(std::env::args_os().skip(1)) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`mh … | head`) is not a failure.
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: cannot write the output: {e}");
                    ExitCode::from(fail::BAD_INPUT as u8)
                }
            }
        }
        Err(f) => {
            // One line, whatever the message held.
            eprintln!("error: {}", f.message.replace(['\n', '\r'], " "));
            ExitCode::from(f.code as u8)
        }
    }
}
