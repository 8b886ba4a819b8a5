"""The HTML report: self-contained, escaped, and right when a real browser renders it.

Unit tests read the HTML text; the browser tests open it in headless Chromium
(`--dump-dom` gives the DOM after parsing, `--screenshot` a PNG to look at) and
skip, saying why, where no Chromium is installed.
"""
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from verifier.commands.cli import main
from verifier.outputs import html_report
from verifier.outputs.html_report import Account, Mark, PairView, highlight, render_html

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = '<img src=x onerror="document.title=\'pwned\'">&amp;</textarea>'


def make_report(tmp_path, claims_yaml: str, files: dict) -> tuple[int, str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(claims_yaml, encoding="utf-8")
    out = tmp_path / "report.html"
    code = main(["report", "--html", str(out), "--claims", str(tmp_path / "claims.yaml")])
    return code, out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "seeds.html"
    code = main(["report", "--html", str(out), "--claims", str(ROOT / "claims.yaml")])
    return code, out


PAIR_FILES = {
    "en.txt": "Qwen API prices fell 97% this year. Alibaba Cloud has 8,000 partners.\n",
    "zh.txt": "今年通义千问API价格下降了95%。阿里云拥有8000家合作伙伴。\n",
}
PAIR_CLAIMS = """\
sources:
  en: {path: en.txt, lang: en}
  zh: {path: zh.txt, lang: zh}
pairs:
  - {en: en, zh: zh}
claims:
  - {id: drop, claim: "Prices fell 97% <b>", source: en, figure: "97%", near: [Qwen]}
"""


# -- the page as text ---------------------------------------------------------------

def test_report_is_self_contained(seeds_report):
    code, out = seeds_report
    assert code in (0, 1)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    for banned in ("<script", "<link", "<iframe", "@import", "url(", "src=", "http://", "https://"):
        assert banned not in page, banned
    assert re.findall(r'href="([^"]*)"', page) and all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))


def test_every_claim_has_a_card_with_verdict_and_location(seeds_report):
    page = seeds_report[1].read_text(encoding="utf-8")
    ids = re.findall(r"^  - id: (\S+)", (ROOT / "claims.yaml").read_text(encoding="utf-8"), re.M)
    for claim_id in ids:
        assert f'id="claim-{claim_id}"' in page
    card = page.split('id="claim-qwen-price-drop"')[1].split("</article>")[0]
    assert '<span class="badge supported">supported</span>' in card
    assert '<mark class="match">97%</mark>' in card and "claims.yaml:" in card
    assert "seeds/003_d8845f575fbdae67.txt:19:" in card


def test_everything_is_escaped(tmp_path):
    claims = PAIR_CLAIMS.replace('"Prices fell 97% <b>"', json.dumps(HOSTILE))
    code, page = make_report(tmp_path, claims, {**PAIR_FILES, "en.txt": PAIR_FILES["en.txt"] + HOSTILE + "\n"})
    assert code == 1            # the pair's 97% ~ 95% fails the run, as under `verifier`
    assert "<img" not in page and "</textarea>" not in page
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;pwned&#x27;&quot;&gt;&amp;amp;" in page


@pytest.mark.parametrize("sentence,text,figure,expected", [
    ("价格下降了97%,百万Tokens", "下降了97%", "97%", "价格下降了<mark>97%</mark>,百万Tokens"),
    ("97% then 97%", "then 97%", "97%", "97% then <mark>97%</mark>"),
    ("a <b> 5%", "5%", "5%", "a &lt;b&gt; <mark>5%</mark>"),
    ("quote here", "quote", "", "<mark>quote</mark> here"),
    ("first sentence.", "first sentence. And more", "", "<mark>first sentence.</mark>"),
    ("nothing", "absent", "1%", "nothing"),
])
def test_highlight(sentence, text, figure, expected):
    assert highlight(sentence, text, figure).replace(' class=""', "") == expected


