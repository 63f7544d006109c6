//! Truth files (`*.truth.json`, hand-made by an editor) read as JSON, for
//! tests that compare a proposal with them field by field. Scoring lives
//! in the library (`copydesk::eval`).

use serde_json::Value;

/// One truth article, as the truth file lists it.
#[derive(Debug)]
pub struct TruthArticle<'a> {
    pub value: &'a Value,
    pub spans: Vec<(u64, u64)>,
}

/// Parses the articles of a truth file, with their spans.
pub fn truth_articles(truth: &Value) -> Vec<TruthArticle<'_>> {
    truth["articles"]
        .as_array()
        .expect("truth has articles")
        .iter()
        .map(|a| {
            let spans = match a.get("spans").and_then(Value::as_array) {
                Some(spans) => {
                    spans.iter().map(|s| (s[0].as_u64().unwrap(), s[1].as_u64().unwrap())).collect()
                }
                None => vec![(a["first_line"].as_u64().unwrap(), a["last_line"].as_u64().unwrap())],
            };
            TruthArticle { value: a, spans }
        })
        .collect()
}
