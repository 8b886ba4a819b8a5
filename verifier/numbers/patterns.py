"""The compiled patterns of the reader, built once from lexicon tables.

MASTER matches what starts like a figure at a place TRIGGER found. Its
alternatives are tried in order, so the things that only look like numbers
(URLs, clock times, versions, phone numbers, ordinals, names such as GPT-4)
are consumed before the numeral alternative can see their digits. Patterns
that run over the text after a number are anchored and bounded: a long run of
'1-1-1-' or '1,1,1,' is read in linear time.
Two variants exist: strict for running text, lenient for a claim's figure
string (spaced numerals 一百 五 十, full-width commas 82，225, 3/4, 2^5).
"""
from __future__ import annotations

import re

from . import dates, vague
from .lexicon import (
    ARTICLE_UNITS, CHANGE_VERBS, CLASSIFIER_CHARS, CONTEXT_UNITS, COUNT_NOUNS, CURRENCY_AFTER, CURRENCY_BEFORE,
    DATING_WORDS, DEN_UNITS, DURATION_BETWEEN_WORDS, EN_DURATIONS, EN_FUSED as FUSED, EN_ORDINALS as ORDINALS,
    EN_SCALES, EN_SUBUNITS, EN_TENS as TENS, EN_UNITS as UNITS, EN_WORD_SCALES as SCALES, HEDGES_BEFORE,
    HEDGE_FILLERS, METRE_WORDS_AFTER, MONEY_SLANG, NAMED_QUANTITIES, NAME_WORDS_BEFORE, NETWORK_WORDS,
    NOT_A_UNIT_BEFORE, PRICE_DENOMINATORS, QUANTITY_UNITS, SHARE_AFTER_EN_WORDS, SHARE_BEFORE_EN_WORDS,
    UNCONVERTED_UNITS, UNKNOWN_RATE_DENOMINATORS, ZH_DIGIT_CHARS as D, ZH_DURATIONS, ZH_NUMERAL_IDIOMS,
    ZH_UNIT_CHARS as U,
)
from .qualifiers import FILLER_REV_ALT, PREFIX_REV_ALT, reversed_alternation
from .firstchars import gated
from .trie import trie


