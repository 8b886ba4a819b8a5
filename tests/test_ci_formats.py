"""CI surfaces: SARIF for code scanning, GitHub Actions annotations, JUnit XML, pre-commit.

Each points at the claim's line in claims.yaml and carries the same failure
text pytest prints (`claim ID (claims.yaml:LINE)  expected …, got …`).
"""
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from verifier.outputs.ci_formats import escape_data, escape_property, github_annotations, in_github_actions, sarif
from verifier.commands.cli import main

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = """\
version: 1
sources:
  ali: {path: a.txt, lang: zh}
claims:
  - id: qwen-price-drop
    source: ali
    figure: "97%"
    near: [通义千问]
  - id: qwen-price-drop-95
    claim: "Qwen API prices fell 95%, or so: 100% sure"
    source: ali
    figure: "95%"
    near: [通义千问]
"""
FAILING_LINE = 9


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", tmp_path / "a.txt")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def run_json(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_sarif_has_one_result_per_failing_claim(project, capsys):
    code, log, _ = run_json(capsys, "--format", "sarif")
    assert code == 1
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "verifier"
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    (result,) = run["results"]
    assert result["ruleId"] == "contradicted" and rules[result["ruleIndex"]] == "contradicted"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "claims.yaml"
    assert location["region"]["startLine"] == FAILING_LINE
    text = result["message"]["text"]
    assert text.startswith(f"claim qwen-price-drop-95 (claims.yaml:{FAILING_LINE})  expected supported, "
                           "got contradicted")
    assert "wanted: 95%" in text and "found:" in text
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "a.txt" and related["region"]["startLine"] == 19


def test_sarif_paths_are_relative_to_the_repository(project, capsys, monkeypatch):
    sub = project / "news"
    sub.mkdir()
    shutil.move(project / "claims.yaml", sub / "claims.yaml")
    shutil.move(project / "a.txt", sub / "a.txt")
    _, log, _ = run_json(capsys, str(sub / "claims.yaml"), "-f", "sarif")
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/claims.yaml"
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/a.txt"


def test_sarif_without_failures_has_no_results(project, capsys):
    (project / "claims.yaml").write_text(CLAIMS.replace('figure: "95%"', 'figure: "97%"'), encoding="utf-8")
    code, log, _ = run_json(capsys, "-f", "sarif")
    assert code == 0 and log["runs"][0]["results"] == []


def test_github_annotations_only_under_github_actions(project, capsys, monkeypatch):
    assert main(["-f", "plain"]) == 1
    assert "::error" not in capsys.readouterr().out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["-f", "plain"]) == 1
    out = capsys.readouterr().out
    assert "qwen-price-drop-95" in out.split("::error")[0]          # the report is still there
    (line,) = [row for row in out.splitlines() if row.startswith("::")]
    assert line.startswith(f"::error file=claims.yaml,line={FAILING_LINE},title=claim qwen-price-drop-95%3A "
                           "expected supported%2C got contradicted::")
    message = line.split("::", 2)[2]
    assert message.startswith(f"claim qwen-price-drop-95 (claims.yaml:{FAILING_LINE})  expected supported")
    assert "\n" not in message and "%0A  claim:  Qwen API prices fell 95%25, or so: 100%25 sure%0A" in message


