//! Find and replace with review (Ctrl+F, Ctrl+H; F3 and Shift+F3 step
//! through the hits). The panel searches the whole edition as the query
//! is typed: the corrected text once per change of the document, then
//! only the matcher per keystroke. Hits are listed as a concordance, a
//! few characters either side aligned on the hit, grouped by article;
//! only the rows in view are laid out. In replace mode each hit has a
//! checkbox, and the checked ones are replaced as one undoable step.

use std::collections::{HashMap, HashSet};

use egui::{Align2, RichText, ScrollArea, Sense, TextEdit, TextStyle, Ui, vec2};

use super::Action;
use super::highlights::{Highlights, Mark};
use super::i18n::{Lang, Word};
use crate::edit::{Edit, Revision};
use crate::find::{Finder, Haystack, Hit, Location, Query, Scope};
use crate::model::ArticleId;
use crate::session::Editor;

/// Characters shown either side of a hit.
const CONTEXT: usize = 14;

/// The find panel's own state.
#[derive(Default)]
pub struct FindPanel {
    open: bool,
    replacing: bool,
    focus: bool,
    query: Query,
    in_source: bool,
    with: String,
    haystack: Option<(Revision, Scope, Haystack)>,
    search: Option<Search>,
    unchecked: HashSet<usize>,
    /// The hit jumped to, as an index into the hits.
    current: Option<usize>,
}

/// The hits of one query over one haystack.
struct Search {
    key: (Revision, Scope, Query),
    finder: Option<Finder>,
    hits: Vec<Hit>,
    places: Vec<Location>,
    rows: Vec<Row>,
    /// Hit indices in the order the list shows them.
    order: Vec<usize>,
    error: Option<String>,
    highlights: Highlights,
}

/// One row of the list.
enum Row {
    Article(Option<ArticleId>),
    Hit(usize),
}

impl FindPanel {
    /// Opens the panel (for replacing with `replacing`), its query field
    /// taking the keyboard; `prefill` gives the query and the replacement.
    pub fn open(&mut self, replacing: bool, prefill: Option<(String, String)>) {
        self.open = true;
        self.replacing = replacing;
        self.focus = true;
        if let Some((query, with)) = prefill {
            self.query.text = query;
            self.with = with;
            self.in_source = false;
        }
    }

    /// True while the panel is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The number of hits of the current query.
    pub fn hit_count(&self) -> usize {
        self.search.as_ref().map_or(0, |s| s.hits.len())
    }

    /// The marks the views show for the hits.
    pub fn highlights(&self) -> Option<&Highlights> {
        self.search.as_ref().filter(|_| self.open).map(|s| &s.highlights)
    }

    /// Runs the query again if the document, the scope or the query changed.
    pub fn refresh(&mut self, editor: &Editor) {
        if !self.open {
            return;
        }
        let scope = if self.in_source { Scope::Source } else { Scope::Corrected };
        let revision = editor.revision();
        if self.haystack.as_ref().is_none_or(|(r, s, _)| (*r, *s) != (revision, scope)) {
            self.haystack = Some((revision, scope, Haystack::build(editor.document(), scope)));
        }
        let key = (revision, scope, self.query.clone());
        if self.search.as_ref().is_some_and(|s| s.key == key) {
            return;
        }
        let Some((_, _, haystack)) = &self.haystack else { return };
        self.search = Some(search(editor, haystack, key));
        self.unchecked.clear();
        self.current = None;
    }

