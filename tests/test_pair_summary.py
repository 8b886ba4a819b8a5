"""A pair's `summary: en|zh`: the account that summarises the other.

Figures missing from the summary are no finding (only counted); figures the two accounts give differently are
still mismatches, and a figure only the summary gives is still missing from the other. Set on the pair in
claims.yaml, or with `verifier compare --summary`.
"""
import json
from pathlib import Path

import pytest

from verifier.audit import audit_pair
from verifier.audit.report import canonical, summary_line
from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main
from verifier.document.sources import read_source

ROOT = Path(__file__).resolve().parents[1]
SEED_EN, SEED_ZH = ROOT / "seeds" / "000_9bfada59106e9d6b.txt", ROOT / "seeds" / "001_187f639e31b962a3.txt"

# A short English report of a longer Chinese one: one figure agrees, one differs (90% vs 80%), four are Chinese only
EN = "# Aurora Cloud cuts prices\n\nAurora Cloud said on Monday that its model prices fell {cut}. " \
     "The company has 3,000 employees.\n"
ZH = "# 极光云降价\n\n极光云周一表示，其模型价格下降了80%。公司有3000名员工。\n\n" \
     "公司计划在未来三年投入100亿元，并在2025年推出新的数据中心。极光云的开发者社区已有超过50万名开发者。\n"


def _docs(folder: Path, cut: str = "90%"):
    (folder / "en.md").write_text(EN.format(cut=cut), encoding="utf-8")
    (folder / "zh.md").write_text(ZH, encoding="utf-8")
    return read_source(folder / "en.md", "en.md", "en"), read_source(folder / "zh.md", "zh.md", "zh")


# (summary, cut in the English text, {category: count}, left out, passed)
CASES = [
    ("", "90%", {"value_mismatch": 1, "missing_in_en": 4, "missing_in_zh": 0}, 0, False),
    ("en", "90%", {"value_mismatch": 1, "missing_in_en": 0, "missing_in_zh": 0}, 4, False),   # a conflict stays
    ("en", "80%", {"value_mismatch": 0, "missing_in_en": 0, "missing_in_zh": 0}, 4, True),
    ("zh", "80%", {"value_mismatch": 0, "missing_in_en": 4, "missing_in_zh": 0}, 0, False),   # the wrong side
    ("", "80%", {"value_mismatch": 0, "missing_in_en": 4, "missing_in_zh": 0}, 0, False),
]


@pytest.mark.parametrize("summary, cut, counts, left_out, passed", CASES)
def test_what_a_summary_leaves_out_is_no_finding(tmp_path, summary, cut, counts, left_out, passed):
    result = audit_pair(*_docs(tmp_path, cut), summary=summary)
    assert {category: result.count(category) for category in counts} == counts
    assert (result.summary, result.left_out, result.passed) == (summary, left_out, passed)
    data = canonical(result)
    assert (data["summary"]["summary_side"], data["summary"]["left_out"]) == (summary or None, left_out)


# the seed pair: the English report summarises the Chinese transcript
@pytest.mark.parametrize("summary, missing_in_en, missing_in_zh, tail", [
    ("", 7, 1, "7 missing_in_en, 1 missing_in_zh — 8 unexplained disagreement(s)"),
    ("en", 0, 1, "1 missing_in_zh, 7 left out of the EN summary — 1 unexplained disagreement(s)"),
    ("zh", 7, 0, "7 missing_in_en, 1 left out of the ZH summary — 7 unexplained disagreement(s)"),
])
def test_seed_pair(summary, missing_in_en, missing_in_zh, tail):
    en, zh = read_source(SEED_EN, "en.txt", "en"), read_source(SEED_ZH, "zh.txt", "zh")
    result = audit_pair(en, zh, summary=summary)
    assert (result.count("missing_in_en"), result.count("missing_in_zh")) == (missing_in_en, missing_in_zh)
    assert summary_line(canonical(result)).endswith(tail)


PAIR_HEAD = "version: 1\nsources:\n  e: {path: en.md, lang: en}\n  z: {path: zh.md, lang: zh}\npairs:\n"


@pytest.mark.parametrize("pair, summary, error", [
    ("  - {en: e, zh: z}\n", "", None),
    ("  - {en: e, zh: z, summary: en}\n", "en", None),
    ("  - {en: e, zh: z, summary: zh}\n", "zh", None),
    ("  - {en: e, zh: z, summary: fr}\n", "", "claims.yaml:6:29: pair `summary` must be en or zh"),
    ("  - {en: e, zh: z, summary: }\n", "", "claims.yaml:6:29: pair `summary` must be text"),
])
def test_pair_summary_is_read_from_claims_yaml(tmp_path, monkeypatch, pair, summary, error):
    _docs(tmp_path)
    (tmp_path / "claims.yaml").write_text(PAIR_HEAD + pair, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (spec,) = load_claims("claims.yaml").pairs
    if error is None:
        assert (spec.summary, spec.error) == (summary, None)
    else:
        assert str(spec.error).startswith(error) and "expected:" in str(spec.error)


@pytest.mark.parametrize("pair, code, left_out", [
    ("  - {en: e, zh: z}\n", 1, 0),
    ("  - {en: e, zh: z, summary: en}\n", 0, 4),
])
def test_check_and_compare_take_the_pairs_summary(tmp_path, monkeypatch, capsys, pair, code, left_out):
    _docs(tmp_path, "80%")
    (tmp_path / ".git").mkdir()
    (tmp_path / "claims.yaml").write_text(PAIR_HEAD + pair, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "-f", "json"]) == code
    (data,) = json.loads(capsys.readouterr().out)["pairs"]
    assert (data["summary"]["left_out"], data["summary"]["missing_in_en"]) == (left_out, 4 - left_out)
    assert main(["compare", "--claims", "claims.yaml"]) == code
    assert main(["compare", "en.md", "zh.md", "--claims", "claims.yaml"]) == code      # the pair's summary
    capsys.readouterr()


@pytest.mark.parametrize("argv, code, tail", [
    (["compare", "en.md", "zh.md"], 1, "4 missing_in_en — 4 unexplained disagreement(s)"),
    (["compare", "en.md", "zh.md", "--summary", "en"], 0, "4 left out of the EN summary — no unexplained disagreement"),
    (["compare", "en.md", "zh.md", "--summary", "zh"], 1,
     "4 missing_in_en, 0 left out of the ZH summary — 4 unexplained disagreement(s)"),
])
def test_compare_summary_flag(tmp_path, monkeypatch, capsys, argv, code, tail):
    _docs(tmp_path, "80%")
    monkeypatch.chdir(tmp_path)
    assert main(argv) == code
    assert capsys.readouterr().out.rstrip().endswith(tail)


def test_compare_summary_flag_refuses_another_side(capsys):
    with pytest.raises(SystemExit) as done:
        main(["compare", "en.md", "zh.md", "--summary", "both"])
    assert done.value.code == 2 and "invalid choice: 'both'" in capsys.readouterr().err
