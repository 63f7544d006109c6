//! Finding the pages of a file whose pages are separated by form feeds.
//!
//! `pdftotext` ends every page with a form feed (U+000C), so a trailing one
//! does not start an extra page. The search is done on the raw bytes so that
//! each page keeps its exact source bytes (and its own SHA-256): in UTF-8,
//! GB18030, GBK and Big5 the byte 0x0C only ever means a form feed; in UTF-16
//! it is searched for as a whole code unit.

use std::ops::Range;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Byte ranges of the pages in `bytes`, skipping a BOM of `bom_len` bytes.
pub fn page_ranges(bytes: &[u8], bom_len: usize, encoding: &'static Encoding) -> Vec<Range<usize>> {
    let breaks = form_feeds(bytes, bom_len, encoding);
    let unit = if is_utf16(encoding) { 2 } else { 1 };
    let mut ranges = Vec::with_capacity(breaks.len() + 1);
    let mut start = bom_len;
    for at in breaks {
        ranges.push(start..at);
        start = at + unit;
    }
    if start < bytes.len() || ranges.is_empty() {
        ranges.push(start..bytes.len());
    }
    ranges
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

fn form_feeds(bytes: &[u8], bom_len: usize, encoding: &'static Encoding) -> Vec<usize> {
    let body = &bytes[bom_len..];
    let unit: [u8; 2] = if encoding == UTF_16LE { [0x0C, 0] } else { [0, 0x0C] };
    if is_utf16(encoding) {
        body.chunks_exact(2)
            .enumerate()
            .filter(|(_, pair)| *pair == unit)
            .map(|(i, _)| bom_len + 2 * i)
            .collect()
    } else {
        memchr::memchr_iter(0x0C, body).map(|i| bom_len + i).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::UTF_8;

    #[test]
    fn trailing_form_feed_adds_no_page() {
        assert_eq!(page_ranges(b"one\x0ctwo\x0c", 0, UTF_8), [0..3, 4..7]);
    }

    #[test]
    fn no_form_feed_is_one_page() {
        assert_eq!(page_ranges(b"one", 0, UTF_8), vec![0..3]);
    }

    #[test]
    fn empty_page_between_form_feeds_is_kept() {
        assert_eq!(page_ranges(b"a\x0c\x0cb", 0, UTF_8), [0..1, 2..2, 3..4]);
    }

    #[test]
    fn utf16_form_feed_is_a_whole_unit() {
        // "a\x0c" then "b" in UTF-16LE after a BOM; the 0x0C inside U+0C00
        // would be a false break if bytes were searched naively.
        let bytes = [0xFF, 0xFE, b'a', 0, 0x0C, 0, 0x00, 0x0C, b'b', 0];
        assert_eq!(page_ranges(&bytes, 2, UTF_16LE), [2..4, 6..10]);
    }
}
