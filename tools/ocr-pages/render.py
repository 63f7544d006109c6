#!/usr/bin/env python3
"""ocr-pages: Chinese newspaper pages with real OCR and exact truth.

`tools/compose-pages` writes the text a page's OCR *would* give; this tool
makes the OCR happen. It lays real People's Daily articles (the article
structure of ../shared/corpus/people-daily-2020) out as a printed page --
masthead or page header, articles in modules of several columns with
kicker, headline, subheadline and byline, photos with captions, boxed
advertisements, jump lines -- draws it to an image, runs tesseract on the
image, and writes tesseract's text with the truth of every OCR line.

The truth comes from geometry, not from matching text: every line drawn
is recorded with its box, its owner (article, noise or advertisement) and
its role, and each line tesseract returns (with its box, from its TSV
output) belongs to the drawn lines it covers most. A line tesseract ran
across two columns belongs to the one it covers most, as a labeller would
give it to one article. Text tesseract read out of a photo is noise.

Each page is read one of two ways, drawn from the seed, and each plays the
part of one paper in leave-one-paper-out figures: block by block (every
masthead, title block, column and advertisement cropped and read alone,
`--psm 6`, as a careful OCR set-up with zoning gives: `tessblocks`), or as
a whole page with tesseract's own column finding (`--psm 3`: `tess3`),
which on close columns runs two or three of them together line by line.
Every other choice is drawn from the seed too: page size, fonts and sizes,
columns and gutters, module widths, photos, advertisements. The same
seed, corpus and tesseract version (5.3.0 here) give the same pages.

Needs: python3 with Pillow, tesseract with the chi_sim language, a CJK
font (Noto CJK). On Debian:
    apt-get install tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk
    pip install pillow

    python3 tools/ocr-pages/render.py \
        ../shared/corpus/people-daily-2020/people-daily-2020-01.jsonl.gz \
        --out tests/fixtures/corpus/zh-ocr --pages 80 --seed 11
"""

import argparse
import csv
import functools
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/opentype/noto"
SERIF = os.path.join(FONT_DIR, "NotoSerifCJK-Regular.ttc")
SERIF_BOLD = os.path.join(FONT_DIR, "NotoSerifCJK-Bold.ttc")
SANS = os.path.join(FONT_DIR, "NotoSansCJK-Regular.ttc")
SANS_BOLD = os.path.join(FONT_DIR, "NotoSansCJK-Bold.ttc")

PLACES = ["东江", "西岭", "南湖", "北山", "青川", "临海", "安平", "云溪", "金城", "长宁", "丰泽", "清源"]
KINDS = ["日报", "晚报", "都市报", "时报", "新闻"]
WEEKDAYS = "一二三四五六日"
NAMES = ["李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周涛", "吴迪", "徐丽", "孙浩"]
ADS = [
    ["{place}农商银行", "贴心服务 伴您同行", "客服热线:96{n4}"],
    ["{place}房产", "城市中心 品质住宅", "售楼热线:0{n3}-{n8}"],
    ["招聘启事", "因业务发展需要,现招聘销售人员{n2}名", "联系电话:0579-{n8}"],
    ["{place}大药房", "24小时营业 医保定点", "地址:{place}路{n2}号"],
    ["遗失声明", "{name}遗失身份证一张,声明作废。"],
]


@functools.lru_cache(maxsize=None)
def font(path, size):
    """A face at a size, read from its file once."""
    return ImageFont.truetype(path, size)


