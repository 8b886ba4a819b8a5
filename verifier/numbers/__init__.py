"""The number engine: read the figures of English and Chinese news text.

Public API:
- find_figures(text) -> list[Figure]: every figure in running text, in order, non-overlapping.
- parse_figure(s) -> Figure: the one figure of a claim's `figure:` string; FigureError otherwise.
- FigureError (a ValueError), Figure, KINDS, QUALIFIERS, render(fig) (= fig.value_text()).
- ENGINE_VERSION: bumped whenever a reading changes; caches key on it.

Modules, one idea each, in the order a figure is read:
- lexicon: every word the engine knows, as data (numerals, number words, scales, currencies, units,
  hedges, dates, words that make a numeral no number); patterns compiles them once (trie.py).
- normalize: number typography made plain (1 099, １２３，４５６), one character for one.
- scanner: where figures start, and `_compose`, which reads one figure in small steps:
  - side: the number as written (zh: Chinese numerals, en: English number words, vague: magnitudes)
    and what is glued after it, one function per construction (side.AFTER_NUMBER); units: the unit
    word, one reader per kind; money: 元/角/分;
  - qualifiers: hedge words and the intervals they leave;
  - joins: a range's second side, a unit shared with the next number, a denominator (per_capita:
    16.9 per 100,000);
  - weak: what running text does not count (一 in 统一, zero-shot, 360集团);
- passes: neighbours that are one figure (cents, 'below zero', compound durations, 每 rates);
- dates; figure (the value object), render, matching, quantities (pint), currencies (CLDR).

Readings that are our choice (the checker relies on them):
- 几/数 before a unit is a digit 2-9 (几十 = 20-90, 数十亿 = 2e9-9e9); after a unit 1-9 (十几 = 11-19);
  adjacent digits are a range (两三 = 2-3, 四五千 = 4000-5000, 五、六家 = 5-6).
- 多/余 (40多年, 20余位) are more_than N and under the next step of N's last digit: 20余 = (20, 30),
  40多年 = (40, 50) years, 690多万 = (690万, 700万); 大约十多 is 十多. 以上 is more_than with no top;
  及以上/以上（含）/or more are at_least;
  以下 is less_than, 以内 at_most; 最低/低至/as low as v is at_least v; 最高/高达/up to is up_to.
- 兆 is 1e6 (兆瓦, 兆字节) unless a 亿 section follows it in the same numeral (then 1e12).
- A bare 4-digit number 1900-2099 without unit is a year (kind 'date', date '2024').
- Dates: 'XXXX-12-07', '2021-09', '2018', weekdays 'W1'..'W7'; ranges 'start/end'
  (12月6日-7日 -> 'XXXX-12-06/XXXX-12-07', 2022-2026 -> '2022/2026'), qualifier 'range'.
- 'past year' / 'past decade' is a duration (1 year / 10 years): the one figure without a numeral,
  with weekday names (Saturday -> 'W6').
- Values beyond 1e25 (or below 1e-30) are no figure: ids, hashes and fuzz, not news.
- A lone 一 before a classifier or inside a word (一项成果, 一个, 一直, 一定) is the article, not a figure;
  一 with a unit (一年, 一倍), a scale (一亿, 一万) or a hedge (至少一项) is one. From 2 up a numeral
  before a classifier is a count (两项 = 2). The same for English: bare 'one' and 'zero' are words
  ('one of', 'zero redundancy'); 'zero-shot', 'one-shot' are modifiers even after a hedge; mixed-case
  spellings (ZeRO) and identifiers (zero_point, rl_two_stage) are names.
- 'A or B' (five or six, 5或6家, 20 or 30 years) is a range when B is the next number at A's precision
  (B = A + 10^k); otherwise (5 or 10 percent, 2023 or 2024) two figures.
- A bare number lends itself the unit of the next one across 甚至/乃至/或/和/与/及/、/or:
  数十亿甚至数百亿美金 is USD twice, 100万和200万元 CNY twice; not when the unit rescales its number
  (3或5毛) or the first number would need the second's scale (5甚至10万元: 5 stays a count).
- N+ is at least N, also before a unit (9000+ tokens/s); 'up to 9000+' is at least 9000 too:
  the + bounds the number itself, 'up to' only says it is the top of the scale.
- 每秒 (每小时 ...) before a count of tokens in its clause is its denominator: 每秒可达10000+token
  is '≥10000 token/second'. Money after 每年/每月 stays money (每年投入1000亿元).
- 每 + a counted quantity + money later in the same clause (每百万tokens 0.5元, and the English
  '¥0.5 for a million tokens') is one rate 'CNY/1000000 token' when joins.JOIN_PER_PRICE is on;
  it is off until the checker compares money-rate claims with rate figures (it compares them with
  money today), so for now the count and the money stay two figures. Money in another clause is
  never joined.
- N个半 is N.5 (一个半小时 = 1.5 hours, 两个半月 = 2.5 months); not before a 半-word (一个半导体).
- An Arabic number that opens a phrase and is glued to a Chinese character that is neither a
  classifier, a measure, a particle nor a numeral is part of a name (360安全浏览器, 919阿里巴巴);
  so is one before 集团/公司/安全/控股 anywhere (获得了360集团投资).
- The full-width comma groups thousands between full-width digits only (１２３，４５６); between ASCII
  digits it is the Chinese comma of a list (分别为100，200). A claim string reads both.
- In running text '- 5' at the start of a line or after markup is a list bullet, not minus five.
- Magnitudes without digits read as the 数 numeral they translate (vague.py): 'thousands of' and
  数以千计 = 数千 = 2,000-9,000, 'dozens of' = 数十 = 20-90; bare 'dozens' is no figure.
- 'several' / 'a few' before a scale or unit are 2-9 of it, as 几/数: several billion = 数十亿 = 2B-9B.
- 'within N' and N年内 (5天内, 100元内) are at_most N; 内部/内容 after a number are words.
- 'half a year', 'half an hour': the article belongs to the figure (0.5 year).
- 翻N番 is N doublings: 翻一番 = 2x, 翻两番 = 4x.
- 近 + a duration + 来/以来 is the past N (近两年来 = 2 years, exact); without 来 it is 'nearly' (成立近两年).
- After a currency sign or code an attached 'm' is million ($5m, £3.2m); elsewhere (5m) it is not read.
- 约 is a hedge only where it is no part of a word: 在纽约一家公司, 签约3年 hold no 'about'.
- Twelve or more digits run together are an id unless they end in 000 (100000100000 is a number).
- 'an hour and a half', 'a dollar and 42 cents': the article is one of a unit that 'and' a smaller part follows.
- A lone 'one' or 'zero' counts in a list of other numbers ('one, two and three'), not after a determiner.
- Money slang after a number: 10 grand = USD 10,000, ten dimes = USD 1; a sub-unit is read in its currency.
- A price per a unit of time, of measure or a thing priced is a rate: '$35 a month' and '$35 per month' are
  'USD/month', '$5 a share' 'USD/share', 0.65元/Wh 'CNY/Wh', 80美元/桶 'USD/barrel'; not where the words after
  the article date the amount ('$2,000 a year earlier'). A claimed amount ('$0.88') meets such a rate.
- A rate per a round population is a percent, as ‰ is (per_capita.py): 16.9 per 100,000 = 16.9/10万 = 0.0169%.
  Proportions written per different bases (16.9/10万, 3.4‰) do not contradict each other unless the numbers
  written are the same.
- A unit the engine cannot convert (3200MT/s, 500 nits, 60fps: lexicon.UNCONVERTED_UNITS, letters over a unit
  of time) keeps its number: kind 'unknown', unit as written, equal only to the same unit.
- A version (24.0.0, v2.25.1) is a name: running text skips it, a claim figure is refused with its reason.
- 破/突破 N is more than N (票房破10亿, 破亿); 跌破 N is less than N; 打破3项纪录 breaks records (a word).
- 3/4th, 3/4ths: an ordinal after the denominator keeps the fraction (0.75).
- Every currency sign or code of the lexicon makes a glued m, b, bn a scale: Rmb661m is CNY 661 million.
- 2024.12 is a month (2024-12) only where the words say date: a release verb after it (2024.12发布), a date word
  before it (发布于, as of), the head of a news item ('- 🔥 **2024.12** 我们开源了') or a column headed 日期/Date.
  Everywhere else a year.month decimal stays a number: a decimal misread as a date is worse than a missed date.
- 1920x1080, 1344 * 1344, 224*224*3 (no spaces or a space each side): dimensions, a count per side, no multiplier.
- Accounting negatives: (1,234) alone in a table cell or on a line, and ($99.99) after is/was/of/a colon, are
  negative; a bracketed amount after another figure is a conversion, elsewhere an aside (left positive).
- 'zero' is the number where a verb follows it or a preposition or verb comes before it (Zero is..., to zero).
- Decades: the 1960s and 20世纪60年代 are the span 1960/1969 (kind date, qualifier range).
- b and B after a number are billions except beside words of data (the 1500b packet: bits; a 512B cache line:
  bytes); the K of memory is kB (32K core memory); K is kelvin after digits no thousands abbreviation has
  (573.15K) or in a list of the same temperature (300 °C (572 °F, 573K)); Ga and Ma are pint's gigayear, megayear.
- 'three million, two hundred & forty' is one number: a comma after a scale word goes on with the number when
  what follows is smaller than that scale ('a million, two million' is a list); & is 'and'.
- N^E and N x B^E are powers in running text too (2^10 = 1024, 8x2^10 bits = 8192 bits).
- A numeral inside a set phrase that counts nothing (三番五次, 九牛一毛, 一波三折: lexicon.ZH_NUMERAL_IDIOMS)
  is no figure.
"""
from __future__ import annotations

