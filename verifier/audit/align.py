"""Pair the figures of an English and a Chinese document, and say how sure we are.

Three kinds of evidence, strongest first:

1. *Table cells*: same row label (or rows aligned) and same column. A cell
   pairs with the cell, and a differing value there is a real disagreement.
2. *Landmarks*: sentences or rows that share rare anchors (names, glossary
   terms, equal figures) and are each other's best match. Kept in document
   order, they cut both documents into corresponding stretches, so a figure
   is only ever paired with one from the corresponding stretch.
3. *Words next to the figure*: anchors within a few words of it.

Agreements are paired first on modest evidence; a *mismatch* is only declared
on strong evidence (a table cell, or a landmark sentence pair in which the two
figures are the only candidates or share their neighbouring words). A figure
is *missing* only when its sentence or row has a confident counterpart that
gives no such figure. Everything else stays unaligned and is not reported:
a report that cries wolf is not read.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from decimal import Decimal

from ..numbers.matching import DAYS, comparable
from ..document.text import fold
from .document import SIZE, AuditDoc, Item, value_key
from .headings import pair_headings
from .lists import pair_list_items
from .model import AGREEMENTS
from .verdicts import COMPATIBLE, categorize, written_number

LANDMARK_MIN_SIM = 0.25      # cosine of weighted anchors for a landmark pair of units
STRONG_SIM = 0.35            # a prose mismatch needs its sentences at least this alike
ROW_SIM = 0.5                # two table rows this alike, each the other's best match, are one row
WEAK_SIM = 0.2               # ... or this alike, when the figures count the same named thing
NEAR_MIN = 0.5               # ... or the words right next to the two figures this alike
GAP_MAX = 5                  # a stretch this short in the other document is no counterpart of a long one
HEADING_WEIGHT = 0.5         # a heading pair as a landmark, against the anchor cosine of sentence pairs
SLACK = 2                    # units of play around the stretch the landmarks allow


@dataclass(frozen=True)
class Link:
    """An aligned pair (or a lone figure, for missing_in_*) with its category."""

    en: Item | None
    zh: Item | None
    category: str
    note: str = ""
    evidence: str = ""
    confidence: str = "high"


@dataclass(frozen=True)
class Alignment:
    links: tuple[Link, ...]
    unaligned_en: tuple[Item, ...]
    unaligned_zh: tuple[Item, ...]
    landmarks: tuple[tuple[int, int], ...] = ()     # (English unit, Chinese unit): each other's best match


def align(en: AuditDoc, zh: AuditDoc) -> Alignment:
    return _Aligner(en, zh).run()


class _Aligner:
    def __init__(self, en: AuditDoc, zh: AuditDoc):
        self.en, self.zh = en, zh
        self.weight = _weights(en, zh)
        self.norm_en = [self._norm(u.anchors) for u in en.units]
        self.norm_zh = [self._norm(u.anchors) for u in zh.units]
        self.sims, self.shared = self._similarities()
        self.landmarks = self._landmarks()
        self.partner = dict(self.landmarks)
        self.windows = self._windows(reach=1)
        self.lists = pair_list_items(en, zh)
        self.list_partner = {x: y for x, y, _ in self.lists.pairs}
        self.in_paired_list = {"en": {x for x, _, _ in self.lists.pairs} | set(self.lists.only_en),
                               "zh": {y for _, y, _ in self.lists.pairs} | set(self.lists.only_zh)}
        self.list_item = {"en": [en.layout.list_item_at(i.figure.start) for i in en.items],
                          "zh": [zh.layout.list_item_at(i.figure.start) for i in zh.items]}
        self.loose = self._windows(reach=3)
        self.stretch = {"en": self._windows(reach=1), "zh": self._windows(reach=1, flip=True)}
        self._cat: dict[tuple[int, int], tuple[str, str]] = {}

    # -- units ----------------------------------------------------------------------
    def _norm(self, anchors) -> float:
        return math.sqrt(sum(self.weight.get(a, 0) ** 2 for a in anchors)) or 1.0

    def _similarities(self):
        index = defaultdict(list)
        for v in self.zh.units:
            for a in v.anchors:
                index[a].append(v.index)
        sims: dict[int, dict[int, float]] = {}
        shared: dict[tuple[int, int], int] = Counter()
        for u in self.en.units:
            dots: dict[int, float] = defaultdict(float)
            for a in u.anchors:
                postings = index.get(a, ())
                if len(postings) > 400:
                    continue
                w2 = self.weight[a] ** 2
                for v in postings:
                    dots[v] += w2
                    shared[(u.index, v)] += 1
            sims[u.index] = {v: d / (self.norm_en[u.index] * self.norm_zh[v]) for v, d in dots.items()}
        return sims, shared

    def sim(self, u: int, v: int) -> float:
        return self.sims.get(u, {}).get(v, 0.0)

    def _relpos(self, doc: AuditDoc, u: int) -> float:
        return doc.units[u].start / max(len(doc.doc.text), 1)

    def _landmarks(self) -> list[tuple[int, int]]:
        """Mutually best, confident unit pairs, kept in the order of both documents."""
        best_en, best_zh = {}, {}
        for u, row in self.sims.items():
            for v, s in row.items():
                if s < LANDMARK_MIN_SIM or self.shared[(u, v)] < 2:
                    continue
                score = s - 0.2 * abs(self._relpos(self.en, u) - self._relpos(self.zh, v))
                if score > best_en.get(u, (None, -9))[1]:
                    best_en[u] = (v, score)
                if score > best_zh.get(v, (None, -9))[1]:
                    best_zh[v] = (u, score)
        pairs = [(u, v, s) for u, (v, s) in best_en.items() if best_zh.get(v, (None,))[0] == u]
        taken_en, taken_zh = {u for u, _, _ in pairs}, {v for _, v, _ in pairs}
        pairs += [(u, v, HEADING_WEIGHT) for u, v in self._heading_pairs() if u not in taken_en and v not in taken_zh]
        return _increasing(sorted(pairs))

    def _heading_pairs(self) -> list[tuple[int, int]]:
        """(English unit, Chinese unit) of headings paired by level and shared keys (headings.py)."""
        def heads(doc: AuditDoc):
            units = {u.start: u.index for u in doc.units if u.kind == "heading"}
            return [(h.level, h.text, units[h.start]) for h in doc.layout.headings if h.start in units]
        en, zh = heads(self.en), heads(self.zh)
        return [(en[i][2], zh[j][2]) for i, j in pair_headings([h[:2] for h in en], [h[:2] for h in zh])]

    def _windows(self, reach: int, flip: bool = False) -> list[tuple[int, int]]:
        """For each English unit (Chinese, with `flip`), the stretch of the other side's units its landmarks allow.

        reach 1: between the nearest landmark before and after; larger reach
        skips that many landmarks each way, in case one of them is wrong.
        """
        out = []
        marks = [(v, u) for u, v in self.landmarks] if flip else self.landmarks
        here, there = (self.zh, self.en) if flip else (self.en, self.zh)
        j = 0
        last = len(there.units) - 1
        for u in range(len(here.units)):
            while j < len(marks) and marks[j][0] < u:
                j += 1
            exact = j < len(marks) and marks[j][0] == u
            if exact and reach == 1:
                v = marks[j][1]
                out.append((v - SLACK, v + SLACK))
                continue
            before, after = j - reach, j + reach - (0 if exact else 1)
            lo = marks[before][1] if before >= 0 else 0
            hi = marks[after][1] if after < len(marks) else last
            out.append((lo - SLACK, hi + SLACK))
        return out

    def in_window(self, e: Item, z: Item) -> bool:
        lo, hi = self.windows[e.unit]
        return lo <= z.unit <= hi

    def same_list_item(self, e: Item, z: Item) -> bool:
        """The two figures stand in list items paired by content (or by a position the content agrees with)."""
        x = self.list_item["en"][e.index]
        return x is not None and self.list_partner.get(x) == self.list_item["zh"][z.index]

    def other_list_items(self, e: Item, z: Item) -> bool:
        """Both stand in items of paired lists, but not in one pair of items: two items, never one mismatch."""
        x, y = self.list_item["en"][e.index], self.list_item["zh"][z.index]
        return x in self.in_paired_list["en"] and y in self.in_paired_list["zh"] and self.list_partner.get(x) != y

    # -- evidence -----------------------------------------------------------------------
    def near_sim(self, e: Item, z: Item) -> tuple[float, int]:
        shared = e.near & z.near
        if not shared:
            return 0.0, 0
        dot = sum(self.weight.get(a, 0.5) ** 2 for a in shared)
        return dot / (self._norm(e.near) * self._norm(z.near)), len(shared)

    def rows_aligned(self, e: Item, z: Item) -> bool:
        if self.partner.get(e.unit) == z.unit:
            return True
        a, b = label_key(e.cell.row_label), label_key(z.cell.row_label)
        if a and a == b:
            return True
        return self.sim(e.unit, z.unit) >= ROW_SIM and self._best(self.sims.get(e.unit, {})) == z.unit \
            and self._best({u: row.get(z.unit, 0.0) for u, row in self.sims.items()}) == e.unit

    @staticmethod
    def _best(scores: dict) -> int | None:
        """The key with the highest score, None on a tie."""
        if not scores:
            return None
        top = max(scores.values())
        winners = [k for k, v in scores.items() if v == top]
        return winners[0] if len(winners) == 1 else None

    def cell_match(self, e: Item, z: Item) -> bool:
        if e.cell is None or z.cell is None or not self.rows_aligned(e, z):
            return False
        cols_e = len(self.en.layout.tables[e.cell.table].headers)
        cols_z = len(self.zh.layout.tables[z.cell.table].headers)
        if cols_e == cols_z:
            return e.cell.col == z.cell.col
        if e.figure.kind == "date" and z.figure.kind == "date":
            return self._only_date(self.en, e) and self._only_date(self.zh, z)   # a row's one date is its date
        a, b = fold(e.cell.col_header), fold(z.cell.col_header)
        if a and a == b:
            return True
        return _best_header(e.cell.col_header, self.zh.layout.tables[z.cell.table].headers, e.cell.col) == z.cell.col \
            and _best_header(z.cell.col_header, self.en.layout.tables[e.cell.table].headers, z.cell.col) == e.cell.col

    @staticmethod
    def _only_date(doc: AuditDoc, item: Item) -> bool:
        return sum(x.figure.kind == "date" for x in doc.items if x.unit == item.unit) == 1

    def category(self, e: Item, z: Item) -> tuple[str, str]:
        key = (e.index, z.index)
        if key not in self._cat:
            self._cat[key] = categorize(e.figure, z.figure)
        return self._cat[key]

    # -- passes -----------------------------------------------------------------------
    def candidates(self):
        """(e, z) pairs close enough in the documents to be compared at all."""
        by_unit = defaultdict(list)
        by_value = defaultdict(list)
        for z in self.zh.items:
            by_unit[z.unit].append(z)
            by_value[value_key(z.figure)].append(z)
        for e in self.en.items:
            lo, hi = self.loose[e.unit]
            units = {v for v, s in self.sims.get(e.unit, {}).items() if lo <= v <= hi}
            seen = set()
            for z in by_value.get(value_key(e.figure), ()):
                if lo <= z.unit <= hi:
                    seen.add(z.index)
                    yield e, z
            for v in sorted(units):
                for z in by_unit[v]:
                    if z.index not in seen:
                        seen.add(z.index)
                        yield e, z
            partner = self.list_partner.get(self.list_item["en"][e.index])
            if partner is not None:             # a reordered list: its items may stand anywhere
                for z in self.zh.items:
                    if z.index not in seen and self.list_item["zh"][z.index] == partner:
                        yield e, z

    def run(self) -> Alignment:
        agree, differ = [], []
        for e, z in self.candidates():
            category, note = self.category(e, z)
            listed = self.same_list_item(e, z)
            if category not in AGREEMENTS and not (listed or self.in_window(e, z)):
                continue
            s_u = self.sim(e.unit, z.unit)
            s_n, n_shared = self.near_sim(e, z)
            landmark = self.partner.get(e.unit) == z.unit
            cells = e.cell is not None and z.cell is not None
            cell_ok = self.cell_match(e, z)
            if category in AGREEMENTS:
                if _far_apart(e, z):
                    continue                  # 'over 150K' allows '7B' but says something else
                if cells:
                    ok = cell_ok
                elif (e.cell is None) != (z.cell is None):
                    ok = s_n > 0
                else:
                    ok = (listed and (category == "agree" or s_n > 0)) or landmark or s_u >= 0.2 \
                        or (s_u > 0.05 and s_n > 0) or s_n >= NEAR_MIN
                if ok:
                    score = 2 * cell_ok + listed + s_u + s_n + 0.3 * landmark + 0.5 * (category == "agree") \
                        - 0.5 * (note == COMPATIBLE)
                    agree.append((score, e, z, category, note, self._evidence(e, z, cell_ok, landmark, s_u, listed)))
            elif (e.figure.kind == "date") != (z.figure.kind == "date") or _misread(e, z):
                continue
            elif self.other_list_items(e, z):
                continue                      # two items of one list, each with its own figures
            elif cells and cell_ok:
                differ.append((3 + s_n, e, z, category, note, self._evidence(e, z, True, landmark, s_u), n_shared))
            elif e.cell is None and z.cell is None and (listed or landmark or s_u >= STRONG_SIM
                                                        or self._counted_alike(e, z)):
                if category == "unit_mismatch" and e.figure.value != z.figure.value \
                        and not (written_number(e.figure) and written_number(e.figure) == written_number(z.figure)):
                    continue                  # $51.1 billion vs 511亿元, a few hundred dollars vs 千元: converted
                if (_year_only(e) or _year_only(z)) and s_u < STRONG_SIM:
                    continue                  # years name many things; only a well-aligned sentence pair tells
                differ.append((s_u + s_n + listed, e, z, category, note,
                               self._evidence(e, z, False, landmark, s_u, listed), n_shared))
        links, used_e, used_z = [], set(), set()
        for score, e, z, category, note, evidence in sorted(agree, key=_order):
            if e.index not in used_e and z.index not in used_z:
                used_e.add(e.index)
                used_z.add(z.index)
                links.append(Link(e, z, category, note, evidence))
        for score, e, z, category, note, evidence, n_shared in sorted(differ, key=_order):
            if e.index in used_e or z.index in used_z:
                continue
            if e.cell is None and not self._unambiguous(e, z, used_e, used_z, n_shared):
                continue
            used_e.add(e.index)
            used_z.add(z.index)
            links.append(Link(e, z, category, note, evidence))
        links += self._missing(used_e, used_z)
        done_e = {l.en.index for l in links if l.en}
        done_z = {l.zh.index for l in links if l.zh}
        links.sort(key=lambda l: (l.en.index if l.en else 10**9, l.zh.index if l.zh else 10**9))
        return Alignment(tuple(links), tuple(i for i in self.en.items if i.index not in done_e),
                         tuple(i for i in self.zh.items if i.index not in done_z), tuple(self.landmarks))

    def _counted_alike(self, e: Item, z: Item) -> bool:
        """A sentence pair less alike than STRONG_SIM, whose two figures still count the same named thing
        ('4–5 different AI chips' ~ '9 种不同的 AI 芯片'): three shared anchors next to both, one a glossary term."""
        if self.sim(e.unit, z.unit) < WEAK_SIM:
            return False
        shared = e.near & z.near
        return len(shared) >= 3 and any(a.startswith("c:") for a in shared)

    def _unambiguous(self, e: Item, z: Item, used_e, used_z, n_shared: int) -> bool:
        """In a prose pair, the two are the only free candidates, or their neighbours agree."""
        s_n, _ = self.near_sim(e, z)
        if s_n >= NEAR_MIN and n_shared >= 2:
            return True
        listed = self.same_list_item(e, z)
        rivals_e = [x for x in self.en.items if x.index not in used_e and comparable(x.figure, z.figure)
                    and (self.list_item["en"][x.index] == self.list_item["en"][e.index] if listed else x.unit == e.unit)]
        rivals_z = [x for x in self.zh.items if x.index not in used_z and comparable(e.figure, x.figure)
                    and (self.list_item["zh"][x.index] == self.list_item["zh"][z.index] if listed else x.unit == z.unit)]
        return len(rivals_e) == 1 and len(rivals_z) == 1

    def _missing(self, used_e, used_z) -> list[Link]:
        out = []
        for here, there, used_here, used_there, category in (
                (self.en, self.zh, used_e, used_z, "missing_in_zh"),
                (self.zh, self.en, used_z, used_e, "missing_in_en")):
            partner = self.partner if here is self.en else {v: u for u, v in self.landmarks}
            rows_reported: set = set()
            columns: dict = {}
            lang = "en" if here is self.en else "zh"
            lone = set(self.lists.only_en if lang == "en" else self.lists.only_zh)
            list_partner = self.list_partner if lang == "en" else {y: x for x, y in self.list_partner.items()}
            for item in here.items:
                if item.index in used_here or _restated(here, item) or _in_header(here, item):
                    continue
                line = None
                if item.cell is not None:
                    line = self._column_only_here(item, here, there, partner) \
                        or self._row_only_here(item, here, there, partner)
                if line is not None:
                    if line not in columns:        # the whole column or row, once, at its first figure
                        columns[line] = item
                        what = f"column {item.cell.col_header!r}" if line[1] == "col" else f"row {item.cell.row_label!r}"
                        en, zh = (item, None) if category == "missing_in_zh" else (None, item)
                        out.append(Link(en, zh, category, "", f"{what} is only in {here.path}", "medium"))
                    continue
                in_list = self.list_item[lang][item.index]
                if in_list in lone:
                    if _substantive(item) and self._absent(item, there, set()):
                        lone.discard(in_list)      # the item once, at its first figure
                        en, zh = (item, None) if category == "missing_in_zh" else (None, item)
                        out.append(Link(en, zh, category, "", f"its list item is only in {here.path}", "medium"))
                    continue
                if not _substantive(item):
                    evidence = self._year_absent(item, there)
                    if evidence:
                        en, zh = (item, None) if category == "missing_in_zh" else (None, item)
                        out.append(Link(en, zh, category, "", evidence))
                    continue
                other = partner.get(item.unit)
                evidence = ""
                if list_partner.get(in_list) is not None and item.cell is None:
                    evidence = self._missing_in_item(item, there, list_partner[in_list], used_there)
                elif other is not None and item.cell is not None:
                    evidence = self._missing_cell(item, there, other)
                elif other is not None:
                    evidence = self._missing_prose(item, here, there, other, used_there)
                if not evidence:
                    evidence = self._absent(item, there, rows_reported)
                if evidence and item.cell is None and self._breakdown(item, here, there):
                    evidence = ""             # 8.5K problems ~ 7.5K 训练数据和 1K 测试数据: a total and its parts
                if evidence:
                    en, zh = (item, None) if category == "missing_in_zh" else (None, item)
                    out.append(Link(en, zh, category, "", evidence))
        return out

    def _missing_in_item(self, item: Item, there: AuditDoc, counterpart, used_there) -> str:
        """Missing when the paired list item has no free figure at all and the digits are not in its text."""
        lang = "en" if there is self.en else "zh"
        if any(self.list_item[lang][x.index] == counterpart and x.index not in used_there for x in there.items):
            return ""
        digits = written_number(item.figure)
        text = there.doc.text[counterpart.start:counterpart.end].replace(",", "")
        if not digits or any(re.search(p, text) for p in [rf"(?<![\d.]){re.escape(digits)}(?![\d])",
                                                          *_spellings(item.figure)]):
            return ""
        if SIZE.fullmatch(item.figure.text.strip()) and not self._absent(item, there, set()):
            return ""                 # '7B 对话模型' where the other side says 'BlueLM-7B-Chat'
        return f"its list item's counterpart ({there.path}:{there.doc.line_col(counterpart.start)[0]}) gives no such figure"

    def _absent(self, item: Item, there: AuditDoc, rows_reported: set) -> str:
        """A figure the other document does not write: no equal value anywhere (a small count: in the
        corresponding stretch), and its digits not in the corresponding stretch of text.

        '53B' is missing though '53.04' is in a table far away. A table row absent from the other side is
        reported once, at its first such cell.
        """
        digits = written_number(item.figure)
        lo, hi = self._stretch_of(item, there)
        gap = self._in_gap(item, there) if item.cell is None else None
        if gap:
            lo, hi = gap                 # only what stands between the two landmarks
        local = _small_count(item) or bool(gap)
        keys = {value_key(x.figure) for x in there.items if lo <= x.unit <= hi} if local else self._value_keys(there)
        if not keys.isdisjoint(_equivalent_keys(item.figure)):
            return ""
        if not digits:                # 十年, 'a decade': no digits to look for, the value decides
            if item.figure.value is None or item.cell is not None or item.figure.kind != "duration":
                return ""
            return f"{there.path} never gives this figure"
        source = there.layout.masked if gap else there.doc.text     # a section's gap: links and badges say nothing
        plain = source[there.units[lo].start:there.units[hi].end].replace(",", "") if lo <= hi else ""
        if any(re.search(p, plain) for p in [rf"(?<![\d.]){re.escape(digits)}(?![\d])", *_spellings(item.figure)]):
            return ""
        if item.cell is not None:
            row = (item.cell.table, item.cell.row)
            if row in rows_reported:
                return ""
            rows_reported.add(row)
            return f"row {item.cell.row_label!r}: its figures are not in {there.path}"
        if gap:
            here = self.zh if there is self.en else self.en
            return f"its section {' / '.join(here.section_of(item.figure.start))!r} has no counterpart in {there.path}"
        return f"{there.path} never gives this figure"

    def _in_gap(self, item: Item, there: AuditDoc) -> tuple[int, int] | None:
        """The item's section (under its headings) has no landmark, and the landmarks around it are close
        in `there` (at most GAP_MAX units, a quarter of the units here): the section (an English-only
        one) has no counterpart, so an equal value elsewhere in `there` says nothing about it. Returns the units of
        `there` between the two landmarks, or None."""
        here_lang = "zh" if there is self.en else "en"
        marks = self.landmarks if here_lang == "en" else [(v, u) for u, v in self.landmarks]
        before = [m for m in marks if m[0] < item.unit]
        after = [m for m in marks if m[0] > item.unit]
        if any(m[0] == item.unit for m in marks) or not before or not after:
            return None
        here = self.zh if there is self.en else self.en
        section = here.section_of(item.figure.start)
        if not section or any(here.section_of(here.units[m[0]].start) == section for m in marks):
            return None                  # its section has a counterpart somewhere: no gap to speak of
        gap_there, gap_here = after[0][1] - before[-1][1], after[0][0] - before[-1][0]
        if gap_there <= GAP_MAX and (gap_there * 4 <= gap_here
                                     or self._headed_here_only(item, here, there, before[-1], after[0])):
            return before[-1][1] + 1, after[0][1] - 1      # the units of `there` between the two (maybe none)
        return None

    @staticmethod
    def _headed_here_only(item: Item, here: AuditDoc, there: AuditDoc, before, after) -> bool:
        """The item's section heading stands between the two landmarks here, and no heading stands between
        them there: a section (## 太初元碁) one version adds between two it shares."""
        heading = [h for h in here.layout.headings if h.start <= item.figure.start][-1:]
        if not heading or not before[0] < here.unit_of(heading[0].start) < after[0]:
            return False
        return not any(there.units[v].kind == "heading" for v in range(before[1] + 1, after[1]))

    def _breakdown(self, item: Item, here: AuditDoc, there: AuditDoc) -> bool:
        """The item and a neighbour in its sentence sum to a figure of the corresponding stretch, or two
        neighbours there sum to the item: one side gives a total, the other its parts."""
        lo, hi = self._stretch_of(item, there)
        value = item.figure.value
        if value is None:
            return False
        mine = [x.figure.value for x in here.items if x.unit == item.unit and x.index != item.index
                and x.figure.kind == item.figure.kind and x.figure.value is not None]
        theirs = {}
        for x in there.items:
            if lo <= x.unit <= hi and x.figure.kind == item.figure.kind and x.figure.value is not None:
                theirs.setdefault(x.unit, []).append(x.figure.value)
        totals = {v for values in theirs.values() for v in values}
        if any(value + other in totals for other in mine):
            return True
        return any(a + b == value for values in theirs.values() for a, b in zip(values, values[1:]))

    def _stretch_of(self, item: Item, there: AuditDoc) -> tuple[int, int]:
        """The units of `there` that correspond to the item's unit, between the landmarks around it."""
        lo, hi = self.stretch["zh" if there is self.en else "en"][item.unit]
        last = len(there.units) - 1
        return min(max(lo, 0), last), max(min(hi, last), 0)

    def _counterpart_table(self, item: Item, here: AuditDoc, there: AuditDoc, partner: dict):
        """The one table of `there` whose rows are aligned to rows of the item's table, else None."""
        table = here.layout.tables[item.cell.table]
        others = {there.units[v].row.table for r in table.rows for v in [partner.get(here.unit_of(r.start))]
                  if v is not None and there.units[v].row is not None}
        return (table, there.layout.tables[others.pop()]) if len(others) == 1 else None

    def _column_only_here(self, item: Item, here: AuditDoc, there: AuditDoc, partner: dict):
        """(table, 'col', column) when the item's table has a counterpart in which every header finds its
        equal here, and this column's header finds none; else None."""
        tables = self._counterpart_table(item, here, there, partner) if item.cell.col else None
        if tables is None:
            return None
        table, other = tables
        keys_here = {label_key(h) for h in table.headers}
        keys_there = {label_key(h) for h in other.headers}
        if len(other.headers) >= len(table.headers) or not keys_there <= keys_here:
            return None               # a column renamed or translated: which one is extra is a guess
        return None if label_key(item.cell.col_header) in keys_there else (table.index, "col", item.cell.col)

    def _row_only_here(self, item: Item, here: AuditDoc, there: AuditDoc, partner: dict):
        """(table, 'row', row) when every row label of the counterpart table finds its equal here and
        this row's label finds none; else None."""
        tables = self._counterpart_table(item, here, there, partner)
        if tables is None:
            return None
        table, other = tables
        keys_here = {label_key(r.label) for r in table.rows}
        keys_there = {label_key(r.label) for r in other.rows}
        if len(other.rows) >= len(table.rows) or not keys_there <= keys_here or "" in keys_here:
            return None
        return None if label_key(item.cell.row_label) in keys_there else (table.index, "row", item.cell.row)

    def _year_absent(self, item: Item, there: AuditDoc) -> str:
        """A year in prose that the other document never writes (2026年 in one account only)."""
        if not _year_only(item) or item.cell is not None:
            return ""
        year = item.figure.date[:4]
        if re.search(rf"(?<!\d){year}(?!\d)", there.doc.text):
            return ""
        return f"{there.path} never names the year {year}"

    def _value_keys(self, doc: AuditDoc) -> set:
        if not hasattr(doc, "_audit_value_keys"):
            doc._audit_value_keys = {value_key(i.figure) for i in doc.items}
        return doc._audit_value_keys

    def _plain_text(self, doc: AuditDoc) -> str:
        if not hasattr(doc, "_audit_plain"):
            doc._audit_plain = doc.doc.text.replace(",", "")
        return doc._audit_plain

    def _missing_cell(self, item: Item, there: AuditDoc, other: int) -> str:
        row = there.units[other].row
        if row is None or item.cell.col == 0:
            return ""
        table_here = (self.en if there is self.zh else self.zh).layout.tables[item.cell.table]
        table_there = there.layout.tables[row.table]
        if len(table_here.headers) != len(table_there.headers):
            return ""
        for cell in there.layout.cells:
            if cell.table == row.table and cell.row == row.index and cell.col == item.cell.col:
                if any(x.cell == cell for x in there.items):
                    return ""
                return f"row {row.label!r} has no figure in column {cell.col_header!r}"
        return f"row {row.label!r} has no column {item.cell.col_header!r}"

    def _missing_prose(self, item: Item, here: AuditDoc, there: AuditDoc, other: int, used_there) -> str:
        """Missing only if the counterpart sentence is confident and has no free figure at all,
        and the digits are nowhere near it (a form the reader did not take as a figure)."""
        u = item.unit
        s = self.sim(u, other) if here is self.en else self.sim(other, u)
        if s < STRONG_SIM or there.units[other].kind == "row":
            return ""
        if any(x.unit == other and x.index not in used_there for x in there.items):
            return ""
        digits = written_number(item.figure)
        if not digits:
            return ""                 # numerals in words: the other side may write 'million-token'
        if SIZE.fullmatch(item.figure.text.strip()) and not self._absent(item, there, set()):
            return ""                 # '7B 对话模型' where the other side says 'BlueLM-7B-Chat'
        near = " ".join(there.text_of(v) for v in range(max(other - SLACK, 0), min(other + SLACK + 1, len(there.units))))
        if re.search(rf"(?<![\d.]){re.escape(digits)}(?![\d])", near.replace(",", "")):
            return ""
        line = there.doc.line_col(there.units[other].start)[0]
        return f"its sentence's counterpart ({there.path}:{line}) gives no such figure"

    def _evidence(self, e: Item, z: Item, cell_ok: bool, landmark: bool, s_u: float, listed: bool = False) -> str:
        if cell_ok:
            return f"table cell: row {e.cell.row_label!r}, column {e.cell.col_header!r} / {z.cell.col_header!r}"
        shared = sorted(a[2:] for a in (e.near & z.near) if not a.startswith("v:"))[:4]
        where = "paired list items" if listed else "aligned sentences" if landmark else f"similar sentences ({s_u:.2f})"
        return where + (f", near: {', '.join(shared)}" if shared else "")


_MARKUP = re.compile(r"\]\([^)]*\)|<[^>]+>|[*`\[\]_\-–—\s]")


def label_key(label: str) -> str:
    """A row label as a reader compares it: case, width, spaces, hyphens, underscores and Markdown
    left out (Llama3-8B ~ LLaMA-3-8B ~ **llama 3 8b**)."""
    return _MARKUP.sub("", fold(label or ""))


_HEADER_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def _best_header(header: str, headers, same_place: int) -> int | None:
    """The column of `headers` sharing most Latin words with `header` ('GPU Memory' ~ '最低 GPU 显存（推理）');
    on a tie, the column in the same place; None when none shares a word or the tie stays."""
    words = {w.lower() for w in _HEADER_WORD.findall(header)}
    scores = [len(words & {w.lower() for w in _HEADER_WORD.findall(h)}) for h in headers]
    best = max(scores, default=0)
    if not best:
        return None
    if scores.count(best) == 1:
        return scores.index(best)
    return same_place if same_place < len(scores) and scores[same_place] == best else None


def _weights(en: AuditDoc, zh: AuditDoc) -> dict[str, float]:
    """Rarity of each anchor, averaged over the two documents (each its own idf).

    Pooling the two documents would make every shared anchor look common,
    precisely because it is in both.
    """
    out: dict[str, float] = {}
    per_doc = []
    for doc in (en, zh):
        df = Counter(a for u in doc.units for a in u.anchors)
        per_doc.append((df, len(doc.units)))
    for a in set(per_doc[0][0]) | set(per_doc[1][0]):
        out[a] = sum(math.log((n + 1) / (df[a] or 1)) for df, n in per_doc) / 2
    return out


def _order(entry):
    return (-entry[0], entry[1].index, entry[2].index)


def _equivalent_keys(f) -> set[str]:
    """Keys of the same fact in other words: 1.5x is '50% more', 50% more is 1.5x."""
    keys = {value_key(f)}
    if f.value is not None and f.kind == "multiplier":
        keys.add(f"v:percent%:{format(((f.value - 1) * 100).normalize(), 'f')}")
    if f.value is not None and f.kind == "percent":
        keys.add(f"v:multiplierx:{format((1 + f.value / 100).normalize(), 'f')}")
    return keys


_SCALES = ((10**12, r"T|trillion|tn|万亿"), (10**9, r"B|billion|bn"), (10**8, r"亿"),
           (10**6, r"M|million|mn|百万"), (10**4, r"万"), (10**3, r"K|k|thousand|千"))


def _spellings(f) -> list[str]:
    """Patterns for the other ways to write a large value: 6.5e10 -> '65B', '650亿', '65 billion'."""
    if f.value is None or f.kind not in ("count", "money") or abs(f.value) < 1000:
        return []
    out = []
    for scale, words in _SCALES:
        mantissa = f.value / scale
        if mantissa >= 1 and mantissa == round(mantissa, 3):
            number = format(mantissa.normalize(), "f")
            out.append(rf"(?<![\d.]){re.escape(number)}[\s-]*(?:{words})")
    return out


def _substantive(item: Item) -> bool:
    """Worth reporting as missing: not a bare small number ('4', 'zero') nor a lone year;
    a small number that counts something named (67 个主题) is."""
    f = item.figure
    if _year_only(item):
        return False
    if f.kind == "count" and not f.unit and f.qualifier == "exact" and item.cell is None:
        return f.low is not None and (abs(f.low) >= 1000 or _small_count(item))
    return True


_COUNTED = re.compile(r"\s*(?:个|种|项|道|名|位|款|类|篇|条|门|家|所)[\u4e00-\u9fff]")


def _small_count(item: Item) -> bool:
    """A bare number from 11 to 999 followed by a Chinese measure word and a noun: 52 个学科, 164 个手写的编程问题.
    Ten or less is left out: the other side often writes it in words ('all three models')."""
    f = item.figure
    return (f.kind == "count" and not f.unit and f.low is not None and 10 < abs(f.low) < 1000 and item.cell is None
            and bool(_COUNTED.match(item.after)))


_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")




def _far_apart(e: Item, z: Item) -> bool:
    """Numbers written more than 1.5x apart: one may allow the other, they are not the same figure."""
    a, b = e.figure.value, z.figure.value
    if a is None or b is None or e.figure.kind == "date" or a == 0 or b == 0 or (a < 0) != (b < 0):
        return False
    a, b = _days(e.figure, abs(a)), _days(z.figure, abs(b))
    return max(a, b) > Decimal("1.5") * min(a, b)


def _days(f, v):
    return v * DAYS.get(f.unit, Decimal(1)) if f.kind == "duration" else v


def _in_header(doc: AuditDoc, item: Item) -> bool:
    """A figure in a table's header row names a column (sequence length 1024), it claims nothing."""
    return item.cell is None and any(t.start <= item.figure.start < t.end for t in doc.layout.tables)


def _restated(doc: AuditDoc, item: Item) -> bool:
    """'65,536(64k)', '24亿（2.4B）', a '34B' in the row of '34B series': the same figure said again."""
    text = doc.doc.text
    before = text[max(item.figure.start - 2, 0):item.figure.start]
    if re.search(r"[(（]\s*$", before) and any(x.figure.end in range(item.figure.start - 3, item.figure.start)
                                               for x in doc.items):
        return True
    digits = written_number(item.figure)
    return bool(item.cell and digits and re.search(rf"(?<![\d.]){re.escape(digits)}(?![\d])", item.cell.row_label))


def _misread(e: Item, z: Item) -> bool:
    """'6.2 billion' against a bare '62', '7 out of 10' against '7': the same digits read
    two ways means a scale word or a fraction the reader took on one side only."""
    a, b = e.figure, z.figure
    if any(f.kind != "date" and f.qualifier != "range" and len(_NUMBERS.findall(f.text)) > 1 for f in (a, b)):
        return True                   # '7 out of 10' is read as 0.7: a ratio, not either number
    if a.value is None or b.value is None or a.value == b.value:
        return False
    same_digits = written_number(a).replace(".", "").lstrip("0") == written_number(b).replace(".", "").lstrip("0")
    bare = any(re.fullmatch(r"\s*[\d.,]+\s*", f.text) for f in (a, b))
    return same_digits and bare


def _year_only(item: Item) -> bool:
    f = item.figure
    return f.kind == "date" and len(f.date or "") == 4


def _increasing(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The heaviest subsequence of (u, v, weight) increasing in both u and v."""
    if not pairs:
        return []
    best = [p[2] for p in pairs]
    back = [-1] * len(pairs)
    for i, (u, v, w) in enumerate(pairs):
        for j in range(i):
            if pairs[j][0] < u and pairs[j][1] < v and best[j] + w > best[i]:
                best[i], back[i] = best[j] + w, j
    i = max(range(len(pairs)), key=best.__getitem__)
    out = []
    while i >= 0:
        out.append((pairs[i][0], pairs[i][1]))
        i = back[i]
    return out[::-1]
