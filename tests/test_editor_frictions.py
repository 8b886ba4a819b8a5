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


# -- 3. a not_found reason says where the claim's own value stands, and why it was set aside ------------------

TEXT = ("Revenue grew 12% in 2019. The company hired staff.\n\n"
        "The Rust survey is out. Daily users have fallen from 19% to 17.5% this year.\n\n"
        "In 2021 Kuaigou's revenue rose 5%, its costs rose 7%, its staff grew 9% and its commission rate rose to 14%.\n"
        "The weather index rose 33% last week.\n")
SNAPDRAGON = "第三代骁龙8支持高达100亿参数，并以20 token/秒的速度运行，而骁龙X Elite支持超过130亿参数。\n"
SOURCES = "version: 1\nsources: {s: {path: s.md, lang: en}, z: {path: z.md, lang: zh}, y: {path: y.md, lang: en}}\n"


def _unfound_project(folder: Path, claim: str) -> None:
    (folder / "s.md").write_text(TEXT, encoding="utf-8")
    (folder / "z.md").write_text(SNAPDRAGON, encoding="utf-8")
    (folder / "y.md").write_text(TEXT.split("\n")[0] + "\n", encoding="utf-8")
    (folder / "claims.yaml").write_text(SOURCES + f"claims:\n  - {claim}\n", encoding="utf-8")


UNFOUND = [
    # another year
    ('{id: c, claim: "Revenue grew 12% in 2021", source: y, figure: "12%"}',
     "12% appears at y.md:1:14 but is about 2019, not the claim's 2021; no other figure like 12% in the source"),
    # a starting value
    ('{id: c, claim: "Daily Rust users fell to 19%", source: s, figure: "19%"}',
     "19% appears at s.md:3:54 but is a starting value; no other figure like 19% in the source"),
    # the value stands after three other figures set aside for the same year: named, not hidden in '… and 2 more'
    ('{id: c, claim: "Kuaigou\'s commission rate was 14% in 2019.", source: s, figure: "14%"}',
     "14% appears at s.md:5:105 but is about 2021, not the claim's 2019; no other figure like 14% in the source"),
    # the near words bind another clause
    ("{id: c, source: z, figure: '20 tokens/s', near: [X Elite]}",
     "20 token/秒 (20 token/second) appears at z.md:1:20 but the near words speak of another subject or clause "
     "there; no other figure like 20 token/second in the source near the given words"),
    # no such value anywhere: as before
    ('{id: c, claim: "Kuaigou had 500 trucks", source: s, figure: "500 trucks"}', "no figure like 500 in the source"),
    # the value in a sentence about something else: as before
    ('{id: c, claim: "Exports of cars jumped 33%", source: s, figure: "33%"}',
     "33% (s.md:6:24) has the claim's value, but its sentence shares none of the claim's words: scope not "
     "established (none of the claim's words stands anywhere in the source: give near words or a glossary entry); "
     "set aside, as about another period or a starting value: 19% (s.md:3:54, a starting value)"),
]


@pytest.mark.parametrize("claim, reason", UNFOUND,
                         ids=["another-year", "starting-value", "after-others", "near-binding", "absent", "off-topic"])
def test_not_found_reason_names_the_claims_value_where_it_stands(tmp_path, monkeypatch, capsys, claim, reason):
    _unfound_project(tmp_path, claim)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "-f", "json"]) == 1
    (entry,) = json.loads(capsys.readouterr().out)["claims"]
    assert (entry["verdict"], entry["reason"]) == ("not_found", reason)
    if " appears at " in reason:       # the hint cites the same place, and never says the value is missing
        where = reason.split(" appears at ", 1)[1].split(" ", 1)[0]
        assert entry["hints"] and all(where in hint and "no figure like" not in hint for hint in entry["hints"])


