//! Chinese look-alikes: OCR reads 已 as 己, 末 as 未, 曰 as 日. A character
//! is a suspect when no known word of 2 to 4 characters around it contains
//! it, while one of its look-alikes in its place makes a known word (the
//! commonest such word decides the proposal).

use super::lexicon::Lexicon;
use super::{Candidate, Kind};
use crate::text::script::is_han;

/// The least frequency (in jieba's counts) a word made by a look-alike must
/// have to propose it: rare words are more often a coincidence than the
/// word the compositor set.
const MIN_FREQUENCY: u64 = 50;

/// Words are at most this many characters long in the word list.
const LONGEST: usize = 4;

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
        let mut best: Option<(u64, char)> = None;
        for &alternative in alternatives {
            for (s, e) in windows.clone() {
                word.clear();
                word.push_str(&text[end_of(s)..at]);
                word.push(alternative);
                word.push_str(&text[end_of(i + 1)..end_of(e)]);
                let frequency = lexicon.zh(&word);
                if frequency >= MIN_FREQUENCY && best.is_none_or(|(f, _)| frequency > f) {
                    best = Some((frequency, alternative));
                }
            }
        }
        if let Some((_, alternative)) = best {
            let range = base + at..base + at + c.len_utf8();
            out.push(Candidate { range, suggestion: alternative.to_string(), kind: Kind::LookAlike });
        }
    }
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
    fn windows_stay_inside_han_text() {
        let chars: Vec<(usize, char)> = "a会议b".char_indices().collect();
        let found: Vec<_> = windows(&chars, 1).collect();
        assert_eq!(found, [(1, 3)]);
    }
}
