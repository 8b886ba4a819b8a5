"""One side of a pair, read for the audit: its figures, in units, with their words.

A *unit* is a sentence of prose, a table row or a heading: the granule in which
two documents are aligned. An *item* is one figure the audit reads, with the
unit it stands in, its table cell if any, and the anchors near it.

Some digits are names, not figures: model names (Qwen-7B, Llama2-13B, H100),
versions (v1.1, vllm=0.2.7, 4.36.0). They are left out here, once, so that no
later stage mistakes them for claims.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ..numbers.matching import as_share
from ..numbers import FigureError, parse_figure
from ..numbers.figure import Figure
from ..document.sources import SourceDoc, split_sentences
from .dates import resolve_years
from ..document.markdown import Cell, Layout, Row
from .words import Vocabulary

_NAME_BEFORE = re.compile(r"(?:[A-Za-z0-9_]|[A-Za-z][A-Za-z0-9]*[-_.]|[=@#/\\])$")
_VERSION = re.compile(r"\d+\.\d+\.\d+")
_VERSION_SIZE = re.compile(r"\d+\.\d+-\d+(?:\.\d+)?[BMK]")
_SIZE_TEXT = r"\d+(?:\.\d+)?\s*[BMKTbmkt]"
SIZE = re.compile(_SIZE_TEXT)      # a model size: 7B, 1.8B, 32k
# Sizes joined by slashes and glued to no name: 百川2（7B/13B）lists two models' sizes; Qwen-7B/14B names two models.
_SIZE_LIST = re.compile(rf"(?<![A-Za-z0-9_.\-/]){_SIZE_TEXT}(?:/{_SIZE_TEXT})+(?![A-Za-z0-9_/.-])")
_UNIT_WORD = r"(?:param|token|bit|byte|day|year|hour|month|week|minute|second|layer|shot|dim|fold|time|point)"
_NAME_AFTER = re.compile(r"^(?:\.\d|[A-Za-z0-9_]*[-_](?!" + _UNIT_WORD + r")[A-Za-z]|[-_/]\d)", re.I)
NEAR_BEFORE = {"en": 60, "zh": 20}
NEAR_AFTER = {"en": 30, "zh": 12}


@dataclass(frozen=True)
class Unit:
    index: int
    start: int
    end: int
    kind: str                      # sentence | heading | row
    anchors: frozenset[str]        # shared anchors, and 'v:' keys of the figures in it
    row: Row | None = None


@dataclass(frozen=True)
class Item:
    index: int
    figure: Figure
    line: int
    col: int
    unit: int
    cell: Cell | None
    near: frozenset[str]           # shared anchors next to the figure (a cell: its row and column labels)
    words: frozenset[str]          # this language's words next to the figure
    context: str
    after: str = ""                # the text right after the figure (its measure word: 67 个主题)


def value_key(f: Figure) -> str:
    """A key equal for figures stating the same number in any wording: 'v:count:2400000000'."""
    if f.kind == "date":
        return f"v:date:{f.date}"
    parts = [_plain(v) for v in (f.low, f.high) if v is not None]
    unit = f.unit if f.kind in ("money", "percent", "points") else ""
    return f"v:{f.kind}{unit}:{'-'.join(dict.fromkeys(parts))}"


def _plain(v: Decimal) -> str:
    text = format(v.normalize(), "f")
    return text


class AuditDoc:
    """A SourceDoc as the audit reads it: masked, cut into units, its figures as items."""

    def __init__(self, doc: SourceDoc, vocab: Vocabulary, lang: str = ""):
        self.doc = doc
        self.vocab = vocab
        self.path = doc.path
        self.lang = lang or doc.lang
        self.layout: Layout = doc.layout
        figures = [found.figure for found in doc.found
                   if not is_name(doc.text, found.figure) and not is_article(found.figure)]
        figures = share_units(self.layout.masked, figures)
        figures = header_units(self.layout, figures)
        self.units = self._units(vocab, figures)
        self._unit_starts = [u.start for u in self.units]
        figures = resolve_years(self.layout.masked, figures, self.unit_of)
        figures = [as_share(f) for f in figures]        # 'more than half' is 超过50%
        self.items = tuple(self._item(i, f, vocab) for i, f in enumerate(figures))

    def unit_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self._unit_starts, offset) - 1, 0)

    def heading_before(self, offset: int) -> str:
        """Text of the last heading before `offset` ('' if none)."""
        text = ""
        for h in self.layout.headings:
            if h.start > offset:
                break
            text = h.text
        return text

    def section_of(self, offset: int) -> tuple[str, ...]:
        """The headings above `offset`, outermost first: ('Single GPU Training Demo', 'GPT-2')."""
        return self.layout.section_of(offset)

    def text_of(self, unit: int) -> str:
        u = self.units[unit]
        return self.doc.text[u.start:u.end]

    def _units(self, vocab: Vocabulary, figures: list[Figure]) -> tuple[Unit, ...]:
        masked = self.layout.masked
        spans: list[tuple[int, int, str, Row | None]] = []
        rows = [row for table in self.layout.tables for row in table.rows]
        tables = [(t.start, t.end) for t in self.layout.tables]
        headings = {h.start for h in self.layout.headings}
        for s, e in split_sentences(masked):
            if any(a <= s < b for a, b in tables):
                continue
            if not masked[s:e].strip():
                continue
            spans.append((s, e, "heading" if s in headings else "sentence", None))
        spans += [(r.start, r.end, "row", r) for r in rows]
        spans.sort(key=lambda x: x[0])
        by_start = sorted(figures, key=lambda f: f.start)
        starts = [f.start for f in by_start]
        units = []
        for i, (s, e, kind, row) in enumerate(spans):
            anchors = vocab.shared(masked[s:e], self.lang)
            inside = by_start[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
            anchors.update(value_key(f) for f in inside)
            units.append(Unit(i, s, e, kind, frozenset(anchors), row))
        return tuple(units) or (Unit(0, 0, len(masked), "sentence", frozenset()),)

    def _item(self, index: int, f: Figure, vocab: Vocabulary) -> Item:
        unit = self.unit_of(f.start)
        u = self.units[unit]
        cell = self.layout.cell_at(f.start)
        line, col = self.doc.line_col(f.start)
        if cell is not None:
            label_text = f"{cell.row_label} {cell.col_header}"
            near = vocab.shared(label_text, self.lang)
            words = vocab.local(label_text, self.lang)
            context = f"{cell.row_label} / {cell.col_header}".strip(" /")
        else:
            masked = self.layout.masked
            a = max(u.start, f.start - NEAR_BEFORE.get(self.lang, 40))
            b = min(u.end, f.end + NEAR_AFTER.get(self.lang, 20))
            while a > u.start and masked[a - 1].isalnum() and masked[a - 1].isascii():
                a -= 1                      # whole words only: 'International', not 'rnational'
            while b < u.end and masked[b].isalnum() and masked[b].isascii():
                b += 1
            window = masked[a:f.start] + " " + masked[f.end:b]
            near = vocab.shared(window, self.lang)
            words = vocab.local(self._clause(u, f, vocab), self.lang)
            prose = self.doc.prose                  # the sentence as a person reads it: no HTML tags
            context = " ".join(prose[u.start:u.end].split())
            if len(context) > 160:
                left = max(f.start - u.start - 70, 0)
                stop = min(u.start + left + 150, u.end)
                context = ("…" if left else "") + " ".join(prose[u.start + left:stop].split()) \
                    + ("…" if stop < u.end else "")
        after = self.layout.masked[f.end:f.end + 12]
        return Item(index, f, line, col, unit, cell, frozenset(near), frozenset(words), context, after)


    def _clause(self, u: Unit, f: Figure, vocab: Vocabulary) -> str:
        """The clause around a figure, and the one before it when this one names nothing before the figure."""
        masked = self.layout.masked
        cuts = [m.end() for m in _CLAUSE_END.finditer(masked, u.start, f.start)]
        start = cuts[-1] if cuts else u.start
        if len(vocab.local(masked[start:f.start], self.lang)) < 2 and len(cuts) >= 1:
            start = cuts[-2] if len(cuts) >= 2 else u.start
        end_match = _CLAUSE_END.search(masked, f.end, u.end)
        end = end_match.start() if end_match else u.end
        return masked[start:f.start] + " " + masked[f.end:end]


_CLAUSE_END = re.compile(r"[，,;；:：。!?！？()（）、]|和|与|以及|\s(?:and|but|while|whereas)\s")


def is_name(text: str, f: Figure) -> bool:
    """Digits that are part of a name or a version, not a figure: Qwen-7B, H100, v1.1, 0.2.7."""
    if _in_size_list(text, f):
        return False
    before = text[max(f.start - 12, 0):f.start]
    after = text[f.end:f.end + 4]
    if _NAME_BEFORE.search(before) and not re.search(r"[$¥€£]$", before):
        return True
    if _VERSION.search(f.text) or _NAME_AFTER.match(after):
        return True
    if _VERSION_SIZE.fullmatch(f.text.strip()) and re.search(r"[\u4e00-\u9fffA-Za-z]$", before):
        return True                 # 源2.0-51B: a name's version and size, not the range 2.0 to 51 billion
    return bool(re.fullmatch(r"\d+", f.text.strip()) and re.search(r"\b[A-Z][A-Z0-9]+[ \t]$", before))  # RTX 4090


def _in_size_list(text: str, f: Figure) -> bool:
    """The figure is one member of a slash list of sizes that hangs off no name (百川2（7B/13B）)."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    for m in _SIZE_LIST.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if m.start() <= f.start and f.end <= m.end():
            return True
    return False


