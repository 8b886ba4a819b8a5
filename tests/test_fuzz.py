"""Property-based and fuzz tests: hostile input gives a result or a clear error, never a crash.

Three surfaces take text from outside: the number engine (every source and
every `figure:`), the source reader (any bytes on disk) and the claims loader
(any YAML). For each, hypothesis feeds
  * arbitrary Unicode / arbitrary bytes (no structure at all),
  * "newsy" strings built from the engine's own vocabulary (digits, 亿, 万,
    %, million, 个百分点, ranges, qualifiers), which reach far deeper paths,
  * mutations of the bundled claims.yaml and random claim-shaped YAML,
and asserts the contract: a value, a FigureError or a VerifierError; spans
inside the text; no figure where there is no digit or numeral.

Runs are bounded and, by default, derandomized (the same inputs every run, so
CI never fails on a new random draw). The properties that load and check a whole
claims file per input run fewer inputs by default than the rest. For a deeper,
random run (ten times the inputs, and the costly properties as deep as ever):
    VERIFIER_FUZZ=deep pytest tests/test_fuzz.py
The number of inputs fuzzed is printed at the end of the module.
"""
from __future__ import annotations

import json
import os
import signal
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, currently_in_test_context, given, reject, settings
from hypothesis import strategies as st

from verifier.claimsfile.claims import ClaimsFile, load_claims
from verifier.commands.cli import main
from verifier.errors import VerifierError
from verifier.numbers import FigureError, find_figures, parse_figure
from verifier.numbers import lexicon
from verifier.numbers.figure import KINDS, QUALIFIERS
from verifier.check.run import check_all
from verifier.document.sources import SourceDoc, decode, read_source

ROOT = Path(__file__).resolve().parents[1]
DEEP = os.environ.get("VERIFIER_FUZZ") == "deep"
FUZZED: Counter = Counter()          # inputs actually run, per property (printed at the end)
RUN_VERDICTS = {"supported", "contradicted", "not_found", "error", "stale"}


def fuzz(examples: int, deep: int | None = None):
    """`examples` inputs by default; under VERIFIER_FUZZ=deep, `deep` (ten times `examples` unless given)."""
    return settings(max_examples=(deep or examples * 10) if DEEP else examples, deadline=None,
                    derandomize=not DEEP,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large, HealthCheck.filter_too_much],
                    print_blob=True)


class _FuzzSummary:
    """Prints the number of inputs fuzzed in pytest's closing summary (fixture teardown output is captured)."""

    def pytest_terminal_summary(self, terminalreporter):
        total = sum(FUZZED.values())
        if total:
            terminalreporter.write_line(f"fuzz: {total:,} inputs over {len(FUZZED)} properties (" +
                                        ", ".join(f"{name} {count}" for name, count in sorted(FUZZED.items())) + ")")


@pytest.fixture(scope="module", autouse=True)
def report_count(request):
    manager = request.config.pluginmanager
    if not manager.has_plugin("verifier-fuzz-summary"):
        manager.register(_FuzzSummary(), "verifier-fuzz-summary")
    yield


# --- strategies ---------------------------------------------------------------

# Words the engine reads, so generated text reaches its grammar instead of bouncing off.
NEWS_TOKENS = [
    "0", "1", "2", "5", "7", "12", "97", "100", "2024", "1,234", "12,345,678", "3.5", "0.5", ".5", "1.", "1,2",
    "１２", "３．５", "٣", "½", "①", "Ⅻ", "1e9", "10^6", "1/3", "3:1", "-", "–", "—", "~", "～", "至", "到", "或",
    "%", "％", "‰", "percent", "per cent", "percentage points", "pp", "个百分点", "百分之", "千分之", "成",
    "亿", "万", "千", "百", "十", "兆", "一", "两", "二", "三", "五", "六", "九", "零", "〇", "廿", "半", "几", "数",
    "多", "余", "近", "约", "超过", "不到", "逾", "以上", "以下", "左右", "将近", "至少", "最多",
    "元", "块", "毛", "角", "美元", "美金", "港元", "欧元", "¥", "￥", "$", "US$", "HK$", "€", "£", "RMB", "CNY",
    "USD", "yuan", "dollars", "million", "billion", "trillion", "bn", "mn", "m", "k", "K", "B", "M", "w", "T",
    "thousand", "hundred", "dozen", "a", "and", "half", "one", "two", "three", "ten", "twenty", "forty-two",
    "first", "second", "third", "quarter", "thirds", "point", "over",
    "倍", "x", "×", "times", "fold", "折", "年", "月", "日", "号", "周", "天", "小时", "分钟", "秒", "星期六",
    "周六", "Saturday", "Dec", "December", "years", "year", "months", "days", "hours", "seconds", "s",
    "about", "around", "nearly", "almost", "more than", "over", "less than", "under", "up to", "at least",
    "at most", "between", "from", "to", "some", "roughly", "approximately",
    "tokens", "token", "parameters", "参数", "个", "家", "人", "/", "每", "per", "per million tokens", "每百万",
    " ", " ", "\n", "\r\n", "\t", ".", ",", "，", "。", "、", "(", ")", "（", "）", "\"", "“", "”", "'", "+", "±",
    "e", "E", "第", "No.", "#", "Q3", "H1", "FY2023", "20:30", "2024-12-07", "2024/9/20", "12月7日",
]
news_text = st.lists(st.sampled_from(NEWS_TOKENS), max_size=30).map("".join)
any_text = st.text(max_size=300)


