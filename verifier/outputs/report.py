"""Reports: one canonical JSON document; every other format is a projection of it.

Keeping a single source of truth (promptfoo's habit) means the table, the
pytest summary and CI annotations can never tell different stories.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict

from ..check.checking import Result
from .safe_text import escape_chars

VERDICT_ORDER = ("supported", "contradicted", "not_found", "stale", "error", "skipped")


def canonical(results: list[Result], claims_path: str, warnings=(), strict_qualifiers: bool = False,
              settings=None) -> dict:
    """The canonical JSON object: {claims_file, config, summary, claims: [...], warnings: [...]}; `warnings` are
    the run's VerifierErrors that stop nothing (a look-alike source id, a `lang:` the source's text contradicts).
    With `strict_qualifiers`, a claim that meets its expect but drops the source's hedge does not pass, and
    says so under `strict`. With `settings` (config.Config), `config` names the pyproject.toml whose
    [tool.verifier] the run read (null: the defaults)."""
    claims = []
    for r in results:
        strict = strict_qualifiers and r.passed and bool(hedge_notes(r))
        claims.append({
            "id": r.claim_id,
            "verdict": r.verdict,
            "expect": r.expect,
            "passed": r.passed and not strict,
            **({"strict": STRICT_HEDGE} if strict else {}),
            "claim": r.claim,
            "source": r.source,
            "figure": r.figures[0] if len(r.figures) == 1 else list(r.figures),
            "wanted": list(r.wanted),
            "found": [_evidence_json(e) for e in r.found],
            "reason": r.reason,
            "location": r.location,
            **({"error": r.error} if r.error else {}),
            **({"hints": list(r.hints)} if r.hints else {}),
        })
    counts = summary(results)
    failed = sum(not c["passed"] for c in claims)
    counts.update(passed=len(claims) - failed - counts["skipped"], failed=failed)
    from ..config import shown_path
    head = {"claims_file": claims_path, **({"config": shown_path(settings.source)} if settings is not None else {})}
    return {**head, "summary": counts, "claims": claims, "warnings": [warning_json(w) for w in warnings]}


STRICT_HEDGE = "the claim drops the source's hedge (strict_qualifiers)"


def warning_json(warning) -> dict:
    """{kind, location, problem, found, expected, hint} of a warning (a VerifierError)."""
    where = warning.location
    return {"kind": getattr(warning, "kind", "claims_file"),
            "location": str(where) if where else "",
            "problem": warning.problem.removeprefix("warning: "),
            "found": warning.found, "expected": warning.expected, "hint": warning.hint}


def warning_text(warning: dict) -> str:
    """A JSON warning as the report prints it: `warning: FILE:LINE:COL: problem`, then found/expected/hint."""
    head = f"{warning['location']}: {warning['problem']}" if warning["location"] else warning["problem"]
    lines = [f"warning: {head}"]
    lines += [f"  {label + ':':<9} {warning[key]}" for key, label in (("found", "found"), ("expected", "expected"),
                                                                      ("hint", "hint")) if warning.get(key)]
    return "\n".join(lines)


def _evidence_json(evidence) -> dict:
    data = asdict(evidence)
    return {key: data[key] for key in ("text", "figure", "value", "kind", "unit", "path", "line", "col",
                                        "relation", "note", "sentence", "claimed")}


def summary(results: list[Result]) -> dict:
    """Counts of the claims: total = passed + failed + skipped (a skipped claim is neither passed nor failed)."""
    counts = Counter(r.verdict for r in results)
    return {"total": len(results), "passed": sum(r.passed and r.verdict != "skipped" for r in results),
            "failed": sum(not r.passed for r in results),
            **{v: counts.get(v, 0) for v in VERDICT_ORDER}}


def summary_line(data: dict) -> str:
    s = data["summary"]
    parts = [f"{s['supported']} supported", f"{s['contradicted']} contradicted", f"{s['not_found']} not found"]
    if s.get("stale"):
        parts.append(f"{s['stale']} stale")
    if s.get("error"):
        parts.append(f"{s['error']} error")
    if s.get("skipped"):
        parts.append(f"{s['skipped']} skipped")
    every = "all checked claims" if s.get("skipped") else "all claims"
    status = f"{every} meet expect" if not s["failed"] else f"{s['failed']} of {s['total']} claims do NOT meet expect"
    strict = sum(1 for c in data.get("claims", ()) if c.get("strict"))
    if strict:
        status = (f"{s['failed']} of {s['total']} claims fail: {s['failed'] - strict} do NOT meet expect, "
                  f"{strict} drop the source's hedge (strict_qualifiers)")
    from ..audit.report import disagreements
    pairs = data.get("pairs") or ()
    failed = [p for p in pairs if not p["summary"]["passed"]]
    if failed:          # a run that fails on a pair says so, or its one line reads as a pass
        named = ", ".join(f"{pair_name(p)} ({disagreements(p['summary']['unexplained'], p['summary']['failing'])})"
                          for p in failed[:3])
        more = f" and {len(failed) - 3} more" if len(failed) > 3 else ""
        status += f"; {len(failed)} of {len(pairs)} pair(s) FAIL: {named}{more}"
    return f"verifier: {', '.join(parts)} — {status}"


def pair_name(pair: dict) -> str:
    """A pair as the claims file names it: `chinadaily-en~sina-zh` (its source ids), else its two paths."""
    return pair["id"].removeprefix("pair:") if pair.get("id") else f"{pair['en']}~{pair['zh']}"


def table_rows(data: dict, clip_width: int | None = None) -> list[list[str]]:
    """One row per claim; with clip_width, the found/why text is cut at a word boundary to that many columns."""
    from .terminal import clip
    rows = []
    for c in data["claims"]:
        found = c["found"][0] if c["found"] else None
        figure = c["figure"] if isinstance(c["figure"], str) else " / ".join(c["figure"])
        mark = "" if c["passed"] else " ✗"
        if c["passed"] and hedge_notes(c):
            mark = " ⚠"
        why = c["reason"] or _first_line(c.get("error", ""))
        shown = f"\"{found['text']}\" → {found['value']}" if found and found["value"] else \
                (f"\"{found['text']}\"" if found else why)
        extra = f" (+{len(c['found']) - 1})" if len(c["found"]) > 1 else ""
        where = f"{found['path']}:{found['line']}:{found['col']}" if found else _place(c.get("error", "")) or \
            (c["location"] if c["verdict"] == "skipped" else "")
        text = shown + extra
        rows.append([c["id"], c["verdict"] + mark, c["expect"], figure,
                     clip(text, clip_width) if clip_width else clip(text, 60) if not found else text, where])
    return rows


def _place(error: str) -> str:
    """'claims.yaml:9:13' from an error message that starts with its place, else ''."""
    match = _PLACE.match(error)
    return match.group(1) if match else ""


_PLACE = re.compile(r"(\S+?:\d+(?::\d+)?): ")


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


HEADERS = ["id", "verdict", "expected", "figure", "found", "location"]


def render(data: dict, fmt: str, terminal: tuple[int, bool] | None = None) -> str:
    """Text of the report in `fmt`: json, any tabulate format, or `auto`: with `terminal` = (width, colour)
    the fitted terminal table, else the plain table with excerpts clipped (stable in CI logs)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    footer = [escape_chars(line) for line in notices(data)] + [*config_lines(data), summary_line(data)]
    stacked = fmt == "auto" and terminal is not None and terminal[0] < STACK_BELOW
    clip = PLAIN_CLIP if fmt == "auto" else None
    clip = WHOLE if stacked else clip if terminal is None else None        # two lines per claim: reasons wrap
    rows = [[escape_chars(str(cell)) for cell in row] for row in table_rows(data, clip)]
    if fmt == "auto" and terminal is not None:       # cells escaped before widths, in either table
        from .terminal import render_rich, render_stacked
        verdicts = [(c["verdict"], c["passed"]) for c in data["claims"]]
        if stacked:
            return render_stacked(rows, verdicts, ["", *footer], width=terminal[0], colour=terminal[1])
        return render_rich(rows, HEADERS, verdicts, ["", *footer], width=terminal[0], colour=terminal[1])
    from tabulate import tabulate          # here: a JSON or SARIF report never needs it
    table = tabulate(rows, headers=HEADERS, tablefmt="simple" if fmt == "auto" else fmt, disable_numparse=True)
    if fmt == "html":
        return table
    return "\n".join([table, "", *footer])


