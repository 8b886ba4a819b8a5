"""#13 smaller items and claims-file bounds, each reproducing the report first."""
from __future__ import annotations

import pytest

from verifier.claimsfile import yamltree
from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main
from verifier.errors import excerpt_with_caret

CLAIMS = ("version: 1\nsources:\n  s: {path: src.txt, lang: en}\nclaims:\n"
          "  - {id: revenue, claim: Revenue rose 12%., source: s, figure: \"12%\"}\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "src.txt").write_text("Revenue rose 12% in 2023.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_a_utf32_claims_file_is_read_not_called_binary(project, capsys, encoding):
    data = CLAIMS.encode(encoding)
    if encoding != "utf-32":                                     # -le/-be codecs write no BOM: add it
        data = ("\ufeff".encode(encoding)) + data
    (project / "claims.yaml").write_bytes(data)
    assert main(["check", "--no-cache"]) == 0
    assert "binary" not in capsys.readouterr().err


def test_unsafehtml_is_not_a_format(project, capsys):
    (project / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["check", "--no-cache", "-f", "unsafehtml"])
    assert info.value.code == 2
    assert main(["check", "--no-cache", "-f", "html"]) == 0


def test_a_plain_file_over_the_value_limit_is_no_alias_bomb(project, monkeypatch):
    """Over 33,000 claims (200,000 values) was refused as a bomb. The limit now counts only values that
    aliases repeat; shown at a tenth of the scale (a 100,000-claim file takes ~15 s to parse here)."""
    monkeypatch.setattr(yamltree, "MAX_NODES", 2_000)
    claims = "".join(f"  - {{id: c{i}, claim: Revenue rose 12%., source: s, figure: \"12%\"}}\n"
                     for i in range(1_000))                   # ~11,000 values, no alias
    (project / "claims.yaml").write_text(CLAIMS.split("claims:\n")[0] + "claims:\n" + claims, encoding="utf-8")
    assert len(load_claims(project / "claims.yaml").claims) == 1_000


def test_a_real_alias_bomb_still_is(project, capsys, monkeypatch):
    monkeypatch.setattr(yamltree, "MAX_NODES", 2_000)
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 5)]
    (project / "claims.yaml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    assert main(["check", "--no-cache"]) == 2
    assert "too many values" in capsys.readouterr().err


@pytest.mark.parametrize("line", [5, 9999, 10000, 123456])
def test_the_caret_stays_under_the_column_at_any_line_number(line):
    text = "\n" * (line - 1) + "key: [oops\n"
    shown_line, caret = excerpt_with_caret(text, line, 6).split("\n")
    assert shown_line.index("[") == caret.index("^")
