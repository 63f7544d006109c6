//! The shape of title lines. English titles are set in capitals or title
//! case; Chinese titles are short lines without a full stop. Around the main
//! title stand a lead-in kicker above it (…时指出), a subheadline marked with
//! a dash (——), or a short rubric; inside an article, numbered crossheads
//! (一、 (二)) head its sections.

use super::{is_digit, same_ignoring_case};
use crate::text::script::{han_count, is_han};

/// How an English line is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capitals {
    /// Every letter a capital: `DIFFERENCES NOT PERSONAL`.
    All,
    /// Every significant word capitalised: `The Duty of a Friend`.
    Title,
}

/// Small words English title case leaves in lower case.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "of", "to", "in", "on", "at", "by", "up", "as", "is",
    "it", "vs", "via", "with", "from", "into", "than", "over", "upon", "per",
];

/// Words a title does not end with: a line ending in one breaks a sentence.
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "by", "with", "at", "from", "as",
    "that", "which", "is", "are", "was", "were", "be", "his", "her", "their", "its", "not", "no", "if",
    "than",
];

/// The most words a title has: a line with more is text.
const MAX_TITLE_WORDS: usize = 16;

/// How the English line is capitalised, if like a title.
///
/// The line's words are split and trimmed once: every line of an English
/// page is asked this, some twice.
pub fn capitals(line: &str) -> Option<Capitals> {
    let mut kept = [""; MAX_TITLE_WORDS];
    let mut count = 0;
    let words = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic));
    for word in words {
        if count == MAX_TITLE_WORDS {
            return None;
        }
        // A line whose first word opens with a letter that is not a
        // capital (most lines of running text) is neither in capitals nor
        // in title case: the rest of it need not be read.
        if count == 0 && word.chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_uppercase()) {
            return None;
        }
        kept[count] = word;
        count += 1;
    }
    let words = &kept[..count];
    let first = *words.first()?;
    let letters = || words.iter().flat_map(|w| w.chars()).filter(|c| c.is_alphabetic());
    if letters().nth(1).is_some() && letters().all(char::is_uppercase) {
        return Some(Capitals::All);
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let minor = |w: &str| w.len() <= 4 && MINOR_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w));
    (capitalised(first) && words.iter().all(|&w| capitalised(w) || minor(w))).then_some(Capitals::Title)
}

/// True when the last word of an English line is one no title ends with.
pub fn ends_with_dangling_word(line: &str) -> bool {
    line.split_whitespace()
        .next_back()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|w| DANGLING_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w)))
}

/// Endings of a lead-in: verbs of saying, time phrases, a colon.
const LEAD_IN_ENDINGS: [&str; 12] =
    ["指出", "表示", "强调", "要求", "提出", "寄语", "说", "时", "之际", "期间", "：", ":"];

/// True when a title line leads in to the headline: a Chinese kicker that
/// ends in a verb of saying or a time phrase (…时指出, …表示), or a line
/// ending in a colon.
pub fn is_lead_in(line: &str) -> bool {
    let line = line.trim_end();
    LEAD_IN_ENDINGS.iter().any(|ending| line.ends_with(ending))
}

/// True when the line opens with the dash that marks a Chinese subheadline
/// (a double dash —— opens with a single one).
pub fn has_subheadline_dash(line: &str) -> bool {
    let line = line.trim_start();
    ["—", "--", "－－", "──"].iter().any(|dash| line.starts_with(dash))
}

/// The Chinese numerals crossheads count with.
const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// True for a numbered heading inside an article: 一、 (二) 3、
///
/// Matched by hand rather than by a regular expression: three prefix checks
/// cost nothing to set up, where compiling the expression took a tenth of a
/// one-page split's time.
pub fn is_crosshead(line: &str) -> bool {
    let line = line.trim_start();
    let is_numeral = |c: char| NUMERALS.contains(&c);
    // 一、 十二． 三.
    let after = line.trim_start_matches(is_numeral);
    if after.len() < line.len() && after.starts_with(['、', '．', '.']) {
        return true;
    }
    // (二) （12）
    if let Some(inside) = line.strip_prefix(['（', '(']) {
        let after = inside.trim_start_matches(|c| is_numeral(c) || is_digit(c));
        if after.len() < inside.len() && after.starts_with(['）', ')']) {
            return true;
        }
    }
    // 3、 12． (a longer number is a year or an amount, not a heading)
    let digits = line.chars().take_while(|&c| is_digit(c)).count();
    (1..=2).contains(&digits) && line.chars().nth(digits).is_some_and(|c| matches!(c, '、' | '．'))
}

/// The words that head a contents box or an index, in lower case.
const LIST_HEADINGS: [&str; 12] = [
    "contents",
    "index",
    "inside",
    "in this issue",
    "today's paper",
    "目录",
    "本期导读",
    "导读",
    "要闻提示",
    "今日导读",
    "本期看点",
    "今日看点",
];

/// True for the word heading a contents box or an index of the issue: the
/// line is one of [`LIST_HEADINGS`], in any case, between any marks that
/// are not word characters («CONTENTS», 【本期导读】, --Index--).
pub fn is_list_heading(line: &str) -> bool {
    let heading = line.trim_matches(|c| !regex_syntax::is_word_character(c));
    // Case folds one character to one: a longer line (nearly every line)
    // is none of the words, and is not compared with each.
    if heading.chars().nth(LIST_HEADING_CHARS).is_some() {
        return false;
    }
    LIST_HEADINGS.iter().any(|word| same_ignoring_case(heading, word))
}

/// The most characters one of [`LIST_HEADINGS`] has.
const LIST_HEADING_CHARS: usize = 13;

