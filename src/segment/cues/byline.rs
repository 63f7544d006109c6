//! Bylines: who wrote the article. Chinese papers print them on a line of
//! their own (融媒评论员, 本报记者 张三 通讯员 李四, 文/张三) or inside the
//! dateline's brackets (本报讯(记者 陈晓苏)); English papers use `By NAME`
//! above the text, or sign at the end (`W. J. BRYAN.`).

use super::chinese_dateline::{Filer, first_end};
use super::{either_form, regex, words_automaton};
use crate::text::script::wider_than;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

/// Longest line (in display columns) that can be a byline line.
pub const MAX_WIDTH: usize = 64;

/// True when the whole line is a byline.
pub fn is_byline_line(line: &str) -> bool {
    !wider_than(line.trim(), MAX_WIDTH) && is_narrow_byline(line)
}

/// [`is_byline_line`] for a line known to be at most [`MAX_WIDTH`] columns
/// wide: the line model has measured every line, and measuring each again
/// here was a fiftieth of a long page's split.
pub fn is_narrow_byline(line: &str) -> bool {
    let line = line.trim();
    let chinese = regex!(concat!(
        r"^[□■◎●○◇◆★☆\s]*(?:(?:\p{Han}{0,6}(?:[记記]者|通[讯訊][员員]|[评評][论論][员員]|撰稿人?|作者|[实實][习習]生)|[文图圖摄攝]\s*[/／|｜:：])",
        r"\s*(?:[\p{Han}·]{2,4}(?:\s+|、|，|,|$))*\s*)+$"
    ));
    let english = regex!(r"^(?:By|BY)\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,4}(?:\s*(?:,|and|AND|&).*)?$");
    // Cheap gates first: an English byline opens with "By", a Chinese one
    // has ideographs; most lines are neither.
    let could_be_english = line.starts_with("By ") || line.starts_with("BY ");
    (!line.is_ascii() && chinese.is_match(line))
        || (could_be_english && english.is_match(line))
        || is_signature_line(line)
        || is_desk_line(line)
}

/// True for the line under an English byline that says who the writer
/// writes for (Staff Writer, The Associated Press, Special to The Tribune):
/// part of the byline, not a headline of its own.
fn is_desk_line(line: &str) -> bool {
    // Cheap gates before the expression: it opens with a capital and ends
    // with a letter, or a stop after one.
    if !line.starts_with(|c: char| c.is_ascii_uppercase())
        || !line.trim_end_matches('.').ends_with(|c: char| c.is_ascii_alphabetic())
    {
        return false;
    }
    regex!(concat!(
        r"^(?i:(?:the\s+)?(?:[a-z][a-z.']*\s+){0,3}(?:writers?|reporters?|correspondents?)|",
        r"(?:the\s+)?associated\s+press|special\s+to\s+the\s+[a-z][\w .']{1,30})\.?$"
    ))
    .is_match(line)
}

/// True when the line is a name signed at the end of an article.
pub fn is_signature_line(line: &str) -> bool {
    let line = line.trim();
    let opens_like_one = line.starts_with(['-', '—', '–']) || line.as_bytes().get(1) == Some(&b'.');
    if !opens_like_one {
        return false;
    }
    let signature =
        regex!(r"^[-—–]*\s*(?:[A-Z]\.\s*){1,3}[A-Z][A-Za-z'\-]+\.?\s*$|^[-—–]+\s*[A-Z][A-Za-z.' ]{2,40}$");
    signature.is_match(line)
}