class _Lazy:
    """A pattern compiled on first use. Compiling them all costs a third of a second, and a run that finds
    every figure in the cache and reads no new text needs none; after the first use, its methods are the
    compiled pattern's own (set on the instance), so a hot loop pays nothing for the wait."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self._flags = pattern, flags

    def __getattr__(self, name: str):          # called only for what the instance does not hold yet
        if name.startswith("_") or name == "pattern":
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in ("match", "fullmatch", "search", "finditer", "findall", "sub", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def _compile(pattern: str, flags: int = 0) -> _Lazy:
    return _Lazy(pattern, flags)


def _trie(words, end: str = "") -> str:
    """A regex for a set of literal words, factored by common prefix (trie.py); `end` checked after each."""
    return trie([([re.escape(c) for c in w], end) for w in words])


def _alt(words, boundary: bool = False) -> str:
    """Alternation, longest first; ASCII words get letter boundaries.

    A list of more than a few words is factored into a prefix trie, which the regex engine walks in one
    pass instead of trying each word: the same matches, longest first.
    """
    words = set(words)
    if len(words) > 200:
        # every currency name: the words that end in a letter or digit first, as one trie with one boundary
        tail = [w for w in words if _bounded(w, boundary)]
        rest = words.difference(tail)
        return "|".join(([f"(?:{_trie(tail)})(?![A-Za-z])"] if tail else []) + ([_trie(rest)] if rest else []))
    if len(words) > 12:
        return trie([([re.escape(c) for c in w], r"(?![A-Za-z])" if _bounded(w, boundary) else "") for w in words])
    return "|".join(re.escape(w) + (r"(?![A-Za-z])" if _bounded(w, boundary) else "")
                    for w in sorted(words, key=len, reverse=True))


def _bounded(word: str, boundary: bool) -> bool:
    return boundary and word[-1].isascii() and word[-1].isalnum()


def _phrases(words) -> str:
    """_alt for phrases of words: any run of spaces or tabs between them ('or two', 'or  two')."""
    return _alt(words).replace("\\ ", r"[ \t]+")


_BIG_AFTER = "十拾百佰千仟万萬亿億"
ZH_NUMERAL_CHARS = frozenset(D + U + "几幾数數半")


# 千 before these is the SI prefix of a unit (千瓦时 kWh, 千克 kg, 千米 km), not a thousand: 4000亿千瓦时.
_KILO_UNIT = "瓦|克|米|卡|焦|帕|赫|伏|字节|位元"
# 两 right after Arabic digits is the weight unit liang (2两 = 2 liang), never a digit (22).
_ZH_CHAR = rf"[{D.replace('两', '').replace('兩', '')}{U.replace('千', '')}]|(?<!\d)[两兩]|千(?!{_KILO_UNIT})"


def numeral(lenient: bool) -> str:
    """A run of Arabic and Chinese numeral tokens: 2.6万亿, 三万五, 几十, 1,100万."""
    sp = r"[ \t\u3000]*" if lenient else ""
    sep = "[,，]" if lenient else ","
    ar = (rf"(?:\d{{1,3}}(?:{sep}\d{{3}})+(?!\d)|\d+)(?:\.\d+)?(?:[eE][+-]?\d+(?![\w.]))?"
          rf"|(?<![\d.])\.\d+")
    if lenient:
        # 1 234 567 and Indian 12,34,567 grouping are read only in a claim string.
        ar = (rf"\d{{1,3}}(?: \d{{3}})+(?![\d])(?:\.\d+)?|\d{{1,2}}(?:,\d\d)+,\d{{3}}(?![\d])(?:\.\d+)?|" + ar)
    several_before = rf"[几幾数數](?={sp}[{U}])"
    half = rf"一半|(?<![上下前后])半(?={sp}(?:[{U}成折个個]|年|小时|小時|天))"
    if lenient:
        # Lookbehinds cannot see through the spaces allowed here (一百 二 十 几亿).
        point = rf"[点點](?={sp}(?:[{D}]|\d))"
        zh = rf"{_ZH_CHAR}|{several_before}|[几幾]|[多余餘](?={sp}[万萬亿億])|{point}"
        nxt = rf"(?:{VULGAR}|{ar}|{sp}(?:{zh})|(?<=[{D}{U}]){sp}(?:{ar}))"
    else:
        point = rf"(?<=[{D}{U}])[点點](?=[{D}]|\d)"
        zh = (rf"{_ZH_CHAR}|{several_before}|(?<=[十拾百佰千仟万萬亿億])[几幾]"
              rf"|(?<=[{_BIG_AFTER}\d])[多余餘](?=[万萬亿億])|{point}")
        # A scale after one space is the number's own (2.6 万亿, 3 亿元): a scale opens no new number.
        spaced_scale = r"(?<=\d)[ \t](?=[万萬亿億])"
        nxt = rf"(?:{VULGAR}|{ar}|{zh}|{spaced_scale})"
    first = rf"(?:{ar}|{VULGAR}|{half}|{_ZH_CHAR}|{several_before})"
    return rf"{first}{nxt}*"


VULGAR = "[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]"
# A sign only where it cannot be a range dash (5-20) or part of a name (T+1).
SIGN = (r"(?<![A-Za-z0-9_.+~\-])[-+](?=[ \t]?\.?\d|百分之)|[负負](?:的(?=百分))?|零下"
        r"|(?<![A-Za-z])(?i:minus|negative)[ \t]+(?=\d)")
# In running text a '-' or '+' with a space after it is a sign only after a word or a colon ('change:
# - 1,200', 'fell to - 5'); at the start of a line or after markup it opens a list item ('- 65-billion-
# parameter ...', '</p>  - 14x larger').
_SIGN_CONTEXT = r"[A-Za-z\u4e00-\u9fff:：=(（]"
SIGN_STRICT = (rf"(?<![A-Za-z0-9_.+~\-])(?:[-+](?=\.?\d|百分之)|(?:(?<={_SIGN_CONTEXT})|(?<={_SIGN_CONTEXT}[ \t]))[-+](?=[ \t]\.?\d))"
               r"|[负負](?:的(?=百分))?|零下|(?<![A-Za-z])(?i:minus|negative)[ \t]+(?=\d)")

_en_units = _alt(UNITS)
_en_tens = _alt(TENS)
_en_scales = _alt(list(SCALES) + ["hundreds", "thousands", "millions", "billions", "trillions",
                                  "lakhs", "crores"])
_en_ords = _alt(list(ORDINALS) + [o + "s" for o in ORDINALS if not o.endswith("f")] + ["halves"])
_en_word = (rf"(?:(?:{_en_tens})[ \t]*-?[ \t]*(?:first|second)s?|{_alt(FUSED)}|{_en_tens}|{_en_units}|{_en_scales}"
            rf"|dozens?|dzs|dozs|{_en_ords})(?![A-Za-z_])")
_en_num = r"\d+(?:[.,]\d+)*"
# A chain of number words is read in bounded steps: a run longer than this ('one hundred and ' * 16000)
# is matched EN_MAX_LINKS links at a time, and the scanner skips the run chunk by chunk (linear time).
EN_MAX_LINKS = 24
_en_a = rf"(?:a|an)[ \t]+(?=(?:{_en_scales}|dozen|{_en_ords}|(?:{_en_tens})[ \t]*-?[ \t]*first))"
# 'an hour and a half', 'a dollar and 42 cents': before a unit that 'and' a smaller part follows, the article is
# one of the unit (the parts are joined by scanner._compound_durations and _money_and_cents). Alone ('a month
# ago', 'a dollar a day') the article stays a word.
_A_UNIT_WORDS = _alt(list(EN_DURATIONS) + [w for w in CURRENCY_AFTER if w.isascii() and w.isalpha() and w.islower()])
_A_UNIT_AND = rf"[ \t]+(?:{_A_UNIT_WORDS})[ \t]+and[ \t]+(?=an?[ \t]+half|half|\d|{_en_units}|{_en_tens})"
# 'a gallon of beer': before a unit of measure spelt out (lexicon.ARTICLE_UNITS) the article is one of it.
_A_MEASURE = rf"[ \t]+(?:{_alt(ARTICLE_UNITS)})(?![A-Za-z\-])"
_en_a_unit = rf"(?P<a_unit>a|an)(?={_A_UNIT_AND}|{_A_MEASURE})"
# One link of a chain: ' and six', '-five', ' point two', ' out of 10', ' of a million'.
# After a scale word a comma goes on with the number ('three million, two hundred & forty'); side.py cuts it
# where the words after the comma are no smaller than that scale ('a million, two million' is a list).
_EN_SCALE_COMMA = r"(?:(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion)),[ \t]+(?=[A-Za-z])"
_en_link = (
    rf"(?:[ \t]+|[ \t]*-[ \t]*|{_EN_SCALE_COMMA})(?:"
    rf"(?:(?:and|&|point)[ \t]+)?(?:{_en_a})?(?:{_en_word}|{_en_num})"
    rf"|(?:point[ \t]+)?(?:o|oh)(?![A-Za-z'’])"
    rf"|(?:over)[ \t]+(?:{_en_word}|{_en_num})"
    rf"|(?:out[ \t]+of|in)[ \t]+\d{{1,3}}(?![\d,.])"
    rf"|(?:out[ \t]+of|in|of)[ \t]+(?:{_en_a})?{_en_word})"
)
# Letters, digits and '_' around a number word make it part of an identifier (zero_point, rl_two_stage).
EN_WORDS = (
    rf"(?<![A-Za-z0-9_])(?=[A-Za-z]|[\d.,]{{1,24}}[ \t]+[A-Za-z])(?i:{_en_a_unit}|(?:(?:minus|negative)[ \t]+)?(?:{_en_a})?"
    rf"(?:point[ \t]+(?=(?:{_en_units}|o|oh)(?![A-Za-z])))?"
    rf"(?:{_en_word}|{_en_num}(?=[ \t]+(?:{_en_word}|point[ \t]+(?:\d|{_en_units}(?![A-Za-z]))|over[ \t]+(?:{_en_word}|\d)|(?:out[ \t]+of|in)[ \t]+(?:{_en_word}|\d{{1,3}}(?![\d,.])))))"
    rf"(?:{_en_link}){{0,{EN_MAX_LINKS}}})"
)
# Matches right after an EN_WORDS match only when the chain was cut at EN_MAX_LINKS.
EN_LINK = _compile(rf"(?i:{_en_link})")

# A version (4.36.0, v2.25.1) is a name, not a quantity: running text skips it, a claim figure is refused.
_VERSION_DIGITS = r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d])"
VERSION = _compile(rf"{_VERSION_DIGITS}|(?<![A-Za-z0-9])[vV]\d+(?:\.\d+)*(?![\d.])")

SKIP = (
    # Bounded and anchored at a token start: unbounded [\w.+-]+@ rescans the rest of '1-1-1-...' at every digit.
    r"https?://[^\s，。）)\]]+|www\.[^\s，。）)\]]+"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}\.[A-Za-z.]{2,24}"
    r"|ICP[备備]?[ \t]*\d+(?:号|號|-\d+)?|公[网網]安[备備][ \t]*\d+[号號]?"
    r"|(?<![\d.])(?:[01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d)?(?![\d])"     # a clock time; 78:96 is a score
    rf"|{_VERSION_DIGITS}"
    r"|(?<![\d])\+?\d{1,4}-\d{3,4}-\d{3,4}(?:[-/]\d+)*(?![\d])"
    r"|(?<![\d])(?:\+?86[- ]?)?1[3-9]\d{9}(?![\d])"
    r"|(?<![\d.\-])0\d{2,3}-\d{7,8}(?![\d])"
)
# Twelve digits or more run together are an id (an order number, a hash) unless they end in 000: a round
# amount written out (100000100000) is a number, an id is rarely round.
SKIP_STRICT_ONLY = r"|(?<![\d.,])\d{12,}(?<!000)(?![\d])"

# A currency code or sign glued to its amount (CAD3.03, MYR42, RM42, Rs20) is money, not a name like GPT4.
_GLUED_MONEY = _alt(sorted({k for k in CURRENCY_BEFORE if k.isascii() and k.isalpha()
                            and ((len(k) == 3 and k.isupper()) or k in ("RM", "Rs", "Rp"))}, key=len, reverse=True))
NAME = (
    rf"(?<![A-Za-z0-9])(?!(?i:rmb|usd|cny|hkd|eur|gbp|jpy)[ \t]?\d)(?!(?:{_GLUED_MONEY})\d)"
    r"(?:[A-Za-z]+\d[A-Za-z0-9]*|[A-Za-z]*[A-Z][A-Za-z]*[-+]\d[A-Za-z0-9]*)(?:[.\-][A-Za-z0-9]+)*"
)

_ord_zh = "一二三四五六七八九十"


def _ordinal(run: str) -> str:
    return (rf"第[ \t]*(?:{run})"
            rf"|^[ \t]*(?:\d{{1,2}}|[{_ord_zh}]{{1,3}})(?:[、)）]|\.(?![\d]))(?![ \t]*[\d{_ord_zh}两])"
            rf"|[(（](?:\d{{1,2}}|[{_ord_zh}]{{1,3}})[)）]")


# Dimensions and resolutions (1920x1080, 1344 × 1344, 224*224*3): each side a number, the sign no multiplier.
# Not a power (5x10^6, 8x2^10), a decimal (1.3x10), a product with a unit after it (4x100m) or 5x alone.
_DIM = r"\d{1,5}(?![\d.,])"
_BY = r"(?:[xX×]|(?<!\*)\*(?!\*)|[ \t]+(?:[xX×]|\*)[ \t]+)"     # spaced on both sides or on neither: '2x 4-lane' counts
DIMENSIONS = rf"(?<![\w.^*])(?P<da>{_DIM}){_BY}(?P<db>{_DIM})(?:{_BY}(?P<dc>{_DIM}))?(?:px|p)?(?![\w.^%])"

NAMED = (r"(?<![A-Za-z])(?i:" + "|".join(k.replace(" ", r"[ \t]+") for k in NAMED_QUANTITIES if k.isascii())
         + r")(?![A-Za-z])|" + "|".join(k for k in NAMED_QUANTITIES if not k.isascii()))
PAST = r"(?<![A-Za-z])(?i:past|previous)[ \t]+(?P<past_unit>(?i:year|decade|month|week))(?![A-Za-z])"


def _alternatives(lenient: bool) -> list[tuple[str, str, bool, bool]]:
    """MASTER's alternatives in order: (group, pattern, can start at a Chinese character, can start at a digit)."""
    run = numeral(lenient)
    skip = SKIP if lenient else SKIP + SKIP_STRICT_ONLY
    return [
        ("date", rf"(?=[\d{D}{U}星礼禮周週A-Z]){dates.PATTERN}", True, True),
        ("skip", skip, False, True),
        ("dims", DIMENSIONS, False, True),
        ("past", PAST, False, False),
        ("named", NAMED, True, False),
        ("ordinal", _ordinal(run), True, True),
        ("name", NAME, False, False),
        ("vague", vague.PATTERN, True, False),
        ("en", EN_WORDS, False, True),
        ("num", rf"(?:(?P<sign>{SIGN if lenient else SIGN_STRICT})[ \t]?)?(?P<run>{run})", True, True),
    ]


