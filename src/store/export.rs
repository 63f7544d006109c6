//! Exporting the corrected edition for the newsroom and the archive:
//! `text` (one UTF-8 file per article), `markdown` (the edition in one
//! file), `ninjs` (IPTC ninjs 2.1 JSON, one object per article) and `json`
//! (plain objects for scripts). Export never writes over a file unless told
//! to, and file names made from headlines can never leave the chosen folder.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::StoreError;
use super::format::{SavedArticle, SavedDocument};
use crate::text::script::is_mostly_spaceless;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One UTF-8 text file per article, in a folder.
    Text,
    /// The whole edition in one Markdown file.
    Markdown,
    /// IPTC ninjs 2.1: a JSON array, one object per article.
    Ninjs,
    /// A JSON array of plain article objects.
    Json,
}

/// Exports the articles of `saved` to `out` (a folder for `text`, a file
/// otherwise); returns the files written.
pub fn export(
    saved: &SavedDocument,
    format: ExportFormat,
    out: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, StoreError> {
    let files: Vec<(PathBuf, String)> = match format {
        ExportFormat::Text => saved
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (out.join(file_name_for(i + 1, a)), plain_text(a)))
            .collect(),
        ExportFormat::Markdown => vec![(out.to_owned(), markdown(saved))],
        ExportFormat::Ninjs => vec![(
            out.to_owned(),
            pretty(&Value::Array(saved.articles.iter().map(|a| ninjs(saved, a)).collect())),
        )],
        ExportFormat::Json => {
            vec![(out.to_owned(), pretty(&Value::Array(saved.articles.iter().map(plain_json).collect())))]
        }
    };
    if !force && let Some((existing, _)) = files.iter().find(|(path, _)| path.exists()) {
        return Err(StoreError::Exists { path: existing.clone() });
    }
    if format == ExportFormat::Text {
        std::fs::create_dir_all(out).map_err(|cause| StoreError::Io {
            action: "create",
            path: out.to_owned(),
            cause,
        })?;
    }
    for (path, content) in &files {
        super::atomic::write_atomically(path, content.as_bytes(), false)?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// The BCP 47 language of an article, from its script.
fn language(article: &SavedArticle) -> &'static str {
    let sample =
        article.text.headline.iter().chain(&article.text.paragraphs).next().map_or("", String::as_str);
    if is_mostly_spaceless(sample) { "zh-Hans" } else { "en" }
}

fn title_lines(article: &SavedArticle) -> impl Iterator<Item = &String> {
    [&article.text.kicker, &article.text.headline, &article.text.subheadline, &article.text.rubric]
        .into_iter()
        .flatten()
}

fn plain_text(article: &SavedArticle) -> String {
    let mut out = String::new();
    for line in title_lines(article).chain(&article.text.byline) {
        out.push_str(line);
        out.push('\n');
    }
    for paragraph in article.text.paragraphs.iter().chain(&article.text.captions) {
        out.push('\n');
        out.push_str(paragraph);
        out.push('\n');
    }
    out
}

fn markdown(saved: &SavedDocument) -> String {
    let mut out = String::new();
    let names: Vec<&str> = saved.sources.iter().map(|s| s.name.as_str()).collect();
    let names = escape_html(&names.join(", "));
    out.push_str(&format!("<!-- Exported by Copydesk from {names} -->\n"));
    for article in &saved.articles {
        out.push('\n');
        if let Some(kicker) = &article.text.kicker {
            out.push_str(&format!("*{}*\n\n", escape_title(kicker)));
        }
        let headline = article.text.headline.as_deref().unwrap_or("(untitled)");
        out.push_str(&format!("## {}\n\n", escape_title(headline)));
        for line in [&article.text.subheadline, &article.text.rubric].into_iter().flatten() {
            out.push_str(&format!("### {}\n\n", escape_title(line)));
        }
        if let Some(byline) = &article.text.byline {
            out.push_str(&format!("**{}**\n\n", escape_title(byline)));
        }
        for paragraph in &article.text.paragraphs {
            out.push_str(&escape_markdown(paragraph));
            out.push_str("\n\n");
        }
        for caption in &article.text.captions {
            out.push_str(&format!("> {}\n\n", escape_markdown(caption)));
        }
    }
    out
}

/// Text as Markdown that reads as that text and nothing else: no markup,
/// no HTML, no link, no list, heading or code block of its own. Characters
/// that start syntax anywhere are escaped with a backslash; at the start of
/// a line, blanks (which could make code) become character references and
/// list, heading and quote markers are escaped too.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (index, line) in text.split(['\n', '\r']).enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let body = line.trim_start_matches([' ', '\t']);
        for blank in line[..line.len() - body.len()].chars() {
            out.push_str(if blank == '\t' { "&#9;" } else { "&#32;" });
        }
        let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        for (at, c) in body.char_indices() {
            let starts_block = at == 0 && matches!(c, '-' | '+' | '=');
            let ends_number = at == digits && digits > 0 && matches!(c, '.' | ')');
            let syntax =
                matches!(c, '\\' | '*' | '_' | '`' | '#' | '[' | ']' | '<' | '>' | '!' | '|' | '~' | '&');
            if syntax || starts_block || ends_number {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A title line (kicker, headline, byline…) as Markdown: one line, even if
/// a document slipped a line break into it, so it stays inside its markup.
fn escape_title(text: &str) -> String {
    escape_markdown(&text.replace(['\n', '\r'], " "))
}

/// Text for the inside of a one-line HTML comment: without `<`, `>` and
/// `&` it can neither close the comment nor open another; line breaks
/// become spaces.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace(['\n', '\r'], " ")
}

/// An article as IPTC ninjs 2.1. Only schema fields are used: our own
/// source reference goes into `altids` and the editorial note.
fn ninjs(saved: &SavedDocument, article: &SavedArticle) -> Value {
    let mut headlines = Vec::new();
    for (role, value) in [
        ("main", &article.text.headline),
        ("subtitle", &article.text.subheadline),
        ("kicker", &article.text.kicker),
    ] {
        if let Some(value) = value {
            headlines.push(json!({ "role": role, "value": value }));
        }
    }
    let place = article.spans.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let sources: Vec<&str> = saved.sources.iter().map(|s| s.name.as_str()).collect();
    let sha = saved.sources.first().map_or("", |s| s.sha256.as_str());
    let mut object = json!({
        "uri": format!("urn:copydesk:{sha}:{}", article.id),
        "standard": { "name": "ninjs", "version": "2.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json" },
        "type": "text",
        "representationtype": "full",
        "language": language(article),
        "headlines": headlines,
        "bodies": [{ "role": "main", "contenttype": "text/plain", "value": article.text.paragraphs.join("\n\n") }],
        "altids": [{ "role": "copydesk-source", "value": format!("{} {place}", sources.join(", ")) }],
        "ednote": format!("OCR text corrected with Copydesk; source {} {place}", sources.join(", ")),
    });
    if let Some(by) = &article.text.byline {
        object["by"] = json!(by);
    }
    if !article.text.captions.is_empty() {
        object["descriptions"] = Value::Array(
            article.text.captions.iter().map(|c| json!({ "role": "caption", "value": c })).collect(),
        );
    }
    object
}

fn plain_json(article: &SavedArticle) -> Value {
    json!({
        "id": article.id,
        "language": language(article),
        "spans": article.spans,
        "kicker": article.text.kicker,
        "headline": article.text.headline,
        "subheadline": article.text.subheadline,
        "rubric": article.text.rubric,
        "byline": article.text.byline,
        "paragraphs": article.text.paragraphs,
        "captions": article.text.captions,
    })
}

/// A safe file name for the `n`-th article: its number (so names sort in
/// reading order) and its headline, with nothing that could leave the
/// folder or trouble a file system: no separators, no control characters,
/// no leading dots, no reserved device names, at most 60 characters.
pub fn file_name_for(n: usize, article: &SavedArticle) -> String {
    let title = article.text.headline.as_deref().unwrap_or(&article.id);
    let mut name: String = title
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .trim_start_matches('.')
        .chars()
        .take(60)
        .collect();
    let stem = name.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str())
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.ends_with(|c: char| c.is_ascii_digit()));
    if reserved || name.is_empty() {
        name.insert(0, '_');
    }
    format!("{n:02}-{name}.txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(headline: &str) -> SavedArticle {
        let text = crate::compose::ArticleText {
            headline: Some(headline.into()),
            paragraphs: vec!["正文。".into()],
            ..Default::default()
        };
        SavedArticle { id: "a1".into(), spans: Vec::new(), reviewed: false, text }
    }

    #[test]
    fn names_from_headlines_stay_in_their_folder() {
        assert_eq!(file_name_for(1, &article("城市更新的口子 断不会开")), "01-城市更新的口子-断不会开.txt");
        assert_eq!(file_name_for(2, &article("../../etc/passwd")), "02-_.._etc_passwd.txt");
        assert_eq!(file_name_for(3, &article("CON")), "03-_CON.txt");
        assert_eq!(file_name_for(4, &article("com1.txt")), "04-_com1.txt.txt");
        assert_eq!(file_name_for(5, &article("a\u{0}b\nc")), "05-a_b_c.txt");
        assert_eq!(file_name_for(6, &article("...")), "06-_.txt");
    }

    #[test]
    fn markdown_syntax_in_text_is_escaped() {
        assert_eq!(escape_markdown("# not a heading *really*"), "\\# not a heading \\*really\\*");
        assert_eq!(escape_markdown("1. one\n- two\n    code"), "1\\. one\n\\- two\n&#32;&#32;&#32;&#32;code");
        assert_eq!(escape_html("x --> <img> <!--"), "x --&gt; &lt;img&gt; &lt;!--");
    }
}
