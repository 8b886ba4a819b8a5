"""The engine's vocabulary, every language in one place: numerals, number words, scales, currencies,
units, hedges, dates, and the words that make a numeral no number.

Kept apart from the grammar so that adding a word (a currency, a classifier, a hedge, a unit) never
touches the code: patterns.py compiles these tables once into regexes, and the readers (zh, en, side,
scanner, qualifiers, dates, vague) look words up here. Everything here is data.
"""
from __future__ import annotations

from decimal import Decimal

from . import currencies as _currencies

# No news figure is this large or this small: 1e5000, '亿' * 541 or a 4,000-digit id are
# not figures (and would overflow whoever computes with them). 2.02e23 is the largest
# value in the external suites.
MAX_EXPONENT = 24
MIN_EXPONENT = -30


def out_of_range(v) -> bool:
    """True for a Decimal no figure can hold (|v| >= 1e25 or 0 < |v| < 1e-30)."""
    return bool(v) and not (MIN_EXPONENT <= v.adjusted() <= MAX_EXPONENT)


# --- Chinese numerals -------------------------------------------------------

ZH_DIGITS = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "弍": 2, "两": 2, "兩": 2, "俩": 2, "倆": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3, "仨": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
ZH_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# 兆 is mega (1e6) as in mainland technical text (兆瓦, 兆字节); it is read as
# 1e12 only when a 亿 section follows it inside the same numeral (五兆六十二亿).
ZH_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**6}
ZH_TENS = {"廿": 20, "卅": 30, "卌": 40}          # one character = digit x 十
ZH_POINT = "点點"
ZH_SEVERAL = "几幾数數"                            # placeholder digit: 几十, 十几, 数百亿
ZH_MORE = "多余餘"                                 # 40多, 20余: more than

ZH_DIGIT_CHARS = "".join(ZH_DIGITS)
ZH_UNIT_CHARS = "".join(ZH_SMALL_UNITS) + "".join(ZH_BIG_UNITS) + "".join(ZH_TENS)
ZH_PER_CHARS = "百佰千仟万萬"                      # 百分之 / 千分之 / 万分之 / 百万分之: parts per N
ZH_FINANCIAL_CHARS = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"   # the numerals of cheques and invoices: 壹分 is money
# A sign written before a number that makes it negative (the '+' of +5 makes nothing).
NEGATIVE_WORDS = {"-", "负", "負", "负的", "負的", "零下", "minus", "negative"}

# Characters that may stand right after a numeral and make a lone Chinese
# numeral a quantity (一个, 两辆, 三家). Multi-character units are listed in
# CLASSIFIER_WORDS. Without one of these, a lone 一/十/万 is part of a word
# (统一, 十分, 万物) and not a figure.
CLASSIFIER_CHARS = set(
    "个個位名家人次只条條款项項件台臺辆輛张張篇种種类類部本座层層步场場份支块塊"
    "元圆圓角毛倍年岁歲月天日周週季届屆代期轮輪批组組套笔筆所间間栋棟艘架颗顆粒枚"
    "口头頭匹例处處首句段章节節页頁行列字点點成折度米吨噸斤克升里亩畝户戶室床"
    "趟遍回番声聲集幅道门門双雙对對打群队隊桌片票股手包箱瓶杯盒袋秒小千万萬亿億%"
    "棵株朵枝串束把封"
)
# Characters that start a measure word or a noun Chinese counts without a classifier (300公里,
# 5纳米, 120帧, 8卡, 5大趋势, 500强, 20国, 3省). An Arabic number that opens a phrase and is glued to
# any other Chinese character names something: 360集团, 360安全浏览器, 919阿里巴巴, 58同城.
MEASURE_START_CHARS = set(
    "公千平立纳納厘毫微英海光摄攝华華帧幀维維卡核线線寸尺瓦伏安赫焦吉太像格帕"
    "大小强強国國省市城县縣区區校队隊届屆多余餘来來左上下分号號码碼级級阶階圈楼樓晚夜时時"
)
# Particles and conjunctions: a number before them ends its phrase (100的倍数, 4096和8192), it names nothing.
ZH_FUNCTION_CHARS = set("的地得之是和与與或及跟同在到至以为為了也都就而并並比等则則即甚乃占中后後前内內外")
# Nouns a number never counts without a classifier, whose first character is also a classifier or a
# measure (集 episodes, 公 公里, 安 安培): a number glued to them is a name anywhere (360集团, 360安全卫士).
NAME_NOUNS = ("集团", "集團", "公司", "安全", "控股")
# Words that start with a numeral character but are not numbers.
ZH_NUMERAL_WORDS = (
    "百度", "百灵", "百靈", "百姓", "百货", "百貨", "百科", "百般", "百合", "千万别", "千萬別",
    "二次", "二手", "二维", "二維", "三维", "三維", "三星", "一手", "万一", "萬一", "十分",
    "十足", "五金", "九州", "八卦", "千里", "万里", "萬里", "四处", "四處", "一再",
)

# A lone 一 is a word, not a count, after these characters (下一个 'next',
# 进一步, 统一, 唯一, 每一, 之一 'one of') or before these (一点 'a bit', 一度 'once').
ONE_WORD_BEFORE = set("下上进進同统統唯每单單之逐专專划劃齐齊纯純均万萬")
ONE_WORD_AFTER = set("点點度道手头頭口旦切般致直样樣些起")

