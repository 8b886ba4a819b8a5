"""Find figures in text: the grammar that ties numbers, ranges and hedges together.

`scan(text, lenient)` looks for places where a figure can start (patterns.TRIGGER),
tries patterns.MASTER there, reads each number with side.read_side, then joins a
range's second side (5-20年, 1.5 to 2 years, 五、六家, five or six), a per-unit rate
(20 token/秒), the hedges around it (超过, 近, 左右, at least), the currency sign before
it and a unit shared with the next number (数十亿甚至数百亿美金). Two passes over the
figures then join a 每-denominator with what it divides (每秒可达10000+token; 每百万tokens
0.5元 once JOIN_PER_PRICE is on) and two one-sided bounds into one interval (大于10小于20).
What running text does not count as a figure (a lone 一 in 统一 or 一项, 零一万物, GPT-4,
5G, 骁龙8, 源2.0, OriginOS 4, 01模型, 360集团, zero-shot) is marked weak: find_figures drops it,
parse_figure keeps it only when nothing stronger is there.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from . import patterns as P
from .dates import read_date
from .figure import Figure
from .lexicon import (
    CLASSIFIER_CHARS, COUNT_NOUNS, CURRENCY_AFTER, CURRENCY_BEFORE, DEN_UNITS, DENOMINATOR_SCALES, FULLWIDTH, MEASURE_START_CHARS, NAME_NOUNS,
    DETERMINERS, EN_SUBUNITS, EN_TENS, EN_UNITS, HALF_PART_BEFORE_EN, HALF_PART_BEFORE_ZH, NAMED_QUANTITIES,
    QIANWAN_ADVERB_AFTER, RANGE_OR_WORDS, ROUND_SCALES, ZH_DECIMAL_NOT_BEFORE,
    ONE_WORD_AFTER, ONE_WORD_BEFORE, PRICE_DENOMINATORS, ZH_DIGITS, ZH_FUNCTION_CHARS, ZH_NUMERAL_WORDS, ZH_PRODUCT_NAMES,
)
from .lexicon import COMPARE_AFTER
from .qualifiers import PREFIX_LOOKUP, SUFFIX_FIRST_CHARS, SUFFIX_LOOKUP, SUFFIX_RE, bounds, lookup
from .per_capita import per_capita
from .side import Side, Skip, peek, read_side

_ONE = Decimal(1)
_RANGE_START = set("-–—~～〜至到tTaAoO和与與、或")      # 5-20, 5至20, 1.5 to 2, 20和30之间, 五、六, 5 or 6
_SHARED_START = set("甚乃以或和与與及、oO")
_NOUN_UNITS = frozenset(COUNT_NOUNS.values())
# A price for a counted quantity written around the money as one rate figure: 每百万tokens 0.5元,
# 每百万Tokens调用花费…5毛钱, ¥0.5 for a million tokens (both languages switch together, so the bilingual
# audit keeps agreeing). verifier/checking.py compares a money-rate claim ('¥0.5 per million tokens')
# with such rate figures head-on, and with bare money figures in a sentence naming the denominator.
JOIN_PER_PRICE = True
_RATE_START = set("/pP每")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ALNUM = re.compile(r"[A-Za-z0-9.\-]*")


def _side_at(norm: str, pos: int, lenient: bool) -> Side | None:
    """The number that starts exactly at `pos`, or None."""
    m = P.SIDE[lenient].match(norm, pos)
    if not m:
        return None
    try:
        return read_side(norm, m, lenient)
    except Skip:
        return None


def _range(norm: str, first: Side, lenient: bool, between: bool) -> tuple[Side, int] | None:
    """A second side after a range connector: 5-20年, 1.5 to 2 years, 五、六家."""
    c = P.RANGE_CONN.match(norm, first.end)
    if not c:
        return None
    conn = c.group("c")
    if conn == "and" and not between:
        return None            # 'and' joins a range only after 'between'
    if conn == "to" and P.CHANGE_FROM.search(norm, max(0, first.start - 120), first.start):
        return None            # 'rose from 1% to 6%': two values, the first where the change started
    second = _side_at(norm, c.end(), lenient)
    if second is None:
        return None
    if conn == "、" and not (first.chinese_only and second.chinese_only and len(first.run) == 1
                             and len(second.run) == 1 and second.lo == first.lo + 1):
        return None            # 五、六家: two adjacent single Chinese digits only
    if conn in RANGE_OR_WORDS and (not _next_step(first, second) or (not first.words and _names_before(norm, first))):
        return None            # five or six, 20 or 30: neighbours at the precision written; not iPhone 15 or 16
    end = second.end
    if conn in ("和", "与", "與"):
        t = P.BETWEEN_TAIL.match(norm, end)
        if not t:
            return None        # 20和30之间, 10000与20000间
        end = t.end()
    if c.group("cur2") and second.kind == "count":
        second = replace(second, kind="money", unit=CURRENCY_BEFORE[c.group("cur2")])
    return second, end


def _classifier_range(norm: str, first: Side, lenient: bool, between: bool) -> tuple[Side, int] | None:
    """一辆或者两辆, 3个到5个, 5家或6家: a range whose sides each carry the same classifier."""
    end = first.end
    if end + 1 >= len(norm) or norm[end] not in CLASSIFIER_CHARS or peek(norm, end + 1) not in _RANGE_START:
        return None
    shifted = replace(first, end=end + 1)
    rng = _range(norm, shifted, lenient, between)
    if rng is None or rng[0].kind != "count" or rng[0].unit or not norm.startswith(norm[end], rng[0].end):
        return None
    return rng


def _shared_unit(norm: str, first: Side, end: int, lenient: bool) -> tuple[str, str] | None:
    """(kind, unit) the next number lends a bare one: 数十亿甚至数百亿美金 -> both USD.

    Only when the first number is complete by itself (its own 万/亿/million, or neither has a
    scale: 3或5元), and the unit does not rescale the number it follows (5毛, 3成, 2‰ do)."""
    if (first.more or first.plus or first.run == "frac" or (first.chinese_only and len(first.run) == 1)
            or (first.run.isdigit() and len(first.run) == 4 and 1900 <= first.lo <= 2099)):
        return None
    j = P.SHARED_JOIN[lenient].match(norm, end)      # 256、512和1024 tokens: along a short list
    if not j:
        return None
    second = _side_at(norm, j.end(), lenient)
    if second is None or (second.kind == "count" and not second.unit):
        return None
    if second.rescaled:
        return None
    if second.scale is not None and not first.big_scale:
        return None                    # 5甚至10万元: is the first 5 or 5万? not ours to guess
    return second.kind, second.unit


def _next_step(first: Side, second: Side) -> bool:
    """'A or B' is an estimate (five or six, 20 or 30 years, 两或三) when B is the next number after A at
    A's precision: B = A + 10^k, 10^k the place of A's last non-zero digit. Other pairs joined by 'or'
    (5 or 10, version 10 or 11, 2023 or 2024) are two figures."""
    a, b = first.lo, second.lo
    if a != first.hi or b != second.hi:
        return False
    if second.scale is not None and not first.big_scale:
        b = b / second.scale              # two or three million, 20或30万: the first borrows the scale
    if a < 1 or a != a.to_integral_value() or b != b.to_integral_value():
        return False
    if first.run.isdigit() and len(first.run) == 4 and 1900 <= a <= 2099:
        return False                      # 2023 or 2024: years
    step = 1
    while a % (step * 10) == 0:
        step *= 10
    return b == a + step and b % step == 0


def _merge_range(first: Side, second: Side) -> tuple[Decimal, Decimal, str, str] | None:
    """(low, high, kind, unit) of 'first to second', or None when they do not make a range."""
    if first.kind in ("percent", "points", "multiplier", "duration") and second.kind == "count" \
            and not second.unit and second.scale is not None:
        return None            # fell 3% to 4.1 billion: a change and a new level, not 3-4.1 billion percent
    kind, unit = first.kind, first.unit
    if second.kind != "count" or second.unit:
        if first.kind != "count" and (first.kind, first.unit) != (second.kind, second.unit):
            return None
        kind, unit = second.kind, second.unit
    lo = first.lo
    # 两到三万, 十八至三十万, 1.5 to 2 million: the first side borrows the second's scale.
    if second.scale is not None and not first.big_scale and first.run != "frac":
        borrow = second.big_scale or not first.small_units
        scale = _whole_scale(second)
        if borrow and first.lo * scale <= second.hi:
            lo = first.lo * scale
    if lo >= second.hi:
        if first.hi < 0 and second.hi < 0 and lo != second.hi:
            return second.lo, first.hi, kind, unit     # -18 °C to -34 °C: below zero, written by magnitude
        return None
    return lo, second.hi, kind, unit


_ARABIC_THEN_SCALE = re.compile(r"(\d+(?:\.\d+)?)[ \t]?[万萬亿億千百]+$")


def _whole_scale(second: Side) -> Decimal:
    """The whole scale a range's second number carries: 万亿 in 2.4万亿 is 1e12, not the 亿 alone."""
    m = _ARABIC_THEN_SCALE.match(second.run or "")
    if m and second.hi and Decimal(m.group(1)):
        return second.hi / Decimal(m.group(1))
    return second.scale


