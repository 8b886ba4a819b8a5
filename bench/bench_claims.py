"""How often the checker is right on claims written by people who never saw its code.

Each set is a folder under bench/claims/ holding a claims.yaml whose every claim has an `expect` that its
writer decided by reading the text, before any run (bench/claims/README.md says who wrote each set, on
which texts, and its first-run score). Sources may live in ../shared (read at run time, never copied);
a set whose sources are absent is skipped with the reason.

Headline: raw accuracy (verdict == expect, errors count as wrong) and the share of all claims the checker
wrongly calls `supported`: the failure that lets a wrong figure through CI.

    python bench/bench_claims.py [--misses] [SET ...]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from tabulate import tabulate

REPO = Path(__file__).resolve().parents[1]
SETS = REPO / "bench" / "claims"
VERDICTS = ("supported", "contradicted", "not_found")


def sets(names: list[str]) -> list[tuple[str, Path]]:
    """(name, claims file): the bundled seed claims (a development set) and every held-out set."""
    found = [("seeds (dev)", REPO / "claims.yaml")]
    if SETS.is_dir():
        found += [(p.name, p / "claims.yaml") for p in sorted(SETS.iterdir()) if (p / "claims.yaml").is_file()]
    return [(name, path) for name, path in found if not names or name in names]


def run_set(path: Path):
    """(results, reason skipped or '')."""
    from verifier.claimsfile.claims import load_claims
    from verifier.check.run import check_all

    claims_file = load_claims(path, allow_outside=True)
    missing = sorted({str(s.path) for s in claims_file.sources.values() if not s.path.is_file()})
    if missing:
        return None, f"sources absent ({len(missing)}, e.g. {missing[0]}): ../shared is not beside the repository"
    return check_all(claims_file, allow_outside=True), ""


def score(results) -> dict:
    total = len(results)
    right = sum(r.verdict == r.expect for r in results)
    wrong_supported = sum(r.verdict == "supported" and r.expect != "supported" for r in results)
    return {"claims": total, "right": right, "accuracy": right / total if total else 0.0,
            "wrong_supported": wrong_supported, "wrong_supported_share": wrong_supported / total if total else 0.0,
            "confusion": Counter((r.expect, r.verdict) for r in results)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these sets (folder names under bench/claims)")
    parser.add_argument("--misses", action="store_true", help="list every claim whose verdict is not its expect")
    args = parser.parse_args(argv)
    rows, misses, everything = [], [], []
    for name, path in sets(args.names):
        results, skipped = run_set(path)
        if results is None:
            print(f"skip {name}: {skipped}", file=sys.stderr)
            continue
        s = score(results)
        rows.append(_row(name, s))
        if name != "seeds (dev)":
            everything += results
        misses += [(name, r) for r in results if r.verdict != r.expect]
    if not rows:
        print("no claim set could run", file=sys.stderr)
        return 1
    if len(rows) > 1:
        rows.append(_row("all sets named", score(everything)))
    print(tabulate(rows, headers=["set", "claims", "right", "accuracy", "wrongly supported", "share",
                                  *[f"{e[:4]}→{v[:4]}" for e in VERDICTS for v in VERDICTS if e != v]]))
    if args.misses:
        for name, r in misses:
            shown = r.found[0] if r.found else None
            where = f"{shown.where} {shown.text!r} → {shown.value}" if shown else ""
            print(f"\n[{name}] {r.claim_id}: expected {r.expect}, got {r.verdict}\n  claim:  {r.claim}\n"
                  f"  wanted: {', '.join(r.wanted) or '-'}\n  found:  {where}\n  why:    {r.reason or r.error}")
    return 0


def _row(name: str, s: dict) -> list:
    confusion = s["confusion"]
    return [name, s["claims"], s["right"], f"{s['accuracy']:.1%}", s["wrong_supported"],
            f"{s['wrong_supported_share']:.1%}",
            *[confusion.get((e, v), 0) for e in VERDICTS for v in VERDICTS if e != v]]


if __name__ == "__main__":
    sys.exit(main())
