//! Masthead and ear lines: what sits above the first article of a front
//! page. Papers everywhere put the same things there: the title, the date
//! (with the lunar date and weekday in China), volume and issue numbers, the
//! sponsor (主办), price, weather, a hotline, a website or app.

use super::{either_form, is_digit, regex, simple, words_automaton};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

/// Longest line (in display columns) that is judged as masthead material;
/// longer lines are text, whatever words they contain.
pub const MAX_WIDTH: usize = 60;

/// True when a short line carries a masthead or ear item.
pub fn is_masthead_item(line: &str) -> bool {
    // Dates count only as whole lines, so that a kicker such as
    // "2025年全国两会" is not taken for the masthead's date.
    let chinese_date = regex!(concat!(
        r"^(?:(?:公元)?\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|星期[一二三四五六日天]|[周週][一二三四五六日]|",
        r"[农農][历曆]|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年|[正一二三四五六七八九十冬腊]+月|初[一二三四五六七八九十]|",
        r"[十廿卅][一二三四五六七八九]?|二十[一二三四五六七八九]?|三十|[\s,，/|｜·])+$"
    ));
    let english = regex!(concat!(
        r"(?i)(?-u:\b)vol(?:ume)?(?-u:\b)\.?\s*[ivxlc\d]+|(?-u:\b)no\.\s*\d+|",
        r"(?-u:\b)(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?-u:\b)\.?[^a-z]{0,12}(?-u:\b)1[6-9]\d\d(?-u:\b)|",
        r"(?-u:\b)20\d\d(?-u:\b)|(?-u:\b)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b)|",
        r"(?-u:\b)price(?-u:\b)|(?-u:\b)cents?(?-u:\b)|(?-u:\b)edition(?-u:\b)|(?-u:\b)established(?-u:\b)|(?-u:\b)weather(?-u:\b)|(?-u:\b)forecast(?-u:\b)|(?-u:\b)whole\s+number(?-u:\b)|",
        r"(?-u:\b)pages?\s+\d|(?-u:\b)section\s+[a-z\d](?-u:\b)|\$\d|(?-u:\b)subscri|(?-u:\b)entered(?-u:\b).*(?-u:\b)post|(?-u:\b)published(?-u:\b)"
    ));
    // Each script's expressions run (and are compiled) only for lines
    // written in it.
    let latin = line.bytes().any(|b| b.is_ascii_alphabetic());
    (!line.is_ascii() && (chinese_date.is_match(line) || is_chinese_item(line)))
        || (line.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_whitespace() || b.is_ascii_punctuation())
            && is_chinese_item(line))
        || (latin && english.is_match(line))
}

/// Words of a Chinese masthead or ear, in simplified form (either form
/// counts; see [`either_form`]): the sponsor and registration, the
/// weather, the hotline and the paper's online presence.
static CHINESE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    words_automaton(
        either_form(&[
            "农历",
            "主办",
            "主管",
            "出版",
            "刊号",
            "出版物号",
            "邮发代号",
            "天气",
            "多云",
            "晴转",
            "晴天",
            "阴转",
            "阴天",
            "小雨",
            "中雨",
            "大雨",
            "阵雨",
            "雷阵雨",
            "小雪",
            "中雪",
            "大雪",
            "℃",
            "°",
            "气温",
            "东风",
            "南风",
            "西风",
            "北风",
            "热线",
            "电话",
            "传真",
            "邮编",
            "客户端",
            "APP",
            "微信",
            "公众号",
            "二维码",
            "扫码",
            "扫一扫",
            "网址",
            "www.",
            "http:",
            "https:",
            ".com",
            "抖音",
            "微博",
        ]),
        AhoCorasickKind::ContiguousNFA,
    )
});

/// How a paper's name ends: 日报, 晚报, 都市报 (either form counts).
const PAPER_NAME_ENDINGS: [&str; 8] = ["日报", "晚报", "晨报", "商报", "时报", "都市报", "青年报", "法制报"];

/// The heavenly stems and earthly branches that name a lunar year (壬寅).
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES: [char; 12] = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