from .errors import FigureError
from .figure import KINDS, QUALIFIERS, Figure
from .render import render

ENGINE_VERSION = "1.9.5"

__all__ = ["ENGINE_VERSION", "Figure", "FigureError", "KINDS", "QUALIFIERS", "find_figures",
           "parse_figure", "render"]

_EXAMPLES = "a number such as 97%, ¥0.5, 100亿, 10B"


def find_figures(text: str) -> list[Figure]:
    """Every figure in text, in order, non-overlapping; spans index into text."""
    from .scanner import scan      # imported on first use: a warm run that reads no new text never compiles it
    return [fig for fig, weak in scan(text, lenient=False) if not weak]


def parse_figure(s: str) -> Figure:
    """The single figure of a claim string ('超过690万', 'under $1,000', '5-20年').

    Words around the figure are allowed and read as unit or hedge. A lone
    numeral ('一', '十') counts here, though running text would skip it.
    """
    from .scanner import scan
    found = scan(s, lenient=True)
    if len(found) > 1:
        strong = [fig for fig, weak in found if not weak]
        if len(strong) == 1:
            return strong[0]
        shown = ", ".join(repr(f.text) for f, _ in found)
        raise FigureError(f"more than one figure in {s!r} ({shown}): expected exactly one")
    if not found:
        raise FigureError(f"no figure in {s!r}: expected {_EXAMPLES}")
    return found[0][0]
