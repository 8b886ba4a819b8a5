"""Claim stubs (`claim: # TODO`, as `suggest --write` appends them) are visible, and CI cannot pass them unread.

Rows from a newcomer's walkthrough: after `suggest --write`, `verifier` exited 0 with one warning and
`CI=true pytest -rw` showed fifteen stubs passed with no warning at all.
"""
from pathlib import Path

import pytest

from verifier import config
from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main
from verifier.errors import VerifierError

ROOT = Path(__file__).resolve().parents[1]
from conftest import SEED_LINES  # noqa: E402
TODO = "    claim: # TODO: the statement this figure supports, in your words\n"
WRITTEN = "    claim: Qwen API prices fell 97%.\n"


def _claims(folder: Path, claim_line: str, pyproject: str = "") -> Path:
    (folder / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (folder / "pyproject.toml").write_text(f"[tool.verifier]\n{pyproject}", encoding="utf-8")
    path = folder / "claims.yaml"
    path.write_text("version: 1\nsources:\n  s: {path: a.txt, lang: zh}\nclaims:\n"
                    "  - id: written\n    claim: Qwen API prices fell 97%.\n    source: s\n    figure: \"97%\"\n"
                    "  - id: price\n" + claim_line + "    source: s\n    figure: \"97%\"\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("claim_line, stub", [
    (TODO, True),                              # the key written, its value empty: a stub
    ("    claim:\n", True),
    (WRITTEN, False),
    ("", False),                               # no `claim:` at all: a figure-only check, not a stub
])
def test_a_stub_is_an_empty_claim_key(tmp_path, claim_line, stub):
    claims = load_claims(_claims(tmp_path, claim_line))
    assert [c.stub for c in claims.claims] == [False, stub]


# (CI, stub_check, claim line, exit code, the words on stderr)
CLI_ROWS = [
    ("", "", TODO, 0, 'warning: 1 claim(s) are stubs, with nothing in `claim:`: price (claims.yaml:9)'),
    ("true", "", TODO, 1, 'error: 1 claim(s) are stubs, with nothing in `claim:`: price (claims.yaml:9)'),
    ("true", 'stub_check = "warn"\n', TODO, 0, "warning: 1 claim(s) are stubs"),
    ("", 'stub_check = "fail"\n', TODO, 1, "error: 1 claim(s) are stubs"),
    ("true", "", WRITTEN, 0, None),
    ("true", "", "", 0, None),
]


@pytest.mark.parametrize("ci, pyproject, claim_line, code, words", CLI_ROWS)
def test_cli_fails_on_stubs_under_ci(tmp_path, capsys, monkeypatch, ci, pyproject, claim_line, code, words):
    monkeypatch.setenv("CI", ci)
    monkeypatch.chdir(tmp_path)
    _claims(tmp_path, claim_line, pyproject)
    assert main(["check", "claims.yaml", "--no-cache", "-f", "json"]) == code
    err = capsys.readouterr().err
    if words is None:
        assert "stub" not in err
    else:
        assert words in err
        assert "fix:  write in each `claim:` the statement its figure supports" in err


# (CI, stub_check, exit code, the summary's first line)
PYTEST_ROWS = [
    ("", "", pytest.ExitCode.OK, "verifier: warning: 1 claim(s) are stubs, with nothing in `claim:`: price (claims.yaml:9)"),
    ("true", "", pytest.ExitCode.TESTS_FAILED,
     "verifier: error: 1 claim(s) are stubs, with nothing in `claim:`: price (claims.yaml:9)"),
    ("true", 'stub_check = "warn"\n', pytest.ExitCode.OK, "verifier: warning: 1 claim(s) are stubs*"),
]


@pytest.mark.parametrize("ci, pyproject, code, summary", PYTEST_ROWS)
def test_pytest_warns_of_each_stub_and_fails_under_ci(pytester, monkeypatch, ci, pyproject, code, summary):
    monkeypatch.setenv("CI", ci)
    _claims(pytester.path, TODO, pyproject)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "-rw")
    assert result.ret == code
    result.assert_outcomes(passed=2)
    stubs = [line.strip().removeprefix(f"{pytester.path}/") for line in result.outlines if "ClaimStubWarning" in line]
    assert stubs == ["claims.yaml:9: ClaimStubWarning: claim price (claims.yaml:9) is a stub: `claim:` is empty; "
                     "write the statement its figure supports"]
    result.stdout.fnmatch_lines([summary, "*fix:  write in each `claim:` the statement its figure supports*"])


def test_pytest_is_quiet_without_stubs(pytester, monkeypatch):
    monkeypatch.setenv("CI", "true")
    _claims(pytester.path, WRITTEN)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "-rw")
    assert result.ret == pytest.ExitCode.OK
    assert "stub" not in "\n".join(line for line in result.outlines if not line.startswith("rootdir"))


@pytest.mark.parametrize("line, value, fails_in_ci, fails_outside", [
    ("", None, True, False),
    ('stub_check = "fail"', "fail", True, True),
    ('stub-check = "warn"', "warn", False, False),
])
def test_stub_check_setting(tmp_path, line, value, fails_in_ci, fails_outside):
    (tmp_path / "pyproject.toml").write_text(f"[tool.verifier]\n{line}\n", encoding="utf-8")
    settings = config.load(tmp_path)
    assert settings.stub_check == value
    assert (settings.fail_stubs({"CI": "true"}), settings.fail_stubs({})) == (fails_in_ci, fails_outside)


def test_stub_check_rejects_other_values(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.verifier]\nstub_check = "off"\n', encoding="utf-8")
    with pytest.raises(VerifierError, match="stub_check must be fail or warn"):
        config.load(tmp_path)
