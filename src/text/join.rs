//! Joining the lines of one paragraph back into running text.
//!
//! Newspapers break lines at column ends. Rejoining follows each script's
//! convention: Chinese and Japanese lines join with nothing between them;
//! Latin lines join with one space, except where a word was hyphenated at the
//! line end (`impor-` + `tant` becomes `important`, while `anti-` + `Nazi`
//! keeps its hyphen because a capital shows the hyphen was real).

use super::script::{is_mostly_spaceless, is_spaceless};

/// Joins the lines of one paragraph, trimming each and skipping blank ones.
///
/// ```
/// use copydesk::text::join_lines;
/// assert_eq!(join_lines(["the impor-", "tant news"]), "the important news");
/// assert_eq!(join_lines(["理应带头做", "表率。"]), "理应带头做表率。");
/// ```
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut previous_spaceless = false;
    for line in lines {
        let line = line.trim_matches(is_layout_space);
        if line.is_empty() {
            continue;
        }
        let spaceless = is_mostly_spaceless(line);
        if !out.is_empty() {
            // Between lines of Chinese text nothing is inserted, even where
            // the break fell inside a number or a Latin word ("项目4" + "3个").
            if previous_spaceless || spaceless {
                mend_hyphen_only(&mut out, line);
            } else {
                push_joint(&mut out, line);
            }
        }
        out.push_str(line);
        previous_spaceless = spaceless;
    }
    out
}

/// In Chinese text a Latin word broken with a hyphen is still mended.
fn mend_hyphen_only(out: &mut String, next: &str) {
    let mut tail = out.chars().rev();
    let (last, before_last) = (tail.next(), tail.next());
    let first = next.chars().next();
    if last == Some('-')
        && before_last.is_some_and(|c| c.is_ascii_alphabetic())
        && first.is_some_and(|c| c.is_ascii_lowercase())
    {
        out.pop();
    }
}

/// White space that only served layout: ASCII blanks and the ideographic
/// space Chinese papers indent paragraphs with.
fn is_layout_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Prepares `out` for `next` to be appended: drops a soft hyphen, or adds the
/// single space Latin text needs, or nothing.
fn push_joint(out: &mut String, next: &str) {
    let mut tail = out.chars().rev();
    let last = tail.next().unwrap_or(' ');
    let before_last = tail.next().unwrap_or(' ');
    let first = next.chars().next().unwrap_or(' ');

    if last == '-' && before_last.is_alphabetic() {
        if first.is_lowercase() {
            out.pop(); // a word broken at the column end: `impor-` + `tant`
        }
        return; // a real hyphen (`anti-` + `Nazi`): keep it, add no space
    }
    if matches!(last, '—' | '–') && !before_last.is_whitespace() {
        return; // an em dash hugging its word runs into the next line
    }
    if is_spaceless(last) || is_spaceless(first) {
        return;
    }
    out.push(' ');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_lines_join_without_space() {
        assert_eq!(join_lines(["今年3月底", "启动政策制定工作。"]), "今年3月底启动政策制定工作。");
    }

    #[test]
    fn latin_lines_join_with_one_space() {
        assert_eq!(join_lines(["the big  ", "  papers"]), "the big papers");
    }

    #[test]
    fn hyphenated_word_is_mended() {
        assert_eq!(join_lines(["an impor-", "tant vote"]), "an important vote");
    }

    #[test]
    fn hyphen_before_capital_is_kept() {
        assert_eq!(join_lines(["the trans-", "Atlantic trade"]), "the trans-Atlantic trade");
    }

    #[test]
    fn spaced_dash_keeps_its_space() {
        assert_eq!(join_lines(["a war —", "and more"]), "a war — and more");
        assert_eq!(join_lines(["a war—", "and more"]), "a war—and more");
    }

    #[test]
    fn ideographic_indent_and_blank_lines_are_dropped() {
        assert_eq!(join_lines(["\u{3000}\u{3000}正文", "", "继续。"]), "正文继续。");
    }

    #[test]
    fn numbers_broken_inside_chinese_text_join_without_space() {
        assert_eq!(
            join_lines(["新签约亿元以上项目4", "3个,总投资达386亿元。"]),
            "新签约亿元以上项目43个,总投资达386亿元。"
        );
    }

    #[test]
    fn mixed_line_ends_with_latin_then_cjk() {
        assert_eq!(join_lines(["发布了iPhone", "新机型"]), "发布了iPhone新机型");
    }
}
