"""What running text does not count as a figure, though it reads as a number: a figure marked weak.

A lone 一 in 统一 or 一项, 万一, 零一万物, 千万不要, 一一对应, the 'one' of 'one of' and 'no one', zero-shot,
01模型, 源2.0, 骁龙8, iPhone 15, OriginOS 4, 360集团, and a numeral inside a set phrase (三番五次). find_figures
drops a weak figure; parse_figure keeps it only when nothing stronger is there. Each rule is one function here.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import patterns as P
from .lexicon import (
    CLASSIFIER_CHARS, DETERMINERS, EN_TENS, EN_UNITS, HALF_PART_BEFORE_EN, HALF_PART_BEFORE_ZH, MEASURE_START_CHARS,
    NAME_NOUNS, QIANWAN_ADVERB_AFTER, ZERO_VERBS_AFTER, ZERO_WORDS_BEFORE, ZH_DECIMAL_NOT_BEFORE, ZH_DIGITS,
    ZH_FUNCTION_CHARS, ZH_PRODUCT_NAMES,
)

_HALF_VALUE = Decimal("0.5")
_HALF_SHARE = re.compile(r"一半|(?<![A-Za-z])(?i:half)(?![A-Za-z])")
_HALF_SHARE_AFTER = re.compile(r"的|[ \t]+of[ \t]")
_HALF_PART_BEFORE = re.compile(rf"(?:[{HALF_PART_BEFORE_ZH}]|(?<![A-Za-z])(?i:{P._alt(HALF_PART_BEFORE_EN)})[ \t]+)$")


def is_weak(norm: str, s, end: int, kind: str, unit: str, is_range: bool, hedged: bool) -> bool:
    """True when running text would not count this as a figure (parse_figure still may)."""
    bare = kind == "count" and not unit and not hedged and not s.more and not s.plus and not is_range
    if bare and s.lo == _HALF_VALUE and _half_share(norm, s, end):
        return False
    if s.words:
        return _words_weak(norm, s, end, kind, unit, is_range, bare)
    if s.chinese_only and s.run != "frac":
        return _chinese_weak(norm, s, end, bare, hedged)
    if not bare:
        return False
    if s.run.isdigit() and s.scale is None and _is_name_number(norm, s.start, end):
        return True                                   # 360集团, 919阿里巴巴
    return names_before(norm, s.start, s.run)


def _chinese_weak(norm: str, s, end: int, bare: bool, hedged: bool) -> bool:
    if hedged and s.run in ("万", "萬", "亿", "億"):
        return False               # 近亿, 超万: a hedged scale alone is one of it (an implicit 一)
    return _zh_word_start(norm, s, end) or (bare and not s.big_scale and _lone_zh_is_word(norm, s, end))


def _half_share(norm: str, s, end: int) -> bool:
    """一半的员工, 占一半, half of the staff: a share (not 另一半, the first half)."""
    return (bool(_HALF_SHARE.match(norm, s.start))
            and bool(_HALF_SHARE_AFTER.match(norm, end) or norm[:s.start].endswith(("占", "佔")))
            and not _HALF_PART_BEFORE.search(norm, max(0, s.start - 12), s.start))


# 'the first three quarters', 'the past two quarters': a period, not a fraction
_PERIOD_BEFORE = re.compile(r"(?<![A-Za-z])(?i:first|last|past|next|previous|final|coming|recent)[ \t]+$")


def _words_weak(norm: str, s, end: int, kind: str, unit: str, is_range: bool, bare: bool) -> bool:
    """zero-shot, 'one of', 'no one', 'the first half', 'the first three quarters'; 'zero' alone (zero
    redundancy) means 'no'."""
    if "quarter" in norm[s.start:end].lower() and _PERIOD_BEFORE.search(norm, 0, s.start):
        return True
    if (kind == "count" and not unit and s.lo in (0, 1) and not is_range and not s.big_scale
            and P.COMPOUND_AFTER.match(norm, end)):
        return True                # zero-shot, one-shot, zero-day: a modifier, hedged or not
    return (bare and not s.big_scale and (s.lo in (0, 1) or s.run.lower() in ("half", "a half"))
            and not _in_number_list(norm, s.start, end) and not _zero_as_number(norm, s, end))


_ZERO_AFTER = re.compile(rf"[ \t]*(?:$|[.,;:!?)\]]|(?i:{P._alt(ZERO_VERBS_AFTER)})(?![A-Za-z]))")
_ZERO_BEFORE = re.compile(rf"(?<![A-Za-z])(?i:{P._alt(ZERO_WORDS_BEFORE)})[ \t]+$")


def _zero_as_number(norm: str, s, end: int) -> bool:
    """'Zero is a small number', 'fell to zero.': the word zero where a number stands, not 'no' before a noun."""
    return (s.run.lower() == "zero" and (bool(_ZERO_AFTER.match(norm, end))
                                         or bool(_ZERO_BEFORE.search(norm, max(0, s.start - 12), s.start))))


# A number word or digits beside a lone 'one' or 'zero', across a comma, 'and' or a space: 'one, two and three',
# 'one two three four', 'zero, one': the word counts there. Not after a determiner ('no one, 3 said'), nor in
# a repeated word ('one one one').
_LIST_GAP = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and[ \t]+)?)"
_LIST_NUMBER_AFTER = re.compile(rf"{_LIST_GAP}(?P<w>\d|(?i:{P._alt(list(EN_UNITS) + list(EN_TENS))})(?![A-Za-z]))")
_LIST_NUMBER_BEFORE = re.compile(rf"(?P<w>(?<![A-Za-z])(?i:{P._alt(list(EN_UNITS) + list(EN_TENS))})|\d){_LIST_GAP}$")
_DETERMINER_BEFORE = re.compile(rf"(?<![A-Za-z])(?i:{P._alt(DETERMINERS)})[ \t]+$")


def _in_number_list(norm: str, start: int, end: int) -> bool:
    before = norm[max(0, start - 24):start]
    if _DETERMINER_BEFORE.search(before):
        return False
    word = norm[start:end].lower()        # 'one one one' repeats a word, it lists no numbers
    return any(m is not None and m.group("w").lower() != word
               for m in (_LIST_NUMBER_AFTER.match(norm, end), _LIST_NUMBER_BEFORE.search(before)))


def _zh_word_start(norm: str, s, end: int) -> bool:
    """万一, 亿万, 万物, 零一万物, 千万不要: a Chinese numeral run that starts a word, hedged or not."""
    run = s.run
    return (run[0] in "万萬亿億兆"
            or (run[0] in "零〇" and len(run) > 1 and "点" not in run and "點" not in run)
            or (run in ("千万", "千萬") and norm[end:end + 1] in QIANWAN_ADVERB_AFTER))


_ZH_DECIMAL = re.compile(rf"[负負]?[{''.join(ZH_DIGITS)}]+[点點][{''.join(ZH_DIGITS)}]+")


def _lone_zh_is_word(norm: str, s, end: int) -> bool:
    """统一, 十分, 三一重工, 两三: a bare Chinese numeral inside words (one that starts a word: _zh_word_start)."""
    run = s.run
    nxt = norm[end] if end < len(norm) else ""
    if s.lo < 0:
        return False           # 负一, 负二: a written sign makes a figure
    if run in ("一", "壹", "零", "〇"):
        return True            # 一个新的, 一项研究: the indefinite article; 一年, 一倍, 一亿 carry a unit
    r = s.reading
    if r is not None and r.digit_string:
        return True            # 一一对应, 九一一: digits read one by one name or repeat, they do not count
    if nxt and (nxt in CLASSIFIER_CHARS or (nxt == "大" and run not in ("一", "壹"))):
        return False           # 两项, 三大运营商, 六大业务 (一大早, 一大批 are words)
    if len(run) == 1:
        return True
    if r is not None and not r.has_unit:
        # 六点五, 零点零五: a decimal point makes a figure; 三点一刻 and 一点一滴 stay words.
        return not (_ZH_DECIMAL.fullmatch(run) and nxt not in ZH_DECIMAL_NOT_BEFORE)   # 三一, 两三
    return False


def names_before(norm: str, start: int, run: str) -> bool:
    """A bare number (`run` at `start`) that the words before it make part of a name: 01模型, 源2.0, 骁龙8, iPhone 15."""
    if run.isdigit() and len(run) > 1 and run[0] == "0":
        return True                                   # 01模型, 007
    last = norm[start - 1] if start else ""
    if not (last.isalpha() or last in " \t\n"):
        return False                                  # each rule below needs a letter or a space before it
    before = norm[max(0, start - 16):start]
    if run.endswith(".0") and before and before[-1].isalpha():
        return True                                   # 源2.0, AI2.0
    if before.endswith(ZH_PRODUCT_NAMES):
        return True                                   # 骁龙8
    # iPhone 15, OriginOS 4, AI 2.0: CAPITAL_WORD_BEFORE ends in a letter or '.' and a space or tab (before a
    # final newline at most), searched only where those two are there
    tail = before[:-1] if before.endswith("\n") else before
    return ((len(run) <= 3 or (len(run) <= 4 and "." in run)) and tail[-1:] in (" ", "\t")
            and (tail[-2:-1].isalpha() or tail[-2:-1] == ".") and bool(P.CAPITAL_WORD_BEFORE.search(before)))


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _is_name_number(norm: str, start: int, end: int) -> bool:
    """An Arabic integer that opens a phrase (text start, space or punctuation before it) and is glued
    to a Chinese character that is neither a classifier nor a measure word: 360集团, 919阿里巴巴.
    Chinese counts a noun through a classifier (20位, 5款, 82类) or a measure (300公里, 500强);
    a number glued straight to a name is the name's. Inside a clause (获得了360...) we keep it."""
    if end >= len(norm) or not _is_cjk(norm[end]):
        return False
    if norm.startswith(NAME_NOUNS, end):
        return True
    c = norm[end]
    if c in CLASSIFIER_CHARS or c in MEASURE_START_CHARS or c in ZH_FUNCTION_CHARS or c in P.ZH_NUMERAL_CHARS:
        return False
    return start == 0 or not (norm[start - 1].isalnum() or _is_cjk(norm[start - 1]))


def idioms_are_weak(norm: str, out: list) -> list:
    """A figure inside a numeral idiom (三番五次, 九牛一毛, 一波三折) is weak: it counts nothing.

    An idiom is all Chinese characters, so only a figure with one in its text can stand inside one."""
    if norm.isascii():
        return out
    for fig, _ in out:
        if not fig.text.isascii():
            break
    else:
        return out
    spans = [m.span() for m in P.ZH_IDIOM.finditer(norm)]
    if not spans:
        return out
    return [(fig, weak or any(a <= fig.start < b or a < fig.end <= b for a, b in spans)) for fig, weak in out]
