"""One number as written and what follows it: power, fraction, scale, 多, unit.

`read_side` takes a MASTER match and reads the number itself (a numeral run, English number words, a
magnitude such as 'thousands of', or the article of 'an hour and a half'), then hands the Side to each
construction in AFTER_NUMBER, in order: a power (1.3x10^6), a fraction (五分之一, 3又1/5, 3/4), a scale
(13B, 2 million, 两个亿), 多/余 or +, （含）, 个半, and the unit (units.py). Each construction is a small
function `(norm, side, next char, lenient) -> Side` that returns the side unchanged when its form is not
there, or a new Side that ends after it: Side is immutable, so no construction sees another's half-work.
A new form written after a number is one more function in AFTER_NUMBER. Ranges, hedges and the decision
whether the result is a figure at all belong to scanner.py.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from . import patterns as P
from .en import first_break, read_words, split_words
from .lexicon import (
    ATTACHED_SCALES, CLASSIFIER_CHARS, COUNT_NOUNS, EN_CONNECTORS, EN_SCALES, EN_WORD_SCALES, NEGATIVE_WORDS, SHARE_AFTER_ZH,
    SHARE_BEFORE_EN_WORDS, SHARE_BEFORE_ZH, SOFT_ATTACHED_SCALES, ZH_BIG_UNITS, ZH_DIGITS, ZH_MORE, ZH_PER_CHARS, ZH_SMALL_UNITS, ZH_TENS,
    out_of_range,
)
from .per_capita import per_capita
from .units import END_PUNCT, measure_after, read_unit
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
_SHARE_WORD_LEN = max(map(len, SHARE_BEFORE_EN_WORDS))
_MAX_WORDS = P.EN_MAX_LINKS           # the longest number phrase in the suites has 11 words
_GROUP_SPACE = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d)")
_SCALE_COMMA = re.compile(r"(?i:thousand|million|billion|trillion)(?=,[ \t])")


class Skip(Exception):
    """The numeral turned out not to be a figure; resume scanning at `end`."""

    def __init__(self, end: int, chain: bool = False):
        super().__init__(end)
        self.end = end
        self.chain = chain       # a too-long chain of number words: what follows it belongs to it too


class Side(NamedTuple):
    """One number with its scale and unit, before ranges and hedges are applied; `end` is where it ends.

    Immutable: a construction returns a new Side (`s._replace(...)`). A NamedTuple rather than a frozen dataclass:
    a frozen dataclass sets each of these fields with a call of its own, which made building Sides 7% of the
    engine's time, and the engine must read 23,000 suite cases a second (issue 12)."""

    start: int
    end: int
    lo: Decimal
    hi: Decimal
    kind: str = "count"
    unit: str = ""
    more: bool = False
    plus: bool = False               # 9000+ tokens: at least, with the unit after the '+'
    rescaled: bool = False           # the unit word changed the number: 5毛 is 0.5, 3成 is 30%
    scale: Decimal | None = None     # trailing multiplier a range partner may borrow (3万 -> 1e4)
    big_scale: bool = False          # the number carries its own 万/亿/million/K
    run: str = ""                    # the numeral text as written (normalised); 'frac' once a fraction is read
    chinese_only: bool = False
    reading: Reading | None = None   # how a numeral run reads (zh.py); None for number words and magnitudes
    has_unit_word: bool = False
    inclusive: bool = False

    @property
    def words(self) -> bool:
        """Written in words ('two million', 'thousands of'), not numerals."""
        return self.reading is None

    @property
    def small_units(self) -> bool:
        """十/百/千 used inside a Chinese numeral."""
        return self.reading is not None and self.reading.has_unit and not _SMALL_CHARS.isdisjoint(self.run)


# --- the number itself ----------------------------------------------------------------------------

def read_side(norm: str, m, lenient: bool) -> Side:
    """Read the number matched by m (group 'en', 'num' or 'vague') and what follows it."""
    if m.lastgroup == "vague":
        s = _magnitude_side(m)
    elif "a_unit" in m.re.groupindex and m.group("a_unit") is not None:
        # 'an hour and a half': the article is one of the unit that follows (patterns._en_a_unit)
        s = Side(m.start("en"), m.end("en"), _ONE, _ONE, run=m.group("en"))
    elif m.group("en") is not None:
        s = _words_side(norm, m)
    else:
        s = _numeral_side(norm, m, lenient)
    return _checked(_extend(norm, s, lenient))