def _master(lenient: bool, start: str = "any") -> re.Pattern:
    """MASTER, or the part of it that can match where the text starts with a
    Chinese character ('cjk') or a digit ('digit'); fewer alternatives, same groups."""
    keep = [(g, p if start == "any" or (start == "cjk" and cjk) or (start == "digit" and digit) else "(?!)")
            for g, p, cjk, digit in _alternatives(lenient)]
    return _compile("|".join(rf"(?P<{g}>{p})" for g, p in keep), re.M)


MASTER = {False: _master(False), True: _master(True)}
MASTER_AT = {(lenient, start): _master(lenient, start) for lenient in (False, True) for start in ("cjk", "digit")}

# MASTER's match at a digit in running text, where what follows the digits can start none of its other
# alternatives: a date (年月日, 世纪, a dash, 'th', '60s'), a clock time, version, phone number or id (':', '.', '-',
# over ten digits), an e-mail (an '@' ahead), dimensions (x, a lone *: markdown's ** of **86.4** is no times sign), an
# ordinal (、)）) or number words (a space, unless only the end of a table cell or line follows). There MASTER finds this number, with the groups of its number
# alternative (en and sign never take part): this pattern costs a fifth of MASTER. tests/test_scanner_fast.py
# checks it against MASTER after each character of the common blocks and of the lexicon and date pattern. A new
# MASTER alternative that can start at a digit adds the characters it needs after the digits here.
_NOT_AFTER_PLAIN = (rf"\d.,:/'’\-–—~～至到 \tstnrxX×*eE年月日世、)）{''.join(sorted(ZH_NUMERAL_CHARS))}多余餘点點"
                    rf"{VULGAR[1:-1]}")
