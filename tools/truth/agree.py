#!/usr/bin/env python3
"""How well two labellings of the same pages agree, in `copydesk eval`'s figures.

    python3 tools/truth/agree.py REFERENCE_DIR OTHER_DIR
    python3 tools/truth/agree.py PAGE.truth.json OTHER.truth.json|PROPOSAL.json

Each `*.truth.json` of OTHER_DIR is scored against the file of the same name
in REFERENCE_DIR (whose page, NAME.txt, lies beside it) exactly as
`copydesk eval` scores a proposal against truth (src/eval/score.rs):
boundaries (every run of an article, the reference's ignored lines
transparent), exact headlines (kicker, headline and subheadline without white
space, each reference article paired one to one with the other's article
holding its first line), lines in the right article, and B-cubed F1 of the
lines' grouping. Counts add up over pages, so the total is what `eval`'s
"all" row would say. The other side may also be `copydesk split`'s JSON for
the page: scoring the model that way gives `eval`'s own figures, which is how
this script is checked.

Two people labelling the same page independently measure how well defined
the task is: the figures a model can be asked for.
"""
import json
import os
import sys
from collections import Counter

from validate import spans_of


def comparable(text):
    """The text without white space, and without a hyphen before white space."""
    text = text or ""
    return "".join(
        c for i, c in enumerate(text)
        if not c.isspace() and not (c == "-" and i + 1 < len(text) and text[i + 1].isspace())
    )


def truth_owners(truth, count):
    """Per 0-based line: ("noise",), ("ignore",), ("article", index) or None."""
    owners = [None] * count
    for r in truth.get("noise", []):
        owners[r["first_line"] - 1:r["last_line"]] = [("noise",)] * (r["last_line"] - r["first_line"] + 1)
    for r in truth.get("ignore", []):
        owners[r["first_line"] - 1:r["last_line"]] = [("ignore",)] * (r["last_line"] - r["first_line"] + 1)
    for index, article in enumerate(truth["articles"]):
        for first, last in spans_of(article):
            owners[first - 1:last] = [("article", index)] * (last - first + 1)
    return owners


def fields(articles):
    return [(a.get("kicker"), a.get("headline"), a.get("subheadline")) for a in articles]


def other_side(path, count):
    """Per line the other side's article (or None), and each article's fields."""
    with open(path, encoding="utf-8") as f:
        other = json.load(f)
    articles = other.get("articles", [])
    if articles and isinstance(articles[0].get("spans", [None])[0], dict):
        owners = [None] * count  # `copydesk split` JSON
        for index, article in enumerate(articles):
            for span in article["spans"]:
                owners[span["first_line"] - 1:span["last_line"]] = [index] * (span["last_line"] - span["first_line"] + 1)
        return owners, fields(articles)
    owners = [o[1] if o and o[0] == "article" else None for o in truth_owners(other, count)]
    return owners, fields(articles)


def score(reference_path, other_path):
    with open(reference_path, encoding="utf-8") as f:
        truth = json.load(f)
    page = os.path.join(os.path.dirname(reference_path), truth["page"])
    with open(page, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    owners = truth_owners(truth, len(lines))
    theirs, their_fields = other_side(other_path, len(lines))
    scored = [n for n in range(len(lines)) if lines[n].strip() and (owners[n] or ("",))[0] != "ignore"]
    s = Counter(articles=len(truth["articles"]))
    previous_truth = previous_other = None
    for n in scored:
        mine = owners[n][1] if owners[n] and owners[n][0] == "article" else None
        starts, other_starts = mine is not None and mine != previous_truth, theirs[n] is not None and theirs[n] != previous_other
        s["true"] += starts
        s["proposed"] += other_starts
        s["matched"] += starts and other_starts
        previous_truth, previous_other = mine, theirs[n]
    taken, pairing = set(), []
    for index, article in enumerate(truth["articles"]):
        first, last = spans_of(article)[0]
        opening = next((n for n in scored if owners[n] == ("article", index) and first <= n + 1 <= last), None)
        paired = theirs[opening] if opening is not None else None
        pairing.append(paired if paired is not None and paired not in taken else None)
        taken.add(paired)
    for mine, paired in zip(fields(truth["articles"]), pairing):
        if paired is not None and all(comparable(a) == comparable(b) for a, b in zip(mine, their_fields[paired])):
            s["headlines"] += 1
    for n in scored:
        s["lines"] += 1
        if owners[n] and owners[n][0] == "article":
            paired = pairing[owners[n][1]]
            s["lines_right"] += paired is not None and theirs[n] == paired
        else:
            s["lines_right"] += theirs[n] is None
    items = [(owners[n][1], theirs[n]) for n in scored if owners[n] and owners[n][0] == "article"]
    both = Counter(i for i in items if i[1] is not None)
    grouped = Counter(b for _, b in items if b is not None)
    sizes = Counter(a for a, _ in items)
    for a, b in items:
        shared, group = (both[(a, b)], grouped[b]) if b is not None else (1, 1)
        s["b3_precision"] += shared / group
        s["b3_recall"] += shared / sizes[a]
    s["b3_items"] += len(items)
    return s


def row(name, s):
    ratio = lambda part, whole: part / whole if whole else 1.0
    p, r = ratio(s["matched"], s["proposed"]), ratio(s["matched"], s["true"])
    bp, br = ratio(s["b3_precision"], s["b3_items"]), ratio(s["b3_recall"], s["b3_items"])
    f1 = lambda a, b: 2 * a * b / (a + b) if a + b else 0.0
    return (f"{name:36} {s['articles']:5} {p:8.3f} {r:8.3f} {f1(p, r):9.3f} "
            f"{ratio(s['headlines'], s['articles']):10.3f} {ratio(s['lines_right'], s['lines']):6.3f} {f1(bp, br):6.3f}")


def main(args):
    if len(args) != 2:
        sys.exit(__doc__)
    reference, other = args
    if os.path.isdir(reference):
        names = sorted(n for n in os.listdir(other) if n.endswith(".truth.json"))
        pairs = [(os.path.join(reference, n), os.path.join(other, n), n[:-11]) for n in names]
    else:
        pairs = [(reference, other, os.path.basename(reference)[:-11])]
    print(f"{'page':36} {'arts':>5} {'bound-P':>8} {'bound-R':>8} {'bound-F1':>9} {'headlines':>10} {'lines':>6} {'B3-F1':>6}")
    total = Counter()
    for reference_path, other_path, name in pairs:
        s = score(reference_path, other_path)
        total.update(s)
        print(row(name, s))
    if len(pairs) > 1:
        print(row(f"all ({len(pairs)} pages)", total))


if __name__ == "__main__":
    main(sys.argv[1:])