def test_pair_view_links_aligned_figures_and_marks_disagreements(tmp_path):
    code, page = make_report(tmp_path, PAIR_CLAIMS, PAIR_FILES)
    assert code == 1            # the pair's 97% ~ 95% fails the run, as under `verifier`
    section = page.split('id="pair-0"')[1]
    assert "en ⇄ zh" in section
    mismatch = re.search(r'<mark class="mismatch" id="(p0-en-\d+)" title="[^"]*"><a href="#(p0-zh-\d+)">97%</a>',
                         section)
    assert mismatch, section[:2000]
    assert re.search(rf'<mark class="mismatch" id="{mismatch[2]}"[^>]*><a href="#{mismatch[1]}">95%</a>', section)
    assert re.search(r'<mark class="agree" id="p0-en-\d+"[^>]*><a href="#p0-zh-\d+">8,000</a>', section)
    table = section.split("<table>")[1].split("</table>")[0]
    assert "disagree" in table and "97%" in table and "95%" in table


def test_broken_pair_and_broken_claim_do_not_stop_the_report(tmp_path, capsys):
    claims = PAIR_CLAIMS.replace("{en: en, zh: zh}", "{en: en, zh: nowhere}") + \
        "  - {id: bad, source: en, figure: '97%', nera: [x]}\n"
    code, page = make_report(tmp_path, claims, PAIR_FILES)
    assert code == 2
    assert "unknown key &#x27;nera&#x27;" in page and '<pre class="error">' in page
    assert "pair cannot be shown: unknown source &#x27;nowhere&#x27;" in page
    assert "Traceback" not in capsys.readouterr().err


def test_report_needs_html_and_writes_atomically(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report"])
    assert exc.value.code == 2
    capsys.readouterr()
    code, _ = make_report(tmp_path, PAIR_CLAIMS, PAIR_FILES)
    assert code == 1 and sorted(p.name for p in tmp_path.iterdir()) == ["claims.yaml", "en.txt", "report.html",
                                                                          "zh.txt"]


def test_render_is_a_projection_of_the_canonical_json():
    data = {"claims_file": "c.yaml", "summary": {"total": 1, "passed": 0, "failed": 1, "supported": 0,
                                                  "contradicted": 1, "not_found": 0, "stale": 0, "error": 0},
            "claims": [{"id": "x", "verdict": "contradicted", "expect": "supported", "passed": False, "claim": "c",
                        "source": "s", "figure": "5%", "wanted": ["5%"], "reason": "source says 6%",
                        "location": "c.yaml:3",
                        "found": [{"text": "涨了6%", "figure": "6%", "value": "6%", "kind": "percent", "unit": "%",
                                   "path": "s.txt", "line": 2, "col": 3, "relation": "conflict", "note": "",
                                   "sentence": "价格涨了6%。"}]}]}
    page = render_html(data)
    assert 'id="failing"' in page and "✗ expected supported" in page
    assert '<blockquote lang="zh">价格涨了<mark class="conflict">6%</mark>。</blockquote>' in page
    assert "s.txt:2:3" in page and "why: source says 6%" in page


def _claim_data(claim: dict) -> dict:
    return {"claims_file": "c.yaml", "summary": {"total": 1, "passed": int(claim["passed"]),
                                                  "failed": int(not claim["passed"]), "supported": 0,
                                                  "contradicted": 0, "not_found": 0, "stale": 0, "error": 0},
            "claims": [claim]}


def _evidence(relation: str, value: str, claimed: str, sentence: str) -> dict:
    return {"text": value, "figure": value, "value": value, "kind": "percent", "unit": "%", "path": "s.txt",
            "line": 1, "col": sentence.find(value) + 1, "relation": relation, "note": "", "sentence": sentence,
            "claimed": claimed}


# (figure, the evidence as the JSON orders it: (relation, value, claimed), the captions expected, in order)
EVIDENCE_CASES = [
    ("5%", [("match", "5%", "5%")], ["s.txt:1:4 · read as <b>5%</b> · match"]),
    (["5%", "3%"], [("conflict", "4%", "3%"), ("match", "5%", "5%")],
     ["s.txt:1:21 · answers “3%” · read as <b>4%</b> · conflict",
      "s.txt:1:4 · answers “5%” · read as <b>5%</b> · match"]),
    (["5%", "3%"], [("match", "5%", "5%"), ("match", "4%", "3%")],
     ["s.txt:1:4 · answers “5%” · read as <b>5%</b> · match",
      "s.txt:1:21 · answers “3%” · read as <b>4%</b> · match"]),
    (["5%", "3%"], [("match", "5%", ""), ("match", "4%", "")],          # no 'claimed' (a quote's evidence)
     ["s.txt:1:4 · read as <b>5%</b> · match", "s.txt:1:21 · read as <b>4%</b> · match"]),
]


@pytest.mark.parametrize("figure,found,captions", EVIDENCE_CASES)
def test_evidence_names_the_claim_figure_it_answers_in_the_jsons_order(figure, found, captions):
    sentence = "up 5% in Q1 and the 4% margin"
    claim = {"id": "x", "verdict": "contradicted" if found[0][0] == "conflict" else "supported",
             "expect": "supported", "passed": found[0][0] != "conflict", "claim": "c", "source": "s",
             "figure": figure, "wanted": [figure] if isinstance(figure, str) else figure, "reason": "",
             "location": "c.yaml:3", "found": [_evidence(r, v, c, sentence) for r, v, c in found]}
    page = render_html(_claim_data(claim))
    shown = [re.sub(r"<span class=\"loc\">([^<]*)</span>", r"\1", m)
             for m in re.findall(r"<figcaption>(.*?)</figcaption>", page)]
    assert shown == captions


# Every place text from a claims file, a source or the audit reaches the page. Claim ids are checked against
# the schema before a run, but render_html takes the canonical JSON as it is, so they are hostile here too.
HOSTILE_STRINGS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% raw %}",
                   "&amp; ' \" {# x #}"]
