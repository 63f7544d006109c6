//! Lines that close an article rather than open the next: a dateline set at
//! the end ((新华社北京3月5日电)), the writer in brackets ((本报记者 李明)),
//! an editor's sign-off (——编者), the end mark ((完)), a pointer to
//! related reports ((相关报道见第六版)), an author's note ((作者为…)).
//! Chinese papers print them after the last paragraph, often on a line of
//! their own, where they look like the short title lines of the next item.

use super::regex;

/// True when the whole line is a closing line.
pub fn is_closing_line(line: &str) -> bool {
    let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let Some(first) = line.chars().next() else { return false };
    if !matches!(first, '（' | '(' | '—' | '-' | '－' | '【' | '[') {
        return false;
    }
    let chinese = regex!(concat!(
        r"^[（(【\[]\s*(?:完|终|全文完|本文完|待续|未完待续)\s*[)）】\]]$|",
        r"^[（(]\s*(?:本[报報]|新[华華]社|据|综合|中新社|人民日[报報]|作者|[记記]者|通[讯訊][员員]|相[关關][报報][道导導]|[详詳]见|下[转轉]|上接|[编編]者|[责責]任[编編][辑輯]|文[/／]|图[/／])",
        r"[^()（）]{0,60}[)）]$|",
        r"^(?:——|—|--|－－)\s*(?:[编編]者|本[报報][评評][论論][员員]|[\p{Han}·]{2,4})\s*$"
    ));
    let english = regex!(
        r"^[(\[]\s*(?:Special|By|From|Copyright|Continued|Concluded|To be continued|End)[^()]{0,60}[)\]]\.?$"
    );
    chinese.is_match(line) || english.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_lines() {
        for line in [
            "（新华社北京3月5日电）",
            "（相关报道见第六版）",
            "（本报记者 李明）",
            "——编者",
            "（完）",
            "(完)",
            "（作者为中国驻俄罗斯大使）",
            "（综合本报记者刘维涛、邓建胜报道）",
            "(To be continued.)",
        ] {
            assert!(is_closing_line(line), "{line:?}");
        }
    }

    #[test]
    fn titles_and_text_are_not_closing_lines() {
        for line in [
            "（聚焦基层党建）开新局",
            "——习近平主席新年贺词启示录①",
            "新年戏曲晚会在京举行",
            "（一）强化监督",
        ] {
            assert!(!is_closing_line(line), "{line:?}");
        }
    }
}
