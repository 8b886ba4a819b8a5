"""Hedge words around a figure and the interval they leave.

Words before the number (超过, 近, at least, up to) and after it (左右, 以上,
or more) decide the qualifier; `bounds` turns qualifier + number into the
low/high interval of Figure. Choices that are ours, not the language's:

- 以上/之上 read as more_than (open), 以下/之下 as less_than (open), the way
  most readers take them; statute Chinese counts the bound itself (刑法第99条),
  written 以上（含）/ 及以上 / 或以上, which we read as at_least / at_most.
- 以内/之内/内 and 'within' read as at_most (5年内: within 5 years).
- 最低/低至/as low as v: 'the lowest value is v', so at_least v.
- 最高/高达/up to v: up_to (high = v, low unbounded).
- A prefix beats a suffix (至少九千块钱以上 is at_least); 多/余 (40多年) is
  more_than unless a prefix already qualified the figure.
"""
from __future__ import annotations

import re
from decimal import Decimal

# Longest phrases first inside each list does not matter: the compiled pattern
# sorts all phrases by length.
PREFIX_WORDS = {
    "nearly": ["将近", "接近", "逼近", "近乎", "几乎", "差不多", "近", "nearly", "almost",
               "close to", "approaching", "just under", "just shy of"],
    "approx": ["大约", "大概", "约为", "约合", "大致", "约莫", "约", "約", "about", "around",
               "approximately", "roughly", "some", "circa", "approx.", "approx", "an estimated",
               "estimated", "~", "≈"],
    "more_than": ["超过了", "超过", "超過", "超出", "多于", "多於", "大于", "大於", "高于", "高於", "逾",
                  "超", "过", "突破", "more than", "over", "above", "exceeding", "exceeds", "exceeded",
                  "exceed", "in excess of", "greater than", "larger than", "bigger than",
                  "higher than", "upwards of", "north of", "surpass", "surpasses", "surpassing",
                  "surpassed", ">"],
    "at_least": ["至少", "最少", "不少于", "不少於", "不低于", "不低於", "不小于", "不小於", "起码", "起碼",
                 "大于等于", "大于或等于", "大于或者等于", "大於等於", "最低", "低至", "上", "at least",
                 "no less than", "not less than", "no fewer than", "not fewer than",
                 "a minimum of", "minimum of", "at least or equal to", "greater than or equal to",
                 "equal to or greater than", "equal to or more than", "more than or equal to",
                 "as low as", "as little as", "as few as", "higher or equal than",
                 "bigger or equal than", "larger or equal than", "greater or equal than",
                 "more or equal than", "≥", ">=", "> ="],
    "less_than": ["不到", "不足", "少于", "少於", "低于", "低於", "小于", "小於", "未满", "未滿", "不满",
                  "less than", "fewer than", "under", "below", "lower than", "smaller than", "<"],
    "at_most": ["最多", "至多", "不超过", "不超過", "不多于", "不高于", "不大于", "不大於",
                "小于等于", "小于或等于", "小于或者等于", "小於等於", "at most", "no more than",
                "not more than", "a maximum of", "maximum of", "equal to or less than",
                "less than or equal to", "no greater than", "not exceeding", "lower or equal than",
                "smaller or equal than", "less or equal than", "fewer or equal than", "≤", "<=", "< =", "within"],
    "up_to": ["高达", "高達", "最高", "多达", "多達", "最多达", "最高达", "up to", "as much as",
              "as many as", "as high as"],
    "exact": ["等于", "等於", "正好", "恰好", "整整", "equal to", "exactly", "precisely"],
}
# Verbs allowed between a prefix and the number: 超过了, 最低降至, 至少有.
FILLERS = ["了", "有", "是", "为", "為", "达", "達", "达到", "到", "降至", "降到", "跌至",
           "升至", "增至", "涨至", "减至", "to", "of",
           # the change a bound limits: 最高提升50%, 至少降低30%, 最多可节省一半
           "提升", "提高", "增加", "增长", "降低", "减少", "下降", "节省", "缩短", "加快",
           "可提升", "可提高", "可增加", "可降低", "可减少", "可节省", "可达", "可达到", "可"]