_ZH_DECIMAL = re.compile(rf"[负負]?[{''.join(ZH_DIGITS)}]+[点點][{''.join(ZH_DIGITS)}]+")


def _lone_zh_is_word(norm: str, s: Side, end: int) -> bool:
    """统一, 十分, 万物, 零一万物, 三一重工: Chinese numeral characters inside words."""
    run = s.run
    nxt = norm[end] if end < len(norm) else ""
    if run[0] in "万萬亿億兆":
        return True
    if run[0] in "零〇" and "点" not in run and "點" not in run and len(run) > 1:
        return True
    if run in ("千万", "千萬", "万万", "萬萬") and nxt in QIANWAN_ADVERB_AFTER:
        return True
    if s.lo < 0:
        return False           # 负一, 负二: a written sign makes a figure
    if run in ("一", "壹", "零", "〇"):
        return True            # 一个新的, 一项研究: the indefinite article; 一年, 一倍, 一亿 carry a unit
    r = s.reading
    if r is not None and r.digit_string:
        return True            # 一一对应, 九一一: digits read one by one name or repeat, they do not count
    if nxt and (nxt in CLASSIFIER_CHARS or (nxt == "大" and run not in ("一", "壹"))):
        return False           # 两项, 三大运营商, 六大业务 (一大早, 一大批 are words)
    if len(run) == 1:
        return True
    if r is not None and not r.has_unit:
        # 六点五, 零点零五: a decimal point makes a figure; 三点一刻 and 一点一滴 stay words.
        return not (_ZH_DECIMAL.fullmatch(run) and nxt not in ZH_DECIMAL_NOT_BEFORE)   # 三一, 两三
    return False