_JOINER = re.compile(r"\s*(?:甚至|乃至|到|至|或者|或|、|~|-|–|to|or)\s*")


def share_units(text: str, figures: list[Figure]) -> list[Figure]:
    """'数十亿甚至数百亿美金': a bare number joined to the next figure takes that figure's unit."""
    out = list(figures)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if a.kind == "count" and not a.unit and b.unit and b.kind in ("money", "count") \
                and _JOINER.fullmatch(text[a.end:b.start]):
            out[i - 1] = replace(a, kind=b.kind, unit=b.unit)
    return out


_HEADER_UNIT = re.compile(r"[(（]\s*(?:单位\s*[:：]\s*|in\s+)?([^()（）]{1,20}?)\s*[)）]\s*$", re.I)


def header_units(layout: Layout, figures: list[Figure]) -> list[Figure]:
    """A bare number in a table takes the unit its row or column label gives in brackets:
    'Net profit (billion yuan) | 170.6' and '净利润（亿元）| 1706' are both CNY 170.6B."""
    out = []
    for f in figures:
        cell = layout.cell_at(f.start) if f.kind == "count" and not f.unit and f.low is not None else None
        unit = (_label_unit(cell.row_label) or _label_unit(cell.col_header)) if cell is not None else None
        if unit is not None:
            kind, code, factor = unit
            f = replace(f, kind=kind, unit=code, low=_times(f.low, factor), high=_times(f.high, factor))
        out.append(f)
    return out


