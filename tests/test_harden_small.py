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


@pytest.mark.parametrize("sid, warned, odd", [
    ("tmtp\u043est", True, "U+043E CYRILLIC SMALL LETTER O"),     # Cyrillic о inside a Latin id
    ("\u0430libaba", True, "U+0430 CYRILLIC SMALL LETTER A"),
    ("ｑwen", True, "U+FF51 FULLWIDTH LATIN SMALL LETTER Q"),
    ("tmtpost-en", False, ""),
    ("qbitai-会议", False, ""),                                   # Latin beside CJK is no look-alike
    ("новости", False, ""),                                       # one script
])
def test_a_lookalike_source_id_is_warned_with_its_place(project, capsys, sid, warned, odd):
    (project / "claims.yaml").write_text(CLAIMS.replace(" s:", f" {sid}:").replace("source: s,", f"source: {sid},"),
                                         encoding="utf-8")
    assert main(["check", "--no-cache"]) == 0
    out = capsys.readouterr().out         # the report lists its warnings above the summary line
    assert ("warning: claims.yaml:3:3: source id" in out) is warned
    if warned:
        assert odd in out and "hint:" in out


def test_error_messages_are_capped(project, capsys):
    from verifier.commands.check import MAX_MESSAGES
    bad = "".join(f"  - {{id: c{i}, claim: x, source: s, figure: \"none\"}}\n" for i in range(130))
    (project / "claims.yaml").write_text(CLAIMS + bad, encoding="utf-8")
    assert main(["check", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.count("claims.yaml:") == MAX_MESSAGES
    assert f"… and {130 - MAX_MESSAGES} more errors not shown" in err
    assert err.count("no figure in 'none'") == MAX_MESSAGES


def test_hints_are_capped(project, capsys):
    from verifier.outputs.report import MAX_NOTICES
    bad = "".join(f"  - {{id: c{i}, claim: x, source: s, figure: \"12%\", near: w{i}}}\n" for i in range(80))
    (project / "claims.yaml").write_text(CLAIMS + bad, encoding="utf-8")
    assert main(["check", "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert out.count("hint: c") == MAX_NOTICES and " more warnings and hints not shown" in out


@pytest.mark.parametrize("verb", [["coverage"], ["lock"], ["report", "--html", "out.html"]])
def test_every_verb_warns_of_a_lookalike_source_id(project, capsys, verb):
    sid = "tmtp\u043est"
    (project / "claims.yaml").write_text(CLAIMS.replace(" s:", f" {sid}:").replace("source: s,", f"source: {sid},"),
                                         encoding="utf-8")
    main(verb)
    assert "warning: source id" in capsys.readouterr().err


def test_the_plugin_warns_of_a_lookalike_source_id(pytester):
    pytester.makefile(".txt", src="Revenue rose 12% in 2023.\n")
    sid = "tmtp\u043est"
    pytester.makefile(".yaml", claims=f"version: 1\nsources:\n  {sid}: {{path: src.txt, lang: en}}\nclaims:\n"
                                      f"  - {{id: a, claim: Revenue rose 12%, source: {sid}, figure: \"12%\"}}\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache")
    result.assert_outcomes(passed=1)
    assert "ClaimsFileWarning" in str(result.stdout) and "mixes scripts" in str(result.stdout)
