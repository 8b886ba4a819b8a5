#!/usr/bin/env python3
"""Scale benchmark: extraction speed, a full check of many claims, cache, jobs, memory, growth.

    python bench/bench_scale.py                 # 50 MB archive, 10,000 claims (the full run)
    python bench/bench_scale.py --quick         # 5 MB, 1,000 claims: a smoke test
    python bench/bench_scale.py --size-mb 20 --claims 4000 --jobs 2

It builds, in a temporary folder, a synthetic archive of many source files
(8-64 KB each) from paragraphs of the seed articles (seeds/) and of the
bilingual README pairs in ../shared/external_suites/bilingual/ (if that folder
is absent, from the seeds only, and it says so), then a claims.yaml whose
expected verdicts are known by construction:

* supported: a figure exactly as the source writes it, with a `near` word that
  stands in that one sentence of the file (or, without `near`, the sentence
  itself as the claim text, sometimes with a `quote`), the sentence holding no
  other figure of that kind;
* contradicted: the same, with the figure's digits changed so that the two
  intervals cannot both be true (checked with matching.relate);
* not_found: a figure of a kind the sentence does not hold, or a near word no
  sentence holds.

and prints, side by side with their targets:

1. extraction throughput of the number engine vs a bare `regex` scan for digit
   and numeral runs over the same text (the floor any extractor pays), and (1b)
   where the engine's time goes: finding candidates vs composing figures, next
   to the least any Python extractor of the same figures pays (the floor scan
   touched once per run in Python, plus building the figure objects);
2. the engine vs cn2an's `transform` on the same Chinese text (time, and how
   many numbers each reads from Chinese numerals);
3. the full check (CLI code path: check_all) cold, warm (figure cache) and
   with 2 jobs, each in a fresh process; results compared for identity;
4. peak memory (max RSS) of each of those processes;
5. time per MB as the archive grows, from the cold run's checkpoints.

The machine may be shared and noisy: read the ratios, not the absolute times.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BILINGUAL = REPO.parent / "shared" / "external_suites" / "bilingual"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SAMPLE_MB = 5.0          # text measured for rows 1 and 2 (at most)
CN2AN_MB = 1.0           # cn2an is measured on at most this much Chinese text
_FLOOR = r"[0-9０-９]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千万亿萬億兆壹贰叁肆伍陆柒捌玖拾佰仟]+"
_CN_NUMERAL = re.compile("[零〇一二两兩三四五六七八九十百千万亿萬億兆壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿]")
_TEMPLATES = {"zh": ["4.5倍", "37个百分点", "2019年3月5日", "1200万美元", "123天", "97%", "3.5折"],
              "en": ["4.5x", "37 percentage points", "March 5, 2019", "$12 million", "123 days", "97%"]}


# -- the archive ------------------------------------------------------------------

def paragraph_pool() -> tuple[dict[str, list[str]], str]:
    files = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        files.append(path)
    note = "seeds + bilingual README pairs"
    if BILINGUAL.is_dir():
        files += sorted(BILINGUAL.glob("*/en.md")) + sorted(BILINGUAL.glob("*/zh.md"))
    else:
        note = f"seeds only ({BILINGUAL} not found)"
    from verifier.document.sources import guess_lang

    pool: dict[str, list[str]] = {"zh": [], "en": []}
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        lang = "zh" if path.name == "zh.md" else "en" if path.name == "en.md" else guess_lang(text)
        for para in re.split(r"\n\s*\n", text):
            para = para.strip()
            if len(para) >= 20:
                pool[lang].append(para)
    return pool, note


def build_archive(root: Path, pool: dict[str, list[str]], size_mb: float, rng: random.Random) -> list[dict]:
    """Files of 8-64 KB made of distinct paragraphs; returns [{path, lang, paragraphs, size}]."""
    target = int(size_mb * 1_000_000)
    files, total, i = [], 0, 0
    weights = {lang: sum(len(p) for p in paras) for lang, paras in pool.items() if paras}
    langs = sorted(weights)
    while total < target:
        lang = rng.choices(langs, [weights[x] for x in langs])[0]
        want = min(rng.randint(8_000, 64_000), max(target - total, 2_000))
        order = rng.sample(range(len(pool[lang])), len(pool[lang]))
        paras, size = [f"Archive item {i:05d} ({lang})"], 0
        for index in order:
            paras.append(pool[lang][index])
            size += len(pool[lang][index].encode("utf-8")) + 2
            if size >= want:
                break
        text = "\n\n".join(paras) + "\n"
        rel = f"archive/{lang}/{i // 500:03d}/{i:05d}.txt"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        files.append({"id": f"s{i:05d}", "path": rel, "lang": lang, "paragraphs": paras, "size": len(data)})
        total += len(data)
        i += 1
    return files


# -- claims with verdicts known by construction -------------------------------------

class Facts:
    """Per pool paragraph: its sentences, their figures, and what a claim may use."""

    def __init__(self):
        from verifier.numbers import find_figures, parse_figure
        self.find, self.parse = find_figures, parse_figure
        self.memo: dict[str, list] = {}

    def options(self, para: str) -> list[dict]:
        if para not in self.memo:
            self.memo[para] = self._options(para)
        return self.memo[para]

    def _options(self, para: str) -> list[dict]:
        from verifier.numbers.matching import comparable, relate
        from verifier.document.sources import split_sentences

        figures = self.find(para)
        sentences = split_sentences(para)
        starts = [s for s, _ in sentences]
        import bisect
        by_sentence: dict[int, list] = {}
        for fig in figures:
            by_sentence.setdefault(max(bisect.bisect_right(starts, fig.start) - 1, 0), []).append(fig)
        out = []
        for index, figs in by_sentence.items():
            s, e = sentences[index]
            sentence = para[s:e]
            for fig in figs:
                if fig.kind == "rate" or sum(comparable(fig, g) for g in figs) != 1:
                    continue
                try:
                    parsed = self.parse(fig.text)
                except Exception:  # noqa: BLE001 - a figure the claim parser reads otherwise: not usable
                    continue
                if _shape(parsed) != _shape(fig):
                    continue
                wrong = self._wrong(fig, relate)
                absent = []
                for template in _TEMPLATES["zh" if _CN_NUMERAL.search(sentence) or
                                            re.search(r"[\u4e00-\u9fff]", sentence) else "en"]:
                    t = self.parse(template)
                    if not any(comparable(t, g) for g in figs):
                        absent.append(template)
                out.append({"sentence": sentence, "figure": fig.text, "start": fig.start - s,
                            "wrong": wrong, "absent": absent})
        return out

    def _wrong(self, fig, relate) -> str | None:
        runs = list(re.finditer(r"\d+", fig.text))
        if not runs:
            return None
        m = runs[-1]
        value = int(m.group())
        for new in (value * 3 + 7, value + 11, value * 10 + 3):
            text = fig.text[:m.start()] + str(new) + fig.text[m.end():]
            try:
                parsed = self.parse(text)
            except Exception:  # noqa: BLE001
                continue
            if (parsed.kind, parsed.unit, parsed.qualifier) == (fig.kind, fig.unit, fig.qualifier) \
                    and relate(parsed, fig).kind == "conflict":
                return text
        return None


def _shape(fig) -> tuple:
    return (fig.kind, fig.unit, fig.low, fig.high, fig.qualifier, fig.low_open, fig.high_open, fig.date)


_WORDS = re.compile(r"[A-Za-z]{5,}|[\u4e00-\u9fff]{2,}")


def _near_words(sentence: str, figure: str, start: int, folded_file: str) -> list[str]:
    """Words of the figure's part of the sentence (binding.py: a contrast such as '，而' or ', but' starts a new
    subject) that stand in no other sentence of the file and that the glossary leaves alone."""
    from verifier.check.binding import _CONTRAST
    from verifier.document.glossary import DEFAULT
    from verifier.document.text import fold

    folded_sentence = fold(sentence)
    barriers = [m.start() for m in _CONTRAST.finditer(sentence)]
    part_start = max([b for b in barriers if b <= start], default=0)
    part_end = min([b for b in barriers if b > start], default=len(sentence))
    out = []
    for m in _WORDS.finditer(sentence, part_start, part_end):
        word = m.group()
        candidates = [word[i:i + 2] for i in range(len(word) - 1)] if word[0] >= "\u4e00" else [word]
        for w in candidates:
            f = fold(w)
            if f in fold(figure) or DEFAULT.variants(w) != {f}:
                continue
            if folded_file.count(f) == folded_sentence.count(f) >= 1:
                out.append(w)
    return out


def generate_claims(files: list[dict], count: int, rng: random.Random, facts: Facts) -> list[dict]:
    from verifier.document.text import fold, terms

    claims, file_order = [], list(range(len(files)))
    per_file = max(1, -(-count // len(files)))
    serial = 0
    for index in file_order:
        if len(claims) >= count:
            break
        entry = files[index]
        folded_file = fold("\n\n".join(entry["paragraphs"]))
        options = [o for para in entry["paragraphs"][1:] for o in facts.options(para)]
        rng.shuffle(options)
        made = 0
        for option in options:
            if made >= per_file or len(claims) >= count:
                break
            near = _near_words(option["sentence"], option["figure"], option["start"], folded_file)
            if not near:
                continue
            word = rng.choice(near)
            roll = rng.random()
            claim = {"id": f"c{serial:05d}", "source": entry["id"]}
            if roll < 0.40:
                claim.update(claim=f"The source gives {option['figure']} ({word}).", figure=option["figure"],
                             near=[word], expect="supported")
            elif roll < 0.55:
                text = option["sentence"][:300]
                figure_terms = {fold(t) for t in terms(option["figure"])}
                if len(text) < len(option["sentence"]) or not (terms(text) - figure_terms):
                    continue
                claim.update(claim=text, figure=option["figure"], expect="supported")
                if rng.random() < 0.3:
                    start = option["start"]
                    claim["quote"] = option["sentence"][max(0, start - 6):start + len(option["figure"])]
            elif roll < 0.80:
                if not option["wrong"]:
                    continue
                claim.update(claim=f"The source gives {option['wrong']} ({word}).", figure=option["wrong"],
                             near=[word], expect="contradicted")
            elif roll < 0.90:
                if not option["absent"]:
                    continue
                figure = rng.choice(option["absent"])
                claim.update(claim=f"The source gives {figure} ({word}).", figure=figure, near=[word],
                             expect="not_found")
            else:
                claim.update(claim=f"The source gives {option['figure']}.", figure=option["figure"],
                             near=[word, f"zqxj{serial}"], expect="not_found")
            claims.append(claim)
            serial += 1
            made += 1
    rng.shuffle(claims)
    return claims


def write_claims(root: Path, files: list[dict], claims: list[dict]) -> Path:
    used = {c["source"] for c in claims}
    lines = ["version: 1", "sources:"]
    for entry in files:
        if entry["id"] in used:
            lines.append(f"  {entry['id']}: {{path: {entry['path']}, lang: {entry['lang']}}}")
    lines.append("claims:")
    for c in claims:
        lines.append(f"  - id: {c['id']}")
        for key in ("claim", "source", "figure", "quote", "expect"):
            if key in c:
                lines.append(f"    {key}: {json.dumps(c[key], ensure_ascii=False)}")
        if "near" in c:
            lines.append(f"    near: {json.dumps(c['near'], ensure_ascii=False)}")
    path = root / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- measurements -----------------------------------------------------------------

def sample_text(root: Path, files: list[dict], mb: float, lang: str | None = None) -> list[str]:
    out, size = [], 0
    for entry in files:
        if lang and entry["lang"] != lang:
            continue
        out.append((root / entry["path"]).read_text(encoding="utf-8"))
        size += entry["size"]
        if size >= mb * 1_000_000:
            break
    return out


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def extraction_row(texts: list[str]) -> dict:
    import regex

    from verifier.numbers import find_figures

    floor = regex.compile(_FLOOR)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    counts = {}

    def engine():
        counts["engine"] = sum(len(find_figures(t)) for t in texts)

    def bare():
        counts["floor"] = sum(sum(1 for _ in floor.finditer(t)) for t in texts)

    t_floor = best_of(bare, 3)
    t_engine = best_of(engine, 1 if mb > 2 else 2)
    return {"mb": mb, "engine_s": t_engine, "floor_s": t_floor, **counts, **extraction_parts(texts, floor)}


def extraction_parts(texts: list[str], floor) -> dict:
    """Where extraction time goes, and the least any Python extractor of these figures pays.

    * candidates: the engine's own search for places a figure may start (its trigger regex and
      MASTER match at each, scanner._next_match), with no figure composed;
    * touch: the floor scan with one Python step per run (the run's text and span kept);
    * build: that, plus building the engine's figures as objects from their already-known
      fields (Figure with Decimal bounds): what remains when all reading costs nothing.
    Each is timed in the same process as row 1, best of 3."""
    from decimal import Decimal

    from verifier.numbers import find_figures, scanner
    from verifier.numbers.figure import Figure

    fields = [(f.text, f.start, f.end, f.kind, f.unit, str(f.low) if f.low is not None else None,
               str(f.high) if f.high is not None else None, f.qualifier, f.low_open, f.high_open, f.date)
              for t in texts for f in find_figures(t)]

    def candidates():
        for t in texts:
            pos = 0
            while (m := scanner._next_match(t, pos, False)) is not None:
                pos = m.end()

    def touch():
        return [(m.group(), m.start(), m.end()) for t in texts for m in floor.finditer(t)]

    def build():
        touch()
        return [Figure(x, s, e, k, u, Decimal(lo) if lo else None, Decimal(hi) if hi else None, q, lopen, hopen, d)
                for x, s, e, k, u, lo, hi, q, lopen, hopen, d in fields]

    return {"candidates_s": best_of(candidates, 3), "touch_s": best_of(touch, 3), "build_s": best_of(build, 3)}


def cn2an_row(texts: list[str]) -> dict:
    from verifier.numbers import find_figures

    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ours = {}

    def engine():
        figs = [f for t in texts for f in find_figures(t)]
        ours["all"] = len(figs)
        ours["chinese"] = sum(1 for f in figs if _CN_NUMERAL.search(f.text))

    t_engine = best_of(engine, 2)
    try:
        import warnings

        import cn2an
    except ImportError:
        return {"mb": mb, "engine_s": t_engine, "ours": ours, "missing": True}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t_cn2an = best_of(lambda: [cn2an.transform(t, "cn2an") for t in texts], 1)
        converted = 0
        number = re.compile(r"\d+(?:\.\d+)?")
        for t in texts:
            out = cn2an.transform(t, "cn2an")
            converted += max(len(number.findall(out)) - len(number.findall(t)), 0)
    return {"mb": mb, "engine_s": t_engine, "cn2an_s": t_cn2an, "ours": ours, "cn2an": converted}


def gold_recall() -> dict | None:
    """Gold numbers written with Chinese numerals (Recognizers-Text zh specs) that each tool picks up."""
    path = REPO.parent / "shared" / "external_suites" / "numbers" / "recognizers_zh_en.jsonl"
    if not path.exists():
        return None
    import difflib
    import warnings

    from verifier.numbers import find_figures
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["lang"] != "zh" or record["model"] not in ("number", "percent", "currency", "numberrange",
                                                                 "dimension", "age"):
            continue
        spans = [(e["start"], e["end"] + 1) for e in record["expected"]
                 if _CN_NUMERAL.search(e.get("text", "")) and isinstance(e.get("start"), int)]
        if spans:
            cases.append((record["input"], spans))
    total = sum(len(spans) for _, spans in cases)
    ours = sum(any(f.start < b and f.end > a for f in find_figures(text)) for text, spans in cases for a, b in spans)
    out = {"total": total, "ours": ours}
    try:
        import cn2an
    except ImportError:
        return out
    found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text, spans in cases:
            changed = [(i1, i2) for op, i1, i2, _, _ in
                       difflib.SequenceMatcher(None, text, cn2an.transform(text, "cn2an"), autojunk=False).get_opcodes()
                       if op != "equal"]
            found += sum(any(i1 < b and i2 > a for i1, i2 in changed) for a, b in spans)
    out["cn2an"] = found
    return out


def boundaries(claims: list[dict], sizes: dict[str, int]) -> dict[int, int]:
    """Claims done -> bytes of sources done, when sources are checked in order of first appearance
    (as verifier.check.run.check_all does with one job)."""
    order, counts = [], {}
    for c in claims:
        if c["source"] not in counts:
            order.append(c["source"])
        counts[c["source"]] = counts.get(c["source"], 0) + 1
    out, done, size = {}, 0, 0
    for source in order:
        done += counts[source]
        size += sizes[source]
        out[done] = size
    return out


def run_child(claims: Path, cache_dir: Path | None, jobs: int, out: Path, bounds: dict[int, int]) -> dict:
    """One `verifier check` in a fresh process; returns its timings plus wall time and peak RSS."""
    (out.parent / "boundary.json").write_text(json.dumps(bounds))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(claims), "--child-out", str(out),
           "--jobs", str(jobs), "--child-cache", str(cache_dir) if cache_dir else "none",
           "--child-code", str(claims.parent / "code")]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=claims.parent)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed ({proc.returncode}): {' '.join(cmd)}")
    data = json.loads(out.read_text())
    data["wall_s"] = wall
    if not data["code"].startswith(str(claims.parent / "code")):
        raise SystemExit(f"benchmark child ran {data['code']}, not the snapshot")
    data["maxrss_mb"] = usage.ru_maxrss / 1024          # Linux: KiB
    return data


def child(args) -> int:
    """The measured process: `verifier check` as the CLI runs it, timed, with a digest of its JSON report."""
    t0 = time.perf_counter()
    from verifier.outputs import progress as progress_module
    from verifier.commands.cli import main as cli_main
    marks: dict = {}

    class Recording(progress_module.Progress):
        """Notes when claims are loaded (the bar is made) and when each source's claims are done."""

        def __init__(self, total, *a, **k):
            super().__init__(total, *a, **k)
            marks["loaded"] = time.perf_counter()
            marks["checkpoints"] = []

        def update(self, done):
            if done in marks["boundary"]:
                marks["checkpoints"].append((marks["boundary"][done], time.perf_counter() - marks["loaded"]))
            super().update(done)

    progress_module.Progress = Recording      # check.run looks Progress up when it runs
    from verifier import numbers# time spent in the engine (serial runs: this process)
    engine, spent = numbers.find_figures, [0.0]

    def timed(text):
        t = time.perf_counter()
        try:
            return engine(text)
        finally:
            spent[0] += time.perf_counter() - t

    numbers.find_figures = timed
    marks["boundary"] = {int(k): v for k, v in
                         json.loads((Path(args.child_out).parent / "boundary.json").read_text()).items()}
    report = Path(args.child_out).with_suffix(".report.json")
    cache = ["--no-cache"] if args.child_cache == "none" else ["--cache-dir", args.child_cache]
    t_cli = time.perf_counter()
    code = cli_main([args.child, "--format", "json", "--output", str(report), "--jobs", str(args.jobs), *cache])
    t_end = time.perf_counter()
    data = json.loads(report.read_text(encoding="utf-8"))
    wrong = [(c["id"], c["expect"], c["verdict"], c["reason"]) for c in data["claims"] if not c["passed"]]
    import verifier
    Path(args.child_out).write_text(json.dumps({
        "code": verifier.__file__, "exit": code, "import_load_s": marks["loaded"] - t_cli,
        "check_s": t_end - marks["loaded"], "cli_s": t_end - t_cli, "startup_s": t_cli - t0, "engine_s": spent[0],
        "digest": hashlib.sha256(report.read_bytes()).hexdigest(),
        "summary": data["summary"], "wrong": wrong[:20], "checkpoints": marks["checkpoints"]}))
    return 0


# -- report -------------------------------------------------------------------------

def fmt_rows(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=50.0, help="archive size (default 50)")
    parser.add_argument("--claims", type=int, default=10_000, help="number of claims (default 10000)")
    parser.add_argument("--quick", action="store_true", help="small smoke run: 5 MB, 1000 claims")
    parser.add_argument("--jobs", type=int, default=2, help="jobs for the parallel rows (default 2)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="build the archive in DIR and keep it")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-out", help=argparse.SUPPRESS)
    parser.add_argument("--child-cache", help=argparse.SUPPRESS)
    parser.add_argument("--child-code", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, args.child_code)
        return child(args)
    if args.quick:
        args.size_mb, args.claims = min(args.size_mb, 5.0), min(args.claims, 1000)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="verifier-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    # Measure one version of the code: a snapshot, so edits to the tree during the run change nothing.
    code = root / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(REPO / "verifier", code / "verifier", ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(code))
    try:
        return measure(args, root)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def measure(args, root: Path) -> int:
    from verifier.numbers import ENGINE_VERSION

    rng = random.Random(args.seed)
    t = time.perf_counter()
    pool, note = paragraph_pool()
    files = build_archive(root, pool, args.size_mb, rng)
    facts = Facts()
    claims = generate_claims(files, args.claims, rng, facts)
    claims_path = write_claims(root, files, claims)
    archive_mb = sum(f["size"] for f in files) / 1e6
    expect = {v: sum(c["expect"] == v for c in claims) for v in ("supported", "contradicted", "not_found")}
    print(f"verifier scale benchmark — engine {ENGINE_VERSION}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs")
    print(f"archive: {archive_mb:.1f} MB in {len(files)} files ({note}); {len(claims)} claims "
          f"({expect['supported']} supported, {expect['contradicted']} contradicted, {expect['not_found']} not_found"
          f" by construction); built in {time.perf_counter() - t:.0f}s\n")
    sys.stdout.flush()

    sample = sample_text(root, files, min(SAMPLE_MB, archive_mb))
    ex = extraction_row(sample)
    zh = sample_text(root, files, CN2AN_MB, lang="zh")
    cn = cn2an_row(zh) if zh else None

    bounds = boundaries(claims, {f["id"]: f["size"] for f in files})
    runs = root / "runs"
    runs.mkdir()
    cache_a, cache_b = root / "cache-a", root / "cache-b"
    cold = run_child(claims_path, cache_a, 1, runs / "cold.json", bounds)
    # warm runs are short, so a busy neighbour skews them most: the best of three
    warm = min((run_child(claims_path, cache_a, 1, runs / f"warm{i}.json", bounds) for i in range(3)),
               key=lambda r: r["wall_s"])
    warm_j = min((run_child(claims_path, cache_a, args.jobs, runs / f"warm-j{i}.json", bounds) for i in range(3)),
                 key=lambda r: r["wall_s"])
    cold_j = run_child(claims_path, cache_b, args.jobs, runs / "cold-j.json", bounds)
    nocache = run_child(claims_path, None, 1, runs / "nocache.json", bounds)
    all_runs = {"cold, 1 job": cold, "warm, 1 job (best of 3)": warm, f"warm, {args.jobs} jobs (best of 3)": warm_j,
                f"cold, {args.jobs} jobs": cold_j, "no cache, 1 job": nocache}
    digests = [json.loads(f.read_text())["digest"] for f in runs.glob("*.json")
               if not f.name.endswith(".report.json") and f.name != "boundary.json"]
    identical = len(set(digests)) == 1
    met = cold["summary"]["passed"]

    engine_mbs, floor_mbs = ex["mb"] / ex["engine_s"], ex["mb"] / ex["floor_s"]
    rows = [["#", "measure", "result", "target", "met"]]
    rows.append(["1", f"extraction, {ex['mb']:.1f} MB sample",
                 f"engine {engine_mbs:.2f} MB/s ({ex['engine']} figures) vs regex floor {floor_mbs:.1f} MB/s "
                 f"({ex['floor']} runs): {ex['engine_s'] / ex['floor_s']:.0f}x the floor",
                 "<= 3x the floor", _yes(ex["engine_s"] / ex["floor_s"] <= 3)])
    f = ex["floor_s"]
    rows.append(["1b", "extraction: where it goes",
                 f"finding candidates (trigger regex + MASTER at each, no figure built) {ex['candidates_s'] / f:.1f}x "
                 f"the floor; composing figures {(ex['engine_s'] - ex['candidates_s']) / f:.1f}x. The least a Python "
                 f"extractor pays: the floor with one Python step per run {ex['touch_s'] / f:.1f}x; that plus building "
                 f"these {ex['engine']} figures from known fields {ex['build_s'] / f:.1f}x",
                 "(explains row 1)", "-"])
    if cn is None:
        rows.append(["2", "vs cn2an", "no Chinese text in the archive", "", "-"])
    elif cn.get("missing"):
        rows.append(["2", "vs cn2an", "skipped: cn2an not importable (pip install cn2an)", "faster, finds more", "-"])
    else:
        gold = gold_recall()
        more = gold is not None and "cn2an" in gold and gold["ours"] > gold["cn2an"]
        rows.append(["2", f"vs cn2an, {cn['mb']:.1f} MB Chinese",
                     f"engine {cn['mb'] / cn['engine_s']:.2f} MB/s vs cn2an {cn['mb'] / cn['cn2an_s']:.2f} MB/s: "
                     f"{cn['cn2an_s'] / cn['engine_s']:.1f}x faster; ours {cn['ours']['all']} figures "
                     f"({cn['ours']['chinese']} in Chinese numerals), cn2an {cn['cn2an']} conversions "
                     f"(every 一 in 一些/统一 counts)",
                     "faster", _yes(cn["engine_s"] < cn["cn2an_s"])])
        if gold is not None and "cn2an" in gold:
            rows.append(["2b", "finds more: gold spans",
                         f"of {gold['total']} gold numbers in Chinese numerals (Recognizers-Text zh specs): "
                         f"ours {gold['ours']}, cn2an {gold['cn2an']}", "finds more", _yes(more)])
    wj = warm_j["check_s"] + warm_j["import_load_s"]
    rows.append(["3", f"check {len(claims)} claims, {archive_mb:.0f} MB",
                 f"cold {cold['wall_s']:.1f}s, warm {warm['wall_s']:.1f}s ({cold['wall_s'] / warm['wall_s']:.0f}x "
                 f"faster), warm {args.jobs} jobs {warm_j['wall_s']:.1f}s, cold {args.jobs} jobs "
                 f"{cold_j['wall_s']:.1f}s ({cold['wall_s'] / cold_j['wall_s']:.1f}x), no cache "
                 f"{nocache['wall_s']:.1f}s",
                 f"warm {args.jobs} jobs < 5 s", _yes(warm_j["wall_s"] < 5)])
    share = cold["engine_s"] / cold["wall_s"]
    rows.append(["3b", "cold: where the time goes",
                 f"cold {cold['wall_s']:.1f}s, of which the engine's find_figures {cold['engine_s']:.1f}s "
                 f"({share:.0%}); cold - engine = {cold['wall_s'] - cold['engine_s']:.1f}s vs warm {warm['wall_s']:.1f}s",
                 "cold bounded by extraction", _yes(cold["wall_s"] - cold["engine_s"] <= 1.5 * warm["wall_s"])])
    rows.append(["3c", "same results", f"reports {'identical' if identical else 'DIFFERENT'} across all {len(digests)} runs; "
                 f"{met}/{len(claims)} claims meet their constructed expect", "identical; all meet",
                 _yes(identical and met == len(claims))])
    peak = max(r["maxrss_mb"] for r in all_runs.values())
    rows.append(["4", "peak memory (max RSS)", ", ".join(f"{k} {r['maxrss_mb']:.0f} MB" for k, r in all_runs.items()),
                 "< 1 GB (50 MB archive)", _yes(peak < 1024)])
    growth = growth_rows(cold["checkpoints"], archive_mb)
    ratio = growth[-1][1] / growth[0][1] if len(growth) > 1 else 1.0
    rows.append(["5", "time per MB as it grows (cold)",
                 ", ".join(f"{mb:.0f} MB: {spm:.2f} s/MB" for mb, spm in growth) + f"; last/first {ratio:.2f}",
                 "linear (ratio ~1)", _yes(ratio <= 1.5)])
    print(fmt_rows(rows))
    print("\nwhere the time goes (wall, per process):")
    for k, r in all_runs.items():
        print(f"  {k:26} {r['wall_s']:5.1f}s = interpreter and imports {r['wall_s'] - r['cli_s']:.1f}s + "
              f"reading claims.yaml {r['import_load_s']:.1f}s + checking and writing the report {r['check_s']:.1f}s")
    if cold["wrong"]:
        print("claims not meeting their constructed expect (first 20):")
        for item in cold["wrong"]:
            print("   ", item)
    return 0


def growth_rows(checkpoints, archive_mb: float) -> list[tuple[float, float]]:
    """(MB checked so far, seconds per MB so far) at about 1, 2, 5, 10, 25, 50 MB and at the end."""
    out = []
    for mark in [m for m in (1, 2, 5, 10, 25, 50, 100, 200) if m < archive_mb * 0.9] + [archive_mb * 2]:
        point = next(((b, t) for b, t in checkpoints if b >= mark * 1e6), checkpoints[-1] if checkpoints else None)
        if point and point[0] and (not out or point[0] / 1e6 > out[-1][0]):
            out.append((point[0] / 1e6, point[1] / (point[0] / 1e6)))
    return out


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


if __name__ == "__main__":
    sys.exit(main())
