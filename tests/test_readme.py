"""The README's commands and examples against the real thing (issue 14)."""
import re
from pathlib import Path

import pytest
import yaml

from verifier.commands.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_ci_runs_the_readme_test_command():
    command = next(line for line in _blocks("sh")[1].splitlines() if line.startswith("python3 -m venv"))
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("block", [b for b in _blocks("yaml") if "claims:" in b or "sources:" in b])
def test_readme_yaml_snippets_are_yaml(block):
    assert isinstance(yaml.safe_load(block), dict)


def test_readme_summary_and_warnings_come_from_a_real_run(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["check", "claims.yaml"]) == 0
    out = capsys.readouterr().out
    for line in out.splitlines():
        if line.startswith(("warning: ", "verifier: ")):
            assert line in README, line
