"""Find figures in text: the grammar that ties numerals, units and hedges together.

`scan(text, lenient)` walks the text with patterns.MASTER. Each numeral it
meets is read (zh.read_numeral / en.read_words), extended to the right
(fraction, scale, 多, unit, range, per-unit rate, trailing hedge) and its
hedge words and currency symbol are looked up to the left. What running
text does not count as a figure (a lone 一 in 统一, 零一万物, GPT-4, 5G,
骁龙8, 源2.0, OriginOS 4, 01模型) is marked weak: dropped by find_figures,
kept by parse_figure only if nothing stronger is there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import patterns as P
from .dates import read_date
from .en import read_words, split_words
from .figure import Figure
from .lexicon import (
    ATTACHED_SCALES, CLASSIFIER_CHARS, COUNT_NOUNS, CURRENCY_AFTER, CURRENCY_BEFORE,
    DEN_UNITS, EN_DURATIONS, EN_SCALES, FULLWIDTH, ONE_WORD_AFTER, ONE_WORD_BEFORE,
    SOFT_ATTACHED_SCALES, ZH_DIGITS, ZH_NUMERAL_WORDS,
    ZH_DURATIONS, ZH_PRODUCT_NAMES, ZH_SUBUNITS,
)
from .qualifiers import COMPARE_AFTER, PREFIX_LOOKUP, SUFFIX_LOOKUP, SUFFIX_RE, bounds, lookup
from .zh import NumeralError, Reading, read_numeral

_ONE = Decimal(1)
_TEN = Decimal(10)
_HUNDRED = Decimal(100)
_BIG_CHARS = set("万萬亿億兆")
_SMALL_CHARS = set("十拾百佰千仟廿卅卌")
_ASCII_DIGITS = set("0123456789")
_UNIT_CHARS = set("十拾百佰千仟万萬亿億兆廿卅卌")
_UNIT_VALUE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
               "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**6}
_DEN_SCALE_WORDS = {"million": 10**6, "thousand": 10**3, "billion": 10**9, "hundred": 100,
                    "百万": 10**6, "百萬": 10**6, "千万": 10**7, "千萬": 10**7, "万": 10**4,
                    "萬": 10**4, "亿": 10**8, "億": 10**8, "千": 1000, "百": 100,
                    "k": 1000, "K": 1000, "M": 10**6, "B": 10**9}
_END_PUNCT = set("，。、；：！？,.;:!?)）】」』\"'” \t\n\r")
_ADVERB_AFTER_QIANWAN = set("不别別要得务務记記注莫")
_FINANCIAL = set("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_ALNUM = re.compile(r"[A-Za-z0-9.\-]*")
_EN_CONNECTORS = {"and", "a", "an", "point", "over", "in", "of", "out"}
_NEG_WORDS = {"-", "负", "負", "零下", "minus", "negative"}
_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d)")


class _Skip(Exception):
    """The numeral turned out not to be a figure; resume scanning at `end`."""

    def __init__(self, end: int):
        super().__init__(end)
        self.end = end


@dataclass(slots=True)
class _Side:
    """One number with its scale and unit, before ranges and hedges are applied."""

    start: int
    end: int
    lo: Decimal
    hi: Decimal
    kind: str = "count"
    unit: str = ""
    more: bool = False
    scale: Decimal | None = None     # trailing multiplier a range partner may borrow (3万 -> 1e4)
    big_scale: bool = False          # the number carries its own 万/亿/million/K
    small_units: bool = False        # 十/百/千 used inside a Chinese numeral
    run: str = ""                    # the numeral text as written (normalised)
    chinese_only: bool = False
    words: bool = False
    reading: Reading | None = None
    has_unit_word: bool = False
    inclusive: bool = False


def _dec(s: str) -> Decimal:
    return Decimal(s.replace(",", "").replace("，", "").replace(" ", ""))


def _read_run(run: str) -> Reading:
    return read_numeral(run)


def _side(norm: str, m, lenient: bool) -> _Side:
    """Read the number matched by m (group 'en' or 'num') and what follows it."""
    if m.group("en") is not None:
        raw = m.group("en")
        toks = split_words(raw)
        v = read_words(toks)
        end = m.end("en")
        while v is None and len(toks) > 1:
            # Shrink from the right ('five of ten' -> 'five'), keeping end in step.
            toks = toks[:-1]
            while len(toks) > 1 and toks[-1].lower() in _EN_CONNECTORS:
                toks = toks[:-1]
            v = read_words(toks)
            if v is not None:
                last = toks[-1]
                end = m.start("en") + _find_nth_end(raw, toks)
        if v is None:
            raise _Skip(m.end("en"))
        s = _Side(m.start("en"), end, v, v, words=True, run=norm[m.start("en"):end])
        return _extend(norm, s, lenient)
    run = m.group("run")
    run_end = m.end("run")
    if lenient and (" " in run or "，" in run):
        run = _GROUP_SPACE.sub("", run.replace("，", ","))
    if "," in run:
        run = _GROUP_COMMA.sub("", run)
    if (len(run) >= 2 and run[-1] in ZH_DIGITS and run[-2] in _BIG_CHARS
            and run_end < len(norm) and norm[run_end] in "个個位家名种種"):
        # 千亿三个参数: the 三 counts the nouns, it does not abbreviate 千亿三(千万).
        run, run_end = run[:-1], run_end - 1
    try:
        r = _read_run(run)
    except (NumeralError, InvalidOperation):
        raise _Skip(m.end()) from None
    lo, hi = r.lo, r.hi
    sign = m.group("sign")
    start = m.start("sign") if sign else m.start("run")
    if sign and sign.strip().lower() in _NEG_WORDS:
        lo, hi = -hi, -lo
    stripped = run
    if lenient and (" " in run or "\t" in run or "\u3000" in run):
        stripped = run.replace(" ", "").replace("\t", "").replace("\u3000", "")
    s = _Side(start, run_end, lo, hi, more=r.more, run=stripped, reading=r,
              chinese_only=r.chinese and _ASCII_DIGITS.isdisjoint(stripped))
    if r.has_unit:
        s.big_scale = not _BIG_CHARS.isdisjoint(stripped)
        s.small_units = not _SMALL_CHARS.isdisjoint(stripped)
    if stripped and stripped[-1] in _UNIT_VALUE:
        s.scale = Decimal(_UNIT_VALUE[stripped[-1]])
    return _extend(norm, s, lenient)


def _find_nth_end(raw: str, toks: list[str]) -> int:
    pos = 0
    for t in toks:
        pos = raw.index(t, pos) + len(t)
    return pos


def _extend(norm: str, s: _Side, lenient: bool) -> _Side:
    pos = s.end
    n = len(norm)
    if pos >= n:
        return s
    # Powers: 2^5, 1.3x10^6.
    m = P.POWER.match(norm, pos)
    if m and not s.words:
        if m.group("pexp") is not None and lenient:
            e = int(m.group("pexp"))
            if m.group("psign").count("-") % 2:
                e = -e
            v = abs(s.lo) ** e if s.lo else Decimal(0)
            s.lo = s.hi = -v if s.lo < 0 else v
            pos = m.end()
        elif m.group("texp") is not None:
            e = int(m.group("texp")) * (-1 if m.group("tsign") == "-" else 1)
            s.lo = s.hi = s.lo * (_TEN ** e)
            pos = m.end()
    # Chinese fractions: 五分之一, 百分之五十, 三又三分之一.
    m = P.FRACTION_OF[lenient].match(norm, pos)
    if m and not s.words:
        try:
            num = _read_run(m.group("frun"))
        except NumeralError:
            num = None
        if num is not None and s.lo:
            neg = -1 if m.group("fsign") else 1
            den = s.lo
            if s.chinese_only and s.run and all(c in _UNIT_VALUE for c in s.run):
                # 百分之五 is a percentage; 千分之三 is 0.3%; 百万分之五 is 0.0005%.
                s.kind, s.unit = "percent", "%"
                s.lo, s.hi = neg * num.lo * _HUNDRED / den, neg * num.hi * _HUNDRED / den
            else:
                s.lo, s.hi = neg * num.lo / den, neg * num.hi / den
            s.scale = None
            s.big_scale = False
            s.chinese_only = False
            s.run = "frac"
            pos = m.end()
    else:
        m = P.MIXED[lenient].match(norm, pos)
        if m:
            try:
                den = _read_run(m.group("mden")).lo
                num = _read_run(m.group("mnum")).lo
                if den:
                    sign = -1 if s.lo < 0 else 1
                    s.lo = s.hi = s.lo + sign * num / den
                    s.chinese_only = False
                    s.run = "frac"
                    pos = m.end()
            except NumeralError:
                pass
    if lenient and s.run != "frac" and not s.words:
        m = P.MIXED_SLASH.match(norm, pos)
        if m and s.lo == s.lo.to_integral_value() and int(m.group("den")):
            f = Decimal(m.group("num")) / Decimal(m.group("den"))
            s.lo = s.hi = s.lo - f if s.lo < 0 else s.lo + f
            pos = m.end()
        else:
            m = P.SLASH.match(norm, pos)
            if m and int(m.group("den")):
                s.lo = s.hi = s.lo / Decimal(m.group("den"))
                pos = m.end()
    elif not lenient and not s.words and not s.chinese_only:
        m = P.SLASH.match(norm, pos)
        if m and pos < n and norm[pos] == "/":
            # 3/4 in running text may be a date or a score: not a figure.
            raise _Skip(m.end())
    # Scale words: 13B, 10w, 2 million, 两个亿.
    pos = _scale(norm, s, pos, lenient)
    # 40多, 20余 (before a classifier or a unit).
    m = P.MORE_AFTER.match(norm, pos)
    if m and not s.words and (s.lo == s.lo.to_integral_value()):
        after = m.end()
        if after >= n or norm[after] in CLASSIFIER_CHARS or norm[after] in _END_PUNCT or P.UNIT.match(norm, after):
            s.more = True
            pos = after
    m = P.INCLUSIVE.match(norm, pos)
    if m:
        s.inclusive = True
        pos = m.end()
    pos = _unit(norm, s, pos, lenient)
    s.end = pos
    return s


def _scale(norm: str, s: _Side, pos: int, lenient: bool) -> int:
    m = P.GE_YI.match(norm, pos)
    if m:
        f = Decimal(_UNIT_VALUE[m.group("big")])
        s.lo, s.hi = s.lo * f, s.hi * f
        s.scale, s.big_scale = f, True
        return m.end()
    if not s.words:
        m = P.ATTACHED.match(norm, pos)
        if m:
            f = Decimal(ATTACHED_SCALES[m.group("s")])
            s.lo, s.hi = s.lo * f, s.hi * f
            s.scale, s.big_scale = f, True
            return m.end()
        m = P.ATTACHED_SOFT.match(norm, pos)
        if m and (lenient or ("." in s.run and m.group("s") in "gG")):
            f = Decimal(SOFT_ATTACHED_SCALES[m.group("s")])
            s.lo, s.hi = s.lo * f, s.hi * f
            s.scale, s.big_scale = f, True
            return m.end()
    for _ in range(2):
        m = P.SPACED_SCALE.match(norm, pos)
        if not m:
            if lenient:
                m2 = P.SPACED_K.match(norm, pos)
                if m2:
                    k = m2.group("s")
                    f = Decimal(ATTACHED_SCALES.get(k) or SOFT_ATTACHED_SCALES[k])
                    s.lo, s.hi = s.lo * f, s.hi * f
                    s.scale, s.big_scale = f, True
                    pos = m2.end()
            break
        word = m.group("s").lower()
        if word == "mm" and not lenient:
            break
        f = Decimal(EN_SCALES[word])
        s.lo, s.hi = s.lo * f, s.hi * f
        s.scale, s.big_scale = f, True
        pos = m.end()
    return pos


def _unit(norm: str, s: _Side, pos: int, lenient: bool) -> int:
    m = P.UNIT.match(norm, pos)
    if not m:
        if pos < len(norm) and norm[pos] == "分" and any(c in _FINANCIAL for c in s.run):
            s.kind, s.unit = "money", "CNY"      # 壹分: financial numerals write money
            s.lo, s.hi = s.lo / _HUNDRED, s.hi / _HUNDRED
            s.has_unit_word = True
            return pos + 1
        return pos
    g = m.lastgroup
    word = m.group(g)
    if g == "points":
        s.kind, s.unit = "points", "pp"
    elif g == "pct":
        s.kind, s.unit = "percent", "%"
        if word == "‰":
            s.lo, s.hi = s.lo / _TEN, s.hi / _TEN
    elif g == "mult":
        s.kind, s.unit = "multiplier", "x"
    elif g == "zhe":
        s.kind, s.unit = "discount", "zhe"
        r = s.reading
        if s.run == "半":
            s.lo = s.hi = Decimal(5)       # 半折 is 五折, half price
        if r is not None and ((r.digit_string and r.n_digits == 2) or (s.run.isdigit() and len(s.run) == 2)):
            s.lo, s.hi = s.lo / _TEN, s.hi / _TEN
    elif g == "cheng":
        s.kind, s.unit = "percent", "%"
        s.lo, s.hi = s.lo * _TEN, s.hi * _TEN
        t = P.CHENG_TAIL.match(norm, m.end())
        if t:
            add = Decimal(5) if t.group("half") else Decimal(ZH_DIGITS[t.group("d")])
            s.lo, s.hi = s.lo + add, s.hi + add
            s.has_unit_word = True
            s.end = t.end()
            return t.end()
    elif g == "cur":
        if word in ("块", "塊") and not lenient and not _yuan_kuai(norm, m.end()):
            return pos         # 一块底层: 块 is 'a piece' here
        return _money(norm, s, m.end(), CURRENCY_AFTER[word], word, lenient)
    elif g == "sub":
        f = ZH_SUBUNITS[word]
        s.kind, s.unit = "money", "HKD" if word == "毫" else "CNY"
        s.lo, s.hi = s.lo * f, s.hi * f
        return _money_tail(norm, s, m.end(), after_sub=True)
    elif g == "fen":
        s.kind, s.unit = "money", "CNY"
        s.lo, s.hi = s.lo / _HUNDRED, s.hi / _HUNDRED
    elif g == "dur":
        w = word.lstrip("-").lower()
        unit = "year" if w == "周年" else ZH_DURATIONS.get(word) or EN_DURATIONS.get(w)
        if unit == "decade":
            unit = "year"
            s.lo, s.hi = s.lo * _TEN, s.hi * _TEN
        s.kind, s.unit = "duration", unit
        end = m.end()
        if end < len(norm) and norm[end] == "半":
            s.lo, s.hi = s.lo + Decimal("0.5"), s.hi + Decimal("0.5")
            end += 1
        elif end < len(norm) and norm[end] in "多余" and (end + 1 >= len(norm) or norm[end + 1] in _END_PUNCT or norm[end + 1] in "的时時来來"):
            s.more = True
            end += 1
        s.has_unit_word = True
        return end
    elif g == "noun":
        s.unit = COUNT_NOUNS[word]
    s.has_unit_word = True
    return m.end()


def _yuan_kuai(norm: str, end: int) -> bool:
    """块 is money when money words follow it (钱, 五毛, 一块五) or the sentence ends."""
    if end >= len(norm):
        return True
    c = norm[end]
    return not ("\u4e00" <= c <= "\u9fff") or c in "钱錢多半角毛零" or c in ZH_DIGITS


def _money(norm: str, s: _Side, pos: int, code: str, word: str, lenient: bool) -> int:
    s.kind, s.unit = "money", code
    s.has_unit_word = True
    if word in ("元", "圆", "圓", "块", "塊", "蚊"):
        sw = P.CURRENCY_SWITCH.match(norm, pos)
        if sw:
            s.unit = CURRENCY_AFTER[sw.group("cur")]
            return sw.end()
        return _money_tail(norm, s, pos, after_sub=False, lenient=lenient)
    if code == "USD":
        c = P.CENTS.match(norm, pos)          # 两美元又三美分
        if c:
            try:
                add = read_numeral(c.group("crun")).lo / _HUNDRED
                s.lo, s.hi = s.lo + add, s.hi + add
                return c.end()
            except NumeralError:
                pass
    m = P.MONEY_TAIL.match(norm, pos)
    return m.end() if m else pos


def _money_tail(norm: str, s: _Side, pos: int, after_sub: bool, lenient: bool = False) -> int:
    """Sub-units after 元/块 (五元三毛, 123元1角1分) or colloquial digits (一块五, 两毛五)."""
    if not after_sub:
        m = P.SUB_CHAIN[lenient].match(norm, pos)
        if m and (m.group("jiao") or m.group("fen")):
            add = Decimal(0)
            try:
                if m.group("jiao"):
                    add += read_numeral(m.group("jrun")).lo * Decimal("0.1")
                if m.group("fen"):
                    add += read_numeral(m.group("frun")).lo * Decimal("0.01")
            except NumeralError:
                add = None
            if add is not None:
                s.lo, s.hi = s.lo + add, s.hi + add
                pos = m.end()
                if m.group("jiao") and not m.group("fen"):
                    c = P.COLLOQ_DIGIT.match(norm, pos)      # 五块七毛八
                    if c and not c.group("zero"):
                        d = Decimal(ZH_DIGITS[c.group("d")] if not c.group("d").isdigit() else c.group("d"))
                        s.lo, s.hi = s.lo + d / _HUNDRED, s.hi + d / _HUNDRED
                        pos = c.end()
                t = P.MONEY_TAIL.match(norm, pos)
                return t.end() if t else pos
        m = P.COLLOQ_DIGIT.match(norm, pos)
        if m:
            d = Decimal(ZH_DIGITS.get(m.group("d"), None) if not m.group("d").isdigit() else m.group("d"))
            add = d * (Decimal("0.01") if m.group("zero") else Decimal("0.1"))
            s.lo, s.hi = s.lo + add, s.hi + add
            pos = m.end()
    else:
        m = P.SUB_CHAIN[lenient].match(norm, pos)
        if m and m.group("fen") and not m.group("jiao"):
            try:
                add = read_numeral(m.group("frun")).lo * Decimal("0.01")
                s.lo, s.hi = s.lo + add, s.hi + add
                pos = m.end()
            except NumeralError:
                pass
        else:
            m = P.COLLOQ_DIGIT.match(norm, pos)
            if m and not m.group("zero"):
                d = Decimal(ZH_DIGITS[m.group("d")] if not m.group("d").isdigit() else m.group("d"))
                s.lo, s.hi = s.lo + d * Decimal("0.01"), s.hi + d * Decimal("0.01")
                pos = m.end()
    t = P.MONEY_TAIL.match(norm, pos)
    return t.end() if t else pos


# --- composing a figure ---------------------------------------------------------------


def _range(norm: str, first: _Side, lenient: bool, between: bool) -> tuple[_Side, int] | None:
    """A second side after a range connector: 5-20年, 1.5 to 2 years, 五、六家."""
    c = P.RANGE_CONN.match(norm, first.end)
    if not c:
        return None
    conn = c.group("c")
    if conn == "-" and c.group("gap") and not lenient and first.words:
        return None
    m = P.SIDE[lenient].match(norm, c.end())
    if not m:
        return None
    try:
        second = _side(norm, m, lenient)
    except _Skip:
        return None
    if conn in ("、",):
        # 五、六家: two adjacent single Chinese digits only.
        if not (first.chinese_only and second.chinese_only and len(first.run) == 1 and len(second.run) == 1
                and second.lo == first.lo + 1):
            return None
    end = second.end
    if conn in ("和", "与", "與", "and"):
        t = P.BETWEEN_TAIL.match(norm, end)
        if conn == "and" and not between:
            return None
        if conn != "and":
            if not t:
                return None
            end = t.end()
    if c.group("cur2"):
        if second.kind == "count":
            second.kind, second.unit = "money", CURRENCY_BEFORE[c.group("cur2")]
    return second, end


def _merge_range(first: _Side, second: _Side) -> tuple[Decimal, Decimal, str, str] | None:
    kind, unit = first.kind, first.unit
    if second.kind != "count" or second.unit:
        if first.kind != "count" and (first.kind, first.unit) != (second.kind, second.unit):
            return None
        kind, unit = second.kind, second.unit
    lo = first.lo
    # 两到三万, 十八至三十万, 1.5 to 2 million: the first side borrows the second's scale.
    if second.scale is not None and not first.big_scale and not first.words and first.run != "frac":
        borrow = second.big_scale or not first.small_units
        if borrow and first.lo * second.scale <= second.hi:
            lo = first.lo * second.scale
    if first.kind == "count" and kind != "count" and second.kind == "percent" and first.kind != "percent":
        pass
    if lo >= second.hi:
        return None
    return lo, second.hi, kind, unit


def _lone_zh_is_word(norm: str, s: _Side, end: int) -> bool:
    """统一, 十分, 万物, 零一万物, 三一重工: Chinese numeral characters inside words."""
    run = s.run
    nxt = norm[end] if end < len(norm) else ""
    if run[0] in "万萬亿億兆":
        return True
    if run[0] in "零〇" and "点" not in run and "點" not in run and len(run) > 1:
        return True
    if run in ("千万", "千萬", "万万", "萬萬") and nxt in _ADVERB_AFTER_QIANWAN:
        return True
    if run in ("一", "壹", "零", "〇"):
        return True            # 一个新的: the indefinite article; 一年, 一倍 carry a unit
    if nxt and (nxt in CLASSIFIER_CHARS):
        return False
    if len(run) == 1:
        return True
    r = s.reading
    if r is not None and not r.has_unit:
        return True            # 三一, 两三 without a counted noun
    return False


def scan(text: str, lenient: bool = False) -> list[tuple[Figure, bool]]:
    """Every figure in text with a 'weak' flag (True: running text would not count it)."""
    norm = text.translate(FULLWIDTH)
    out: list[tuple[Figure, bool]] = []
    pos = 0
    prev_end = 0
    n = len(norm)
    while pos < n:
        m = _next_match(norm, pos, lenient)
        if not m:
            break
        kind = m.lastgroup
        if kind in ("skip", "ordinal", "name"):
            if kind == "ordinal" and lenient and m.group("ordinal").startswith("第"):
                pass
            pos = m.end()
            continue
        if kind == "date":
            iso, is_range = read_date(m)
            fig = Figure(text[m.start():m.end()], m.start(), m.end(), "date", "", None, None,
                         "range" if is_range else "exact", date=iso)
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
        except _Skip as sk:
            pos = max(sk.end, m.end()) if sk.end > m.start() else m.end()
            continue
        if res is None:
            pos = m.end()
            continue
        fig, weak, end = res
        out.append((fig, weak))
        pos = prev_end = end
    return _merge_two_sided(norm, text, out)


_BACKWALK = set("-+.(（ \t")


def _next_match(norm: str, pos: int, lenient: bool):
    """The next MASTER match at or after pos, tried only where a figure can start."""
    master = P.MASTER[lenient]
    trigger = P.TRIGGER
    n = len(norm)
    while pos < n:
        t = trigger.search(norm, pos)
        if t is None:
            return None
        start, end = t.span()
        c = norm[start]
        if c.isascii() and c.isalpha():
            word = t.group()
            nxt = norm[end] if end < n else ""
            if not (word.lower() in P.START_WORDS or word in P.CAP_WORDS
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
    run = m.group("run")
    if run is not None and not m.group("sign"):
        i = m.start("run")
        if norm.startswith(ZH_NUMERAL_WORDS, i) and norm[i + 2:i + 3] != "之":   # 十分之一 is a fraction
            raise _Skip(i + 2)
        if run in ("一", "壹"):
            j = m.end("run")
            if (i > 0 and norm[i - 1] in ONE_WORD_BEFORE) or (j < len(norm) and norm[j] in ONE_WORD_AFTER):
                raise _Skip(j)     # 统一, 下一代, 一点, 一度: words, not numbers
    first = _side(norm, m, lenient)
    start = first.start
    # Hedges and currency written before the number.
    lo_bound = max(prev_end, start - 40)
    pm = P.PREFIX_REV.match(norm[lo_bound:start][::-1]) if start > lo_bound else None
    q_pre = None
    between = False
    bi = False
    pre_cur = None
    if pm:
        q_word, cur_word = pm.group("q"), pm.group("cur")
        if q_word:
            q_pre = lookup(q_word[::-1], PREFIX_LOOKUP)
        between = bool(pm.group("between"))
        bi = bool(pm.group("bi"))
        if cur_word:
            pre_cur = CURRENCY_BEFORE[cur_word[::-1]]
            if first.kind == "count" and not first.unit:
                first.kind, first.unit = "money", pre_cur
                first.has_unit_word = True
        if q_word or cur_word or bi:
            # The hedge and the currency sign belong to the figure's text (not the spaces before them).
            start = start - max(pm.end(g) for g in ("q", "cur", "bi") if pm.group(g))
    # Second side of a range.
    is_range = False
    lo, hi = first.lo, first.hi
    kind, unit = first.kind, first.unit
    end = first.end
    rng = _range(norm, first, lenient, between) if end < len(norm) else None
    if rng is not None:
        second, rend = rng
        merged = _merge_range(first, second)
        if merged is not None:
            lo, hi, kind, unit = merged
            is_range = True
            end = rend
    more = first.more and not is_range
    # Rate: 20 token/秒, ¥0.5 per million tokens.
    rm = P.RATE.match(norm, end) if end < len(norm) else None
    if rm and (kind == "money" or (kind == "count" and unit)):
        den_unit = COUNT_NOUNS.get(rm.group("dunit")) or DEN_UNITS.get(rm.group("dunit").lower()) \
            or DEN_UNITS.get(rm.group("dunit"))
        if den_unit:
            ds = rm.group("dscale")
            if ds:
                f = _DEN_SCALE_WORDS.get(ds.lower()) or _DEN_SCALE_WORDS.get(ds)
                if f is None:
                    f = int(ds.replace(",", ""))
                den = f"{f} {den_unit}"
            else:
                den = den_unit
            unit = f"{unit}/{den}"
            kind = "rate"
            end = rm.end()
    # Hedges written after the number, also across one classifier: 5台以上, 20万次以上.
    q_suf = None
    sm = SUFFIX_RE.match(norm, end) if end < len(norm) else None
    if not sm and end < len(norm) and norm[end] in CLASSIFIER_CHARS and kind == "count":
        sm = SUFFIX_RE.match(norm, end + 1)
        if sm and sm.group(0).strip() in ("+", "plus"):
            sm = None
    if sm:
        word = sm.group(0).strip()
        if not (word == "+" and end < len(norm) - 1 and norm[end + 1:end + 2].isdigit()):
            q_suf = lookup(word, SUFFIX_LOOKUP)
            end = sm.end()
    if bi:
        cm = P.COMPARE_TAIL.match(norm, end)
        if cm:
            q_suf = COMPARE_AFTER[cm.group("c")]
            end = cm.end()
        elif q_pre is None and pre_cur is None:
            start = first.start
    if first.inclusive and q_suf == "more_than":
        q_suf = "at_least"
    elif first.inclusive and q_suf == "less_than":
        q_suf = "at_most"
    # Qualifier.
    if q_pre == "exact":
        q_pre = None
    q = q_pre or ("more_than" if more else None) or q_suf
    ranged = is_range or lo != hi
    if q is None or (ranged and q in ("approx", "nearly", "exact")):
        q = "range" if ranged else "exact"
    low, high, low_open, high_open = bounds(q, lo, hi)
    weak = False
    date = ""
    if kind == "count" and not unit and not ranged and q == "exact":
        # A bare year: 2024 T-EDGE, in 2024.
        if (not first.words and first.run.isdigit() and len(first.run) == 4
                and 1900 <= int(first.run) <= 2099 and first.start == start
                and not (end < len(norm) and norm[end] in CLASSIFIER_CHARS)):
            kind, date, low, high = "date", first.run, None, None
    if (not first.words and not first.has_unit_word and not is_range and end < len(norm)
            and norm[end].isascii() and norm[end].isalpha() and first.scale is None):
        # Digits glued to letters are a name or a code (5G, 4o, 3D, 9bfada59...): skip the token.
        raise _Skip(_ALNUM.match(norm, first.start).end())
    weak = _is_weak(norm, first, start, end, kind, unit, q, is_range, q_pre, q_suf)
    fig = Figure(text[start:end], start, end, kind, unit, _clean(low), _clean(high), q, low_open, high_open, date)
    return fig, weak, end


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


def _squash(w: str) -> str:
    return " ".join(w.lower().split())


def _is_weak(norm: str, s: _Side, start: int, end: int, kind: str, unit: str, q: str,
             is_range: bool, q_pre, q_suf) -> bool:
    """True when running text would not count this as a figure."""
    qualified = q_pre is not None or q_suf is not None or s.more
    bare = kind == "count" and not unit and not qualified and not is_range
    nxt = norm[end] if end < len(norm) else ""
    if s.words:
        if bare and s.lo == 1 and not s.big_scale:
            return True        # 'one of', 'no one'
        return False
    if s.chinese_only and s.run != "frac":
        if kind == "count" and not unit and not is_range and not s.big_scale and _lone_zh_is_word(norm, s, end):
            return True
        if s.run[0] in "万萬亿億兆" or (s.run[0] in "零〇" and len(s.run) > 1 and "点" not in s.run and "點" not in s.run):
            return True
        if s.run in ("千万", "千萬") and nxt in _ADVERB_AFTER_QIANWAN:
            return True
        return False
    if not bare:
        # Digits glued to letters are names even with a unit-looking tail (5G, 4o, 3D).
        return False
    before = norm[max(0, s.start - 16):s.start]
    run = s.run
    if nxt and (nxt.isascii() and nxt.isalpha()):
        return True                                   # 5G, 4o, 3D, 16GB
    if run.isdigit() and len(run) > 1 and run[0] == "0":
        return True                                   # 01模型, 007
    if run.endswith(".0") and before and (before[-1].isalpha()):
        return True                                   # 源2.0, AI2.0
    if before.endswith(ZH_PRODUCT_NAMES):
        return True                                   # 骁龙8
    if (len(run) <= 3 or (run.replace(".", "", 1).isdigit() and len(run) <= 4 and "." in run)) \
            and P.CAPITAL_WORD_BEFORE.search(before):
        return True                                   # iPhone 15, OriginOS 4, AI 2.0
    return False


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