def scan(text: str, lenient: bool = False) -> list[tuple[Figure, bool]]:
    """Every figure in text with a 'weak' flag (True: running text would not count it)."""
    # １２３，４５６: the grouping comma is decided on the full-width digits, before they become ASCII;
    # one character for one, so spans stay valid.
    # str.translate looks up every character; the few full-width ones are replaced where they stand
    # (the comma rule needs a full-width digit, so it runs only where one is).
    norm = _no_cents_mark(_space_grouping(text))
    if _HAS_FULLWIDTH.search(norm):
        if "，" in norm:
            norm = _FULLWIDTH_GROUP.sub(",", norm)
        norm = _HAS_FULLWIDTH.sub(_to_halfwidth, norm)
    out: list[tuple[Figure, bool]] = []
    pos = 0
    prev_end = 0
    chain_end = -1          # end of a number-word chain too long to be a figure
    n = len(norm)
    while pos < n:
        m = _next_match(norm, pos, lenient)
        if not m:
            break
        kind = m.lastgroup
        if kind == "en" and chain_end >= 0 and _CHAIN_GAP.fullmatch(norm, chain_end, m.start()):
            pos = chain_end = m.end()      # the rest of the chain, read one bounded chunk at a time
            continue
        chain_end = -1
        if kind in ("skip", "ordinal", "name"):
            pos = m.end()
            continue
        if kind == "date":
            iso, is_range = read_date(m)
            fig = Figure(text[m.start():m.end()], m.start(), m.end(), "date", "", None, None,
                         "range" if is_range else "exact", date=iso)
            out.append((fig, False))
            pos = prev_end = m.end()
            continue
        if kind == "named":
            k, unit, v = NAMED_QUANTITIES[" ".join(m.group().lower().split())]
            fig = Figure(text[m.start():m.end()], m.start(), m.end(), k, unit, Decimal(v), Decimal(v))
            out.append((fig, False))
            pos = prev_end = m.end()
            continue
        if kind == "past":
            unit = m.group("past_unit").lower()
            v = Decimal(10) if unit == "decade" else _ONE
            fig = Figure(text[m.start():m.end()], m.start(), m.end(), "duration",
                         "year" if unit == "decade" else unit, v, v)
            out.append((fig, False))
            pos = prev_end = m.end()
            continue
        try:
            res = _compose(norm, text, m, lenient, prev_end)
        except Skip as sk:
            pos = max(sk.end, m.end()) if sk.end > m.start() else m.end()
            if sk.chain:
                chain_end = pos
            continue
        if res is None:
            pos = m.end()
            continue
        fig, weak, end = res
        out.append((fig, weak))
        pos = prev_end = end
    out = _merge_two_sided(norm, text, _merge_per_rate(norm, text, _idioms_are_weak(norm, out)))
    if not out:
        return out
    out = [(_glued_cents(norm, text, fig) if fig.kind == "money" else fig, weak) for fig, weak in out]
    if len(out) < 2:
        return [(_and_a_half(norm, text, out[0][0]), out[0][1])]
    return _compound_durations(norm, text, _money_and_cents(norm, text, _below_zero(norm, text, out)))


_ONE_BOUND = ("more_than", "at_least", "less_than", "at_most", "up_to")
_SUBUNIT_END = re.compile(rf"(?:{P._alt(EN_SUBUNITS)}|c)$", re.I)
_CENTS_JOIN = re.compile(r"[ \t]+(?:and[ \t]+)?")
_CENTS_C = re.compile(r"c(?![A-Za-z0-9])")
_ENDS_PHRASE = re.compile(r"[ \t]*(?:$|[.,;:!?)\]])")


def _money_and_cents(norm: str, text: str, out: list[tuple[Figure, bool]]) -> list[tuple[Figure, bool]]:
    """'20 dollars 43 cents', '$20 and 43c', '20 ringgit and 43 sen' are one amount (20.43 in the first's
    currency). A bare 1-99 after the amount joins only where the phrase ends ('twenty rupees 43')."""
    merged: list[tuple[Figure, bool]] = [out[0]]
    for fig, weak in out[1:]:
        a, a_weak = merged[-1]
        cents = end = None
        if (a.kind == "money" and a.value is not None and a.value == a.value.to_integral_value()
                and (a.low == a.high or a.qualifier in _ONE_BOUND) and fig.qualifier == "exact" and fig.low is not None
                and _CENTS_JOIN.fullmatch(norm, a.end, fig.start) and not _SUBUNIT_END.search(a.text)):
            if fig.kind == "money" and _SUBUNIT_END.search(fig.text) and fig.low < 1:
                cents, end = fig.low, fig.end
            elif fig.kind == "count" and not fig.unit and fig.low == fig.low.to_integral_value() and 0 < fig.low < 100:
                c = _CENTS_C.match(norm, fig.end)
                if c or _ENDS_PHRASE.match(norm, fig.end):
                    cents, end = fig.low / 100, c.end() if c else fig.end
        if cents is None:
            merged.append((fig, weak))
            continue
        low, high = (None if b is None else b + cents for b in (a.low, a.high))   # 'more than 1 dollar and 42 cents'
        merged[-1] = (replace(a, text=text[a.start:end], end=end, low=low, high=high), a_weak)
    return merged


_GLUED_CENTS = re.compile(r"[ \t]+(?:and[ \t]+)?(?P<c>\d{1,2})c(?![A-Za-z0-9])")


def _glued_cents(norm: str, text: str, fig: Figure) -> Figure:
    """'$20 and 43c', '20 dollar 43c': cents glued to their c after a whole amount (alone, 43c is a code)."""
    v = fig.value
    if v is None or v != v.to_integral_value() or _SUBUNIT_END.search(fig.text):
        return fig
    m = _GLUED_CENTS.match(norm, fig.end)
    if not m:
        return fig
    cents = Decimal(m.group("c")) / 100
    low, high = (None if b is None else b + cents for b in (fig.low, fig.high))
    return replace(fig, text=text[fig.start:m.end()], end=m.end(), low=low, high=high)


_DEGREES_GAP = re.compile(r"[ \t]+(?:(?i:degrees?)[ \t]+)?")


