"""Reading rules of issue 12's third pass, one table each: what running text holds, figure by figure.

Each row is (text, [(figure text, kind, unit, low, high), ...]); an empty list means no figure. The tables
were written from the misses of bench/eval_numbers.py (the external suites) and from news forms, each row
a general case of its rule, with the near misses the rule must leave alone.
"""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from verifier.numbers import find_figures


def _check(text, expected):
    got = [(f.text, f.kind, f.unit, f.low, f.high) for f in find_figures(text)]
    assert got == [(t, k, u, None if lo is None else D(lo), None if hi is None else D(hi))
                   for t, k, u, lo, hi in expected]


LONG_ROUND_INTEGERS = [
    ("100000100000", [("100000100000", "count", "", "100000100000", "100000100000")]),
    ("交易额 126000000000000 元", [("126000000000000 元", "money", "CNY", "1.26e14", "1.26e14")]),
    ("订单号 202405061234567", []),                        # twelve digits or more, not round: an id
    ("hash 123456789012", []),
]


@pytest.mark.parametrize("text,expected", LONG_ROUND_INTEGERS, ids=[t for t, _ in LONG_ROUND_INTEGERS])
def test_long_round_integers(text, expected):
    _check(text, expected)


YUAN_THEN_CLASSIFIER = [
    ("一份煎饼卖五块一份", [("五块", "money", "CNY", "5", "5")]),     # 一份 counts portions, it is no jiao
    ("卖5块一斤", [("5块", "money", "CNY", "5", "5"), ("一斤", "quantity", "jin", "1", "1")]),
    ("一块五", [("一块五", "money", "CNY", "1.5", "1.5")]),          # the colloquial jiao stays
    ("十二块五", [("十二块五", "money", "CNY", "12.5", "12.5")]),
    ("三块零四", [("三块零四", "money", "CNY", "3.04", "3.04")]),
]


@pytest.mark.parametrize("text,expected", YUAN_THEN_CLASSIFIER, ids=[t for t, _ in YUAN_THEN_CLASSIFIER])
def test_digit_before_a_classifier_is_no_jiao(text, expected):
    _check(text, expected)


COLLOQUIAL_PERCENT = [
    ("我百分百确定", [("百分百", "percent", "%", "100", "100")]),    # 百分 without 之
    ("百分三十", [("百分三十", "percent", "%", "30", "30")]),
    ("-百分之1", [("-百分之1", "percent", "%", "-1", "-1")]),       # a sign before 百分之
    ("考了一百分", [("一百", "count", "", "100", "100")]),            # a score of 100, no percent
    ("五分三十秒", [("三十秒", "duration", "second", "30", "30")]),  # minutes and seconds, no fraction
]


@pytest.mark.parametrize("text,expected", COLLOQUIAL_PERCENT, ids=[t for t, _ in COLLOQUIAL_PERCENT])
def test_colloquial_percent(text, expected):
    _check(text, expected)


SCORES_ARE_NOT_CLOCK_TIMES = [
    ("比分定格在78:96", [("78", "count", "", "78", "78"), ("96", "count", "", "96", "96")]),
    ("比分测试37:16", [("37", "count", "", "37", "37"), ("16", "count", "", "16", "16")]),
    ("会议在10:30开始", []),                                          # a clock time
    ("23:59:59", []),
    ("at 24:00", []),
]


@pytest.mark.parametrize("text,expected", SCORES_ARE_NOT_CLOCK_TIMES, ids=[t for t, _ in SCORES_ARE_NOT_CLOCK_TIMES])
def test_only_a_valid_clock_time_is_skipped(text, expected):
    _check(text, expected)


INDIAN_SCALES = [
    ("30 lkh", [("30 lkh", "count", "", "3e6", "3e6")]),
    ("12 lkhs", [("12 lkhs", "count", "", "1.2e6", "1.2e6")]),
    ("three cr twelve lac fifty-six thousand seven hundred twenty-one",
     [("three cr twelve lac fifty-six thousand seven hundred twenty-one", "count", "", "31256721", "31256721")]),
    ("three hundred krores", [("three hundred krores", "count", "", "3e9", "3e9")]),
    ("three hundred koti", [("three hundred koti", "count", "", "3e9", "3e9")]),
    ("Rs 5 cr", [("Rs 5 cr", "money", "INR", "5e7", "5e7")]),
]