MARKER = "QQMARKERQQ"
FIELDS = {
    "claim id": lambda c, v, s: c.update(id=v),
    "claim text": lambda c, v, s: c.update(claim=v),
    "figure": lambda c, v, s: c.update(figure=v),
    "one of several figures": lambda c, v, s: c.update(figure=["5%", v]),
    "wanted": lambda c, v, s: c.update(wanted=[v]),
    "reason": lambda c, v, s: c.update(reason=v),
    "hint": lambda c, v, s: c.update(hints=["did you mean 6%?", v]),
    "error": lambda c, v, s: c.update(error=v),
    "claim location": lambda c, v, s: c.update(location=v),
    "claim source": lambda c, v, s: c.update(source=v),
    "claims file": lambda c, v, s: s.update(claims_file=v),
    "evidence note": lambda c, v, s: c["found"][0].update(note=v),
    "evidence value": lambda c, v, s: c["found"][0].update(value=v),
    "evidence claimed": lambda c, v, s: c["found"][0].update(claimed=v),
    "evidence path": lambda c, v, s: c["found"][0].update(path=v),
    "source sentence": lambda c, v, s: c["found"][0].update(sentence=f"{v} up 5% {v}"),
    "source words": lambda c, v, s: c["found"][0].update(text=f"up 5% {v}", sentence=f"up 5% {v}."),
    "pair source": lambda c, v, s: s.update(en_source=v),
    "pair path": lambda c, v, s: s.update(path=v),
    "pair text": lambda c, v, s: s.update(text=f"{v} 97% {v}", span=(len(v) + 1, len(v) + 4)),
    "pair figure": lambda c, v, s: s.update(text=f"at {v} now", span=(3, 3 + len(v))),
    "pair mark title": lambda c, v, s: s.update(title=v),
    "pair row note": lambda c, v, s: s.update(row_note=v),
    "pair note": lambda c, v, s: s.update(note=v),
    "pair summary": lambda c, v, s: s.update(summary=v),
    "page title": lambda c, v, s: s.update(title_=v),
}


