//! Masthead and ear lines: what sits above the first article of a front
//! page. Papers everywhere put the same things there: the title, the date
//! (with the lunar date and weekday in China), volume and issue numbers, the
//! sponsor (主办), price, weather, a hotline, a website or app.

use super::regex;

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
    let chinese = regex!(concat!(
        r"[农農][历曆]|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[正一二三四五六七八九十冬腊]+月|",
        r"主[办辦]|主管|出版|刊[号號]|出版物[号號]|[邮郵][发發]代[号號]|CN\s*\d{2}\s*[-－]\s*\d{4}|总第\s*\d+\s*期|第\s*\d+\s*期|今日\s*\d+\s*版|共\s*\d+\s*版|",
        r"天[气氣]|多[云雲]|[晴阴陰][转轉天]|[小中大阵陣]雨|雷[阵陣]雨|[小中大]雪|℃|°|[气氣]温|[东東南西北][风風]|",
        r"[热熱][线線]|[电電][话話]|[传傳]真|[邮郵][编編]|客[户戶]端|APP|微信|公[众眾][号號]|二[维維][码碼]|[扫掃][码碼]|[扫掃]一[扫掃]|[网網]址|www\.|https?:|\.com|\.cn(?-u:\b)|抖音|微博|",
        r"^[\d\s.:/~～\-－+()（）]+$|(?:日|晚|晨|商|[时時]|都市|青年|法制)[报報]$"
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
    (!line.is_ascii() && (chinese_date.is_match(line) || chinese.is_match(line)))
        || (line.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_whitespace() || b.is_ascii_punctuation())
            && chinese.is_match(line))
        || (latin && english.is_match(line))
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
