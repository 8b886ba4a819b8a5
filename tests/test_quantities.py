"""Physical quantities: how units are read in running text and in claim figures, and how two quantities
in different units compare (pint does the conversions)."""
from decimal import Decimal as D

import pytest

from verifier.claimsfile.claims import _with_claim_unit
from verifier.numbers import find_figures, parse_figure
from verifier.numbers.matching import comparable, relate

# text, expected (figure text, unit, low, high) of the first figure, or None for no figure
READ = [
    ("全长约50公里", ("约50公里", "km", "50", "50")),
    ("厚约50米", ("约50米", "m", "50", "50")),
    ("17.66GB显存", ("17.66GB", "GB", "17.66", "17.66")),
    ("需要80G显存", ("80G", "GB", "80", "80")),                 # the G of memory
    ("8TB硬盘", ("8TB", "TB", "8", "8")),
    ("重25kg", ("25kg", "kg", "25", "25")),
    ("a 48 cm screen", ("48 cm", "cm", "48", "48")),
    ("the tower is 5m tall", ("5m", "m", "5", "5")),
    ("5000mAh电池", ("5000mAh", "mAh", "5000", "5000")),
    ("气温-5℃", ("-5℃", "degC", "-5", "-5")),
    ("100万千瓦", ("100万千瓦", "kW", "1000000", "1000000")),      # 千 before 瓦 is kilo, not a thousand
    ("6.7英寸屏幕", ("6.7英寸", "inch", "6.7", "6.7")),
    ("2.5 million km", ("2.5 million km", "km", "2500000", "2500000")),
    ("5千米", ("5千米", "km", "5", "5")),
    ("1.5GHz主频", ("1.5GHz", "GHz", "1.5", "1.5")),
    ("300 km/h", ("300 km/h", "km/h", "300", "300")),
    ("400亩土地", ("400亩", "mu", "400", "400")),
    ("7nm工艺", ("7nm", "nm", "7", "7")),
    ("支持 80W 有线快充", ("80W", "W", "80", "80")),           # the W of charging
    ("重量 204g，支持侧边指纹", ("204g", "g", "204", "204")),   # a lower-case g is grams

    ("一度电0.5元", None),
]
# text, (kind, unit) of the first figure: what is not a unit stays what it was
NOT_UNITS = [
    ("raised $5m", ("money", "USD")),            # m after a currency sign is million
    ("5G网络", None),                             # a name
    ("7B模型", ("count", "")),                    # B is billion
    ("10W粉丝", ("count", "")),                   # W is 万 unless charging or power is spoken of
    ("价格从5升至8", ("count", "")),              # 升至 is 'rises to'
    ("5m people", None),                          # British million, not metres; a bare 5m is not read
    ("5g网络", None),                              # a network generation, not grams
]


@pytest.mark.parametrize("text,expected", READ, ids=[t for t, _ in READ])
def test_units_in_running_text(text, expected):
    figures = [f for f in find_figures(text) if f.kind == "quantity"]
    got = (figures[0].text, figures[0].unit, figures[0].low, figures[0].high) if figures else None
    assert got == (None if expected is None else (expected[0], expected[1], D(expected[2]), D(expected[3])))


@pytest.mark.parametrize("text,expected", NOT_UNITS, ids=[t for t, _ in NOT_UNITS])
def test_what_is_not_a_unit(text, expected):
    figures = find_figures(text)
    assert ((figures[0].kind, figures[0].unit) if figures else None) == expected


# claim figure, source text, relation
COMPARE = [
    ("48 cm", "0.48米", "match"),
    ("0.5 km", "500米", "match"),
    ("50 km", "约50公里", "match"),
    ("50公里", "厚约50米", "conflict"),           # the same number in another unit is a slip
    ("18 GB", "17.66GB", "match"),                # the claim's rounding
    ("19 GB", "17.66GB", "conflict"),
    ("2 TB", "2048GB", "match"),
    ("100 kg", "100斤", "conflict"),
    ("50 kg", "100斤", "match"),                  # 斤 is half a kilogram
    ("20°C", "68°F", "match"),                    # offsets applied, not only factors
    ("5000 mAh", "5000毫安时", "match"),
    ("512 MB", "512KB", "conflict"),
    ("3 km", "3 mm", "conflict"),
    ("3 km", "7 mm", "compatible"),               # a million times apart: another measure
]


@pytest.mark.parametrize("claim,source,relation", COMPARE, ids=[f"{c}~{s}" for c, s, _ in COMPARE])
def test_quantities_compare_across_units(claim, source, relation):
    a, b = parse_figure(claim), find_figures(source)[0]
    assert comparable(a, b) and relate(a, b).kind == relation


@pytest.mark.parametrize("claim,source", [("50 km", "50 kg"), ("5 GB", "5 GHz"), ("3 m", "3 ㎡")])
def test_other_dimensions_are_not_comparable(claim, source):
    assert not comparable(parse_figure(claim), parse_figure(source))


# figure, claim text, unit the checked figure carries
CLAIM_UNIT = [
    ("至少23", "平台离岸至少23公里", "km"),        # a bare figure takes the unit the claim writes after it
    ("23", "平台离岸至少23公里", ""),              # unless the claim's figure is another (a bound)
    ("5", "5 users and 5 km", ""),                 # or the claim speaks of a count as well
    ("48", "a 48 cm screen", "cm"),
    ("48", "48 people", ""),
    ("80W", "The phone supports 80W wireless charging.", "W"),     # the words beside it make W a watt
    ("10W", "The account has 10W followers.", ""),                  # and otherwise 万
]


@pytest.mark.parametrize("figure,claim,unit", CLAIM_UNIT, ids=[f"{f}@{c}" for f, c, _ in CLAIM_UNIT])
def test_claim_text_lends_its_unit(figure, claim, unit):
    assert _with_claim_unit(parse_figure(figure), figure, claim).unit == unit


# claim figure, what is left unread ('' when the figure is read whole)
UNREAD = [
    ("5 nodes", ""),                  # a counted noun says what is counted
    ("1,024 GPUs", ""),
    ("30名员工", ""),
    ("0.65元/Wh", ""),                # a price per watt-hour: a rate CNY/Wh
    ("500 nits", ""),                 # a unit the engine cannot convert, read as written (kind unknown)
    ("500 bright nits", "nits"),      # a unit word the number does not stand beside is left unread
    ("27 W", ""),                     # typeset watts
]


@pytest.mark.parametrize("figure,unread", UNREAD, ids=[f for f, _ in UNREAD])
def test_a_claim_figure_is_read_whole_or_says_what_is_left(figure, unread):
    from verifier.claimsfile.claims import unread_part
    assert unread_part(figure, parse_figure(figure)) == unread
