"""Issue 14, the editor's day: project config, collection, hedges, the terminal table, CLI shape."""
import io
from pathlib import Path

import pytest

from verifier import config
from verifier.commands.check import once_each
from verifier.commands.cli import main
from verifier.errors import VerifierError
from verifier.outputs.ci_formats import repository_root
from verifier.outputs.terminal import clip, colour_wanted, width_of

ROOT = Path(__file__).resolve().parents[1]
from conftest import CHILD_PYTEST, SEED_LINES  # noqa: E402

CLAIMS = """\
version: 1
sources:
  jiemian: {path: a.txt, lang: zh}
claims:
  - id: price-drop
    source: jiemian
    figure: "97%"
    near: [通义千问]
  - id: hf-models
    source: jiemian
    figure: "50,000"
    near: [Hugging Face]
"""


@pytest.mark.parametrize("rel, globs, expected", [
    ("claims.yaml", config.DEFAULT_GLOBS, True),
    ("articles/wu/claims.yaml", config.DEFAULT_GLOBS, True),
    ("claims/wu.yaml", config.DEFAULT_GLOBS, True),
    ("articles/wu-claims.yaml", config.DEFAULT_GLOBS, False),
    ("articles/wu-claims.yaml", ("articles/*-claims.yaml",), True),
    (".venv/lib/claims.yaml", config.DEFAULT_GLOBS, False),
    ("node_modules/x/claims.yaml", config.DEFAULT_GLOBS, False),
    ("vendor/claims/a.yaml", config.DEFAULT_GLOBS, False),
    (".hidden/claims.yaml", config.DEFAULT_GLOBS, False),
    ("claims/.wu.yaml.suggest-1.yaml", config.DEFAULT_GLOBS, False),
    ("claims/wu.yaml~", config.DEFAULT_GLOBS, False),
    ("tests/data.yaml", config.DEFAULT_GLOBS, False),
])
def test_which_files_are_claims_files(tmp_path, rel, globs, expected):
    settings = config.Config(base=tmp_path, claims=globs)
    assert settings.is_claims_file(tmp_path / rel) is expected


@pytest.mark.parametrize("toml, field, value", [
    ('allow_outside = true', "allow_outside", True),
    ('allow-outside = true', "allow_outside", True),
    ('claims-allow-outside = true', "allow_outside", True),
    ('claims = "wu.yaml"', "claims", ("wu.yaml",)),
    ('cache = false', "cache", False),
    ('cache = ".c"', "cache_dir", ".c"),
    ('strict_qualifiers = true', "strict_qualifiers", True),
    ('collect_check = "off"', "collect_check", "off"),
])
def test_tool_verifier_keys(tmp_path, toml, field, value):
    (tmp_path / "pyproject.toml").write_text(f"[tool.verifier]\n{toml}\n")
    assert getattr(config.load(tmp_path), field) == value


@pytest.mark.parametrize("toml, message", [
    ('alow_outside = true', "did you mean 'allow_outside'?"),
    ('allow_outside = "yes"', "allow_outside has the wrong type"),
    ('collect_check = "loud"', "collect_check must be fail, warn or off"),
    ('claims = [1]', "claims must list strings"),
])
def test_bad_tool_verifier_is_a_located_error(tmp_path, toml, message):
    (tmp_path / "pyproject.toml").write_text(f"[tool.verifier]\n{toml}\n")
    with pytest.raises(VerifierError) as err:
        config.load(tmp_path)
    assert message in str(err.value) and "pyproject.toml" in str(err.value)


