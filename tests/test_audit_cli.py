"""`verifier compare` and the pytest pair item, end to end on files in a temporary folder."""
from __future__ import annotations

import json

import pytest

from verifier.commands.cli import main

EN_OK = "MiniCPM-2B has 2.4B parameters and scores 53.83% on GSM8K.\n"
ZH_OK = "MiniCPM-2B 有 24亿参数，在 GSM8K 上得分 53.83%。\n"
EN_BAD = "Qwen-7B needs 10 GB of GPU memory and scores 53.8% on GSM8K.\n"
ZH_BAD = "Qwen-7B 需要 8 GB 显存，在 GSM8K 上得分 53.8%。\n"


def write(folder, **files):
    for name, text in files.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")


CLAIMS = """version: 1
sources:
  doc-en: {{path: en.txt, lang: en}}
  doc-zh: {{path: zh.txt, lang: zh}}
pairs:
  - en: doc-en
    zh: doc-zh
{accept}"""
ACCEPT = """    accept:
      - {en: "10 GB", zh: "8 GB", reason: "the Chinese text quotes the Int8 build"}
"""


@pytest.mark.parametrize("en, zh, code", [(EN_OK, ZH_OK, 0), (EN_BAD, ZH_BAD, 1)], ids=["agree", "mismatch"])
def test_exit_code(tmp_path, capsys, en, zh, code):
    write(tmp_path, en_txt=en, zh_txt=zh)
    assert main(["compare", str(tmp_path / "en.txt"), str(tmp_path / "zh.txt")]) == code
    out = capsys.readouterr().out
    assert ("no unexplained" in out) == (code == 0)
    if code:
        assert "EN location" in out and "value_mismatch" in out and "en.txt:1:" in out and "zh.txt:1:" in out


