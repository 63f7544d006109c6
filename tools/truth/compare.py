#!/usr/bin/env python3
"""Whether a change to the split moved its figures by more than chance:
two `copydesk eval --json` runs over the same pages, compared page by page.

    copydesk eval --json --paper-folds 10 --iterations 300 PATHS... > before.json
    (change, rebuild)
    copydesk eval --json --paper-folds 10 --iterations 300 PATHS... > after.json
    python3 tools/truth/compare.py before.json after.json

For each language: boundary P / R / F1, exact headlines, lines in the right
article and B-cubed F1 before and after (counts added over pages, as
`eval`'s "all" row), the change in F1, headlines and lines with a 95%
interval from 2,000 resamplings of the pages (the same pages drawn for
both runs: a paired bootstrap, seed fixed), and how many pages got better
and worse.

What the interval does not hold: a change that moves nothing also moves a
300-step training's path a little (docs/split.md measured .005 in F1 and
.01 in lines that way). An interval that includes 0, or a change of that
size, is not evidence. Pages of one paper or one rendering are not
independent either (the Chinese "papers" are eight renderings), so the
Chinese interval is narrower than it should be.
"""
import json
import random
import sys

RESAMPLINGS = 2000


def load(path):
    with open(path, encoding="utf-8") as f:
        return {page["page"]: page for page in json.load(f)["pages"]}


def totals(pages):
    """The counts of `pages` added up, and the figures they give."""
    keys = (
        "boundaries_matched",
        "boundaries_proposed",
        "boundaries_true",
        "headlines",
        "headlines_exact",
        "lines",
        "lines_right",
        "bcubed_items",
        "bcubed_precision",
        "bcubed_recall",
    )
    c = {k: sum(p["counts"][k] for p in pages) for k in keys}
    ratio = lambda part, whole: part / whole if whole else 1.0
    precision = ratio(c["boundaries_matched"], c["boundaries_proposed"])
    recall = ratio(c["boundaries_matched"], c["boundaries_true"])
    f1 = ratio(2 * c["boundaries_matched"], c["boundaries_proposed"] + c["boundaries_true"])
    bp = ratio(c["bcubed_precision"], c["bcubed_items"])
    br = ratio(c["bcubed_recall"], c["bcubed_items"])
    return {
        "P": precision,
        "R": recall,
        "F1": f1,
        "headlines": ratio(c["headlines_exact"], c["headlines"]),
        "lines": ratio(c["lines_right"], c["lines"]),
        "B3": 2 * bp * br / (bp + br) if bp + br else 0.0,
    }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = load(sys.argv[1]), load(sys.argv[2])
    missing = sorted(set(before) ^ set(after))
    if missing:
        sys.exit(f"the two runs scored different pages, e.g. {missing[:3]}")
    rng = random.Random(20261208)
    for language in sorted({p["language"] for p in before.values()}):
        names = sorted(n for n, p in before.items() if p["language"] == language)
        b = totals([before[n] for n in names])
        a = totals([after[n] for n in names])
        print(f"{language}, {len(names)} pages")
        for k in ("P", "R", "F1", "headlines", "lines", "B3"):
            print(f"  {k:9} {b[k]:.3f} -> {a[k]:.3f}  ({a[k] - b[k]:+.3f})")
        changes = {k: [] for k in ("F1", "headlines", "lines")}
        for _ in range(RESAMPLINGS):
            drawn = [rng.choice(names) for _ in names]
            tb = totals([before[n] for n in drawn])
            ta = totals([after[n] for n in drawn])
            for k, v in changes.items():
                v.append(ta[k] - tb[k])
        for k, v in changes.items():
            v.sort()
            low, high = v[int(0.025 * RESAMPLINGS)], v[int(0.975 * RESAMPLINGS) - 1]
            print(f"  {k} change, 95% of resamplings: {low:+.3f} .. {high:+.3f}")
        better = sum(after[n]["boundary_f1"] > before[n]["boundary_f1"] for n in names)
        worse = sum(after[n]["boundary_f1"] < before[n]["boundary_f1"] for n in names)
        print(f"  pages whose boundary F1 rose {better}, fell {worse}, held {len(names) - better - worse}")


if __name__ == "__main__":
    main()