# --- scale words --------------------------------------------------------------

# Indian English scales and the spellings and abbreviations Indian news writes (Rs 3 cr, 12 lkhs, 300 koti).
INDIAN_SCALES = {
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5, "lkh": 10**5, "lkhs": 10**5,
    "crore": 10**7, "crores": 10**7, "krore": 10**7, "krores": 10**7, "cr": 10**7, "crs": 10**7, "koti": 10**7,
}
EN_SCALES = {
    "hundred": 10**2, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, **INDIAN_SCALES,
    "mn": 10**6, "mln": 10**6, "mil": 10**6, "mm": 10**6, "bn": 10**9, "bln": 10**9,
    "tn": 10**12, "tln": 10**12, "trn": 10**12,
}
# Letter suffixes glued to a number: 13B, 150K, 10w (万).
ATTACHED_SCALES = {
    "k": 10**3, "K": 10**3, "M": 10**6, "B": 10**9, "b": 10**9, "T": 10**12,
    "w": 10**4, "W": 10**4, "bn": 10**9, "mn": 10**6, "tn": 10**12,
    "mil": 10**6, "mm": 10**6, "bln": 10**9, "tln": 10**12,
}
# Only read when the number is money or the text is a bare claim: 100m is a
# distance in running text, $100m is money.
SOFT_ATTACHED_SCALES = {"m": 10**6, "g": 10**9, "G": 10**9}

# --- English number words (en.py) ---------------------------------------------

EN_UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
# Tens and a unit written as one word (twentyone, thirtyseven): read as the two words.
EN_FUSED = {t + u: (t, u) for t in EN_TENS
            for u in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}
# Scale words inside a phrase of number words (two million, three lakh crore).
EN_WORD_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
                  "trillion": 10**12, "quadrillion": 10**15, "quintillion": 10**18, "sextillion": 10**21,
                  **INDIAN_SCALES, "mn": 10**6, "bn": 10**9, "bln": 10**9, "tln": 10**12, "mil": 10**6}
EN_DOZENS = {"dozen", "dozens", "dzs", "doz", "dozs"}
# Ordinals used as denominators (two fifths); 'first'/'second' only in compounds.
EN_ORDINALS = {
    "half": 2, "halves": 2, "third": 3, "fourth": 4, "quarter": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000, "millionth": 10**6, "billionth": 10**9,
    "trillionth": 10**12,
}
EN_UNIT_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                    "seventh": 7, "eighth": 8, "ninth": 9}
# Words a phrase of number words may end on that are no number: 'five of ten' is read as 'five'.
EN_CONNECTORS = {"and", "a", "an", "point", "over", "in", "of", "out"}

# --- magnitudes without digits (vague.py) -------------------------------------------

# 'thousands of' and 数以千计 read as 数千 = 2-9 thousand: the magnitude each word names.
VAGUE_EN_BASE = {"dozens": 10, "tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6,
                 "billions": 10**9, "trillions": 10**12}
VAGUE_EN_TIMES = {"tens": 10, "hundreds": 100}          # 'tens of thousands of', 'hundreds of millions of'
VAGUE_ZH_UNITS = {"十": 10, "百": 100, "千": 10**3, "万": 10**4, "萬": 10**4, "十万": 10**5, "十萬": 10**5,
                  "百万": 10**6, "百萬": 10**6, "千万": 10**7, "千萬": 10**7, "亿": 10**8, "億": 10**8,
                  "十亿": 10**9, "十億": 10**9, "百亿": 10**10, "百億": 10**10, "千亿": 10**11, "千億": 10**11,
                  "万亿": 10**12, "萬億": 10**12}
# 'several' and 'a few' are 2-9 of the scale or unit after them (several billion, a few years).
VAGUE_FEW_BEFORE = ("hundred", "thousand", "million", "billion", "trillion", "dozen", "decades", "decade", "years",
                    "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "minute",
                    "seconds", "second", "times")

# --- currencies ----------------------------------------------------------------

