//! `copydesk eval`: scores the proposed split of every page that has a
//! truth file, per page and per language.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::eval::{
    HeldOut, SCORED_ROLES, Score, TruthPage, leave_one_paper_out, load_truth_pages, paper_folds,
    score_truth_page,
};
use crate::segment::{self, Model, Training};

/// Which model proposes the split being scored.
#[derive(Debug)]
pub enum Proposer {
    /// The built-in model.
    Builtin,
    /// A model file.
    Model(Model),
    /// For each paper, a model trained on the other papers.
    LeaveOnePaperOut(Training),
    /// For each group of papers, a model trained on the other groups.
    PaperFolds(Training, usize),
}

/// One page's line of the report.
#[derive(Debug, Serialize)]
struct PageLine<'a> {
    page: &'a str,
    language: &'a str,
    paper: String,
    #[serde(flatten)]
    figures: Figures,
}

/// The figures of a score, as printed and in `--json`.
#[derive(Debug, Serialize)]
pub(crate) struct Figures {
    pub articles: usize,
    pub boundary_precision: f64,
    pub boundary_recall: f64,
    pub boundary_f1: f64,
    pub exact_headlines: f64,
    pub lines_in_right_article: f64,
    pub bcubed_f1: f64,
    pub role_f1: BTreeMap<&'static str, f64>,
    pub counts: Score,
}

impl Figures {
    pub(crate) fn of(score: &Score) -> Self {
        let role_f1 = SCORED_ROLES
            .iter()
            .filter(|&&r| {
                let c = score.role(r);
                c.truth + c.proposed > 0
            })
            .map(|&r| (r.as_str(), round(score.role(r).f1())))
            .collect();
        Self {
            articles: score.headlines,
            boundary_precision: round(score.boundary_precision()),
            boundary_recall: round(score.boundary_recall()),
            boundary_f1: round(score.boundary_f1()),
            exact_headlines: round(score.headline_accuracy()),
            lines_in_right_article: round(score.line_accuracy()),
            bcubed_f1: round(score.bcubed_f1()),
            role_f1,
            counts: score.clone(),
        }
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Scores the pages under `paths` and prints the tables (or JSON).
pub fn run(
    paths: &[PathBuf],
    how: &Proposer,
    json: bool,
    out: &mut impl std::io::Write,
) -> anyhow::Result<bool> {
    let pages = load_truth_pages(paths)?;
    let scores: Vec<Score> = match how {
        Proposer::Builtin => pages.iter().map(|p| score_truth_page(p, segment::propose)).collect(),
        Proposer::Model(model) => {
            pages.iter().map(|p| score_truth_page(p, |e| segment::propose_with(e, model).split)).collect()
        }
        Proposer::LeaveOnePaperOut(settings) => {
            leave_one_paper_out(&pages, settings, &progress_on_stderr(&pages))
        }
        Proposer::PaperFolds(settings, folds) => {
            paper_folds(&pages, settings, *folds, &progress_on_stderr(&pages))
        }
    };
    report(&pages, &scores, json, out)?;
    Ok(true)
}

/// Tells stderr of each held-out paper (or fold) as its model is trained
/// and its pages scored, with the figures per language so far: a
/// leave-one-paper-out run can take hours, and one stopped half-way still
/// says something.
fn progress_on_stderr(pages: &[TruthPage]) -> impl Fn(HeldOut<'_>) + Sync + '_ {
    let so_far: std::sync::Mutex<BTreeMap<&str, Score>> = std::sync::Mutex::new(BTreeMap::new());
    move |held: HeldOut<'_>| {
        let Ok(mut so_far) = so_far.lock() else { return };
        let mut group = Score::default();
        for (i, score) in held.scored {
            group.add(score);
            so_far.entry(pages[*i].language()).or_default().add(score);
        }
        let names: Vec<&str> = held.scored.iter().map(|(i, _)| pages[*i].name.as_str()).take(3).collect();
        let more = held.scored.len().saturating_sub(names.len());
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        let totals: Vec<String> = so_far
            .iter()
            .map(|(language, s)| {
                format!(
                    "{language} {} pages F1 {:.3} headlines {:.3} lines {:.3}",
                    s.pages,
                    s.boundary_f1(),
                    s.headline_accuracy(),
                    s.line_accuracy()
                )
            })
            .collect();
        eprintln!(
            "held out {}/{}: {}{more}: F1 {:.3} headlines {:.3} lines {:.3}; so far {}",
            held.done,
            held.groups,
            names.join(", "),
            group.boundary_f1(),
            group.headline_accuracy(),
            group.line_accuracy(),
            totals.join("; ")
        );
    }
}

/// Prints per-page and per-language figures for `scores` of `pages`.
pub(crate) fn report(
    pages: &[TruthPage],
    scores: &[Score],
    json: bool,
    out: &mut impl std::io::Write,
) -> anyhow::Result<()> {
    let mut by_language: BTreeMap<&str, Score> = BTreeMap::new();
    for (page, score) in pages.iter().zip(scores) {
        by_language.entry(page.language()).or_default().add(score);
    }
    if json {
        let lines: Vec<PageLine<'_>> = pages
            .iter()
            .zip(scores)
            .map(|(p, s)| PageLine {
                page: &p.name,
                language: p.language(),
                paper: p.paper(),
                figures: Figures::of(s),
            })
            .collect();
        let languages: BTreeMap<&str, Figures> =
            by_language.iter().map(|(l, s)| (*l, Figures::of(s))).collect();
        serde_json::to_writer_pretty(
            &mut *out,
            &serde_json::json!({ "pages": lines, "languages": languages }),
        )?;
        writeln!(out)?;
        return Ok(());
    }
    let width = pages.iter().map(|p| p.name.chars().count()).max().unwrap_or(4).max(4);
    writeln!(out, "{:width$}  lang  arts  bound-P  bound-R  bound-F1  headlines  lines  B3-F1", "page")?;
    for (page, score) in pages.iter().zip(scores) {
        write_row(out, &page.name, page.language(), score, width)?;
    }
    writeln!(out)?;
    for (language, score) in &by_language {
        write_row(out, &format!("all {language} ({} pages)", score.pages), language, score, width)?;
    }
    writeln!(out)?;
    for (language, score) in &by_language {
        let roles: Vec<String> =
            Figures::of(score).role_f1.iter().map(|(r, f)| format!("{r} {f:.3}")).collect();
        writeln!(out, "role F1, {language}: {}", roles.join(", "))?;
    }
    Ok(())
}

fn write_row(
    out: &mut impl std::io::Write,
    name: &str,
    language: &str,
    s: &Score,
    width: usize,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{name:width$}  {language:4}  {:4}  {:7.3}  {:7.3}  {:8.3}  {:9.3}  {:5.3}  {:5.3}",
        s.headlines,
        s.boundary_precision(),
        s.boundary_recall(),
        s.boundary_f1(),
        s.headline_accuracy(),
        s.line_accuracy(),
        s.bcubed_f1()
    )
}
