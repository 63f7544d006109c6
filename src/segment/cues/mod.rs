//! Typographic and language cues that hold for newspapers in general, one
//! file per family. Each is a pure function of one line (or paragraph) of
//! text; [`super`] weighs them together with the line's context.

pub mod advertisement;
pub mod byline;
pub mod caption;
pub mod chinese_dateline;
pub mod closing;
pub mod dateline;
pub mod debris;
pub mod furniture;
pub mod masthead;
pub mod pattern;
pub mod punctuation;
pub mod title;

/// A cue's regular expression, compiled once, on first use, into a
/// [`pattern::Pattern`] (a forward lazy DFA: cues ask whether a line
/// matches, never where a match starts).
///
/// Patterns run on every line of large editions: English word boundaries
/// are written `(?-u:\b)`, since a Unicode `\b` forces the regex engine off
/// its fast DFA on any line with a Chinese character.
///
/// The macro gives the `LazyLock` itself, not the compiled expression:
/// `let english = regex!(..)` compiles nothing, and the expression is
/// compiled when a line first gets past the cheap gates in front of it.
/// Compiling costs tens of microseconds for the smallest expression, far
/// more than matching a page's lines.
macro_rules! regex {
    ($pattern:expr) => {{
        static RE: std::sync::LazyLock<$crate::segment::cues::pattern::Pattern> =
            std::sync::LazyLock::new(|| {
                $crate::segment::cues::pattern::Pattern::new(&$crate::segment::cues::compact($pattern))
            });
        &RE
    }};
}
pub(crate) use regex;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// The ideographs newspapers print, as class ranges: CJK Unified
/// Ideographs and Extension A, and the compatibility block.
const HAN: &str = r"\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}";

/// Digits as OCR writes them: ASCII and full-width.
const DIGITS: &str = "0-9０-９";

/// True for a digit as OCR writes it, ASCII or full-width: what `\d`
/// means in the cues' expressions (see [`compact`]).
pub(crate) fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '０'..='９')
}

/// True when `text` is `word` (lower case) in any case, compared as `(?i)`
/// compares in an expression: besides ASCII's two cases, Unicode folds the
/// Kelvin sign (K) onto k and the long s (ſ) onto s.
pub(crate) fn same_ignoring_case(text: &str, word: &str) -> bool {
    let fold = |c: char| match c {
        '\u{212A}' => 'k',
        'ſ' => 's',
        c => c.to_ascii_lowercase(),
    };
    text.chars().map(fold).eq(word.chars())
}

/// Traditional characters of the words the hand-matched cues look for, with
/// their simplified forms. Papers in Taiwan and Hong Kong, and OCR of old
/// pages, print the traditional ones.
const TRADITIONAL: [(char, char); 44] = [
    ('記', '记'),
    ('訊', '讯'),
    ('員', '员'),
    ('評', '评'),
    ('論', '论'),
    ('實', '实'),
    ('習', '习'),
    ('熱', '热'),
    ('線', '线'),
    ('電', '电'),
    ('話', '话'),
    ('責', '责'),
    ('編', '编'),
    ('輯', '辑'),
    ('術', '术'),
    ('對', '对'),
    ('設', '设'),
    ('計', '计'),
    ('組', '组'),
    ('審', '审'),
    ('讀', '读'),
    ('簽', '签'),
    ('發', '发'),
    ('農', '农'),
    ('曆', '历'),
    ('辦', '办'),
    ('號', '号'),
    ('郵', '邮'),
    ('氣', '气'),
    ('雲', '云'),
    ('陰', '阴'),
    ('轉', '转'),
    ('陣', '阵'),
    ('東', '东'),
    ('風', '风'),
    ('傳', '传'),
    ('戶', '户'),
    ('眾', '众'),
    ('維', '维'),
    ('碼', '码'),
    ('掃', '扫'),
    ('網', '网'),
    ('時', '时'),
    ('報', '报'),
];

/// The simplified form of a character in [`TRADITIONAL`], or the
/// character itself.
pub(crate) fn simple(c: char) -> char {
    TRADITIONAL.iter().find(|&&(t, _)| t == c).map_or(c, |&(_, s)| s)
}

/// Every form of `words`, written in simplified characters, that an
/// expression's `[记記]者` would find, one character at a time: 通訊员
/// counts as 通讯员. For [`words_automaton`].
///
/// Only the characters in [`TRADITIONAL`] have a second form here: a word
/// must not hold any other character whose traditional form should count.
pub(crate) fn either_form(words: &[&str]) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for word in words {
        let mut forms = vec![String::new()];
        for c in word.chars() {
            let traditional = TRADITIONAL.iter().find(|&&(_, s)| s == c).map(|&(t, _)| t);
            forms = forms
                .iter()
                .flat_map(|form| std::iter::once(c).chain(traditional).map(move |x| format!("{form}{x}")))
                .collect();
        }
        all.extend(forms);
    }
    all
}

/// An automaton finding any of `words` in one pass, where a `contains`
/// per word cost more on long Chinese pages than the expression it
/// replaced. `kind` trades building against searching: a DFA for words
/// looked for in every line, a contiguous NFA (built several times faster)
/// for words looked for in a few short lines.
pub(crate) fn words_automaton<I, P>(words: I, kind: AhoCorasickKind) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder().kind(Some(kind)).build(words).expect("a few built-in words make a small automaton")
}

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
    use super::{compact, either_form, same_ignoring_case, simple, words_automaton};
    use aho_corasick::AhoCorasickKind;

    #[test]
    fn case_is_ignored_as_expressions_ignore_it() {
        assert!(same_ignoring_case("Today's Paper", "today's paper"));
        assert!(same_ignoring_case("INſIDE", "inside"));
        assert!(same_ignoring_case("\u{212A}", "k"));
        assert!(!same_ignoring_case("Today’s Paper", "today's paper"));
        assert!(!same_ignoring_case("Contents ", "contents"));
    }

    #[test]
    fn words_are_found_in_either_form() {
        let words = words_automaton(either_form(&["记者", "通讯员"]), AhoCorasickKind::DFA);
        assert!(words.is_match("本报记者 张三"));
        assert!(words.is_match("本報記者 張三"));
        assert!(words.is_match("通訊员 李四"));
        assert!(!words.is_match("记 者"));
        assert!(!words.is_match("通讯"));
        assert_eq!(simple('報'), '报');
        assert_eq!(simple('报'), '报');
    }

    #[test]
    fn classes_are_narrowed_inside_and_outside_brackets() {
        assert_eq!(compact(r"\d+"), "[0-9０-９]+");
        assert_eq!(compact(r"[\p{Han}\d]{2}"), format!("[{}0-9０-９]{{2}}", super::HAN));
        assert_eq!(compact(r"\p{Han}"), format!("[{}]", super::HAN));
        assert_eq!(compact(r"\p{Lu}\.\s"), r"\p{Lu}\.\s");
        assert_eq!(compact(r"[^]\d]"), "[^]0-9０-９]");
    }
}