def _hostile_page(field: str, value: str) -> str:
    claim = {"id": "x", "verdict": "contradicted", "expect": "supported", "passed": False, "claim": "c",
             "source": "s", "figure": ["5%", "6%"], "wanted": ["5%", "6%"], "reason": "r", "location": "c.yaml:3",
             "found": [_evidence("conflict", "5%", "5%", "up 5% now")]}
    setting = {"claims_file": "c.yaml", "en_source": "en", "path": "en.txt", "text": "it fell 97% today",
               "span": (8, 11), "title": "97% = 97%", "row_note": "n", "note": "", "summary": "s", "title_": "t"}
    FIELDS[field](claim, value, setting)
    mark = Mark(*setting["span"], "p0-en-8", "mismatch", "p0-zh-0", setting["title"])
    en = Account(setting["en_source"], "en", setting["path"], setting["text"], (mark,))
    zh = Account("zh", "zh", "zh.txt", "下降了95%")
    view = PairView(en, zh, rows=(("mismatch", (mark,), (), setting["row_note"]),), note=setting["note"],
                    summary=setting["summary"])
    data = {**_claim_data(claim), "claims_file": setting["claims_file"]}
    return render_html(data, [view], title=setting["title_"])


@pytest.mark.parametrize("value", HOSTILE_STRINGS)
@pytest.mark.parametrize("field", FIELDS)
def test_hostile_text_is_escaped_and_never_evaluated(field, value):
    """The page with a hostile string in a field is the page with a plain word there, the string escaped in
    its place: no tag, no attribute broken out of, no template syntax run."""
    page, plain = _hostile_page(field, value), _hostile_page(field, MARKER)
    expected = plain.replace(f"claim-{MARKER}", html_report._claim_anchor(value)).replace(MARKER, html.escape(value))
    assert page == expected
    assert "<script" not in page and "<img" not in page and "49" not in page


# -- in a real browser ----------------------------------------------------------------

def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium on PATH (Debian: apt-get install chromium); the HTML report was only "
                "checked as text, not rendered")


def _chromium(tmp_path, page: Path, *args) -> subprocess.CompletedProcess:
    command = [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}", *args, page.resolve().as_uri()]
    env = {**os.environ, "HOME": str(tmp_path)}
    return subprocess.run(command, capture_output=True, text=True, timeout=180, env=env, check=False)


def test_browser_renders_the_seed_report(tmp_path, seeds_report):
    run = _chromium(tmp_path, seeds_report[1], "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert "<title>verifier report" in dom and 'id="status"' in dom
    card = dom.split('id="claim-qwen-price-drop"')[1].split("</article>")[0]
    assert '<mark class="match">97%</mark>' in card and "supported" in card
    assert dom.count('<article class="claim') == len(re.findall(r"^  - id: ", (ROOT / "claims.yaml").read_text(
        encoding="utf-8"), re.M))
    pairs = dom.split('id="pairs"')[1]
    assert "tmtpost-en ⇄ tmtpost-zh" in pairs and pairs.count('class="account"') == 2


def test_browser_screenshot(tmp_path, seeds_report):
    png = tmp_path / "report.png"
    run = _chromium(tmp_path, seeds_report[1], f"--screenshot={png}", "--window-size=1280,2000")
    assert run.returncode == 0, run.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000     # a page, not a blank image
    keep = os.environ.get("VERIFIER_SCREENSHOT")
    if keep:                                                                 # to look at it yourself
        shutil.copy(png, keep)


def test_browser_does_not_run_injected_markup(tmp_path):
    claims = PAIR_CLAIMS.replace('"Prices fell 97% <b>"', json.dumps(HOSTILE))
    _, _ = make_report(tmp_path, claims, {**PAIR_FILES, "en.txt": PAIR_FILES["en.txt"] + HOSTILE + "\n"})
    run = _chromium(tmp_path, tmp_path / "report.html", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "pwned" not in run.stdout.split("</title>")[0] and "<img" not in run.stdout
    assert "onerror=\"document.title='pwned'\"" in run.stdout or "onerror=&quot;" in run.stdout