PLAIN_NUMBER = _compile(
    r"(?![A-Za-z0-9._%+-]{1,64}@)"
    r"(?P<num>(?:(?P<en>(?!))|(?P<sign>(?!)))?(?P<run>(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,10}(?![0-9]))"
    rf"(?:\.[0-9]+)?)(?:(?=[ \t]*(?:[|\n\r<]|\Z))|(?![{_NOT_AFTER_PLAIN}])|(?=\*\*)))")

ZH_IDIOM = _compile(_alt(ZH_NUMERAL_IDIOMS))

# Where a figure may start: a digit, a Chinese numeral (or 第/周/星期/负 before one), or
# a word. scanner.scan tries MASTER only at these places (and only at the words in
# START_WORDS, or before digits as in GPT-4), which keeps a 40 KB article in milliseconds.
TRIGGER = _compile(rf"[\d{D}{U}几幾数數半第周週星礼禮负負绝絕{VULGAR[1:-1]}]|[A-Za-z]+")
START_WORDS = frozenset(
    list(UNITS) + list(TENS) + list(FUSED) + ["hundred", "thousand", "million", "billion", "trillion", "lakh",
                                              "quadrillion", "quintillion", "sextillion",
                                "crore", "dozen", "dozens", "tens", "hundreds", "thousands", "millions", "billions", "several",
                                "trillions", "half", "quarter", "minus", "negative", "past",
                                "previous", "absolute", "point", "http", "https", "www", "icp"])
CAP_WORDS = frozenset([m.capitalize() for m in dates.MONTHS_EN] + [w.capitalize() for w in dates.WEEKDAYS_EN])
A_BEFORE_SCALE = _compile(rf"[ \t]+(?i:{_en_scales}|dozen|half|few|{_en_ords}|(?:{_en_tens})[ \t]*-?[ \t]*first)(?![A-Za-z])"
                            rf"|(?i:{_A_UNIT_AND})|{_A_MEASURE}")


# What str.isdigit() accepts: \d (decimal digits) and the other digits (², ①, ...), written out (Unicode 14;
# tests/test_numbers.py checks it against every code point) rather than found by scanning them at import.
_ISDIGIT = ("(?:\\d|[\u00b2-\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
            "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792"
            "\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a\U0001f100-\U0001f10a])")
