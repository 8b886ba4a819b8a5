"""What a figure is about, beyond the sentence it stands in.

A sentence may hold figures about different periods, subjects and list slots:
`2019年、2020年、2021年营收分别为4.41亿元、4.97亿元、5.0亿元`, "up from 48.8% last year",
a table row with one figure per column. The checker asks each candidate figure
for its Scope and keeps only figures whose scope agrees with the claim:

* words:    its sentence, less the subjects of the *other* slots of a 分别 /
            respectively list; for a table cell, its row label and column header.
* context:  the headings above it and the sentence before it (a subject named
            there is weaker evidence than one in the sentence).
* years:    the years it belongs to: its list slot's year, else a year in its
            clause, else the nearest year before it in its sentence, else a year
            in the headings above; empty when nothing says.
* baseline: the figure is where a change started ("up from 48.8%", 从4.41亿元增长到,
            较上年的): it is evidence only for a claim that says "from" too.
* others:   the subjects of the other slots of its list: a claim naming one of them
            speaks of another value.
* role:     for a percentage, 'change' (增长10.5%, grew 10.5%) or 'share' (占…的58.3%,
            made up 10.26% of): a growth rate is no evidence for a share of the same value.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

from ..numbers.patterns import CLAUSE_BREAK
from ..numbers.matching import as_share
from .memo import find_figures
from .text import fold_spaced

_YEAR = re.compile(r"(?<![\d.\-/])((?:19|20)\d\d)(?![\d%]|\.\d)(?=\s*(?:年|财年|[A-Za-z\u4e00-\u9fff)）]|[-–/.]\d|[.!?;](?=\s|$)|$)|['’]s\b)"
                   r"|(?<![\d.])(?:FY|fy)\s?((?:19|20)\d\d)")
# 2Q26: the second quarter of 2026, as earnings releases write it; 18年1-7月份, 21年上半年, 17年底: a year of two
# digits, where a month, quarter or half of it follows (18年来 is eighteen years)
_YEAR_SHORT = re.compile(r"\b[1-4]Q(\d\d)\b|(?<![\d.])([0-3]\d)年(?=\s*(?:(?:1[0-2]|[1-9])\s*[-—–~至到]?\s*(?:1[0-2]|[1-9])?"
                         r"\s*月|[一二三四1-4]季度|第[一二三四1-4]季度|[上下]半年|[底初末]|前\S{1,2}个?月|全年))")
_YEAR_BEFORE = re.compile(r"(?:\b(?i:in|for|during|since|of|by|from|to|end of|fiscal|FY)\s+|截至|截止|"
                          r"\b(?i:january|february|march|april|may|june|july|august|september|october|november|"
                          r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(?:\d{1,2},?\s+)?)"
                          r"((?:19|20)\d\d)\b(?![\d%]|\.\d)")     # …, January-July 2017, …
_RESPECTIVELY_ZH = "分别"
_RESPECTIVELY_EN = re.compile(r"\brespectively\b", re.I)
# "up from 48.8%", "rose from 12% to", 从4.41亿元增长到, 由1000家增至, 较上年同期的48.8%
_BASELINE_EN = re.compile(r"(?i:(?:\b(?:up|down|rising|falling|rose|fell|grew|increased|decreased|dropped|climbed|jumped)"
                          r"?\s*from|\bcompared (?:to|with))\s+"
                          r"(?:last year's |the previous year's |a year earlier's |\d{4}'s )?"
                          r"(?:about |around |nearly |roughly |just |over |under )?)$")
# "(vs. previous outlook of $110 million to $125 million)", "compared with a prior forecast of", 此前预计,
# 原定目标为: a value the new one replaces.
# A claim's "versus $87.1 million a year earlier": the value it is measured against. (In a source, "30.7 percent
# versus 20.4 percent for Samsung" compares two subjects as often as two times: not a starting value there.)
_VERSUS = re.compile(r"(?i:\b(?:versus|vs\.?|against)\s+(?:about |around |nearly |roughly |just |over |under )?)$")
_PREVIOUS_EN = re.compile(r"(?i:\b(?:previous|prior|earlier|former|original|old)\s+(?:\w+\s+){0,2}?"
                          r"(?:outlook|forecast|guidance|estimate|projection|target|expectation|range|view)s?"
                          r"\s+(?:of|was|at|for|had been)\s+(?:\S+\s+){0,2}?)$")
_PREVIOUS_ZH = re.compile(r"(?:此前|之前|原先|原本|原来|上次|此前曾)(?:预计|预期|预测|计划|目标|指引|估计)[^，。；;！？]{0,10}$")
# 超过了三月份公布的8.3万辆, "exceeding the 83,000 announced in March": the value it is measured against.
# ('超过9万辆' and 'more than 83,000' are hedges on the value itself: no 的, no article.)
_COMPARED_OBJECT_ZH = re.compile(r"(?:超过了|超出了?|高于|低于|不及|好于|差于|少于|多于|达不到|不到)"
                                 r"[^，。；;！？\d]{0,12}的\s*$")
_COMPARED_OBJECT_EN = re.compile(r"(?i:\b(?:than|exceeding|exceeded|exceeds|surpassing|surpassed|topping|topped|"
                                 r"beating|beat|missing|missed)\s+(?:the|its|their|his|her|a|an)\s+"
                                 r"(?:[\w-]+\s+){0,3}?)$")
_BASELINE_ZH_BEFORE = re.compile(r"(?:从|由|较|比|相比|相较|相比于|相较于)(?:[^，。；;！？\d]|(?:19|20)\d\d[ \t]*年|[QH][1-4])"
                                 r"{0,10}$")
_BASELINE_ZH_AFTER = re.compile(r"^[^，。；;！？]{0,6}?(?:增长|增加|增至|升至|提升|提高|上升|上涨|下降|降至|减少|下滑|跌|扩大|缩小|"
                                r"到|至|变为|变成|翻)")


@dataclass(frozen=True)
class Scope:
    words: str                 # text.fold_spaced
    context: str               # text.fold_spaced
    label: str                 # text.fold_spaced: the words right at the figure (MMLU（+23%）, 4.4% full-time)
    own: str                   # text.fold_spaced: those of them not past a neighbouring figure
    own_after: str             # text.fold_spaced: the part of `own` after the figure
    years: frozenset[str]
    baseline: bool
    periods: frozenset[str] = frozenset()   # months, quarters, halves it belongs to: 'm9', 'q1', 'h2'
    others: str = ""           # text.fold_spaced: the other slots' subjects
    slot: str = ""             # text.fold_spaced: its own slot's subject
    role: str = ""             # 'change' | 'share' | '' (not a percentage, or not said)
    direction: str = ""        # 'up' | 'down' | '': the way the change it states goes
    expected: bool = False     # a target, forecast or expectation (目标是5万辆, the $130 million analysts expected)
    compared: str = ""         # text.fold_spaced: what a value measured against is named as (低于A轮的2.5亿美元: A轮)
    part_of: bool = False      # a count of part of a whole ('3,205 of the responses', '5 of our 12 models')
    part: str = ""             # text.fold_spaced: what names the part of a whole a figure is about, beyond the
                               # whole's own words (…工业产值增长55.9%，其中能源工业产值增长61.4%: 能源)


def scope_of(doc, found) -> Scope:
    """The scope of one Found of `doc` (computed once per figure, kept on the document)."""
    cache = doc.__dict__.setdefault("_scopes", {})
    key = found.figure.start
    scope = cache.get(key)
    if scope is None:
        scope = cache[key] = _scope(doc, found)
    return scope


@dataclass(frozen=True)
class _Sentence:
    """What every figure of one sentence shares, computed once per sentence: a sentence of thousands of figures
    costs linear time, not quadratic."""

    folded: str                          # text.fold_spaced of the sentence
    years: list[tuple[int, str]]         # year_mentions of the sentence
    breaks: list[int]                    # clause breaks
    periods: list[tuple[int, str]]       # period_mentions of the sentence
    respectively: tuple[int, int]        # offset of 分别, of 'respectively' (-1: none)
    figures: list                        # the sentence's figures, in order
    by_kind: dict = field(default_factory=dict)    # kind -> those figures of that kind (filled on first use)


def _sentence(doc, index: int) -> _Sentence:
    cache = doc.__dict__.setdefault("_sentence_facts", {})
    facts = cache.get(index)
    if facts is None:
        start, end = doc.sentences[index]
        text = doc.prose
        zh = text.find(_RESPECTIVELY_ZH, start, end)
        en = _RESPECTIVELY_EN.search(text, start, end)
        figures = figures_between(doc, start, end)
        facts = cache[index] = _Sentence(fold_spaced(text[start:end]), year_mentions(text, start, end),
                                         [m.start() for m in CLAUSE_BREAK.finditer(text, start, end)],
                                         period_mentions(text, start, end), (zh, en.start() if en else -1), figures)
    return facts


def clauses_of(doc, index: int) -> list[tuple[int, int]]:
    """(start, end) of each clause of sentence `index`, split at its clause breaks (computed once per sentence)."""
    start, end = doc.sentences[index]
    bounds = [start] + [b + 1 for b in _sentence(doc, index).breaks] + [end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def figures_between(doc, start: int, end: int) -> list:
    """The figures of doc.found starting in text[start:end], found by bisection."""
    if end <= start:
        return []
    return [f.figure for f in itertools.takewhile(lambda f: f.figure.start < end, doc.found[_first_found(doc, start):])]


def found_index(doc, found) -> int:
    """Where `found` stands in doc.found, found by bisection rather than a scan from the start; a figure read
    apart from doc.found (a rank) stands just before the figures that start with or after it."""
    first = _first_found(doc, found.figure.start)
    try:
        return doc.found.index(found, first)
    except ValueError:
        return first - 1


def found_of(doc, figure):
    """The Found of doc.found holding `figure`, by bisection (doc.found is in text order)."""
    for found in doc.found[_first_found(doc, figure.start):]:
        if found.figure is figure:
            return found
        if found.figure.start > figure.start:
            return None
    return None


def _first_found(doc, offset: int) -> int:
    """Index of the first of doc.found starting at or after `offset` (doc.found is in text order)."""
    starts = doc.__dict__.get("_found_starts")
    if starts is None:
        starts = doc.__dict__["_found_starts"] = [f.figure.start for f in doc.found]
    return bisect.bisect_left(starts, offset)


def _scope(doc, found) -> Scope:
    fig = found.figure
    start, end = doc.sentences[found.sentence]
    text = doc.prose
    facts = _sentence(doc, found.sentence)
    cell = doc.layout.cell_at(fig.start) if doc.layout.cells else None
    headings = doc.layout.section_of(fig.start)
    previous = doc.sentence_text(found.sentence - 1) if found.sentence > 0 and cell is None else ""
    label = label_line(doc, found.sentence) if cell is None else -1
    if 0 <= label < found.sentence - 1:      # the label over its paragraph counts as a heading does
        previous = doc.sentence_text(label) + " " + previous
    slot = _slot(doc, found, start, end, facts)
    others = mine = ""
    if cell is not None:
        words = f"{cell.row_label} {cell.col_header}"
    elif slot is not None:
        own, other_spans, _ = slot
        others = " ".join(text[a:b] for a, b in other_spans)
        mine = text[own[0]:own[1]]
        chars = list(text[start:end])
        for a, b in other_spans:
            for i in range(a - start, b - start):
                chars[i] = " "
        words = "".join(chars)
    elif _bare(text, fig, start, end) and found.sentence + 1 < len(doc.sentences):
        words = text[start:end] + " " + doc.sentence_text(found.sentence + 1)   # **2023.08.14** over its item
    else:
        words = None                               # the sentence itself: folded once for all its figures
    years = _own_years(doc, found, start, end, slot, cell, facts) or _framed(doc, found, cell, "years") or \
        _labelled(doc, found, cell, "years") or _years_around(doc, found, start, headings)
    # a cell's label: its row and column, and the words right at it where the cell holds several (<br>)
    near, own = _label(text, fig, start, end), _label(text, fig, start, end, _same_kind(facts, fig.kind))
    own_after = own[own.index(_LABEL_JOIN) + len(_LABEL_JOIN):]
    label = f"{words} {near}" if cell is not None else near
    role = figure_role(text, fig.start, fig.end, start, end) if fig.kind in ("percent", "points") else \
        ("difference" if fig.kind != "multiplier" and is_difference(text, fig.start, fig.end, start, end) else "")
    context_key = (found.sentence, headings, cell is None, label)
    context = doc.__dict__.setdefault("_contexts", {}).get(context_key)
    if context is None:                        # shared by the sentence's figures
        context = doc.__dict__["_contexts"][context_key] = fold_spaced(" ".join(headings) + " " + previous)
    return Scope(
        words=facts.folded if words is None else fold_spaced(words), context=context, label=fold_spaced(label),
        own=fold_spaced(own), own_after=fold_spaced(own_after), years=years,
        baseline=_is_baseline(text, fig, start, end),
        periods=_periods(text, fig, start, end, slot, cell, facts) or _framed(doc, found, cell, "periods")
        or _labelled(doc, found, cell, "periods"),
        others=fold_spaced(others), slot=fold_spaced(mine), role=role, direction=direction(text, fig.start, start, fig.end),
        expected=_is_expected(text, fig, start, end, facts), compared=fold_spaced(_compared_object(text, fig, start)),
        part_of=part_of(text, fig.end, end) and fig.kind == "count" and as_share(fig).kind == "count",
        part=fold_spaced(_part(doc, found, start)))


_MARKUP = re.compile(r"[\s*_#>|`\-:：.。()（）\[\]【】]*")


def _bare(text: str, fig, start: int, end: int) -> bool:
    """A sentence that is nothing but the figure (and markup): a label, like a heading, of the block after it."""
    return bool(_MARKUP.fullmatch(text[start:fig.start]) and _MARKUP.fullmatch(text[fig.end:end]))


_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
_ZH_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11,
           "十二": 12}
_PERIOD = re.compile(
    r"(?<![\d.])(?P<zhmonths>1[0-2]|[1-9])[ \t]?月?[ \t]*[-—–~至到][ \t]*(?P<zhmonths_end>1[0-2]|[1-9])[ \t]?月"
    r"(?![ \t]?[\d日号])"
    r"|(?i:\b(?P<months>" + "|".join(_MONTHS_EN) + r")[ \t]*(?:-|–|—|to|through)[ \t]*(?P<months_end>"
    + "|".join(_MONTHS_EN) + r")\b)"
    r"|(?i:\b(?P<span>three|six|nine|twelve|3|6|9|12)[ -]months?\s+(?:to|ended|ending|through)\s+(?P<span_end>"
    + "|".join(_MONTHS_EN) + r")\b)"
    r"|(?i:\b(?P<month>" + "|".join(_MONTHS_EN) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?)"
    r"|(?<![\d.])(?P<zhmonthlist>(?:1[0-2]|[1-9])(?:、(?:1[0-2]|[1-9]))+)(?:两|三|四|五|六|几)?个?月(?![\d日号])"
    r"|(?<![\d.])(?P<zhmonth>1[0-2]|[1-9])[ \t]?月(?![ \t]?[\d日号])"
    r"|(?P<fullyear>全年|(?i:\bfull[- ]year\b|\bthe whole year\b|\bthe full year\b|\bcalendar(?: year)?(?= (?:19|20)\d\d\b)"
    r"|\bcalendar year\b))"
    r"|前(?P<zhytd>[二三两2-3])(?:个)?季度|(?i:\bfirst (?P<enytd>two|three) quarters\b)"
    r"|(?P<zhq>第?[一二三四1-4])季度|(?i:\bQ(?P<q>[1-4])\b)|\b(?P<qyy>[1-4])Q(?=\d\d\b)"
    r"|(?i:\b(?P<qen>first|second|third|fourth)[ -]quarter\b)|(?P<qany>(?i:\bquarterly\b)|单季度?)"
    r"|(?P<zhh>上|下)半年|(?i:\bH(?P<h>[12])\b)|(?i:\b(?P<hen>first|second)[ -]half\b)"
    r"|(?P<this>(?i:\bthis year\b|\bnow\b)|今年|本年)"
    r"|(?P<prev>(?i:\b(?:last|previous|prior)[ -]year\b|\ba year (?:earlier|ago|before)\b|\bthe year before\b|"
    r"\byear[ -]ago\b)|去年|上年|上一年|前一年)")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def period_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each month, quarter, half-year or 'last year' a text names: words that say when, which the
    period rules weigh, not what a figure is about."""
    return [m.span() for m in _PERIOD.finditer(text)]