@pytest.mark.parametrize("text,expected", INDIAN_SCALES, ids=[t for t, _ in INDIAN_SCALES])
def test_indian_scale_spellings(text, expected):
    _check(text, expected)


UNIT_WITH_ITS_ARTICLE = [
    ("an hour and a half", [("an hour and a half", "duration", "hour", "1.5", "1.5")]),
    ("a month and a half", [("a month and a half", "duration", "month", "1.5", "1.5")]),
    ("an hour and 45 minutes", [("an hour and 45 minutes", "duration", "minute", "105", "105")]),
    ("a minute and 30 seconds", [("a minute and 30 seconds", "duration", "second", "90", "90")]),
    ("above a dollar and 42 cents", [("above a dollar and 42 cents", "money", "USD", "1.42", None)]),
    ("a month ago", []),                                   # alone, the article is a word
    ("a dollar a day", []),
    ("I want an hour and then leave", []),
]


@pytest.mark.parametrize("text,expected", UNIT_WITH_ITS_ARTICLE, ids=[t for t, _ in UNIT_WITH_ITS_ARTICLE])
def test_article_before_a_unit_and_its_part(text, expected):
    _check(text, expected)


WORDS_BEFORE_A_DURATION = [
    ("2 more minutes", [("2 more minutes", "duration", "minute", "2", "2")]),
    ("two additional minutes", [("two additional minutes", "duration", "minute", "2", "2")]),
    ("2 fewer minutes", [("2 fewer minutes", "duration", "minute", "2", "2")]),
    ("one and a quarter of hour", [("one and a quarter of hour", "duration", "hour", "1.25", "1.25")]),
    ("three quarters of an hour", [("three quarters of an hour", "duration", "hour", "0.75", "0.75")]),
    ("one and quarter hour", [("one and quarter hour", "duration", "hour", "1.25", "1.25")]),
    ("top 10 of years", [("10", "count", "", "10", "10")]),     # 'of' joins a unit only after a fraction
    ("3 more GPUs", [("3", "count", "", "3", "3")]),
]


@pytest.mark.parametrize("text,expected", WORDS_BEFORE_A_DURATION, ids=[t for t, _ in WORDS_BEFORE_A_DURATION])
def test_words_between_a_number_and_its_duration(text, expected):
    _check(text, expected)


GLUED_CENTS = [
    ("$20 and 43c", [("$20 and 43c", "money", "USD", "20.43", "20.43")]),
    ("20 dollar 43c", [("20 dollar 43c", "money", "USD", "20.43", "20.43")]),
    ("20 ringgit and 43c", [("20 ringgit and 43c", "money", "MYR", "20.43", "20.43")]),
    ("more than 1 dollar and forty-two cents", [("more than 1 dollar and forty-two cents", "money", "USD", "1.42", None)]),
    ("Section 2c", []),                                    # alone, 2c is a code
]


@pytest.mark.parametrize("text,expected", GLUED_CENTS, ids=[t for t, _ in GLUED_CENTS])
def test_cents_after_a_whole_amount(text, expected):
    _check(text, expected)


LONE_ONE_IN_A_LIST = [
    ("one, two, three", [("one", "count", "", "1", "1"), ("two", "count", "", "2", "2"), ("three", "count", "", "3", "3")]),
    ("one and two and three", [("one", "count", "", "1", "1"), ("two", "count", "", "2", "2"),
                               ("three", "count", "", "3", "3")]),
    ("twenty five and seventy four and one", [("twenty five", "count", "", "25", "25"),
                                              ("seventy four", "count", "", "74", "74"), ("one", "count", "", "1", "1")]),
    ("one of them", []),                                   # alone, 'one' is a pronoun
    ("no one, 3 said", [("3", "count", "", "3", "3")]),    # after a determiner it stays one
    ("zero redundancy", []),
]


@pytest.mark.parametrize("text,expected", LONE_ONE_IN_A_LIST, ids=[t for t, _ in LONE_ONE_IN_A_LIST])
def test_lone_one_counts_in_a_list_of_numbers(text, expected):
    _check(text, expected)


UNIT_SPELLINGS = [
    ("12KG", [("12KG", "quantity", "kg", "12", "12")]),
    ("one gigabit per second", [("one gigabit per second", "quantity", "Gbit/s", "1", "1")]),
    ("one milli volt", [("one milli volt", "quantity", "mV", "1", "1")]),
    ("a 100-meter race", [("100-meter", "quantity", "m", "100", "100")]),          # a unit joined by a hyphen
    ("a conceptualized 8- to 16-meter telescope", [("8- to 16-meter", "quantity", "m", "8", "16")]),
    ("rose from 5- to 10-fold", [("5- to 10-fold", "multiplier", "x", "5", "10")]),
]


