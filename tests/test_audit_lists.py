"""Issue 15's structure rules: Markdown lists, list items paired across languages, prose in code comments,
sizes listed after a name.

Rows are cut down from the README pairs of ../shared/external_suites/bilingual (bluelm's benchmark list,
orion-14b's llama.cpp list, qwen's CPU-inference comment, baichuan2's 太初元碁 line); the reordered rows are
those lists with their items shuffled, the case an earlier attempt misfired on.
"""
from __future__ import annotations

import pytest

from verifier.audit import audit_pair
from verifier.audit.document import AuditDoc, is_name
from verifier.audit.lists import pair_list_items
from verifier.audit.words import Vocabulary
from verifier.document.glossary import DEFAULT
from verifier.document.markdown import comment_prose, markdown_lists
from verifier.document.sources import SourceDoc


@pytest.mark.parametrize("text, lists", [
    ("- a\n- b\n", [["- a\n", "- b"]]),
    ("- a\n  more of a\n- b\n", [["- a\n  more of a\n", "- b"]]),
    ("- a\n  1. x\n  2. y\n- b\n", [["- a\n", "- b"], ["  1. x\n", "  2. y"]]),
    ("   - a\n  - b\n", [["   - a\n", "  - b"]]),                 # a space more or less: one list
    ("1. a\n2. b\n- c\n", [["1. a\n", "2. b"], ["- c"]]),         # another marker: another list
    ("- a\n\npara\n- b\n", [["- a"], ["- b"]]),                      # a paragraph ends the list
    ("- a\n# H\n- b\n", [["- a"], ["- b"]]),                         # so does a heading
    ("text only\n", []),
])
def test_markdown_lists(text, lists):
    assert [[text[i.start:i.end] for i in lst.items] for lst in markdown_lists(text)] == lists


@pytest.mark.parametrize("code, kept", [
    ("# 使用CPU进行推理，需要约32GB内存\n", ["使用CPU进行推理，需要约32GB内存"]),
    ("// needs about 16 GB of memory\n", ["needs about 16 GB of memory"]),
    ("# model = load('x', device_map='cpu')\n", []),                # commented-out code
    ("#!/bin/bash\n", []),
    ("x = 1  # 32GB\n", []),                                        # a trailing comment: not a line of prose
    ("# 42\n", []),                                                 # no words
])
def test_comment_prose_in_fenced_code(code, kept):
    text = f"```python\n{code}```\n"
    assert [text[a:b] for a, b in comment_prose(text)] == kept


@pytest.mark.parametrize("text, figure, name", [
    ("百川2（7B/13B）支持推理", "7B", False),
    ("百川2（7B/13B）支持推理", "13B", False),
    ("Baichuan2 (7B / 13B) models", "7B", False),     # spaced: a size already
    ("Qwen-7B/14B 模型", "14B", True),                 # glued to a name: two names
    ("see path/7B/13B here", "13B", True),
])
def test_sizes_listed_after_a_name_are_sizes(text, figure, name):
    doc = SourceDoc("t.md", text, "zh")
    found = next(f.figure for f in doc.found if f.figure.text.strip() == figure)
    assert is_name(text, found) is name


EN_LIST = ("## Benchmarks\n\n"
           "- [C-Eval](https://cevalbenchmark.com) is a Chinese evaluation suite.\n"
           "- [MMLU](https://arxiv.org/abs/2009.03300) covers 57 tasks.\n"
           "- [BBH](https://huggingface.co/datasets/bbh) is a suite of 23 tasks.\n")
ZH_ITEMS = ["- [C-Eval](https://cevalbenchmark.com) 是一个中文评测数据集。\n",
            "- [MMLU](https://arxiv.org/abs/2009.03300) 包含 57 个子任务。\n",
            "- [BBH](https://huggingface.co/datasets/bbh) 包含 23 个任务。\n"]


def _pairs(en: str, zh: str):
    vocab = Vocabulary(DEFAULT)
    a, b = AuditDoc(SourceDoc("en.md", en, "en"), vocab, "en"), AuditDoc(SourceDoc("zh.md", zh, "zh"), vocab, "zh")
    result = pair_list_items(a, b)
    head = lambda text, item: text[item.start:item.end].split("]")[0]
    return ({(head(en, x), head(zh, y), how) for x, y, how in result.pairs}, [head(zh, y) for y in result.only_zh])


