"""How two figures relate: the same claim, a contradiction, or merely compatible.

Figures are intervals (see numbers.figure). A claimed figure *matches* a source
figure when the source's interval lies inside the claim's (the claim says no
more than the source), or when the claim gives the source's number and only
drops a hedge ("近7亿" reported as "700 million"). It *conflicts* when the two
intervals cannot both be true. Anything else is *compatible*: not contradicted,
not stated. The claim's own rounding buys slack: "64%" matches 63.76%.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal

from .figure import Figure
from .per_capita import written_base
from .quantities import convert, same_dimension

APPROX_SLACK = Decimal("0.10")        # "about 700M" covers 630M..770M
ROUNDING_CAP = Decimal("0.05")        # a claim's rounding buys at most 5%: '4%' is not the source's 3.75%
DAYS = {"year": Decimal("365.25"), "month": Decimal("30.4375"), "week": Decimal(7), "day": Decimal(1),
        "hour": Decimal(1) / 24, "minute": Decimal(1) / 1440, "second": Decimal(1) / 86400,
        "millisecond": Decimal(1) / 86400000, "microsecond": Decimal(1) / 86400000000,
        "nanosecond": Decimal(1) / 86400000000000}
SOFT = ("approx", "nearly", "up_to", "more_than", "at_least", "less_than", "at_most")
INF = Decimal("Infinity")
_MANTISSA = re.compile(r"\d+(?:[.,]\d+)*")
_FLOOR = re.compile(r"最低|低至|(?i:as (?:low|little|few) as|starting at|from as low as)")      # a minimum, not a bound


@dataclass(frozen=True)
class Relation:
    kind: str            # match | conflict | compatible
    note: str = ""


# A fraction written in words or as 分之 is a share: 'more than half' is 超过50%, 三分之一 is 33.3%.
_SHARE = re.compile(r"(?i:half|halves|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|一半|分之|\d/\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")


def as_share(figure: Figure) -> Figure:
    """A unitless count under one written as a fraction, as the percent it is; any other figure as it is."""
    if (figure.kind != "count" or figure.unit or not _SHARE.search(figure.text)
            or any(v is not None and not 0 <= v <= 1 for v in (figure.low, figure.high))):
        return figure
    from dataclasses import replace
    hundred = Decimal(100)
    return replace(figure, kind="percent", unit="%", low=None if figure.low is None else figure.low * hundred,
                   high=None if figure.high is None else figure.high * hundred)


def as_money(figure: Figure) -> Figure:
    """A price per a unit ('$0.88 per share', '800元/吨') as the amount it states; any other figure as it is."""
    numerator, slash, _ = figure.unit.partition("/")
    if figure.kind != "rate" or not slash or not (len(numerator) == 3 and numerator.isupper()):
        return figure
    from dataclasses import replace
    return replace(figure, kind="money", unit=numerator)


def comparable(claim: Figure, source: Figure) -> bool:
    """Do the two figures measure the same kind of thing? A claimed amount ('$0.88') meets a source's price per
    unit ('$0.88 per share'): the claim says less than the source. (A claimed price per unit meeting a bare amount
    needs the denominator named beside it: the checker decides that, check/checking.py.)"""
    if claim.kind == "money" and source.kind == "rate":
        return as_money(source).kind == "money"
    if {claim.kind, source.kind} == {"percent", "points"}:
        return True
    if {claim.kind, source.kind} == {"percent", "count"}:
        return as_share(claim).kind == as_share(source).kind == "percent"
    if claim.kind != source.kind:
        return False
    if claim.kind == "count":
        return not claim.unit or not source.unit or claim.unit == source.unit
    if claim.kind in ("money", "duration", "date"):
        return True
    if claim.kind == "rate":             # ¥ vs $ per million tokens: the same measure, another currency;
        return same_dimension(claim.unit.partition("/")[2], source.unit.partition("/")[2])   # per Wh, per kWh
    if claim.kind == "quantity":         # 48 cm and 0.48米 are one length; 50 km and 50 kg are not comparable
        return same_dimension(claim.unit, source.unit)
    return claim.unit == source.unit


def relate(claim: Figure, source: Figure) -> Relation:
    """The relation of a claimed figure to a comparable source figure."""
    if claim.kind == "money" and source.kind == "rate":
        source = as_money(source)
    if claim.kind == source.kind == "rate":
        claim = _per_denominator_of(claim, source)
    relation = _relate(claim, source)
    if relation.kind == "conflict" and claim.kind == source.kind == "percent":
        return _other_base(claim, source, relation)
    return relation


def _per_denominator_of(claim: Figure, source: Figure) -> Figure:
    """A rate restated per the source's denominator where the two convert: 0.65元/Wh is 650元/kWh, $35 a month
    is $420 a year."""
    numerator, _, den = claim.unit.partition("/")
    source_den = source.unit.partition("/")[2]
    if den == source_den:
        return claim
    factor = convert(Decimal(1), source_den, den)
    return replace(_times(claim, factor), unit=f"{numerator}/{source_den}")


def _other_base(claim: Figure, source: Figure, conflict: Relation) -> Relation:
    """Proportions written per different bases (16.9/10万 and 3.4‰) are different statistics unless the numbers
    written are the same: 16.9 per 1,000 for 16.9/10万 is a slip, a conflict as the same number in another unit is."""
    bases = written_base(claim.text), written_base(source.text)
    if bases[0] == bases[1]:
        return conflict
    written = [_times(f, Decimal(base) / 100) for f, base in zip((claim, source), bases)]
    if _same_number(*written, rounding_tolerance(claim)):
        return Relation("conflict", f"the same number per another base: claim per {bases[0]:,}, source per {bases[1]:,}")
    return Relation("compatible", f"a rate per {bases[1]:,} and one per {bases[0]:,}: not the same measure")


def _times(figure: Figure, factor: Decimal) -> Figure:
    from dataclasses import replace
    return replace(figure, low=None if figure.low is None else figure.low * factor,
                   high=None if figure.high is None else figure.high * factor)


def _relate(claim: Figure, source: Figure) -> Relation:
    if claim.kind == "date":
        return _relate_dates(claim.date, source.date)
    if _same_words(claim, source):
        return Relation("match")         # the source's very words (两到三年内), however each side reads them
    if {claim.kind, source.kind} == {"percent", "count"}:
        claim, source = as_share(claim), as_share(source)
    tolerance = rounding_tolerance(claim)
    for rule in (_other_kind, _other_currency, _other_unit, _other_span, _other_count):
        relation = rule(claim, source, tolerance)
        if relation is not None:
            return relation
    if claim.qualifier == source.qualifier == "range":
        return _relate_ranges(claim, source, tolerance)
    if claim.qualifier == "range":       # '2-3' is not stated by a lone 2 that falls inside it
        inside = _contains(_bounds(claim, tolerance), _bounds(source, Decimal(0)))
        return Relation("compatible", "the source gives one value, the claim a range") if inside \
            else Relation("conflict")
    return _named_extremes(claim, source, tolerance) or _relate_bounds(claim, source, tolerance)


def _other_kind(claim: Figure, source: Figure, tolerance: Decimal) -> Relation | None:
    """Percent vs percentage points: the same number is the slip; another is a level and a change."""
    if claim.kind == source.kind:
        return None
    named = f"the source gives {_kind_name(source)}, the claim {_kind_name(claim)}"
    return _slip_or_other(claim, source, tolerance, named, f"{named}: a level and a change are not one quantity")


def _other_currency(claim: Figure, source: Figure, tolerance: Decimal) -> Relation | None:
    """The same number in another currency is a slip (¥1,000 for 1000美元). Another number may be the same
    amount converted, or another amount: without exchange rates, neither is stated."""
    if claim.kind not in ("money", "rate") or claim.unit == source.unit:
        return None
    return _slip_or_other(claim, source, tolerance, f"unit differs: claim {claim.unit}, source {source.unit}",
                          f"another currency ({source.unit}, the claim {claim.unit}): "
                          "not comparable without an exchange rate")


def _slip_or_other(claim: Figure, source: Figure, tolerance: Decimal, slip: str, other: str) -> Relation:
    """The same number told in another kind or unit is a slip (conflict); another number is not comparable."""
    if _same_number(claim, source, tolerance):
        return Relation("conflict", slip)
    return Relation("compatible", other)


def _other_unit(claim: Figure, source: Figure, tolerance: Decimal) -> Relation | None:
    if claim.kind == "quantity" and claim.unit != source.unit:
        return _relate_units(claim, source, tolerance)
    return None


def _other_span(claim: Figure, source: Figure, tolerance: Decimal) -> Relation | None:
    """40 years (of data) and 30秒 (a forecast) are not one span told two ways; 2 hours for 2 years is a slip."""
    if claim.kind == "duration" and claim.unit != source.unit and _far_apart(claim, source) \
            and not _same_number(claim, source, tolerance):
        return Relation("compatible", f"spans a thousand times apart ({source.unit} and {claim.unit}): "
                                      "not the same span")
    return None


def _other_count(claim: Figure, source: Figure, tolerance: Decimal) -> Relation | None:
    """2,000 employees and 二级 (second-tier), 8,000 and 前五: bare counts a hundred times apart, with other
    digits, count different things. The same digits at another scale (1.2万 for 1.2亿) stay a slip; one
    digit alike (2 and 2,000) is no sign of one."""
    if claim.kind == "count" and not claim.unit and not source.unit and _far_apart(claim, source, 100) \
            and (_digits(claim) != _digits(source) or len(_digits(claim)) < 2):
        return Relation("compatible", "a hundred times apart: not the same count")
    return None


def _named_extremes(claim: Figure, source: Figure, tolerance: Decimal) -> Relation | None:
    """'up to 13B' names the top of the scale, 'as little as ¥5' the bottom: a source naming another top
    (高达100亿) or bottom (最低降至5毛钱) says otherwise, though all it allows may lie inside the claim.
    ('less than 13B' and 'at least ¥0.3' are bounds, and those sources meet them.)"""
    maxima = claim.qualifier == "up_to" and source.qualifier in ("up_to", "at_most")
    minima = (claim.qualifier == source.qualifier == "at_least"
              and bool(_FLOOR.search(claim.text)) and bool(_FLOOR.search(source.text)))
    if (maxima or minima) and _extremes_differ(claim, source, tolerance):
        return Relation("conflict", f"the claim and the source name different {'maxima' if maxima else 'minima'}")
    return None


def _relate_bounds(claim: Figure, source: Figure, tolerance: Decimal) -> Relation:
    """Two intervals: the source's inside the claim's is a match, apart a conflict, else compatible."""
    c = _bounds(claim, tolerance)
    s = _bounds(source, Decimal(0))
    if _same_bound(claim, source, tolerance):
        return Relation("match")         # 'more than 1,200' for 1200+: open or closed, people say one bound
    if _contains(c, s) and _lowered_floor(claim, source, tolerance):
        # 'at least 23 km' for 离岸至少32: the claim lowers the floor the source gives (a floor above the
        # source's, 'more than 15B' for 超过130亿, is allowed but not stated)
        return Relation("conflict", "the claim and the source name different lower bounds")
    if _contains(c, s) and _far_beyond_bound(claim, source):
        return Relation("compatible", "the source's figure is far beyond the claim's bound: "
                                      "it allows the claim but is not what the claim states")
    if _contains(c, s):
        return Relation("match")
    if _drops_qualifier(claim, source, tolerance):
        return Relation("match", f"the claim drops the source's qualifier ({source.qualifier.replace('_', ' ')})")
    if _disjoint(c, s):
        return Relation("conflict")
    return Relation("compatible", "the source's figure allows the claim but does not state it")


def _lowered_floor(claim: Figure, source: Figure, tolerance: Decimal) -> bool:
    lower = ("more_than", "at_least")
    return (claim.qualifier in lower and source.qualifier in lower and not _FLOOR.search(claim.text)
            and not _FLOOR.search(source.text) and _extremes_differ(claim, source, tolerance))


def _drops_qualifier(claim: Figure, source: Figure, tolerance: Decimal) -> bool:
    """'700 million' for 近7亿: the claim gives the source's number without its hedge."""
    cv, sv = _scaled(claim, claim.value), _scaled(source, source.value)
    return (claim.qualifier in ("exact", "approx") and source.qualifier in SOFT and cv is not None
            and sv is not None and abs(cv - sv) <= abs(sv) * max(tolerance, Decimal("0.000001")))


