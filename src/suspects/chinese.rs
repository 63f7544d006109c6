//! Chinese look-alikes: OCR reads 已 as 己, 末 as 未, 曰 as 日. A character
//! is a suspect when no known word of 2 to 4 characters around it contains
//! it, while one of its look-alikes in its place makes a known word, and
//! the text around it then reads far likelier: the best split of the
//! nearby characters into known words (a unigram model over jieba's
//! counts) scores at least [`MARGIN`] times higher. The likelihood test
//! keeps common single-character words (的, 是, 在) from being flagged
//! whenever a look-alike happens to make some rare word with a neighbour.

use super::lexicon::Lexicon;
use super::{Candidate, Kind};
use crate::text::script::is_han;

/// The least frequency (in jieba's counts) a word made by a look-alike must
/// have to propose it: rare words are more often a coincidence than the
/// word the compositor set.
const MIN_FREQUENCY: u64 = 50;

/// Words are at most this many characters long in the word list.
const LONGEST: usize = 4;

/// How many times likelier the nearby text must read with the look-alike:
/// 周未休息 → 周末休息 is about 500 times likelier; 4.35亿人 → 艺人 (an
/// entertainer) about 50, and is left alone.
const MARGIN: f64 = 100.0;

/// Characters either side of the suspect that the likelihood looks at.
const REACH: usize = 3;

/// The look-alike suspects in `text`, which starts at haystack byte `base`.
pub(super) fn look_alikes(text: &str, base: usize, lexicon: &Lexicon, out: &mut Vec<Candidate>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let mut word = String::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let Some(alternatives) = lexicon.look_alikes.get(&c).filter(|_| is_han(c)) else { continue };
        let windows = windows(&chars, i);
        if windows.clone().any(|(s, e)| lexicon.zh(&text[end_of(s)..end_of(e)]) > 0) {
            continue;
        }
        let makes_word = |alternative: char, word: &mut String| {
            windows.clone().any(|(s, e)| {
                word.clear();
                word.push_str(&text[end_of(s)..at]);
                word.push(alternative);
                word.push_str(&text[end_of(i + 1)..end_of(e)]);
                lexicon.zh(word) >= MIN_FREQUENCY
            })
        };
        let mut nearby: Vec<char> = near(&chars, i).map(|k| chars[k].1).collect();
        let centre = i - near(&chars, i).start;
        let printed = likelihood(&nearby, lexicon);
        let mut best: Option<(f64, char)> = None;
        for &alternative in alternatives {
            if !makes_word(alternative, &mut word) {
                continue;
            }
            nearby[centre] = alternative;
            let gain = likelihood(&nearby, lexicon) - printed;
            if gain > MARGIN.ln() && best.is_none_or(|(g, _)| gain > g) {
                best = Some((gain, alternative));
            }
        }
        if let Some((_, alternative)) = best {
            let range = base + at..base + at + c.len_utf8();
            out.push(Candidate { range, suggestion: alternative.to_string(), kind: Kind::LookAlike });
        }
    }
}

/// The chars within [`REACH`] of char `i` in its run of Han characters.
fn near(chars: &[(usize, char)], i: usize) -> std::ops::Range<usize> {
    let han = |k: usize| chars.get(k).is_some_and(|&(_, c)| is_han(c));
    let mut low = i;
    while low > 0 && i - low < REACH && han(low - 1) {
        low -= 1;
    }
    let mut high = i + 1;
    while high - i <= REACH && han(high) {
        high += 1;
    }
    low..high
}

/// The log-probability of the likeliest split of `chars` into known words
/// (a character missing from the list counts as a word seen half a time).
fn likelihood(chars: &[char], lexicon: &Lexicon) -> f64 {
    let total = lexicon.zh_total as f64;
    let mut best = vec![f64::NEG_INFINITY; chars.len() + 1];
    best[0] = 0.0;
    let mut word = String::new();
    for end in 1..=chars.len() {
        for start in end.saturating_sub(LONGEST)..end {
            word.clear();
            word.extend(&chars[start..end]);
            let frequency = match (lexicon.zh(&word), end - start) {
                (0, 1) => 0.5,
                (0, _) => continue,
                (f, _) => f as f64,
            };
            best[end] = best[end].max(best[start] + (frequency / total).ln());
        }
    }
    best[chars.len()]
}

/// The char ranges `s..e` of 2 to [`LONGEST`] Han characters that contain
/// char `i`.
fn windows(chars: &[(usize, char)], i: usize) -> impl Iterator<Item = (usize, usize)> + Clone {
    let han = |k: usize| chars.get(k).is_some_and(|&(_, c)| is_han(c));
    let mut low = i;
    while low > 0 && i + 1 - low < LONGEST && han(low - 1) {
        low -= 1;
    }
    let mut high = i + 1;
    while high - i < LONGEST && han(high) {
        high += 1;
    }
    (low..=i)
        .flat_map(move |s| (i + 1..=high).map(move |e| (s, e)))
        .filter(|&(s, e)| (2..=LONGEST).contains(&(e - s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suspects(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        look_alikes(text, 0, Lexicon::get(), &mut out);
        out.into_iter().map(|c| (text[c.range].to_owned(), c.suggestion)).collect()
    }

    fn pair(found: &str, suggestion: &str) -> (String, String) {
        (found.to_owned(), suggestion.to_owned())
    }

    #[test]
    fn a_look_alike_that_makes_a_word_is_proposed() {
        assert_eq!(suspects("会议己经召开"), [pair("己", "已")]);
        assert_eq!(suspects("周末休息"), []);
        assert_eq!(suspects("周未休息"), [pair("未", "末")]);
    }

    #[test]
    fn a_character_inside_a_known_word_is_left_alone() {
        assert_eq!(suspects("自己的事"), []);
        assert_eq!(suspects("尚未完成"), []);
    }

    #[test]
    fn common_single_character_words_are_left_alone() {
        // 约定 and 艺人 are words, but 城市更新的口子 and 4.35亿人 read
        // likelier as printed.
        assert_eq!(suspects("城市更新的口子"), []);
        assert_eq!(suspects("驾驶人达亿人"), []);
    }

    #[test]
    fn the_likeliest_split_prefers_known_words() {
        let lexicon = Lexicon::get();
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(likelihood(&chars("已经"), lexicon) > likelihood(&chars("己经"), lexicon));
    }

    #[test]
    fn windows_stay_inside_han_text() {
        let chars: Vec<(usize, char)> = "a会议b".char_indices().collect();
        let found: Vec<_> = windows(&chars, 1).collect();
        assert_eq!(found, [(1, 3)]);
    }
}
