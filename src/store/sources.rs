//! Finding a document's source pages, which a colleague's document may
//! point anywhere: `../../etc/passwd`, `/etc/shadow`, a link out of the
//! folder, `/dev/zero`, a network share. Reading such a file would confirm
//! a guess of its content (the document's SHA-256 against it) or hang on a
//! device, so a source is read without asking only when it lies inside the
//! document's folder: a relative path without `..`, and, links followed,
//! still inside. Anything else waits for the editor's consent
//! ([`SourceAccess::Anywhere`]); devices and pipes are never read.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::format::SavedDocument;
use super::restore::SourceProblem;
use crate::load::LoadOptions;
use crate::model::Page;
use crate::text::{MESSAGE_CHARS, excerpt};

/// Which sources opening a document may read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceAccess {
    /// Only those inside the document's folder (the default: the editor
    /// has not been asked).
    #[default]
    InsideFolder,
    /// Those elsewhere too: the editor agreed (`--allow-outside-sources`,
    /// or the window's question).
    Anywhere,
}

/// Why a source path is outside the document's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    /// `/etc/passwd`, `C:\pages\p1.txt`.
    Absolute,
    /// `../p1.txt`.
    Climbs,
    /// `\\server\share\p1.txt`.
    Network,
    /// A link inside the folder to a file elsewhere.
    LinksOut,
}

impl std::fmt::Display for Outside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Outside::Absolute => "an absolute path",
            Outside::Climbs => "a path that climbs out with ..",
            Outside::Network => "a network path",
            Outside::LinksOut => "a link to a file elsewhere",
        })
    }
}

/// The file a source path `recorded` in a document in `folder` names, and
/// whether it lies outside that folder. Only a relative path's links are
/// followed (to see where they lead); nothing outside is touched.
pub fn locate(folder: &Path, recorded: &str) -> (PathBuf, Option<Outside>) {
    // A document from Windows may name a share; on Unix that is no path.
    if recorded.starts_with("\\\\") || recorded.starts_with("//") {
        return (PathBuf::from(recorded), Some(Outside::Network));
    }
    let path = Path::new(recorded);
    for component in path.components() {
        match component {
            Component::Prefix(prefix) if is_network(prefix.kind()) => {
                return (path.to_owned(), Some(Outside::Network));
            }
            Component::Prefix(_) | Component::RootDir => return (path.to_owned(), Some(Outside::Absolute)),
            Component::ParentDir => return (folder.join(path), Some(Outside::Climbs)),
            Component::CurDir | Component::Normal(_) => {}
        }
    }
    let candidate = folder.join(path);
    let escapes = match (std::fs::canonicalize(&candidate), std::fs::canonicalize(folder)) {
        (Ok(real), Ok(base)) => !real.starts_with(base),
        // Missing: the loader says so; nothing was followed anywhere.
        _ => false,
    };
    (candidate, escapes.then_some(Outside::LinksOut))
}

fn is_network(prefix: std::path::Prefix<'_>) -> bool {
    use std::path::Prefix;
    matches!(prefix, Prefix::UNC(..) | Prefix::VerbatimUNC(..) | Prefix::DeviceNS(_))
}

/// The pages `saved` lists, read from `folder` as `access` allows, and
/// what is wrong with those that cannot be used. A file listed several
/// times is read once, and its pages share their text.
pub fn find(saved: &SavedDocument, folder: &Path, access: SourceAccess) -> (Vec<Page>, Vec<SourceProblem>) {
    let mut files: HashMap<PathBuf, Result<Vec<Page>, String>> = HashMap::new();
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for source in &saved.sources {
        let (path, outside) = locate(folder, &source.path);
        if let (Some(why), SourceAccess::InsideFolder) = (outside, access) {
            problems.push(SourceProblem::Outside { page: source.page, path, why });
            continue;
        }
        let loaded = files.entry(path.clone()).or_insert_with(|| {
            let options = LoadOptions::with_encoding_label(&source.encoding).map_err(|e| e.to_string())?;
            let short = |e: crate::load::LoadError| excerpt(&e.to_string(), 4 * MESSAGE_CHARS);
            crate::load::load_file(&path, &options).map(|e| e.pages).map_err(short)
        });
        let page = match loaded {
            Ok(file_pages) => {
                let index = source.form_feed_page.map_or(0, |n| (n as usize).saturating_sub(1));
                file_pages.get(index).cloned()
            }
            Err(reason) => {
                problems.push(SourceProblem::Missing { page: source.page, path, reason: reason.clone() });
                continue;
            }
        };
        match page {
            Some(page) if page.sha256 == source.sha256 => pages.push(page),
            _ => problems.push(SourceProblem::Changed { page: source.page, path }),
        }
    }
    (pages, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_inside() {
        let folder = Path::new("/docs");
        assert_eq!(locate(folder, "p1.txt"), (PathBuf::from("/docs/p1.txt"), None));
        assert_eq!(locate(folder, "./issue/p1.txt").1, None);
        assert_eq!(locate(folder, "/etc/passwd").1, Some(Outside::Absolute));
        assert_eq!(locate(folder, "../../etc/passwd").1, Some(Outside::Climbs));
        assert_eq!(locate(folder, "issue/../../p1.txt").1, Some(Outside::Climbs));
        assert_eq!(locate(folder, "\\\\server\\share\\p1.txt").1, Some(Outside::Network));
        assert_eq!(locate(folder, "//server/share/p1.txt").1, Some(Outside::Network));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_outside() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(dir.path().join("p1.txt"), "x").unwrap();
        std::os::unix::fs::symlink("../p1.txt", docs.join("out.txt")).unwrap();
        std::fs::write(docs.join("in.txt"), "x").unwrap();
        std::os::unix::fs::symlink("in.txt", docs.join("link.txt")).unwrap();
        assert_eq!(locate(&docs, "out.txt").1, Some(Outside::LinksOut));
        assert_eq!(locate(&docs, "link.txt").1, None);
        assert_eq!(locate(&docs, "missing.txt").1, None);
    }
}
