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

mod cohesion;
mod extract;

pub use extract::extract;

use foldhash::fast::FixedState;
use std::collections::HashMap;
use std::sync::LazyLock;

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
    /// How much the words of the lines before share with those of this
    /// line and the lines after (see [`cohesion`]).
    Cohesion,
    /// The most the words of this line and the lines after share with a
    /// run of lines further back: an article resuming (see [`cohesion`]).
    Echo,
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
    &["much-narrower", "narrower", "similar", "wider", "much-wider", "first", "same"],
    AROUND,
    &["none", "<.02", "<.05", "<.1", "<.2", "<.35", ">=.35"],
    &["none", "<.02", "<.05", "<.1", "<.2", "<.35", ">=.35"],
];

/// How many families there are.
const FAMILIES: usize = 21;

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

/// True for the copy of a base feature shared by both scripts (domain 0).
pub fn is_shared(index: usize) -> bool {
    index < CONTEXT_COUNT && (index % (DOMAINS * BASE_COUNT)) / BASE_COUNT == 0
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

/// The families whose values also describe the *junction* between a line
/// and the one before, in the order their indicators are numbered: a
/// title wrapped in its box (the same width again), a blank line, how the
/// line before ends and this one starts, what their words share, their
/// capitals. The model weighs each junction indicator for every pair of
/// tags (see [`super::model`]): whether a line of the same width after a
/// headline line goes on with the headline or starts a subheadline is a
/// question about the pair, which a line's own weights cannot ask.
const JUNCTION_FAMILIES: [Family; 5] =
    [Family::WidthAfter, Family::BlankBefore, Family::Meets, Family::Cohesion, Family::CapitalsAfter];

/// How many junction indicators there are: the families above, with
/// [`Family::Meets`] read as two (how the line before ends, how this one
/// starts) rather than as their product.
pub const JUNCTION_BASE: usize = VALUES[Family::WidthAfter as usize].len()
    + VALUES[Family::BlankBefore as usize].len()
    + END_CLASSES.len()
    + START_CLASSES.len()
    + VALUES[Family::Cohesion as usize].len()
    + VALUES[Family::CapitalsAfter as usize].len();

/// How many junction features a model has weights for: each indicator in
/// the shared copy and each script's.
pub const JUNCTION_COUNT: usize = DOMAINS * JUNCTION_BASE;

/// The junction indicators base feature `base` of a line stands for (none,
/// one, or two for [`Family::Meets`]).
fn junction_of(base: u16) -> [Option<u16>; 2] {
    let (family, value) = family_and_value(base);
    let mut from = 0;
    for f in JUNCTION_FAMILIES {
        let f = f as usize;
        if f == Family::Meets as usize {
            if family == f {
                let end = value / START_CLASSES.len();
                let start = value % START_CLASSES.len();
                return [Some((from + end) as u16), Some((from + END_CLASSES.len() + start) as u16)];
            }
            from += END_CLASSES.len() + START_CLASSES.len();
        } else {
            if family == f {
                return [Some((from + value) as u16), None];
            }
            from += VALUES[f].len();
        }
    }
    [None, None]
}

/// The junction indicators of line `k` (none for the page's first line),
/// sorted, each as an index into the model's junction weights: the shared
/// copy and the page's script's.
pub fn junctions(page: &PageFeatures, k: usize) -> Vec<u16> {
    junction_bits(page, k).iter().collect()
}

/// A set of junction indicators, one bit each: a line's set is built, kept
/// in order and compared without sorting or allocating (a long page has
/// tens of thousands of lines to group).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
struct JunctionBits([u64; JUNCTION_COUNT.div_ceil(64)]);

impl JunctionBits {
    fn insert(&mut self, j: u16) {
        self.0[usize::from(j) / 64] |= 1 << (j % 64);
    }

    fn is_empty(&self) -> bool {
        self.0.iter().all(|&word| word == 0)
    }

    /// The indicators in increasing order.
    fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    (w * 64) as u16 + bit as u16
                })
            })
        })
    }
}

/// [`junctions`] as a set of bits.
fn junction_bits(page: &PageFeatures, k: usize) -> JunctionBits {
    /// [`junction_of`] of every base feature, worked out once: walking the
    /// families for each feature of each line was most of the time a long
    /// page took to group its lines by junction.
    static JUNCTIONS_OF: LazyLock<Vec<[Option<u16>; 2]>> =
        LazyLock::new(|| (0..BASE_COUNT).map(|base| junction_of(base as u16)).collect());
    let mut bits = JunctionBits::default();
    if k == 0 {
        return bits;
    }
    let table = &*JUNCTIONS_OF;
    let script = (page.domain * JUNCTION_BASE) as u16;
    for &base in &page.base[k] {
        let of = table.get(usize::from(base)).copied().unwrap_or_else(|| junction_of(base));
        for j in of.into_iter().flatten() {
            bits.insert(j);
            bits.insert(script + j);
        }
    }
    bits
}

