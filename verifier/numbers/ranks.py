"""A place in an order (8th, eighth, 第3, 第三名) is a figure of kind 'rank'.

The running-text scanner leaves ordinals out, since most name something rather than measure it (the 3rd
Plenum, 第一季度, March 8th). A claim that gives a place ('came 8th in the medal table') still deserves its
evidence, so ranks are read here, and only for claims that ask for one: every other reading stays as it is.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .figure import Figure
from .lexicon import EN_ORDINALS, ZH_DIGIT_CHARS
from .zh import read_numeral

_WORD_RANKS = {"first": 1, "second": 2, **{w: v for w, v in EN_ORDINALS.items()
                                           if w not in ("half", "halves", "quarter") and v <= 100}}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_UNITS_ORD = {w: v for w, v in _WORD_RANKS.items() if v < 10}
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")

# 'the 21st century', 'March 8th', 'the 3rd of May': dates and eras, not places in an order.
_NOT_A_PLACE_AFTER = re.compile(rf"\s*(?:centur|millenni|of\s+(?:{_MONTHS})\b|(?:{_MONTHS})\b|"
                                r"quarter|half|time|floor|amendment|edition|generation|gen\b)", re.I)
_NOT_A_PLACE_BEFORE = re.compile(rf"(?:\b(?:a|one)\s+|\b(?:{_MONTHS})\.?|\bthe\s+(?:{_MONTHS}))\s*$", re.I)
# 第一季度, 第3届, 第2次: a period, a session or a turn; 第3名, 第三大, 排名第3 are places.
_ZH_NOT_A_PLACE = ("季度", "季", "届", "次", "章", "条", "款", "节", "期", "批", "周", "天", "日", "月", "年", "页",
                   "版", "代", "轮", "集", "号", "部", "篇", "卷", "阶段", "世纪", "产业", "步", "种", "点", "层", "项",
                   "句", "段", "回", "场", "局", "课", "单元", "方", "审", "笔", "类", "财季", "财年", "半年")

_EN_DIGITS = re.compile(r"(?<![\w.])(\d{1,4})(st|nd|rd|th)(?![A-Za-z\d])", re.I)
_EN_WORD = re.compile(r"(?<![A-Za-z\-])(?:(" + "|".join(_TENS) + r")[- ]?)?(" +
                      "|".join(sorted(_WORD_RANKS, key=len, reverse=True)) + r")(?![A-Za-z\-])", re.I)
_ZH = re.compile(rf"第\s*([0-9０-９]{{1,4}}|[{ZH_DIGIT_CHARS}十百]{{1,6}})\s*(名|位|大)?")
_NO = re.compile(r"(?<![A-Za-z])No\.\s?(\d{1,4})(?![\d.])")


def parse_rank(text: str) -> Figure | None:
    """The rank a claim's figure names ('8th', 'eighth', '第3', '第三名', 'No. 3'), when it is nothing else."""
    stripped = text.strip()
    found = find_ranks(stripped, claim=True)
    if len(found) == 1 and not stripped[:found[0].start].strip() and not _PLACE_WORDS.sub("", stripped[found[0].end:]).strip(" ."):
        return found[0]
    return None


def find_ranks(text: str, claim: bool = False) -> list[Figure]:
    """Every place in an order that `text` writes, in order of position."""
    out = []
    for m in _EN_DIGITS.finditer(text):
        if _a_place(text, m.start(), m.end()):
            out.append(_rank(m.group(), m.start(), m.end(), int(m.group(1))))
    for m in _EN_WORD.finditer(text):
        value = _WORD_RANKS[m.group(2).lower()]
        if m.group(1):
            if value >= 10:
                continue                       # 'twenty tenth' is no number
            value += _TENS[m.group(1).lower()]
        elif m.group(2).lower() in ("first", "second") and not claim and not _placed(text, m.start(), m.end()):
            continue                           # 'the first time', 'a second round': a place only after a verb of placing
        if _a_place(text, m.start(), m.end()):
            out.append(_rank(m.group(), m.start(), m.end(), value))
    for m in _ZH.finditer(text):
        after = text[m.end(1):m.end(1) + 4].lstrip()
        if not m.group(2) and after.startswith(_ZH_NOT_A_PLACE):
            continue
        numeral = m.group(1).translate(_FULL_WIDTH)
        value = Decimal(numeral) if numeral.isdigit() else read_numeral(numeral).lo
        if value is not None and value == value.to_integral_value() and value > 0:
            out.append(_rank(m.group(), m.start(), m.end(), int(value)))
    for m in _NO.finditer(text):
        out.append(_rank(m.group(), m.start(), m.end(), int(m.group(1))))
    return sorted(out, key=lambda f: f.start)


_PLACE_WORDS = re.compile(r"\b(?:place|position|overall)\b|[名位]", re.I)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_PLACING = re.compile(r"(?:came|finished|placed|ranked|ranks|rank|ranking|was|is|in|at|took|the)\s+$", re.I)
_PLACE_AFTER = re.compile(r"\s*(?:place|position|overall|in\b|out\b|among\b|[,.;:)]|$)", re.I)


def _placed(text: str, start: int, end: int) -> bool:
    """'came first', 'ranked second overall': first and second are places only where something is placed."""
    return bool(_PLACING.search(text[max(0, start - 12):start])) and bool(_PLACE_AFTER.match(text, end))


def _a_place(text: str, start: int, end: int) -> bool:
    return not _NOT_A_PLACE_AFTER.match(text, end) and not _NOT_A_PLACE_BEFORE.search(text[max(0, start - 12):start])


def _rank(written: str, start: int, end: int, value: int) -> Figure:
    return Figure(written, start, end, "rank", "", Decimal(value), Decimal(value))