    /// Steps to the next (or previous) hit in list order; its place.
    pub fn step(&mut self, forward: bool) -> Option<(usize, usize)> {
        let search = self.search.as_ref()?;
        let n = search.order.len();
        if n == 0 {
            return None;
        }
        let at = self.current.and_then(|c| search.order.iter().position(|&h| h == c));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
        };
        let hit = search.order[next];
        self.current = Some(hit);
        search.places.get(hit).map(|p| (p.page, p.line))
    }

    /// The edit replacing every checked hit, and how many there are.
    pub fn replacement(&self, editor: &Editor) -> Option<(Edit, usize)> {
        let search = self.search.as_ref()?;
        let finder = search.finder.as_ref()?;
        let (_, _, haystack) = self.haystack.as_ref()?;
        let checked: Vec<_> = (0..search.hits.len()).filter(|i| !self.unchecked.contains(i)).collect();
        let changes: Vec<_> = checked
            .iter()
            .map(|&i| {
                (search.hits[i].range.clone(), finder.replacement(haystack, &search.hits[i], &self.with))
            })
            .collect();
        let edit = crate::replace::replace(editor.document(), haystack, &changes).ok()??;
        Some((edit, changes.len()))
    }

    /// Shows the panel.
    pub fn ui(&mut self, ui: &mut Ui, editor: &Editor, lang: Lang, actions: &mut Vec<Action>) {
        self.refresh(editor);
        let title = if self.replacing { Word::Replace } else { Word::Find };
        ui.horizontal(|ui| {
            ui.heading(title.get(lang));
            if ui.small_button(Word::Close.get(lang)).clicked() {
                self.open = false;
            }
        });
        let field = ui.add(
            TextEdit::singleline(&mut self.query.text)
                .hint_text(Word::FindHint.get(lang))
                .desired_width(f32::INFINITY)
                .id_salt("find_query"),
        );
        let field = field.labelled_by(ui.label(RichText::new(Word::Find.get(lang)).small().weak()).id);
        if std::mem::take(&mut self.focus) {
            field.request_focus();
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            actions.push(Action::run("find_next"));
        }
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.query.case_sensitive, Word::MatchCase.get(lang));
            ui.checkbox(&mut self.query.whole_word, Word::WholeWord.get(lang));
            ui.checkbox(&mut self.query.regex, Word::Regex.get(lang));
            if !self.replacing {
                ui.checkbox(&mut self.in_source, Word::InSource.get(lang));
            }
        });
        if self.replacing {
            self.in_source = false;
            let label = ui.label(RichText::new(Word::ReplaceWith.get(lang)).small().weak());
            ui.add(TextEdit::singleline(&mut self.with).desired_width(f32::INFINITY).id_salt("find_with"))
                .labelled_by(label.id);
            let checked = self.hit_count() - self.unchecked.len().min(self.hit_count());
            let button = egui::Button::new(format!("{} ({checked})", Word::ReplaceChecked.get(lang)));
            if ui.add_enabled(checked > 0, button).clicked() {
                actions.push(Action::ReplaceChecked);
            }
        }
        self.refresh(editor);
        self.list(ui, editor, lang, actions);
    }

    fn list(&mut self, ui: &mut Ui, editor: &Editor, lang: Lang, actions: &mut Vec<Action>) {
        let Some(search) = &self.search else { return };
        if let Some(error) = &search.error {
            ui.label(RichText::new(error).color(ui.visuals().warn_fg_color));
            return;
        }
        let count = if search.hits.is_empty() {
            Word::NoHits.get(lang).to_owned()
        } else {
            format!("{} {}", search.hits.len(), Word::Hits.get(lang))
        };
        ui.label(RichText::new(count).weak());
        let Some((_, _, haystack)) = &self.haystack else { return };
        let row_height = ui.text_style_height(&TextStyle::Body) + 6.0;
        let (unchecked, current, replacing) = (&mut self.unchecked, self.current, self.replacing);
        let mut jumped = None;
        ScrollArea::vertical().id_salt("find_hits").auto_shrink([false, false]).show_rows(
            ui,
            row_height,
            search.rows.len(),
            |ui, rows| {
                for row in &search.rows[rows] {
                    match row {
                        Row::Article(article) => {
                            let name = article_name(editor, *article, lang);
                            ui.label(RichText::new(name).strong());
                        }
                        &Row::Hit(i) => {
                            let place = &search.places[i];
                            let line = format!("p{}:{}", place.page + 1, place.line + 1);
                            ui.horizontal(|ui| {
                                if replacing {
                                    let mut checked = !unchecked.contains(&i);
                                    let name =
                                        format!("✓ {line} {}", concordance_text(haystack, &search.hits[i]));
                                    let response = ui.checkbox(&mut checked, "");
                                    response.widget_info(|| {
                                        egui::WidgetInfo::selected(egui::Role::CheckBox, true, checked, &name)
                                    });
                                    if response.changed() {
                                        if checked {
                                            unchecked.remove(&i);
                                        } else {
                                            unchecked.insert(i);
                                        }
                                    }
                                }
                                if concordance(
                                    ui,
                                    haystack,
                                    &search.hits[i],
                                    &line,
                                    current == Some(i),
                                    row_height,
                                ) {
                                    jumped = Some((i, place.page, place.line));
                                }
                            });
                        }
                    }
                }
            },
        );
        if let Some((i, page, line)) = jumped {
            self.current = Some(i);
            actions.push(Action::SelectLine { page, line });
        }
    }
}

