//! Why `mh` stops without an answer, and its exit code: 1 when the thing
//! asked about does not exist in the data (an unknown organization or
//! party), 2 for bad input (arguments, files, dates).

use membership_history::{Error, ErrorKind};

/// Exit code: the organization or party asked about is not in the data.
pub const NO_SUCH_THING: i32 = 1;
/// Exit code: bad arguments or input files.
pub const BAD_INPUT: i32 = 2;

/// A one-line message and the exit code it ends with.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: i32,
}

impl Failure {
    /// Bad arguments: the message, then where to look.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: BAD_INPUT,
        }
    }

    /// Nothing to answer with: the data has no such thing.
    pub fn nothing(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: NO_SUCH_THING,
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        // An unknown name in a query is "no such thing"; in a data file
        // (which names its file) it is bad input.
        let code = match e.kind() {
            ErrorKind::UnknownOrganization(_) | ErrorKind::UnknownParty(_)
                if e.file_name().is_none() =>
            {
                NO_SUCH_THING
            }
            _ => BAD_INPUT,
        };
        Failure {
            message: e.to_string(),
            code,
        }
    }
}

impl From<lexopt::Error> for Failure {
    fn from(e: lexopt::Error) -> Failure {
        // lexopt's messages are one line; a non-UTF-8 value names itself.
        Failure::usage(e.to_string().replace('\n', " "))
    }
}