/// The numerals of a lunar month (正月, 冬月, 腊月, 十一月).
const MONTH_NUMERALS: [char; 13] =
    ['正', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];

/// True when a line carries a Chinese masthead or ear item anywhere in it.
///
/// Word lists and short checks by hand: compiling one expression for all
/// of these took a twentieth of a one-page split. Only the registration
/// and issue numbers are left to an expression, compiled for the few lines
/// that name a CN number, an issue (期) or pages (版).
fn is_chinese_item(line: &str) -> bool {
    CHINESE_WORDS.is_match(line)
        || PAPER_NAME_ENDINGS.iter().any(|ending| {
            let mut chars = line.chars().rev();
            ending.chars().rev().all(|e| chars.next().map(simple) == Some(e))
        })
        || has_lunar_month(line)
        || has_cn_domain(line)
        || is_figures(line)
        || ((line.contains("CN") || line.contains(['期', '版']))
            && regex!(
                r"CN\s*\d{2}\s*[-－]\s*\d{4}|总第\s*\d+\s*期|第\s*\d+\s*期|今日\s*\d+\s*版|共\s*\d+\s*版"
            )
            .is_match(line))
}

/// True for a lunar year and month: 壬寅年十月.
fn has_lunar_month(line: &str) -> bool {
    line.match_indices('年').any(|(at, year)| {
        let mut before = line[..at].chars().rev();
        let named = before.next().is_some_and(|c| BRANCHES.contains(&c))
            && before.next().is_some_and(|c| STEMS.contains(&c));
        let after = &line[at + year.len()..];
        let rest = after.trim_start_matches(MONTH_NUMERALS);
        named && rest.len() < after.len() && rest.starts_with('月')
    })
}

/// True for a web address in China's domain (ends .cn, or .cn/…).
fn has_cn_domain(line: &str) -> bool {
    line.match_indices(".cn").any(|(at, cn)| {
        !line.as_bytes().get(at + cn.len()).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// True for a line of figures alone: a telephone number, a price, the
/// page's number (87110110, 12 ~ 25, 07).
fn is_figures(line: &str) -> bool {
    !line.is_empty()
        && line.chars().all(|c| is_digit(c) || c.is_whitespace() || ".:/~～-－+()（）".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_masthead_items() {
        for line in [
            "中共永康市委主办",
            "2022年11月",
            "壬寅年十月十四",
            "星期一",
            "07",
            "87110110",
            "永康日报",
            "12 ~ 25",
            "掌上永康客户端",
            "国内统一连续出版物号 CN33-0061",
            "多云转晴",
        ] {
            assert!(is_masthead_item(line), "{line:?}");
        }
    }

    #[test]
    fn english_masthead_items() {
        for line in [
            "VOL. 16, NO. 2",
            ". Lincoln, Nebraska, February, 1916",
            "Whole Number 682",
            "PRICE TWO CENTS",
            "Monday Morning Edition",
        ] {
            assert!(is_masthead_item(line), "{line:?}");
        }
    }

    #[test]
    fn chinese_items_by_hand() {
        for line in [
            "农曆壬寅年冬月初八",
            "壬寅年腊月",
            "www.example.cn",
            "浙江在线 zj.cn/app",
            "（0579）87110110",
            "永康日報",
            "全年定价 360 元 邮發代號 31-99",
            "今日 8 版",
            "CN 33 － 0061",
        ] {
            assert!(is_chinese_item(line), "{line:?}");
        }
        for line in ["壬年十月", "寅年十二", "x.cnn", "日报社论", "2022年全国两会", "第二期"]
        {
            assert!(!is_chinese_item(line), "{line:?}");
        }
    }

    #[test]
    fn headlines_are_not_masthead_items() {
        for line in [
            "清廉金华建设推进会以视频形式召开",
            "城市更新的口子 断不会开",
            "The Duty of a Friend",
            "DIFFERENCES NOT PERSONAL",
        ] {
            assert!(!is_masthead_item(line), "{line:?}");
        }
    }
}