def _below_zero(norm: str, text: str, out: list[tuple[Figure, bool]]) -> list[tuple[Figure, bool]]:
    """'5 °C below zero', '2 degrees below zero' is one negative figure, not 5 and 'less than 0'."""
    merged: list[tuple[Figure, bool]] = [out[0]]
    for fig, weak in out[1:]:
        a, a_weak = merged[-1]
        if (fig.qualifier == "less_than" and fig.high == 0 and fig.low is None and fig.text.lower() == "below zero"
                and a.qualifier == "exact" and a.low is not None and a.low == a.high and a.low > 0
                and a.kind in ("count", "quantity") and _DEGREES_GAP.fullmatch(norm, a.end, fig.start)):
            merged[-1] = (replace(a, text=text[a.start:fig.end], end=fig.end, low=-a.low, high=-a.high), a_weak)
            continue
        merged.append((fig, weak))
    return merged


# Compound durations (两年零三个月, 2 years and 3 months, 1 hour thirty) are one duration in the smaller
# unit: a fact-checker compares 27 months with 27 months, not 2 years with '2 years 3 months'.
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000,
            "quarter": 7776000, "year": 31536000}
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_DURATION_JOIN = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and[ \t]+)?|零|又")
_MINOR_JOIN = re.compile(r"[ \t]+(?:and[ \t]+)?|")        # '1 hour thirty', '1小时30分': no comma between
_NEXT_UNIT = {"hour": "minute", "minute": "second"}


def _in_unit(v: Decimal, big: str, small: str) -> Decimal:
    if big in _MONTHS and small in _MONTHS:
        return v * _MONTHS[big] / _MONTHS[small]
    return v * _SECONDS[big] / _SECONDS[small]


# 'and half' without the article only where the phrase ends: '3 hours and half the team left' is no 3.5 hours.
_AND_A_HALF = re.compile(r"[ \t]+and[ \t]+(?:an?[ \t]+half(?![A-Za-z])|half(?=[ \t]*(?:$|[.,;:!?)])))", re.I)
_AND = re.compile(r"[ \t]+and[ \t]+", re.I)


def _and_a_half(norm: str, text: str, fig: Figure) -> Figure:
    """'one hour and a half', '2 hours and half': the half is of the unit just named."""
    if fig.kind == "duration" and fig.low is not None and fig.low == fig.high and fig.qualifier == "exact":
        m = _AND_A_HALF.match(norm, fig.end)
        if m:
            v = fig.low + Decimal("0.5")
            return replace(fig, text=text[fig.start:m.end()], end=m.end(), low=v, high=v)
    return fig


def _compound_durations(norm: str, text: str, out: list[tuple[Figure, bool]]) -> list[tuple[Figure, bool]]:
    merged: list[tuple[Figure, bool]] = [(_and_a_half(norm, text, out[0][0]), out[0][1])]
    for fig, weak in out[1:]:
        fig = _and_a_half(norm, text, fig)
        a, a_weak = merged[-1]
        if (a.kind == "count" and not a.unit and a.qualifier == "exact" and a.low is not None
                and a.low == a.low.to_integral_value() and a.low > 0 and fig.kind == "duration"
                and fig.low == Decimal("0.5") and fig.text.lower().startswith(("a half", "an half", "half"))
                and _AND.fullmatch(norm, a.end, fig.start)):
            v = a.low + fig.low              # 5 and a half minutes
            merged[-1] = (replace(fig, text=text[a.start:fig.end], start=a.start, low=v, high=v), a_weak)
            continue
        joined = None
        if (a.kind == "duration" and a.unit in _SECONDS and a.low is not None and a.low == a.high
                and fig.qualifier == "exact" and fig.low is not None):
            gap = norm[a.end:fig.start]
            if (fig.kind == "duration" and fig.unit in _SECONDS and _SECONDS[fig.unit] < _SECONDS[a.unit]
                    and _DURATION_JOIN.fullmatch(gap)):
                joined = fig.unit, _in_unit(a.low, a.unit, fig.unit) + fig.low
            elif (fig.kind == "count" and not fig.unit and a.unit in _NEXT_UNIT and _MINOR_JOIN.fullmatch(gap)
                  and fig.low == fig.low.to_integral_value() and 0 < fig.low < 60):
                small = _NEXT_UNIT[a.unit]
                end = fig.end + (1 if norm[fig.end:fig.end + 1] == "分" and small == "minute" else 0)
                joined = small, _in_unit(a.low, a.unit, small) + fig.low
                fig = replace(fig, end=end)
        if joined is None:
            merged.append((fig, weak))
            continue
        unit, v = joined
        merged[-1] = (replace(a, text=text[a.start:fig.end], end=fig.end, unit=unit, low=v, high=v), a_weak)
    return merged


def _idioms_are_weak(norm: str, out: list[tuple[Figure, bool]]) -> list[tuple[Figure, bool]]:
    """A figure inside a numeral idiom (三番五次, 九牛一毛, 一波三折) is weak: it counts nothing."""
    if not out:
        return out
    spans = [m.span() for m in P.ZH_IDIOM.finditer(norm)]
    if not spans:
        return out
    return [(fig, weak or any(a <= fig.start < b or a < fig.end <= b for a, b in spans)) for fig, weak in out]


# Thousands grouped by a thin or no-break space or an apostrophe (1 099, 1'099) are grouped numbers
# anywhere; by a plain space only next to a currency (9 800 Kč, PTE 120 000 000), since in running
# text '5 300' is as often two numbers. The separator becomes ',' (one character for one).
_THIN_GROUP = re.compile("(?<=\\d)[\u2009\u202f\u00a0'’](?=\\d{3}(?!\\d))")
_HAS_THIN = re.compile("[\u2009\u202f\u00a0'’]")
_SPACED_DIGITS = re.compile(r"\d \d{3}")
_SPACE_GROUP = P._compile(           # on first use (patterns._Lazy): most texts never need it
    rf"(?<![\d.,])(?P<a>\d{{1,3}}(?: \d{{3}})+)(?![\d])(?=(?:\.\d+)?[ \t]?(?:{P._alt(CURRENCY_AFTER, boundary=True)}))"
    rf"|(?:{P._alt([c for c in CURRENCY_BEFORE if not c.isalpha() or c.isupper()], boundary=True)})[ \t]?"
    rf"(?P<b>\d{{1,3}}(?: \d{{3}})+)(?![\d])")


