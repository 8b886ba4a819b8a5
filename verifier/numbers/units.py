"""The unit word after a number: it sets the figure's kind and unit, and may rescale the number.

`read_unit` matches patterns.UNIT after a number and hands the match to the reader of its group, one small
function per kind of unit word (percent, 倍, 折, 成, a currency, a sub-unit, a duration, a counted noun, a
physical quantity ...). A new unit word belongs in lexicon.py; a new kind of unit is a group in
patterns.UNIT and a reader in READERS. A reader returns the side unchanged when the word is no unit here
(升至, 一块底层); a unit the engine cannot convert keeps its number (`unknown_unit`).
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from . import patterns as P
from .lexicon import (
    CONTEXT_UNITS, COUNT_NOUNS, CURRENCY_AFTER, EN_DURATIONS, EN_SUBUNITS, MONEY_SLANG, NOT_A_UNIT_BEFORE,
    QUANTITY_UNITS, ZH_DIGITS, ZH_DURATIONS, ZH_FINANCIAL_CHARS, ZH_SUBUNITS,
)
from .money import is_yuan_kuai, money_after, sub_units

if TYPE_CHECKING:
    from .side import Side

_TEN = Decimal(10)
_HUNDRED = Decimal(100)
_HALF = Decimal("0.5")
END_PUNCT = set("，。、；：！？,.;:!?)）】」』\"'” \t\n\r")


def read_unit(norm: str, s: Side, lenient: bool) -> Side:
    """s with the unit written at s.end, if any; `rescaled` says the unit changed the number (5毛 is 0.5)."""
    m = P.UNIT.match(norm, s.end)
    if not m:
        return _financial_fen(norm, s) or unknown_unit(norm, s)
    return READERS[m.lastgroup](norm, s, m, lenient)


def _unit(s: Side, kind: str, unit: str, end: int, times: Decimal | None = None, per: Decimal | None = None,
          **more) -> Side:
    """s read with a unit word that ends at `end`; its number times `times` or divided by `per` when the unit
    scales it (3成 = 30%, 5‰ = 0.5%)."""
    lo, hi = s.lo, s.hi
    if times is not None:
        lo, hi = lo * times, hi * times
    if per is not None:
        lo, hi = lo / per, hi / per
    return s._replace(kind=kind, unit=unit, lo=lo, hi=hi, end=end, has_unit_word=True, rescaled=lo != s.lo, **more)


def _financial_fen(norm: str, s: Side) -> Side | None:
    """壹分: financial numerals write money, so 分 after them is a fen."""
    pos = s.end
    if pos < len(norm) and norm[pos] == "分" and any(c in ZH_FINANCIAL_CHARS for c in s.run):
        return _unit(s, "money", "CNY", pos + 1, per=_HUNDRED)
    return None


def unknown_unit(norm: str, s: Side) -> Side:
    """3200MT/s, 500 nits: a unit the engine cannot convert keeps its number, kind 'unknown', unit as written
    (it equals only the same unit); without one, the number would vanish as a name (5G) or lose its unit."""
    pos = s.end
    letter = norm[pos + 1:pos + 2] if norm[pos] in " \t" else norm[pos]
    m = P.UNKNOWN_UNIT.match(norm, pos) if letter.isascii() and letter.isalpha() else None
    if not m:
        return s
    return _unit(s, "unknown", m.group("u"), m.end())


def _points(norm, s, m, lenient):
    return _unit(s, "points", "pp", m.end())


def _basis_points(norm, s, m, lenient):
    """15 basis points = 0.15 percentage points."""
    return _unit(s, "points", "pp", m.end(), per=_HUNDRED)


def _percent(norm, s, m, lenient):
    return _unit(s, "percent", "%", m.end(), per=_TEN if m.group("pct") == "‰" else None)


def _times(norm, s, m, lenient):
    """3倍, 5x, ten times; 一倍多 is more than once, under twice (as 二十多 is 20-30)."""
    end = m.end()
    if (m.group("mult") == "倍" and norm[end:end + 1] in ("多", "余", "餘") and not s.more
            and s.lo == s.lo.to_integral_value()):
        return _unit(s, "multiplier", "x", end + 1, more=True)
    return _unit(s, "multiplier", "x", end)


def _doublings(norm, s, m, lenient):
    """翻一番 doubles, 翻两番 quadruples: N doublings are 2^N times. Without 翻 (一番话, 三番五次) no unit."""
    if not (P.FAN_VERB_BEFORE.search(norm, max(0, s.start - 4), s.start) and s.lo == s.hi
            and s.lo == s.lo.to_integral_value() and 1 <= s.lo <= 10):
        return s
    v = Decimal(2) ** int(s.lo)
    return s._replace(kind="multiplier", unit="x", lo=v, hi=v, end=m.end(), has_unit_word=True, rescaled=v != s.lo)


def _discount(norm, s, m, lenient):
    """8折 is 8 (as written), 75折 is 7.5, 半折 is 五折 (half price)."""
    lo, hi = (Decimal(5), Decimal(5)) if s.run == "半" else (s.lo, s.hi)
    r = s.reading
    if (r is not None and r.digit_string and r.n_digits == 2) or (s.run.isdigit() and len(s.run) == 2):
        lo, hi = lo / _TEN, hi / _TEN
    return s._replace(kind="discount", unit="zhe", lo=lo, hi=hi, end=m.end(), has_unit_word=True, rescaled=lo != s.lo)


def _tenths(norm, s, m, lenient):
    """3成 is 30%; 三成五 and 三成半 add the tail: 35%."""
    t = P.CHENG_TAIL.match(norm, m.end())
    if not t:
        return _unit(s, "percent", "%", m.end(), _TEN)
    add = Decimal(5) if t.group("half") else Decimal(ZH_DIGITS[t.group("d")])
    lo, hi = s.lo * _TEN + add, s.hi * _TEN + add
    return s._replace(kind="percent", unit="%", lo=lo, hi=hi, end=t.end(), has_unit_word=True, rescaled=lo != s.lo)


def _currency(norm, s, m, lenient):
    word = m.group("cur")
    if word in ("块", "塊") and not lenient and not is_yuan_kuai(norm, m.end()):
        return s               # 一块底层: 块 is 'a piece' here
    return money_after(norm, s, m.end(), CURRENCY_AFTER[word], word, lenient)


def _sub_unit(norm, s, m, lenient):
    """5毛 is 0.5 yuan, 两毛五 0.25; 毫 is the Hong Kong dollar's."""
    word = m.group("sub")
    f = ZH_SUBUNITS[word]
    add, end = sub_units(norm, m.end(), after_sub=True)
    lo, hi = s.lo * f, s.hi * f
    if add is not None:
        lo, hi = lo + add, hi + add
    return s._replace(kind="money", unit="HKD" if word == "毫" else "CNY", lo=lo, hi=hi, end=end, rescaled=lo != s.lo)