@pytest.mark.parametrize("text,expected", UNIT_SPELLINGS, ids=[t for t, _ in UNIT_SPELLINGS])
def test_unit_spellings(text, expected):
    _check(text, expected)


SCALES_AND_POWERS = [
    ("one billion twenty-five millions", [("one billion twenty-five millions", "count", "", "1025000000", "1025000000")]),
    ("millions of people", [("millions of", "count", "", "2e6", "9e6")]),           # vague, as before
    ("¥30 b", [("¥30 b", "money", "CNY", "3e10", "3e10")]),                          # a letter after a currency sign
    ("$20 B-class", [("$20", "money", "USD", "20", "20")]),
    ("1 point 1", [("1 point 1", "count", "", "1.1", "1.1")]),
    ("at this point 3 million people", [("3 million", "count", "", "3e6", "3e6")]),
    ("a factor of 2.48×10−5, with", [("2.48×10−5", "count", "", "0.0000248", "0.0000248")]),   # caret dropped
    ("a 5x10-3 grid", [("5", "count", "", "5", "5"), ("10", "count", "", "10", "10"), ("3", "count", "", "3", "3")]),  # 5 by 10
]


@pytest.mark.parametrize("text,expected", SCALES_AND_POWERS, ids=[t for t, _ in SCALES_AND_POWERS])
def test_scales_and_powers(text, expected):
    _check(text, expected)


MONEY_SLANG = [
    ("10 grand", [("10 grand", "money", "USD", "10000", "10000")]),
    ("ten dimes", [("ten dimes", "money", "USD", "1", "1")]),
    ("two hundred thousand nickels", [("two hundred thousand nickels", "money", "USD", "10000", "10000")]),
    ("won 3 grand slams", [("3", "count", "", "3", "3")]),      # a word after the slang word: no money
    ("5 nickel mines", [("5", "count", "", "5", "5")]),
]


@pytest.mark.parametrize("text,expected", MONEY_SLANG, ids=[t for t, _ in MONEY_SLANG])
def test_money_slang(text, expected):
    _check(text, expected)


# Branch numbers2, from the price_parser and quantulum3 misses.
GROUPED_ALONE_IN_A_CELL = [
    ("5 870", [("5 870", "count", "", "5870", "5870")]),              # a price tag
    ("1 120 900", [("1 120 900", "count", "", "1120900", "1120900")]),
    ("| GPU | 1 075 |", [("1 075", "count", "", "1075", "1075")]),    # a table cell
    ("the 5 870 people", [("5", "count", "", "5", "5"), ("870", "count", "", "870", "870")]),   # running text
]


@pytest.mark.parametrize("text,expected", GROUPED_ALONE_IN_A_CELL, ids=[t for t, _ in GROUPED_ALONE_IN_A_CELL])
def test_space_grouped_number_alone_in_a_line_or_cell(text, expected):
    _check(text, expected)


NO_CENTS_MARK = [
    ("50,- Kč", [("50,- Kč", "money", "CZK", "50", "50")]),
    ("CHF 50.-", [("CHF 50", "money", "CHF", "50", "50")]),
    ("1-2,-3", [("1-2", "count", "", "1", "2"), ("-3", "count", "", "-3", "-3")]),   # no price: left alone
]


@pytest.mark.parametrize("text,expected", NO_CENTS_MARK, ids=[t for t, _ in NO_CENTS_MARK])
def test_no_cents_mark_after_a_price(text, expected):
    _check(text, expected)


ARTICLE_BEFORE_A_MEASURE = [
    ("a gallon of beer", [("a gallon", "quantity", "gallon", "1", "1")]),
    ("it is a mile away", [("a mile", "quantity", "mi", "1", "1")]),
    ("$4 a gallon", [("$4 a gallon", "rate", "USD/gallon", "4", "4")]),   # after a price the article is 'per'
    ("a meter reading", []),                                             # the instrument
    ("a ton of work", []),                                               # an idiom
]


@pytest.mark.parametrize("text,expected", ARTICLE_BEFORE_A_MEASURE, ids=[t for t, _ in ARTICLE_BEFORE_A_MEASURE])
def test_article_before_a_unit_of_measure_is_one(text, expected):
    _check(text, expected)


