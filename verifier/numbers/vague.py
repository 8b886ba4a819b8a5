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

from .lexicon import VAGUE_EN_BASE as _EN_BASE, VAGUE_EN_TIMES as _EN_TIMES, VAGUE_FEW_BEFORE, VAGUE_ZH_UNITS as _ZH_UNITS


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_BIG = [w for w, v in _EN_BASE.items() if v >= 1000]
PATTERN = (
    rf"(?<![A-Za-z])(?i:(?P<vtimes>{_alt(_EN_TIMES)})[ \t]+of[ \t]+(?P<vbig>{_alt(_BIG)})(?:[ \t]+of)?"
    rf"|(?P<vbase>{_alt(_EN_BASE)})[ \t]+of)(?![A-Za-z])"
    rf"|数以(?P<vzh>{_alt(_ZH_UNITS)})计"
    # several / a few before a scale or a unit: 2-9 of them, as 几/数 (several billion = 数十亿 = 2B-9B).
    rf"|(?<![A-Za-z])(?P<vfew>(?i:several|a[ \t]+few))(?=[ \t]+(?i:{_alt(VAGUE_FEW_BEFORE)})(?![A-Za-z]))"
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
