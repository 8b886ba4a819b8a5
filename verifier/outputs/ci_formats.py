"""CI projections of the canonical report: SARIF 2.1.0 and GitHub Actions annotations.

Both point at the claim's line in claims.yaml, because that is the line a
reviewer edits; the source evidence rides along (SARIF relatedLocations, and
the failure text). The message is report.failure_text, the same words pytest
prints, so every CI surface tells one story.
"""
from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path, PurePath
from urllib.parse import quote

from ..check.checking import Evidence, Result
from ..audit.model import CONFIDENCES
from .report import claim_failure_text, pair_name, warning_text
from .safe_text import escape_chars

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "supported": "The source supports the claim (a failure when the claim was expected to be false).",
    "contradicted": "The source states a different figure than the claim.",
    "not_found": "Nothing in the source supports or contradicts the claim.",
    "stale": "The source changed since the claim was checked.",
    "error": "The claim or its source is broken.",
}
SKIPPED_RULE = {"skipped": "The claim's `skip:` kept it from being checked (its reason is the message)."}
PAIR_RULES = {
    "value_mismatch": "The English and Chinese texts give the same figure different values.",
    "unit_mismatch": "The English and Chinese texts give the same figure in different units.",
    "qualifier_mismatch": "One text hedges a figure (about, more than) the other states as exact, or otherwise.",
    "version_mismatch": "The two texts name different versions.",
    "name_mismatch": "The two texts name different models or products.",
    "scope_mismatch": "The two texts give a figure for different scopes.",
    "missing_in_en": "The Chinese text gives a figure the English text leaves out.",
    "missing_in_zh": "The English text gives a figure the Chinese text leaves out.",
    "internal_conflict": "One text gives the same subject two figures that cannot both be true.",
}
WARNING_RULES = {
    "lang": "A source's `lang:` says one language, the letters of its text another.",
    "claims_file": "Something in the claims file is allowed but probably not meant (a look-alike source id).",
}


def result_from_json(claim: dict) -> Result:
    """The Result behind one canonical claim entry, so failure_text can render it."""
    figure = claim.get("figure") or ()
    return Result(claim_id=claim["id"], verdict=claim["verdict"], expect=claim["expect"],
                  claim=claim.get("claim", ""), figures=(figure,) if isinstance(figure, str) else tuple(figure),
                  wanted=tuple(claim.get("wanted", ())), found=tuple(_evidence(e) for e in claim.get("found", ())),
                  reason=claim.get("reason", ""), source=claim.get("source", ""),
                  location=claim.get("location", ""), error=claim.get("error", ""),
                  hints=tuple(claim.get("hints", ())))


def _evidence(data: dict) -> Evidence:
    names = {f.name for f in fields(Evidence)}
    return Evidence(**{key: value for key, value in data.items() if key in names})


def failing(data: dict) -> list[dict]:
    return [c for c in data["claims"] if not c["passed"]]


def skipped(data: dict) -> list[dict]:
    return [c for c in data["claims"] if c["verdict"] == "skipped"]


def split_location(location: str) -> tuple[str, int]:
    """'claims.yaml:24' -> ('claims.yaml', 24); a location without a line gives line 1."""
    path, _, line = location.rpartition(":")
    if path and line.isdigit():
        return path, int(line)
    return location, 1


def split_place(location: str) -> tuple[str, int, int]:
    """'claims.yaml:5:42' -> ('claims.yaml', 5, 42); 'claims.yaml:5' -> (…, 5, 0); no line gives line 1."""
    parts = location.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return parts[0], int(parts[1]), int(parts[2])
    path, line = split_location(location)
    return path, line, 0


