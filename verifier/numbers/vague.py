"""Quantities told by their order of magnitude only: 'thousands of', 'tens of millions of', 数以万计.

News writes a count it cannot give as a magnitude. We read these as the 数
numerals they translate (see zh.py: 数 before a unit is a digit 2-9), so that
the English and the Chinese account of the same story agree:

    dozens of, tens of      = 数十   20-90
    hundreds of   = 数百    200-900        数以百计
    thousands of  = 数千  2,000-9,000      数以千计
    tens of thousands of    = 数万         数以万计
    hundreds of millions of = 数亿         数以亿计
    several billion, a few years = 数十亿, 几年: 2-9 of the unit

'dozens of' reads as 数十, its usual translation, not as 2-9 dozen. An English
phrase needs its 'of' ('thousands of users'; 'hundreds of thousands' may end
without one): 'in the thousands' or 'hundreds column' are not counts.
"""
from __future__ import annotations

from decimal import Decimal

_EN_BASE = {"dozens": 10, "tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6,
            "billions": 10**9, "trillions": 10**12}
_EN_TIMES = {"tens": 10, "hundreds": 100}
_ZH_UNITS = {"十": 10, "百": 100, "千": 10**3, "万": 10**4, "萬": 10**4, "十万": 10**5, "十萬": 10**5,
             "百万": 10**6, "百萬": 10**6, "千万": 10**7, "千萬": 10**7, "亿": 10**8, "億": 10**8,
             "十亿": 10**9, "十億": 10**9, "百亿": 10**10, "百億": 10**10, "千亿": 10**11, "千億": 10**11,
             "万亿": 10**12, "萬億": 10**12}


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_BIG = [w for w, v in _EN_BASE.items() if v >= 1000]
_FEW_BEFORE = ("hundred|thousand|million|billion|trillion|dozen|decades?|years?|months?|weeks?|days?|hours?"
               "|minutes?|seconds?|times")
PATTERN = (
    rf"(?<![A-Za-z])(?i:(?P<vtimes>{_alt(_EN_TIMES)})[ \t]+of[ \t]+(?P<vbig>{_alt(_BIG)})(?:[ \t]+of)?"
    rf"|(?P<vbase>{_alt(_EN_BASE)})[ \t]+of)(?![A-Za-z])"
    rf"|数以(?P<vzh>{_alt(_ZH_UNITS)})计"
    # several / a few before a scale or a unit: 2-9 of them, as 几/数 (several billion = 数十亿 = 2B-9B).
    rf"|(?<![A-Za-z])(?P<vfew>(?i:several|a[ \t]+few))(?=[ \t]+(?i:{_FEW_BEFORE})(?![A-Za-z]))"
)


def magnitude(m) -> tuple[Decimal, Decimal, Decimal | None]:
    """(low, high, scale) of a PATTERN match: 2 and 9 times the magnitude it names (several: the scale
    word after it is read as any number's, so no scale here)."""
    if m.group("vfew"):
        return Decimal(2), Decimal(9), None
    if m.group("vzh"):
        scale = _ZH_UNITS[m.group("vzh")]
    elif m.group("vtimes"):
        scale = _EN_TIMES[m.group("vtimes").lower()] * _EN_BASE[m.group("vbig").lower()]
    else:
        scale = _EN_BASE[m.group("vbase").lower()]
    return Decimal(2 * scale), Decimal(9 * scale), Decimal(scale)