# Every ISO 4217 code and CLDR's English and Chinese names and symbols come from currencies.json
# (generated from babel: numbers/currencies.py). The words below are ours: colloquial words CLDR lacks
# (块, 美金, 蚊, bucks) and the conventions that settle a sign or word several currencies share
# ($ and dollars are USD, ¥ is CNY, Rs is the Indian rupee as English-language news writes it).
# Ours win over CLDR's; longest first when compiled.
CURRENCY_AFTER = {
    **_currencies.after_words(),
    "元人民币": "CNY", "元人民幣": "CNY", "人民币": "CNY", "人民幣": "CNY",
    "元钱": "CNY", "块钱": "CNY", "塊錢": "CNY", "元": "CNY", "圆": "CNY", "圓": "CNY",
    "块": "CNY", "塊": "CNY", "rmb": "CNY", "RMB": "CNY", "yuan": "CNY", "CNY": "CNY", "renminbi": "CNY",
    "美元": "USD", "美金": "USD", "美圆": "USD", "美圓": "USD", "USD": "USD",
    "dollars": "USD", "dollar": "USD", "bucks": "USD", "US dollars": "USD", "US dollar": "USD",
    "U.S. dollars": "USD", "U.S. dollar": "USD", "United States dollars": "USD", "United States dollar": "USD",
    "united states dollars": "USD", "united states dollar": "USD", "Hong Kong dollars": "HKD", "HK dollars": "HKD",
    "港元": "HKD", "港币": "HKD", "港幣": "HKD", "港圆": "HKD", "蚊": "HKD", "HKD": "HKD",
    "欧元": "EUR", "歐元": "EUR", "euros": "EUR", "euro": "EUR", "EUR": "EUR",
    "日元": "JPY", "日币": "JPY", "日幣": "JPY", "日圆": "JPY", "日圓": "JPY", "yen": "JPY", "JPY": "JPY", "円": "JPY",
    "英镑": "GBP", "英鎊": "GBP", "pounds": "GBP", "pound": "GBP", "GBP": "GBP",
    "新台币": "TWD", "新台幣": "TWD", "新臺幣": "TWD", "台币": "TWD", "台幣": "TWD", "臺幣": "TWD",
    "澳元": "AUD", "加元": "CAD", "新加坡元": "SGD", "瑞士法郎": "CHF", "法郎": "CHF",
    "韩元": "KRW", "韓元": "KRW", "원": "KRW", "泰铢": "THB", "泰銖": "THB", "卢布": "RUB", "盧布": "RUB",
    "卢比": "INR", "rupees": "INR", "印度卢布": "INR", "印度盧布": "INR",   # 'Indian rouble': a common mis-name
    "令吉": "MYR", "马来西亚令吉": "MYR", "馬來西亞令吉": "MYR",          # Malaysian Chinese for the ringgit "奈拉": "NGN", "比特币": "BTC", "比特幣": "BTC",
    "¥": "CNY", "￥": "CNY", "$": "USD", "C$": "CAD", "Rs": "INR", "Rs.": "INR",
    # Price-tag abbreviations in Cyrillic (CLDR writes ₽ and ₴): 5 450 руб., 6 300 Р, 1 150 грн.
    "руб": "RUB", "руб.": "RUB", "рублей": "RUB", "рубля": "RUB", "р.": "RUB", "Р": "RUB",
    "грн": "UAH", "грн.": "UAH",
}
# Title Case as headlines and price tags write names (20 Euros, 20 Rupees, 42 Kuwaiti Dinar).
CURRENCY_AFTER.update({k.title(): v for k, v in list(CURRENCY_AFTER.items())
                       if k.isascii() and k.islower() and len(k) > 3 and k.title() not in CURRENCY_AFTER})
# Written before the number (¥0.5, US$3, 人民币50元, CAD 3.03, ₹ 4649).
CURRENCY_BEFORE = {
    **_currencies.before_words(),
    "¥": "CNY", "￥": "CNY", "RMB": "CNY", "rmb": "CNY", "Rmb": "CNY", "CNY": "CNY", "人民币": "CNY", "人民幣": "CNY",
    "US$": "USD", "$": "USD", "USD": "USD", "usd": "USD", "美元": "USD",
    "HK$": "HKD", "HKD": "HKD", "港币": "HKD", "港幣": "HKD", "港元": "HKD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "JPY": "JPY", "日元": "JPY",
    "NT$": "TWD", "新台币": "TWD", "新台幣": "TWD", "A$": "AUD", "C$": "CAD", "S$": "SGD",
    "Rs": "INR", "Rs.": "INR",
}
# English sub-units written after a number: 10 cents, 5 pence, 43 sen. A cent alone is a US cent, as a bare
# 'dollars' is USD; after an amount (20 ringgit and 43 sen) the amount's currency wins (scanner).
EN_SUBUNITS = {"cents": "USD", "cent": "USD", "¢": "USD", "pence": "GBP", "pennies": "GBP", "penny": "GBP",
               "sen": "MYR", "sens": "MYR", "kopiykas": "UAH", "kopiyka": "UAH", "kopecks": "RUB", "kopeks": "RUB"}

# American money slang after a number: 10 grand is $10,000, twenty nickels $1 (side._unit; 'a grand slam',
# 'nickel mines' are no money: a word after the slang word ends it).
MONEY_SLANG = {"grand": ("USD", Decimal(1000)), "dimes": ("USD", Decimal("0.1")), "dime": ("USD", Decimal("0.1")),
               "nickels": ("USD", Decimal("0.05")), "nickel": ("USD", Decimal("0.05"))}

# Chinese sub-units of the yuan (and the Cantonese dollar): 5毛 = 0.5, 两毛五 = 0.25.
ZH_SUBUNITS = {"角": Decimal("0.1"), "毛": Decimal("0.1"), "毫": Decimal("0.1"),
               "分": Decimal("0.01"), "仙": Decimal("0.01")}

# --- durations -----------------------------------------------------------------