def _no_numeral_alphabet() -> str:
    numeral_chars = set(lexicon.ZH_DIGIT_CHARS) | set(lexicon.ZH_UNIT_CHARS) | set(lexicon.ZH_SEVERAL) | \
        set(lexicon.ZH_MORE) | set(lexicon.ZH_POINT) | set("半双对打首年月日天周星期今明去昨正腊初旬")
    han = "的是在我他这来人们说要就会可以没有中国公司发展经济市场技术模型智能表示认为进行通过问题研究和与及或但而"
    han = "".join(c for c in han if c not in numeral_chars)
    # Consonants only: no English number word, weekday or Roman numeral (X, L, C, D, M, I, V) can form.
    latin = "bfghjknpqrstwzBFGHJKNPQRSTWZ"
    symbols = "%％‰$¥￥€£+-–—~～/.,:;()（）[]“”\"'#@&*!?。，、！？；：…·• \n\t\r"
    return han + latin + symbols


no_numeral_text = st.one_of(
    st.text(alphabet=_no_numeral_alphabet(), max_size=200),
    st.text(alphabet=st.characters(exclude_categories=("Nd", "Nl", "No", "Lu", "Ll", "Lt", "Lm", "Lo", "Cs"),
                                   exclude_characters=lexicon.ZH_DIGIT_CHARS),   # ○ is a zero in 二○二四
            max_size=200),
)


def _check_figures(text: str, figures) -> None:
    assert isinstance(figures, list)
    previous_end = 0
    for fig in figures:
        assert 0 <= fig.start <= fig.end <= len(text), (fig, len(text))
        assert text[fig.start:fig.end] == fig.text, (fig.text, text[fig.start:fig.end])
        assert fig.text, fig
        assert fig.kind in KINDS, fig.kind
        assert fig.qualifier in QUALIFIERS, fig.qualifier
        assert fig.start >= previous_end, f"overlapping figures: {figures}"
        previous_end = fig.end
        _render(fig)                # rendering never raises


def _render(fig) -> str:
    """fig.value_text(); inside a property, a value beyond 1e4000 (known bug 2) discards the example."""
    try:
        return fig.value_text()
    except (ValueError, ArithmeticError):
        huge = any(v is not None and abs(v.adjusted()) > 4000 for v in (fig.low, fig.high))
        if huge and currently_in_test_context():
            reject()
        raise


def _parse(s: str):
    try:
        return parse_figure(s)
    except (FigureError, VerifierError):
        return None


# --- the number engine --------------------------------------------------------

@fuzz(400)
@given(any_text)
def test_find_figures_any_text(text):
    FUZZED["find_figures(any text)"] += 1
    _check_figures(text, find_figures(text))


@fuzz(500)
@given(news_text)
def test_find_figures_news_text(text):
    FUZZED["find_figures(news text)"] += 1
    _check_figures(text, find_figures(text))


@fuzz(300)
@given(news_text, news_text)
def test_find_figures_spans_survive_a_prefix(prefix, text):
    """The same text later in a document: every span still inside and exact."""
    FUZZED["find_figures(prefixed)"] += 1
    whole = prefix + "\n" + text
    _check_figures(whole, find_figures(whole))


