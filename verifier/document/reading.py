"""How every reader of a source finds its figures: the same text, the same way.

The checker, the bilingual audit, coverage and suggest all read a source's
figures from here, once (and from the cache after that). Before the number
engine sees the text:

* what is not prose is blanked (markdown.read_layout): code, URLs, HTML tags and
  attributes, list numbers, Markdown escapes (`+321\\%` is +321%); blanking keeps
  every offset, so line:col stays the original's;
* invisible format characters inside a number are dropped the same way;
* the spaces typesetters put between digits and Chinese are dropped for the
  engine (`62 亿参数`, `2024 年 1 月`, `2.6 万亿`), and each figure's span is mapped
  back, so `text` and line:col are the original's.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .. import numbers
from ..numbers.figure import Figure

_CJK = "\u3400-\u9fff"
# Invisible format characters (soft hyphen, zero-width, bidi marks) inside a number: `9\u00ad7%` shows as 97%,
# so it is read as 97% (not 7%); the figure's `text` keeps them, and the checker's evidence notes it.
FORMAT_CHARS = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_TYPESETTING_SPACE = re.compile(rf"(?<=[{_CJK}\d%])[ \t]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t]+(?=\d)"
                                rf"|(?<=\d)[{FORMAT_CHARS}]+(?=[\d%.,])|(?<=[\d.,])[{FORMAT_CHARS}]+(?=\d)")
_FORMAT_CHAR = re.compile(f"[{FORMAT_CHARS}]")


def format_note(figure_text: str) -> str:
    """The evidence note for a figure written with invisible characters inside it."""
    hidden = sorted(set(_FORMAT_CHAR.findall(figure_text)))
    if not hidden:
        return ""
    return "the source writes this number with invisible characters (" + \
        ", ".join(f"U+{ord(c):04X}" for c in hidden) + ") inside it; read without them"


def read_figures(masked: str, text: str) -> list[Figure]:
    """find_figures on `masked` (text with non-prose blanked) without typesetting spaces; spans and
    `text` of each figure are those of the original `text`."""
    pieces, kept_at, origin_at, squeezed_len, last = [], [0], [0], 0, 0
    for m in _TYPESETTING_SPACE.finditer(masked):
        pieces.append(masked[last:m.start()])
        squeezed_len += m.start() - last
        last = m.end()
        kept_at.append(squeezed_len)      # from here on, squeezed offsets lag the original by more
        origin_at.append(last)
    pieces.append(masked[last:])
    squeezed = "".join(pieces)
    if len(kept_at) == 1:
        return [replace(f, text=text[f.start:f.end]) if masked[f.start:f.end] != text[f.start:f.end] else f
                for f in numbers.find_figures(masked)]

    def original(position: int) -> int:
        k = bisect.bisect_right(kept_at, position) - 1
        return origin_at[k] + position - kept_at[k]

    out = []
    for f in numbers.find_figures(squeezed):
        start, end = original(f.start), original(f.end - 1) + 1
        out.append(replace(f, start=start, end=end, text=text[start:end]))
    return out
