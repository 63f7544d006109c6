//! What advertisements and paid notices carry that news does not: prices,
//! telephone numbers, the words of selling (`Sale`, `Bros.`, 热线, 招聘).

use super::{either_form, is_digit, regex, words_automaton};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::LazyLock;

/// Chinese words of selling and of paid notices, as printed (simplified
/// only: 热销 is not matched as 熱銷).
static SELLING: LazyLock<AhoCorasick> = LazyLock::new(|| {
    words_automaton(
        [
            "招聘",
            "启事",
            "声明",
            "拍卖",
            "公告",
            "认筹",
            "售楼",
            "热销",
            "优惠",
            "特价",
            "促销",
            "开盘",
            "银行",
            "保险",
            "专卖",
            "大药房",
            "火爆",
            "欢迎来",
            "欢迎惠",
            "敬请",
        ],
        AhoCorasickKind::DFA,
    )
});

/// Chinese words of a hotline, in either form.
static PHONE_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| words_automaton(either_form(&["热线", "电话", "客服"]), AhoCorasickKind::DFA));

/// The commercial marks of a line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AdMarks {
    /// A price: `$1.25`, `25c`, `98 cents`, `5元`.
    pub price: bool,
    /// A telephone number or hotline.
    pub phone: bool,
    /// A word of selling or of a paid notice.
    pub selling: bool,
}

/// Reads the commercial marks of `line`.
pub fn marks(line: &str) -> AdMarks {
    // Each script's expressions run (and are compiled) only for lines
    // written in it.
    let has_digit = line.bytes().any(|b| b.is_ascii_digit());
    let latin = line.bytes().any(|b| b.is_ascii_alphabetic());
    let other = !line.is_ascii();
    // An English price has a `$` or letters (c, cents, per lb).
    let price = has_digit
        && ((latin || line.contains('$'))
            && regex!(r"\$\s?\d|(?-u:\b)\d+\s?(?:c|cts?|cents?)(?-u:\b)|(?i:(?-u:\b)per\s+(?:lb|pound|dozen|yard|pair|bushel|sack|doz)(?-u:\b))")
                .is_match(line)
            || other && has_yuan_amount(line));
    let phone = (latin
        && regex!(r"(?i:(?-u:\b)phones?(?-u:\b)|(?-u:\b)tel(?:ephone)?(?-u:\b))").is_match(line))
        || (other && PHONE_WORDS.is_match(line))
        || (has_digit && has_phone_number(line));
    let selling = (latin
        && regex!(concat!(
            r"(?i:(?-u:\b)(?:sale|sales|bargains?|prices?|cheap|cheapest|store|stores|bros|co\.|company|buy|sell|sells|selling|",
            r"goods|shoes|groceries|grocery|hardware|furniture|dry goods|cash|bargain|offer|special|agents?|",
            r"druggists?|wanted|for rent|for sale|lost|reward|bank|insurance|guaranteed|free|call on|see us)(?-u:\b))"
        ))
        .is_match(line))
        || (other && SELLING.is_match(line));
    AdMarks { price, phone, selling }
}

/// True when the line gives an amount in yuan: a number, then 元 or 万元,
/// with a space allowed before them (5元, 1.2万元, 30 万元). Whatever the
/// number, a digit stands right before them, so that is all that is looked
/// for, back from each 元.
fn has_yuan_amount(line: &str) -> bool {
    line.match_indices('元').any(|(at, _)| {
        let mut before = line[..at].chars().rev().peekable();
        before.next_if_eq(&'万');
        before.next_if(|c| c.is_whitespace());
        before.next().is_some_and(is_digit)
    })
}

/// True when the line holds a telephone number with its area code: three
/// or four digits, a dash, seven or eight digits (0579-87654321). Longer
/// runs of digits count, as they do for an unanchored expression.
fn has_phone_number(line: &str) -> bool {
    let digits = |chars: &mut dyn Iterator<Item = char>, at_least: usize| {
        chars.take_while(|&c| is_digit(c)).take(at_least).count() == at_least
    };
    line.match_indices(['-', '－']).any(|(at, dash)| {
        digits(&mut line[..at].chars().rev(), 3) && digits(&mut line[at + dash.len()..].chars(), 7)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advertisement_lines() {
        assert!(marks("Fresh eggs 25c per dozen").price);
        assert!(marks("Phone 32 and 386.").phone);
        assert!(marks("COOPER & COLE, Grocers. Cash store").selling);
        assert!(marks("售楼热线 0579-87654321").phone);
        assert!(marks("招聘启事").selling);
        assert!(marks("每平方米均价1.2万元").price);
    }

    #[test]
    fn yuan_amounts() {
        for line in ["5元", "1.2万元", "30 万元", "票价１２元"] {
            assert!(has_yuan_amount(line), "{line:?}");
        }
        for line in ["元旦", "5万 元", "五元", "5  元", "5万万元"] {
            assert!(!has_yuan_amount(line), "{line:?}");
        }
    }

    #[test]
    fn phone_numbers() {
        for line in ["0579-87654321", "电话：010－12345678转3", "12345-123456789"] {
            assert!(has_phone_number(line), "{line:?}");
        }
        for line in ["05-87654321", "0579-876543", "2022-11-07", "-1234567"] {
            assert!(!has_phone_number(line), "{line:?}");
        }
    }

    #[test]
    fn news_lines_have_no_marks() {
        assert_eq!(marks("The council met on Monday to discuss the road."), AdMarks::default());
        assert_eq!(marks("会议强调，要抓好落实。"), AdMarks::default());
    }
}
