//! What OCR and text extraction do to Chinese text: half-width punctuation,
//! look-alike characters, letter-spaced large type, debris.

use rand::RngExt;
use rand::seq::IndexedRandom;

/// Pairs of characters OCR confuses, both ways.
const LOOK_ALIKES: &[(char, char)] = &[
    ('己', '已'),
    ('已', '巳'),
    ('未', '末'),
    ('日', '曰'),
    ('戊', '戌'),
    ('人', '入'),
    ('士', '土'),
    ('大', '太'),
    ('干', '千'),
    ('天', '夭'),
    ('刀', '力'),
    ('贝', '见'),
    ('析', '折'),
    ('候', '侯'),
    ('壁', '璧'),
    ('治', '冶'),
    ('拔', '拨'),
    ('辨', '辩'),
    ('即', '既'),
    ('免', '兔'),
    ('今', '令'),
    ('田', '由'),
    ('王', '玉'),
    ('白', '自'),
];

/// Full-width punctuation and its half-width counterpart.
const HALF_WIDTH: &[(char, char)] =
    &[('，', ','), ('；', ';'), ('：', ':'), ('（', '('), ('）', ')'), ('！', '!'), ('？', '?')];

/// Applies the punctuation and character damage of a page to `text`.
pub fn damage(text: &str, half_width: f64, look_alike: f64, rng: &mut impl RngExt) -> String {
    text.chars()
        .map(|c| {
            if let Some(&(_, half)) = HALF_WIDTH.iter().find(|(full, _)| *full == c) {
                return if half_width > 0.0 && rng.random_bool(half_width) { half } else { c };
            }
            if look_alike > 0.0 && rng.random_bool(look_alike) {
                let other = LOOK_ALIKES.iter().find_map(|&(a, b)| {
                    if a == c {
                        Some(b)
                    } else if b == c {
                        Some(a)
                    } else {
                        None
                    }
                });
                return other.unwrap_or(c);
            }
            c
        })
        .collect()
}

/// Large type read letter by letter: a space between every character, or
/// between some.
pub fn letter_spaced(text: &str, rng: &mut impl RngExt) -> String {
    let every = rng.random_bool(0.6);
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i > 0 && !c.is_whitespace() && (every || rng.random_bool(0.3)) && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A line of OCR debris: marks of a photo's edge, a rule, specks.
pub fn debris_line(rng: &mut impl RngExt) -> String {
    const SPECKS: &[&str] =
        &["■", "▲", "●", "l", "1", "|", "·", ":", ".", "’", "、", "I", "丨", "一", "—", "_", "口"];
    let n = rng.random_range(1..7);
    let mut line = String::new();
    for _ in 0..n {
        line.push_str(SPECKS.choose(rng).copied().unwrap_or("·"));
        if rng.random_bool(0.4) {
            line.push(' ');
        }
    }
    line.trim().to_owned()
}
