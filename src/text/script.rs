//! Which writing system a character or a line belongs to, as far as layout
//! cares: scripts written without spaces between words (Chinese, Japanese,
//! Thai) join differently from scripts that separate words with spaces.

use unicode_width::UnicodeWidthChar;

/// True for characters of scripts that put no space between words, and for
/// the full-width punctuation set with them. Hangul is deliberately absent:
/// Korean separates words with spaces.
pub fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF     // CJK radicals
        | 0x3000..=0x303F   // CJK symbols and punctuation (、。「」)
        | 0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0xFE30..=0xFE4F   // CJK compatibility forms
        | 0xFF00..=0xFF60   // full-width ASCII variants (，！？（）)
        | 0x0E00..=0x0E7F   // Thai
        | 0x20000..=0x3FFFF // CJK extensions B and later
    )
}

/// True for Han ideographs only (not punctuation, not kana).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// True for the letters (not the punctuation) of spaceless scripts: Han,
/// Kana and Thai.
fn is_spaceless_letter(c: char) -> bool {
    is_han(c) || matches!(c as u32, 0x3041..=0x30FA | 0x0E01..=0x0E4E)
}

/// How many characters [`is_mostly_spaceless`] looks at: a line's script
/// shows in its first words, and long paragraphs need not be read through.
const SCRIPT_SAMPLE: usize = 256;

/// True when most of the line's letters are Han, Kana or Thai, so that CJK
/// conventions (no spaces, full-width punctuation) apply to it.
pub fn is_mostly_spaceless(line: &str) -> bool {
    // No letter of a spaceless script is ASCII; the check is vectorised.
    if line.is_ascii() {
        return false;
    }
    let mut letters = Letters::default();
    line.chars().take(SCRIPT_SAMPLE).for_each(|c| letters.count(c));
    letters.mostly_spaceless()
}

/// Letters counted by script: spaceless ones (Han, Kana, Thai) and others.
#[derive(Default)]
struct Letters {
    spaceless: usize,
    other: usize,
}

impl Letters {
    fn count(&mut self, c: char) {
        if c.is_ascii() {
            self.other += usize::from(c.is_ascii_alphabetic());
        } else if is_spaceless_letter(c) {
            self.spaceless += 1;
        } else if c.is_alphabetic() {
            self.other += 1;
        }
    }

    fn mostly_spaceless(&self) -> bool {
        self.spaceless > 0 && self.spaceless >= self.other
    }
}

/// Display width in terminal columns: a Han character counts two, a Latin
/// letter one. Line lengths are compared in these units so that Chinese and
/// English pages share one notion of "a short line".
pub fn display_width(line: &str) -> usize {
    line.chars().map(char_width).sum()
}

/// What one pass over a line tells about its script and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// Display width in columns (see [`display_width`]).
    pub width: usize,
    /// True when most letters are Han, Kana or Thai (see [`is_mostly_spaceless`]).
    pub spaceless: bool,
}

/// Measures width and script together, reading the line once.
pub fn profile(line: &str) -> Profile {
    if line.is_ascii() {
        // Most English lines: byte counts, which the compiler vectorises.
        let width = line.bytes().filter(|b| !b.is_ascii_control()).count();
        return Profile { width, spaceless: false };
    }
    let (mut width, mut letters) = (0, Letters::default());
    for c in line.chars() {
        width += char_width(c);
        letters.count(c);
    }
    Profile { width, spaceless: letters.mostly_spaceless() }
}

/// True when the line is wider than `limit` columns; stops reading as soon
/// as it knows, so that rejecting a long paragraph costs almost nothing.
pub fn wider_than(line: &str, limit: usize) -> bool {
    let mut width = 0;
    line.chars().any(|c| {
        width += char_width(c);
        width > limit
    })
}

/// One character's width, with fast paths for ASCII and Han, which make up
/// nearly all newspaper text.
fn char_width(c: char) -> usize {
    if c.is_ascii() {
        usize::from(!c.is_ascii_control())
    } else if is_han(c) {
        2
    } else {
        c.width().unwrap_or(0)
    }
}

/// Counts the Han characters of a line.
pub fn han_count(line: &str) -> usize {
    line.chars().filter(|&c| is_han(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_spaceless_korean_and_latin_are_not() {
        assert!(is_spaceless('永'));
        assert!(is_spaceless('，'));
        assert!(is_spaceless('。'));
        assert!(!is_spaceless('한'));
        assert!(!is_spaceless('a'));
    }

    #[test]
    fn mostly_spaceless_counts_letters_only() {
        assert!(is_mostly_spaceless("本报讯(记者 张三) 11月4日"));
        assert!(!is_mostly_spaceless("The Duty of a Friend"));
        assert!(!is_mostly_spaceless("12 ~ 25"));
    }

    #[test]
    fn profile_agrees_with_the_separate_measures() {
        for line in ["本报讯(记者 张三) 11月4日", "The Duty of a Friend", "12 ~ 25", ""] {
            let p = profile(line);
            assert_eq!((p.width, p.spaceless), (display_width(line), is_mostly_spaceless(line)), "{line:?}");
        }
    }

    #[test]
    fn width_counts_han_double() {
        assert_eq!(display_width("永康日报"), 8);
        assert_eq!(display_width("News"), 4);
        assert!(wider_than("永康日报", 7) && !wider_than("永康日报", 8));
    }
}
