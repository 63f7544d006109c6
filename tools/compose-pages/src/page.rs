//! Composing one page: furniture, articles, advertisements and captions
//! laid out line by line in a style, each line remembering what it is.

use rand::RngExt;

use crate::layout::{Settings, Style};
use crate::{SourceArticle, SourcePage, furniture, ocr};

/// Who a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Masthead, headers, footers, jump lines, debris.
    Noise,
    /// Advertisement number `n` of the page.
    Ad(usize),
    /// Article number `n` of the page, in order of appearance.
    Article(usize),
}

/// What a line of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 引题.
    Kicker,
    /// 主题.
    Headline,
    /// 副题.
    Subheadline,
    /// A byline line.
    Byline,
    /// Text.
    Body,
    /// A photo caption.
    Caption,
    /// A column label set after the headline (人民论坛).
    Rubric,
}

/// One line of the composed page.
#[derive(Debug, Clone)]
pub struct Line {
    /// Its text, as the page shows it.
    pub text: String,
    /// Its owner; `None` for a blank line.
    pub owner: Option<Owner>,
    /// Its role inside an article.
    pub role: Role,
}

/// A composed page.
#[derive(Debug)]
pub struct Composed {
    /// Every line.
    pub lines: Vec<Line>,
    /// The page's text.
    pub text: String,
    /// What each advertisement is.
    pub ads: Vec<&'static str>,
}

/// The rest of an article another item interrupted.
struct Pending {
    article: usize,
    paragraphs: Vec<String>,
    closing: Option<String>,
}

struct Pen<'r, R: RngExt> {
    settings: Settings,
    rng: &'r mut R,
    lines: Vec<Line>,
    ads: Vec<&'static str>,
}

/// Composes `source` in `style`.
pub fn compose(source: &SourcePage, style: Style, rng: &mut impl RngExt) -> Composed {
    let settings = Settings::draw(style, rng);
    let mut pen = Pen { settings, rng, lines: Vec::new(), ads: Vec::new() };
    // Not every text comes with its page's furniture: a clipping, an
    // excerpt, a text layer cut to the articles.
    let bare = pen.rng.random_bool(0.25);
    let top = if bare {
        Vec::new()
    } else if source.page == 1 {
        furniture::masthead(&source.date, pen.rng)
    } else {
        furniture::page_header(&source.date, source.page, pen.rng)
    };
    for item in top {
        pen.noise(&item);
        if pen.settings.style == Style::PdfLines {
            pen.blank();
        }
    }
    let mut articles: Vec<&SourceArticle> =
        source.articles.iter().filter(|a| !a.paragraphs.is_empty()).collect();
    if bare && articles.len() > 1 {
        let keep = pen.rng.random_range(1..=articles.len().min(3));
        articles.truncate(keep);
    }
    // A clipping: one article, its first paragraphs only.
    let clipping = bare && pen.rng.random_bool(0.4);
    let mut clipped;
    if clipping {
        clipped = articles.first().map(|a| (*a).clone()).unwrap_or_else(|| source.articles[0].clone());
        let keep = pen.rng.random_range(1..=3);
        clipped.paragraphs.truncate(keep);
        articles = vec![&clipped];
    }
    let mut pending: Option<Pending> = None;
    let mut count = 0;
    for (n, article) in articles.iter().enumerate() {
        pen.gap();
        if pen.rng.random_bool(0.12) {
            pen.advertisement();
            pen.gap();
        }
        let continued = n == 0 && source.page > 1 && pen.rng.random_bool(0.15);
        let interrupt = pending.is_none() && n + 1 < articles.len() && pen.rng.random_bool(0.2);
        // A front page often ends with a title whose text is on another page.
        let titles_only = n + 1 == articles.len() && n > 0 && pen.rng.random_bool(0.2);
        if titles_only {
            pen.titles(article, count);
            if pen.rng.random_bool(0.5) {
                let jump = furniture::jump_to(pen.rng);
                pen.noise(&jump);
            }
            count += 1;
            continue;
        }
        let rest = pen.article(article, count, continued, interrupt);
        count += 1;
        if let Some(previous) = pending.take() {
            pen.gap();
            pen.resume(previous);
        }
        pending = rest;
    }
    if let Some(previous) = pending.take() {
        pen.gap();
        pen.advertisement();
        pen.gap();
        pen.resume(previous);
    }
    if !bare && pen.rng.random_bool(0.3) {
        pen.gap();
        pen.advertisement();
    }
    if let Some(footer) = furniture::footer(source.page, pen.rng).filter(|_| !bare) {
        pen.gap();
        pen.noise(&footer);
    }
    let mut text: String = pen.lines.iter().map(|l| format!("{}\n", l.text)).collect();
    if pen.rng.random_bool(0.3) {
        text = text.replace('\n', "\r\n");
    }
    Composed { lines: pen.lines, text, ads: pen.ads }
}

