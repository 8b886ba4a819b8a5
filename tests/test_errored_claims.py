"""A claim that cannot be checked still shows what it says (issue 14, the newsroom walk-through).

The walk-through's errored claims showed `"figure": []` and an empty figure column: the reader saw an error
without the figure it was about. Each broken claim below keeps its figure(s) as the file writes them, in every
output (table, JSON, pytest and JUnit, SARIF, GitHub annotations, HTML), next to the error and its place.
"""
import json
import xml.etree.ElementTree as ET

import pytest

from verifier.commands.cli import main

SOURCE = "通义千问API在阿里云百炼上的调用价格下降了97%，调用花费最低降至5毛钱。\n"

CLAIMS = """\
version: 1
sources:
  s: {path: a.txt, lang: zh}
  gone: {path: missing.txt, lang: zh}
claims:
  - id: unreadable
    claim: Prices fell by a lot.
    source: s
    figure: "lots"
  - id: missing-source
    claim: Prices fell 97%.
    source: gone
    figure: "97%"
  - id: unknown-source
    claim: Prices fell 97%.
    source: nope
    figures: ["97%", "5毛钱"]
  - id: bad-one-of-two
    claim: Prices fell 97% to half a yuan.
    source: s
    figures: ["97%", "half-ish"]
  - id: says-not
    claim: Prices did not fall 95%.
    source: s
    figure: "not 95%"
  - id: unknown-key
    claim: Prices fell 97%.
    source: s
    figure: "97%"
    neer: [价格]
  - id: figure-and-figures
    source: s
    figure: "97%"
    figures: ["5毛钱"]
"""

# id, figure in the JSON (as written), the error's place, the start of its problem
ERRORED = [
    ("unreadable", "lots", "claims.yaml:9:13", "cannot read figure 'lots'"),
    ("missing-source", "97%", "claims.yaml:4:16", "source file of 'gone' not found"),
    ("unknown-source", ["97%", "5毛钱"], "claims.yaml:16:13", "unknown source 'nope'"),
    ("bad-one-of-two", ["97%", "half-ish"], "claims.yaml:21:22", "cannot read all of figure 'half-ish'"),
    ("says-not", "not 95%", "claims.yaml:25:13", "figure 'not 95%' of claim 'says-not' says \"not\""),
    ("unknown-key", "97%", "claims.yaml:30:5", "unknown key 'neer'"),
    ("figure-and-figures", "97%", "claims.yaml:34:5", "claim 'figure-and-figures' has both `figure` and `figures`"),
]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


@pytest.fixture
def report(project, capsys):
    assert main(["check", "--no-cache", "-f", "json"]) == 2
    return {c["id"]: c for c in json.loads(capsys.readouterr().out)["claims"]}


@pytest.mark.parametrize("cid, figure, place, problem", ERRORED)
def test_json_keeps_the_figure_as_written(report, cid, figure, place, problem):
    claim = report[cid]
    assert (claim["verdict"], claim["figure"]) == ("error", figure)
    assert claim["error"].startswith(f"{place}: {problem}")


@pytest.mark.parametrize("cid, figure, place, problem", ERRORED)
def test_the_table_shows_figure_error_and_place(project, capsys, cid, figure, place, problem):
    main(["check", "--no-cache"])
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith(cid + " "))
    written = figure if isinstance(figure, str) else " / ".join(figure)
    assert f"  {written}  " in row and row.rstrip().endswith(place) and problem[:30] in row


@pytest.mark.parametrize("cid, figure, place, problem", ERRORED)
def test_ci_formats_show_the_figure(project, capsys, monkeypatch, cid, figure, place, problem):
    written = figure if isinstance(figure, str) else ", ".join(figure)
    main(["check", "--no-cache", "-f", "sarif"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    text = next(r["message"]["text"] for r in results if r["partialFingerprints"]["claimId/v1"] == cid)
    lines = text.splitlines()
    assert lines[0].endswith("expected supported, got error")
    assert f"  figure: {written}" in lines and any(line.startswith(f"{place}: {problem}") for line in lines)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["check", "--no-cache"])
    annotation = next(line for line in capsys.readouterr().out.splitlines() if f"claim {cid} (" in line
                      and line.startswith("::error"))
    assert f"%0A  figure: {written.replace('%', '%25')}%0A" in annotation


def test_html_shows_the_figure_of_an_errored_claim(project, capsys):
    main(["report", "--html", "out.html"])
    page = (project / "out.html").read_text(encoding="utf-8")
    card = page[page.index('id="claim-bad-one-of-two"'):]
    card = card[:card.index("</article>")]
    assert "<dt>wanted</dt><dd>97% / half-ish</dd>" in card and "cannot read all of figure" in card


def test_pytest_and_junit_show_the_figure(project, pytester):
    pytester.chdir()
    for name in ("a.txt", "claims.yaml"):
        (pytester.path / name).write_text((project / name).read_text(encoding="utf-8"), encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "--junitxml=j.xml")
    result.assert_outcomes(failed=len(ERRORED))
    result.stdout.fnmatch_lines(["claim unreadable (claims.yaml:6)  expected supported, got error",
                                 "  claim:  Prices fell by a lot.", "  figure: lots",
                                 "claims.yaml:9:13: cannot read figure 'lots' in claim 'unreadable'"])
    cases = {case.get("name"): case for case in ET.parse(pytester.path / "j.xml").iter("testcase")}
    failure = cases["unknown-source"].find("failure")
    assert "  figure: 97%, 5毛钱\n" in failure.text
    line = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "--tb=line")
    line.stdout.fnmatch_lines(["*claims.yaml:6: claim unreadable  expected supported, got error: cannot read "
                               "figure 'lots' in claim 'unreadable'"])
