"""The scanner's short cuts read exactly what the long way reads (issue 16: a faster scanner, every reading kept).

Table 1: bare numbers and percentages in table cells and at line ends, read at once (scanner._plain, patterns.PLAIN_NUMBER):
the values they get. Table 2: every character the short cut treats as quiet, and the words that send a number the
long way, each between a dozen contexts: the scan with the short cuts equals the scan without them. Table 3: the
gates of names_before, SHARE_BEFORE_EN and normalize's patterns, on the forms they must still find.
bench/dump_readings.py proves the same over every text of the corpus."""
import re
from decimal import Decimal

import pytest

from verifier.numbers import find_figures, normalize as N, patterns as P, scanner
from verifier.numbers.joins import _JOIN_START
from verifier.numbers.lexicon import CLASSIFIER_CHARS, NAME_WORDS_BEFORE, ZH_PRODUCT_NAMES
from verifier.numbers.qualifiers import SUFFIX_FIRST_CHARS
from verifier.numbers.side import _BEFORE_UNIT_START

PLAIN = [
    # text, (text, kind, low, qualifier, date) of each figure find_figures keeps
    ("| 12.5 | 33.1 |", [("12.5", "count", "12.5", "exact", ""), ("33.1", "count", "33.1", "exact", "")]),
    ("| 1,234 |\n", [("1,234", "count", "1234", "exact", "")]),
    ("| 2024 |", [("2024", "date", None, "exact", "2024")]),
    ("| 1,938 |", [("1,938", "date", None, "exact", "1938")]),     # four digits, grouped or not, read as a year
    ("| 3000 |", [("3000", "count", "3000", "exact", "")]),
    ("| 007 |", []),                                                  # a leading zero: a name
    ("iPhone 15\n", []),                                              # a name before it
    ("No. 5\n", []),
    ("<td>12</td>", [(">12", "count", "12", "more_than", "")]),    # raw text: a source's Document blanks tags first
    ("<b>12</b>\n", [(">12", "count", "12", "more_than", "")]),
    ("| 12.0 |", [("12.0", "count", "12", "exact", "")]),
    ("13812345678|", []),                                             # a phone number
    ("| 12:30 |", []),                                                # a clock time
    ("| 12.5% |", [("12.5%", "percent", "12.5", "exact", "")]),
    ("rose 3 %.", [("3 %", "percent", "3", "exact", "")]),
    ("| 0.5% |", [("0.5%", "percent", "0.5", "exact", "")]),
]


@pytest.mark.parametrize("text,expected", PLAIN)
def test_bare_numbers_read_at_once(text, expected):
    got = [(f.text, f.kind, None if f.low is None else str(f.low), f.qualifier, f.date) for f in find_figures(text)]
    assert got == expected


def _long_way(monkeypatch, text):
    monkeypatch.setattr(scanner, "_plain", lambda *a: None)
    monkeypatch.setattr(P, "PLAIN_NUMBER", re.compile("(?!)"))
    return scanner.scan(text)


BEFORE = ["", "| ", "x ", "约", "about ", "Model ", "¥", "第", "(", "- ", "<td>", "1 ", "> ", "2024.", "A"]
NUMBERS = ["5", "12.5", "1,234", "2024", "1,938", "007", "12345678901", "3000"]
AFTER = sorted(scanner._QUIET_AFTER - {""}) + ["", " ", " x", "%", "%|", "% ;", "%\n", "%%", "‰|", "G", "-5", "年", "个", "万", "/4", " to 9", ".5.1",
                                               "**", "**|", "***", "**5", "*5", "& 6", "&6", " & 6", "'s", "'5", "'' ",
                                               "=5", "\\5", "`5", " million", " 万"]


@pytest.mark.parametrize("before", BEFORE)
def test_short_cuts_read_what_the_long_way_reads(monkeypatch, before):
    for number in NUMBERS:
        for after in AFTER:
            for gap in ("", " "):
                text = f"{before}{number}{gap}{after} rest"
                fast = scanner.scan(text)
                with monkeypatch.context() as m:
                    assert _long_way(m, text) == fast, text


def test_quiet_characters_start_nothing_after_a_number():
    quiet = scanner._QUIET_AFTER
    for starts in (_BEFORE_UNIT_START, _JOIN_START, CLASSIFIER_CHARS, SUFFIX_FIRST_CHARS, set("-分")):
        assert not quiet & set(starts)
    assert not any(c.isalnum() for c in quiet)
    assert all(P.UNIT.match(f"5{c}", 1) is None and P.UNIT.match(f"5 {c}", 1) is None for c in quiet if c)


def test_name_words_end_where_names_before_looks():
    """names_before searches CAPITAL_WORD_BEFORE only after a letter or '.': every word ends in one; it looks
    for a product name only after a letter: each ends in one."""
    assert all(w[-1].isalpha() or w.endswith(r"\.?") for w in NAME_WORDS_BEFORE)
    assert all(w[-1].isalpha() for w in ZH_PRODUCT_NAMES)


@pytest.mark.parametrize("text,values", [
    ("about 1/3 of the staff", ["0.3333333333333333333333333333"]),
    ("x" * 5000 + " nearly 1/4 done", ["0.25"]),
    ("roughly\t 2 1/2 inch", ["2.5"]),
    ("the score was 3/4 today", []),
])
def test_share_words_before_a_fraction(text, values):
    assert [str(f.low) for f in find_figures(text)] == values


