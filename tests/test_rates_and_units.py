"""Figures people write in claims that the engine once could not read (issue 12, branch numbers2): a price per a
unit of time, measure or thing ('$35 a month', '0.65元/Wh'), a rate per a round population ('16.9 per 100,000'),
and a unit the engine cannot convert ('3200MT/s'). Each rule has its table; each row is read as a claim figure
(parse_figure) and in running text (find_figures), and the comparisons show how matching.py relates them.
Developed on the claim figures users wrote that failed with 'cannot read figure'."""
from decimal import Decimal as D

import pytest

from verifier.numbers import find_figures, parse_figure
from verifier.numbers.matching import comparable, relate

# text, (figure text, kind, unit, value)
PRICE_PER = [
    ("$35 a month", ("$35 a month", "rate", "USD/month", "35")),
    ("$35 per month", ("$35 per month", "rate", "USD/month", "35")),
    ("$2,000 a year", ("$2,000 a year", "rate", "USD/year", "2000")),
    ("$14,000 a month", ("$14,000 a month", "rate", "USD/month", "14000")),
    ("$5 a share", ("$5 a share", "rate", "USD/share", "5")),
    ("$5 per share", ("$5 per share", "rate", "USD/share", "5")),
    ("$3 a gallon", ("$3 a gallon", "rate", "USD/gallon", "3")),
    ("0.65元/Wh", ("0.65元/Wh", "rate", "CNY/Wh", "0.65")),
    ("均价3万元/平方米", ("3万元/平方米", "rate", "CNY/m**2", "30000")),
    ("油价80美元/桶", ("80美元/桶", "rate", "USD/barrel", "80")),
    ("电价0.5元/度", ("0.5元/度", "rate", "CNY/kWh", "0.5")),
    ("人均100元/人", ("100元/人", "rate", "CNY/person", "100")),
    # the words after the article date the amount, they do not divide it
    ("up from $2,000 a year earlier", ("$2,000", "money", "USD", "2000")),
    ("it cost $5 a month ago", ("$5", "money", "USD", "5")),
    ("$40 a year-on-year rise", ("$40", "money", "USD", "40")),
    ("5 a month", ("5", "count", "", "5")),                     # a count has no price: 'a' stays a word
    ("650元/kWh", ("650元/kWh", "rate", "CNY/kWh", "650")),     # the k of kWh is the unit's, not a scale
    ("$0.002/1K tokens", ("$0.002/1K tokens", "rate", "USD/1000 token", "0.002")),   # a scaled count denominator
    ("$1.5/1M tokens", ("$1.5/1M tokens", "rate", "USD/1000000 token", "1.5")),
    ("1/2 hour", ("1/2 hour", "duration", "hour", "0.5")),      # a fraction of a unit stays a fraction
]
PER_CAPITA = [
    ("16.9 per 100,000", ("16.9 per 100,000", "percent", "%", "0.0169")),
    ("16.9 per 100,000 people", ("16.9 per 100,000", "percent", "%", "0.0169")),
    ("发病率为18.6/10万，", ("18.6/10万", "percent", "%", "0.0186")),
    ("5.4 per 1,000", ("5.4 per 1,000", "percent", "%", "0.54")),
    ("5.4 per thousand live births", ("5.4 per thousand", "percent", "%", "0.54")),
    ("5.4‰", ("5.4‰", "percent", "%", "0.54")),
    ("169 per million", ("169 per million", "percent", "%", "0.0169")),
    ("3 per 100", ("3 per 100", "percent", "%", "3")),
    ("百亿/千亿参数", ("百亿", "count", "", "10000000000")),     # after a slash a bare scale is another number
    ("5 per 1,000 tokens", ("5", "count", "", "5")),            # a count of tokens, not a population
    ("1/1000秒", None),                                          # a time, not a proportion
]
UNKNOWN_UNITS = [
    ("3200MT/s", ("3200MT/s", "unknown", "MT/s", "3200")),
    ("PCIe at 16 GT/s", ("16 GT/s", "unknown", "GT/s", "16")),
    ("2TB of memory at 3200MT/s", ("2TB", "quantity", "TB", "2")),
    ("500 nits", ("500 nits", "unknown", "nits", "500")),
    ("60fps", ("60fps", "unknown", "fps", "60")),
    ("5 and/or 6", ("5", "count", "", "5")),                    # a slash between words is no unit
    ("5G网络", None),                                           # a name stays a name
]


