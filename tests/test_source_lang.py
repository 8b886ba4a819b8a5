"""A source's `lang:` against the letters of its prose (issue 14, the newsroom walk-through).

`lang: en` on a Chinese article made the checker read Chinese with English rules, silently. The tables:
letters counted with code, URLs and markup left out; real texts (bench/heldout, ../shared/external_suites),
each read as its own language or as mixed, never warned under the `lang:` their claims give them, and the
README pairs joined into one bilingual file warned under neither (`python bench/bench_lang.py` prints the whole
distribution); then the warning itself, at the `lang:` key, in the table, JSON, --jobs, SARIF, pytest -rw, and
as an error with strict_lang.
"""
import collections
import importlib.util
import json
import re
from pathlib import Path

import pytest

from verifier.commands.cli import main
from verifier.document.markdown import read_layout
from verifier.document.script import contradicts, letter_mix

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "external_suites"
SEED_ZH = (ROOT / "seeds" / "003_d8845f575fbdae67.txt").read_text(encoding="utf-8")
SEED_EN = (ROOT / "seeds" / "000_9bfada59106e9d6b.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, han, latin", [
    ("公司营收增长", 6, 0),
    ("Revenue rose", 0, 11),
    ("`代码 code` 文字", 2, 0),                                  # inline code is not prose
    ("```\nprint('x')\n```\n正文", 2, 0),                        # nor a code block
    ('<img alt="图片说明" src="x.png"> text', 0, 4),             # nor a tag and its attributes
    ("![示意图](a.png) 正文", 2, 0),                             # nor an image
    ("[链接](https://example.com/path)", 2, 0),                  # a link's words are; its target is not
    ("see https://example.com/关于/page now", 0, 6),             # nor a URL
    ("<!-- 注释 comment -->正文", 2, 0),                         # nor a comment
    ("Ｒｅｖｅｎｕｅ 12×3 café", 0, 11),                         # full-width and accented letters; × is no letter
])
def test_letters_of_the_prose_are_counted(text, han, latin):
    mix = letter_mix(read_layout(text).masked)
    assert (mix.han, mix.latin) == (han, latin)


@pytest.mark.parametrize("han, latin, reads", [
    (2838, 81, "zh"),          # 36kr-kuaigou-ipo.md: a Chinese article, 97%
    (506, 923, "mixed"),       # cogview4/README_zh.md: a Chinese README half in English, 35%
    (2424, 4946, "mixed"),     # yuan-2.0 en.md + zh.md joined: 33%, the most Chinese bilingual file
    (1529, 27730, "mixed"),    # yi/en.md: 5.2%, English quoting Chinese prompts (not questioned as zh)
    (8, 10606, "en"),          # cogvideo-en.md
    (150, 20, ""),             # under MIN_LETTERS (a short paragraph) nothing is judged
])
def test_a_mix_reads_as_a_language(han, latin, reads):
    from verifier.document.script import LetterMix
    assert LetterMix(han, latin).reads_as() == reads


def test_compare_judges_short_texts_too():
    from verifier.document.script import LetterMix
    assert LetterMix(150, 20).reads_as(min_letters=8) == "zh"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_lang", ROOT / "bench" / "bench_lang.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _labelled_texts():
    bench = _bench()
    labels = bench.claims_labels(ROOT / "claims.yaml", ROOT / "bench" / "claims")
    return [(path, bench.label_of(path, labels)) for path in bench.texts(ROOT / "bench" / "heldout")]


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/external_suites is absent")
def test_no_text_we_hold_is_questioned_under_its_own_language():
    checked, questioned = 0, []
    for path, lang in _labelled_texts():
        if lang not in ("en", "zh"):
            continue
        checked += 1
        mix = letter_mix(read_layout(path.read_text(encoding="utf-8")).masked)
        if contradicts(mix, lang):
            questioned.append((path.name, lang, f"{mix.han_share:.1%}"))
    assert checked >= 100 and questioned == []


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/external_suites is absent")
def test_a_bilingual_text_is_questioned_under_neither_language():
    joined = _bench().joined_pairs(ROOT / "bench" / "heldout")
    assert len(joined) >= 20
    for name, text in joined:
        mix = letter_mix(read_layout(text).masked)
        assert mix.reads_as() == "mixed", (name, mix.han_share)
        assert not contradicts(mix, "en") and not contradicts(mix, "zh")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/external_suites is absent")