def _project(pytester, pyproject="", name="claims.yaml", folder="."):
    where = pytester.path / folder
    where.mkdir(parents=True, exist_ok=True)
    (where / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (where / name).write_text(CLAIMS, encoding="utf-8")
    pytester.makepyfile(test_unit="def test_one():\n    assert True\n")
    if pyproject:
        pytester.makepyprojecttoml(pyproject)


@pytest.mark.parametrize("ci, outcome, words", [
    ("", pytest.ExitCode.OK, "under CI (CI=true) this fails the run"),
    ("true", pytest.ExitCode.TESTS_FAILED, "this fails the run under CI"),
])
def test_uncollected_claims_file_is_named(pytester, monkeypatch, ci, outcome, words):
    monkeypatch.setenv("CI", ci)
    _project(pytester, '[tool.pytest.ini_options]\ntestpaths = ["test_unit.py"]\n')
    result = pytester.runpytest()
    assert result.ret == outcome
    result.stdout.fnmatch_lines(["*claims files NOT checked*", "*1 claims file(s) were not collected*claims.yaml",
                                 f"*{words}*"])


@pytest.mark.parametrize("args, warned", [
    ([], False),                             # collected: no warning
    (["test_unit.py"], False),               # a run aimed at one file: the user chose
    (["test_unit.py::test_one"], False),
])
def test_no_warning_when_collected_or_aimed(pytester, monkeypatch, args, warned):
    monkeypatch.setenv("CI", "true")
    _project(pytester)
    result = pytester.runpytest(*args)
    assert ("NOT checked" in result.stdout.str()) is warned
    assert result.ret == 0


@pytest.mark.skipif(not __import__("importlib").util.find_spec("xdist"), reason="pytest-xdist is not installed")
def test_xdist_run_whose_claims_are_all_deselected_is_no_false_alarm(pytester, monkeypatch):
    """Under xdist the workers collect; a claims file all of whose items -k deselects was still collected."""
    monkeypatch.setenv("CI", "true")
    _project(pytester)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *CHILD_PYTEST, "-p", "xdist", "-n", "1",
                                           "-k", "test_one")
    assert "NOT checked" not in result.stdout.str()
    assert result.ret == pytest.ExitCode.OK
    result.assert_outcomes(passed=1)


def test_collect_check_off_silences(pytester, monkeypatch):
    monkeypatch.setenv("CI", "true")
    _project(pytester, '[tool.pytest.ini_options]\ntestpaths = ["test_unit.py"]\n[tool.verifier]\ncollect_check = "off"\n')
    result = pytester.runpytest()
    assert result.ret == 0 and "NOT checked" not in result.stdout.str()


@pytest.mark.parametrize("pyproject, args, passed", [
    ("", ["articles/wu/wu-claims.yaml"], 2),                                      # named: collected
    ('[tool.verifier]\nclaims = ["articles/**/*-claims.yaml"]\n', ["articles"], 2),   # configured glob
    ("", ["articles"], 0),                                                        # neither
])
def test_any_named_or_configured_file_is_collected(pytester, pyproject, args, passed):
    _project(pytester, pyproject, name="wu-claims.yaml", folder="articles/wu")
    result = pytester.runpytest(*args, "-p", "no:cacheprovider")
    assert result.parseoutcomes().get("passed", 0) == passed


@pytest.mark.parametrize("expr, selected", [("jiemian", 2), ("price", 1), ("supported", 2), ("nomatch", 0)])
def test_k_selects_by_source_and_expect(pytester, expr, selected):
    _project(pytester)
    result = pytester.runpytest("claims.yaml", "-k", expr, "--collect-only", "-q")
    assert sum("claims.yaml::" in line for line in result.stdout.lines) == selected


@pytest.mark.parametrize("pyproject, passed, failed", [
    ("", 2, 0),
    ("[tool.verifier]\nstrict_qualifiers = true\n", 1, 1),
])
def test_dropped_hedge_is_a_warning_or_strict_failure(pytester, pyproject, passed, failed):
    _project(pytester, pyproject)
    result = pytester.runpytest("claims.yaml", "-rw")
    result.assert_outcomes(passed=passed, failed=failed)
    # counted by kind: a run in the same process may add pytest's own warnings (assertion rewriting)
    assert str(result.stdout).count("DroppedHedgeWarning:") == (0 if failed else 1)
    if not failed:      # placed at the claim in the claims file, not in the plugin's code
        result.stdout.fnmatch_lines(["*claims.yaml:9: DroppedHedgeWarning: claim hf-models (claims.yaml:9)*"])
        assert "plugin.py" not in result.stdout.str()
    result.stdout.fnmatch_lines(['*the source says "*接近5万" (nearly) at a.txt:21:51; the claim drops the hedge*'])


def test_outside_sources_allowed_by_config(pytester):
    _project(pytester, "[tool.verifier]\nallow_outside = true\n")
    (pytester.path / "claims").mkdir()
    (pytester.path / "claims" / "wu.yaml").write_text(CLAIMS.replace("path: a.txt", "path: ../a.txt"))
    result = pytester.runpytest("claims/wu.yaml")
    result.assert_outcomes(passed=2)


