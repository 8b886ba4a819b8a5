"""The text the scanner reads: number typography made plain, one character for one so that spans stay valid.

Thin-space, apostrophe and (next to a currency, or alone in a cell) space grouping become ',' (1 099, 9 800 Kč);
a price's ',-' (50,- Kč) becomes spaces; full-width digits and signs become ASCII, and the full-width comma
groups thousands only between full-width digits (１２３，４５６; 分别为100，200 is a list).
"""
from __future__ import annotations

import re

from . import patterns as P
from .lexicon import CURRENCY_AFTER, CURRENCY_BEFORE, FULLWIDTH

# Thousands grouped by a thin or no-break space or an apostrophe (1 099, 1'099) are grouped numbers
# anywhere; by a plain space only next to a currency (9 800 Kč, PTE 120 000 000), since in running
# text '5 300' is as often two numbers. The separator becomes ',' (one character for one).
# Each pattern starts with the character it is about, so the regex engine skips to it in C (a pattern that opens
# with a lookbehind is tried at every position: five times slower over a text).
_THIN_GROUP = re.compile("[\u2009\u202f\u00a0'’](?<=\\d[\u2009\u202f\u00a0'’])(?=\\d{3}(?!\\d))")
_HAS_THIN = re.compile("[\u2009\u202f\u00a0'’]")
_SPACED_DIGITS = re.compile(r" (?<=\d )\d{3}")
_SPACE_GROUP = P._compile(           # on first use (patterns._Lazy): most texts never need it
    rf"(?<![\d.,])(?P<a>\d{{1,3}}(?: \d{{3}})+)(?![\d])(?=(?:\.\d+)?[ \t]?(?:{P._alt(CURRENCY_AFTER, boundary=True)}))"
    rf"|(?:{P._alt([c for c in CURRENCY_BEFORE if not c.isalpha() or c.isupper()], boundary=True)})[ \t]?"
    rf"(?P<b>\d{{1,3}}(?: \d{{3}})+)(?![\d])")
# ... and a number that fills a line or a table cell by itself (| 1 120 900 |, a price tag's '5 870'): nothing
# else there could be the second of two numbers.
_CELL_GROUP = re.compile(r"(?:^|(?<=\|))[ \t]*\d{1,3}(?: \d{3})+(?:\.\d+)?[ \t]*(?=$|\|)", re.M)
_SPACED_DIGITS_GAP = re.compile(r"(?<=\d) (?=\d{3})")
# A price's ',-' or '.-' says 'no cents' (50,- Kč, CHF 50.-): blanked, so the amount meets its currency.
_NO_CENTS = re.compile(rf"(?<=\d)[,.][-–](?=[ \t]?(?:{P._alt(CURRENCY_AFTER, boundary=True)})|[ \t]*$)", re.M)
# The full-width comma groups thousands only between full-width digits (１２３，４５６), by the
# ASCII rule (1-3 digits, then groups of exactly 3). Between ASCII digits it is the Chinese comma of a
# list (分别为100，200): typography that mixes the two widths is not a grouped number.
_FULLWIDTH_GROUP = re.compile("，(?<=[０-９]，)(?=[０-９]{3}(?![０-９]))")      # the literal first: searched fast
_HAS_FULLWIDTH = re.compile("[" + "".join(re.escape(chr(c)) for c in FULLWIDTH) + "]")      # no "+": a bare class is searched fastest
_HALFWIDTH = {chr(k): chr(v) if isinstance(v, int) else v for k, v in FULLWIDTH.items()}
assert all(len(v) == 1 for v in _HALFWIDTH.values())      # one character for one: spans stay valid


def normalize(text: str) -> str:
    """text with its number typography made plain, as long as text."""
    norm = _no_cents_mark(_space_grouping(text))
    if _HAS_FULLWIDTH.search(norm):
        # str.translate looks up every character; the few full-width ones are replaced where they stand
        # (the comma rule needs a full-width digit, so it runs only where one is).
        if "，" in norm:
            norm = _FULLWIDTH_GROUP.sub(",", norm)
        norm = _HAS_FULLWIDTH.sub(_to_halfwidth, norm)
    return norm


def _space_grouping(text: str) -> str:
    if _HAS_THIN.search(text):
        text = _THIN_GROUP.sub(",", text)
    if _SPACED_DIGITS.search(text):
        text = _SPACE_GROUP.sub(lambda m: m.group(0).replace(m.group("a") or m.group("b"),
                                                             (m.group("a") or m.group("b")).replace(" ", ",")), text)
        text = _CELL_GROUP.sub(lambda m: _SPACED_DIGITS_GAP.sub(",", m.group(0)), text)
    return text


def _no_cents_mark(text: str) -> str:
    return _NO_CENTS.sub("  ", text) if ",-" in text or ".-" in text or ",–" in text or ".–" in text else text


def _to_halfwidth(m) -> str:
    return _HALFWIDTH[m.group()]
