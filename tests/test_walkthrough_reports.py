"""The second new-user walk-through (issue 14): every verb that checks claims and pairs tells one story.

1. `report --html`, `check --html`, `-o x.html`, JSON and the table give the same exit status and summary line.
2. The output file's extension chooses the format when none is given; --format wins; --html FILE is a shorthand.
3. A pair's failing count is one count (unexplained disagreements, how many of them fail) in every report.
4. A skipped claim is counted only under `skipped`: passed + failed + skipped = total.
5. A `not_found` hint for a figure set aside as a starting value says so, not that its sentence is off-topic.
"""
from __future__ import annotations

import json
import re

import pytest

from verifier.commands.cli import main

# one high-confidence disagreement (10 GB ~ 8 GB) and one of medium confidence (PyTorch 2.0.1 ~ 2.0)
EN = "Qwen-7B needs 10 GB of GPU memory and scores 53.8% on GSM8K. Use PyTorch 2.0.1 to run it.\n"
ZH = "Qwen-7B 需要 8 GB 显存，在 GSM8K 上得分 53.8%。运行它的软件环境为 PyTorch 2.0。\n"
CLAIMS = """version: 1
sources:
  doc-en: {{path: en.txt, lang: en}}
  doc-zh: {{path: zh.txt, lang: zh}}
pairs:
  - en: doc-en
    zh: doc-zh
{accept}claims:
  - {{id: gsm, claim: Qwen-7B scores 53.8% on GSM8K., source: doc-en, figure: "53.8%"}}
{extra}"""
ACCEPT = "    accept:\n      - {en: \"10 GB\", zh: \"8 GB\", reason: the Chinese text quotes the Int8 build}\n"
SKIPPED = "  - {id: later, source: doc-zh, figure: \"8 GB\", skip: \"awaiting the print edition\"}\n"
WRONG = "  - {id: wrong, claim: Qwen-7B scores 60% on GSM8K., source: doc-en, figure: \"60%\"}\n"

FAILING_PAIR = ("verifier: 1 supported, 0 contradicted, 0 not found — all claims meet expect; 1 of 1 pair(s) FAIL: "
                "doc-en~doc-zh (2 unexplained disagreement(s), 1 failing)")
PASSING_PAIR = "verifier: 1 supported, 0 contradicted, 0 not found — all claims meet expect"


