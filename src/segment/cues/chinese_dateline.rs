//! The Chinese dateline matched by hand: 本报讯, 本报北京讯,
//! 新华社北京11月6日电, 据央视新闻报道.
//!
//! These were two regular expressions, and compiling them was a fifth of a
//! one-page `copydesk split` (their bounded runs of ideographs copy the
//! ideograph blocks' UTF-8 automaton dozens of times; as full DFAs they
//! would take hundreds of megabytes). A dateline is a few fixed words
//! around short runs of ideographs and digits, which a loop over the first
//! few dozen characters finds at almost no cost.
//!
//! [`first_end`] walks the places a dateline could end in the order a
//! backtracking regex engine tries them (alternatives in order, greedy
//! runs longest first), so that the first end a caller accepts is where
//! the expression's leftmost-first match would have ended. The tests hold
//! it to the expressions it replaced.

use super::is_digit;

/// What may stand before the 电 of a wire dateline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filer {
    /// A named agency or website (新华社, 中新社, 人民网…) or any short
    /// name ending in 社: a story's opening dateline.
    Agency,
    /// Any name ending in 社, 台, 网 or 报: the dateline whose brackets
    /// hold the byline.
    Outlet,
}

/// The agencies a story's dateline names, one set of interchangeable
/// characters (simplified and traditional) per position.
const AGENCIES: [&[&str]; 7] = [
    &["新", "华華", "社"],
    &["中", "新", "社"],
    &["中", "国國", "新", "闻聞", "社"],
    &["人", "民", "网網"],
    &["央", "视視", "网網"],
    &["新", "华華", "网網"],
    &["中", "新", "网網"],
];

/// True for the ideographs the expressions' `\p{Han}` stood for: CJK
/// Unified Ideographs, Extension A and the compatibility block.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn ideograph_or_digit(c: char) -> bool {
    is_ideograph(c) || is_digit(c)
}

fn ideograph_digit_or_space(c: char) -> bool {
    ideograph_or_digit(c) || c.is_whitespace()
}

/// The most characters a dateline spans after its leading white space:
/// twelve of place, seven of agency, sixteen of date and the 电.
const LONGEST: usize = 36;

/// The first [`LONGEST`] characters of a text, with where each starts, so
/// that the matcher walks indices rather than re-reading UTF-8.
struct Head {
    chars: [char; LONGEST],
    starts: [usize; LONGEST + 1],
    len: usize,
}

impl Head {
    fn new(text: &str) -> Head {
        let mut head = Head { chars: ['\0'; LONGEST], starts: [0; LONGEST + 1], len: 0 };
        for (i, c) in text.char_indices().take(LONGEST) {
            head.chars[head.len] = c;
            head.starts[head.len] = i;
            head.len += 1;
            head.starts[head.len] = i + c.len_utf8();
        }
        head
    }

    /// How many characters of `class` run from index `at`, at most `max`.
    fn run(&self, at: usize, max: usize, class: fn(char) -> bool) -> usize {
        self.chars[at.min(self.len)..self.len].iter().take(max).take_while(|&&c| class(c)).count()
    }

    /// Index just past `word` (one set of interchangeable characters per
    /// position) when it stands at index `at`.
    fn word(&self, at: usize, word: &[&str]) -> Option<usize> {
        let mut next = at;
        for choices in word {
            if next >= self.len || !choices.chars().any(|c| c == self.chars[next]) {
                return None;
            }
            next += 1;
        }
        Some(next)
    }
}

/// The first place, in a backtracking engine's order, where a Chinese
/// dateline opening `text` ends and `accept` takes it (a byte offset into
/// `text`).
pub fn first_end(text: &str, filer: Filer, mut accept: impl FnMut(usize) -> bool) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let head = Head::new(&text[lead..]);
    let end = accepted_end(&head, filer, &mut |end| accept(lead + head.starts[end]))?;
    Some(lead + head.starts[end])
}

