//! Datelines: the words that open a news story and say where it was filed.
//! A paragraph opening with one starts an article: 本报讯, 新华社北京11月6日电,
//! 据…报道, `WASHINGTON —`, `NEW YORK, Jan. 5 (AP) —`, `LINCOLN, Neb., Feb. 1.—`.

use super::chinese_dateline::{Filer, first_end};
use super::regex;

/// True when the paragraph opens with a dateline.
pub fn opens_with_dateline(paragraph: &str) -> bool {
    let english = regex!(concat!(
        r"^\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}",
        r"(?:,\s*[A-Z][a-z]{1,9}\.?(?:\s+\d{1,2})?)?(?:,\s*[A-Z][a-z]{1,9}\.?(?:\s+\d{1,2})?)?",
        r"\s*(?:\([A-Za-z .]{2,24}\))?\.?\s*(?:—|–|--|-)\s?[\x22“]?[A-Z][a-z]"
    ));
    // A dateline is in the first few dozen characters; long paragraphs
    // need not be handed to the patterns whole.
    let head = paragraph.char_indices().nth(64).map_or(paragraph, |(i, _)| &paragraph[..i]);
    // Cheap gates: a Chinese dateline names a 讯, an 电 or a 据; an English
    // one opens with a capital and has a dash.
    let could_be_chinese =
        !head.is_ascii() && head.chars().any(|c| matches!(c, '讯' | '訊' | '电' | '電' | '据' | '據'));
    let could_be_english =
        head.trim_start().starts_with(|c: char| c.is_ascii_uppercase()) && head.contains(['—', '–', '-']);
    (could_be_chinese && first_end(head, Filer::Agency, |_| true).is_some())
        || (could_be_english && english.is_match(head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_datelines() {
        for text in [
            "本报讯(融媒首席记者 陈晓苏) 11月4日上午",
            "新华社北京11月6日电 国务院…",
            "据央视新闻报道,昨日…",
            "\u{3000}\u{3000}本报讯 昨天",
        ] {
            assert!(opens_with_dateline(text), "{text:?}");
        }
    }

    #[test]
    fn english_datelines() {
        for text in [
            "WASHINGTON — The Senate voted",
            "NEW YORK, Jan. 5 (AP) — Stocks fell",
            "LONDON (Reuters) - Prices",
            "LINCOLN, Neb., Feb. 1.—The legislature",
        ] {
            assert!(opens_with_dateline(text), "{text:?}");
        }
    }

    #[test]
    fn titles_with_dashes_and_plain_text_are_not_datelines() {
        for text in ["NEW TARIFFS — WHAT THEY MEAN", "The President's speeches", "会议强调,要全面加强"]
        {
            assert!(!opens_with_dateline(text), "{text:?}");
        }
    }
}
