//! Reading the features of each line of a measured page: its shape, the
//! cues it carries, and the counts over its neighbours, as ids of the
//! schema in [`super`].

use super::{AROUND_REACH, CAPITALS, CUES, Family, PageFeatures, START_CLASSES, WORD_BUCKETS, cohesion, id};
use crate::segment::cues::{
    advertisement, byline, caption, closing, debris, furniture, masthead, punctuation, title,
};
use crate::segment::layout::{Layout, Line};
use crate::segment::threads::on_two_threads;
use crate::text::script::is_han;

/// Computes the base features of every non-blank line of a measured page.
pub fn extract(layout: &Layout<'_>) -> PageFeatures {
    let all = &layout.lines;
    let lines: Vec<usize> = (0..all.len()).filter(|&i| !all[i].is_blank()).collect();
    let cjk_lines = lines.iter().filter(|&&i| all[i].cjk).count();
    let domain = if cjk_lines * 2 > lines.len() { 1 } else { 2 };
    let page_width = typical_width(all, &lines);
    let count = lines.len();
    // Each line's capitals and ending, computed once: the line after reads
    // them again for its pair features.
    let shapes = on_two_threads(count, |k| {
        let line = &all[lines[k]];
        Shape { capitals: capitals_class(line), end: end_class(line.text) }
    });
    let one = |k: usize| {
        let i = lines[k];
        let previous = k.checked_sub(1).map(|p| (&all[lines[p]], shapes[p]));
        let context = Context {
            position: k as f32 / count.max(1) as f32,
            blank_before: k.checked_sub(1).map_or(i, |p| i - lines[p] - 1),
            blank_after: lines.get(k + 1).map_or(0, |&n| n - i - 1),
            page_width,
            wrapped: layout.wrapped,
        };
        let line = &all[i];
        let words = if line.cjk { Vec::new() } else { words(line.text) };
        (line_features(line, shapes[k], previous, &context), words, cohesion::chinese_terms(line))
    };
    let read = on_two_threads(count, one);
    let mut base = Vec::with_capacity(count);
    let mut words = Vec::with_capacity(count);
    let mut chinese = Vec::with_capacity(count);
    for (features, line_words, terms) in read {
        base.push(features);
        words.push(line_words);
        chinese.push(terms);
    }
    add_around(&mut base);
    let terms: Vec<&[u16]> = lines
        .iter()
        .zip(words.iter().zip(&chinese))
        .map(|(&i, (w, c))| if all[i].cjk { &c[..] } else { &w[..] })
        .collect();
    cohesion::add(&mut base, &terms);
    PageFeatures { lines, base, words, domain }
}

/// What a line's pair features need of a line: its [`Family::Capitals`]
/// and [`Family::End`] values.
#[derive(Debug, Clone, Copy)]
struct Shape {
    capitals: usize,
    end: usize,
}