ZH_DURATIONS = {
    "个多月": "month", "个月": "month", "個月": "month", "个星期": "week", "個星期": "week",
    "星期": "week", "个礼拜": "week", "礼拜": "week", "周": "week", "週": "week",
    "个小时": "hour", "個小時": "hour", "小时": "hour", "小時": "hour", "钟头": "hour", "鐘頭": "hour",
    "分钟": "minute", "分鐘": "minute", "秒钟": "second", "秒鐘": "second", "秒": "second",
    "年": "year", "天": "day", "毫秒": "millisecond", "微秒": "microsecond", "纳秒": "nanosecond",
    "納秒": "nanosecond",
}
EN_DURATIONS = {
    "years": "year", "year": "year", "yrs": "year", "yr": "year",
    "months": "month", "month": "month", "weeks": "week", "week": "week",
    "days": "day", "day": "day", "hours": "hour", "hour": "hour", "hrs": "hour",
    "minutes": "minute", "minute": "minute", "mins": "minute", "min": "minute",
    "seconds": "second", "second": "second", "secs": "second", "sec": "second",
    "decades": "decade", "decade": "decade",
    "milliseconds": "millisecond", "millisecond": "millisecond", "ms": "millisecond",
    "microseconds": "microsecond", "microsecond": "microsecond", "μs": "microsecond", "µs": "microsecond",
    "nanoseconds": "nanosecond", "nanosecond": "nanosecond", "ns": "nanosecond",
}
# Rate denominators (per second, /秒, 每秒) use the same unit names.
DEN_UNITS = {
    "秒": "second", "秒钟": "second", "s": "second", "sec": "second", "second": "second",
    "分钟": "minute", "min": "minute", "minute": "minute",
    "小时": "hour", "h": "hour", "hr": "hour", "hour": "hour",
    "天": "day", "日": "day", "day": "day", "月": "month", "month": "month",
    "年": "year", "year": "year", "week": "week", "周": "week",
}

# The count a rate's denominator names (per million tokens, 每百万tokens, 16.9/10万, $2/M tokens): one table for
# scanner._rate and per_capita.py.
DENOMINATOR_SCALES = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
    "百": 100, "千": 10**3, "万": 10**4, "萬": 10**4, "十万": 10**5, "十萬": 10**5, "百万": 10**6, "百萬": 10**6,
    "千万": 10**7, "千萬": 10**7, "亿": 10**8, "億": 10**8, "k": 10**3, "K": 10**3, "M": 10**6, "B": 10**9,
}

# What a price is quoted per, besides a unit of time or of measure ($5 a share, 80美元/桶, 100元/人, 0.5元/度):
# the rate's denominator, named in English.
PRICED_NOUNS = {
    "share": "share", "person": "person", "capita": "person", "head": "person", "user": "user", "seat": "seat",
    "barrel": "barrel", "ounce": "ounce", "oz": "ounce", "night": "night",
    "股": "share", "人": "person", "桶": "barrel", "盎司": "ounce", "晚": "night", "度": "kWh",
}

# --- hedges (qualifiers.py) --------------------------------------------------------

# Hedge words before a number (超过, 近, at least) and after it (左右, 以上, or more), by the qualifier they
# give (qualifiers.py turns them into patterns and intervals). Order inside a list does not matter: the
# compiled pattern sorts all phrases by length.
HEDGES_BEFORE = {
    "nearly": ["将近", "接近", "逼近", "近乎", "几乎", "差不多", "近", "nearly", "almost",
               "close to", "approaching", "just under", "just shy of"],
    "approx": ["大约", "大概", "约为", "约合", "大致", "约莫", "约", "約", "about", "around",
               "approximately", "roughly", "some", "circa", "approx.", "approx", "an estimated",
               "estimated", "~", "≈"],
    "more_than": ["超过了", "超过", "超過", "超出", "多于", "多於", "大于", "大於", "高于", "高於", "逾",
                  "超", "过", "突破", "破", "more than", "over", "above", "exceeding", "exceeds", "exceeded",
                  "exceed", "in excess of", "greater than", "larger than", "bigger than",
                  "higher than", "upwards of", "north of", "surpass", "surpasses", "surpassing",
                  "surpassed", ">"],
    "at_least": ["至少", "最少", "不少于", "不少於", "不低于", "不低於", "不小于", "不小於", "起码", "起碼",
                 "大于等于", "大于或等于", "大于或者等于", "大於等於", "最低", "低至", "上", "at least",
                 "no less than", "not less than", "no fewer than", "not fewer than",
                 "a minimum of", "minimum of", "at least or equal to", "greater than or equal to",
                 "equal to or greater than", "equal to or more than", "more than or equal to",
                 "as low as", "as little as", "as few as", "higher or equal than",
                 "bigger or equal than", "larger or equal than", "greater or equal than",
                 "more or equal than", "≥", ">=", "> ="],
    "less_than": ["不到", "不足", "跌破", "少于", "少於", "低于", "低於", "小于", "小於", "未满", "未滿", "不满",
                  "less than", "fewer than", "under", "below", "lower than", "smaller than", "<"],
    "at_most": ["最多", "至多", "不超过", "不超過", "不多于", "不高于", "不大于", "不大於",
                "小于等于", "小于或等于", "小于或者等于", "小於等於", "at most", "no more than",
                "not more than", "a maximum of", "maximum of", "equal to or less than",
                "less than or equal to", "no greater than", "not exceeding", "lower or equal than",
                "smaller or equal than", "less or equal than", "fewer or equal than", "≤", "<=", "< =", "within"],
    "up_to": ["高达", "高達", "最高", "多达", "多達", "最多达", "最高达", "up to", "as much as",
              "as many as", "as high as"],
    "exact": ["等于", "等於", "正好", "恰好", "整整", "equal to", "exactly", "precisely"],
}
# Verbs allowed between a prefix and the number: 超过了, 最低降至, 至少有.
HEDGE_FILLERS = ["了", "有", "是", "为", "為", "达", "達", "达到", "到", "降至", "降到", "跌至",
           "升至", "增至", "涨至", "减至", "to", "of",
           # the change a bound limits: 最高提升50%, 至少降低30%, 最多可节省一半
           "提升", "提高", "增加", "增长", "降低", "减少", "下降", "节省", "缩短", "加快",
           "可提升", "可提高", "可增加", "可降低", "可减少", "可节省", "可达", "可达到", "可"]

