"""`skip: "reason"` on a claim: not checked, never silently dropped.

The loader reads the reason (a reason is required: `skip: true` is a located error); the run gives the verdict
`skipped`, which fails nothing; the table, JSON, SARIF, annotations and pytest all show it with its reason, and
the summaries count it.
"""
import json
from pathlib import Path

import pytest

from verifier.check.run import check_all
from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main
from verifier.outputs.ci_formats import github_annotations, sarif

ROOT = Path(__file__).resolve().parents[1]
from conftest import SEED_LINES as SOURCE  # noqa: E402
HEAD = """\
version: 1
sources:
  jiemian: {path: a.txt, lang: zh}
  gone: {path: missing.txt, lang: zh}
claims:
  - id: price-drop
    claim: 通义千问API价格下降了97%
    source: jiemian
    figure: "97%"
    near: [通义千问]
"""


def _write(folder: Path, claim: str) -> Path:
    (folder / ".git").mkdir(exist_ok=True)
    (folder / "a.txt").write_text(SOURCE, encoding="utf-8")
    path = folder / "claims.yaml"
    path.write_text(HEAD + claim, encoding="utf-8")
    return path


WRONG = """\
  - id: wrong
    claim: 通义千问API价格下降了95%
    source: jiemian
    figure: "95%"
    near: [通义千问]
"""

# (the skip line as written, the reason read, or the error's start and what it found)
READS = [
    ('    skip: "awaiting the correction"\n', "awaiting the correction", None),
    ("    skip: the print edition only\n", "the print edition only", None),
    ("    skip: 'true'\n", "true", None),                     # quoted: text, a (strange) reason
    ("    skip: true\n", None, ("claims.yaml:16:11: `skip` of claim 'wrong' needs a reason",
                                "true (yes or no, not a reason)")),
    ("    skip: no\n", None, ("claims.yaml:16:11: `skip` of claim 'wrong' needs a reason",
                              "no (yes or no, not a reason)")),
    ("    skip:\n", None, ("claims.yaml:16:10: `skip` of claim 'wrong' needs a reason", "an empty value")),
    ("    skip: [later]\n", None, ("claims.yaml:16:11: `skip` of claim 'wrong' needs a reason", "a list of 1")),
]


@pytest.mark.parametrize("line, reason, error", READS)
def test_skip_needs_a_reason(tmp_path, monkeypatch, line, reason, error):
    monkeypatch.chdir(tmp_path)
    claims = load_claims(_write(tmp_path, WRONG + line).name)
    wrong = claims.claims[1]
    if error is None:
        assert (wrong.skip, wrong.error) == (reason, None)
        return
    head, found = error
    text = str(wrong.error)
    assert text.startswith(head)
    assert f"found:    {found}" in text
    assert "expected: the reason as text" in text and "hint:" in text and "delete the `skip:` line" in text


@pytest.mark.parametrize("claim, verdict, passed, reason", [
    (WRONG, "contradicted", False, "source says 97%, claim says 95%"),       # checked, as without skip
    (WRONG + "    skip: awaiting the correction\n", "skipped", True, "awaiting the correction"),
    # a skipped claim's source is never read: a missing file is no error for it
    ("  - id: later\n    source: gone\n    figure: '5%'\n    skip: behind a paywall until June\n",
     "skipped", True, "behind a paywall until June"),
    ("  - id: later\n    source: gone\n    figure: '5%'\n", "error", False, "source file of 'gone' not found"),
])
def test_a_skipped_claim_is_not_checked_and_fails_nothing(tmp_path, claim, verdict, passed, reason):
    results = check_all(load_claims(_write(tmp_path, claim)))
    assert results[0].verdict == "supported"
    assert (results[1].verdict, results[1].passed, results[1].reason) == (verdict, passed, reason)


def test_a_skipped_claim_still_needs_a_readable_figure(tmp_path):
    (result,) = check_all(load_claims(_write(tmp_path, "  - id: odd\n    source: jiemian\n    figure: 'lots'\n"
                                                       "    skip: later\n")))[1:]
    assert result.verdict == "error" and "cannot read figure 'lots'" in result.error


