"""Issue 14, the frictions a walk-through left: pytest's closing lines say when claims were not checked and
which pair failed; a `not_found` reason that says where the claim's very value stands and why it was set aside."""
import json
import re
from pathlib import Path

import pytest

from verifier.commands.cli import main

ROOT = Path(__file__).resolve().parents[1]
from conftest import SEED_LINES  # noqa: E402

CLAIMS = """\
version: 1
sources:
  jiemian: {path: a.txt, lang: zh}
claims:
  - id: price-drop
    source: jiemian
    figure: "97%"
    near: [通义千问]
"""


def _project(pytester, pyproject):
    (pytester.path / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (pytester.path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "test_unit.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    pytester.makepyprojecttoml(pyproject)


TESTPATHS = '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n'


# -- 1. the testpaths trap: pytest's own closing lines say the claims were not checked ----------------------

@pytest.mark.parametrize("ci, pyproject, code, last, short", [
    # under CI: an ERROR in the short test summary, naming the file and the fix, and `1 error` in the last line
    ("true", TESTPATHS, pytest.ExitCode.TESTS_FAILED, "1 passed(, \\d+ warnings?)?, 1 error",
     'ERROR claims.yaml - claims file not collected by this run, so none of its claims were checked: add it to '
     'testpaths (testpaths = ["tests", "claims.yaml"]) or run `pytest claims.yaml`'),
    # not under CI: the last line still says it (yellow), the run passes
    ("", TESTPATHS, pytest.ExitCode.OK, "1 passed(, \\d+ warnings?)?, 1 claims file not checked", None),
    # collect_check = "warn" under CI: as without CI
    ("true", TESTPATHS + '[tool.verifier]\ncollect_check = "warn"\n', pytest.ExitCode.OK,
     "1 passed(, \\d+ warnings?)?, 1 claims file not checked", None),
    # collected: nothing added
    ("true", '[tool.pytest.ini_options]\ntestpaths = ["tests", "claims.yaml"]\n', pytest.ExitCode.OK,
     "2 passed(, \\d+ warnings?)?", None),
], ids=["ci", "local", "warn", "collected"])
def test_uncollected_claims_file_is_in_pytests_closing_lines(pytester, monkeypatch, ci, pyproject, code, last,
                                                            short):
    monkeypatch.setenv("CI", ci)
    _project(pytester, pyproject)
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.ret == code
    assert re.fullmatch(last, result.outlines[-1].strip("= ").split(" in ")[0]), result.outlines[-1]
    errors = [line for line in result.outlines if line.startswith("ERROR ")]
    assert errors == ([short] if short else [])


@pytest.mark.skipif(not __import__("importlib").util.find_spec("xdist"), reason="pytest-xdist is not installed")
def test_uncollected_claims_file_fails_visibly_under_xdist(pytester, monkeypatch):
    monkeypatch.setenv("CI", "true")
    _project(pytester, TESTPATHS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "xdist", "-n", "1", "-q")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert re.match(r"1 passed(, \d+ warnings?)?, 1 error in ", result.outlines[-1]), result.outlines[-1]
    assert any(line.startswith("ERROR claims.yaml - claims file not collected") for line in result.outlines)


# -- 2. a failing pair's short summary line names its sources and its disagreements --------------------------

EN = "# Aurora Cloud cuts prices\n\nAurora Cloud said on Monday that its model prices fell 90%. " \
     "The company has 3,000 employees.\n"
ZH = "# 极光云降价\n\n极光云周一表示，其模型价格下降了80%。公司有3000名员工。\n\n" \
     "公司计划在未来三年投入100亿元，并在2025年推出新的数据中心。\n"
PAIRS = "version: 1\nsources:\n  aurora-en: {path: en.md, lang: en}\n  aurora-zh: {path: zh.md, lang: zh}\npairs:\n"


@pytest.mark.parametrize("pair, args, line", [
    ("  - {en: aurora-en, zh: aurora-zh}\n", [],
     "FAILED claims.yaml::pair:aurora-en~aurora-zh - EN aurora-en ~ ZH aurora-zh: 4 unexplained disagreement(s) "
     "(3 missing_in_en, 1 value_mismatch)"),
    ("  - {en: aurora-en, zh: aurora-zh, summary: en}\n", [],
     "FAILED claims.yaml::pair:aurora-en~aurora-zh - EN aurora-en ~ ZH aurora-zh: 1 unexplained disagreement(s) "
     "(1 value_mismatch)"),
    ("  - {en: aurora-en, zh: aurora-zh, summary: en}\n", ["--tb=line"],
     "FAILED claims.yaml::pair:aurora-en~aurora-zh - EN aurora-en ~ ZH aurora-zh: 1 unexplained disagreement(s) "
     "(1 value_mismatch)"),
    ("  - {en: aurora-en, zh: missing-zh}\n", [],        # a pair that cannot be read says why, on its line too
     "FAILED claims.yaml::pair:aurora-en~missing-zh - EN aurora-en ~ ZH missing-zh: cannot be audited: "
     "claims.yaml:6:25: unknown source 'missing-zh'"),
], ids=["both", "summary", "tb-line", "unknown-source"])
def test_failing_pair_short_summary_names_sources_and_counts(pytester, monkeypatch, pair, args, line):
    monkeypatch.delenv("CI", raising=False)
    (pytester.path / "en.md").write_text(EN, encoding="utf-8")
    (pytester.path / "zh.md").write_text(ZH, encoding="utf-8")
    (pytester.path / "claims.yaml").write_text(PAIRS + pair, encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider", "-vv", "claims.yaml", *args)   # -vv: never trimmed
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    failed = [x for x in result.outlines if x.startswith("FAILED ")]
    assert len(failed) == 1 and re.fullmatch(re.escape(line).replace(r"\*", ".*"), failed[0]), failed
    if not args and "cannot be audited" not in line:     # the FAILURES section keeps every finding, one per line
        assert any(x.startswith("  value_mismatch: EN '90%' en.md:3:") for x in result.outlines)
