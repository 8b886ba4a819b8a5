"""What a figure's first number joins after it: a range's second side, a unit shared with the next number, a
rate's denominator.

`extent(norm, first, lenient, between)` starts from the first side (side.py) and applies, in order, each join
that is written there: a range (5-20年, 1.5 to 2 years, 五、六家, five or six, 一辆或者两辆), a unit the next
number lends a bare one (数十亿甚至数百亿美金, 100万和200万元), and a denominator (20 token/秒, $35 a month,
¥0.5 per million tokens, 16.9 per 100,000). Each join is one small function `(norm, first, extent, ...) ->
Extent`, returning the extent unchanged when its form is not there.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from . import patterns as P
from .lexicon import (
    CLASSIFIER_CHARS, COUNT_NOUNS, CURRENCY_BEFORE, DEN_UNITS, DENOMINATOR_SCALES, PRICE_DENOMINATORS, RANGE_OR_WORDS,
)
from .per_capita import per_capita
from .side import Side, Skip, peek, read_side
from .weak import names_before

_RANGE_START = set("-–—~～〜至到tTaAoO和与與、或")      # 5-20, 5至20, 1.5 to 2, 20和30之间, 五、六, 5 or 6
_SHARED_START = set("甚乃以或和与與及、oO")
_RATE_START = set("/pP每")
_JOIN_START = _RANGE_START | _SHARED_START | _RATE_START
# A price for a counted quantity written around the money as one rate figure: 每百万tokens 0.5元,
# 每百万Tokens调用花费…5毛钱, ¥0.5 for a million tokens (both languages switch together, so the bilingual
# audit keeps agreeing). verifier/checking.py compares a money-rate claim ('¥0.5 per million tokens')
# with such rate figures head-on, and with bare money figures in a sentence naming the denominator.
JOIN_PER_PRICE = True


class Extent(NamedTuple):
    """What the figure states once its joins are read: a number or a range, its kind and unit, where it ends."""

    lo: Decimal
    hi: Decimal
    kind: str
    unit: str
    end: int
    is_range: bool = False


def extent(norm: str, first: Side, lenient: bool, between: bool) -> Extent:
    """The figure that starts with `first`: its range, shared unit and denominator, each where written."""
    ext = Extent(first.lo, first.hi, first.kind, first.unit, first.end)
    if not (peek(norm, first.end) in _JOIN_START or first.kind == "money"
            or norm[first.end:first.end + 1] in CLASSIFIER_CHARS):
        return ext             # nothing a join starts with (a fast path: most figures join nothing)
    ext = _with_range(norm, first, ext, lenient, between)
    ext = _with_shared_unit(norm, first, ext, lenient)
    return _with_rate(norm, ext)


def side_at(norm: str, pos: int, lenient: bool) -> Side | None:
    """The number that starts exactly at `pos`, or None."""
    m = P.SIDE[lenient].match(norm, pos)
    if not m:
        return None
    try:
        return read_side(norm, m, lenient)
    except Skip:
        return None


# --- ranges -----------------------------------------------------------------------------------------

def _with_range(norm: str, first: Side, ext: Extent, lenient: bool, between: bool) -> Extent:
    rng = _range(norm, first, lenient, between) if peek(norm, ext.end) in _RANGE_START else None
    if rng is None and ext.kind == "count" and not ext.unit:
        rng = _classifier_range(norm, first, lenient, between)
    merged = None if rng is None else _merge_range(first, rng[0])
    if merged is None:
        return ext
    lo, hi, kind, unit = merged
    return Extent(lo, hi, kind, unit, rng[1], True)


def _range(norm: str, first: Side, lenient: bool, between: bool) -> tuple[Side, int] | None:
    """A second side after a range connector: 5-20年, 1.5 to 2 years, 五、六家."""
    c = P.RANGE_CONN.match(norm, first.end)
    if not c or _not_a_range_word(norm, first, c.group("c"), between):
        return None
    second = side_at(norm, c.end(), lenient)
    if second is None or not _neighbours(norm, first, second, c.group("c")):
        return None
    end = second.end
    if c.group("c") in ("和", "与", "與"):
        t = P.BETWEEN_TAIL.match(norm, end)
        if not t:
            return None        # 20和30之间, 10000与20000间
        end = t.end()
    if c.group("cur2") and second.kind == "count":
        second = second._replace(kind="money", unit=CURRENCY_BEFORE[c.group("cur2")])
    return second, end


def _not_a_range_word(norm: str, first: Side, conn: str, between: bool) -> bool:
    if conn == "and" and not between:
        return True            # 'and' joins a range only after 'between'
    # 'rose from 1% to 6%': two values, the first where the change started
    return conn == "to" and bool(P.CHANGE_FROM.search(norm, max(0, first.start - 120), first.start))


def _neighbours(norm: str, first: Side, second: Side, conn: str) -> bool:
    """五、六家 and 'five or six' join only numbers next to each other; other connectors any two."""
    if conn == "、":
        # two adjacent single Chinese digits only
        return (first.chinese_only and second.chinese_only and len(first.run) == 1 and len(second.run) == 1
                and second.lo == first.lo + 1)
    if conn in RANGE_OR_WORDS:
        # neighbours at the precision written; not iPhone 15 or 16
        return _next_step(first, second) and (first.words or not names_before(norm, first.start, first.run))
    return True


def _classifier_range(norm: str, first: Side, lenient: bool, between: bool) -> tuple[Side, int] | None:
    """一辆或者两辆, 3个到5个, 5家或6家: a range whose sides each carry the same classifier."""
    end = first.end
    if end + 1 >= len(norm) or norm[end] not in CLASSIFIER_CHARS or peek(norm, end + 1) not in _RANGE_START:
        return None
    shifted = first._replace(end=end + 1)
    rng = _range(norm, shifted, lenient, between)
    if rng is None or rng[0].kind != "count" or rng[0].unit or not norm.startswith(norm[end], rng[0].end):
        return None
    return rng


def _next_step(first: Side, second: Side) -> bool:
    """'A or B' is an estimate (five or six, 20 or 30 years, 两或三) when B is the next number after A at
    A's precision: B = A + 10^k, 10^k the place of A's last non-zero digit. Other pairs joined by 'or'
    (5 or 10, version 10 or 11, 2023 or 2024) are two figures."""
    a, b = first.lo, second.lo
    if a != first.hi or b != second.hi:
        return False
    if second.scale is not None and not first.big_scale:
        b = b / second.scale              # two or three million, 20或30万: the first borrows the scale
    if a < 1 or a != a.to_integral_value() or b != b.to_integral_value() or is_year(first):
        return False                      # 2023 or 2024: years
    step = 1
    while a % (step * 10) == 0:
        step *= 10
    return b == a + step and b % step == 0


def is_year(s: Side) -> bool:
    """Four digits from 1900 to 2099, as written."""
    return s.run.isdigit() and len(s.run) == 4 and 1900 <= s.lo <= 2099


def _merge_range(first: Side, second: Side) -> tuple[Decimal, Decimal, str, str] | None:
    """(low, high, kind, unit) of 'first to second', or None when they do not make a range."""
    if first.kind in ("percent", "points", "multiplier", "duration") and second.kind == "count" \
            and not second.unit and second.scale is not None:
        return None            # fell 3% to 4.1 billion: a change and a new level, not 3-4.1 billion percent
    kind, unit = first.kind, first.unit
    if second.kind != "count" or second.unit:
        if first.kind != "count" and (first.kind, first.unit) != (second.kind, second.unit):
            return None
        kind, unit = second.kind, second.unit
    lo = _borrowed_scale(first, second)
    if lo >= second.hi:
        if first.hi < 0 and second.hi < 0 and lo != second.hi:
            return second.lo, first.hi, kind, unit     # -18 °C to -34 °C: below zero, written by magnitude
        return None
    return lo, second.hi, kind, unit


def _borrowed_scale(first: Side, second: Side) -> Decimal:
    """两到三万, 十八至三十万, 1.5 to 2 million: the first side borrows the second's scale."""
    if second.scale is None or first.big_scale or first.run == "frac":
        return first.lo
    scale = _whole_scale(second)
    if (second.big_scale or not first.small_units) and first.lo * scale <= second.hi:
        return first.lo * scale
    return first.lo


