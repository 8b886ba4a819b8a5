"""Which figure of a sentence the claim's `near` words speak of.

`near` picks sentences; a long sentence may hold figures about different things:
第三代骁龙8…高达100亿参数…并以20 token/秒的速度…，而骁龙X Elite…，支持…超过130亿参数.
A claim about X Elite must be checked against 130亿, not against whichever
figure happens to match, and not against Snapdragon 8's 20 token/秒. So:

1. A contrast (，而 / ，但 / , while / , whereas / , but …) starts a new part of
   the sentence with a new subject: a figure counts only if a near word stands
   in its part, and no other part with a figure names more of the near words.
2. Within a part holding two or more comparable figures, a figure counts if it
   stands in a clause (between ，,；;：:。!？) holding near words and no clause
   with a figure holds more of them (骁龙8…终端侧…100亿 beats 终端侧…130亿 for
   near: [骁龙8, 终端侧]); or, when no clause with a near word holds a figure,
   if it shares a clause with the first comparable figure after a near word
   (subject before figure, the usual order in both languages: 数十亿甚至数百亿
   are both bound), or, for a near word with no comparable figure after it,
   with the last one before it (the 10B model on Snapdragon 8).

Dates bind the other way round: a date opens the clauses it dates (2021年9月，
…源1.0发布，2023年9月，…发布了源2.0), so a near word takes the date in its clause,
else the nearest date before it, else the first after; a year glued to a near
word is part of a name (MEET 2024, 2024 T-EDGE), not the date of the sentence.
"""
from __future__ import annotations

import bisect
import re

from ..document.text import fold_with_map
from ..numbers.patterns import ASCII_BREAK, CLAUSE_BREAK

_CONTRAST = re.compile(rf"(?:[，；;：]|{ASCII_BREAK})[ \t]*(?:而|但是|但|然而|不过|可是"
                       r"|(?i:whereas|while|whilst|but|however|although)(?![A-Za-z]))")


def bound_to_near(doc, eligible: list[tuple], near_words: tuple[set[str], ...]) -> list[tuple]:
    """The (Found, side) pairs of `eligible` that a near word binds, sentence by sentence."""
    by_sentence: dict[int, list[tuple]] = {}
    for pair in eligible:
        by_sentence.setdefault(pair[0].sentence, []).append(pair)
    keep: set[int] = set()
    for sentence, pairs in by_sentence.items():
        start, end = doc.sentences[sentence]
        barriers = [m.start() for m in _CONTRAST.finditer(doc.text, start, end)]
        if len(pairs) == 1 and not barriers:
            keep.add(id(pairs[0]))          # one figure, one subject: the sentence scope is all near promises
            continue
        anchors = _near_spans(doc, start, end, near_words)
        if not anchors:             # the words stand in the sentence only through folding we cannot map
            keep.update(id(pair) for pair in pairs)
            continue
        parts: dict[int, tuple[list, list]] = {}
        for pair in pairs:
            parts.setdefault(bisect.bisect_right(barriers, pair[0].figure.start), ([], []))[0].append(pair)
        for anchor in anchors:
            part = parts.get(bisect.bisect_right(barriers, anchor[0]))
            if part is not None:
                part[1].append(anchor)
        # Only the parts naming the most near words (near: [第三代骁龙8, 终端侧] is not about the part
        # after '，而骁龙X Elite' that says 终端侧 too).
        most = max(len({w for _, _, w in anchors}) for _, anchors in parts.values())
        for part_pairs, part_anchors in parts.values():
            if not part_anchors or len({w for _, _, w in part_anchors}) < most:
                continue
            if len(part_pairs) == 1:
                bound = part_pairs
            elif part_pairs[0][0].figure.kind == "date":
                bound = _bound_dates(doc, start, end, part_pairs, part_anchors)
            else:
                bound = _bound(doc, start, end, part_pairs, part_anchors)
            keep.update(id(pair) for pair in bound)
    return [pair for pair in eligible if id(pair) in keep]