class Page:
    """What is drawn, and the record of every line: box, owner, role."""

    def __init__(self, width, height):
        self.image = Image.new("L", (width, height), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.lines = []  # (x0, y0, x1, y1, owner, role)
        self.regions = []  # (x0, y0, x1, y1): blocks in reading order, for OCR by block

    def text(self, x, y, text, face, owner, role):
        self.draw.text((x, y), text, font=face, fill=0)
        x0, y0, x1, y1 = self.draw.textbbox((x, y), text, font=face)
        self.lines.append((x0, y0, x1, y1, owner, role))


def wrap(text, face, width, indent=0):
    """Greedy character wrapping; the first line is indented by `indent` px."""
    lines, current, room = [], "", width - indent
    for ch in text:
        if face.getlength(current + ch) > room and current:
            # Closing punctuation never starts a line (kinsoku).
            if ch in "，。、；：？！”’）》」』,.;:?!)":
                current += ch
                continue
            lines.append(current)
            current, room = ch, width
        else:
            current += ch
    if current:
        lines.append(current)
    return lines


def split_headline(headline):
    """A People's Daily headline may end in a rubric or a pen name in
    brackets: "“甩锅”岂能拯救生命（钟声）". Returns (headline, pen name)."""
    m = re.match(r"^(.*?)（([^（）]{1,12})）$", headline or "")
    if not m:
        return headline, None
    inner = m.group(2)
    return m.group(1), inner if len(inner) <= 4 else None


def masthead(page, rng, area, front, date):
    """Front: paper name with boxed ear items; else a running page header.
    Returns the y where the articles begin."""
    x0, y0, x1, _ = area
    paper = rng.choice(PLACES) + rng.choice(KINDS)
    y, m, d = date[:4], int(date[4:6]), int(date[6:8])
    weekday = WEEKDAYS[rng.randrange(7)]
    if front:
        big = font(rng.choice([SERIF_BOLD, SANS_BOLD]), rng.randrange(90, 140))
        small = font(SANS, rng.randrange(20, 26))
        name_x = x0 + rng.randrange(0, (x1 - x0) // 3)
        page.text(name_x, y0, paper, big, "noise", "noise")
        ear = [
            f"{y}年{m}月{d}日 星期{weekday}",
            f"农历庚子年{rng.choice('正二三四五六')}月{rng.choice(['初三', '十二', '廿一', '十八'])}",
            f"第{rng.randrange(10000, 30000)}期 今日{rng.choice([8, 12, 16])}版",
            f"国内统一连续出版物号 CN{rng.randrange(11, 65)}-{rng.randrange(1, 99):04d}",
            f"今日天气 {rng.choice(['晴', '多云', '阴', '小雨'])} {rng.randrange(5, 20)}～{rng.randrange(21, 33)}℃",
            f"新闻热线:0{rng.randrange(100, 999)}-{rng.randrange(10**7, 10**8)}",
        ]
        rng.shuffle(ear)
        ear_x = x1 - rng.randrange(420, 560)
        for k, item in enumerate(ear[: rng.randrange(3, 6)]):
            page.text(ear_x, y0 + 10 + k * int(small.size * 1.5), item, small, "noise", "noise")
        bottom = y0 + max(big.size + 40, 10 + 6 * int(small.size * 1.5))
    else:
        small = font(SANS, rng.randrange(20, 26))
        number = rng.randrange(2, 20)
        section = rng.choice(["要闻", "评论", "国际", "经济", "社会", "文化"])
        page.text(x0, y0, f"{number}  {section}", small, "noise", "noise")
        page.text(x1 - 520, y0, f"{y}年{m}月{d}日  星期{weekday}", small, "noise", "noise")
        y_editor = y0 + int(small.size * 1.8)
        editor = f"责任编辑:{rng.choice(NAMES)}  版式设计:{rng.choice(NAMES)}"
        page.text(x0 + rng.choice([0, (x1 - x0) // 2]), y_editor, editor, small, "noise", "noise")
        bottom = y_editor + small.size + 30
    page.draw.line([(x0, bottom - 12), (x1, bottom - 12)], fill=0, width=4)
    page.regions.append((x0, y0, x1, bottom - 16))
    return bottom


class Layout:
    """Columns of the article area, each with the y where it is free."""

    def __init__(self, x0, x1, top, bottom, columns, gap):
        self.x0, self.x1, self.bottom, self.gap = x0, x1, bottom, gap
        self.columns = columns
        self.width = (x1 - x0 - gap * (columns - 1)) / columns
        self.tops = [top] * columns

    def left(self, c):
        return int(self.x0 + c * (self.width + self.gap))

    def span_width(self, m):
        return int(m * self.width + (m - 1) * self.gap)

    def place(self, m):
        """The start column and y of a module m columns wide: the lowest top."""
        best = min(range(self.columns - m + 1), key=lambda c: (max(self.tops[c : c + m]), c))
        return best, max(self.tops[best : best + m])

    def occupy(self, c, m, bottom):
        """Columns c to c + m - 1 are taken down to `bottom`."""
        for column in range(c, c + m):
            self.tops[column] = bottom


def draw_article(page, rng, layout, article, owner, style):
    """Draws one article as a module; returns False when nothing fit."""
    m = rng.choice(style["spans"][: layout.columns])
    m = min(m, layout.columns)
    c, y = layout.place(m)
    if y > layout.bottom - 6 * style["body"].size:
        return False
    x, width = layout.left(c), layout.span_width(m)
    y_start = y
    headline, pen = split_headline(article.get("headline") or "")
    title_font = font(style["title_face"], style["title_size"] if m > 1 else int(style["title_size"] * 0.75))
    deck_font = font(style["deck_face"], max(26, int(title_font.size * 0.5)))
    align = style["title_align"]

    def title(text, face, role):
        nonlocal y
        for line in wrap(text, face, width):
            lx = x + (width - face.getlength(line)) / 2 if align == "center" else x
            page.text(lx, y, line, face, owner, role)
            y += int(face.size * 1.3)

    if article.get("kicker"):
        title(article["kicker"], deck_font, "kicker")
    if headline:
        title(headline, title_font, "headline")
    if article.get("subheadline"):
        title(article["subheadline"], deck_font, "subheadline")
    body = style["body"]
    lead = int(body.size * style["leading"])
    if pen:
        page.text(x + width - body.getlength(pen) - body.size, y, pen, body, owner, "byline")
        y += lead
    y += body.size // 2
    # Photo with caption, across the module.
    if rng.random() < style["photos"] and m >= 2 and article.get("paragraphs"):
        height = rng.randrange(200, 480)
        if y + height + 4 * lead < layout.bottom:
            page.draw.rectangle([x, y, x + width, y + height], fill=rng.randrange(150, 225))
            for _ in range(rng.randrange(0, 6)):  # shapes in the photo, for OCR to misread
                px, py = rng.randrange(x, x + width - 40), rng.randrange(y, y + height - 40)
                page.draw.ellipse([px, py, px + rng.randrange(20, 120), py + rng.randrange(20, 90)], fill=rng.randrange(0, 120))
            y += height + 8
            cap_font = font(SANS, max(22, int(body.size * 0.8)))
            first = article["paragraphs"][0]
            caption = "图为" + first[: rng.randrange(12, 30)].rstrip("，。") + "。" + f"（{rng.choice(['本报记者', '新华社记者', ''])}{rng.choice(NAMES)}摄）"
            for line in wrap(caption, cap_font, width):
                page.text(x, y, line, cap_font, owner, "caption")
                y += int(cap_font.size * 1.35)
            y += body.size // 2
    page.regions.append((x, y_start, x + width, y))
    # Body lines, then balanced over the module's columns.
    sub = (width - (m - 1) * layout.gap) / m

    def column_left(col):
        return int(x + col * (sub + layout.gap))

    lines = []
    for k, paragraph in enumerate(article.get("paragraphs") or []):
        paragraph = paragraph.replace("\xa0", " ").strip()
        if not paragraph:
            continue
        is_byline = k == 0 and len(paragraph) <= 16 and re.search(r"(记者|通讯员|评论员)", paragraph)
        indent = 0 if is_byline else 2 * body.size
        for j, line in enumerate(wrap(paragraph, body, sub, indent)):
            lines.append((indent if j == 0 else 0, line, "byline" if is_byline else "body"))
    # With --short-modules a module gets at most part of the page's height:
    # a long article breaks off with a jump line, as front-page articles
    # do, and leaves room for more articles.
    bottom = min(layout.bottom, y + style["module_height"]) if style["module_height"] else layout.bottom
    room = max(0, (bottom - y) // lead)
    per_column = -(-len(lines) // m) if lines else 0
    jump = None
    if per_column > room:
        per_column = room
        kept = per_column * m - 1
        if kept < 2:
            # No room for two body lines: the module keeps what it drew
            # (kicker and headline) and its columns are taken down to
            # there, so the next article cannot print over it.
            if y > y_start:
                layout.occupy(c, m, y + style["module_gap"])
            return y > y_start
        lines = lines[:kept]
        jump = f"（下转第{rng.randrange(2, 16)}版）"
    if style.get("rules"):
        for col in range(1, m):
            rx = int(x + col * (sub + layout.gap) - layout.gap / 2)
            page.draw.line([(rx, y), (rx, y + per_column * lead)], fill=0, width=2)
    for k, (indent, line, role) in enumerate(lines):
        col, row = divmod(k, per_column) if per_column else (0, k)
        page.text(column_left(col) + indent, y + row * lead, line, body, owner, role)
    if jump:
        col, row = divmod(len(lines), per_column)
        page.text(column_left(col), y + row * lead, jump, body, "noise", "noise")
    for col in range(m):
        left = column_left(col)
        page.regions.append((left, y, int(left + sub), y + per_column * lead + body.size // 2))
    y += per_column * lead + style["module_gap"]
    layout.occupy(c, m, y)
    page.draw.line([(x, y - style["module_gap"] // 2), (x + width, y - style["module_gap"] // 2)], fill=0, width=2)
    return True


def draw_ad(page, rng, layout, owner, style):
    m = rng.randrange(1, min(3, layout.columns) + 1)
    c, y = layout.place(m)
    x, width = layout.left(c), layout.span_width(m)
    template = rng.choice(ADS)
    fill = {
        "place": rng.choice(PLACES), "n2": rng.randrange(10, 99), "n3": rng.randrange(100, 999),
        "n4": rng.randrange(1000, 9999), "n8": rng.randrange(10**7, 10**8), "name": rng.choice(NAMES),
    }
    lines = [t.format(**fill) for t in template]
    height = 40 + sum(60 if k == 0 else 40 for k in range(len(lines))) + 20
    if y + height > layout.bottom:
        return
    page.draw.rectangle([x, y, x + width, y + height], outline=0, width=4)
    page.regions.append((x + 6, y + 6, x + width - 6, y + height - 6))
    yy = y + 20
    for k, text in enumerate(lines):
        face = font(SANS_BOLD if k == 0 else SANS, 48 if k == 0 else 30)
        for line in wrap(text, face, width - 40):
            page.text(x + 20, yy, line, face, owner, "advertisement")
            yy += int(face.size * 1.3)
    layout.occupy(c, m, y + height + style["module_gap"])


def compose(rng, source, short_modules=False):
    width, height = rng.choice([(1860, 2630), (1700, 2400), (1950, 2700)])
    page = Page(width, height)
    margin = rng.randrange(50, 110)
    area = (margin, margin, width - margin, height - margin)
    front = source["page"] == 1 or rng.random() < 0.3
    top = masthead(page, rng, area, front, source["date"])
    body_size = rng.randrange(22, 29)
    style = {
        "body": font(rng.choice([SERIF, SANS]), body_size),
        "leading": rng.uniform(1.35, 1.7),
        "title_face": rng.choice([SERIF_BOLD, SANS_BOLD]),
        "title_size": rng.randrange(44, 72),
        "deck_face": rng.choice([SANS, SERIF, SANS_BOLD]),
        "title_align": rng.choice(["center", "left"]),
        "photos": rng.uniform(0.1, 0.4),
        "module_gap": rng.randrange(30, 60),
        "spans": rng.choice([[3, 2, 2, 1], [2, 2, 1, 1], [4, 3, 2, 2], [1, 1, 2, 3]]),
    }
    # Drawn only with --short-modules, so that pages made without it stay
    # as they were.
    style["module_height"] = int(height * rng.uniform(0.25, 0.6)) if short_modules else None
    columns = rng.randrange(3, 7)
    # Most pages leave a clear gutter; some leave so little that tesseract
    # runs neighbouring columns into one line.
    gap = int(body_size * (rng.uniform(0.6, 1.2) if rng.random() < 0.2 else rng.uniform(1.5, 3.0)))
    style["rules"] = rng.random() < 0.5
    layout = Layout(area[0], area[2], top, area[3], columns, gap)
    articles = [a for a in source["articles"] if a.get("paragraphs")]
    for owner, article in enumerate(articles):
        if rng.random() < 0.15:
            draw_ad(page, rng, layout, f"ad{owner}", style)
        if not draw_article(page, rng, layout, article, owner, style):
            break
    return page


def without_trailing_blanks(lines):
    """`lines` without the blank lines at their end."""
    while lines and lines[-1][0] == "":
        lines.pop()
    return lines


def ocr_blocks(image, regions):
    """tesseract run on each block of the page in reading order, as a
    good OCR set-up with zoning gives it: columns kept apart."""
    out = []
    for (x0, y0, x1, y1) in regions:
        if x1 - x0 < 10 or y1 - y0 < 10:
            continue
        crop = image.crop((x0, y0, x1, y1))
        for text, box in ocr(crop, 6):
            shifted = (box[0] + x0, box[1] + y0, box[2] + x0, box[3] + y0) if box else None
            out.append((text, shifted))
        out.append(("", None))
    return without_trailing_blanks(out)


def ocr(image, psm):
    """tesseract's lines: (text, box), in its reading order."""
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "page.png")
        image.save(png)
        base = os.path.join(tmp, "out")
        subprocess.run(
            ["tesseract", png, base, "-l", "chi_sim", "--psm", str(psm), "txt", "tsv"],
            check=True, capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
        text = open(base + ".txt", encoding="utf-8").read()
        rows = list(csv.DictReader(open(base + ".tsv", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    boxes = {}
    order = []
    for row in rows:
        if row["level"] != "5" or not (row.get("text") or "").strip():
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        x, y, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
        if key not in boxes:
            boxes[key] = [x, y, x + w, y + h, ""]
            order.append(key)
        b = boxes[key]
        b[0], b[1], b[2], b[3] = min(b[0], x), min(b[1], y), max(b[2], x + w), max(b[3], y + h)
        b[4] += row["text"]
    text_lines = [l for l in text.split("\n") if l.strip()]
    squeeze = lambda s: re.sub(r"\s+", "", s)
    if len(text_lines) != len(order) or any(squeeze(t) != squeeze(boxes[k][4]) for t, k in zip(text_lines, order)):
        raise RuntimeError("tesseract's text and TSV disagree")
    # Keep tesseract's blank lines between its paragraphs.
    out, lines_iter = [], iter(zip(text_lines, order))
    for line in text.split("\n"):
        if not line.strip():
            out.append(("", None))
            continue
        t, key = next(lines_iter)
        out.append((t, tuple(boxes[key][:4])))
    return without_trailing_blanks(out)


def owner_of(box, drawn_lines):
    """The drawn line this OCR line covers most: (owner, role), or noise.

    Coverage is the width of a drawn line the OCR line spans, counted only
    where the two share most of the drawn line's height, so that a line
    read across two columns goes to the column it holds more of, and a
    big headline's box does not outweigh the text lines beside it."""
    x0, y0, x1, y1 = box
    best, best_cover = ("noise", "noise"), 0
    for (a0, b0, a1, b1, owner, role) in drawn_lines:
        w = min(x1, a1) - max(x0, a0)
        h = min(y1, b1) - max(y0, b0)
        if w <= 0 or h < 0.5 * min(b1 - b0, y1 - y0):
            continue
        size = max(1, b1 - b0)
        cover = w / size  # in characters: wide fonts count no more than small ones
        if cover > best_cover:
            best, best_cover = (owner, role), cover
    return best


def truth(name, lines, drawn_lines, paper, psm):
    owners = [owner_of(box, drawn_lines) if box else None for _, box in lines]
    noise, ignore, spans = [], [], {}
    roles = {}
    for number, (owner_role, (text, _)) in enumerate(zip(owners, lines), start=1):
        if owner_role is None:
            continue
        owner, role = owner_role
        if owner == "noise":
            noise.append(number)
        elif isinstance(owner, str):
            ignore.append(number)
        else:
            spans.setdefault(owner, []).append(number)
            if role != "body":
                roles.setdefault(owner, {})[number] = role

    def runs(numbers, blank):
        out = []
        for n in numbers:
            if out and all(k in blank for k in range(out[-1][1] + 1, n)):
                out[-1][1] = n
            else:
                out.append([n, n])
        return out

    blank = {n for n, (t, _) in enumerate(lines, start=1) if not t.strip()}
    result_articles = []
    for owner in sorted(spans, key=lambda o: spans[o][0]):
        numbers = spans[owner]
        its_roles = roles.get(owner, {})
        field = lambda role: "".join(lines[n - 1][0] for n in numbers if its_roles.get(n) == role).replace(" ", "") or None
        article_runs = runs(numbers, blank)
        entry = {
            "first_line": article_runs[0][0],
            "last_line": article_runs[-1][1],
            "kicker": field("kicker"),
            "headline": field("headline") or "",
            "subheadline": field("subheadline"),
            "byline": field("byline"),
            "roles": {str(n): r for n, r in sorted(its_roles.items())},
        }
        if len(article_runs) > 1:
            entry["spans"] = article_runs
        result_articles.append(entry)
    as_ranges = lambda numbers, why: [{"first_line": a, "last_line": b, "why": why} for a, b in runs(numbers, blank)]
    return {
        "page": name + ".txt",
        "language": "zh",
        "paper": paper,
        "origin": f"ocr-pages: People's Daily article structure laid out, rendered and read by tesseract (chi_sim, {'block by block' if psm == 0 else f'whole page, --psm {psm}'}); truth from the drawn lines' boxes",
        "noise": as_ranges(noise, "masthead, page header, jump line or text read out of a photo"),
        "ignore": as_ranges(ignore, "advertisement"),
        "articles": result_articles,
    }


def make(index, source, seed, out, psm_choices, keep_images, short_modules):
    rng = random.Random(seed * 1_000_003 + index)
    page = compose(rng, source, short_modules)
    psm = rng.choice(psm_choices)
    if psm == 0:
        lines, paper, tag = ocr_blocks(page.image, page.regions), "tesseract-blocks", "tessblocks"
    else:
        lines, paper, tag = ocr(page.image, psm), f"tesseract-psm{psm}", f"tess{psm}"
    name = f"pd{source['date']}-p{source['page']:02d}-{tag}-{index:04d}"
    record = truth(name, lines, page.lines, paper, psm)
    if keep_images:
        page.image.save(os.path.join(out, name + ".png"))
    with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(t for t, _ in lines) + "\n")
    with open(os.path.join(out, name + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--out", required=True)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--psm", default="0,3",
        help="how tesseract reads the page, drawn at random per page: 0 block by block (columns apart), "
        "else a tesseract page segmentation mode for the whole page (3: its own column finding)",
    )
    parser.add_argument("--keep-images", action="store_true", help="also write each page's image, NAME.png")
    parser.add_argument(
        "--only", default="",
        help="make only these pages (numbers as in the names, e.g. 8,57): to remake a few pages of a set "
        "after a fix; every page draws from its own generator, so the rest are unchanged",
    )
    parser.add_argument(
        "--short-modules", action="store_true",
        help="give each article at most a quarter to three fifths of the page's height: more articles "
        "a page, long ones broken off with a jump line",
    )
    args = parser.parse_args()
    sources = [json.loads(l) for l in gzip.open(args.corpus, "rt", encoding="utf-8")]
    rng = random.Random(args.seed)
    chosen = rng.sample(sources, min(args.pages, len(sources)))
    os.makedirs(args.out, exist_ok=True)
    psms = [int(p) for p in args.psm.split(",")]
    with ThreadPoolExecutor(args.jobs) as pool:
        only = {int(n) for n in args.only.split(",") if n.strip()}
        futures = [
            pool.submit(make, i, s, args.seed, args.out, psms, args.keep_images, args.short_modules)
            for i, s in enumerate(chosen)
            if not only or i in only
        ]
        for future in futures:
            try:
                print(future.result(), flush=True)
            except Exception as error:  # one page's failure does not stop the rest
                print(f"skipped a page: {error}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
