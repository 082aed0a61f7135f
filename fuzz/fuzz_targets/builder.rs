//! The builder's public API, without any file: the bytes are decoded into
//! records (sources, parties, names, aliases, events with readings) drawn
//! from `tests/fuzz.rs`'s small word lists, so that they collide, and the
//! oracle is its `check_builder`: strict is lenient's first problem,
//! problems are one line, and what is built keeps the dataset's invariants.
#![no_main]

#[path = "../../tests/fuzz.rs"]
#[allow(dead_code, unused_imports)]
mod harness;

use chrono::NaiveDate;
use harness::Record;
use libfuzzer_sys::fuzz_target;
use membership_history::{EventKind, UncertainDate};

/// Reads the bytes front to back; past the end every read is zero.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let (&b, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        b
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }
    fn word(&mut self, words: &[&str]) -> String {
        words[usize::from(self.byte()) % words.len()].to_string()
    }
    /// A day from 1917 to 2026 (inside `YEARS`).
    fn day(&mut self) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(700_000 + (self.u32() % 40_000) as i32)
            .unwrap_or_default()
    }
    /// A valid uncertain date of any precision (the constructors' refusals
    /// are the parsers target's and the proptest harness's concern).
    fn date(&mut self) -> Option<UncertainDate> {
        let year = 1990 + i32::from(self.byte() % 40);
        match self.byte() % 5 {
            0 => UncertainDate::day(self.day()).ok(),
            1 => UncertainDate::month(year, 1 + u32::from(self.byte() % 12)).ok(),
            2 => UncertainDate::year(year).ok(),
            3 => {
                let n = 1 + usize::from(self.byte() % 2);
                UncertainDate::one_of((0..n).map(|_| self.day()).collect::<Vec<_>>()).ok()
            }
            _ => {
                let a = self.day();
                let n = 1 + u64::from(self.u32() % 3_000);
                UncertainDate::between(a, a + chrono::Days::new(n)).ok()
            }
        }
    }
    fn record(&mut self) -> Record {
        match self.byte() % 13 {
            0 => Record::Source(
                self.word(harness::SOURCE_IDS),
                self.word(harness::CITATIONS),
            ),
            1 | 2 => Record::Party(
                self.word(harness::CODES),
                self.word(harness::PARTY_NAMES),
                (self.byte() % 2 == 0).then(|| (self.u32() % 1_200) as u16),
            ),
            3 | 4 => Record::Name(
                self.word(harness::ORGS),
                self.word(harness::ORG_NAMES),
                (self.byte() % 2 == 0).then(|| self.day()),
                (self.byte() % 2 == 0).then(|| self.day()),
                self.byte() % 2 == 0,
            ),
            _ => {
                let id = self.word(harness::EVENT_IDS);
                let org = self.word(harness::ORGS);
                let member = (self.byte() % 10 != 0).then(|| self.word(harness::CODES));
                let kind = usize::from(self.byte()) % EventKind::ALL.len();
                let readings = (0..self.byte() % 3)
                    .filter_map(|_| {
                        let date = self.date()?;
                        let sources = (0..self.byte() % 3)
                            .map(|_| self.word(harness::SOURCE_IDS))
                            .collect();
                        Some((date, sources))
                    })
                    .collect();
                Record::Event(id, org, member, kind, readings)
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = Bytes(data);
    let mut records = Vec::new();
    while !bytes.0.is_empty() && records.len() < 40 {
        records.push(bytes.record());
    }
    if let Err(e) = harness::check_builder(records) {
        panic!("{e}");
    }
});
