"""Hedge words around a figure and the interval they leave.

Words before the number (超过, 近, at least, up to) and after it (左右, 以上,
or more) decide the qualifier; `bounds` turns qualifier + number into the
low/high interval of Figure. Choices that are ours, not the language's:

- 以上/之上 read as more_than (open), 以下/之下 as less_than (open), the way
  most readers take them; statute Chinese counts the bound itself (刑法第99条),
  written 以上（含）/ 及以上 / 或以上, which we read as at_least / at_most.
- 以内/之内/内 and 'within' read as at_most (5年内: within 5 years).
- 最低/低至/as low as v: 'the lowest value is v', so at_least v.
- 最高/高达/up to v: up_to (high = v, low unbounded).
- A prefix beats a suffix (至少九千块钱以上 is at_least); 多/余 (40多年) is
  more_than unless a prefix already qualified the figure.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .trie import trie
from .lexicon import HEDGE_FILLERS, HEDGES_AFTER, HEDGES_BEFORE, WORD_AFTER_HEDGE, WORD_BEFORE_HEDGE

# English hedges after a number must not swallow the next bound: 'above 1000 and below 1500'.
_NOT_BEFORE_NUMBER = r"(?![ \t]*[\d$¥€£])(?![ \t]+(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b)"


def _alternation(words: dict[str, list[str]], suffix: bool = False) -> str:
    """The words of every qualifier as one trie (trie.py), longest first."""
    return trie([_pieces(w, suffix) for ws in words.values() for w in ws])


def _pieces(w: str, suffix: bool) -> tuple[list[str], str]:
    """(the regex pieces of w: a character each, spaces between Chinese characters; the check after it)."""
    if w.isascii():
        pieces = [r"\s+" if c == " " else re.escape(c) for c in w]
    else:
        # 小于 或 等于: spaces may sit between the characters of a Chinese hedge.
        pieces = [p for k, c in enumerate(w) for p in ((r"[ \t]*", re.escape(c)) if k else (re.escape(c),))]
    if w[0].isascii() and w[0].isalpha():
        pieces.insert(0, r"(?<![A-Za-z])")
    end = ""
    if w[-1].isascii() and w[-1].isalpha():
        end = r"(?![A-Za-z])" + (_NOT_BEFORE_NUMBER if suffix else "")
    if w in WORD_AFTER_HEDGE:
        end += rf"(?![{WORD_AFTER_HEDGE[w]}])"        # 5年内 is within; 内部, 内容 are words
    return pieces, end


def reversed_alternation(words) -> str:
    """The same words spelled backwards, for matching leftwards from a number (as a trie: trie.py).

    Matching the reversed text before a number with re.match costs one attempt;
    searching forwards for a hedge that ends at the number costs one per position.
    """
    return trie([_reversed_pieces(w) for w in set(words)])


def _reversed_pieces(w: str) -> tuple[list[str], str]:
    """(the regex pieces of w backwards: a character each, spaces between Chinese characters; the check after
    the last: a word bound, or the characters that make a one-character hedge part of a word)."""
    r = w[::-1]
    if w.isascii():
        pieces = [r"\s+" if c == " " else re.escape(c) for c in r]
    else:
        pieces = [p for k, c in enumerate(r) for p in ((r"[ \t]*", re.escape(c)) if k else (re.escape(c),))]
    if w[-1].isascii() and w[-1].isalpha():
        pieces.insert(0, r"(?<![A-Za-z])")
    end = r"(?![A-Za-z])" if w[0].isascii() and w[0].isalpha() else ""
    if w == "过":
        end = r"(?![\u4e00-\u9fff])"
    elif w in WORD_BEFORE_HEDGE:
        end = rf"(?![{WORD_BEFORE_HEDGE[w]}])"      # 附近, 纽约, 契约, 签约 are words
    return pieces, end


PREFIX_REV_ALT = reversed_alternation([w for ws in HEDGES_BEFORE.values() for w in ws])
FILLER_REV_ALT = reversed_alternation(HEDGE_FILLERS)
PREFIX_LOOKUP = {w.lower(): q for q, ws in HEDGES_BEFORE.items() for w in ws}
SUFFIX_LOOKUP = {w.lower(): q for q, ws in HEDGES_AFTER.items() for w in ws}

SUFFIX_RE = re.compile(r"[ \t]*(?:" + _alternation(HEDGES_AFTER, suffix=True) + r")")
# What a SUFFIX_RE match starts with after the spaces (the pattern is case-sensitive): a cheap gate.
SUFFIX_FIRST_CHARS = frozenset(w[0] for ws in HEDGES_AFTER.values() for w in ws)


def lookup(word: str, table: dict[str, str]) -> str | None:
    """Qualifier for a matched hedge, ignoring case and the spaces the pattern allowed."""
    w = " ".join(word.lower().split())
    q = table.get(w)
    if q is None and not w.isascii():
        q = table.get(w.replace(" ", ""))
    return q


def bounds(qualifier: str, lo: Decimal, hi: Decimal) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """(low, high, low_open, high_open) for a qualifier applied to a reading lo..hi."""
    if qualifier == "more_than":
        return lo, None, True, False
    if qualifier == "at_least":
        return lo, None, False, False
    if qualifier == "less_than":
        return None, hi, False, True
    if qualifier in ("at_most", "up_to"):
        return None, hi, False, False
    return lo, hi, False, False