def period_mentions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, token) of each month, quarter or half-year named in text[start:end] ('m9', 'q1', 'h2'), and of
    'last year' ('y-1')."""
    out = []
    for m in _PERIOD.finditer(text, start, len(text) if end is None else end):
        g = m.lastgroup
        if g in ("zhmonths_end", "months_end"):       # 1—11月, January-November: a span of months, not its end
            first, last = (m.group("zhmonths"), m.group("zhmonths_end")) if g == "zhmonths_end" else \
                (_MONTHS_EN.index(m.group("months").lower()) + 1, _MONTHS_EN.index(m.group("months_end").lower()) + 1)
            out.append((m.start(), f"m{first}-{last}"))
            continue
        if g == "span_end":                               # the three months to December: its quarter
            last = _MONTHS_EN.index(m.group("span_end").lower()) + 1
            count = {"three": 3, "six": 6, "nine": 9, "twelve": 12}.get(m.group("span").lower()) or int(m.group("span"))
            first = last - count + 1
            out.append((m.start(), f"q{last // 3}" if count == 3 and last % 3 == 0 else
                        f"h{last // 6}" if count == 6 and last % 6 == 0 else
                        "m1-12" if (first, last) == (1, 12) else f"m{first}-{last}" if first >= 1 else f"m{last}"))
            continue
        if g == "qany":                                   # quarterly, 单季: some quarter, which one unsaid
            out.append((m.start(), "q"))
            continue
        if g == "fullyear":                               # 全年, the full year: all twelve months
            out.append((m.start(), "m1-12"))
            continue
        if g == "zhmonthlist":                            # 7、8、9三个月: one month per number, where it stands
            for number in re.finditer(r"\d+", m.group(g)):
                out.append((m.start(g) + number.start(), f"m{number.group()}"))
            continue
        if g in ("zhytd", "enytd"):                       # 前三季度, the first three quarters: months 1-9
            quarters = {"二": 2, "两": 2, "2": 2, "three": 3, "two": 2}.get(m.group(g).lower(), 3)
            out.append((m.start(), f"m1-{3 * quarters}"))
            continue
        if g == "prev":                                   # last year, 去年: the year before the text's
            out.append((m.start(), "y-1"))
            continue
        if g == "this":                                   # this year, now, 今年: the text's own year
            out.append((m.start(), "y0"))
            continue
        if g == "month":
            word = m.group(g).lower()
            if word == "may" and not re.match(r"\s*(?:\d|19|20|$|[,.;])", text[m.end():m.end() + 3]):
                continue                                  # 'may' the verb
            token = f"m{next(i for i, name in enumerate(_MONTHS_EN, 1) if name.startswith(word[:3]))}"
        elif g == "zhmonth":
            token = f"m{m.group(g)}"
        elif g in ("zhq", "q", "qyy"):
            digit = m.group(g).lstrip("第")
            token = f"q{_ZH_NUM.get(digit, digit)}"
        elif g == "qen":
            token = f"q{_ORDINAL[m.group(g).lower()]}"
        elif g == "zhh":
            token = "h1" if m.group(g) == "上" else "h2"
        elif g == "h":
            token = f"h{m.group(g)}"
        else:
            token = f"h{_ORDINAL[m.group(g).lower()]}"
        out.append((m.start(), token))
    return out


def _periods(text: str, fig, start: int, end: int, slot, cell, facts) -> frozenset[str]:
    """The month, quarter or half a figure is about: its slot's, else the nearest in its clause ('from 2.7% in
    June to 1.6% in September': September for 1.6%), else the last before it in its sentence, else its table
    cell's labels. Empty when nothing says."""
    if fig.kind == "date":
        return frozenset()
    if slot is not None and not slot[2]:         # a later list's period is its own clause's
        in_slot = {t for o, t in facts.periods if slot[0][0] <= o < slot[0][1]}
        if in_slot:
            return frozenset(in_slot)
    if cell is not None:
        return frozenset(t for _, t in period_mentions(f"{cell.row_label} {cell.col_header}"))
    mentions = [(o, t) for o, t in facts.periods if not fig.start <= o < fig.end]
    own = _own_mentions(text, fig, mentions, start, end, facts)
    if own:
        return frozenset(own)
    inherited = _inherited(text, fig, mentions, start, end, facts)   # 1—11月份，…，同比增长38.0%
    return frozenset({inherited}) if inherited else frozenset()


