"""Every currency from CLDR (issue 12): codes before or after, symbols after the number, names in both languages."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from verifier.numbers import currencies, find_figures, parse_figure


@pytest.mark.parametrize("text, unit, value", [
    ("78 €", "EUR", "78"),
    ("CAD 3.03", "CAD", "3.03"),
    ("3.03 CAD", "CAD", "3.03"),
    ("Rs 3,600.00", "INR", "3600"),
    ("₹397.00", "INR", "397"),
    ("199 ₹", "INR", "199"),
    ("₩5000", "KRW", "5000"),
    ("12,000원", "KRW", "12000"),
    ("469.00zł", "PLN", "469"),
    ("590 Kč", "CZK", "590"),
    ("3,500円", "JPY", "3500"),
    ("1 R$", "BRL", "1"),
    ("5 Canadian dollars", "CAD", "5"),
    ("420 Swiss francs", "CHF", "420"),
    ("3加拿大元", "CAD", "3"),
    ("50墨西哥比索", "MXN", "50"),
    ("$5", "USD", "5"),          # ours: a bare $ is USD
    ("¥5", "CNY", "5"),          # ours: ¥ is CNY
    ("661 million renminbi", "CNY", "661000000"),     # the currency's name, as English news writes it
    ("Rmb 661 million", "CNY", "661000000"),
])
def test_currency_is_read(text, unit, value):
    fig = parse_figure(text)
    assert (fig.kind, fig.unit, fig.value) == ("money", unit, Decimal(value))


@pytest.mark.parametrize("text", ["TOP 10 list", "PHP 8.3 released", "CVE-2024 bug"])
def test_codes_that_are_words_make_no_money(text):
    assert all(f.kind != "money" for f in find_figures(text))


def test_the_data_file_is_what_babel_gives():
    pytest.importorskip("babel")
    stored = json.loads(currencies.DATA.read_text(encoding="utf-8"))
    assert stored == json.loads(json.dumps(currencies.generate(), ensure_ascii=False))


@pytest.mark.parametrize("text, value", [
    ("9 800 Kč", "9800"),                 # plain space, currency after
    ("PTE 120 000 000", "120000000"),     # plain space, code before
    ("€ 2 390", "2390"),
    ("1\u2009099 people", "1099"),        # thin space: grouping anywhere
    ("1\u00a0250 units", "1250"),         # no-break space
    ("1'099 CHF", "1099"),                # apostrophe
])
def test_grouped_thousands(text, value):
    assert find_figures(text)[0].value == Decimal(value)


def test_a_plain_space_without_currency_keeps_two_numbers():
    assert [f.value for f in find_figures("in group 5 300 people")] == [Decimal(5), Decimal(300)]
