use super::*;
use crate::edit::{Correction, Document, fixture};

fn hits(document: &Document, scope: Scope, query: Query) -> Vec<String> {
    let haystack = Haystack::build(document, scope);
    let finder = Finder::new(&query).expect("valid query");
    finder.find(&haystack).iter().map(|h| haystack.text()[h.range.clone()].to_owned()).collect()
}

#[test]
fn a_single_chinese_character_is_a_query() {
    let document = fixture::document(&["会议己经召开,\n自己也去了。\n"]);
    assert_eq!(hits(&document, Scope::Source, Query::text("己")), ["己", "己"]);
}

#[test]
fn hits_name_their_page_line_and_source_range() {
    let page = "第一行\n\n会议己经召开。\n";
    let document = fixture::document(&["Nothing here.\n", page]);
    let haystack = Haystack::build(&document, Scope::Source);
    let found = Finder::new(&Query::text("己经")).unwrap().find(&haystack);
    let place = haystack.locate(&found[0].range).unwrap();
    assert_eq!((place.page, place.line), (1, 2));
    assert_eq!(&page[place.source.clone()], "己经");
    assert_eq!(place.article, Some(crate::model::ArticleId(2)));
}

#[test]
fn a_hit_spans_the_line_break_of_a_rejoined_paragraph() {
    let page = "会议强调要抓\n落实。the gov-\nernment said\n";
    let document = fixture::document(&[page]);
    let haystack = Haystack::build(&document, Scope::Source);
    for (query, source) in [("抓落实", "抓\n落实"), ("government", "gov-\nernment")] {
        let found = Finder::new(&Query::text(query)).unwrap().find(&haystack);
        assert_eq!(found.len(), 1, "{query}");
        let place = haystack.locate(&found[0].range).unwrap();
        assert_eq!(&page[place.source], source);
    }
}

#[test]
fn latin_words_broken_without_hyphen_are_found_across_the_joint() {
    let page = "the Presi\ndent spoke\n";
    let document = fixture::document(&[page]);
    let haystack = Haystack::build(&document, Scope::Source);
    let found = Finder::new(&Query::text("Presi dent")).unwrap().find(&haystack);
    let place = haystack.locate(&found[0].range).unwrap();
    assert_eq!(&page[place.source], "Presi\ndent");
}

#[test]
fn case_is_ignored_unless_asked() {
    let document = fixture::document(&["The war. the WAR.\n"]);
    assert_eq!(hits(&document, Scope::Source, Query::text("war")).len(), 2);
    assert_eq!(hits(&document, Scope::Source, Query::text("war").case_sensitive(true)), ["war"]);
}

#[test]
fn whole_words_apply_to_latin_and_leave_chinese_alone() {
    let document = fixture::document(&["the other thing, then the end; 说the话\n"]);
    let whole = Query::text("the").whole_word(true);
    assert_eq!(hits(&document, Scope::Source, whole.clone()).len(), 3, "the, the, 说the话");
    assert_eq!(hits(&document, Scope::Source, Query::text("the")).len(), 5);
}

#[test]
fn regular_expressions_and_their_errors() {
    let document = fixture::document(&["1916年3月, 1917年\n"]);
    assert_eq!(hits(&document, Scope::Source, Query::text(r"\d{4}年").regex(true)), ["1916年", "1917年"]);
    let error = Finder::new(&Query::text("(unclosed").regex(true)).unwrap_err();
    assert!(error.to_string().contains("(unclosed"), "{error}");
    assert!(hits(&document, Scope::Source, Query::text("")).is_empty(), "empty query finds nothing");
}

#[test]
fn corrected_text_and_source_differ() {
    let mut document = fixture::document(&["会议己经召开。\n"]);
    document.corrections.push(Correction { page: 0, range: 6..9, text: "已".into() });
    assert_eq!(hits(&document, Scope::Source, Query::text("己经")).len(), 1);
    assert!(hits(&document, Scope::Corrected, Query::text("己经")).is_empty());
    let haystack = Haystack::build(&document, Scope::Corrected);
    let found = Finder::new(&Query::text("已经")).unwrap().find(&haystack);
    assert_eq!(
        haystack.locate(&found[0].range).unwrap().source,
        6..12,
        "the correction and the source after it"
    );
}

#[test]
fn hits_stay_inside_their_block() {
    let document = fixture::document(&["结尾是会\n\n议开始\n"]);
    assert!(hits(&document, Scope::Source, Query::text("会议")).is_empty());
}

#[test]
fn context_is_cut_at_the_block() {
    let document = fixture::document(&["一二三四五己六七八九十\n"]);
    let haystack = Haystack::build(&document, Scope::Source);
    let found = Finder::new(&Query::text("己")).unwrap().find(&haystack);
    assert_eq!(haystack.context(&found[0].range, 3), ("三四五", "己", "六七八"));
    assert_eq!(haystack.context(&found[0].range, 30), ("一二三四五", "己", "六七八九十"));
}

#[test]
fn regex_replacements_expand_groups() {
    let document = fixture::document(&["1916年\n"]);
    let haystack = Haystack::build(&document, Scope::Source);
    let finder = Finder::new(&Query::text(r"(\d+)年").regex(true)).unwrap();
    let found = finder.find(&haystack);
    assert_eq!(finder.replacement(&haystack, &found[0], "$1 年"), "1916 年");
}
