"""A rate per a round population: 16.9 per 100,000, 18.6/10万, 5.4 per thousand.

Such a rate is a proportion, so it is stored as a percent, as ‰ and 千分之 already are: 16.9 per 100,000
is 0.0169%, the same figure as 16.9/10万 and 169 per million; 5.4 per 1,000 equals 5.4‰. The denominator
must be a power of ten (per 100 and up; after a slash, digits of 1,000 and up: 9/10 and 95/100 are scores,
百亿/千亿 two numbers), and no unit or counted noun may follow it: '1/1000秒' is a time, '5 per 1,000 tokens'
a rate of tokens.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import patterns as P
from .lexicon import COUNT_NOUNS, DENOMINATOR_SCALES

_ZH_SCALES = [k for k in DENOMINATOR_SCALES if not k.isascii() and k != "百"]     # 18.6/10万, 5/千 (not 5/百)
_PER = re.compile(
    rf"[ \t]*(?:(?P<slash>/)|(?<![A-Za-z])per(?![A-Za-z]))[ \t]*(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)?(?![\d.])"
    rf"(?:[ \t]*(?P<s>(?i:hundred|thousand|million|billion)(?![A-Za-z])|{P._alt(_ZH_SCALES)}))?"
)
_NOUN_AFTER = re.compile(rf"[ \t]*(?:{P._alt(COUNT_NOUNS, boundary=True)})")
_HUNDRED = Decimal(100)


def per_capita(norm: str, pos: int) -> tuple[int, Decimal] | None:
    """(end, factor to percent) for a per-round-population denominator written at pos, or None."""
    m = _PER.match(norm, pos)
    if not m or not (m.group("n") or (m.group("s") and not m.group("slash"))):
        return None                   # 百亿/千亿: after a slash a bare scale is another number, not a per
    if norm[m.end():m.end() + 1] in P.ZH_NUMERAL_CHARS:
        return None                   # the denominator goes on: 18.6/10万亿 is no round population
    den = int((m.group("n") or "1").replace(",", "")) * DENOMINATOR_SCALES.get((m.group("s") or "").lower(), 1)
    if str(den).rstrip("0") != "1" or den < (1000 if m.group("slash") else 100):
        return None
    if _NOUN_AFTER.match(norm, m.end()) or P.UNIT.match(norm, m.end()) or P.RATE.match(norm, m.end()):
        return None
    return m.end(), _HUNDRED / den


_PER_MILLE = re.compile(r"‰|千分之")
_PER_TEN_THOUSAND = re.compile(r"‱|(?<!百)万分之|(?<!百)萬分之")
_PER_MILLION = re.compile(r"百万分之|百萬分之|(?i:ppm)")


def written_base(text: str) -> int:
    """The population a proportion is written per: 100 for 5%, 1,000 for 5.4‰ and '5.4 per 1,000', 100,000 for
    16.9/10万. Rates written per different bases are mostly different statistics (maternal deaths per 100,000
    births, infant deaths per 1,000): matching.py lets them agree in value but not contradict each other."""
    for m in _PER.finditer(text):
        found = per_capita(text, m.start())
        if found is not None:
            return int(_HUNDRED / found[1])
    if _PER_MILLION.search(text):
        return 10**6
    if _PER_TEN_THOUSAND.search(text):
        return 10**4
    return 1000 if _PER_MILLE.search(text) else 100
