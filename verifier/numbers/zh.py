"""Chinese (and mixed Arabic/Chinese) numerals to exact decimals.

One function, `read_numeral`, takes the text of a numeral run as the scanner
found it (三万五, 2.6万亿, 1,100万, 二〇二三, 两三, 几十, 十几, 三千四百五十几万)
and returns the interval it allows. Arabic numbers inside a run act as digits,
so `3万4000` and `2千零30万` need no special case.

Conventions (documented because other readers differ):
- colloquial abbreviation: a lone digit right after a unit scales to the next
  lower unit: 三万五 = 35000, 两千六 = 2600, 一百五 = 150, 百二万 = 1.2e6;
- 零 is a filler inside unit numerals and a digit in digit strings (二〇二三);
- two adjacent digits d, d+1 (and 三五) are a range: 两三 = 2..3, 四五千 = 4000..5000;
- 几/数 before a unit is a digit 2..9 (几十 = 20..90, 数十亿 = 2e9..9e9);
  几 after a unit is a digit 1..9 of the next place (十几 = 11..19);
- 多/余 inside a run (二十多万) set `more`: the figure is more than the rest;
- 兆 is 1e6 unless a 亿 section follows it in the same run (then 1e12).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from decimal import Decimal

from .lexicon import ZH_BIG_UNITS, ZH_DIGITS, ZH_MORE, ZH_POINT, ZH_SEVERAL, ZH_SMALL_UNITS, ZH_TENS, out_of_range

_TOKEN = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)|(\S)")
_TEN = Decimal(10)
_ONE = Decimal(1)
_ZERO = Decimal(0)
_TERA = Decimal(10**12)
_HUNDRED_MILLION = {"亿", "億"}
_ASCII_DIGITS = set("0123456789")
_ARABIC_CHARS = set("0123456789.,eE+-")
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+")
_MORE_CHARS = set(ZH_MORE)
_POINT_CHARS = set(ZH_POINT)
_SEVERAL_CHARS = set(ZH_SEVERAL)
_UNIT_CHARS = set(ZH_SMALL_UNITS) | set(ZH_BIG_UNITS) | set(ZH_TENS)


def _char_tokens() -> dict[str, tuple]:
    """One or two token templates per numeral character (廿 is 二 + 十)."""
    out: dict[str, tuple] = {}
    for ch, v in ZH_DIGITS.items():
        out[ch] = (("z" if v == 0 else "n", Decimal(v), Decimal(v), True, str(v)),)
    for ch, v in ZH_SMALL_UNITS.items():
        out[ch] = (("u", Decimal(v), Decimal(v), False, ""),)
    for ch, v in ZH_BIG_UNITS.items():
        out[ch] = (("U", Decimal(v), Decimal(v), ch, ""),)
    for ch, v in ZH_TENS.items():
        d = Decimal(v // 10)
        out[ch] = (("n", d, d, True, ""), ("u", _TEN, _TEN, False, ""))
    for ch in ZH_POINT:
        out[ch] = (("p", None, None, False, ""),)
    for ch in ZH_SEVERAL:
        out[ch] = (("x", None, None, True, ""),)
    for ch in ZH_MORE:
        out[ch] = (("m", None, None, False, ""),)
    out["半"] = (("n", Decimal("0.5"), Decimal("0.5"), False, ""),)
    return out


_CHAR_TOKENS = _char_tokens()


class Reading(NamedTuple):
    """What a numeral run says: [lo, hi] plus how it was written."""

    lo: Decimal
    hi: Decimal
    more: bool = False          # 二十多万: more than lo
    has_unit: bool = False      # a 十百千万亿 character was used
    digit_string: bool = False  # 二〇二三: digits read one by one
    n_digits: int = 0           # digits in a digit string (a 4-digit string + 年 is a year)
    chinese: bool = False       # at least one Chinese numeral character


class NumeralError(ValueError):
    """The run is not a numeral we can read (e.g. 点一, 零点点)."""


def _arabic(s: str) -> Decimal:
    return Decimal(s.replace(",", ""))


_VULGAR = {"½": "0.5", "⅓": 1 / Decimal(3), "⅔": 2 / Decimal(3), "¼": "0.25", "¾": "0.75", "⅕": "0.2",
           "⅖": "0.4", "⅗": "0.6", "⅘": "0.8", "⅙": 1 / Decimal(6), "⅚": 5 / Decimal(6), "⅛": "0.125",
           "⅜": "0.375", "⅝": "0.625", "⅞": "0.875"}


@lru_cache(maxsize=4096)
def read_numeral(run: str) -> Reading:
    """Read a numeral run; raises NumeralError when it has no readable value.

    Cached: the reading of a run depends on the run alone, and news repeats its numerals (1, 10, 2024)."""
    try:
        r = _read(run)
    except ArithmeticError:
        raise NumeralError(f"numeral {run[:40]!r} overflows") from None
    if out_of_range(r.lo) or out_of_range(r.hi):
        raise NumeralError(f"numeral {run[:40]!r} is out of any figure's range")
    return r


def _read(run: str) -> Reading:
    if run[-1] in _VULGAR:
        return _vulgar(run)
    if run == "一半":
        return Reading(Decimal("0.5"), Decimal("0.5"), chinese=True)
    chars = set(run)
    if chars <= _ARABIC_CHARS:
        # Fast path: a plain Arabic number.
        if _ARABIC.fullmatch(run):
            v = _arabic(run)
            return Reading(v, v)
        raise NumeralError(f"not a number: {run!r}")
    toks = _tokens(run, chars)
    if "兆" in chars:
        _tera(toks)
    more = not _MORE_CHARS.isdisjoint(chars)
    if more:
        toks = [t for t in toks if t[0] != "m"]
    int_toks, frac, tail_units = (toks, "", []) if _POINT_CHARS.isdisjoint(chars) else _split_point(toks, run)
    if not _SEVERAL_CHARS.isdisjoint(chars):
        _placeholders(int_toks)
    if not int_toks:
        raise NumeralError(f"no digits in {run!r}")
    chinese = not _ARABIC_CHARS.issuperset(chars)
    if _UNIT_CHARS.isdisjoint(chars):
        lo, hi, n_digits = _digit_string(int_toks, bool(frac))
        if frac:
            lo = hi = Decimal(f"{lo}.{frac}")
        return Reading(lo, hi, more, False, len(int_toks) > 1 and lo == hi, n_digits, chinese)
    lo, hi = _with_units(int_toks, frac, tail_units)
    return Reading(lo, hi, more, True, False, 0, chinese)


def _vulgar(run: str) -> Reading:
    """2½, ¾."""
    frac = Decimal(_VULGAR[run[-1]])
    base = _read(run[:-1]).lo if len(run) > 1 else _ZERO
    return Reading(base + frac, base + frac)


def _tokens(run: str, chars: set[str]) -> list[list]:
    """The run as tokens [kind, lo, hi, single, digits-as-written]: an Arabic number is one digit token."""
    toks = []
    if _ASCII_DIGITS.isdisjoint(chars):
        for ch in run:
            tpl = _CHAR_TOKENS.get(ch)
            if tpl is None:
                if ch in " \t\u3000":
                    continue
                raise NumeralError(f"unexpected character {ch!r} in numeral {run!r}")
            toks.extend(list(t) for t in tpl)
    else:
        for a, ch in _TOKEN.findall(run):
            if a:
                v = _arabic(a)
                toks.append(["n", v, v, len(a) == 1, a.replace(",", "")])
                continue
            tpl = _CHAR_TOKENS.get(ch)
            if tpl is None:
                raise NumeralError(f"unexpected character {ch!r} in numeral {run!r}")
            toks.extend(list(t) for t in tpl)
    if not toks:
        raise NumeralError(f"empty numeral {run!r}")
    return toks


def _tera(toks: list) -> None:
    """兆 is 1e12 only when a 亿 section follows it."""
    for i, t in enumerate(toks):
        if t[0] == "U" and t[3] == "兆" and any(u[0] == "U" and u[3] in _HUNDRED_MILLION for u in toks[i + 1:]):
            t[1] = t[2] = _TERA


def _split_point(toks: list, run: str) -> tuple[list, str, list]:
    """(tokens before the decimal point, the digits after it, the units after those: 2.6万亿)."""
    point = next(i for i, t in enumerate(toks) if t[0] == "p")
    rest = toks[point + 1:]
    frac = ""
    j = 0
    while j < len(rest) and rest[j][0] in ("n", "z") and rest[j][4].isdigit():
        frac += rest[j][4]          # Arabic digits after 点 (一百点123) come as one token
        j += 1
    tail_units = rest[j:]
    # 八点二十 is a clock time (8:20), not 8.2 x 10: no 十 after decimal digits.
    if not frac or any(t[0] not in ("U", "u") or t[1] == _TEN for t in tail_units):
        raise NumeralError(f"bad decimal part in {run!r}")
    if not point:
        raise NumeralError(f"numeral {run!r} starts with a point")
    return toks[:point], frac, tail_units


def _placeholders(int_toks: list) -> None:
    """Placeholder digits: 几 after a unit or 零 stands for 1..9, elsewhere 2..9."""
    for i, t in enumerate(int_toks):
        if t[0] == "x":
            prev = int_toks[i - 1][0] if i else None
            t[0] = "n"
            t[1], t[2] = (_ONE, Decimal(9)) if prev in ("u", "U", "z") else (Decimal(2), Decimal(9))


def _with_units(int_toks: list, frac: str, tail_units: list) -> tuple[Decimal, Decimal]:
    """(lo, hi) of a numeral with unit characters: 三万五, 几十, 2.6万亿."""
    if len(int_toks) > 2:
        _merge_pairs(int_toks)
    lo = _evaluate(int_toks, False)
    hi = _evaluate(int_toks, True) if any(t[1] != t[2] for t in int_toks if t[0] == "n") else lo
    if frac:
        scale = _ONE
        for t in tail_units:
            scale *= t[1]
        lo = (lo + Decimal("0." + frac)) * scale
        hi = (hi + Decimal("0." + frac)) * scale
    return lo, hi


def _is_pair(a: Decimal, b: Decimal) -> bool:
    """Two adjacent digits that mean 'a or b' in speech: 两三, 七八, 三五."""
    return (b == a + 1 and a >= 1) or (a == 3 and b == 5)


def _digit_string(toks: list, has_point: bool) -> tuple[Decimal, Decimal, int]:
    if len(toks) == 1:
        t = toks[0]
        return t[1], t[2], 1
    if any(t[0] not in ("n", "z") for t in toks):
        raise NumeralError("mixed digit string")
    if len(toks) == 2 and not has_point and all(t[3] is True and t[1] == t[2] for t in toks):
        a, b = toks[0][1], toks[1][1]
        if _is_pair(a, b):
            return a, b, 2
    if any(t[1] != t[2] for t in toks):
        raise NumeralError("placeholder in digit string")
    if any(not t[4].isdigit() for t in toks):
        raise NumeralError("decimal inside a digit string")
    s = "".join(t[4] for t in toks)
    return Decimal(s), Decimal(s), len(s)


def _merge_pairs(toks: list) -> None:
    """Fold 四五千 into one digit token worth 4..5 before the unit."""
    i = 0
    while i + 1 < len(toks):
        a, b = toks[i], toks[i + 1]
        if (a[0] == "n" and b[0] == "n" and a[3] is True and b[3] is True
                and a[1] == a[2] and b[1] == b[2] and _is_pair(a[1], b[1])):
            toks[i] = ["n", a[1], b[1], True, ""]
            del toks[i + 1]
        i += 1


def _take(cur, abbrev: bool, last_unit) -> Decimal:
    if cur is None:
        return _ZERO
    if abbrev and last_unit is not None and last_unit >= 10 and cur == cur.to_integral_value() and 1 <= cur <= 9:
        return cur * last_unit / _TEN
    return cur


def _evaluate(toks: list, high: bool) -> Decimal:
    total = _ZERO
    section = _ZERO
    cur = None
    abbrev = False
    prev = None
    last_unit = None
    big_last = None
    prev_small = False
    for t in toks:
        kind = t[0]
        if kind == "n":
            cur = t[2] if high else t[1]
            abbrev = prev in ("u", "U") and t[3] is True
            prev_small = prev == "u"
        elif kind == "z":
            cur = None
            abbrev = False
        elif kind == "u":
            n = cur if cur is not None else _ONE
            section += n * t[1]
            cur = None
            abbrev = False
            last_unit = t[1]
        elif kind == "U":
            # 百二萬: the abbreviation reaches across a big unit only after a small one.
            n = section + _take(cur, abbrev and prev_small, last_unit)
            if n == 0 and total == 0:
                n = _ONE
            if big_last is None or t[1] >= big_last:
                total = (total + n) * t[1]
            else:
                total += n * t[1]
            big_last = t[1]
            section = _ZERO
            cur = None
            abbrev = False
            last_unit = t[1]
        prev = kind
    section += _take(cur, abbrev, last_unit)
    return total + section
