//! What the line model sees of each line: the newspaper cues of
//! [`super::cues`] and the line's shape, as indicator features.
//!
//! A line's own features are its *base* features (shape against its
//! column and the page, punctuation, case, lexicons, position, blank lines
//! around it, and how it meets the line before). The model weighs the base
//! features of the two lines before and after as well, each at its offset,
//! and keeps a shared weight plus one per script (Chinese pages and Latin
//! pages) for every feature, so that what holds across scripts is learned
//! from both and what differs is learned apart.
//!
//! Every feature is an index into one fixed schema ([`Family`] values),
//! computed without allocation per feature, so that scoring is array
//! lookups. Geometry from ALTO or hOCR (line height, x position, column)
//! joins as further families when pages arrive with coordinates.

use super::cues::{advertisement, byline, caption, closing, debris, furniture, masthead, punctuation, title};
use super::layout::{Layout, Line};
use crate::text::script::{han_count, is_han};

/// A family of base features: one indicator per value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
pub enum Family {
    /// Always on.
    Bias,
    /// Length in characters.
    Length,
    /// Width against the local column.
    Column,
    /// Width against the page's typical full line.
    PageWidth,
    /// How the line ends.
    End,
    /// How the line starts.
    Start,
    /// Capitals (Latin).
    Capitals,
    /// Share of digits.
    Digits,
    /// Share of symbols.
    Symbols,
    /// Words (Latin) or Han characters (Chinese).
    Words,
    /// Commas and colons inside the line.
    InnerPunctuation,
    /// Cues, one indicator each.
    Cue,
    /// Blank lines before it.
    BlankBefore,
    /// Blank lines after it.
    BlankAfter,
    /// Where on the page.
    Position,
    /// Capitals of the line before, and of this one.
    CapitalsAfter,
    /// How the line before ends, and how this one starts.
    Meets,
    /// Width against the line before.
    WidthAfter,
    /// What the three lines either side hold: selling marks, capitals,
    /// sentence ends (advertisements and title stacks come in blocks).
    Around,
}

/// The values of each family, in [`Family`] order.
const VALUES: [&[&str]; FAMILIES] = [
    &["on"],
    &["1", "2", "3", "4-6", "7-10", "11-15", "16-22", "23-32", "33-48", "49-80", "81+"],
    &["<.25", "<.4", "<.55", "<.7", "<.85", "<.95", "<1.05", ">=1.05"],
    &["<.3", "<.5", "<.7", "<.9", "<1.1", ">=1.1"],
    END_CLASSES,
    START_CLASSES,
    CAPITALS,
    &["0", "<.1", "<.3", ">=.3"],
    &["0", "<.05", "<.15", "<.3", ">=.3"],
    &[
        "1", "2", "3", "4-6", "7-10", "11+", "han1-4", "han5-8", "han9-12", "han13-18", "han19-28",
        "han29-45", "han46+",
    ],
    &["0", "1", "2-3", "4+"],
    CUES,
    &["0", "1", "2+"],
    &["0", "1", "2+"],
    &["<2%", "<5%", "<10%", "<25%", "<50%", "<75%", "<90%", "<=100%"],
    &PAIRS_CAPITALS,
    &PAIRS_MEETS,
    &["much-narrower", "narrower", "similar", "wider", "much-wider", "first"],
    AROUND,
];

/// How many families there are.
const FAMILIES: usize = 19;

/// The values of [`Family::Around`]: three counts over the neighbours.
const AROUND: &[&str] = &[
    "ads=0",
    "ads=1",
    "ads=2+",
    "capitals=0",
    "capitals=1",
    "capitals=2+",
    "sentences=0",
    "sentences=1-2",
    "sentences=3+",
];

/// How many lines either side [`Family::Around`] looks at.
const AROUND_REACH: usize = 3;

const END_CLASSES: &[&str] = &[
    "sentence", "comma", "colon", "quote", "bracket", "dash", "hyphen", "lower", "upper", "digit", "han",
    "other",
];
const START_CLASSES: &[&str] =
    &["upper", "lower", "digit", "quote", "bracket", "dash", "han", "bullet", "other"];
const CAPITALS: &[&str] = &["all", "title", "other", "none"];

