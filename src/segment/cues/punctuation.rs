//! Sentence-ending punctuation: the strongest cue for running text. Body
//! paragraphs end with a full stop (。 . ! ?), headlines almost never do.

/// Closing quotes and brackets that may follow the final punctuation.
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', '）', '」', '』', '】', '》', ']', '〕', '*'];

/// Punctuation that ends a sentence in Chinese or English.
const TERMINALS: &[char] = &['。', '！', '？', '.', '!', '?', '…', '｡'];

/// Question and exclamation marks, which headlines may end with.
const TITLE_TERMINALS: &[char] = &['!', '?', '！', '？'];

/// Marks a paragraph can trail off with while the sentence goes on.
const CONTINUING: &[char] = &[',', '，', '、', ';', '；', '-', '‐', '(', '（', '“', '"'];

fn trim_end(line: &str) -> &str {
    line.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// True when the line ends a sentence, allowing closing quotes after the
/// stop and the Chinese end mark (完).
pub fn ends_sentence(line: &str) -> bool {
    let line = trim_end(line);
    if line.ends_with("(完)") || line.ends_with("（完）") {
        return true;
    }
    line.trim_end_matches(CLOSERS).ends_with(TERMINALS)
}

/// True when the line ends in a question or exclamation mark, which a
/// headline may carry ("Do You Want War?").
pub fn ends_with_title_mark(line: &str) -> bool {
    trim_end(line).trim_end_matches(CLOSERS).ends_with(TITLE_TERMINALS)
}

/// True when the line visibly trails off mid-sentence: a comma, a
/// semicolon, a hyphen, an opening bracket or quote.
pub fn ends_continuing(line: &str) -> bool {
    trim_end(line).ends_with(CONTINUING)
}

/// True when the first letter of the line is a lower-case Latin letter:
/// text continuing a sentence begun elsewhere.
pub fn starts_lowercase(line: &str) -> bool {
    line.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_lowercase())
}

/// True when the line opens with a paragraph indent: two blanks or an
/// ideographic space, as Chinese body text is set.
pub fn starts_indented(line: &str) -> bool {
    line.starts_with('\u{3000}') || line.starts_with("  ") || line.starts_with('\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_stops_end_sentences_in_both_scripts() {
        assert!(ends_sentence("会议强调要全面加强党的政治建设。"));
        assert!(ends_sentence("object of love is to serve, not to win.\""));
        assert!(ends_sentence("他说:“这是我应该做的。”"));
        assert!(ends_sentence("新闻发布会结束(完)"));
        assert!(!ends_sentence("理应带头做"));
        assert!(!ends_sentence("not those mercenary friends who flock around"));
    }

    #[test]
    fn title_marks_are_questions_and_exclamations() {
        assert!(ends_with_title_mark("Do You Want War?"));
        assert!(ends_with_title_mark("口子断不能开！"));
        assert!(!ends_with_title_mark("It ended."));
    }

    #[test]
    fn continuing_marks() {
        assert!(ends_continuing("THREATENED FROM ANY QUARTER,"));
        assert!(ends_continuing("各镇(街道、"));
        assert!(!ends_continuing("城市更新进行时"));
    }

    #[test]
    fn lowercase_start_skips_quotes() {
        assert!(starts_lowercase("him foi pecuniary favors"));
        assert!(starts_lowercase("\"murmuring\" of the"));
        assert!(!starts_lowercase("He had heard"));
        assert!(!starts_lowercase("本报讯"));
    }

    #[test]
    fn indents() {
        assert!(starts_indented("\u{3000}\u{3000}本报讯"));
        assert!(!starts_indented("本报讯"));
    }
}
