//! Truth files (`NAME.truth.json` beside `NAME.txt`): what an editor says a
//! page is, line by line. The format is the development corpus's
//! (`docs/format.md`, "Truth files"): line numbers from 1, blank lines
//! counted; every non-blank line owned by one article span, a `noise` range
//! or an `ignore` range (advertisements and notices, not scored).
//!
//! Older truth files name only the title fields of an article; its lines'
//! roles are then recovered by matching those fields against the lines
//! that open the article ([`Truth::lines`]).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Role;

/// A truth file, as written.
#[derive(Debug, Clone, Deserialize)]
pub struct Truth {
    /// The page's file name.
    #[serde(default)]
    pub page: String,
    /// `zh-Hans`, `en`, …
    #[serde(default)]
    pub language: String,
    /// The paper the page comes from, for leave-one-paper-out figures;
    /// without it, the page's own name stands for its paper.
    #[serde(default)]
    pub paper: Option<String>,
    /// How much the page counts when a model is trained on it (1 when
    /// absent): the seed page, which must stay exact, counts more.
    #[serde(default)]
    pub weight: Option<f64>,
    /// Masthead, furniture, jump lines, debris.
    #[serde(default)]
    pub noise: Vec<Range>,
    /// Advertisements, notices, unreadable blocks: owned by no article and
    /// not scored as noise.
    #[serde(default)]
    pub ignore: Vec<Range>,
    /// Articles in the order their first lines appear.
    pub articles: Vec<Article>,
}

/// A run of lines.
#[derive(Debug, Clone, Deserialize)]
pub struct Range {
    /// First line, from 1.
    pub first_line: usize,
    /// Last line, inclusive.
    pub last_line: usize,
    /// Why (free text).
    #[serde(default)]
    pub why: Option<String>,
}

impl Range {
    /// True when the range is an advertisement or a classified notice (by
    /// its `why`), as opposed to a block too damaged to say.
    pub fn is_advertisement(&self) -> bool {
        self.why.as_deref().is_some_and(|why| {
            let why = why.to_lowercase();
            ["advert", "classified", " ad ", " ad)", "(ad", "ads", "notice", "广告", "启事", "声明"]
                .iter()
                .any(|w| why.contains(w))
                || why.starts_with("ad ")
        })
    }
}

/// One article of a truth file.
#[derive(Debug, Clone, Deserialize)]
pub struct Article {
    /// First line of its first span.
    pub first_line: usize,
    /// Last line of its last span.
    pub last_line: usize,
    /// Runs of lines in reading order, when something interrupts it.
    #[serde(default)]
    pub spans: Option<Vec<[usize; 2]>>,
    /// The lead-in above the headline.
    #[serde(default)]
    pub kicker: Option<String>,
    /// The first deck; `""` or null when there is none.
    #[serde(default)]
    pub headline: Option<String>,
    /// Further decks, joined.
    #[serde(default)]
    pub subheadline: Option<String>,
    /// Who wrote it.
    #[serde(default)]
    pub byline: Option<String>,
    /// A column label after the headline.
    #[serde(default)]
    pub rubric: Option<String>,
    /// Roles of title, byline and caption lines, by line number; every
    /// other line of the article is body. A value may allow several roles
    /// (`kicker|subheadline`).
    #[serde(default)]
    pub roles: Option<BTreeMap<String, String>>,
}

impl Article {
    /// Its spans in reading order.
    pub fn spans(&self) -> Vec<(usize, usize)> {
        match &self.spans {
            Some(spans) if !spans.is_empty() => spans.iter().map(|s| (s[0], s[1])).collect(),
            _ => vec![(self.first_line, self.last_line)],
        }
    }
}

/// Who a line belongs to in the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Article number `n` (from 0) of the truth file.
    Article(usize),
    /// Noise.
    Noise,
    /// An ignore range; `true` when it is an advertisement.
    Ignored {
        /// An advertisement or notice rather than damage.
        advertisement: bool,
    },
}

/// What the truth says of one non-blank line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TruthLine {
    /// 0-based line index on the page.
    pub line: usize,
    /// Its owner.
    pub owner: Owner,
    /// Its roles: one, or the alternatives the truth allows. Noise lines
    /// have [`Role::Noise`]; ignored lines [`Role::Advertisement`] or noise.
    pub roles: Vec<Role>,
    /// It opens a new run of its article in reading order: the article's
    /// first line, or where it resumes after another item.
    pub resumes: bool,
}