HEDGES_AFTER = {
    "approx": ["左右", "上下", "前后", "量级", "級別", "级别", "级", "級", "or so"],
    "at_least": ["或以上", "或者以上", "及以上", "以上（含）", "以上(含)", "（含）以上", "(含)以上",
                 "或更多", "或者更多", "or more", "or above", "and above", "and up", "and over",
                 "and more", "or greater", "or greater than", "or higher", "or bigger", "or larger",
                 "plus", "+"],
    "more_than": ["以上", "之上", "开外", "開外"],
    "at_most": ["或以下", "或者以下", "及以下", "以下（含）", "以下(含)", "（含）以下", "(含)以下",
                "或更少", "或者更少", "以内", "以內", "之内", "之內", "or less", "or fewer",
                "or below", "and below", "and under", "or equal", "or lower", "内", "內"],
    "less_than": ["以下", "之下"],
}
# A one-character hedge that is part of a word instead: the characters written before it (附近, 纽约, 签约) or
# after it (内部, 内容) that make the word.
WORD_BEFORE_HEDGE = {"近": "最附靠临臨", "破": "打攻识識看爆击擊残殘",
                     "约": "纽紐契节節制邀签簽违違预預条條公合履爽相婚特集",
                   "約": "纽紐契节節制邀签簽违違预預条條公合履爽相婚特集"}
WORD_AFTER_HEDGE = {"内": "部容存地外核置涵侧側心需销銷阁閣科务務)）", "內": "部容存地外核置涵侧側心需销銷阁閣科务務)）"}
# 比三十大 / 比170低: comparison written around the number.
COMPARE_AFTER = {"大": "more_than", "多": "more_than", "高": "more_than",
                 "小": "less_than", "少": "less_than", "低": "less_than"}

# --- counted nouns ----------------------------------------------------------------

COUNT_NOUNS = {
    "个参数": "parameter", "個參數": "parameter", "参数": "parameter", "參數": "parameter",
    "parameters": "parameter", "parameter": "parameter", "params": "parameter", "param": "parameter",
    "个token": "token", "個token": "token", "tokens": "token", "Tokens": "token", "TOKENS": "token",
    "token": "token", "Token": "token", "词元": "token",
}

WEEKDAYS_EN = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}
WEEKDAYS_ZH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
MONTHS_EN = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# A month name alone is a date only after these ('since March', 'the end of June'); 'May' alone is a verb.
MONTH_AFTER_WORDS = ("in", "of", "since", "until", "by", "from", "through", "during", "early", "late", "mid", "before",
                     "after", "In", "Since", "By")

# Product names that end in a bare number (骁龙8, 麒麟9000): the number is a name.
ZH_PRODUCT_NAMES = ("骁龙", "驍龍", "麒麟", "天玑", "天璣", "鸿蒙", "鴻蒙", "盘古", "混元", "星火")

# Full-width to ASCII, one character for one so that indexes stay valid.
FULLWIDTH = str.maketrans(
    "０１２３４５６７８９％．＋－﹣−～／：＄＜＞＝\u2009\u202f\u00a0",
    "0123456789%.+---~/:$<>=   ",
)

# Set phrases (成语 and sayings) built of numerals that count nothing: 三番五次 is 'time and again',
# 九牛一毛 'a drop in the ocean', 一波三折 'twists and turns' (not a 3折 discount). A figure inside
# one is no figure (scanner.scan); a number next to one is read as usual.
ZH_NUMERAL_IDIOMS = tuple("""
一心一意 三心二意 四面八方 五花八门 七上八下 九牛一毛 十全十美 百发百中 千方百计 万无一失 三番五次 一石二鸟
一举两得 独一无二 数一数二 接二连三 三言两语 丢三落四 乱七八糟 七嘴八舌 一干二净 千军万马 万众一心 十有八九
一五一十 三三两两 千千万万 百里挑一 一知半解 半信半疑 一分为二 两全其美 三思而行 四分五裂 五湖四海 六神无主
八仙过海 九死一生 十万火急 百花齐放 千载难逢 万紫千红 一日千里 一言九鼎 三头六臂 千变万化 万水千山 一波三折
说一不二 略知一二 一清二楚 三七二十一 九九归一 一本万利 一落千丈 一泻千里 一刀两断 一箭双雕 一模一样 一朝一夕
一丝不苟 一无所有 一见钟情 一帆风顺 二话不说 三长两短 三足鼎立 三教九流 三令五申 三五成群 四平八稳 四通八达
五光十色 五体投地 五颜六色 六六大顺 七零八落 七拼八凑 七手八脚 八面玲珑 八九不离十 九霄云外 十拿九稳 十恶不赦
百感交集 百折不挠 百依百顺 百战百胜 百年大计 千钧一发 千篇一律 千差万别 千辛万苦 千丝万缕 千山万水 千真万确
千呼万唤 千姿百态 千奇百怪 万古长青 万马奔腾 万事如意 万事大吉 万人空巷 万念俱灰 一穷二白 一差二错 一来二去
一心二用 半斤八两 朝三暮四 颠三倒四 低三下四 推三阻四 横七竖八 杂七杂八 七七八八 四舍五入 三人成虎 一字千金
一诺千金 一掷千金 一刻千金 九五之尊 九曲十八弯 百闻不如一见 三天打鱼两天晒网 一年之计 成千上万 成千成万
五大三粗 七大姑八大姨
千斤顶 千斤重担 四两拨千斤 十字路口 十字架 八卦 万花筒 千里马 百叶窗 七巧板 三明治 二手 八字
""".split())
# The last line holds words, not sayings, whose numeral is part of the name of a thing (千斤顶 'a jack',
# 三明治 'sandwich', 二手 'second-hand').

