//! Finding an organization or a party from what a person types: ids and
//! codes, names and aliases in any case, a COW number or abbreviation; and,
//! when nothing matches, the near misses an error offers ("did you mean").

use crate::error::{Error, ErrorKind};
use crate::history::dataset::Dataset;

/// At most this many suggestions in an error.
const MAX_SUGGESTIONS: usize = 4;

/// The organization whose id, name or alias is `text`, in any case.
pub(crate) fn organization(ds: &Dataset, text: &str) -> Result<usize, Error> {
    let key = text.trim().to_lowercase();
    if let Some(&o) = ds.org_lookup.get(&key) {
        return Ok(o);
    }
    let keys = ds.orgs.iter().enumerate().flat_map(|(i, o)| {
        std::iter::once(o.id.as_str())
            .chain(o.names.iter().map(|n| n.name.as_str()))
            .map(move |k| (i, k))
    });
    let near = nearest(&key, keys)
        .into_iter()
        .map(|i| (ds.orgs[i].id.clone(), ds.orgs[i].current_name().to_string()))
        .collect();
    Err(Error::new(ErrorKind::UnknownOrganization(text.to_string())).with_suggestions(near))
}

/// The party `text` names, trying in turn: its code as written, in upper
/// case and in any case; a COW state number; a COW abbreviation; its name,
/// in any case. A form that fits several parties is refused with them as
/// the suggestions, never guessed.
pub(crate) fn party(ds: &Dataset, text: &str) -> Result<usize, Error> {
    let code = text.trim();
    if let Some(&p) = ds
        .party_index
        .get(code)
        .or_else(|| ds.party_index.get(&code.to_uppercase()))
    {
        return Ok(p);
    }
    let lower = code.to_lowercase();
    let number: Option<u16> = code
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| code.parse().ok())
        .flatten();
    let forms: [&dyn Fn(&crate::Party) -> bool; 4] = [
        &|p| p.code.to_lowercase() == lower,
        &|p| number.is_some() && p.cow_code == number,
        &|p| {
            p.cow_abbreviation
                .as_deref()
                .is_some_and(|a| a.to_lowercase() == lower)
        },
        &|p| p.name.to_lowercase() == lower,
    ];
    let unknown = || Error::new(ErrorKind::UnknownParty(code.to_string()));
    let shown = |i: usize| (ds.parties[i].code.clone(), ds.parties[i].name.clone());
    for fits in forms {
        let found: Vec<usize> = (0..ds.parties.len())
            .filter(|&i| fits(&ds.parties[i]))
            .collect();
        match found[..] {
            [] => continue,
            [one] => return Ok(one),
            _ => return Err(unknown().with_suggestions(found.into_iter().map(shown).collect())),
        }
    }
    let keys = ds.parties.iter().enumerate().flat_map(|(i, p)| {
        [
            Some(p.code.as_str()),
            Some(p.name.as_str()),
            p.cow_abbreviation.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(move |k| (i, k))
    });
    let near = nearest(&lower, keys).into_iter().map(shown).collect();
    Err(unknown().with_suggestions(near))
}

/// The items whose keys are closest to `asked` (lower case), best first:
/// keys one edit or swap away (two for words over five letters) or that
/// start with it; then, for a code of three letters or fewer, keys one edit
/// away (weak evidence: many codes are); then keys it starts with; then keys
/// sharing whole words of four or more letters, the longer shared first.
fn nearest<'a>(asked: &str, keys: impl Iterator<Item = (usize, &'a str)>) -> Vec<usize> {
    let a: Vec<char> = asked.chars().collect();
    if a.is_empty() {
        return Vec::new();
    }
    let asked_words = words(asked);
    let mut scored: Vec<(u8, usize, usize)> = Vec::new();
    for (item, key) in keys {
        let key = key.to_lowercase();
        let k: Vec<char> = key.chars().collect();
        let edits = distance(&a, &k);
        let limit = if a.len() <= 5 { 1 } else { 2 };
        let (class, weight) =
            if (a.len() > 3 && edits <= limit) || (a.len() >= 3 && k.starts_with(&a)) {
                (0, 0)
            } else if edits <= 1 {
                (1, 0)
            } else if k.len() >= 3 && a.starts_with(&k) {
                (2, 0)
            } else {
                let key_words = words(&key);
                let shared: usize = asked_words
                    .iter()
                    .filter(|w| key_words.contains(w))
                    .map(|w| w.chars().count())
                    .sum();
                if shared == 0 {
                    continue;
                }
                (3, usize::MAX - shared)
            };
        scored.push((class, weight, item));
    }
    scored.sort_unstable();
    let mut out: Vec<usize> = Vec::new();
    for (_, _, item) in scored {
        if !out.contains(&item) && out.len() < MAX_SUGGESTIONS {
            out.push(item);
        }
    }
    out
}

/// The words of four letters or more, lower case.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`:
/// the optimal string alignment distance.
fn distance(a: &[char], b: &[char]) -> usize {
    if a.len().abs_diff(b.len()) > 2 {
        return usize::MAX;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * w + j] = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * w + j] + 1)
                    .min(d[i * w + j - 1] + 1)
                    .min(d[(i - 1) * w + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * w + j - 2] + 1);
                }
                best
            };
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_swap_is_one_edit() {
        assert_eq!(distance(&chars("ctso"), &chars("csto")), 1);
        assert_eq!(distance(&chars("kaz"), &chars("kzk")), 2);
        assert_eq!(distance(&chars("nato"), &chars("nato")), 0);
        assert_eq!(distance(&chars(""), &chars("ab")), 2);
    }
}
