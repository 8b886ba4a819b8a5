"""Score the number engine against external suites (Recognizers-Text, Duckling, cn2an, JioNLP).

Run: python bench/eval_numbers.py [--failures N]

Reads ../shared/external_suites/numbers (next to the repository root). Every case is
scored at span level: the gold span text is read with parse_figure and the value
(or interval) compared with the gold value. Cases whose gold encodes a library
convention we do not share are listed in EXCLUDED below with the reason, counted
and printed; nothing is dropped silently. Exclusion is by case id; whole families
(Duckling's 對/雙/打 classifiers, Recognizers spans with no numeral) are excluded
by a rule stated in EXCLUDED_RULES.

Issue 12: RAW accuracy (correct over every case) is the headline. A documented convention (EXCLUDED,
EXCLUDED_RULES, numbers_suites.CONVENTION_CATS) leaves the raw column untouched and only takes the case out
of 'outside conv'; every other miss is an xfail row, counted in the table and listed by --failures N.
The five sentence suites (zh_tn_itn, en_words_itn, duckling_en, quantulum3, price_parser) and the never
scored Recognizers English currency/percent and Duckling Chinese durations are read whole with
find_figures or span by span with parse_figure. Peers run on the cases each handles, in the same run.

`evaluate(suites_dir)` returns the rows; tests/test_numbers_external.py asserts the bars.
"""
from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT, ROOT / "bench"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import numbers_suites as ns  # noqa: E402  (bench/, next to this file)
from numbers_suites import SECONDS  # noqa: E402
from verifier.numbers import ENGINE_VERSION, FigureError, find_figures, parse_figure  # noqa: E402

SUITES_DIR = Path(__file__).resolve().parents[2] / "shared/external_suites/numbers"

# Rules that exclude whole families of gold cases (reason printed with the count).
EXCLUDED_RULES = {
    "duckling-classifier": "Duckling multiplies classifiers (一對 = 2, 五雙 = 10, 八打 = 96); the brief leaves them out",
    "no-numeral": "gold span has no digit or numeral (人民币, 美元, percent alone); we never return a figure for it",
}

# Individual gold cases we judge wrong or library-specific. id -> reason.
_DOZEN = "Recognizers multiplies the classifier 打 (一打 = 12); same convention the brief leaves out for Duckling"
_JI_DROPPED = "Recognizers' number model drops 几 (二十几万 -> 200000); we read 几 as a digit 1-9 (21万-29万)"
_JI_OPEN = "Recognizers reads N几 as an open lower bound (十几万 -> (100000,)); we read 11万-19万"
_ORDINAL = "ordinals (第十, the tenth) read as numbers; ordinals are not figures for us"
_EURO = "European decimal comma (1.111,11 / 1,3); our sources write '.' for decimals, ',' for thousands"
_EN_ORD = "compound ordinal denominators ('one hundred fifth' = 1/105) are ambiguous English; we read single-word or hyphenated denominators"
_CANTONESE_FRAC = "Cantonese fraction forms (二份一 = 1/2, 十分一 = 1/10) are outside our mainland-news scope"
_CANTONESE_DOLLAR = "Cantonese 個 = dollar (三個一毫四 = 3.14); in Mandarin news 個 is a classifier"
_BARE_FEN = "bare N分 is a score or minutes in news; we read 分 as money only after 元/角/毛, before 钱, or in financial numerals"
_RMB_ROUND = "an2cn 'rmb' mode rounds the input to the fen; the Chinese text does not hold the input's digits"
_JIO_JI = "JioNLP reads 几十/数十 as [10x, 100x] and 十几 as [10, 20]; we read 几/数 as 2-9 (几十 = 20-90) and 十几 as 11-19"
_DUIZHE = "对折/對折 (half price) has no numeral; we read figures only where a numeral is written"
_REC_DUO = ("Recognizers reads N多/N余 as an open lower bound (五百多 -> (500,)); we close it at the next step of "
            "N's last digit, as JioNLP does (五百多 = 500-600, 二百三十余万 = 230万-240万)")
