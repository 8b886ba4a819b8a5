"""Every run names the settings it uses: `verifier: config from pyproject.toml [tool.verifier]`, or the defaults.

The CLI's table (the line above the summary), its JSON (`config`), `-o` (on stderr), SARIF, pytest's header and
`verifier config` all say it in the same words (config.origin_line).
"""
import json
from pathlib import Path

import pytest

from verifier import config
from verifier.commands.cli import main

ROOT = Path(__file__).resolve().parents[1]
from conftest import SEED_LINES as SOURCE  # noqa: E402
CLAIMS = """\
version: 1
sources:
  jiemian: {path: a.txt, lang: zh}
claims:
  - id: price-drop
    claim: 通义千问API价格下降了97%
    source: jiemian
    figure: "97%"
    near: [通义千问]
"""
FROM_FILE = "verifier: config from pyproject.toml [tool.verifier]"
DEFAULTS = "verifier: config: defaults (no pyproject.toml with [tool.verifier] found)"

# (pyproject.toml, or None for none; the line every report prints; the JSON's `config`)
ORIGINS = [
    (None, DEFAULTS, None),
    ("[project]\nname = 'x'\n", DEFAULTS, None),                      # a pyproject.toml without the table
    ("[tool.verifier]\n", FROM_FILE, "pyproject.toml"),               # an empty table is still the one read
    ("[tool.verifier]\nfail_on = 'medium'\n", FROM_FILE, "pyproject.toml"),
    ("[tool.pytest.ini_options]\n[tool.verifier]\nstrict-lang = false\n", FROM_FILE, "pyproject.toml"),
]


def _project(folder: Path, pyproject: str | None) -> Path:
    (folder / ".git").mkdir(exist_ok=True)           # the search for pyproject.toml stops here, not in /tmp
    (folder / "a.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    if pyproject is not None:
        (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return folder / "claims.yaml"


@pytest.mark.parametrize("pyproject, line, shown", ORIGINS)
def test_settings_know_where_they_come_from(tmp_path, pyproject, line, shown):
    _project(tmp_path, pyproject)
    settings = config.load(tmp_path / "claims.yaml")
    assert (settings.source == tmp_path / "pyproject.toml") is (shown is not None)
    assert config.origin_line(config.shown_path(settings.source, tmp_path)) == line


@pytest.mark.parametrize("pyproject, line, shown", ORIGINS)
def test_the_report_names_the_config(tmp_path, monkeypatch, capsys, pyproject, line, shown):
    _project(tmp_path, pyproject)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [line, "verifier: 1 supported, 0 contradicted, 0 not found — all claims meet expect"]
    assert main(["check", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["config"] == shown
    assert main(["check", "-o", "out.txt"]) == 0
    assert capsys.readouterr().err.splitlines()[0] == line
    assert line in (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert main(["check", "-f", "sarif"]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["properties"] == {"config": shown}


def test_a_pyproject_above_the_working_directory_is_shown_whole(tmp_path, monkeypatch, capsys):
    _project(tmp_path, "[tool.verifier]\n")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert main(["check", "../claims.yaml", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["config"] == str((tmp_path / "pyproject.toml").resolve())


@pytest.mark.parametrize("pyproject, expected", [
    (None, [DEFAULTS, "allow_outside = false  # default", "fail_on = \"high\"  # default",
            "# root unset: the git top level, else the working directory"]),
    ("[tool.verifier]\nallow-outside = true\nclaims = 'wu.yaml'\n",
     [FROM_FILE, "allow_outside = true  # set", "claims = [\"wu.yaml\"]  # set", "cache = true  # default"]),
    ("[tool.verifier]\nroot = 'docs'\n", [FROM_FILE, "root = \"docs\"  # set"]),
])
def test_config_verb_lists_each_setting_and_where_it_comes_from(tmp_path, monkeypatch, capsys, pyproject, expected):
    _project(tmp_path, pyproject)
    monkeypatch.chdir(tmp_path)
    assert main(["config"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == expected[0]
    assert set(expected[1:]) <= set(out)
    assert len(out) == 1 + len(config.KEYS)          # every key, once


def test_config_verb_bad_pyproject_is_located_exit_2(tmp_path, monkeypatch, capsys):
    _project(tmp_path, "[tool.verifier]\nfail_on = 'loud'\n")
    monkeypatch.chdir(tmp_path)
    assert main(["config"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml" in err and "fail_on must be high or medium" in err and "Traceback" not in err


@pytest.mark.parametrize("pyproject, line", [(p, line) for p, line, _ in ORIGINS[:3]])
def test_pytest_header_names_the_config(pytester, pyproject, line):
    _project(pytester.path, pyproject)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml")
    result.assert_outcomes(passed=1)
    assert result.outlines.count(line) == 1
    assert result.outlines.index(line) < result.outlines.index("collected 1 item")
