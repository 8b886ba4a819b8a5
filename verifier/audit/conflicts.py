"""One document, two figures for the same subject that cannot both be true.

Seeds/003 puts the entry threshold of frontier models at 百亿, 几百亿 and 数十亿
美金 in three places. The subject is recognised by the words right next to
each figure (投入门槛, 先进模型): two figures of the same kind and unit, in
different sentences, whose neighbouring words overlap on rare words, and whose
intervals are disjoint, within one section (a title speaks for every
section). Parallel lists ('24x larger model' under GPT-3, '20x' under OPT)
repeat the words with other subjects, hence the section rule. Bare numbers (scores, sizes) name no subject and are
left to tables, where the subject is exact: the same row label and column
in two tables with the same columns under the same heading.

Dates and durations are left out: one document names many days and spans
of time for many events ('过去两年' here, '过去一年' there). One exception: a date
with its weekday beside it (12月16日（周五）) must agree with the calendar, in the
year the document is about.
"""
from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from itertools import combinations

from ..document.text import fold
from .document import AuditDoc, Item
from .verdicts import categorize

MIN_SHARED_WORDS = 3
MIN_OVERLAP = 0.6            # shared words / words next to the figure with fewer of them
MAX_DOC_SHARE = 0.05         # a word in more than 5% of sentences names no subject


def internal_conflicts(doc: AuditDoc) -> list[tuple[Item, Item, str, str]]:
    """(first, second, note, subject) for each conflicting pair, in document order."""
    out = _prose_conflicts(doc) + _table_conflicts(doc) + _weekday_conflicts(doc)
    out.sort(key=lambda c: (c[0].index, c[1].index))
    return out


def _conflict(a: Item, b: Item) -> tuple[bool, str]:
    if a.figure.kind != b.figure.kind or a.figure.unit != b.figure.unit:
        return False, ""
    category, note = categorize(a.figure, b.figure)
    return category == "value_mismatch", note


def _has_subject_unit(item: Item) -> bool:
    """Money, a share, or a count of something named: bare numbers name no subject.

    Multipliers are left out too: a speed-up is always of one setting
    ('10x for PPO', '7.73x on one machine') and the words rarely tell which.
    """
    f = item.figure
    return f.kind in ("money", "percent", "points") or (f.kind == "count" and bool(f.unit))


_FROM = re.compile(r"(?:从|由|\bfrom)[^，,。；;]{0,40}$", re.I)


def _in_change(doc: AuditDoc, item: Item) -> bool:
    """'从54.9%提升至61.5%', 'from 2K to 32K': a before and an after, not two claims about one thing."""
    before = doc.layout.masked[max(item.figure.start - 40, 0):item.figure.start]
    return bool(_FROM.search(before))


def _in_table(doc: AuditDoc, item: Item) -> bool:
    return any(t.start <= item.figure.start < t.end for t in doc.layout.tables)


def _prose_conflicts(doc: AuditDoc) -> list:
    items = [i for i in doc.items if i.cell is None and i.words and _has_subject_unit(i)
             and not _in_table(doc, i) and not _in_change(doc, i)]
    df = Counter(w for i in items for w in i.words)
    sentences = max(len(doc.units), 1)
    common = max(MAX_DOC_SHARE * sentences, 5)
    weight = {w: math.log((sentences + 1) / c) for w, c in df.items() if c <= common}
    section = {i.index: doc.section_of(i.figure.start) for i in items}
    out = []
    for a, b in combinations(items, 2):
        if a.unit == b.unit or (section[a.index] != section[b.index] and a.unit != 0):
            continue
        shared = [w for w in a.words & b.words if w in weight and len(w) >= 2]
        if len(shared) < MIN_SHARED_WORDS:
            continue
        if len(a.words & b.words) < MIN_OVERLAP * min(len(a.words), len(b.words)):
            continue
        conflict, note = _conflict(a, b)
        if conflict:
            out.append((a, b, note, ", ".join(sorted(shared, key=lambda w: -weight[w])[:4])))
    return out


def _table_conflicts(doc: AuditDoc) -> list:
    seen: dict[tuple, Item] = {}
    out = []
    for item in doc.items:
        cell = item.cell
        if cell is None or not fold(cell.row_label) or not fold(cell.col_header) or cell.col == 0:
            continue
        table = doc.layout.tables[cell.table]
        heading = fold(doc.heading_before(table.start))
        key = (heading, tuple(fold(h) for h in table.headers), fold(cell.row_label), cell.col)
        first = seen.setdefault(key, item)
        if first is not item and first.cell.table != cell.table:
            conflict, note = _conflict(first, item)
            if conflict:
                out.append((first, item, note, f"{cell.row_label} / {cell.col_header}"))
    return out


_BETWEEN_DATE_AND_DAY = re.compile(r"[ \t]*[(（,，]?[ \t]*")


def _weekday_conflicts(doc: AuditDoc) -> list:
    """12月16日（周五） in a document about 2024: 16 December 2024 is a Monday."""
    out = []
    items = doc.items
    text = doc.layout.masked
    for a, b in zip(items, items[1:]):
        if a.figure.kind != "date" or b.figure.kind != "date":
            continue
        if _BETWEEN_DATE_AND_DAY.fullmatch(text, a.figure.end, b.figure.start) is None:
            continue                  # 12月16日（周五）, Friday, December 16: side by side
        date, day = (a, b) if b.figure.date.startswith("W") else (b, a)
        if not day.figure.date.startswith("W") or "/" in day.figure.date:
            continue
        try:
            real = datetime.date.fromisoformat(date.figure.date)
        except ValueError:
            continue                  # no full date: 12月 alone, or a year not known
        if f"W{real.isoweekday()}" != day.figure.date:
            out.append((a, b, f"{date.figure.date} is a {real:%A}, the text says {day.figure.text}",
                        "a date and its weekday"))
    return out
