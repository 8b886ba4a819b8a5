"""Calendar references: 12月7日, 2024-09-20, 2021年9月, 2018年, 周六, Saturday,
December 7, 2024, and ranges (12月6日-7日, 1月23-24日, 2022-2026).

Dates are figures of kind 'date' with low/high None and an ISO-like `date`
string; 'X' marks an unknown part ('XXXX-12-07'), weekdays are 'W1'..'W7'
(Monday = W1). A range is written 'start/end' as in ISO 8601 intervals:
'XXXX-12-06/XXXX-12-07', '2022/2026', and its qualifier is 'range'.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import MONTH_AFTER_WORDS, MONTHS_EN, WEEKDAYS_EN, WEEKDAYS_ZH
from .trie import trie
from .zh import NumeralError, read_numeral

_ZM = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_ZD = r"3[01]|[12]\d|0?[1-9]|[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]"
_ZY = r"(?:1[5-9]|20)\d\d|[〇零一二][〇零一二三四五六七八九]{3}"
_DAYMARK = r"(?:日|号|號)(?![元币幣圆圓本文报報志记記常])"
_DASH = r"[ \t]*(?:-|–|—|~|～|至|到)[ \t]*"
_EN_DASH = r"[ \t]*(?:-|–|—|(?<![A-Za-z])(?:to|through)(?![A-Za-z]))[ \t]*"


def _words(words) -> str:
    """A longest-first alternation of literal words, as a trie (trie.py): tried at every digit, it must be cheap."""
    return trie([([re.escape(c) for c in w], "") for w in words])


_MONTHS_FULL = _words(m.capitalize() for m in MONTHS_EN if len(m) > 3 or m == "may")
_MONTH_AFTER = "|".join(rf"(?<=\b{w} )" for w in MONTH_AFTER_WORDS)
_MONTHS = _words(m.capitalize() for m in MONTHS_EN)
_WEEKDAYS = _words(w.capitalize() for w in WEEKDAYS_EN)
# Each alternative of PATTERN that can start at a letter starts with a weekday or month name: where neither is,
# PATTERN does not match at a word (patterns.SKIM tries it only where one is; tests/test_scanner_fast.py checks).
AT_A_WORD = rf"(?:{_WEEKDAYS}|{_MONTHS})"

PATTERN = (
    # ISO dates, optionally with a clock time that is swallowed.
    rf"(?<![\d.])(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=isep)(?P<id>3[01]|[12]\d|0?[1-9])(?![\d])"
    rf"(?:[T ]\d{{1,2}}:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?"
    # A month: 2024-09, 2002/01 (a two-digit month; 2010-11 would as often be a season).
    rf"|(?<![\d.])(?P<my>(?:19|20)\d\d)[-/](?P<mm>0[1-9]|1[0-2])(?![\d/.\-])"
    # Decades: the 1960s, 1990's, 20世纪60年代 (the ten years 1960-1969).
    rf"|(?<![\d.])(?P<decade>(?:1[5-9]|20)\d0)['’]?s(?![A-Za-z])"
    rf"|(?P<century>19|20|十九|二十)世纪(?P<cdecade>[1-9]0|[一二三四五六七八九]十)年代"
    # Year ranges: 2022-2026, 2022年至2026年.
    rf"|(?<![\d.])(?P<ry1>(?:19|20)\d\d)年?{_DASH}(?P<ry2>(?:19|20)\d\d)(?![\d.])年?"
    # Chinese dates: year, year-month, year-month-day, month-day, day; with a day/month range tail.
    # A month after 前/上/下/每/这 is counted, not named: 前一月 'the previous month', 前3月 'the first 3 months'.
    rf"|(?<![\d.〇零一二两三四五六七八九十百千万亿])(?:(?P<zy>{_ZY})[ \t]?年(?:[ \t]?(?P<zm>{_ZM})[ \t]?月份?(?:(?P<zd>{_ZD}){_DAYMARK})?)?"
    rf"|(?<![前上下每这這同当當后後隔])(?P<zm2>{_ZM})月份?(?:(?P<zd2>{_ZD})(?:{_DAYMARK}|(?={_DASH}(?:{_ZD}){_DAYMARK})))?"
    rf"|(?<![\d.])(?P<zd3>3[01]|[12]\d|0?[1-9])日(?![元币幣圆圓本文报報志记記常]))"
    rf"(?:{_DASH}(?:(?P<zm_b>{_ZM})月)?(?P<zd_b>{_ZD}){_DAYMARK})?"
    # Weekdays.
    rf"|(?:星期|礼拜|禮拜|周|週)(?P<zw>[一二三四五六日天])(?:{_DASH}(?:星期|礼拜|禮拜|周|週)?(?P<zw_b>[一二三四五六日天]))?"
    rf"|(?=[A-Z])(?<![A-Za-z])(?P<ew>{_WEEKDAYS})s?(?![A-Za-z])"
    # English month names: December 7, 2024 / 7 December 2024 / September 2021.
    # A day range within a month: December 6-7, January 23 to 24, 6-7 December 2024.
    rf"|(?=[A-Z])(?<![A-Za-z])(?P<em>{_MONTHS})\.?[ \t]+(?P<ed>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
    rf"(?:{_EN_DASH}(?P<ed_b>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]))?(?:,?[ \t]+(?P<ey>(?:19|20)\d\d)(?![\d]))?"
    rf"|(?<![\d.])(?P<ed2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:{_EN_DASH}(?P<ed2_b>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)?"
    rf"[ \t]+(?P<em2>{_MONTHS})(?![A-Za-z])(?:,?[ \t]+(?P<ey2>(?:19|20)\d\d)(?![\d]))?"
    rf"|(?=[A-Z])(?<![A-Za-z])(?P<em3>{_MONTHS})[ \t]+(?P<ey3>(?:19|20)\d\d)(?![\d])"
    # A month alone after a preposition of time (the end of June, since March): 'May' alone is a verb.
    rf"|(?=[A-Z])(?:{_MONTH_AFTER})(?P<em4>{_MONTHS_FULL})(?![A-Za-z])"
)


def _zh_int(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    try:
        r = read_numeral(s)
    except NumeralError:
        return None
    return int(r.lo)


def _ymd(y: int | None, m: int | None, d: int | None) -> str:
    ys = f"{y:04d}" if y is not None else "XXXX"
    if m is None and d is None:
        return ys
    ms = f"{m:02d}" if m is not None else "XX"
    if d is None:
        return f"{ys}-{ms}"
    return f"{ys}-{ms}-{d:02d}"


def read_date(m: re.Match) -> tuple[str, bool]:
    """ISO-like text for a PATTERN match and whether it is a range."""
    g = m.groupdict()
    for form in (_numeric, _decade, _weekday, _english):
        found = form(g)
        if found is not None:
            return found
    return _chinese(g)


def _numeric(g: dict) -> tuple[str, bool] | None:
    """2024-09-20, 2024-09, 2022-2026."""
    if g["iy"]:
        return _ymd(int(g["iy"]), int(g["im"]), int(g["id"])), False
    if g["my"]:
        return _ymd(int(g["my"]), int(g["mm"]), None), False
    if g["ry1"]:
        return f"{g['ry1']}/{g['ry2']}", True
    return None


def _decade(g: dict) -> tuple[str, bool] | None:
    """the 1960s, 20世纪60年代: the years 1960 to 1969."""
    if g["decade"]:
        first = int(g["decade"])
    elif g["century"]:
        first = (_zh_int(g["century"]) - 1) * 100 + _zh_int(g["cdecade"])
    else:
        return None
    return f"{first}/{first + 9}", True


def _weekday(g: dict) -> tuple[str, bool] | None:
    """周六, 周一至周五, Saturday."""
    if g["zw"]:
        a = f"W{WEEKDAYS_ZH[g['zw']]}"
        return (f"{a}/W{WEEKDAYS_ZH[g['zw_b']]}", True) if g["zw_b"] else (a, False)
    if g["ew"]:
        return f"W{WEEKDAYS_EN[g['ew'].lower()]}", False
    return None


def _english(g: dict) -> tuple[str, bool] | None:
    """December 7, 2024; 6-7 December; September 2021; since March."""
    if g["em"] or g["em2"]:
        y, mo = (_int(g["ey"]), MONTHS_EN[g["em"].lower()]) if g["em"] else (_int(g["ey2"]), MONTHS_EN[g["em2"].lower()])
        d, d_b = (g["ed"], g["ed_b"]) if g["em"] else (g["ed2"], g["ed2_b"])
        start = _ymd(y, mo, int(d))
        return (f"{start}/{_ymd(y, mo, int(d_b))}", True) if d_b and int(d_b) > int(d) else (start, False)
    if g["em3"]:
        return _ymd(int(g["ey3"]), MONTHS_EN[g["em3"].lower()], None), False
    if g["em4"]:
        return _ymd(None, MONTHS_EN[g["em4"].lower()], None), False
    return None


def _chinese(g: dict) -> tuple[str, bool]:
    """2021年9月, 12月7日, 12月6日-7日."""
    y = _zh_int(g["zy"])
    mo = _zh_int(g["zm"] or g["zm2"])
    d = _zh_int(g["zd"] or g["zd2"] or g["zd3"])
    start = _ymd(y, mo, d)
    if g["zd_b"]:
        mo_b = _zh_int(g["zm_b"]) or mo
        return f"{start}/{_ymd(y, mo_b, _zh_int(g['zd_b']))}", True
    return start, False


def _int(s: str | None) -> int | None:
    return int(s) if s else None


# --- a year and month written as a decimal: 2024.12 -----------------------------------------------------
# 2024.12 is as often a decimal (a score of 2024.6, 1912.4亿元) as a month, so it is a month only where the words
# around it say date: a release verb after it (2024.12发布, 2024.1 released), a date word before it (发布于, as
# of, 截至), the head of a news item (- 🔥 **2024.12** 我们开源了...) or a table column headed by a date word.
# A decimal misread as a date is worse than a missed date: everywhere else it stays a number.
_YEAR_MONTH = re.compile(r"(?P<y>19\d\d|20\d\d|2100)\.(?P<m>1[0-2]|0?[1-9])")
_RELEASE = r"(?:正式)?(?:发布|發布|推出|上线|上線|开源|開源|更新|上市|(?i:released?|launch(?:ed)?|publish(?:ed)?|updated?)(?![A-Za-z]))"
_RELEASE_AFTER = re.compile(rf"(?:\*\*|\]|】)?[ \t]*(?:[:：][ \t]*)?{_RELEASE}")
_DATE_WORD_BEFORE = re.compile(
    rf"(?:{_RELEASE}[ \t]*(?:于|於|时间|時間|日期|(?i:on|in|date))?|截至|截止|(?i:as[ \t]+of))[ \t]*[:：]?[ \t]*$")
# The head of a list item or line: a bullet or number, an emoji or two, ** or [ before; after it the news itself.
_ITEM_HEAD_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+)?(?:[^\w\s|]{1,3}[ \t]*)?(?:\*\*|\[|【)?$")
_ITEM_HEAD_AFTER = re.compile(r"(?:\*\*|\]|】)?[ \t]*(?:[:：][ \t]*|[ \t])[ \t]*(?=[^\d\s|])")
_DATE_HEADER = re.compile(r"[ \t*]*(?:发布|發布|更新|上线|上線)?(?:日期|时间|時間|年月|(?i:date|time|month|release(?:d|[ \t]+date)?))[ \t*]*")


def year_month(text: str) -> str | None:
    """'2024-12' for '2024.12' (a year 1900-2100 and a month 1-12), else None."""
    m = _YEAR_MONTH.fullmatch(text)
    return f"{m.group('y')}-{int(m.group('m')):02d}" if m else None


def dated(norm: str, start: int, end: int) -> bool:
    """The words around norm[start:end] say it is a date."""
    if _RELEASE_AFTER.match(norm, end) or _DATE_WORD_BEFORE.search(norm, max(0, start - 16), start):
        return True
    if _ITEM_HEAD_BEFORE.search(norm, max(0, start - 12), start) and _ITEM_HEAD_AFTER.match(norm, end):
        return True
    return _in_date_column(norm, start, end)


def _in_date_column(norm: str, start: int, end: int) -> bool:
    """A markdown table cell holding only this, in a column whose header is a date word (日期, Date, Release)."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line = norm[line_start:line_end if line_end >= 0 else len(norm)]
    cells = line.split("|")
    column = norm.count("|", line_start, start)
    if not line.lstrip().startswith("|") or column >= len(cells) or cells[column].strip(" \t*") != norm[start:end]:
        return False
    header = _table_headers(norm).get(line_start)
    return header is not None and column < len(header) and bool(_DATE_HEADER.fullmatch(header[column]))


@lru_cache(maxsize=2)
def _table_headers(norm: str) -> dict[int, list[str]]:
    """Where each row of a markdown table starts -> the header cells of its table (the row above its |---| row).

    Read once per text, when the first candidate cell asks: a table of 20,000 rows costs one pass, not one per cell."""
    headers: dict[int, list[str]] = {}
    header = above = None
    pos = 0
    for line in norm.split("\n"):
        row = line.strip()
        if not row.startswith("|"):
            header = above = None
        elif above is not None and set(row) <= set("|-: \t"):
            header = above.split("|")
        elif header is not None:
            headers[pos] = header
        above = row if row.startswith("|") else None
        pos += len(line) + 1
    return headers