/// The bucket of each word of a Latin line: lower-cased letters, three or
/// more, each word once.
pub fn words(text: &str) -> Vec<u16> {
    let mut out: Vec<u16> = if text.is_ascii() {
        // Most English lines: the same words, read byte by byte.
        text.as_bytes()
            .split(|b| !b.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3)
            .take(24)
            .map(|w| fnv_bucket(w.iter().map(u8::to_ascii_lowercase)))
            .collect()
    } else {
        words_by_chars(text)
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The buckets of [`words`] read character by character, whatever the
/// script, before sorting.
fn words_by_chars(text: &str) -> Vec<u16> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .take(24)
        .map(lowercase_bucket)
        .collect()
}

/// The [`word_bucket`] of a word in lower case. An ASCII word (nearly
/// every word of an English page) is lowered byte by byte as it is hashed,
/// without a new string for each word.
fn lowercase_bucket(word: &str) -> u16 {
    if word.is_ascii() {
        fnv_bucket(word.bytes().map(|b| b.to_ascii_lowercase()))
    } else {
        word_bucket(&word.to_lowercase())
    }
}

/// FNV-1a of a word, folded into [`WORD_BUCKETS`].
pub fn word_bucket(word: &str) -> u16 {
    fnv_bucket(word.bytes())
}

pub(super) fn fnv_bucket(bytes: impl Iterator<Item = u8>) -> u16 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in bytes {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    (hash as usize % WORD_BUCKETS) as u16
}

/// Adds each line's [`Family::Around`] counts, read off its neighbours'
/// own features.
fn add_around(base: &mut [Vec<u16>]) {
    let selling = [const { cue("price") }, const { cue("phone") }, const { cue("selling") }]
        .map(|c| id(Family::Cue, c));
    let capitals = id(Family::Capitals, 0);
    let sentence = id(Family::End, 0);
    let marks: Vec<(bool, bool, bool)> = base
        .iter()
        .map(|f| (f.iter().any(|b| selling.contains(b)), f.contains(&capitals), f.contains(&sentence)))
        .collect();
    for (k, features) in base.iter_mut().enumerate() {
        let (mut ads, mut caps, mut sentences) = (0usize, 0usize, 0usize);
        let window = k.saturating_sub(AROUND_REACH)..(k + AROUND_REACH + 1).min(marks.len());
        for j in window.filter(|&j| j != k) {
            ads += usize::from(marks[j].0);
            caps += usize::from(marks[j].1);
            sentences += usize::from(marks[j].2);
        }
        features.push(id(Family::Around, ads.min(2)));
        features.push(id(Family::Around, 3 + caps.min(2)));
        features.push(id(
            Family::Around,
            6 + match sentences {
                0 => 0,
                1 | 2 => 1,
                _ => 2,
            },
        ));
    }
}

/// The index of the cue `name` in [`CUES`], found when compiling (a name
/// not there fails the build): each line turns on several cues, and
/// looking each name up among the thirty-one was a string search apiece.
const fn cue(name: &str) -> usize {
    let mut index = 0;
    while index < CUES.len() {
        if same(CUES[index].as_bytes(), name.as_bytes()) {
            return index;
        }
        index += 1;
    }
    panic!("not a cue")
}

/// Byte equality that `const fn` can use.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The width of a full line on the page: the 80th percentile of widths, so
/// that titles and short last lines do not pull it down.
fn typical_width(all: &[Line<'_>], lines: &[usize]) -> usize {
    let mut widths: Vec<usize> = lines.iter().map(|&i| all[i].width).collect();
    widths.sort_unstable();
    widths.get(widths.len() * 4 / 5).copied().unwrap_or(1).max(1)
}

/// What a line's features need from around it.
struct Context {
    position: f32,
    blank_before: usize,
    blank_after: usize,
    page_width: usize,
    wrapped: bool,
}

fn bucket(x: f32, limits: &[f32]) -> usize {
    limits.iter().position(|&l| x < l).unwrap_or(limits.len())
}

/// The narrowest line whose exact equality of width with the line before
/// is told apart: a title wrapped in its box, where every line but the
/// last fills the same width in the same type.
const SAME_WIDTH_FROM: usize = 4;

/// The base features of one line.
fn line_features(
    line: &Line<'_>,
    shape: Shape,
    previous: Option<(&Line<'_>, Shape)>,
    context: &Context,
) -> Vec<u16> {
    let text = line.text;
    let mut f = Vec::with_capacity(40);
    f.push(id(Family::Bias, 0));
    let counts = Counts::of(text);
    let chars = counts.chars;
    f.push(id(
        Family::Length,
        bucket(chars as f32, &[2.0, 3.0, 4.0, 7.0, 11.0, 16.0, 23.0, 33.0, 49.0, 81.0]),
    ));
    let column = line.width as f32 / line.column.max(1) as f32;
    f.push(id(Family::Column, bucket(column, &[0.25, 0.4, 0.55, 0.7, 0.85, 0.95, 1.05])));
    let page = line.width as f32 / context.page_width as f32;
    f.push(id(Family::PageWidth, bucket(page, &[0.3, 0.5, 0.7, 0.9, 1.1])));
    let start = start_class(text);
    f.push(id(Family::End, shape.end));
    f.push(id(Family::Start, start));
    let capitals = shape.capitals;
    f.push(id(Family::Capitals, capitals));
    let digits = counts.digits as f32 / chars.max(1) as f32;
    f.push(id(Family::Digits, if digits == 0.0 { 0 } else { 1 + bucket(digits, &[0.1, 0.3]) }));
    let symbols = counts.symbols as f32 / chars.max(1) as f32;
    f.push(id(Family::Symbols, if symbols == 0.0 { 0 } else { 1 + bucket(symbols, &[0.05, 0.15, 0.3]) }));
    if line.cjk {
        let han = counts.han as f32;
        f.push(id(Family::Words, 6 + bucket(han, &[5.0, 9.0, 13.0, 19.0, 29.0, 46.0])));
    } else {
        let words = counts.words as f32;
        f.push(id(Family::Words, bucket(words, &[2.0, 3.0, 4.0, 7.0, 11.0])));
    }
    let inner = counts.inner as f32;
    f.push(id(Family::InnerPunctuation, bucket(inner, &[1.0, 2.0, 4.0])));
    cues(line, shape, context, &mut f);
    f.push(id(Family::BlankBefore, context.blank_before.min(2)));
    f.push(id(Family::BlankAfter, context.blank_after.min(2)));
    f.push(id(Family::Position, bucket(context.position, &[0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9])));
    match previous {
        Some((before, before_shape)) => {
            f.push(id(Family::CapitalsAfter, before_shape.capitals * CAPITALS.len() + capitals));
            f.push(id(Family::Meets, before_shape.end * START_CLASSES.len() + start));
            let ratio = line.width as f32 / before.width.max(1) as f32;
            f.push(id(Family::WidthAfter, bucket(ratio, &[0.5, 0.85, 1.15, 2.0])));
            if line.width == before.width && line.width >= SAME_WIDTH_FROM {
                f.push(id(Family::WidthAfter, 6));
            }
        }
        None => f.push(id(Family::WidthAfter, 5)),
    }
    f
}

/// What the shape features count in a line, gathered in one pass over its
/// characters rather than one pass each: every line of a page is read, so
/// five passes were a good part of a page's features.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    /// Characters.
    chars: usize,
    /// ASCII digits.
    digits: usize,
    /// Symbols (see [`is_symbol`]).
    symbols: usize,
    /// Han ideographs.
    han: usize,
    /// Runs of characters between white space, as `split_whitespace`
    /// gives them.
    words: usize,
    /// Commas, semicolons and colons, of either width.
    inner: usize,
}

impl Counts {
    fn of(text: &str) -> Self {
        let mut counts = Self::default();
        let mut in_word = false;
        for c in text.chars() {
            counts.chars += 1;
            counts.digits += usize::from(c.is_ascii_digit());
            counts.symbols += usize::from(is_symbol(c));
            counts.han += usize::from(is_han(c));
            counts.inner += usize::from(matches!(c, ',' | '，' | '、' | ';' | '；' | ':' | '：'));
            if c.is_whitespace() {
                in_word = false;
            } else if !in_word {
                in_word = true;
                counts.words += 1;
            }
        }
        counts
    }
}

/// The cue indicators of a line.
fn cues(line: &Line<'_>, shape: Shape, context: &Context, f: &mut Vec<u16>) {
    let text = line.text;
    let mut on = |cue: usize| f.push(id(Family::Cue, cue));
    let short = line.width <= 64;
    if line.indented {
        on(const { cue("indent") });
    }
    if line.dateline {
        on(const { cue("dateline") });
    }
    // The cues that only judge narrow lines are handed the width measured
    // already.
    if line.width <= byline::MAX_WIDTH && byline::is_narrow_byline(text) {
        on(const { cue("byline") });
    }
    if byline::is_signature_line(text) {
        on(const { cue("signature") });
    }
    if !line.cjk && byline::trailing_signature(text).is_some() {
        on(const { cue("trailing-signature") });
    }
    if caption::is_caption(text) {
        on(const { cue("caption") });
    }
    if line.width <= furniture::MAX_WIDTH && furniture::is_narrow_furniture(text) {
        on(const { cue("furniture") });
    }
    if closing::is_closing_line(text) {
        on(const { cue("closing") });
    }
    if line.width <= masthead::MAX_WIDTH && masthead::is_masthead_item(text) {
        on(const { cue("masthead") });
    }
    if debris::is_symbol_soup(text) {
        on(const { cue("symbol-soup") });
    }
    if !line.cjk {
        let (soup, doubtful) = debris::judge_latin(text);
        if soup {
            on(const { cue("word-soup") });
        }
        if doubtful {
            on(const { cue("doubtful") });
        }
        if title::ends_with_dangling_word(text) {
            on(const { cue("dangling-word") });
        }
    }
    if short && title::is_lead_in(text) {
        on(const { cue("lead-in") });
    }
    if title::is_crosshead(text) {
        on(const { cue("numbered-crosshead") });
    }
    if short && title::is_list_heading(text) {
        on(const { cue("list-heading") });
    }
    if line.cjk && title::is_short_label(text) {
        on(const { cue("short-label") });
    }
    if punctuation::ends_with_title_mark(text) {
        on(const { cue("title-mark") });
    }
    if punctuation::ends_continuing(text) {
        on(const { cue("trails-off") });
    }
    if punctuation::starts_lowercase(text) {
        on(const { cue("lowercase-start") });
    }
    if title::has_subheadline_dash(text) {
        on(const { cue("dash-start") });
    }
    if text.ends_with("——") || text.ends_with("--") {
        on(const { cue("dash-end") });
    }
    if text.starts_with(['“', '"', '「', '『']) && text.ends_with(['”', '"', '」', '』']) {
        on(const { cue("quoted") });
    }
    if text.starts_with(['（', '(']) && text.ends_with(['）', ')']) {
        on(const { cue("bracketed") });
    }
    if line.cjk && is_letter_spaced(text) {
        on(const { cue("letter-spaced") });
    }
    let ad = advertisement::marks(text);
    if ad.price {
        on(const { cue("price") });
    }
    if ad.phone {
        on(const { cue("phone") });
    }
    if ad.selling {
        on(const { cue("selling") });
    }
    if context.wrapped {
        on(const { cue("page-wrapped") });
    }
    // Trimming the stops changes none of the line's words (each is
    // trimmed of punctuation anyway), so its capitals class answers.
    if !line.cjk && text.ends_with('.') && shape.capitals == ALL_CAPITALS {
        on(const { cue("period-capitals") });
    }
    if text.ends_with([':', '：']) {
        on(const { cue("colon-end") });
    }
}

/// Large type the OCR read letter by letter: most ideographs stand alone
/// between spaces.
fn is_letter_spaced(text: &str) -> bool {
    let pieces: Vec<&str> = text.split_whitespace().collect();
    pieces.len() >= 4 && pieces.iter().filter(|p| p.chars().count() == 1).count() * 3 >= pieces.len() * 2
}

/// True for a character that is neither a letter, a digit, a space nor
/// common punctuation. The common ideographs, most of a Chinese line, are
/// letters (Unicode's Alphabetic), told without a table lookup.
fn is_symbol(c: char) -> bool {
    if COMMON_IDEOGRAPHS.contains(&c) {
        return false;
    }
    !c.is_alphanumeric() && !c.is_whitespace() && !is_common_punctuation(c)
}

/// The CJK Unified Ideographs block, every one of them assigned and
/// Alphabetic.
const COMMON_IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{4E00}'..='\u{9FFF}';

fn is_common_punctuation(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '\''
            | '"'
            | '('
            | ')'
            | '-'
            | '，'
            | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '、'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '—'
            | '…'
            | '·'
    )
}

fn end_class(text: &str) -> usize {
    let Some(last) = text.chars().next_back() else { return 11 };
    match last {
        '。' | '.' | '!' | '?' | '！' | '？' | '…' => 0,
        ',' | '，' | '、' => 1,
        ':' | '：' | ';' | '；' => 2,
        '"' | '”' | '’' | '\'' | '」' | '』' => 3,
        ')' | '）' | ']' | '】' | '》' => 4,
        '—' | '–' => 5,
        '-' => 6,
        c if c.is_lowercase() => 7,
        c if c.is_uppercase() => 8,
        c if c.is_ascii_digit() => 9,
        c if is_han(c) => 10,
        _ => 11,
    }
}

fn start_class(text: &str) -> usize {
    let Some(first) = text.chars().next() else { return 8 };
    match first {
        c if c.is_uppercase() => 0,
        c if c.is_lowercase() => 1,
        c if c.is_ascii_digit() => 2,
        '"' | '“' | '‘' | '\'' | '「' | '『' => 3,
        '(' | '（' | '[' | '【' | '《' => 4,
        '—' | '-' | '–' => 5,
        c if is_han(c) => 6,
        '□' | '■' | '◎' | '●' | '○' | '◇' | '◆' | '★' | '☆' | '▲' | '△' | '·' | '•' | '*' => {
            7
        }
        _ => 8,
    }
}

/// The [`capitals_class`] of a line in capitals.
const ALL_CAPITALS: usize = 0;

fn capitals_class(line: &Line<'_>) -> usize {
    if line.cjk {
        return 3;
    }
    match title::capitals(line.text) {
        Some(title::Capitals::All) => ALL_CAPITALS,
        Some(title::Capitals::Title) => 1,
        None if line.text.chars().any(char::is_alphabetic) => 2,
        None => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ideographs_are_letters() {
        assert!(COMMON_IDEOGRAPHS.clone().all(char::is_alphabetic));
    }

    proptest::proptest! {
        /// The byte-by-byte reading of an ASCII line finds the words the
        /// general one finds.
        #[test]
        fn ascii_lines_give_the_words_any_line_gives(text in "[a-zA-Z ,.'-]{0,60}|[ -~]{0,60}") {
            let mut general = words_by_chars(&text);
            general.sort_unstable();
            general.dedup();
            proptest::prop_assert_eq!(words(&text), general);
        }
    }

    #[test]
    fn one_pass_counts_what_each_pass_counted() {
        for text in [
            "本报讯(记者 张三) 11月4日，会议召开。",
            "The Duty of a Friend: 12 $ ■",
            "",
            "  a\u{3000}b  ",
            "①②③ ★",
        ] {
            let expected = Counts {
                chars: text.chars().count(),
                digits: text.chars().filter(char::is_ascii_digit).count(),
                symbols: text.chars().filter(|&c| is_symbol(c)).count(),
                han: crate::text::script::han_count(text),
                words: text.split_whitespace().count(),
                inner: text
                    .chars()
                    .filter(|c| matches!(c, ',' | '，' | '、' | ';' | '；' | ':' | '：'))
                    .count(),
            };
            assert_eq!(Counts::of(text), expected, "{text:?}");
        }
        let punctuation = ",.;:!?'\"()-，。；：！？、“”‘’（）《》—…·";
        assert!(punctuation.chars().all(is_common_punctuation));
        assert_eq!(
            (0..0x3000).filter_map(char::from_u32).filter(|&c| is_common_punctuation(c)).count(),
            punctuation.chars().filter(|&c| (c as u32) < 0x3000).count()
        );
    }

    #[test]
    fn letter_spaced_titles() {
        assert!(is_letter_spaced("新 年 戏 曲 晚 会"));
        assert!(!is_letter_spaced("一鼓作气 聚力突破 确保按期完成既定目标任务"));
    }
}