# --- words that decide whether a numeral is a share, a unit or a word -----------------

# N/D is a share (1/3的人, 1/5 of, about 1/3) only beside these words; elsewhere 3/4 may be a date or a score.
SHARE_AFTER_ZH = ("以上", "以下", "左右", "强", "弱", "多")
SHARE_BEFORE_ZH = ("的", "占", "约", "近", "超过", "超", "达", "有", "不到", "将近", "逾")
SHARE_AFTER_EN_WORDS = ("of", "inch", "inches", "in", "cup", "cups", "hour", "hours", "h", "day", "days", "mile",
                        "miles", "pound", "pounds", "lb", "lbs")
SHARE_BEFORE_EN_WORDS = ("a", "about", "nearly", "almost", "over", "under", "roughly", "only", "just")
# A one-character Chinese unit that begins a word instead: 升至 (rises to), 克隆 (clone), 米饭 (rice), 折扣
# (a discount, not 折), 成为 (become, not 成 'tenths'), 毛衣 ... (a sub-unit of the yuan: 角毛毫仙).
NOT_A_UNIT_BEFORE = {"升": "至到级級值高起幅温溫", "克": "隆服制", "米": "饭飯粉", "伏": "击擊笔筆", "瓦": "解片斯",
                     "折": "扣叠疊旧舊算合", "成": "为為了功本员員立就长長果交绩績熟型品都分年人",
                     "角毛毫仙": "米升克秒安伏瓦形度落人"}
# 5g网络, 4g phones: a g before these is a generation of mobile network, not grams.
NETWORK_WORDS = ("网", "手机", "信号", "基站", "时代", "套餐", "network", "networks", "phone", "phones", "signal",
                 "signals", "mobile", "lte")

# 'A or B' is a range only for these words (five or six, 5或6家), and only between neighbours (scanner._range).
RANGE_OR_WORDS = ("or", "或", "或者")
# 上 before a round scale is 'at least' (上百, 上千); before other numbers it is 'previous' (上一).
ROUND_SCALES = {"百", "千", "万", "萬", "亿", "億", "百万", "千万", "百亿", "千亿"}
# 千万 before these is the adverb 'by all means' (千万不要), not ten million.
QIANWAN_ADVERB_AFTER = set("不别別要得务務记記注莫")
# A Chinese decimal before these is a clock time or an idiom (三点一刻, 一点一滴), not a number.
ZH_DECIMAL_NOT_BEFORE = set("刻分秒钟鐘滴")
# Before 一半 / half these make it a part, not a share: 另一半, the first half, the better half.
HALF_PART_BEFORE_ZH = "另前后後上下"
HALF_PART_BEFORE_EN = ("first", "second", "latter", "former", "better", "other")
# 'zero' is the number where a verb follows it or a preposition or verb comes before it ('Zero is a small
# number', 'fell to zero', 'at zero'), or where it ends a phrase; before a noun it means 'no' (zero redundancy).
ZERO_VERBS_AFTER = ("is", "was", "are", "were", "will", "would", "can", "could", "has", "had", "means", "equals",
                    "remains", "stays")
ZERO_WORDS_BEFORE = ("to", "at", "from", "than", "is", "was", "are", "were", "be", "been", "equals", "reached",
                     "reaches", "reach", "hit", "hits", "near", "above", "below", "by", "of")
# After these a lone 'one' or 'zero' is a pronoun, not a number of a list: 'no one', 'every one'.
DETERMINERS = ("no", "any", "each", "every", "some", "the", "this", "that", "which", "someone", "anyone")

# After a bare 'm' these make it metres (5m tall); before other words it is the British million (5m people).
METRE_WORDS_AFTER = ("tall", "long", "high", "wide", "deep", "thick", "away", "above", "below", "across", "sprint",
                     "race", "dash", "in length", "in height", "in diameter", "in depth", "in width", "of water",
                     "of rain", "of snow")
# 'rose from 1% to 6%': a verb of change before 'from' makes 'A to B' two values, not a range.
CHANGE_VERBS = ("shift", "shifted", "change", "changed", "increase", "increased", "rise", "rose", "risen", "grew",
                "grown", "growth", "fell", "fallen", "drop", "dropped", "decline", "declined", "jump", "jumped",
                "climb", "climbed", "went", "moved", "up", "down", "surge", "surged", "cut", "raised", "lowered",
                "reduced", "expanded", "shrank", "doubled", "tripled", "improved", "slipped", "soared", "plunged",
                "widened", "narrowed")
