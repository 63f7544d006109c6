//! What advertisements and paid notices carry that news does not: prices,
//! telephone numbers, the words of selling (`Sale`, `Bros.`, 热线, 招聘).

use super::regex;

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
    let price = has_digit
        && (regex!(r"\$\s?\d|(?-u:\b)\d+\s?(?:c|cts?|cents?)(?-u:\b)|(?i:(?-u:\b)per\s+(?:lb|pound|dozen|yard|pair|bushel|sack|doz)(?-u:\b))")
            .is_match(line)
            || other && regex!(r"\d+(?:\.\d+)?\s?万?元").is_match(line));
    let phone = (latin
        && regex!(r"(?i:(?-u:\b)phones?(?-u:\b)|(?-u:\b)tel(?:ephone)?(?-u:\b))").is_match(line))
        || (other && regex!(r"[热熱][线線]|[电電][话話]|客服").is_match(line))
        || (has_digit && regex!(r"\d{3,4}[-－]\d{7,8}").is_match(line));
    let selling = (latin
        && regex!(concat!(
            r"(?i:(?-u:\b)(?:sale|sales|bargains?|prices?|cheap|cheapest|store|stores|bros|co\.|company|buy|sell|sells|selling|",
            r"goods|shoes|groceries|grocery|hardware|furniture|dry goods|cash|bargain|offer|special|agents?|",
            r"druggists?|wanted|for rent|for sale|lost|reward|bank|insurance|guaranteed|free|call on|see us)(?-u:\b))"
        ))
        .is_match(line))
        || (other
            && regex!(r"招聘|启事|声明|拍卖|公告|认筹|售楼|热销|优惠|特价|促销|开盘|银行|保险|专卖|大药房|火爆|欢迎[来惠]|敬请")
                .is_match(line));
    AdMarks { price, phone, selling }
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
    fn news_lines_have_no_marks() {
        assert_eq!(marks("The council met on Monday to discuss the road."), AdMarks::default());
        assert_eq!(marks("会议强调，要抓好落实。"), AdMarks::default());
    }
}
