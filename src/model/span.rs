//! Line spans: how editors and the JSON contract name places on a page.

use serde::{Deserialize, Serialize};

/// A run of lines on one page. Pages and lines count from 1, as editors say
/// them ("page 1, lines 25 to 35"), and `last_line` is inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Page number, from 1.
    pub page: u32,
    /// First line, from 1.
    pub first_line: u32,
    /// Last line, inclusive.
    pub last_line: u32,
}

impl Span {
    /// A span from 0-based page and line indices, as the library uses inside.
    pub fn from_indices(page: usize, first_line: usize, last_line: usize) -> Self {
        let number = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
        Self { page: number(page), first_line: number(first_line), last_line: number(last_line) }
    }

    /// True when `other` starts right where this span could go on: same page
    /// and starting no earlier than this one ends.
    pub fn precedes(&self, other: &Span) -> bool {
        (self.page, self.last_line) < (other.page, other.first_line)
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first_line == self.last_line {
            write!(f, "p{} l{}", self.page, self.first_line)
        } else {
            write!(f, "p{} l{}–{}", self.page, self.first_line, self.last_line)
        }
    }
}
