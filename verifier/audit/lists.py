"""List items of the two versions paired one to one, by what they name; by position only where that agrees.

Two lists are compared when they stand in paired sections (headings.py). Their items pair on content
anchors: links, Latin names, glossary terms and figures, weighted by how rare each is among the items of
the two lists; two items pair when each is the other's best match. A translated list keeps its order, so
when the lists are as long as each other and every content pair sits at the same position, the items left
over pair by position too. A reordered list pairs by content only: position never overrides what the
items name. An item is on one side only when every item of the other list has found its partner.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..document.markdown import ListItem, MdList
from .document import AuditDoc, value_key
from .headings import pair_headings

MIN_SIM = 0.3                # cosine of weighted anchors for two items to pair on content
_URL = re.compile(r"https?://[^\s)\]>\"']+")


@dataclass(frozen=True)
class ListPairs:
    pairs: tuple[tuple[ListItem, ListItem, str], ...]       # (English item, Chinese item, 'content' | 'position')
    only_en: tuple[ListItem, ...]
    only_zh: tuple[ListItem, ...]


def pair_list_items(en: AuditDoc, zh: AuditDoc) -> ListPairs:
    """Items of the lists of paired sections, paired one to one, and those only one side gives."""
    anchors = {"en": _item_anchors(en), "zh": _item_anchors(zh)}
    pairs, lone = [], []
    for a, b in _paired_lists(en, zh, anchors):
        matched = _match(a.items, b.items, anchors["en"], anchors["zh"])
        pairs += matched
        done_en, done_zh = {x for x, _, _ in matched}, {y for _, y, _ in matched}
        lone.append(([x for x in a.items if x not in done_en], [y for y in b.items if y not in done_zh], a, b))
    paired_en, paired_zh = {x for x, _, _ in pairs}, {y for _, y, _ in pairs}
    only_en, only_zh = [], []
    for left_en, left_zh, a, b in lone:
        if left_en and _all_paired(zh, b, paired_zh):
            only_en += left_en
        if left_zh and _all_paired(en, a, paired_en):
            only_zh += left_zh
    return ListPairs(tuple(pairs), tuple(only_en), tuple(only_zh))


def _all_paired(doc: AuditDoc, lst: MdList, paired: set) -> bool:
    """Every item of every list in the section of `lst` has its partner: an item left over on the other side
    has nowhere to go. (Items left on both sides: which is extra is a guess.)"""
    section = _section(doc, lst)
    return all(item in paired for other in doc.layout.lists if _section(doc, other) == section
               for item in other.items)


def _item_anchors(doc: AuditDoc) -> dict[ListItem, frozenset[str]]:
    """Links, shared words and figure values of each list item."""
    values: dict[ListItem, set[str]] = {}
    for x in doc.items:
        item = doc.layout.list_item_at(x.figure.start)
        if item is not None:
            values.setdefault(item, set()).add(value_key(x.figure))
    out = {}
    for lst in doc.layout.lists:
        for item in lst.items:
            raw = doc.doc.text[item.start:item.end]
            links = {"u:" + u.rstrip("/").lower() for u in _URL.findall(raw)}
            words = doc.vocab.shared(doc.layout.masked[item.start:item.end], doc.lang)
            out[item] = frozenset(links | words | values.get(item, set()))
    return out


def _section(doc: AuditDoc, lst: MdList) -> int:
    """Index of the heading the list stands under, -1 before any heading."""
    return sum(h.start < lst.start for h in doc.layout.headings) - 1


def _paired_lists(en: AuditDoc, zh: AuditDoc, anchors) -> list[tuple[MdList, MdList]]:
    """Lists under paired headings (or both before any), each list paired with the one sharing most anchors."""
    sections = dict(pair_headings([(h.level, h.text) for h in en.layout.headings],
                                  [(h.level, h.text) for h in zh.layout.headings]))
    sections[-1] = -1
    scored = []
    for a in en.layout.lists:
        here = sections.get(_section(en, a))
        for b in zh.layout.lists:
            if here is None or _section(zh, b) != here or a.depth != b.depth:
                continue
            words_a = set().union(*(anchors["en"][x] for x in a.items))
            words_b = set().union(*(anchors["zh"][y] for y in b.items))
            scored.append((len(words_a & words_b), a.index, b.index, a, b))
    out, used_a, used_b = [], set(), set()
    for shared, i, j, a, b in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if shared and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((a, b))
    return out


def _match(en: tuple[ListItem, ...], zh: tuple[ListItem, ...], anchors_en, anchors_zh):
    """(en, zh, how) pairs: mutual best matches on content, then by position when the lists allow it."""
    df_en = Counter(a for x in en for a in anchors_en[x])
    df_zh = Counter(a for y in zh for a in anchors_zh[y])
    n = len(en) + len(zh)
    weight = {a: math.log((n + 1) / (df_en[a] + df_zh[a])) for a in df_en.keys() & df_zh.keys()}

    def norm(keys) -> float:            # only what the other list could share: English words weigh nothing
        return math.sqrt(sum(weight.get(a, 0.0) ** 2 for a in keys)) or 1.0

    sims = [[sum(weight.get(a, 0.0) ** 2 for a in anchors_en[x] & anchors_zh[y])
             / (norm(anchors_en[x]) * norm(anchors_zh[y])) for y in zh] for x in en]
    pairs = []
    for i, row in enumerate(sims):
        j = _unique_best(row)
        if j is not None and row[j] >= MIN_SIM and _unique_best([r[j] for r in sims]) == i:
            pairs.append((i, j))
    if len(en) == len(zh) and all(i == j for i, j in pairs) and pairs:
        taken = {i for i, _ in pairs}
        return [(en[i], zh[j], "content") for i, j in pairs] + \
               [(en[k], zh[k], "position") for k in range(len(en)) if k not in taken
                and not _disagree(anchors_en[en[k]], anchors_zh[zh[k]], weight)]
    return [(en[i], zh[j], "content") for i, j in pairs]


def _disagree(a: frozenset, b: frozenset, weight: dict) -> bool:
    """Both items link somewhere, or name what the other list names, and share none of it: the same place,
    not the same item."""
    for keep in (lambda k: k.startswith("u:"), weight.__contains__):
        x, y = {k for k in a if keep(k)}, {k for k in b if keep(k)}
        if x and y and not x & y:
            return True
    return False


def _unique_best(scores: list[float]) -> int | None:
    top = max(scores, default=0.0)
    if top <= 0 or scores.count(top) > 1:
        return None
    return scores.index(top)