def _framed(doc, found, cell, what: str) -> frozenset[str]:
    """The period (`what` 'periods') or year ('years') that frames the sentence before, where that one ends in a
    semicolon: 7月份，…同比增长10.1%；其中出口…同比增长21.1% is July's too, 2021年，…营收为6.61亿元；净亏损为8.73亿元
    is 2021's. (A frame names it before its sentence's first figure.)"""
    if cell is not None or found.figure.kind == "date" or found.sentence == 0:
        return frozenset()
    before = found.sentence - 1
    a, b = doc.sentences[before]
    if not doc.prose[a:b].rstrip().endswith(("；", ";")):
        return frozenset()
    facts = _sentence(doc, before)
    first = min((f.start for f in facts.figures if f.kind != "date"), default=b)
    frame = [t for o, t in (facts.periods if what == "periods" else facts.years) if o < first]
    return frozenset(frame[-1:])


def _labelled(doc, found, cell, what: str) -> frozenset[str]:
    """The period (`what` 'periods') or year ('years') that the label line over the figure's paragraph names
    ('Financial highlights, October–December 2024' over its lines of results)."""
    if cell is not None or found.figure.kind == "date":
        return frozenset()
    label = label_line(doc, found.sentence)
    if label < 0:
        return frozenset()
    facts = _sentence(doc, label)
    return frozenset([t for _, t in (facts.periods if what == "periods" else facts.years)][-1:])