PLAIN_CLIP = 48
WHOLE = 10_000           # a reason is never that long: kept whole
STACK_BELOW = 110        # terminal columns below which each claim is two lines instead of a table row


HEDGE_NOTE = "drops the source's qualifier"


def hedge_notes(result) -> list[str]:
    """'claims 50,000 where the source says 接近5万 (nearly)': a passing claim that drops a hedge."""
    out = []
    for e in _get(result, "found"):
        note = _get(e, "note") or ""
        if _get(e, "relation") == "match" and HEDGE_NOTE in note:
            qualifier = note.rsplit("(", 1)[-1].rstrip(")") if "(" in note else "a qualifier"
            out.append(f"the source says \"{_get(e, 'text')}\" ({qualifier}) at "
                       f"{_get(e, 'path')}:{_get(e, 'line')}:{_get(e, 'col')}; the claim drops the hedge")
    return out


def config_lines(data: dict) -> list[str]:
    """`verifier: config from pyproject.toml [tool.verifier]` (or the defaults), when the report says."""
    from ..config import origin_line
    return [escape_chars(origin_line(data["config"]))] if "config" in data else []


def skipped_lines(data: dict) -> list[str]:
    """`skipped: ID (claims.yaml:LINE): reason`, one per claim its `skip:` kept from being checked."""
    return [f"skipped: {c['id']} ({c['location']}): {c['reason']}" for c in data["claims"] if c["verdict"] == "skipped"]