# --- Issue 12, fourth pass (branch numbers: the engine restructured, then these forms added where they belong). ---

def _check_dates(text, expected):
    got = [(f.text, f.kind, f.date, f.qualifier) for f in find_figures(text)]
    assert got == expected


BREAK_THROUGH = [                                                   # lexicon.HEDGES_BEFORE
    ("票房破10亿", [("破10亿", "count", "", "1e9", None)]),
    ("用户突破10万", [("突破10万", "count", "", "100000", None)]),
    ("销量破亿", [("破亿", "count", "", "1e8", None)]),              # a hedged scale alone is one of it
    ("连破400部大关", [("破400", "count", "", "400", None)]),
    ("股价跌破10元", [("跌破10元", "money", "CNY", None, "10")]),    # falls below: less than
    ("打破3项纪录", [("3", "count", "", "3", "3")]),                 # 打破 breaks records: a word (WORD_BEFORE_HEDGE)
]


@pytest.mark.parametrize("text,expected", BREAK_THROUGH, ids=[t for t, _ in BREAK_THROUGH])
def test_breaking_through_a_number_is_more_than_it(text, expected):
    _check(text, expected)


ORDINAL_DENOMINATORS = [                                            # patterns.SLASH, MIXED_SLASH
    ("3/4th of the budget", [("3/4th", "count", "", "0.75", "0.75")]),
    ("about 3/4ths of voters", [("about 3/4ths", "count", "", "0.75", "0.75")]),
    ("over 3/4th of respondents", [("over 3/4th", "count", "", "0.75", None)]),
    ("2/3rds of users", [("2/3rds", "count", "", str(2 / D(3)), str(2 / D(3)))]),
    ("in 3/4the", []),                                               # no ordinal: left as it was
]


@pytest.mark.parametrize("text,expected", ORDINAL_DENOMINATORS, ids=[t for t, _ in ORDINAL_DENOMINATORS])
def test_fraction_with_an_ordinal_denominator(text, expected):
    _check(text, expected)


def test_fraction_with_an_ordinal_denominator_in_a_claim():
    from verifier.numbers import parse_figure
    assert parse_figure("3/4th").low == parse_figure("3/4ths").low == D("0.75")


GLUED_CURRENCY_AND_SCALE = [                                        # patterns.CURRENCY_SIGN_BEFORE from the lexicon
    ("revenue of Rmb661m", [("Rmb661m", "money", "CNY", "661e6", "661e6")]),      # was 661 metres
    ("Rmb 661m", [("Rmb 661m", "money", "CNY", "661e6", "661e6")]),
    ("US$2.5bn deal", [("US$2.5bn", "money", "USD", "2.5e9", "2.5e9")]),
    ("a $3bn loss", [("$3bn", "money", "USD", "3e9", "3e9")]),
    ("营收¥12.8亿", [("¥12.8亿", "money", "CNY", "1.28e9", "1.28e9")]),
    ("CAD 3m", [("CAD 3m", "money", "CAD", "3e6", "3e6")]),
    ("ran 100m", [("100m", "quantity", "m", "100", "100")]),                      # no currency: metres
]


@pytest.mark.parametrize("text,expected", GLUED_CURRENCY_AND_SCALE, ids=[t for t, _ in GLUED_CURRENCY_AND_SCALE])
def test_currency_glued_to_amount_and_scale(text, expected):
    _check(text, expected)


YEAR_MONTH = [                                                      # dates.dated, passes._year_month
    ("2024.12发布", [("2024.12", "date", "2024-12", "exact")]),
    ("released 2024.1", [("2024.1", "date", "2024-01", "exact")]),
    ("发布于2024.5", [("2024.5", "date", "2024-05", "exact")]),
    ("- 2023.12 我们开源了首个模型", [("2023.12", "date", "2023-12", "exact")]),     # the head of a news item
    ("- 🔥 **2024.12** 我们开源了", [("2024.12", "date", "2024-12", "exact")]),
    ("| 模型 | 发布时间 |\n|---|---|\n| A | 2024.6 |", [("2024.6", "date", "2024-06", "exact")]),   # a date column
    # everywhere else a decimal stays a number
    ("score 2024.6 points", [("2024.6", "count", "", "exact")]),
    ("| 模型 | 分数 |\n|---|---|\n| A | 2024.6 |", [("2024.6", "count", "", "exact")]),
    ("- 2024.6\n- 2050.2", [("2024.6", "count", "", "exact"), ("2050.2", "count", "", "exact")]),
    ("2024.13发布", [("2024.13", "count", "", "exact")]),                         # no month 13
    ("GDP 1912.4亿元", [("1912.4亿元", "money", "", "exact")]),
]


