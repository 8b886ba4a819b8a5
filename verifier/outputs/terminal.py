"""The claims table for a person at a terminal: fits the width, colours verdicts, cuts at word boundaries.

`-f auto` (the default) is this table on a terminal, and the stable plain table
(tabulate `simple`, excerpts clipped to a fixed width) when stdout is a pipe or a
file, so CI logs do not change with the runner's window. Colour follows the
conventions: NO_COLOR (any value) turns it off, FORCE_COLOR turns it on, even
into a pipe; otherwise colour only on a terminal. rich does the layout, because
it measures CJK text in terminal columns and wraps cells at word boundaries.
"""
from __future__ import annotations

import os
import re

VERDICT_STYLE = {"supported": "green", "contradicted": "red", "not_found": "yellow", "stale": "cyan",
                 "error": "magenta", "skipped": "blue"}
PLAIN_WIDTH = 48          # display columns of an excerpt in the plain table


def colour_wanted(stream, env=None) -> bool:
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") not in (None, "", "0"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def is_terminal(stream, env=None) -> bool:
    """A person reads this stream (or FORCE_COLOR asks for the terminal table anyway)."""
    env = os.environ if env is None else env
    return bool(getattr(stream, "isatty", lambda: False)()) or env.get("FORCE_COLOR") not in (None, "", "0")


def width_of(text: str) -> int:
    from wcwidth import wcswidth
    width = wcswidth(text)
    return width if width >= 0 else len(text)


_BREAK = re.compile(r"[\s,;，。；、]")


def clip(text: str, width: int) -> str:
    """`text` in at most `width` display columns, cut at a word boundary (or between CJK characters) with '…'."""
    text = " ".join(text.split())
    if width_of(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = width_of(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    cut = "".join(out)
    nxt = text[len(cut)] if len(cut) < len(text) else " "
    if cut and cut[-1].isascii() and cut[-1].isalnum() and nxt.isascii() and nxt.isalnum():
        spaces = [m.start() for m in _BREAK.finditer(cut)]
        if spaces and spaces[-1] > len(cut) // 3:      # back to the last boundary, unless that loses most of it
            cut = cut[:spaces[-1]]
    return cut.rstrip(" ,;") + "…"


def render_rich(rows: list[list[str]], headers: list[str], verdicts: list[tuple[str, bool]], footer: list[str],
                *, width: int, colour: bool) -> str:
    """The table as a terminal shows it, `width` columns wide, with ANSI colour if `colour`."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(width=width, no_color=not colour, force_terminal=colour, color_system="standard" if colour
                      else None, highlight=False, emoji=False, markup=False, record=False, file=_Sink(),
                      legacy_windows=False)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False, header_style="bold")
    narrow = width < 140          # the expected verdict moves into the verdict cell, where it differs
    longest = max((width_of(row[-1]) for row in rows), default=8)
    wraps = {"id": (1, "fold"), "found": (3, "fold"), "figure": (1, "fold")}
    for name in headers:
        if narrow and name == "expected":
            continue
        ratio, overflow = wraps.get(name, (None, "fold"))
        fits = name == "location" and longest <= width // 3
        table.add_column(name, ratio=ratio, overflow=overflow, no_wrap=name == "verdict" or fits,
                         min_width=longest if fits else 4)
    for row, (verdict, passed) in zip(rows, verdicts):
        cells = [Text(cell) for cell in row]
        shown = row[1] + (f" (want {row[2]})" if narrow and not passed else "")
        cells[1] = Text(shown, style=("bold " if not passed else "") + VERDICT_STYLE.get(verdict, ""))
        if narrow:
            del cells[2]
        table.add_row(*cells)
    with console.capture() as captured:
        console.print(table)
        for line in footer:
            console.print(Text(line, style=_footer_style(line)))
    return captured.get().rstrip("\n")


def render_stacked(rows: list[list[str]], verdicts: list[tuple[str, bool]], footer: list[str], *, width: int,
                   colour: bool) -> str:
    """The claims for a terminal too narrow for the table (an 80-column window): per claim, a line with its id,
    verdict and figure, and an indented line with what the source says and where. Lines wrap at word
    boundaries with CJK measured in columns, so an id or a file:line:col is never cut in the middle."""
    from rich.padding import Padding
    from rich.text import Text

    console = _console(width, colour)
    with console.capture() as captured:
        for (cid, verdict, expect, figure, found, where), (name, passed) in zip(rows, verdicts):
            head = Text(cid, style="bold")
            head.append("  ")
            head.append(verdict + ("" if passed else f" (want {expect})"),
                        style=("bold " if not passed else "") + VERDICT_STYLE.get(name, ""))
            if figure:
                head.append("  " + figure)
            console.print(Padding(head, (0, 0, 0, 0)))
            detail = "  ".join(part for part in (found, where) if part)
            if detail:
                console.print(Padding(Text(detail), (0, 0, 0, 4)))
        for line in footer:
            style = _footer_style(line)
            for part in hanging(line, width):
                console.print(Text(part, style=style))
    return "\n".join(line.rstrip() for line in captured.get().rstrip("\n").split("\n"))


def wrapped(lines: list[str], *, width: int, indent: int = 4) -> str:
    """Lines for a terminal `width` columns wide: each wrapped at word boundaries (or between CJK characters),
    its continuation indented `indent` columns past the line's own indent."""
    return "\n".join(out for line in lines for out in hanging(line, width, indent))


_TOKEN = re.compile(r"[\u3000-\u9fff\uff00-\uffef][ ]*|[^\s\u3000-\u9fff\uff00-\uffef]+[ ]*|[ ]+")


def hanging(line: str, width: int, indent: int = 4) -> list[str]:
    """`line` cut into lines of at most `width` display columns at word boundaries; the lines after the first
    indented by `indent` more columns than it. A word longer than a line is cut."""
    lead = len(line) - len(line.lstrip(" "))
    first_width = max(width, 10)
    out, current, limit = [], " " * lead, first_width
    for token in _TOKEN.findall(line[lead:]):
        if width_of((current + token).rstrip()) <= limit or not current.strip():
            current += token
            while width_of(current.rstrip()) > limit:           # one word wider than the line: cut it
                cut = _fit(current, limit)
                out.append(cut.rstrip())
                current, limit = " " * (lead + indent) + current[len(cut):], first_width
            continue
        out.append(current.rstrip())
        current, limit = " " * (lead + indent) + token, first_width
    if current.strip():
        out.append(current.rstrip())
    return out or [""]


def _fit(text: str, width: int) -> str:
    """The longest start of `text` that fits `width` columns."""
    used = 0
    for i, ch in enumerate(text):
        used += width_of(ch)
        if used > width:
            return text[:max(i, 1)]
    return text


def _footer_style(line: str) -> str:
    return "bold red" if "do NOT" in line else "yellow" if line.startswith("warning") else ""


def _console(width: int, colour: bool):
    from rich.console import Console
    return Console(width=width, no_color=not colour, force_terminal=colour, color_system="standard" if colour
                   else None, highlight=False, emoji=False, markup=False, record=False, file=_Sink(),
                   legacy_windows=False, soft_wrap=False)


class _Sink:
    """rich needs a file; capture() collects the text, so nothing is written here."""

    def write(self, text):
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False
