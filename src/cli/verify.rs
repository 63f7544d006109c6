//! `copydesk verify DOC`: are the sources there and unchanged, and do the
//! diffs reproduce the stored text? One line per problem; exit status 0 only
//! when all holds.

use std::path::Path;

use crate::store::SourceAccess;

/// Verifies `doc`, reading the sources `access` allows, printing one line
/// per problem.
pub fn run(doc: &Path, access: SourceAccess, out: &mut impl std::io::Write) -> anyhow::Result<bool> {
    let problems = crate::store::verify(doc, access)?;
    super::print_problems(doc, &problems, out)?;
    if problems.is_empty() {
        writeln!(
            out,
            "{}: sources present and unchanged; corrections reproduce the stored text",
            doc.display()
        )?;
    }
    Ok(problems.is_empty())
}