def _relate_units(claim: Figure, source: Figure, tolerance: Decimal) -> Relation:
    """A quantity in another unit of the same dimension, compared in the source's unit (48 cm vs 0.48米).
    The same number in another unit is a slip (50 km for 50米); numbers a thousand times apart after
    conversion measure different things, as with durations."""
    if _same_number(claim, source, tolerance):
        return Relation("conflict", f"unit differs: claim {claim.unit}, source {source.unit}")
    from dataclasses import replace
    converted = replace(claim, unit=source.unit, low=convert(claim.low, claim.unit, source.unit),
                        high=convert(claim.high, claim.unit, source.unit))
    if _far_apart(converted, source):
        return Relation("compatible", f"a thousand times apart in {source.unit}: not the same measure")
    relation = relate(converted, source)
    return Relation(relation.kind, relation.note or f"compared in {source.unit}")


def _same_bound(claim: Figure, source: Figure, tolerance: Decimal) -> bool:
    """Both give the same lower bound, or both the same upper bound, whether or not it is included."""
    for side, kinds in ((lambda f: f.low, ("more_than", "at_least")), (lambda f: f.high, ("less_than", "at_most"))):
        if claim.qualifier in kinds and source.qualifier in kinds:
            a, b = _scaled(claim, side(claim)), _scaled(source, side(source))
            return a is not None and b is not None and abs(a - b) <= abs(a) * tolerance
    return False


