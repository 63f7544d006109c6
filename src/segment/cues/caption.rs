//! Photo captions: 图为…, ▲…, a photographer's credit ending in 摄, or in
//! English a `Photo by` credit or an agency's `(AP Photo)`.
//!
//! Markers stand at a caption's start or end, so only the first and last
//! few dozen characters are searched: long paragraphs cost nothing.

use super::{regex, words_automaton};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

/// How many characters at each end of a line can hold a caption marker.
const MARKER_REACH: usize = 48;

/// True when the line is (or opens) a photo caption.
pub fn is_caption(line: &str) -> bool {
    if !may_carry_a_marker(line) {
        return false;
    }
    // Every marker holds one of these literals; a line without any (nearly
    // every line) is passed over without compiling the expressions below.
    const MARKERS: [&str; 20] = [
        "图", "圖", "▲", "△", "摄", "攝", "供", "资料", "資料", "Photo", "PHOTO", "Above", "ABOVE",
        "Pictured", "PICTURED", "Courtesy", "(AP", "(Reuters", "(AFP", "(Getty",
    ];
    let (head, tail) = (head(line), tail(line));
    let has_marker = |part: &str| MARKERS.iter().any(|m| part.contains(m));
    if !has_marker(head) && !has_marker(tail) {
        return false;
    }
    let opening = regex!(concat!(
        r"^[\s\u{3000}]*(?:[图圖][为為]|▲|△|[上下左右][图圖]|[图圖][：:]|（[图圖]）)|",
        r"^\s*(?:PHOTO|Photo|ABOVE|Above|PICTURED|Pictured)\s*[:—–\-]|^\s*(?:Photo(?:graph)? (?:by|courtesy)|Courtesy of)(?-u:\b)"
    ));
    let closing = regex!(concat!(
        r"(?:\s[摄攝]|供[图圖]|[图圖]片由[\p{Han}\w]{1,20}提供|[资資]料[图圖]片?)[)）]?\s*$|",
        r"\((?:AP|Reuters|AFP|Getty Images?)(?: Photo)?[^)]*\)\s*$|(?-u:\b)(?:Photo(?:graph)? (?:by|courtesy)|Courtesy of)(?-u:\b)[^.]*\.?$"
    ));
    opening.is_match(head) || closing.is_match(tail)
}

/// A cheap test that the line holds something a marker is made of, so that
/// the expressions run only on the few lines that might be captions.
fn may_carry_a_marker(line: &str) -> bool {
    // One automaton pass instead of a search per word: every line of an
    // English page comes here. A DFA (a contiguous NFA made 1 MB of English
    // pages 2% slower) costs a Chinese page about half a million
    // instructions to build, for its few ASCII lines.
    static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        words_automaton(
            [
                "Photo", "PHOTO", "Above", "ABOVE", "Pictured", "PICTURED", "Courtesy", "(AP", "(Reuters",
                "(AFP", "(Getty",
            ],
            AhoCorasickKind::DFA,
        )
    });
    if line.is_ascii() {
        return WORDS.is_match(line);
    }
    line.chars().any(|c| {
        matches!(c, '图' | '圖' | '▲' | '△' | '摄' | '攝' | '供' | '资' | '資') || c.is_ascii_uppercase()
    })
}

fn head(line: &str) -> &str {
    line.char_indices().nth(MARKER_REACH).map_or(line, |(i, _)| &line[..i])
}

fn tail(line: &str) -> &str {
    line.char_indices().rev().nth(MARKER_REACH).map_or(line, |(i, _)| &line[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        for line in [
            "图为工作人员在签约现场为群众提供咨询。",
            "▲ 北三环沿线",
            "本报记者 张三 摄",
            "Photo by Jane Doe",
            "Residents fill the council chamber Monday. Photo by Ed Kramer",
            "Crowds gather at the square. (AP Photo/John Smith)",
        ] {
            assert!(is_caption(line), "{line:?}");
        }
    }

    #[test]
    fn text_is_not_a_caption() {
        for line in ["图书馆开放", "本报讯(融媒首席记者 陈晓苏)", "The photographer arrived late."]
        {
            assert!(!is_caption(line), "{line:?}");
        }
    }
}
