#!/usr/bin/env python3
"""Hostile sources: time and peak memory of `verifier check` as a source grows, side by side with real text.

    python bench/bench_hostile.py                      # 0.1, 0.5 and 2 MB of each input
    python bench/bench_hostile.py --sizes 0.1 0.5 2 8  # other sizes (MB)
    python bench/bench_hostile.py --inputs real one-space

Issue 13 found sources inside the 32 MB cap that took minutes and gigabytes: 29 MB of "1 " (334 s, then
MemoryError at 5.9 GB), 2.9 MB of 一 (1.48 GB), 2 MB of "1-" (91 s). Each row here is one fresh process
running the CLI's `check --no-cache` on a one-claim claims file whose source is the input at that size; it
prints wall time, peak RSS, the exit code and the source's error message, if any. Reading must be linear:
the time and memory a size costs beyond a 10 KB run of the same input (what the tool pays whatever the
source, e.g. loading CC-CEDICT for hints), per MB, should stay flat as the size grows (the `x` columns are
ratios to the smallest size, measured in the same run), or the source is refused with exit 2 once it holds
more figures than a real document. `real` (the seed articles repeated) is the yardstick. The machine
may be shared: read the ratios, not the absolute times.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# name -> the unit repeated to the size (None: the seed articles)
INPUTS = {
    "real": None,
    "one-space": "1 ",          # a figure every two bytes
    "one-dash": "1-",           # every number a range candidate of the next
    "yi": "一",                 # one Chinese numeral the length of the file
    "digits": "1",              # one number the length of the file
    "brackets": "[(",           # nesting for the layout reader
    "quotes": "> ",             # nested block quotes
    "sentences": "1 " * 200 + "\n\n",   # many figures, in sentences of 200
}

_CHILD = r"""
import json, resource, sys, time
from verifier.commands.cli import main
t = time.perf_counter()
try:
    rc = main(["check", "--no-cache", "-f", "json", "-o", sys.argv[2], sys.argv[1]])
except SystemExit as exc:
    rc = exc.code
print(json.dumps({"rc": rc, "s": time.perf_counter() - t,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_BASE = r"""
import json, resource
import verifier.commands.cli
print(json.dumps({"rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def make_text(name: str, size_mb: float) -> str:
    unit = INPUTS[name]
    if unit is None:
        unit = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt")))
    n = int(size_mb * 1e6 / len(unit.encode("utf-8"))) + 1
    return (unit * n)[: int(size_mb * 1e6 / (len(unit.encode("utf-8")) / len(unit)))]


def run(name: str, size_mb: float, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "src.txt").write_text(make_text(name, size_mb), encoding="utf-8")
        (root / "claims.yaml").write_text(
            "version: 1\nsources:\n  s: {path: src.txt}\nclaims:\n"
            "  - {id: c1, claim: One figure., source: s, figure: '1'}\n", encoding="utf-8")
        try:
            proc = subprocess.run([sys.executable, "-c", _CHILD, str(root / "claims.yaml"), str(root / "out.json")],
                                  capture_output=True, text=True, timeout=timeout, cwd=root)
        except subprocess.TimeoutExpired:
            return {"rc": "timeout", "s": timeout, "rss": float("nan"), "msg": ""}
        lines = proc.stdout.strip().splitlines()
        try:
            out = json.loads(lines[-1])
        except (IndexError, ValueError):
            out = {"rc": proc.returncode, "s": float("nan"), "rss": float("nan")}
        msg = next((ln for ln in proc.stderr.splitlines() if ln.strip() and not ln.startswith("verifier:")),
                   "checked, no source error")
        out["msg"] = msg[:90]
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.5, 2.0])
    ap.add_argument("--inputs", nargs="+", default=list(INPUTS), choices=list(INPUTS))
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    base = json.loads(subprocess.run([sys.executable, "-c", _BASE], capture_output=True, text=True,
                                     cwd=REPO).stdout)["rss"]
    print(f"interpreter + verifier imported: {base:.0f} MB RSS; s/MB and MB/MB are beyond a 10 KB run\n")
    print(f"{'input':<10} {'MB':>5} {'rc':>7} {'s':>8} {'s/MB':>8} {'x':>6} {'RSS MB':>7} {'MB/MB':>7} {'x':>6}  message")
    for name in args.inputs:
        small, first = run(name, 0.01, args.timeout), None
        for size in args.sizes:
            r = run(name, size, args.timeout)
            per_s = max(r["s"] - small["s"], 0.001) / (size - 0.01)
            per_m = max(r["rss"] - small["rss"], 0.1) / (size - 0.01)
            first = first or (per_s, per_m)
            print(f"{name:<10} {size:>5g} {r['rc']!s:>7} {r['s']:>8.2f} {per_s:>8.2f} {per_s / first[0]:>6.2f} "
                  f"{r['rss']:>7.0f} {per_m:>7.1f} {per_m / first[1]:>6.2f}  {r['msg'][:70]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