def label_line(doc, sentence: int) -> int:
    """The sentence that labels the paragraph (or list) holding `sentence`, like a heading: a short line of its
    own before it, with no figure but its dates and no sentence end (**北美地区** over its bullets, 'Financial
    highlights, October–December 2024'); -1 when there is none. Worked out once per sentence."""
    cache = doc.__dict__.setdefault("_label_lines", {})
    if sentence not in cache:
        i = sentence
        while i > 0 and "\n\n" not in doc.text[doc.sentences[i - 1][1] - 1:doc.sentences[i][0] + 1]:
            i -= 1                   # back to the paragraph's first sentence
        cache[sentence] = _label_before(doc, i)
    return cache[sentence]


def _label_before(doc, first: int) -> int:
    if first == 0:
        return -1
    a, b = doc.sentences[first - 1]
    line = doc.prose[a:b].strip().strip("*_#> \t")
    if not line or "\n" in line or len(line) > 100 or line[-1] in ".。!！?？;；" \
            or any(f.kind != "date" for f in _sentence(doc, first - 1).figures):
        return -1
    return first - 1


def _clause_bounds(fig, start: int, end: int, facts) -> tuple[int, int]:
    breaks = facts.breaks
    clause = bisect.bisect_left(breaks, fig.start)
    return (breaks[clause - 1] + 1 if clause > 0 else start), (breaks[clause] if clause < len(breaks) else end)


def _owner(text: str, offset: int, figures: list):
    """The figure a year or month named at `offset` belongs to: the nearest; on a tie, the one before it in
    English ('23.0% in 2018 to 36.6%'), the one after it in Chinese (2018年的69.11万)."""
    named = _MENTION_END.match(text, offset)
    end = named.end() if named else offset + 1
    han = "\u3400" <= text[end - 1:end] <= "\u9fff"

    def key(f):
        after = f.start >= end
        gap = f.start - end if after else max(offset - f.end, 0)
        return gap, (not after) if han else after
    return min(figures, key=key) if figures else None


# The end of a year or month named at an offset: 2018年, 2021, 6月, June, 第一季度, last year.
_MENTION_END = re.compile(r"(?:19|20)\d\d(?:[ \t]*年)?|\d{1,2}[ \t]*月(?:份)?|(?i:(?:first|second|third|fourth)[ -]quarter|(?:last|previous|prior) year|[A-Za-z]+)"
                          r"|第?[一二三四1-4]季度|[上下]半年")


def _clause_figures(fig, start: int, end: int, facts) -> list:
    lo, hi = _clause_bounds(fig, start, end, facts)
    return [f for f in facts.figures if lo <= f.start < hi and f.kind != "date"]


def _own_mentions(text: str, fig, mentions, start: int, end: int, facts) -> set[str]:
    """The tokens of the mentions in the figure's clause that belong to it rather than to a neighbour."""
    lo, hi = _clause_bounds(fig, start, end, facts)
    figures = _clause_figures(fig, start, end, facts)
    # (a mention that is itself a figure, 'the three months to December', belongs to the figures around it)
    return {t for o, t in mentions if lo <= o < hi and _owner(text, o, [f for f in figures if f.start != o]) is fig}


def _inherited(text: str, fig, mentions, start: int, end: int, facts) -> str:
    """The last token named before the figure in its sentence that it may take as its own: not one that belongs
    to a starting value of its clause (由2018年的69.11万人降至… leaves the figure after it no year)."""
    lo, _ = _clause_bounds(fig, start, end, facts)
    figures = _clause_figures(fig, start, end, facts)
    for o, t in reversed([(o, t) for o, t in mentions if o < fig.start]):
        owner = _owner(text, o, figures) if o >= lo else None
        if owner is None or not _is_baseline(text, owner, start, end):
            return t
    return ""


def claim_figures(claim_text: str) -> tuple:
    """The figures of a claim's text, read once per text: several scope rules ask for them."""
    return _claim_figures(claim_text)


@functools.lru_cache(maxsize=4096)
def _claim_figures(claim_text: str) -> tuple:
    return tuple(find_figures(claim_text))


def _outside_claimed_dates(claim_text: str, figure_texts, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The mentions not inside one of the claim's own date figures (a claimed 2024-12-07 names no year of scope)."""
    spans = [(f.start, f.end) for f in claim_figures(claim_text) if f.kind == "date"
             and any(t and t in f.text or f.text in t for t in figure_texts)]
    return [(o, t) for o, t in mentions if not any(a <= o < b for a, b in spans)]


def claim_periods(claim_text: str, figure_texts) -> frozenset[str]:
    """The months, quarters and halves a claim names outside its date figures."""
    if not claim_text:
        return frozenset()
    return frozenset(t for _, t in _outside_claimed_dates(claim_text, figure_texts, period_mentions(claim_text)))


def periods_differ(claimed: frozenset[str], found: frozenset[str], several: bool = False) -> bool:
    """Both name a month (or a quarter, or a half) and none is the same; or one names the full year (m1-12)
    and the other a half, a quarter or some months of it. (A claim of `several` figures names the periods of
    all of them, 'to 1.67 for the year, from 1.34 in the first half': a full-year figure may be one of them.)"""
    if "m1-12" in claimed and not found & claimed and any(t[0] in "mqh" for t in found):
        return True
    if "m1-12" in found and not found & claimed and any(t[0] in "mqh" for t in claimed) and not several:
        return True                      # the calendar year's $576.9 billion, for a claim of the fourth quarter
    for kind in "mqhy":
        a = {t for t in claimed if t[0] == kind}
        b = {t for t in found if t[0] == kind}
        if a and b and not a & b and "q" not in a | b:     # 'q': a quarter, which one unsaid, differs from none
            return True
    return False


# The words right before a percentage that make it a change (增长10.5%, grew 10.5%, up 3%) or a share
# (占…的58.3%, 占比48.2%, made up 10.26%, accounted for). 增至/rose to name the level reached: neither.
_HEDGE_GAP = (r"(?:达到了|达到|高达|已达|了|为|是|约|近|超过|逾|达|仅|"
              r"(?i:by|about|around|nearly|almost|over|more than|some|just|roughly|only))?\s*")
# Chinese verbs of a change that say its way and its size (大增四成, 略升1%, 萎缩5%): one list for role and way.
_ZH_RISES = "略升|微升|攀升|大增|激增|猛增|暴增"
_ZH_FALLS = "略降|微降|萎缩|大降|骤降"
_CHANGE_BEFORE = re.compile(
    r"(?:增长|增加|增幅|增速|上升|上涨|提高|提升|下降|下滑|下跌|减少|降低|回落|降幅|跌|涨|同比|环比|"
    + _ZH_RISES + "|" + _ZH_FALLS + "|"
    r"(?i:\b(?:grew|grow|grows|growing|growth(?: of)?|rose|rise|rises|risen|rising|(?<!made )(?<!make )(?<!makes )up|down|fell|fall|falls|fallen|"
    r"increased?|increases|decreased?|decreases|declined?|declines|jumped|jumps|dropped|drops|gained|gains|"
    r"climbed|climbs|surged|surges|plunged|slipped|shrank|expanded)))\s*" + _HEDGE_GAP + "$")
_SHARE_BEFORE = re.compile(r"(?:占[^，。；;]{0,16}的|占比|占|比重为?|份额为?|"
                           r"(?i:\b(?:accounted for|accounts for|account for|made up|makes up|make up|comprised|"
                           r"share of|share was|share is|share at)))\s*" + _HEDGE_GAP + "$")
_CHANGE_AFTER = re.compile(r"^\s*(?i:increase|decrease|rise|drop|decline|growth|gain|jump|year-on-year|yoy|"
                           r"higher|lower)\b")
_SHARE_AFTER = re.compile(r"^\s*(?i:of\s+(?!which|growth|increase)(?:all|the|its|their|total|[A-Z]\w*'s|\w+))")


def figure_role(text: str, fig_start: int, fig_end: int, start: int = 0, end: int | None = None) -> str:
    """'change', 'share' or '' for the percentage at text[fig_start:fig_end] (within text[start:end])."""
    end = len(text) if end is None else end
    before = text[max(start, fig_start - 24):fig_start]
    after = text[fig_end:min(end, fig_end + 24)]
    change = bool(_CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after))
    share = bool(_SHARE_BEFORE.search(before) or _SHARE_AFTER.match(after))
    return "change" if change and not share else "share" if share and not change else ""


