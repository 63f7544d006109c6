//! Writing a composed page's truth file, in the development corpus's format
//! (Copydesk's `docs/format.md`, "Truth files"), with the role of every
//! title, byline and caption line.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::SourcePage;
use crate::layout::Style;
use crate::page::{Composed, Owner, Role};

/// The truth file of `page`, as JSON text.
pub fn write(page: &Composed, name: &str, source: &SourcePage, style: Style) -> String {
    let lines = &page.lines;
    // Runs of one owner over non-blank lines; blank lines inside a run
    // belong to it.
    let mut runs: Vec<(Owner, usize, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(owner) = line.owner else { continue };
        let n = i + 1;
        match runs.last_mut() {
            Some((last, _, end)) if *last == owner => *end = n,
            _ => runs.push((owner, n, n)),
        }
    }
    let mut noise = Vec::new();
    let mut ignore = Vec::new();
    let mut spans: BTreeMap<usize, Vec<[usize; 2]>> = BTreeMap::new();
    for &(owner, first, last) in &runs {
        match owner {
            Owner::Noise => noise.push(json!({"first_line": first, "last_line": last, "why": "furniture, jump line or debris"})),
            Owner::Ad(n) => {
                ignore.push(json!({"first_line": first, "last_line": last, "why": page.ads.get(n).copied().unwrap_or("advertisement")}))
            }
            Owner::Article(n) => spans.entry(n).or_default().push([first, last]),
        }
    }
    let mut articles: Vec<(usize, Value)> = spans
        .iter()
        .map(|(&n, spans)| {
            let field = |role: Role| -> Option<String> {
                let parts: Vec<&str> = lines
                    .iter()
                    .filter(|l| l.owner == Some(Owner::Article(n)) && l.role == role)
                    .map(|l| l.text.trim())
                    .collect();
                (!parts.is_empty()).then(|| parts.join(""))
            };
            let roles: BTreeMap<String, &str> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.owner == Some(Owner::Article(n)) && l.role != Role::Body)
                .map(|(i, l)| ((i + 1).to_string(), role_name(l.role)))
                .collect();
            let mut article = json!({
                "first_line": spans[0][0],
                "last_line": spans[spans.len() - 1][1],
                "kicker": field(Role::Kicker),
                "headline": field(Role::Headline).unwrap_or_default(),
                "subheadline": field(Role::Subheadline),
                "byline": field(Role::Byline),
                "rubric": field(Role::Rubric),
                "roles": roles,
            });
            if spans.len() > 1 {
                article["spans"] = json!(spans);
            }
            (spans[0][0], article)
        })
        .collect();
    articles.sort_by_key(|(first, _)| *first);
    let truth = json!({
        "page": format!("{name}.txt"),
        "language": "zh-Hans",
        "paper": format!("composed-{}", style.name()),
        "origin": format!(
            "composed by tools/compose-pages from the article structure of People's Daily {} page {} (development corpus), style {}",
            source.date, source.page, style.name()
        ),
        "noise": noise,
        "ignore": ignore,
        "articles": articles.into_iter().map(|(_, a)| a).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&truth).unwrap_or_default() + "\n"
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Kicker => "kicker",
        Role::Headline => "headline",
        Role::Subheadline => "subheadline",
        Role::Byline => "byline",
        Role::Body => "body",
        Role::Caption => "caption",
        Role::Rubric => "kicker",
    }
}