def test_annotations_do_not_corrupt_machine_readable_stdout(project, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    for fmt in ("json", "sarif"):
        code, _, err = run_json(capsys, "-f", fmt)                 # stdout still parses
        assert code == 1 and err.startswith("::error file=claims.yaml")


@pytest.mark.parametrize("raw,data,prop", [
    ("100%", "100%25", "100%25"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("x: 1, y", "x: 1, y", "x%3A 1%2C y"),
    ("%0A", "%250A", "%250A"),
])
def test_workflow_command_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


@pytest.mark.parametrize("value,on", [("true", True), ("1", True), ("", False), ("false", False)])
def test_github_actions_detection(value, on):
    assert in_github_actions({"GITHUB_ACTIONS": value}) is on
    assert in_github_actions({}) is False


def test_projections_agree_with_the_canonical_report(project, capsys):
    _, data, _ = run_json(capsys, "-f", "json")
    failing = [c for c in data["claims"] if not c["passed"]]
    assert len(sarif(data)["runs"][0]["results"]) == len(github_annotations(data)) == len(failing) == 1


def test_junitxml_failure_message_carries_the_claim_location(pytester):
    shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", pytester.path / "a.txt")
    pytester.makefile(".yaml", claims=CLAIMS)
    result = pytester.runpytest("--junitxml=report.xml")
    result.assert_outcomes(passed=1, failed=1)
    cases = ET.parse(pytester.path / "report.xml").getroot().iter("testcase")
    (failure,) = [f for case in cases for f in case.iter("failure")]
    head = f"claim qwen-price-drop-95 (claims.yaml:{FAILING_LINE})  expected supported, got contradicted"
    assert failure.get("message").startswith(head)
    assert "Traceback" not in (failure.text or "")


def test_pre_commit_hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "verifier" and hook["entry"] == "verifier" and hook["language"] == "python"
    assert hook["pass_filenames"] is False
    pattern = re.compile(hook["files"])
    for path in ("claims.yaml", "claims/news.yaml", "seeds/000_9bfada59106e9d6b.txt", "sources/example-en.txt"):
        assert pattern.search(path), path
    for path in ("README.md", "tests/test_cli.py", "verifier/claimsfile/claims.py", "other/claims.yaml.bak"):
        assert not pattern.search(path), path
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^verifier = "verifier\.commands\.cli:main"$', pyproject, re.M)      # the entry point exists


# -- a failing bilingual pair is in every CI output ------------------------------------------------------
# From a newcomer's run: claims passed, a pair failed, `verifier -f sarif` exited 1 with 0 SARIF results,
# 0 annotations, and "all claims meet expect" as its one line.
PAIR_EN = ("China's retail sales grew 16.4 percent in the first three quarters, the statistics bureau said.\n\n"
           "Industrial output rose 6.4 percent on a two-year average basis.\n")
PAIR_ZH = "国家统计局表示，前三季度中国社会消费品零售总额同比增长16.4%。\n"
PAIR_CLAIMS = """\
version: 1
sources:
  en: {path: en.txt, lang: en}
  zh: {path: zh.txt, lang: zh}
pairs:
  - {en: en, zh: zh}
claims:
  - id: retail
    claim: 前三季度社会消费品零售总额同比增长16.4%。
    source: zh
    figure: "16.4%"
"""


@pytest.fixture
def failing_pair(tmp_path, monkeypatch):
    (tmp_path / "en.txt").write_text(PAIR_EN, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(PAIR_ZH, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(PAIR_CLAIMS, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def _findings(argv, capsys, monkeypatch, github=False):
    if github:
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
    else:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code = main(["check", "--no-cache", *argv])
    captured = capsys.readouterr()
    return code, captured


# (what is read, how) -> the failing findings it must show: (rule or kind, file, line, col)
PAIR_OUTPUTS = [
    ("sarif", [("missing_in_zh", "en.txt", 3, 24), ("missing_in_zh", "en.txt", 3, 41)]),
    ("github", [("missing_in_zh", "en.txt", 3, 24), ("missing_in_zh", "en.txt", 3, 41)]),
]


@pytest.mark.parametrize("surface, expected", PAIR_OUTPUTS)
def test_failing_pair_reaches_ci_outputs(failing_pair, capsys, monkeypatch, surface, expected):
    if surface == "sarif":
        code, out = _findings(["-f", "sarif", "-o", "v.sarif"], capsys, monkeypatch)
        results = json.loads((failing_pair / "v.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
        found = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                  r["locations"][0]["physicalLocation"]["region"]["startLine"],
                  r["locations"][0]["physicalLocation"]["region"].get("startColumn", 0)) for r in results]
        assert {r["level"] for r in results} == {"error"}
        assert results[0]["message"]["text"].startswith("pair en~zh (claims.yaml:6): missing_in_zh: EN '6.4 percent' "
                                                        "en.txt:3:24  ~  ZH —")
        claims_line = results[0]["relatedLocations"][-1]["physicalLocation"]
        assert (claims_line["artifactLocation"]["uri"], claims_line["region"]["startLine"]) == ("claims.yaml", 6)
    else:
        code, out = _findings([], capsys, monkeypatch, github=True)
        found = [(re.search(r"title=pair en~zh%3A (\w+)", line).group(1),
                  *re.match(r"::error file=([^,]+),line=(\d+),col=(\d+)", line).groups())
                 for line in out.out.splitlines() if line.startswith("::error")]
        found = [(kind, path, int(line), int(col)) for kind, path, line, col in found]
    assert code == 1
    assert found == expected
    assert ("verifier: 1 supported, 0 contradicted, 0 not found — all claims meet expect; 1 of 1 pair(s) FAIL: "
            "en~zh (2 unexplained disagreement(s))") in out.err + out.out


def test_failing_pair_is_a_junit_failure_with_its_findings(failing_pair, pytester):
    for name in ("en.txt", "zh.txt", "claims.yaml"):
        shutil.copy(failing_pair / name, pytester.path / name)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "--junitxml=j.xml")
    result.assert_outcomes(passed=1, failed=1)
    (case,) = [c for c in ET.parse(pytester.path / "j.xml").iter("testcase") if c.get("name") == "pair:en~zh"]
    failure = case.find("failure")      # the message is the one line; the findings follow it, one per line
    assert failure.get("message") == "EN en ~ ZH zh: 2 unexplained disagreement(s) (2 missing_in_zh)"
    assert failure.text.splitlines()[:3] == ["pair en~zh (claims.yaml:6): 2 unexplained disagreement(s)",
                                             "  missing_in_zh: EN '6.4 percent' en.txt:3:24  ~  ZH —",
                                             "  missing_in_zh: EN 'two-year' en.txt:3:41  ~  ZH —"]