/// True for a short Chinese label (at most eight ideographs, one phrase),
/// such as a column rubric (城市更新进行时).
pub fn is_short_label(line: &str) -> bool {
    let line = line.trim();
    han_count(line) <= 8 && !line.contains(char::is_whitespace)
}

/// Chinese front-page headlines are set large and rarely run past twenty
/// characters on a line. A longer title line made of four or more spaced
/// phrases is a headline and its subheadline that OCR read as one line.
/// Returns where the subheadline starts: after the most phrases that still
/// leave the headline shorter than the subheadline (the larger type holds
/// fewer characters).
pub fn run_together_split(line: &str) -> Option<(usize, usize)> {
    let phrases: Vec<(usize, &str)> = line
        .split(' ')
        .scan(0usize, |offset, phrase| {
            let start = *offset;
            *offset += phrase.len() + 1;
            Some((start, phrase))
        })
        .filter(|(_, p)| !p.is_empty())
        .collect();
    let total: usize = phrases.iter().map(|(_, p)| han_count(p)).sum();
    let all_han = phrases.iter().all(|(_, p)| p.chars().any(is_han));
    if phrases.len() < 4 || total < 20 || !all_han {
        return None;
    }
    let mut head = 0;
    let mut best = None;
    for k in 1..phrases.len() {
        head += han_count(phrases[k - 1].1);
        if head < total - head {
            best = Some(k);
        }
    }
    let k = best?;
    let (prev_start, prev) = phrases[k - 1];
    Some((prev_start + prev.len(), phrases[k].0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_headings_are_counted_right() {
        assert_eq!(LIST_HEADINGS.iter().map(|w| w.chars().count()).max(), Some(LIST_HEADING_CHARS));
        assert!(is_list_heading("«TODAY'S PAPER»"));
        assert!(!is_list_heading("Today's paper is late"));
    }

    #[test]
    fn english_capitals() {
        assert_eq!(capitals("DIFFERENCES NOT PERSONAL"), Some(Capitals::All));
        assert_eq!(capitals("The Duty of a Friend"), Some(Capitals::Title));
        assert_eq!(capitals("Do You Want War?"), Some(Capitals::Title));
        assert_eq!(capitals("THREATENED FROM ANY QUARTER, that"), None);
        assert_eq!(capitals("The Presidents vpreparedness program is"), None);
        assert_eq!(capitals("the Duty of a Friend"), None);
        assert_eq!(capitals("\"1916 WAR\""), Some(Capitals::All));
        assert_eq!(capitals("١ WAR"), Some(Capitals::All));
        assert_eq!(capitals("会议 WAR"), None);
    }

    #[test]
    fn dangling_words() {
        assert!(ends_with_dangling_word("GO TO WAR FOR THE ENFORCEMENT OF"));
        assert!(!ends_with_dangling_word("PHILIPPINE PROMISE KEPT"));
    }

    #[test]
    fn lead_ins_dashes_crossheads_lists() {
        assert!(is_lead_in("章旭升在调研南苑区块城中村改造工作时指出"));
        assert!(!is_lead_in("一鼓作气 聚力突破 确保按期完成既定目标任务"));
        assert!(has_subheadline_dash("——北三环两路两侧环境整治显成效"));
        assert!(is_crosshead("一、坚持人民至上"));
        assert!(is_crosshead("（二）强化监督"));
        assert!(!is_crosshead("一鼓作气"));
        assert!(is_list_heading("CONTENTS"));
        assert!(is_list_heading("本期导读"));
    }

    #[test]
    fn crossheads_by_hand() {
        for line in ["十二．结语", "三.", "　　二、", "(12)", "（十）", "（３）", "12、", "１２．"]
        {
            assert!(is_crosshead(line), "{line:?}");
        }
        for line in ["、", "()", "123、", "1.", "2022年", "一二三"] {
            assert!(!is_crosshead(line), "{line:?}");
        }
    }

    #[test]
    fn list_headings_between_marks() {
        for line in ["  Contents  ", "--INDEX--", "In This Issue:", "【本期导读】", "«Today's Paper»"]
        {
            assert!(is_list_heading(line), "{line:?}");
        }
        for line in ["Contents of the box", "_contents_", "contents1", "Contents é", "本期导读文章"] {
            assert!(!is_list_heading(line), "{line:?}");
        }
    }

    #[test]
    fn lead_ins_end_in_a_colon_or_a_verb_of_saying() {
        assert!(is_lead_in("会议期间：　"));
        assert!(is_lead_in("He said:"));
        assert!(!is_lead_in("说明书"));
        assert!(has_subheadline_dash("　——记者手记"));
        assert!(has_subheadline_dash("-- and more"));
        assert!(!has_subheadline_dash("- 3 -"));
    }

    #[test]
    fn short_labels() {
        assert!(is_short_label("城市更新进行时"));
        assert!(!is_short_label("城市更新的口子 断不会开"));
    }

    #[test]
    fn run_together_titles_split_before_the_longer_half() {
        let line = "城市窗口增颜值 添气质 北三环 两路两侧 环境整治显成效";
        let (head_end, sub_start) = run_together_split(line).unwrap();
        assert_eq!(&line[..head_end], "城市窗口增颜值 添气质");
        assert_eq!(&line[sub_start..], "北三环 两路两侧 环境整治显成效");
    }

    #[test]
    fn ordinary_titles_are_not_split() {
        assert_eq!(run_together_split("一鼓作气 聚力突破 确保按期完成既定目标任务"), None);
        assert_eq!(run_together_split("稳经济 促发展 保民生 惠民生"), None);
    }
}
