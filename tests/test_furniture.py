"""Page furniture (navigation, footers, link lists, related stories) is left out of `verifier suggest`.

Rows are lines from saved pages: the seeds' footers and related-story lists, and lines from the held-out
READMEs and articles that must stay content (Markdown tables, bylines, prose that links).
"""
import shutil
from pathlib import Path

import pytest

from verifier.commands.cli import main
from verifier.document.furniture import furniture_lines

ROOT = Path(__file__).resolve().parents[1]
PROSE = "这是正文的第一段，讲了很多事情。\n" * 6          # the first third of a page is never 'after the article'


@pytest.mark.parametrize("line, reason", [
    ("CopyRight 1999-2025 ALi213.Net All Right Reserved 版权所有 | 苏ICP备2023532837", "footer"),
    ("© 2024 Example News. All rights reserved.", "footer"),
    ("京公网安备 11000002000001号", "footer"),
    ("2024-09-20 13:47:55 岳灏 人气值:837", "page counter"),
    ("By Jane Doe · 12,400 views", "page counter"),
    ("Home | News | Business | Tech | About us", "navigation"),
    ("首页 » 科技 » 人工智能", "navigation"),
    ("关于本站 | 广告合作 | 人才招聘 | 友情链接 | 联系我们 | 网站地图", "navigation"),
    ("[Read this in English](./README_zh.md)", "link"),
    ("https://example.com/news/2024/09/20/story-123", "link"),
    # content
    ("| Model | Params | MMLU | GSM8K |", ""),
    ("|  Adobe-Firefly   |    3.03    |    3.46    |    3.84    |", ""),
    ("(本文首发于钛媒体App,作者|林志佳,编辑|胡润峰)", ""),
    ("界面新闻记者 | 肖芳", ""),
    ("请查看 [快速使用指南](https://open.oceanbase.com/quickStart) 开始试用 OceanBase 数据库，支持 3 种部署方式。", ""),
    ("Revenue rose 12% to $3.2 billion, the company said.", ""),
    ("在新增算力市场上，超过50%的新需求由AI驱动产生。", ""),
    ("The video drew 3 million views in its first week, more than any trailer before it, and the studio said "
     "it would release a second one in March.", ""),
])
def test_each_kind_of_line(line, reason):
    assert furniture_lines(PROSE + line + "\n").get(7, "") == reason


@pytest.mark.parametrize("marker, after", [
    ("更多内容: 游戏皮肤展示 新游推荐", True),
    ("相关推荐", True),
    ("Related articles", True),
    ("You may also like", True),
    ("Read more: how the index is computed, and why it fell 3% in the quarter after the cut", False),  # a sentence
])
def test_related_stories_run_to_the_end(marker, after):
    text = PROSE + marker + "\n  • 美国总统大选辩论将于9月10日在费城举行\n  • 日薪200画乌龟眼睛\n"
    lines = furniture_lines(text)
    assert (lines.get(8) == lines.get(9) == "after the article") is after


def test_a_marker_in_the_first_third_is_not_the_end():
    text = "相关阅读\n" + PROSE
    assert furniture_lines(text) == {}


def test_suggest_leaves_the_seed_footer_out(tmp_path, capsys, monkeypatch):
    shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", tmp_path / "a.txt")
    (tmp_path / "claims.yaml").write_text("sources:\n  jm: {path: a.txt, lang: zh}\nclaims:\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["suggest", "jm"]) == 0
    out = capsys.readouterr().out
    assert "37 of 37 figures" not in out
    assert "21 of 37 figures in jm (a.txt) are not covered by a claim" in out
    assert "16 more in page furniture (page counter, after the article; lines 3-88) are left out; --all lists them" in out
    assert "日薪" not in out and "1999-2025" not in out
    assert main(["suggest", "jm", "--all"]) == 0
    out = capsys.readouterr().out
    assert "37 of 37 figures in jm (a.txt) are not covered by a claim" in out and "日薪" in out
    assert "page furniture" not in out
