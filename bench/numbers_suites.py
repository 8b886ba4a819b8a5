"""Sentence-level suites (issue 12): the engine reads whole texts, a gold figure must be among what it finds.

Used by bench/eval_numbers.py. Each case is one text and its gold figures (all must be found); a gold
figure's `cat` may name a documented convention (CONVENTION_CATS) that takes the case out of the
"outside conventions" column, never out of the raw one. Every other miss is an engine gap: an xfail
row, counted and listed with --failures.

Peers (cn2an, chinese2digits, text2num, numerizer, price-parser, quantulum3) are scored on the cases
each is meant to handle, in the same run, when installed (`pip install -e '.[peers]'`); the engine's
score on exactly those cases is printed beside each.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from verifier.numbers.matching import as_money

# cat -> why a case with it is a convention of ours, not an engine gap.
CONVENTION_CATS = {
    "euro_decimal": "European decimal comma and dot grouping (45,00 zł, 2.130,00 €): our sources write '.' for decimals",
    "ordinal": "ordinals (first, third) are positions, not figures",
    "library_convention": "the source library's own convention (Duckling latent money: bare 5 is money; quantulum: 'a penny' = 1 penny)",
    "lone_word": "a lone 'one' in running text is the article or a pronoun ('one of'), not a figure",
    "lone_one": "a lone 一 in running text is the article (一个, 一直), not a figure",
    "digit_string": "digit-by-digit strings (phone and id numbers, 幺二三零六) have no single-number reading",
    "zhao": "兆 is 1e6 in mainland technical text (兆瓦, 兆字节); the gold reads 1e12",
    "bare_jiao": "a bare N分 is a score or minutes in news; 分 is money only after 元/角 or in a price",
}

# Duckling's duration grain in seconds (its corpus: year = 365 d, month = 30 d).
SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000,
           "quarter": 7776000, "year": 31536000, "decade": 315360000}


def _dollars() -> frozenset[str]:
    try:
        from babel.numbers import get_currency_name, list_currencies
        return frozenset(c for c in list_currencies() if "dollar" in get_currency_name(c, locale="en").lower())
    except ImportError:      # pragma: no cover - babel is a dependency of the engine
        return frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"})


DOLLARS = _dollars()


@dataclass
class SCase:
    id: str
    suite: str
    family: str
    text: str
    gold: list
    convention: str = ""      # a CONVENTION_CATS key when the case is a convention of ours


def load(d: Path, suite: str) -> list[SCase]:
    out = []
    with (d / f"{suite}.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            cats = [g["cat"] for g in r["gold"] if g.get("cat") in CONVENTION_CATS]
            out.append(SCase(r["id"], suite, r["family"], r["text"], r["gold"], cats[0] if cats else ""))
    return out


def _d(x) -> Decimal | None:
    try:
        return Decimal(str(x))
    except (InvalidOperation, TypeError):
        return None


def close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= max(abs(a), abs(b)) * Decimal("1e-9")


def _single(fig) -> Decimal | None:
    if fig.kind == "date":
        return Decimal(fig.date) if fig.date.isdigit() else None
    return fig.value


def _unit_ok(g: dict, fig) -> bool:
    """The gold's unit or currency. A price per a unit ('$15.4/hour') states its amount in its currency, as a
    claimed amount meets it in the checker (verifier.numbers.matching.as_money)."""
    if g.get("currency") or (g.get("unit") and g["unit"] not in ("%", "pp") and g["unit"] not in SECONDS):
        fig = as_money(fig)
    unit = g.get("unit")
    if unit:
        if unit == "%":
            return fig.kind == "percent"
        if unit == "pp":
            return fig.kind == "points"
        if unit in SECONDS:
            return fig.kind == "duration" and fig.unit == unit
        return fig.kind == "money" and fig.unit in unit.split("|")
    cur = g.get("currency")
    if cur:
        if fig.kind != "money":
            return False
        return "*" in cur or fig.unit in cur or ("*dollar" in cur and fig.unit in DOLLARS)
    return True


_QUAL = {"under": ("less_than", "at_most", "up_to", "nearly"), "above": ("more_than", "at_least")}


def gold_matches(g: dict, fig) -> bool:
    """One gold figure against one found figure: value (or interval, date, seconds) and unit."""
    if "date" in g:
        return fig.kind == "date" and fig.date == g["date"]
    if "duration_s" in g:
        if fig.kind != "duration" or fig.unit not in SECONDS or fig.qualifier == "range":
            return False
        return close(fig.value * SECONDS[fig.unit], _d(g["duration_s"]))
    if not _unit_ok(g, fig):
        return False
    if "low" in g:
        return fig.qualifier == "range" and close(fig.low, _d(g["low"])) and close(fig.high, _d(g["high"]))
    if g.get("qual") and fig.qualifier not in _QUAL[g["qual"]]:
        return False
    if fig.qualifier == "range":
        return False
    got = _single(fig)
    return any(close(got, _d(v)) for v in [g["value"], *g.get("alts", [])])


def case_ok(case: SCase, figs: list) -> bool:
    if any(g.get("none") for g in case.gold):
        return not figs
    return all(any(gold_matches(g, f) for f in figs) for g in case.gold)


# --- peers -------------------------------------------------------------------------------------

_NUM = re.compile(r"-?\d+(?:\.\d+)?")


def numbers_in(s: str) -> list[Decimal]:
    return [Decimal(m) for m in _NUM.findall(s.replace(",", ""))]


def value_only(case: SCase) -> bool:
    """A case a plain numeral converter is meant to handle: gold is a number or interval, no unit or date."""
    return not case.convention and all(
        ("value" in g or "low" in g) and not ({"unit", "currency", "date", "duration_s", "qual", "none"} & g.keys())
        for g in case.gold)


def peer_numbers_ok(case: SCase, nums: list[Decimal]) -> bool:
    for g in case.gold:
        if "low" in g:
            if not (any(close(n, _d(g["low"])) for n in nums) and any(close(n, _d(g["high"])) for n in nums)):
                return False
        elif not any(close(n, _d(v)) for n in nums for v in [g["value"], *g.get("alts", [])]):
            return False
    return True


def _peer_cn2an():
    import cn2an
    return lambda t: numbers_in(cn2an.transform(t, "cn2an"))


def _peer_chinese2digits():
    import chinese2digits
    return lambda t: numbers_in(" ".join(chinese2digits.takeNumberFromString(t)["digitsStringList"]))


def _peer_text2num():
    from text_to_num import alpha2digit
    return lambda t: numbers_in(alpha2digit(t, "en"))


def _peer_numerizer():
    from numerizer import numerize
    return lambda t: numbers_in(numerize(t))


def _peer_price_parser():
    from price_parser import Price

    def read(t):
        p = Price.fromstring(t)
        return [] if p.amount is None else [p.amount]
    return read


def _peer_quantulum3():
    import warnings
    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import parser

    def read(t):
        out = []
        for q in parser.parse(t):
            out.append(_d(q.value))
            if q.uncertainty:
                out += [_d(q.value - q.uncertainty), _d(q.value + q.uncertainty)]
        return [x for x in out if x is not None]
    return read


# (suite, peer name, loader, which cases the peer is meant to handle)
PEERS = [
    ("zh_tn_itn", "cn2an", _peer_cn2an, value_only),
    ("zh_tn_itn", "chinese2digits", _peer_chinese2digits, value_only),
    ("en_words_itn", "text2num", _peer_text2num, value_only),
    ("en_words_itn", "numerizer", _peer_numerizer, value_only),
    ("duckling_en", "text2num", _peer_text2num, lambda c: c.family == "numeral" and value_only(c)),
    ("quantulum3", "quantulum3", _peer_quantulum3, lambda c: not c.convention and ("value" in c.gold[0] or "low" in c.gold[0])),
    ("price_parser", "price-parser", _peer_price_parser, lambda c: not c.convention),
]