# A short bare number after these is part of a name (Windows 11, Version 3, Class 3C, No. 5); regex fragments.
NAME_WORDS_BEFORE = ("Windows", "Android", "Python", "Version", "version", "Chapter", "Phase", "Level", "Stage",
                     "Series", "Gen", "Mate", "Pixel", "Galaxy", "Claude", "Gemini", "Llama", "Qwen", "Model", "Top",
                     r"No\.?", r"Vol\.?", "Part", "Grade", "Class", "Room", "Route")
# After '$5 a month' these words date the amount instead of pricing it per month ('$2,000 a year earlier').
DATING_WORDS = ("ago", "earlier", "later", "before", "after", "prior", "back", "previously", "from", "or two")
# Words between a number and its unit of time: '2 more minutes', 'two additional hours'.
DURATION_BETWEEN_WORDS = ("more", "additional", "extra", "less", "fewer", "further")

# --- physical quantities ----------------------------------------------------------

# A unit word after a number -> the unit as pint writes it (numbers/quantities.py reads dimensions and
# conversions from pint's registry; this table only says how people write each unit). Bare letters that
# name a scale or a name elsewhere stay out: 5G, 7B, 10W (10万), 'in', 't', 'g'.
QUANTITY_UNITS = {
    # length
    "公里": "km", "千米": "km", "米": "m", "厘米": "cm", "公分": "cm", "毫米": "mm", "微米": "um", "纳米": "nm",
    "納米": "nm", "英里": "mi", "英尺": "ft", "英寸": "inch", "海里": "nmi",
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "m": "m", "meters": "m", "metres": "m", "meter": "m", "metre": "m", "cm": "cm", "centimeters": "cm",
    "centimetres": "cm", "centimeter": "cm", "centimetre": "cm", "mm": "mm", "millimeters": "mm",
    "millimetres": "mm", "millimeter": "mm", "millimetre": "mm", "nm": "nm", "nanometers": "nm",
    "nanometres": "nm", "nanometer": "nm", "nanometre": "nm", "µm": "um", "μm": "um", "microns": "um",
    "micron": "um", "mi": "mi", "miles": "mi", "mile": "mi", "ft": "ft", "feet": "ft", "foot": "ft",
    "inches": "inch", "inch": "inch",
    # geological time: 4.5 Ga, 66 Ma (pint's gigayear and megayear)
    "Ga": "Ga", "Ma": "Ma", "gigaannum": "Ga", "gigaanna": "Ga", "megaannum": "Ma", "megaanna": "Ma",
    "gigayears": "Ga", "gigayear": "Ga", "megayears": "Ma", "megayear": "Ma",
    # mass
    "吨": "t", "噸": "t", "千克": "kg", "公斤": "kg", "克": "g", "毫克": "mg", "斤": "jin", "磅": "lb",
    "kg": "kg", "KG": "kg", "Kg": "kg", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "grams": "g", "gram": "g", "g": "g", "mg": "mg",
    "milligrams": "mg", "milligram": "mg", "lbs": "lb", "lb": "lb", "tonnes": "t", "tonne": "t", "tons": "t",
    "ton": "t",
    # data
    "字节": "B", "位元组": "B", "千字节": "kB", "兆字节": "MB",
    "bytes": "B", "byte": "B", "bits": "bit", "bit": "bit", "kilobits": "kbit", "megabits": "Mbit", "gigabits": "Gbit", "KB": "kB", "kB": "kB", "MB": "MB", "GB": "GB", "TB": "TB", "PB": "PB",
    "KiB": "KiB", "MiB": "MiB", "GiB": "GiB", "TiB": "TiB", "kilobytes": "kB", "megabytes": "MB",
    "gigabytes": "GB", "terabytes": "TB", "petabytes": "PB",
    "Kbps": "kbit/s", "kbps": "kbit/s", "Mbps": "Mbit/s", "Gbps": "Gbit/s", "kilobits per second": "kbit/s",
    "kilobit per second": "kbit/s", "megabits per second": "Mbit/s", "megabit per second": "Mbit/s",
    "gigabits per second": "Gbit/s", "gigabit per second": "Gbit/s", "KB/s": "kB/s", "MB/s": "MB/s",
    "GB/s": "GB/s", "TB/s": "TB/s",
    # area and volume
    "平方米": "m**2", "平米": "m**2", "㎡": "m**2", "m²": "m**2", "平方公里": "km**2", "平方千米": "km**2",
    "km²": "km**2", "亩": "mu", "畝": "mu", "公顷": "hectare", "公頃": "hectare", "立方米": "m**3", "m³": "m**3",
    "升": "L", "毫升": "mL", "square meters": "m**2", "square metres": "m**2", "sq m": "m**2",
    "square kilometers": "km**2", "square kilometres": "km**2", "sq km": "km**2", "hectares": "hectare",
    "hectare": "hectare", "acres": "acre", "acre": "acre", "cubic meters": "m**3", "cubic metres": "m**3",
    "liters": "L", "litres": "L", "liter": "L", "litre": "L", "L": "L", "ml": "mL", "mL": "mL",
    "gallons": "gallon", "gallon": "gallon",
    # energy, power, charge, frequency, voltage
    "千瓦时": "kWh", "千瓦時": "kWh", "度电": "kWh", "度電": "kWh", "瓦时": "Wh", "瓦": "W", "千瓦": "kW",
    "兆瓦": "MW", "吉瓦": "GW", "马力": "hp", "馬力": "hp", "毫安时": "mAh", "毫安時": "mAh", "赫兹": "Hz",
    "千赫": "kHz", "兆赫": "MHz", "吉赫": "GHz", "伏": "V", "伏特": "V", "焦耳": "J", "千焦": "kJ", "千卡": "kcal",
    "大卡": "kcal", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "Wh": "Wh", "kW": "kW", "MW": "MW",
    "GW": "GW", "TW": "TW", "watts": "W", "watt": "W", "kilowatts": "kW", "kilowatt": "kW", "megawatts": "MW",
    "megawatt": "MW", "gigawatts": "GW", "gigawatt": "GW", "kilowatt-hours": "kWh", "kilowatt-hour": "kWh",
    "kilowatt hours": "kWh", "hp": "hp", "horsepower": "hp", "mAh": "mAh", "Ah": "Ah", "Hz": "Hz",
    "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "hertz": "Hz", "kV": "kV", "volts": "V", "volt": "V", "mV": "mV",
    "millivolts": "mV", "millivolt": "mV", "milli volts": "mV", "milli volt": "mV", "kilovolts": "kV", "kilovolt": "kV",
    "kcal": "kcal", "calories": "kcal", "kJ": "kJ", "joules": "J", "joule": "J",
    # temperature and speed
    "摄氏度": "degC", "攝氏度": "degC", "℃": "degC", "°C": "degC", "华氏度": "degF", "華氏度": "degF", "℉": "degF",
    "°F": "degF", "degrees Celsius": "degC", "degrees celsius": "degC", "degrees Fahrenheit": "degF",
    "公里/小时": "km/h", "公里每小时": "km/h", "千米/小时": "km/h", "千米每小时": "km/h", "km/h": "km/h",
    "kph": "km/h", "mph": "mph", "m/s": "m/s",
}
# A letter that is a unit only beside certain words: the G of memory (80G显存, 24G RAM; elsewhere 5G is a
# name and 1.5G a scale), the W of charging (80W 有线快充; elsewhere 10W is 10万).
CONTEXT_UNITS = {
    "G": ("GB", ("显存", "內存", "内存", "存储", "存儲", "memory", "RAM", "VRAM", "of memory", "of RAM")),
    # the K of old memory sizes: 32K word core memory, 64K RAM (elsewhere 128K is thousands: 128K tokens)
    "K": ("kB", ("memory", "RAM", "ROM", "内存", "內存")),
    # b and B after a number are billions (1.5b, 7B) except beside words of data: the 1500b packet, a 512B cache line.
    # (Not words a model's name runs on to: yi-34b-chat-200k...地址, MiniCPM4_1-8B-Eagle3 文件夹.)
    "b": ("bit", ("packet", "packets", "key", "keys", "bus", "integer", "integers", "register", "registers", "hash",
                  "encryption", "precision", "quantization", "quantized", "color", "colour", "depth", "float", "floats",
                  "floating", "密钥", "加密", "整数", "总线", "寄存器", "精度", "量化", "浮点")),
    "B": ("B", ("packet", "packets", "cache", "header", "headers", "payload", "payloads", "buffer", "buffers", "sector",
                "sectors", "缓存", "数据包", "报文")),
    "W": ("W", ("有线", "無線", "无线", "有線", "快充", "闪充", "閃充", "充电", "充電", "功率", "供电", "電源", "电源",
                "适配器", "充电器", "功耗", "charging", "charger", "wired", "wireless", "fast charging", "power",
                "adapter", "supply", "PSU", "TDP", "PD")),
}