/// A truth file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TruthError {
    /// Unreadable.
    #[error("cannot read \"{}\": {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Not the format.
    #[error("\"{}\" is not a truth file: {source}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Why.
        source: serde_json::Error,
    },
    /// Line numbers outside the page.
    #[error("\"{}\": {what}", path.display())]
    Lines {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        what: String,
    },
}

impl Truth {
    /// Reads a truth file.
    pub fn read(path: &Path) -> Result<Self, TruthError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| TruthError::Read { path: path.to_owned(), source })?;
        serde_json::from_str(&text).map_err(|source| TruthError::Parse { path: path.to_owned(), source })
    }

    /// The paper the page belongs to.
    pub fn paper_or(&self, page_name: &str) -> String {
        self.paper.clone().unwrap_or_else(|| page_name.to_owned())
    }

    /// True when the page is Chinese.
    pub fn is_chinese(&self) -> bool {
        self.language.starts_with("zh")
    }

    /// What the truth says of every non-blank line of a page whose lines
    /// are `lines` (trimmed or not), in page order. A line no range covers
    /// is an error, as is a range past the page's end.
    pub fn lines(&self, lines: &[&str]) -> Result<Vec<TruthLine>, String> {
        let count = lines.len();
        let filled = |n: usize| lines.get(n).is_some_and(|l| !l.trim().is_empty());
        let mut owners: Vec<Option<Owner>> = vec![None; count];
        let check = |first: usize, last: usize, what: &str| {
            if first == 0 || first > last || last > count {
                Err(format!("{what} {first}–{last} is outside the page's {count} lines"))
            } else {
                Ok(())
            }
        };
        for range in &self.noise {
            check(range.first_line, range.last_line, "noise")?;
            owners[range.first_line - 1..range.last_line].fill(Some(Owner::Noise));
        }
        for range in &self.ignore {
            check(range.first_line, range.last_line, "ignore")?;
            let owner = Owner::Ignored { advertisement: range.is_advertisement() };
            owners[range.first_line - 1..range.last_line].fill(Some(owner));
        }
        let mut resumes = vec![false; count];
        for (index, article) in self.articles.iter().enumerate() {
            for (first, last) in article.spans() {
                check(first, last, "article span")?;
                owners[first - 1..last].fill(Some(Owner::Article(index)));
            }
        }
        // A run starts where a line's article differs from the previous
        // scored line's, ignored lines being transparent.
        let mut previous: Option<Owner> = None;
        for n in (0..count).filter(|&n| filled(n)) {
            match owners[n] {
                Some(Owner::Ignored { .. }) => continue,
                Some(owner @ Owner::Article(_)) => resumes[n] = previous != Some(owner),
                _ => {}
            }
            previous = owners[n];
        }
        let roles = self.article_roles(lines);
        let mut out = Vec::new();
        for n in (0..count).filter(|&n| filled(n)) {
            let owner = owners[n].ok_or_else(|| format!("line {} is owned by nothing", n + 1))?;
            let roles = match owner {
                Owner::Noise => vec![Role::Noise],
                Owner::Ignored { advertisement: true } => vec![Role::Advertisement],
                Owner::Ignored { advertisement: false } => vec![Role::Noise],
                Owner::Article(_) => roles.get(&n).cloned().unwrap_or_else(|| vec![Role::Body]),
            };
            out.push(TruthLine { line: n, owner, roles, resumes: resumes[n] });
        }
        Ok(out)
    }

    /// The roles of the title, byline and caption lines of every article,
    /// by 0-based line: as listed, or recovered from the title fields.
    fn article_roles(&self, lines: &[&str]) -> BTreeMap<usize, Vec<Role>> {
        let mut roles = BTreeMap::new();
        for article in &self.articles {
            match &article.roles {
                Some(listed) => {
                    for (line, value) in listed {
                        let Ok(line) = line.parse::<usize>() else { continue };
                        let allowed: Vec<Role> = value.split('|').filter_map(role_named).collect();
                        if line > 0 && !allowed.is_empty() {
                            roles.insert(line - 1, allowed);
                        }
                    }
                }
                None => roles.extend(recover_roles(article, lines)),
            }
        }
        roles
    }
}

/// The role a truth file's word names.
fn role_named(word: &str) -> Option<Role> {
    Role::ALL.into_iter().find(|r| r.as_str() == word.trim())
}