@pytest.mark.parametrize("output", ["terminal", "json", "html", "sarif", "pytest"])
def test_not_found_reason_is_the_same_in_every_output(tmp_path, monkeypatch, capsys, pytester, output):
    claim, reason = UNFOUND[2]
    _unfound_project(tmp_path, claim)
    monkeypatch.chdir(tmp_path)
    if output == "pytest":
        result = pytester.runpytest("-p", "no:cacheprovider", str(tmp_path / "claims.yaml"), "--claims-no-cache")
        shown = "\n".join(result.outlines)
    elif output == "html":
        main(["check", "--no-cache", "--html", "r.html"])
        import html
        shown = html.unescape((tmp_path / "r.html").read_text(encoding="utf-8"))
    else:
        main(["check", "--no-cache", "-f", {"terminal": "github", "json": "json", "sarif": "sarif"}[output]])
        shown = capsys.readouterr().out.replace("\\u2019", "'")
    head = "14% appears at s.md:5:105 but is about 2021"      # what a cut table cell keeps too
    assert head in shown and "no figure like 14%" not in shown.replace("no other figure like 14%", "")
    if output != "terminal":
        assert reason in shown


KUAIGOU = ("据快狗打车招股书显示，2018年快狗内地和海外市场的抽佣率分别为5.8%和4.5%，2020年抽佣率上升至9.8%和8.2%，"
           "并在2021年进一步上升至12.0%和9.2%。\n")


@pytest.mark.parametrize("source, text, claim, hint", [
    ("y.md", TEXT, '{id: c, claim: "Revenue grew 12% in 2021", source: s, figure: "12%"}',
     "the source gives 12% at s.md:1:14 too, but the checker took 14% at s.md:5:105 as the figure the claim is "
     "about: if the claim means 12%, say in its words what sets it apart"),
    ("y.md", KUAIGOU, '{id: c, claim: "Kuaigou\'s mainland commission rate rose to 9.2% in 2021.", source: y, '
                      'figure: "9.2%", near: [抽佣率]}',
     "the source gives 9.2% at y.md:1:83 too, but the checker took 12.0% at y.md:1:77 as the figure the claim is "
     "about: if the claim means 9.2%, say in its words what sets it apart"),
], ids=["another-year", "list-slot"])
def test_contradicted_hint_names_the_figure_taken_instead(tmp_path, monkeypatch, capsys, source, text, claim, hint):
    """Not 'the checker set it aside (the `why:` says for what)' when the why speaks only of the other figure."""
    _unfound_project(tmp_path, claim)
    (tmp_path / source).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "-f", "json"]) == 1
    (entry,) = json.loads(capsys.readouterr().out)["claims"]
    assert entry["verdict"] == "contradicted" and entry["hints"][-1].startswith(hint), entry["hints"]


# -- 4. every verb takes the claims file by position, and the old --claims flag still works -----------------

VERBS_CLAIMS = (CLAIMS + """\
  - id: hf-models
    claim: Qwen models on Hugging Face number 50,000.
    source: jiemian
    figure: "50,000"
pairs:
  - {en: aurora-en, zh: aurora-zh, summary: en}
""").replace("sources:\n", "sources:\n  aurora-en: {path: en.md, lang: en}\n  aurora-zh: {path: zh.md, lang: zh}\n")


@pytest.mark.parametrize("positional, flag, code", [
    (["check", "{c}"], ["check", "--claims", "{c}"], 0),
    (["{c}"], ["-c", "{c}"], 0),
    (["report", "{c}", "--html", "{d}/r.html"], ["report", "--claims", "{c}", "--html", "{d}/r.html"], 0),
    (["lock", "{c}"], ["lock", "--claims", "{c}"], 0),
    (["coverage", "{c}"], ["coverage", "--claims", "{c}"], 0),
    (["config", "{c}"], ["config", "--claims", "{c}"], 0),
    (["suggest", "{c}", "jiemian"], ["suggest", "jiemian", "--claims", "{c}"], 0),
    (["compare", "{c}"], ["compare", "--claims", "{c}"], 0),
    (["glossary", "{c}", "ModelScope"], ["glossary", "ModelScope", "--claims", "{c}"], 0),
], ids=["check", "bare", "report", "lock", "coverage", "config", "suggest", "compare", "glossary"])
def test_every_verb_takes_the_claims_file_by_position_or_flag(tmp_path, monkeypatch, capsys, positional, flag, code):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (folder / "en.md").write_text(EN.replace("90%", "80%"), encoding="utf-8")
    (folder / "zh.md").write_text(ZH, encoding="utf-8")
    (folder / "claims.yaml").write_text(VERBS_CLAIMS + "glossary:\n  ModelScope: [魔搭]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)          # no ./claims.yaml here: the default would be an error
    monkeypatch.setenv("COLUMNS", "200")
    outputs = []
    for argv in (positional, flag):
        assert main([a.format(c="news/claims.yaml", d=str(tmp_path)) for a in argv]) == code, argv
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    if positional[0] == "glossary":
        assert "魔搭" in outputs[0]


# -- 4. the HTML report shows a failing claim's hints, as the terminal, pytest and JSON do ------------------

@pytest.mark.parametrize("claim, hint", [
    (UNFOUND[2][0], "hint: the source gives 14% at s.md:5:105, but the checker set it aside as about 2021"),
    ("{id: c, source: z, figure: '20 tokens/s', near: [X Elite, zzqx]}",
     "hint: near word 'zzqx': found nowhere in the source"),
    ('{id: c, claim: "Daily Rust users fell to 19%", source: s, figure: "19%", expect: not_found}', None),  # passes
], ids=["set-aside", "near-word", "passing"])
def test_html_report_shows_hints(tmp_path, monkeypatch, claim, hint):
    import html
    _unfound_project(tmp_path, claim)
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "--html", "r.html"])
    page = html.unescape((tmp_path / "r.html").read_text(encoding="utf-8"))
    shown = re.findall(r'<p class="hint">([^<]*)</p>', page)
    assert (any(h.startswith(hint) for h in shown) if hint else shown == []), shown


