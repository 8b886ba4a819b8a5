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
    checked = [line for line in out.splitlines() if line.startswith(("warning: ", "verifier: ", "compare "))]
    assert "verifier: config from pyproject.toml [tool.verifier]" in checked
    assert sum(line.startswith("compare ") for line in checked) == 1           # the pair's counts
    for line in checked:          # the config line, the summary, the pair's counts, each warning
        assert line in README, line


def test_readme_json_example_counts_come_from_a_real_run(capsys, monkeypatch):
    import json
    monkeypatch.chdir(ROOT)
    assert main(["check", "claims.yaml", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    example = next(b for b in _blocks("json") if '"claims_file"' in b)
    shown = dict(re.findall(r'^ "(config|summary)": (.*?),?$', example, flags=re.M))
    assert json.loads(shown["summary"]) == data["summary"]
    assert json.loads(shown["config"]) == data["config"] == "pyproject.toml"
    for claim in data["claims"][:1]:           # the first claim, as the example shows it
        assert f'"id": "{claim["id"]}", "verdict": "{claim["verdict"]}"' in example
