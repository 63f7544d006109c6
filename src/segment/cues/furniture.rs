//! Page furniture that can stand anywhere on a page: page numbers, the
//! editors' credit line Chinese papers print on every page (责任编辑), and
//! jump lines that send the reader to another page (转第2版, Continued on).

use super::{is_digit, regex, simple};
use crate::text::script::wider_than;

/// Longest line (in display columns) judged as furniture.
pub const MAX_WIDTH: usize = 48;

/// True when the line is page furniture rather than part of an article.
pub fn is_furniture(line: &str) -> bool {
    !wider_than(line, MAX_WIDTH) && is_narrow_furniture(line)
}

/// [`is_furniture`] for a line known to be at most [`MAX_WIDTH`] columns
/// wide (see [`super::byline::is_narrow_byline`]).
pub fn is_narrow_furniture(line: &str) -> bool {
    // English furniture always has a number in it and Chinese furniture
    // ideographs: plain English text is passed over without a search.
    if !line.bytes().any(|b| b.is_ascii_digit() || !b.is_ascii()) {
        return false;
    }
    is_page_number(line) || is_credit_line(line) || is_jump_line(line) || is_english_furniture(line)
}

/// The rules printed either side of a page number: - 3 -, ·12·.
const RULES: [char; 5] = ['-', '—', '–', '·', '•'];

/// True for a page number alone on its line: 3, - 3 -, A3, 第2版, ·12·.
///
/// Read by hand, piece by piece from the left: no piece can take what the
/// next one needs, so there is nothing to backtrack over.
fn is_page_number(line: &str) -> bool {
    let rest = line.trim_start().trim_start_matches(RULES).trim_start();
    let rest = rest.strip_prefix('第').map_or(rest, str::trim_start);
    let rest = rest.strip_prefix(|c: char| c.is_ascii_uppercase()).unwrap_or(rest);
    let number = rest.chars().take_while(|&c| is_digit(c)).count();
    if !(1..=3).contains(&number) {
        return false;
    }
    let rest = rest[rest.char_indices().nth(number).map_or(rest.len(), |(at, _)| at)..].trim_start();
    let rest = rest.strip_prefix(['版', '页']).unwrap_or(rest);
    rest.trim_start().trim_start_matches(RULES).trim().is_empty()
}

/// The jobs named on a Chinese page's credit line, in simplified form
/// (either form counts; see [`simple`]).
const CREDITS: [&str; 17] = [
    "责任编辑",
    "责任校对",
    "值班主任",
    "总编辑",
    "主编",
    "责编",
    "编辑",
    "美编",
    "美术编辑",
    "校对",
    "版式",
    "版式设计",
    "组版",
    "审读",
    "签发",
    "值班编委",
    "本版编辑",
];

/// True for the editors' credit line: it opens with a job, then a colon or
/// a space (责任编辑：张三, 責編 李四), or names a job so after the page's
/// header (A02 要闻  责编 张三  美编 李四).
fn is_credit_line(line: &str) -> bool {
    let names_at = |text: &str| {
        CREDITS.iter().any(|job| {
            let mut chars = text.chars();
            job.chars().all(|j| chars.next().map(simple) == Some(j))
                && chars.next().is_some_and(|c| c == ':' || c == '：' || c.is_whitespace())
        })
    };
    let line = line.trim_start();
    // After white space or a rule: a job inside a word (担任编辑) is not one.
    names_at(line)
        || line
            .char_indices()
            .filter(|&(_, c)| c.is_whitespace() || c == '|' || c == '｜')
            .any(|(at, c)| names_at(line[at + c.len_utf8()..].trim_start()))
}

/// True for a Chinese jump line: 上接第1版, （下转第3版）, 转12版.
fn is_jump_line(line: &str) -> bool {
    // Every jump names a 版 and says 转 or 接.
    line.contains('版')
        && line.contains(['转', '接'])
        && regex!(r"(?:上接|下转|转第|接第|转\s*\d+\s*版).{0,8}版").is_match(line)
}

/// True for English furniture: a page number, or a jump (Continued on Page
/// 4, See Sports, Page 3), with a section's letter where the paper has
/// sections (Page A6, See BUDGET, A6, BUDGET | From A1).
fn is_english_furniture(line: &str) -> bool {
    // Each names a page, sends the reader on, or says where from.
    const WORDS: [&[u8]; 4] = [b"page", b"see ", b"continued", b"from "];
    let bytes = line.as_bytes();
    let names_one = WORDS.iter().any(|word| bytes.windows(word.len()).any(|w| w.eq_ignore_ascii_case(word)));
    names_one
        && regex!(concat!(
            r"(?i:^\s*page\s+[A-Z]?\d+\s*$)|(?i:continued\s+(?:on|from)\s+(?:page\s+)?[A-Z]?\d)|",
            r"(?i:^\s*(?:please\s+)?see\s.{0,40}(?-u:\b)page\s+[A-Z]?\d+)|",
            // Without the word page, only a section's page: a capital and
            // one or two digits, ending the line (See BUDGET, A6; From A1).
            r"^\s*(?i:please\s+)?(?i:see)\s.{0,40}[\s,|:—–-][A-Z]\d{1,2}\s*$|",
            r"(?:^|[\s,|:—–-])(?i:from)\s+[A-Z]\d{1,2}\s*$"
        ))
        .is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_credits_and_jumps() {
        for line in
            ["- 3 -", "A3", "第2版", "Page 12", "责任编辑：张三", "（下转第3版）", "Continued on Page 4"]
        {
            assert!(is_furniture(line), "{line:?}");
        }
    }

    #[test]
    fn jumps_of_papers_with_sections() {
        for line in [
            "See BUDGET, Page A6",
            "See BUDGET, A6",
            "Please see STORM on B2",
            "Continued from Page A1",
            "Continued on A6",
            "BUDGET | From A1",
            "STORM, from A1",
            "Page B3",
        ] {
            assert!(is_furniture(line), "{line:?}");
        }
        for line in
            ["See you in 2025", "Rooms from $40", "from A1 to B2 in the plan", "Seeds from A1 Farms sold"]
        {
            assert!(!is_furniture(line), "{line:?}");
        }
    }

    #[test]
    fn page_numbers_by_hand() {
        for line in ["3", " - 12 - ", "·12·", "第 2 版", "A3", "１２页", "— 7", "第A12版 —"] {
            assert!(is_page_number(line), "{line:?}");
        }
        for line in ["1234", "- - 3", "3 3", "第版", "AB3", "3版版", "3 页 x", ""] {
            assert!(!is_page_number(line), "{line:?}");
        }
    }

    #[test]
    fn credit_lines_in_either_form() {
        for line in ["责任编辑：张三", "　責任編輯 李四", "版式设计:王五", "本版编辑\t赵六"]
        {
            assert!(is_credit_line(line), "{line:?}");
        }
        for line in ["A02 要闻  责编 张三  美编 李四", "第3版 要闻 | 值班主任：赵六"] {
            assert!(is_credit_line(line), "{line:?}");
        }
        for line in ["编辑部的故事", "责任编辑", "编 辑：张三", "他担任编辑 多年"] {
            assert!(!is_credit_line(line), "{line:?}");
        }
    }

    #[test]
    fn text_is_not_furniture() {
        for line in ["表率。", "Do You Want War?", "编辑部的故事", "said :"] {
            assert!(!is_furniture(line), "{line:?}");
        }
    }
}