# ... and a number that fills a line or a table cell by itself (| 1 120 900 |, a price tag's '5 870'): nothing
# else there could be the second of two numbers.
_CELL_GROUP = re.compile(r"(?:^|(?<=\|))[ \t]*\d{1,3}(?: \d{3})+(?:\.\d+)?[ \t]*(?=$|\|)", re.M)


def _space_grouping(text: str) -> str:
    if _HAS_THIN.search(text):
        text = _THIN_GROUP.sub(",", text)
    if _SPACED_DIGITS.search(text):
        text = _SPACE_GROUP.sub(lambda m: m.group(0).replace(m.group("a") or m.group("b"),
                                                             (m.group("a") or m.group("b")).replace(" ", ",")), text)
        text = _CELL_GROUP.sub(lambda m: _SPACED_DIGITS_GAP.sub(",", m.group(0)), text)
    return text


_SPACED_DIGITS_GAP = re.compile(r"(?<=\d) (?=\d{3})")


# A price's ',-' or '.-' says 'no cents' (50,- Kč, CHF 50.-): blanked, so the amount meets its currency.
_NO_CENTS = re.compile(rf"(?<=\d)[,.][-–](?=[ \t]?(?:{P._alt(CURRENCY_AFTER, boundary=True)})|[ \t]*$)", re.M)


def _no_cents_mark(text: str) -> str:
    return _NO_CENTS.sub("  ", text) if ",-" in text or ".-" in text or ",–" in text or ".–" in text else text


# The full-width comma groups thousands only between full-width digits (１２３，４５６), by the
# ASCII rule (1-3 digits, then groups of exactly 3). Between ASCII digits it is the Chinese comma of a
# list (分别为100，200): typography that mixes the two widths is not a grouped number.
_FULLWIDTH_GROUP = re.compile("，(?<=[０-９]，)(?=[０-９]{3}(?![０-９]))")      # the literal first: searched fast
_HAS_FULLWIDTH = re.compile("[" + "".join(re.escape(chr(c)) for c in FULLWIDTH) + "]")      # no "+": a bare class is searched fastest
_HALFWIDTH = {chr(k): chr(v) if isinstance(v, int) else v for k, v in FULLWIDTH.items()}
assert all(len(v) == 1 for v in _HALFWIDTH.values())      # one character for one: spans stay valid


def _to_halfwidth(m) -> str:
    return _HALFWIDTH[m.group()]


_BACKWALK = set("-+.(（ \t")
_CHAIN_GAP = re.compile(r"(?:[ \t-]|(?i:and|point|over|of|in|out|a|an)(?![A-Za-z]))*")


def _plain_case(word: str) -> bool:
    """zero, Zero, ZERO spell a number; ZeRO (the optimizer) is a name that contains one."""
    return word.islower() or word.isupper() or word.istitle()


def _next_match(norm: str, pos: int, lenient: bool):
    """The next MASTER match at or after pos, tried only where a figure can start."""
    master = P.MASTER[lenient]
    n = len(norm)
    while pos < n:
        if pos and norm[pos] in _ASCII_LETTERS and norm[pos - 1] in _ASCII_LETTERS:
            t = P.TRIGGER.search(norm, pos)           # resuming inside a word: its rest is a word
        else:
            t = P.TRIGGER_WORD_START.search(norm, pos)
        if t is None:
            return None
        start, end = t.span()
        c = norm[start]
        if c.isascii() and c.isalpha():
            word = t.group()
            nxt = norm[end] if end < n else ""
            if not ((word.lower() in P.START_WORDS and _plain_case(word)) or word in P.CAP_WORDS
                    or nxt.isdigit() or (nxt in "-+" and norm[end + 1:end + 2].isdigit())
                    or (word in ("a", "an", "A", "An") and P.A_BEFORE_SCALE.match(norm, end))):
                pos = end
                continue
            m = master.match(norm, start)
        else:
            m = None
            # A sign or point before the digit: -.5, - 1,200,000, (1).
            k = 0
            while k < 3 and start - k - 1 >= pos and norm[start - k - 1] in _BACKWALK:
                k += 1
            while k > 0 and (m is None or m.end() <= start):
                if norm[start - k] not in " \t":
                    m = master.match(norm, start - k)
                k -= 1
            if m is None or m.end() <= start:
                m = P.MASTER_AT[lenient, "digit" if c.isdigit() else "cjk"].match(norm, start)
        if m is not None and m.end() > m.start():
            return m
        pos = end
    return None