def _magnitude_side(m) -> Side:
    """'thousands of', 数以万计, 'several': a magnitude without digits (vague.py)."""
    lo, hi, scale = magnitude(m)
    return Side(m.start(), m.end(), lo, hi, run=m.group(), scale=scale,
                big_scale=scale is not None and scale >= 1000)


def _words_side(norm: str, m) -> Side:
    """English number words: 'two hundred and six', 'three million' (which lends its scale to a range partner)."""
    start = m.start("en")
    toks, v, end = _number_words(norm, m)
    scale = None
    last = toks[-1].lower()
    last = last[:-1] if last.endswith("s") and last[:-1] in EN_SCALES else last
    if EN_SCALES.get(last, 0) >= 1000:
        scale = Decimal(EN_SCALES[last])     # 'two or three million' lends it to the first side
    run = norm[start:end]
    if last == "half":
        article = P.HALF_A.match(norm, end)       # half a year: the article belongs to the figure
        if article:
            end = article.end()
    return Side(start, end, v, v, run=run, scale=scale, big_scale=scale is not None)


def _number_words(norm: str, m) -> tuple[list[str], Decimal, int]:
    """(words read, value, end) of the longest run of the matched words that reads as one number."""
    raw = m.group("en")
    toks = _comma_cut(raw, split_words(raw))
    if len(toks) > _MAX_WORDS or (len(raw) >= 2 * _MAX_WORDS and P.EN_LINK.match(norm, m.end("en"))):
        raise Skip(m.end("en"), chain=True)     # 'one hundred and ' * 5000 is no figure
    end = m.start("en") + _find_nth_end(raw, toks) if _SCALE_COMMA.search(raw) else m.end("en")
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
    return toks, v, end


def _comma_cut(raw: str, toks: list[str]) -> list[str]:
    """'three million, two hundred & forty' is one number; 'a million, two million' a list: a comma after a scale
    word goes on with the number only where the words after it are less than that scale."""
    comma = _SCALE_COMMA.search(raw)
    if not comma:
        return toks
    head = split_words(raw[:comma.end()])
    rest = read_words(toks[len(head):])
    return toks if rest is not None and rest < EN_WORD_SCALES[head[-1].lower()] else head


def _numeral_side(norm: str, m, lenient: bool) -> Side:
    """A run of Arabic and Chinese numerals (2.6万亿, 三万五, 1,100万) with its sign."""
    run, run_end = _plain_run(norm, m, lenient)
    try:
        r = read_numeral(run)
    except (NumeralError, InvalidOperation):
        raise Skip(m.end()) from None
    lo, hi = r.lo, r.hi
    sign = m.group("sign")
    if sign and sign.strip().lower() in NEGATIVE_WORDS:
        lo, hi = -hi, -lo
    if lenient and (" " in run or "\t" in run or "\u3000" in run):
        run = run.replace(" ", "").replace("\t", "").replace("\u3000", "")
    return Side(m.start("sign") if sign else m.start("run"), run_end, lo, hi, more=r.more, run=run, reading=r,
                chinese_only=r.chinese and _ASCII_DIGITS.isdisjoint(run),
                big_scale=r.has_unit and not _BIG_CHARS.isdisjoint(run),
                scale=Decimal(UNIT_VALUE[run[-1]]) if run and run[-1] in UNIT_VALUE else None)


def _plain_run(norm: str, m, lenient: bool) -> tuple[str, int]:
    """(the run without grouping, where it ends): 1,100万 -> 1100万; 千亿三个参数 ends before the 三 that counts."""
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
    return run, run_end


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


# --- what is written after it: one function per construction, tried in order ----------------------

def _extend(norm: str, s: Side, lenient: bool) -> Side:
    """Every construction of AFTER_NUMBER, each on the side the one before it left."""
    if s.end >= len(norm):
        return s
    nxt = peek(norm, s.end)           # gates: a construction tries its pattern only when its first character is there
    if nxt not in _BEFORE_UNIT_START and nxt != "-" and not nxt.isdigit() and not (nxt.isascii() and nxt.isalpha()):
        # A fast path: most numbers have a unit or nothing. Spaces before nxt change nothing here: after them
        # only a letter, '-' or a digit starts a construction (a spaced scale, 2 1/2).
        return read_unit(norm, s, lenient) if nxt else s
    for construction in AFTER_NUMBER:
        out = construction(norm, s, nxt, lenient)
        if out is not s:
            s, nxt = out, peek(norm, out.end)
    return s