# Named quantities: a phrase that states a value with no numeral in it (kind, unit, value).
NAMED_QUANTITIES = {
    "absolute zero": ("quantity", "K", "0"),
    "绝对零度": ("quantity", "K", "0"),
    "絕對零度": ("quantity", "K", "0"),
}

# Units of measure whose article is one of them ('a gallon of beer', 'a mile away'): spelt out and never a word
# of another sense (not 'a meter', the instrument; 'a ton of', 'a foot', 'a pound', 'an inch').
ARTICLE_UNITS = ("gallon", "litre", "liter", "mile", "kilometre", "kilometer", "kilogram", "metre", "hectare",
                 "acre", "tonne", "kilowatt-hour", "megawatt")

# Units people write whose conversions the engine does not know (pint lacks them or reads them otherwise: fps is
# foot per second there). A number with one keeps it as written, kind 'unknown': it equals only the same unit.
UNCONVERTED_UNITS = ("nits", "nit", "lux", "rpm", "fps", "FPS", "dpi", "ppi", "psi", "atm", "dB", "dBA", "TFLOPS",
                     "GFLOPS", "PFLOPS", "FLOPS", "TOPS", "teraflops", "petaflops", "MIPS")
# Denominators after which letters and a slash make a unit ('3200MT/s', '5 GT/s', '20 it/s'): a rate of something.
UNKNOWN_RATE_DENOMINATORS = ("s", "sec", "min", "h", "hr", "day")

# The denominator of a price, in the rate's unit: 'month', 'share', 'kWh' (pint's spelling for a unit of measure).
PRICE_DENOMINATORS = {**QUANTITY_UNITS, **PRICED_NOUNS, **DEN_UNITS}
