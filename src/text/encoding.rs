//! Detecting and decoding the character encoding of an OCR text file.
//!
//! Chinese OCR arrives as UTF-8, as GB18030/GBK from older Windows tools, as
//! Big5 from Taiwan and Hong Kong, and now and then as UTF-16 with a BOM.
//! Detection follows the order the trusted tools use: a byte-order mark wins;
//! then strict UTF-8; then a NUL byte means binary data; then `chardetng`,
//! hinted towards Chinese, guesses a legacy encoding. GBK answers are decoded
//! as GB18030, its superset, so no valid character is refused.
//!
//! Decoding never substitutes: a byte sequence that is not valid in the
//! chosen encoding is an error with its offset, because a silently replaced
//! character would become an invisible OCR "correction".

use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, GBK, UTF_8};

/// Text decoded from a file's bytes, with what was needed to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, line endings untouched, byte-order mark removed.
    pub text: String,
    /// The encoding the bytes were read in.
    pub encoding: &'static Encoding,
    /// Length in bytes of the byte-order mark that preceded the text (0 if none).
    pub bom_len: usize,
}

/// Why bytes could not be decoded into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes hold a NUL or many control characters: not a text file.
    #[error("it looks like binary data (NUL or control byte at offset {offset})")]
    Binary {
        /// Offset of the first offending byte.
        offset: usize,
    },
    /// A byte sequence is not valid in the encoding.
    #[error(
        "bytes at offset {offset} are not valid {encoding}; try --encoding with the file's real encoding"
    )]
    Undecodable {
        /// The encoding that was tried.
        encoding: &'static str,
        /// Offset of the first invalid byte, counted from the start of the file.
        offset: usize,
    },
}

impl DecodeError {
    /// The same error with its offset moved by `by` bytes: a page decoded on
    /// its own reports offsets in its file.
    pub fn shifted(self, by: usize) -> Self {
        match self {
            Self::Binary { offset } => Self::Binary { offset: offset + by },
            Self::Undecodable { encoding, offset } => Self::Undecodable { encoding, offset: offset + by },
        }
    }
}

/// Detects the encoding of `bytes` (unless `forced`) and decodes them.
///
/// ```
/// use copydesk::text::decode;
/// let decoded = decode("永康日报".as_bytes(), None).unwrap();
/// assert_eq!(decoded.encoding.name(), "UTF-8");
/// assert_eq!(decoded.text, "永康日报");
/// ```
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    let (encoding, bom_len) = match forced {
        Some(encoding) => (encoding, bom_length(bytes, encoding)),
        None => detect(bytes)?,
    };
    let text = decode_exact(&bytes[bom_len..], encoding, bom_len)?;
    reject_control_bytes(&text)?;
    Ok(Decoded { text, encoding, bom_len })
}

/// Guesses the encoding of `bytes`, returning it and the length of its BOM.
pub fn detect(bytes: &[u8]) -> Result<(&'static Encoding, usize), DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok((encoding, bom_len));
    }
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        if let Some(offset) = memchr::memchr(0, bytes) {
            return Err(DecodeError::Binary { offset });
        }
        return Ok((UTF_8, 0));
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(DecodeError::Binary { offset });
    }
    if is_mostly_utf8(bytes) {
        // A UTF-8 page with a bad byte or two: decoding it as UTF-8 reports
        // the real bad byte, where a legacy guess would fail somewhere else.
        return Ok((UTF_8, 0));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    // chardetng leans to GBK under the .cn hint even for Big5 text; whichever
    // of the two decodes without error and scores higher is the right one.
    let guess = if guess == GBK || guess == BIG5 { prefer_clean_chinese(bytes, &detector) } else { guess };
    Ok((guess, 0))
}

/// True when the non-ASCII text of `bytes` is overwhelmingly valid UTF-8:
/// at least eight well-formed multi-byte characters for each invalid
/// sequence. Legacy Chinese encodings form a valid UTF-8 sequence only now
/// and then, by chance.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid >= 8 * invalid.max(1)
}

/// Between GB18030 and Big5, picks the one that decodes the bytes cleanly;
/// when both do, chardetng's unhinted guess decides.
fn prefer_clean_chinese(bytes: &[u8], detector: &chardetng::EncodingDetector) -> &'static Encoding {
    let clean = |e: &'static Encoding| e.decode_without_bom_handling_and_without_replacement(bytes).is_some();
    match (clean(GB18030), clean(BIG5)) {
        (true, false) => GB18030,
        (false, true) => BIG5,
        _ if detector.guess(None, chardetng::Utf8Detection::Allow) == BIG5 => BIG5,
        _ => GB18030,
    }
}

/// The BOM length to skip when the editor forced an encoding: only a BOM of
/// that same encoding is skipped.
pub fn bom_length(bytes: &[u8], encoding: &'static Encoding) -> usize {
    match Encoding::for_bom(bytes) {
        Some((bom_encoding, len)) if bom_encoding == encoding => len,
        _ => 0,
    }
}

