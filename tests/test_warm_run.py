"""A warm run reads no claim with the number engine (#16): the claims' own readings come from the cache.

document.memo keeps, per claims file, the engine's readings of the texts loading asks for (figure strings,
claim sentences, accepted differences). These tests hold it to the cache's rules: the report is the same as a
run without any cache, a reading is looked up by its exact text (an edited claim is read afresh), and an entry
that fails any check is a miss that is written again, never an error. Each test starts from an empty memo,
as a new process does; the engine's calls are counted where memo makes them.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from verifier.commands.cli import main
from verifier.document import cache as cache_mod
from verifier.document import memo
from verifier.numbers import FigureError

ROOT = Path(__file__).resolve().parents[1]

CLAIMS = """\
version: 1
sources:
  ali: {path: a.txt, lang: zh}
  en: {path: b.txt, lang: en}
claims:
  - {id: c1, source: ali, claim: 通义千问价格下降97%, figure: "97%", near: [通义千问]}
  - {id: c2, source: en, claim: "Nvidia grew rapidly over the past two years.", figure: "two years", near: [Nvidia]}
  - {id: c3, source: ali, figure: "95%", near: [通义千问], expect: contradicted}
  - {id: c4, source: ali, figure: "not a figure"}
"""


@pytest.fixture
def engine(monkeypatch):
    """A new process's memo, and the texts it asks the engine to read (find or parse)."""
    monkeypatch.setattr(memo, "_FOUND", {})
    monkeypatch.setattr(memo, "_PARSED", {})
    asked: list[str] = []
    real_find, real_parse = memo._find, memo._parse

    def find(text):
        asked.append(text)
        return real_find(text)

    def parse(text):
        asked.append(text)
        return real_parse(text)

    monkeypatch.setattr(memo, "_find", find)
    monkeypatch.setattr(memo, "_parse", parse)
    return asked


