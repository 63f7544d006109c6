//! Datelines: the words that open a news story and say where it was filed.
//! A paragraph opening with one starts an article: 本报讯, 新华社北京11月6日电,
//! 据…报道, `WASHINGTON —`, `NEW YORK, Jan. 5 (AP) —`, `LINCOLN, Neb., Feb. 1.—`.

use super::regex;

/// True when the paragraph opens with a dateline.
pub fn opens_with_dateline(paragraph: &str) -> bool {
    let chinese = regex!(concat!(
        r"^[\s\u{3000}]*(?:本[报報][讯訊]|本[报報][\p{Han}\d]{0,8}[讯訊]|",
        r"[\p{Han}\d]{0,12}(?:新[华華]社|中新社|中[国國]新[闻聞]社|人民[网網]|央[视視][网網]|新[华華][网網]|中新[网網]|\p{Han}{1,6}社)[\p{Han}\d\s]{0,16}[电電]|",
        r"[据據]\p{Han}{2,10}(?:[报報][道导導]|消息))"
    ));
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
    (could_be_chinese && chinese.is_match(head)) || (could_be_english && english.is_match(head))
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