SKIPPED = WRONG + "    skip: awaiting the correction\n"


def test_cli_table_and_summary_list_the_skipped_claim(tmp_path, monkeypatch, capsys):
    _write(tmp_path, SKIPPED)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    row = next(line for line in out if line.startswith("wrong "))
    assert row.split()[:4] == ["wrong", "skipped", "supported", "95%"]
    assert row.endswith("awaiting the correction  claims.yaml:11")
    assert "skipped: wrong (claims.yaml:11): awaiting the correction" in out
    assert out[-1] == ("verifier: 1 supported, 0 contradicted, 0 not found, 1 skipped — all checked claims meet "
                       "expect")


def test_cli_json_sarif_and_annotations(tmp_path, monkeypatch, capsys):
    _write(tmp_path, SKIPPED)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "-f", "json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["summary"] == {"total": 2, "passed": 1, "failed": 0, "supported": 1, "contradicted": 0,
                               "not_found": 0, "stale": 0, "error": 0, "skipped": 1}
    entry = data["claims"][1]
    assert {k: entry[k] for k in ("id", "verdict", "expect", "passed", "reason", "found", "location")} == \
        {"id": "wrong", "verdict": "skipped", "expect": "supported", "passed": True,
         "reason": "awaiting the correction", "found": [], "location": "claims.yaml:11"}
    assert "skipped: wrong (claims.yaml:11): awaiting the correction" in captured.err    # listed beside JSON too
    (note,) = [r for r in sarif(data, tmp_path)["runs"][0]["results"] if r["ruleId"] == "skipped"]
    assert note["level"] == "note"
    assert note["message"]["text"] == "claim wrong (claims.yaml:11) skipped: awaiting the correction"
    assert note["locations"][0]["physicalLocation"]["region"] == {"startLine": 11}
    assert github_annotations(data, tmp_path) == [
        "::notice file=claims.yaml,line=11,title=claim wrong skipped::awaiting the correction"]


def test_a_bad_skip_is_exit_2_with_its_place(tmp_path, monkeypatch, capsys):
    _write(tmp_path, WRONG + "    skip: true\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("claims.yaml:16:11: `skip` of claim 'wrong' needs a reason")
    assert "Traceback" not in err


@pytest.mark.parametrize("ci", ["", "true"])
def test_pytest_reports_it_skipped_with_the_reason(pytester, monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    _write(pytester.path, SKIPPED)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rs", "claims.yaml")
    result.assert_outcomes(passed=1, skipped=1)
    result.stdout.fnmatch_lines([
        "verifier: skipped: wrong (claims.yaml:11): awaiting the correction",
        "verifier: 1 supported, 0 contradicted, 0 not found, 1 skipped",
        "SKIPPED [[]1[]] claims.yaml: claim wrong (claims.yaml:11): awaiting the correction",
    ])
    assert result.ret == 0


def test_pytest_bad_skip_fails_its_item_only(pytester):
    _write(pytester.path, WRONG + "    skip: true\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["claims.yaml:16:11: `skip` of claim 'wrong' needs a reason"])


def test_html_report_shows_the_skipped_claim_and_the_config(tmp_path, monkeypatch, capsys):
    _write(tmp_path, SKIPPED)
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--html", "r.html"]) == 0
    assert capsys.readouterr().err.splitlines()[:2] == [
        "verifier: config: defaults (no pyproject.toml with [tool.verifier] found)",
        "verifier: 1 supported, 0 contradicted, 0 not found, 1 skipped — all checked claims meet expect "
        "(report: r.html)"]
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<span class="badge skipped">1 skipped</span>' in html
    assert '<span class="badge pass">1 meet expect</span>' in html
    assert '<span class="badge skipped">skipped</span> <span class="badge">not checked (skip)</span>' in html
    assert "why: awaiting the correction" in html
