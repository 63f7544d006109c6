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
    let marks: &[()] = &[(); 0];
    join_marked(lines.into_iter().map(|line| (line, &marks[..0])), |()| ()).text
}

/// Text joined from lines, with one mark per character telling where it
/// came from (the marks the caller gave each line's characters, or the
/// joint mark for a space put in between).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined<T> {
    /// The joined text.
    pub text: String,
    /// One mark per `char` of `text`.
    pub marks: Vec<T>,
}

/// Joins lines as [`join_lines`] does, carrying a mark for each character.
///
/// Each line comes with the marks of its characters (one per `char`; an
/// empty slice when the caller needs none). A space put in between two lines
/// gets `joint(mark of the character before it)`.
pub fn join_marked<'a, T: Copy + 'a>(
    lines: impl IntoIterator<Item = (&'a str, &'a [T])>,
    joint: impl Fn(T) -> T,
) -> Joined<T> {
    let mut out = Joined { text: String::new(), marks: Vec::new() };
    let mut previous_spaceless = false;
    for (line, marks) in lines {
        let trimmed = line.trim_start_matches(is_layout_space);
        let skipped = line[..line.len() - trimmed.len()].chars().count();
        let trimmed = trimmed.trim_end_matches(is_layout_space);
        if trimmed.is_empty() {
            continue;
        }
        let spaceless = is_mostly_spaceless(trimmed);
        if !out.text.is_empty() {
            // Between lines of Chinese text nothing is inserted, even where
            // the break fell inside a number or a Latin word ("项目4" + "3个").
            let space = if previous_spaceless || spaceless {
                mend_hyphen_only(&mut out, trimmed)
            } else {
                push_joint(&mut out, trimmed)
            };
            if space {
                out.text.push(' ');
                if let Some(&last) = out.marks.last() {
                    out.marks.push(joint(last));
                }
            }
        }
        out.text.push_str(trimmed);
        if !marks.is_empty() {
            out.marks.extend_from_slice(&marks[skipped..skipped + trimmed.chars().count()]);
        }
        previous_spaceless = spaceless;
    }
    out
}

/// White space that only served layout: ASCII blanks and the ideographic
/// space Chinese papers indent paragraphs with.
fn is_layout_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Removes the last character of `out` (a hyphen that only broke a word).
fn pop<T>(out: &mut Joined<T>) {
    out.text.pop();
    out.marks.pop();
}

/// In Chinese text a Latin word broken with a hyphen is still mended; no
/// space is ever wanted.
fn mend_hyphen_only<T>(out: &mut Joined<T>, next: &str) -> bool {
    let mut tail = out.text.chars().rev();
    let (last, before_last) = (tail.next(), tail.next());
    let first = next.chars().next();
    if last == Some('-')
        && before_last.is_some_and(|c| c.is_ascii_alphabetic())
        && first.is_some_and(|c| c.is_ascii_lowercase())
    {
        pop(out);
    }
    false
}

/// Prepares `out` for `next`: drops a hyphen that only broke a word, and
/// says whether the single space Latin text needs goes in between.
fn push_joint<T>(out: &mut Joined<T>, next: &str) -> bool {
    let mut tail = out.text.chars().rev();
    let last = tail.next().unwrap_or(' ');
    let before_last = tail.next().unwrap_or(' ');
    let first = next.chars().next().unwrap_or(' ');

    if last == '-' && before_last.is_alphabetic() {
        if first.is_lowercase() {
            pop(out); // a word broken at the column end: `impor-` + `tant`
        }
        return false; // a real hyphen (`anti-` + `Nazi`): keep it, add no space
    }
    if matches!(last, '—' | '–') && !before_last.is_whitespace() {
        return false; // an em dash hugging its word runs into the next line
    }
    !(is_spaceless(last) || is_spaceless(first))
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
    fn marks_follow_their_characters_through_trims_hyphens_and_joints() {
        let first: Vec<usize> = (0..8).collect(); // " impor- " has 8 chars
        let second: Vec<usize> = (10..14).collect(); // "tant"
        let joined = join_marked([(" impor- ", &first[..]), ("tant", &second[..])], |m| m + 100);
        assert_eq!(joined.text, "important");
        assert_eq!(joined.marks, [1, 2, 3, 4, 5, 10, 11, 12, 13]);
        let joined = join_marked([("a", &[0usize][..]), ("b", &[5usize][..])], |m| m + 100);
        assert_eq!((joined.text.as_str(), joined.marks), ("a b", vec![0, 100, 5]));
    }

    #[test]
    fn mixed_line_ends_with_latin_then_cjk() {
        assert_eq!(join_lines(["发布了iPhone", "新机型"]), "发布了iPhone新机型");
    }
}
