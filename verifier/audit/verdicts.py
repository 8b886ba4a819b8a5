"""What two figures taken to be the same figure say about each other.

Built on matching.relate, asked both ways: a translation may round either
side, and either side may drop a hedge. Only when neither reading lets the two
agree is it a mismatch, and the mismatch is named by what differs: the unit,
the hedge words, or the number itself.
"""
from __future__ import annotations

import re
import unicodedata

from ..numbers.matching import comparable, relate
from ..numbers.figure import Figure

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def same(a: Figure, b: Figure) -> bool:
    """Exactly the same statement: same kind, unit, hedge and bounds."""
    units_same = a.unit == b.unit or (a.kind == "count" and not (a.unit and b.unit))
    return (a.kind == b.kind and units_same and a.qualifier == b.qualifier and a.low == b.low
            and a.high == b.high and (a.date or "") == (b.date or ""))


def written_number(figure: Figure) -> str:
    """The digits as written, for spotting '10 GB' vs '10 MB' (same number, other unit)."""
    m = _DIGITS.search(unicodedata.normalize("NFKC", figure.text))
    return m.group().replace(",", "") if m else ""


def units_differ(a: Figure, b: Figure) -> bool:
    if not comparable(a, b):
        return True
    if a.kind != b.kind:                     # percent vs percentage points
        return True
    return a.kind == "money" and a.unit != b.unit


def categorize(en: Figure, zh: Figure) -> tuple[str, str]:
    """(category, note) for two aligned figures."""
    if units_differ(en, zh):
        return "unit_mismatch", f"{_unit_name(en)} vs {_unit_name(zh)}"
    if same(en, zh):
        return "agree", ""
    there, back = relate(en, zh), relate(zh, en)
    if "match" in (there.kind, back.kind):
        note = there.note if there.kind == "match" else back.note
        return "agree_approx", note or "equal within rounding"
    same_number = en.value is not None and en.value == zh.value and en.kind != "date"
    if "conflict" in (there.kind, back.kind) and "compatible" in (there.kind, back.kind) and _overlap(en, zh):
        return "agree_approx", COMPATIBLE         # 'around 13B' and '12-13B': one allows the other
    if "conflict" in (there.kind, back.kind):
        if same_number:
            return "qualifier_mismatch", f"{_hedge(en)} vs {_hedge(zh)}"
        return "value_mismatch", there.note or back.note
    if _opposed(en, zh):
        return "qualifier_mismatch", f"{_hedge(en)} vs {_hedge(zh)}: neither wording implies the other"
    return "agree_approx", COMPATIBLE


COMPATIBLE = "compatible: neither states the other, nothing contradicts"
_UPPER = ("less_than", "at_most", "up_to")
_LOWER = ("more_than", "at_least")


def _overlap(a: Figure, b: Figure) -> bool:
    """Two figures, at least one a range, whose intervals share a value."""
    if "range" not in (a.qualifier, b.qualifier) or None in (a.low, b.low):
        return False
    a_high, b_high = a.high if a.high is not None else a.low, b.high if b.high is not None else b.low
    return a.low <= b_high and b.low <= a_high


def _opposed(a: Figure, b: Figure) -> bool:
    """One says 'at most', the other 'at least' (an incoherent 'up to 9000+' opposes nothing)."""
    if any(f.qualifier in _UPPER and "+" in f.text for f in (a, b)):
        return False
    return (a.qualifier in _UPPER and b.qualifier in _LOWER) or (a.qualifier in _LOWER and b.qualifier in _UPPER)


def _unit_name(f: Figure) -> str:
    if f.kind == "points":
        return "percentage points"
    return f"{f.kind} ({f.unit})" if f.unit else f.kind


def _hedge(f: Figure) -> str:
    return f.qualifier.replace("_", " ")
