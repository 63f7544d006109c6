//! Short excerpts of text for messages: an error about a correction of
//! megabytes names it by its first words, not by all of it.

/// At most `max` characters of `text`; when cut, followed by how many
/// more there were.
///
/// ```
/// use copydesk::text::excerpt;
/// assert_eq!(excerpt("赚多少钱", 10), "赚多少钱");
/// assert_eq!(excerpt("abcdefgh", 3), "abc… (5 more characters)");
/// ```
pub fn excerpt(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}… ({} more characters)", &text[..cut], text[cut..].chars().count()),
    }
}

/// How many characters of user text a message quotes.
pub const MESSAGE_CHARS: usize = 80;