/// The cues, each its own indicator.
const CUES: &[&str] = &[
    "indent",
    "dateline",
    "byline",
    "signature",
    "trailing-signature",
    "caption",
    "furniture",
    "closing",
    "masthead",
    "symbol-soup",
    "word-soup",
    "doubtful",
    "lead-in",
    "numbered-crosshead",
    "list-heading",
    "short-label",
    "dangling-word",
    "title-mark",
    "trails-off",
    "lowercase-start",
    "dash-start",
    "dash-end",
    "quoted",
    "bracketed",
    "letter-spaced",
    "price",
    "phone",
    "selling",
    "page-wrapped",
    "period-capitals",
    "colon-end",
];

/// The pair families name their values `before->after` at run time (see
/// [`base_name`]); these tables only fix their sizes.
const PAIRS_CAPITALS: [&str; 16] = ["pair"; 16];
const PAIRS_MEETS: [&str; 12 * 9] = ["pair"; 12 * 9];

const fn offsets() -> [usize; FAMILIES] {
    let mut out = [0; FAMILIES];
    let mut i = 1;
    while i < FAMILIES {
        out[i] = out[i - 1] + VALUES[i - 1].len();
        i += 1;
    }
    out
}

const OFFSETS: [usize; FAMILIES] = offsets();

/// How many base features there are.
pub const BASE_COUNT: usize = OFFSETS[FAMILIES - 1] + VALUES[FAMILIES - 1].len();

/// Context offsets the model reads: two lines before to two after.
pub const OFFSETS_READ: [isize; 5] = [-2, -1, 0, 1, 2];

/// Scripts with weights of their own (plus the shared copy).
pub const DOMAINS: usize = 3;

/// Buckets the words of Latin lines are hashed into (the line's own words
/// only): the words of selling, of mastheads, of headlines.
pub const WORD_BUCKETS: usize = 4096;

/// Where the context features end and the edge features begin.
const CONTEXT_COUNT: usize = OFFSETS_READ.len() * DOMAINS * BASE_COUNT;

/// Where the word features begin.
const WORDS_FROM: usize = CONTEXT_COUNT + OFFSETS_READ.len();

/// How many features a model has weights for.
pub const FEATURE_COUNT: usize = WORDS_FROM + WORD_BUCKETS;

/// The base feature id of `value` in `family`.
fn id(family: Family, value: usize) -> u16 {
    let family = family as usize;
    (OFFSETS[family] + value.min(VALUES[family].len() - 1)) as u16
}

/// The index of base feature `base` read at offset slot `slot` (index into
/// [`OFFSETS_READ`]) for domain `domain` (0 shared, 1 Chinese, 2 Latin).
pub fn feature_index(slot: usize, domain: usize, base: u16) -> usize {
    (slot * DOMAINS + domain) * BASE_COUNT + base as usize
}

/// The feature that says "no line here" (past the page's edge) at `slot`.
pub fn edge_index(slot: usize) -> usize {
    CONTEXT_COUNT + slot
}

/// The feature of a word hashed into `bucket`.
pub fn word_index(bucket: u16) -> usize {
    WORDS_FROM + bucket as usize
}

/// Calls `f` with the index of every feature active at line `k`: its own
/// and its neighbours' base features (shared and per-script copies), the
/// page's edges, its words.
pub fn for_each_active(page: &PageFeatures, k: usize, mut f: impl FnMut(usize)) {
    let n = page.base.len();
    for (slot, &offset) in OFFSETS_READ.iter().enumerate() {
        match k.checked_add_signed(offset).filter(|&j| j < n) {
            Some(j) => {
                for &base in &page.base[j] {
                    f(feature_index(slot, 0, base));
                    f(feature_index(slot, page.domain, base));
                }
            }
            None => f(edge_index(slot)),
        }
    }
    for &bucket in &page.words[k] {
        f(word_index(bucket));
    }
}

/// The name of base feature `base`, for explanations: `family=value`.
pub fn base_name(base: u16) -> String {
    let base = base as usize;
    let family = OFFSETS.iter().rposition(|&o| o <= base).unwrap_or(0);
    let value = base - OFFSETS[family];
    let family_name = FAMILY_NAMES[family];
    let value_name = match family {
        f if f == Family::CapitalsAfter as usize => {
            format!("{}->{}", CAPITALS[value / CAPITALS.len()], CAPITALS[value % CAPITALS.len()])
        }
        f if f == Family::Meets as usize => {
            format!(
                "{}->{}",
                END_CLASSES[value / START_CLASSES.len()],
                START_CLASSES[value % START_CLASSES.len()]
            )
        }
        _ => VALUES[family][value].to_owned(),
    };
    format!("{family_name}={value_name}")
}

