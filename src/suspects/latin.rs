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

/// A frequency (in SymSpell's counts) above which a word is common enough
/// that a capitalised slip from it is no name: the, they, would, with.
const COMMON: u64 = 100_000_000;

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
    cache: &mut HashMap<String, Option<(u64, String)>>,
    out: &mut Vec<Candidate>,
) {
    let words = words(text);
    let mut joined_until = 0;
    for (k, word) in words.iter().enumerate() {
        if word.start < joined_until {
            continue;
        }
        if let Some(next) = words.get(k + 1)
            && let Some(hyphen) = break_between(&text[word.end..next.start], base + word.end, joints)
            && let Some(whole) = broken_word(&text[word.clone()], &text[next.clone()], hyphen, lexicon)
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
        if is_known(&lower, lexicon) {
            continue;
        }
        let proposal = cache.entry(lower).or_insert_with_key(|lower| likeliest(lower, lexicon)).clone();
        let Some((frequency, proposal)) = proposal else { continue };
        // A capitalised word missing from the list is most often a name
        // (Cadigan, Danbury): only a slip from a very common word counts.
        let capitalised = found.starts_with(|c: char| c.is_ascii_uppercase())
            && found.chars().skip(1).any(|c| c.is_ascii_lowercase());
        if capitalised && frequency < COMMON {
            continue;
        }
        let suggestion = same_case(found, &proposal);
        out.push(Candidate { range: base + word.start..base + word.end, suggestion, kind: Kind::Unknown });
    }
}

/// Whether the text `between` two words (starting at haystack byte `at`)
/// is a line break the join turned into a space: `Some(true)` when a soft
/// hyphen marks it, `Some(false)` for a bare break, `None` for anything
/// else (a space in the source, punctuation).
fn break_between(between: &str, at: usize, joints: &[usize]) -> Option<bool> {
    match between {
        " " => joints.binary_search(&at).is_ok().then_some(false),
        "\u{ad} " => joints.binary_search(&(at + 2)).is_ok().then_some(true),
        _ => None,
    }
}

/// Known as it is, or as the British spelling of an American word the
/// list lacks (labor → labour, honor → honour).
fn is_known(word: &str, lexicon: &Lexicon) -> bool {
    lexicon.en(word) > 0
        || word.strip_suffix("or").is_some_and(|stem| lexicon.en(&format!("{stem}our")) > 0)
        || word.strip_suffix("ors").is_some_and(|stem| lexicon.en(&format!("{stem}ours")) > 0)
}

/// The whole word when `left` + `right` (broken at a line end) is a known
/// word more frequent than either part alone: "Presi dent", "gov ernment",
/// "excel lent" join; "in to" and "any one" do not, since "in" and "any"
/// are commoner than "into" and "anyone". A part that is no word at all
/// makes the break certain too ("de votion": "de" is common in the list,
/// "votion" is nothing), as does a soft hyphen ("go\u{ad} ing"): then a
/// known whole is enough.
pub(super) fn broken_word(left: &str, right: &str, hyphen: bool, lexicon: &Lexicon) -> Option<String> {
    let whole = format!("{left}{right}");
    let lower = whole.to_ascii_lowercase();
    let frequency = lexicon.en(&lower);
    let rarer = |part: &str| lexicon.en(&part.to_ascii_lowercase()) < frequency;
    let nothing = |part: &str| !is_known(&part.to_ascii_lowercase(), lexicon);
    let known = frequency > 0 || is_known(&lower, lexicon);
    let certain = hyphen || nothing(left) || nothing(right);
    (known && (certain || rarer(left) && rarer(right))).then_some(whole)
}

/// The most frequent known word one slip from `word` (lower case): one
/// letter deleted, added, changed or two swapped, or an OCR letter group;
/// with its frequency.
fn likeliest(word: &str, lexicon: &Lexicon) -> Option<(u64, String)> {
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
    best
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
        assert_eq!(suspects("go\u{ad} ing home", &[4]), [pair("go\u{ad} ing", "going")], "soft hyphen");
        assert_eq!(suspects("be de votion", &[5]), [pair("de votion", "devotion")], "votion is no word");
        assert_eq!(suspects("it may be cause for", &[9]), [], "be is a word, commoner than because");
    }

    #[test]
    fn names_and_american_spellings_are_left_alone() {
        assert_eq!(suspects("Peter Cadigan of Danbury", &[]), []);
        assert_eq!(suspects("the labor of honor", &[]), []);
        assert_eq!(suspects("Tbe war", &[]), [pair("Tbe", "The")], "a slip from a very common word");
    }

    #[test]
    fn case_follows_the_found_word() {
        assert_eq!(same_case("Tbe", "the"), "The");
        assert_eq!(same_case("TBE", "the"), "THE");
        assert_eq!(same_case("tbe", "the"), "the");
    }
}
