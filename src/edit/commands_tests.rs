//! The structural commands' tests: small hand-built documents whose
//! lines a reader can check by eye (kept beside `commands.rs`).

use super::*;
use crate::edit::{Correction, Edit, History, render_article, set_block_text};
use crate::model::{Edition, Page, PageSource, Split};

/// A one-article document: the first line its headline, every other
/// non-blank line a paragraph. Built by hand, so that these tests
/// check the commands, not the proposal.
fn document(text: &str) -> Document {
    let source = PageSource { path: "p1.txt".into(), form_feed_page: None, byte_range: 0..text.len() as u64 };
    let page = Page::new("p1.txt".into(), source, "UTF-8", String::new(), text.to_owned());
    let id = ArticleId(1);
    let blocks = (0..page.line_count())
        .filter(|&n| !page.line(n).trim().is_empty())
        .enumerate()
        .map(|(k, n)| Block {
            page: 0,
            range: page.lines.content(n),
            role: if k == 0 { Role::Headline } else { Role::Body },
            cue: Cue::Editor,
            article: Some(id),
        })
        .collect();
    let split = Split { blocks, articles: vec![id] };
    Document {
        edition: Edition { pages: vec![page] },
        split,
        corrections: Vec::new(),
        review: Default::default(),
    }
}

const PAGE: &str =
    "会议召开\n\n本报讯(记者 张三) 昨天,会议召开。\n\n会议强调,要抓落实。\n\n会议要求,要见实效。\n";

fn headlines(document: &Document) -> Vec<Option<String>> {
    document.split.articles.iter().map(|&a| render_article(document, a).headline).collect()
}

#[test]
fn start_and_merge_articles_and_undo_it_all() {
    let mut doc = document(PAGE);
    let original = doc.clone();
    let mut history = History::default();
    let edit = start_article_at(&doc, 0, 4).unwrap();
    history.apply(&mut doc, edit, "split");
    assert_eq!(doc.split.articles.len(), 2);
    assert_eq!(
        render_article(&doc, doc.split.articles[1]).paragraphs,
        ["会议强调,要抓落实。", "会议要求,要见实效。"]
    );
    let second = doc.split.articles[1];
    let edit = merge_article(&doc, second, true).unwrap();
    history.apply(&mut doc, edit, "merge");
    assert_eq!(doc.split, original.split, "merging back at a paragraph start restores the split");
    history.undo(&mut doc);
    history.undo(&mut doc);
    assert_eq!(doc, original);
    history.redo(&mut doc);
    assert_eq!(doc.split.articles.len(), 2);
}

#[test]
fn starting_an_article_where_one_starts_does_nothing() {
    let doc = document(PAGE);
    assert_eq!(start_article_at(&doc, 0, 0), None);
}

#[test]
fn moving_a_boundary_up_and_down() {
    let mut doc = document(PAGE);
    doc.apply(start_article_at(&doc, 0, 4).unwrap());
    let second = doc.split.articles[1];
    let before = doc.clone();
    doc.apply(move_boundary(&doc, second, true).unwrap());
    let first_line = doc.split.spans(second, &doc.edition)[0].first_line;
    assert_eq!(first_line, 3, "the dateline paragraph (line 3) moved into the second article");
    doc.apply(move_boundary(&doc, second, false).unwrap());
    assert_eq!(doc.split.spans(second, &doc.edition), before.split.spans(second, &before.edition));
}

#[test]
fn marking_noise_and_bringing_it_back() {
    let mut doc = document(PAGE);
    let article = doc.split.articles[0];
    doc.apply(set_noise(&doc, 0, 4..5, true).unwrap());
    assert_eq!(render_article(&doc, article).paragraphs.len(), 2);
    assert!(doc.split.noise().any(|b| b.span(&doc.edition).first_line == 5));
    doc.apply(set_noise(&doc, 0, 4..5, false).unwrap());
    assert_eq!(render_article(&doc, article).paragraphs.len(), 3);
}

#[test]
fn marking_a_whole_article_as_noise_removes_it() {
    let mut doc = document(PAGE);
    doc.apply(set_noise(&doc, 0, 0..7, true).unwrap());
    assert!(doc.split.articles.is_empty());
    doc.apply(set_noise(&doc, 0, 0..1, false).unwrap());
    assert_eq!(doc.split.articles.len(), 1, "noise brought back on an empty page makes an article");
}

#[test]
fn roles_change_and_swap() {
    let mut doc = document(PAGE);
    let article = doc.split.articles[0];
    let headline = doc.split.blocks.iter().position(|b| b.role == Role::Headline).unwrap();
    doc.apply(set_role(&doc, headline, Role::Kicker).unwrap());
    assert_eq!(render_article(&doc, article).kicker.as_deref(), Some("会议召开"));
    let dateline = doc.split.blocks.iter().position(|b| b.role == Role::Body).unwrap();
    doc.apply(set_role(&doc, dateline, Role::Headline).unwrap());
    doc.apply(swap_kicker_headline(&doc, article).unwrap());
    assert_eq!(headlines(&doc), [Some("会议召开".to_owned())]);
}

