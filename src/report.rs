//! The JSON contract of `copydesk split`: what later tools rely on.
//!
//! Field names listed in the README are a contract; fields may be added but
//! never renamed or removed. Pages and lines count from 1; `last_line` is
//! inclusive.

use serde::{Deserialize, Serialize};

use crate::compose::{ArticleText, block_text, compose_blocks};
use crate::model::{Edition, Role, Span, Split};
use crate::segment::Proposal;

/// Version of this JSON shape.
pub const VERSION: u32 = 1;

/// The proposed split of an edition, as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitReport {
    /// Version of the JSON shape.
    pub version: u32,
    /// What was read.
    pub source: SourceReport,
    /// Articles in reading order.
    pub articles: Vec<ArticleReport>,
    /// Runs of noise lines.
    pub noise: Vec<NoiseReport>,
    /// Runs of advertisement lines (set aside like noise, never an article).
    #[serde(default)]
    pub advertisements: Vec<NoiseReport>,
}

/// The pages read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceReport {
    /// Pages in order.
    pub pages: Vec<PageReport>,
}

/// One page read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageReport {
    /// File name, with `#N` for the N-th page of a form-feed file.
    pub name: String,
    /// The file it was read from.
    pub path: String,
    /// SHA-256 of the page's exact source bytes.
    pub sha256: String,
    /// The encoding it was decoded from.
    pub encoding: String,
    /// Number of lines.
    pub line_count: usize,
    /// Size of the page's source bytes.
    pub bytes: u64,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleReport {
    /// Stable identifier.
    pub id: String,
    /// Where it lies: more than one span when another item interrupts it.
    pub spans: Vec<Span>,
    /// Kicker, headline, subheadline, rubric, byline, paragraphs, captions.
    #[serde(flatten)]
    pub text: ArticleText,
    /// Its blocks in source order.
    pub blocks: Vec<BlockReport>,
    /// How sure the proposal is that the article starts where it does (the
    /// model's probability, 0 to 1); null when no model proposed it.
    #[serde(default)]
    pub confidence: Option<f32>,
}

/// One block of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockReport {
    /// Page, from 1.
    pub page: u32,
    /// First line, from 1.
    pub first_line: u32,
    /// Last line, inclusive.
    pub last_line: u32,
    /// Its role.
    pub role: Role,
    /// Why, in words.
    pub reason: String,
    /// Byte offset of its start in the page's decoded text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
}

/// A run of noise lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoiseReport {
    /// Page, from 1.
    pub page: u32,
    /// First line, from 1.
    pub first_line: u32,
    /// Last line, inclusive.
    pub last_line: u32,
    /// Why, in words.
    pub reason: String,
}

impl SplitReport {
    /// Describes a proposal for `edition`, with its confidences.
    pub fn of_proposal(edition: &Edition, proposal: &Proposal) -> Self {
        let mut report = Self::new(edition, &proposal.split);
        let at: std::collections::HashMap<(usize, usize), f32> =
            proposal.boundaries.iter().map(|b| ((b.page, b.line), b.confidence)).collect();
        let by_article = proposal.split.blocks_by_article();
        for (article, id) in report.articles.iter_mut().zip(&proposal.split.articles) {
            let first = by_article.get(id).and_then(|blocks| blocks.first());
            let line = first.map(|b| (b.page, edition.pages[b.page].lines_of(&b.range).start));
            article.confidence = line.and_then(|key| at.get(&key)).map(|c| (c * 1000.0).round() / 1000.0);
        }
        report
    }

    /// Describes `split` of `edition`.
    pub fn new(edition: &Edition, split: &Split) -> Self {
        let pages = edition
            .pages
            .iter()
            .map(|page| PageReport {
                name: page.name.clone(),
                path: page.source.path.display().to_string(),
                sha256: page.sha256.clone(),
                encoding: page.encoding.to_owned(),
                line_count: page.line_count(),
                bytes: page.source.byte_range.end - page.source.byte_range.start,
            })
            .collect();
        let by_article = split.blocks_by_article();
        let mut spans = split.all_spans(edition);
        let articles = split
            .articles
            .iter()
            .map(|&id| {
                let own = by_article.get(&id).map_or(&[][..], Vec::as_slice);
                let text = compose_blocks(own.iter().copied(), |block| block_text(edition, block));
                let blocks = own
                    .iter()
                    .map(|block| {
                        let span = block.span(edition);
                        BlockReport {
                            page: span.page,
                            first_line: span.first_line,
                            last_line: span.last_line,
                            role: block.role,
                            reason: block.cue.describe().to_owned(),
                            start: block.range.start,
                            end: block.range.end,
                        }
                    })
                    .collect();
                ArticleReport {
                    id: id.to_string(),
                    spans: spans.remove(&id).unwrap_or_default(),
                    text,
                    blocks,
                    confidence: None,
                }
            })
            .collect();
        Self {
            version: VERSION,
            source: SourceReport { pages },
            articles,
            noise: set_aside_runs(edition, split, Role::Noise),
            advertisements: set_aside_runs(edition, split, Role::Advertisement),
        }
    }
}

/// Blocks set aside as `role` merged wherever no other block lies between
/// them.
fn set_aside_runs(edition: &Edition, split: &Split, role: Role) -> Vec<NoiseReport> {
    let mut runs: Vec<NoiseReport> = Vec::new();
    let mut previous_was_noise = false;
    for block in &split.blocks {
        if block.role != role {
            previous_was_noise = false;
            continue;
        }
        let span = block.span(edition);
        let reason = block.cue.describe();
        match runs.last_mut() {
            Some(run) if previous_was_noise && run.page == span.page => {
                run.last_line = span.last_line;
                if !run.reason.contains(reason) {
                    run.reason = format!("{}; {reason}", run.reason);
                }
            }
            _ => runs.push(NoiseReport {
                page: span.page,
                first_line: span.first_line,
                last_line: span.last_line,
                reason: reason.to_owned(),
            }),
        }
        previous_was_noise = true;
    }
    runs
}