# --- regressions: engine bugs the fuzzers found, fixed by the engine, pinned here ---------
# 1. A scale abbreviation standing alone was read as a number: 'BN' -> 1e9, 'mn' -> 1e6.
# 2. Values far beyond any news figure ('1e5000', '亿' * 541, '十百千万亿' * 4000) crashed
#    value_text() (int max str digits) and '1e999999999' overflowed Decimal in matching:
#    `verifier check` exited 3. Such spans are no longer figures.
# 3. Long runs of '1,', '1-', '1至', '超过近约' were read in quadratic time. They are read
#    linearly now; the pathological inputs below must finish (the watchdog only catches hangs;
#    speed itself is measured in bench/, never asserted here).
@pytest.mark.parametrize("text", ["BN", "bn", "Bn", "mn", "MN", "bln", "tln", "mil", "the BN layer", "mil-spec",
                                  "(bn)", "bn bn"])
def test_regression_scale_word_alone_is_no_figure(text):
    FUZZED["regression examples"] += 1
    assert find_figures(text) == []
    assert _parse(text) is None


@pytest.mark.parametrize("s", ["1e5000", "1e92024-12-07", "1e999999999", "亿" * 541, "1" + "0" * 4400,
                               "one hundred and " * 2200])
def test_regression_huge_value_renders(s):
    FUZZED["regression examples"] += 1
    for fig in find_figures(s):
        assert fig.value_text()
    fig = _parse(s)
    assert fig is None or fig.value_text()


@pytest.mark.parametrize("token", ["1e5000", "1e999999999"])
def test_regression_huge_value_in_a_source_does_not_crash_the_run(tmp_path, capsys, token):
    FUZZED["regression examples"] += 1
    (tmp_path / "s.txt").write_text(f"Revenue rose {token}%.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text('version: 1\nsources:\n  s: s.txt\nclaims:\n'
                                          '  - {id: x, source: s, figure: "12%", near: [Revenue]}\n', encoding="utf-8")
    code = main(["check", str(tmp_path / "claims.yaml")])
    assert code in (0, 1, 2), capsys.readouterr().err


@fuzz(400)
@given(no_numeral_text)
def test_no_figure_without_a_digit_or_numeral(text):
    FUZZED["find_figures(no numeral)"] += 1
    assert find_figures(text) == []


@fuzz(400)
@given(st.one_of(any_text, news_text))
def test_parse_figure_value_or_figure_error(s):
    FUZZED["parse_figure"] += 1
    fig = _parse(s)
    if fig is not None:
        assert fig.kind in KINDS and fig.qualifier in QUALIFIERS
        _render(fig)


@fuzz(300)
@given(no_numeral_text)
def test_parse_figure_refuses_text_without_numeral(s):
    FUZZED["parse_figure(no numeral)"] += 1
    assert _parse(s) is None


@fuzz(300)
@given(news_text)
def test_found_figure_text_can_be_quoted_as_a_figure(text):
    """A user copies a figure from the source into `figure:`; it must be readable, not crash."""
    FUZZED["parse_figure(found text)"] += 1
    for fig in find_figures(text):
        _parse(fig.text)          # FigureError is allowed (context may be needed); a crash is not


@fuzz(300)
@given(news_text)
def test_interval_bounds_are_ordered(text):
    FUZZED["low<=high"] += 1
    for fig in find_figures(text):
        if fig.low is not None and fig.high is not None:
            assert fig.low <= fig.high, fig


