"""Money written the Chinese way: 五元三毛, 123元1角1分, 一块五, 两毛五, 两美元又三美分.

Called by side.py once a currency word or a sub-unit (角/毛/毫/仙) follows a
number; adds the sub-units that follow and returns where the money ends.
块 is money only where money words follow it or the sentence ends
(一块底层 is 'a piece of the base layer').
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from . import patterns as P
from .lexicon import CURRENCY_AFTER, ZH_DIGITS
from .zh import NumeralError, read_numeral

if TYPE_CHECKING:
    from .side import Side

_TENTH = Decimal("0.1")
_CENT = Decimal("0.01")


def is_yuan_kuai(norm: str, end: int) -> bool:
    """块 is money when money words follow it (钱, 五毛, 一块五) or the sentence ends."""
    if end >= len(norm):
        return True
    c = norm[end]
    if c.isascii() and c.isalpha():
        return False                # 24576块GPU, 3块H100: pieces of hardware, not yuan
    return not ("\u4e00" <= c <= "\u9fff") or c in "钱錢多半角毛零" or c in ZH_DIGITS


def money_after(norm: str, s: Side, pos: int, code: str, word: str, lenient: bool) -> int:
    """s is money in `code` (the currency word ends at pos); read what follows the word."""
    s.kind, s.unit = "money", code
    s.has_unit_word = True
    if word in ("元", "圆", "圓", "块", "塊", "蚊"):
        sw = P.CURRENCY_SWITCH.match(norm, pos)
        if sw:                                   # 三万元欧元, 9000元日币
            s.unit = CURRENCY_AFTER[sw.group("cur")]
            return sw.end()
        return money_tail(norm, s, pos, after_sub=False, lenient=lenient)
    if code == "USD":
        c = P.CENTS.match(norm, pos)             # 两美元又三美分
        if c:
            try:
                _add(s, read_numeral(c.group("crun")).lo * _CENT)
                return c.end()
            except NumeralError:
                pass
    m = P.MONEY_TAIL.match(norm, pos)
    return m.end() if m else pos


def money_tail(norm: str, s: Side, pos: int, after_sub: bool, lenient: bool = False) -> int:
    """Sub-units after 元/块 (五元三毛, 123元1角1分) or after 角/毛 (两毛五), then 钱/整."""
    m = P.SUB_CHAIN[lenient].match(norm, pos)
    jiao = m is not None and m.group("jiao") and not after_sub
    fen = m is not None and m.group("fen") and (not after_sub or not m.group("jiao"))
    if jiao or fen:
        try:
            add = read_numeral(m.group("jrun")).lo * _TENTH if jiao else Decimal(0)
            if fen:
                add += read_numeral(m.group("frun")).lo * _CENT
        except NumeralError:
            add = None
        if add is not None:
            _add(s, add)
            pos = m.end()
            after_sub = after_sub or bool(jiao)
            if fen:
                t = P.MONEY_TAIL.match(norm, pos)
                return t.end() if t else pos
    # A colloquial last digit: 一块五 (5 jiao), 三块零四 (4 fen), 两毛五 / 五块七毛八 (5, 8 fen).
    c = P.COLLOQ_DIGIT.match(norm, pos)
    if c and not (after_sub and c.group("zero")):
        d = c.group("d")
        _add(s, Decimal(d if d.isdigit() else ZH_DIGITS[d]) * (_CENT if after_sub or c.group("zero") else _TENTH))
        pos = c.end()
    t = P.MONEY_TAIL.match(norm, pos)
    return t.end() if t else pos


def _add(s: Side, v: Decimal) -> None:
    s.lo, s.hi = s.lo + v, s.hi + v