_ARABIC_THEN_SCALE = re.compile(r"(\d+(?:\.\d+)?)[ \t]?[万萬亿億千百]+$")


def _whole_scale(second: Side) -> Decimal:
    """The whole scale a range's second number carries: 万亿 in 2.4万亿 is 1e12, not the 亿 alone."""
    m = _ARABIC_THEN_SCALE.match(second.run or "")
    if m and second.hi and Decimal(m.group(1)):
        return second.hi / Decimal(m.group(1))
    return second.scale


# --- a unit shared with the next number ---------------------------------------------------------------

def _with_shared_unit(norm: str, first: Side, ext: Extent, lenient: bool) -> Extent:
    if ext.is_range or ext.kind != "count" or ext.unit or peek(norm, ext.end) not in _SHARED_START:
        return ext
    shared = _shared_unit(norm, first, ext.end, lenient)
    return ext if shared is None else ext._replace(kind=shared[0], unit=shared[1])


def _shared_unit(norm: str, first: Side, end: int, lenient: bool) -> tuple[str, str] | None:
    """(kind, unit) the next number lends a bare one: 数十亿甚至数百亿美金 -> both USD.

    Only when the first number is complete by itself (its own 万/亿/million, or neither has a
    scale: 3或5元), and the unit does not rescale the number it follows (5毛, 3成, 2‰ do)."""
    if first.more or first.plus or first.run == "frac" or (first.chinese_only and len(first.run) == 1) \
            or is_year(first):
        return None
    j = P.SHARED_JOIN[lenient].match(norm, end)      # 256、512和1024 tokens: along a short list
    second = side_at(norm, j.end(), lenient) if j else None
    if second is None or (second.kind == "count" and not second.unit) or second.rescaled:
        return None
    if second.scale is not None and not first.big_scale:
        return None                    # 5甚至10万元: is the first 5 or 5万? not ours to guess
    return second.kind, second.unit


