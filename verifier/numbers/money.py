"""Money written the Chinese way: 五元三毛, 123元1角1分, 一块五, 两毛五, 两美元又三美分.

Called by units.py once a currency word or a sub-unit (角/毛/毫/仙) follows a
number; adds the sub-units that follow and returns the amount, ending where the money ends.
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


def money_after(norm: str, s: Side, pos: int, code: str, word: str, lenient: bool) -> Side:
    """s as money in `code` (the currency word ends at pos), with the sub-units or cents that follow the word."""
    if word in ("元", "圆", "圓", "块", "塊", "蚊"):
        sw = P.CURRENCY_SWITCH.match(norm, pos)
        if sw:                                   # 三万元欧元, 9000元日币
            return with_money(s, CURRENCY_AFTER[sw.group("cur")], None, sw.end())
        add, end = sub_units(norm, pos, after_sub=False, lenient=lenient)
        return with_money(s, code, add, end)
    if code == "USD":
        c = P.CENTS.match(norm, pos)             # 两美元又三美分
        if c:
            try:
                return with_money(s, code, read_numeral(c.group("crun")).lo * _CENT, c.end())
            except NumeralError:
                pass
    m = P.MONEY_TAIL.match(norm, pos)
    return with_money(s, code, None, m.end() if m else pos)


def with_money(s: Side, code: str, add: Decimal | None, end: int) -> Side:
    """s as an amount in `code` ending at `end`, plus `add` (sub-units after it) when there are any."""
    lo, hi = (s.lo, s.hi) if add is None else (s.lo + add, s.hi + add)
    return s._replace(kind="money", unit=code, lo=lo, hi=hi, has_unit_word=True, end=end, rescaled=lo != s.lo)


def sub_units(norm: str, pos: int, after_sub: bool, lenient: bool = False) -> tuple[Decimal | None, int]:
    """(amount added, end): sub-units after 元/块 (五元三毛, 123元1角1分) or after 角/毛 (两毛五), then 钱/整."""
    total, pos, fen = _jiao_fen(norm, pos, after_sub, lenient)
    if fen:
        return total, _tail(norm, pos)
    after_sub = after_sub or total is not None      # 五元三毛 read a jiao: a digit after it is a fen
    # A colloquial last digit: 一块五 (5 jiao), 三块零四 (4 fen), 两毛五 / 五块七毛八 (5, 8 fen).
    c = P.COLLOQ_DIGIT.match(norm, pos)
    if c and not (after_sub and c.group("zero")):
        d = c.group("d")
        add = Decimal(d if d.isdigit() else ZH_DIGITS[d]) * (_CENT if after_sub or c.group("zero") else _TENTH)
        total = add if total is None else total + add
        pos = c.end()
    return total, _tail(norm, pos)


def _jiao_fen(norm: str, pos: int, after_sub: bool, lenient: bool) -> tuple[Decimal | None, int, bool]:
    """(amount, end, a fen was read) of N角M分 written after the unit (a jiao only after 元/块, not after 毛)."""
    m = P.SUB_CHAIN[lenient].match(norm, pos)
    jiao = m.group("jiao") and not after_sub
    fen = m.group("fen") and (not after_sub or not m.group("jiao"))
    if not (jiao or fen):
        return None, pos, False
    try:
        add = read_numeral(m.group("jrun")).lo * _TENTH if jiao else Decimal(0)
        if fen:
            add += read_numeral(m.group("frun")).lo * _CENT
    except NumeralError:
        return None, pos, False
    return add, m.end(), bool(fen)


def _tail(norm: str, pos: int) -> int:
    """After 钱, 整 or 正 (五块钱, 十元整)."""
    t = P.MONEY_TAIL.match(norm, pos)
    return t.end() if t else pos