def _near_spans(doc, start: int, end: int, near_words) -> list[tuple[int, int, int]]:
    """(start, end, which near word) in doc.text for every near-word occurrence in text[start:end]."""
    folded, origin = fold_with_map(doc.text[start:end])
    spans = []
    for word, variants in enumerate(near_words):
        for variant in variants:
            if not variant:
                continue
            at = folded.find(variant)
            while at >= 0:
                spans.append((start + origin[at], start + origin[at + len(variant) - 1] + 1, word))
                at = folded.find(variant, at + 1)
    return sorted(spans)


def _clause_of(doc, start: int, end: int):
    """offset -> the number of its clause within the sentence text[start:end]."""
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(doc.text, start, end)]
    return lambda offset: bisect.bisect_left(breaks, offset)


def _nearest(ordered: list[tuple], anchor: tuple[int, int, int], after_first: bool):
    """The figure right after the near word (or, with none there, right before it); dates: the other way."""
    a, b, _ = anchor
    after = [pair for pair in ordered if pair[0].figure.start >= b]
    before = [pair for pair in ordered if pair[0].figure.end <= a]
    first, second = (after[:1], before[-1:]) if after_first else (before[-1:], after[:1])
    return (first or second or [None])[0]


def _bound(doc, start: int, end: int, pairs: list[tuple], anchors: list[tuple[int, int, int]]) -> list[tuple]:
    clause = _clause_of(doc, start, end)
    # Clauses holding a figure, by how many of the near words they hold: the most win.
    words_in: dict[int, set[int]] = {}
    for a, _, word in anchors:
        words_in.setdefault(clause(a), set()).add(word)
    held = {clause(pair[0].figure.start) for pair in pairs}
    most = max((len(words_in.get(c, ())) for c in held), default=0)
    anchor_clauses = {c for c in held if most and len(words_in.get(c, ())) == most}
    if not anchor_clauses:
        # No near word shares a clause with a figure: take the clause of the first figure after
        # each near word (or, with none after it, of the last one before it).
        ordered = sorted(pairs, key=lambda pair: pair[0].figure.start)
        for anchor in _specific(anchors):
            nearest = _nearest(ordered, anchor, after_first=True)
            if nearest is not None:
                anchor_clauses.add(clause(nearest[0].figure.start))
    return [pair for pair in pairs if clause(pair[0].figure.start) in anchor_clauses]


def _bound_dates(doc, start: int, end: int, pairs: list[tuple], anchors: list[tuple[int, int, int]]) -> list[tuple]:
    """A date in a near word's clause; else the nearest one before a near word (12月14日，在MEET…上: a date
    opens the sentence it dates); else the first after. A year glued to a near word names it (MEET 2024)."""
    clause = _clause_of(doc, start, end)

    def glued(pair) -> bool:
        fig, claimed = pair[0].figure, pair[1]
        if claimed.date.isdigit():
            return False            # a claim about the year (the 2024 T-EDGE conference) means that very year
        text = doc.text
        return any((b <= fig.start and not text[b:fig.start].strip()) or (fig.end <= a and not text[fig.end:a].strip())
                   for a, b, _ in anchors if fig.start - b <= 1 and a - fig.end <= 1)

    anchor_clauses = {clause(a) for a, _, _ in anchors}
    same = [pair for pair in pairs if clause(pair[0].figure.start) in anchor_clauses and not glued(pair)]
    if same:
        return same
    ordered = sorted((pair for pair in pairs if not glued(pair)), key=lambda pair: pair[0].figure.start)
    bound = []
    for anchor in _specific(anchors):
        nearest = _nearest(ordered, anchor, after_first=False)
        if nearest is not None and nearest not in bound:
            bound.append(nearest)
    return bound


def _specific(anchors: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The occurrences of the near words that occur least often: near: [源2.0, 发布] in a sentence saying 发布
    twice is about where 源2.0 stands."""
    counts: dict[int, int] = {}
    for _, _, word in anchors:
        counts[word] = counts.get(word, 0) + 1
    fewest = min(counts.values())
    return [anchor for anchor in anchors if counts[anchor[2]] == fewest]
