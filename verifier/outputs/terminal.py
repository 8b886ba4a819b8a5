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
                 "error": "magenta"}
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
            style = "bold red" if "do NOT" in line else "yellow" if line.startswith("warning") else ""
            console.print(Text(line, style=style))
    return captured.get().rstrip("\n")


class _Sink:
    """rich needs a file; capture() collects the text, so nothing is written here."""

    def write(self, text):
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False
