"""The audit's reports: one canonical JSON object; the table and the pytest text project it.

JSON shape, per pair:
    {en, zh, summary: {...counts, unexplained},
     agree: [...], mismatches: [...], missing_in_en: [...], missing_in_zh: [...],
     internal_conflicts: [...], unused_accepts: [...]}
Each item has `kind`, both sides ({text, value, kind, unit, location, context}),
`note`, `evidence`, `accepted` (the reason, or null) and `confidence` (high fails
the check; medium fails only with fail_on medium). The summary's `failing` counts
the unexplained items that fail, and `fail_on` says which setting was in force; `summary_side` names the
account the pair's `summary:` calls a summary (null: none), and `left_out` counts the figures missing from it,
which are no finding.
"""
from __future__ import annotations

import json

from .model import AGREEMENTS, CATEGORIES, MISMATCHES, AuditResult, Conflict, Finding, Side

HEADERS = ["category", "EN text", "EN value", "ZH text", "ZH value", "EN location", "ZH location"]


def _side(side: Side | None) -> dict | None:
    if side is None:
        return None
    return {"text": side.text, "value": side.value, "kind": side.kind, "unit": side.unit,
            "location": side.where, "context": side.context}


def _finding(f: Finding) -> dict:
    return {"kind": f.category, "en": _side(f.en), "zh": _side(f.zh), "note": f.note,
            "evidence": f.evidence, "accepted": f.accepted or None, "confidence": f.confidence}


def _conflict(c: Conflict) -> dict:
    return {"kind": "internal_conflict", "lang": c.lang, "first": _side(c.first), "second": _side(c.second),
            "subject": c.subject, "note": c.note, "accepted": c.accepted or None}


def canonical(result: AuditResult) -> dict:
    """The one JSON object every other rendering is made from."""
    counts = {c: result.count(c) for c in CATEGORIES}
    summary = {"figures_en": result.figures_en, "figures_zh": result.figures_zh,
               "aligned": sum(f.en is not None and f.zh is not None for f in result.findings),
               **counts, "accepted": sum(1 for x in (*result.findings, *result.conflicts)
                                         if getattr(x, "accepted", "")),
               "unexplained": len(result.unexplained), "failing": len(result.failing), "passed": result.passed,
               "fail_on": result.fail_on, "summary_side": result.summary or None, "left_out": result.left_out}
    return {
        "en": result.en_path,
        "zh": result.zh_path,
        "summary": summary,
        "agree": [_finding(f) for f in result.findings if f.category in AGREEMENTS],
        "mismatches": [_finding(f) for f in result.findings if f.category in MISMATCHES],
        "missing_in_en": [_finding(f) for f in result.findings if f.category == "missing_in_en"],
        "missing_in_zh": [_finding(f) for f in result.findings if f.category == "missing_in_zh"],
        "internal_conflicts": [_conflict(c) for c in result.conflicts],
        "unused_accepts": [{"en": a.en, "zh": a.zh, "reason": a.reason, "location": f"{a.loc.path}:{a.loc.line}"}
                           for a in result.unused_accepts],
    }


def _mark(item: dict) -> str:
    return item["kind"] + (" (accepted)" if item.get("accepted") else "")


def table_rows(data: dict, show_agree: bool = False) -> list[list[str]]:
    rows = []
    keys = (("agree",) if show_agree else ()) + ("mismatches", "missing_in_en", "missing_in_zh")
    for key in keys:
        for item in data[key]:
            en, zh = item["en"] or {}, item["zh"] or {}
            rows.append([_mark(item), en.get("text", ""), en.get("value", ""), zh.get("text", ""),
                         zh.get("value", ""), en.get("location", ""), zh.get("location", "")])
    for item in data["internal_conflicts"]:
        a, b = item["first"], item["second"]
        label = f"{_mark(item)} [{item['lang']}]"
        if item["lang"] == "en":
            rows.append([label, a["text"], a["value"], "", "", a["location"], ""])
            rows.append(["  ↳ vs", b["text"], b["value"], "", "", b["location"], ""])
        else:
            rows.append([label, "", "", a["text"], a["value"], "", a["location"]])
            rows.append(["  ↳ vs", "", "", b["text"], b["value"], "", b["location"]])
    return rows