def _compose(norm: str, text: str, m, lenient: bool, prev_end: int):
    """The figure that starts with match m: (Figure, weak, end)."""
    run = m.group("run")
    if run is not None and not m.group("sign"):
        i = m.start("run")
        if norm.startswith(ZH_NUMERAL_WORDS, i) and norm[i + 2:i + 3] != "之":   # 十分之一 is a fraction
            raise Skip(i + 2)
        if run in ("一", "壹"):
            j = m.end("run")
            if (i > 0 and norm[i - 1] in ONE_WORD_BEFORE) or (j < len(norm) and norm[j] in ONE_WORD_AFTER):
                raise Skip(j)     # 统一, 下一代, 一点, 一度: words, not numbers
    first = read_side(norm, m, lenient)
    first, start, q_pre, between, bi, pre_cur = _hedge_before(norm, first, prev_end)
    # Second side of a range.
    is_range = False
    lo, hi, kind, unit, end = first.lo, first.hi, first.kind, first.unit, first.end
    rng = _range(norm, first, lenient, between) if peek(norm, end) in _RANGE_START else None
    if rng is None and kind == "count" and not unit:
        rng = _classifier_range(norm, first, lenient, between)
    if rng is not None:
        merged = _merge_range(first, rng[0])
        if merged is not None:
            lo, hi, kind, unit = merged
            is_range, end = True, rng[1]
    if not is_range and kind == "count" and not unit and peek(norm, end) in _SHARED_START:
        shared = _shared_unit(norm, first, end, lenient)
        if shared is not None:
            kind, unit = shared
    if (peek(norm, end) in _RATE_START or (kind == "money" and peek(norm, end) in "fFaA")) \
            and (kind == "money" or (kind == "count" and unit)):
        end, kind, unit = _rate(norm, end, kind, unit)
    elif kind == "count" and not unit and peek(norm, end) in _RATE_START:
        per = per_capita(norm, end)
        if per is not None:                   # 16.9 per 100,000 = 0.0169%
            end, factor = per
            kind, unit, lo, hi = "percent", "%", lo * factor, hi * factor
    end, q_suf, compared = _hedge_after(norm, end, kind, bi)
    if q_pre == "nearly" and kind == "duration" and norm.startswith(("来", "以来"), end) and norm.startswith("近", start):
        q_pre = None        # 近两年来 is 'in the past two years' (exact), not 'nearly two years' (近两年)
    if bi and not compared and q_pre is None and pre_cur is None:
        start = first.start             # 比 without 大/小 after the number is not ours
    if first.inclusive and q_suf in ("more_than", "less_than"):
        q_suf = "at_least" if q_suf == "more_than" else "at_most"      # 50万元（含）以上
    # The qualifier: a prefix beats 多/余 and N+, which beat a suffix. 'up to 9000+' is at least 9000:
    # the + is the number's own bound, 'up to' only says that 9000+ is the top of the scale.
    if q_pre == "exact" or (q_pre == "up_to" and (first.plus or q_suf == "at_least")):
        q_pre = None
    if q_pre == "approx" and first.more and not is_range:
        q_pre = None            # 大约十多 is 10-something already: 'about' adds nothing to 多
    q = (q_pre or ("more_than" if first.more and not is_range else None)
         or ("at_least" if first.plus and not is_range else None) or q_suf)
    ranged = is_range or lo != hi
    if q is None or (ranged and q in ("approx", "nearly", "exact")):
        q = "range" if ranged else "exact"
    low, high, low_open, high_open = bounds(q, lo, hi)
    if q == "more_than" and first.more and not q_pre and low is not None and low > 0:
        high, high_open = low + _last_place(low), True      # 20余 is 20-something: more than 20, under 30
    date = ""
    if (kind == "count" and not unit and not ranged and q == "exact" and not first.words
            and first.run.isdigit() and len(first.run) == 4 and 1900 <= int(first.run) <= 2099
            and first.start == start and not (end < len(norm) and norm[end] in CLASSIFIER_CHARS)):
        kind, date, low, high = "date", first.run, None, None         # a bare year: 2024 T-EDGE
    if (not first.words and not first.has_unit_word and not is_range and end < len(norm)
            and norm[end].isascii() and norm[end].isalpha() and first.scale is None):
        # Digits glued to letters are a name or a code (5G, 4o, 3D, 9bfada59...): skip the token.
        raise Skip(_ALNUM.match(norm, first.start).end())
    if kind == "count" and not unit and P.SETTING_AFTER.match(norm, end):
        raise Skip(end)                # MMLU(5-shot): a setting of the benchmark, never a value, unit or scale
    weak = _is_weak(norm, first, end, kind, unit, is_range, q_pre is not None or q_suf is not None)
    fig = Figure(text[start:end], start, end, kind, unit, _clean(low), _clean(high), q, low_open, high_open, date)
    return fig, weak, end


def _last_place(v: Decimal) -> Decimal:
    """The place of the last non-zero digit: 20 -> 10, 690万 -> 10万, 3.5万 -> 1000, 100 -> 100."""
    return Decimal(1).scaleb(v.normalize().as_tuple().exponent)


def _hedge_before(norm: str, first: Side, prev_end: int):
    """(start, qualifier, between, 比, currency) from the words before the number.

    The text before the number is matched reversed (patterns.PREFIX_REV) so that one
    anchored match does what a search over the whole window would."""
    start = first.start
    lo_bound = max(prev_end, start - 40)
    i = start - 1
    while i >= lo_bound and norm[i] in " \t":
        i -= 1
    if i < lo_bound:
        return first, start, None, False, False, None
    c = norm[i]
    if c not in P.PREFIX_LAST_CHARS and (c.isascii() or "\u4e00" <= c <= "\u9fff"):
        return first, start, None, False, False, None        # no hedge, currency, 比 or between ends here
    pm = P.PREFIX_REV.match(norm[lo_bound:start][::-1])
    if not pm:
        return first, start, None, False, False, None
    q_pre = pre_cur = None
    q_word, cur_word = pm.group("q"), pm.group("cur")
    if q_word:
        q_pre = lookup(q_word[::-1], PREFIX_LOOKUP)
        if q_word == "上" and not (first.chinese_only and first.run in ROUND_SCALES):
            q_pre = q_word = None       # 上百/上千/上万 only; 上一 is 'the previous'
    bi = bool(pm.group("bi"))
    if cur_word:
        word = cur_word[::-1]
        pre_cur = CURRENCY_BEFORE.get(word) or CURRENCY_BEFORE[word.replace(" ", "").replace("\t", "")]     # 日 元0
        if first.kind == "count" and not first.unit:
            first = replace(first, kind="money", unit=pre_cur, has_unit_word=True)
    if q_word or cur_word or bi:
        # The hedge and the currency sign belong to the figure's text (not the spaces before them).
        start -= max(pm.end(g) for g in ("q", "cur", "bi") if pm.group(g))
    return first, start, q_pre, bool(pm.group("between")), bi, pre_cur