def write_project(folder, accept: str = "", extra: str = ""):
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "zh.txt").write_text(ZH, encoding="utf-8")
    (folder / "claims.yaml").write_text(CLAIMS.format(accept=accept, extra=extra), encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return lambda accept="", extra="": write_project(tmp_path, accept, extra)


# -- 1. one exit status, one summary line, whichever verb and format -----------------------------------------

VERBS = [
    ["check"],
    ["report", "--html", "h.html"],
    ["check", "--html", "h.html"],
    ["--html", "h.html"],
    ["check", "-o", "r.html"],
    ["check", "-o", "r.txt"],
    ["check", "-f", "json"],
]


@pytest.mark.parametrize("accept, code, line", [("", 1, FAILING_PAIR), (ACCEPT, 0, PASSING_PAIR)],
                         ids=["pair-fails", "pair-passes"])
@pytest.mark.parametrize("argv", VERBS, ids=[" ".join(v) for v in VERBS])
def test_every_verb_gives_the_same_exit_status_and_summary(project, capsys, argv, accept, code, line):
    project(accept)
    assert main([*argv, "--no-cache"]) == code
    out, err = capsys.readouterr()
    if "-f" in argv:                          # JSON carries the pairs; its summary line is the table's
        from verifier.outputs.report import summary_line
        assert summary_line(json.loads(out)) == line
        return
    said = [x.removesuffix(f" (report: {argv[-1]})") for x in (out + err).splitlines() if x.startswith("verifier: 1")]
    assert said == [line]


def test_the_html_page_status_names_the_failing_pair(project, capsys):
    folder = project()
    assert main(["report", "--html", "h.html", "--no-cache"]) == 1
    page = (folder / "h.html").read_text(encoding="utf-8")
    assert f'<p class="status failing" id="status">{FAILING_PAIR}</p>' in page


# -- 2. the format from the output file's extension; --format wins; --html FILE -----------------------------

FORMATS = [
    (["-o", "r.html"], "r.html", "<!DOCTYPE html>"),
    (["-o", "r.HTM"], "r.HTM", "<!DOCTYPE html>"),
    (["--html", "r.html"], "r.html", "<!DOCTYPE html>"),
    (["-o", "r.json"], "r.json", '{\n  "claims_file": "claims.yaml"'),
    (["-o", "r.sarif"], "r.sarif", '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json"'),
    (["-o", "r.md"], "r.md", "| id    | verdict   |"),
    (["-o", "r.txt"], "r.txt", "id     verdict    "),
    (["-o", "report"], "report", "id     verdict    "),
    (["-f", "json", "-o", "r.html"], "r.html", '{\n  "claims_file": "claims.yaml"'),     # --format wins
    (["-f", "html", "-o", "r.txt"], "r.txt", "<table>"),                                # tabulate's table
    (["-f", "html-report", "-o", "r.txt"], "r.txt", "<!DOCTYPE html>"),
]


@pytest.mark.parametrize("argv, name, start", FORMATS, ids=[" ".join(f[0]) for f in FORMATS])
def test_the_output_extension_chooses_the_format(project, capsys, argv, name, start):
    folder = project(ACCEPT, SKIPPED)
    assert main(["check", "--no-cache", *argv]) == 0
    assert (folder / name).read_text(encoding="utf-8").startswith(start)


@pytest.mark.parametrize("argv, found", [
    (["--html", "a.html", "-o", "b.html"], "--html a.html and --output b.html"),
    (["--html", "a.html", "-f", "json"], "--html a.html and --format json"),
    (["report", "--html", "a.html", "-f", "sarif"], "--html a.html and --format sarif"),
])
def test_html_with_another_report_is_refused(project, capsys, argv, found):
    folder = project()
    assert main([*argv, "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[:4] == [
        "--html FILE is short for `--output FILE --format html-report`",
        f"  found:    {found}",
        "  expected: --html FILE alone, or --output FILE with --format FORMAT",
        "  hint:     write one report per run; the file's extension chooses its format (-o report.html is the "
        "HTML report)"]
    assert "Traceback" not in err and not list(folder.glob("*.html"))


# -- 3. one count of a pair's disagreements ------------------------------------------------------------------

@pytest.mark.parametrize("unexplained, failing, text", [
    (0, 0, "no unexplained disagreement"),
    (3, 3, "3 unexplained disagreement(s)"),
    (3, 2, "3 unexplained disagreement(s), 2 failing"),
    (2, 0, "2 unexplained disagreement(s) of medium confidence, none failing"),
])
def test_disagreements_text(unexplained, failing, text):
    from verifier.audit.report import disagreements
    assert disagreements(unexplained, failing) == text


COUNT = "2 unexplained disagreement(s), 1 failing"


@pytest.mark.parametrize("argv, where", [
    (["check"], "FAIL: "),
    (["compare"], "compare en.txt ~ zh.txt: "),
    (["compare", "en.txt", "zh.txt"], "compare en.txt ~ zh.txt: "),
    (["report", "--html", "h.html"], '<p class="status failing"'),
    (["report", "--html", "h.html"], "2 EN / 2 ZH figures"),
], ids=["check", "compare-claims", "compare-files", "html-status", "html-pair"])
def test_every_report_counts_the_pair_alike(project, capsys, argv, where):
    folder = project()
    assert main([*argv, *(["--no-cache"] if argv[0] != "compare" else [])]) == 1
    out, err = capsys.readouterr()
    text = out + err + ((folder / "h.html").read_text(encoding="utf-8") if "--html" in argv else "")
    lines = [x for x in text.splitlines() if where in x]
    assert lines and all(COUNT in x for x in lines), lines
    assert "1 unexplained" not in text and "3 unexplained" not in text


def test_pytest_counts_the_pair_alike(pytester):
    write_project(pytester.path)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([f"pair doc-en~doc-zh (claims.yaml:6): {COUNT}"])


# -- 4. a skipped claim is neither passed nor failed --------------------------------------------------------

@pytest.mark.parametrize("extra, counts, badges", [
    (SKIPPED, {"total": 2, "passed": 1, "failed": 0, "skipped": 1}, ["1 meet expect"]),
    (SKIPPED + WRONG, {"total": 3, "passed": 1, "failed": 1, "skipped": 1}, ["1 meet expect", "1 do not"]),
    (SKIPPED * 1 + SKIPPED.replace("later", "later-too"), {"total": 3, "passed": 1, "failed": 0, "skipped": 2},
     ["1 meet expect"]),
    ("", {"total": 1, "passed": 1, "failed": 0, "skipped": 0}, ["1 meet expect"]),
], ids=["one-skipped", "skipped-and-failing", "two-skipped", "none-skipped"])
def test_skipped_claims_count_only_as_skipped(project, capsys, extra, counts, badges):
    folder = project(ACCEPT, extra)
    main(["check", "--no-cache", "-f", "json"])
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert {k: summary[k] for k in counts} == counts
    assert summary["passed"] + summary["failed"] + summary["skipped"] == summary["total"]
    main(["report", "--html", "h.html", "--no-cache"])
    page = (folder / "h.html").read_text(encoding="utf-8")
    assert re.findall(r'class="badge (?:pass|fail)">(\d+ [^<]+)</span>', page) == badges


# -- 5. the hint says why the claim's very value was set aside ----------------------------------------------

RUST = "The Rust survey is out. Daily users have fallen from 19% to 17.5% this year.\n"
YEARS = "Revenue grew 12% in 2019. The company hired staff.\n"
WEATHER = "The weather index rose 33% last week.\n"


@pytest.mark.parametrize("text, claim, figure, near, verdict, hint", [
    (RUST, "Daily Rust users fell to 19%", "19%", "", "not_found",
     "the source gives 19% at s.md:1:54, but the checker set it aside as a starting value: the value changed "
     "from 19% to another, so a claim that it rose or fell to 19% is wrong; if the claim means the start, write "
     "it so ('fell from 19%')"),
    (RUST, "Daily users fell to 19%", "19%", "[daily]", "contradicted",
     "the source gives 19% at s.md:1:54, but the checker set it aside as a starting value: the value changed "
     "from 19% to another, so a claim that it rose or fell to 19% is wrong; if the claim means the start, write "
     "it so ('fell from 19%')"),
    (YEARS, "Revenue grew 12% in 2021", "12%", "", "not_found",
     "the source gives 12% at s.md:1:14, but the checker set it aside as about 2019: if the claim means that, "
     "say so in its words (the year, the base, the part); if not, the source does not give the claim's figure"),
    (WEATHER, "Exports of cars jumped 33%", "33%", "", "not_found",       # here the sentence is about another thing
     "the source gives 33% at s.md:1:24, but its sentence does not speak of what the claim does: write the "
     "subject as the source names it, or add `near:`"),
], ids=["starting-value", "starting-value-near", "another-year", "off-topic"])
def test_a_set_aside_figure_gets_the_true_hint(tmp_path, capsys, monkeypatch, text, claim, figure, near, verdict,
                                              hint):
    (tmp_path / "s.md").write_text(text, encoding="utf-8")
    near = f", near: {near}" if near else ""
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nsources: {s: {path: s.md, lang: en}}\nclaims:\n"
        f"  - {{id: c, claim: \"{claim}\", source: s, figure: \"{figure}\"{near}}}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "-f", "json"]) == 1
    (entry,) = json.loads(capsys.readouterr().out)["claims"]
    assert (entry["verdict"], entry["hints"]) == (verdict, [hint])