def _first(text):
    figures = find_figures(text)
    return (figures[0].text, figures[0].kind, figures[0].unit, figures[0].value) if figures else None


def _expected(row):
    return None if row is None else (row[0], row[1], row[2], D(row[3]))


@pytest.mark.parametrize("text,expected", PRICE_PER, ids=[t for t, _ in PRICE_PER])
def test_a_price_per_a_unit_is_a_rate(text, expected):
    assert _first(text) == _expected(expected)


@pytest.mark.parametrize("text,expected", PER_CAPITA, ids=[t for t, _ in PER_CAPITA])
def test_a_rate_per_a_round_population_is_a_percent(text, expected):
    assert _first(text) == _expected(expected)


@pytest.mark.parametrize("text,expected", UNKNOWN_UNITS, ids=[t for t, _ in UNKNOWN_UNITS])
def test_a_unit_the_engine_cannot_convert_keeps_its_number(text, expected):
    assert _first(text) == _expected(expected)


def test_the_unknown_unit_is_named_among_all_figures():
    assert [(f.text, f.kind) for f in find_figures("2TB of memory at 3200MT/s")] == [
        ("2TB", "quantity"), ("3200MT/s", "unknown")]


# claim figure, source text, relation (None: not comparable)
COMPARE = [
    ("$35 a month", "The plan costs $35 per month.", "match"),
    ("$35 per month", "The plan costs $35 a month.", "match"),
    ("$40 a month", "The plan costs $35 a month.", "conflict"),
    ("$35 a month", "The plan costs $420 a year.", "match"),        # denominators that convert are compared
    ("$35 a month", "The plan costs $35 a year.", "conflict"),
    ("$35 a month", "The plan costs $35 a share.", None),          # another denominator: not the same measure
    ("16.9 per 100,000", "发病率为16.9/10万。", "match"),
    ("169 per million", "发病率为16.9/10万。", "match"),            # another denominator converts
    ("5.4 per 1,000", "出生率为5.4‰。", "match"),
    ("16.9 per 100,000", "发病率为18.6/10万。", "conflict"),
    ("16.9 per 100,000", "a rate of 16.9 per 1,000", "conflict"),  # same digits, another denominator: a slip
    ("16.9 per 100,000", "婴儿死亡率3.4‰。", "compatible"),        # another base, another number: another statistic
    ("5.4‰", "增长3%。", "compatible"),
    ("5.4‰", "增长5.4%。", "conflict"),
    ("$0.88", "a dividend of $0.88 per share", "match"),           # an amount meets the source's price per unit
    ("800元", "煤价800元/吨", "match"),
    ("$0.88 per share", "a dividend of $0.88", None),               # the checker wants the denominator named
    ("3200MT/s", "DDR4 at 3200MT/s", "match"),
    ("3200MT/s", "DDR4 at 2933MT/s", "conflict"),
    ("3200MT/s", "3200MHz", None),                                 # a unit it cannot convert equals only itself
    ("0.65元/Wh", "储能系统报价0.65元/Wh", "match"),
    ("0.65元/Wh", "储能系统报价650元/kWh", "match"),                # converted to the source's denominator
    ("0.65元/Wh", "储能系统报价0.65元/kWh", "conflict"),
    ("¥0.5 per million tokens", "$0.5 per 1,000 tokens", None),    # a count's scale is not converted
]


@pytest.mark.parametrize("claim,source,relation", COMPARE, ids=[f"{c}~{s}" for c, s, _ in COMPARE])
def test_claim_and_source_readings_relate(claim, source, relation):
    a, b = parse_figure(claim), find_figures(source)[-1]
    if relation is None:
        assert not comparable(a, b)
    else:
        assert comparable(a, b) and relate(a, b).kind == relation
