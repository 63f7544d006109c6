//! Photo captions: 图为…, ▲…, a photographer's credit ending in 摄, or in
//! English a `Photo by` credit or an agency's `(AP Photo)`.

use super::regex;

/// True when the line is (or opens) a photo caption.
pub fn is_caption(line: &str) -> bool {
    let chinese = regex!(concat!(
        r"^[\s\u{3000}]*(?:[图圖][为為]|▲|△|[上下左右][图圖]|[图圖][：:]|（[图圖]）)|",
        r"(?:\s[摄攝]|供[图圖]|[图圖]片由[\p{Han}\w]{1,20}提供|[资資]料[图圖]片?)[)）]?\s*$"
    ));
    let english = regex!(concat!(
        r"^\s*(?:PHOTO|Photo|ABOVE|Above|PICTURED|Pictured)\s*[:—–\-]|",
        r"\((?:AP|Reuters|AFP|Getty Images?)(?: Photo)?[^)]*\)\s*$|\bPhoto(?:graph)? (?:by|courtesy)\b|\bCourtesy of\b"
    ));
    chinese.is_match(line) || english.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        for line in [
            "图为工作人员在签约现场为群众提供咨询。",
            "▲ 北三环沿线",
            "本报记者 张三 摄",
            "Photo by Jane Doe",
            "Crowds gather at the square. (AP Photo/John Smith)",
        ] {
            assert!(is_caption(line), "{line:?}");
        }
    }

    #[test]
    fn text_is_not_a_caption() {
        for line in [
            "图书馆开放",
            "本报讯(融媒首席记者 陈晓苏)",
            "The photographer arrived late.",
        ] {
            assert!(!is_caption(line), "{line:?}");
        }
    }
}