def _forget():
    """What a new process remembers: nothing."""
    memo._FOUND.clear()
    memo._PARSED.clear()


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "p"
    root.mkdir()
    shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", root / "a.txt")
    shutil.copy(ROOT / "seeds" / "000_9bfada59106e9d6b.txt", root / "b.txt")
    (root / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return root / "claims.yaml"


def _report(capsys, path: Path, *args: str) -> str:
    main([str(path), "-f", "json", *args])
    return capsys.readouterr().out


def _warm(capsys, path: Path, cache: Path) -> str:
    _forget()
    return _report(capsys, path, "--cache-dir", str(cache))


def test_a_warm_run_asks_the_engine_for_no_claim_reading(tmp_path, capsys, engine):
    bundled = tmp_path / "bundled"
    shutil.copytree(ROOT / "seeds", bundled / "seeds")
    shutil.copy(ROOT / "claims.yaml", bundled / "claims.yaml")
    path = bundled / "claims.yaml"
    baseline = _report(capsys, path, "--no-cache")
    cache = tmp_path / "cache"
    assert _warm(capsys, path, cache) == baseline          # cold: reads and keeps
    engine.clear()
    assert _warm(capsys, path, cache) == baseline
    assert engine == []


def test_an_edited_claim_is_read_afresh(project, tmp_path, capsys, engine):
    cache = tmp_path / "cache"
    _warm(capsys, project, cache)
    project.write_text(CLAIMS.replace('figure: "95%", near: [通义千问], expect: contradicted',
                                      'figure: "97 %", near: [通义千问]'), encoding="utf-8")
    _forget()
    baseline = _report(capsys, project, "--no-cache")
    engine.clear()
    assert _warm(capsys, project, cache) == baseline
    assert set(engine) == {"97 %", "not a figure"}          # only the new text (and the refused one) is read
    assert {c["id"]: c["verdict"] for c in json.loads(baseline)["claims"]}["c3"] == "supported"


def test_an_entry_for_other_texts_only_misses(project, tmp_path, capsys, engine):
    """The entry of one claims file, copied over another's: none of its readings is used for another text."""
    cache = tmp_path / "cache"
    other = project.parent / "other.yaml"
    other.write_text(CLAIMS.replace("97%", "96%").replace("95%", "94%"), encoding="utf-8")
    _warm(capsys, other, cache)
    (source,) = (cache / "readings").glob("*/*.json")
    _warm(capsys, project, cache)
    mine = [p for p in (cache / "readings").glob("*/*.json") if p != source]
    shutil.copy(source, mine[0])
    baseline = _report(capsys, project, "--no-cache")
    engine.clear()
    assert _warm(capsys, project, cache) == baseline
    assert "97%" in engine                                           # 96% is no reading of 97%


def _rewrite(change):
    """Edit the entry and sign it again with the user's key: the checks past the MAC must catch it."""
    def apply(raw: bytes) -> bytes:
        key = cache_mod.secret_key()
        data = json.loads(cache_mod.verified_body(raw, key))
        change(data)
        return cache_mod.sign(json.dumps(data, ensure_ascii=False).encode(), key)
    return apply


def _first(section: str, edit):
    def change(data):
        text = next(iter(data[section]))
        data[section][text] = edit(data[section][text], data)
    return change


def _column(name: str, value):
    def edit(entry, data):
        entry[1][data["fields"].index(name)][0] = value
        return entry
    return edit


CORRUPTIONS = [
    ("truncated", lambda raw: raw[: len(raw) // 2]),
    ("empty", lambda raw: b""),
    ("signed with another key", lambda raw: cache_mod.sign(raw.partition(b"\n")[2], b"k" * 32)),
    ("json null", _rewrite(lambda d: d.clear())),
    ("older format", _rewrite(lambda d: d.update(format=0))),
    ("other fields", _rewrite(lambda d: d.update(fields=d["fields"][::-1]))),
    ("found not a mapping", _rewrite(lambda d: d.update(found=[]))),
    ("a reading not a pair", _rewrite(_first("found", lambda e, d: e[1]))),
    ("count mismatch", _rewrite(_first("found", lambda e, d: [e[0] + 1, e[1]]))),
    ("two figures parsed", _rewrite(_first("parsed", lambda e, d: [2, [col * 2 for col in e[1]]]))),
    ("offset past the end", _rewrite(_first("parsed", _column("end", 10**6)))),
    ("decimal NaN", _rewrite(_first("parsed", _column("low", "NaN")))),
    ("kind a number", _rewrite(_first("parsed", _column("kind", 7)))),
]


@pytest.mark.parametrize("name,corrupt", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_a_bad_entry_is_a_miss_and_is_written_again(project, tmp_path, capsys, engine, name, corrupt):
    baseline = _report(capsys, project, "--no-cache")
    cache = tmp_path / "cache"
    _warm(capsys, project, cache)
    (entry,) = (cache / "readings").glob("*/*.json")
    entry.write_bytes(corrupt(entry.read_bytes()))
    engine.clear()
    assert _warm(capsys, project, cache) == baseline
    assert "97%" in engine                                  # a miss: read again...
    engine.clear()
    assert _warm(capsys, project, cache) == baseline
    assert engine == ["not a figure"]                       # ...and kept (a refused figure is never kept)


def test_a_refused_figure_is_refused_every_time(engine):
    for _ in range(2):
        with pytest.raises(FigureError):
            memo.parse_figure("no figure here")
    assert engine == ["no figure here"] * 2
    assert memo.parse_figure("97%") is memo.parse_figure("97%")
    assert engine.count("97%") == 1


def test_a_full_memo_starts_afresh(monkeypatch, engine):
    monkeypatch.setattr(memo, "_LIMIT", 2)
    texts = ["1%", "2%", "3%", "1%"]
    assert [memo.find_figures(t)[0].text for t in texts] == texts
    assert len(memo._FOUND) <= 2
    assert memo.find_figures("3%") == memo._find("3%")