_START_SPELLINGS = sorted({v for w in START_WORDS for v in (w, w.upper(), w.title())} | CAP_WORDS)
# TRIGGER with the word filter of scanner._next_match done in the pattern: an English word triggers only
# when spelled as a START_WORDS word (lower, UPPER or Title case) or a CAP_WORDS word, when a digit
# follows it (GPT-4, GPT4, Llama-2), or when it is a/an before a scale word (a million). A word is tried
# only from its first letter; the scanner reads a word it resumes inside of with TRIGGER itself.
# The scanner checks every hit as before, so this pattern needs only to find no fewer words.
_TRIGGER_CHARS = rf"\d{D}{U}几幾数數半第周週星礼禮负負绝絕{VULGAR[1:-1]}"
_START_SPELLING = rf"(?:{_trie(_START_SPELLINGS)})(?![A-Za-z])"
_A_BEFORE_SCALE = rf"(?:an?|An?)(?={A_BEFORE_SCALE.pattern})"
_WORD_TRIGGER = rf"{_START_SPELLING}|[A-Za-z]++(?=[-+]?{_ISDIGIT})|{_A_BEFORE_SCALE}"
TRIGGER_WORD_START = _compile(rf"(?=[A-Za-z{_TRIGGER_CHARS}])(?:[{_TRIGGER_CHARS}]|(?<![A-Za-z])(?:{_WORD_TRIGGER}))")


def _skim(lenient: bool) -> _Lazy:
    """The text from a word start up to the next place TRIGGER_WORD_START finds, read in one C-speed match together
    with the trigger words there that MASTER reads as a link or a name (https://..., GPT-4, Qwen2: two thirds of
    the trigger words of README texts), which the scanner would only skip one at a time. A trigger word is
    skimmed where MASTER's first matching alternative is 'skip' or 'name' (none before it matches: the negative
    lookaheads), as far as that alternative reads, and not where that leaves the scanner inside a word. The last
    one skimmed ends at `end("skimmed")`: as after a skip, a sign or point before the next number is looked for
    only after it."""
    a = {g: f"(?:{p})" for g, p, _, _ in _alternatives(lenient)}
    # A word that is no trigger: (?!_WORD_TRIGGER) with the digit after it tested once the word is read.
    other_word = rf"(?!{_START_SPELLING}|{_A_BEFORE_SCALE})[A-Za-z]++(?![-+]?{_ISDIGIT})"
    # Tried only where other_word failed: at a letter, that is at a trigger word.
    before_name = "|".join(a[g] for g in ("dims", "past", "named", "ordinal"))
    link_or_name = (rf"(?=[A-Za-z])(?!(?={dates.AT_A_WORD}){a['date']})(?:{a['skip']}|(?!{before_name}){a['name']})"
                    r"(?!(?<=[A-Za-z])[A-Za-z])")
    return _compile(rf"(?:[^A-Za-z{_TRIGGER_CHARS}]++|{other_word}|(?P<skimmed>{link_or_name}))*+", re.M)


SKIM = {False: _skim(False), True: _skim(True)}

# A range's second side: numerals or number words only.
SIDE = {
    lenient: _compile(rf"(?P<en>{EN_WORDS})|(?P<num>(?:(?P<sign>{SIGN if lenient else SIGN_STRICT})[ \t]?)?(?P<run>{numeral(lenient)}))")
    for lenient in (False, True)
}

# --- after the number ------------------------------------------------------------

# 2^5, 1.3x10^6, and a decimal times ten with the caret dropped before a signed exponent (2.48×10−5, 5.5x10-3).
# 2^10, 1.3x10^6, 8x2^10 (any base after the times sign), and a decimal times ten with the caret dropped (5.5x10-3).
POWER = _compile(r"[ \t]*(?:\^(?P<psign>[+-]*)(?P<pexp>\d+)"
                   r"|[xX×][ \t]*(?:(?P<tbase>\d+)[ \t]*\^[ \t]*(?P<tsign>[+-]?)|10(?P<bare_sign>[-+]))(?P<texp>\d+))")
FRACTION_OF = {lenient: _compile(
    rf"[ \t]*分[ \t]*(?:之|(?P<nozhi>(?<=百分)(?=[{D}十拾百佰])))[ \t]*(?P<fsign>负|負|-)?(?P<frun>{numeral(lenient)})")
    for lenient in (False, True)}
MIXED = {lenient: _compile(
    rf"[ \t]*又[ \t]*(?P<mden>{numeral(lenient)})[ \t]*分[ \t]*之[ \t]*(?P<mnum>{numeral(lenient)})")
    for lenient in (False, True)}
# An ordinal after the denominator keeps the fraction: 3/4th, 3/4ths (of the budget).
_ORDINAL_DEN = r"(?:(?:st|nd|rd|th)s?(?![A-Za-z]))?"
SLASH = _compile(rf"[ \t]*/[ \t]*(?P<den>\d+){_ORDINAL_DEN}(?![\d/.])")
# Words around N/D that make it a share in English running text: 'a 1/4 inch gap', '1/5 of', 'about 1/3'.
SHARE_AFTER_EN = _compile(rf"(?i:{_alt(SHARE_AFTER_EN_WORDS)})(?![A-Za-z])")
SHARE_BEFORE_EN = _compile(rf"(?i:(?<![A-Za-z])(?:{_alt(SHARE_BEFORE_EN_WORDS)})[ \t]*)$")
YOU_SLASH = _compile(r"又(?P<num>\d+)/(?P<den>\d+)(?![\d/.])")   # 3又1/5 = 3.2
MIXED_SLASH = _compile(rf"[ \t]+(?P<num>\d+)[ \t]*/[ \t]*(?P<den>\d+){_ORDINAL_DEN}(?![\d/.])")
GE_YI = _compile(r"[个個](?P<big>[万萬亿億])")
# N个半 + a unit of time (or nothing): 一个半小时, 两个半月, 五个半。 半导体/半岛 after 个半 are words.
GE_BAN = _compile(r"[个個]半(?:(?P<month>月)|(?=小时|小時|钟头|鐘頭|星期|礼拜|禮拜|$|[，。、；：！？,.;:!?)）\s]))")
ATTACHED = _compile(r"(?P<s>bn|mn|tn|mil|mm|bln|tln|[kKMBbTwW])(?![A-Za-z\u00c0-\u024f\u0400-\u04ff])")  # no Latin or Cyrillic letter after: 590 Kč
ATTACHED_SOFT = _compile(r"(?P<s>[mgG])(?![A-Za-z\u00c0-\u024f\u0400-\u04ff])")  # no Latin or Cyrillic letter after: 590 Kč
# 翻两番: the verb before a number of 番 makes it a number of doublings (side._unit).
FAN_VERB_BEFORE = _compile(r"翻[ \t]*了?[ \t]*$")
# 5g网络, 4g phones: after these words a g is a generation of mobile network, not grams (side._measure_after).
NETWORK_AFTER = _compile(rf"[ \t]*(?:{'|'.join(w for w in NETWORK_WORDS if not w.isascii())}"
                         rf"|(?i:{_alt(w for w in NETWORK_WORDS if w.isascii())})(?![a-z]))")
