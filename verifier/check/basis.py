"""What a change is measured against: a year before (同比, year on year), the period before (环比, sequential),
the end of last year (较上年末), a given year (与2019年同期相比), or a two-year average (两年平均).

One value can be two different changes: 生活资料价格上涨0.4% is month on month where 同比 it is 1.0%; "an
increase of 6.5% from … the first quarter of 2026 and an increase of 28.7% from … the same period in 2025". A
claim that says which base it means is no evidence of, and not contradicted by, a change from another base.
Where either side does not say, nothing is decided here.
"""
from __future__ import annotations

import re

from ..document.scope import clauses_of, figures_between
from .subjects import paragraph_start

# Each base, as Chinese and English write it. The order matters only where one form holds another (上年同期
# before 上年末, 两年平均 before a plain 平均).
_BASES = (
    ("avg2", r"两年平均|(?i:\btwo-year average\b|\baverage (?:annual )?growth (?:rate )?over (?:the )?(?:past |last )?two years\b)"),
    ("ytd", r"较上年末|比上年末|较去年末|比去年末|较年初|比年初|(?i:\bfrom the end of (?:last|the previous) year\b|"
            r"\bthan at the end of (?:last|the previous) year\b|\bsince the (?:start|beginning) of the year\b|"
            r"\byear[- ]to[- ]date\b)"),
    ("yoy", r"同比|比上年同期|较上年同期|较去年同期|比去年同期|与上年同期相比|与去年同期相比|(?i:\byear[- ]on[- ]year\b|"
            r"\by/y\b|\byoy\b|\bfrom a year (?:earlier|ago|before)\b|\ba year (?:earlier|ago)\b|"
            r"\b(?:over|from|compared (?:with|to)|versus|vs\.?|than|for) the same (?:period|quarter|month)"
            r"(?! (?:of|in) (?:19|20)\d\d)(?: (?:of |in )?(?:last year|a year (?:earlier|ago)|the previous year))?|"
            r"\bfrom the year[- ]ago (?:period|quarter)\b)"),
    ("seq", r"环比|比上月|较上月|比上季度|较上季度|较上一季度|比上一季度|(?i:\bmonth[- ]on[- ]month\b|\bm/m\b|"
            r"\bquarter[- ]on[- ]quarter\b|\bq/q\b|\bsequential(?:ly)?\b|\bfrom the (?:previous|prior|preceding) "
            r"(?:month|quarter)\b|\bfrom last month\b)"),
    ("vs", r"(?:与|较|比)(?:19|20)\d\d年同期|(?i:\b(?:compared (?:with|to)|over|from|versus|vs\.?|than|for) "
           r"the same (?:period|quarter|month) (?:of|in) (?:19|20)\d\d\b|"
           r"\b(?:compared (?:with|to)|from|versus|vs\.?|than) (?:19|20)\d\d\b)"),
)
_BASE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _BASES))
# An English change whose base follows it: 'an increase of 6.5% from NT$6,935.6 million … in the first quarter
# of 2026': the quarter after 'from' is the base.
_FROM_QUARTER = re.compile(r"(?i:\bfrom\b(?:[^;.]|\.(?=\d)){0,80}?\b(?:in|for) the (first|second|third|fourth) quarter of "
                           r"((?:19|20)\d\d)\b)")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# A paragraph that opens by saying its base (从环比看，…; 环比来看; Sequentially, …) gives it to every change in it.
_LEAD = re.compile(r"^(?:[\s*_\u3000]|<[^<>]*>)*(?:从(同比|环比)(?:来)?看|(同比|环比)(?:来看|方面)|(?i:(sequentially|year on year|"
                   r"year-on-year|on a sequential basis|on a year-on-year basis))),?")