def _cents(norm, s, m, lenient):
    return _unit(s, "money", EN_SUBUNITS[m.group("esub")], m.end(), per=_HUNDRED)


def _slang(norm, s, m, lenient):
    """10 grand = USD 10,000, ten dimes = USD 1."""
    code, f = MONEY_SLANG[m.group("slang").lower()]
    return _unit(s, "money", code, m.end(), f)


def _fen(norm, s, m, lenient):
    return _unit(s, "money", "CNY", m.end(), per=_HUNDRED)


def _duration(norm, s, m, lenient):
    """3年, 5 days, two decades (20 years); 一年半 adds a half, 三年多 is more than 3 years."""
    word = m.group("dur")
    w = word.split()[-1].lstrip("-").lower()
    unit = "year" if w == "周年" else ZH_DURATIONS.get(word) or EN_DURATIONS.get(w)
    factor = None
    if unit == "decade":
        unit, factor = "year", _TEN
    end = m.end()
    if end < len(norm) and norm[end] == "半":
        out = _unit(s, "duration", unit, end + 1, factor)
        return out._replace(lo=out.lo + _HALF, hi=out.hi + _HALF, rescaled=True)
    if end < len(norm) and norm[end] in "多余" and (end + 1 >= len(norm) or norm[end + 1] in END_PUNCT
                                                    or norm[end + 1] in "的时時来來"):
        return _unit(s, "duration", unit, end + 1, factor, more=True)
    return _unit(s, "duration", unit, end, factor)


def _noun(norm, s, m, lenient):
    """5 tokens, 70亿参数: a counted noun keeps the kind 'count'."""
    return _unit(s, s.kind, COUNT_NOUNS[m.group("noun").lstrip("-")], m.end())


def _quantity(norm, s, m, lenient):
    """50公里, 48 cm, a 16-meter telescope, 80G显存 (GB); not 升至, 克隆 (a word the unit character begins)."""
    word = m.group("qty").lstrip("-")
    end = m.end()
    if end < len(norm) and norm[end] in NOT_A_UNIT_BEFORE.get(word, ()):
        return s
    if not measure_after(norm, s, s.end):
        return s
    return _unit(s, "quantity", QUANTITY_UNITS.get(word) or CONTEXT_UNITS[word][0], end)


def _celsius(norm, s, m, lenient):
    """40C, -10C: weather and body heat only; not 面向2C, Class 3C, the 100C model."""
    if not -90 <= s.lo <= 60 or (s.start and (norm[s.start - 1].isalpha() or P.CAPITAL_WORD_BEFORE.search(
            norm[max(0, s.start - 16):s.start]))):
        return s
    return _unit(s, "quantity", "degC", m.end())


READERS = {
    "points": _points, "bp": _basis_points, "pct": _percent, "mult": _times, "fan": _doublings, "zhe": _discount,
    "cheng": _tenths, "cur": _currency, "sub": _sub_unit, "esub": _cents, "slang": _slang, "fen": _fen,
    "dur": _duration, "noun": _noun, "qty": _quantity, "degc": _celsius,
}


def measure_after(norm: str, s: Side, pos: int) -> bool:
    """A unit of measure follows (not a scale letter): 50km, 48 mm, 5m tall; not $5m or 5m people."""
    m = P.QUANTITY_AHEAD.match(norm, pos)
    if not m:
        return False
    word = norm[pos:m.end()].strip()
    if word in ("m", "mm", "g") and P.CURRENCY_SIGN_BEFORE.search(norm, max(0, s.start - 8), s.start):
        return False                 # $5m, $1.5g: a scale of money
    if word == "m" and not _metres(norm, m.end()):
        return False
    if word == "g" and P.NETWORK_AFTER.match(norm, m.end()):
        return False                 # 5g网络, 4g phones: a generation of mobile network
    return True


def _metres(norm: str, end: int) -> bool:
    """A bare 'm' is metres at the end of a phrase or before a word of size (5m tall); before other words
    it is the million of British usage (5m people)."""
    if end >= len(norm) or not (norm[end] in " \t" and end + 1 < len(norm) and norm[end + 1].isascii()
                                and norm[end + 1].isalpha()):
        return True
    return bool(P.METRE_WORDS.match(norm, end))

