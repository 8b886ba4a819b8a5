"""The number engine: read the figures of English and Chinese news text.

Public API:
- find_figures(text) -> list[Figure]: every figure in running text, in order, non-overlapping.
- parse_figure(s) -> Figure: the one figure of a claim's `figure:` string; FigureError otherwise.
- FigureError (a ValueError), Figure, KINDS, QUALIFIERS, render(fig) (= fig.value_text()).
- ENGINE_VERSION: bumped whenever a reading changes; caches key on it.

Modules, one idea each: lexicon (word lists), zh (Chinese numerals), en (English
number words), dates, qualifiers (hedge words and the intervals they leave),
patterns (compiled regexes), side (one number and its unit), money (元/角/分),
scanner (ranges, hedges, what is not a figure), render.

Readings that are our choice (the checker relies on them):
- 几/数 before a unit is a digit 2-9 (几十 = 20-90, 数十亿 = 2e9-9e9); after a unit 1-9 (十几 = 11-19);
  adjacent digits are a range (两三 = 2-3, 四五千 = 4000-5000, 五、六家 = 5-6).
- 多/余 (40多年, 20余位) and 以上 are more_than; 及以上/以上（含）/or more are at_least;
  以下 is less_than, 以内 at_most; 最低/低至/as low as v is at_least v; 最高/高达/up to is up_to.
- 兆 is 1e6 (兆瓦, 兆字节) unless a 亿 section follows it in the same numeral (then 1e12).
- A bare 4-digit number 1900-2099 without unit is a year (kind 'date', date '2024').
- Dates: 'XXXX-12-07', '2021-09', '2018', weekdays 'W1'..'W7'; ranges 'start/end'
  (12月6日-7日 -> 'XXXX-12-06/XXXX-12-07', 2022-2026 -> '2022/2026'), qualifier 'range'.
- 'past year' / 'past decade' is a duration (1 year / 10 years): the one figure without a numeral,
  with weekday names (Saturday -> 'W6').
- Values beyond 1e25 (or below 1e-30) are no figure: ids, hashes and fuzz, not news.
"""
from __future__ import annotations

from .errors import FigureError
from .figure import KINDS, QUALIFIERS, Figure
from .render import render
from .scanner import scan

ENGINE_VERSION = "1.1.0"

__all__ = ["ENGINE_VERSION", "Figure", "FigureError", "KINDS", "QUALIFIERS", "find_figures",
           "parse_figure", "render"]

_EXAMPLES = "a number such as 97%, ¥0.5, 100亿, 10B"


def find_figures(text: str) -> list[Figure]:
    """Every figure in text, in order, non-overlapping; spans index into text."""
    return [fig for fig, weak in scan(text, lenient=False) if not weak]


def parse_figure(s: str) -> Figure:
    """The single figure of a claim string ('超过690万', 'under $1,000', '5-20年').

    Words around the figure are allowed and read as unit or hedge. A lone
    numeral ('一', '十') counts here, though running text would skip it.
    """
    found = scan(s, lenient=True)
    if len(found) > 1:
        strong = [fig for fig, weak in found if not weak]
        if len(strong) == 1:
            return strong[0]
        shown = ", ".join(repr(f.text) for f, _ in found)
        raise FigureError(f"more than one figure in {s!r} ({shown}): expected exactly one")
    if not found:
        raise FigureError(f"no figure in {s!r}: expected {_EXAMPLES}")
    return found[0][0]