def _rate(norm: str, end: int, kind: str, unit: str) -> tuple[int, str, str]:
    """20 token/秒 -> 'token/second'; ¥0.5 per million tokens -> 'CNY/1000000 token'; $35 a month -> 'USD/month';
    0.65元/Wh -> 'CNY/Wh'."""
    rm = (P.PRICE_PER if kind == "money" else P.RATE).match(norm, end)
    if not rm and JOIN_PER_PRICE and kind == "money":
        rm = P.RATE_FOR.match(norm, end)
    if not rm:
        return end, kind, unit
    word = rm.groupdict().get("aunit") or rm.group("dunit")
    den_unit = (COUNT_NOUNS.get(word) or DEN_UNITS.get(word) or DEN_UNITS.get(word.lower())
                or (PRICE_DENOMINATORS.get(word) or PRICE_DENOMINATORS.get(word.lower()) if kind == "money" else None))
    if not den_unit:
        return end, kind, unit
    den = den_unit
    ds = rm.group("dscale")
    if ds:
        den = f"{_den_scale_value(ds)} {den_unit}"
    return rm.end(), "rate", f"{unit}/{den}"


def _den_scale_value(ds: str) -> int:
    """The count a rate's denominator names: 'million' and 百万 are 1000000, '1,000' 1000, '1K' and '1k' 1000."""
    if ds in DENOMINATOR_SCALES or ds.lower() in DENOMINATOR_SCALES:
        return DENOMINATOR_SCALES.get(ds) or DENOMINATOR_SCALES[ds.lower()]
    if ds[-1] in "kKMB":
        return int(Decimal(ds[:-1]) * DENOMINATOR_SCALES[ds[-1]])
    return int(ds.replace(",", ""))


def _hedge_after(norm: str, end: int, kind: str, bi: bool) -> tuple[int, str | None, bool]:
    """(end, qualifier, 比-comparison found) from the words after the number: 左右, 以上, or more."""
    n = len(norm)
    if end >= n:
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


_HALF_VALUE = Decimal("0.5")
_HALF_SHARE = re.compile(r"一半|(?<![A-Za-z])(?i:half)(?![A-Za-z])")
_HALF_SHARE_AFTER = re.compile(r"的|[ \t]+of[ \t]")
_HALF_PART_BEFORE = re.compile(rf"(?:[{HALF_PART_BEFORE_ZH}]|(?<![A-Za-z])(?i:{P._alt(HALF_PART_BEFORE_EN)})[ \t]+)$")


# A number word or digits beside a lone 'one' or 'zero', across a comma, 'and' or a space: 'one, two and three',
# 'one two three four', 'zero, one': the word counts there. Not after a determiner ('no one, 3 said'), nor in
# a repeated word ('one one one').
_LIST_GAP = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and[ \t]+)?)"
_LIST_NUMBER_AFTER = re.compile(rf"{_LIST_GAP}(?P<w>\d|(?i:{P._alt(list(EN_UNITS) + list(EN_TENS))})(?![A-Za-z]))")
_LIST_NUMBER_BEFORE = re.compile(rf"(?P<w>(?<![A-Za-z])(?i:{P._alt(list(EN_UNITS) + list(EN_TENS))})|\d){_LIST_GAP}$")
_DETERMINER_BEFORE = re.compile(rf"(?<![A-Za-z])(?i:{P._alt(DETERMINERS)})[ \t]+$")


def _in_number_list(norm: str, start: int, end: int) -> bool:
    before = norm[max(0, start - 24):start]
    if _DETERMINER_BEFORE.search(before):
        return False
    word = norm[start:end].lower()        # 'one one one' repeats a word, it lists no numbers
    return any(m is not None and m.group("w").lower() != word
               for m in (_LIST_NUMBER_AFTER.match(norm, end), _LIST_NUMBER_BEFORE.search(before)))


def _is_weak(norm: str, s: Side, end: int, kind: str, unit: str, is_range: bool, hedged: bool) -> bool:
    """True when running text would not count this as a figure (parse_figure still may)."""
    bare = kind == "count" and not unit and not hedged and not s.more and not s.plus and not is_range
    if bare and s.lo == _HALF_VALUE and _HALF_SHARE.match(norm, s.start) and (
            _HALF_SHARE_AFTER.match(norm, end) or norm[:s.start].endswith(("占", "佔"))) \
            and not _HALF_PART_BEFORE.search(norm, max(0, s.start - 12), s.start):
        return False                   # 一半的员工, 占一半, half of the staff: a share (not 另一半, the first half)
    if s.words:
        if (kind == "count" and not unit and s.lo in (0, 1) and not is_range and not s.big_scale
                and P.COMPOUND_AFTER.match(norm, end)):
            return True                # zero-shot, one-shot, zero-day: a modifier, hedged or not
        # 'one of', 'no one', 'the first half'; 'zero' alone (zero redundancy, zero shot) means 'no'
        return (bare and not s.big_scale and (s.lo in (0, 1) or s.run.lower() in ("half", "a half"))
                and not _in_number_list(norm, s.start, end))
    if s.chinese_only and s.run != "frac":
        if hedged and s.run in ("万", "萬", "亿", "億"):
            return False               # 近亿, 超万: a hedged scale alone is one of it (an implicit 一)
        if bare and not s.big_scale and _lone_zh_is_word(norm, s, end):
            return True
        # 万一, 亿万, 零一万物, 千万不要
        return (s.run[0] in "万萬亿億兆"
                or (s.run[0] in "零〇" and len(s.run) > 1 and "点" not in s.run and "點" not in s.run)
                or (s.run in ("千万", "千萬") and norm[end:end + 1] in QIANWAN_ADVERB_AFTER))
    if not bare:
        return False
    if s.run.isdigit() and s.scale is None and _is_name_number(norm, s.start, end):
        return True                                   # 360集团, 919阿里巴巴
    return _names_before(norm, s)