impl<R: RngExt> Pen<'_, R> {
    fn push(&mut self, text: String, owner: Owner, role: Role) {
        self.lines.push(Line { text, owner: Some(owner), role });
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.owner.is_some()) {
            self.lines.push(Line { text: String::new(), owner: None, role: Role::Body });
        }
    }

    /// Between items: maybe a blank line, maybe debris.
    fn gap(&mut self) {
        if self.rng.random_bool(self.settings.blank_between_items) {
            self.blank();
        }
        if self.rng.random_bool(self.settings.debris) {
            let line = ocr::debris_line(self.rng);
            self.noise(&line);
        }
    }

    fn noise(&mut self, text: &str) {
        let text = self.damaged(text);
        self.push(text, Owner::Noise, Role::Body);
    }

    fn damaged(&mut self, text: &str) -> String {
        ocr::damage(text, self.settings.half_width, self.settings.look_alike, self.rng)
    }

    fn advertisement(&mut self) {
        let (lines, what) = furniture::advertisement(self.rng);
        let owner = Owner::Ad(self.ads.len());
        self.ads.push(what);
        for line in lines {
            let text = self.damaged(&line);
            self.push(text, owner, Role::Body);
        }
    }

    /// A title line in large type: broken in two where it is long, perhaps
    /// letter-spaced.
    fn title(&mut self, text: &str, role: Role, article: usize) {
        let text = self.damaged(text);
        let chars: Vec<char> = text.chars().collect();
        let long = chars.len() > if self.settings.style.wrapped() { 14 } else { 22 };
        let pieces: Vec<String> = if long && self.rng.random_bool(0.5) {
            let middle = chars.len() / 2;
            let at = (0..chars.len())
                .filter(|&i| chars[i] == ' ' || chars[i] == '\u{3000}')
                .min_by_key(|&i| i.abs_diff(middle))
                .filter(|&i| i.abs_diff(middle) < middle / 2)
                .unwrap_or(middle);
            let first: String = chars[..at].iter().collect();
            let second: String = chars[at..].iter().collect();
            vec![first.trim().to_owned(), second.trim().to_owned()]
        } else {
            vec![text]
        };
        for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
            let piece = if self.rng.random_bool(self.settings.spaced_titles) {
                ocr::letter_spaced(&piece, self.rng)
            } else {
                piece
            };
            self.push(piece, Owner::Article(article), role);
        }
    }

    /// Lays out article `article` up to its body; returns the part of the
    /// body left for after the next item when `interrupt`.
    fn article(
        &mut self,
        source: &SourceArticle,
        article: usize,
        continued: bool,
        interrupt: bool,
    ) -> Option<Pending> {
        let owner = Owner::Article(article);
        if continued {
            let jump = furniture::jump_from(self.rng);
            self.noise(&jump);
        } else {
            self.titles(source, article);
        }
        let opens_with_dateline = source.paragraphs.first().is_some_and(|p| {
            p.starts_with("本报") || p.starts_with("新华社") || p.contains("电　") || p.contains("电 ")
        });
        if !continued && !opens_with_dateline && self.rng.random_bool(0.35) {
            let byline = furniture::byline(self.rng);
            self.push(byline, owner, Role::Byline);
            self.paragraph_gap();
        }
        let caption_first = self.rng.random_bool(0.1);
        let caption_last = !caption_first && self.rng.random_bool(0.12);
        if caption_first {
            self.caption(&source.paragraphs, article);
        }
        let mut paragraphs = source.paragraphs.clone();
        let mut closing = self.rng.random_bool(0.25).then(|| furniture::closing_line(self.rng));
        // A long article runs on to another page.
        let mut jumps = false;
        if paragraphs.len() > 8 && self.rng.random_bool(0.3) {
            paragraphs.truncate(self.rng.random_range(3..7));
            closing = None;
            jumps = true;
        }
        let callout_at = (paragraphs.len() > 3 && self.rng.random_bool(0.12))
            .then(|| self.rng.random_range(1..paragraphs.len()));
        let callout = furniture::callout(&paragraphs, self.rng);
        let mut rest = None;
        if interrupt && paragraphs.len() >= 2 && !jumps {
            let at = self.rng.random_range(1..paragraphs.len());
            let mut tail = paragraphs.split_off(at);
            // The break falls mid-sentence in the last paragraph shown.
            if let Some(last) = paragraphs.last_mut() {
                let chars: Vec<char> = last.chars().collect();
                if chars.len() > 20 {
                    let cut = self.rng.random_range(chars.len() / 3..chars.len() * 2 / 3);
                    *last = chars[..cut].iter().collect();
                    tail.insert(0, chars[cut..].iter().collect());
                    tail[0].insert(0, '\u{0}'); // marks a continuation: no indent
                }
            }
            rest = Some(Pending { article, paragraphs: tail, closing: closing.take() });
        }
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if callout_at == Some(i) {
                self.push(callout.clone(), owner, Role::Body);
                self.paragraph_gap();
            }
            self.paragraph(paragraph, article);
        }
        if jumps {
            let jump = furniture::jump_to(self.rng);
            self.noise(&jump);
        }
        if rest.is_none() {
            if let Some(line) = closing {
                self.paragraph(&line, article);
            }
            if caption_last {
                self.caption(&source.paragraphs, article);
            }
        }
        rest
    }

    /// The kicker, headline (with its rubric set apart, or not) and
    /// subheadline of an article.
    fn titles(&mut self, source: &SourceArticle, article: usize) {
        let (headline, rubric) = match source.headline.as_deref().map(split_rubric) {
            Some((headline, Some(rubric))) if self.rng.random_bool(0.5) => {
                (Some(headline.to_owned()), Some(rubric.to_owned()))
            }
            _ => (source.headline.clone(), None),
        };
        let fields = [
            (source.kicker.clone(), Role::Kicker),
            (headline, Role::Headline),
            (rubric, Role::Rubric),
            (source.subheadline.clone(), Role::Subheadline),
        ];
        for (field, role) in fields {
            let Some(text) = field.as_deref().map(str::trim).filter(|t| !t.is_empty()) else { continue };
            let text = if role == Role::Subheadline && !text.starts_with('—') && self.rng.random_bool(0.3) {
                format!("——{text}")
            } else {
                text.to_owned()
            };
            if role == Role::Rubric {
                let text = self.damaged(&text);
                self.push(text, Owner::Article(article), role);
            } else {
                self.title(&text, role, article);
            }
            if self.settings.style == Style::PdfLines {
                self.blank();
            }
        }
    }

    fn resume(&mut self, pending: Pending) {
        for paragraph in &pending.paragraphs {
            self.paragraph(paragraph, pending.article);
        }
        if let Some(line) = pending.closing {
            self.paragraph(&line, pending.article);
        }
    }

    fn caption(&mut self, paragraphs: &[String], article: usize) {
        for line in furniture::caption(paragraphs, self.rng) {
            let text = self.damaged(&line);
            self.push(text, Owner::Article(article), Role::Caption);
        }
        self.paragraph_gap();
    }

    fn paragraph_gap(&mut self) {
        if self.rng.random_bool(self.settings.blank_after_paragraph) {
            self.blank();
        }
    }

    /// One paragraph in the page's style: on one line (perhaps broken where
    /// a column ended) or wrapped to the column.
    fn paragraph(&mut self, paragraph: &str, article: usize) {
        let continuation = paragraph.starts_with('\u{0}');
        let paragraph = paragraph.trim_start_matches('\u{0}').trim();
        if paragraph.is_empty() {
            return;
        }
        let role = if is_caption(paragraph) { Role::Caption } else { Role::Body };
        let text = self.damaged(paragraph);
        let owner = Owner::Article(article);
        if !self.settings.style.wrapped() {
            let chars: Vec<char> = text.chars().collect();
            if chars.len() > 40 && self.rng.random_bool(self.settings.column_break) {
                let cut = self.rng.random_range(chars.len() / 4..chars.len() * 3 / 4);
                self.push(chars[..cut].iter().collect(), owner, role);
                if self.settings.style == Style::PdfLines {
                    self.blank();
                }
                self.push(chars[cut..].iter().collect(), owner, role);
            } else {
                self.push(text, owner, role);
            }
            self.paragraph_gap();
            return;
        }
        let indent = self.settings.indent && !continuation && role == Role::Body;
        for line in wrap(&text, self.settings.column, indent) {
            self.push(line, owner, role);
        }
        self.paragraph_gap();
    }
}

