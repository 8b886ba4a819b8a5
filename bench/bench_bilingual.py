"""Benchmark the bilingual audit on real English/Chinese document pairs.

Pairs: the ten README pairs of ../shared/external_suites/bilingual (Chinese
open-source model projects, each folder holding en.md and zh.md; see its
README.md) and the seed news pair seeds/000 (English) + seeds/001 (Chinese).
The README pairs are read from the shared folder at run time, never copied
into the project.

Prints, per pair: figures in EN and ZH, aligned pairs, agreements and the
disagreements by category; then the score against the hand labels in
bench/bilingual_labels.yaml: recall of high- and medium-confidence
disagreements, and the false-flag rate (reported disagreements no label
explains, over the agreeing figures plus those). `--details` also lists every
unexplained disagreement with both locations, `--misses` the labels not found
and the flags no label explains, which is what a reviewer checks by hand.

    python bench/bench_bilingual.py [--details] [PAIR ...]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tabulate import tabulate

REPO = Path(__file__).resolve().parents[1]
SUITE = REPO.parent / "shared" / "external_suites" / "bilingual"
SEED_EN, SEED_ZH = REPO / "seeds" / "000_9bfada59106e9d6b.txt", REPO / "seeds" / "001_187f639e31b962a3.txt"
COLUMNS = ("value_mismatch", "unit_mismatch", "qualifier_mismatch", "version_mismatch", "name_mismatch",
           "scope_mismatch", "missing_in_en", "missing_in_zh", "internal_conflict")
SHORT = {"value_mismatch": "value", "unit_mismatch": "unit", "qualifier_mismatch": "qualifier",
         "version_mismatch": "version", "name_mismatch": "name", "scope_mismatch": "scope",
         "missing_in_en": "miss_en", "missing_in_zh": "miss_zh", "internal_conflict": "internal"}


def pairs(names: list[str]) -> list[tuple[str, Path, Path]]:
    out = []
    if SUITE.is_dir():
        for folder in sorted(p for p in SUITE.iterdir() if (p / "en.md").is_file() and (p / "zh.md").is_file()):
            out.append((folder.name, folder / "en.md", folder / "zh.md"))
    else:
        print(f"note: {SUITE} is absent; skipping the README pairs (only the seed pair runs)", file=sys.stderr)
    out.append(("seeds-000~001", SEED_EN, SEED_ZH))
    return [p for p in out if not names or p[0] in names]


def seed_settings():
    """Glossary and `accept:` of the seed pair, from the bundled claims.yaml."""
    from verifier.claimsfile.claims import load_claims
    from verifier.document.glossary import Glossary

    claims = load_claims(REPO / "claims.yaml")
    accepted = next((p.accepted for p in claims.pairs if (p.en, p.zh) == ("tmtpost-en", "tmtpost-zh")), ())
    return Glossary(claims.glossary), accepted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these pairs (folder names, or seeds-000~001)")
    parser.add_argument("--details", action="store_true", help="list every disagreement with its locations")
    parser.add_argument("--misses", action="store_true", help="list labels not found and flags no label explains")
    args = parser.parse_args(argv)

    from verifier.audit import audit_pair
    from verifier.audit.report import failure_text
    from verifier.document.glossary import DEFAULT
    from verifier.document.sources import read_source

    labels = load_labels()
    rows, details, scores = [], [], []
    total = dict.fromkeys(("en", "zh", "aligned", "agree", *COLUMNS), 0)
    for name, en_path, zh_path in pairs(args.names):
        glossary, accepted = seed_settings() if name.startswith("seeds") else (DEFAULT, ())
        started = time.perf_counter()
        en = read_source(en_path, str(en_path.relative_to(en_path.parents[1])), "en")
        zh = read_source(zh_path, str(zh_path.relative_to(zh_path.parents[1])), "zh")
        result = audit_pair(en, zh, glossary, accepted)
        seconds = time.perf_counter() - started
        aligned = sum(f.en is not None and f.zh is not None for f in result.findings)
        agree = result.count("agree") + result.count("agree_approx")
        counts = {c: result.count(c) for c in COLUMNS}
        rows.append([name, result.figures_en, result.figures_zh, aligned,
                     f"{agree} ({result.count('agree_approx')}~)", *counts.values(), f"{seconds:.1f}s"])
        for key, value in (("en", result.figures_en), ("zh", result.figures_zh), ("aligned", aligned),
                           ("agree", agree), *counts.items()):
            total[key] += value
        scores.append((name, score(result, labels.get(name, []))))
        if args.details and result.unexplained:
            details.append(failure_text(result, name))
    rows.append(["total", *total.values(), ""])
    headers = ["pair", "EN figs", "ZH figs", "aligned", "agree (~approx)", *(SHORT[c] for c in COLUMNS), "time"]
    print(tabulate(rows, headers=headers, disable_numparse=True))
    for block in details:
        print()
        print(block)
    print()
    print(score_table(scores))
    if args.misses:
        for name, sc in scores:
            for label in sc["missed"]:
                print(f"MISSED  {name} [{label['conf']}] en:{label.get('en', '-')} zh:{label.get('zh', '-')}  "
                      f"{label['what']}")
            for f in sc["false"]:
                print(f"FALSE   {name} {f.category}: {where(f.en)} ~ {where(f.zh)}  {f.note}")
    return 0


LABELS = Path(__file__).with_name("bilingual_labels.yaml")


def load_labels() -> dict[str, list[dict]]:
    import yaml

    return yaml.safe_load(LABELS.read_text(encoding="utf-8")) or {}


def where(side) -> str:
    return f"{side.text!r}@{side.line}" if side is not None else "—"


def _lines(label: dict, lang: str) -> set[int]:
    value = label.get(lang)
    if value is None:
        return set()
    return set(value) if isinstance(value, list) else {value}


def hits(finding, label: dict) -> bool:
    """A finding points a reader at a labelled disagreement: one side on a labelled line (and its text)."""
    for lang in ("en", "zh"):
        side = getattr(finding, lang)
        if side is not None and side.line in _lines(label, lang):
            text = label.get("text")
            if not text or any(s is not None and str(text) in s.text for s in (finding.en, finding.zh)):
                return True
    return False


def score(result, labels: list[dict]) -> dict:
    """Labels found (accepted ones too: `accept:` explains a disagreement, it does not hide it) and false flags."""
    flagged = [f for f in result.findings if f.is_disagreement]
    found = [label for label in labels if any(hits(f, label) for f in flagged)]
    false = [f for f in flagged if not any(hits(f, label) for label in labels)]
    agree = sum(not f.is_disagreement for f in result.findings)
    return {"high": sum(l["conf"] == "high" for l in labels), "medium": sum(l["conf"] == "medium" for l in labels),
            "high_found": sum(l["conf"] == "high" for l in found),
            "medium_found": sum(l["conf"] == "medium" for l in found),
            "missed": [l for l in labels if l not in found], "false": false, "agree": agree}


def score_table(scores) -> str:
    rows = []
    total = dict.fromkeys(("high", "high_found", "medium", "medium_found", "false", "agree"), 0)
    for name, sc in scores:
        rows.append([name, f"{sc['high_found']}/{sc['high']}", f"{sc['medium_found']}/{sc['medium']}",
                     len(sc["false"]), sc["agree"]])
        for key in total:
            total[key] += len(sc[key]) if key == "false" else sc[key]
    pct = lambda a, b: f"{100 * a / b:.0f}%" if b else "-"
    rows.append(["total", f"{total['high_found']}/{total['high']} ({pct(total['high_found'], total['high'])})",
                 f"{total['medium_found']}/{total['medium']} ({pct(total['medium_found'], total['medium'])})",
                 f"{total['false']} ({100 * total['false'] / max(total['agree'] + total['false'], 1):.1f}%)",
                 total["agree"]])
    return tabulate(rows, headers=["pair", "high found", "medium found", "false flags", "agreeing"],
                    disable_numparse=True)


if __name__ == "__main__":
    sys.exit(main())