# A currency sign or code right before a number: after it an attached 'm' is million ($5m, £3.2m), not metres.
# Every sign and code of lexicon.CURRENCY_BEFORE counts (Rmb661m, US$2.5bn, CAD 3m), as a word of its own.
CURRENCY_SIGN_BEFORE = _compile(
    "(?:" + trie([((["(?<![A-Za-z])"] if w[0].isascii() and w[0].isalpha() else []) + [re.escape(c) for c in w], "")
                  for w in CURRENCY_BEFORE if not w.isalpha() or w[0].isupper()]) + r")[ \t]?$")
SPACED_SCALE = _compile(rf"(?:[ \t]*-[ \t]*|[ \t]+)(?P<s>(?i:{_alt(EN_SCALES)}))s?(?![A-Za-z])")
CAPITAL_AFTER = _compile(r"[ \t]+[A-Z]")
# Kelvin (side._kelvin): a K glued to the number, digits a thousands abbreviation never has, a temperature nearby.
KELVIN = _compile(r"K(?![A-Za-z0-9])")
KELVIN_DIGITS = _compile(r"\d{3,}\.\d{2,}")
TEMPERATURE_BEFORE = _compile(r"(?:°[CF]|℃|℉|(?i:degrees?|celsius|fahrenheit)|摄氏度|攝氏度|华氏度|華氏度)[^.。;；\n]{0,16}$")
MONEY_SPACED_SCALE = _compile(r"[ \t](?P<s>[kKmMbB])(?![A-Za-z0-9\-\u00c0-\u024f\u0400-\u04ff])")
SPACED_K = _compile(r"[ \t]+(?P<s>[kKMBmgG])(?![A-Za-z\u00c0-\u024f\u0400-\u04ff])")  # no Latin or Cyrillic letter after: 590 Kč
HALF_A = _compile(rf"[ \t]+an?(?=[ \t]+(?i:{_alt(EN_DURATIONS)})(?![A-Za-z]))", re.I)
MORE_AFTER = _compile(r"[ \t]*(?P<m>[多余餘])")
INCLUSIVE = _compile(r"[ \t]*[（(]含[)）]")

# A unit spelt out joins its number with a hyphen as a modifier: a 16-meter telescope, a 640-inch mirror.
_HYPHEN_UNITS = _alt([w for w in QUANTITY_UNITS if w.isascii() and w.isalpha() and w.islower() and len(w) >= 3])
# Words between a number and its duration: '2 more minutes', 'two additional hours'; 'of' after a fraction word
# ('one and a quarter of hour', 'three quarters of an hour').
_DUR_BETWEEN = (rf"(?:(?i:{_alt(DURATION_BETWEEN_WORDS)})[ \t]+"
                r"|(?:(?<=(?i:quarter) )|(?<=(?i:quarters) )|(?<=(?i:half) ))of[ \t]+(?:an?[ \t]+)?)?")
# the word may stand a few characters on, within the clause: 27 W 的 USB-C 电源适配器, 24G 的显存
def _context_words(words) -> str:
    """The words of CONTEXT_UNITS; an English one as a word of its own (not the key of format_key)."""
    english = [w for w in words if w.isascii()]
    return "|".join(([rf"(?<![A-Za-z_])(?:{_alt(english, boundary=True)})"] if english else [])
                    + [_alt(w for w in words if not w.isascii())])


_CONTEXT_UNIT = "|".join(rf"{letter}(?![A-Za-z])(?=[^，。；;！？!?,\n]{{0,24}}?(?:{_context_words(words)}))"
                         for letter, (_, words) in CONTEXT_UNITS.items()) + r"|(?<=[ \t])W(?![A-Za-z])"