/// A headline's column label in brackets at its end, set apart:
/// `审批有指南 办事少犯难（基层治理新实践）`.
fn split_rubric(headline: &str) -> (&str, Option<&str>) {
    let Some(body) = headline.strip_suffix('）') else { return (headline, None) };
    match body.rfind('（') {
        Some(at) if (2..=12).contains(&body[at + '（'.len_utf8()..].chars().count()) && at > 0 => {
            (&headline[..at], Some(&body[at + '（'.len_utf8()..]))
        }
        _ => (headline, None),
    }
}

/// True for a paragraph that is a photo caption in the corpus (图①：…,
/// …摄).
fn is_caption(paragraph: &str) -> bool {
    let mut chars = paragraph.chars();
    let opens = chars.next() == Some('图')
        && chars.next().is_some_and(|c| "①②③④⑤⑥⑦⑧⑨⑩：:为".contains(c) || c.is_ascii_digit());
    opens || paragraph.ends_with('摄') || paragraph.ends_with("摄）") || paragraph.ends_with("摄)")
}

/// Display width: ideographs and full-width forms count two.
fn width(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// Wraps `text` to lines of at most `column` display columns, the first
/// indented by two ideographic spaces when `indent`.
fn wrap(text: &str, column: usize, indent: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = if indent { "\u{3000}\u{3000}".to_owned() } else { String::new() };
    let mut used = if indent { 4 } else { 0 };
    for c in text.chars() {
        // Closing punctuation never opens a line: it hangs at the end.
        let hangs = "。，、；：？！”’）》」』,.;:?!)".contains(c);
        if used + width(c) > column && !line.trim().is_empty() && !hangs {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        line.push(c);
        used += width(c);
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_character_and_the_width() {
        let text = "中华人民共和国成立七十周年，全国各族人民欢欣鼓舞。";
        let lines = wrap(text, 16, true);
        assert_eq!(lines.concat().trim_start_matches('\u{3000}'), text);
        assert!(lines.iter().all(|l| l.chars().map(width).sum::<usize>() <= 16));
    }

    #[test]
    fn rubrics_come_off_headlines() {
        assert_eq!(
            split_rubric("审批有指南 办事少犯难（基层治理新实践）"),
            ("审批有指南 办事少犯难", Some("基层治理新实践"))
        );
        assert_eq!(split_rubric("刚果（金）麻疹疫情"), ("刚果（金）麻疹疫情", None));
    }

    #[test]
    fn captions_of_the_corpus() {
        assert!(is_caption("图⑤：市民在重庆南川区鼓楼广场选购春联。"));
        assert!(is_caption("本报记者 王明摄"));
        assert!(!is_caption("图书馆开放时间延长。"));
    }
}
