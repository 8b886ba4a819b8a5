"""Short, language-neutral text for a figure: '97%', 'CNY 0.5', '≤700M', '5–6 year'.

One rule for every number: below a million it is written in full with
thousands separators ('50,000', '0.5'); from a million up it takes a suffix
K/M/B/T when that keeps it exact with at most three decimals ('10B', '6.9M',
'245.7B'), and is written in full otherwise ('1,234,567'). Money puts the ISO
code first ('USD 1,000'). Hedges are symbols: ≈ approx, ≤ nearly / at most /
up to, < less than, > more than, ≥ at least; ranges are 'a–b'.
"""
from __future__ import annotations

from decimal import Decimal

from .figure import Figure

_SUFFIXES = ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M"))
_MARK = {"exact": "", "approx": "≈", "nearly": "≤", "at_most": "≤", "up_to": "≤",
         "less_than": "<", "more_than": ">", "at_least": "≥", "range": ""}


def number(v: Decimal) -> str:
    """'10B', '6.9M', '50,000', '0.5', '-3.8'."""
    if v == 0:
        return "0"
    a = abs(v)
    sign = "-" if v < 0 else ""
    for size, suffix in _SUFFIXES:
        if a >= size:
            m = (a / size).normalize()
            exp = m.as_tuple().exponent
            if isinstance(exp, int) and exp >= -3:
                return f"{sign}{_plain(m)}{suffix}"
            break
    return sign + _plain(a)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plain(a: Decimal) -> str:
    a = a.normalize()
    if a == a.to_integral_value():
        return f"{int(a):,}"
    s = format(a, "f")
    whole, _, frac = s.partition(".")
    if len(frac) > 12:                   # a fraction's endless digits (三分之二): six places say it
        frac = format(a.quantize(Decimal("0.000001")), "f").partition(".")[2].rstrip("0") + "…"
    return f"{int(whole):,}.{frac}"


def _value(fig: Figure, v: Decimal) -> str:
    if fig.kind == "money":
        return f"{fig.unit} {number(v)}"
    if fig.kind == "percent":
        return f"{number(v)}%"
    if fig.kind == "points":
        return f"{number(v)}pp"
    if fig.kind == "multiplier":
        return f"{number(v)}x"
    if fig.kind == "rate":
        num, _, den = fig.unit.partition("/")
        return f"{num} {number(v)}/{den}" if _is_currency(num) else f"{number(v)} {num}/{den}"
    if fig.unit:
        return f"{number(v)} {fig.unit}"
    return number(v)


def _is_currency(code: str) -> bool:
    return len(code) == 3 and code.isupper()


def render(fig: Figure) -> str:
    if fig.kind == "date":
        return fig.date
    if fig.kind == "rank" and fig.value is not None:
        return ordinal(int(fig.value))
    if fig.qualifier == "range" and fig.low is not None and fig.high is not None:
        if fig.kind == "money":
            return f"{fig.unit} {number(fig.low)}–{number(fig.high)}"
        lo = _value(fig, fig.low)
        hi = _value(fig, fig.high)
        # '5–20 year', '20–30%': the unit once, after the second number.
        unit_tail = hi[len(number(fig.high)):] if hi.startswith(number(fig.high)) else ""
        if unit_tail and lo.endswith(unit_tail):
            lo = lo[: len(lo) - len(unit_tail)]
        return f"{lo}–{hi}"
    if fig.qualifier == "more_than" and fig.low is not None and fig.high is not None:
        hi = _value(fig, fig.high)                       # 20余: '>20 <30', 40多年: '>40 <50 year'
        unit_tail = hi[len(number(fig.high)):] if hi.startswith(number(fig.high)) else ""
        lo = _value(fig, fig.low)
        return f">{lo[: len(lo) - len(unit_tail)] if unit_tail and lo.endswith(unit_tail) else lo} <{hi}"
    v = fig.value
    if v is None:
        return fig.text
    return _MARK.get(fig.qualifier, "") + _value(fig, v)
