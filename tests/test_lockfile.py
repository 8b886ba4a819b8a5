"""Stale, not wrong: `verifier lock` records sources' sha256; a changed source makes failures `stale`."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main
from verifier.claimsfile.lockfile import lock_path, read_lock
from verifier.check.run import check_all

ROOT = Path(__file__).resolve().parents[1]
EN = "Quarterly report\nRevenue rose 12% in 2023.\nThe firm hired 300 people.\n"
ZH = "季度报告\n收入增长了12%。\n公司招聘了300人。\n"
CLAIMS = """version: 1
sources:
  en: {path: en.txt, lang: en}
  zh: {path: zh.txt, lang: zh}
claims:
  - {id: revenue, claim: Revenue rose 12%., source: en, figure: "12%", near: [Revenue]}
  - {id: revenue-false, claim: Revenue rose 15%., source: en, figure: "15%", near: [Revenue], expect: contradicted}
  - {id: hires, claim: The firm hired 300 people., source: en, figure: "300", near: [hired]}
  - {id: zh-hires, claim: 公司招聘了300人, source: zh, figure: "300人", near: [招聘]}
"""


@pytest.fixture
def proj(tmp_path) -> Path:
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(ZH, encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS, encoding="utf-8")
    return claims


def run_json(capsys, *argv) -> tuple[int, dict, str]:
    code = main(["check", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def verdicts(data) -> dict:
    return {c["id"]: c["verdict"] for c in data["claims"]}


def test_lock_path_is_named_after_the_claims_file():
    assert lock_path("claims.yaml") == Path("claims.lock.json")
    assert lock_path("a/team.yml") == Path("a/team.lock.json")
    assert lock_path("a/notes") == Path("a/notes.lock.json")


def test_lock_writes_hashes_of_raw_bytes(proj, capsys):
    assert main(["lock", str(proj)]) == 0
    assert "locked 2 sources" in capsys.readouterr().out
    target = proj.with_name("claims.lock.json")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["verifier_lock"] == 1 and data["claims_file"] == "claims.yaml"
    assert data["sources"]["en"] == {"path": "en.txt",
                                      "sha256": hashlib.sha256((proj.parent / "en.txt").read_bytes()).hexdigest()}
    assert set(data["sources"]) == {"en", "zh"}
    assert not list(proj.parent.glob(".claims.lock.json.*.tmp"))


def test_unchanged_sources_keep_normal_verdicts(proj, capsys):
    code, before, _ = run_json(capsys, str(proj))
    assert main(["lock", str(proj)]) == 0
    capsys.readouterr()
    code_after, after, _ = run_json(capsys, str(proj))
    assert verdicts(after) == verdicts(before) == {
        "revenue": "supported", "revenue-false": "contradicted", "hires": "supported", "zh-hires": "supported"}
    assert code == code_after == 0


def test_changed_source_makes_failing_claims_stale(proj, capsys):
    assert main(["lock", str(proj)]) == 0
    capsys.readouterr()
    old = hashlib.sha256((proj.parent / "en.txt").read_bytes()).hexdigest()
    (proj.parent / "en.txt").write_text(EN.replace("12%", "15%"), encoding="utf-8")
    new = hashlib.sha256((proj.parent / "en.txt").read_bytes()).hexdigest()
    code, data, _ = run_json(capsys, str(proj))
    assert code == 1
    got = {c["id"]: c for c in data["claims"]}
    # Both claims on the edited figure fail now: stale, not contradicted / supported-by-accident.
    assert got["revenue"]["verdict"] == "stale" and not got["revenue"]["passed"]
    assert got["revenue-false"]["verdict"] == "stale"
    reason = got["revenue"]["reason"]
    assert "en.txt changed since claims.lock.json" in reason
    assert f"{old[:12]} -> {new[:12]}" in reason
    assert "without the lock: contradicted" in reason
    # Claims that still pass on the changed source, and claims on untouched sources: unchanged.
    assert got["hires"]["verdict"] == "supported"
    assert got["zh-hires"]["verdict"] == "supported"
    assert data["summary"]["stale"] == 2 and data["summary"]["failed"] == 2


def test_stale_with_worker_processes(proj, capsys):
    main(["lock", str(proj)])
    (proj.parent / "en.txt").write_text(EN.replace("12%", "15%"), encoding="utf-8")
    capsys.readouterr()
    code, data, _ = run_json(capsys, str(proj), "--jobs", "2")
    assert code == 1 and verdicts(data)["revenue"] == "stale" and verdicts(data)["hires"] == "supported"


def test_stale_is_visible_in_the_table(proj, capsys):
    main(["lock", str(proj)])
    (proj.parent / "en.txt").write_text(EN.replace("12%", "15%"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(proj)]) == 1
    out = capsys.readouterr().out
    assert "stale ✗" in out
    assert "2 stale" in out and "do NOT meet expect" in out


def test_relock_clears_stale(proj, capsys):
    main(["lock", str(proj)])
    (proj.parent / "en.txt").write_text(EN.replace("12%", "15%"), encoding="utf-8")
    main(["lock", str(proj)])
    capsys.readouterr()
    code, data, _ = run_json(capsys, str(proj))
    assert verdicts(data)["revenue"] == "contradicted"
    assert code == 1


def test_source_added_after_the_lock_is_checked_normally(proj, capsys):
    main(["lock", str(proj)])
    lock = proj.with_name("claims.lock.json")
    data = json.loads(lock.read_text(encoding="utf-8"))
    del data["sources"]["en"]
    lock.write_text(json.dumps(data), encoding="utf-8")
    (proj.parent / "en.txt").write_text(EN.replace("12%", "15%"), encoding="utf-8")
    capsys.readouterr()
    _, result, _ = run_json(capsys, str(proj))
    assert verdicts(result)["revenue"] == "contradicted"


def test_deleted_source_is_an_error_not_stale(proj, capsys):
    main(["lock", str(proj)])
    (proj.parent / "en.txt").unlink()
    capsys.readouterr()
    assert main(["check", str(proj)]) == 2
    assert "source file of 'en' not found" in capsys.readouterr().err


def test_lock_refuses_when_a_source_is_missing(proj, capsys):
    (proj.parent / "zh.txt").unlink()
    assert main(["lock", str(proj)]) == 2
    err = capsys.readouterr().err
    assert f"{proj}:4:14: source file of 'zh' not found" in err
    assert not proj.with_name("claims.lock.json").exists()


def test_lock_is_written_atomically_over_the_old_one(proj, capsys, monkeypatch):
    main(["lock", str(proj)])
    lock = proj.with_name("claims.lock.json")
    before = lock.read_bytes()
    import verifier.atomic as atomic

    def boom(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(atomic.os, "fsync", boom)
    (proj.parent / "en.txt").write_text("changed", encoding="utf-8")
    assert main(["lock", str(proj)]) == 2
    assert "cannot write file" in capsys.readouterr().err
    assert lock.read_bytes() == before
    assert not list(proj.parent.glob(".claims.lock.json.*"))


@pytest.mark.parametrize("content,fragment", [
    ("{not json", "claims.lock.json:1:2: the lock file is not valid JSON"),
    ("[]", "not a verifier lock file"),
    ('{"verifier_lock": 2, "sources": {}}', "verifier_lock: 2"),
    ('{"verifier_lock": 1}', "has no `sources` mapping"),
    ('{"verifier_lock": 1, "sources": {"en": {"sha256": "xyz"}}}', "bad entry for source 'en'"),
    ('{"verifier_lock": 1, "sources": {"en": "abc"}}', "bad entry for source 'en'"),
    ("[" * 100000, "not valid JSON"),
    ("\xff\xfe", "not valid JSON"),
])
def test_broken_lock_file_is_bad_input(proj, capsys, content, fragment):
    proj.with_name("claims.lock.json").write_text(content, encoding="utf-8")
    assert main(["check", str(proj)]) == 2
    err = capsys.readouterr().err
    assert fragment in err, err
    assert "verifier lock" in err and "Traceback" not in err
    assert err.count("the lock file") + err.count("lock file") >= 1


def test_broken_lock_file_bytes(proj, capsys):
    proj.with_name("claims.lock.json").write_bytes(b'{"verifier_lock": 1, "sources": {"\xff": 1}}')
    assert main(["check", str(proj)]) == 2
    assert "is not UTF-8" in capsys.readouterr().err


def test_plugin_path_uses_the_lock_too(proj):
    """check_one (used by the pytest plugin) consults the same lock lazily."""
    main(["lock", str(proj)])
    (proj.parent / "en.txt").write_text(EN.replace("12%", "15%"), encoding="utf-8")
    from verifier.check.run import SourceLibrary, check_one, glossary_for
    claims_file = load_claims(proj)
    library = SourceLibrary(claims_file)
    results = {c.id: check_one(c, library, glossary_for(claims_file)).verdict for c in claims_file.claims}
    assert results["revenue"] == "stale"


def test_pytest_plugin_reports_stale(proj, pytester):
    for name in ("claims.yaml", "en.txt", "zh.txt"):
        shutil.copy(proj.parent / name, pytester.path / name)
    assert main(["lock", str(pytester.path / "claims.yaml")]) == 0
    (pytester.path / "en.txt").write_text(EN.replace("12%", "15%"), encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines(["*expected supported, got stale*", "*2 stale*"])


def test_lock_api(proj):
    from verifier.claimsfile.lockfile import write_lock
    target, entries = write_lock(load_claims(proj))
    lock = read_lock(proj)
    assert lock.path == target and set(lock.sources) == set(entries) == {"en", "zh"}
    assert read_lock(proj.with_name("other.yaml")) is None
    assert check_all(load_claims(proj))


def test_lock_through_a_subprocess(proj):
    done = subprocess.run([sys.executable, "-m", "verifier", "lock", str(proj)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert proj.with_name("claims.lock.json").exists()
    (proj.parent / "en.txt").write_text(EN.replace("12%", "15%"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "verifier", "check", str(proj)], capture_output=True, text=True)
    assert done.returncode == 1 and "stale" in done.stdout and "Traceback" not in done.stderr


def test_help_mentions_the_lock_verb(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "lock" in capsys.readouterr().out
