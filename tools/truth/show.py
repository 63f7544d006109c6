#!/usr/bin/env python3
"""Prints a page beside its truth, for checking a truth file line by line.

    python3 tools/truth/show.py PAGE.truth.json | sed -n 1,120p

Each line of the page, with its number and its owner: `A3 headline` (article
3, in the order of the truth file, and the line's role), `noise`, `IGNORE`,
`-` for a blank line, `??` for a line nothing owns.
"""
import json
import sys


def owners(truth):
    owner = {}
    for kind, label in (("noise", "noise"), ("ignore", "IGNORE")):
        for run in truth.get(kind, []):
            for number in range(run["first_line"], run["last_line"] + 1):
                owner[number] = label
    for index, article in enumerate(truth["articles"]):
        roles = article.get("roles") or {}
        for first, last in article.get("spans") or [[article["first_line"], article["last_line"]]]:
            for number in range(first, last + 1):
                owner[number] = f"A{index:<2} {roles.get(str(number), 'body')[:8]}"
    return owner


def main(truth_path):
    with open(truth_path, encoding="utf-8") as f:
        truth = json.load(f)
    with open(truth_path[: -len(".truth.json")] + ".txt", encoding="utf-8") as f:
        lines = f.read().split("\n")
    owner = owners(truth)
    for number, text in enumerate(lines, 1):
        label = owner.get(number, "-" if not text.strip() else "??")
        print(f"{number:4} {label:12} {text}")


if __name__ == "__main__":
    main(sys.argv[1])