const FAMILY_NAMES: [&str; FAMILIES] = [
    "bias",
    "length",
    "column",
    "page-width",
    "end",
    "start",
    "capitals",
    "digits",
    "symbols",
    "words",
    "inner-punctuation",
    "cue",
    "blank-before",
    "blank-after",
    "position",
    "capitals-after",
    "meets",
    "width-after",
    "around",
];

/// The name of feature `index`: `offset:family=value` with its script.
pub fn feature_name(index: usize) -> String {
    let per_slot = DOMAINS * BASE_COUNT;
    if index >= WORDS_FROM {
        return format!("0:word#{}", index - WORDS_FROM);
    }
    if index >= CONTEXT_COUNT {
        return format!("{:+}:edge", OFFSETS_READ[(index - CONTEXT_COUNT).min(4)]);
    }
    let slot = index / per_slot;
    let domain = (index % per_slot) / BASE_COUNT;
    let base = (index % BASE_COUNT) as u16;
    let script = ["", " (zh)", " (latin)"][domain];
    format!("{:+}:{}{script}", OFFSETS_READ[slot], base_name(base))
}

/// A hash of the schema: a model file built for another schema is refused.
pub fn schema_hash() -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (family, values) in FAMILY_NAMES.iter().zip(VALUES) {
        feed(family);
        values.iter().for_each(|v| feed(v));
    }
    OFFSETS_READ.iter().for_each(|o| feed(&o.to_string()));
    feed(&format!("words {WORD_BUCKETS} {AROUND_REACH}"));
    super::tags::Tag::ALL.iter().for_each(|t| feed(t.name()));
    hash
}

/// The features of every line of a page.
#[derive(Debug, Clone, Default)]
pub struct PageFeatures {
    /// The non-blank lines, as indices into the page's lines.
    pub lines: Vec<usize>,
    /// The base features of each of them.
    pub base: Vec<Vec<u16>>,
    /// The hashed words of each (Latin lines only).
    pub words: Vec<Vec<u16>>,
    /// 1 for a Chinese page, 2 for a Latin one.
    pub domain: usize,
}

/// Pages with at least this many lines are read on two threads.
const PARALLEL_FROM: usize = 2000;