/// The lines of a page grouped by their junction indicators (those `keep`
/// lets through): the distinct sets, the first empty, and for each line
/// the set of the junction into it. Lines that meet the line before alike
/// share one set, and so one matrix of moves.
pub fn junction_sets(page: &PageFeatures, keep: impl Fn(u16) -> bool) -> (Vec<Vec<u16>>, Vec<u32>) {
    let mut table = JunctionTable::new();
    let which = table.number(page, keep);
    (table.into_sets(), which)
}

/// The distinct sets of junction indicators met so far, on one page or
/// several, numbered in the order first met; the first is the empty set.
#[derive(Debug)]
pub struct JunctionTable {
    sets: Vec<Vec<u16>>,
    known: HashMap<JunctionBits, u32, FixedState>,
}

impl JunctionTable {
    /// A table holding the empty set alone.
    pub fn new() -> Self {
        Self { sets: vec![Vec::new()], known: HashMap::default() }
    }

    /// The number of the set of each line of `page` (its indicators that
    /// `keep` lets through), adding the sets not met before.
    pub fn number(&mut self, page: &PageFeatures, keep: impl Fn(u16) -> bool) -> Vec<u32> {
        (0..page.base.len())
            .map(|k| {
                let mut set = JunctionBits::default();
                junction_bits(page, k).iter().filter(|&j| keep(j)).for_each(|j| set.insert(j));
                if set.is_empty() {
                    return 0;
                }
                *self.known.entry(set).or_insert_with(|| {
                    self.sets.push(set.iter().collect());
                    (self.sets.len() - 1) as u32
                })
            })
            .collect()
    }

    /// The sets, by number.
    pub fn into_sets(self) -> Vec<Vec<u16>> {
        self.sets
    }
}

impl Default for JunctionTable {
    fn default() -> Self {
        Self::new()
    }
}

/// The name of junction feature `index`: `junction:family=value` with its
/// script.
pub fn junction_name(index: usize) -> String {
    let domain = index / JUNCTION_BASE;
    let mut j = index % JUNCTION_BASE;
    let script = ["", " (zh)", " (latin)"].get(domain).copied().unwrap_or("");
    for f in JUNCTION_FAMILIES {
        let f = f as usize;
        if f == Family::Meets as usize {
            if j < END_CLASSES.len() {
                return format!("junction:before-ends={}{script}", END_CLASSES[j]);
            }
            j -= END_CLASSES.len();
            if j < START_CLASSES.len() {
                return format!("junction:starts={}{script}", START_CLASSES[j]);
            }
            j -= START_CLASSES.len();
        } else if j < VALUES[f].len() {
            return format!("junction:{}{script}", base_name((OFFSETS[f] + j) as u16));
        } else {
            j -= VALUES[f].len();
        }
    }
    format!("junction:#{index}")
}

/// The family (its index in [`Family`] order) and value of base feature
/// `base`.
fn family_and_value(base: u16) -> (usize, usize) {
    let base = base as usize;
    let family = OFFSETS.iter().rposition(|&o| o <= base).unwrap_or(0);
    (family, base - OFFSETS[family])
}