/// The first end (a character index into `head`) of a dateline at its
/// start that `accept` takes, trying ends in a backtracking engine's order:
/// alternatives in order, greedy runs longest first.
fn accepted_end(head: &Head, filer: Filer, accept: &mut dyn FnMut(usize) -> bool) -> Option<usize> {
    let mut take = |end: usize| accept(end).then_some(end);
    // 本报讯, then 本报…讯 with up to eight characters between.
    if let Some(after) = head.word(0, &["本", "报報"]) {
        if let Some(end) = head.word(after, &["讯訊"]).and_then(&mut take) {
            return Some(end);
        }
        for between in (0..=head.run(after, 8, ideograph_or_digit)).rev() {
            if let Some(end) = head.word(after + between, &["讯訊"]).and_then(&mut take) {
                return Some(end);
            }
        }
    }
    // Up to twelve characters of place, the filer, up to sixteen of place
    // and date, then 电.
    let mut dated = |filed: usize| {
        (0..=head.run(filed, 16, ideograph_digit_or_space))
            .rev()
            .find_map(|date| head.word(filed + date, &["电電"]).and_then(&mut take))
    };
    // Most lines that get here name 讯 or 据, not 电: no place to try.
    let wired = head.chars[..head.len].iter().any(|&c| matches!(c, '电' | '電'));
    for place in (0..=head.run(0, 12, ideograph_or_digit)).rev().filter(|_| wired) {
        let found = match filer {
            Filer::Agency => AGENCIES
                .iter()
                .filter_map(|agency| head.word(place, agency))
                .chain(
                    // Any one to six ideographs and 社.
                    (1..=head.run(place, 6, is_ideograph))
                        .rev()
                        .filter_map(|name| head.word(place + name, &["社"])),
                )
                .find_map(&mut dated),
            Filer::Outlet => head.word(place, &["社台网網报報"]).and_then(&mut dated),
        };
        if found.is_some() {
            return found;
        }
    }
    // 据…报道, 据…消息: two to ten ideographs between.
    if filer == Filer::Agency {
        let after = head.word(0, &["据據"])?;
        for name in (2..=head.run(after, 10, is_ideograph)).rev() {
            let said = head
                .word(after + name, &["报報", "道导導"])
                .or_else(|| head.word(after + name, &["消", "息"]));
            if let Some(end) = said.and_then(&mut take) {
                return Some(end);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::cues::compact;
    use proptest::prelude::*;

    /// The expressions these matchers replaced, as the cues wrote them.
    const AGENCY_DATELINE: &str = concat!(
        r"^[\s\u{3000}]*(?:本[报報][讯訊]|本[报報][\p{Han}\d]{0,8}[讯訊]|",
        r"[\p{Han}\d]{0,12}(?:新[华華]社|中新社|中[国國]新[闻聞]社|人民[网網]|央[视視][网網]|新[华華][网網]|中新[网網]|\p{Han}{1,6}社)[\p{Han}\d\s]{0,16}[电電]|",
        r"[据據]\p{Han}{2,10}(?:[报報][道导導]|消息))"
    );
    const BYLINE_DATELINE: &str = concat!(
        r"^[\s\u{3000}]*(?:本[报報][讯訊]|本[报報][\p{Han}\d]{0,8}[讯訊]|[\p{Han}\d]{0,12}(?:社|台|[网網]|[报報])[\p{Han}\d\s]{0,16}[电電])",
        r"\s*[(（]([^)）]{1,40})[)）]"
    );

    /// The byline group as the expression found it.
    fn bracketed(text: &str) -> Option<&str> {
        let end = first_end(text, Filer::Outlet, |end| {
            super::super::byline::bracketed_after(&text[end..]).is_some()
        })?;
        super::super::byline::bracketed_after(&text[end..])
    }

    #[test]
    fn datelines_end_where_the_expression_did() {
        let agency = regex::Regex::new(&compact(AGENCY_DATELINE)).unwrap();
        for text in [
            "本报讯(融媒首席记者 陈晓苏) 11月4日",
            "本报北京11月5日讯 记者",
            "新华社北京11月6日电 国务院",
            "  中國新聞社香港電",
            "据央视新闻报道,昨日",
            "据报道",
            "永康日报社电",
            "新华社",
        ] {
            let expected = agency.find(text).map(|m| m.end());
            assert_eq!(first_end(text, Filer::Agency, |_| true), expected, "{text}");
        }
    }

    /// The pieces datelines are made of, and near misses.
    const PIECES: [&str; 28] = [
        "本报",
        "本報",
        "讯",
        "訊",
        "新华社",
        "新華社",
        "中国新闻社",
        "中新网",
        "人民网",
        "央视网",
        "日报社",
        "台",
        "电",
        "電",
        "据",
        "據",
        "报道",
        "消息",
        "北京",
        "11月6日",
        "１２",
        " ",
        "\u{3000}",
        "（",
        "(",
        "记者 李明",
        "）",
        "a",
    ];

    fn agrees(text: &str) -> Result<(), TestCaseError> {
        let agency = regex::Regex::new(&compact(AGENCY_DATELINE)).unwrap();
        prop_assert_eq!(
            first_end(text, Filer::Agency, |_| true),
            agency.find(text).map(|m| m.end()),
            "{}",
            text
        );
        let byline = regex::Regex::new(&compact(BYLINE_DATELINE)).unwrap();
        let expected = byline.captures(text).and_then(|c| c.get(1)).map(|m| m.as_str());
        prop_assert_eq!(bracketed(text), expected, "{}", text);
        Ok(())
    }

    proptest! {
        #[test]
        fn agrees_with_the_expressions_on_any_text(text in "[ \u{3000}本报報讯訊新华華社中国國闻聞人民网網央视視台据據道导導消息电電北京0-9０(（)）记者李a]{0,40}") {
            agrees(&text)?;
        }

        #[test]
        fn agrees_with_the_expressions_on_dateline_pieces(pieces in prop::collection::vec(prop::sample::select(&PIECES[..]), 0..10)) {
            agrees(&pieces.concat())?;
        }
    }
}