def _names_before(norm: str, s: Side) -> bool:
    """A bare number that the words before it make part of a name: 01模型, 源2.0, 骁龙8, iPhone 15."""
    before = norm[max(0, s.start - 16):s.start]
    run = s.run
    if run.isdigit() and len(run) > 1 and run[0] == "0":
        return True                                   # 01模型, 007
    if run.endswith(".0") and before and before[-1].isalpha():
        return True                                   # 源2.0, AI2.0
    if before.endswith(ZH_PRODUCT_NAMES):
        return True                                   # 骁龙8
    if (len(run) <= 3 or (len(run) <= 4 and "." in run)) and P.CAPITAL_WORD_BEFORE.search(before):
        return True                                   # iPhone 15, OriginOS 4, AI 2.0
    return False


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _is_name_number(norm: str, start: int, end: int) -> bool:
    """An Arabic integer that opens a phrase (text start, space or punctuation before it) and is glued
    to a Chinese character that is neither a classifier nor a measure word: 360集团, 919阿里巴巴.
    Chinese counts a noun through a classifier (20位, 5款, 82类) or a measure (300公里, 500强);
    a number glued straight to a name is the name's. Inside a clause (获得了360...) we keep it."""
    if end >= len(norm) or not _is_cjk(norm[end]):
        return False
    if norm.startswith(NAME_NOUNS, end):
        return True
    c = norm[end]
    if c in CLASSIFIER_CHARS or c in MEASURE_START_CHARS or c in ZH_FUNCTION_CHARS or c in P.ZH_NUMERAL_CHARS:
        return False
    if start > 0:
        b = norm[start - 1]
        if b.isalnum() or _is_cjk(b):
            return False
    return True


def _merge_per_rate(norm: str, text: str, figs: list[tuple[Figure, bool]]) -> list[tuple[Figure, bool]]:
    """每百万tokens 0.5元, 每百万Tokens调用花费…5毛钱: a price written after its 每-denominator.

    A count of a named noun right after 每, followed in the same clause by money, is the money's
    denominator: one rate figure 'CNY/1000000 token' from 每 to the money. Money in a later
    clause (每百万tokens的价格，降至5毛钱) is not joined: the two figures stay as they are.
    每秒 / 每小时 before a count of a named noun in its clause is its time denominator:
    每秒可达10000+token is '≥10000 token/second'. Money after 每年/每月 stays money (每年投入1000亿元)."""
    if not figs or "每" not in norm:
        return figs
    out: list[tuple[Figure, bool]] = []
    i = 0
    prev_end = 0
    while i < len(figs):
        a, wa = figs[i]
        if a.kind == "count" and a.unit in _NOUN_UNITS:
            per = None
            for per in P.PER_TIME.finditer(norm, max(prev_end, a.start - P.PER_RATE_GAP), a.start):
                pass                       # the last 每秒 before the count
            if per is not None and not P.CLAUSE_BREAK.search(norm, per.end(), a.start):
                den = DEN_UNITS[per.group("t")]
                a = Figure(text[per.start():a.end], per.start(), a.end, "rate", f"{a.unit}/{den}", a.low, a.high,
                           a.qualifier, a.low_open, a.high_open)
        prev_end = a.end
        if (JOIN_PER_PRICE and i + 1 < len(figs) and a.kind == "count" and a.unit and a.qualifier == "exact"
                and a.low == a.high):
            b, wb = figs[i + 1]
            per = P.PER_BEFORE.search(norm, max(0, a.start - 3), a.start)
            if (per and b.kind == "money" and b.start - a.end <= P.PER_RATE_GAP
                    and not P.CLAUSE_BREAK.search(norm, a.end, b.start)):
                den = a.unit if a.low == 1 else f"{a.low} {a.unit}"
                fig = Figure(text[per.start():b.end], per.start(), b.end, "rate", f"{b.unit}/{den}", b.low, b.high,
                             b.qualifier, b.low_open, b.high_open)
                out.append((fig, wb))
                prev_end = b.end
                i += 2
                continue
        out.append((a, wa))
        i += 1
    return out


def _merge_two_sided(norm: str, text: str, figs: list[tuple[Figure, bool]]) -> list[tuple[Figure, bool]]:
    """大于10小于20, at most 100 and at least 20, 1000以上, 1500以下: one interval."""
    if len(figs) < 2:
        return figs
    lower = ("more_than", "at_least")
    upper = ("less_than", "at_most", "up_to")
    out: list[tuple[Figure, bool]] = []
    i = 0
    while i < len(figs):
        a, wa = figs[i]
        if i + 1 < len(figs):
            b, wb = figs[i + 1]
            pair = None
            if a.qualifier in lower and b.qualifier in upper:
                pair = (a, b)
            elif a.qualifier in upper and b.qualifier in lower:
                pair = (b, a)
            if pair and a.kind == b.kind and a.unit == b.unit and P.MERGE_GAP.match(norm, a.end, b.start):
                lo_f, hi_f = pair
                if lo_f.low is not None and hi_f.high is not None and lo_f.low <= hi_f.high:
                    fig = Figure(text[a.start:b.end], a.start, b.end, a.kind, a.unit, lo_f.low, hi_f.high,
                                 "range", lo_f.low_open, hi_f.high_open)
                    out.append((fig, wa and wb))
                    i += 2
                    continue
        out.append((a, wa))
        i += 1
    return out
