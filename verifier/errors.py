"""Errors that carry a place in a file, turned into one clear message at the edge.

Every problem a user can cause (bad YAML, a claim with a typo, a source that is
not there) is a VerifierError with file:line:col, what was found, what was
expected and a hint. The CLI and the pytest plugin print `str(error)`; nothing
else ever reaches the user as a traceback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A 1-based place in a file; line 0 means 'the whole file'."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.col}" if self.col else f"{self.path}:{self.line}"


class VerifierError(Exception):
    """A user-facing problem: where, what was found, what was expected, a hint."""

    def __init__(self, location: Location | None, problem: str, *, found: str = "",
                 expected: str = "", hint: str = "", excerpt: str = ""):
        self.location = location
        self.problem = problem
        self.found = found
        self.expected = expected
        self.hint = hint
        self.excerpt = excerpt
        super().__init__(self.message())

    def __reduce__(self):
        """Pickled whole (a --jobs worker sends its warnings back), not rebuilt from the message alone."""
        return (_rebuild, (type(self), self.location, self.problem, self.fields()))

    def fields(self) -> dict:
        return {"found": self.found, "expected": self.expected, "hint": self.hint, "excerpt": self.excerpt}

    def message(self) -> str:
        head = f"{self.location}: {self.problem}" if self.location else self.problem
        lines = [head]
        if self.excerpt:
            lines.append(self.excerpt)
        if self.found:
            lines.append(f"  found:    {self.found}")
        if self.expected:
            lines.append(f"  expected: {self.expected}")
        if self.hint:
            lines.append(f"  hint:     {self.hint}")
        return "\n".join(lines)


def _rebuild(cls, location, problem, fields):
    return cls(location, problem, **fields)


class ClaimsFileError(VerifierError):
    """The claims file as a whole cannot be used (syntax, top-level shape)."""


class SourceError(VerifierError):
    """A source text cannot be read (missing, a directory, binary, bad encoding)."""


# The line breaks YAML counts (str.splitlines would also split at \v, \f and
# \x1c-\x1e, so a caret could land under the wrong line).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_EXCERPT_WIDTH = 120   # characters of a very long line shown around the caret


def excerpt_with_caret(text: str, line: int, col: int) -> str:
    """The offending line of `text` with a caret under column `col` (both 1-based).

    Very long lines (minified YAML, a pasted article) are cut to a window
    around the caret, and control characters are shown as spaces, so the
    excerpt never floods or garbles the terminal.
    """
    if line < 1:
        return ""
    lines = _LINE_BREAK.split(text, maxsplit=line)
    if line > len(lines) or (line == len(lines) and not lines[-1] and line > 1):
        return ""
    source_line = lines[line - 1]
    col = max(col, 1)
    prefix, suffix = "", ""
    if len(source_line) > _EXCERPT_WIDTH:
        start = max(0, min(col - 1 - _EXCERPT_WIDTH // 2, len(source_line) - _EXCERPT_WIDTH))
        if start:
            prefix = "…"
        if start + _EXCERPT_WIDTH < len(source_line):
            suffix = "…"
        source_line = source_line[start:start + _EXCERPT_WIDTH]
        col -= start
    source_line = _CONTROL.sub(" ", source_line)
    pad = _display_width(prefix + source_line[: col - 1])
    number = f"{line:>4}"              # wider past line 9999: the caret line widens with it
    return f"  {number} | {prefix}{source_line}{suffix}\n  {' ' * len(number)} | {' ' * pad}^"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _display_width(s: str) -> int:
    """Terminal columns of s, so the caret lands under wide CJK characters too."""
    try:
        from wcwidth import wcswidth
        width = wcswidth(s)
        return width if width >= 0 else len(s)
    except ImportError:  # wcwidth is a dependency; this only guards odd installs
        return len(s)
