#!/usr/bin/env python3
"""Profile and guard the number engine.

    python bench/profile_engine.py dump OUT      # every reading of the corpora, for before/after diffs
    python bench/profile_engine.py speed [--mb 4] [--repeat 3]   # MB/s vs a bare regex floor, same run
    python bench/profile_engine.py profile [--mb 4]              # cProfile of find_figures

The corpus: seeds/*.txt, the bilingual README pairs (../shared/external_suites/bilingual/*/*.md)
and the inputs of ../shared/external_suites/numbers/*.jsonl.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "external_suites"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

FLOOR = r"[0-9０-９]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩]+"


def texts() -> list[tuple[str, str]]:
    out = []
    for p in sorted((REPO / "seeds").glob("*.txt")):
        out.append((str(p.name), p.read_text(encoding="utf-8")))
    for p in sorted(SHARED.glob("bilingual/*/*.md")):
        out.append((str(p.relative_to(SHARED)), p.read_text(encoding="utf-8")))
    return out


def records() -> list[tuple[str, str]]:
    out = []
    for p in sorted(SHARED.glob("numbers/*.jsonl")):
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                rec = json.loads(line)
                if isinstance(rec.get("input"), str):
                    out.append((f"{p.name}:{i}", rec["input"]))
    return out


def _row(f):
    return (f.text, f.start, f.end, f.kind, f.unit, str(f.low), str(f.high), f.qualifier, f.low_open,
            f.high_open, f.date)


def dump(out: Path) -> None:
    from verifier.numbers import FigureError, find_figures, parse_figure

    with out.open("w", encoding="utf-8") as fh:
        for name, t in texts() + records():
            fh.write(f"{name}\t{[_row(f) for f in find_figures(t)]!r}\n")
        # parse_figure (the lenient scan) on each record input too
        for name, t in records():
            try:
                r = repr(_row(parse_figure(t)))
            except FigureError as e:
                r = "ERR " + str(e)
            fh.write(f"P {name}\t{r}\n")


def corpus(mb: float) -> str:
    base = "\n\n".join(t for _, t in texts())
    want = int(mb * 1_000_000)
    parts, size = [], 0
    while size < want:
        parts.append(base)
        size += len(base.encode("utf-8"))
    return "\n\n".join(parts)


def chunks(text: str, size: int = 32_000) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)]


def speed(mb: float, repeat: int) -> None:
    import regex

    from verifier.numbers import find_figures

    text = corpus(mb)
    docs = chunks(text)
    nbytes = len(text.encode("utf-8")) / 1e6
    floor_re = regex.compile(FLOOR)
    best_floor = best_eng = float("inf")
    nfig = nfloor = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        nfloor = sum(sum(1 for _ in floor_re.finditer(d)) for d in docs)
        best_floor = min(best_floor, time.perf_counter() - t0)
        t0 = time.perf_counter()
        nfig = sum(len(find_figures(d)) for d in docs)
        best_eng = min(best_eng, time.perf_counter() - t0)
    print(f"{nbytes:.1f} MB in {len(docs)} docs: floor {nbytes / best_floor:.1f} MB/s ({nfloor} runs), "
          f"engine {nbytes / best_eng:.2f} MB/s ({nfig} figures), ratio {best_eng / best_floor:.1f}x")


def profile(mb: float) -> None:
    from verifier.numbers import find_figures

    docs = chunks(corpus(mb))
    pr = cProfile.Profile()
    pr.enable()
    for d in docs:
        find_figures(d)
    pr.disable()
    pstats.Stats(pr).sort_stats("tottime").print_stats(30)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["dump", "speed", "profile"])
    ap.add_argument("out", nargs="?")
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if a.mode == "dump":
        dump(Path(a.out))
    elif a.mode == "speed":
        speed(a.mb, a.repeat)
    else:
        profile(a.mb)


if __name__ == "__main__":
    main()