EXCLUDED: dict[str, str] = {
    # Recognizers-Text, Chinese numbers
    **{f"msrt-zh-number-default-{i:04d}#0": _DOZEN for i in (34, 71, 95, 121, 172)},
    **{f"msrt-zh-number-default-{i:04d}#0": _JI_DROPPED for i in (87, 88, 89, 90, 164, 165, 166, 167)},
    # Recognizers-Text, Chinese percent
    "msrt-zh-percent-default-0000#0": _DUIZHE,
    "msrt-zh-percent-default-0107#0": _DUIZHE,
    "msrt-zh-percent-default-0006#0": "Recognizers joins spaced digits '7 2 折' into 7.2折; we read two numbers",
    # Recognizers-Text, English numbers
    **{f"msrt-en-number-{m}-{i:04d}#0": _EN_ORD for m, ids in (("default", (108, 109, 110)),
                                                                  ("ExperimentalMode", (106, 107, 108))) for i in ids},
    "msrt-en-number-default-0187#0": _EURO,
    "msrt-en-number-default-0200#0": _EURO,
    # Duckling, Chinese numerals
    "duckling-zh-numeral-062": _CANTONESE_FRAC,
    "duckling-zh-numeral-063": _CANTONESE_FRAC,
    "duckling-zh-numeral-120": _CANTONESE_FRAC,
    "duckling-zh-numeral-115": "Duckling reads 1半 as 0.5; 1半 is not a written form of one half",
    # cn2an (an2cn read backwards)
    "cn2an-0250": _RMB_ROUND, "cn2an-0254": _RMB_ROUND, "cn2an-0258": _RMB_ROUND, "cn2an-0262": _RMB_ROUND,
    # Duckling money
    **{f"duckling-zh-amountofmoney-{i:03d}": _BARE_FEN for i in (0, 1, 3, 4, 8, 9)},
    # 五個半 / 一個半 (15, 17) are scored: N个半 = N.5 is our general reading (一个半小时 = 1.5 hours);
    # the money suite compares values, so they pass as counts. 個 alone as the dollar stays excluded.
    **{f"duckling-zh-amountofmoney-{i:03d}": _CANTONESE_DOLLAR for i in (16, 18, 23)},
    "msrt-zh-currency-default-0010#0": "日本銭 (sen) is an obsolete sub-unit of the yen, not in our lexicon",
    # JioNLP money
    "jionlp-parse_money-030": _JIO_JI, "jionlp-parse_money-031": _JIO_JI,
    "jionlp-parse_money-032": _JIO_JI, "jionlp-parse_money-033": _JIO_JI,
    # Recognizers-Text, number ranges
    **{f"msrt-zh-numberrange-{m}-0002#0": _ORDINAL for m in ("default", "ExperimentalMode")},
    **{f"msrt-en-numberrange-{m}-{i:04d}#0": _ORDINAL for m in ("default", "ExperimentalMode") for i in (3, 5)},
    **{f"msrt-zh-numberrange-default-{i:04d}#0": _JI_OPEN for i in (51, 53, 54, 60)},
    **{f"msrt-zh-numberrange-default-{i:04d}#0": _REC_DUO for i in (15, 52, 55, 56, 57, 58, 59, 61)},
    "msrt-zh-numberrange-ExperimentalMode-0015#0": _REC_DUO,
    "msrt-zh-numberrange-default-0063#0": "gold value wrong: 20万次以上 is more than 200000, gold says (20000,)",
    # price-parser
    **{f"price_parser-{i:04d}": "a price range ('£6.95 - £9.95', 'From 26 to 50 €') is a range for a fact-checker, "
                                "both ends stated; price-parser returns its first price"
       for i in (287, 860, 872, 895)},
    # quantulum3
    **{f"quantulum3-{i:04d}": "a change ('rose from about $350 per kg to $680 per kg', 'reduced from 44 mg to 50 mg') "
                              "is two values for a fact-checker, the first where the change started; quantulum reads "
                              "one range" for i in (42, 138)},
    **{f"quantulum3-{i:04d}": "a compound duration ('twenty-one years and six months', '3 years, 2 months, 14 days "
                              "and 16 hours') is one duration in its smallest unit, as Duckling reads it (and as "
                              "两年零三个月 must be read in a claim); quantulum lists the parts"
       for i in (16, 17, 29, 30, 31, 32)},
    **{f"quantulum3-{i:04d}": "a sub-unit is read in its currency ('one hundred cents' = USD 1, '3 dimes' = USD 0.3), "
                              "so that 43 cents compares with $0.43; quantulum keeps the count of cents or dimes"
       for i in (67, 90)},
}