/// Computes the base features of every non-blank line of a measured page.
pub fn extract(layout: &Layout<'_>) -> PageFeatures {
    let all = &layout.lines;
    let lines: Vec<usize> = (0..all.len()).filter(|&i| !all[i].is_blank()).collect();
    let cjk_lines = lines.iter().filter(|&&i| all[i].cjk).count();
    let domain = if cjk_lines * 2 > lines.len() { 1 } else { 2 };
    let page_width = typical_width(all, &lines);
    let count = lines.len();
    let one = |k: usize| {
        let i = lines[k];
        let previous = k.checked_sub(1).map(|p| &all[lines[p]]);
        let context = Context {
            position: k as f32 / count.max(1) as f32,
            blank_before: k.checked_sub(1).map_or(i, |p| i - lines[p] - 1),
            blank_after: lines.get(k + 1).map_or(0, |&n| n - i - 1),
            page_width,
            wrapped: layout.wrapped,
        };
        let line = &all[i];
        let words = if line.cjk { Vec::new() } else { words(line.text) };
        (line_features(line, previous, &context), words)
    };
    // Lines are independent here: a long page is read on two threads.
    let (mut base, words): (Vec<Vec<u16>>, Vec<Vec<u16>>) = if count >= PARALLEL_FROM {
        let middle = count / 2;
        std::thread::scope(|scope| {
            let second = scope.spawn(|| (middle..count).map(one).collect::<Vec<_>>());
            let mut first: Vec<_> = (0..middle).map(one).collect();
            first.extend(second.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            first.into_iter().unzip()
        })
    } else {
        (0..count).map(one).unzip()
    };
    add_around(&mut base);
    PageFeatures { lines, base, words, domain }
}

/// The bucket of each word of a Latin line: lower-cased letters, three or
/// more, each word once.
pub fn words(text: &str) -> Vec<u16> {
    let mut out: Vec<u16> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .take(24)
        .map(|w| word_bucket(&w.to_lowercase()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// FNV-1a of a word, folded into [`WORD_BUCKETS`].
pub fn word_bucket(word: &str) -> u16 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in word.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    (hash as usize % WORD_BUCKETS) as u16
}

/// Adds each line's [`Family::Around`] counts, read off its neighbours'
/// own features.
fn add_around(base: &mut [Vec<u16>]) {
    let selling = [cue_id("price"), cue_id("phone"), cue_id("selling")];
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

fn cue_id(name: &str) -> u16 {
    id(Family::Cue, CUES.iter().position(|c| *c == name).unwrap_or(0))
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

/// The base features of one line.
fn line_features(line: &Line<'_>, previous: Option<&Line<'_>>, context: &Context) -> Vec<u16> {
    let text = line.text;
    let mut f = Vec::with_capacity(40);
    f.push(id(Family::Bias, 0));
    let chars = text.chars().count();
    f.push(id(
        Family::Length,
        bucket(chars as f32, &[2.0, 3.0, 4.0, 7.0, 11.0, 16.0, 23.0, 33.0, 49.0, 81.0]),
    ));
    let column = line.width as f32 / line.column.max(1) as f32;
    f.push(id(Family::Column, bucket(column, &[0.25, 0.4, 0.55, 0.7, 0.85, 0.95, 1.05])));
    let page = line.width as f32 / context.page_width as f32;
    f.push(id(Family::PageWidth, bucket(page, &[0.3, 0.5, 0.7, 0.9, 1.1])));
    let end = end_class(text);
    let start = start_class(text);
    f.push(id(Family::End, end));
    f.push(id(Family::Start, start));
    let capitals = capitals_class(line);
    f.push(id(Family::Capitals, capitals));
    let digits = text.chars().filter(char::is_ascii_digit).count() as f32 / chars.max(1) as f32;
    f.push(id(Family::Digits, if digits == 0.0 { 0 } else { 1 + bucket(digits, &[0.1, 0.3]) }));
    let symbols = text
        .chars()
        .filter(|c| !c.is_alphanumeric() && !c.is_whitespace() && !is_common_punctuation(*c))
        .count() as f32
        / chars.max(1) as f32;
    f.push(id(Family::Symbols, if symbols == 0.0 { 0 } else { 1 + bucket(symbols, &[0.05, 0.15, 0.3]) }));
    if line.cjk {
        let han = han_count(text) as f32;
        f.push(id(Family::Words, 6 + bucket(han, &[5.0, 9.0, 13.0, 19.0, 29.0, 46.0])));
    } else {
        let words = text.split_whitespace().count() as f32;
        f.push(id(Family::Words, bucket(words, &[2.0, 3.0, 4.0, 7.0, 11.0])));
    }
    let inner =
        text.chars().filter(|c| matches!(c, ',' | '，' | '、' | ';' | '；' | ':' | '：')).count() as f32;
    f.push(id(Family::InnerPunctuation, bucket(inner, &[1.0, 2.0, 4.0])));
    cues(line, context, &mut f);
    f.push(id(Family::BlankBefore, context.blank_before.min(2)));
    f.push(id(Family::BlankAfter, context.blank_after.min(2)));
    f.push(id(Family::Position, bucket(context.position, &[0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9])));
    match previous {
        Some(before) => {
            let before_capitals = capitals_class(before);
            f.push(id(Family::CapitalsAfter, before_capitals * CAPITALS.len() + capitals));
            f.push(id(Family::Meets, end_class(before.text) * START_CLASSES.len() + start));
            let ratio = line.width as f32 / before.width.max(1) as f32;
            f.push(id(Family::WidthAfter, bucket(ratio, &[0.5, 0.85, 1.15, 2.0])));
        }
        None => f.push(id(Family::WidthAfter, 5)),
    }
    f
}

/// The cue indicators of a line.
fn cues(line: &Line<'_>, context: &Context, f: &mut Vec<u16>) {
    let text = line.text;
    let mut on = |name: &str| {
        if let Some(value) = CUES.iter().position(|c| *c == name) {
            f.push(id(Family::Cue, value));
        }
    };
    let short = line.width <= 64;
    if line.indented {
        on("indent");
    }
    if line.dateline {
        on("dateline");
    }
    if short && byline::is_byline_line(text) {
        on("byline");
    }
    if byline::is_signature_line(text) {
        on("signature");
    }
    if !line.cjk && byline::trailing_signature(text).is_some() {
        on("trailing-signature");
    }
    if caption::is_caption(text) {
        on("caption");
    }
    if furniture::is_furniture(text) {
        on("furniture");
    }
    if closing::is_closing_line(text) {
        on("closing");
    }
    if line.width <= masthead::MAX_WIDTH && masthead::is_masthead_item(text) {
        on("masthead");
    }
    if debris::is_symbol_soup(text) {
        on("symbol-soup");
    }
    if !line.cjk {
        let (soup, doubtful) = debris::judge_latin(text);
        if soup {
            on("word-soup");
        }
        if doubtful {
            on("doubtful");
        }
        if title::ends_with_dangling_word(text) {
            on("dangling-word");
        }
    }
    if short && title::is_lead_in(text) {
        on("lead-in");
    }
    if title::is_crosshead(text) {
        on("numbered-crosshead");
    }
    if short && title::is_list_heading(text) {
        on("list-heading");
    }
    if line.cjk && title::is_short_label(text) {
        on("short-label");
    }
    if punctuation::ends_with_title_mark(text) {
        on("title-mark");
    }
    if punctuation::ends_continuing(text) {
        on("trails-off");
    }
    if punctuation::starts_lowercase(text) {
        on("lowercase-start");
    }
    if title::has_subheadline_dash(text) {
        on("dash-start");
    }
    if text.ends_with("——") || text.ends_with("--") {
        on("dash-end");
    }
    if text.starts_with(['“', '"', '「', '『']) && text.ends_with(['”', '"', '」', '』']) {
        on("quoted");
    }
    if text.starts_with(['（', '(']) && text.ends_with(['）', ')']) {
        on("bracketed");
    }
    if line.cjk && is_letter_spaced(text) {
        on("letter-spaced");
    }
    let ad = advertisement::marks(text);
    if ad.price {
        on("price");
    }
    if ad.phone {
        on("phone");
    }
    if ad.selling {
        on("selling");
    }
    if context.wrapped {
        on("page-wrapped");
    }
    if !line.cjk
        && text.ends_with('.')
        && title::capitals(text.trim_end_matches('.')) == Some(title::Capitals::All)
    {
        on("period-capitals");
    }
    if text.ends_with([':', '：']) {
        on("colon-end");
    }
}

/// Large type the OCR read letter by letter: most ideographs stand alone
/// between spaces.
fn is_letter_spaced(text: &str) -> bool {
    let pieces: Vec<&str> = text.split_whitespace().collect();
    pieces.len() >= 4 && pieces.iter().filter(|p| p.chars().count() == 1).count() * 3 >= pieces.len() * 2
}

fn is_common_punctuation(c: char) -> bool {
    ",.;:!?'\"()-，。；：！？、“”‘’（）《》—…·".contains(c)
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

fn capitals_class(line: &Line<'_>) -> usize {
    if line.cjk {
        return 3;
    }
    match title::capitals(line.text) {
        Some(title::Capitals::All) => 0,
        Some(title::Capitals::Title) => 1,
        None if line.text.chars().any(char::is_alphabetic) => 2,
        None => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_consistent() {
        assert_eq!(VALUES[Family::CapitalsAfter as usize].len(), CAPITALS.len() * CAPITALS.len());
        assert_eq!(VALUES[Family::Meets as usize].len(), END_CLASSES.len() * START_CLASSES.len());
        assert_eq!(base_name(id(Family::Cue, 1)), "cue=dateline");
        assert_eq!(base_name(id(Family::Meets, START_CLASSES.len() + 1)), "meets=comma->lower");
        assert_eq!(base_name(id(Family::WidthAfter, 5)), "width-after=first");
        let names: std::collections::HashSet<String> = (0..BASE_COUNT as u16).map(base_name).collect();
        assert_eq!(names.len(), BASE_COUNT, "every base feature has its own name");
        assert!(feature_name(feature_index(1, 2, id(Family::Cue, 0))).starts_with("-1:cue=indent (latin)"));
    }

    #[test]
    fn letter_spaced_titles() {
        assert!(is_letter_spaced("新 年 戏 曲 晚 会"));
        assert!(!is_letter_spaced("一鼓作气 聚力突破 确保按期完成既定目标任务"));
    }
}