/// Runs `key`'s query over `haystack`.
fn search(editor: &Editor, haystack: &Haystack, key: (Revision, Scope, Query)) -> Search {
    let mut found = Search {
        key,
        finder: None,
        hits: Vec::new(),
        places: Vec::new(),
        rows: Vec::new(),
        order: Vec::new(),
        error: None,
        highlights: Highlights::default(),
    };
    let finder = match Finder::new(&found.key.2) {
        Ok(finder) => finder,
        Err(e) => {
            found.error = Some(e.to_string());
            return found;
        }
    };
    found.hits = finder.find(haystack);
    found.finder = Some(finder);
    let document = editor.document();
    found.places =
        found.hits.iter().map(|h| haystack.locate(&h.range).expect("hits lie in blocks")).collect();
    let corrected = (haystack.scope() == Scope::Corrected).then_some(haystack);
    for (hit, place) in found.hits.iter().zip(&found.places) {
        found.highlights.add(document, corrected, place, &hit.range, Mark::Hit);
    }
    // Grouped by article in reading order, set-aside text last.
    let position: HashMap<ArticleId, usize> =
        document.split.articles.iter().enumerate().map(|(n, &a)| (a, n)).collect();
    let mut order: Vec<usize> = (0..found.hits.len()).collect();
    order.sort_by_key(|&i| {
        found.places[i].article.and_then(|a| position.get(&a)).copied().unwrap_or(usize::MAX)
    });
    let mut last = None;
    for &i in &order {
        let article = found.places[i].article;
        if last != Some(article) {
            found.rows.push(Row::Article(article));
            last = Some(article);
        }
        found.rows.push(Row::Hit(i));
    }
    found.order = order;
    found
}

fn article_name(editor: &Editor, article: Option<ArticleId>, lang: Lang) -> String {
    let Some(id) = article else { return Word::SetAside.get(lang).to_owned() };
    let headline = crate::edit::render_article(editor.document(), id).headline.unwrap_or_default();
    format!("{id} {headline}")
}

/// The hit with its context, as one line of text (for reading aloud).
fn concordance_text(haystack: &Haystack, hit: &Hit) -> String {
    let (before, found, after) = haystack.context(&hit.range, CONTEXT);
    format!("{before}【{found}】{after}")
}

/// One concordance line: the place, the context before right-aligned in a
/// column of its own so that every hit starts at the same x, the hit, and
/// the context after. True when clicked.
fn concordance(ui: &mut Ui, haystack: &Haystack, hit: &Hit, place: &str, current: bool, height: f32) -> bool {
    let (before, found, after) = haystack.context(&hit.range, CONTEXT);
    let font = TextStyle::Body.resolve(ui.style());
    let small = TextStyle::Small.resolve(ui.style());
    let visuals = ui.visuals().clone();
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    let name = format!("{place} {}", concordance_text(haystack, hit));
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, current, &name));
    let painter = ui.painter_at(rect);
    if current {
        painter.rect_filled(rect, 2.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        painter.rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let middle = rect.left_center();
    let place = painter.text(middle, Align2::LEFT_CENTER, place, small, visuals.weak_text_color());
    let column = rect.left() + 56.0 + (width - 56.0) * 0.42;
    let text = visuals.text_color();
    // The context before is cut at the place's label, never over it.
    let room = egui::Rect::from_x_y_ranges(place.right() + 6.0..=column, rect.y_range());
    painter.with_clip_rect(room).text(
        egui::pos2(column, middle.y),
        Align2::RIGHT_CENTER,
        before,
        font.clone(),
        text,
    );
    let galley = painter.layout_no_wrap(found.to_owned(), font.clone(), visuals.strong_text_color());
    let hit_rect =
        egui::Rect::from_min_size(egui::pos2(column, middle.y - galley.size().y / 2.0), galley.size());
    painter.rect_filled(hit_rect.expand(1.0), 2.0, Mark::CurrentHit.colour());
    let hit_width = galley.size().x;
    painter.galley(hit_rect.min, galley, text);
    painter.text(egui::pos2(column + hit_width + 2.0, middle.y), Align2::LEFT_CENTER, after, font, text);
    response.clicked()
}
