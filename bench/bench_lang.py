"""How the letters of every text we hold read: the measurements behind a source's `lang:` check.

For each text of seeds/, bench/heldout/*, ../shared/external_suites/texts and ../shared/external_suites/bilingual
(and each README pair joined into one bilingual file), the share of Han characters among the letters of its prose
(verifier.document.script: code, URLs and markup blanked), how it reads ('en', 'mixed', 'zh') and whether a
`lang:` would be questioned. A text's language is the `lang:` a claims file gives it (claims.yaml, bench/claims, the --heldout folder's claims), else its
name (en.md, zh.md, README_zh.md, *-en.md, *-zh.md, a README pair's README.md), else none (`?`); the notes that
describe a set (README.md) are English.

    python bench/bench_lang.py [--heldout DIR]      # DIR: another bench/heldout (e.g. a newer checkout's)

Prints every text, then the range per group, and exits 1 if any text is questioned under its own language or
a joined pair under either: a false warning.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "external_suites"


def label_of(path: Path, labels: dict[Path, str]) -> str:
    if path.resolve() in labels:
        return labels[path.resolve()]
    name = path.name.lower()
    if name in ("zh.md", "readme_zh.md") or name.endswith(("-zh.md", "_zh.md")):
        return "zh"
    if name in ("en.md",) or name.endswith(("-en.md", "_en.md")) or name == "readme.md":
        return "en"          # a README pair's README.md, or the English notes on a set
    return "?"


def claims_labels(*places: Path) -> dict[Path, str]:
    """path -> lang, from every `{path: ..., lang: ...}` in these claims files and those under these folders."""
    out = {}
    for claims in (f for place in places for f in ([place] if place.is_file() else place.rglob("*.yaml"))):
        for m in re.finditer(r"path:\s*([^,}\s]+)\s*,\s*lang:\s*(en|zh)", claims.read_text(encoding="utf-8")):
            out[(claims.parent / m.group(1)).resolve()] = m.group(2)
    return out


def texts(heldout: Path) -> list[Path]:
    out = sorted((REPO / "seeds").glob("*.txt"))
    for folder in (heldout, SHARED / "texts", SHARED / "bilingual"):
        if folder.is_dir():
            out += sorted(folder.rglob("*.md"))
        else:
            print(f"note: {folder} is absent; skipped", file=sys.stderr)
    return out


def joined_pairs(heldout: Path) -> list[tuple[str, str]]:
    """(name, the English and the Chinese README of a pair, one after the other)."""
    out = []
    for folder in sorted([*heldout.glob("readme-pairs-*/*/"), *(SHARED / "bilingual").glob("*/")]):
        files = sorted(folder.glob("*.md"))
        if len(files) == 2:
            out.append((f"{folder.parent.name}/{folder.name}",
                        "\n\n".join(f.read_text(encoding="utf-8") for f in files)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", type=Path, default=REPO / "bench" / "heldout")
    args = parser.parse_args(argv)
    from verifier.document.markdown import read_layout
    from verifier.document.script import contradicts, letter_mix

    labels = claims_labels(REPO / "claims.yaml", REPO / "bench" / "claims", args.heldout.parent / "claims")
    groups: dict[str, list[float]] = {}
    false = []
    rows = []
    for path in texts(args.heldout):
        mix = letter_mix(read_layout(path.read_text(encoding="utf-8", errors="replace")).masked)
        lang = label_of(path, labels)
        rows.append((mix.han_share, lang, mix.reads_as() or "short", mix.letters, str(path)))
        groups.setdefault(lang, []).append(mix.han_share)
        if lang in ("en", "zh") and contradicts(mix, lang):
            false.append(str(path))
    for name, text in joined_pairs(args.heldout):
        mix = letter_mix(read_layout(text).masked)
        rows.append((mix.han_share, "both", mix.reads_as() or "short", mix.letters, f"joined {name}"))
        groups.setdefault("both", []).append(mix.han_share)
        if contradicts(mix, "en") or contradicts(mix, "zh"):
            false.append(f"joined {name}")
    for share, lang, reads, letters, name in sorted(rows):
        print(f"{share:6.1%}  {lang:4}  reads {reads:5}  {letters:7,} letters  {name}")
    print()
    for lang, shares in sorted(groups.items()):
        print(f"{lang:4}: {len(shares):3} texts, Han share {min(shares):.1%} to {max(shares):.1%}")
    print(f"false warnings: {len(false)}" + "".join(f"\n  {f}" for f in false))
    return 1 if false else 0


if __name__ == "__main__":
    sys.exit(main())