def notices(data: dict) -> list[str]:
    """Warnings a reader must see even when every claim passes: about the claims file and its sources (a
    `lang:` the text contradicts), claims `skip:` kept from being checked, dropped hedges, claims that state
    nothing."""
    lines = [warning_text(w) for w in data.get("warnings", ())] + skipped_lines(data)
    for c in data["claims"]:
        for note in hedge_notes(c):
            lines.append(f"{'error' if c.get('strict') else 'warning'}: {c['id']} ({c['location']}): {note}")
        if not c["passed"]:
            lines += [f"hint: {c['id']}: {hint}" for hint in c.get("hints", ())]
    if len(lines) > MAX_NOTICES:       # one bad file once printed megabytes: the table holds every verdict
        lines[MAX_NOTICES:] = [f"… and {len(lines) - MAX_NOTICES:,} more warnings and hints not shown"]
    unstated = [c for c in data["claims"]       # stubs: a claim with no `claim:` key is a figure-only check
                if c.get("stub") and c.get("verdict") not in ("error", "skipped")]
    if unstated:                       # `suggest --write` stubs pass as they are: say so, or CI stays green unread
        first = unstated[0]
        lines.append(f"warning: {len(unstated)} claim(s) say nothing in `claim:` (first: {first['id']} at "
                     f"{first['location']}): their figure is checked, but no sentence says what it is about; "
                     "write the claim, as `suggest --write` stubs ask")
    return lines


def stub_failure_text(stubs: list[tuple[str, str]], fails: bool, show: int = 5) -> str:
    """For (id, location) of each stub (Claim.stub): why claims with an empty `claim:` fail the run (or would, under CI), which they are, how to finish them."""
    named = ", ".join(f"{claim_id} ({location})" for claim_id, location in stubs[:show])
    more = f" and {len(stubs) - show} more" if len(stubs) > show else ""
    return (f"{'error' if fails else 'warning'}: {len(stubs)} claim(s) are stubs, with nothing in `claim:`: "
            f"{named}{more}\n"
            "  why:  a stub's figure is checked, but no sentence says what it is about: a green run has not read it\n"
            "  fix:  write in each `claim:` the statement its figure supports (`suggest --write` left "
            "`claim: # TODO`), or delete the stub\n"
            + ("  this fails the run under CI (CI is set); [tool.verifier] stub_check = \"warn\" only warns" if fails
               else "  under CI (CI=true) this fails the run; [tool.verifier] stub_check = \"fail\" fails it here too"))


MAX_NOTICES = 50


def _get(obj, key):
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key)


def strict_failure_text(result: Result) -> str:
    """The failure of a claim that meets its expect but drops the source's hedge, under strict_qualifiers."""
    body = failure_text(result).split("\n", 1)[1:]
    return (f"claim {result.claim_id} ({result.location})  {result.verdict}, but it drops the source's hedge "
            f"(strict_qualifiers)\n" + "".join(body) + "\n  hedge:  " + "; ".join(hedge_notes(result)) +
            "\n  hint:   write the hedge in the claim's figure (\"nearly 50,000\"), or set strict_qualifiers = false")


def claim_failure_text(claim: dict) -> str:
    """failure_text of one canonical claim entry (CI formats, the HTML report)."""
    from .ci_formats import result_from_json
    result = result_from_json(claim)
    return strict_failure_text(result) if claim.get("strict") else failure_text(result)


def failure_text(result: Result) -> str:
    """The short, claim-shaped failure message used by pytest and CI annotations."""
    head = f"claim {result.claim_id} ({result.location})  expected {result.expect}, got {result.verdict}"
    if result.verdict == "error":      # what the file says, as written, then what is wrong with it
        lines = [head] + ([f"  claim:  {result.claim}"] if result.claim else [])
        if result.figures:
            lines.append("  figure: " + ", ".join(result.figures))
        return "\n".join([*lines, result.error])
    lines = [head]
    if result.claim:
        lines.append(f"  claim:  {result.claim}")
    if result.wanted:
        lines.append(f"  wanted: {', '.join(result.wanted)}")
    for evidence in result.found:
        shown = f"\"{evidence.text}\" → {evidence.value}" if evidence.value else f"\"{evidence.text}\""
        lines.append(f"  found:  {shown}   {evidence.where}")
    why = result.reason or _why_supported(result)
    if why:
        lines.append(f"  why:    {why}")
    for hint in result.hints:
        lines.append(f"  hint:   {hint}")
    return "\n".join(lines)


def _why_supported(result: Result) -> str:
    """For a claim found `supported` against its expect, what the source says that the claim's figure allows
    (the checker gives no reason for a match): 'source says 5,368, which the claim's >3,000 allows'."""
    if result.verdict != "supported" or not result.wanted:
        return ""
    said = [f"{e.value} ({e.figure.strip()})" if e.value and e.figure and e.value != e.figure.strip()
            else e.value or e.text for e in result.found if e.relation == "match"]
    if not said:
        return ""
    return f"source says {', '.join(said)}, which the claim's {', '.join(result.wanted)} allows"
