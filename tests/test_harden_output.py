"""#13 output sanitising: no control/format character and no `::` workflow command from a claims file
or a source reaches a terminal or CI log; JSON and SARIF stay exact.

Each row plants the attack in claims.yaml or the source, runs the real verb under GITHUB_ACTIONS=true,
and checks every line it printed. Then a fuzz target drives `shown` with arbitrary text.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.commands.cli import main
from verifier.outputs.safe_text import LINE_LIMIT, escape_chars, shown

SOURCE = "Revenue rose 12% in 2023.\n\x1b]52;c;aGk=\x07 evil \u202e hired 300 people.\n"
CLAIMS = r'''version: 1
sources:
  s: {path: src.txt, lang: en}
claims:
  - {id: rev, claim: "Revenue \e[31m rose\n::stop-commands::tok", source: s, figure: "13%", near: [rose]}
  - {id: fig, claim: "Revenue rose", source: s, figure: "13%\n::error::f", near: [rose]}
  - {id: "x\n::stop-commands::tok", claim: "Revenue rose", source: s, figure: "12%"}
  - {id: hired, claim: "hired \u202e", source: s, figure: "300", near: [hired], expect: contradicted}
'''
RAW_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _assert_clean(text: str, own_error_lines_ok: bool = True) -> None:
    assert not RAW_BAD.search(text), repr(RAW_BAD.search(text)[0])
    for line in _lines(text):
        if own_error_lines_ok and line.startswith("::error file="):
            assert "%0A" in line or "\n" not in line            # the tool's own, escaped annotation
            continue
        assert not line.lstrip().startswith("::"), line


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    return tmp_path


VERBS = [
    ("check table", ["check", "--no-cache"]),
    ("check grid", ["check", "--no-cache", "-f", "grid"]),
    ("suggest", ["suggest", "s"]),
    ("report --html", ["report", "--html", "out.html"]),
    ("coverage", ["coverage"]),
    ("unknown source", ["suggest", "no\n::stop-commands::x"]),
]


@pytest.mark.parametrize("name,argv", VERBS, ids=[v[0] for v in VERBS])
def test_human_output_is_escaped_and_holds_no_workflow_command(project, capsys, name, argv):
    main(argv)
    out, err = capsys.readouterr()
    _assert_clean(out)
    _assert_clean(err)
    assert "::stop-commands::" not in out + err or ": :stop-commands::" in out + err


def test_the_source_escape_reaches_suggest_as_visible_text(project, capsys):
    (project / "claims.yaml").write_text(CLAIMS.split("  - {id: \"x")[0], encoding="utf-8")   # 300 uncovered
    main(["suggest", "s"])
    out = capsys.readouterr().out
    assert "\\x1b]52;" in out and "\\u202e" in out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_stay_exact(project, capsys, fmt):
    main(["check", "--no-cache", "-f", fmt])
    data = json.loads(capsys.readouterr().out)
    text = json.dumps(data, ensure_ascii=False)
    assert "\u202e" in text                                  # the claim text, unchanged
    if fmt == "json":
        assert data["claims"][0]["claim"] == "Revenue \x1b[31m rose\n::stop-commands::tok"


def test_pytest_failure_text_is_escaped(pytester, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    pytester.makefile(".txt", src=SOURCE)
    pytester.makefile(".yaml", claims=CLAIMS)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "-v")
    text = "\n".join(result.outlines + result.errlines)
    assert "rev" in text and "\\x1b[31m" in text
    _assert_clean(text, own_error_lines_ok=False)


def test_error_messages_are_cut(tmp_path, monkeypatch, capsys):
    """One claim with a 2 MB figure once printed megabytes; a message is now cut to a few thousand characters."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src.txt").write_text("x 1\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nsources:\n  s: {path: src.txt}\nclaims:\n"
        f"  - {{id: a, claim: x, source: s, figure: \"{'9' * 2_000_000}%\"}}\n", encoding="utf-8")
    main(["check", "--no-cache"])
    out, err = capsys.readouterr()
    assert len(out) + len(err) < 50_000


# -- fuzz target -----------------------------------------------------------------

UNSAFE = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300) | st.lists(
    st.sampled_from(["::", "\n", "\r", "\x1b", "\u202e", "\u200b", " ", "##[", "a", "中", "\x85", "\u2028"]),
    max_size=40).map("".join))
def test_fuzz_shown_is_printable_and_command_free(text):
    out = shown(text, limit=None)
    for ch in out:
        assert ch in "\n\t" or unicodedata.category(ch) not in UNSAFE, repr(ch)
    if len(max(text.split("\n"), key=len, default="")) <= LINE_LIMIT:
        assert out.count("\n") == text.count("\n")          # no line is invented or lost
    assert escape_chars(out) == out                         # escaping is stable


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_fuzz_shown_neutralises_commands_under_github(text):
    with mock.patch.dict(os.environ, {"GITHUB_ACTIONS": "true"}):
        out = shown(text, limit=None)
    assert not any(line.lstrip().startswith("::") for line in out.split("\n"))
    assert "##[" not in out
    with mock.patch.dict(os.environ, {"GITHUB_ACTIONS": "true"}):
        assert shown(out, limit=None) == out
