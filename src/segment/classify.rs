//! Giving each line a kind, from its cues and its neighbours.

use super::cues::{byline, caption, debris, furniture, masthead, punctuation, title};
use super::layout::{Layout, Line};
use crate::model::Cue;

/// What a line is, before lines are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Nothing but white space.
    Blank,
    /// Not part of any article.
    Noise(Cue),
    /// A title line: kicker, headline, subheadline or rubric.
    Title,
    /// A byline line (or a signature).
    Byline(Cue),
    /// A photo caption.
    Caption,
    /// Running text.
    Text,
}

/// Longest title line, in display columns (about 45 Chinese characters).
const MAX_TITLE_WIDTH: usize = 90;

/// A run of at least this many title lines with no text is a list.
const MIN_LIST_LINES: usize = 6;

/// Classifies every line of a page.
pub(super) fn classify(layout: &Layout<'_>) -> Vec<Kind> {
    let lines = &layout.lines;
    let mut kinds: Vec<Kind> = lines.iter().map(|line| first_guess(line, layout.wrapped)).collect();
    settle_debris(lines, &mut kinds);
    mark_masthead(lines, &mut kinds);
    check_titles_in_context(lines, &mut kinds);
    find_standalone_titles(layout, &mut kinds);
    mark_lists(lines, &mut kinds);
    kinds
}

/// The kind a line has on its own.
fn first_guess(line: &Line<'_>, wrapped: bool) -> Kind {
    let text = line.text;
    if line.is_blank() {
        Kind::Blank
    } else if furniture::is_furniture(text)
        || !text.chars().any(char::is_alphabetic) && !debris::is_debris(text)
    {
        // Lines of bare numbers (temperatures, phone numbers) are furniture too.
        Kind::Noise(Cue::Furniture)
    } else if byline::is_signature_line(text) {
        Kind::Byline(Cue::Signature)
    } else if byline::is_byline_line(text) {
        Kind::Byline(Cue::BylineLine)
    } else if debris::is_symbol_soup(text) || !line.cjk && debris::is_word_soup(text) {
        Kind::Noise(Cue::Debris)
    } else if line.dateline {
        Kind::Text
    } else if caption::is_caption(text) {
        Kind::Caption
    } else if looks_like_title(line, wrapped) {
        Kind::Title
    } else {
        Kind::Text
    }
}

/// A title line is short, does not end a sentence (a question or an
/// exclamation may) and does not trail off; in English it is set in
/// capitals or title case and does not end on a word like "of".
fn looks_like_title(line: &Line<'_>, wrapped: bool) -> bool {
    let text = line.text;
    let ends_like_text = line.ends_sentence && !punctuation::ends_with_title_mark(text);
    if ends_like_text || punctuation::ends_continuing(text) || line.width > MAX_TITLE_WIDTH {
        return false;
    }
    if line.cjk {
        // Where each line is a paragraph, titles are far shorter than text;
        // in hard-wrapped columns they only fall short of the column.
        let short = if wrapped { line.is_short(0.85) } else { line.is_short(0.6) };
        return short && !text.contains('。');
    }
    if text.ends_with(':') || punctuation::starts_lowercase(text) || title::ends_with_dangling_word(text) {
        return false;
    }
    // Capitals stand out whatever their width (a contents box fills its
    // column); title case must also be short, as running text can be
    // capitalised for a line or two.
    match title::capitals(text) {
        Some(title::Capitals::All) => true,
        Some(title::Capitals::Title) => line.is_short(0.85),
        None => false,
    }
}