@pytest.mark.parametrize("text, width, expected", [
    ("short text", 20, "short text"),
    ("the quick brown fox jumps over", 18, "the quick brown…"),
    ("supercalifragilistic", 10, "supercali…"),
    ("百万Tokens调用花费最低降至5毛钱", 12, "百万Tokens…"),
    ("调用价格下降了百分之九十七", 9, "调用价格…"),
])
def test_clip_cuts_at_word_boundaries_in_display_columns(text, width, expected):
    assert clip(text, width) == expected
    assert width_of(clip(text, width)) <= width


class _Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("env, tty, colour", [
    ({}, True, True), ({}, False, False), ({"NO_COLOR": "1"}, True, False),
    ({"FORCE_COLOR": "1"}, False, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    ({"FORCE_COLOR": "0"}, False, False),
])
def test_colour_follows_no_color_and_force_color(env, tty, colour):
    assert colour_wanted(_Tty() if tty else io.StringIO(), env) is colour


def test_once_each_counts_claims():
    got = once_each([("missing a.txt", "c1"), ("missing a.txt", "c2"), ("bad b", "c3"), ("pair broke", "")])
    assert got == ["missing a.txt\n  (the same error for 2 claims: c1, c2)", "bad b", "pair broke"]


def test_repository_root_is_the_git_top_level(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    assert repository_root(tmp_path / "sub" / "deeper") == tmp_path.resolve()


def test_annotations_from_a_subfolder_name_the_file_from_the_repository_root(tmp_path, monkeypatch, capsys):
    """A workflow step with `working-directory: proj` still annotates proj/claims.yaml."""
    (tmp_path / ".git").mkdir()
    project = tmp_path / "proj"
    project.mkdir()
    (project / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (project / "claims.yaml").write_text(CLAIMS.replace('figure: "97%"', 'figure: "96%"', 1), encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["claims.yaml", "--no-cache"])
    out = capsys.readouterr().out
    assert "::error file=proj/claims.yaml," in out


def _write(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path / "claims.yaml"


@pytest.mark.parametrize("argv", [
    ["check", "{c}"], ["check", "--claims", "{c}"], ["{c}"], ["lock", "--claims", "{c}"], ["coverage", "{c}"],
])
def test_claims_file_positional_or_flag(tmp_path, capsys, argv):
    claims = _write(tmp_path)
    assert main([a.format(c=claims) for a in argv]) == 0


def test_two_different_claims_files_is_bad_input(tmp_path, capsys):
    claims = _write(tmp_path)
    assert main(["check", str(claims), "--claims", "other.yaml"]) == 2
    assert "two claims files given" in capsys.readouterr().err


def test_plain_output_shows_hedge_and_summary_with_output_file(tmp_path, capsys):
    claims = _write(tmp_path)
    assert main(["check", str(claims)]) == 0
    out = capsys.readouterr().out
    assert "supported ⚠" in out and "warning: hf-models" in out and "\x1b[" not in out
    assert main(["check", str(claims), "-o", str(tmp_path / "r.txt")]) == 0
    assert capsys.readouterr().err.splitlines()[1].startswith("verifier: 2 supported, 0 contradicted, 0 not found")


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("verifier ")


DIAGNOSED = """\
version: 1
sources:
  jiemian: {path: a.txt, lang: zh}
claims:
  - id: months
    claim: AI has developed for 24 months.
    source: jiemian
    figure: "24 months"
  - id: demand
    source: jiemian
    figure: "97%"
    near: [通义千问, zzqx]
"""


@pytest.mark.parametrize("claim_id, hint", [
    ("months", "did you mean 22个月 (22 month) at a.txt:15:7?"),
    ("demand", "near word 'zzqx': found nowhere in the source; tried only the word itself (no glossary entry; "
               "CC-CEDICT had nothing)"),
])
def test_failing_claims_say_what_to_fix(tmp_path, capsys, claim_id, hint):
    (tmp_path / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(DIAGNOSED, encoding="utf-8")
    assert main(["check", str(tmp_path / "claims.yaml"), "-f", "json"]) == 1
    import json
    claims = {c["id"]: c for c in json.loads(capsys.readouterr().out)["claims"]}
    # the correction a person sees: a hint, or the evidence itself when the checker already cites that figure
    shown = claims[claim_id].get("hints", []) + [f"did you mean {e['figure']} ({e['value']}) at a.txt:{e['line']}:"
                                                 f"{e['col']}?" for e in claims[claim_id]["found"]]
    assert any(h.startswith(hint) for h in shown)


@pytest.mark.parametrize("word, line, code", [
    ("Nvidia", "  glossary (built in): 英伟达", 0),
    ("R&D", "  glossary (built in): research and development, 研发", 0),      # spelt as written, not folded
    ("zzqx", "  nothing known: add it to claims.yaml, e.g. `glossary: {zzqx: [...]}`", 1),
])
def test_glossary_command_shows_what_is_known(tmp_path, monkeypatch, capsys, word, line, code):
    monkeypatch.chdir(tmp_path)
    assert main(["glossary", word]) == code
    assert line in capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("order, swapped", [(("en", "zh"), False), (("zh", "en"), True)])
def test_compare_puts_english_first(tmp_path, capsys, order, swapped):
    texts = {"en": "Revenue rose 12% to 4.4 billion yuan in 2023, the company said on Monday.\\n",
             "zh": "公司周一表示，2023年营收增长12%，达到44亿元。\\n"}
    paths = []
    for lang in order:
        (tmp_path / f"{lang}.txt").write_text(texts[lang], encoding="utf-8")
        paths.append(str(tmp_path / f"{lang}.txt"))
    main(["compare", *paths, "-f", "json"])
    out, err = capsys.readouterr()
    assert ("reads as Chinese" in err) is swapped
    import json
    assert json.loads(out)["en"].endswith("en.txt")


TB_LINE_CLAIMS = CLAIMS + """\
  - id: wrong
    source: jiemian
    figure: "95%"
    near: [通义千问]
  - id: nowhere
    source: elsewhere
    figure: "97%"
"""


@pytest.mark.parametrize("args", [[], [*CHILD_PYTEST, "-p", "xdist", "-n", "1"]], ids=["serial", "xdist"])
def test_tb_line_prints_each_failure_once_on_one_line(pytester, args):
    if args and not __import__("importlib").util.find_spec("xdist"):
        pytest.skip("pytest-xdist is not installed")
    _project(pytester)
    (pytester.path / "claims.yaml").write_text(TB_LINE_CLAIMS, encoding="utf-8")
    run = pytester.runpytest_subprocess if args else pytester.runpytest
    result = run("claims.yaml", "--tb=line", "-p", "no:cacheprovider", *args)
    lines = [line for line in result.outlines if line.startswith("claims.yaml:") and line[12:13].isdigit()]
    assert sorted(lines) == [
        "claims.yaml:13: claim wrong  expected supported, got contradicted: source says 97%, claim says 95%",
        "claims.yaml:17: claim nowhere  expected supported, got error: unknown source 'elsewhere' in claim 'nowhere'",
    ]
    assert sum("expected supported, got" in line for line in result.outlines) == 4    # + the short summary


@pytest.mark.parametrize("claim_line, warned", [("    claim:   # TODO\n", True), ("    claim: Qwen prices fell 97%.\n", False)])
def test_claims_that_state_nothing_are_warned(tmp_path, capsys, claim_line, warned):
    (tmp_path / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nsources:\n  s: {path: a.txt, lang: zh}\nclaims:\n  - id: stub\n" + claim_line
        + "    source: s\n    figure: \"97%\"\n", encoding="utf-8")
    main(["check", str(tmp_path / "claims.yaml"), "--no-cache", "-f", "simple"])
    assert ("say nothing in `claim:`" in capsys.readouterr().out) is warned


BROKEN_EXPECTS = [
    # the claim's keys, the expect a report shows for it
    ("    figure: '90%'\n    expect: supportd\n", "supportd"),           # a typo is shown as written
    ("    figure: '90%'\n    expect: contradicted\n    nera: [x]\n", "contradicted"),   # broken otherwise
    ("    figure: '90%'\n    nera: [x]\n", "supported"),                # none written: the default
]


@pytest.mark.parametrize("keys, shown", BROKEN_EXPECTS)
def test_a_broken_claim_keeps_the_expect_it_was_given(tmp_path, capsys, keys, shown):
    import json
    (tmp_path / "a.txt").write_text("Prices fell 90%.", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("version: 1\nsources: {a: {path: a.txt, lang: en}}\nclaims:\n"
                                          f"  - id: c\n    source: a\n{keys}", encoding="utf-8")
    assert main(["check", str(tmp_path / "claims.yaml"), "-f", "json", "--no-cache"]) == 2
    (claim,) = json.loads(capsys.readouterr().out)["claims"]
    assert (claim["verdict"], claim["expect"]) == ("error", shown)