def finding_lines(data: dict, show_agree: bool = False) -> list[str]:
    """The table's findings as lines, for a terminal too narrow for the table:
    `name_mismatch  EN ChatGLM-6B (chatglm/6b) sources/en.md:58:4  ~  ZH ChatGLM2-6B (…) sources/zh.md:66:4`."""
    out = []
    for category, en_text, en_value, zh_text, zh_value, en_at, zh_at in table_rows(data, show_agree):
        sides = []
        for lang, text, value, at in (("EN", en_text, en_value, en_at), ("ZH", zh_text, zh_value, zh_at)):
            shown = f"{text} ({value})" if value and value != text else text
            sides.append(f"{lang} {shown} {at}".rstrip() if text or at else f"{lang} —")
        out.append(f"{category.strip()}  " + "  ~  ".join(sides))
    return out


def summary_line(data: dict) -> str:
    s = data["summary"]
    parts = [f"{s[c]} {c}" for c in CATEGORIES if s[c] or c in ("agree",)]
    status = disagreements(s["unexplained"], s["failing"])
    accepted = f", {s['accepted']} accepted" if s["accepted"] else ""
    if s.get("summary_side"):        # the summary's omissions are no finding: counted, so never silent
        accepted += f", {s['left_out']} left out of the {s['summary_side'].upper()} summary"
    return (f"compare {data['en']} ~ {data['zh']}: {s['figures_en']} EN / {s['figures_zh']} ZH figures, "
            f"{s['aligned']} aligned; {', '.join(parts)}{accepted} — {status}")


def disagreements(unexplained: int, failing: int) -> str:
    """The one count of a pair every report gives (compare, check's summary line, pytest, HTML): its unexplained
    disagreements, those no `accept:` entry explains, whatever their confidence; and, when not all of them fail
    the pair (medium confidence under fail_on high), how many do."""
    if not unexplained:
        return "no unexplained disagreement"
    text = f"{unexplained} unexplained disagreement(s)"
    if failing == unexplained:
        return text
    return text + (f", {failing} failing" if failing else " of medium confidence, none failing")


def accept_text(en: str, zh: str) -> str:
    """An `accept:` entry as messages show it: `'10 GB' ~ '8 GB'`, or `— ~ '99.99'` for a side it leaves out."""
    return f"{repr(en) if en else '—'} ~ {repr(zh) if zh else '—'}"


def unused_warnings(data: dict) -> list[str]:
    """One warning per `accept:` entry of the pair that matched no finding: a typo, or a difference the texts
    no longer have; either way the entry explains nothing and should not sit there unnoticed."""
    return [f"warning: {a['location']}: accept entry {accept_text(a['en'], a['zh'])} matches no finding of pair "
            f"{data['en']} ~ {data['zh']}\n  hint: check its figures against `verifier compare` output, or delete it"
            for a in data.get("unused_accepts", ())]


def render(data: dict, fmt: str, show_agree: bool = False) -> str:
    """`data` (one pair, or {pairs: [...]}) as JSON or a tabulate table."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    from tabulate import tabulate          # here: a JSON report never needs it
    pairs = data["pairs"] if "pairs" in data else [data]
    blocks = []
    for pair in pairs:
        rows = table_rows(pair, show_agree)
        table = tabulate(rows, headers=HEADERS, tablefmt=fmt, disable_numparse=True) if rows else ""
        blocks.append("\n\n".join(x for x in (table, summary_line(pair)) if x))
    return "\n\n".join(blocks)


def failure_text(result: AuditResult, title: str) -> str:
    """Short, finding-shaped text for a failing pair item: one line per unexplained disagreement."""
    lines = [f"{title}: {disagreements(len(result.unexplained), len(result.failing))}"]
    for x in result.unexplained:
        if isinstance(x, Conflict):
            lines.append(f"  internal_conflict [{x.lang}] {x.first.text!r} ({x.first.where}) vs "
                         f"{x.second.text!r} ({x.second.where})" + (f"  subject: {x.subject}" if x.subject else ""))
            continue
        en = f"EN {x.en.text!r} {x.en.where}" if x.en else "EN —"
        zh = f"ZH {x.zh.text!r} {x.zh.where}" if x.zh else "ZH —"
        note = f"  ({x.note})" if x.note else ""
        medium = " [medium]" if x.confidence == "medium" else ""
        lines.append(f"  {x.category}{medium}: {en}  ~  {zh}{note}")
    lines.append("  hint: fix the text, or list the difference under this pair's `accept:` with a reason")
    return "\n".join(lines)
