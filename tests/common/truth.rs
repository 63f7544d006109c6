//! Truth files (`*.truth.json`, hand-made by an editor) and how a proposed
//! split is scored against them.
//!
//! The three figures are the ones the newsroom asked for:
//! - article-boundary F1: over the first lines of article spans;
//! - exact headlines: truth articles whose headline (and kicker,
//!   subheadline) the proposal reproduces exactly;
//! - lines in the right article: non-blank lines whose owner (an article or
//!   noise) matches, articles being paired by the line each starts on.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

/// One truth article, as the truth file lists it.
#[derive(Debug)]
pub struct TruthArticle<'a> {
    pub value: &'a Value,
    pub spans: Vec<(u64, u64)>,
}

/// Parses the articles of a truth file, with their spans.
pub fn truth_articles(truth: &Value) -> Vec<TruthArticle<'_>> {
    truth["articles"]
        .as_array()
        .expect("truth has articles")
        .iter()
        .map(|a| {
            let spans = match a.get("spans").and_then(Value::as_array) {
                Some(spans) => {
                    spans.iter().map(|s| (s[0].as_u64().unwrap(), s[1].as_u64().unwrap())).collect()
                }
                None => vec![(a["first_line"].as_u64().unwrap(), a["last_line"].as_u64().unwrap())],
            };
            TruthArticle { value: a, spans }
        })
        .collect()
}

/// Who owns each non-blank line in the truth: `Some(article index)` or
/// `None` for noise.
pub fn truth_owners(truth: &Value, page_text: &str) -> BTreeMap<u64, Option<usize>> {
    let lines: Vec<&str> = page_text.lines().collect();
    let filled = |n: u64| lines.get(n as usize - 1).is_some_and(|l| !l.trim().is_empty());
    let mut owners = BTreeMap::new();
    for noise in truth["noise"].as_array().expect("truth has noise") {
        for n in noise["first_line"].as_u64().unwrap()..=noise["last_line"].as_u64().unwrap() {
            if filled(n) {
                owners.insert(n, None);
            }
        }
    }
    for (index, article) in truth_articles(truth).iter().enumerate() {
        for &(first, last) in &article.spans {
            for n in first..=last {
                if filled(n) {
                    owners.insert(n, Some(index));
                }
            }
        }
    }
    owners
}

/// Who owns each non-blank line in a proposal (page 1 only).
pub fn proposed_owners(proposal: &Value) -> BTreeMap<u64, Option<usize>> {
    let mut owners = BTreeMap::new();
    for (index, article) in proposal["articles"].as_array().unwrap().iter().enumerate() {
        for block in article["blocks"].as_array().unwrap() {
            for n in block["first_line"].as_u64().unwrap()..=block["last_line"].as_u64().unwrap() {
                owners.insert(n, Some(index));
            }
        }
    }
    for noise in proposal["noise"].as_array().unwrap() {
        for n in noise["first_line"].as_u64().unwrap()..=noise["last_line"].as_u64().unwrap() {
            owners.insert(n, None);
        }
    }
    owners
}

/// The scores of one page.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub boundaries_true: usize,
    pub boundaries_proposed: usize,
    pub boundaries_matched: usize,
    pub headlines: usize,
    pub headlines_exact: usize,
    pub lines: usize,
    pub lines_right: usize,
}

impl Score {
    pub fn add(&mut self, other: Score) {
        self.boundaries_true += other.boundaries_true;
        self.boundaries_proposed += other.boundaries_proposed;
        self.boundaries_matched += other.boundaries_matched;
        self.headlines += other.headlines;
        self.headlines_exact += other.headlines_exact;
        self.lines += other.lines;
        self.lines_right += other.lines_right;
    }

    pub fn boundary_f1(&self) -> f64 {
        let precision = self.boundaries_matched as f64 / self.boundaries_proposed.max(1) as f64;
        let recall = self.boundaries_matched as f64 / self.boundaries_true.max(1) as f64;
        if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) }
    }

    pub fn headline_accuracy(&self) -> f64 {
        self.headlines_exact as f64 / self.headlines.max(1) as f64
    }

    pub fn line_accuracy(&self) -> f64 {
        self.lines_right as f64 / self.lines.max(1) as f64
    }
}

/// Scores a proposal of one page against its truth.
pub fn score(truth: &Value, proposal: &Value, page_text: &str) -> Score {
    let articles = truth_articles(truth);
    let proposed = proposal["articles"].as_array().unwrap();
    let true_starts: BTreeSet<u64> = articles.iter().flat_map(|a| a.spans.iter().map(|s| s.0)).collect();
    let proposed_starts: BTreeSet<u64> = proposed
        .iter()
        .flat_map(|a| a["spans"].as_array().unwrap().iter().map(|s| s["first_line"].as_u64().unwrap()))
        .collect();
    let proposed_by_line = proposed_owners(proposal);
    // Pair each truth article with the proposed article holding its first line.
    let pairing: Vec<Option<usize>> =
        articles.iter().map(|a| proposed_by_line.get(&a.spans[0].0).copied().flatten()).collect();
    let headlines_exact = articles
        .iter()
        .zip(&pairing)
        .filter(|(a, p)| {
            p.is_some_and(|p| {
                ["kicker", "headline", "subheadline"].iter().all(|field| a.value[field] == proposed[p][field])
            })
        })
        .count();
    let truth_by_line = truth_owners(truth, page_text);
    let lines_right = truth_by_line
        .iter()
        .filter(|&(line, owner)| {
            let expected = owner.map(|a| pairing[a]);
            let got = proposed_by_line.get(line).copied();
            match (expected, got) {
                (None, Some(None)) => true,
                (Some(Some(p)), Some(Some(q))) => p == q,
                _ => false,
            }
        })
        .count();
    Score {
        boundaries_true: true_starts.len(),
        boundaries_proposed: proposed_starts.len(),
        boundaries_matched: true_starts.intersection(&proposed_starts).count(),
        headlines: articles.len(),
        headlines_exact,
        lines: truth_by_line.len(),
        lines_right,
    }
}
