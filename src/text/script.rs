//! Which writing system a character or a line belongs to, as far as layout
//! cares: scripts written without spaces between words (Chinese, Japanese,
//! Thai) join differently from scripts that separate words with spaces.

use unicode_width::UnicodeWidthStr;

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

/// True when most of the line's letters are Han, Kana or Thai, so that CJK
/// conventions (no spaces, full-width punctuation) apply to it.
pub fn is_mostly_spaceless(line: &str) -> bool {
    let (mut spaceless, mut other) = (0usize, 0usize);
    for c in line.chars() {
        if is_spaceless(c) && c.is_alphabetic() {
            spaceless += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    spaceless > 0 && spaceless >= other
}

/// Display width in terminal columns: a Han character counts two, a Latin
/// letter one. Line lengths are compared in these units so that Chinese and
/// English pages share one notion of "a short line".
pub fn display_width(line: &str) -> usize {
    line.width()
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
    fn width_counts_han_double() {
        assert_eq!(display_width("永康日报"), 8);
        assert_eq!(display_width("News"), 4);
    }
}
