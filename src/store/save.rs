//! Writing a document: the split, the corrections as character diffs
//! against the source, and each article's corrected text.

use std::path::{Path, PathBuf};

use super::StoreError;
use super::format::{
    FORMAT, Op, SavedArticle, SavedBlock, SavedCorrection, SavedDismissal, SavedDocument, SavedSource,
    VERSION,
};
use super::stamp::{DiskStamp, DiskState, disk_state};
use crate::edit::{Correction, Document, render_blocks};
use crate::model::Span;
use crate::text::diff::Tag;

/// The document as it is saved, with source paths relative to `folder`
/// (the folder the document is saved in) where they can be.
pub fn describe(document: &Document, folder: &Path) -> SavedDocument {
    let edition = &document.edition;
    let sources = edition
        .pages
        .iter()
        .enumerate()
        .map(|(index, page)| SavedSource {
            page: number(index),
            name: page.name.clone(),
            path: relative_to(&page.source.path, folder),
            form_feed_page: page.source.form_feed_page,
            byte_start: page.source.byte_range.start,
            byte_end: page.source.byte_range.end,
            size: page.source.byte_range.end - page.source.byte_range.start,
            encoding: page.encoding.to_owned(),
            sha256: page.sha256.clone(),
        })
        .collect();
    let articles = saved_articles(document).into_iter().map(|(_, article)| article).collect();
    let blocks = document
        .split
        .blocks
        .iter()
        .map(|block| {
            let span = block.span(edition);
            SavedBlock {
                page: span.page,
                start: block.range.start,
                end: block.range.end,
                first_line: span.first_line,
                last_line: span.last_line,
                role: block.role,
                cue: block.cue,
                article: block.article.map(|a| a.to_string()),
            }
        })
        .collect();
    let corrections = document.corrections.iter().map(|c| saved_correction(document, c)).collect();
    let dismissed = document.review.dismissed.iter().map(|d| saved_dismissal(document, d)).collect();
    SavedDocument {
        format: FORMAT.to_owned(),
        version: VERSION,
        sources,
        articles,
        blocks,
        corrections,
        dismissed,
    }
}

/// Every article's corrected text, as saved and exported, in reading
/// order (one pass over the blocks, however many articles).
pub fn saved_articles(document: &Document) -> Vec<(crate::model::ArticleId, SavedArticle)> {
    let by_article = document.split.blocks_by_article();
    let mut spans = document.split.all_spans(&document.edition);
    document
        .split
        .articles
        .iter()
        .map(|&id| {
            let saved = SavedArticle {
                id: id.to_string(),
                spans: spans.remove(&id).unwrap_or_default(),
                reviewed: document.review.is_reviewed(id),
                text: render_blocks(document, by_article.get(&id).map_or(&[][..], Vec::as_slice)),
            };
            (id, saved)
        })
        .collect()
}

fn saved_dismissal(document: &Document, dismissal: &crate::model::Dismissal) -> SavedDismissal {
    let page = &document.edition.pages[dismissal.page];
    SavedDismissal {
        page: number(dismissal.page),
        start: dismissal.start,
        end: dismissal.end,
        line: number(page.lines.line_of(dismissal.start)),
        source: page.text.get(dismissal.start..dismissal.end).unwrap_or_default().to_owned(),
        suggestion: dismissal.suggestion.clone(),
    }
}

fn saved_correction(document: &Document, correction: &Correction) -> SavedCorrection {
    let page = &document.edition.pages[correction.page];
    let source = &page.text[correction.range.clone()];
    let line = Span::from_indices(correction.page, page.lines.line_of(correction.range.start), 0).first_line;
    SavedCorrection {
        page: number(correction.page),
        start: correction.range.start,
        end: correction.range.end,
        line,
        source: source.to_owned(),
        text: correction.text.clone(),
        ops: diff_ops(source, correction.range.start, &correction.text),
    }
}

/// Operations turning `source` (which starts at byte `base` of its page)
/// into `text`, with source offsets: by characters, or coarser for long
/// corrections (see [`crate::text::diff`]).
pub fn diff_ops(source: &str, base: usize, text: &str) -> Vec<Op> {
    crate::text::diff::diff(source, text)
        .into_iter()
        .map(|run| match run.tag {
            Tag::Equal => Op::Equal { start: base + run.old.start, end: base + run.old.end },
            Tag::Delete => Op::Delete { start: base + run.old.start, end: base + run.old.end },
            Tag::Insert => Op::Insert { at: base + run.old.start, text: text[run.new].to_owned() },
        })
        .collect()
}

/// The JSON text of a document saved in `folder`: keys in a fixed order,
/// pretty-printed, ending with a newline.
pub fn to_json(document: &Document, folder: &Path) -> String {
    let mut json = serde_json::to_string_pretty(&describe(document, folder)).unwrap_or_default();
    json.push('\n');
    json
}

/// Saves `document` to `path`, all or nothing (see [`super::atomic`]),
/// keeping the previous version as `NAME.copydesk.json.bak`; returns what
/// the file is now, for [`save_unless_changed`] next time.
pub fn save(document: &Document, path: &Path) -> Result<DiskStamp, StoreError> {
    let json = to_json(document, &folder_of(path));
    super::atomic::write_atomically(path, json.as_bytes(), true)?;
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(DiskStamp::of_bytes(json.as_bytes(), modified))
}

/// Saves like [`save`], unless the file at `path` is no longer what this
/// session last read or wrote there (`expected`; `None` when it never
/// did): then nothing is written and the error says the file changed.
pub fn save_unless_changed(
    document: &Document,
    path: &Path,
    expected: Option<&DiskStamp>,
) -> Result<DiskStamp, StoreError> {
    match disk_state(path, expected)? {
        DiskState::Changed { now } => Err(StoreError::ChangedOnDisk { path: path.to_owned(), now }),
        DiskState::Unchanged | DiskState::Gone => save(document, path),
    }
}

/// The folder a document lives in ("." for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// `path` relative to `folder` when it lies inside it; otherwise absolute.
/// A relative `path` is taken from the working folder, where it was given:
/// kept as it came, it would be read back from the document's folder.
fn relative_to(path: &Path, folder: &Path) -> String {
    let absolute = |p: &Path| {
        std::fs::canonicalize(p).unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_owned()))
    };
    let (path, base) = (absolute(path), absolute(folder));
    let shown = path.strip_prefix(&base).map_or(path.as_path(), |p| p);
    shown.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_recorded_relative_to_the_document_or_absolute() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("issue").join("p1.txt");
        std::fs::create_dir(dir.path().join("issue")).unwrap();
        std::fs::write(&page, "x").unwrap();
        assert_eq!(relative_to(&page, dir.path()), "issue/p1.txt");
        let elsewhere = dir.path().join("docs");
        let recorded = relative_to(&page, &elsewhere);
        assert!(Path::new(&recorded).is_absolute() && recorded.ends_with("issue/p1.txt"), "{recorded}");
        // The bundled sample is named relative to the working folder, where
        // no such file may be: recorded absolute, never relative to the document.
        let sample = Path::new("no-such-folder/sample.txt");
        let recorded = relative_to(sample, &elsewhere);
        let expected = std::env::current_dir().unwrap().join(sample);
        assert_eq!(recorded, expected.to_string_lossy().replace('\\', "/"));
    }
}
