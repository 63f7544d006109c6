//! Suspects: places in the corrected text that are probably OCR errors,
//! each with a proposed correction. They are flagged, never changed
//! silently: the editor accepts one (an ordinary correction, through
//! [`crate::replace`]) or dismisses it (remembered in the document).
//!
//! ```
//! use copydesk::find::{Haystack, Scope};
//! # let dir = tempfile::tempdir().unwrap();
//! # let path = dir.path().join("p1.txt");
//! # std::fs::write(&path, "会议召开\n\n本报讯 会议己经召开。\n").unwrap();
//! # let edition = copydesk::load::load_path(&path, &Default::default()).unwrap();
//! # let document = copydesk::edit::Document::propose(edition);
//! let haystack = Haystack::build(&document, Scope::Corrected);
//! let suspects = copydesk::suspects::find(&document, &haystack);
//! assert_eq!((suspects[0].found.as_str(), suspects[0].suggestion.as_str()), ("己", "已"));
//! ```
//!
//! Four kinds, each in its own file: Chinese look-alikes ([`chinese`]),
//! unknown Latin words and words broken at a line end ([`latin`]), and
//! the error series of the editor's own corrections ([`series`]).

mod chinese;
mod latin;
mod lexicon;
mod series;

pub use lexicon::Lexicon;

use std::collections::HashMap;
use std::ops::Range;

use crate::edit::{Document, Edit};
use crate::find::{Haystack, Scope};
use crate::model::{ArticleId, Dismissal};
use crate::replace::{ReplaceError, replace};

/// Why a place is suspected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// The same error the editor corrected elsewhere.
    Series,
    /// A Chinese character whose look-alike makes a word where it makes none.
    LookAlike,
    /// A Latin word broken at a line end without a hyphen.
    Broken,
    /// A Latin word not in the word list.
    Unknown,
}

impl Kind {
    /// A short English name, for the command line and the window.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Series => "series",
            Kind::LookAlike => "look-alike",
            Kind::Broken => "broken word",
            Kind::Unknown => "unknown word",
        }
    }
}

/// A proposal found by one detector, in haystack bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    range: Range<usize>,
    suggestion: String,
    kind: Kind,
}

/// A probable OCR error with its proposed correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspect {
    /// Where it is in the haystack it was found in.
    pub range: Range<usize>,
    /// Page index (from 0).
    pub page: usize,
    /// Line index (from 0).
    pub line: usize,
    /// The source bytes behind it.
    pub source: Range<usize>,
    /// Index of its block in the split.
    pub block: usize,
    /// Where it is in its block's corrected text (bytes), as the article
    /// view shows that text.
    pub in_block: Range<usize>,
    /// Its article.
    pub article: ArticleId,
    /// The text as it reads now.
    pub found: String,
    /// What it probably should read.
    pub suggestion: String,
    /// Why it is suspected.
    pub kind: Kind,
}

impl Suspect {
    /// The dismissal that refuses this suspect.
    pub fn dismissal(&self) -> Dismissal {
        Dismissal {
            page: self.page,
            start: self.source.start,
            end: self.source.end,
            suggestion: self.suggestion.clone(),
        }
    }

    /// The edit that accepts it: one correction.
    pub fn accept(&self, document: &Document, haystack: &Haystack) -> Result<Option<Edit>, ReplaceError> {
        accept_all(document, haystack, std::slice::from_ref(self))
    }

    /// The edit that dismisses it: remembered in the document.
    pub fn dismiss(&self) -> Edit {
        Edit::Dismissals { removed: Vec::new(), inserted: vec![self.dismissal()] }
    }
}

/// The edit that accepts every one of `suspects` (found in `haystack`, in
/// edition order) as one step: a 1916 column breaks dozens of words an
/// article, and an editor who has checked a few trusts the rest.
pub fn accept_all(
    document: &Document,
    haystack: &Haystack,
    suspects: &[Suspect],
) -> Result<Option<Edit>, ReplaceError> {
    let changes: Vec<_> = suspects.iter().map(|s| (s.range.clone(), s.suggestion.clone())).collect();
    replace(document, haystack, &changes)
}

/// Every suspect in the articles of `document` not dismissed, in edition
/// order; `haystack` is its corrected text. Where two detectors flag
/// overlapping text, the editor's own series wins, then look-alikes,
/// broken words and unknown words.
pub fn find(document: &Document, haystack: &Haystack) -> Vec<Suspect> {
    if haystack.scope() != Scope::Corrected {
        return Vec::new();
    }
    let lexicon = Lexicon::get();
    let mut candidates = Vec::new();
    let mut cache = HashMap::new();
    for (index, slot) in haystack.slots().iter().enumerate() {
        if slot.article.is_none() {
            continue;
        }
        let text = haystack.slot_text(index);
        if text.chars().any(crate::text::script::is_han) {
            chinese::look_alikes(text, slot.text.start, lexicon, &mut candidates);
        }
        if text.bytes().any(|b| b.is_ascii_alphabetic()) {
            let joints = haystack.joints(index);
            latin::latin(text, slot.text.start, &joints, lexicon, &mut cache, &mut candidates);
        }
    }
    series::series(document, haystack, &mut candidates);
    candidates.sort_by_key(|c| (c.range.start, c.kind, std::cmp::Reverse(c.range.end)));
    let mut suspects: Vec<Suspect> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if suspects.last().is_some_and(|s| s.range.end > candidate.range.start) {
            continue;
        }
        let Some(place) = haystack.locate(&candidate.range) else { continue };
        let Some(article) = place.article else { continue };
        let found = haystack.text()[candidate.range.clone()].to_owned();
        let block_start =
            haystack.slot_at(candidate.range.start).map_or(0, |s| haystack.slots()[s].text.start);
        let in_block = candidate.range.start - block_start..candidate.range.end - block_start;
        let dismissed = document.review.is_dismissed(
            place.page,
            place.source.start,
            place.source.end,
            &candidate.suggestion,
        );
        if dismissed || found == candidate.suggestion {
            continue;
        }
        suspects.push(Suspect {
            range: candidate.range,
            page: place.page,
            line: place.line,
            source: place.source,
            block: place.block,
            in_block,
            article,
            found,
            suggestion: candidate.suggestion,
            kind: candidate.kind,
        });
    }
    suspects
}

#[cfg(test)]
mod tests;