@pytest.mark.parametrize("text,expected", YEAR_MONTH, ids=[t for t, _ in YEAR_MONTH])
def test_year_dot_month_only_where_the_words_say_date(text, expected):
    _check_dates(text, expected)


DIMENSIONS = [                                                      # patterns.DIMENSIONS
    ("1344 * 1344", [("1344", "count", "", "1344", "1344"), ("1344", "count", "", "1344", "1344")]),
    ("1344×1344", [("1344", "count", "", "1344", "1344"), ("1344", "count", "", "1344", "1344")]),
    ("resolution 1920x1080 pixels", [("1920", "count", "", "1920", "1920"), ("1080", "count", "", "1080", "1080")]),
    ("720 * 480，不支持其他分辨率", [("720", "count", "", "720", "720"), ("480", "count", "", "480", "480")]),
    ("224*224*3 input", [("224", "count", "", "224", "224"), ("224", "count", "", "224", "224"),
                         ("3", "count", "", "3", "3")]),
    ("5x faster", [("5x", "multiplier", "x", "5", "5")]),                          # a multiplier still
    ("2x 4-lane MIPI", [("2x", "multiplier", "x", "2", "2"), ("4", "count", "", "4", "4")]),   # spaced on one side
    ("1.3x10^6", [("1.3x10^6", "count", "", "1.3e6", "1.3e6")]),                   # a power, not dimensions
]


@pytest.mark.parametrize("text,expected", DIMENSIONS, ids=[t for t, _ in DIMENSIONS])
def test_dimensions_are_two_numbers_not_a_multiplier(text, expected):
    _check(text, expected)


ACCOUNTING_NEGATIVES = [                                            # passes._in_parentheses
    ("The annual revenue is ($99.99).", [("($99.99)", "money", "USD", "-99.99", "-99.99")]),
    ("| Net income | ($1,234) |", [("($1,234)", "money", "USD", "-1234", "-1234")]),
    ("| Net | (1,234) |", [("(1,234)", "count", "", "-1234", "-1234")]),
    ("Net income (loss)\n\n($23,340)\n", [("($23,340)", "money", "USD", "-23340", "-23340")]),   # a cell on its line
    ("revenue of ¥100 (US$14)", [("¥100", "money", "CNY", "100", "100"), ("US$14", "money", "USD", "14", "14")]),
    ("the revenue table ($860,770) differs", [("$860,770", "money", "USD", "860770", "860770")]),   # an aside
    ("the debt limit (332774.3亿元) and", [("332774.3亿元", "money", "CNY", "33277430000000", "33277430000000")]),
]


@pytest.mark.parametrize("text,expected", ACCOUNTING_NEGATIVES, ids=[t for t, _ in ACCOUNTING_NEGATIVES])
def test_accounting_negatives_in_parentheses(text, expected):
    _check(text, expected)


ZERO_AS_A_NUMBER = [                                                # weak._zero_as_number
    ("Zero is a small number.", [("Zero", "count", "", "0", "0")]),
    ("the count fell to zero.", [("zero", "count", "", "0", "0")]),
    ("zero redundancy", []),                                         # 'no' before a noun
    ("a zero-shot model", []),
    ("ZeRO optimizer", []),
]


@pytest.mark.parametrize("text,expected", ZERO_AS_A_NUMBER, ids=[t for t, _ in ZERO_AS_A_NUMBER])
def test_the_word_zero_where_a_number_stands(text, expected):
    _check(text, expected)


QUARTERS_OF_A_YEAR = [                                              # weak._words_weak: a period, not a fraction
    ("in the first three quarters of 2021", [("2021", "date", "", None, None)]),
    ("over the past two quarters", []),
    ("three quarters of respondents", [("three quarters", "count", "", "0.75", "0.75")]),
]


@pytest.mark.parametrize("text,expected", QUARTERS_OF_A_YEAR, ids=[t for t, _ in QUARTERS_OF_A_YEAR])
def test_the_quarters_of_a_year_are_no_fraction(text, expected):
    _check(text, expected)


