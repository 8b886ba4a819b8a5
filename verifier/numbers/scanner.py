"""Find figures in text: the grammar that ties numbers, ranges and hedges together.

`scan(text, lenient)` normalizes the text (normalize.py), looks for places where a figure can start
(patterns.TRIGGER), tries patterns.MASTER there, and composes each figure in small steps (`_compose`):
the number and what is glued to it (side.py), the hedge and currency before it (超过, 近, at least, ¥), the
range, shared unit or denominator after it (joins.py), the hedge after it (左右, 以上, or more), the
qualifier and interval these leave, and whether running text counts it at all (weak.py). Passes over the
figures then join neighbours that are one figure (passes.py). Three short cuts keep every reading: the text
up to the next trigger is read in one match that also passes over the links and names MASTER would only skip
(patterns.SKIM), at a digit whose next character starts no other alternative patterns.PLAIN_NUMBER stands in
for MASTER, and a bare number or percentage with nothing around it is read at once (`_plain`);
tests/test_scanner_fast.py checks each against the long way. Where a new form belongs:
a word -> lexicon.py; a numeral spelling -> zh.py, en.py, vague.py; something glued after a number ->
side.AFTER_NUMBER or units.READERS; a second number joined to the first -> joins.py; two figures that are
one -> passes.py; a number that is no figure -> weak.py or patterns.SKIP; a date -> dates.py.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from . import patterns as P
from .dates import read_date
from .figure import Figure, figure
from .joins import Extent, extent, is_year
from .lexicon import (
    CLASSIFIER_CHARS, COMPARE_AFTER, CURRENCY_BEFORE, NAMED_QUANTITIES, ONE_WORD_AFTER, ONE_WORD_BEFORE, ROUND_SCALES,
    ZH_NUMERAL_WORDS,
)
from .normalize import normalize
from .passes import after_scan
from .qualifiers import PREFIX_LOOKUP, SUFFIX_FIRST_CHARS, SUFFIX_LOOKUP, SUFFIX_RE, bounds, lookup
from .side import Side, Skip, peek, read_side
from .weak import is_weak, names_before
from .zh import NumeralError, read_numeral

_ONE = Decimal(1)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ALNUM = re.compile(r"[A-Za-z0-9.\-]*")
_BACKWALK = set("-+.(（ \t")
_CHAIN_GAP = re.compile(r"(?:[ \t-]|(?i:and|point|over|of|in|out|a|an)(?![A-Za-z]))*")
_SKIPPED = ("skip", "ordinal", "name")


def scan(text: str, lenient: bool = False) -> list[tuple[Figure, bool]]:
    """Every figure in text with a 'weak' flag (True: running text would not count it)."""
    norm = normalize(text)
    out: list[tuple[Figure, bool]] = []
    pos = 0
    prev_end = 0
    chain_end = -1          # end of a number-word chain too long to be a figure
    n = len(norm)
    while pos < n:
        m = _next_match(norm, pos, lenient, chain_end < 0)
        if not m:
            break
        kind = m.lastgroup
        if kind == "en" and chain_end >= 0 and _CHAIN_GAP.fullmatch(norm, chain_end, m.start()):
            pos = chain_end = m.end()      # the rest of the chain, read one bounded chunk at a time
            continue
        chain_end = -1
        if kind in _SKIPPED:
            pos = m.end()
            continue
        if kind in _WITHOUT_NUMERAL:
            out += _WITHOUT_NUMERAL[kind](text, m)
            pos = prev_end = m.end()
            continue
        try:
            found = _compose(norm, text, m, lenient, prev_end)
        except Skip as sk:
            pos = max(sk.end, m.end()) if sk.end > m.start() else m.end()
            if sk.chain:
                chain_end = pos
            continue
        out.append(found)
        pos = prev_end = found[0].end
    return after_scan(norm, text, out)


# --- figures read whole by one pattern: dates, named quantities, 'past year' ------------------------------

def _date(text: str, m) -> list[tuple[Figure, bool]]:
    iso, is_range = read_date(m)
    return [(Figure(text[m.start():m.end()], m.start(), m.end(), "date", "", None, None,
                    "range" if is_range else "exact", date=iso), False)]


def _named(text: str, m) -> list[tuple[Figure, bool]]:
    """absolute zero, 绝对零度: a value named without a numeral (lexicon.NAMED_QUANTITIES)."""
    k, unit, v = NAMED_QUANTITIES[" ".join(m.group().lower().split())]
    return [(Figure(text[m.start():m.end()], m.start(), m.end(), k, unit, Decimal(v), Decimal(v)), False)]


def _past(text: str, m) -> list[tuple[Figure, bool]]:
    """'past year' / 'past decade' is a duration of one year / ten years."""
    unit = m.group("past_unit").lower()
    v = Decimal(10) if unit == "decade" else _ONE
    return [(Figure(text[m.start():m.end()], m.start(), m.end(), "duration",
                    "year" if unit == "decade" else unit, v, v), False)]


def _dimensions(text: str, m) -> list[tuple[Figure, bool]]:
    """1920x1080: a count for each side, so that either can meet a claim; the x multiplies nothing."""
    return [(Figure(text[m.start(g):m.end(g)], m.start(g), m.end(g), "count", "", Decimal(m.group(g)),
                    Decimal(m.group(g))), False) for g in ("da", "db", "dc") if m.group(g)]


_WITHOUT_NUMERAL = {"date": _date, "named": _named, "past": _past, "dims": _dimensions}


# --- where a figure can start -------------------------------------------------------------------------

def _plain_case(word: str) -> bool:
    """zero, Zero, ZERO spell a number; ZeRO (the optimizer) is a name that contains one."""
    return word.islower() or word.isupper() or word.istitle()


def _next_match(norm: str, pos: int, lenient: bool, skim: bool = True):
    """The next MASTER match at or after pos, tried only where a figure can start; with skim, links and names
    (patterns.SKIM) are passed over without being returned (the scanner would skip them; a chain of number words
    reads them itself)."""
    n = len(norm)
    while pos < n:
        if pos and norm[pos] in _ASCII_LETTERS and norm[pos - 1] in _ASCII_LETTERS:
            t = P.TRIGGER.search(norm, pos)           # resuming inside a word: its rest is a word
            span = t and t.span()
        elif skim:
            sm = P.SKIM[lenient].match(norm, pos)
            pos = max(pos, sm.end("skimmed"))           # what a number looks back to, as if each was skipped
            span = _trigger_at(norm, sm.end())
        else:
            t = P.TRIGGER_WORD_START.search(norm, pos)
            span = t and t.span()
        if not span:
            return None
        start, end = span
        if norm[start] in _ASCII_LETTERS:
            m = P.MASTER[lenient].match(norm, start) if _may_start(norm, start, end) else None
        else:
            m = _match_numeral(norm, pos, start, lenient)
        if m is not None and m.end() > m.start():
            return m
        pos = end
    return None


def _trigger_at(norm: str, start: int) -> tuple[int, int] | None:
    """The span of the trigger SKIM stopped before: a digit or numeral character by itself, or the trigger word
    found from there (SKIM stops at one)."""
    if start >= len(norm):
        return None
    if norm[start] in _ASCII_LETTERS:
        t = P.TRIGGER_WORD_START.search(norm, start)
        return t and t.span()
    return start, start + 1


def _may_start(norm: str, start: int, end: int) -> bool:
    """A word starts a figure when it is a number word, a month or weekday, a name with digits (GPT-4) or
    'a'/'an' before a scale ('a million')."""
    word = norm[start:end]
    nxt = norm[end] if end < len(norm) else ""
    return ((word.lower() in P.START_WORDS and _plain_case(word)) or word in P.CAP_WORDS
            or nxt.isdigit() or (nxt in "-+" and norm[end + 1:end + 2].isdigit())
            or (word in ("a", "an", "A", "An") and bool(P.A_BEFORE_SCALE.match(norm, end))))


def _match_numeral(norm: str, pos: int, start: int, lenient: bool):
    """MASTER at a digit or Chinese numeral, or up to three characters before it: a sign or point (-.5,
    - 1,200,000, (1))."""
    m = None
    k = 0
    spaces = True               # the characters walked back over are spaces or tabs only
    while k < 3 and start - k - 1 >= pos and norm[start - k - 1] in _BACKWALK:
        k += 1
        spaces = spaces and norm[start - k] in " \t"
    if spaces and not lenient and "0" <= norm[start] <= "9":
        m = P.PLAIN_NUMBER.match(norm, start)     # nothing before it is tried: MASTER would find this
        if m is not None:
            return m
    while k > 0 and (m is None or m.end() <= start):
        if norm[start - k] not in " \t":
            m = P.MASTER[lenient].match(norm, start - k)
        k -= 1
    if m is None or m.end() <= start:
        m = P.MASTER_AT[lenient, "digit" if norm[start].isdigit() else "cjk"].match(norm, start)
    return m


# --- composing one figure -----------------------------------------------------------------------------

class _Before(NamedTuple):
    """What the words before a number say: how far before it the figure starts, its hedge, and the marks that
    matter later."""

    width: int = 0                # the hedge and currency sign belong to the figure's text
    q: str | None = None          # the hedge's qualifier: 超过 -> more_than
    between: bool = False         # between / 从 / 在 ... 之间: 'and' may join a range
    bi: bool = False              # 比: a comparison word may follow (比三十大)
    cur: str | None = None        # the currency sign or code before it


_NO_WORDS = _Before()


def _compose(norm: str, text: str, m, lenient: bool, prev_end: int) -> tuple[Figure, bool]:
    """The figure that starts with match m, and whether it is weak."""
    plain = None if lenient else _plain(norm, text, m, prev_end)
    if plain is not None:
        return plain
    _refuse_numeral_word(norm, m)
    first = read_side(norm, m, lenient)
    first, before = _hedge_before(norm, first, prev_end)
    ext = extent(norm, first, lenient, before.between)
    end, q_suf, compared = _hedge_after(norm, ext.end, ext.kind, before.bi)
    level = q_suf == "approx" and norm[ext.end:end].strip() in ("级", "級") and not first.big_scale and not ext.unit
    if level:
        q_suf = None                 # 6 级容灾, 二级: a level, exact (and a figure); 百亿级 is a scale, about
    start, q_pre, q_suf = _settle_hedges(norm, first, before, ext, end, q_suf, compared)
    q = _qualifier(first, ext, q_pre, q_suf)
    low, high, low_open, high_open = _interval(first, ext, q, q_pre)
    kind, date = ext.kind, ""
    if _bare_year(norm, first, ext, q, start, end):
        kind, date, low, high = "date", first.run, None, None         # a bare year: 2024 T-EDGE
    _refuse_glued(norm, first, ext, end)
    weak = is_weak(norm, first, end, kind, ext.unit, ext.is_range, q_pre is not None or q_suf is not None or level)
    return figure(text[start:end], start, end, kind, ext.unit, _clean(low), _clean(high), q, low_open, high_open,
                  date), weak


# After a bare number, characters that start no unit, scale, join, hedge or classifier (tests check each
# against the full path): a table cell's '|', the end of a line or a clause, markup and code ('&nbsp;', '\', '`', '=').
_QUIET_AFTER = frozenset("|\n\r<*,)]}\".:;!?，。；：！？）】」』”\\&`'=") | {""}
_PLAIN_RUN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")


def _plain(norm: str, text: str, m, prev_end: int) -> tuple[Figure, bool] | None:
    """A bare number or percentage with nothing around it (most numbers in tables, many in news), read at once;
    None sends it the long way.

    Every step of _compose leaves such a number as it is: only whether it is a year (1,938 too) and the words
    before it (a name: iPhone 15) decide; a hedge, currency or other word before it goes the long way."""
    if m.lastgroup != "num" or m.group("sign"):
        return None
    run = m.group("run")
    start, end = m.span()
    nxt = peek(norm, end)
    if nxt == "%":
        end = norm.index("%", end) + 1          # 12.5%, 12.5 %: the unit, and nothing after it
        nxt = peek(norm, end)
    if nxt not in _QUIET_AFTER or not _PLAIN_RUN.fullmatch(run) or _prefix(norm, start, prev_end):
        return None
    run = run.replace(",", "")
    try:
        v = _clean(read_numeral(run).lo)
    except NumeralError:
        return None
    if norm[end - 1] == "%":
        return figure(text[start:end], start, end, "percent", "%", v, v), False
    if len(run) == 4 and run.isdigit() and 1900 <= v <= 2099:
        return figure(text[start:end], start, end, "date", "", None, None, date=run), False     # _bare_year
    return figure(text[start:end], start, end, "count", "", v, v), names_before(norm, start, run)


def _refuse_numeral_word(norm: str, m) -> None:
    """百度, 十分, 统一, 下一代, 一点, 一度: a numeral character that starts or is part of a word."""
    run = m.group("run")
    if run is None or m.group("sign") or run[0].isascii():
        return                      # each word starts with a Chinese numeral
    i = m.start("run")
    if norm.startswith(ZH_NUMERAL_WORDS, i) and norm[i + 2:i + 3] != "之":   # 十分之一 is a fraction
        raise Skip(i + 2)
    if run in ("一", "壹"):
        j = m.end("run")
        if (i > 0 and norm[i - 1] in ONE_WORD_BEFORE) or (j < len(norm) and norm[j] in ONE_WORD_AFTER):
            raise Skip(j)


def _refuse_glued(norm: str, first: Side, ext: Extent, end: int) -> None:
    """5G, 4o, 3D, 9bfada59: digits glued to letters are a name or a code; MMLU(5-shot) names a setting."""
    if (not first.words and not first.has_unit_word and not ext.is_range and end < len(norm)
            and norm[end].isascii() and norm[end].isalpha() and first.scale is None):
        raise Skip(_ALNUM.match(norm, first.start).end())
    if ext.kind == "count" and not ext.unit and P.SETTING_AFTER.match(norm, end):
        raise Skip(end)                # a setting of the benchmark, never a value, unit or scale


def _settle_hedges(norm: str, first: Side, before: _Before, ext: Extent, end: int, q_suf: str | None,
                   compared: bool) -> tuple[int, str | None, str | None]:
    """(start, prefix qualifier, suffix qualifier) once the words on both sides are known."""
    start, q_pre = first.start - before.width, before.q
    if q_pre == "nearly" and _past_years(norm, ext, start, end):
        q_pre = None        # 近两年来 is 'in the past two years' (exact), not 'nearly two years' (近两年)
    if before.bi and not compared and q_pre is None and before.cur is None:
        start = first.start             # 比 without 大/小 after the number is not ours
    if first.inclusive and q_suf in ("more_than", "less_than"):
        q_suf = "at_least" if q_suf == "more_than" else "at_most"      # 50万元（含）以上
    # 'up to 9000+' is at least 9000: the + is the number's own bound, 'up to' only says that 9000+ is the
    # top of the scale.
    if q_pre == "exact" or (q_pre == "up_to" and (first.plus or q_suf == "at_least")):
        q_pre = None
    if q_pre == "approx" and first.more and not ext.is_range:
        q_pre = None            # 大约十多 is 10-something already: 'about' adds nothing to 多
    return start, q_pre, q_suf


def _past_years(norm: str, ext: Extent, start: int, end: int) -> bool:
    """近 + a duration + 来/以来: the past N years."""
    return ext.kind == "duration" and norm.startswith(("来", "以来"), end) and norm.startswith("近", start)


def _qualifier(first: Side, ext: Extent, q_pre: str | None, q_suf: str | None) -> str:
    """A prefix beats 多/余 and N+, which beat a suffix; an interval without a hedge is a range."""
    q = (q_pre or ("more_than" if first.more and not ext.is_range else None)
         or ("at_least" if first.plus and not ext.is_range else None) or q_suf)
    ranged = ext.is_range or ext.lo != ext.hi
    if q is None or (ranged and q in ("approx", "nearly", "exact")):
        q = "range" if ranged else "exact"
    return q


def _interval(first: Side, ext: Extent, q: str, q_pre: str | None):
    """(low, high, low_open, high_open); 20余 is 20-something: more than 20, under 30."""
    low, high, low_open, high_open = bounds(q, ext.lo, ext.hi)
    if q == "more_than" and first.more and not q_pre and low is not None and low > 0:
        high, high_open = low + _last_place(low), True
    return low, high, low_open, high_open


def _bare_year(norm: str, first: Side, ext: Extent, q: str, start: int, end: int) -> bool:
    """A bare 4-digit number 1900-2099 with no unit, hedge or classifier is a year: 2024 T-EDGE."""
    return (ext.kind == "count" and not ext.unit and not (ext.is_range or ext.lo != ext.hi) and q == "exact"
            and not first.words and is_year(first) and first.start == start
            and not (end < len(norm) and norm[end] in CLASSIFIER_CHARS))


def _last_place(v: Decimal) -> Decimal:
    """The place of the last non-zero digit: 20 -> 10, 690万 -> 10万, 3.5万 -> 1000, 100 -> 100."""
    return Decimal(1).scaleb(v.normalize().as_tuple().exponent)


def _hedge_before(norm: str, first: Side, prev_end: int) -> tuple[Side, _Before]:
    """The words before the number: hedge, currency (which makes a bare number money), 比, between.

    The text before the number is matched reversed (patterns.PREFIX_REV) so that one
    anchored match does what a search over the whole window would."""
    pm = _prefix(norm, first.start, prev_end)
    if not pm:
        return first, _NO_WORDS
    q_pre = pre_cur = None
    q_word, cur_word = pm.group("q"), pm.group("cur")
    if q_word:
        q_pre = lookup(q_word[::-1], PREFIX_LOOKUP)
        if q_word == "上" and not (first.chinese_only and first.run in ROUND_SCALES):
            q_pre = q_word = None       # 上百/上千/上万 only; 上一 is 'the previous'
    if cur_word:
        word = cur_word[::-1]
        pre_cur = CURRENCY_BEFORE.get(word) or CURRENCY_BEFORE[word.replace(" ", "").replace("\t", "")]     # 日 元0
        if first.kind == "count" and not first.unit:
            first = first._replace(kind="money", unit=pre_cur, has_unit_word=True)
        elif first.kind == "money" and first.unit == "CNY" and pre_cur != "CNY" and word[:1] >= "\u4e00":
            first = first._replace(unit=pre_cur)    # 新台币8.917亿元: 元 is the unit of any such currency
    bi = bool(pm.group("bi"))
    # The hedge and the currency sign belong to the figure's text (not the spaces before them).
    width = max(pm.end(g) for g in ("q", "cur", "bi") if pm.group(g)) if q_word or cur_word or bi else 0
    return first, _Before(width, q_pre, bool(pm.group("between")), bi, pre_cur)


def _prefix(norm: str, start: int, prev_end: int):
    """The PREFIX_REV match of the text before `start` (back to the previous figure), or None where it reads no
    word (its every group is optional: an empty match says what no match says)."""
    lo_bound = max(prev_end, start - 40)
    i = start - 1
    while i >= lo_bound and norm[i] in " \t":
        i -= 1
    if i < lo_bound:
        return None
    c = norm[i]
    if c not in P.PREFIX_LAST_CHARS and (c.isascii() or "\u4e00" <= c <= "\u9fff"):
        return None        # no hedge, currency, 比 or between ends here
    pm = P.PREFIX_REV.match(norm[lo_bound:start][::-1])
    return pm if pm.lastindex else None


def _hedge_after(norm: str, end: int, kind: str, bi: bool) -> tuple[int, str | None, bool]:
    """(end, qualifier, 比-comparison found) from the words after the number: 左右, 以上, or more."""
    if end >= len(norm):
        return end, None, False
    q_suf = None
    sm = SUFFIX_RE.match(norm, end) if peek(norm, end) in SUFFIX_FIRST_CHARS else None
    if not sm and norm[end] in CLASSIFIER_CHARS and kind == "count" and peek(norm, end + 1) in SUFFIX_FIRST_CHARS:
        sm = SUFFIX_RE.match(norm, end + 1)            # across one classifier: 5台以上, 20万次以上
        if sm and sm.group(0).strip() in ("+", "plus"):
            sm = None
    if sm:
        word = sm.group(0).strip()
        if not (word == "+" and norm[end + 1:end + 2].isdigit()):
            q_suf = lookup(word, SUFFIX_LOOKUP)
            end = sm.end()
    if bi:
        cm = P.COMPARE_TAIL.match(norm, end)          # 比三十大, 比170低
        if cm:
            return cm.end(), COMPARE_AFTER[cm.group("c")], True
    return end, q_suf, False


def _clean(v: Decimal | None) -> Decimal | None:
    """2600000000000.0 -> 2600000000000, 4.800 -> 4.8: one spelling per value."""
    if v is None:
        return None
    try:
        if v == v.to_integral_value():
            return v.quantize(_ONE)
        return v.normalize()
    except InvalidOperation:
        return v