# ... and a W set apart by a space is typeset watts (25 W); the 万 of 10W粉丝 is written close
# The gap, then the unit word behind a lookahead of the characters a unit word starts with (firstchars.py):
# after most numbers none follows, and the alternation then fails in one step instead of thirty.
_UNIT_WORD = (
    r"(?P<points>个[ \t]*百[ \t]*分[ \t]*点|個[ \t]*百[ \t]*分[ \t]*點|百分点|百分點"
    r"|(?i:percentage[ -]points?)(?![A-Za-z])|pp(?![A-Za-z])|ppts?(?![A-Za-z]))"
    r"|(?P<bp>(?i:basis[ -]points?|bps|bp)(?![A-Za-z])|个基点|個基點|基点|基點)"
    r"|(?P<pct>%|‰|(?i:per[ -]?cent(?:age)?|pct)(?![A-Za-z]))"
    r"|(?P<mult>倍|[xX×](?![A-Za-z])|(?i:times)(?![A-Za-z])|-?(?i:fold)(?![A-Za-z]))"
    r"|(?P<fan>番)"
    rf"|(?P<zhe>折)(?![{NOT_A_UNIT_BEFORE['折']}])"
    rf"|(?P<cheng>成)(?![{NOT_A_UNIT_BEFORE['成']}])"
    rf"|(?P<cur>{_alt(CURRENCY_AFTER, boundary=True)})"
    rf"|(?P<sub>[角毛毫仙])(?![{NOT_A_UNIT_BEFORE['角毛毫仙']}])"
    rf"|(?P<esub>{_alt(EN_SUBUNITS)})(?![A-Za-z])"
    rf"|(?P<slang>(?i:{_alt(MONEY_SLANG)})(?![A-Za-z])(?![ \t]*-?[ \t]*[A-Za-z]))"
    r"|(?P<fen>分[钱錢])"
    rf"|(?P<dur>周年|{_alt(ZH_DURATIONS)}|{_DUR_BETWEEN}-?(?i:{_alt(EN_DURATIONS)})(?![A-Za-z]))"
    rf"|(?P<noun>-?(?:{_alt(COUNT_NOUNS, boundary=True)})(?!量级|量級))"      # 三个参数量级: three tiers, not parameters
    rf"|(?P<qty>{_alt(QUANTITY_UNITS, boundary=True)}|{_CONTEXT_UNIT}|-(?:{_HYPHEN_UNITS})(?![A-Za-z]))"
    # 40C, -10C: news writes Celsius glued to the number; not 3C产品, 2C 业务 (to-consumer), USB-C, 10Cs.
    r"|(?P<degc>(?<=\d)C(?![A-Za-z0-9\-+]|[ \t]*[\u4e00-\u9fff]))"
)
UNIT = _compile(rf"(?P<gap>[ \t]*){gated(_UNIT_WORD)}")
# A unit the engine cannot convert: one of UNCONVERTED_UNITS, or letters over a unit of time (3200MT/s, 5 GT/s).
UNKNOWN_UNIT = _compile(
    rf"[ \t]?(?P<u>{_alt(UNCONVERTED_UNITS, boundary=True)}"
    rf"|[A-Za-z]{{1,6}}/(?:{_alt(UNKNOWN_RATE_DENOMINATORS)}))(?![A-Za-z0-9/])"
)
# A unit of measure right after a number: 50km is fifty kilometres, never 50 thousand m (side._scale).
QUANTITY_AHEAD = _compile(rf"[ \t]*{gated(f'{_alt(QUANTITY_UNITS, boundary=True)}|{_CONTEXT_UNIT}')}|-(?:{_HYPHEN_UNITS})(?![A-Za-z])")
# After a bare 'm', words that make it metres (5m tall); other words make it million in British usage (5m people).
METRE_WORDS = _compile(rf"[ \t]+(?i:{_alt(METRE_WORDS_AFTER)})(?![A-Za-z])")
CHENG_TAIL = _compile(r"[ \t]*(?P<d>[一二三四五六七八九])(?![十百千万亿成折])|[ \t]*(?P<half>半)")
SUB_CHAIN = {lenient: _compile(
    rf"[ \t]*(?:(?P<jrun>{numeral(lenient)})[ \t]*(?P<jiao>[角毛毫])(?![米升克秒]))?"
    rf"(?:[ \t]*(?P<frun>{numeral(lenient)})[ \t]*(?P<fen>[分仙])(?![钟鐘之]))?") for lenient in (False, True)}
# The digit before a classifier counts that classifier, it is no jiao: 五块一份 is 5 yuan for one portion.
COLLOQ_DIGIT = _compile(rf"(?P<zero>零)?(?P<d>[{D}]|\d)(?![\d{D}{U}元块塊角毛分钟{''.join(sorted(CLASSIFIER_CHARS))}])")
MONEY_TAIL = _compile(r"[钱錢整正]")
CENTS = _compile(rf"[ \t]*又?[ \t]*(?P<crun>{numeral(False)})[ \t]*美分")
CURRENCY_SWITCH = _compile(rf"(?P<cur>{_alt([c for c in CURRENCY_AFTER if c not in ('元', '圆', '圓', '块', '塊')], boundary=True)})")

_den_scale = r"(?:(?i:million|thousand|billion|hundred)|百万|百萬|千万|千萬|万|萬|亿|億|千|百|[kKMB](?![A-Za-z])|\d+(?:\.\d+)?[kKMB](?![A-Za-z])|\d+(?:,\d{3})*)"
RATE = _compile(
    rf"[ \t]*(?:/|(?<![A-Za-z])per(?![A-Za-z])|每)[ \t]*(?P<dscale>{_den_scale})?[ \t]*"
    rf"(?P<dunit>{_alt(list(COUNT_NOUNS) + list(DEN_UNITS), boundary=True)})"
)
# A price per a unit of time or measure, or per a thing priced: $35 per month, $35 a month, $5 a share, 0.65元/Wh,
# 80美元/桶. The article reads as 'per' only before a word ('a month', not 'a m'), and not where the words
# date the amount instead ('$2,000 a year earlier', '$5 a month ago').
_A_DENOMINATORS = [w for w in PRICE_DENOMINATORS if w.isascii() and w.isalpha() and w.islower() and len(w) >= 3]
PRICE_PER = _compile(
    rf"[ \t]*(?:/|(?<![A-Za-z])per(?![A-Za-z])|每)[ \t]*(?P<dscale>{_den_scale})?[ \t]*"
    rf"(?P<dunit>{_alt(list(COUNT_NOUNS) + list(PRICE_DENOMINATORS), boundary=True)})"
    rf"|[ \t]+(?<![A-Za-z])(?i:an?)[ \t]+(?P<aunit>{_alt(_A_DENOMINATORS, boundary=True)})"
    rf"(?![ \t]*-|[ \t]+(?i:{_phrases(DATING_WORDS)})(?![A-Za-z]))"
)
# ¥0.5 for a million tokens, $2 for every 1,000 tokens: a price for a counted quantity (joins.JOIN_PER_PRICE).
RATE_FOR = _compile(
    rf"[ \t]+(?<![A-Za-z])for[ \t]+(?:a|an|every|each)?[ \t]*(?P<dscale>{_den_scale})?[ \t]*"
    rf"(?P<dunit>{_alt(COUNT_NOUNS, boundary=True)})"
)

