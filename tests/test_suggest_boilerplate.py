"""`verifier suggest` proposes figures of the article, not of its markup (issue 14, the newsroom walk-through).

Rows are lines from the texts `suggest` was measured on (bench/heldout, ../shared/external_suites): before,
262 of the 15,975 figures it listed in 111 texts, and 172 of its 6,283 stubs, came from markup or page
furniture (a reference list after the article, list numbers in <p> tags, HTML character references and style
sheets, reference-style images and link labels, BibTeX, TOML front matter, commented-out commands, section
numbers, licence versions, a line of keyword arguments); after, none of these, while every figure of a table
or of prose a link runs through stays (the content rows below).
"""
from pathlib import Path

import pytest

from verifier.commands.cli import main
from verifier.document.furniture import furniture_figures
from verifier.document.sources import SourceDoc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "external_suites"
PROSE = "这是正文的第一段，讲了很多事情，营收增长了12%。\n" * 6      # the first third of a page is never 'after the article'


def proposed(text: str) -> list[str]:
    """The figures `suggest` lists for `text` placed after some prose: read, and not page furniture."""
    doc = SourceDoc("a.md", PROSE + text + "\n")
    skip = furniture_figures(doc)
    return [f.figure.text.strip() for f in doc.found if f.line > 6 and (f.line, f.col) not in skip]


@pytest.mark.parametrize("text, figures", [
    # markup no reader reads (document/markdown.py)
    ("![树莓派 5 官方配件外壳][7]", []),                                        # a reference-style image
    ("![][0]", []),
    ("我强烈建议你浏览官方的 [公告博客][10] ，进一步了解。", []),                  # a reference link's label
    ("as the survey shows[^2], most use it", []),                                # a footnote mark
    ("<p>1.《快狗打车没有护城河》，科技新知</p>", []),                           # a list number in a page's <p>
    ("<p>3、<strong>圣湘生物</strong>第一时间开发出检测试剂。</p>", []),
    (".appendQr_normal_txt&#123;float:left;font-size:20px;line-height:74px;padding-left:20px;color:#333;&#125;",
     []),                                                                         # a style sheet's rule
    ("<style>.wrap{width:74px;margin:10px}</style>", []),
    ("It&#39;s a cost-effective solution that&#39;s affordable.", []),           # a character reference
    ("    @inproceedings{alibaba2020mnn,\n      title = {MNN},\n      year = {2020},\n"
     "      isbn = {978-1-939133-28-1},\n      pages = {249--265}\n    }", []),   # BibTeX, fenced or not
    ("```bash\n# example: python -m lmdeploy.serve.gradio.app http://localhost:23333 localhost 6006 --restful_api "
     "True\n```", []),                                                            # a commented-out command
    # page furniture (document/furniture.py)
    ("## 4.6. 示例输出", []),                                                     # section numbers
    ("#### Step 1: Start Ray", []),
    ("#### 方式2：服务化推理", []),
    ("<h4>Step 0: Prerequisites</h4>", []),
    ("The code is licensed under [Apache 2.0](./LICENSE).", []),                  # licence versions
    ("本仓库代码均采用 [Apache 2.0](./LICENSE) 开源协议。", []),
    ('max_output_len=300, prompt="写一篇春游作文"', []),                         # a line of code
    ("<p>本文部分参考资料：</p>\n<p>4.《快狗打车“带病”IPO：3年烧掉21亿 上百万司机500元保证金有去无回》，凤凰财经网</p>",
     []),                                                                         # references after the article
    ('<p>本文来自微信公众号 <a href="http://mp.weixin.qq.com/s?__biz=MzI0">不二研究</a>，作者：十一</p>', []),
    # content that stays
    ("### 3 August 2023", ["3 August 2023"]),
    ("### 7B Model Results", ["7B"]),
    ("## 1.5 million users in a month", ["1.5 million"]),
    ('| 1.8B  |  <a href="https://modelscope.cn/models/qwen/Qwen-1_8B-Chat/summary">🤖</a> |', ["1.8B"]),
    ('<td align="center">43.5G / 2.1s/it</td><td align="center">47.1G / 2.2s/it</td>', ["43.5G", "47.1G"]),
    ("<p>海外收入占3.2%，较上年提高。</p>", ["3.2%"]),
    ("它基于 [Debian 12 “Bookworm”][1] 版本，带有 8 个单独的开关模式电源。", ["12", "8"]),
    ("```python\n# 使用CPU进行推理，需要约32GB内存\n```", ["约32GB"]),              # a comment that is a sentence
])
def test_suggest_proposes_content_not_markup(text, figures):
    assert proposed(text) == figures


@pytest.mark.skipif(not (SHARED / "texts").is_dir(), reason="../shared/external_suites is absent")
def test_a_saved_page_loses_its_reference_list(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "k.md").write_text((SHARED / "texts" / "36kr-kuaigou-ipo.md").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("version: 1\nsources:\n  k: {path: k.md, lang: zh}\nclaims:\n",
                                          encoding="utf-8")
    assert main(["suggest", "k"]) == 0
    out = capsys.readouterr().out
    rows = [line.split()[0] for line in out.splitlines() if line[:1].isdigit() and ":" in line.split()[0]]
    assert rows and all(int(row.split(":")[0]) < 89 for row in rows)      # nothing from the references (89-96)
    assert "148 of 152 figures in k (k.md) are not covered by a claim" in out
    assert "4 more in page furniture (after the article; line 93) are left out; --all lists them" in out
