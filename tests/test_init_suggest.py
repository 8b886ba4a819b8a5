"""`verifier init`, `verifier suggest`, `verifier coverage`, and the glossary they rely on.

The promise of init is `verifier init && verifier` in an empty folder exits 0;
the promise of suggest --write is that everything already in claims.yaml stays
byte for byte, and what it adds loads and checks as supported.
"""
import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from test_schema import SCHEMA, validate
from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main
from verifier.check.run import check_all
from verifier.claimsfile.yamlappend import quote

ROOT = Path(__file__).resolve().parents[1]
STARTER_FILES = ["claims.yaml", "claims.schema.json", "sources/example-en.txt", "sources/example-zh.txt"]


@pytest.fixture
def starter(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    capsys.readouterr()
    return tmp_path


# -- init ---------------------------------------------------------------------

def test_starter_pair_has_nothing_to_explain(starter, capsys):
    """The two starter texts tell one story: every figure pairs, the dateline's date included."""
    assert main(["compare", "-f", "json"]) == 0
    (pair,) = json.loads(capsys.readouterr().out)["pairs"]
    assert (pair["summary"]["unexplained"], pair["missing_in_en"], pair["missing_in_zh"]) == (0, [], [])


def test_init_then_verifier_in_an_empty_folder_exits_0(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert all(f"wrote {name}" in out for name in STARTER_FILES)
    assert main([]) == 0
    assert "all claims meet expect" in capsys.readouterr().out


def test_starter_loads_cleanly_and_checks_as_expected(starter):
    claims_file = load_claims(starter / "claims.yaml")
    assert claims_file.errors == []
    results = check_all(claims_file)
    assert [(r.claim_id, r.verdict) for r in results if not r.passed] == []


def test_starter_has_one_example_of_each_kind(starter):
    claims_file = load_claims(starter / "claims.yaml")
    claims = claims_file.claims
    kinds = {fig.kind for claim in claims for fig in claim.parsed}
    assert {"percent", "money", "count", "duration", "date"} <= kinds
    qualifiers = {fig.qualifier for claim in claims for fig in claim.parsed}
    assert {"range", "nearly", "more_than"} <= qualifiers
    text = (starter / "sources" / "example-zh.txt").read_text(encoding="utf-8")
    assert "万" in text and "亿" in text
    assert any(len(c.figures) > 1 for c in claims)                        # multi-figure
    assert any(c.quote and not c.figures for c in claims)                 # quote only
    assert any(c.expect == "contradicted" for c in claims)                # known-false
    assert claims_file.pairs and claims_file.glossary                     # a pair, a glossary


def test_starter_is_valid_against_the_schema_and_points_at_it(starter):
    text = (starter / "claims.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=claims.schema.json"
    assert json.loads((starter / "claims.schema.json").read_text(encoding="utf-8")) == SCHEMA
    assert validate(yaml.safe_load(text), SCHEMA) == []


def test_starter_pair_has_no_unexplained_disagreement(starter):
    pytest.importorskip("verifier.commands.compare", reason="the bilingual audit is not installed")
    assert main(["compare"]) == 0


def test_init_refuses_to_overwrite(starter, capsys):
    path = starter / "claims.yaml"
    path.write_text("version: 1\n# mine\n", encoding="utf-8")
    assert main(["init"]) == 2
    err = capsys.readouterr().err
    assert "claims.yaml: the claims file already exists" in err and "--force" in err
    assert "Traceback" not in err
    assert path.read_text(encoding="utf-8") == "version: 1\n# mine\n"
    assert main(["init", "--force"]) == 0
    assert "price-cut" in path.read_text(encoding="utf-8")


def test_init_refuses_when_a_sample_source_differs_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "example-zh.txt").write_text("my own text", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "a file the starter would write already exists" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["example-zh.txt", "sources"]


def test_init_into_a_folder_and_leaves_identical_companions(tmp_path, capsys):
    assert main(["init", str(tmp_path / "news" / "claims.yaml")]) == 0
    (tmp_path / "news" / "claims.yaml").unlink()
    capsys.readouterr()
    assert main(["init", str(tmp_path / "news")]) == 0       # a folder means its claims.yaml
    out = capsys.readouterr().out
    assert "claims.yaml" in out and "example-en.txt" not in out
    assert main([str(tmp_path / "news" / "claims.yaml")]) == 0


# -- glossary ---------------------------------------------------------------------

def test_glossary_lets_near_words_cross_languages(starter):
    path = starter / "claims.yaml"
    (result,) = [r for r in check_all(load_claims(path)) if r.claim_id == "investment-en"]
    assert result.verdict == "supported"          # near: [极光云] found "Aurora Cloud" in the English text
    text = path.read_text(encoding="utf-8").replace("  Aurora Cloud: [极光云]\n", "")
    path.write_text(text, encoding="utf-8")
    (result,) = [r for r in check_all(load_claims(path)) if r.claim_id == "investment-en"]
    assert result.verdict == "not_found" and "极光云" in result.reason


def test_glossary_works_the_other_way_too(starter):
    path = starter / "claims.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: lumen-price-cut\n    source: example-zh\n"
                    "    figure: \"90%\"\n    near: [Lumen, prices]\n", encoding="utf-8")
    verdict = {r.claim_id: r.verdict for r in check_all(load_claims(path))}
    assert verdict["lumen-price-cut"] == "supported"         # Lumen -> 流明 (glossary), prices -> 价格 (built in)
    path.write_text(path.read_text(encoding="utf-8").replace("  Lumen: [流明]\n", ""), encoding="utf-8")
    verdict = {r.claim_id: r.verdict for r in check_all(load_claims(path))}
    assert verdict["lumen-price-cut"] == "supported"         # without the entry, CC-CEDICT knows lumen = 流明


def test_builtin_glossary_needs_no_entry(tmp_path):
    (tmp_path / "a.txt").write_text("Nvidia's revenue rose 94% last quarter.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "sources: {a: {path: a.txt, lang: en}}\nclaims:\n"
        "  - {id: c, claim: 英伟达收入增长94%, source: a, figure: '94%', near: [英伟达, 收入]}\n",
        encoding="utf-8")
    (result,) = check_all(load_claims(tmp_path / "claims.yaml"))
    assert result.verdict == "supported"


# -- suggest ----------------------------------------------------------------------

def test_suggest_lists_uncovered_figures(starter, capsys):
    assert main(["suggest", "example-zh"]) == 0
    out = capsys.readouterr().out
    assert "三年" in out and "两三年" in out             # not covered by any starter claim
    assert "12万" not in out.split("\n\n")[0]            # covered by `developers`
    assert "figures in example-zh" in out and "--write" in out


def test_suggest_unknown_source(starter, capsys):
    assert main(["suggest", "example-ch"]) == 2
    err = capsys.readouterr().err
    assert "unknown source 'example-ch'" in err and "did you mean 'example-zh'?" in err


def test_suggest_write_appends_supported_stubs_and_keeps_every_byte(starter, capsys):
    path = starter / "claims.yaml"
    before = path.read_bytes()
    old_ids = [c.id for c in load_claims(path).claims]
    assert main(["suggest", "example-en", "--write"]) == 0
    assert "appended" in capsys.readouterr().out
    after = path.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    claims_file = load_claims(path)
    assert claims_file.errors == []
    new = [c for c in claims_file.claims if c.id not in old_ids]
    assert new and all(c.expect == "supported" and c.claim == "" and c.source == "example-en" for c in new)
    assert all(r.verdict == "supported" for r in check_all(claims_file) if r.claim_id in {c.id for c in new})
    assert validate(yaml.safe_load(after.decode("utf-8")), SCHEMA) == []
    assert main(["suggest", "example-en"]) == 0                # nothing left to suggest a stub for
    assert "run with --write" not in capsys.readouterr().out


def test_suggest_stub_shape(starter):
    assert main(["suggest", "example-zh", "--write"]) == 0
    tail = (starter / "claims.yaml").read_text(encoding="utf-8").split("suggested by `verifier suggest")[1]
    assert "\n  - id: example-zh-duration-9-8\n    claim: # TODO" in tail
    assert '    figure: "三年"\n    near: [' in tail and "    expect: supported\n" in tail
    assert "  # sources/example-zh.txt:9:8  " in tail


LAYOUTS = {
    "crlf line endings": (lambda t: t.replace("\n", "\r\n"), True),
    "no final newline": (lambda t: t.rstrip("\n"), True),
    "byte order mark": (lambda t: "\ufeff" + t, True),
    "indentless list": (lambda t: t.replace("\n  - id:", "\n- id:").replace("\n    ", "\n  "), True),
    "empty claims list": (lambda t: t.split("claims:")[0] + "claims:\n", True),
    "no claims key": (lambda t: t.split("claims:")[0], True),
    "trailing comments": (lambda t: t + "\n# the end\n  # indented comment\n", True),
    "claims not last": (lambda t: _move_glossary_last(t), False),
    "flow list": (lambda t: t.split("claims:")[0] + "claims: []\n", False),
    "document end marker": (lambda t: t + "...\n", False),
    "claims is null": (lambda t: t.split("claims:")[0] + "claims: ~\n", False),
}


def _move_glossary_last(text: str) -> str:
    start = text.index("glossary:")
    end = text.index("claims:")
    return text[:start] + text[end:] + "\n" + text[start:end]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_suggest_write_layouts(starter, capsys, layout):
    path = starter / "claims.yaml"
    change, ok = LAYOUTS[layout]
    path.write_bytes(change(path.read_text(encoding="utf-8")).encode("utf-8"))
    before = path.read_bytes()
    assert load_claims(path).errors == []
    code = main(["suggest", "example-zh", "--write"])
    captured = capsys.readouterr()
    if ok:
        assert code == 0, captured.err
        assert path.read_bytes().startswith(before)
        assert load_claims(path).errors == []
        assert all(r.passed for r in check_all(load_claims(path)))
        if "\r\n" in before.decode("utf-8-sig"):
            assert "\n" not in path.read_bytes().decode("utf-8").replace("\r\n", "")
    else:
        assert code == 2
        assert "cannot append claims safely" in captured.err or "goes on after its last key" in captured.err
        assert "hint:" in captured.err and "Traceback" not in captured.err
        assert path.read_bytes() == before


def test_refusal_messages_say_what_to_do(starter, capsys):
    path = starter / "claims.yaml"
    path.write_text(_move_glossary_last(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["suggest", "example-zh", "--write"]) == 2
    err = capsys.readouterr().err
    assert "`claims:` is not the last key (`glossary:` follows at line" in err
    assert "hint:     move `glossary:` above `claims:`" in err
    path.write_text(path.read_text(encoding="utf-8").split("claims:")[0] + "claims: []\n", encoding="utf-8")
    assert main(["suggest", "example-zh", "--write"]) == 2
    assert "flow list" in capsys.readouterr().err


@given(st.text())
def test_stub_strings_read_back_exactly(text):
    assert yaml.safe_load(f"k: {quote(text)}") == {"k": text}


# -- coverage ---------------------------------------------------------------------

def test_coverage_shares(starter, capsys):
    assert main(["coverage", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = {r["source"]: r for r in data["sources"]}
    assert rows["example-zh"]["covered"] + rows["example-zh"]["uncovered"] == rows["example-zh"]["figures"]
    assert 0 < rows["example-zh"]["share"] < 1 and rows["example-en"]["covered"] >= 1
    assert main(["suggest", "example-zh", "--write"]) == 0
    capsys.readouterr()
    assert main(["coverage"]) == 0
    out = capsys.readouterr().out
    assert "source" in out and "share" in out and "total" in out
    assert [line for line in out.splitlines() if line.startswith("example-zh")][0].endswith("100%")


def test_coverage_counts_quotes_and_contradictions(tmp_path, capsys):
    shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", tmp_path / "a.txt")
    (tmp_path / "claims.yaml").write_text(
        "sources: {a: {path: a.txt, lang: zh}}\nclaims:\n"
        "  - {id: wrong, source: a, figure: '95%', near: [通义千问], expect: contradicted}\n"
        "  - {id: q, source: a, quote: 有超过1万个模型、服务了超过690万开发者}\n", encoding="utf-8")
    assert main(["coverage", "--claims", str(tmp_path / "claims.yaml"), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["sources"][0]["covered"] == 3


def test_suggest_write_with_an_odd_source_id_and_control_characters(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("今年价格\x0c下降了97%。\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text("sources:\n  '新华社 2024': {path: a.txt, lang: zh}\nclaims:\n", encoding="utf-8")
    assert main(["suggest", "新华社 2024", "--claims", str(path), "--write"]) == 0, capsys.readouterr().err
    claims_file = load_claims(path)
    (claim,) = claims_file.claims
    assert claim.id == "2024-percent-1-9" and claim.source == "新华社 2024" and claim.figures == ("97%",)
    assert "\x0c" not in path.read_text(encoding="utf-8")          # the comment line was made printable
    assert [r.verdict for r in check_all(claims_file)] == ["supported"]
