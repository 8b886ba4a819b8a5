"""Dated list items: the News / release-notes list of a README, read from the raw lines.

Release notes open with their date, in any form and any markup: `[2024.07.03]`,
`**[2023/06/14]**`, a code span ```2024/12/10```, `<b>2024-07-29</b>`,
`2023年8月21日`. The figure reader masks code spans and takes dotted dates for
versions, so this module reads such lines itself. Items of the two versions are
paired by what they name (links, model names), not by their dates; a pair whose
dates differ is a date mismatch, and an item the other version does not give
at all is missing there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A date opening a line, after list bullets, emphasis, brackets, backticks, tags and emoji.
_LEAD = (r"^[ \t]*(?:[-*+][ \t]+|\d+\.[ \t]+)?(?:[*_`\[\\(<>/a-z\"=]|[ \t]|[\u2600-\u27ff\ufe0f\U0001F000-\U0001FFFF])*?"
         r"(?:[A-Za-z]{2,12}[*_]*[:：][ \t]*[*_`]*)?")
_DATE = (r"(?P<y>(?:19|20)\d\d)(?:(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
         r"|\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日)(?![\d.])")
_ITEM = re.compile(_LEAD + _DATE, re.M)
_URL = re.compile(r"\(([^)\s]+)\)|href=\"([^\"]+)\"")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*")
MIN_SIMILARITY = 0.3


@dataclass(frozen=True)
class NewsItem:
    date: str            # ISO: 2024-07-03
    text: str            # the date as written
    line: int
    col: int
    start: int           # offset of the date
    line_text: str
    anchors: frozenset[str]


def news_items(text: str) -> list[NewsItem]:
    """Every line that opens with a full date (year, month, day)."""
    out = []
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    for m in _ITEM.finditer(text):
        y, mo, d = m.group("y"), m.group("m") or m.group("m2"), m.group("d") or m.group("d2")
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
            continue
        start = m.start("y")
        line = _line_of(line_starts, start)
        line_start = line_starts[line - 1]
        end = text.find("\n", start)
        body = text[line_start:end if end >= 0 else len(text)]
        out.append(NewsItem(f"{y}-{int(mo):02d}-{int(d):02d}", text[start:m.end()], line, start - line_start + 1,
                            start, body.strip(), _anchors(body[m.end() - line_start:])))
    return out


def _line_of(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset)


def _anchors(body: str) -> frozenset[str]:
    """What an item names in either language: its links and its Latin-script names (CodeGeeX2, InternLM2.5-7B)."""
    urls = {"u:" + (a or b).rstrip("/").lower() for a, b in _URL.findall(body)}
    plain = _URL.sub(" ", body)
    names = {"n:" + w.lower() for w in _NAME.findall(plain) if len(w) >= 3 and (any(c.isdigit() for c in w)
                                                                             or any(c.isupper() for c in w[1:])
                                                                             or w[0].isupper())}
    return frozenset(urls | names)


def _similarity(a: NewsItem, b: NewsItem) -> float:
    if not a.anchors or not b.anchors:
        return 0.0
    return len(a.anchors & b.anchors) / min(len(a.anchors), len(b.anchors))


def pair_news(en: list[NewsItem], zh: list[NewsItem]):
    """(en, zh) pairs, best first and in order, then the items of each side left unpaired.

    Two items pair on what they name; failing that, on the same date (a translation of the same note).
    """
    scored = sorted(((_similarity(a, b) + 0.5 * (a.date == b.date), i, j) for i, a in enumerate(en)
                     for j, b in enumerate(zh)), reverse=True)
    pairs, used_e, used_z = [], set(), set()
    for score, i, j in scored:
        if score < MIN_SIMILARITY or i in used_e or j in used_z:
            continue
        if any((i - pi) * (j - pj) < 0 for pi, pj in pairs):
            continue                                   # keep both lists in order
        pairs.append((i, j))
        used_e.add(i)
        used_z.add(j)
    pairs.sort()
    return ([(en[i], zh[j]) for i, j in pairs], [a for i, a in enumerate(en) if i not in used_e],
            [b for j, b in enumerate(zh) if j not in used_z])