def _scaled(s: Side, f: Decimal, end: int, **more) -> Side:
    return s._replace(lo=s.lo * f, hi=s.hi * f, end=end, **more)


def _power(norm: str, s: Side, nxt: str, lenient: bool) -> Side:
    """2^10, 1.3x10^6, 8x2^10."""
    if nxt not in _POWER_START or s.words:
        return s
    m = P.POWER.match(norm, s.end)
    if not m:
        return s
    if len(m.group("pexp") or m.group("texp")) > 2:
        raise Skip(m.end())           # 2^999: no figure is that large
    if m.group("pexp") is not None:
        return _caret(s, m)
    if m.group("bare_sign") and "." not in s.run:
        return s                      # 5x10-3 without a decimal is no scientific notation: 5 by 10-3
    sign = m.group("tsign") or m.group("bare_sign")
    base = Decimal(m.group("tbase")) if m.group("tbase") else _TEN
    v = s.lo * (base ** (int(m.group("texp")) * (-1 if sign == "-" else 1)))
    return s._replace(lo=v, hi=v, end=m.end())


def _caret(s: Side, m) -> Side:
    """2^5 = 32, 2^-3 = 0.125."""
    e = int(m.group("pexp"))
    if m.group("psign").count("-") % 2:
        e = -e
    v = abs(s.lo) ** e if s.lo else Decimal(0)
    v = -v if s.lo < 0 else v
    return s._replace(lo=v, hi=v, end=m.end())


def _fraction(norm: str, s: Side, nxt: str, lenient: bool) -> Side:
    """五分之一, 百分之五十 (percent), 千分之三 (0.3%), 3又1/5, 三又三分之一."""
    if nxt not in ("分", "又") or s.words:
        return s
    for form in (_fraction_of, _you_slash, _mixed_fraction):
        out = form(norm, s, lenient)
        if out is not s:
            return out
    return s


def _fraction_of(norm: str, s: Side, lenient: bool) -> Side:
    """五分之一; 百分之五 is a percentage, 千分之三 0.3%, 百万分之五 0.0005%."""
    m = P.FRACTION_OF[lenient].match(norm, s.end)
    if not m:
        return s
    try:
        num = read_numeral(m.group("frun"))
    except NumeralError:
        return s
    if not s.lo or (m.group("nozhi") is not None and s.run != "百"):
        return s                 # 百分百 and 百分三十 drop the 之 of a percentage; 一百分 is a score
    neg = -1 if m.group("fsign") else 1
    den = s.lo
    common = dict(scale=None, big_scale=False, chinese_only=False, run="frac", end=m.end())
    if s.chinese_only and s.run and all(c in ZH_PER_CHARS for c in s.run):
        return s._replace(kind="percent", unit="%", lo=neg * num.lo * _HUNDRED / den,
                       hi=neg * num.hi * _HUNDRED / den, **common)
    return s._replace(lo=neg * num.lo / den, hi=neg * num.hi / den, **common)


def _you_slash(norm: str, s: Side, lenient: bool) -> Side:
    """3又1/5 = 3.2."""
    m = P.YOU_SLASH.match(norm, s.end)
    if not (m and int(m.group("den")) and s.lo == s.lo.to_integral_value()):
        return s
    sign = -1 if s.lo < 0 else 1
    v = s.lo + sign * Decimal(m.group("num")) / Decimal(m.group("den"))
    return s._replace(lo=v, hi=v, chinese_only=False, run="frac", end=m.end())


def _mixed_fraction(norm: str, s: Side, lenient: bool) -> Side:
    """三又三分之一."""
    m = P.MIXED[lenient].match(norm, s.end)
    if not m:
        return s
    try:
        den = read_numeral(m.group("mden")).lo
        num = read_numeral(m.group("mnum")).lo
    except NumeralError:
        return s
    if not den:
        return s
    sign = -1 if s.lo < 0 else 1
    v = s.lo + sign * num / den
    return s._replace(lo=v, hi=v, chinese_only=False, run="frac", end=m.end())


def _slash(norm: str, s: Side, nxt: str, lenient: bool) -> Side:
    """3/4 and 2 1/2: a claim string reads them; running text only where a share is meant."""
    if s.words or s.run == "frac" or (nxt == "/" and (per_capita(norm, s.end) or _per_count(norm, s.end))):
        return s
    if lenient:
        return _claim_slash(norm, s, nxt)
    if nxt.isdigit() and norm[s.end] == " " and not s.chinese_only and s.run.isdigit():
        return _mixed_number(norm, s)
    if not s.chinese_only and s.end < len(norm) and norm[s.end] == "/":
        return _share_slash(norm, s)
    return s