def _label_unit(label: str) -> tuple[str, str, Decimal] | None:
    """(kind, unit, factor) of a bracketed unit ending a label: (亿元) -> money CNY 1e8, (%) -> percent."""
    m = _HEADER_UNIT.search(label or "")
    if not m:
        return None
    inside = m.group(1).strip()
    try:
        one = parse_figure(("1 " if inside[:1].isascii() and inside[:1].isalpha() else "1") + inside)
    except FigureError:
        return None
    if one.low is None or one.low != one.high or one.qualifier != "exact" or one.kind not in ("money", "count",
                                                                                                "percent"):
        return None
    if one.kind == "count" and one.low == 1:
        return None                 # (models), (次): a noun, not a unit of the number
    return one.kind, one.unit, one.low


def _times(v: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if v is None else (v * factor).normalize()


_WORD_NUMERAL = re.compile(r"[一二两三四五六七八九十]|(?i:one|two|three|four|five|six|seven|eight|nine|ten)")


def is_article(f: Figure) -> bool:
    """'一个新的操作系统', 'one of the': a small number in words with nothing counted is not a figure."""
    return (f.kind == "count" and not f.unit and f.qualifier == "exact" and f.low is not None
            and f.low <= 10 and bool(_WORD_NUMERAL.fullmatch(f.text.strip())))