def _far_beyond_bound(claim: Figure, source: Figure) -> bool:
    """'more than 430' met by 13.7 million, 'at least 65530' by 262144: a bound a third of the value or less
    (three times it or more, for an upper bound) is not how anyone states that value; it only allows it."""
    if claim.qualifier not in ("more_than", "at_least", "less_than", "at_most", "up_to"):
        return False
    bound = _scaled(claim, claim.value)
    if not bound:
        return False
    near_end = source.low if claim.qualifier in ("more_than", "at_least") else source.high
    value = _scaled(source, source.value if source.value is not None else near_end)
    if value is None:
        return False
    if value == 0:                # 'up to a billion' is not how anyone states zero
        return claim.qualifier not in ("more_than", "at_least")
    ratio = abs(value / bound)
    return ratio >= _FAR_BEYOND if claim.qualifier in ("more_than", "at_least") else ratio <= 1 / _FAR_BEYOND


_FAR_BEYOND = Decimal(3)


def _same_words(claim: Figure, source: Figure) -> bool:
    return len(claim.text) > 1 and "".join(claim.text.split()) == "".join(source.text.split())


def _extremes_differ(claim: Figure, source: Figure, tolerance: Decimal) -> bool:
    """The top (or bottom) each names, beyond the claim's rounding."""
    c, s = _scaled(claim, claim.value), _scaled(source, source.value)
    return abs(c - s) > abs(c) * tolerance


