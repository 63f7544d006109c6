//! OCR debris: what the recogniser made of illustrations, rules, ornaments
//! and smudges. It has no real words: tokens mix cases inside a word
//! (`tfhVthfnkn`), put digits among letters (`He4herefore`), lack vowels
//! (`jrw`), or are bare punctuation (`,,ja..`).
//!
//! Chinese debris is rarer and shows as lines without any ideograph, letter
//! or digit; lines that are mostly Han are never judged by word shape.

use super::regex;
use crate::text::script::is_mostly_spaceless;

/// How word-like a line is.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WordShape {
    /// Tokens that look like words, numbers or initials.
    pub good: usize,
    /// Tokens judged (dashes and ampersands are not).
    pub judged: usize,
    /// A token with a case change or digit inside a word: a strong sign.
    pub mangled: bool,
}

/// True when the line is OCR debris rather than text.
pub fn is_debris(line: &str) -> bool {
    is_symbol_soup(line) || !is_mostly_spaceless(line) && is_word_soup(line)
}

/// True for a non-empty line with no letter, digit or ideograph at all.
pub fn is_symbol_soup(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && !line.chars().any(char::is_alphanumeric)
}

/// True when a Latin line's tokens are mostly not words: too few letters
/// to be text, or fewer than half its tokens word-like. Lines of numbers
/// alone are page furniture's business, not debris.
pub fn is_word_soup(line: &str) -> bool {
    // Whether there are at least four letters is all that matters here.
    let letters = line.chars().filter(|c| c.is_alphabetic()).take(4).count();
    if letters == 0 {
        return false;
    }
    if letters < 4 && !line.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    if line.is_ascii() {
        mostly_junk(line.split_ascii_whitespace())
    } else {
        mostly_junk(line.split_whitespace())
    }
}

/// Word soup and doubtful quality of a Latin line, from one pass over its
/// tokens (the line model asks both of every line).
pub fn judge_latin(line: &str) -> (bool, bool) {
    let letters = line.chars().filter(|c| c.is_alphabetic()).take(4).count();
    let (shape, total) = judge_tokens(line);
    let soup = if letters == 0 {
        false
    } else if letters < 4 && !line.bytes().any(|b| b.is_ascii_digit()) {
        true
    } else {
        shape.good * 2 < total && shape.judged > 0 && shape.good * 2 < shape.judged
    };
    (soup, shape.is_doubtful())
}