/// Where a signature at the end of a line of text starts ("…as I do.
/// W. J. BRYAN." gives the offset of "W."), if there is one.
pub fn trailing_signature(line: &str) -> Option<usize> {
    // The name ends the line, maybe with a stop: most lines end otherwise,
    // and are passed over without the expression.
    let end = line.trim_end();
    let end = end.strip_suffix('.').unwrap_or(end);
    if !end.ends_with(|c: char| c.is_ascii_uppercase() || c == '\'' || c == '-') {
        return None;
    }
    let pattern = regex!(r#"[.!?"”]\s+((?:[A-Z]\.\s?){1,3}[A-Z][A-Z'\-]+\.?)\s*$"#);
    // Only the line's tail can hold it; searching there keeps long lines cheap.
    let tail_start = line.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    Some(tail_start + pattern.group(&line[tail_start..], 1)?.start)
}

/// The byline inside a dateline's brackets: "融媒首席记者 陈晓苏" from
/// "本报讯(融媒首席记者 陈晓苏) 11月4日上午…".
pub fn dateline_byline(paragraph: &str) -> Option<&str> {
    let mut bracketed = None;
    first_end(paragraph, Filer::Outlet, |end| {
        bracketed = bracketed_after(&paragraph[end..]);
        bracketed.is_some()
    })?;
    let inner = bracketed?.trim();
    static NAMES_SOMEONE: LazyLock<AhoCorasick> = LazyLock::new(|| {
        words_automaton(
            either_form(&["记者", "通讯员", "评论员", "撰稿", "作者", "实习生"]),
            AhoCorasickKind::ContiguousNFA,
        )
    });
    NAMES_SOMEONE.is_match(inner).then_some(inner)
}

/// What the brackets right after a dateline hold (after any white space):
/// one to forty characters up to the first closing bracket, as the
/// expression `\s*[(（]([^)）]{1,40})[)）]` read it.
pub(super) fn bracketed_after(text: &str) -> Option<&str> {
    let opened = text.trim_start().strip_prefix(['(', '（'])?;
    let close = opened.find([')', '）'])?;
    let inner = &opened[..close];
    (1..=40).contains(&inner.chars().count()).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_byline_lines() {
        for line in ["融媒评论员", "本报记者 张三 通讯员 李四", "文/张三", "□ 记者 王五", "特约评论员"]
        {
            assert!(is_byline_line(line), "{line:?}");
        }
    }

    #[test]
    fn headlines_mentioning_reporters_are_not_bylines() {
        for line in ["记者探访城市更新一线", "图书馆开放", "城市更新的口子 断不会开"]
        {
            assert!(!is_byline_line(line), "{line:?}");
        }
    }

    #[test]
    fn english_bylines_and_signatures() {
        assert!(is_byline_line("By JOHN SMITH"));
        assert!(is_byline_line("By Mary Jones and Tom Lee, Staff Writers"));
        assert!(is_byline_line("W. J. BRYAN."));
        assert!(!is_byline_line("By the way, nobody came."));
        for credit in [
            "Staff Writer",
            "STAFF WRITER",
            "The Associated Press",
            "AP Science Writer",
            "Special to The Tribune.",
        ] {
            assert!(is_byline_line(credit), "{credit:?}");
        }
        for text in ["other writers", "Writers and artists of the city gathered", "The Press Club"] {
            assert!(!is_byline_line(text), "{text:?}");
        }
    }

    #[test]
    fn signature_at_the_end_of_a_line() {
        let line = "as I do. W. J. BRYAN.";
        assert_eq!(trailing_signature(line), Some(9));
        assert_eq!(trailing_signature("as I do."), None);
    }

    #[test]
    fn byline_from_the_dateline() {
        assert_eq!(
            dateline_byline("本报讯(融媒首席记者 陈晓苏) 11月4日上午,会议召开。"),
            Some("融媒首席记者 陈晓苏")
        );
        assert_eq!(dateline_byline("新华社北京11月6日电（记者 张三）国务院…"), Some("记者 张三"));
        assert_eq!(dateline_byline("本报讯(通稿) 会议召开。"), None);
        assert_eq!(dateline_byline("本報訊(記者 陳曉蘇) 市政府昨日"), Some("記者 陳曉蘇"));
    }
}