# Conventions where we differ from a suite's library but no scored case is affected
# (printed with the report so that a reader sees them next to the numbers).
CONVENTIONS = [
    "兆: Recognizers reads 兆 as 1e12 (Taiwan/Japan); we read 1e6 (mainland 兆瓦, 兆字节) unless a 亿 "
    "section follows in the same numeral (五兆六十二亿 = 5.0062e12), so every scored 兆 case agrees",
    "以上/以下: read as more_than/less_than (open, as Recognizers does); 及以上/以上（含） are at_least/at_most",
    "chinese2digits cases are not scored: the README lists its conventions (万三 = 0.0003, 百四 = 4%) as no quality bar",
    "JioNLP extract_money sentences are not scored: their gold has spans without values; parse_money cases are",
]

BARS = {
    "recognizers zh number": Decimal("0.95"),
    "recognizers zh percent": Decimal("0.92"),
    "recognizers en number": Decimal("0.90"),
    "duckling zh numeral": Decimal("0.90"),
    "cn2an numeric": Decimal("0.97"),
    "money by value": Decimal("0.85"),
    "jionlp money+qualifier": Decimal("0.85"),
    "number ranges": Decimal("0.85"),
}
# Raw accuracy floors (issue 12), set from the measured run: a fall below fails tests/test_numbers_external.py.
# First run (engine 1.4.1, commit 5b7268c, before any issue-12 engine change), raw:
#   zh_tn_itn 85.0%, en_words_itn 84.8%, duckling_en 45.7%, quantulum3 81.9%, price_parser 53.2%,
#   recognizers en currency 56.6%, recognizers en percent 67.9%, duckling zh duration 45.8%.
# Raised as the engine improves (a floor, never lowered to make a change pass). Lowered once, for quantulum3
# (0.829 -> 0.824), when 'rose from X to Y' became two values: a documented convention (EXCLUDED), not a slip.
# Raised on branch numbers2 (Chinese decimals, slash fractions, compound durations, sub-units, currency nouns).
# Raised on branch numbers2 again (engine 1.8.0: a price per unit states its amount in its currency, a space-grouped
# number alone in a line or cell, the ',-' of a price, 'a gallon'): en_words 92.2, quantulum3 85.1, price_parser 67.1.
# Raised on branch numbers (long round integers, 百分百, scores, Indian scales, 'an hour and a half', words before
# a duration, glued cents, a lone 'one' in a list, hyphenated units, money slang, dropped-caret powers).
# Raised on branch numbers again (engine 1.9.0: powers and comma-joined number words in running text, the word zero,
# accounting negatives, bits and bytes beside data words, kelvin, geological time): quantulum3 90.1, en_words 92.4,
# duckling_en 82.4.
RAW_BARS: dict[str, Decimal] = {
    "zh_tn_itn": Decimal("0.927"), "en_words_itn": Decimal("0.923"), "duckling_en": Decimal("0.823"),
    "quantulum3": Decimal("0.900"), "price_parser": Decimal("0.671"), "recognizers en currency": Decimal("0.760"),
    "recognizers en percent": Decimal("0.678"), "duckling zh duration": Decimal("0.541"),
}
SENTENCE_SUITES = ["zh_tn_itn", "en_words_itn", "duckling_en", "quantulum3", "price_parser"]
SPEED_BAR = 23_000
REPEATS = 5


@dataclass
class Case:
    id: str
    text: str
    check: object            # callable(what the reader returned) -> bool, or an EXCLUDED_RULES key
    gold: str
    convention: str = ""     # why this case is a documented convention of ours ('' = scored)
    sentence: bool = False   # read with find_figures (whole text), not parse_figure (a gold span)


