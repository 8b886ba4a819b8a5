"""The value object every part of verifier exchanges: one figure read from text.

A figure is an interval, not a number, because news rarely states exact values:
`近7亿` is at most 7亿, `超过690万` is more than 6.9M, `五、六家` is 5 to 6.
The checker compares intervals; the reports show `text` and `value_text()`.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

KINDS = (
    "count",        # plain quantity; unit '' or a counted noun we know: 'parameter', 'token'
    "money",        # unit is an ISO currency code: CNY, USD, HKD, EUR, JPY, GBP ...
    "percent",      # unit '%'; 千分之 is stored as percent (0.3‰ -> 0.03)
    "points",       # percentage points (个百分点, pp); never equal to percent
    "multiplier",   # 倍, x, times; unit 'x'
    "discount",     # N折: unit 'zhe', value as written (8折 -> 8)
    "duration",     # unit: year, month, week, day, hour, minute, second
    "date",         # calendar reference; see Figure.date
    "rate",         # unit 'NUM/DEN', e.g. 'token/second', 'CNY/1000000 token'
    "quantity",     # a physical quantity; unit as pint writes it: 'km', 'GB', 'kWh', 'degC', 'm**2'
    "unknown",      # a unit the engine cannot convert, as written: '3200MT/s' -> 'MT/s'; equal only to itself
)

QUALIFIERS = (
    "exact", "approx", "nearly", "at_least", "more_than",
    "at_most", "less_than", "up_to", "range",
)


@dataclass(frozen=True)
class Figure:
    """One figure: where it stands, what it says, and how sure the words are.

    low/high: the interval the words allow. None means unbounded on that side.
    For exact, approx and nearly figures low == high == the number written;
    the checker, not the reader, decides how much slack 'about' buys.
    """

    text: str
    start: int
    end: int
    kind: str
    unit: str
    low: Decimal | None
    high: Decimal | None
    qualifier: str = "exact"
    low_open: bool = False
    high_open: bool = False
    date: str = ""          # kind == 'date': ISO-like, 'X' for unknown parts: '2024-12-07', 'XXXX-12-07', '2021-09', 'W6' (Saturday)

    @property
    def value(self) -> Decimal | None:
        """The number as written: the bound for one-sided figures, None for ranges."""
        if self.qualifier == "range":
            return None
        return self.high if self.low is None else self.low

    def value_text(self) -> str:
        """A short, language-neutral rendering: '97%', '≤7e8', '5–6', 'CNY 0.5'."""
        from .render import render  # local import: rendering is optional sugar
        return render(self)


_new = object.__new__
_set = object.__setattr__


def figure(text: str, start: int, end: int, kind: str, unit: str, low: Decimal | None, high: Decimal | None,
           qualifier: str = "exact", low_open: bool = False, high_open: bool = False, date: str = "") -> Figure:
    """Figure(...) as the scanner builds one per number: the same value, its fields set in one step rather than by
    the frozen dataclass's eleven object.__setattr__ calls (a tenth of the cost of reading a bare number)."""
    fig = _new(Figure)
    _set(fig, "__dict__", {"text": text, "start": start, "end": end, "kind": kind, "unit": unit, "low": low,
                           "high": high, "qualifier": qualifier, "low_open": low_open, "high_open": high_open,
                           "date": date})
    return fig
