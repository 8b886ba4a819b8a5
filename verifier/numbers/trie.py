"""An alternation of many words as a regex trie: one branch per shared prefix, not one per word.

The regex engine tries the branches of an alternation one by one; a list of 400 currency signs or 150 hedges
costs 400 or 150 attempts at every place it is tried. Factored by common prefix, it costs one attempt per
character read. Longer words are tried before the shorter words they begin with, as in a longest-first
alternation: a word's end (with its closing lookaround, such as a word boundary) is tried after every
longer word that goes on from there.
"""
from __future__ import annotations

_END = ""


def trie(words: list[tuple[list[str], str]]) -> str:
    """A regex matching any of `words`: (regex pieces that each consume text, zero-width check at the end)."""
    root: dict = {}
    for pieces, end in words:
        node = root
        for p in pieces:
            node = node.setdefault(p, {})
        node.setdefault(_END, set()).add(end)
    return _emit(root)


def _emit(node: dict) -> str:
    kids = [p + _emit(k) for p, k in sorted((p, k) for p, k in node.items() if p != _END)]
    ends = node.get(_END, set())
    if "" in ends:
        ends = {""}                    # an end without a check accepts whatever a checked end would
    alts = kids + sorted(ends)
    if len(alts) == 1:
        return alts[0]
    if alts[-1] == "":
        body = alts[0] if len(alts) == 2 else "(?:" + "|".join(alts[:-1]) + ")"
        return f"(?:{body})?"
    return "(?:" + "|".join(alts) + ")"