def _far_apart(a: Figure, b: Figure, times: int = 1000) -> bool:
    """Two figures `times` apart or more (durations compared in days)."""
    x, y = _scaled(a, a.value if a.value is not None else a.low), _scaled(b, b.value if b.value is not None else b.low)
    if not x or not y:
        return False
    ratio = abs(x / y)
    return ratio >= times or ratio <= 1 / Decimal(times)


def _digits(figure: Figure) -> str:
    """The significant digits of a figure's value: 2.73万亿 and 2.73 billion are both '273'."""
    value = figure.value if figure.value is not None else figure.low
    if value is None:
        return ""
    return "".join(str(d) for d in value.normalize().as_tuple().digits).rstrip("0")


def _same_number(claim: Figure, source: Figure, tolerance: Decimal) -> bool:
    """The number as written (both ends of a range) alike, to the claim's rounding; hedges aside."""
    pairs = [(claim.value, source.value)] if claim.value is not None and source.value is not None else \
        [(claim.low, source.low), (claim.high, source.high)]
    for c, s in pairs:
        if (c is None) != (s is None):
            return False
        if c is not None and abs(c - s) > abs(c) * tolerance:
            return False
    return True


def _relate_ranges(claim: Figure, source: Figure, tolerance: Decimal) -> Relation:
    """A range is a statement of both ends: '10-20 years' misstates '5-20 years'."""
    ends = [(_scaled(claim, a), _scaled(source, b)) for a, b in ((claim.low, source.low), (claim.high, source.high))]
    half = abs(ends[0][0]) * tolerance if ends[0][0] is not None else Decimal(0)    # at both ends, as _bounds
    if all(c is not None and s is not None and (c == s or c - half <= s < c + half) for c, s in ends):
        return Relation("match")
    return Relation("conflict", "the ranges' ends differ")


