"""The characters a pattern can start with, as a lookahead that lets a long alternation fail in one step.

A pattern matched at every number (patterns.UNIT: some thirty kinds of unit word) tries each alternative in
turn even where the next character starts none of them, which most numbers are followed by. `gated(p)` is
`p` behind a lookahead of the characters its matches can start with: the same matches (the lookahead is
implied by `p`), but a number with no unit after it costs one character-class test. The characters are
read from the stdlib parser's tree (`re._parser`); a pattern whose first character cannot be listed (`.`,
`[^x]`, `\\w`, a back-reference, a match of nothing) is returned as it is.
"""
from __future__ import annotations

import re
from re import _constants as C, _parser

_TRANSPARENT = (C.ASSERT, C.ASSERT_NOT, C.AT)          # zero-width: the next item starts the match
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s"}


class _Unlisted(Exception):
    """The pattern can start with a character that no short class lists."""


def gated(pattern: str, flags: int = 0) -> str:
    """`pattern` behind a lookahead of its first characters (or unchanged when they cannot be listed)."""
    exact: set[str] = set()
    folded: set[str] = set()
    try:
        nullable = _first(_parser.parse(pattern, flags), bool(flags & re.IGNORECASE), exact, folded)
    except _Unlisted:
        return pattern
    if nullable:
        return pattern                                   # it can match nothing, before any character
    parts = ([f"[{''.join(sorted(exact))}]"] if exact else []) + ([f"(?i:[{''.join(sorted(folded))}])"] if folded else [])
    return f"(?=(?:{'|'.join(parts)}))(?:{pattern})"


def _first(seq, icase: bool, exact: set, folded: set) -> bool:
    """Adds the first characters of the items of `seq` to exact (or folded, under IGNORECASE); True when the
    whole sequence can match nothing."""
    for op, av in seq:
        if not _item(op, av, icase, exact, folded):
            return False
    return True


def _item(op, av, icase: bool, exact: set, folded: set) -> bool:
    """Adds one item's first characters; True when the item can match nothing (the next one starts too)."""
    into = folded if icase else exact
    if op == C.LITERAL:
        into.add(_esc(av))
        return False
    if op == C.IN:
        for kind, v in av:
            if kind == C.LITERAL:
                into.add(_esc(v))
            elif kind == C.RANGE:
                into.add(f"{_esc(v[0])}-{_esc(v[1])}")
            elif kind == C.CATEGORY and v in _CATEGORIES:
                into.add(_CATEGORIES[v])
            else:
                raise _Unlisted(kind)                    # [^...], \w
        return False
    if op in _TRANSPARENT:
        return True
    if op == C.BRANCH:
        empty = [_first(alt, icase, exact, folded) for alt in av[1]]
        return any(empty)
    if op == C.SUBPATTERN:
        _, add, remove, sub = av
        inner = (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _first(sub, inner, exact, folded)
    if op == C.ATOMIC_GROUP:
        return _first(av, icase, exact, folded)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, _, sub = av
        return _first(sub, icase, exact, folded) or lo == 0
    raise _Unlisted(op)                                   # ., a back-reference, a conditional


def _esc(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-]\\^" else "\\" + chr(code)