def test_json_format(tmp_path, capsys):
    write(tmp_path, en_txt=EN_BAD, zh_txt=ZH_BAD)
    assert main(["compare", str(tmp_path / "en.txt"), str(tmp_path / "zh.txt"), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [m["kind"] for m in data["mismatches"]] == ["value_mismatch"]
    assert data["mismatches"][0]["en"]["text"] == "10 GB" and data["agree"][0]["zh"]["text"] == "53.8%"


@pytest.mark.parametrize("args, message", [
    (["compare", "nope-en.txt", "nope-zh.txt"], "source file not found"),
    (["compare", "only-one.txt"], "compare needs two files"),
    (["compare", "--claims", "missing.yaml"], "claims file not found"),
])
def test_bad_input_exits_2(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_claims_file_gives_pairs_and_accept(tmp_path, capsys):
    write(tmp_path, en_txt=EN_BAD, zh_txt=ZH_BAD)
    (tmp_path / "claims.yaml").write_text(CLAIMS.format(accept=""), encoding="utf-8")
    assert main(["compare", "--claims", str(tmp_path / "claims.yaml")]) == 1
    (tmp_path / "claims.yaml").write_text(CLAIMS.format(accept=ACCEPT), encoding="utf-8")
    capsys.readouterr()
    assert main(["compare", "--claims", str(tmp_path / "claims.yaml"), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    mismatch = data["pairs"][0]["mismatches"][0]
    assert mismatch["accepted"] == "the Chinese text quotes the Int8 build"
    # the two files named directly also take that pair's accept list from --claims
    assert main(["compare", str(tmp_path / "en.txt"), str(tmp_path / "zh.txt"),
                 "--claims", str(tmp_path / "claims.yaml")]) == 0


@pytest.mark.parametrize("verb", [["compare", "--claims"], ["check", "--no-cache"]])
def test_an_accept_entry_that_matches_nothing_is_warned(tmp_path, capsys, verb):
    write(tmp_path, en_txt=EN_OK, zh_txt=ZH_OK)
    (tmp_path / "claims.yaml").write_text(CLAIMS.format(accept=ACCEPT), encoding="utf-8")
    assert main([*verb, str(tmp_path / "claims.yaml")]) == 0
    err = capsys.readouterr().err
    assert "claims.yaml:9: accept entry '10 GB' ~ '8 GB' matches no finding" in err, err


def test_pair_item_warns_of_an_accept_entry_that_matches_nothing(pytester):
    write(pytester.path, en_txt=EN_OK, zh_txt=ZH_OK)
    pytester.makefile(".yaml", claims=CLAIMS.format(accept=ACCEPT))
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*accept entry '10 GB' ~ '8 GB' matches no finding of pair doc-en~doc-zh*"])


def test_claims_file_without_pairs(tmp_path, capsys):
    (tmp_path / "claims.yaml").write_text("version: 1\n", encoding="utf-8")
    assert main(["compare", "--claims", str(tmp_path / "claims.yaml")]) == 2
    assert "lists no pairs" in capsys.readouterr().err


# -- the pytest item ---------------------------------------------------------------------------------

def test_pair_item_passes(pytester):
    write(pytester.path, en_txt=EN_OK, zh_txt=ZH_OK)
    pytester.makefile(".yaml", claims=CLAIMS.format(accept=""))
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*claims.yaml::pair:doc-en~doc-zh PASSED*"])


def test_pair_item_fails_short_and_located(pytester):
    write(pytester.path, en_txt=EN_BAD, zh_txt=ZH_BAD)
    pytester.makefile(".yaml", claims=CLAIMS.format(accept=""))
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*pair doc-en~doc-zh (claims.yaml:6): 1 unexplained disagreement(s)*",
        "*value_mismatch: EN '10 GB' en.txt:1:*~*ZH '8 GB' zh.txt:1:*",
    ])
    assert "Traceback" not in result.stdout.str() and "def runtest" not in result.stdout.str()


def test_pair_item_accepts_listed_differences(pytester):
    write(pytester.path, en_txt=EN_BAD, zh_txt=ZH_BAD)
    pytester.makefile(".yaml", claims=CLAIMS.format(accept=ACCEPT))
    pytester.runpytest("-p", "no:cacheprovider", "claims.yaml").assert_outcomes(passed=1)


def test_pair_item_reportinfo_points_at_the_pair(pytester):
    write(pytester.path, en_txt=EN_OK, zh_txt=ZH_OK)
    pytester.makefile(".yaml", claims=CLAIMS.format(accept=""))
    items, _ = pytester.inline_genitems("claims.yaml")
    pair = next(i for i in items if i.name.startswith("pair:"))
    path, line, label = pair.reportinfo()
    assert (path.name, line + 1, label) == ("claims.yaml", 6, "pair doc-en~doc-zh")


def test_pair_item_with_missing_source_fails_cleanly(pytester):
    write(pytester.path, en_txt=EN_OK)
    pytester.makefile(".yaml", claims=CLAIMS.format(accept=""))
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml")
    assert result.ret != 0
    assert "Traceback" not in result.stdout.str()


# -- fail_on: medium findings fail when the CLI, the pair, or [tool.verifier] asks --------------------

EN_MEDIUM = "Use PyTorch 2.0.1 to run MiniCPM-2B.\n"
ZH_MEDIUM = "运行 MiniCPM-2B 的软件环境为 PyTorch 2.0。\n"
FAIL_ON_MEDIUM = "    fail_on: medium\n"


@pytest.mark.parametrize("cli, pair, pyproject, code", [
    ([], "", "", 0),
    (["--fail-on", "medium"], "", "", 1),
    ([], FAIL_ON_MEDIUM, "", 1),
    ([], "", '[tool.verifier]\nfail_on = "medium"\n', 1),
    (["--fail-on", "high"], FAIL_ON_MEDIUM, "", 0),               # the command line wins
    ([], "    fail_on: high\n", '[tool.verifier]\nfail_on = "medium"\n', 0),   # the pair wins over the project
], ids=["default-high", "cli", "pair", "pyproject", "cli-over-pair", "pair-over-pyproject"])
def test_fail_on_medium_from_each_setting(tmp_path, capsys, cli, pair, pyproject, code):
    write(tmp_path, en_txt=EN_MEDIUM, zh_txt=ZH_MEDIUM)
    (tmp_path / "claims.yaml").write_text(CLAIMS.format(accept=pair), encoding="utf-8")
    if pyproject:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    assert main(["compare", "--claims", str(tmp_path / "claims.yaml"), "-f", "json", *cli]) == code
    data = json.loads(capsys.readouterr().out)["pairs"][0]
    assert [(m["kind"], m["confidence"]) for m in data["mismatches"]] == [("version_mismatch", "medium")]
    assert data["summary"]["failing"] == (1 if code else 0)
    assert data["summary"]["fail_on"] == ("medium" if code else "high")


@pytest.mark.parametrize("pair, pyproject, code", [
    ("", "", 0),
    (FAIL_ON_MEDIUM, "", 1),
    ("", '[tool.verifier]\nfail_on = "medium"\n', 1),
], ids=["default-high", "pair", "pyproject"])
def test_check_fails_a_pair_as_compare_does(tmp_path, capsys, pair, pyproject, code):
    """`verifier check` audits the pairs through the same run as `compare`: the same fail_on decides."""
    write(tmp_path, en_txt=EN_MEDIUM, zh_txt=ZH_MEDIUM)
    (tmp_path / "claims.yaml").write_text(CLAIMS.format(accept=pair), encoding="utf-8")
    if pyproject:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    assert main(["check", str(tmp_path / "claims.yaml"), "-f", "json", "--no-cache"]) == code
    (data,) = json.loads(capsys.readouterr().out)["pairs"]
    assert data["summary"]["fail_on"] == ("medium" if code else "high")


@pytest.mark.parametrize("claims_text, pyproject, message", [
    ("    fail_on: low\n", "", "pair `fail_on` must be high or medium"),
    ("", '[tool.verifier]\nfail_on = "low"\n', "[tool.verifier] fail_on must be high or medium"),
], ids=["pair", "pyproject"])
def test_fail_on_bad_value_is_located(tmp_path, capsys, claims_text, pyproject, message):
    write(tmp_path, en_txt=EN_MEDIUM, zh_txt=ZH_MEDIUM)
    (tmp_path / "claims.yaml").write_text(CLAIMS.format(accept=claims_text), encoding="utf-8")
    if pyproject:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    assert main(["compare", "--claims", str(tmp_path / "claims.yaml")]) == 2
    err = capsys.readouterr().err
    assert message in err and ("claims.yaml:8" in err if claims_text else "pyproject.toml" in err)


@pytest.mark.parametrize("pair, pyproject, option, outcome", [
    ("", "", [], "passed"),
    (FAIL_ON_MEDIUM, "", [], "failed"),
    ("", '[tool.verifier]\nfail_on = "medium"\n', [], "failed"),
    ("", "", ["--claims-fail-on", "medium"], "failed"),
    (FAIL_ON_MEDIUM, "", ["--claims-fail-on", "high"], "passed"),        # the command line wins, as in compare
], ids=["default", "pair", "pyproject", "option", "option-over-pair"])
def test_pair_item_fail_on_medium(pytester, pair, pyproject, option, outcome):
    write(pytester.path, en_txt=EN_MEDIUM, zh_txt=ZH_MEDIUM)
    pytester.makefile(".yaml", claims=CLAIMS.format(accept=pair))
    if pyproject:
        pytester.makefile(".toml", pyproject=pyproject)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", *option)
    result.assert_outcomes(**{outcome: 1})
    if outcome == "failed":
        result.stdout.fnmatch_lines(["*version_mismatch ?medium?: EN 'PyTorch 2.0.1' en.txt:1:*~*ZH 'PyTorch 2.0' zh.txt:1:*"])
