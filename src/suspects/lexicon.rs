//! The word lists and look-alike characters suspects are scored against
//! (`assets/lexicon/`, sources and licences in its README), built into the
//! program and parsed once, the first time they are needed.

use std::collections::HashMap;

use foldhash::fast::FixedState;

/// A map keyed by words: looked up millions of times per edition, so with
/// a fast hash (the keys are our own files, not an attacker's).
pub type Words<V> = HashMap<&'static str, V, FixedState>;
use std::sync::OnceLock;

/// Chinese words of 1 to 4 characters with their frequencies (jieba),
/// after a `# total N` line giving the sum of all of jieba's counts.
const ZH_WORDS: &str = include_str!("../../assets/lexicon/zh_words.txt");
/// Groups of Chinese characters of similar shape (pycorrector).
const ZH_SAME_STROKE: &str = include_str!("../../assets/lexicon/zh_same_stroke.txt");
/// Look-alike pairs OCR confuses (our own list).
const ZH_OCR_PAIRS: &str = include_str!("../../assets/lexicon/zh_ocr_pairs.txt");
/// English words with their frequencies (SymSpell).
const EN_WORDS: &str = include_str!("../../assets/lexicon/en_words.txt");

/// Everything suspects are scored against.
#[derive(Debug)]
pub struct Lexicon {
    /// Chinese word → frequency.
    pub zh_words: Words<u64>,
    /// The sum of all counts of the full Chinese list (trimmed words too),
    /// to turn counts into probabilities.
    pub zh_total: u64,
    /// Chinese character → the characters it is mistaken for.
    pub look_alikes: HashMap<char, Vec<char>, FixedState>,
    /// Lower-case English word → frequency.
    pub en_words: Words<u64>,
}

impl Lexicon {
    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            zh_words: frequencies(ZH_WORDS),
            zh_total: total(ZH_WORDS),
            look_alikes: look_alikes(&[ZH_SAME_STROKE, ZH_OCR_PAIRS]),
            en_words: frequencies(EN_WORDS),
        })
    }

    /// The frequency of Chinese word `word`, 0 when unknown.
    pub fn zh(&self, word: &str) -> u64 {
        self.zh_words.get(word).copied().unwrap_or(0)
    }

    /// The frequency of English word `word` (lower case), 0 when unknown.
    pub fn en(&self, word: &str) -> u64 {
        self.en_words.get(word).copied().unwrap_or(0)
    }
}

/// The `# total N` header of a word list (1 when it has none).
fn total(text: &str) -> u64 {
    let header = text.lines().next().and_then(|l| l.strip_prefix("# total "));
    header.and_then(|n| n.trim().parse().ok()).unwrap_or(1)
}

/// `WORD FREQUENCY` lines (`#` lines are comments); malformed lines are skipped (the files are ours
/// and checked by a test, so none are).
fn frequencies(text: &'static str) -> Words<u64> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (word, count) = line.split_once(' ')?;
            Some((word, count.trim().parse().ok()?))
        })
        .collect()
}

/// Tab-separated groups of look-alike characters, each read both ways;
/// `#` starts a comment line.
fn look_alikes(files: &[&str]) -> HashMap<char, Vec<char>, FixedState> {
    let mut map: HashMap<char, Vec<char>, FixedState> = HashMap::default();
    for line in files.iter().flat_map(|f| f.lines()).filter(|l| !l.starts_with('#')) {
        let group: Vec<char> = line.split('\t').filter_map(|c| c.trim().chars().next()).collect();
        for &c in &group {
            let others = map.entry(c).or_default();
            for &other in &group {
                if other != c && !others.contains(&other) {
                    others.push(other);
                }
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_shipped_lists_parses() {
        let lexicon = Lexicon::get();
        assert_eq!(lexicon.zh_words.len(), ZH_WORDS.lines().count() - 1);
        assert_eq!(lexicon.zh_total, 60_101_967);
        assert_eq!(lexicon.en_words.len(), EN_WORDS.lines().count());
        assert!(lexicon.zh("已经") > 1000 && lexicon.zh("己经") == 0);
        assert!(lexicon.en("president") > lexicon.en("dent"));
    }

    #[test]
    fn look_alikes_read_both_ways() {
        let lexicon = Lexicon::get();
        for (a, b) in [('己', '已'), ('未', '末'), ('日', '曰'), ('戊', '戌')] {
            assert!(lexicon.look_alikes[&a].contains(&b), "{a} → {b}");
            assert!(lexicon.look_alikes[&b].contains(&a), "{b} → {a}");
        }
    }
}
