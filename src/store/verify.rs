//! Proving a saved document still matches its source: every source page is
//! there and unchanged, every correction's operations rebuild its text from
//! the source, and every article's stored text is what source and
//! corrections give.

use std::path::Path;

use super::StoreError;
use super::format::{Op, SavedDocument};
use super::restore::open_with;
use super::save::saved_articles;
use super::sources::SourceAccess;
use crate::text::{MESSAGE_CHARS, excerpt};

/// Checks the document at `path`, reading the sources `access` allows;
/// returns one line per problem (none when everything holds).
pub fn verify(path: &Path, access: SourceAccess) -> Result<Vec<String>, StoreError> {
    let restored = open_with(path, access)?;
    let mut problems: Vec<String> = restored.problems.iter().map(ToString::to_string).collect();
    let Some(document) = restored.document else { return Ok(problems) };
    problems.extend(check_ops(&restored.saved, |page, range| {
        document.edition.pages.get(page).and_then(|p| p.text.get(range)).map(str::to_owned)
    }));
    let rebuilt: std::collections::HashMap<crate::model::ArticleId, super::SavedArticle> =
        saved_articles(&document).into_iter().collect();
    for saved in &restored.saved.articles {
        let id = saved.id.strip_prefix('a').and_then(|n| n.parse().ok()).map(crate::model::ArticleId);
        match id {
            Some(id) if rebuilt.get(&id) == Some(saved) => {}
            _ => problems.push(format!(
                "article {}: its stored text is not what source and corrections give",
                saved.id
            )),
        }
    }
    Ok(problems)
}

/// Each correction's operations must cover its source range in order and
/// rebuild its text.
fn check_ops(
    saved: &SavedDocument,
    source: impl Fn(usize, std::ops::Range<usize>) -> Option<String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for c in &saved.corrections {
        let page = c.page as usize - 1;
        let mut rebuilt = String::new();
        let mut at = c.start;
        let mut sound = true;
        for op in &c.ops {
            match op {
                Op::Equal { start, end } | Op::Delete { start, end } => {
                    sound &= *start == at;
                    at = *end;
                    if let (Op::Equal { .. }, Some(text)) = (op, source(page, *start..*end)) {
                        rebuilt.push_str(&text);
                    }
                }
                Op::Insert { at: position, text } => {
                    sound &= *position == at;
                    rebuilt.push_str(text);
                }
            }
        }
        sound &= at == c.end;
        if !sound || rebuilt != c.text {
            problems.push(format!(
                "page {} line {}: the correction's operations do not rebuild its text {:?}",
                c.page,
                c.line,
                excerpt(&c.text, MESSAGE_CHARS)
            ));
        }
        if source(page, c.start..c.end).as_deref() != Some(c.source.as_str()) {
            problems.push(format!(
                "page {} line {}: the correction's source text does not match the page",
                c.page, c.line
            ));
        }
    }
    problems
}