@dataclass
class Row:
    suite: str
    cases: int = 0
    excluded: int = 0        # documented conventions: out of 'accuracy', still in 'raw'
    correct: int = 0         # correct among the scored (non-convention) cases
    correct_all: int = 0     # correct among every case, conventions included
    bar: Decimal | None = None
    raw_bar: Decimal | None = None
    seconds: float = 0.0
    failures: list = field(default_factory=list)
    excluded_ids: list = field(default_factory=list)

    @property
    def scored(self) -> int:
        return self.cases - self.excluded

    @property
    def xfail(self) -> int:
        """Engine gaps: scored cases read wrong (listed with --failures)."""
        return self.scored - self.correct

    @property
    def accuracy(self) -> float:
        return self.correct / self.scored if self.scored else 0.0

    @property
    def raw_accuracy(self) -> float:
        """Correct over every gold case: the headline. A convention case read as the gold anyway counts."""
        return self.correct_all / self.cases if self.cases else 0.0

    @property
    def met(self) -> bool:
        ok_raw = self.raw_bar is None or self.raw_accuracy >= float(self.raw_bar)
        return ok_raw and (self.bar is None or self.accuracy >= float(self.bar))

    @property
    def spans_per_second(self) -> float:
        return self.cases / self.seconds if self.seconds else 0.0


# --- comparison ------------------------------------------------------------------------

def close(a: Decimal | None, b: Decimal | None) -> bool:
    """Equal, allowing for rounding in gold values such as 0.666666666666667."""
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    return abs(a - b) <= max(scale * Decimal("1e-9"), Decimal("1e-12"))


def dec(x) -> Decimal:
    return Decimal(str(x))


def single_value(fig) -> Decimal | None:
    """The one number a figure states; ranges state none. A bare year (2018) states the year."""
    if fig.kind == "date":
        return Decimal(fig.date) if fig.date.isdigit() else None
    if fig.qualifier == "range":
        return None
    return fig.value


def percent_value(fig) -> Decimal | None:
    v = single_value(fig)
    if v is None:
        return None
    if fig.kind == "discount":          # 8折 is 80% of the price
        return v * 10
    return v


# --- suites -----------------------------------------------------------------------------

def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _value_check(gold: Decimal, reader=single_value):
    return lambda fig: close(reader(fig), gold)


def recognizers_cases(recs: list[dict], lang: str, model: str) -> list[Case]:
    out = []
    for r in recs:
        if r["lang"] != lang or r["model"] != model:
            continue
        for k, e in enumerate(r["expected"]):
            cid = f"{r['id']}#{k}"
            val = e.get("value")
            if model in ("number", "currency"):
                if val in (None, "null"):
                    out.append(Case(cid, e["text"], "no-numeral", str(val)))
                    continue
                out.append(Case(cid, e["text"], _value_check(dec(val)), str(val)))
            elif model == "percent":
                if val in (None, "null"):
                    out.append(Case(cid, e["text"], "no-numeral", str(val)))
                    continue
                out.append(Case(cid, e["text"], _value_check(dec(val.rstrip("%")), percent_value), val))
            elif model == "numberrange":
                out.append(Case(cid, e["text"], _range_check(val), val))
    return out


_INTERVAL = re.compile(r"^[\[(]\s*([^,]*)\s*,\s*([^\])]*)\s*[\])]$")


def _range_check(val: str):
    m = _INTERVAL.match(val)
    lo = dec(m.group(1)) if m.group(1) else None
    hi = dec(m.group(2)) if m.group(2) else None

    def check(fig) -> bool:
        return close(fig.low, lo) and close(fig.high, hi)
    return check


def duckling_cases(recs: list[dict], dimension: str) -> list[Case]:
    out = []
    for r in recs:
        if r["dimension"] != dimension:
            continue
        exp = r["expected"]
        if dimension == "Numeral":
            if re.search(r"[對对雙双打]", r["input"]):
                out.append(Case(r["id"], r["input"], "duckling-classifier", exp["raw"]))
                continue
            out.append(Case(r["id"], r["input"], _value_check(dec(exp["value"])), exp["raw"]))
        else:
            f = Decimal("0.01") if exp.get("unit") == "Cent" else Decimal(1)
            if exp["kind"] == "between":
                lo, hi = (dec(v) * f for v in exp["value"])
                out.append(Case(r["id"], r["input"],
                                lambda fig, lo=lo, hi=hi: close(fig.low, lo) and close(fig.high, hi), exp["raw"]))
            else:
                out.append(Case(r["id"], r["input"], _value_check(dec(exp["value"]) * f), exp["raw"]))
    return out


