//! Development aid: how the line tags of truth pages compare with what a
//! model proposes, as a confusion matrix (rows: truth, columns: proposed).
//!
//! ```sh
//! cargo run --release --example confusion -- MODEL PATH…
//! ```

use copydesk::eval::load_truth_pages;
use copydesk::segment::{Example, Tag};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let model = copydesk::store::read_model(std::path::Path::new(&args.next().unwrap_or_default()))?;
    let paths: Vec<std::path::PathBuf> = args.map(Into::into).collect();
    let pages = load_truth_pages(&paths)?;
    let mut matrix = [[0usize; Tag::COUNT]; Tag::COUNT];
    for page in &pages {
        let example = Example::new(&page.labelled());
        let features = &example.features;
        let proposed = model.viterbi(&model.emissions(features), &model.moves(features));
        for (gold, got) in example.tags.iter().zip(&proposed) {
            matrix[gold.index()][got.index()] += 1;
        }
    }
    print!("{:>15}", "");
    for tag in Tag::ALL {
        print!("{:>7}", &tag.name()[..tag.name().len().min(6)]);
    }
    println!();
    for gold in Tag::ALL {
        print!("{:>15}", gold.name());
        for got in Tag::ALL {
            print!("{:>7}", matrix[gold.index()][got.index()]);
        }
        println!();
    }
    Ok(())
}