# A count or sum that is the gap between two ('3,000 more responses than', 高出上海70.24亿元), not a level.
# ('more than 40' after a figure is the next figure's hedge, no difference.)
_DIFFERENCE_AFTER = re.compile(r"^[ \t]*(?:[A-Za-z-]+[ \t]+)?(?i:more|fewer|less|higher|lower|larger|smaller)\b"
                               r"[^.;,，。；\d]{0,40}?\bthan\b(?![ \t]*(?:about |around |nearly )?[\d$€£¥])")
_DIFFERENCE_BEFORE = re.compile(r"(?:(?:高出|多出|超出|(?<![提升])高了|(?<!增)多了|(?<!减)少了|(?<!降)低了|相差|差距为?|领先)"
                                r"[^，。；;！？\d]{0,6}"
                                r"|(?:比|较)[^，。；;！？]{0,24}?(?:高|低|多|少|贵|便宜)(?:了|出)?(?:约|近|大约)?)$")


def is_difference(text: str, fig_start: int, fig_end: int, start: int = 0, end: int | None = None) -> bool:
    """Is the figure at text[fig_start:fig_end] a difference between two values rather than a value?"""
    end = len(text) if end is None else end
    return bool(_DIFFERENCE_AFTER.match(text[fig_end:min(end, fig_end + 60)])
                or _DIFFERENCE_BEFORE.search(text[max(start, fig_start - 30):fig_start]))


def claim_is_difference(claim_text: str, figure_text: str) -> bool:
    at, end = in_claim(claim_text, figure_text)
    return at >= 0 and is_difference(claim_text, at, end)


# The way a change goes, from the verb right before its figure (the hedges of _HEDGE_GAP between).
# A sign written before the figure says the way too (同比+24.9%, -13.1%): _SIGN.
_UP = re.compile(r"(?:增长|增加|上升|上涨|提高|提升|增至|升至|涨|加快|扩大|回升|" + _ZH_RISES + "|"
                 r"(?i:\b(?:grew|grow|grows|growing|rose|rise|rises|risen|rising|(?<!made )(?<!make )(?<!makes )up|"
                 r"increased?|increases|jumped|jumps|gained|gains|climbed|climbs|surged|surges|expanded|accelerated|"
                 r"widened|added|adds|raised|boosted)))\s*" + _HEDGE_GAP + "$")
_DOWN = re.compile(r"(?:下降|下滑|下跌|减少|降低|回落|降至|减至|跌去|跌|放缓|收窄|缩小|" + _ZH_FALLS + "|"
                   r"(?i:\b(?:fell|fall|falls|fallen|down|decreased?|decreases|declined?|declines|dropped|drops|"
                   r"plunged|slipped|shrank|shrunk|lost|slowed|narrowed|reduced|reduces|cut|lowered|trimmed)))\s*"
                   + _HEDGE_GAP + "$")
# 'reduced the number of drives in service in Q1 by 648': the verb stands further back, the figure after 'by'.
_VERB_BY = re.compile(r"(?i:\b(?:(?P<up>increased|raised|boosted|added|grew|expanded)|(?P<down>reduced|cut|lowered|"
                      r"decreased|trimmed|shrank))\b[^.;:!?]{0,60}?\bby\s*$)")
_SIGN = re.compile(r"(?<![\d.,])([+＋])\s*$")


def direction(text: str, fig_start: int, start: int = 0, fig_end: int | None = None) -> str:
    """'up' (增长3.4%, rose 5%, a 5% rise), 'down' (下降3.4%, fell 5%, 跌去96%, a 13.1 percent decline) or '' for
    the figure at text[fig_start:fig_end]."""
    before = text[max(start, fig_start - 16):fig_start]
    up, down = bool(_UP.search(before)), bool(_DOWN.search(before))
    if not (up or down) and fig_end is not None and (text[fig_start:fig_start + 1] in "+＋" or _SIGN.search(before)):
        up = True                # 原材料成本39.55亿元(同比+24.9%): a plus sign is a rise
    if not (up or down) and fig_end is not None:
        after = text[fig_end:fig_end + 24]
        up, down = bool(_UP_AFTER.match(after)), bool(_DOWN_AFTER.match(after))
    if not (up or down):
        verb = _VERB_BY.search(text, max(start, fig_start - 90), fig_start)
        up, down = bool(verb and verb.group("up")), bool(verb and verb.group("down"))
    return "up" if up and not down else "down" if down and not up else ""


# 'a 5% rise', 'a 13.1 percent decline': the noun after the figure says the way.
_UP_AFTER = re.compile(r"[ \t]*(?i:percent|per cent|points?)?[ \t]*(?i:increase|rise|gain|jump|growth|surge)\b")
_DOWN_AFTER = re.compile(r"[ \t]*(?i:percent|per cent|points?)?[ \t]*(?i:decline|drop|decrease|fall|reduction|slump|"
                         r"contraction)\b")


def claim_direction(claim_text: str, figure_text: str) -> str:
    """The way the claim says its figure went, read from the number itself: a figure written with its verb
    (`figure: "declined 11.1%"`) says its way inside the figure."""
    at, end = in_claim(claim_text, figure_text)
    if at < 0:
        return ""
    own = claim_figures(figure_text)
    number = at + own[0].start if len(own) == 1 and claim_text[at:end] == figure_text else at
    return direction(claim_text, number, 0, end)


def claim_role(claim_text: str, figure_text: str) -> str:
    """The role the claim gives its percentage ('Exports grew 58.3%' -> 'change')."""
    at, end = in_claim(claim_text, figure_text)
    return figure_role(claim_text, at, end) if at >= 0 else ""