def cn2an_cases(recs: list[dict]) -> list[Case]:
    """Numeric cn2an cases: Chinese -> number, and an2cn read backwards (Chinese text -> the input number)."""
    out = []
    for r in recs:
        if r["suite"] == "cn2an" and isinstance(r["expected"], (int, float, str)) and not isinstance(r["expected"], bool):
            try:
                gold = dec(r["expected"])
            except InvalidOperation:
                continue
            if r["input"] == "":
                continue
            out.append(Case(r["id"], r["input"], _value_check(gold), str(r["expected"])))
        elif r["suite"] == "an2cn" and isinstance(r["expected"], str):
            out.append(Case(r["id"], r["expected"], _value_check(dec(r["input"])), str(r["input"])))
    return out


_JIO_Q = {
    "accurate": ("exact",),
    "blur": ("approx", "range"),
    "blur-": ("nearly", "less_than", "at_most", "up_to"),
    "blur+": ("more_than", "at_least"),
}


def jionlp_cases(recs: list[dict]) -> list[Case]:
    out = []
    for r in recs:
        if r["func"] != "parse_money":
            continue
        exp = r["expected"]
        qs = _JIO_Q[exp["definition"]]
        if isinstance(exp["num"], list):
            lo, hi = (dec(v) for v in exp["num"])

            def check(fig, lo=lo, hi=hi, qs=qs):
                # 3000多 is 'blur' [3000, 4000] for JioNLP, more_than 3000 under 4000 for us: the same interval
                bounded_more = fig.qualifier == "more_than" and "range" in qs
                return (fig.qualifier in qs or bounded_more) and close(fig.low, lo) and close(fig.high, hi)
        else:
            v = dec(exp["num"])

            def check(fig, v=v, qs=qs):
                return fig.qualifier in qs and close(fig.value, v)
        out.append(Case(r["id"], r["input"], check, f"{exp['num']} {exp['definition']}"))
    return out


def duckling_duration_cases(recs: list[dict]) -> list[Case]:
    """Duckling's Chinese durations (never scored before issue 12), compared in seconds."""
    out = []
    for r in recs:
        if r["dimension"] != "Duration":
            continue
        exp = r["expected"]
        secs = dec(exp["value"]) * SECONDS[exp["unit"].lower()]

        def check(fig, secs=secs):
            return (fig.kind == "duration" and fig.unit in SECONDS and fig.qualifier != "range"
                    and close(fig.value * SECONDS[fig.unit], secs))
        out.append(Case(r["id"], r["input"], check, exp["raw"]))
    return out


def recognizers_en_money_cases(recs: list[dict]) -> list[Case]:
    """Recognizers-Text English currency spans (never scored before issue 12): money of the gold value."""
    out = []
    for r in recs:
        if r["lang"] != "en" or r["model"] != "currency":
            continue
        for k, e in enumerate(r["expected"]):
            val = e.get("value")
            if val in (None, "null"):
                out.append(Case(f"{r['id']}#{k}", e["text"], "no-numeral", str(val)))
                continue
            gold = dec(val)
            out.append(Case(f"{r['id']}#{k}", e["text"],
                            lambda fig, gold=gold: fig.kind == "money" and close(single_value(fig), gold),
                            f"{val} {e.get('unit', '')}"))
    return out


def sentence_cases(d: Path, suite: str) -> list[Case]:
    out = []
    for c in ns.load(d, suite):
        gold = "; ".join(json.dumps({k: v for k, v in g.items() if k not in ("note", "surface", "amount_text")},
                                    ensure_ascii=False) for g in c.gold[:3])
        out.append(Case(c.id, c.text, lambda figs, c=c: ns.case_ok(c, figs), gold,
                        convention=ns.CONVENTION_CATS.get(c.convention, ""), sentence=True))
    return out


def build_suites(d: Path) -> dict[str, list[Case]]:
    rec = _jsonl(d / "recognizers_zh_en.jsonl")
    duck = _jsonl(d / "duckling_zh.jsonl")
    return {
        **{s: sentence_cases(d, s) for s in SENTENCE_SUITES},
        "recognizers en currency": recognizers_en_money_cases(rec),
        "recognizers en percent": recognizers_cases(rec, "en", "percent"),
        "duckling zh duration": duckling_duration_cases(duck),
        "recognizers zh number": recognizers_cases(rec, "zh", "number"),
        "recognizers zh percent": recognizers_cases(rec, "zh", "percent"),
        "recognizers en number": recognizers_cases(rec, "en", "number"),
        "duckling zh numeral": duckling_cases(duck, "Numeral"),
        "cn2an numeric": cn2an_cases(_jsonl(d / "cn2an_cases.jsonl")),
        "money by value": duckling_cases(duck, "AmountOfMoney") + recognizers_cases(rec, "zh", "currency"),
        "jionlp money+qualifier": jionlp_cases(_jsonl(d / "jionlp_money_cases.jsonl")),
        "number ranges": recognizers_cases(rec, "zh", "numberrange") + recognizers_cases(rec, "en", "numberrange"),
    }