def _per_count(norm: str, pos: int) -> bool:
    """'/1K tokens' after a price is its denominator (scanner._rate), not a fraction: $0.002/1K tokens."""
    m = P.RATE.match(norm, pos)
    return m is not None and m.group("dunit") in COUNT_NOUNS


def _claim_slash(norm: str, s: Side, nxt: str) -> Side:
    """In a claim: 2 1/2 and 3/4 are numbers."""
    m = P.MIXED_SLASH.match(norm, s.end) if nxt.isdigit() else None
    if m and s.lo == s.lo.to_integral_value() and int(m.group("den")):
        f = Decimal(m.group("num")) / Decimal(m.group("den"))
        v = s.lo - f if s.lo < 0 else s.lo + f
        return s._replace(lo=v, hi=v, end=m.end())
    if nxt == "/":
        m = P.SLASH.match(norm, s.end)
        if m and int(m.group("den")):
            v = s.lo / Decimal(m.group("den"))
            return s._replace(lo=v, hi=v, end=m.end())
    return s


def _mixed_number(norm: str, s: Side) -> Side:
    """2 1/2 in thick: a mixed number in running text only where a share or a unit follows."""
    m = P.MIXED_SLASH.match(norm, s.end)
    if m and int(m.group("den")) and int(m.group("num")) < int(m.group("den")) \
            and _is_share(norm, m.start("num"), m.end()) and norm[m.end():m.end() + 1] == " ":
        v = s.lo + Decimal(m.group("num")) / Decimal(m.group("den"))
        return s._replace(lo=v, hi=v, run="frac", end=m.end())
    return s


def _share_slash(norm: str, s: Side) -> Side:
    """3/4 in running text may be a date or a score; a figure only where a share is meant."""
    m = P.SLASH.match(norm, s.end)
    if not m:
        return s
    if not (int(m.group("den")) and s.run.isdigit() and _is_share(norm, s.start, m.end())):
        raise Skip(m.end())
    v = s.lo / Decimal(m.group("den"))
    return s._replace(lo=v, hi=v, run="frac", end=m.end())


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
    # The word ends where the spaces before the number begin: searched there, not over the whole text before it.
    near = max(0, len(before.rstrip(" \t\n")) - _SHARE_WORD_LEN)
    return before.endswith(SHARE_BEFORE_ZH) or bool(P.SHARE_BEFORE_EN.search(before, near))


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _scale(norm: str, s: Side, nxt: str, lenient: bool) -> Side:
    """13B, 10w, 2 million, 1,674.5 million, 两个亿: multiply and remember the scale."""
    if not nxt:
        return s
    c = norm[s.end]
    if not (c in "个個 \t-" or (c.isascii() and c.isalpha())) or measure_after(norm, s, s.end):
        return s                     # 50km, 48 mm, 80G显存: a unit of measure, not a scale
    if c in "个個":
        m = P.GE_YI.match(norm, s.end)
        if m:
            return _with_scale(s, Decimal(UNIT_VALUE[m.group("big")]), m.end())
    for form in (_kelvin, _attached_scale, _money_spaced_scale):
        out = form(norm, s, lenient)
        if out is not s:
            return out
    return _spaced_scale(norm, s, lenient)


def _with_scale(s: Side, f: Decimal, end: int) -> Side:
    return _scaled(s, f, end, scale=f, big_scale=True)


def _kelvin(norm: str, s: Side, lenient: bool) -> Side:
    """573.15K: a K is kelvin, not thousands, after a number written to two decimals or more past hundreds, or
    in a list of the same temperature in other units (300 °C (572 °F, 573K)); never after a currency."""
    if not P.KELVIN.match(norm, s.end) or P.CURRENCY_SIGN_BEFORE.search(norm, max(0, s.start - 8), s.start):
        return s
    if not (P.KELVIN_DIGITS.fullmatch(s.run) or P.TEMPERATURE_BEFORE.search(norm, max(0, s.start - 24), s.start)):
        return s
    return s._replace(kind="quantity", unit="K", end=s.end + 1, has_unit_word=True)


