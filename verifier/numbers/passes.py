"""Passes over the figures a scan found: neighbours that are one figure.

A 每-denominator and what it divides (每秒可达10000+token, 每百万tokens 0.5元), two one-sided bounds
(大于10小于20), cents after an amount ('20 dollars 43 cents', '$20 and 43c'), '5 °C below zero', and compound
durations (两年零三个月, 'an hour and a half', '1 hour thirty'). `after_scan` runs them in order; each join of
two neighbours is one small function that returns the joined figure or None.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from . import joins
from . import patterns as P
from .dates import dated, year_month
from .figure import Figure
from .lexicon import COUNT_NOUNS, DEN_UNITS, EN_SUBUNITS
from .weak import idioms_are_weak

Found = list[tuple[Figure, bool]]
_NOUN_UNITS = frozenset(COUNT_NOUNS.values())
_HALF = Decimal("0.5")


def after_scan(norm: str, text: str, out: Found) -> Found:
    """The figures of a scan with their neighbours joined."""
    if not out:
        return out
    out = _merge_two_sided(norm, text, _merge_per_rate(norm, text, idioms_are_weak(norm, out)))
    out = [(_one(norm, text, fig) if fig.kind == "money" or "." in fig.text else fig, weak) for fig, weak in out]
    if "(" in norm:
        out = _accounting_negatives(norm, text, out)
    if len(out) == 1:
        return [(_and_a_half(norm, text, out[0][0]), out[0][1])]
    kinds = {fig.kind for fig, _ in out}
    if "less_than" in {fig.qualifier for fig, _ in out} and "below zero" in norm.lower():
        out = _fold(norm, text, out, _below_zero)       # 'below zero' itself reads as less than 0
    if "money" in kinds:
        out = _fold(norm, text, out, _money_and_cents)
    if "duration" not in kinds:
        return out
    out = [(_and_a_half(norm, text, fig), weak) for fig, weak in out]
    return _fold(norm, text, out, _duration_parts)


def _one(norm: str, text: str, fig: Figure) -> Figure:
    """A figure that its own surroundings read otherwise: cents glued after money, a year and month (2024.12).
    after_scan asks only about money and figures with a '.' in their text: no other can change here."""
    if fig.kind == "money":
        return _glued_cents(norm, text, fig)
    if fig.kind == "count" and not fig.unit and fig.qualifier == "exact" and "." in fig.text:
        return _year_month(norm, fig)
    return fig


def _year_month(norm: str, fig: Figure) -> Figure:
    """2024.12发布, '- 2023.12 我们开源了', a 日期 column: a decimal that the words around it make a month."""
    month = year_month(fig.text)
    if month is None or not dated(norm, fig.start, fig.end):
        return fig
    return Figure(fig.text, fig.start, fig.end, "date", "", None, None, "exact", date=month)


# Accounting writes a loss in parentheses: (1,234) alone in a table cell or on a line, and ($99.99) where a verb or a colon
# gives the amount ('revenue is ($99.99)'). Elsewhere a bracketed amount is an aside: a conversion ('¥100
# (US$14)'), a figure restated ('the debt limit (332774.3亿元)', 'the revenue table ($860,770)').
_CELL_BEFORE = re.compile(r"(?:^|[|\n])[ \t]*$")
_CELL_AFTER = re.compile(r"[ \t]*(?:$|[|\n])")
_AMOUNT_GIVEN_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?i:is|was|are|were|be|been|totaled|totalled|totals|of)|[:=：])[ \t]*$")


def _accounting_negatives(norm: str, text: str, out: Found) -> Found:
    return [(_in_parentheses(norm, text, fig, out[k - 1][0] if k else None)
             if fig.start and norm[fig.start - 1] == "(" else fig, weak) for k, (fig, weak) in enumerate(out)]


def _in_parentheses(norm: str, text: str, fig: Figure, before: Figure | None) -> Figure:
    """($99.99) is -99.99 dollars; (1,234) alone in a table cell or on a line is -1,234."""
    start, end = fig.start - 1, fig.end + 1
    if not (start >= 0 and norm[start] == "(" and norm[end - 1:end] == ")" and fig.qualifier == "exact"
            and fig.low is not None and fig.low == fig.high and fig.low > 0):
        return fig
    cell = bool(_CELL_BEFORE.search(norm, max(0, start - 8), start) and _CELL_AFTER.match(norm, end))
    given = (fig.kind == "money" and not fig.text[:1].isdigit() and not (before and not norm[before.end:start].strip())
             and bool(_AMOUNT_GIVEN_BEFORE.search(norm, max(0, start - 16), start)))
    if not (cell or given):
        return fig
    return replace(fig, text=text[start:end], start=start, end=end, low=-fig.low, high=-fig.high)


def _fold(norm: str, text: str, out: Found, join) -> Found:
    """Each figure joined to the one before it (itself perhaps a join) where `join` returns a figure."""
    merged: Found = [out[0]]
    for fig, weak in out[1:]:
        a, a_weak = merged[-1]
        joined = join(norm, text, a, fig)
        if joined is None:
            merged.append((fig, weak))
        else:
            merged[-1] = (joined, a_weak)
    return merged


# --- 每 and two-sided bounds: pairs, each figure in one pair at most ----------------------------------------

def _merge_per_rate(norm: str, text: str, figs: Found) -> Found:
    """每百万tokens 0.5元, 每百万Tokens调用花费…5毛钱: a price written after its 每-denominator.

    A count of a named noun right after 每, followed in the same clause by money, is the money's
    denominator: one rate figure 'CNY/1000000 token' from 每 to the money. Money in a later
    clause (每百万tokens的价格，降至5毛钱) is not joined: the two figures stay as they are.
    每秒 / 每小时 before a count of a named noun in its clause is its time denominator:
    每秒可达10000+token is '≥10000 token/second'. Money after 每年/每月 stays money (每年投入1000亿元)."""
    if "每" not in norm or not any(fig.kind == "count" and fig.unit for fig, _ in figs):
        return figs                # only a count of a named noun (a unit) can be a 每-denominator
    out: Found = []
    i = 0
    prev_end = 0
    while i < len(figs):
        a, wa = figs[i]
        a = _per_time(norm, text, a, prev_end)
        prev_end = a.end
        price = _per_price(norm, text, a, figs[i + 1][0]) if i + 1 < len(figs) else None
        if price is not None:
            out.append((price, figs[i + 1][1]))
            prev_end = price.end
            i += 2
            continue
        out.append((a, wa))
        i += 1
    return out


def _per_time(norm: str, text: str, a: Figure, prev_end: int) -> Figure:
    """每秒可达10000+token: a count of a named noun after 每秒 in its clause is per second."""
    if a.kind != "count" or a.unit not in _NOUN_UNITS:
        return a
    per = None
    for per in P.PER_TIME.finditer(norm, max(prev_end, a.start - P.PER_RATE_GAP), a.start):
        pass                       # the last 每秒 before the count
    if per is None or P.CLAUSE_BREAK.search(norm, per.end(), a.start):
        return a
    den = DEN_UNITS[per.group("t")]
    return Figure(text[per.start():a.end], per.start(), a.end, "rate", f"{a.unit}/{den}", a.low, a.high,
                  a.qualifier, a.low_open, a.high_open)


def _per_price(norm: str, text: str, a: Figure, b: Figure) -> Figure | None:
    """每百万tokens 0.5元: money after a 每-count in its clause is a price per that count."""
    if not (joins.JOIN_PER_PRICE and a.kind == "count" and a.unit and a.qualifier == "exact" and a.low == a.high):
        return None
    per = P.PER_BEFORE.search(norm, max(0, a.start - 3), a.start)
    if not (per and b.kind == "money" and b.start - a.end <= P.PER_RATE_GAP
            and not P.CLAUSE_BREAK.search(norm, a.end, b.start)):
        return None
    den = a.unit if a.low == 1 else f"{a.low} {a.unit}"
    return Figure(text[per.start():b.end], per.start(), b.end, "rate", f"{b.unit}/{den}", b.low, b.high,
                  b.qualifier, b.low_open, b.high_open)


_LOWER = ("more_than", "at_least")
_UPPER = ("less_than", "at_most", "up_to")
_ONE_SIDED = frozenset(_LOWER + _UPPER)


def _merge_two_sided(norm: str, text: str, figs: Found) -> Found:
    """大于10小于20, at most 100 and at least 20, 1000以上, 1500以下: one interval."""
    qualifiers = {fig.qualifier for fig, _ in figs}
    if qualifiers.isdisjoint(_LOWER) or qualifiers.isdisjoint(_UPPER):
        return figs                # no lower and upper bound to join (most texts)
    sided = [k for k, (fig, _) in enumerate(figs) if fig.qualifier in _ONE_SIDED]
    if not any(b == a + 1 for a, b in zip(sided, sided[1:])):
        return figs                # no two one-sided figures stand together
    out: Found = []
    i = 0
    while i < len(figs):
        a, wa = figs[i]
        both = _two_sided(norm, text, a, figs[i + 1][0]) if i + 1 < len(figs) else None
        if both is not None:
            out.append((both, wa and figs[i + 1][1]))
            i += 2
            continue
        out.append((a, wa))
        i += 1
    return out


def _two_sided(norm: str, text: str, a: Figure, b: Figure) -> Figure | None:
    if a.qualifier in _LOWER and b.qualifier in _UPPER:
        lo_f, hi_f = a, b
    elif a.qualifier in _UPPER and b.qualifier in _LOWER:
        lo_f, hi_f = b, a
    else:
        return None
    if a.kind != b.kind or a.unit != b.unit or not P.MERGE_GAP.match(norm, a.end, b.start):
        return None
    if lo_f.low is None or hi_f.high is None or lo_f.low > hi_f.high:
        return None
    return Figure(text[a.start:b.end], a.start, b.end, a.kind, a.unit, lo_f.low, hi_f.high, "range",
                  lo_f.low_open, hi_f.high_open)


# --- cents, below zero -------------------------------------------------------------------------------------

_ONE_BOUND = ("more_than", "at_least", "less_than", "at_most", "up_to")
_SUBUNIT_END = re.compile(rf"(?:{P._alt(EN_SUBUNITS)}|c)$", re.I)
_CENTS_JOIN = re.compile(r"[ \t]+(?:and[ \t]+)?")
_CENTS_C = re.compile(r"c(?![A-Za-z0-9])")
_ENDS_PHRASE = re.compile(r"[ \t]*(?:$|[.,;:!?)\]])")
_GLUED_CENTS = re.compile(r"[ \t]+(?:and[ \t]+)?(?P<c>\d{1,2})c(?![A-Za-z0-9])")


def _plus(fig: Figure, text: str, end: int, add: Decimal, **more) -> Figure:
    """fig extended to `end`, `add` added to its bounds."""
    low, high = (None if b is None else b + add for b in (fig.low, fig.high))
    return replace(fig, text=text[fig.start:end], end=end, low=low, high=high, **more)


def _glued_cents(norm: str, text: str, fig: Figure) -> Figure:
    """'$20 and 43c', '20 dollar 43c': cents glued to their c after a whole amount (alone, 43c is a code)."""
    v = fig.value
    if v is None or v != v.to_integral_value() or _SUBUNIT_END.search(fig.text):
        return fig
    m = _GLUED_CENTS.match(norm, fig.end)
    return _plus(fig, text, m.end(), Decimal(m.group("c")) / 100) if m else fig


def _money_and_cents(norm: str, text: str, a: Figure, fig: Figure) -> Figure | None:
    """'20 dollars 43 cents', '$20 and 43c', '20 ringgit and 43 sen' are one amount (20.43 in the first's
    currency). A bare 1-99 after the amount joins only where the phrase ends ('twenty rupees 43')."""
    if not (_whole_amount(a) and fig.qualifier == "exact" and fig.low is not None
            and _CENTS_JOIN.fullmatch(norm, a.end, fig.start)):
        return None
    if fig.kind == "money" and _SUBUNIT_END.search(fig.text) and fig.low < 1:
        return _plus(a, text, fig.end, fig.low)       # 'more than 1 dollar and 42 cents'
    if fig.kind == "count" and not fig.unit and fig.low == fig.low.to_integral_value() and 0 < fig.low < 100:
        c = _CENTS_C.match(norm, fig.end)
        if c or _ENDS_PHRASE.match(norm, fig.end):
            return _plus(a, text, c.end() if c else fig.end, fig.low / 100)
    return None


def _whole_amount(a: Figure) -> bool:
    """A whole amount of money, not itself in sub-units: '20 dollars', 'more than $1'; not '43 cents'."""
    return (a.kind == "money" and a.value is not None and a.value == a.value.to_integral_value()
            and (a.low == a.high or a.qualifier in _ONE_BOUND) and not _SUBUNIT_END.search(a.text))


_DEGREES_GAP = re.compile(r"[ \t]+(?:(?i:degrees?)[ \t]+)?")


def _below_zero(norm: str, text: str, a: Figure, fig: Figure) -> Figure | None:
    """'5 °C below zero', '2 degrees below zero' is one negative figure, not 5 and 'less than 0'."""
    if (fig.qualifier == "less_than" and fig.high == 0 and fig.low is None and fig.text.lower() == "below zero"
            and a.qualifier == "exact" and a.low is not None and a.low == a.high and a.low > 0
            and a.kind in ("count", "quantity") and _DEGREES_GAP.fullmatch(norm, a.end, fig.start)):
        return replace(a, text=text[a.start:fig.end], end=fig.end, low=-a.low, high=-a.high)
    return None


# --- compound durations -------------------------------------------------------------------------------------

# Compound durations (两年零三个月, 2 years and 3 months, 1 hour thirty) are one duration in the smaller
# unit: a fact-checker compares 27 months with 27 months, not 2 years with '2 years 3 months'.
_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000,
            "quarter": 7776000, "year": 31536000}
_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_DURATION_JOIN = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and[ \t]+)?|零|又")
_MINOR_JOIN = re.compile(r"[ \t]+(?:and[ \t]+)?|")        # '1 hour thirty', '1小时30分': no comma between
_NEXT_UNIT = {"hour": "minute", "minute": "second"}
# 'and half' without the article only where the phrase ends: '3 hours and half the team left' is no 3.5 hours.
_AND_A_HALF = re.compile(r"[ \t]+and[ \t]+(?:an?[ \t]+half(?![A-Za-z])|half(?=[ \t]*(?:$|[.,;:!?)])))", re.I)
_AND = re.compile(r"[ \t]+and[ \t]+", re.I)


def _smaller_duration(a: Figure, fig: Figure) -> bool:
    """fig is a duration in a smaller unit than a's: 2 years (and) 3 months."""
    return fig.kind == "duration" and fig.unit in _SECONDS and _SECONDS[fig.unit] < _SECONDS[a.unit]