/// Decodes without replacement, reporting the first invalid byte's offset.
fn decode_exact(bytes: &[u8], encoding: &'static Encoding, bom_len: usize) -> Result<String, DecodeError> {
    let encoding = widest_compatible(encoding);
    if encoding == UTF_8 {
        return match simdutf8::compat::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => {
                Err(DecodeError::Undecodable { encoding: UTF_8.name(), offset: bom_len + e.valid_up_to() })
            }
        };
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, consumed_after) => Err(DecodeError::Undecodable {
            encoding: encoding.name(),
            offset: bom_len + read - consumed_after as usize - bad as usize,
        }),
        // The buffer was sized for the worst case, so this cannot happen;
        // reporting it as undecodable keeps the promise of no panics.
        DecoderResult::OutputFull => {
            Err(DecodeError::Undecodable { encoding: encoding.name(), offset: bom_len + read })
        }
    }
}

/// The encoding to read `encoding`'s bytes with: GBK text is read as
/// GB18030, its superset, so that no character GBK tools wrote is refused.
pub fn widest_compatible(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == GBK { GB18030 } else { encoding }
}

/// Refuses text that decoded but is full of control characters: a binary
/// file that happened to be valid in a single-byte encoding.
fn reject_control_bytes(text: &str) -> Result<(), DecodeError> {
    if let Some(offset) = text.find('\0') {
        return Err(DecodeError::Binary { offset });
    }
    // Read as bytes, not characters: this runs over every page loaded, and
    // byte counts vectorise. The C0 controls and DEL are single bytes; the
    // C1 controls (U+0080 to U+009F) are 0xC2 then 0x80 to 0x9F.
    let bytes = text.as_bytes();
    let is_c0 = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r')) || b == 0x7f;
    let c1 = || memchr::memchr_iter(0xc2, bytes).filter(|&at| matches!(bytes.get(at + 1), Some(0x80..=0x9f)));
    let controls = bytes.iter().filter(|&&b| is_c0(b)).count() + c1().count();
    if controls * 100 <= char_count(text) {
        return Ok(());
    }
    let first = bytes.iter().position(|&b| is_c0(b));
    let first_c1 = c1().next();
    let offset = first.into_iter().chain(first_c1).min().unwrap_or(0);
    Err(DecodeError::Binary { offset })
}

/// The characters of `text`, counted as the bytes that start one (any
/// byte but 0b10xxxxxx): a count that vectorises, where `chars().count()`
/// decodes each character.
fn char_count(text: &str) -> usize {
    text.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn characters_are_counted_as_chars_counts_them(text in "\\PC{0,40}") {
            prop_assert_eq!(char_count(&text), text.chars().count());
        }
    }
    use encoding_rs::{UTF_16BE, UTF_16LE};

    const SAMPLE: &str = "本报讯(融媒首席记者 陈晓苏) 11月4日上午,清廉金华建设推进会以视频形式召开。会议强调,各地各部门要学深悟透党的二十大精神。";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes(), None).unwrap().text, SAMPLE);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        let decoded = decode(&with_bom, None).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.bom_len), (SAMPLE, 3));
    }

    #[test]
    fn utf16_with_bom() {
        // encoding_rs never encodes to UTF-16, so the bytes are built by hand.
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in SAMPLE.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().encoding, UTF_16LE);
        let decoded = decode(&be, None).unwrap();
        assert_eq!((decoded.encoding, decoded.text.as_str()), (UTF_16BE, SAMPLE));
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode(SAMPLE);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, GB18030);
        assert_eq!(decoded.text, SAMPLE);
    }

    #[test]
    fn big5_is_detected() {
        let traditional = "本報訊（記者 陳曉蘇）市政府昨日舉行記者會，說明城市更新計畫的進度與後續安排，並回應市民關心的問題。";
        let (bytes, _, _) = BIG5.encode(traditional);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, BIG5);
        assert_eq!(decoded.text, traditional);
    }

    #[test]
    fn nul_byte_means_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00", None), Err(DecodeError::Binary { offset: 4 }));
    }

    #[test]
    fn invalid_bytes_in_forced_encoding_are_reported_with_offset() {
        let err = decode(b"abc\xFFdef", Some(UTF_8)).unwrap_err();
        assert_eq!(err, DecodeError::Undecodable { encoding: "UTF-8", offset: 3 });
    }

    #[test]
    fn a_utf8_text_with_a_bad_byte_is_reported_as_utf8_at_that_byte() {
        let mut bytes = SAMPLE.repeat(3).into_bytes();
        let at = (100..bytes.len()).find(|&i| bytes[i].is_ascii_digit()).unwrap();
        bytes[at] = 0xFF;
        let err = decode(&bytes, None).unwrap_err();
        assert_eq!(err, DecodeError::Undecodable { encoding: "UTF-8", offset: at });
        let (gb, _, _) = GB18030.encode(SAMPLE);
        let mut gb = gb.into_owned();
        gb.push(0x81); // a lead byte with nothing after it
        assert!(matches!(decode(&gb, None), Err(DecodeError::Undecodable { encoding: "gb18030", .. })));
    }

    #[test]
    fn c1_controls_count_as_control_characters() {
        let text = format!("ab{}", "\u{9c}".repeat(3));
        assert_eq!(reject_control_bytes(&text), Err(DecodeError::Binary { offset: 2 }));
        assert_eq!(reject_control_bytes("one\ttab, no\u{a0}control"), Ok(()));
    }

    #[test]
    fn control_heavy_text_is_binary() {
        let bytes: Vec<u8> = (1u8..32).cycle().take(200).collect();
        assert!(matches!(decode(&bytes, None), Err(DecodeError::Binary { .. })));
    }
}
