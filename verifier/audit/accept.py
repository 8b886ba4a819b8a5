"""Known differences listed under a pair's `accept:` in claims.yaml.

An entry names the English and/or Chinese figure as written ('10 GB', '8 GB')
and a reason. It explains a finding when each side it names is that finding's
figure: the same words (ignoring width, case and spaces) or, failing that, the
same value, never a part of a longer figure ('6.4 percent' does not explain
'16.4 percent', nor '5%' '19.5%'). A side left out matches only a missing figure, so
`{zh: 几千亿参数, reason: ...}` explains that figure's missing_in_en.
"""
from __future__ import annotations

from dataclasses import replace

from ..claimsfile.claims import Accepted
from ..document.memo import parse_figure
from ..numbers import FigureError
from ..document.text import fold
from .model import Conflict, Finding, Side


def _value_of(text: str) -> str | None:
    try:
        return parse_figure(text).value_text()
    except (FigureError, ValueError, ArithmeticError):
        return None


def side_matches(wanted: str, side: Side | None) -> bool:
    if not wanted:
        return side is None
    if side is None:
        return False
    if fold(wanted) == fold(side.text):
        return True
    value = _value_of(wanted)
    return value is not None and value == side.value


def explain(findings: list[Finding], conflicts: list[Conflict], accepted: tuple[Accepted, ...]):
    """(findings, conflicts, unused entries) with `accepted` set where an entry explains one."""
    used: set[int] = set()
    out_findings = []
    for f in findings:
        if f.is_disagreement:
            for n, entry in enumerate(accepted):
                if side_matches(entry.en, f.en) and side_matches(entry.zh, f.zh):
                    f = replace(f, accepted=entry.reason)
                    used.add(n)
                    break
        out_findings.append(f)
    out_conflicts = []
    for c in conflicts:
        for n, entry in enumerate(accepted):
            mine, other = (entry.en, entry.zh) if c.lang == "en" else (entry.zh, entry.en)
            if other or not mine:
                continue
            if side_matches(mine, c.first) or side_matches(mine, c.second):
                c = replace(c, accepted=entry.reason)
                used.add(n)
                break
        out_conflicts.append(c)
    unused = tuple(e for n, e in enumerate(accepted) if n not in used)
    return out_findings, out_conflicts, unused