def in_claim(claim_text: str, figure_text: str) -> tuple[int, int]:
    """Where the claim text writes one of its figures: as given, else the figure of the same value however it
    is written there (figures: ['¥76 million'] for '…from 76 million yuan'); (-1, -1) when it does not."""
    at = claim_text.find(figure_text) if figure_text else -1
    if at >= 0:
        return at, at + len(figure_text)
    wanted = claim_figures(figure_text) if figure_text else ()
    if len(wanted) != 1:
        return -1, -1
    same = [f for f in claim_figures(claim_text) if (f.low, f.high) == (wanted[0].low, wanted[0].high)
            and (f.kind, f.unit) == (wanted[0].kind, wanted[0].unit)]
    return (same[0].start, same[0].end) if len(same) == 1 else (-1, -1)


_SEGMENT_BREAK = re.compile(r"[、，,；;。！!？?\[\]【】|]|<br\s*/?>|\s(?:and|or|while|but|whereas|versus|vs\.?)\s")


def _same_kind(facts, kind: str) -> list:
    """The sentence's figures of one kind (computed once per sentence and kind): a figure's own words reach
    to its neighbours of that kind, not past a resolution or a model size between them (60 分钟（4K）)."""
    if kind not in facts.by_kind:
        facts.by_kind[kind] = [f for f in facts.figures if f.kind == kind]
    return facts.by_kind[kind]


def _label(text: str, fig, start: int, end: int, figures=()) -> str:
    """The words right at a figure, within its list item or clause: up to three English words before and two
    after, or the Chinese characters back to the previous list mark and a few after. Given the sentence's
    `figures`, not past a neighbouring figure either: the words that are the figure's own ('80W 有线快充和 50W
    无线快充': 有线快充 for 80W, 无线快充 for 50W)."""
    previous_end, next_start = start, end
    if figures:
        at = bisect.bisect_left(figures, fig.start, key=lambda f: f.start)
        previous_end = figures[at - 1].end if at > 0 else start
        following = [f.start for f in figures[at:at + 2] if f.start > fig.start]
        next_start = following[0] if following else end
    breaks_before = list(_SEGMENT_BREAK.finditer(text, max(start, previous_end, fig.start - 40), fig.start))
    left = breaks_before[-1].end() if breaks_before else max(start, previous_end, fig.start - 40)
    after = _SEGMENT_BREAK.search(text, fig.end, min(end, next_start, fig.end + 30))
    right = after.start() if after else min(end, next_start, fig.end + 30)
    before, behind = text[left:fig.start], text[fig.end:right]
    if not re.search(r"[\u3400-\u9fff]", before + behind):
        before = " ".join(before.split()[-3:])
        behind = " ".join(behind.split()[:2])
    else:                            # never cut a Latin word in two (个 ONNX Op, not 个 onn)
        cut = before[-12:]
        if len(before) > 12 and before[-13].isascii() and before[-13].isalnum():
            cut = re.sub(r"^[A-Za-z0-9]+", "", cut)
        before, behind = cut, behind[:6] + re.match(r"[A-Za-z0-9]*", behind[6:]).group()
    return before + _LABEL_JOIN + behind


_LABEL_JOIN = " \u2063 "        # between a label's words before the figure and after it (an invisible separator)


def year_mentions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, 'YYYY') of each year named in text[start:end]: 2021年, FY2021, in 2021, 2021-06."""
    end = len(text) if end is None else end
    out = {}
    for pattern in (_YEAR, _YEAR_BEFORE):
        for m in pattern.finditer(text, start, end):
            group = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
            out.setdefault(m.start(group), m.group(group))
    for m in _YEAR_SHORT.finditer(text, start, end):
        group = 1 if m.group(1) else 2
        out.setdefault(m.start(group), "20" + m.group(group))
    return sorted(out.items())


def _own_years(doc, found, start: int, end: int, slot, cell, facts) -> frozenset[str]:
    """The years a figure's own slot, span, cell or sentence gives it."""
    fig = found.figure
    if fig.kind == "date":
        return frozenset()
    text = doc.prose
    if slot is not None and not slot[2]:         # a later list's year is its own clause's
        own = slot[0]
        in_slot = {y for _, y in year_mentions(text, *own)}
        if in_slot:
            return frozenset(in_slot)
    spread = _year_of_span(doc, found, start, facts)
    if spread:
        return frozenset({spread})
    if cell is not None:
        labelled = {y for _, y in year_mentions(f"{cell.row_label} {cell.col_header}")}
        if labelled:
            return frozenset(labelled)
    mentions = [(o, y) for o, y in facts.years if not fig.start <= o < fig.end
                and not _COMPARED_WITH.search(text, max(start, o - 24), o)]
    if mentions:
        own = _own_mentions(text, fig, mentions, start, end, facts)
        if own:
            return frozenset(own)
        inherited = _inherited(text, fig, mentions, start, end, facts)
        if inherited:
            return frozenset({inherited})
    return frozenset()


def _years_around(doc, found, start: int, headings) -> frozenset[str]:
    """The years of a figure whose sentence names none: 该年 (the year just named before), else the headings'."""
    fig, text = found.figure, doc.prose
    if fig.kind == "date":
        return frozenset()
    before = _THAT_YEAR.search(text, start, fig.start)
    if before and found.sentence > 0:            # 早在2019年，…。该年，精英动漫实现营业收入1.24亿元: the year just named
        named = year_mentions(text, *doc.sentences[found.sentence - 1])
        if named:
            return frozenset({named[-1][1]})
    for heading in reversed(headings):
        named = {y for _, y in year_mentions(heading)}
        if named:
            return frozenset(named)
    return frozenset()


def publication_year(doc) -> str:
    """The year a document was written: that of the first full date in its opening (front matter's date, a
    dateline, a blog path 2017/09/05), what 'this year', 'now' and 'last year' count from. A title's year is no
    such date: a 2022 article ranks 2021's sales. '' when the opening gives no full date."""
    if "_publication_year" not in doc.__dict__:
        found = _FULL_DATE.search(doc.prose, 0, _OPENING_CHARS)
        doc.__dict__["_publication_year"] = next(g for g in found.groups() if g) if found else ""
    return doc.__dict__["_publication_year"]


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)"
                        rf"|\b\d{{1,2}} {_MONTH_WORD} ((?:19|20)\d\d)\b|\b{_MONTH_WORD} \d{{1,2}}, ((?:19|20)\d\d)\b"
                        r"|((?:19|20)\d\d)年\d{1,2}月\d{1,2}日")
_OPENING_CHARS = 600
_THAT_YEAR = re.compile(r"该年|当年|同年|(?i:\b(?:that|the same) year\b)")


# Words that make a figure a target, forecast or expectation rather than what happened.
_EXPECTED_ZH = re.compile(r"预计|预期|目标|计划|预测|有望|力争|指引|展望|期望|预估|规划")
_EXPECTED_EN = re.compile(r"(?i:\b(?:expect(?:s|ed|ing|ations?)?|forecasts?|forecasted|targets?|targeted|goals?|"
                          r"plan(?:s|ned)?|projected|projections?|guidance|guid(?:e|es|ed|ing)|outlook|anticipat(?:e|es|ed|ing)|"
                          r"consensus|aims? (?:for|to)|will|would)\b)")