/// Debris lines become noise when they come in runs or stand at the page's
/// edge; a lone damaged line inside running text stays text. Doubtful lines
/// next to a run of debris join it.
fn settle_debris(lines: &[Line<'_>], kinds: &mut [Kind]) {
    let is_debris = |k: Kind| k == Kind::Noise(Cue::Debris);
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| kinds[i] != Kind::Blank).collect();
    for (k, &i) in filled.iter().enumerate() {
        if !is_debris(kinds[i]) {
            continue;
        }
        let before = k.checked_sub(1).map(|p| kinds[filled[p]]);
        let after = filled.get(k + 1).map(|&n| kinds[n]);
        if before == Some(Kind::Text) && after == Some(Kind::Text) {
            kinds[i] = Kind::Text;
        }
    }
    // Absorb doubtful neighbours, outwards from each remaining run.
    let mut changed = true;
    while changed {
        changed = false;
        for (k, &i) in filled.iter().enumerate() {
            let neighbours_debris = [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .filter_map(|p| filled.get(p))
                .any(|&n| is_debris(kinds[n]));
            if kinds[i] == Kind::Text && neighbours_debris && debris::is_doubtful(lines[i].text) {
                kinds[i] = Kind::Noise(Cue::Debris);
                changed = true;
            }
        }
    }
}

/// English title candidates must fit their neighbours: title case right
/// after a sentence broken off is that sentence going on, and no title is
/// followed by text that starts in lower case. (Capitals may interrupt a
/// sentence: a boxed item set into the column.)
fn check_titles_in_context(lines: &[Line<'_>], kinds: &mut [Kind]) {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| kinds[i] != Kind::Blank).collect();
    for (k, &i) in filled.iter().enumerate() {
        if kinds[i] != Kind::Title || lines[i].cjk {
            continue;
        }
        let previous = k.checked_sub(1).map(|p| filled[p]);
        let next = filled.get(k + 1).copied();
        let after_broken_sentence = previous.is_some_and(|p| {
            kinds[p] == Kind::Text && !lines[p].ends_sentence && lines[p].text.ends_with(|c: char| c != ':')
        });
        let all_capitals = title::capitals(lines[i].text) == Some(title::Capitals::All);
        let before_lowercase =
            next.is_some_and(|n| kinds[n] == Kind::Text && punctuation::starts_lowercase(lines[n].text));
        if (after_broken_sentence && !all_capitals) || before_lowercase {
            kinds[i] = Kind::Text;
        }
    }
}

/// Above the first real paragraph, everything down to the last masthead
/// item is masthead: title, motto, dates, numbers, weather, hotline, app.
fn mark_masthead(lines: &[Line<'_>], kinds: &mut [Kind]) {
    let is_item =
        |i: usize| lines[i].width <= masthead::MAX_WIDTH && masthead::is_masthead_item(lines[i].text);
    let is_text = |i: usize| kinds.get(i) == Some(&Kind::Text) && !is_item(i);
    // A real paragraph ends a sentence, or running text goes straight on in
    // the next line; a stray line (a motto under the paper's name) does not.
    let opens_paragraph = |i: usize| is_text(i) && (lines[i].ends_sentence || is_text(i + 1));
    let first_text = (0..kinds.len()).find(|&i| opens_paragraph(i)).unwrap_or(kinds.len());
    let Some(last_item) = (0..first_text).rev().find(|&i| kinds[i] != Kind::Blank && is_item(i)) else {
        return;
    };
    for kind in &mut kinds[..=last_item] {
        if *kind != Kind::Blank {
            *kind = Kind::Noise(Cue::Masthead);
        }
    }
}

/// A line of text that cannot belong to the paragraphs around it is a title,
/// however wide: it does not end a sentence, what comes before it is no
/// sentence broken off, and what follows starts afresh (a byline, a
/// dateline, or on hard-wrapped pages an indented line). Chinese headlines
/// in narrow columns are often as wide as the column itself.
fn find_standalone_titles(layout: &Layout<'_>, kinds: &mut [Kind]) {
    let lines = &layout.lines;
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| kinds[i] != Kind::Blank).collect();
    for (k, &i) in filled.iter().enumerate() {
        let line = &lines[i];
        let candidate = kinds[i] == Kind::Text
            && !line.ends_sentence
            && !punctuation::ends_continuing(line.text)
            && line.width <= MAX_TITLE_WIDTH;
        if !candidate {
            continue;
        }
        let after_a_stop = k.checked_sub(1).map(|p| filled[p]).is_none_or(|p| match kinds[p] {
            Kind::Text => lines[p].ends_sentence,
            _ => true,
        });
        let fresh_start = filled.get(k + 1).is_some_and(|&n| match kinds[n] {
            Kind::Byline(_) => true,
            Kind::Text => lines[n].dateline || (layout.wrapped && lines[n].indented),
            _ => false,
        });
        if after_a_stop && fresh_start {
            kinds[i] = Kind::Title;
        }
    }
}

/// A run of title lines with no text between them is a list (a contents
/// box, an index) when it is long or headed by a word like CONTENTS. When
/// text follows it, its last line is kept as that text's title.
fn mark_lists(lines: &[Line<'_>], kinds: &mut [Kind]) {
    let mut i = 0;
    while i < kinds.len() {
        if kinds[i] != Kind::Title {
            i += 1;
            continue;
        }
        let run: Vec<usize> = (i..kinds.len())
            .take_while(|&j| matches!(kinds[j], Kind::Title | Kind::Blank))
            .filter(|&j| kinds[j] == Kind::Title)
            .collect();
        let end = run.last().map_or(i, |&last| last) + 1;
        let headed = title::is_list_heading(lines[i].text) && run.len() >= 2;
        if headed || run.len() >= MIN_LIST_LINES {
            let next = (end..kinds.len()).find(|&j| kinds[j] != Kind::Blank);
            let keep_last = next.is_some_and(|n| kinds[n] == Kind::Text);
            let listed = if keep_last { &run[..run.len() - 1] } else { &run[..] };
            for &j in listed {
                kinds[j] = Kind::Noise(Cue::List);
            }
        }
        i = end;
    }
}
