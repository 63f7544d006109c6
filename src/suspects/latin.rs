//! English (and other Latin-script) suspects: words missing from the word
//! list, with the likeliest known word one OCR slip away; and words a
//! column broke at a line end without a hyphen ("Presi" + "dent"), which
//! joining lines left as two.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::Lexicon;
use super::{Candidate, Kind};

/// Letter groups OCR reads one for another, beyond single-letter slips
/// ("rn" for "m", "li" for "h", "cl" for "d").
const OCR_SLIPS: [(&str, &str); 9] = [
    ("rn", "m"),
    ("m", "rn"),
    ("li", "h"),
    ("cl", "d"),
    ("vv", "w"),
    ("ii", "u"),
    ("ii", "h"),
    ("tb", "th"),
    ("c", "e"),
];

/// Words shorter than this are left alone: abbreviations, initials and
/// Roman numerals are everywhere and rarely wrong.
const SHORTEST: usize = 3;

/// A word of the text: its byte range (relative to the text).
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_ascii_alphabetic()) {
            (None, true) => start = Some(at),
            (Some(s), false) => {
                let glued =
                    c.is_alphanumeric() || text[..s].chars().next_back().is_some_and(char::is_alphanumeric);
                if !glued {
                    out.push(s..at);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Suspects in `text` (one block, starting at haystack byte `base`, whose
/// joined line breaks are at haystack bytes `joints`).
pub(super) fn latin(
    text: &str,
    base: usize,
    joints: &[usize],
    lexicon: &Lexicon,
    cache: &mut HashMap<String, Option<String>>,
    out: &mut Vec<Candidate>,
) {
    let words = words(text);
    let mut joined_until = 0;
    for (k, word) in words.iter().enumerate() {
        if word.start < joined_until {
            continue;
        }
        if let Some(next) = words.get(k + 1)
            && next.start == word.end + 1
            && joints.binary_search(&(base + word.end)).is_ok()
            && let Some(whole) = broken_word(&text[word.clone()], &text[next.clone()], lexicon)
        {
            out.push(Candidate {
                range: base + word.start..base + next.end,
                suggestion: whole,
                kind: Kind::Broken,
            });
            joined_until = next.end;
            continue;
        }
        let found = &text[word.clone()];
        if found.len() < SHORTEST {
            continue;
        }
        let lower = found.to_ascii_lowercase();
        if lexicon.en(&lower) > 0 {
            continue;
        }
        let proposal = cache.entry(lower).or_insert_with_key(|lower| likeliest(lower, lexicon)).clone();
        if let Some(proposal) = proposal {
            let suggestion = same_case(found, &proposal);
            out.push(Candidate {
                range: base + word.start..base + word.end,
                suggestion,
                kind: Kind::Unknown,
            });
        }
    }
}

/// The whole word when `left` + `right` (broken at a line end) is a known
/// word more frequent than either part alone: "Presi dent", "gov ernment",
/// "excel lent" join; "in to" and "any one" do not, since "in" and "any"
/// are commoner than "into" and "anyone".
pub(super) fn broken_word(left: &str, right: &str, lexicon: &Lexicon) -> Option<String> {
    let whole = format!("{left}{right}");
    let frequency = lexicon.en(&whole.to_ascii_lowercase());
    let rarer = |part: &str| lexicon.en(&part.to_ascii_lowercase()) < frequency;
    (frequency > 0 && rarer(left) && rarer(right)).then_some(whole)
}

/// The most frequent known word one slip from `word` (lower case): one
/// letter deleted, added, changed or two swapped, or an OCR letter group.
fn likeliest(word: &str, lexicon: &Lexicon) -> Option<String> {
    let mut best: Option<(u64, String)> = None;
    let mut consider = |candidate: String| {
        let frequency = lexicon.en(&candidate);
        if frequency > 0 && best.as_ref().is_none_or(|(f, _)| frequency > *f) {
            best = Some((frequency, candidate));
        }
    };
    let bytes = word.as_bytes();
    for i in 0..=bytes.len() {
        let (head, tail) = word.split_at(i);
        if !tail.is_empty() {
            consider(format!("{head}{}", &tail[1..]));
        }
        if tail.len() >= 2 {
            consider(format!("{head}{}{}{}", &tail[1..2], &tail[..1], &tail[2..]));
        }
        for letter in 'a'..='z' {
            consider(format!("{head}{letter}{tail}"));
            if !tail.is_empty() && !tail.starts_with(letter) {
                consider(format!("{head}{letter}{}", &tail[1..]));
            }
        }
    }
    for (wrong, right) in OCR_SLIPS {
        for (at, _) in word.match_indices(wrong) {
            consider(format!("{}{right}{}", &word[..at], &word[at + wrong.len()..]));
        }
    }
    best.map(|(_, word)| word)
}

/// `proposal` (lower case) in the case pattern of `found`: "TIIE" → "THE",
/// "Tbe" → "The".
fn same_case(found: &str, proposal: &str) -> String {
    let letters = found.chars().filter(char::is_ascii_alphabetic).count();
    let upper = found.chars().filter(char::is_ascii_uppercase).count();
    if upper == letters && letters > 1 {
        return proposal.to_ascii_uppercase();
    }
    if found.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut chars = proposal.chars();
        return chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default();
    }
    proposal.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suspects(text: &str, joints: &[usize]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        latin(text, 0, joints, Lexicon::get(), &mut HashMap::new(), &mut out);
        out.into_iter().map(|c| (text[c.range].to_owned(), c.suggestion)).collect()
    }

    fn pair(found: &str, suggestion: &str) -> (String, String) {
        (found.to_owned(), suggestion.to_owned())
    }

    #[test]
    fn unknown_words_get_the_likeliest_known_word() {
        assert_eq!(suspects("said tbe Governor", &[]), [pair("tbe", "the")]);
        assert_eq!(suspects("TIIE WAR", &[]), [pair("TIIE", "THE")]);
        assert_eq!(suspects("the goverment of", &[]), [pair("goverment", "government")]);
        assert_eq!(suspects("the govemment", &[]), [pair("govemment", "government")], "rn read as m");
    }

    #[test]
    fn known_words_and_numbers_are_left_alone() {
        assert_eq!(suspects("the President said 3rd and 1916", &[]), []);
    }

    #[test]
    fn words_broken_at_a_line_end_are_joined_when_the_whole_is_known() {
        // "the Presi dent spoke": the joint is the space at byte 9.
        assert_eq!(suspects("the Presi dent spoke", &[9]), [pair("Presi dent", "President")]);
        assert_eq!(suspects("an excel lent plan", &[8]), [pair("excel lent", "excellent")]);
        assert_eq!(suspects("went in to town", &[7]), [], "in is commoner than into");
        assert_eq!(suspects("an excel lent plan", &[]), [], "a space in the source is no line break");
    }

    #[test]
    fn case_follows_the_found_word() {
        assert_eq!(same_case("Tbe", "the"), "The");
        assert_eq!(same_case("TBE", "the"), "THE");
        assert_eq!(same_case("tbe", "the"), "the");
    }
}