SUFFIX_WORDS = {
    "approx": ["左右", "上下", "前后", "量级", "級別", "级别", "级", "級", "or so"],
    "at_least": ["或以上", "或者以上", "及以上", "以上（含）", "以上(含)", "（含）以上", "(含)以上",
                 "或更多", "或者更多", "or more", "or above", "and above", "and up", "and over",
                 "and more", "or greater", "or greater than", "or higher", "or bigger", "or larger",
                 "plus", "+"],
    "more_than": ["以上", "之上", "开外", "開外"],
    "at_most": ["或以下", "或者以下", "及以下", "以下（含）", "以下(含)", "（含）以下", "(含)以下",
                "或更少", "或者更少", "以内", "以內", "之内", "之內", "or less", "or fewer",
                "or below", "and below", "and under", "or equal", "or lower", "内", "內"],
    "less_than": ["以下", "之下"],
}
# 比三十大 / 比170低: comparison written around the number.
COMPARE_AFTER = {"大": "more_than", "多": "more_than", "高": "more_than",
                 "小": "less_than", "少": "less_than", "低": "less_than"}


# English hedges after a number must not swallow the next bound: 'above 1000 and below 1500'.
_NOT_BEFORE_NUMBER = r"(?![ \t]*[\d$¥€£])(?![ \t]+(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b)"


def _alternation(words: dict[str, list[str]], suffix: bool = False) -> str:
    items = sorted(((w, q) for q, ws in words.items() for w in ws), key=lambda x: -len(x[0]))
    parts = []
    for w, _ in items:
        if w.isascii():
            p = re.escape(w).replace(r"\ ", r"\s+")
        else:
            # 小于 或 等于: spaces may sit between the characters of a Chinese hedge.
            p = r"[ \t]*".join(re.escape(c) for c in w)
        if w[0].isascii() and w[0].isalpha():
            p = r"(?<![A-Za-z])" + p
        if w[-1].isascii() and w[-1].isalpha():
            p += r"(?![A-Za-z])"
            if suffix:
                p += _NOT_BEFORE_NUMBER
        if w in ("内", "內"):
            p += r"(?![部容存地外核置涵侧側心需销銷阁閣科务務)）])"        # 5年内 is within; 内部, 内容 are words
        parts.append(p)
    return "|".join(parts)


def reversed_alternation(words) -> str:
    """The same words spelled backwards, for matching leftwards from a number.

    Matching the reversed text before a number with re.match costs one attempt;
    searching forwards for a hedge that ends at the number costs one per position.
    """
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        r = w[::-1]
        if w.isascii():
            p = re.escape(r).replace(r"\ ", r"\s+")
        else:
            p = r"[ \t]*".join(re.escape(c) for c in r)
        if w[-1].isascii() and w[-1].isalpha():
            p = r"(?<![A-Za-z])" + p
        if w[0].isascii() and w[0].isalpha():
            p += r"(?![A-Za-z])"
        if w == "过":
            p = r"过(?![\u4e00-\u9fff])"
        elif w == "近":
            p = r"近(?![最附靠临臨])"
        elif w in ("约", "約"):
            p = re.escape(w) + r"(?![纽紐契节節制邀签簽违違预預条條公合履爽相婚特集])"   # 纽约, 契约, 签约 are words
        parts.append(p)
    return "|".join(parts)


PREFIX_REV_ALT = reversed_alternation([w for ws in PREFIX_WORDS.values() for w in ws])
FILLER_REV_ALT = reversed_alternation(FILLERS)
PREFIX_LOOKUP = {w.lower(): q for q, ws in PREFIX_WORDS.items() for w in ws}
SUFFIX_LOOKUP = {w.lower(): q for q, ws in SUFFIX_WORDS.items() for w in ws}

SUFFIX_RE = re.compile(r"[ \t]*(?:" + _alternation(SUFFIX_WORDS, suffix=True) + r")")
# What a SUFFIX_RE match starts with after the spaces (the pattern is case-sensitive): a cheap gate.
SUFFIX_FIRST_CHARS = frozenset(w[0] for ws in SUFFIX_WORDS.values() for w in ws)


def lookup(word: str, table: dict[str, str]) -> str | None:
    """Qualifier for a matched hedge, ignoring case and the spaces the pattern allowed."""
    w = " ".join(word.lower().split())
    q = table.get(w)
    if q is None and not w.isascii():
        q = table.get(w.replace(" ", ""))
    return q


def bounds(qualifier: str, lo: Decimal, hi: Decimal) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """(low, high, low_open, high_open) for a qualifier applied to a reading lo..hi."""
    if qualifier == "more_than":
        return lo, None, True, False
    if qualifier == "at_least":
        return lo, None, False, False
    if qualifier == "less_than":
        return None, hi, False, True
    if qualifier in ("at_most", "up_to"):
        return None, hi, False, False
    return lo, hi, False, False
