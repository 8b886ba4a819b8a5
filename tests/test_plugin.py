"""The pytest plugin: claims as items, short failures, real line numbers, one summary line."""
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CLAIMS = """\
version: 1
sources:
  ali: {path: a.txt, lang: zh}
claims:
  - id: qwen-price-drop
    source: ali
    figure: "97%"
    near: [通义千问]
  - id: qwen-price-drop-95
    claim: Qwen API prices fell 95%.
    source: ali
    figure: "95%"
    near: [通义千问]
  - id: typo
    source: ali
    figure: "97%"
    nera: [x]
"""


def setup(pytester):
    shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", pytester.path / "a.txt")
    pytester.makefile(".yaml", claims=CLAIMS)


def test_claims_run_as_items(pytester):
    setup(pytester)
    result = pytester.runpytest("-rA")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines([
        "*claim qwen-price-drop-95 (claims.yaml:9)  expected supported, got contradicted*",
        "*claim:  Qwen API prices fell 95%.*",
        "*wanted: 95%*",
        '*found:  "下降了97%" → 97%   a.txt:19:*',
        "claims.yaml:17:5: unknown key 'nera' in claim 'typo'",
        "*hint:     did you mean 'near'?",
        "verifier: 1 supported, 1 contradicted, 0 not found, 1 error",
    ])
    assert "Traceback" not in result.stdout.str()
    assert "def runtest" not in result.stdout.str()


def test_node_ids_and_reportinfo(pytester):
    setup(pytester)
    result = pytester.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(["claims.yaml::qwen-price-drop", "claims.yaml::qwen-price-drop-95", "claims.yaml::typo"])
    items, _ = pytester.inline_genitems()
    assert [item.reportinfo()[1] for item in items] == [4, 8, 13]


def test_broken_file_is_one_failing_item(pytester):
    pytester.makefile(".yaml", claims="version: 1\nclaims:\n  - id: a\n   source: x\n")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*claims.yaml:4:*YAML syntax error*"])
    assert "Traceback" not in result.stdout.str()


def test_junitxml_carries_claim_location(pytester):
    setup(pytester)
    pytester.runpytest("--junitxml=out.xml")
    xml = (pytester.path / "out.xml").read_text(encoding="utf-8")
    assert "claims.yaml:9" in xml