# -- 4. [tool.verifier] source_roots: the folders a project's sources live in, for every claims file ---------

OUTSIDE = """\
version: 1
sources:
  jiemian: {path: ../sources/a.txt, lang: zh}
claims:
  - id: price-drop
    source: jiemian
    figure: "97%"
    near: [通义千问]
"""


@pytest.mark.parametrize("toml, code, message", [
    ("", 2, 'source_roots = ["sources"] in [tool.verifier]'),     # the hint names the key and the folder
    ('source_roots = ["sources"]\n', 0, None),
    ('source_roots = "sources"\n', 0, None),
    ('source-roots = ["./sources/"]\n', 0, None),
    ('source_roots = ["other"]\n', 2, "is outside the claims file's folder"),
    ('source_roots = ["sources"]\nallow_outside = false\n', 0, None),
    ('allow_outside = true\n', 0, None),
    ('source_roots = [1]\n', 2, "[tool.verifier] source_roots must list strings"),
], ids=["none", "list", "string", "dashed", "another-folder", "with-allow-false", "allow-outside", "bad-type"])
def test_source_roots_let_claims_files_reach_the_projects_sources(tmp_path, monkeypatch, capsys, pytester, toml, code,
                                                                 message):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "wu.yaml").write_text(OUTSIDE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.verifier]\n" + toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "claims/wu.yaml", "--no-cache"]) == code
    out, err = capsys.readouterr()
    assert message is None or message in out + err
    if "[1]" not in toml:          # pytest reads the same key
        result = pytester.runpytest("-p", "no:cacheprovider", "--rootdir", str(tmp_path), "-c",
                                    str(tmp_path / "pyproject.toml"), str(tmp_path / "claims" / "wu.yaml"))
        assert result.ret == (pytest.ExitCode.OK if code == 0 else pytest.ExitCode.TESTS_FAILED)


# -- 4. suggest's closing messages wrap to the terminal too ----------------------------------------------------

