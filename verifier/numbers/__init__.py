"""The number engine: read the figures of English and Chinese news text.

Public API:
- find_figures(text) -> list[Figure]: every figure in running text, in order.
- parse_figure(s) -> Figure: the one figure of a claim's `figure:` string.
- FigureError: raised by parse_figure (a ValueError).
- ENGINE_VERSION: bumped whenever a reading changes; caches key on it.
"""
from __future__ import annotations

from .errors import FigureError
from .figure import KINDS, QUALIFIERS, Figure
from .render import render
from .scanner import scan

ENGINE_VERSION = "1.0.0"

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