def _why_excluded(c: Case) -> str:
    if isinstance(c.check, str):
        return EXCLUDED_RULES[c.check]
    return c.convention or EXCLUDED.get(c.id, "")


def _read(c: Case, reader):
    try:
        return reader(c.text)
    except FigureError as e:
        return e


def _ok(c: Case, got) -> bool:
    if isinstance(c.check, str) or isinstance(got, Exception):
        return False
    try:
        return bool(c.check(got))
    except (TypeError, InvalidOperation):
        return False


def evaluate(suites_dir: Path = SUITES_DIR, reader_span=None, reader_text=None) -> list[Row]:
    """Every suite's row; the readers default to the engine (a test passes a null one to see the bars fail)."""
    reader_span = reader_span or parse_figure
    reader_text = reader_text or find_figures
    rows = []
    for name, cases in build_suites(Path(suites_dir)).items():
        row = Row(name, bar=BARS.get(name), raw_bar=RAW_BARS.get(name))
        got: list = []
        row.seconds = float("inf")
        for _ in range(REPEATS):
            # CPU time of this process (one core), best of REPEATS runs as timeit does:
            # the machine's other load does not count against the engine.
            t0 = time.process_time()
            got = [_read(c, reader_text if c.sentence else reader_span) for c in cases]
            row.seconds = min(row.seconds, time.process_time() - t0)
        for c, g in zip(cases, got):
            row.cases += 1
            ok = _ok(c, g)
            row.correct_all += ok
            why = _why_excluded(c)
            if why:
                row.excluded += 1
                row.excluded_ids.append((c.id, c.text, why))
            elif ok:
                row.correct += 1
            else:
                row.failures.append((c.id, c.text, c.gold, g))
        rows.append(row)
    return rows


def _bar(row: Row) -> str:
    bars = []
    if row.raw_bar is not None:
        bars.append(f"raw {float(row.raw_bar):.1%}")
    if row.bar is not None:
        bars.append(f"{float(row.bar):.0%}")
    return ", ".join(bars) or "-"


def _got_text(g) -> str:
    if isinstance(g, Exception):
        return f"error {g}"
    figs = g if isinstance(g, list) else [g]
    return "; ".join(f"{f.kind} {f.unit} {f.low}..{f.high} {f.qualifier} {f.date}".strip() for f in figs) or "nothing"


def peer_scores(suites_dir: Path = SUITES_DIR) -> list[list]:
    """Each peer on the cases it is meant to handle, and the engine on exactly those cases."""
    import warnings
    warnings.filterwarnings("ignore")       # cn2an warns on every string it cannot read
    rows = []
    cache: dict[str, list] = {}
    for suite, name, loader, handles in ns.PEERS:
        cases = cache.setdefault(suite, ns.load(Path(suites_dir), suite))
        mine = [c for c in cases if handles(c)]
        try:
            peer = loader()
        except ImportError:
            rows.append([suite, name, len(mine), "not installed (pip install -e '.[peers]')", "", "", ""])
            continue
        ok_peer = ok_engine = 0
        t0 = time.process_time()
        for c in mine:
            try:
                ok_peer += ns.peer_numbers_ok(c, peer(c.text))
            except Exception:        # a peer's crash on a case is its miss
                pass
        peer_secs = time.process_time() - t0
        t0 = time.process_time()
        for c in mine:
            ok_engine += ns.case_ok(c, find_figures(c.text))
        engine_secs = time.process_time() - t0
        rows.append([suite, name, len(mine), f"{ok_peer / len(mine):.1%}", f"{ok_engine / len(mine):.1%}",
                     f"{len(mine) / peer_secs:,.0f}" if peer_secs else "", f"{len(mine) / engine_secs:,.0f}" if engine_secs else ""])
    return rows