@pytest.mark.parametrize("seed, lang, width", [
    ("001_187f639e31b962a3.txt", "zh", 80),       # '6 have no stub: …' was 98 columns
    ("001_187f639e31b962a3.txt", "zh", 60),
    ("000_9bfada59106e9d6b.txt", "en", 80),
])
def test_suggest_fits_the_terminal(tmp_path, monkeypatch, capsys, seed, lang, width):
    from verifier.outputs.terminal import width_of
    (tmp_path / "s.txt").write_text((ROOT / "seeds" / seed).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(f"version: 1\nsources:\n  s: {{path: s.txt, lang: {lang}}}\nclaims: []\n",
                                          encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FORCE_COLOR", "1")       # a person's terminal
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(["suggest", "s"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("are not covered by a claim" in line for line in lines)
    assert [line for line in lines if width_of(line) > width] == []


@pytest.mark.parametrize("how", [["--allow-outside"], []], ids=["allow-outside", "source-roots"])
def test_an_outside_source_is_named_as_the_claims_file_writes_it(tmp_path, monkeypatch, capsys, how):
    """Evidence in a source outside the claims file's folder: `../sources/a.txt:19:64`, as its `path:` says, not
    the machine's absolute path (which CI logs and annotations would carry)."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "wu.yaml").write_text(OUTSIDE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.verifier]\n" + ("" if how else 'source_roots = ["sources"]\n'),
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "claims/wu.yaml", "--no-cache", "-f", "json", *how]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["claims"]
    assert [(e["path"], e["line"], e["col"]) for e in entry["found"]][0] == ("../sources/a.txt", 19, 64)


@pytest.mark.parametrize("claim, hint", [
    # the sentence holds the claim's words, but the checker took another figure: not 'does not speak of it'
    ('{id: c, claim: "Qwen has 50,000 derivative models on Huggingface", source: j, figure: "50,000"}',
     "the source gives 接近5万 (≤50,000) at a.txt:21:51, in a sentence with the claim's words"),
    # a sentence about something else: as before
    ('{id: c, claim: "Exports of cars jumped 33%", source: s, figure: "33%"}',
     "the source gives 33% at s.md:6:24, but its sentence does not speak of what the claim does"),
], ids=["shares-words", "off-topic"])
def test_hint_says_whether_the_sentence_speaks_of_the_claim(tmp_path, monkeypatch, capsys, claim, hint):
    _unfound_project(tmp_path, claim)
    (tmp_path / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text((tmp_path / "claims.yaml").read_text(encoding="utf-8").replace(
        "sources: {", "sources: {j: {path: a.txt, lang: zh}, "), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "-f", "json"])
    (entry,) = json.loads(capsys.readouterr().out)["claims"]
    assert entry["verdict"] == "not_found" and any(h.startswith(hint) for h in entry["hints"]), entry["hints"]


# -- 2b. a failing claim is one line in pytest's short test summary too (under CI it was its whole block again) -

FAILING = CLAIMS.replace('figure: "97%"', 'figure: "99%"') + """\
  - id: nowhere
    source: elsewhere
    figure: "97%"
"""


@pytest.mark.parametrize("ci, args", [("true", []), ("", ["-vv"]), ("true", ["-p", "xdist", "-n", "1"])],
                         ids=["ci", "verbose", "ci-xdist"])
def test_failing_claim_is_one_line_in_the_short_summary(pytester, monkeypatch, ci, args):
    if "xdist" in args and not __import__("importlib").util.find_spec("xdist"):
        pytest.skip("pytest-xdist is not installed")
    monkeypatch.setenv("CI", ci)
    (pytester.path / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (pytester.path / "claims.yaml").write_text(FAILING, encoding="utf-8")
    run = pytester.runpytest_subprocess if args[:1] == ["-p"] else pytester.runpytest
    result = run("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", *args)
    lines = result.outlines
    summary = lines[next(i for i, x in enumerate(lines) if "short test summary info" in x) + 1:-1]
    assert summary == [
        "FAILED claims.yaml::price-drop - claim price-drop (claims.yaml:5)  expected supported, got contradicted: "
        "source says 97%, claim says 99%",
        "FAILED claims.yaml::nowhere - claim nowhere (claims.yaml:9)  expected supported, got error: unknown source "
        "'elsewhere' in claim 'nowhere'"]
    assert sum(x.startswith("  found:  \"下降了97%\"") for x in lines) == 1      # the block once, in FAILURES


# -- 4. a figure-only claim (no `claim:` key) is no stub: the CLI does not warn of it, as pytest does not ------

@pytest.mark.parametrize("claim_line, warned", [
    ("    claim:   # TODO\n", True),                 # a stub
    ("", False),                                     # figure-only, as the README says
    ("    claim: Qwen prices fell 97%.\n", False),
], ids=["todo", "figure-only", "written"])
def test_only_stubs_are_warned_as_saying_nothing(tmp_path, capsys, pytester, monkeypatch, claim_line, warned):
    monkeypatch.delenv("CI", raising=False)
    (tmp_path / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nsources:\n  s: {path: a.txt, lang: zh}\nclaims:\n  - id: c\n" + claim_line
        + "    source: s\n    figure: \"97%\"\n    near: [通义千问]\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "claims.yaml"), "--no-cache", "-f", "simple"]) == 0
    assert ("say nothing in `claim:`" in capsys.readouterr().out) is warned
    result = pytester.runpytest("-p", "no:cacheprovider", str(tmp_path / "claims.yaml"), "--claims-no-cache")
    assert ("ClaimStubWarning" in result.stdout.str()) is warned
