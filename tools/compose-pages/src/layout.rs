//! The styles a page can be drawn in, each standing for one paper's way of
//! reaching us, and the random settings each draws for one page.

use rand::RngExt;

/// How a page's text reached us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A PDF text layer: one paragraph per line, blank lines between.
    PdfLines,
    /// A PDF text layer without blank lines, paragraphs broken where a
    /// column ended.
    PdfDense,
    /// OCR of narrow columns: hard-wrapped lines, indents, some damage.
    OcrColumns,
    /// Poor OCR of columns: debris, letter-spaced titles, look-alike errors.
    OcrDamaged,
}

impl Style {
    /// Every style.
    pub const ALL: [Style; 4] = [Style::PdfLines, Style::PdfDense, Style::OcrColumns, Style::OcrDamaged];

    /// Its name in file names and truth files.
    pub fn name(self) -> &'static str {
        match self {
            Style::PdfLines => "pdf-lines",
            Style::PdfDense => "pdf-dense",
            Style::OcrColumns => "ocr-columns",
            Style::OcrDamaged => "ocr-damaged",
        }
    }

    /// The style of a name.
    pub fn named(name: &str) -> anyhow::Result<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name).ok_or_else(|| anyhow::anyhow!("no style {name:?}"))
    }

    /// True for the styles whose lines are column lines.
    pub fn wrapped(self) -> bool {
        matches!(self, Style::OcrColumns | Style::OcrDamaged)
    }
}

/// The settings one page is drawn with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The style.
    pub style: Style,
    /// Column width in display columns (a Chinese character is two).
    pub column: usize,
    /// Paragraphs open with an indent of two ideographic spaces.
    pub indent: bool,
    /// Chance of a blank line after each paragraph.
    pub blank_after_paragraph: f64,
    /// Chance of a blank line between items (articles, ads, furniture).
    pub blank_between_items: f64,
    /// Share of full-width punctuation turned half-width.
    pub half_width: f64,
    /// Chance per character of a look-alike error.
    pub look_alike: f64,
    /// Chance that a title is letter-spaced by the OCR.
    pub spaced_titles: f64,
    /// Chance of a debris line between items.
    pub debris: f64,
    /// Chance that a long paragraph is broken where a column ended (PDF).
    pub column_break: f64,
}

impl Settings {
    /// Draws the settings of one page in `style`.
    pub fn draw(style: Style, rng: &mut impl RngExt) -> Self {
        let wrapped = style.wrapped();
        let damaged = style == Style::OcrDamaged;
        Self {
            style,
            column: if wrapped { 2 * rng.random_range(9..=24) } else { 0 },
            indent: wrapped && rng.random_bool(0.7),
            blank_after_paragraph: match style {
                Style::PdfLines => 1.0,
                Style::PdfDense => 0.0,
                _ => rng.random_range(0.0..0.2),
            },
            blank_between_items: match style {
                Style::PdfLines => 1.0,
                Style::PdfDense => rng.random_range(0.0..0.3),
                _ => rng.random_range(0.2..0.9),
            },
            half_width: match style {
                Style::PdfLines | Style::PdfDense => {
                    if rng.random_bool(0.3) {
                        1.0
                    } else {
                        0.0
                    }
                }
                Style::OcrColumns => rng.random_range(0.0..1.0),
                Style::OcrDamaged => rng.random_range(0.3..1.0),
            },
            look_alike: match style {
                Style::PdfLines | Style::PdfDense => 0.0,
                Style::OcrColumns => rng.random_range(0.0..0.004),
                Style::OcrDamaged => rng.random_range(0.004..0.02),
            },
            spaced_titles: if damaged {
                0.4
            } else if wrapped {
                0.15
            } else {
                0.0
            },
            debris: if damaged {
                0.25
            } else if wrapped {
                0.05
            } else {
                0.0
            },
            column_break: if style == Style::PdfDense { 0.25 } else { 0.1 },
        }
    }
}
