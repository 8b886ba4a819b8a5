"""How every reader of a source finds its figures: the same text, the same way.

The checker, the bilingual audit, coverage and suggest all read a source's
figures from here, once (and from the cache after that). Before the number
engine sees the text:

* what is not prose is blanked (markdown.read_layout): code, URLs, HTML tags and
  attributes, list numbers, Markdown escapes (`+321\\%` is +321%); blanking keeps
  every offset, so line:col stays the original's;
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
_TYPESETTING_SPACE = re.compile(rf"(?<=[{_CJK}\d%])[ \t]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t]+(?=\d)")


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
