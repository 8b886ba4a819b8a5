"""Reports: one canonical JSON document; every other format is a projection of it.

Keeping a single source of truth (promptfoo's habit) means the table, the
pytest summary and CI annotations can never tell different stories.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

from tabulate import tabulate

from ..check.checking import Result
from .safe_text import escape_chars

VERDICT_ORDER = ("supported", "contradicted", "not_found", "stale", "error")


def canonical(results: list[Result], claims_path: str) -> dict:
    """The canonical JSON object: {claims_file, summary, claims: [...]}."""
    claims = []
    for r in results:
        claims.append({
            "id": r.claim_id,
            "verdict": r.verdict,
            "expect": r.expect,
            "passed": r.passed,
            "claim": r.claim,
            "source": r.source,
            "figure": r.figures[0] if len(r.figures) == 1 else list(r.figures),
            "wanted": list(r.wanted),
            "found": [_evidence_json(e) for e in r.found],
            "reason": r.reason,
            "location": r.location,
            **({"error": r.error} if r.error else {}),
        })
    return {"claims_file": claims_path, "summary": summary(results), "claims": claims}


def _evidence_json(evidence) -> dict:
    data = asdict(evidence)
    return {key: data[key] for key in ("text", "figure", "value", "kind", "unit", "path", "line", "col",
                                        "relation", "note", "sentence")}


def summary(results: list[Result]) -> dict:
    counts = Counter(r.verdict for r in results)
    return {"total": len(results), "passed": sum(r.passed for r in results),
            "failed": sum(not r.passed for r in results),
            **{v: counts.get(v, 0) for v in VERDICT_ORDER}}


def summary_line(data: dict) -> str:
    s = data["summary"]
    parts = [f"{s['supported']} supported", f"{s['contradicted']} contradicted", f"{s['not_found']} not found"]
    if s.get("stale"):
        parts.append(f"{s['stale']} stale")
    if s.get("error"):
        parts.append(f"{s['error']} error")
    status = "all claims meet expect" if not s["failed"] else f"{s['failed']} of {s['total']} claims do NOT meet expect"
    return f"verifier: {', '.join(parts)} — {status}"


def table_rows(data: dict) -> list[list[str]]:
    rows = []
    for c in data["claims"]:
        found = c["found"][0] if c["found"] else None
        figure = c["figure"] if isinstance(c["figure"], str) else " / ".join(c["figure"])
        mark = "" if c["passed"] else " ✗"
        shown = f"\"{found['text']}\" → {found['value']}" if found and found["value"] else \
                (f"\"{found['text']}\"" if found else c["reason"] or c.get("error", "")[:60])
        extra = f" (+{len(c['found']) - 1})" if len(c["found"]) > 1 else ""
        where = f"{found['path']}:{found['line']}:{found['col']}" if found else ""
        rows.append([c["id"], c["verdict"] + mark, c["expect"], figure, shown + extra, where])
    return rows


HEADERS = ["id", "verdict", "expected", "figure", "found", "location"]


def render(data: dict, fmt: str) -> str:
    """Text of the report in `fmt`: json or any tabulate format."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    rows = [[escape_chars(str(cell)) for cell in row] for row in table_rows(data)]     # escaped before widths
    table = tabulate(rows, headers=HEADERS, tablefmt=fmt, disable_numparse=True)
    if fmt == "html":
        return table
    return f"{table}\n\n{summary_line(data)}"


def failure_text(result: Result) -> str:
    """The short, claim-shaped failure message used by pytest and CI annotations."""
    head = f"claim {result.claim_id} ({result.location})  expected {result.expect}, got {result.verdict}"
    if result.verdict == "error":
        return f"{head}\n{result.error}"
    lines = [head]
    if result.claim:
        lines.append(f"  claim:  {result.claim}")
    if result.wanted:
        lines.append(f"  wanted: {', '.join(result.wanted)}")
    for evidence in result.found:
        shown = f"\"{evidence.text}\" → {evidence.value}" if evidence.value else f"\"{evidence.text}\""
        lines.append(f"  found:  {shown}   {evidence.where}")
    if result.reason:
        lines.append(f"  why:    {result.reason}")
    return "\n".join(lines)
