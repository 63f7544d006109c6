//! Typographic and language cues that hold for newspapers in general, one
//! file per family. Each is a pure function of one line (or paragraph) of
//! text; [`super`] weighs them together with the line's context.

pub mod advertisement;
pub mod byline;
pub mod caption;
pub mod closing;
pub mod dateline;
pub mod debris;
pub mod furniture;
pub mod masthead;
pub mod punctuation;
pub mod title;

/// A regular expression compiled once, on first use.
///
/// Patterns run on every line of large editions: English word boundaries
/// are written `(?-u:\b)`, since a Unicode `\b` forces the regex engine off
/// its fast DFA on any line with a Chinese character.
macro_rules! regex {
    ($pattern:expr) => {{
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(&$crate::segment::cues::compact($pattern)).expect("a valid built-in pattern")
        });
        &*RE
    }};
}
pub(crate) use regex;

/// The ideographs newspapers print, as class ranges: CJK Unified
/// Ideographs and Extension A, and the compatibility block.
const HAN: &str = r"\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}";

/// Digits as OCR writes them: ASCII and full-width.
const DIGITS: &str = "0-9０-９";

/// A pattern with its Unicode classes narrowed to what newspaper text
/// needs: `\p{Han}` to the ideograph blocks, `\d` to ASCII and full-width
/// digits, `\w` to those, ASCII letters and ideographs. Unicode's full classes compile to
/// automata many times larger, and compiling them was most of the time a
/// one-page `copydesk split` took.
pub fn compact(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    out.push(c);
                    break;
                };
                let class = match next {
                    'd' => Some(DIGITS.to_owned()),
                    'w' => Some(format!("{DIGITS}A-Za-z_{HAN}")),
                    'p' if chars.peek() == Some(&'{') => {
                        let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                        if name == "{Han" {
                            Some(HAN.to_owned())
                        } else {
                            out.push_str(&format!("\\p{name}}}"));
                            None
                        }
                    }
                    _ => {
                        out.push(c);
                        out.push(next);
                        None
                    }
                };
                if let Some(class) = class {
                    if in_class {
                        out.push_str(&class);
                    } else {
                        out.push_str(&format!("[{class}]"));
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal.
                if chars.peek() == Some(&'^') {
                    out.extend(chars.next());
                }
                if chars.peek() == Some(&']') {
                    out.extend(chars.next());
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::compact;

    #[test]
    fn classes_are_narrowed_inside_and_outside_brackets() {
        assert_eq!(compact(r"\d+"), "[0-9０-９]+");
        assert_eq!(compact(r"[\p{Han}\d]{2}"), format!("[{}0-9０-９]{{2}}", super::HAN));
        assert_eq!(compact(r"\p{Han}"), format!("[{}]", super::HAN));
        assert_eq!(compact(r"\p{Lu}\.\s"), r"\p{Lu}\.\s");
        assert_eq!(compact(r"[^]\d]"), "[^]0-9０-９]");
    }
}