# 'rose from 1% to 6%', 'a shift in the share from 1% to 6%': a change from one value to another, not a range
# (ages from 18 to 65 is one). Matched on the text before the first number.
CHANGE_FROM = _compile(
    rf"(?i:\b(?:{_alt(CHANGE_VERBS)})\b[^.;!?\n]{{0,80}}?"
    r"\bfrom[ \t]*(?:US\$|[$¥￥€£])?[ \t]*)$")
RANGE_CONN = _compile(
    r"(?P<gap>[ \t]*)(?P<c>-[ \t]+to(?![A-Za-z])|--|——|-|–|—|~|～|〜|至|到|(?<![A-Za-z])(?:to|through|and|or)(?![A-Za-z])|和|与|與|、|或者|或)[ \t]*"
    rf"(?P<cur2>{_alt([c for c in CURRENCY_BEFORE if not c.isalpha() or c.isupper()])})?[ \t]*"
)
# Two numbers that share the unit written after the second: 数十亿甚至数百亿美金, 100万和200万元, 5 or 10 percent.
_shared_join = r"[ \t]*(?:甚至|乃至|以及|或者|或|和|与|與|及|、|(?<![A-Za-z])or(?![A-Za-z]))[ \t]*"
# The joiner, after up to 7 bare numerals of a list (256、512和1024 tokens): the number after it
# is the one whose unit is shared. One C-speed match instead of one read per list item.
SHARED_JOIN = {lenient: _compile(rf"(?:{_shared_join}(?:{numeral(lenient)})(?={_shared_join})){{0,7}}{_shared_join}")
               for lenient in (False, True)}
BETWEEN_TAIL = _compile(r"[ \t]*之?[间間]")

# PREFIX read backwards: matched at the start of the reversed text before a number.
PREFIX_REV = _compile(
    rf"[ \t]*(?P<per>每[ \t]*)?(?P<cur>{reversed_alternation(CURRENCY_BEFORE)})?[ \t]*"
    rf"(?P<bi>[ \t]*比)?"
    rf"(?P<between>(?<![A-Za-z])(?i:neewteb)(?![A-Za-z])|从|從|自|在|于位|于介)?"
    rf"(?:[ \t]*(?:(?P<filler>(?i:{FILLER_REV_ALT}))[ \t]*)?(?P<q>(?i:{PREFIX_REV_ALT})))?"
)


def _last_chars(words, fold: bool) -> set[str]:
    out = {w[-1] for w in words}
    return out | {c.swapcase() for c in out if c.isascii()} if fold else out


# The characters a PREFIX_REV group can start with (the last character of a word before the number):
# where the nearest non-space character before a number is none of these, nor a non-ASCII character
# outside the CJK block (which case folding might tie to a letter), PREFIX_REV finds no group there.
PREFIX_LAST_CHARS = frozenset(
    _last_chars(CURRENCY_BEFORE, False) | {"每", "比", "从", "從", "自", "在", "位", "介"}
    | _last_chars(["between"], True) | _last_chars(HEDGE_FILLERS, True)
    | _last_chars([w for ws in HEDGES_BEFORE.values() for w in ws], True))
# 每 right before a count (每百万tokens): the count is a rate's denominator if money follows in its clause.
PER_BEFORE = _compile(r"每[ \t]*$")
PER_RATE_GAP = 24
PER_TIME = _compile(r"每[ \t]*(?P<t>秒钟|秒|分钟|小时|天|周|月|年)")
# A clause break, but not the comma of 1,000 or the colon of 10:30: the one definition every reader uses.
ASCII_BREAK = r"(?<!\d)[,:]|[,:](?!\d)"
CLAUSE_BREAK = _compile(rf"[，；;：。！!？?\n]|{ASCII_BREAK}")
COMPARE_TAIL = _compile(r"[ \t]*(?P<c>[大多高小少低])")

# A word joined by a hyphen after a number word: zero-shot, one-shot (units such as -year are read before).
COMPOUND_AFTER = _compile(r"-[A-Za-z]")
# A number that names a setting, not an amount: 5-shot (the prompt's examples in a benchmark label);
# '5 shots' fired stays a count.
SETTING_AFTER = _compile(r"[-\u2010](?i:shot)(?![A-Za-z])")

CAPITAL_WORD_BEFORE = _compile(
    rf"(?:^|[^A-Za-z])(?:[A-Z]{{2,}}[A-Za-z]*|[A-Za-z]+[A-Z][A-Za-z]*|{'|'.join(NAME_WORDS_BEFORE)})[ \t]$"
)
MERGE_GAP = _compile(
    r"[ \t]*[,，、;；]?[ \t]*(?:并且|並且|而且|并|並|且|同时|同時|的同时|的同時|and|but)?[ \t]*$"
)