def _minutes_after_hours(a: Figure, fig: Figure) -> bool:
    """fig is a bare 1-59 after hours or minutes: '1 hour thirty'."""
    return (fig.kind == "count" and not fig.unit and a.unit in _NEXT_UNIT and fig.low == fig.low.to_integral_value()
            and 0 < fig.low < 60)


def _in_unit(v: Decimal, big: str, small: str) -> Decimal:
    if big in _MONTHS and small in _MONTHS:
        return v * _MONTHS[big] / _MONTHS[small]
    return v * _SECONDS[big] / _SECONDS[small]


def _and_a_half(norm: str, text: str, fig: Figure) -> Figure:
    """'one hour and a half', '2 hours and half': the half is of the unit just named."""
    if fig.kind == "duration" and fig.low is not None and fig.low == fig.high and fig.qualifier == "exact":
        m = _AND_A_HALF.match(norm, fig.end)
        if m:
            return _plus(fig, text, m.end(), _HALF)
    return fig


def _half_after_count(norm: str, text: str, a: Figure, fig: Figure) -> Figure | None:
    """'5 and a half minutes': a whole count before 'and a half' + a unit of time."""
    if (a.kind == "count" and not a.unit and a.qualifier == "exact" and a.low is not None
            and a.low == a.low.to_integral_value() and a.low > 0 and fig.kind == "duration"
            and fig.low == _HALF and fig.text.lower().startswith(("a half", "an half", "half"))
            and _AND.fullmatch(norm, a.end, fig.start)):
        v = a.low + fig.low
        return replace(fig, text=text[a.start:fig.end], start=a.start, low=v, high=v)
    return None


def _duration_parts(norm: str, text: str, a: Figure, fig: Figure) -> Figure | None:
    return _half_after_count(norm, text, a, fig) or _compound_duration(norm, text, a, fig)


def _compound_duration(norm: str, text: str, a: Figure, fig: Figure) -> Figure | None:
    """两年零三个月, '2 years and 3 months' (27 months); '1 hour thirty', 1小时30分 (90 minutes)."""
    if not (a.kind == "duration" and a.unit in _SECONDS and a.low is not None and a.low == a.high
            and fig.qualifier == "exact" and fig.low is not None):
        return None
    gap = norm[a.end:fig.start]
    end = fig.end
    if _smaller_duration(a, fig) and _DURATION_JOIN.fullmatch(gap):
        unit = fig.unit
    elif _minutes_after_hours(a, fig) and _MINOR_JOIN.fullmatch(gap):
        unit = _NEXT_UNIT[a.unit]
        end += 1 if norm[end:end + 1] == "分" and unit == "minute" else 0
    else:
        return None
    v = _in_unit(a.low, a.unit, unit) + fig.low
    return replace(a, text=text[a.start:end], end=end, unit=unit, low=v, high=v)