DECADES = [                                                         # dates.PATTERN decade, century
    ("by the end of the 1960s", [("1960s", "date", "1960/1969", "range")]),
    ("in the 1990's", [("1990's", "date", "1990/1999", "range")]),
    ("20世纪60年代", [("20世纪60年代", "date", "1960/1969", "range")]),
    ("二十世纪八十年代", [("二十世纪八十年代", "date", "1980/1989", "range")]),
    ("1000s of users", []),                                          # no decade before 1500
]


@pytest.mark.parametrize("text,expected", DECADES, ids=[t for t, _ in DECADES])
def test_decades_are_ten_year_spans(text, expected):
    _check_dates(text, expected)


BITS_BYTES_KELVIN_EPOCHS = [                                        # lexicon.CONTEXT_UNITS, QUANTITY_UNITS, side._kelvin
    ("Yi 4-bit quantized models", [("4-bit", "quantity", "bit", "4", "4")]),    # a three-letter unit after a hyphen
    ("a 10-ton truck", [("10-ton", "quantity", "t", "10", "10")]),
    ("The server receives the 1500b packet", [("1500b", "quantity", "bit", "1500", "1500")]),
    ("a 512B cache line", [("512B", "quantity", "B", "512", "512")]),
    ("8192 bits", [("8192 bits", "quantity", "bit", "8192", "8192")]),
    ("$1.5b deal", [("$1.5b", "money", "USD", "1.5e9", "1.5e9")]),               # a billion still
    ("13B parameters", [("13B parameters", "count", "parameter", "13e9", "13e9")]),
    ("32K word core memory", [("32K", "quantity", "kB", "32", "32")]),
    ("最低3G显存", [("最低3G", "quantity", "GB", "3", None)]),                     # a Chinese word right after G
    ("run 9b --format_key x", [("9b", "count", "", "9e9", "9e9")]),               # key inside format_key: no bits
    ("128K context", [("128K", "count", "", "128000", "128000")]),
    ("300 °C (572 °F, 573.15K)", [("300 °C", "quantity", "degC", "300", "300"),
                                  ("572 °F", "quantity", "degF", "572", "572"),
                                  ("573.15K", "quantity", "K", "573.15", "573.15")]),
    ("cooled to 273.15K", [("273.15K", "quantity", "K", "273.15", "273.15")]),   # decimals no thousands have
    ("1.25K followers", [("1.25K", "count", "", "1250", "1250")]),
    ("$573.15K revenue", [("$573.15K", "money", "USD", "573150", "573150")]),
    ("15K users at 20 °C", [("15K", "count", "", "15000", "15000"), ("20 °C", "quantity", "degC", "20", "20")]),
    ("about 66 Ma ago", [("about 66 Ma", "quantity", "Ma", "66", "66")]),
    ("4.5 Ga", [("4.5 Ga", "quantity", "Ga", "4.5", "4.5")]),
]


@pytest.mark.parametrize("text,expected", BITS_BYTES_KELVIN_EPOCHS, ids=[t for t, _ in BITS_BYTES_KELVIN_EPOCHS])
def test_bits_bytes_kelvin_and_geological_time(text, expected):
    _check(text, expected)


WORDS_AND_POWERS = [                                                # patterns._en_link, side._comma_cut, POWER
    ("three million, two hundred & forty, you say?",
     [("three million, two hundred & forty", "count", "", "3000240", "3000240")]),
    ("one thousand, two hundred", [("one thousand, two hundred", "count", "", "1200", "1200")]),
    ("two hundred & five", [("two hundred & five", "count", "", "205", "205")]),
    ("a million, two million", [("a million", "count", "", "1e6", "1e6"), ("two million", "count", "", "2e6", "2e6")]),
    ("two million, 300 of which", [("two million", "count", "", "2e6", "2e6"), ("300", "count", "", "300", "300")]),
    ("2^10", [("2^10", "count", "", "1024", "1024")]),
    ("8x2^10 bits", [("8x2^10 bits", "quantity", "bit", "8192", "8192")]),
    ("2048K", [("2048K", "count", "", "2048000", "2048000")]),                    # no year 2048
]


@pytest.mark.parametrize("text,expected", WORDS_AND_POWERS, ids=[t for t, _ in WORDS_AND_POWERS])
def test_number_words_across_a_comma_and_powers(text, expected):
    _check(text, expected)
