"""How a claimed figure relates to a source figure, on hand-built intervals.

The rows are the qualifier rules a fact-checker applies: a hedge may be dropped,
never reversed; rounding in the claim is allowed to the digits it writes;
ranges are statements of both ends; percent is not percentage points.
"""
from decimal import Decimal as D

import pytest

from verifier.numbers.matching import comparable, relate, rounding_tolerance
from verifier.numbers.figure import Figure


def fig(text, kind, low, high=None, qualifier="exact", unit="", low_open=False, high_open=False, date=""):
    if high is None and qualifier in ("exact", "approx", "nearly"):
        high = low
    to_d = lambda v: None if v is None else D(str(v))  # noqa: E731
    return Figure(text, 0, len(text), kind, unit, to_d(low), to_d(high), qualifier, low_open, high_open, date)


P97 = fig("97%", "percent", 97, unit="%")
NEARLY_7E8 = fig("近7亿", "count", 7e8, qualifier="nearly")
OVER_69E5 = fig("超过690万", "count", 6.9e6, None, "more_than", low_open=True)
UNDER_1000 = fig("不到1000美元", "money", None, 1000, "less_than", unit="USD", high_open=True)
UP_TO_1E10 = fig("高达100亿参数", "count", None, 1e10, "up_to", unit="parameter")
RANGE_5_20 = fig("5-20年", "duration", 5, 20, "range", unit="year")
RANGE_5_6 = fig("五、六家", "count", 5, 6, "range")

