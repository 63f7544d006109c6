//! Review in the session: suspects computed off the window's thread, and
//! the way from one reviewed article to the next unreviewed one.
//!
//! Flagging a 1 MB edition takes a good part of a second in a debug build,
//! so [`SuspectWatch`] computes on a thread of its own from a copy of the
//! document (pages share their text, so the copy is light) and hands the
//! result over tagged with the revision it was computed for. The window
//! keeps showing the last result until the new one arrives; accepting a
//! suspect waits for a result of the current revision, since its ranges
//! must match the document.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::Editor;
use crate::edit::{Document, Revision};
use crate::find::{Haystack, Scope};
use crate::model::ArticleId;
use crate::suspects::Suspect;

/// Suspects of one revision of the document, with the corrected text
/// they were found in.
#[derive(Debug)]
pub struct Flagged {
    /// The revision they belong to.
    pub revision: Revision,
    /// The corrected text, for accepting (replacing) a suspect.
    pub haystack: Haystack,
    /// The suspects, in edition order.
    pub suspects: Vec<Suspect>,
}

/// Keeps the suspects of the document being edited, recomputed in the
/// background after each change.
#[derive(Debug, Default)]
pub struct SuspectWatch {
    latest: Option<Arc<Flagged>>,
    pending: Option<(Revision, Receiver<Flagged>)>,
}

impl SuspectWatch {
    /// Takes a finished result, and starts a computation when the document
    /// moved on since the last one. True while one is running.
    pub fn poll(&mut self, editor: &Editor) -> bool {
        if let Some((_, receiver)) = &self.pending {
            match receiver.try_recv() {
                Ok(flagged) => {
                    self.latest = Some(Arc::new(flagged));
                    self.pending = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => self.pending = None,
            }
        }
        let revision = editor.revision();
        let known = self.latest.as_ref().map(|f| f.revision);
        let running = self.pending.as_ref().map(|(r, _)| *r);
        if known != Some(revision) && running != Some(revision) {
            self.start(editor.document().clone(), revision);
        }
        self.pending.is_some()
    }

    fn start(&mut self, document: Document, revision: Revision) {
        let (sender, receiver) = channel();
        let spawned = std::thread::Builder::new().name("copydesk-suspects".into()).spawn(move || {
            let haystack = Haystack::build(&document, Scope::Corrected);
            let suspects = crate::suspects::find(&document, &haystack);
            // The window may have moved on and dropped the receiver.
            let _ = sender.send(Flagged { revision, haystack, suspects });
        });
        if spawned.is_ok() {
            self.pending = Some((revision, receiver));
        }
    }

    /// Blocks until the running computation, if any, has finished, and
    /// takes its result (tests, and accepting a suspect).
    pub fn wait(&mut self, editor: &Editor) {
        self.poll(editor);
        if let Some((_, receiver)) = self.pending.take()
            && let Ok(flagged) = receiver.recv()
        {
            self.latest = Some(Arc::new(flagged));
        }
    }

    /// The last suspects computed (perhaps for an earlier revision).
    pub fn latest(&self) -> Option<&Arc<Flagged>> {
        self.latest.as_ref()
    }

    /// The suspects of the document as it is now, if computed.
    pub fn current(&self, editor: &Editor) -> Option<&Arc<Flagged>> {
        self.latest.as_ref().filter(|f| f.revision == editor.revision())
    }
}

/// The first article not reviewed after `from` in reading order, going
/// round to the start; `None` when every article is reviewed.
pub fn next_unreviewed(document: &Document, from: Option<ArticleId>) -> Option<ArticleId> {
    let articles = &document.split.articles;
    let start = from.and_then(|a| articles.iter().position(|&x| x == a)).map_or(0, |p| p + 1);
    (0..articles.len())
        .map(|k| articles[(start + k) % articles.len()])
        .find(|&a| !document.review.is_reviewed(a) && Some(a) != from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;

    #[test]
    fn suspects_follow_the_revision() {
        // Built by hand, so that no model decides whether the line is body.
        let document = crate::edit::fixture::document(&["本报讯 会议己经召开。\n"]);
        let mut editor = Editor::new(document, "test");
        let mut watch = SuspectWatch::default();
        assert!(watch.poll(&editor), "a computation started");
        watch.wait(&editor);
        let flagged = watch.current(&editor).unwrap().clone();
        assert_eq!(flagged.suspects.len(), 1);
        let edit = flagged.suspects[0].accept(editor.document(), &flagged.haystack).unwrap().unwrap();
        editor.apply(edit, "accept");
        assert!(watch.current(&editor).is_none(), "the result belongs to the revision before");
        watch.wait(&editor);
        assert!(watch.current(&editor).unwrap().suspects.is_empty());
    }

    #[test]
    fn the_next_unreviewed_article_goes_round() {
        let document = crate::edit::fixture::document(&["正文一。\n", "正文二。\n", "正文三。\n"]);
        let mut editor = Editor::new(document, "test");
        let articles = editor.document().split.articles.clone();
        assert_eq!(articles.len(), 3);
        editor.apply(Edit::Review { article: articles[1], reviewed: true }, "reviewed");
        assert_eq!(next_unreviewed(editor.document(), Some(articles[0])), Some(articles[2]));
        assert_eq!(next_unreviewed(editor.document(), Some(articles[2])), Some(articles[0]));
        editor.apply(Edit::Review { article: articles[0], reviewed: true }, "reviewed");
        editor.apply(Edit::Review { article: articles[2], reviewed: true }, "reviewed");
        assert_eq!(next_unreviewed(editor.document(), Some(articles[2])), None);
    }
}