#[test]
fn joining_and_splitting_paragraphs() {
    let mut doc = document(PAGE);
    let article = doc.split.articles[0];
    let third = doc.split.blocks.iter().rposition(|b| b.role == Role::Body).unwrap();
    doc.apply(join_with_previous(&doc, third).unwrap());
    assert_eq!(
        render_article(&doc, article).paragraphs,
        ["本报讯(记者 张三) 昨天,会议召开。", "会议强调,要抓落实。会议要求,要见实效。"]
    );
    let joined = doc.split.blocks.iter().rposition(|b| b.role == Role::Body).unwrap();
    let at = PAGE.find("会议要求").unwrap();
    doc.apply(split_at(&doc, joined, at).unwrap());
    assert_eq!(render_article(&doc, article).paragraphs.len(), 3);
}

/// Typing at the very end of a field (a missing final 。, the commonest
/// correction) must show in that field, in every rendering of it.
#[test]
fn text_typed_at_the_end_of_a_block_stays_in_it() {
    let mut doc = document(PAGE);
    let article = doc.split.articles[0];
    let headline = doc.split.blocks.iter().position(|b| b.role == Role::Headline).unwrap();
    doc.apply(set_block_text(&doc, headline, "会议召开了").unwrap());
    assert_eq!(render_article(&doc, article).headline.as_deref(), Some("会议召开了"));
    let last = doc.split.blocks.iter().rposition(|b| b.role == Role::Body).unwrap();
    doc.apply(set_block_text(&doc, last, "会议要求,要见实效。要快。").unwrap());
    assert_eq!(render_article(&doc, article).paragraphs[2], "会议要求,要见实效。要快。");
    assert_eq!(set_block_text(&doc, last, "会议要求,要见实效。要快。"), None, "nothing left to commit");
}

/// Documents saved before end insertions were anchored inside their
/// block hold an empty insertion just past the block's last byte; it
/// still belongs to that block.
#[test]
fn an_insertion_just_past_a_block_shows_in_that_block() {
    let mut doc = document(PAGE);
    let article = doc.split.articles[0];
    let end = PAGE.find('\n').unwrap();
    let legacy = Correction { page: 0, range: end..end, text: "了".into() };
    doc.apply(Edit::Corrections { removed: vec![], inserted: vec![legacy] });
    assert_eq!(render_article(&doc, article).headline.as_deref(), Some("会议召开了"));
    let joined: String = render_article(&doc, article).paragraphs.concat();
    assert!(!joined.contains('了'), "shown once: {joined}");
}

#[test]
fn corrections_survive_moved_boundaries_and_new_roles() {
    let mut doc = document(PAGE);
    let third = doc.split.blocks.iter().rposition(|b| b.role == Role::Body).unwrap();
    doc.apply(set_block_text(&doc, third, "会议要求,务必见实效。").unwrap());
    assert_eq!(doc.corrections.len(), 1);
    let text = |doc: &Document| {
        doc.split
            .articles
            .iter()
            .flat_map(|&a| render_article(doc, a).paragraphs)
            .collect::<Vec<_>>()
            .join("|")
    };
    assert!(text(&doc).contains("务必见实效"));
    doc.apply(start_article_at(&doc, 0, 6).unwrap());
    doc.apply(move_boundary(&doc, doc.split.articles[1], true).unwrap());
    assert_eq!(text(&doc).matches("务必").count(), 1, "shown once after the boundary moved");
    let block = doc
        .split
        .blocks
        .iter()
        .position(|b| doc.edition.pages[0].text[b.range.clone()].contains("会议要求"))
        .unwrap();
    doc.apply(set_role(&doc, block, Role::Subheadline).unwrap());
    let article = doc.split.blocks[block].article.unwrap();
    assert_eq!(render_article(&doc, article).subheadline.as_deref(), Some("会议要求,务必见实效。"));
}

#[test]
fn an_article_started_on_a_blank_line_inside_a_block_starts_at_its_text() {
    let mut doc = document("标题\n\n第一段\n\n第二段\n");
    // One block over both paragraphs and the blank line between them.
    let (start, end) = (doc.split.blocks[1].range.start, doc.split.blocks[2].range.end);
    let joined = Block { range: start..end, ..doc.split.blocks[1].clone() };
    doc.split.blocks.splice(1..3, [joined]);
    let edit = start_article_at(&doc, 0, 3).unwrap(); // line 4, the blank one
    doc.apply(edit);
    let text = &doc.edition.pages[0].text;
    let blocks: Vec<&str> = doc.split.blocks.iter().map(|b| &text[b.range.clone()]).collect();
    assert_eq!(blocks, ["标题", "第一段\n\n", "第二段"]);
    assert_eq!(start_article_at(&doc, 0, 3), None, "the new article starts there already");
}

#[test]
fn a_paragraph_is_not_split_into_blanks() {
    let doc = document("标题\n\n第一段  \n");
    let block = &doc.split.blocks[1];
    let after_text = block.range.start + "第一段".len();
    assert_eq!(split_at(&doc, 1, after_text), None, "only blanks would follow");
    assert!(split_at(&doc, 1, block.range.start + "第一".len()).is_some());
}