def bases(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, base) of each base written in text[start:end]; a year base is 'vsYYYY'."""
    out = []
    for m in _BASE.finditer(text, start, len(text) if end is None else end):
        name = next(n for n, _ in _BASES if m.group(n))
        if name == "vs":
            name = "vs" + re.search(r"(?:19|20)\d\d", m.group()).group()
        out.append((m.start(), m.end(), name))
    return out


def claim_basis(claim_text: str, years: frozenset[str]) -> str:
    """The one base a claim's text names, a year base of the year before the claim's own read as 'yoy'; '' when it
    names none or several."""
    found = {_as_year_on_year(b, years) for _, _, b in bases(claim_text)}
    return found.pop() if len(found) == 1 else ""


def figure_basis(doc, found, own_years: frozenset[str]) -> str:
    """The base of a figure's change: one written in its clause before it (同比增长), else right after it in
    English ('up 12% year on year', 'from … in the first quarter of 2026'), else in its sentence before it,
    else the lead of its paragraph (从环比看，); '' when nothing says. Worked out once per figure."""
    cache = doc.__dict__.setdefault("_bases", {})
    key = (found.figure.start, found.figure.end, own_years)
    if key not in cache:
        cache[key] = _figure_basis(doc, found, own_years)
    return cache[key]


def _figure_basis(doc, found, own_years: frozenset[str]) -> str:
    text, fig = doc.text, found.figure
    start, end = doc.sentences[found.sentence]
    clause = next(((a, b) for a, b in clauses_of(doc, found.sentence) if a <= fig.start < b), (start, end))
    after_end = _next_figure(doc, found, clause[1])
    after = bases(text, fig.end, after_end)
    if after and text[fig.end:after[0][0]].strip()[:1] not in ("，", ",", "；", ";"):
        return _as_year_on_year(after[0][2], own_years)
    quarter = _FROM_QUARTER.search(text, fig.end, after_end)
    if quarter:
        return f"q{_ORDINAL[quarter.group(1).lower()]}-{quarter.group(2)}"
    before = bases(text, clause[0], fig.start) or _framing(doc, found.sentence, fig.start)
    if before:
        return _as_year_on_year(before[-1][2], own_years)
    first = paragraph_start(doc, found.sentence)
    lead = _LEAD.match(doc.sentence_text(first))
    if lead:
        word = next(g for g in lead.groups() if g).lower()
        return "seq" if word in ("环比", "sequentially", "on a sequential basis") else "yoy"
    return ""


def _framing(doc, sentence: int, until: int) -> list:
    """The bases of the clauses before `until` that hold no figure: a frame for the sentence's changes
    (与2019年同期相比，服务进出口下降9%…其中出口增长21.5%); a base in a clause with a figure of its own
    (两年平均下降4.6%) is that figure's."""
    out = []
    for a, b in clauses_of(doc, sentence):
        if a >= until:
            break
        if not any(f.kind != "date" for f in figures_between(doc, a, min(b, until))):    # 2019年 is no change
            out += bases(doc.text, a, min(b, until))
    return out


def bases_differ(claimed: str, figure: str, claim_periods: frozenset[str], claim_years: frozenset[str]) -> bool:
    """Both say a base and they are not the same. A base quarter ('q1-2026') is the claim's year on year when it
    is the claim's quarter a year before, sequential when it is another quarter."""
    if not claimed or not figure:
        return False
    if figure.startswith("q"):
        quarter, year = figure.split("-")
        if not claim_years or not any(p.startswith("q") for p in claim_periods):
            return False
        own_year = int(max(claim_years))
        figure = "yoy" if quarter in claim_periods and int(year) == own_year - 1 else \
            "seq" if int(year) == own_year or quarter not in claim_periods else ""
    return bool(figure) and claimed != figure


def _as_year_on_year(base: str, years: frozenset[str]) -> str:
    """与2020年同期相比 in a 2021 text is plain year on year."""
    if base.startswith("vs") and len(years) == 1 and int(base[2:]) == int(next(iter(years))) - 1:
        return "yoy"
    return base


def _next_figure(doc, found, limit: int) -> int:
    """Where the next figure of the same kind starts, up to `limit`: the words after a change up to there are
    its own ('6.5% from … the first quarter of 2026 and an increase of 28.7% from …')."""
    fig = found.figure
    return next((f.start for f in figures_between(doc, fig.end, limit) if f.kind == fig.kind), max(limit, fig.end))