@pytest.mark.parametrize("rel, lang, share", [
    ("texts/36kr-kuaigou-ipo.md", "zh", "97.2%"),
    ("texts/ruanyf-weekly-113.md", "zh", "85.2%"),
    ("texts/rust-survey-2017.md", "en", "0.0%"),
    ("bilingual/chatglm2-6b/zh.md", "zh", "59.1%"),
    ("bilingual/chatglm2-6b/en.md", "en", "0.0%"),
])
def test_every_article_is_questioned_under_the_other_language(rel, lang, share):
    mix = letter_mix(read_layout((SHARED / rel).read_text(encoding="utf-8")).masked)
    other = "en" if lang == "zh" else "zh"
    assert f"{mix.han_share:.1%}" == share
    assert contradicts(mix, other) == lang and not contradicts(mix, lang)


CLAIMS = """\
version: 1
sources:
  zh-article: {{path: zh.txt, lang: {zh_lang}}}
  en-article: {{path: en.txt, lang: {en_lang}}}
claims:
  - id: price-drop
    source: zh-article
    figure: "97%"
    near: [通义千问]
  - id: tmt-en
    source: en-article
    quote: "T-EDGE"
"""


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "zh.txt").write_text(SEED_ZH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(SEED_EN, encoding="utf-8")

    def write(zh_lang="zh", en_lang="en", toml=""):
        (tmp_path / "claims.yaml").write_text(CLAIMS.format(zh_lang=zh_lang, en_lang=en_lang), encoding="utf-8")
        if toml:
            (tmp_path / "pyproject.toml").write_text(f"[tool.verifier]\n{toml}\n", encoding="utf-8")
        return tmp_path
    return write


@pytest.mark.parametrize("zh_lang, en_lang, location, problem, found", [
    ("zh", "en", None, None, None),
    ("en", "en", "claims.yaml:3:30", "source 'zh-article' is declared `lang: en`, but its text reads as Chinese",
     "94% of the letters in zh.txt are Chinese (2,295 Han, 144 Latin; code, URLs and markup not counted)"),
    ("zh", "zh", "claims.yaml:4:30", "source 'en-article' is declared `lang: zh`, but its text reads as English",
     "0.2% of the letters in en.txt are Chinese (11 Han, 4,404 Latin; code, URLs and markup not counted)"),
])
def test_a_wrong_lang_is_warned_at_its_key(newsroom, capsys, zh_lang, en_lang, location, problem, found):
    newsroom(zh_lang, en_lang)
    assert main(["check", "--no-cache", "-f", "json"]) == 0          # a warning, not a failure
    out, err = capsys.readouterr()
    warnings = json.loads(out)["warnings"]
    if location is None:
        assert warnings == [] and "warning" not in err
        return
    (warning,) = warnings
    assert (warning["kind"], warning["location"], warning["problem"], warning["found"]) == \
        ("lang", location, problem, found)
    assert f"write `lang: {'zh' if en_lang == zh_lang == 'en' else 'en'}`" in warning["hint"]
    # stdout carries JSON, so the full message (with the line and a caret under `lang`) goes to stderr
    assert f"{location}: warning: {problem}" in err
    caret_line = err.splitlines()[2]
    assert caret_line.index("^") == err.splitlines()[1].index("lang:")


def test_the_table_lists_the_warning_above_the_summary(newsroom, capsys):
    newsroom("en", "en")
    assert main(["check", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    at = lines.index("warning: claims.yaml:3:30: source 'zh-article' is declared `lang: en`, but its text reads as "
                     "Chinese")
    assert lines[at + 1].startswith("  found:    94% of the letters in zh.txt are Chinese")
    assert lines[-1].startswith("verifier: ") and at < len(lines) - 1
    assert "declared `lang: en`" not in err                       # said once: in the report


def test_jobs_give_the_same_warnings(newsroom, capsys):
    newsroom("en", "zh")
    main(["check", "--no-cache", "-f", "json"])
    one = json.loads(capsys.readouterr().out)["warnings"]
    main(["check", "--no-cache", "-f", "json", "-j", "2"])
    assert json.loads(capsys.readouterr().out)["warnings"] == one and len(one) == 2


@pytest.mark.parametrize("how", [["--strict-lang"], "strict_lang = true"])
def test_strict_lang_makes_it_an_error(newsroom, capsys, how):
    newsroom("en", "en", toml=how if isinstance(how, str) else "")
    code = main(["check", "--no-cache", "-f", "json", *(how if isinstance(how, list) else [])])
    out, err = capsys.readouterr()
    data = json.loads(out)
    verdicts = {c["id"]: c["verdict"] for c in data["claims"]}
    assert code == 2 and verdicts == {"price-drop": "error", "tmt-en": "supported"}
    assert data["warnings"] == []
    assert ("claims.yaml:3:30: source 'zh-article' is declared `lang: en`, but its text reads as Chinese "
            "(strict_lang)") in err


def _warning_classes(lines):
    """How many times each warning class of ours (not pytest's own Pytest*Warning) is listed in a run's output."""
    found = collections.Counter(m.group(1) for m in map(_WARNING_LINE.match, lines) if m)
    return {name: n for name, n in found.items() if not name.startswith("Pytest")}


_WARNING_LINE = re.compile(r"\s*\S+:\d+: (\w+Warning): ")


@pytest.mark.parametrize("lines, expected", [
    (["  claims.yaml:3: SourceLangWarning: source 'zh-article' is declared `lang: en`"], {"SourceLangWarning": 1}),
    (["  claims.yaml:3: SourceLangWarning: a", "  claims.yaml:9: SourceLangWarning: b"], {"SourceLangWarning": 2}),
    # pytest's own warning about the already imported plugin is not ours to count
    (["claims.yaml:3: SourceLangWarning: source 'zh-article' is declared `lang: en`",
      "  /usr/lib/python3/site-packages/_pytest/config/__init__.py:1290: PytestAssertRewriteWarning: Module "
      "already imported so cannot be rewritten; verifier"], {"SourceLangWarning": 1}),
    (["    found:    94% of the letters in zh.txt are Chinese"], {}),
])
def test_warning_classes_counts_each_class(lines, expected):
    assert _warning_classes(lines) == expected


def test_pytest_warns_and_strict_fails(newsroom, pytester):
    folder = newsroom("en", "en")
    pytester.chdir()
    for name in ("claims.yaml", "zh.txt", "en.txt"):
        (pytester.path / name).write_text((folder / name).read_text(encoding="utf-8"), encoding="utf-8")
    # What a full single-process suite adds to this in-process run, made to happen every time
    pytester.makeconftest("""
        import pytest
        def pytest_configure(config):
            config.issue_config_time_warning(pytest.PytestAssertRewriteWarning(
                "Module already imported so cannot be rewritten; verifier"), stacklevel=2)
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "-rw")
    # Count the warning this test is about, not every warning of the run: in a full single-process suite the
    # in-process run also reports pytest's own "Module already imported so cannot be rewritten; verifier".
    result.assert_outcomes(passed=2)
    assert _warning_classes(result.stdout.lines) == {"SourceLangWarning": 1}
    result.stdout.fnmatch_lines(["*claims.yaml:3: SourceLangWarning: source 'zh-article' is declared `lang: en`, "
                                 "but its text reads as Chinese",
                                 "*found:    94% of the letters in zh.txt are Chinese*"])
    strict = pytester.runpytest("-p", "no:cacheprovider", "claims.yaml", "--claims-no-cache", "--claims-strict-lang")
    strict.assert_outcomes(passed=1, failed=1)
    strict.stdout.fnmatch_lines(["claim price-drop (claims.yaml:6)  expected supported, got error",
                                 "*(strict_lang)"])


def test_ci_formats_carry_the_warning(newsroom, capsys, monkeypatch):
    newsroom("en", "en")
    assert main(["check", "--no-cache", "-f", "sarif"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("lang", "warning")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 30}
    assert result["message"]["text"].startswith("warning: claims.yaml:3:30: source 'zh-article' is declared")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check", "--no-cache"]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("::")]
    assert line.startswith("::warning file=claims.yaml,line=3,col=30,title=verifier%3A source 'zh-article' is "
                           "declared `lang%3A en`%2C but its text reads as Chinese::warning: claims.yaml:3:30: ")


@pytest.mark.parametrize("argv", [["coverage"], ["suggest", "zh-article"], ["report", "--html", "out.html"],
                                  ["compare", "--claims", "claims.yaml"]])
def test_every_verb_that_reads_sources_warns(newsroom, capsys, argv):
    folder = newsroom("en", "en")
    if argv[0] == "compare":
        text = (folder / "claims.yaml").read_text(encoding="utf-8")
        (folder / "claims.yaml").write_text(text.replace("claims:\n", "pairs:\n  - {en: en-article, zh: zh-article}\n"
                                                                      "claims:\n"), encoding="utf-8")
    main(argv)
    err = capsys.readouterr().err
    assert "claims.yaml:3:30: warning: source 'zh-article' is declared `lang: en`, but its text reads as Chinese" in err
