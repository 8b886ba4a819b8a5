"""What confused the newsroom walk-through (issue 14), each fixed by a general rule.

The data editor ran every verb on a Chinese article and an English survey, in an 80-column terminal, from a
project whose claims files live in a subfolder, with strict_qualifiers set for CI. The tables below are the
outputs they met: the claims table and the pair's findings at 80 columns, a hint that repeated a value, an
`accept:` entry shown as `''`, a source path given from the project instead of the claims file, and
strict_qualifiers honoured by pytest but not by `verifier` (the CI step the README recommends).
"""
import json
from pathlib import Path

import pytest

from verifier.commands.cli import main
from verifier.outputs.report import render
from verifier.outputs.terminal import hanging, width_of

ROOT = Path(__file__).resolve().parents[1]
from conftest import SEED_LINES  # noqa: E402

CLAIMS = """\
version: 1
sources:
  jiemian-alibaba-cloud: {path: a.txt, lang: zh}
claims:
  - id: qwen-api-price-drop-in-the-last-year
    claim: Qwen API prices on Alibaba Cloud Bailian fell 97% in a year.
    source: jiemian-alibaba-cloud
    figure: "97%"
    near: [通义千问]
  - id: qwen-api-price-drop-wrong
    source: jiemian-alibaba-cloud
    figure: "95%"
    near: [通义千问]
  - id: hugging-face-derived-models
    claim: There are 50,000 models derived from Qwen on Hugging Face.
    source: jiemian-alibaba-cloud
    figure: "50,000"
    near: [Hugging Face]
  - id: missing-words
    claim: Something about employees.
    source: jiemian-alibaba-cloud
    figure: "3,000"
    near: [employees]
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


def _data(capsys, *args) -> dict:
    main(["check", "--no-cache", "-f", "json", *args])
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("width", [60, 80, 100])
def test_a_narrow_terminal_gets_two_lines_per_claim(project, capsys, width):
    data = _data(capsys)
    text = render(data, "auto", (width, False))
    lines = text.splitlines()
    assert all(width_of(line) <= width for line in lines), [line for line in lines if width_of(line) > width]
    for claim in data["claims"]:          # each id starts a line, whole; its evidence's place is never cut
        head = next(i for i, line in enumerate(lines) if line.startswith(claim["id"] + "  "))
        if claim["found"]:
            e = claim["found"][0]
            assert f"{e['path']}:{e['line']}:{e['col']}" in "\n".join(lines[head:head + 3])
    words = " ".join(text.split())
    assert "qwen-api-price-drop-wrong contradicted ✗ (want supported) 95%" in words
    assert "no sentence contains all of: employees; not in the source at all: employees" in words   # not clipped


def test_a_wide_terminal_keeps_the_table(project, capsys):
    text = render(_data(capsys), "auto", (160, False))
    assert text.splitlines()[0].split() == ["id", "verdict", "expected", "figure", "found", "location"]


@pytest.mark.parametrize("line, width, expected", [
    ("hint: rs-welcome-zh: did you mean 23.6% at sources/rust-survey-en.md:85:260?", 40,
     ["hint: rs-welcome-zh: did you mean 23.6%", "    at sources/rust-survey-en.md:85:260?"]),
    ("  found:    97% of the letters in a.md are Chinese", 30,
     ["  found:    97% of the letters", "      in a.md are Chinese"]),
    ("调用价格下降了百分之九十七，调用花费最低降至五毛钱", 20,
     ["调用价格下降了百分之", "    九十七，调用花费", "    最低降至五毛钱"]),
    ("short", 80, ["short"]),
])
def test_long_lines_wrap_at_word_boundaries_with_a_hanging_indent(line, width, expected):
    assert hanging(line, width) == expected
    assert all(width_of(part) <= width for part in hanging(line, width))


PAIR = {"en": "en.md", "zh": "zh.md", "summary": {"passed": False, "unexplained": 2, "failing": 2, "figures_en": 3,
        "figures_zh": 4, "aligned": 2, "accepted": 0, "agree": 1, "agree_approx": 0, "value_mismatch": 0,
        "unit_mismatch": 0, "qualifier_mismatch": 0, "version_mismatch": 0, "name_mismatch": 1,
        "scope_mismatch": 0, "missing_in_en": 1, "missing_in_zh": 0, "internal_conflict": 0},
        "agree": [], "mismatches": [{"kind": "name_mismatch", "accepted": None,
                                     "en": {"text": "ChatGLM-6B", "value": "chatglm/6b", "location": "en.md:58:4"},
                                     "zh": {"text": "ChatGLM2-6B", "value": "chatglm/2-6b",
                                            "location": "zh.md:66:4"}}],
        "missing_in_en": [{"kind": "missing_in_en", "accepted": None, "en": None,
                           "zh": {"text": "57.0", "value": "57", "location": "zh.md:92:18"}}],
        "missing_in_zh": [], "internal_conflicts": []}


@pytest.mark.parametrize("width, expected", [
    (80, ["name_mismatch  EN ChatGLM-6B (chatglm/6b) en.md:58:4  ~  ZH ChatGLM2-6B",
          "    (chatglm/2-6b) zh.md:66:4",
          "missing_in_en  EN —  ~  ZH 57.0 (57) zh.md:92:18"]),
    (200, ["category       EN text     EN value    ZH text      ZH value      EN location    ZH location"]),
])
def test_a_pairs_findings_fit_the_terminal(width, expected):
    from verifier.commands.check import _pair_lines
    text = _pair_lines([PAIR], "simple", width)
    assert text.splitlines()[:len(expected)] == expected
    assert all(width_of(line) <= width for line in text.splitlines())


@pytest.mark.parametrize("en, zh, shown", [
    ("10 GB", "8 GB", "'10 GB' ~ '8 GB'"),
    ("", "99.99", "— ~ '99.99'"),          # was '' ~ '99.99'
    ("4.27.1", "", "'4.27.1' ~ —"),
])
def test_an_accept_entry_is_shown_as_written(en, zh, shown):
    from verifier.audit.report import accept_text
    assert accept_text(en, zh) == shown


@pytest.mark.parametrize("folder, path, hint", [
    ("scratch", "sources/a.txt", "paths are relative to the claims file (scratch/); from there the file is "
                                 "`../sources/a.txt`; a source outside the claims file's folder also needs "
                                 "source_roots = [\"sources\"] or allow_outside = true in [tool.verifier] (or "
                                 "--allow-outside)"),
    ("scratch", "nowhere/a.txt", "looked for {base}/scratch/nowhere/a.txt"),
    (".", "source/a.txt", "looked for {base}/source/a.txt"),
])
def test_a_source_path_given_from_the_project_says_what_to_write(project, capsys, folder, path, hint):
    (project / "sources").mkdir()
    (project / "sources" / "a.txt").write_text(SEED_LINES, encoding="utf-8")
    (project / folder).mkdir(exist_ok=True)
    claims = project / folder / "c.yaml"
    claims.write_text(CLAIMS.replace("path: a.txt", f"path: {path}"), encoding="utf-8")
    assert main(["check", "--no-cache", str(claims.relative_to(project))]) == 2
    assert f"  hint:     {hint.format(base=project.resolve())}\n" in capsys.readouterr().err


@pytest.mark.parametrize("figure, near, hint", [
    ("96%", "Hugging Face", "did you mean 97% at a.txt:19:64?"),                   # was 97% (97%)
    ("3,000", "employees", "did you mean 超过1万 (>10,000) at a.txt:21:73?"),       # the value read, when it differs
])
def test_a_hint_does_not_repeat_a_value(project, capsys, figure, near, hint):
    (project / "claims.yaml").write_text(CLAIMS + f"""\
  - id: near-miss
    claim: A figure about {near}.
    source: jiemian-alibaba-cloud
    figure: "{figure}"
    near: [{near}]