@pytest.mark.parametrize("order, only_zh", [
    ([0, 1, 2], []),
    ([2, 0, 1], []),                      # reordered: paired by content, never by place
])
def test_list_items_pair_by_content(order, only_zh):
    zh = "## 测评榜单\n\n" + "".join(ZH_ITEMS[k] for k in order)
    pairs, lone = _pairs(EN_LIST, zh)
    assert pairs == {("- [C-Eval", "- [C-Eval", "content"), ("- [MMLU", "- [MMLU", "content"),
                     ("- [BBH", "- [BBH", "content")}
    assert lone == only_zh


@pytest.mark.parametrize("en, zh, expected", [
    # same length, content pairs in place: the item without anchors pairs by position
    ("## Features\n\n- **Orion-14B** is strong.\n- Friendly usage.\n",
     "## 特点\n\n- **Orion-14B** 很强。\n- 使用友好。\n",
     {("- **Orion-14B** is strong.", "content"), ("- Friendly usage.", "position")}),
    # the same place, two different links: no pair
    ("## llama.cpp\n\n- Project URL https://github.com/ggerganov/llama.cpp\n- Model https://huggingface.co/x.gguf\n",
     "## llama.cpp\n\n- 工程地址 https://github.com/ggerganov/llama.cpp\n- 拉取请求 https://github.com/ggerganov/llama.cpp/pull/5118\n",
     {("- Project URL https://github.com/ggerganov/llama.cpp", "content")}),
])
def test_position_only_where_content_agrees(en, zh, expected):
    vocab = Vocabulary(DEFAULT)
    a, b = AuditDoc(SourceDoc("en.md", en, "en"), vocab, "en"), AuditDoc(SourceDoc("zh.md", zh, "zh"), vocab, "zh")
    got = {(en[x.start:x.end].strip(), how) for x, _, how in pair_list_items(a, b).pairs}
    assert got == expected


def test_an_item_only_one_side_gives_is_reported_once():
    zh = "## 测评榜单\n\n" + "".join(ZH_ITEMS) + "- [GSM8K](https://github.com/openai/gsm) 包含 8500 道题。\n"
    _, lone = _pairs(EN_LIST, zh)
    assert lone == ["- [GSM8K"]
    result = audit_pair(SourceDoc("en.md", EN_LIST, "en"), SourceDoc("zh.md", zh, "zh"))
    missing = [f for f in result.findings if f.category == "missing_in_en"]
    assert [(f.zh.text, f.confidence) for f in missing] == [("8500", "medium")]
    assert "list item is only in" in missing[0].evidence


@pytest.mark.parametrize("order", [[0, 1, 2], [2, 1, 0], [1, 2, 0]])
def test_reordered_list_agrees_and_a_changed_figure_in_its_item_is_a_mismatch(order):
    items = list(ZH_ITEMS)
    zh = "## 测评榜单\n\n" + "".join(items[k] for k in order)
    result = audit_pair(SourceDoc("en.md", EN_LIST, "en"), SourceDoc("zh.md", zh, "zh"))
    assert not [f for f in result.findings if f.is_disagreement]
    items[1] = items[1].replace("57", "58")
    zh = "## 测评榜单\n\n" + "".join(items[k] for k in order)
    result = audit_pair(SourceDoc("en.md", EN_LIST, "en"), SourceDoc("zh.md", zh, "zh"))
    flagged = [(f.category, f.en.text, f.zh.text) for f in result.findings if f.is_disagreement]
    assert flagged == [("value_mismatch", "57", "58")]


def test_a_requirement_in_a_code_comment_is_compared():
    en = "## Quickstart\n\n```python\n# use cpu only\nmodel = load('cpu')\n```\n"
    zh = "## 快速使用\n\n```python\n# 使用CPU进行推理，需要约32GB内存\nmodel = load('cpu')\n```\n"
    result = audit_pair(SourceDoc("en.md", en, "en"), SourceDoc("zh.md", zh, "zh"))
    assert [(f.category, f.zh.text) for f in result.findings if f.is_disagreement] == [("missing_in_en", "约32GB")]
