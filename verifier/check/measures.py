"""Which financial measure a figure is: revenue, the bottom line, margins, cash flow, R&D and other expenses.

A company's sentence gives several measures side by side (营收为6.61亿元，同比增加24.59%；净亏损为8.73亿元，亏损
额度同比增长32.61%), and each change or level is its own measure's. A claim that names one measure (净亏损同比
增长24.59%) is no evidence of, and not contradicted by, the figure of another. The measures are few and named
alike in news, in both languages; a figure whose words name none is left to the other rules.
"""
from __future__ import annotations

import re

# measure -> its names, longest first where one holds another (营业收入 before 收入, 毛利率 before 毛利)
_MEASURES = {
    "revenue": r"营业收入|营业总收入|营收|收入|(?i:\brevenues?\b|\bnet sales\b|\bturnover\b)",
    "bottom line": r"归母净利润|净利润|净利|净亏损|亏损|利润|(?i:\bnet (?:income|profit|loss|earnings)\b|\bnet\s+\w+\s+loss\b"
                   r"|\bprofits?\b|\bearnings\b)",
    "gross margin": r"毛利率|(?i:\bgross (?:profit )?margin\b)",
    "gross profit": r"毛利(?!率)|(?i:\bgross profit\b(?! margin))",
    "operating profit": r"营业利润|经营利润|(?i:\boperating (?:profit|income|earnings)\b)",
    "cash flow": r"现金流|(?i:\bcash flows?\b)",
    "R&D": r"研发(?:费用|投入|开支|支出)|(?i:\bR&D\b|\bresearch and development\b)",
    "selling expenses": r"销售及营销费用|销售费用|营销费用|(?i:\b(?:selling|sales and marketing|marketing) (?:expenses?|spending|costs?)\b)",
    "administrative expenses": r"管理费用|行政开支|(?i:\b(?:general and )?administrative (?:expenses?|costs?)\b)",
}
_NAMES = re.compile("|".join(f"(?P<m{i}>{p})" for i, p in enumerate(_MEASURES.values())))
_KEYS = list(_MEASURES)


def measures_in(text: str) -> set[str]:
    """The measures `text` names."""
    return {_KEYS[int(m.lastgroup[1:])] for m in _NAMES.finditer(text)}


def last_measure(text: str) -> str:
    """The measure `text` names last ('' if none): the one a figure right after it is about."""
    found = list(_NAMES.finditer(text))
    return _KEYS[int(found[-1].lastgroup[1:])] if found else ""


def figure_measure(doc, found) -> str:
    """The measure a figure is about: the last one named before it in its sentence, else in the sentence before
    where that one runs on past a semicolon (2018-2021年，…收入分别为…；其中，…分别同比增长…24.59%); '' if none."""
    start, _ = doc.sentences[found.sentence]
    own = last_measure(doc.text[start:found.figure.start])
    if own or found.sentence == 0:
        return own
    a, b = doc.sentences[found.sentence - 1]
    return last_measure(doc.text[a:b]) if doc.text[a:b].rstrip().endswith(("；", ";")) else ""