# --- denominators ------------------------------------------------------------------------------------

def _with_rate(norm: str, ext: Extent) -> Extent:
    nxt = peek(norm, ext.end)
    if (nxt in _RATE_START or (ext.kind == "money" and nxt in "fFaA")) \
            and (ext.kind == "money" or (ext.kind == "count" and ext.unit)):
        end, kind, unit = _rate(norm, ext.end, ext.kind, ext.unit)
        return ext._replace(end=end, kind=kind, unit=unit)
    if ext.kind == "count" and not ext.unit and nxt in _RATE_START:
        per = per_capita(norm, ext.end)
        if per is not None:                   # 16.9 per 100,000 = 0.0169%
            end, factor = per
            return ext._replace(end=end, kind="percent", unit="%", lo=ext.lo * factor, hi=ext.hi * factor)
    return ext


def _rate(norm: str, end: int, kind: str, unit: str) -> tuple[int, str, str]:
    """20 token/秒 -> 'token/second'; ¥0.5 per million tokens -> 'CNY/1000000 token'; $35 a month -> 'USD/month';
    0.65元/Wh -> 'CNY/Wh'."""
    rm = (P.PRICE_PER if kind == "money" else P.RATE).match(norm, end)
    if not rm and JOIN_PER_PRICE and kind == "money":
        rm = P.RATE_FOR.match(norm, end)
    if not rm:
        return end, kind, unit
    word = rm.groupdict().get("aunit") or rm.group("dunit")
    den = (COUNT_NOUNS.get(word) or DEN_UNITS.get(word) or DEN_UNITS.get(word.lower())
           or (PRICE_DENOMINATORS.get(word) or PRICE_DENOMINATORS.get(word.lower()) if kind == "money" else None))
    if not den:
        return end, kind, unit
    if rm.group("dscale"):
        den = f"{_den_scale_value(rm.group('dscale'))} {den}"
    return rm.end(), "rate", f"{unit}/{den}"


def _den_scale_value(ds: str) -> int:
    """The count a rate's denominator names: 'million' and 百万 are 1000000, '1,000' 1000, '1K' and '1k' 1000."""
    if ds in DENOMINATOR_SCALES or ds.lower() in DENOMINATOR_SCALES:
        return DENOMINATOR_SCALES.get(ds) or DENOMINATOR_SCALES[ds.lower()]
    if ds[-1] in "kKMB":
        return int(Decimal(ds[:-1]) * DENOMINATOR_SCALES[ds[-1]])
    return int(ds.replace(",", ""))