/// Calls `f` with each token of `line` as `split_whitespace` gives them.
/// An ASCII line (nearly every line of an English page) is cut byte by
/// byte, without decoding characters; its white space is what
/// `char::is_whitespace` calls white space in ASCII, vertical tab included.
fn for_each_token<'a>(line: &'a str, mut f: impl FnMut(&'a str)) {
    if !line.is_ascii() {
        line.split_whitespace().for_each(f);
        return;
    }
    let mut start = None;
    for (at, b) in line.bytes().enumerate() {
        if matches!(b, b' ' | b'\t'..=b'\r') {
            if let Some(from) = start.take() {
                f(&line[from..at]);
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(from) = start {
        f(&line[from..]);
    }
}

/// True when fewer than half the tokens are word-like; stops judging as
/// soon as half are known to be words.
fn mostly_junk<'a>(tokens: impl Iterator<Item = &'a str> + Clone) -> bool {
    let total = tokens.clone().count();
    let mut shape = WordShape::default();
    for token in tokens {
        shape.add(judge_token(token));
        if shape.good * 2 >= total {
            return false;
        }
    }
    shape.judged > 0 && shape.good * 2 < shape.judged
}

/// True when the line is text of doubtful quality: worth absorbing into a
/// neighbouring run of debris, not worth calling debris on its own.
pub fn is_doubtful(line: &str) -> bool {
    !is_mostly_spaceless(line) && word_shape(line).is_doubtful()
}

impl WordShape {
    /// True when the tokens make text of doubtful quality (see
    /// [`is_doubtful`]).
    pub fn is_doubtful(&self) -> bool {
        self.mangled || (self.judged > 0 && self.good * 5 < self.judged * 4)
    }
}

/// Judges each whitespace-separated token of a Latin line.
pub fn word_shape(line: &str) -> WordShape {
    judge_tokens(line).0
}

/// The shape of a line's tokens and how many there are (judged or not),
/// counted as they are judged: one walk over the line.
fn judge_tokens(line: &str) -> (WordShape, usize) {
    let mut shape = WordShape::default();
    let mut total = 0;
    for_each_token(line, |token| {
        total += 1;
        shape.add(judge_token(token));
    });
    (shape, total)
}

impl WordShape {
    fn add(&mut self, verdict: Option<Token>) {
        let Some(verdict) = verdict else { return };
        self.judged += 1;
        match verdict {
            Token::Word => self.good += 1,
            Token::Mangled => self.mangled = true,
            Token::Junk => {}
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Word,
    Junk,
    Mangled,
}

fn judge_token(raw: &str) -> Option<Token> {
    judge_plain_word(raw).or_else(|| judge_token_fully(raw))
}

/// [`judge_token`] without the shortcut for plain words.
fn judge_token_fully(raw: &str) -> Option<Token> {
    if raw.chars().all(|c| matches!(c, '-' | '—' | '–' | '&')) {
        return None;
    }
    if is_initials(raw) {
        return Some(Token::Word);
    }
    let token = raw.trim_matches(|c: char| !c.is_alphanumeric());
    if token.is_empty() {
        return Some(Token::Junk);
    }
    let has_digit = token.chars().any(|c| c.is_ascii_digit());
    let has_letter = token.chars().any(|c| c.is_alphabetic());
    if has_digit && !has_letter {
        return Some(Token::Word);
    }
    if has_digit {
        // Ordinals (1st, 2d, 1900s) and codes (A4, B-52, COVID-19) are words.
        let word = regex!(r"^(?:\d+(?:st|nd|rd|th|d|s)|[A-Z]{1,6}-?\d{1,4})$").is_match(token);
        return Some(if word { Token::Word } else { Token::Mangled });
    }
    let mut verdict = Token::Word;
    for part in token.split(['-', '\'', '’']).filter(|p| !p.is_empty()) {
        match judge_part(part) {
            Token::Word => {}
            Token::Mangled => return Some(Token::Mangled),
            Token::Junk => verdict = Token::Junk,
        }
    }
    Some(verdict)
}

/// The common case in one pass: a word of lower-case ASCII letters, maybe
/// with punctuation after it ("the", "friends,"). Returns `None` for any
/// other token, which then gets the full judgement.
fn judge_plain_word(raw: &str) -> Option<Token> {
    let word = raw.trim_end_matches(|c: char| c.is_ascii_punctuation()).as_bytes();
    if word.is_empty() || !word.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    if word.len() == 1 {
        return Some(if word[0] == b'a' || word[0] == b'o' { Token::Word } else { Token::Junk });
    }
    let (mut run, mut longest, mut vowels) = (0, 0, 0);
    for &b in word {
        if matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') {
            vowels += 1;
            run = 0;
        } else {
            run += 1;
            longest = longest.max(run);
        }
    }
    Some(if vowels > 0 && longest < 5 { Token::Word } else { Token::Junk })
}

/// Initials such as `W.` or `U.S.`: one to three capitals, each with a stop.
fn is_initials(token: &str) -> bool {
    let bytes = token.as_bytes();
    bytes.len().is_multiple_of(2)
        && (2..=6).contains(&bytes.len())
        && bytes.chunks(2).all(|pair| pair[0].is_ascii_uppercase() && pair[1] == b'.')
}

fn judge_part(part: &str) -> Token {
    if part.is_ascii() { judge_ascii_part(part.as_bytes()) } else { judge_part_by_chars(part) }
}

/// Judges one part of a token (between hyphens and apostrophes), whatever
/// its letters.
fn judge_part_by_chars(part: &str) -> Token {
    if !part.chars().all(char::is_alphabetic) {
        return Token::Junk;
    }
    let mut chars = part.chars();
    let first = chars.next().unwrap_or(' ');
    let rest_lower = chars.clone().all(char::is_lowercase);
    let all_upper = part.chars().all(char::is_uppercase);
    if !(rest_lower || all_upper) {
        return Token::Mangled; // case flips inside a word: tfhVthfnkn
    }
    let length = part.chars().count();
    if length == 1 {
        return if matches!(first, 'a' | 'A' | 'I' | 'O' | 'o') { Token::Word } else { Token::Junk };
    }
    let has_vowel = part.chars().any(is_vowel);
    if !(has_vowel || all_upper || length == 2 && first.is_uppercase()) {
        return Token::Junk;
    }
    if longest_consonant_run(part) >= 5 {
        return Token::Junk;
    }
    Token::Word
}

/// [`judge_part`] of an ASCII part (nearly every part on an English
/// page), reading its bytes once for case, vowels and the longest run of
/// consonants, where the general judgement reads its characters six times.
fn judge_ascii_part(part: &[u8]) -> Token {
    let Some((&first, rest)) = part.split_first() else { return Token::Junk };
    if !part.iter().all(u8::is_ascii_alphabetic) {
        return Token::Junk;
    }
    let rest_lower = rest.iter().all(u8::is_ascii_lowercase);
    let all_upper = part.iter().all(u8::is_ascii_uppercase);
    if !(rest_lower || all_upper) {
        return Token::Mangled;
    }
    if rest.is_empty() {
        return if matches!(first, b'a' | b'A' | b'I' | b'O' | b'o') { Token::Word } else { Token::Junk };
    }
    let (mut run, mut longest, mut has_vowel) = (0, 0, false);
    for &b in part {
        if is_vowel(char::from(b)) {
            has_vowel = true;
            run = 0;
        } else {
            run += 1;
            longest = longest.max(run);
        }
    }
    if !(has_vowel || all_upper || part.len() == 2 && first.is_ascii_uppercase()) || longest >= 5 {
        return Token::Junk;
    }
    Token::Word
}

/// Vowels, with y, which serves as one in English words such as "rhythm".
fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn longest_consonant_run(word: &str) -> usize {
    word.chars()
        .fold(
            (0, 0),
            |(run, best), c| {
                if "aeiouyAEIOUY".contains(c) { (0, best) } else { (run + 1, best.max(run + 1)) }
            },
        )
        .1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_agrees_with_the_two_questions() {
        for line in [
            "tfhVthfnkn jrw ,,ja..",
            "The mill burned down.",
            "He4herefore ia the",
            "jr",
            "12 34",
            "W. J. BRYAN.",
        ] {
            assert_eq!(judge_latin(line), (is_word_soup(line), is_doubtful(line)), "{line:?}");
        }
    }

    #[test]
    fn ascii_parts_are_judged_as_any_part() {
        for part in [
            "a",
            "A",
            "I",
            "o",
            "x",
            "the",
            "The",
            "THE",
            "tHe",
            "rhythm",
            "strengths",
            "NY",
            "Ny",
            "ny",
            "bcdfg",
            "bcdf",
            "BCDFG",
            "e2",
            "Mc",
            "MIXEd",
            "-",
            "x'",
        ] {
            assert_eq!(judge_ascii_part(part.as_bytes()), judge_part_by_chars(part), "{part:?}");
        }
    }

    // The fast paths must give the general judgement's verdict on every
    // input they take, not only on the examples above.
    proptest::proptest! {
        #[test]
        fn any_ascii_part_is_judged_as_any_part(part in "[a-zA-Z]{1,9}|[!-~]{1,9}") {
            proptest::prop_assert_eq!(judge_ascii_part(part.as_bytes()), judge_part_by_chars(&part));
        }

        #[test]
        fn the_plain_word_shortcut_agrees_with_the_full_judgement(raw in "[a-z]{1,9}[.,;:!?'\")]{0,2}|[!-~]{1,9}") {
            if let Some(quick) = judge_plain_word(&raw) {
                proptest::prop_assert_eq!(Some(quick), judge_token_fully(&raw));
            }
        }
    }

    #[test]
    fn tokens_are_cut_as_split_whitespace_cuts_them() {
        for line in [
            "",
            "  ",
            "a",
            " the  mill\tburned\x0Bdown\x0C.\r",
            "x\u{1F}y",
            "本报讯 (记者\u{3000}张三)",
            "end ",
        ] {
            let mut tokens = Vec::new();
            for_each_token(line, |t| tokens.push(t));
            assert_eq!(tokens, line.split_whitespace().collect::<Vec<_>>(), "{line:?}");
        }
    }

    #[test]
    fn symbols_and_letter_soup_are_debris() {
        for line in ["?. \".?", "Tfv jrw \"", ",,ja..", "i5\"W ;'v'", "'(t", "\"''- -", "J 3T :s k"] {
            assert!(is_debris(line), "{line:?} should be debris");
        }
        assert!(is_debris("' ib 'i.tt4iii'iiy-iTf\"\"---' -riii-nitrtr\" - -A-bihafc'Cxtg.Jta--."));
    }

    #[test]
    fn damaged_but_real_text_is_not_debris() {
        for line in [
            "tey(riutomr.yib'&an abandonment, of. the his",
            "He4herefore brinfcTOifcc to fafo",
            "as I do. W. J. BRYAN.",
            "Four times in 1900, 1904, 1908 and 1912",
            "said :",
            "Obituaries, A4; Sports, B1; COVID-19 update",
        ] {
            assert!(!is_debris(line), "{line:?} should not be debris");
        }
    }

    #[test]
    fn chinese_text_is_never_debris_by_word_shape() {
        assert!(!is_debris("掌上永康客户端"));
        assert!(!is_debris("12 ~ 25"));
    }

    #[test]
    fn initials_are_words() {
        assert!(is_initials("W.") && is_initials("U.S.") && is_initials("J.R.R."));
        assert!(!is_initials("W") && !is_initials("Wm.") && !is_initials("A.B.C.D."));
    }

    #[test]
    fn mangled_tokens_make_a_line_doubtful() {
        assert!(is_doubtful("uMtM. igitj-dftniilii in - mini"));
        assert!(!is_doubtful("him foi pecuniary favors but his real friends"));
    }
}