def _is_expected(text: str, fig, start: int, end: int, facts) -> bool:
    """A target or forecast word right at the figure, within its clause: up to ten characters (five English words)
    before it, six characters (three words) after."""
    lo, hi = _clause_bounds(fig, start, end, facts)
    before, after = text[max(lo, fig.start - 40):fig.start], text[fig.end:min(hi, fig.end + 30)]
    if _EXPECTED_ZH.search(before[-10:] + " " + after[:6]):
        return True
    words_before = " ".join(before.split()[-5:]) if not re.search(r"[\u3400-\u9fff]", before[-10:]) else ""
    if _EXPECTED_EN.search(words_before + " " + " ".join(after.split()[:3])):
        return True
    return bool(_EXPECTS_TO.search(text, lo, fig.start))    # Ryanair expects its traffic to reach 200 million (+9%)


# A verb of expecting whose object clause holds the figure: 'expects its fiscal 2025 traffic to reach …'.
_EXPECTS_TO = re.compile(r"(?i:\b(?:expects?|expected|forecasts?|projects?|projected|anticipates?|predicts?|"
                         r"targets?)\b[^.;:!?]{0,80}?\bto\s+(?:reach|hit|be|rise|grow|climb|fall|drop|top|exceed|"
                         r"increase|decrease|total)\b)")


def claim_expects(claim_text: str) -> bool:
    """Does the claim speak of a target, forecast or expectation anywhere?"""
    return bool(_EXPECTED_ZH.search(claim_text) or _EXPECTED_EN.search(claim_text))


_PART = re.compile(r"其中")
_AMONG = re.compile(r"[ \t\u3000]*[\u3400-\u9fff]{2,16}中[，,]")    # a sentence that opens 'among X,'...
# '3,205 of the responses', '5 of our 12 models': a count of part of what the words after it count.
_PART_OF = re.compile(r"\s+(?i:of)\s+(?i:the|all|our|their|its|these|those|them|which)\b")


def part_of(text: str, end: int, limit: int | None = None) -> bool:
    """Is the count ending at `end` followed by 'of the …' (a part of a whole, not the whole)?"""
    return bool(_PART_OF.match(text, end, len(text) if limit is None else limit))


def _part(doc, found, start: int) -> str:
    """The words that name a part (其中…) and are not the whole's: the characters after the last 其中 before the
    figure that no two-character word of the text before it (this sentence's, the previous one's) covers."""
    text, fig = doc.prose, found.figure
    marks = list(_PART.finditer(text, start, fig.start))
    among = _AMONG.match(text, start, fig.start)        # 高技术服务业中，电子商务服务业、检验检测服务业…分别增长
    if among and not marks:
        marks = [among]
    if not marks:
        return ""
    mark = marks[-1]
    before_start = doc.sentences[found.sentence - 1][0] if found.sentence > 0 else start
    whole = text[before_start:mark.start()]
    name = text[mark.end():fig.start]
    shared = {whole[i:i + 2] for i in range(len(whole) - 1)}
    covered = [False] * len(name)
    for i in range(len(name) - 1):
        if name[i:i + 2] in shared:
            covered[i] = covered[i + 1] = True
    own = "".join(ch if not c and "\u3400" <= ch <= "\u9fff" else " " for ch, c in zip(name, covered))
    return " ".join(own.split())


def _compared_object(text: str, fig, start: int) -> str:
    """The words naming the value a figure is measured against (低于A轮的 -> A轮的), or ''."""
    before = text[max(start, fig.start - 40):fig.start]
    found = _COMPARED_OBJECT_ZH.search(before) or _COMPARED_OBJECT_EN.search(before)
    return found.group() if found else ""


def _is_baseline(text: str, fig, start: int, end: int) -> bool:
    before = text[max(start, fig.start - 40):fig.start]
    if (_BASELINE_EN.search(before) or _PREVIOUS_EN.search(before) or _PREVIOUS_ZH.search(before)
            or _COMPARED_OBJECT_ZH.search(before) or _COMPARED_OBJECT_EN.search(before)):
        return True
    if _BASELINE_ZH_BEFORE.search(before) and _BASELINE_ZH_AFTER.match(text[fig.end:min(end, fig.end + 12)]):
        return True
    return False


_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)[ \t]*(?:年)?[ \t]*[-—–~至到][ \t]*((?:19|20)\d\d)(?![\d.%])")


def _year_of_span(doc, found, start: int, facts) -> str:
    """2018-2021年…收入分别为4.53亿元，5.48亿元，5.30亿元，6.61亿元: one value per year of the span, in
    order, when the 分别 / respectively list has exactly as many values as the span has years. The span may
    stand in the sentence before, in the same paragraph (2019年~2021年，…。其中，…占比分别为39.6%、55.1%及51.9%)."""
    text, fig = doc.prose, found.figure
    zh, en = facts.respectively
    marker = zh if zh >= 0 else en
    if marker < 0:
        return ""
    same_kind = [f for f in facts.figures if f.kind == fig.kind]
    if zh >= 0:
        values = _run(text, [f for f in same_kind if f.start > marker])
    else:
        values = [f for f in same_kind if f.end <= marker]
        values = _run(text, values[-_tail(text, values):]) if values else []
    if fig not in values:
        return ""
    head_end = marker if zh >= 0 else (values[0].start if values else marker)
    spans = list(_YEAR_SPAN.finditer(text, start, head_end))
    if not spans and found.sentence > 0:
        before, _ = doc.sentences[found.sentence - 1]
        if "\n\n" not in text[before:start] and not year_mentions(text, start, head_end):
            spans = list(_YEAR_SPAN.finditer(text, before, start))
    if not spans:
        return ""
    first, last = int(spans[-1].group(1)), int(spans[-1].group(2))
    if last - first + 1 != len(values) or last <= first:
        return ""
    return str(first + values.index(fig))


def claim_is_baseline(claim_text: str, figure_text: str) -> bool:
    """Does the claim give its figure as where a change started ("up from 48.8%")?"""
    at, _ = in_claim(claim_text, figure_text)
    if at < 0:
        return False
    before = claim_text[max(0, at - 40):at]
    return bool(_BASELINE_EN.search(before) or _VERSUS.search(before) or _BASELINE_ZH_BEFORE.search(before)
                or _PREVIOUS_EN.search(before)
                or _PREVIOUS_ZH.search(before) or _COMPARED_OBJECT_ZH.search(before)
                or _COMPARED_OBJECT_EN.search(before))


def _slot(doc, found, start: int, end: int, facts):
    """((own subject start, end), [other subjects' spans], in a later list) when the figure is one value of a
    分别 / respectively list whose subjects can be paired with its values one to one; else None."""
    zh, en = facts.respectively
    if zh < 0 and en < 0:
        return None
    nearest = doc.prose.rfind(_RESPECTIVELY_ZH, start, found.figure.start)
    if zh >= 0 and nearest > zh:     # a sentence of two lists (金额…分别以…；面积…分别以76.06万平…): its own 分别 first
        own = _slot_at(doc, found, start, facts, nearest, en)
        if own is not None and not any(f.kind != "date" for a, b in (own[0], *own[1]) for f in figures_between(doc, a, b)):
            return own                   # (its subjects are names, not the first list's values)
    return _slot_at(doc, found, start, facts, zh, en)


