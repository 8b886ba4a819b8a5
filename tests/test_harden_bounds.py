"""#13 item 7: sources inside the size cap with more numbers, longer numbers or denser sentences than any real
document. Each row is the attack scaled down with the limit (monkeypatched) so it runs in milliseconds; the
message names the limit, what was found and where. Time and memory as the size grows: bench/bench_hostile.py."""
from __future__ import annotations

import pytest

from verifier.commands.cli import main
from verifier.document import reading, sources
from verifier.errors import SourceError

CLAIMS = ("version: 1\nsources:\n  s: {path: src.txt, lang: en}\nclaims:\n"
          "  - {id: c1, claim: Revenue rose 12%., source: s, figure: \"12%\"}\n")


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(reading, "MAX_NUMBERS", 50)
    monkeypatch.setattr(reading, "MAX_NUMBER_CHARS", 20)
    monkeypatch.setattr(sources, "MAX_FIGURE_CONTEXT", 2_000)


@pytest.mark.parametrize("text, message, found, expected, where", [
    ("1 " * 60, "more numbers than a real document", "more than 50 (this is number 51)", "at most 50", "1:101"),
    ("1-" * 60, "more numbers than a real document", "more than 50 (this is number 51)", "at most 50", "1:101"),
    ("ok\n" + "一" * 30, "a number longer than any real one", "30 characters", "at most 20", "2:1"),
    ("ok\n" + "1" * 30, "a number longer than any real one", "30 characters", "at most 20", "2:1"),
    ("Rose 12%.\n" + "1 " * 40, "more figures per sentence", "40 figures in 79 characters",
     "at most 2,000 characters of figure sentences", "2:1"),
])
def test_a_hostile_source_is_refused_with_the_limit(small_limits, text, message, found, expected, where):
    with pytest.raises(SourceError) as info:
        sources.SourceDoc("src.txt", text)
    shown = str(info.value)
    assert f"src.txt:{where}: source " in shown and message in shown
    assert found in shown and expected in shown and "hint:" in shown


@pytest.mark.parametrize("text, figures", [
    ("1; " * 50, 50),                                      # exactly at the number limit: read
    ("ok\n" + "1" * 20, 0),                                # a 20-digit id: no figure, not refused
    ("Rose 12% and 13% in 2023. " * 10, 30),               # many short sentences: far under the context limit
])
def test_a_source_at_the_limits_is_read(small_limits, text, figures):
    assert len(sources.SourceDoc("src.txt", text).found) == figures


def test_the_cli_exits_2_with_the_message(small_limits, tmp_path, monkeypatch, capsys):
    (tmp_path / "src.txt").write_text("Revenue rose 12%. " + "1 " * 60, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "src.txt:1:" in err and "more numbers than a real document" in err and "Traceback" not in err


def test_raising_the_size_cap_raises_the_bounds(small_limits, monkeypatch):
    monkeypatch.setenv(sources.MAX_SOURCE_ENV, str(sources.MAX_SOURCE_BYTES * 4 / 2**20))
    assert len(sources.SourceDoc("src.txt", "1; " * 150).found) == 150       # 50 x 4 numbers allowed