@pytest.mark.parametrize("text,norm", [
    ("1\u2009099 Kč", "1,099 Kč"),
    ("1'099'000", "1,099,000"),
    ("9 800 Kč", "9,800 Kč"),
    ("| 1 120 900 |", "| 1,120,900 |"),
    ("5 300 people", "5 300 people"),            # a plain space groups only beside a currency or alone in a cell
])
def test_normalize_grouping(text, norm):
    assert N.normalize(text) == norm


def test_plain_at_cell_end_has_the_groups_of_masters_number():
    m = P.PLAIN_NUMBER.match("12.5 |")
    assert (m.lastgroup, m.group("run"), m.group("en"), m.group("sign")) == ("num", "12.5", None, None)
    assert Decimal(m.group("run")) == Decimal("12.5")


def _chars_to_try() -> list[str]:
    """ASCII, Latin-1, general punctuation, letterlike symbols and number forms (℃, ½), CJK symbols, full-width
    forms, digits of other scripts, and every character of the lexicon's numerals and classifiers and of the
    date pattern."""
    from verifier.numbers import dates

    blocks = [(0x20, 0x100), (0x2000, 0x2070), (0x2100, 0x2190), (0x3000, 0x3040), (0xFF00, 0xFFF0)]
    chars = {chr(c) for lo, hi in blocks for c in range(lo, hi)} | set("\t\n\r\x0b\x0c٣०໓߃")
    chars |= set(P.ZH_NUMERAL_CHARS) | set(CLASSIFIER_CHARS) | set(dates.PATTERN)
    return sorted(chars)


def test_plain_number_is_what_master_finds():
    """Wherever PLAIN_NUMBER matches at a digit, MASTER matches there too: its number, with the same run (each
    character the pattern refuses after the digits is needed: without it one of these texts fails)."""
    master = P.MASTER_AT[False, "digit"]
    afters = ("", "5", "1970", "7 December", "h December", "s", "纪60年代", "*", "*5", "**5", "*x")
    matched = 0
    for c in _chars_to_try():
        for number in ("5", "20", "1960", "1,234", "12.5", "86"):
            for before in ("", "\n", "A "):
                for after in [c + a for a in afters] + [" " + c]:
                    text = f"{before}{number}{after}"
                    p = len(before)
                    fast = P.PLAIN_NUMBER.match(text, p)
                    if fast is None:
                        continue
                    matched += 1
                    m = master.match(text, p)
                    assert (m.lastgroup, m.span(), m.group("run")) == ("num", fast.span(), fast.group("run")), text
    assert matched > 10000


SKIMMED = [
    "see https://github.com/THUDM/GLM-4 (+5%) and GPT-4 +57%, Qwen2-7B: 3",
    "GLM-4-9B 13B, Yi-34B - 5, v2.1 (.5), ChatGLM2 -.5 and ChatGLM3 -- 1,200,000",
    "mail a@b.co. +5 or https://x.com/a- 5 and https://x.com/a.( 5 then ICP备12345号 7",
    "one hundred and one GPT4 and two hundred, Dec 5 GPT-4 Saturday Llama-2 7B 70B",
    "Python +57%, C++ +71%, Java +54%, Rust +321\\%) MMLU（+23%）、CEval（+33%）",
    "a million GPT-3 a few A100s past year x1 X2 zero-shot GPT-4o 5-shot",
]


@pytest.mark.parametrize("text", SKIMMED)
def test_skimmed_links_and_names_read_as_skipped(monkeypatch, text):
    """patterns.SKIM passes over links and names in one match: the scan reads what it reads when it skips each one."""
    fast = scanner.scan(text)
    one_at_a_time = scanner._next_match
    monkeypatch.setattr(scanner, "_next_match", lambda norm, pos, lenient, skim=True: one_at_a_time(norm, pos, lenient, False))
    assert scanner.scan(text) == fast


def test_figure_built_in_one_step_is_the_dataclass():
    from dataclasses import replace

    from verifier.numbers.figure import Figure, figure

    args = ("约5万", 3, 6, "count", "", Decimal(50000), Decimal(50000), "approx", False, True, "")
    fast, slow = figure(*args), Figure(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow) and vars(fast) == vars(slow)
    assert replace(fast, end=7) == replace(slow, end=7)
    with pytest.raises(AttributeError):
        fast.end = 9                                   # frozen as the dataclass is


def test_dates_start_at_a_word_only_with_a_weekday_or_month():
    """dates.AT_A_WORD: where no weekday or month name starts a word, the date pattern does not match there."""
    from verifier.numbers import dates
    from verifier.numbers.lexicon import MONTHS_EN, WEEKDAYS_EN

    date, gate = re.compile(dates.PATTERN, re.M), re.compile(dates.AT_A_WORD)
    names = [w for w in list(MONTHS_EN) + list(WEEKDAYS_EN)] + sorted(P.START_WORDS) + sorted(P.CAP_WORDS)
    words = {v for w in names for v in (w, w.title(), w.upper(), w[:3].title(), w.title() + "s", w.title() + "5")}
    words |= {"Qwen2", "GPT-4", "Marchs", "Mo", "T", "Q3", "H1", "FY2024", "Sept", "Tues", "Thur"}
    afters = ("", " 5", " 5, 2024", " 2024", ". 7", " 6-7", "5", "-5", "s ", "\n")
    hits = 0
    for before in ("", "in ", "since ", "the end of ", "x"):
        for word in words:
            for after in afters:
                text = before + word + after
                m = date.match(text, len(before))
                if m:
                    hits += 1
                    assert gate.match(text, len(before)), text
    assert hits > 100
