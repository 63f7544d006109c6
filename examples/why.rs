//! Development aid: the tag of each line of a page and the features that
//! weighed most for it.
//!
//! ```sh
//! cargo run --release --example why -- PAGE [MODEL]
//! ```

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let page = std::path::PathBuf::from(args.next().unwrap_or_default());
    let model = match args.next() {
        Some(path) => copydesk::store::read_model(std::path::Path::new(&path))?,
        None => copydesk::segment::Model::builtin().clone(),
    };
    let edition = copydesk::load::load_path(&page, &Default::default())?;
    for line in 0..edition.pages[0].line_count() {
        if let Some((tag, reasons)) = copydesk::segment::explain(&edition, &model, 0, line, 5) {
            let text: String = edition.pages[0].line(line).chars().take(30).collect();
            println!("{:4} {:14} {text}", line + 1, tag.name());
            for r in reasons {
                println!("        {:+.2} {}", r.weight, r.feature);
            }
        }
    }
    Ok(())
}
