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

# Bounds on what the number engine is given (issue 13: 29 MB of "1 " ran 334 s and then ran out of memory;
# 2.9 MB of one 一 numeral took 1.5 GB). The largest real source we hold has 572 numbers and none over
# 30 characters long; these limits are far beyond any document and keep the engine's time and memory linear.
MAX_NUMBERS = 100_000
MAX_NUMBER_CHARS = 1_000
_NUMBER_RUN = re.compile(r"[0-9０-９]+(?:[.,][0-9]+)*|[零〇一二两兩三四五六七八九十百千万亿萬億兆壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿]+")


class TooDense(ValueError):
    """A source beyond a bound of the engine: what, where (offset into the text), what was found, the limit."""

    def __init__(self, what: str, offset: int, found: str, expected: str):
        super().__init__(what)
        self.what, self.offset, self.found, self.expected = what, offset, found, expected


def check_numbers(masked: str, scale: float = 1.0) -> None:
    """Raise TooDense before the engine reads a text with more numbers than MAX_NUMBERS (times scale) or a
    number longer than MAX_NUMBER_CHARS; stops counting at the limit, so a hostile file costs little."""
    limit, count = int(MAX_NUMBERS * scale), 0
    for m in _NUMBER_RUN.finditer(masked):
        if m.end() - m.start() > MAX_NUMBER_CHARS:
            raise TooDense("source holds a number longer than any real one", m.start(),
                           f"{m.end() - m.start():,} characters", f"at most {MAX_NUMBER_CHARS:,}")
        count += 1
        if count > limit:
            raise TooDense("source holds more numbers than a real document", m.start(),
                           f"more than {limit:,} (this is number {count:,})", f"at most {limit:,}")


def format_note(figure_text: str) -> str:
    """The evidence note for a figure written with invisible characters inside it."""
    hidden = sorted(set(_FORMAT_CHAR.findall(figure_text)))
    if not hidden:
        return ""
    return "the source writes this number with invisible characters (" + \
        ", ".join(f"U+{ord(c):04X}" for c in hidden) + ") inside it; read without them"


def read_figures(masked: str, text: str, scale: float = 1.0) -> list[Figure]:
    """find_figures on `masked` (text with non-prose blanked) without typesetting spaces; spans and
    `text` of each figure are those of the original `text`. TooDense past the bounds (check_numbers)."""
    check_numbers(masked, scale)
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


def blank_markup(text: str) -> str:
    """The text with HTML tags and comments blanked to spaces, every offset kept: markup never parts a list from
    its values or a figure from its words (分别增长<font>8.7%</font>、<font>46.2%</font>)."""
    from .markdown import _COMMENT, _TAG
    if "<" not in text:
        return text
    text = _COMMENT.sub(_blanked, text)
    return _TAG.sub(_blanked, text)


def _blanked(match: re.Match) -> str:
    """A tag as spaces; a line-break tag (<br>) as a '|' and spaces, so it still parts a cell's several values."""
    blank = _NOT_NEWLINE.sub(" ", match.group())
    return "|" + blank[1:] if _LINE_BREAK_TAG.match(match.group()) else blank


_NOT_NEWLINE = re.compile(r"[^\n]")
_LINE_BREAK_TAG = re.compile(r"</?br\b", re.I)


def without_markup(text: str) -> str:
    """A source's sentence as a person reads it: HTML tags and comments removed (`</font><font cms-style=…>`
    from a page saved as HTML), a block tag (`<p>`, `<br>`, `<td>`) read as a space, runs of spaces made one.
    Only for showing an excerpt: offsets and line:col are always the original text's."""
    from .markdown import _BLOCK_TAG, _COMMENT, _TAG
    if "<" not in text:
        return text
    text = _COMMENT.sub(" ", text)
    text = _TAG.sub(lambda m: " " if _BLOCK_TAG.match(m.group()) else "", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