""", encoding="utf-8")
    assert hint in next(c for c in _data(capsys)["claims"] if c["id"] == "near-miss")["hints"]


@pytest.mark.parametrize("how, code, passed", [
    ([], 1, True),                                  # not strict: a warning
    (["--strict-qualifiers"], 1, False),
    ("strict_qualifiers = true", 1, False),         # [tool.verifier], as pytest reads it
])
def test_strict_qualifiers_fails_the_cli_as_it_fails_pytest(project, capsys, how, code, passed):
    if isinstance(how, str):
        (project / "pyproject.toml").write_text(f"[tool.verifier]\n{how}\n", encoding="utf-8")
    args = how if isinstance(how, list) else []
    assert main(["check", "--no-cache", *args]) == code            # qwen-api-price-drop-wrong fails anyway
    capsys.readouterr()
    claim = next(c for c in _data(capsys, *args)["claims"] if c["id"] == "hugging-face-derived-models")
    assert (claim["verdict"], claim["passed"]) == ("supported", passed)
    assert ("strict" in claim) is not passed
    main(["check", "--no-cache", "-f", "sarif", *args])
    texts = [r["message"]["text"] for r in json.loads(capsys.readouterr().out)["runs"][0]["results"]]
    strict = [t for t in texts if t.startswith("claim hugging-face-derived-models")]
    assert bool(strict) is not passed
    if strict:
        assert strict[0].splitlines()[0] == ("claim hugging-face-derived-models (claims.yaml:14)  supported, but "
                                             "it drops the source's hedge (strict_qualifiers)")


@pytest.mark.parametrize("argv", [["suggest", "jiemian-alibaba-cloud"], ["check", "--no-cache"],
                                  ["compare", "en.txt", "a.txt"], ["coverage"]])
def test_every_verb_fits_an_80_column_terminal(project, capsys, monkeypatch, argv):
    (project / "en.txt").write_text((ROOT / "seeds" / "000_9bfada59106e9d6b.txt").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    monkeypatch.setenv("FORCE_COLOR", "1")       # a person's terminal (colour codes are not columns)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    main(argv)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 3 and [line for line in lines if width_of(line) > 80] == []


def test_tb_line_gives_a_failing_pair_one_line(pytester):
    for name in ("000_9bfada59106e9d6b.txt", "001_187f639e31b962a3.txt"):
        (pytester.path / name).write_text((ROOT / "seeds" / name).read_text(encoding="utf-8"), encoding="utf-8")
    pytester.makefile(".yaml", claims="version: 1\nsources:\n  en: {path: 000_9bfada59106e9d6b.txt, lang: en}\n"
                                      "  zh: {path: 001_187f639e31b962a3.txt, lang: zh}\npairs:\n"
                                      "  - {en: en, zh: zh}\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "--tb=line")
    result.assert_outcomes(failed=1)
    lines = result.stdout.lines
    start = next(i for i, line in enumerate(lines) if " FAILURES " in line) + 1
    failures = lines[start:next(i for i in range(start, len(lines)) if lines[i].startswith("="))]
    assert failures == ["claims.yaml:6: EN en ~ ZH zh: 8 unexplained disagreement(s) (7 missing_in_en, "
                        "1 missing_in_zh)"]


@pytest.mark.parametrize("figure, why", [
    ("more than 90%", "  why:    source says 97%, which the claim's >90% allows"),
    ("97%", "  why:    source says 97%, which the claim's 97% allows"),
])
def test_a_claim_wrongly_supported_says_why(project, capsys, figure, why):
    (project / "claims.yaml").write_text(CLAIMS + f"""\
  - id: known-false
    claim: Qwen API prices fell by more than 90%.
    source: jiemian-alibaba-cloud
    figure: "{figure}"
    near: [通义千问]
    expect: contradicted
""", encoding="utf-8")
    main(["check", "--no-cache", "-f", "sarif"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    text = next(r["message"]["text"] for r in results if r["partialFingerprints"]["claimId/v1"] == "known-false")
    assert why in text.splitlines()


EN_SOURCE = "This year we had **5,368 responses**.\n\nWe read every reply, and thank you all.\n"


@pytest.mark.parametrize("claim, figure, near, hint", [
    ("Rust 2017 年调查共收到5368份回复。", "5368份", "[回复]",
     "the source gives 5,368 at en.md:1:20, but its sentence lacks the `near` word 回复 (looked for: recover, reply, "
     "return): add the word the source uses to `glossary:`, or drop it from `near:`"),
])
def test_a_hint_says_why_the_claims_own_value_was_set_aside(tmp_path, monkeypatch, capsys, claim, figure, near,
                                                            hint):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "en.md").write_text(EN_SOURCE, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(f"version: 1\nsources:\n  s: {{path: en.md, lang: en}}\nclaims:\n"
                                          f"  - {{id: c, claim: \"{claim}\", source: s, figure: \"{figure}\", "
                                          f"near: {near}}}\n", encoding="utf-8")
    (result,) = _data(capsys)["claims"]
    assert hint in result.get("hints", []), result
