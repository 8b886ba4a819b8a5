"""Every figure the engine reads, written deterministically: the proof that a refactor kept every reading.

    python bench/dump_readings.py > /tmp/readings-after.txt
    python bench/dump_readings.py --diff /tmp/readings-before.txt /tmp/readings-after.txt

Texts (read with the running-text scanner; weak figures, which find_figures drops, are marked 'weak'):
seeds/, every file under ../shared/external_suites/bilingual and .../texts, every file under bench/heldout/.
Strings (read with parse_figure, as a claim's figure is): every input of bench/eval_numbers.py's suites
(sentence suites are texts), and every `figure:` / `figures:` of claims.yaml and bench/claims/*/claims.yaml.
One line per reading, tab-separated, prefixed by its source, so that a plain diff names what changed.
A source that is absent is skipped (its absence is written, so two dumps still line up).
"""
from __future__ import annotations

import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
for _p in (ROOT, ROOT / "bench"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from verifier.numbers import FigureError, parse_figure  # noqa: E402
from verifier.numbers.scanner import scan  # noqa: E402


def _fields(fig) -> str:
    """Every field of a Figure, in order (dataclass fields), tab-separated."""
    values = [getattr(fig, name) for name in fig.__dataclass_fields__]
    return "\t".join("" if v is None else repr(v) if isinstance(v, str) else str(v) for v in values)


def _text_files() -> list[tuple[str, Path]]:
    roots = [ROOT / "seeds", SHARED / "external_suites/bilingual", SHARED / "external_suites/texts", ROOT / "bench/heldout"]
    out = []
    for root in roots:
        if not root.is_dir():
            out.append((f"absent:{root.name}", root))
            continue
        out += [(str(p.relative_to(root.parent)), p) for p in sorted(root.rglob("*")) if p.is_file()]
    return out


def _claim_strings() -> list[tuple[str, str]]:
    import yaml

    out = []
    for path in [ROOT / "claims.yaml", *sorted((ROOT / "bench/claims").glob("*/claims.yaml"))]:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for k, claim in enumerate(data.get("claims") or []):
            if not isinstance(claim, dict):
                continue
            strings = claim.get("figures") or []
            strings = [claim["figure"]] if "figure" in claim else strings
            for j, s in enumerate(strings):
                out.append((f"{path.relative_to(ROOT)}#{claim.get('id', k)}.{j}", str(s)))
    return out


def _suite_cases():
    import eval_numbers as ev

    if not ev.SUITES_DIR.is_dir():
        return []
    return [(f"{name}/{c.id}", c.text, c.sentence) for name, cases in ev.build_suites(ev.SUITES_DIR).items()
            for c in cases]


def dump_text(source: str, text: str) -> list[str]:
    return [f"{source}\t{'weak' if weak else 'fig'}\t{_fields(fig)}" for fig, weak in scan(text, lenient=False)]


def dump_string(source: str, s: str) -> list[str]:
    try:
        return [f"{source}\tclaim\t{_fields(parse_figure(s))}"]
    except FigureError as e:
        return [f"{source}\terror\t{str(e).replace(chr(10), ' ')}"]


def dump() -> list[str]:
    lines = []
    for source, path in _text_files():
        lines += dump_text(source, path.read_text(encoding="utf-8", errors="replace")) if path.exists() else [source]
    for source, text, sentence in _suite_cases():
        lines += dump_text(source, text) if sentence else dump_string(source, text)
    for source, s in _claim_strings():
        lines += dump_string(source, s)
    return lines


def _kind(line: str) -> str:
    """A reading's class for the summary: how it was read, its kind and unit ('fig quantity bit', 'error')."""
    parts = line.split("\t")
    return parts[1] if len(parts) < 7 else f"{parts[1]} {parts[5].strip(chr(39))} {parts[6].strip(chr(39))}".rstrip()


def diff(a: Path, b: Path) -> int:
    """The readings that differ between two dumps, and a count by class; 1 when any differ."""
    old = a.read_text(encoding="utf-8").splitlines()
    new = b.read_text(encoding="utf-8").splitlines()
    removed, added = Counter(), Counter()
    for line in difflib.unified_diff(old, new, str(a), str(b), n=0, lineterm=""):
        print(line)
        if line.startswith("-") and not line.startswith("---"):
            removed[_kind(line[1:])] += 1
        elif line.startswith("+") and not line.startswith("+++"):
            added[_kind(line[1:])] += 1
    print(f"\n{sum(removed.values())} readings removed, {sum(added.values())} added")
    for k in sorted(set(removed) | set(added)):
        print(f"  {k:24} -{removed[k]:<5} +{added[k]}")
    return 1 if removed or added else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--diff"] and len(argv) == 3:
        return diff(Path(argv[1]), Path(argv[2]))
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.stdout
    out.reconfigure(encoding="utf-8")
    for line in dump():
        out.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