def rounding_tolerance(figure: Figure) -> Decimal:
    """Relative half-unit of the last digit written: '6.9 million' -> 0.05/6.9; at most ROUNDING_CAP, since a
    one-digit figure ('4%', '2 million') is how people round a little, not a quarter."""
    digits = _MANTISSA.search(unicodedata.normalize("NFKC", figure.text))
    if not digits:
        return Decimal(0)
    mantissa = digits.group().replace(",", "")
    try:
        value = Decimal(mantissa)
    except Exception:  # pragma: no cover - the regex only admits digits
        return Decimal(0)
    if value == 0:
        return Decimal(0)
    places = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return min(ROUNDING_CAP, (Decimal("0.5") * Decimal(10) ** -places) / value)


def _significant_half(figure: Figure, value: Decimal) -> Decimal:
    """Half a unit of the last significant digit written: 'about 70,000' stands for 65,000 to 75,000 (not
    76,092, which is 'about 76,000'); 'about 700 million' for 650 to 750 million. As a share of `value`."""
    digits = _MANTISSA.search(unicodedata.normalize("NFKC", figure.text))
    if not digits or value == 0:
        return abs(value) * APPROX_SLACK
    mantissa = digits.group().replace(",", "")
    try:
        written = Decimal(mantissa)
    except Exception:  # pragma: no cover - the regex only admits digits
        return abs(value) * APPROX_SLACK
    if written == 0:
        return abs(value) * APPROX_SLACK
    whole, _, frac = mantissa.partition(".")
    if frac.rstrip("0") or not whole.rstrip("0"):
        return Decimal(0)            # 'about 3.5': its rounding tolerance already says it
    zeros = len(whole) - len(whole.rstrip("0"))
    return abs(value) * (Decimal("0.5") * Decimal(10) ** zeros) / abs(written)


def _kind_name(figure: Figure) -> str:
    return {"points": "percentage points", "percent": "percent"}.get(figure.kind, figure.kind)


