//! Error series: an error OCR made once it usually made again across the
//! edition (the same worn type, the same smudge). After an editor corrects
//! a character or a word, its other occurrences in a similar context are
//! suspects with the editor's own correction as the proposal.

use std::collections::HashSet;

use super::{Candidate, Kind};
use crate::edit::Document;
use crate::find::Haystack;
use crate::text::script::{is_han, is_spaceless};

/// Corrections longer than this (in characters) are rewrites, not slips
/// that repeat.
const LONGEST: usize = 12;

/// The suspects that repeat the errors `document`'s corrections fixed.
pub(super) fn series(document: &Document, haystack: &Haystack, out: &mut Vec<Candidate>) {
    let mut seen = HashSet::new();
    for correction in &document.corrections {
        let page = &document.edition.pages[correction.page].text;
        let Some(wrong) = page.get(correction.range.clone()) else { continue };
        let short = |s: &str| !s.is_empty() && s.chars().count() <= LONGEST && !s.contains(['\n', '\r']);
        if !short(wrong) || wrong.trim() != wrong || correction.text.contains(wrong) {
            continue;
        }
        let before = page[..correction.range.start].chars().next_back();
        let after = page[correction.range.end..].chars().next();
        if !seen.insert((wrong, correction.text.as_str(), before, after)) {
            continue;
        }
        let spaceless = wrong.chars().any(is_spaceless);
        let text = haystack.text();
        for (at, _) in text.match_indices(wrong) {
            let end = at + wrong.len();
            let (left, right) = (text[..at].chars().next_back(), text[end..].chars().next());
            let similar = if spaceless {
                // One character is ambiguous alone: ask for a shared
                // neighbour that is a character, not punctuation.
                let shared =
                    |here: Option<char>, there: Option<char>| here == there && here.is_some_and(is_han);
                wrong.chars().count() > 1 || shared(left, before) || shared(right, after)
            } else {
                !left.is_some_and(char::is_alphanumeric) && !right.is_some_and(char::is_alphanumeric)
            };
            if similar {
                out.push(Candidate {
                    range: at..end,
                    suggestion: correction.text.clone(),
                    kind: Kind::Series,
                });
            }
        }
    }
}