def _attached_scale(norm: str, s: Side, lenient: bool) -> Side:
    """13B, 150K, 10w; a soft m or g (100m is a distance) only in a claim, after a decimal (1.5G) or a currency ($5m)."""
    if s.words:
        return s
    m = P.ATTACHED.match(norm, s.end)
    if m:
        return _with_scale(s, Decimal(ATTACHED_SCALES[m.group("s")]), m.end())
    m = P.ATTACHED_SOFT.match(norm, s.end)
    if m and (lenient or ("." in s.run and m.group("s") in "gG")
              or (m.group("s") == "m" and P.CURRENCY_SIGN_BEFORE.search(norm, max(0, s.start - 8), s.start))):
        return _with_scale(s, Decimal(SOFT_ATTACHED_SCALES[m.group("s")]), m.end())
    return s


def _money_spaced_scale(norm: str, s: Side, lenient: bool) -> Side:
    """¥30 b, $5 m: after a currency sign a letter is a scale."""
    m = P.MONEY_SPACED_SCALE.match(norm, s.end)
    if m and P.CURRENCY_SIGN_BEFORE.search(norm, max(0, s.start - 8), s.start):
        return _with_scale(s, Decimal(ATTACHED_SCALES.get(m.group("s")) or SOFT_ATTACHED_SCALES[m.group("s")]), m.end())
    return s


def _spaced_scale(norm: str, s: Side, lenient: bool) -> Side:
    """2 million, 1.5 thousand million (two words at most), 0.1 M tokens; not 5 M (a name), 0.5 M NaCl (molar)."""
    for _ in range(2):
        m = P.SPACED_SCALE.match(norm, s.end)
        if not m:
            m = P.SPACED_K.match(norm, s.end) if lenient or "." in s.run else None
            if m and not lenient and (m.group("s") not in "KMB" or P.CAPITAL_AFTER.match(norm, m.end())):
                m = None
            if m:
                k = m.group("s")
                s = _with_scale(s, Decimal(ATTACHED_SCALES.get(k) or SOFT_ATTACHED_SCALES[k]), m.end())
            break
        word = m.group("s").lower()
        if word == "mm" and not lenient:
            break
        s = _with_scale(s, Decimal(EN_SCALES[word]), m.end())
    return s


def _more(norm: str, s: Side, nxt: str, lenient: bool) -> Side:
    """40多, 20余 (before a classifier or a unit); 9000+ tokens/s and 1M+ tokens: '+' before the unit is 'at least'."""
    if nxt in _MORE_START and not s.words and s.lo == s.lo.to_integral_value():
        after = P.MORE_AFTER.match(norm, s.end).end()
        if (after >= len(norm) or norm[after] in CLASSIFIER_CHARS or norm[after] in END_PUNCT
                or P.UNIT.match(norm, after)):
            return s._replace(more=True, end=after)
    elif nxt == "+" and s.lo >= 0:
        plus_at = norm.index("+", s.end)
        if P.UNIT.match(norm, plus_at + 1):
            return s._replace(plus=True, end=plus_at + 1)
    return s


def _inclusive(norm: str, s: Side, nxt: str, lenient: bool) -> Side:
    """50万元（含）以上: the bound itself counts."""
    m = P.INCLUSIVE.match(norm, s.end) if nxt in "(（" else None
    return s._replace(inclusive=True, end=m.end()) if m else s


def _and_a_half(norm: str, s: Side, nxt: str, lenient: bool) -> Side:
    """一个半小时 = 1.5 hours, 两个半月 = 2.5 months, 五个半 = 5.5; not 一个半导体 'a semiconductor'."""
    if nxt not in "个個" or s.more or s.lo != s.lo.to_integral_value() or s.lo < 0:
        return s
    m = P.GE_BAN.match(norm, s.end)
    if not m:
        return s
    if m.group("month"):
        return s._replace(lo=s.lo + _HALF, hi=s.hi + _HALF, chinese_only=False, end=m.end(),
                       kind="duration", unit="month", has_unit_word=True)
    return s._replace(lo=s.lo + _HALF, hi=s.hi + _HALF, chinese_only=False, end=m.end())


def _unit(norm: str, s: Side, nxt: str, lenient: bool) -> Side:
    """The unit word (units.py), unless the number already has one (两个半月)."""
    if not nxt or s.has_unit_word:
        return s
    return read_unit(norm, s, lenient)


AFTER_NUMBER = (_power, _fraction, _slash, _scale, _more, _inclusive, _and_a_half, _unit)
# The characters the constructions before the unit start with (after spaces): ^x×, 分又, '/', a digit (2 1/2),
# 个 (两个亿, 一个半), 多余+, （; the scale also starts at a space, '-' or a letter right after the number.
_BEFORE_UNIT_START = frozenset(_POWER_START | set("分又/0123456789个個+(（") | _MORE_START)