def report(rows: list[Row], failures: int = 0) -> str:
    from tabulate import tabulate

    table = []
    for r in rows:
        table.append([r.suite, r.cases, r.correct_all, f"{r.raw_accuracy:.1%}", r.excluded, r.xfail,
                      f"{r.accuracy:.1%}", _bar(r), "yes" if r.met else "NO", f"{r.spans_per_second:,.0f}"])
    cases = sum(r.cases for r in rows)
    secs = sum(r.seconds for r in rows)
    speed = cases / secs if secs else 0.0
    table.append(["all", cases, sum(r.correct_all for r in rows), f"{sum(r.correct_all for r in rows) / cases:.1%}",
                  sum(r.excluded for r in rows), sum(r.xfail for r in rows), "", f"{SPEED_BAR:,}/s",
                  "yes" if speed >= SPEED_BAR else "NO", f"{speed:,.0f}"])
    out = [f"number engine {ENGINE_VERSION} on {SUITES_DIR}",
           "raw = correct / every case (the headline; conventions count, as misses unless read as the gold anyway);",
           "conv = documented conventions (reasons below); xfail = engine gaps, scored and missed (--failures N lists them);",
           "outside conv = correct / (cases - conv); speed in cases/s (CPU time, best of 5)",
           tabulate(table, headers=["suite", "cases", "correct", "RAW", "conv", "xfail", "outside conv", "bar", "met?",
                                    "cases/s"])]
    out.append("\nconventions:")
    out.extend(f"  - {c}" for c in CONVENTIONS)
    excl = [e for r in rows for e in r.excluded_ids]
    out.append(f"\nexcluded as conventions: {len(excl)} cases (EXCLUDED / EXCLUDED_RULES / numbers_suites.CONVENTION_CATS)")
    by_reason: dict[str, int] = {}
    for _, _, reason in excl:
        by_reason[reason] = by_reason.get(reason, 0) + 1
    for reason, n in sorted(by_reason.items(), key=lambda x: -x[1]):
        out.append(f"  {n:4d}  {reason}")
    if failures:
        for r in rows:
            if r.failures:
                out.append(f"\n-- xfail: {r.suite} ({len(r.failures)})")
                for cid, text, gold, got in r.failures[:failures]:
                    out.append(f"  {cid:34} {text[:70]!r:40} gold={gold}  got={_got_text(got)}")
    return "\n".join(out)


def all_met(rows: list[Row]) -> bool:
    total = sum(r.cases for r in rows)
    secs = sum(r.seconds for r in rows)
    return all(r.met for r in rows) and secs > 0 and total / secs >= SPEED_BAR


# Long runs that once made a pattern rescan the rest of the text at every digit.
LONG_RUNS = ["1,", "1-", "1至", "1+", "1~", "1、", "超过近约", "more than ", "one hundred and ", "five or ", "twenty-one "]


def linearity() -> str:
    """Time per character on runs of 2k and 16k units, side by side: a ratio near 1 is linear."""
    from tabulate import tabulate

    def cost(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            find_figures(text)
            best = min(best, time.process_time() - t0)
        return best / len(text)

    rows = []
    for unit in LONG_RUNS:
        small, large = cost(unit * 2000), cost(unit * 16000)
        ratio = large / small if small else 1.0
        rows.append([repr(unit), f"{small * 1e6:.2f}", f"{large * 1e6:.2f}", f"{ratio:.2f}",
                     "yes" if ratio < 2 else "NO"])
    return "long runs (µs per character; linear means the ratio stays near 1)\n" + tabulate(
        rows, headers=["run of", "2k units", "16k units", "ratio", "linear?"])


def main(argv: list[str]) -> int:
    failures = 0
    if "--failures" in argv:
        i = argv.index("--failures")
        failures = int(argv[i + 1]) if i + 1 < len(argv) else 50
    if not SUITES_DIR.is_dir():
        print(f"skip: external suites not found at {SUITES_DIR} (expected ../shared next to the repository)")
        return 0
    rows = evaluate(SUITES_DIR)
    print(report(rows, failures))
    from tabulate import tabulate
    print("\npeers on the cases each is meant to handle (peer: any number it writes equals the gold value;"
          " engine: the full check, units included); Duckling (Haskell) has no Python package to run")
    print(tabulate(peer_scores(SUITES_DIR), headers=["suite", "peer", "cases", "peer", "engine", "peer cases/s",
                                                      "engine cases/s"]))
    print()
    print(linearity())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
