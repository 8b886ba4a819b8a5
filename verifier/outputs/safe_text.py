"""The one gate for text meant for a person: tables, pytest failures, stderr messages, suggest.

Claims files and sources are input anyone may write. Their text must not drive
the terminal (ESC sequences, OSC 52 clipboard writes, BEL, bidi overrides that
reorder what a reviewer reads) or a CI log (a line starting `::` is a GitHub
workflow command: `::stop-commands::` hid every real annotation). So every
control, format and line/paragraph-separator character except newline and tab
is shown as an escape (`\\x1b`, `\\u202e`), and under GITHUB_ACTIONS a line that
would start with `::` (or hold a legacy `##[`) is broken up as `: :`/`# #[`.
The result is printable, so applying it twice changes nothing (short of the
cut). JSON and SARIF
never pass through here: they stay exact. Long messages are cut (`limit`).
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata

MESSAGE_LIMIT = 4000          # characters of one error message shown (a bad file once printed 7.7 MB)
LINE_LIMIT = 1000             # characters of one line shown
_UNSAFE_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
_KEEP = "\n\t"
_SUSPECT = re.compile(r"[^\x20-\x7e\n\t]")      # everything else is plain printable ASCII
_cache: dict[str, bool] = {}


def _unsafe(ch: str) -> bool:
    bad = _cache.get(ch)
    if bad is None:
        bad = _cache[ch] = ch not in _KEEP and unicodedata.category(ch) in _UNSAFE_CATEGORIES
    return bad


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escape_chars(text: str) -> str:
    """Control, format and separator characters as visible escapes; newlines and tabs kept."""
    return _SUSPECT.sub(lambda m: _escape(m[0]) if _unsafe(m[0]) else m[0], text)


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS", "").strip().lower() not in ("", "0", "false", "no")


_COMMAND = re.compile(r"^(\s*):(?=:)", re.MULTILINE)
_LEGACY = re.compile(r"##\[")


def shown(text, *, limit: int | None = MESSAGE_LIMIT) -> str:
    """`text` as it may reach a terminal or CI log: escaped, cut to `limit` characters, no workflow commands."""
    text = escape_chars(str(text))
    text = "\n".join(line if len(line) <= LINE_LIMIT else
                     f"{line[:LINE_LIMIT]}… ({len(line) - LINE_LIMIT:,} more characters)"
                     for line in text.split("\n")) if len(text) > LINE_LIMIT else text
    if limit is not None and len(text) > limit:
        text = f"{text[:limit]}\n… ({len(text) - limit:,} more characters not shown)"
    if in_github_actions():
        text = _LEGACY.sub("# #[", _COMMAND.sub(r"\1: ", text))
    return text


def neutralise_lines(text: str) -> str:
    """Only the workflow-command guard of `shown`, for text already escaped piece by piece (a coloured table)."""
    return _LEGACY.sub("# #[", _COMMAND.sub(r"\1: ", text)) if in_github_actions() else text


def echo(text="", *, file=None, limit: int | None = MESSAGE_LIMIT) -> None:
    """print(), through `shown`."""
    print(shown(text, limit=limit), file=file if file is not None else sys.stdout)