def _slot_at(doc, found, start: int, facts, zh: int, en: int):
    """_slot, for the 分别 at `zh` (or the 'respectively' at `en` where zh < 0)."""
    text = doc.prose
    fig = found.figure
    same_sentence = [f for f in facts.figures if f.kind == fig.kind]
    if zh >= 0:
        marker = zh
        values = [f for f in same_sentence if f.start > marker]
        values = _run(text, values)
        head_end = marker
    else:
        marker = en
        values = _run(text, [f for f in same_sentence if f.start < marker])
        values = [f for f in values if f.end <= marker]
        if values:
            values = _run(text, values[-_tail(text, values):])
        head_end = values[0].start if values else marker
    if len(values) < 2:
        return None
    later = fig not in values
    if later:                        # 内地和海外…分别为5.8%和4.5%，…上升至12.0%和9.2%: a later list as long keeps the order
        run = next((r for r in _runs(text, [f for f in same_sentence if f.start >= values[-1].end]) if fig in r), [])
        if zh < 0 or len(run) != len(values):
            return None
        values = run
    clause_start = max([start] + [m.end() for m in re.finditer(r"[。；;！？!?]", text[start:head_end])])
    subjects = _trailing_subjects(text, values[-1].end, marker, len(values)) if zh < 0 and not later else None
    subjects = subjects or _subjects(text, clause_start, head_end, len(values))
    if subjects is None:
        return None
    i = values.index(fig)
    return subjects[i], [s for k, s in enumerate(subjects) if k != i], later


def _trailing_subjects(text: str, start: int, end: int, count: int):
    """English that names its items after the values: '2.0% and 1.9% at the two and three-year horizons
    respectively'. The items written in text[start:end], as spans, where there are exactly `count`; else None."""
    if not re.search(r"[A-Za-z]{2}", text[start:end]):
        return None
    spans = [(a, b) for a, b in _split(text, start, end, _JOINER) if text[a:b].strip(" ,")]
    return spans if len(spans) == count else None


def _runs(text: str, values: list) -> list[list]:
    """`values` cut into lists joined by list punctuation (12.0%和9.2%)."""
    runs = []
    while values:
        run = _run(text, values)
        runs.append(run)
        values = values[len(run):]
    return runs


def _run(text: str, values: list) -> list:
    """The values from the first on that follow one another with only list punctuation between them."""
    out = []
    for f in values:
        if out and not _LIST_JOINER.fullmatch(text[out[-1].end:f.start]):
            break
        out.append(f)
    return out


def _tail(text: str, values: list) -> int:
    """How many of `values`, counted from the last, are joined as one list."""
    n = 1
    for a, b in zip(values[-2::-1], values[:0:-1]):
        if not _LIST_JOINER.fullmatch(text[a.end:b.start]):
            break
        n += 1
    return n


# (A unit the engine does not read may follow each value: 76.06万平、68.31万平和54.56万平.)
_LIST_JOINER = re.compile(r"[\u4e00-\u9fff]?\s*(?:[、，,/;；]|和|与|及|以及|(?i:and|,\s*and))\s*")


def _subjects(text: str, start: int, end: int, count: int):
    """The last `count` items of the list written in text[start:end], as spans (the last without the noun
    after its 的, which all share); None unless there are at least `count` items. Where 、 alone gives as many
    items as values, 和 and 及 join words inside an item. Items joined by 和、与 in one
    comma-free stretch come first (在健身 App 市场和健身设备市场，给出的市场份额数据分别为: not the last stretch)."""
    stretches = _split(text, start, end, _STRETCH_BREAK)
    for a, b in reversed(stretches):
        spans = _split(text, a, b, _ENUMERATION)
        if len(spans) == count:          # 计算机及办公设备制造业、航空航天器及设备制造业: 、 parts the items, 及 joins
            break                        # words inside one
        spans = _split(text, a, b, _JOINER)
        if len(spans) >= count:
            break
    else:
        spans = _split(text, start, end, _LIST_SPLIT)
    if len(spans) < count:
        return None
    spans = _parallel(text, spans[-count:])
    a, b = spans[-1]
    shared = text.rfind("的", a, b)        # 内地和海外市场的抽佣率: 抽佣率 is every item's, not the last one's
    if shared > a:
        spans[-1] = (a, shared)
    else:                                 # 计算机…制造业、航空航天器及设备制造业投资同比: the last item ends as the first
        ending = text[spans[0][1] - 2:spans[0][1]]    # does (制造业); 投资同比 after it is every item's
        cut = text.rfind(ending, a, b) if len(ending) == 2 and "\u3400" <= ending[0] <= "\u9fff" else -1
        if cut > a and cut + 2 < b:
            spans[-1] = (a, cut + 2)
    return spans


def _parallel(text: str, spans: list) -> list:
    """Chinese list items are alike in length: with middle items to measure by, the first item loses the words
    before its own (1月份我国|东部) and the last those after (西部|地区实际使用外资同比), which every item shares;
    of two items, the first measures the last."""
    if len(spans) < 2 or not all(_HAN_ONLY.fullmatch(text[a:b].strip()) for a, b in spans):
        return spans
    words = [_dictionary_words(text[a:b].strip()) for a, b in spans]
    if None in words:
        return spans
    k = len(words[0]) if len(spans) == 2 else max(len(w) for w in words[1:-1])
    (a0, b0), (a1, b1) = spans[0], spans[-1]
    first = a0 if len(spans) == 2 else text.rindex("".join(words[0][-k:]), a0, b0)
    last = "".join(words[-1][:k])
    start = text.index(last, a1, b1)
    return [(first, b0), *spans[1:-1], (start, start + len(last))]


@functools.lru_cache(maxsize=4096)
def _dictionary_words(item: str) -> tuple[str, ...] | None:
    """A list item cut into CC-CEDICT words, once per item text (every figure of its list asks); None without a
    dictionary."""
    from .lexicon import lexicon
    found = lexicon()
    return tuple(found.segment(item)) if found is not None else None


_HAN_ONLY = re.compile(r"[\u3400-\u9fff]+")
_STRETCH_BREAK = re.compile(r"[，,；;：:]")
_ENUMERATION = re.compile(r"[、/]")
_JOINER = re.compile(r"[、/]|以及|和|与|及|或|(?i:\band\b|\bor\b)")
_LIST_SPLIT = re.compile(r"[，,]|" + _JOINER.pattern)


def _split(text: str, start: int, end: int, pattern) -> list[tuple[int, int]]:
    """The non-blank spans of text[start:end] between matches of `pattern`."""
    spans, last = [], start
    for m in pattern.finditer(text, start, end):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def claim_years(claim_text: str, figure_texts) -> frozenset[str]:
    """The years a claim names outside its date figures ('revenue in 2021 was ...')."""
    if not claim_text:
        return frozenset()
    return frozenset(y for o, y in _outside_claimed_dates(claim_text, figure_texts, year_mentions(claim_text))
                     if not _COMPARED_WITH.search(claim_text, max(0, o - 24), o))


# "0.04 points lower than in 2000-2010", 比2019年增长: the year of what the claim is compared with, not its own.
_COMPARED_WITH = re.compile(r"(?:\bthan|\bcompared (?:with|to)|\bversus|\bvs\.?|比|较|相比|"
                            r"\b(?:from|over|on) (?:its|their))\s*(?:in\s+|the\s+)?"    # up 27% from its 2003 …
                            r"(?:(?:19|20)\d\d\s*(?:年)?\s*[-–—~至到]\s*)?$")