/// Text compared with white space and line-end hyphens removed, so that a
/// title the OCR broke over lines matches however it is rejoined.
pub fn comparable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c == '-' && chars.peek().is_some_and(|n| n.is_whitespace()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Recovers the roles of an article's lines from its title fields: the
/// lines opening it that spell the kicker, then the headline, then the
/// subheadline; the lines that hold the byline.
fn recover_roles(article: &Article, lines: &[&str]) -> BTreeMap<usize, Vec<Role>> {
    let mut roles = BTreeMap::new();
    let mut filled = article
        .spans()
        .into_iter()
        .flat_map(|(first, last)| first - 1..last.min(lines.len()))
        .filter(|&n| !lines[n].trim().is_empty())
        .peekable();
    let fields = [
        (&article.kicker, Role::Kicker),
        (&article.headline, Role::Headline),
        (&article.subheadline, Role::Subheadline),
    ];
    for (field, role) in fields {
        let Some(want) = field.as_deref().map(comparable).filter(|w| !w.is_empty()) else { continue };
        let mut spelled = String::new();
        while let Some(&n) = filled.peek() {
            let next = spelled.clone() + &comparable(lines[n]);
            if !want.starts_with(&next) {
                break;
            }
            spelled = next;
            roles.insert(n, vec![role]);
            filled.next();
            if spelled == want {
                break;
            }
        }
    }
    if let Some(byline) = article.byline.as_deref().map(comparable).filter(|b| !b.is_empty()) {
        for (first, last) in article.spans() {
            for (n, text) in lines.iter().enumerate().take(last).skip(first - 1) {
                let line = comparable(text);
                if !line.is_empty()
                    && !roles.contains_key(&n)
                    && line.len() <= byline.len() * 2 + 8
                    && (line.contains(&byline) || byline.contains(&line))
                {
                    roles.insert(n, vec![Role::Byline]);
                }
            }
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn truth(json: &str) -> Truth {
        serde_json::from_str(json).expect("a truth file")
    }

    #[test]
    fn every_line_gets_its_owner_role_and_run() {
        let page = ["PAPER", "", "BIG FIRE.", "Town Burns", "The town burned.", "BUY SOAP", "It was late."];
        let t = truth(
            r#"{"language":"en","noise":[{"first_line":1,"last_line":1}],
                "ignore":[{"first_line":6,"last_line":6,"why":"advertisement (soap)"}],
                "articles":[{"first_line":3,"last_line":7,"spans":[[3,5],[7,7]],
                  "headline":"BIG FIRE.","subheadline":"Town Burns","kicker":null,"byline":null}]}"#,
        );
        let lines = t.lines(&page).unwrap();
        let summary: Vec<(usize, Vec<Role>, bool)> =
            lines.iter().map(|l| (l.line, l.roles.clone(), l.resumes)).collect();
        assert_eq!(
            summary,
            [
                (0, vec![Role::Noise], false),
                (2, vec![Role::Headline], true),
                (3, vec![Role::Subheadline], false),
                (4, vec![Role::Body], false),
                (5, vec![Role::Advertisement], false),
                (6, vec![Role::Body], false),
            ],
            "an advertisement inside an article does not start a new run"
        );
    }

    #[test]
    fn listed_roles_win_and_may_allow_two() {
        let page = ["引题", "主题", "正文。"];
        let t = truth(
            r#"{"language":"zh-Hans","articles":[{"first_line":1,"last_line":3,"headline":"主题",
                "roles":{"1":"kicker|subheadline","2":"headline"}}]}"#,
        );
        let lines = t.lines(&page).unwrap();
        assert_eq!(lines[0].roles, [Role::Kicker, Role::Subheadline]);
        assert_eq!(lines[2].roles, [Role::Body]);
    }

    #[test]
    fn unowned_lines_and_ranges_past_the_end_are_errors() {
        let t = truth(r#"{"articles":[{"first_line":1,"last_line":1,"headline":""}]}"#);
        assert!(t.lines(&["a", "b"]).unwrap_err().contains("line 2"));
        assert!(t.lines(&[]).unwrap_err().contains("outside"));
    }

    #[test]
    fn titles_compare_without_spaces_and_broken_hyphens() {
        assert_eq!(comparable("AS RE- SULT OF"), comparable("AS RESULT OF"));
        assert_eq!(comparable("一鼓作气 聚力突破"), "一鼓作气聚力突破");
        assert_ne!(comparable("RE-OPEN"), comparable("REOPEN"));
    }
}
