"""A corpus of broken claims files, each pinned to exit 2 and a message a person can act on.

tests/broken_claims/ holds one file per way a claims file goes wrong in
practice: editor damage (tabs, indentation, unclosed quotes), shape mistakes
(a list where a mapping goes, empty values, duplicate ids and keys, typos in
keys), figures the engine cannot read, sources that are missing, directories,
binary, in the wrong encoding or outside the folder, and hostile input (alias
bombs, `!!python/object` tags, path traversal, control characters, deep
nesting). Cases that cannot be committed (a 100 MB source, symlinks, FIFOs, a
huge claims file) are generated in tmp_path by the tests at the bottom.

Each row runs the real CLI (`verifier check FILE`, from the corpus folder so
paths print short) and pins: exit code 2, the location `file:line:col`, the
problem, and what was found / expected where the message has them. None may
print a traceback or "internal error". A few rows also run through
`python -m verifier` in a subprocess to prove stderr is clean end to end.
The files are named *.yaml but never claims.yaml, and the folder is not called
`claims`, so the pytest plugin does not collect them as claims.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.commands.cli import main

from conftest import rows_run_here

CORPUS = Path(__file__).resolve().parent / "broken_claims"

# file -> (location, problem, found, expected); None: the message has no such line (nothing was "found").
CASES = {
    # -- YAML syntax and editor damage --------------------------------------------------------------
    "tabs.yaml": ("tabs.yaml:3:1", "YAML syntax error", "a tab character", "valid YAML"),
    "tab_in_claim.yaml": ("tab_in_claim.yaml:7:1", "YAML syntax error", "a tab character", "valid YAML"),
    "bad_indent.yaml": ("bad_indent.yaml:6:13", "mapping values are not allowed", "':'", "valid YAML"),
    "unquoted_colon.yaml": ("unquoted_colon.yaml:7:17", "mapping values are not allowed", "':'", "valid YAML"),
    "unclosed_quote.yaml": ("unclosed_quote.yaml:7:13", "quoted scalar that starts here and is never closed",
                            "'\"'", "valid YAML"),
    "undefined_alias.yaml": ("undefined_alias.yaml:6:13", "found undefined alias", "alias *en", "valid YAML"),
    "control_char.yaml": ("control_char.yaml:7:20", "character U+0007 is not allowed in YAML", "U+0007",
                          "printable text"),
    "deep_nesting.yaml": ("deep_nesting.yaml:2:", "nested too deeply", "more than 64 levels deep",
                          "claims, each a mapping"),
    # -- encoding of the claims file itself ---------------------------------------------------------
    "gbk_encoded.yaml": ("gbk_encoded.yaml:6:12", "is not valid UTF-8", "byte 0xca at offset 97", "UTF-8 text"),
    "nul_bytes.yaml": ("nul_bytes.yaml:7:17", "is binary, not YAML", "a NUL byte at offset 117",
                       "a UTF-8 text file"),
    "utf16_nobom.yaml": ("utf16_nobom.yaml:1:2", "is binary, not YAML", "a NUL byte at offset 1",
                         "a UTF-8 text file"),
    # -- hostile YAML ---------------------------------------------------------------------------------
    "alias_bomb.yaml": ("alias_bomb.yaml:5:", "expands to too many values",
                        "more than 200,000 values once aliases are expanded", "a claims file of ordinary size"),
    "python_object_tag.yaml": ("python_object_tag.yaml:7:13", "is not allowed",
                               "!!python/object/apply:os.system", "plain YAML"),
    "python_name_tag.yaml": ("python_name_tag.yaml:1:10", "tag '!!python/name:os.system' is not allowed",
                             "!!python/name:os.system",
                             "plain YAML"),
    "custom_tag.yaml": ("custom_tag.yaml:7:13", "tag '!include' is not allowed", "!include", "plain YAML"),
    "binary_tag.yaml": ("binary_tag.yaml:7:13", "tag '!!binary' is not allowed", "!!binary", "plain YAML"),
    "merge_key.yaml": ("merge_key.yaml:6:5", "merge keys (<<) are not supported", None, "each key written out"),
    "complex_key.yaml": ("complex_key.yaml:7:7", "a key must be a plain word", "a list or mapping used as a key",
                         "a key such as `id:`"),
    # -- shape of the file --------------------------------------------------------------------------
    "top_level_list.yaml": ("top_level_list.yaml:1:1", "the claims file must be a mapping", "a list of 1",
                            "keys version, sources, claims"),
    "top_level_scalar.yaml": ("top_level_scalar.yaml:1:1", "the claims file must be a mapping",
                              "'just some text, not a claims file'", "keys version, sources, claims"),
    "claims_is_mapping.yaml": ("claims_is_mapping.yaml:5:3", "`claims` must be a list", "a mapping",
                               "a list, e.g. - id: my-claim"),
    "sources_is_list.yaml": ("sources_is_list.yaml:3:3", "`sources` must be a mapping", "a list of 1",
                             "a mapping, e.g."),
    "duplicate_key.yaml": ("duplicate_key.yaml:8:5", "duplicate key 'figure'", "'figure' again (first at line 7)",
                           "each key once per mapping"),
    "duplicate_top_key.yaml": ("duplicate_top_key.yaml:6:1", "duplicate key 'claims'",
                               "'claims' again (first at line 4)", "each key once per mapping"),
    "unknown_top_key.yaml": ("unknown_top_key.yaml:4:1", "unknown top-level key 'claim'", "claim",
                             "version, sources, pairs, claims, glossary"),
    "bad_version.yaml": ("bad_version.yaml:1:10", "unsupported version", "'2'", "version: 1"),
    "glossary_mapping.yaml": ("glossary_mapping.yaml:5:12", "glossary entry 'revenue' must be a string or a list",
                              "a mapping", "e.g. [通义千问, 价格]"),
    # -- one claim is wrong -------------------------------------------------------------------------
    "empty_values.yaml": ("empty_values.yaml:7:12", "`figure` of claim 'revenue' must be text", "an empty value",
                          "a non-empty string"),
    "empty_source.yaml": ("empty_source.yaml:6:13", "`source` of claim 'revenue' must be text", "''",
                          "a non-empty string"),
    "duplicate_ids.yaml": ("duplicate_ids.yaml:7:10", "duplicate id 'revenue'", "'revenue' again (first at line 5)",
                           "each claim id once"),
    "unknown_claim_key.yaml": ("unknown_claim_key.yaml:7:5", "unknown key 'figur' in claim 'revenue'", "figur",
                               "id, claim, source, figure, figures"),
    "unparseable_figure.yaml": ("unparseable_figure.yaml:7:13", "cannot read figure 'lots and lots'",
                                "no figure in 'lots and lots'", "a figure such as 97%"),
    "figure_is_list_of_lists.yaml": ("figure_is_list_of_lists.yaml:7:15", "each item of `figures`", "a list of 1",
                                     "a non-empty string"),
    "figure_and_figures.yaml": ("figure_and_figures.yaml:8:5", "has both `figure` and `figures`", None,
                                "one of them"),
    "nothing_to_check.yaml": ("nothing_to_check.yaml:5:5", "has nothing to check", None,
                              "a `figure`, `figures` or `quote`"),
    "claim_is_string.yaml": ("claim_is_string.yaml:5:5", "claim #1 must be a mapping", "'revenue rose 12%'",
                             "keys id, claim, source, figure"),
    "no_id.yaml": ("no_id.yaml:5:5", "claim #1 has no id", None, "id: a unique slug"),
    "id_not_slug.yaml": ("id_not_slug.yaml:5:9", "id 'revenue rose' is not a slug", "revenue rose",
                         "letters, digits"),
    "bad_expect.yaml": ("bad_expect.yaml:8:13", "unknown verdict 'supportd'", "supportd",
                        "supported | contradicted | not_found"),
    "unknown_source_id.yaml": ("unknown_source_id.yaml:6:13", "unknown source 'english'", "english",
                               "an id under `sources:`"),
    "pair_unknown_source.yaml": ("pair_unknown_source.yaml:6:18", "unknown source 'chinese'", "chinese",
                                 "an id under `sources:`"),
    "accept_without_reason.yaml": ("accept_without_reason.yaml:8:14", "an accepted difference needs a `reason`",
                                   None, "reason: why the two accounts may differ"),
    # -- sources ----------------------------------------------------------------------------------------
    "bad_lang.yaml": ("bad_lang.yaml:3:39", "unknown language 'fr'", "fr", "en or zh"),
    "source_no_path.yaml": ("source_no_path.yaml:3:7", "source 'en' has no path", None, "path: a file relative"),
    "missing_source_file.yaml": ("missing_source_file.yaml:3:14", "source file of 'en' not found",
                                 "sources/nope.txt", "an existing file"),
    "source_is_directory.yaml": ("source_is_directory.yaml:3:14", "source 'en' is a directory",
                                 "sources/a_folder", "a text file"),
    "path_traversal.yaml": ("path_traversal.yaml:3:14", "outside the claims file's folder",
                            "../../../../../../../../etc/passwd -> /etc/passwd", "a file under"),
    "absolute_path.yaml": ("absolute_path.yaml:3:14", "outside the claims file's folder", "/etc/passwd -> /etc/passwd",
                           "a file under"),
    "nul_in_path.yaml": ("nul_in_path.yaml:3:14", "contains a NUL character", "'sources/ok_en.txt\\x00.png'",
                         "a file name"),
    "binary_source.yaml": ("sources/binary.dat:3:1", "source contains NUL bytes", "NUL at byte 8",
                           "a text file (UTF-8, UTF-16 with BOM, or GB18030)"),
    "nul_in_source.yaml": ("sources/nul_in_text.txt:2:12", "source contains NUL bytes", "NUL at byte 37",
                           "a text file"),
    "latin1_source.yaml": ("sources/latin1.txt:1:7", "source is not valid UTF-8", "byte e9 at offset 6",
                           "UTF-8, UTF-16 with a BOM, or GB18030/GBK"),
    "utf16_nobom_source.yaml": ("sources/utf16_nobom.txt:1:2", "source contains NUL bytes", "NUL at byte 1",
                                "a text file"),
    "utf16_truncated_source.yaml": ("sources/utf16_truncated.txt:2:1", "source is not valid UTF-16",
                                    "byte 41 at offset 38", "UTF-8, UTF-16 with a BOM"),
}


@pytest.fixture(autouse=True)
def cache_elsewhere(tmp_path, monkeypatch):
    """Keep the figure cache out of the corpus folder (it would default to broken_claims/.verifier-cache)."""
    monkeypatch.setenv("VERIFIER_CACHE_DIR", str(tmp_path / "cache"))


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(out: str, err: str) -> None:
    for stream in (out, err):
        assert "Traceback" not in stream
        assert "internal error" not in stream


def test_the_corpus_is_all_in_the_table():
    files = sorted(p.name for p in CORPUS.glob("*.yaml"))
    assert files == sorted(CASES), set(files) ^ set(CASES)
    assert len(files) >= 30
    assert not (CORPUS / "claims.yaml").exists() and CORPUS.name != "claims"


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_file(name, capsys, monkeypatch):
    location, problem, found, expected = CASES[name]
    monkeypatch.chdir(CORPUS)
    code, out, err = run_cli(capsys, "check", name)
    assert code == 2, (out, err)
    assert_clean(out, err)
    head = next(line for line in err.splitlines() if line.startswith(location))
    assert problem in head, err
    lines = err.splitlines()
    found_lines = [line for line in lines if line.startswith("  found:    ")]
    if found is not None:
        assert any(found in line for line in found_lines), err
    else:
        assert found_lines == [], err
    assert any(line.startswith("  expected: ") and expected in line for line in lines), err


_STARTED: dict[str, subprocess.Popen] = {}      # file name -> its `python -m verifier check`, started once


@pytest.mark.parametrize("name", ["python_object_tag.yaml", "alias_bomb.yaml", "gbk_encoded.yaml",
                                  "binary_source.yaml", "path_traversal.yaml", "deep_nesting.yaml"])
def test_broken_file_through_a_subprocess(request, name):
    for row in rows_run_here(request):          # each row's own process, all started at the first row
        if row["name"] not in _STARTED:
            _STARTED[row["name"]] = subprocess.Popen(
                [sys.executable, "-m", "verifier", "check", row["name"]], cwd=CORPUS, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    done = _STARTED[name]
    stdout, stderr = done.communicate(timeout=120)
    location = CASES[name][0]
    assert done.returncode == 2, stderr
    assert location in stderr
    assert_clean(stdout, stderr)


def test_python_tag_never_runs(capsys, monkeypatch):
    marker = Path("/tmp/verifier-pwned")
    if marker.exists():
        marker.unlink()
    monkeypatch.chdir(CORPUS)
    run_cli(capsys, "check", "python_object_tag.yaml")
    assert not marker.exists()


def test_json_format_still_reports_per_claim_errors(capsys, monkeypatch):
    """Per-claim errors keep the other claims running and show up in the JSON report too."""
    import json
    monkeypatch.chdir(CORPUS)
    code, out, err = run_cli(capsys, "check", "duplicate_ids.yaml", "--format", "json")
    assert code == 2
    data = json.loads(out)
    verdicts = {c["id"]: c["verdict"] for c in data["claims"]}
    assert verdicts["revenue"] == "supported" and verdicts["hires"] == "supported"
    assert [v for k, v in verdicts.items() if k.startswith("revenue@")] == ["error"]
    assert "duplicate_ids.yaml:7:10: duplicate id 'revenue'" in err


def test_plugin_shows_a_broken_file_as_one_short_failure(pytester):
    """The pytest plugin turns a whole-file error into one failing item with the same message."""
    (pytester.path / "claims.yaml").write_bytes((CORPUS / "tabs.yaml").read_bytes())
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*claims.yaml:3:1: YAML syntax error*", "*found:    a tab character*"])
    assert "Traceback" not in result.stdout.str()


# -- generated at test time: too big, too odd or too platform-specific to commit ----------------------

def small_project(tmp_path: Path, source_path: str = "src.txt") -> Path:
    claims = tmp_path / "claims.yaml"
    claims.write_text(f"version: 1\nsources:\n  s: {{path: {source_path}, lang: en}}\n"
                      "claims:\n  - {id: revenue, source: s, figure: \"12%\"}\n", encoding="utf-8")
    return claims


def test_100_mb_source_is_refused_unread(tmp_path, capsys):
    from verifier.document.sources import MAX_SOURCE_BYTES
    big = tmp_path / "src.txt"
    with big.open("wb") as handle:
        line = b"Revenue rose 12% in 2023, 1,234 people, 5-6 years. " * 20 + b"\n"
        for _ in range(100 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert big.stat().st_size >= 100 * 1024 * 1024 > MAX_SOURCE_BYTES
    code, out, err = run_cli(capsys, "check", str(small_project(tmp_path)))
    assert code == 2
    assert "src.txt: source is too large" in err and "found:    104,8" in err and "expected: at most" in err
    assert_clean(out, err)


def test_huge_claims_file_is_refused(tmp_path, capsys):
    claims = tmp_path / "claims.yaml"
    with claims.open("w", encoding="utf-8") as handle:
        handle.write("version: 1\nclaims:\n")
        for i in range(400_000):
            handle.write(f"  - {{id: c{i}, source: s, figure: \"{i}%\"}}\n")
    code, out, err = run_cli(capsys, "check", str(claims))
    assert code == 2
    assert f"{claims}: claims file is too large" in err
    assert_clean(out, err)


def test_symlink_out_of_the_folder(tmp_path, capsys):
    outside = tmp_path / "outside.txt"
    outside.write_text("Revenue rose 12%.\n", encoding="utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "src.txt").symlink_to(outside)
    code, out, err = run_cli(capsys, "check", str(small_project(folder)))
    assert code == 2
    assert f"{folder / 'claims.yaml'}:3:13: source 's' is outside the claims file's folder" in err
    assert f"found:    src.txt -> {outside}" in err
    assert_clean(out, err)


def test_symlink_loop(tmp_path, capsys):
    (tmp_path / "src.txt").symlink_to(tmp_path / "src.txt")
    code, out, err = run_cli(capsys, "check", str(small_project(tmp_path)))
    assert code == 2 and "source 's' cannot be resolved" in err
    assert_clean(out, err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_source(tmp_path, capsys):
    os.mkfifo(tmp_path / "src.txt")
    code, out, err = run_cli(capsys, "check", str(small_project(tmp_path)))
    assert code == 2 and "is not a regular file" in err and "named pipe" in err
    assert_clean(out, err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_claims_file(tmp_path, capsys):
    os.mkfifo(tmp_path / "claims.yaml")
    code, out, err = run_cli(capsys, "check", str(tmp_path / "claims.yaml"))
    assert code == 2 and "is not a regular file" in err
    assert_clean(out, err)


@pytest.mark.parametrize("make,fragment", [
    (lambda p: None, "claims file not found"),
    (lambda p: p.mkdir(), "is a directory, not a claims file"),
    (lambda p: p.write_bytes(b""), "nothing to check"),
    (lambda p: p.write_bytes(b"\xef\xbb\xbf"), "nothing to check"),
])
def test_missing_empty_or_directory_claims_file(tmp_path, capsys, make, fragment):
    path = tmp_path / "claims.yaml"
    make(path)
    code, out, err = run_cli(capsys, "check", str(path))
    assert code == 2 and fragment in err      # an empty (truncated?) file must not pass CI
    assert_clean(out, err)


def test_many_broken_claims_in_one_file_all_reported(tmp_path, capsys):
    """Per-claim errors do not stop at the first: every broken claim is named, with its line."""
    (tmp_path / "src.txt").write_text("Revenue rose 12%.\n", encoding="utf-8")
    body = "".join(f"  - {{id: c{i}, source: s, figure: \"lots\"}}\n" for i in range(50))
    (tmp_path / "claims.yaml").write_text(f"version: 1\nsources:\n  s: src.txt\nclaims:\n{body}", encoding="utf-8")
    code, out, err = run_cli(capsys, "check", str(tmp_path / "claims.yaml"))
    assert code == 2
    assert err.count("cannot read figure 'lots'") == 50
    assert f"{tmp_path / 'claims.yaml'}:54:" in err
