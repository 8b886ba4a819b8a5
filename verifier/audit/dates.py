"""Give a date without a year the year its document is about.

'12月7日' reads as XXXX-12-07, which cannot be checked against 'on Saturday'.
A reader takes the year from the document ('2024 T-EDGE'), so the audit does
too: the nearest year written before the date, else the first one after it in
the same sentence, else the year the document names most often.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from ..numbers.figure import Figure

# A year: 4 digits from 1900-2099 followed by 年, or by a name/word as in '2024 T-EDGE', '2024 Yunqi'.
_YEAR = re.compile(r"(?<![\d.\-/])((?:19|20)\d\d)(?![\d.%])(?=\s*(?:年|[A-Z\u4e00-\u9fff]|[-–]\d{1,2}[-–]\d{1,2}))")


def year_mentions(text: str, figures: list[Figure]) -> list[tuple[int, str]]:
    """(offset, 'YYYY') of every year the text names, in order: not the digits of an amount (1930亿美元)."""
    amounts = {f.start for f in figures if f.kind != "date"}
    found = {m.start(): m.group(1) for m in _YEAR.finditer(text) if m.start() not in amounts}
    for f in figures:
        if f.kind == "date" and re.match(r"(?:19|20)\d\d", f.date or ""):
            found.setdefault(f.start, f.date[:4])
    return sorted(found.items())


def resolve_years(text: str, figures: list[Figure], sentence_of) -> list[Figure]:
    """`figures` with each 'XXXX-..' date given the document's year for it."""
    years = year_mentions(text, figures)
    if not years:
        return figures
    offsets = [o for o, _ in years]
    common = Counter(y for _, y in years).most_common(1)[0][0]
    out = []
    for f in figures:
        if f.kind != "date" or not (f.date or "").startswith("XXXX"):
            out.append(f)
            continue
        i = bisect.bisect_left(offsets, f.start) - 1
        year = years[i][1] if i >= 0 else None
        if year is None:
            after = bisect.bisect_left(offsets, f.end)
            if after < len(years) and sentence_of(years[after][0]) == sentence_of(f.start):
                year = years[after][1]
        out.append(replace(f, date=f.date.replace("XXXX", year or common)))
    return out
