//! Edits of valid sample files for the fuzz suites (`tests/fuzz.rs`,
//! `tests/fuzz_datasets.rs`): byte, field and line mutations, with the
//! tokens each suite supplies, and the `Input` that shows a failing case.

#![allow(dead_code)]

use std::fmt::Debug;

use proptest::prelude::*;

/// One edit of a file.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Insert a token at a byte offset.
    Insert(usize, usize),
    /// Delete bytes from an offset.
    Delete(usize, usize),
    /// Set field `f` of line `l` to a token.
    Field(usize, usize, usize),
    /// Delete field `f` of line `l`.
    DropField(usize, usize),
    /// Duplicate field `f` of line `l`.
    DupField(usize, usize),
    /// Copy line `l` to after line `m`.
    CopyLine(usize, usize),
    /// Swap lines `l` and `m`.
    SwapLines(usize, usize),
    /// Remove line `l`.
    DropLine(usize),
    /// Cut the file at an offset.
    Truncate(usize),
    /// Flip one bit of a byte.
    Flip(usize, u8),
    /// Insert a raw byte (invalid UTF-8 when ≥ 0x80).
    Byte(usize, u8),
    /// Make one field huge.
    Huge(usize, usize, usize),
}

pub fn mutation(tokens: usize) -> impl Strategy<Value = Mutation> {
    let t = 0..tokens;
    let u = any::<usize>;
    prop_oneof![
        2 => (u(), t.clone()).prop_map(|(p, t)| Mutation::Insert(p, t)),
        1 => (u(), 1usize..40).prop_map(|(p, n)| Mutation::Delete(p, n)),
        8 => (u(), u(), t).prop_map(|(l, f, t)| Mutation::Field(l, f, t)),
        1 => (u(), u()).prop_map(|(l, f)| Mutation::DropField(l, f)),
        1 => (u(), u()).prop_map(|(l, f)| Mutation::DupField(l, f)),
        2 => (u(), u()).prop_map(|(l, m)| Mutation::CopyLine(l, m)),
        2 => (u(), u()).prop_map(|(l, m)| Mutation::SwapLines(l, m)),
        1 => u().prop_map(Mutation::DropLine),
        1 => u().prop_map(Mutation::Truncate),
        1 => (u(), 0u8..8).prop_map(|(p, b)| Mutation::Flip(p, b)),
        1 => (u(), any::<u8>()).prop_map(|(p, b)| Mutation::Byte(p, b)),
        1 => (u(), u(), 1usize..200_000).prop_map(|(l, f, n)| Mutation::Huge(l, f, n)),
    ]
}

pub fn apply(sample: &str, mutations: &[Mutation], tokens: &[&str]) -> Vec<u8> {
    let mut bytes = sample.as_bytes().to_vec();
    for m in mutations {
        let n = bytes.len().max(1);
        match *m {
            Mutation::Insert(p, t) => {
                let p = p % (bytes.len() + 1);
                bytes.splice(p..p, tokens[t].bytes());
            }
            Mutation::Delete(p, k) => {
                let p = p % n;
                let end = (p + k).min(bytes.len());
                if p < end {
                    bytes.drain(p..end);
                }
            }
            Mutation::Truncate(p) => bytes.truncate(p % n),
            Mutation::Flip(p, b) => {
                if !bytes.is_empty() {
                    let p = p % bytes.len();
                    bytes[p] ^= 1 << b;
                }
            }
            Mutation::Byte(p, b) => {
                let p = p % (bytes.len() + 1);
                bytes.insert(p, b);
            }
            Mutation::Field(l, f, t) => edit_fields(&mut bytes, l, |fs| {
                let j = f % fs.len();
                fs[j] = tokens[t].as_bytes().to_vec();
            }),
            Mutation::Huge(l, f, k) => edit_fields(&mut bytes, l, |fs| {
                let j = f % fs.len();
                fs[j] = "9".repeat(k).into_bytes();
            }),
            Mutation::DropField(l, f) => edit_fields(&mut bytes, l, |fs| {
                let j = f % fs.len();
                fs.remove(j);
            }),
            Mutation::DupField(l, f) => edit_fields(&mut bytes, l, |fs| {
                let j = f % fs.len();
                let v = fs[j].clone();
                fs.insert(j, v);
            }),
            Mutation::CopyLine(l, m) => {
                let mut lines = split_lines(&bytes);
                let line = lines[l % lines.len()].clone();
                let at = m % lines.len() + 1;
                lines.insert(at, line);
                bytes = lines.join(&b'\n');
            }
            Mutation::SwapLines(l, m) => {
                let mut lines = split_lines(&bytes);
                let k = lines.len();
                lines.swap(l % k, m % k);
                bytes = lines.join(&b'\n');
            }
            Mutation::DropLine(l) => {
                let mut lines = split_lines(&bytes);
                let i = l % lines.len();
                lines.remove(i);
                bytes = lines.join(&b'\n');
            }
        }
    }
    bytes
}

fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

/// Edits the fields of line `l` (split naively on the sniffed separator).
fn edit_fields(bytes: &mut Vec<u8>, l: usize, edit: impl FnOnce(&mut Vec<Vec<u8>>)) {
    let sep = if bytes
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or(&[])
        .contains(&b'\t')
    {
        b'\t'
    } else {
        b','
    };
    let mut lines = split_lines(bytes);
    let i = l % lines.len();
    let mut fields: Vec<Vec<u8>> = lines[i].split(|&b| b == sep).map(<[u8]>::to_vec).collect();
    edit(&mut fields);
    if fields.is_empty() {
        fields.push(Vec::new());
    }
    lines[i] = fields.join(&sep);
    *bytes = lines.join(&b'\n');
}

/// Bytes for a loader, shown as text when a case fails.
#[derive(Clone)]
pub struct Input(pub Vec<u8>);

impl Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match std::str::from_utf8(&self.0) {
            Ok(s) => write!(f, "{s:?}"),
            Err(_) => write!(
                f,
                "{:?} (lossy; bytes {:?})",
                String::from_utf8_lossy(&self.0),
                self.0
            ),
        }
    }
}