/// The name of base feature `base`, for explanations: `family=value`.
pub fn base_name(base: u16) -> String {
    let (family, value) = family_and_value(base);
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
    "cohesion",
    "echo",
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
    feed(&format!(
        "words {WORD_BUCKETS} {AROUND_REACH} cohesion {} {}",
        cohesion::REACH,
        cohesion::ECHO_RUNS
    ));
    super::tags::Tag::ALL.iter().for_each(|t| feed(t.name()));
    // The junction families (their values are fed above), and Meets read
    // as two indicators.
    feed("junctions: meets as before-ends and starts");
    JUNCTION_FAMILIES.iter().for_each(|&f| feed(FAMILY_NAMES[f as usize]));
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
    fn junction_indicators_are_named_once_and_read_meets_as_two() {
        let names: std::collections::HashSet<String> = (0..JUNCTION_COUNT).map(junction_name).collect();
        assert_eq!(names.len(), JUNCTION_COUNT, "every junction indicator has its own name");
        let meets = id(Family::Meets, START_CLASSES.len() + 1); // comma -> lower
        let [end, start] = junction_of(meets).map(|j| junction_name(j.expect("two indicators") as usize));
        assert_eq!((end.as_str(), start.as_str()), ("junction:before-ends=comma", "junction:starts=lower"));
        assert_eq!(junction_of(id(Family::Cue, 3)), [None, None], "a line's own cues are no junction");
        assert_eq!(junction_name(JUNCTION_BASE * 2), "junction:width-after=much-narrower (latin)");
    }

    /// A line's junctions are each indicator its base features stand for,
    /// in the shared copy and its script's, each once and in order: as
    /// sorting and deduplicating them gives, on every line of a real page.
    #[test]
    fn junctions_are_the_sorted_indicators_of_a_lines_features() {
        let text = include_str!("../../../tests/fixtures/commoner-lincoln-ne-1916-02-p1.txt");
        let source =
            crate::model::PageSource { path: "p.txt".into(), form_feed_page: None, byte_range: 0..0 };
        let page = crate::model::Page::new("p.txt".into(), source, "UTF-8", String::new(), text.into());
        let features = extract(&crate::segment::layout::measure(&page));
        assert!(features.base.len() > 100);
        for k in 1..features.base.len() {
            let mut expected: Vec<u16> = features.base[k]
                .iter()
                .flat_map(|&base| junction_of(base).into_iter().flatten())
                .flat_map(|j| [j, (features.domain * JUNCTION_BASE) as u16 + j])
                .collect();
            expected.sort_unstable();
            expected.dedup();
            assert_eq!(junctions(&features, k), expected, "line {k}");
        }
        let (sets, which) = junction_sets(&features, |j| j % 2 == 0);
        for (k, &set) in which.iter().enumerate() {
            let kept: Vec<u16> = junctions(&features, k).into_iter().filter(|j| j % 2 == 0).collect();
            assert_eq!(sets[set as usize], kept, "line {k}");
        }
    }

    /// What a junction is for: the same line scores decide differently
    /// across a junction whose indicator weighs for the pair of tags. Lines
    /// meeting the line before alike share one matrix of moves.
    #[test]
    fn a_junction_weighs_the_pair_of_tags_across_it() {
        use crate::segment::model::Model;
        use crate::segment::tags::Tag;
        const T: usize = Tag::COUNT;
        let (none, blank) = (id(Family::BlankBefore, 0), id(Family::BlankBefore, 1));
        let page = PageFeatures {
            lines: vec![0, 1, 3, 4],
            base: vec![vec![none], vec![none], vec![blank], vec![none]],
            words: vec![Vec::new(); 4],
            domain: 2,
        };
        assert!(junctions(&page, 0).is_empty(), "the first line meets nothing");
        let blank_junction = junction_of(blank)[0].expect("blank-before is a junction") as usize;
        let mut weights = vec![0.0; JUNCTION_COUNT * T * T];
        weights[blank_junction * T * T + Tag::Body.index() * T + Tag::BodyStart.index()] = 5.0;
        let model =
            Model::from_parts(vec![0.0; FEATURE_COUNT * T], vec![0.0; (T + 1) * T], weights, "{}".into());
        let moves = model.moves(&page);
        assert_eq!(moves.which[1], moves.which[3], "the same junction, the same matrix");
        assert_ne!(moves.which[1], moves.which[2]);
        let mut emissions = vec![[0.0f32; T]; 4];
        for (k, row) in emissions.iter_mut().enumerate() {
            row[Tag::Body.index()] = 2.0;
            row[Tag::BodyStart.index()] = if k == 0 { 3.0 } else { 0.0 };
        }
        let tags = model.viterbi(&emissions, &moves);
        assert_eq!(
            tags,
            [Tag::BodyStart, Tag::Body, Tag::BodyStart, Tag::Body],
            "opens after the blank line"
        );
        let plain = model.viterbi(&emissions, &model.plain_moves(4));
        assert_eq!(plain, [Tag::BodyStart, Tag::Body, Tag::Body, Tag::Body], "without it, runs on");
    }

    #[test]
    fn only_the_first_domain_of_each_slot_is_shared() {
        let cue = id(Family::Cue, 3);
        assert!(is_shared(feature_index(0, 0, cue)) && is_shared(feature_index(4, 0, cue)));
        assert!(!is_shared(feature_index(0, 1, cue)) && !is_shared(feature_index(4, 2, cue)));
        assert!(!is_shared(edge_index(0)) && !is_shared(word_index(7)), "edges and words are no copies");
    }
}
