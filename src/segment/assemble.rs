//! Grouping a page's pieces into articles.
//!
//! A run of title lines opens an article. Text attaches to the article
//! before it, with three exceptions newspapers share: a paragraph opening
//! with a dateline opens a new article (a story printed without a title we
//! could see); text that starts in lower case after another item resumes an
//! earlier article that broke off mid-sentence (a boxed item or an
//! illustration set into its column); and a byline after text closes the
//! article it signs.

use super::layout::{Layout, Line};
use super::pieces::{Piece, PieceKind};
use super::titles;
use crate::model::{ArticleId, Block, Cue, Role, Split};

/// An article being built.
struct Draft {
    id: ArticleId,
    has_body: bool,
    /// Signed off: no text may continue it.
    closed: bool,
    /// Its last paragraph broke off mid-sentence.
    broken_off: bool,
}

/// Builds the blocks and articles of one page.
pub(super) fn assemble(
    page: usize,
    layout: &Layout<'_>,
    pieces: &[Piece],
    new_id: &mut impl FnMut() -> ArticleId,
) -> Split {
    let mut builder =
        Builder { page, split: Split::default(), drafts: Vec::new(), current: None, after_noise: false };
    let mut k = 0;
    while k < pieces.len() {
        let piece = &pieces[k];
        match piece.kind {
            PieceKind::Noise(cue) => builder.noise(piece, cue),
            PieceKind::Title | PieceKind::Byline(_) => {
                let end = (k..pieces.len())
                    .find(|&j| !matches!(pieces[j].kind, PieceKind::Title | PieceKind::Byline(_)))
                    .unwrap_or(pieces.len());
                let group: Vec<&Piece> = pieces[k..end].iter().collect();
                builder.title_group(&group, &layout.lines, new_id);
                k = end;
                continue;
            }
            PieceKind::Caption => builder.caption(piece, new_id),
            PieceKind::Paragraph => builder.paragraph(piece, new_id),
        }
        k += 1;
    }
    builder.split
}

struct Builder {
    page: usize,
    split: Split,
    drafts: Vec<Draft>,
    /// Index into `drafts` of the article text attaches to.
    current: Option<usize>,
    /// Noise came since the last piece of an article.
    after_noise: bool,
}

impl Builder {
    fn push(&mut self, range: std::ops::Range<usize>, role: Role, cue: Cue, draft: Option<usize>) {
        let article = draft.map(|d| self.drafts[d].id);
        self.split.blocks.push(Block { page: self.page, range, role, cue, article });
        if draft.is_some() {
            self.after_noise = false;
        }
    }

    fn open(&mut self, new_id: &mut impl FnMut() -> ArticleId) -> usize {
        let id = new_id();
        self.split.articles.push(id);
        self.drafts.push(Draft { id, has_body: false, closed: false, broken_off: false });
        self.current = Some(self.drafts.len() - 1);
        self.drafts.len() - 1
    }

    fn noise(&mut self, piece: &Piece, cue: Cue) {
        self.push(piece.range.clone(), Role::Noise, cue, None);
        self.after_noise = true;
    }

    fn title_group(&mut self, group: &[&Piece], lines: &[Line<'_>], new_id: &mut impl FnMut() -> ArticleId) {
        // Bylines leading the group sign the article before it, if it has
        // text: a signature standing right above the next headline.
        let signing = group.iter().take_while(|p| matches!(p.kind, PieceKind::Byline(_))).count();
        let signs = self.current.filter(|&d| self.drafts[d].has_body && !self.drafts[d].closed);
        if signing > 0 && signing < group.len() && signs.is_some() {
            self.title_group(&group[..signing], lines, new_id);
            return self.title_group(&group[signing..], lines, new_id);
        }
        let only_bylines = group.iter().all(|p| matches!(p.kind, PieceKind::Byline(_)));
        let signs_current = self.current.filter(|&d| self.drafts[d].has_body && !self.drafts[d].closed);
        let crosshead = group.len() == 1
            && group[0].kind == PieceKind::Title
            && super::cues::title::is_crosshead(lines[group[0].first_line].text);
        let draft = match (only_bylines, signs_current) {
            (true, Some(d)) => {
                self.drafts[d].closed = true;
                d
            }
            (false, Some(d)) if crosshead => {
                self.push(group[0].range.clone(), Role::Body, Cue::Crosshead, Some(d));
                return;
            }
            _ => self.open(new_id),
        };
        for titled in titles::assign(group, lines) {
            self.push(titled.range, titled.role, titled.cue, Some(draft));
        }
    }

    fn caption(&mut self, piece: &Piece, new_id: &mut impl FnMut() -> ArticleId) {
        let draft = match self.current {
            Some(d) => d,
            None => self.open(new_id),
        };
        self.push(piece.range.clone(), Role::Caption, Cue::CaptionMarker, Some(draft));
    }

    fn paragraph(&mut self, piece: &Piece, new_id: &mut impl FnMut() -> ArticleId) {
        let current_done = self.current.is_none_or(|d| self.drafts[d].closed) || self.after_noise;
        let resumed = (piece.starts_lowercase && current_done)
            .then(|| self.drafts.iter().rposition(|d| d.broken_off && !d.closed))
            .flatten();
        let (draft, cue) = if let Some(d) = resumed {
            (d, Cue::Continuation)
        } else if piece.opens_with_dateline {
            match self.current {
                Some(d) if !self.drafts[d].has_body => (d, Cue::Dateline),
                _ => (self.open(new_id), Cue::Dateline),
            }
        } else {
            match self.current {
                Some(d) if !self.drafts[d].closed => (d, Cue::Paragraph),
                _ => (self.open(new_id), Cue::Paragraph),
            }
        };
        self.push(piece.range.clone(), Role::Body, cue, Some(draft));
        self.current = Some(draft);
        let state = &mut self.drafts[draft];
        state.has_body = true;
        state.broken_off = !piece.ends_sentence;
    }
}
