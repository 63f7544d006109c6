//! Grouping classified lines into pieces: noise runs, title and byline
//! lines, captions, and paragraphs of text rejoined across the breaks that
//! columns and OCR put into them.

use std::ops::Range;

use super::classify::Kind;
use super::cues::{byline, punctuation};
use super::layout::{Layout, Line};
use crate::model::Cue;

/// What a piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PieceKind {
    /// A run of noise lines with one cue.
    Noise(Cue),
    /// One title line.
    Title,
    /// One byline or signature.
    Byline(Cue),
    /// One caption line.
    Caption,
    /// A paragraph of running text.
    Paragraph,
}

/// A piece of a page, in source order.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    /// What it is.
    pub kind: PieceKind,
    /// Its byte range in the page.
    pub range: Range<usize>,
    /// Its first and last line (0-based, inclusive).
    pub first_line: usize,
    /// Its last line.
    pub last_line: usize,
    /// For paragraphs: it opens with a dateline.
    pub opens_with_dateline: bool,
    /// For paragraphs: its first letter is lower case.
    pub starts_lowercase: bool,
    /// For paragraphs: it ends a sentence.
    pub ends_sentence: bool,
}

impl Piece {
    fn of_line(kind: PieceKind, index: usize, line: &Line<'_>) -> Self {
        Self {
            kind,
            range: line.range.clone(),
            first_line: index,
            last_line: index,
            opens_with_dateline: false,
            starts_lowercase: false,
            ends_sentence: line.ends_sentence,
        }
    }
}

/// Builds the pieces of a page from its classified lines.
pub(super) fn build(layout: &Layout<'_>, kinds: &[Kind]) -> Vec<Piece> {
    let lines = &layout.lines;
    let mut pieces: Vec<Piece> = Vec::new();
    // The last text line seen, and whether only blank lines followed it.
    let mut open_text: Option<usize> = None;
    for (i, (line, &kind)) in lines.iter().zip(kinds).enumerate() {
        match kind {
            Kind::Blank => continue,
            Kind::Text => {
                let joins =
                    open_text.is_some_and(|p| continues_paragraph(&lines[p], p, line, i, layout.wrapped));
                match pieces.last_mut() {
                    Some(piece) if joins => {
                        piece.range.end = line.range.end;
                        piece.last_line = i;
                        piece.ends_sentence = line.ends_sentence;
                    }
                    _ => {
                        let mut piece = Piece::of_line(PieceKind::Paragraph, i, line);
                        piece.opens_with_dateline = line.dateline;
                        piece.starts_lowercase = punctuation::starts_lowercase(line.text);
                        pieces.push(piece);
                    }
                }
                open_text = Some(i);
                continue;
            }
            Kind::Noise(cue) => match pieces.last_mut() {
                Some(piece) if piece.kind == PieceKind::Noise(cue) => {
                    piece.range.end = line.range.end;
                    piece.last_line = i;
                }
                _ => pieces.push(Piece::of_line(PieceKind::Noise(cue), i, line)),
            },
            Kind::Title => pieces.push(Piece::of_line(PieceKind::Title, i, line)),
            Kind::Byline(cue) => pieces.push(Piece::of_line(PieceKind::Byline(cue), i, line)),
            Kind::Caption => pieces.push(Piece::of_line(PieceKind::Caption, i, line)),
        }
        open_text = None;
    }
    split_signatures(lines, pieces)
}

/// Whether text line `next` (index `j`) goes on with the paragraph whose last
/// line is `previous` (index `i`), with only blank lines between them.
///
/// A paragraph goes on when its last line did not end a sentence: a column
/// or page break cut it (Chinese pages with one paragraph per line show this
/// as a short remainder after a blank line). On hard-wrapped pages a line
/// that ends a sentence at the column's full width goes on too; a short line
/// ending a sentence closes the paragraph. A dateline or an indent always
/// opens a new one.
fn continues_paragraph(previous: &Line<'_>, i: usize, next: &Line<'_>, j: usize, wrapped: bool) -> bool {
    if next.dateline || (wrapped && next.indented) {
        return false;
    }
    if !previous.ends_sentence {
        return true;
    }
    wrapped && j == i + 1 && !previous.is_short(0.85)
}

/// Splits a signature off the end of a paragraph ("…as I do. W. J. BRYAN.").
fn split_signatures(lines: &[Line<'_>], pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let last = &lines[piece.last_line];
        let signature =
            (piece.kind == PieceKind::Paragraph).then(|| byline::trailing_signature(last.text)).flatten();
        let Some(offset) = signature else {
            out.push(piece);
            continue;
        };
        let at = last.text_start + offset;
        let body_end = last.text_start + last.text[..offset].trim_end().len();
        let mut signed = Piece::of_line(PieceKind::Byline(Cue::Signature), piece.last_line, last);
        signed.range = at..last.range.end;
        let mut body = piece;
        body.range.end = body_end;
        body.ends_sentence = true;
        out.push(body);
        out.push(signed);
    }
    out
}
