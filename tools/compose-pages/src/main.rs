//! `compose-pages`: lays out the article structure of real People's Daily
//! pages as the text a Chinese page's OCR or PDF text layer comes out as,
//! and writes the exact truth of every line beside it.
//!
//! Each page is drawn in one of several *styles* (a PDF text layer with one
//! paragraph per line, hard-wrapped OCR columns, damaged OCR…), each playing
//! the part of one paper, so that leave-one-paper-out figures hold one way
//! of rendering out. Everything varies at random from the seed: column
//! widths, which furniture appears, where advertisements and captions go,
//! which articles another item interrupts, OCR damage. The same seed and
//! corpus give the same pages byte for byte.
//!
//! ```sh
//! cargo run --release --manifest-path tools/compose-pages/Cargo.toml -- \
//!     ../shared/corpus/people-daily-2020/people-daily-2020-01.jsonl.gz \
//!     --out target/corpus/zh-train --pages 300 --seed 1
//! ```

mod furniture;
mod layout;
mod ocr;
mod page;
mod truth;

use std::io::BufRead;
use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;
use rand::SeedableRng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(about = "Compose Chinese newspaper pages with exact truth from People's Daily article structure")]
struct Args {
    /// A `people-daily-2020-*.jsonl.gz` file of the development corpus.
    corpus: PathBuf,
    /// Folder to write NAME.txt and NAME.truth.json into.
    #[arg(long)]
    out: PathBuf,
    /// How many pages to compose.
    #[arg(long, default_value_t = 100)]
    pages: usize,
    /// Seed of every random choice.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Only these styles (comma-separated); all by default.
    #[arg(long, value_delimiter = ',')]
    styles: Vec<String>,
}

/// One article of the corpus, as published.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SourceArticle {
    /// 引题.
    #[serde(default)]
    pub kicker: Option<String>,
    /// 主题.
    #[serde(default)]
    pub headline: Option<String>,
    /// 副题.
    #[serde(default)]
    pub subheadline: Option<String>,
    /// Paragraphs in order.
    #[serde(default)]
    pub paragraphs: Vec<String>,
}

/// One page of the corpus.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SourcePage {
    /// `20200119`.
    pub date: String,
    /// Page number.
    pub page: u32,
    /// Articles in page order.
    pub articles: Vec<SourceArticle>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let file = std::fs::File::open(&args.corpus)
        .with_context(|| format!("cannot open {}", args.corpus.display()))?;
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let mut sources = Vec::new();
    for line in reader.lines() {
        let line = line.context("reading the corpus")?;
        let page: SourcePage = serde_json::from_str(&line).context("a corpus line")?;
        if page.articles.iter().any(|a| !a.paragraphs.is_empty()) {
            sources.push(page);
        }
    }
    anyhow::ensure!(!sources.is_empty(), "no pages in {}", args.corpus.display());
    let styles: Vec<layout::Style> = if args.styles.is_empty() {
        layout::Style::ALL.to_vec()
    } else {
        args.styles.iter().map(|s| layout::Style::named(s)).collect::<anyhow::Result<_>>()?
    };
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    for n in 0..args.pages {
        let source = sources.choose(&mut rng).context("a page")?;
        let style = *styles.choose(&mut rng).context("a style")?;
        let composed = page::compose(source, style, &mut rng);
        let name = format!("pd{}-p{:02}-{}-{:04}", source.date, source.page, style.name(), n);
        std::fs::write(args.out.join(format!("{name}.txt")), &composed.text)?;
        let truth = truth::write(&composed, &name, source, style);
        std::fs::write(args.out.join(format!("{name}.truth.json")), truth)?;
    }
    Ok(())
}