def repository_root(start: Path | None = None) -> Path:
    """The git top level above `start` (a folder holding .git), else `start` (the working directory).

    Found by walking up, not by running git: no subprocess, and it works in a checkout without git installed."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def repo_path(path: str | PurePath, base: Path | None = None) -> str:
    """`path` relative to the repository root (git top level, else the working directory), forward slashes."""
    base = (base or repository_root()).resolve()
    full = Path(path)
    full = (full if full.is_absolute() else Path.cwd() / full).resolve()     # a relative path is the cwd's
    try:
        return full.relative_to(base).as_posix()
    except ValueError:
        return full.as_posix()


def sarif(data: dict, base: Path | None = None) -> dict:
    """A SARIF 2.1.0 log: one result per claim that does not meet its `expect`, one per failing finding of a
    bilingual pair (at its figure in the source; the other figure and the pair's line in claims.yaml related),
    one of level `warning` per warning of the run, and one of level `note` per skipped claim."""
    claims_dir = PurePath(data["claims_file"]).parent
    rules = list(RULES)
    results = []
    for claim in failing(data):
        path, line = split_location(claim["location"])
        result = {
            "ruleId": claim["verdict"],
            "ruleIndex": rules.index(claim["verdict"]) if claim["verdict"] in rules else -1,
            "level": "error",
            "message": {"text": claim_failure_text(claim)},
            "locations": [_location(repo_path(path, base), line)],
            "partialFingerprints": {"claimId/v1": claim["id"]},
        }
        related = [_location(repo_path(claims_dir / e["path"], base), e["line"], e["col"], i, e["text"])
                   for i, e in enumerate(claim.get("found", ()))]
        if related:
            result["relatedLocations"] = related
        if result["ruleIndex"] < 0:
            del result["ruleIndex"]
        results.append(result)
    rules += list(PAIR_RULES)
    for pair, item, places in failing_pair_items(data):
        (path, line, col), *others = [split_place(where) for where in places]
        result = {"ruleId": item["kind"], "ruleIndex": rules.index(item["kind"]), "level": "error",
                  "message": {"text": pair_item_text(pair, item)},
                  "locations": [_location(repo_path(claims_dir / path, base), line, col)],
                  "partialFingerprints": {"pairFinding/v1": _pair_fingerprint(pair, item)}}
        related = [_location(repo_path(claims_dir / p, base), ln, c, i, "the other figure")
                   for i, (p, ln, c) in enumerate(others)]
        if pair.get("location"):
            where, at = split_location(pair["location"])
            related.append(_location(repo_path(where, base), at, 0, len(related), f"pair {pair_name(pair)}"))
        if related:
            result["relatedLocations"] = related
        results.append(result)
    rules += list(WARNING_RULES)
    for warning in data.get("warnings", ()):
        path, line, col = split_place(warning["location"])
        results.append({"ruleId": warning["kind"],
                        **({"ruleIndex": rules.index(warning["kind"])} if warning["kind"] in rules else {}),
                        "level": "warning",
                        "message": {"text": warning_text(warning)},
                        "locations": [_location(repo_path(path, base), line, col)]})
    rules += list(SKIPPED_RULE)
    for claim in skipped(data):          # listed, never silently dropped
        path, line = split_location(claim["location"])
        results.append({"ruleId": "skipped", "ruleIndex": rules.index("skipped"), "level": "note",
                        "message": {"text": f"claim {claim['id']} ({claim['location']}) skipped: {claim['reason']}"},
                        "locations": [_location(repo_path(path, base), line)],
                        "partialFingerprints": {"claimId/v1": claim["id"]}})
    driver = {"name": "verifier", "version": _version(),
              "rules": [{"id": rule, "shortDescription": {"text": text},
                         "defaultConfiguration": {"level": "error"}} for rule, text in RULES.items()] +
                       [{"id": rule, "shortDescription": {"text": text},
                         "defaultConfiguration": {"level": "error"}} for rule, text in PAIR_RULES.items()] +
                       [{"id": rule, "shortDescription": {"text": text},
                         "defaultConfiguration": {"level": "warning"}} for rule, text in WARNING_RULES.items()] +
                       [{"id": rule, "shortDescription": {"text": text},
                         "defaultConfiguration": {"level": "note"}} for rule, text in SKIPPED_RULE.items()]}
    run = {"tool": {"driver": driver}, "results": results}
    if "config" in data:                  # the pyproject.toml whose [tool.verifier] the run read (null: defaults)
        run["properties"] = {"config": data["config"]}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def failing_pair_items(data: dict) -> list[tuple[dict, dict, list[str]]]:
    """(pair, item, its places: `path:line:col` of each figure, first the one to annotate) for every unexplained
    disagreement of a failing pair that is sure enough to fail it (confidence at or above the pair's fail_on).
    Places are relative to the claims file's folder, as the sources are written."""
    out = []
    for pair in data.get("pairs") or ():
        if pair["summary"]["passed"]:
            continue
        floor = CONFIDENCES.index(pair["summary"].get("fail_on") or "high")
        for key in ("mismatches", "missing_in_en", "missing_in_zh", "internal_conflicts"):
            for item in pair.get(key, ()):
                if item.get("accepted") or CONFIDENCES.index(item.get("confidence") or "high") < floor:
                    continue
                sides = (item["first"], item["second"]) if key == "internal_conflicts" else (item["en"], item["zh"])
                places = [side["location"] for side in sides if side]
                if places:
                    out.append((pair, item, places))
    return out


def pair_item_text(pair: dict, item: dict) -> str:
    """`pair chinadaily-en~sina-zh (claims.yaml:9): missing_in_en: ZH '5.2%' sources/sina.md:19:102 ~ EN —`,
    with the note and the way to settle it."""
    if item["kind"] == "internal_conflict":
        a, b = item["first"], item["second"]
        body = (f"internal_conflict [{item['lang']}]: {a['text']!r} {a['location']} vs {b['text']!r} {b['location']}"
                + (f"  subject: {item['subject']}" if item.get("subject") else ""))
    else:
        sides = [f"{lang} {side['text']!r} {side['location']}" if side else f"{lang} —"
                 for lang, side in (("EN", item["en"]), ("ZH", item["zh"]))]
        body = f"{item['kind']}: " + "  ~  ".join(sides)
    where = f" ({pair['location']})" if pair.get("location") else ""
    note = f"\n  note: {item['note']}" if item.get("note") else ""
    return (f"pair {pair_name(pair)}{where}: {body}{note}\n"
            "  hint: fix the text, or list the difference under this pair's `accept:` with a reason")


def _pair_fingerprint(pair: dict, item: dict) -> str:
    sides = (item["first"], item["second"]) if item["kind"] == "internal_conflict" else (item["en"], item["zh"])
    return "|".join([pair.get("id") or pair_name(pair), item["kind"], *((s or {}).get("text", "") for s in sides)])


def _location(path: str, line: int, col: int = 0, index: int | None = None, text: str = "") -> dict:
    region = {"startLine": max(int(line), 1)}
    if col:
        region["startColumn"] = int(col)
    uri = Path(path).as_uri() if PurePath(path).is_absolute() else quote(path)    # outside the repository
    out = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
    if index is not None:
        out["id"] = index
        out["message"] = {"text": text}
    return out


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("verifier")
    except Exception:  # not installed as a distribution (e.g. run from a checkout)
        return "0"


def in_github_actions(env=None) -> bool:
    """GitHub sets GITHUB_ACTIONS=true on every runner."""
    value = (os.environ if env is None else env).get("GITHUB_ACTIONS", "")
    return value.strip().lower() not in ("", "0", "false", "no")


def escape_data(text: str) -> str:
    """Escape a workflow-command message, as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property (file, title): also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(data: dict, base: Path | None = None) -> list[str]:
    """One `::error file=…,line=…,title=…::message` line per claim that does not meet its `expect` and per
    failing finding of a bilingual pair (at the figure's line and column in its source), one `::warning` per
    warning of the run (a `lang:` its source's text contradicts), and one `::notice` per skipped claim."""
    lines = []
    for claim in failing(data):
        path, line = split_location(claim["location"])
        title = escape_chars(f"claim {claim['id']}: " + ("drops the source's hedge (strict_qualifiers)"
                                                          if claim.get("strict") else
                                                          f"expected {claim['expect']}, got {claim['verdict']}"))
        props = f"file={escape_property(repo_path(path, base))},line={line},title={escape_property(title)}"
        lines.append(f"::error {props}::{escape_data(escape_chars(claim_failure_text(claim)))}")
    claims_dir = PurePath(data.get("claims_file") or ".").parent
    for pair, item, places in failing_pair_items(data):
        path, line, col = split_place(places[0])
        title = escape_chars(f"pair {pair_name(pair)}: {item['kind']}")
        props = (f"file={escape_property(repo_path(claims_dir / path, base))},line={line}" + (f",col={col}" if col else "")
                 + f",title={escape_property(title)}")
        lines.append(f"::error {props}::{escape_data(escape_chars(pair_item_text(pair, item)))}")
    for warning in data.get("warnings", ()):
        path, line, col = split_place(warning["location"])
        title = escape_chars(f"verifier: {warning['problem']}")
        props = f"file={escape_property(repo_path(path, base))},line={line}" + (f",col={col}" if col else "") + \
            f",title={escape_property(title)}"
        lines.append(f"::warning {props}::{escape_data(escape_chars(warning_text(warning)))}")
    for claim in skipped(data):
        path, line = split_location(claim["location"])
        title = escape_chars(f"claim {claim['id']} skipped")
        props = f"file={escape_property(repo_path(path, base))},line={line},title={escape_property(title)}"
        lines.append(f"::notice {props}::{escape_data(escape_chars(claim['reason']))}")
    return lines