CASES = [
    # claim, source, relation
    (fig("97%", "percent", 97, unit="%"), P97, "match"),
    (fig("95%", "percent", 95, unit="%"), P97, "conflict"),
    (fig("97.0%", "percent", 97.0, unit="%"), P97, "match"),
    (fig("64%", "percent", 64, unit="%"), fig("63.76%", "percent", 63.76, unit="%"), "match"),
    (fig("63%", "percent", 63, unit="%"), fig("63.76%", "percent", 63.76, unit="%"), "conflict"),
    (fig("4.4%", "percent", 4.4, unit="%"), fig("4.4个百分点", "points", 4.4, unit="pp"), "conflict"),
    (fig("$0.5/M tokens", "rate", 0.5, unit="USD/1000000 token"),
     fig("每百万tokens 0.5元", "rate", 0.5, unit="CNY/1000000 token"), "conflict"),
    (fig("nearly 700 million", "count", 7e8, qualifier="nearly"), NEARLY_7E8, "match"),
    (fig("about 700 million", "count", 7e8, qualifier="approx"), NEARLY_7E8, "match"),
    (fig("700 million", "count", 7e8), NEARLY_7E8, "match"),
    (fig("more than 700 million", "count", 7e8, None, "more_than", low_open=True), NEARLY_7E8, "conflict"),
    (fig("more than 6.9 million", "count", 6.9e6, None, "more_than", low_open=True), OVER_69E5, "match"),
    (fig("6.9 million", "count", 6.9e6), OVER_69E5, "match"),
    (fig("fewer than 6.9 million", "count", None, 6.9e6, "less_than", high_open=True), OVER_69E5, "conflict"),
    (fig("10 million", "count", 1e7), OVER_69E5, "compatible"),
    (fig("under $1,000", "money", None, 1000, "less_than", unit="USD", high_open=True), UNDER_1000, "match"),
    (fig("more than $1,000", "money", 1000, None, "more_than", unit="USD", low_open=True), UNDER_1000, "conflict"),
    (fig("under ¥1,000", "money", None, 1000, "less_than", unit="CNY", high_open=True), UNDER_1000, "conflict"),
    (fig("¥1,000", "money", 1000, unit="CNY"), UNDER_1000, "conflict"),              # the same number, a slip
    (fig("¥7,000", "money", 7000, unit="CNY"), UNDER_1000, "compatible"),            # converted? no rate to tell
    (fig("10B parameters", "count", 1e10, unit="parameter"), UP_TO_1E10, "match"),
    (fig("up to 10B", "count", None, 1e10, "up_to"), UP_TO_1E10, "match"),
    (fig("more than 10B", "count", 1e10, None, "more_than", low_open=True), UP_TO_1E10, "conflict"),
    (fig("5-20 years", "duration", 5, 20, "range", unit="year"), RANGE_5_20, "match"),
    (fig("10-20 years", "duration", 10, 20, "range", unit="year"), RANGE_5_20, "conflict"),
    (fig("5-6", "count", 5, 6, "range"), RANGE_5_6, "match"),
    (fig("3", "count", 3), RANGE_5_6, "conflict"),
    (fig("5", "count", 5), RANGE_5_6, "compatible"),
    (fig("24 months", "duration", 24, unit="month"), fig("两年", "duration", 2, unit="year"), "match"),
    (fig("5 years", "duration", 5, unit="year"), fig("两年", "duration", 2, unit="year"), "conflict"),
    (fig("40 years", "duration", 40, unit="year"), fig("30秒", "duration", 30, unit="second"), "compatible"),
    (fig("2 hours", "duration", 2, unit="hour"), fig("两年", "duration", 2, unit="year"), "conflict"),   # a slip
    (fig("3 minutes", "duration", 3, unit="minute"), fig("30秒", "duration", 30, unit="second"), "conflict"),
    (fig("12月7日", "date", None, None, date="XXXX-12-07"), fig("2024-12-07", "date", None, None, date="2024-12-07"),
     "match"),
    (fig("12月8日", "date", None, None, date="XXXX-12-08"), fig("2024-12-07", "date", None, None, date="2024-12-07"),
     "conflict"),
    (fig("Saturday", "date", None, None, date="W6"), fig("2024-12-07", "date", None, None, date="2024-12-07"),
     "match"),
    (fig("Friday", "date", None, None, date="W5"), fig("2024-12-07", "date", None, None, date="2024-12-07"),
     "conflict"),
    # a weekday in the source fits every such day: it does not state the date
    (fig("2024-12-07", "date", None, None, date="2024-12-07"), fig("Saturday", "date", None, None, date="W6"),
     "compatible"),
    (fig("2024-12-08", "date", None, None, date="2024-12-08"), fig("Saturday", "date", None, None, date="W6"),
     "conflict"),
    # a slash fraction is a share, comparable with a percent
    (fig("33%", "percent", 33, unit="%"), fig("1/3", "count", D(1) / 3), "match"),
    # a date span is an interval: a day (or year) inside it is one it names; one outside is not
    (fig("12月7日", "date", None, None, date="XXXX-12-07"),
     fig("12月6日-7日", "date", None, None, "range", date="XXXX-12-06/XXXX-12-07"), "match"),
    (fig("12月8日", "date", None, None, date="XXXX-12-08"),
     fig("12月6日-7日", "date", None, None, "range", date="XXXX-12-06/XXXX-12-07"), "conflict"),
    (fig("2022年", "date", None, None, date="2022"), fig("2022-2026", "date", None, None, "range", date="2022/2026"),
     "match"),
    (fig("2027年", "date", None, None, date="2027"), fig("2022-2026", "date", None, None, "range", date="2022/2026"),
     "conflict"),
    (fig("2021-2023", "date", None, None, "range", date="2021/2023"),
     fig("2022-2026", "date", None, None, "range", date="2022/2026"), "conflict"),
    (fig("2022-2026", "date", None, None, "range", date="2022/2026"), fig("2024年", "date", None, None, date="2024"),
     "compatible"),
    # a change in points against a level in percent: not one quantity, unless the number is the same (a slip)
    (fig("1.88 percentage points", "points", 1.88, unit="pp"), fig("61.88%", "percent", 61.88, unit="%"), "compatible"),
    # Rounding buys half a unit of the last digit, the same at both ends of a range, half-up.
    (fig("1-2", "count", 1, 2, "range"), fig("两三", "count", 2, 3, "range"), "conflict"),
    (fig("1-3 years", "duration", 1, 3, "range", unit="year"), fig("1-2年", "duration", 1, 2, "range", unit="year"),
     "conflict"),
    (fig("1-2 years", "duration", 1, 2, "range", unit="year"),
     fig("1.5 to 2 years", "duration", 1.5, 2, "range", unit="year"), "conflict"),
    (fig("1.5-2 million", "count", 1.5e6, 2e6, "range"), fig("150万到200万", "count", 1.5e6, 2e6, "range"), "match"),
    (fig("4x", "multiplier", 4, unit="x"), fig("4.5倍", "multiplier", 4.5, unit="x"), "conflict"),
    # bare counts a hundred times apart with other digits count different things; the same digits are a slip
    (fig("约2000", "count", 2000, qualifier="approx"), fig("二级", "count", 2), "compatible"),
    (fig("1.2亿", "count", 1.2e8), fig("1.2万", "count", 1.2e4), "conflict"),
    (fig("6.2B", "count", 6.2e9), fig("1.4T", "count", 1.4e12), "compatible"),
    (fig("60", "count", 60), fig("25", "count", 25), "conflict"),
    # a claim's rounding buys at most 5% of its value: '5x' is not 4.5倍, '4%' is not 3.75%, '1-2' excludes 2.4
    (fig("5x", "multiplier", 5, unit="x"), fig("4.5倍", "multiplier", 4.5, unit="x"), "conflict"),
    (fig("4%", "percent", 4, unit="%"), fig("3¾%", "percent", 3.75, unit="%"), "conflict"),
    (fig("4%", "percent", 4, unit="%"), fig("3.9%", "percent", 3.9, unit="%"), "match"),
    (fig("1-2", "count", 1, 2, "range"), fig("2.4", "count", 2.4), "conflict"),
    (fig("1-2", "count", 1, 2, "range"), fig("2", "count", 2), "compatible"),
    # 'nearly 20' comes up to 20, never past it.
    (fig("nearly 20", "count", 20, qualifier="nearly"), fig("20余", "count", 20, None, "more_than", low_open=True),
     "conflict"),
    (fig("nearly 6.9 million", "count", 6.9e6, qualifier="nearly"), OVER_69E5, "conflict"),
    # 'up to' names the top of the scale; 'less than' is a bound.
    (fig("up to 13B", "count", None, 1.3e10, "up_to", unit="parameter"), UP_TO_1E10, "conflict"),
    (fig("up to 8B", "count", None, 8e9, "up_to", unit="parameter"), UP_TO_1E10, "conflict"),
    (fig("less than 13B", "count", None, 1.3e10, "less_than", unit="parameter", high_open=True), UP_TO_1E10, "match"),
    # 'as little as' names a minimum; 'at least' is a bound
    (fig("as little as ¥5", "money", 5, None, "at_least", unit="CNY"),
     fig("最低降至5毛钱", "money", 0.5, None, "at_least", unit="CNY"), "conflict"),
    (fig("at least ¥0.3", "money", 0.3, None, "at_least", unit="CNY"),
     fig("最低降至5毛钱", "money", 0.5, None, "at_least", unit="CNY"), "match"),
    # a bound a third of the value or less allows it, but is not how anyone states it
    (fig("at least 65530", "count", 65530, None, "at_least"), fig("262144", "count", 262144), "compatible"),
    (fig("more than 10,000", "count", 10000, None, "more_than", low_open=True), fig("12,000", "count", 12000),
     "match"),
    (fig("more than 1,200", "count", 1200, None, "more_than", low_open=True), fig("1200+", "count", 1200, None,
     "at_least"), "match"),                       # one bound, open or closed: people say it either way
    (fig("under 1%", "percent", None, 1, "less_than", unit="%", high_open=True), fig("0.2%", "percent", 0.2, unit="%"),
     "compatible"),
]


