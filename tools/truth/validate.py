#!/usr/bin/env python3
"""Checks the form of truth files against their pages.

    python3 tools/truth/validate.py PAGE.truth.json...
    python3 tools/truth/validate.py --pages DIR PAGE.truth.json...

The page is NAME.txt beside its truth file, or in DIR with `--pages` (a
second labelling kept apart from its page, as in tests/fixtures/agreement).

Prints OK and the article count for a sound file, else every problem found,
and exits with 1 when any file has one. It checks form only: every non-blank
line owned exactly once (an article span, a `noise` or an `ignore` range),
spans inside the page and in the order the format asks, roles on lines of
their own article, and the title fields equal to the text of the lines given
those roles (joined in reading order, or in line order; files without
`roles`, which older truth files may omit, only need the fields' text
among the article's lines). Whether the
boundaries are right is for the person checking the page line by line
(docs/labelling.md).
"""
import json
import os
import re
import sys

ROLES = {"kicker", "headline", "subheadline", "byline", "caption", "body"}
TITLE_FIELDS = ("kicker", "headline", "subheadline", "byline")


def squeeze(text):
    """Text without white space: fields join lines with one space."""
    return re.sub(r"\s+", "", text or "")


def spans_of(article):
    return article.get("spans") or [[article["first_line"], article["last_line"]]]


def problems(truth_path, pages=None):
    """Every problem of one truth file, as sentences."""
    found = []
    try:
        with open(truth_path, encoding="utf-8") as f:
            truth = json.load(f)
    except (OSError, ValueError) as error:
        return [f"cannot be read as JSON: {error}"]
    page_path = truth_path[: -len(".truth.json")] + ".txt"
    if pages:
        page_path = os.path.join(pages, os.path.basename(page_path))
    try:
        with open(page_path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as error:
        return [f"its page {page_path} cannot be read: {error}"]

    owner = {}

    def claim(number, who):
        if not 1 <= number <= len(lines):
            found.append(f"line {number} is outside the page ({who})")
        elif lines[number - 1].strip():
            if number in owner:
                found.append(f"line {number} is claimed by {owner[number]} and by {who}")
            else:
                owner[number] = who

    for key in ("page", "articles"):
        if key not in truth:
            found.append(f"has no '{key}'")
    for kind in ("noise", "ignore"):
        for run in truth.get(kind, []):
            if not run.get("why"):
                found.append(f"{kind} {run['first_line']}-{run['last_line']} says no 'why'")
            for number in range(run["first_line"], run["last_line"] + 1):
                claim(number, f"{kind} {run['first_line']}-{run['last_line']}")

    for index, article in enumerate(truth.get("articles", [])):
        name = f"article {index} ({article.get('headline')!r})"
        for key in ("first_line", "last_line") + TITLE_FIELDS:
            if key not in article:
                found.append(f"{name} has no '{key}'")
        spans = spans_of(article)
        if article.get("spans"):
            if spans[0][0] != article["first_line"]:
                found.append(f"{name}: first_line is not its first span's first line")
            if spans[-1][1] != article["last_line"]:
                found.append(f"{name}: last_line is not its last span's last line")
        reading = []
        for first, last in spans:
            if first > last:
                found.append(f"{name}: span {first}-{last} runs backwards")
            for number in range(first, last + 1):
                claim(number, name)
                reading.append(number)
        roles = article.get("roles") or {}
        for number, role in roles.items():
            if int(number) not in reading:
                found.append(f"{name}: line {number} has a role but lies outside its spans")
            if not set(role.split("|")) <= ROLES:
                found.append(f"{name}: unknown role {role!r}")
        found.extend(title_problems(name, article, roles, reading, lines))

    for number, text in enumerate(lines, 1):
        if text.strip() and number not in owner:
            found.append(f"line {number} is owned by nothing: {text[:50]!r}")
    return found


def title_problems(name, article, roles, reading, lines):
    """The title fields that are not the text of the lines given their role."""
    found = []
    for field in TITLE_FIELDS:
        want = squeeze(article.get(field))
        if not want:
            continue
        has_role = lambda number: field in (roles.get(str(number)) or "").split("|")
        in_reading_order = "".join(squeeze(lines[n - 1]) for n in reading if has_role(n))
        in_line_order = "".join(squeeze(lines[n - 1]) for n in sorted(reading) if has_role(n))
        anywhere = "".join(squeeze(lines[n - 1]) for n in reading)
        # A byline may be the end of a body line ("...as I do. W. J. BRYAN.").
        if field != "byline" and want not in (in_reading_order, in_line_order) and want not in anywhere:
            found.append(f"{name}: its {field} is not the text of its lines")
        if field in ("headline", "kicker") and "roles" in article and not any(map(has_role, reading)):
            found.append(f"{name}: has a {field} but no line with that role")
    return found


def main(args):
    pages = None
    if args[:1] == ["--pages"] and len(args) > 1:
        pages, args = args[1], args[2:]
    failed = False
    for path in args:
        found = problems(path, pages)
        if found:
            failed = True
            print(path)
            for problem in found:
                print("  ", problem)
        else:
            with open(path, encoding="utf-8") as f:
                print(path, "OK", len(json.load(f)["articles"]), "articles")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