def _scaled(figure: Figure, value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    if figure.kind == "duration":
        return value * DAYS.get(figure.unit, Decimal(1))
    return value


def _bounds(figure: Figure, tolerance: Decimal):
    """(low, low_open, high, high_open) after duration scaling and slack."""
    low, high = _scaled(figure, figure.low), _scaled(figure, figure.high)
    q = figure.qualifier
    if q == "approx" and low is not None:
        slack = max(abs(low) * tolerance, min(abs(low) * APPROX_SLACK, _significant_half(figure, low)))
        return low - slack, False, high + slack, False
    if q == "nearly" and low is not None:           # nearly 20 comes up to 20, never past it
        return low - abs(low) * APPROX_SLACK, False, high, False
    if q in ("exact", "range"):       # rounding slack widens written values, never a hedge's bound
        # Half a unit of the last digit written, the same amount at both ends ('1-2' is 0.5-2.5, not
        # 0.5-3), and half-up: '4x' stands for 3.5 up to but not including 4.5.
        half = abs(low) * tolerance
        return low - half, False, high + half, half > 0
    lo = -INF if low is None else low
    hi = INF if high is None else high
    return lo, figure.low_open, hi, figure.high_open


def _contains(outer, inner) -> bool:
    olo, olo_open, ohi, ohi_open = outer
    ilo, ilo_open, ihi, ihi_open = inner
    low_ok = olo < ilo or (olo == ilo and (not olo_open or ilo_open))
    high_ok = ihi < ohi or (ihi == ohi and (not ohi_open or ihi_open))
    return low_ok and high_ok


def _disjoint(a, b) -> bool:
    alo, alo_open, ahi, ahi_open = a
    blo, blo_open, bhi, bhi_open = b
    if ahi < blo or bhi < alo:
        return True
    if ahi == blo and (ahi_open or blo_open):
        return True
    return bhi == alo and (bhi_open or alo_open)


def _date_parts(d: str) -> list[int | None]:
    """'XXXX-12-07' -> [None, 12, 7]: an unknown part is None."""
    return [None if "X" in p else int(p) for p in d.split("-")]


def _date_cmp(a: list[int | None], b: list[int | None]) -> int:
    """Order two dates on the parts both name: 2026 and 2026-05 are equal (the year holds the month)."""
    for x, y in zip(a, b):
        if x is None or y is None or x == y:
            continue
        return -1 if x < y else 1
    return 0


def _relate_date_spans(claim: str, source: str) -> Relation:
    """A date span (12月6日-7日, 2022-2026) is an interval: a claim inside it is a day (or year) it names."""
    c1, _, c2 = claim.partition("/")
    s1, _, s2 = source.partition("/")
    c1p, c2p = _date_parts(c1), _date_parts(c2 or c1)
    s1p, s2p = _date_parts(s1), _date_parts(s2 or s1)
    if _date_cmp(s1p, c1p) <= 0 and _date_cmp(c2p, s2p) <= 0:
        if "/" in claim and "/" not in source:
            return Relation("compatible", "the source gives one date, the claim a span")
        if "/" in claim and _date_cmp(c1p, s1p) == 0 and _date_cmp(c2p, s2p) == 0:
            return Relation("match")
        return Relation("match", "the claim's date lies within the source's span")
    if "/" in claim and "/" not in source and _date_cmp(c1p, s1p) <= 0 <= _date_cmp(c2p, s1p):
        return Relation("compatible", "the source gives one date inside the claim's span")
    return Relation("conflict", "outside the source's span" if "/" in source else "")


def _relate_dates(claim: str, source: str) -> Relation:
    """Dates agree when every part both name agrees ('XXXX-12-07' vs '2024-12-07'); spans are intervals."""
    if ("/" in claim or "/" in source) and not (claim.startswith("W") or source.startswith("W")):
        return _relate_date_spans(claim, source)
    if claim.startswith("W") or source.startswith("W"):
        return _relate_weekdays(claim, source)
    a, b = claim.split("-"), source.split("-")
    shared = min(len(a), len(b))
    for x, y in zip(a[:shared], b[:shared]):
        if "X" in x or "X" in y:
            continue
        if x != y:
            return Relation("conflict")
    return Relation("match") if len(a) <= len(b) else Relation("compatible", "the source gives a less precise date")


def _relate_weekdays(claim: str, source: str) -> Relation:
    """A weekday ('W6') against another, or against a date whose weekday it must be."""
    import datetime

    if claim.startswith("W") and source.startswith("W"):
        return Relation("match") if claim == source else Relation("conflict")
    weekday = claim if claim.startswith("W") else source
    other = source if weekday is claim else claim
    try:
        real = datetime.date.fromisoformat(other).isoweekday()
    except ValueError:
        return Relation("compatible", "a weekday cannot be checked against a date without its year")
    if weekday != f"W{real}":
        return Relation("conflict", f"{other} is a {datetime.date.fromisoformat(other):%A}")
    if weekday is source:             # 'on Saturday' fits 2024-12-07, and 2024-12-14 as well
        return Relation("compatible", "the source gives only the weekday")
    return Relation("match")