SHARE_CASES = [
    # a fraction in words is a share: it meets percent; any other count does not
    (fig("more than half", "count", 0.5, None, "more_than", low_open=True),
     fig("超过50%", "percent", 50, None, "more_than", unit="%", low_open=True), "match"),
    (fig("50%", "percent", 50, unit="%"), fig("一半", "count", 0.5), "match"),
    (fig("33%", "percent", 33, unit="%"), fig("三分之一", "count", D(1) / 3), "match"),
    (fig("40%", "percent", 40, unit="%"), fig("一半", "count", 0.5), "conflict"),
    (fig("more than half", "count", 0.5, None, "more_than", low_open=True), fig("40%", "percent", 40, unit="%"),
     "conflict"),
]


@pytest.mark.parametrize("claim,source,expected", SHARE_CASES, ids=[f"{c.text}~{s.text}" for c, s, _ in SHARE_CASES])
def test_shares_meet_percent(claim, source, expected):
    assert comparable(claim, source) and comparable(source, claim)
    assert relate(claim, source).kind == expected


@pytest.mark.parametrize("a,b", [(fig("5", "count", 5), fig("50%", "percent", 50, unit="%")),
                                 (fig("2 halves", "count", 2), fig("50%", "percent", 50, unit="%"))])
def test_other_counts_do_not_meet_percent(a, b):
    assert not comparable(a, b) and not comparable(b, a)


@pytest.mark.parametrize("claim,source,expected", CASES, ids=[f"{c.text}~{s.text}" for c, s, _ in CASES])
def test_relation(claim, source, expected):
    assert comparable(claim, source)
    assert relate(claim, source).kind == expected


@pytest.mark.parametrize("a,b,expected", [
    (P97, fig("4.5倍", "multiplier", 4.5, unit="x"), False),
    (fig("13B", "count", 1.3e10), UP_TO_1E10, True),
    (fig("13B tokens", "count", 1.3e10, unit="token"), UP_TO_1E10, False),
    (fig("¥5", "money", 5, unit="CNY"), UNDER_1000, True),
    (fig("5 years", "duration", 5, unit="year"), fig("24个月", "duration", 24, unit="month"), True),
    (fig("$0.5/M tokens", "rate", 0.5, unit="USD/1000000 token"),
     fig("每百万tokens 0.5元", "rate", 0.5, unit="CNY/1000000 token"), True),
    (fig("20 tokens/s", "rate", 20, unit="token/second"),
     fig("每百万tokens 0.5元", "rate", 0.5, unit="CNY/1000000 token"), False),
])
def test_comparable(a, b, expected):
    assert comparable(a, b) is expected


@pytest.mark.parametrize("text,expected", [
    ("97%", D("0.5") / 97), ("6.9 million", D("0.05") / D("6.9")), ("1,000", D("0.5") / 1000),
    ("十倍", D(0)), ("0", D(0)),
])
def test_rounding_tolerance(text, expected):
    assert rounding_tolerance(fig(text, "count", 1)) == expected
