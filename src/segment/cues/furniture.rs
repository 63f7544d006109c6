//! Page furniture that can stand anywhere on a page: page numbers, the
//! editors' credit line Chinese papers print on every page (责任编辑), and
//! jump lines that send the reader to another page (转第2版, Continued on).

use super::regex;
use crate::text::script::wider_than;

/// Longest line (in display columns) judged as furniture.
const MAX_WIDTH: usize = 48;

/// True when the line is page furniture rather than part of an article.
pub fn is_furniture(line: &str) -> bool {
    if wider_than(line, MAX_WIDTH) {
        return false;
    }
    // English furniture always has a number in it and Chinese furniture
    // ideographs: plain English text is passed over without a search.
    if !line.bytes().any(|b| b.is_ascii_digit() || !b.is_ascii()) {
        return false;
    }
    // One pattern, one pass: page numbers, credit lines, jump lines.
    let furniture = regex!(concat!(
        r"^\s*[-—–·•]*\s*(?:第\s*)?[A-Z]?\d{1,3}\s*(?:版|页)?\s*[-—–·•]*\s*$|(?i:^\s*page\s+\d+\s*$)|",
        r"^\s*(?:[责責]任[编編][辑輯]|[责責][编編]|[编編][辑輯]|美[编編]|美[术術][编編][辑輯]|校[对對]|版式|版式[设設][计計]|",
        r"[组組]版|[审審][读讀]|[签簽][发發]|值班[编編]委|本版[编編][辑輯])\s*[:：\s]|",
        r"(?:上接|下转|转第|接第|转\s*\d+\s*版).{0,8}版|(?i:continued\s+(?:on|from)\s+page)|(?i:^\s*see\s.{0,40}(?-u:\b)page\s+\d+)"
    ));
    furniture.is_match(line)
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
    fn text_is_not_furniture() {
        for line in ["表率。", "Do You Want War?", "编辑部的故事", "said :"] {
            assert!(!is_furniture(line), "{line:?}");
        }
    }
}
