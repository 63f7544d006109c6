//! Error series: an error OCR made once it usually made again across the
//! edition (the same worn type, the same smudge). After an editor corrects
//! a character or a word, its other occurrences in a similar context are
//! suspects with the editor's own correction as the proposal.
//!
//! All corrected strings are looked for in one pass over the edition
//! (Aho-Corasick), however many corrections there are.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use super::{Candidate, Kind};
use crate::edit::Document;
use crate::find::Haystack;
use crate::text::script::{is_han, is_spaceless};

/// Corrections longer than this (in characters) are rewrites, not slips
/// that repeat.
const LONGEST: usize = 12;

/// The corrections of one wrong string: the first proposal, and the
/// proposals by the Han character before and after the corrected place.
#[derive(Default)]
struct Rules<'d> {
    first: Option<&'d str>,
    by_before: HashMap<char, &'d str>,
    by_after: HashMap<char, &'d str>,
}

impl<'d> Rules<'d> {
    fn add(&mut self, text: &'d str, before: Option<char>, after: Option<char>) {
        self.first.get_or_insert(text);
        if let Some(c) = before.filter(|&c| is_han(c)) {
            self.by_before.entry(c).or_insert(text);
        }
        if let Some(c) = after.filter(|&c| is_han(c)) {
            self.by_after.entry(c).or_insert(text);
        }
    }

    /// The proposal for `wrong` found between `left` and `right`, when the
    /// context is similar: a Chinese string of several characters always;
    /// one character only with a shared Han neighbour (alone it is
    /// ambiguous); Latin text as a whole word.
    fn proposal(&self, wrong: &str, left: Option<char>, right: Option<char>) -> Option<&'d str> {
        if !wrong.chars().any(is_spaceless) {
            let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            return self.first.filter(|_| edge(left) && edge(right));
        }
        if wrong.chars().nth(1).is_some() {
            return self.first;
        }
        let by = |map: &HashMap<char, &'d str>, c: Option<char>| c.and_then(|c| map.get(&c).copied());
        by(&self.by_before, left).or_else(|| by(&self.by_after, right))
    }
}

/// The suspects that repeat the errors `document`'s corrections fixed.
pub(super) fn series(document: &Document, haystack: &Haystack, out: &mut Vec<Candidate>) {
    let mut rules: HashMap<&str, Rules<'_>> = HashMap::new();
    for correction in &document.corrections {
        let page = &document.edition.pages[correction.page].text;
        let Some(wrong) = page.get(correction.range.clone()) else { continue };
        let short = |s: &str| !s.is_empty() && s.chars().count() <= LONGEST && !s.contains(['\n', '\r']);
        if !short(wrong) || wrong.trim() != wrong || correction.text.contains(wrong) {
            continue;
        }
        let before = page[..correction.range.start].chars().next_back();
        let after = page[correction.range.end..].chars().next();
        rules.entry(wrong).or_default().add(&correction.text, before, after);
    }
    if rules.is_empty() {
        return;
    }
    let patterns: Vec<&str> = rules.keys().copied().collect();
    let Ok(matcher) = AhoCorasick::new(&patterns) else { return };
    let text = haystack.text();
    for found in matcher.find_overlapping_iter(text) {
        let wrong = patterns[found.pattern().as_usize()];
        let (at, end) = (found.start(), found.end());
        let (left, right) = (text[..at].chars().next_back(), text[end..].chars().next());
        if let Some(proposal) = rules[wrong].proposal(wrong, left, right) {
            out.push(Candidate { range: at..end, suggestion: proposal.to_owned(), kind: Kind::Series });
        }
    }
}