# Inputs that make naive regexes backtrack or naive readers loop: 20,000 characters each must be
# read, and read right. A watchdog turns a hang into a failure; it is not a speed target.
N = 20_000
PATHOLOGICAL = [
    ("digits", "1" * N),
    ("decimal points", "1." * (N // 2)),
    ("spaces between digits", "1 " * (N // 2)),
    ("currency", "$1" * (N // 2)),
    ("zh numerals", "一" * N),
    ("en words", ("one, two and three. " * N)[:N]),
    ("en words chained", ("one hundred and " * N)[:N]),
    ("percent", "%" * N),
    ("no break", "a" * N + "1"),
    ("news", ("收入增长12%，达到500万元。Revenue rose 12% to $5 million. " * N)[:N]),
    ("qualifiers", ("more than " * N)[:N] + "5"),
    ("digit groups", "1," * (N // 2)),
    ("dashes", "1-" * (N // 2)),
    ("ranges", "1至" * (N // 2)),
    ("zh qualifiers", "超过近约" * (N // 4) + "5"),     # was quadratic too; fixed during this work
    ("zh units", "十百千万亿" * (N // 5)),
    ("mixed zh", ("一万二千三百四十五亿" * N)[:N]),
]
WATCHDOG = 120          # seconds: only a hang (quadratic or worse on 20k characters) trips it


@contextmanager
def time_limit(seconds: int):
    def _timeout(signum, frame):
        raise TimeoutError(f"took more than {seconds}s")
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name,text", [p if hasattr(p, "marks") else pytest.param(*p, id=p[0])
                                       for p in PATHOLOGICAL])
def test_pathological_input_finishes(name, text):
    FUZZED["pathological"] += 1
    with time_limit(WATCHDOG):
        figures = find_figures(text)
    _check_figures(text, figures)


# --- the source reader ----------------------------------------------------------

def _check_doc(doc: SourceDoc) -> None:
    assert "\r" not in doc.text
    _check_figures(doc.text, [f.figure for f in doc.found])
    lines = doc.text.split("\n")
    for found in doc.found:
        line = lines[found.line - 1]
        assert line[found.col - 1:].startswith(found.figure.text.split("\n")[0])
        start, end = doc.sentences[found.sentence]
        assert 0 <= start <= end <= len(doc.text)


@fuzz(400)
@given(st.binary(max_size=400))
def test_decode_any_bytes(data):
    FUZZED["decode(bytes)"] += 1
    try:
        text, encoding = decode(data, "src.txt")
    except VerifierError as exc:
        assert str(exc).startswith("src.txt")
        return
    assert isinstance(text, str) and encoding


@fuzz(300)
@given(st.one_of(st.binary(max_size=300), news_text.map(lambda t: t.encode("utf-8")),
                 news_text.map(lambda t: t.encode("gb18030")),
                 news_text.map(lambda t: t.encode("utf-16"))))
def test_read_source_any_file(tmp_path_factory, data):
    FUZZED["read_source(file)"] += 1
    path = tmp_path_factory.mktemp("src", numbered=True) / "src.txt"
    path.write_bytes(data)
    try:
        doc = read_source(path, "src.txt")
    except VerifierError as exc:
        assert str(exc).startswith("src.txt")
        return
    _check_doc(doc)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le-bom", "utf-32", "gb18030"]


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


@fuzz(300)
@given(st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=200),
       st.sampled_from(ENCODINGS), st.sampled_from(["\n", "\r\n", "\r"]))
def test_encodings_round_trip(text, encoding, newline):
    """Whatever the encoding and line ends, the text read is the text written (newlines as \\n)."""
    FUZZED["encoding round trip"] += 1
    text = text.replace("\r", "")
    data = _encode(text.replace("\n", newline), encoding)
    try:
        decoded, _ = decode(data, "src.txt")
    except VerifierError as exc:
        # Only GB18030 text with no Han character may be refused (it is indistinguishable from noise).
        assert encoding == "gb18030", exc
        return
    from verifier.document.sources import normalise_newlines
    decoded = normalise_newlines(decoded)
    if encoding == "gb18030" and decoded != text:
        # GB18030 bytes that happen to be valid UTF-8 are read as UTF-8: only pure ASCII is safe to assert.
        assume(False)
    assert decoded.removeprefix("\ufeff") == text.removeprefix("\ufeff")


@fuzz(200)
@given(news_text)
def test_sourcedoc_line_col_maps_back(text):
    FUZZED["SourceDoc line/col"] += 1
    _check_doc(SourceDoc("src.txt", text.replace("\r", "")))


# --- the claims loader ------------------------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A folder with two small sources that generated claims files may name."""
    base = tmp_path_factory.mktemp("fuzz-project")
    (base / "en.txt").write_text("Revenue rose 12% in 2023 to $5 million.\nThe firm hired 300 people.\n",
                                 encoding="utf-8")
    (base / "zh.txt").write_text("收入增长12%，达到500万元。\n公司招聘了300人。\n", encoding="utf-8")
    return base


def _load(project: Path, text: str, name: str = "fuzz.yaml"):
    path = project / name
    path.write_text(text, encoding="utf-8")
    try:
        return load_claims(path)
    except VerifierError as exc:
        message = str(exc)
        assert message.startswith(str(path)), message
        assert "Traceback" not in message
        return None


@fuzz(400)
@given(any_text)
def test_load_claims_any_text(project, text):
    FUZZED["load_claims(any text)"] += 1
    assume("\x00" not in text)
    result = _load(project, text)
    assert result is None or isinstance(result, ClaimsFile)


YAML_TOKENS = ["version: 1\n", "sources:\n", "claims:\n", "pairs:\n", "glossary:\n", "  en: en.txt\n",
               "  zh: {path: zh.txt, lang: zh}\n", "  - id: a\n", "  - ", "    source: en\n", "    figure: \"12%\"\n",
               "    figures: [\"12%\", 300]\n", "    near: [Revenue]\n", "    quote: hired\n", "    expect: ",
               "contradicted\n", "supported\n", "id", "source", "figure", ": ", ":", "-", " ", "  ", "\n", "\t",
               "&a ", "*a", "!!str ", "!!python/object ", "!x ", "<<: ", "? ", "{", "}", "[", "]", ",", "\"", "'",
               "|\n", ">\n", "#", "---\n", "...\n", "~", "null", "true", "12%", "¥0.5", "一百", "%", "@", "`",
               "\\", "\ufeff", "\u2028", "\x85", "\r", "ä", "价格"]
yaml_text = st.lists(st.sampled_from(YAML_TOKENS), max_size=40).map("".join)


@fuzz(500)
@given(yaml_text)
def test_load_claims_yaml_shaped_text(project, text):
    FUZZED["load_claims(yaml tokens)"] += 1
    result = _load(project, text)
    if result is not None:
        check_all(result)     # whatever loads must also run


BUNDLED = (ROOT / "claims.yaml").read_text(encoding="utf-8")
BUNDLED_LINES = BUNDLED.splitlines(keepends=True)


@st.composite
def mutated_bundled(draw):
    lines = list(BUNDLED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "dedent", "truncate", "swap"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            s = lines[i]
            j = draw(st.integers(0, len(s)))
            lines[i] = s[:j] + draw(st.sampled_from(["\t", ":", "-", " ", "\"", "'", "[", "{", "&x", "*x", "#",
                                                       "!!python/object ", "%", "亿", "\n"])) + s[j:]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        if not lines:
            break
    return "".join(lines)


@fuzz(150, deep=3000)      # each input reads the whole bundled file (schema and all)
@given(mutated_bundled())
def test_load_claims_mutated_bundled_file(text):
    """The real claims file, damaged the way editors and merges damage files."""
    FUZZED["load_claims(mutated claims.yaml)"] += 1
    path = ROOT / "claims.yaml"
    # Loaded from its own folder (sources resolve), but never written there: read_tree + _Reader via a copy.
    from verifier.claimsfile.claims import _Reader
    try:
        result = _Reader(path, str(path), text, False).read()
    except VerifierError as exc:
        assert str(exc).startswith(str(path))
        return
    assert isinstance(result, ClaimsFile)
    for error in result.errors:
        assert str(error).startswith(str(path)), str(error)


KEYS = ["id", "claim", "source", "figure", "figures", "near", "quote", "expect", "note", "path", "lang",
        "en", "zh", "accept", "reason", "title", "bogus"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(allow_nan=True),
                    st.sampled_from(["en", "zh", "en.txt", "zh.txt", "../en.txt", "/etc/passwd", "12%", "300",
                                     "$5 million", "500万元", "supported", "contradicted", "not_found", "stale",
                                     "Revenue", "hired", "", " ", "a b", "x" * 300]),
                    st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)), max_leaves=12)
claim_maps = st.dictionaries(st.sampled_from(KEYS), values, max_size=7)
documents = st.fixed_dictionaries(
    {}, optional={
        "version": st.one_of(st.just(1), scalars),
        "sources": st.one_of(st.just({"en": "en.txt", "zh": {"path": "zh.txt", "lang": "zh"}}),
                             st.dictionaries(st.sampled_from(["en", "zh", "x"]), values, max_size=3), values),
        "claims": st.one_of(st.lists(claim_maps, max_size=5), values),
        "pairs": st.one_of(st.just([{"en": "en", "zh": "zh"}]), values),
        "glossary": st.one_of(st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=8), max_size=3),
                                              max_size=3), values),
    })


@fuzz(150, deep=3000)      # each input is loaded and checked
@given(documents)
def test_load_and_check_random_claim_documents(project, doc):
    FUZZED["load+check(random documents)"] += 1
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    result = _load(project, text)
    if result is None:
        return
    for r in check_all(result):
        assert r.verdict in RUN_VERDICTS


@fuzz(50, deep=1000)       # each input is a whole CLI run
@given(documents)
def test_cli_exit_codes_on_random_documents(project, doc):
    """Through the real CLI: exit 0/1/2 only, JSON on stdout, never 'internal error'."""
    FUZZED["cli(random documents)"] += 1
    import contextlib
    import io
    path = project / "cli.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(path), "--format", "json"])
    assert code in (0, 1, 2), err.getvalue()
    assert "internal error" not in err.getvalue() and "Traceback" not in err.getvalue()
    if code in (0, 1):
        json.loads(out.getvalue())
