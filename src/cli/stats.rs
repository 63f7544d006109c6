//! `copydesk stats DOC`: review progress, per article and for the edition:
//! corrections, characters changed, the source's character error rate
//! against the corrected text of reviewed articles, and suspects left.

use std::path::Path;

use crate::stats::{Figures, figures};
use crate::store::SourceAccess;

/// Prints the figures of `doc` as a table, or as JSON with `json`.
pub fn run(
    doc: &Path,
    json: bool,
    access: SourceAccess,
    out: &mut impl std::io::Write,
) -> anyhow::Result<bool> {
    let Some(document) = super::editable(doc, access, out)? else { return Ok(false) };
    let figures = figures(&document);
    if json {
        serde_json::to_writer_pretty(&mut *out, &figures)?;
        writeln!(out)?;
    } else {
        table(&figures, out)?;
    }
    Ok(true)
}

fn table(figures: &Figures, out: &mut impl std::io::Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<6} {:<8} {:>11} {:>8} {:>7} {:>8}  headline",
        "id", "state", "corrections", "changed", "CER", "suspects"
    )?;
    for a in &figures.articles {
        let state = if a.reviewed { "reviewed" } else { "-" };
        let headline = a.headline.as_deref().map(short).unwrap_or_default();
        writeln!(
            out,
            "{:<6} {:<8} {:>11} {:>8} {:>7} {:>8}  {headline}",
            a.id,
            state,
            a.corrections,
            a.characters_changed,
            percent(a.character_error_rate),
            a.suspects
        )?;
    }
    let e = &figures.edition;
    writeln!(
        out,
        "edition: {} of {} articles reviewed · {} corrections · {} characters changed · CER {} (reviewed articles) · {} suspects left",
        e.reviewed,
        e.articles,
        e.corrections,
        e.characters_changed,
        percent(e.character_error_rate),
        e.suspects
    )
}

/// A rate as a percentage with two decimals, `-` when there is none.
fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "-".to_owned(), |r| format!("{:.2}%", r * 100.0))
}

/// A headline cut to fit a table row.
fn short(headline: &str) -> String {
    match headline.char_indices().nth(30) {
        Some((cut, _)) => format!("{}…", &headline[..cut]),
        None => headline.to_owned(),
    }
}
