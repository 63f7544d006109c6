//! `copydesk train`: learns a split model from pages with truth files and
//! from documents editors corrected, and writes it as a model file.

use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::eval::{find_truth_files, load_truth_page};
use crate::segment::{self, Example, Model, Training};
use crate::store;

/// How `copydesk train` was asked to train.
#[derive(Debug, Clone)]
pub struct TrainArgs {
    /// Truth files, folders of them, and `*.copydesk.json` documents.
    pub paths: Vec<PathBuf>,
    /// Where to write the model.
    pub out: PathBuf,
    /// Start from this model and stay near it (`None`: from scratch).
    pub base: Option<Model>,
    /// Training settings.
    pub settings: Training,
}

/// Trains and writes the model, reporting what it learned from.
pub fn run(args: TrainArgs, out: &mut impl std::io::Write) -> anyhow::Result<bool> {
    let mut examples = Vec::new();
    let (mut truth_pages, mut documents) = (0, 0);
    let (truth, docs): (Vec<PathBuf>, Vec<PathBuf>) =
        args.paths.iter().cloned().partition(|p| !p.to_string_lossy().ends_with(".copydesk.json"));
    if !truth.is_empty() {
        for path in find_truth_files(&truth)? {
            let page = load_truth_page(&path)?;
            examples.push(Example::new(&page.labelled()));
            truth_pages += 1;
        }
    }
    for doc in &docs {
        let restored = store::open(doc)?;
        let document = restored.document.with_context(|| {
            format!("cannot learn from \"{}\": its sources are missing or changed", doc.display())
        })?;
        examples.extend(document.labelled().iter().map(Example::new));
        documents += 1;
    }
    anyhow::ensure!(!examples.is_empty(), "nothing to learn from");
    let lines: usize = examples.iter().map(|e| e.tags.len()).sum();
    let mut note = serde_json::json!({
        "truth_pages": truth_pages,
        "documents": documents,
        "lines": lines,
        "l2": args.settings.l2,
        "words": args.settings.words,
        "shared": args.settings.shared,
        "missed_boundary_cost": args.settings.costs.missed,
        "extra_boundary_cost": args.settings.costs.extra,
        "adapted": args.base.is_some(),
        "sources": args.paths.iter().map(|p| display_name(p)).collect::<Vec<_>>(),
    });
    // The note is written before training; the optimiser's outcome is
    // added after, so the model file says how training ended.
    let trained = segment::train_reporting(&examples, &args.settings, args.base.as_ref(), String::new());
    note["iterations"] = trained.iterations.into();
    note["objective"] = trained.objective.into();
    note["stopped"] = trained.stopped.clone().into();
    let model = trained.model.with_note(note.to_string());
    store::write_model(&model, &args.out)?;
    writeln!(
        out,
        "wrote {} ({} pages from truth files, {} documents, {lines} lines; {} after {} steps, objective {:.5} a line)",
        args.out.display(),
        truth_pages,
        documents,
        trained.stopped,
        trained.iterations,
        trained.objective,
    )?;
    Ok(true)
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
