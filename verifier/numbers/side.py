"""One number as written and what follows it: scale, 多, unit, money, fraction.

`read_side` takes a MASTER match (a numeral or English number words) and reads
the number together with everything glued to its right: a power (1.3x10^6), a
Chinese fraction (五分之一, 百分之五十), a scale (13B, 2 million, 两个亿), 多/余,
and a unit (%, 倍, 元, 个月, 参数 ...). Ranges, hedges and the decision whether
the result is a figure at all belong to scanner.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import patterns as P
from .en import first_break, read_words, split_words
from .lexicon import (
    ATTACHED_SCALES, CLASSIFIER_CHARS, CONTEXT_UNITS, COUNT_NOUNS, CURRENCY_AFTER, EN_CONNECTORS, EN_DURATIONS, EN_SCALES,
    EN_SUBUNITS, MONEY_SLANG, NEGATIVE_WORDS, NOT_A_UNIT_BEFORE, QUANTITY_UNITS, SHARE_AFTER_ZH, SHARE_BEFORE_ZH,
    SOFT_ATTACHED_SCALES, ZH_BIG_UNITS, ZH_DIGITS, ZH_DURATIONS, ZH_FINANCIAL_CHARS, ZH_MORE, ZH_PER_CHARS,
    ZH_SMALL_UNITS, ZH_SUBUNITS, ZH_TENS, out_of_range,
)
from .money import is_yuan_kuai, money_after, money_tail
from .per_capita import per_capita
from .vague import magnitude
from .zh import NumeralError, Reading, read_numeral

_ONE = Decimal(1)
_TEN = Decimal(10)
_HUNDRED = Decimal(100)
_HALF = Decimal("0.5")
_BIG_CHARS = set(ZH_BIG_UNITS)
_SMALL_CHARS = set(ZH_SMALL_UNITS) | set(ZH_TENS)
_POWER_START = set("^xX×")
_MORE_START = set(ZH_MORE)
_ASCII_DIGITS = set("0123456789")
UNIT_VALUE = {**ZH_SMALL_UNITS, **ZH_BIG_UNITS}
END_PUNCT = set("，。、；：！？,.;:!?)）】」』\"'” \t\n\r")
_MAX_WORDS = P.EN_MAX_LINKS           # the longest number phrase in the suites has 11 words
_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d)")


class Skip(Exception):
    """The numeral turned out not to be a figure; resume scanning at `end`."""

    def __init__(self, end: int, chain: bool = False):
        super().__init__(end)
        self.end = end
        self.chain = chain       # a too-long chain of number words: what follows it belongs to it too


@dataclass(slots=True)
class Side:
    """One number with its scale and unit, before ranges and hedges are applied."""

    start: int
    end: int
    lo: Decimal
    hi: Decimal
    kind: str = "count"
    unit: str = ""
    more: bool = False
    plus: bool = False               # 9000+ tokens: at least, with the unit after the '+'
    before_unit: Decimal | None = None   # lo before the unit word: 5毛 rescales 5 to 0.5
    scale: Decimal | None = None     # trailing multiplier a range partner may borrow (3万 -> 1e4)
    big_scale: bool = False          # the number carries its own 万/亿/million/K
    small_units: bool = False        # 十/百/千 used inside a Chinese numeral
    run: str = ""                    # the numeral text as written (normalised)
    chinese_only: bool = False
    words: bool = False
    reading: Reading | None = None
    has_unit_word: bool = False
    inclusive: bool = False


def read_side(norm: str, m, lenient: bool) -> Side:
    """Read the number matched by m (group 'en', 'num' or 'vague') and what follows it."""
    if m.lastgroup == "vague":
        lo, hi, scale = magnitude(m)
        s = Side(m.start(), m.end(), lo, hi, run=m.group(), words=True, scale=scale,
                 big_scale=scale is not None and scale >= 1000)
        return _checked(_extend(norm, s, lenient))
    if "a_unit" in m.re.groupindex and m.group("a_unit") is not None:
        # 'an hour and a half': the article is one of the unit that follows (patterns._en_a_unit)
        s = Side(m.start("en"), m.end("en"), _ONE, _ONE, words=True, run=m.group("en"))
        return _checked(_extend(norm, s, lenient))
    if m.group("en") is not None:
        raw = m.group("en")
        toks = split_words(raw)
        if len(toks) > _MAX_WORDS or (len(raw) >= 2 * _MAX_WORDS and P.EN_LINK.match(norm, m.end("en"))):
            raise Skip(m.end("en"), chain=True)     # 'one hundred and ' * 5000 is no figure
        end = m.end("en")
        v = read_words(toks)
        if v is None and len(toks) > 1:
            cut = first_break(toks)
            if cut < len(toks):
                toks = toks[:cut]      # 'five six seven ...' -> 'five' at once, not one word at a time
                v = read_words(toks)
                end = m.start("en") + _find_nth_end(raw, toks)
        while v is None and len(toks) > 1:
            # Shrink from the right ('five of ten' -> 'five'), keeping end in step.
            toks = toks[:-1]
            while len(toks) > 1 and toks[-1].lower() in EN_CONNECTORS:
                toks = toks[:-1]
            v = read_words(toks)
            if v is not None:
                end = m.start("en") + _find_nth_end(raw, toks)
        if v is None:
            raise Skip(m.end("en"))
        s = Side(m.start("en"), end, v, v, words=True, run=norm[m.start("en"):end])
        last = toks[-1].lower()
        last = last[:-1] if last.endswith("s") and last[:-1] in EN_SCALES else last
        if EN_SCALES.get(last, 0) >= 1000:
            # 'three million' carries its scale: 'two or three million' lends it to the first side.
            s.scale, s.big_scale = Decimal(EN_SCALES[last]), True
        if last == "half":
            article = P.HALF_A.match(norm, s.end)       # half a year: the article belongs to the figure
            if article:
                s.end = article.end()
        return _checked(_extend(norm, s, lenient))
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
        r = read_numeral(run)
    except (NumeralError, InvalidOperation):
        raise Skip(m.end()) from None
    lo, hi = r.lo, r.hi
    sign = m.group("sign")
    start = m.start("sign") if sign else m.start("run")
    if sign and sign.strip().lower() in NEGATIVE_WORDS:
        lo, hi = -hi, -lo
    stripped = run
    if lenient and (" " in run or "\t" in run or "\u3000" in run):
        stripped = run.replace(" ", "").replace("\t", "").replace("\u3000", "")
    s = Side(start, run_end, lo, hi, more=r.more, run=stripped, reading=r,
              chinese_only=r.chinese and _ASCII_DIGITS.isdisjoint(stripped))
    if r.has_unit:
        s.big_scale = not _BIG_CHARS.isdisjoint(stripped)
        s.small_units = not _SMALL_CHARS.isdisjoint(stripped)
    if stripped and stripped[-1] in UNIT_VALUE:
        s.scale = Decimal(UNIT_VALUE[stripped[-1]])
    return _checked(_extend(norm, s, lenient))


def _checked(s: Side) -> Side:
    """A side whose scale or power pushed it beyond any figure (1e20 trillion) is not one."""
    if out_of_range(s.lo) or out_of_range(s.hi):
        raise Skip(s.end)
    return s


def _find_nth_end(raw: str, toks: list[str]) -> int:
    pos = 0
    for t in toks:
        pos = raw.index(t, pos) + len(t)
    return pos


def peek(norm: str, pos: int) -> str:
    """The first character at or after pos that is not a space or tab ('' at the end)."""
    n = len(norm)
    while pos < n and norm[pos] in " \t":
        pos += 1
    return norm[pos] if pos < n else ""


def _extend(norm: str, s: Side, lenient: bool) -> Side:
    """Everything written after the number: power, fraction, scale, 多, unit."""
    pos = s.end
    n = len(norm)
    if pos >= n:
        return s
    nxt = peek(norm, pos)           # gates: try a pattern only when its first character is there
    if nxt in _POWER_START and not s.words:
        _power(norm, s, pos, lenient)
        pos = s.end
        nxt = peek(norm, pos)
    if nxt in ("分", "又") and not s.words:
        pos = _fraction(norm, s, pos, lenient)
    if not s.words and s.run != "frac" and not (nxt == "/" and (per_capita(norm, pos) or _per_count(norm, pos))):
        if lenient:
            m = P.MIXED_SLASH.match(norm, pos) if nxt.isdigit() else None
            if m and s.lo == s.lo.to_integral_value() and int(m.group("den")):
                f = Decimal(m.group("num")) / Decimal(m.group("den"))
                s.lo = s.hi = s.lo - f if s.lo < 0 else s.lo + f
                pos = m.end()
            elif nxt == "/":
                m = P.SLASH.match(norm, pos)
                if m and int(m.group("den")):
                    s.lo = s.hi = s.lo / Decimal(m.group("den"))
                    pos = m.end()
        elif nxt.isdigit() and norm[pos] == " " and not s.chinese_only and s.run.isdigit():
            # 2 1/2 in thick: a mixed number in running text only where a share or a unit follows.
            m = P.MIXED_SLASH.match(norm, pos)
            if m and int(m.group("den")) and int(m.group("num")) < int(m.group("den")) \
                    and _is_share(norm, m.start("num"), m.end()) and norm[m.end():m.end() + 1] == " ":
                s.lo = s.hi = s.lo + Decimal(m.group("num")) / Decimal(m.group("den"))
                s.run = "frac"
                pos = m.end()
        elif not s.chinese_only and pos < n and norm[pos] == "/":
            m = P.SLASH.match(norm, pos)
            if m:
                # 3/4 in running text may be a date or a score; a figure only where a share is meant.
                if not (int(m.group("den")) and s.run.isdigit() and _is_share(norm, s.start, m.end())):
                    raise Skip(m.end())
                s.lo = s.hi = s.lo / Decimal(m.group("den"))
                s.run = "frac"
                pos = m.end()
    # Scale words: 13B, 10w, 2 million, 两个亿.
    if pos < n:
        pos = _scale(norm, s, pos, lenient)
    nxt = peek(norm, pos)
    # 40多, 20余 (before a classifier or a unit).
    if nxt in _MORE_START and not s.words and s.lo == s.lo.to_integral_value():
        m = P.MORE_AFTER.match(norm, pos)
        after = m.end()
        if after >= n or norm[after] in CLASSIFIER_CHARS or norm[after] in END_PUNCT or P.UNIT.match(norm, after):
            s.more = True
            pos = after
            nxt = peek(norm, pos)
    elif nxt == "+" and s.lo >= 0:
        # 9000+ tokens/s, 1M+ tokens: '+' between the number and its unit says 'at least', as 多 does.
        plus_at = norm.index("+", pos)
        if P.UNIT.match(norm, plus_at + 1):
            s.plus = True
            pos = plus_at + 1
            nxt = peek(norm, pos)
    if nxt in "(（":
        m = P.INCLUSIVE.match(norm, pos)
        if m:
            s.inclusive = True
            pos = m.end()
            nxt = peek(norm, pos)
    if nxt in "个個" and not s.more and s.lo == s.lo.to_integral_value() and s.lo >= 0:
        m = P.GE_BAN.match(norm, pos)
        if m:
            # 一个半小时 = 1.5 hours, 两个半月 = 2.5 months, 五个半 = 5.5; not 一个半导体 'a semiconductor'.
            s.lo, s.hi = s.lo + _HALF, s.hi + _HALF
            s.chinese_only = False
            pos = m.end()
            if m.group("month"):
                s.kind, s.unit, s.has_unit_word = "duration", "month", True
                s.end = pos
                return s
            nxt = peek(norm, pos)
    if nxt:
        s.before_unit = s.lo
        pos = _unit(norm, s, pos, lenient)
    s.end = pos
    return s


def _per_count(norm: str, pos: int) -> bool:
    """'/1K tokens' after a price is its denominator (scanner._rate), not a fraction: $0.002/1K tokens."""
    m = P.RATE.match(norm, pos)
    return m is not None and m.group("dunit") in COUNT_NOUNS


def _power(norm: str, s: Side, pos: int, lenient: bool) -> None:
    """2^5 (claims only) and 1.3x10^6."""
    m = P.POWER.match(norm, pos)
    if not m:
        return
    exp = m.group("pexp") or m.group("texp")
    if len(exp) > 2:
        raise Skip(m.end())           # 2^999: no figure is that large
    if m.group("pexp") is not None and lenient:
        e = int(m.group("pexp"))
        if m.group("psign").count("-") % 2:
            e = -e
        v = abs(s.lo) ** e if s.lo else Decimal(0)
        s.lo = s.hi = -v if s.lo < 0 else v
        s.end = m.end()
    elif m.group("texp") is not None:
        sign = m.group("tsign") or m.group("bare_sign")
        if m.group("bare_sign") and "." not in s.run:
            return                    # 5x10-3 without a decimal is no scientific notation: 5 by 10-3
        e = int(m.group("texp")) * (-1 if sign == "-" else 1)
        s.lo = s.hi = s.lo * (_TEN ** e)
        s.end = m.end()


def _is_share(norm: str, start: int, end: int) -> bool:
    """N/D written where a share is meant: 1/3的人, 总量的1/5以上, 1/4 inch, 1/5 of, or the text alone."""
    if start and (norm[start - 1].isalnum() and not _is_cjk(norm[start - 1]) or norm[start - 1] in "/.-:"):
        return False                  # v1/2, 2024/1/5, A-1/2
    before = norm[:start].rstrip(" \t")
    after = norm[end:].lstrip(" \t")
    if not before.strip() and not after.strip():
        return True
    if after[:1] == "的" or after.startswith(SHARE_AFTER_ZH) or P.SHARE_AFTER_EN.match(after):
        return True
    return before.endswith(SHARE_BEFORE_ZH) or bool(P.SHARE_BEFORE_EN.search(before))


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _fraction(norm: str, s: Side, pos: int, lenient: bool) -> int:
    """五分之一, 百分之五十 (percent), 千分之三 (0.3%), 三又三分之一."""
    m = P.FRACTION_OF[lenient].match(norm, pos)
    if m:
        try:
            num = read_numeral(m.group("frun"))
        except NumeralError:
            return pos
        if not s.lo or (m.group("nozhi") is not None and s.run != "百"):
            return pos               # 百分百 and 百分三十 drop the 之 of a percentage; 一百分 is a score
        neg = -1 if m.group("fsign") else 1
        den = s.lo
        if s.chinese_only and s.run and all(c in ZH_PER_CHARS for c in s.run):
            # 百分之五 is a percentage; 千分之三 is 0.3%; 百万分之五 is 0.0005%.
            s.kind, s.unit = "percent", "%"
            s.lo, s.hi = neg * num.lo * _HUNDRED / den, neg * num.hi * _HUNDRED / den
        else:
            s.lo, s.hi = neg * num.lo / den, neg * num.hi / den
        s.scale = None
        s.big_scale = False
        s.chinese_only = False
        s.run = "frac"
        return m.end()
    m = P.YOU_SLASH.match(norm, pos)
    if m and int(m.group("den")) and s.lo == s.lo.to_integral_value():
        sign = -1 if s.lo < 0 else 1
        s.lo = s.hi = s.lo + sign * Decimal(m.group("num")) / Decimal(m.group("den"))
        s.chinese_only = False
        s.run = "frac"
        return m.end()
    m = P.MIXED[lenient].match(norm, pos)
    if m:
        try:
            den = read_numeral(m.group("mden")).lo
            num = read_numeral(m.group("mnum")).lo
        except NumeralError:
            return pos
        if den:
            sign = -1 if s.lo < 0 else 1
            s.lo = s.hi = s.lo + sign * num / den
            s.chinese_only = False
            s.run = "frac"
            return m.end()
    return pos


def _scale(norm: str, s: Side, pos: int, lenient: bool) -> int:
    """13B, 10w, 2 million, 1,674.5 million, 两个亿: multiply and remember the scale."""
    c = norm[pos]
    if not (c in "个個 \t-" or (c.isascii() and c.isalpha())):
        return pos
    if _measure_after(norm, s, pos):
        return pos                   # 50km, 48 mm, 80G显存: a unit of measure, not a scale
    m = P.GE_YI.match(norm, pos) if c in "个個" else None
    if m:
        f = Decimal(UNIT_VALUE[m.group("big")])
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
        if m and (lenient or ("." in s.run and m.group("s") in "gG")
                  or (m.group("s") == "m" and P.CURRENCY_SIGN_BEFORE.search(norm, max(0, s.start - 8), s.start))):
            f = Decimal(SOFT_ATTACHED_SCALES[m.group("s")])
            s.lo, s.hi = s.lo * f, s.hi * f
            s.scale, s.big_scale = f, True
            return m.end()
    m = P.MONEY_SPACED_SCALE.match(norm, pos)
    if m and P.CURRENCY_SIGN_BEFORE.search(norm, max(0, s.start - 8), s.start):
        f = Decimal(ATTACHED_SCALES.get(m.group("s")) or SOFT_ATTACHED_SCALES[m.group("s")])
        s.lo, s.hi = s.lo * f, s.hi * f                  # ¥30 b, $5 m: after a currency sign a letter is a scale
        s.scale, s.big_scale = f, True
        return m.end()
    for _ in range(2):
        m = P.SPACED_SCALE.match(norm, pos)
        if not m:
            m2 = P.SPACED_K.match(norm, pos) if lenient or "." in s.run else None
            if m2 and not lenient and (m2.group("s") not in "KMB" or P.CAPITAL_AFTER.match(norm, m2.end())):
                m2 = None          # running text: 0.1 M tokens, 2.5 B; not 5 M (a name), 0.5 M NaCl (molar)
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


def _measure_after(norm: str, s: Side, pos: int) -> bool:
    """A unit of measure follows (not a scale letter): 50km, 48 mm, 5m tall; not $5m or 5m people."""
    m = P.QUANTITY_AHEAD.match(norm, pos)
    if not m:
        return False
    word = norm[pos:m.end()].strip()
    if word in ("m", "mm", "g") and P.CURRENCY_SIGN_BEFORE.search(norm, max(0, s.start - 8), s.start):
        return False                 # $5m, $1.5g: a scale of money
    if word == "m" and not _metres(norm, m.end()):
        return False
    if word == "g" and P.NETWORK_AFTER.match(norm, m.end()):
        return False                 # 5g网络, 4g phones: a generation of mobile network
    return True


def _metres(norm: str, end: int) -> bool:
    """A bare 'm' is metres at the end of a phrase or before a word of size (5m tall); before other words
    it is the million of British usage (5m people)."""
    if end >= len(norm) or not (norm[end] in " \t" and end + 1 < len(norm) and norm[end + 1].isascii()
                                and norm[end + 1].isalpha()):
        return True
    return bool(P.METRE_WORDS.match(norm, end))


def _unit(norm: str, s: Side, pos: int, lenient: bool) -> int:
    """The unit word after the number sets kind and unit (and may rescale: 成, 毛, decades)."""
    m = P.UNIT.match(norm, pos)
    if not m:
        if pos < len(norm) and norm[pos] == "分" and any(c in ZH_FINANCIAL_CHARS for c in s.run):
            s.kind, s.unit = "money", "CNY"      # 壹分: financial numerals write money
            s.lo, s.hi = s.lo / _HUNDRED, s.hi / _HUNDRED
            s.has_unit_word = True
            return pos + 1
        return _unknown_unit(norm, s, pos)
    g = m.lastgroup
    word = m.group(g)
    if g == "points":
        s.kind, s.unit = "points", "pp"
    elif g == "bp":
        s.kind, s.unit = "points", "pp"           # 15 basis points = 0.15 percentage points
        s.lo, s.hi = s.lo / _HUNDRED, s.hi / _HUNDRED
    elif g == "pct":
        s.kind, s.unit = "percent", "%"
        if word == "‰":
            s.lo, s.hi = s.lo / _TEN, s.hi / _TEN
    elif g == "mult":
        s.kind, s.unit = "multiplier", "x"
        if word == "倍" and norm[m.end():m.end() + 1] in ("多", "余", "餘") and not s.more \
                and s.lo == s.lo.to_integral_value():
            s.more = True                  # 一倍多: more than once, under twice (as 二十多 is 20-30)
            s.has_unit_word = True
            s.end = m.end() + 1
            return s.end
    elif g == "fan":
        # 翻一番 doubles, 翻两番 quadruples: N doublings are 2^N times. Without 翻 (一番话, 三番五次) no unit.
        if not (P.FAN_VERB_BEFORE.search(norm, max(0, s.start - 4), s.start) and s.lo == s.hi
                and s.lo == s.lo.to_integral_value() and 1 <= s.lo <= 10):
            return pos
        s.kind, s.unit = "multiplier", "x"
        s.lo = s.hi = Decimal(2) ** int(s.lo)
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
        if word in ("块", "塊") and not lenient and not is_yuan_kuai(norm, m.end()):
            return pos         # 一块底层: 块 is 'a piece' here
        return money_after(norm, s, m.end(), CURRENCY_AFTER[word], word, lenient)
    elif g == "sub":
        f = ZH_SUBUNITS[word]
        s.kind, s.unit = "money", "HKD" if word == "毫" else "CNY"
        s.lo, s.hi = s.lo * f, s.hi * f
        return money_tail(norm, s, m.end(), after_sub=True)
    elif g == "esub":
        s.kind, s.unit = "money", EN_SUBUNITS[word]
        s.lo, s.hi = s.lo / _HUNDRED, s.hi / _HUNDRED
    elif g == "slang":
        s.kind, (s.unit, f) = "money", MONEY_SLANG[word.lower()]
        s.lo, s.hi = s.lo * f, s.hi * f
    elif g == "fen":
        s.kind, s.unit = "money", "CNY"
        s.lo, s.hi = s.lo / _HUNDRED, s.hi / _HUNDRED
    elif g == "dur":
        w = word.split()[-1].lstrip("-").lower()
        unit = "year" if w == "周年" else ZH_DURATIONS.get(word) or EN_DURATIONS.get(w)
        if unit == "decade":
            unit = "year"
            s.lo, s.hi = s.lo * _TEN, s.hi * _TEN
        s.kind, s.unit = "duration", unit
        end = m.end()
        if end < len(norm) and norm[end] == "半":
            s.lo, s.hi = s.lo + Decimal("0.5"), s.hi + Decimal("0.5")
            end += 1
        elif end < len(norm) and norm[end] in "多余" and (end + 1 >= len(norm) or norm[end + 1] in END_PUNCT or norm[end + 1] in "的时時来來"):
            s.more = True
            end += 1
        s.has_unit_word = True
        return end
    elif g == "noun":
        s.unit = COUNT_NOUNS[word.lstrip("-")]
    elif g == "qty":
        word = word.lstrip("-")                # a 16-meter telescope
        end = m.end()
        if end < len(norm) and norm[end] in NOT_A_UNIT_BEFORE.get(word, ()):
            return pos
        if not _measure_after(norm, s, pos):
            return pos
        s.kind, s.unit = "quantity", QUANTITY_UNITS.get(word) or CONTEXT_UNITS[word][0]     # 80G显存: GB
    elif g == "degc":
        if not -90 <= s.lo <= 60 or (s.start and (norm[s.start - 1].isalpha() or P.CAPITAL_WORD_BEFORE.search(
                norm[max(0, s.start - 16):s.start]))):
            return pos                     # weather and body heat only; not 面向2C, Class 3C, the 100C model
        s.kind, s.unit = "quantity", "degC"
    s.has_unit_word = True
    return m.end()


def _unknown_unit(norm: str, s: Side, pos: int) -> int:
    """3200MT/s, 500 nits: a unit the engine cannot convert keeps its number, kind 'unknown', unit as written
    (it equals only the same unit); without one, the number would vanish as a name (5G) or lose its unit."""
    letter = norm[pos + 1:pos + 2] if norm[pos] in " \t" else norm[pos]
    m = P.UNKNOWN_UNIT.match(norm, pos) if letter.isascii() and letter.isalpha() else None
    if not m:
        return pos
    s.kind, s.unit, s.has_unit_word = "unknown", m.group("u"), True
    return m.end()
