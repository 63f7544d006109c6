//! What surrounds the articles: mastheads and page headers, footers,
//! jump lines, closing lines, bylines, captions, advertisements.

use rand::RngExt;
use rand::seq::IndexedRandom;

const PAPERS: &[(&str, &str)] = &[
    ("东海日报", "东海"),
    ("江南晚报", "江南"),
    ("青山日报", "青山"),
    ("滨江都市报", "滨江"),
    ("北城日报", "北城"),
    ("西岭日报", "西岭"),
    ("南湖晚报", "南湖"),
    ("云川日报", "云川"),
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何",
    "郭", "马", "罗",
];
const GIVEN: &[&str] = &[
    "明", "华", "晓苏", "建国", "丽", "伟", "芳", "军", "洋", "静", "敏", "磊", "婷", "强", "艳", "杰", "涛",
    "超", "霞", "鹏",
];
const WEEKDAYS: &[&str] = &["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];

/// A person's name.
pub fn name(rng: &mut impl RngExt) -> String {
    format!("{}{}", SURNAMES.choose(rng).copied().unwrap_or("王"), GIVEN.choose(rng).copied().unwrap_or("明"))
}

/// The paper a page is drawn as: its name and its city.
pub fn paper(rng: &mut impl RngExt) -> (&'static str, &'static str) {
    PAPERS.choose(rng).copied().unwrap_or(PAPERS[0])
}

/// `2020年1月19日` from `20200119`.
pub fn date_words(date: &str) -> String {
    let year = date.get(0..4).unwrap_or("2020");
    let month: u32 = date.get(4..6).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day: u32 = date.get(6..8).and_then(|d| d.parse().ok()).unwrap_or(1);
    format!("{year}年{month}月{day}日")
}

/// The masthead of a front page, item by item.
pub fn masthead(date: &str, rng: &mut impl RngExt) -> Vec<String> {
    let (paper, city) = paper(rng);
    let weekday = WEEKDAYS.choose(rng).copied().unwrap_or("星期一");
    let mut items: Vec<String> = vec![
        paper.to_owned(),
        format!("中共{city}市委机关报"),
        format!("国内统一连续出版物号 CN33-{:04}", rng.random_range(1..100)),
        format!("{} {weekday}", date_words(date)),
        format!(
            "农历庚子年{}月{}",
            ["正", "二", "三", "四"].choose(rng).copied().unwrap_or("正"),
            ["初七", "十五", "廿三"].choose(rng).copied().unwrap_or("初七")
        ),
        format!("第{}期 今日{}版", rng.random_range(10000..30000), rng.random_range(4..17)),
        format!("新闻热线:0579-{}", rng.random_range(80000000..90000000)),
        format!(
            "今日天气 {} {}～{}℃",
            ["晴", "多云", "小雨", "阴"].choose(rng).copied().unwrap_or("晴"),
            rng.random_range(0..10),
            rng.random_range(10..25)
        ),
        format!("扫码下载{city}新闻客户端"),
        format!("www.{}news.com.cn", ["dh", "jn", "qs", "bj"].choose(rng).copied().unwrap_or("dh")),
    ];
    // Papers print some of these, in their own order.
    let keep = rng.random_range(4..=items.len());
    let mut kept = vec![items.remove(0)];
    while kept.len() < keep && !items.is_empty() {
        let i = rng.random_range(0..items.len());
        kept.push(items.remove(i));
    }
    kept
}

/// The header of an inner page.
pub fn page_header(date: &str, page: u32, rng: &mut impl RngExt) -> Vec<String> {
    let desk = ["要闻", "综合", "国内", "国际", "经济", "社会", "评论", "文化"]
        .choose(rng)
        .copied()
        .unwrap_or("要闻");
    let weekday = WEEKDAYS.choose(rng).copied().unwrap_or("星期一");
    let mut lines = vec![match rng.random_range(0..3) {
        0 => format!("{page} {desk} {} {weekday}", date_words(date)),
        1 => format!("{} {weekday} {desk} {page}", date_words(date)),
        _ => format!("第{page}版 {desk}"),
    }];
    if rng.random_bool(0.6) {
        lines.push(format!("责任编辑:{} 版式设计:{}", name(rng), name(rng)));
    }
    lines
}

/// A page footer, if the page has one.
pub fn footer(page: u32, rng: &mut impl RngExt) -> Option<String> {
    match rng.random_range(0..6) {
        0 => Some(format!("本版责编:{} {}", name(rng), name(rng))),
        1 => Some(format!("第{page}版")),
        2 => Some(format!("- {page} -")),
        _ => None,
    }
}

/// A jump line sending the reader to another page.
pub fn jump_to(rng: &mut impl RngExt) -> String {
    let page = ["二", "三", "四", "五", "六", "七", "八"].choose(rng).copied().unwrap_or("二");
    match rng.random_range(0..3) {
        0 => format!("（下转第{page}版）"),
        1 => format!("(下转第{page}版)"),
        _ => format!("（转第{page}版）"),
    }
}

/// A jump line opening the rest of an article from another page.
pub fn jump_from(rng: &mut impl RngExt) -> String {
    let page = ["一", "二", "三"].choose(rng).copied().unwrap_or("一");
    format!("（上接第{page}版）")
}

/// A line closing an article: a dateline at the end, an editor's note, a
/// pointer to related reports.
pub fn closing_line(rng: &mut impl RngExt) -> String {
    let month = rng.random_range(1..13);
    let day = rng.random_range(1..29);
    match rng.random_range(0..6) {
        0 => "（完）".to_owned(),
        1 => format!("（本报记者 {}）", name(rng)),
        2 => "——编者".to_owned(),
        3 => format!("（相关报道见第{}版）", ["二", "四", "六"].choose(rng).copied().unwrap_or("二")),
        4 => format!("（新华社北京{month}月{day}日电）"),
        _ => format!("（据新华社{}电）", ["北京", "上海", "武汉"].choose(rng).copied().unwrap_or("北京")),
    }
}

/// A byline on a line of its own.
pub fn byline(rng: &mut impl RngExt) -> String {
    match rng.random_range(0..5) {
        0 => format!("本报记者 {}", name(rng)),
        1 => format!("本报记者 {} {}", name(rng), name(rng)),
        2 => format!("□ 记者 {} 通讯员 {}", name(rng), name(rng)),
        3 => format!("文/{}", name(rng)),
        _ => "本报评论员".to_owned(),
    }
}

/// A photo caption, with its credit as a second line or not.
pub fn caption(paragraphs: &[String], rng: &mut impl RngExt) -> Vec<String> {
    let subject = paragraphs
        .iter()
        .find_map(|p| p.split(['，', '。']).find(|s| (6..24).contains(&s.chars().count())))
        .unwrap_or("市民在广场参加活动");
    let mut lines = vec![format!("图为{subject}。")];
    let credit = match rng.random_range(0..3) {
        0 => format!("本报记者 {}摄", name(rng)),
        1 => format!("新华社记者 {} 摄", name(rng)),
        _ => format!("（{}摄）", name(rng)),
    };
    if rng.random_bool(0.5) {
        lines.push(credit);
    } else if let Some(first) = lines.first_mut() {
        first.push_str(&credit);
    }
    lines
}

/// A callout set between paragraphs: a big figure or a quoted phrase.
pub fn callout(paragraphs: &[String], rng: &mut impl RngExt) -> String {
    if rng.random_bool(0.5) {
        let unit = ["万亩", "亿元", "万人", "公里", "%", "万吨", "个"].choose(rng).copied().unwrap_or("万亩");
        return format!("{}{unit}", rng.random_range(2..9999));
    }
    let phrase = paragraphs
        .iter()
        .find_map(|p| p.split(['，', '。', '“', '”']).find(|s| (5..14).contains(&s.chars().count())))
        .unwrap_or("让群众少跑腿");
    format!("“{phrase}”")
}

/// An advertisement or a paid notice, line by line, and what it is.
pub fn advertisement(rng: &mut impl RngExt) -> (Vec<String>, &'static str) {
    let (_, city) = paper(rng);
    let phone = format!("{}", rng.random_range(80000000..90000000));
    match rng.random_range(0..6) {
        0 => (
            vec![
                format!("{city}农商银行"),
                "贴心服务 伴您同行".to_owned(),
                format!("客服热线:9600{}", rng.random_range(1..10)),
            ],
            "advertisement (bank)",
        ),
        1 => (
            vec![
                "遗失声明".to_owned(),
                format!(
                    "{}遗失营业执照副本,统一社会信用代码9133{},声明作废。",
                    name(rng),
                    rng.random_range(10000000..99999999)
                ),
            ],
            "notice (lost licence)",
        ),
        2 => (
            vec![
                "招聘启事".to_owned(),
                format!("因业务发展需要,现招聘销售人员{}名,要求大专以上学历。", rng.random_range(2..20)),
                format!("联系电话:0579-{phone}"),
            ],
            "advertisement (jobs)",
        ),
        3 => (
            vec![
                format!("{city}·壹号院"),
                "城芯精装 火爆认筹中".to_owned(),
                format!("售楼热线 0579-{phone}"),
            ],
            "advertisement (property)",
        ),
        4 => (
            vec![
                "拍卖公告".to_owned(),
                format!(
                    "受委托,定于{}月{}日在本公司拍卖车辆一批。",
                    rng.random_range(1..13),
                    rng.random_range(1..29)
                ),
                format!("电话:{phone}"),
            ],
            "notice (auction)",
        ),
        _ => {
            (vec![format!("{}大药房", name(rng)), "品质好药 放心之选".to_owned()], "advertisement (pharmacy)")
        }
    }
}
