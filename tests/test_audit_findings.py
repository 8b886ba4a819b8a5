"""What the audit reports on small English/Chinese pairs shaped like the real README pairs (bench/bilingual_labels.yaml)."""
from __future__ import annotations

import pytest

from verifier.audit import audit_pair
from verifier.document.glossary import DEFAULT
from verifier.document.sources import SourceDoc


def audit(en: str, zh: str):
    return audit_pair(SourceDoc("en.md", en, "en"), SourceDoc("zh.md", zh, "zh"), DEFAULT)


def reported(result):
    return [(f.category, f.en and f.en.text, f.zh and f.zh.text, f.confidence) for f in result.findings
            if f.is_disagreement]


EN_VIDEOS = """## Video tutorials

| Deliverable | Date | Author |
|---|---|---|
| [Run Yi-34B on IoT Devices](https://youtu.be/a) | 2023-11-30 | [Second State](https://github.com/second-state) |
| [Yi-VL-34B on two A40 cards](https://www.bilibili.com/video/BV1Q) | 2024-01-28 | [Nini](https://space.bilibili.com/1) |
"""
ZH_VIDEOS = """## 视频教程

| 类型 | 交付物 | 日期 | 作者 |
|---|---|---|---|
| 视频 | [在 IoT 设备上运行 Yi-34B](https://youtu.be/a) | 2023-11-30 | [Second State](https://github.com/second-state) |
| 视频 | [Yi-VL-34B 多模态大模型 - 用两张 A40 显卡跑起来](https://www.bilibili.com/video/BV1Q) | 2023-01-28 | [漆妮妮](https://space.bilibili.com/1) |
"""

EN_BENCH = """## Benchmarks

- [C-Eval](https://cevalbenchmark.com) is the first comprehensive Chinese evaluation suite for foundation models.
- [CMMLU](https://github.com/haonan-li/CMMLU) is a comprehensive Chinese evaluation benchmark.
- [MMLU](https://arxiv.org/abs/2009.03300) covers 57 tasks including elementary mathematics.

## Results

| Model | C-Eval | CMMLU |
|---|---|---|
| BlueLM-7B | 67.16 | 52.04 |
"""
ZH_BENCH = """## 测评榜单

- [C-Eval](https://cevalbenchmark.com) 是一个全面的中文基础模型评测数据集，涵盖了 52 个学科和四个难度级别。
- [CMMLU](https://github.com/haonan-li/CMMLU) 是一个包含了 67 个主题的中文评测数据集。
- [MMLU](https://arxiv.org/abs/2009.03300) 是一个包含了 57 个子任务的英文评测数据集。

## 测评结果

| 模型 | C-Eval | CMMLU |
|---|---|---|
| BlueLM-7B | 67.16 | 52.04 |
"""

EN_SCORES = """## Base models

| Benchmark | InternLM2.5-7B | Llama3-8B | Yi-1.5-9B |
|---|---|---|---|
| MMLU(5-shot) | 71.6 | 66.4 | 71.6 |
| CMMLU(5-shot) | 79.1 | 51.0 | 74.1 |
| GSM8K(4-shot) | 64.7 | 54.3 | 61.3 |
"""
ZH_SCORES = """## 基座模型

| Benchmark | InternLM2-7B | LLaMA-3-8B | Yi-1.5-9B | InternLM2.5-7B |
|---|---|---|---|---|
| MMLU(5-shot) | 65.8 | 66.4 | 71.6 | 71.6 |
| CMMLU(5-shot) | 66.2 | 51.0 | 74.1 | 79.1 |
| GSM8K(4-shot) | 70.8 | 54.3 | 61.3 | 64.7 |
"""

ZH_ROWS = """## 评测结果

| Model | MMLU | C-Eval |
|---|---|---|
| ChatGLM-6B | 40.63 | 38.9 |
| ChatGLM2-6B | 47.86 | 51.7 |
| ChatGLM2-12B | 56.18 | 61.6 |
"""
EN_ROWS = """## Evaluation

| Model | MMLU | C-Eval |
|---|---|---|
| ChatGLM-6B | 40.63 | 38.9 |
| ChatGLM2-6B | 47.86 | 51.7 |
"""

EN_SECTION = """# Colossal-AI: Making large AI models cheaper, faster, and more accessible

## Instant Access Top Open Models at Half the Cost

Skip the hassle. Access powerful long-context LLMs through HPC-AI Model APIs.

Build your AI agents, chatbots, and RAG applications with HPC-AI Model APIs!

* **Unbeatable Pricing**: Get premier inference speed at up to 50% cheaper than OpenRouter.

* **Latest Models**: Experience Kimi and GLM with massive 2M+ context windows.

## Latest News

* [2024/12] [The development cost of video generation models has saved by 50%!](https://company.hpc-ai.com/blog/v)
* [2024/10] [How to build a low-cost Sora-like app?](https://company.hpc-ai.com/blog/sora)
"""
ZH_SECTION = """# Colossal-AI: 让AI大模型更低成本、方便易用、高效扩展

## 新闻

* [2024/12] [The development cost of video generation models has saved by 50%!](https://company.hpc-ai.com/blog/v)
* [2024/10] [How to build a low-cost Sora-like app?](https://company.hpc-ai.com/blog/sora)
"""

EN_VARIANT = """### Korean test sets

| Model | Average | HellaSwag |
|---|---|---|
| Yi-34B | 54.2 | 44.6 |
| **Orion-14B-Chat** | 74.5 | 47.0 |
"""
ZH_VARIANT = """### 韩语测试集

| 模型名称 | Average | HellaSwag |
|---|---|---|
| Yi-34B | 54.2 | 44.6 |
| **Orion-14B-Base** | 74.5 | 47.0 |
"""

CASES = [
    # the same row, the same figures, Chat on one side and Base on the other
    ("row-variant", EN_VARIANT, ZH_VARIANT,
     [("name_mismatch", "Orion-14B-Chat", "Orion-14B-Base", "high")]),
    # a range and an approximate value that it holds: one allows the other, nothing contradicts
    ("range-holds-approx", "Qwen-7B even outperforms larger models of around 13B parameters on MMLU and C-Eval.",
     "Qwen-7B 在 MMLU、C-Eval 上甚至超出了如12-13B参数等更大规模的语言模型。", []),
    ("range-misses-value", "Qwen-7B even outperforms larger models of around 30B parameters on MMLU and C-Eval.",
     "Qwen-7B 在 MMLU、C-Eval 上甚至超出了如12-13B参数等更大规模的语言模型。",
     [("value_mismatch", "around 30B parameters", "12-13B参数", "high")]),
    # one side gives a total, the other its parts: nothing is missing
    ("total-and-parts",
     "- [GSM8K](https://github.com/openai/grade-school-math) is a dataset of 8.5K grade school math problems.",
     "- [GSM8K](https://github.com/openai/grade-school-math) 是一个小学数学问题测试集，包含 7.5K 训练数据和 1K 测试数据。",
     []),
    # a section only in English: its 50% is missing in Chinese though the Chinese news item says 50%
    ("section-only-on-one-side", EN_SECTION, ZH_SECTION,
     [("missing_in_zh", "up to 50%", None, "high"), ("missing_in_zh", "2M+", None, "high")]),
    # a row only in Chinese: one medium finding at its first figure, not one per cell
    ("row-only-on-one-side-once", EN_ROWS, ZH_ROWS, [("missing_in_en", None, "56.18", "medium")]),
    # headers matched as a reader would (Llama3-8B ~ LLaMA-3-8B); the one column only in Chinese, once
    ("column-only-on-one-side-once", EN_SCORES, ZH_SCORES, [("missing_in_en", None, "65.8", "medium")]),
    # 'rose from X to Y' is two values (a start and an end), each paired on its own; 'from 2K to 32K' a range
    ("change-both-sides", "XVERSE-13B training data rose from 1.4T to 3.2T tokens.",
     "XVERSE-13B 训练数据从 1.4T 增加到 3.2T token。", []),
    ("change-end-differs", "XVERSE-13B training data rose from 1.4T to 3.2T tokens.",
     "XVERSE-13B 训练数据从 1.4T 增加到 2.6T token。", [("value_mismatch", "3.2T tokens", "2.6T token", "high")]),
    ("change-start-on-one-side", "XVERSE-13B training data rose from 1.4T to 3.2T tokens.",
     "XVERSE-13B 训练数据为 3.2T token。", [("missing_in_zh", "1.4T", None, "high")]),
    ("change-end-on-one-side", "XVERSE-13B training data is 1.4T tokens.",
     "XVERSE-13B 训练数据从 1.4T 增加到 3.2T token。", [("missing_in_en", None, "3.2T token", "high")]),
    ("range-is-one-figure", "XVERSE-13B supports contexts from 2K to 32K tokens.",
     "XVERSE-13B 支持 2K 到 32K token 的上下文。", []),
    ("scope-words-vs-characters",
     "XVERSE-13B-256K supports a window of 256K, accommodating approximately 250,000 words for literature summaries.",
     "XVERSE-13B-256K 最大支持 256K 的上下文窗口长度，约 25w 字的输入内容，可以协助进行文献总结。",
     [("scope_mismatch", "approximately 250,000", "约 25w", "medium")]),
    ("scope-same-unit-agrees", "InternLM2.5 handles 1M tokens of context in LMDeploy.",
     "InternLM2.5 在 LMDeploy 中支持 1M tokens 的上下文。", []),
    ("name-in-aligned-sentences",
     "Baichuan-13B supports CPU inference, but the inference speed on CPU will be very slow.",
     "Baichuan 2 模型支持 CPU 推理，但需要强调的是，CPU 的推理速度相对较慢。",
     [("name_mismatch", "Baichuan-13B", "Baichuan 2", "high")]),
    ("name-series-and-member-agree", "Baichuan 2 supports CPU inference, but it is slow.",
     "Baichuan2-7B 模型支持 CPU 推理，但速度较慢。", []),
    ("name-spelled-differently-agrees", "LLaMA-3-8B supports CPU inference, but it is slow.",
     "Llama3-8B 模型支持 CPU 推理，但速度较慢。", []),
    # a small count of something named, absent from the corresponding list item, though its digits
    # (52.04, 67.16) stand in a table elsewhere; 57 tasks is on both sides
    ("counted-missing-in-its-stretch", EN_BENCH, ZH_BENCH,
     [("missing_in_en", None, "52", "high"), ("missing_in_en", None, "67", "high")]),
    ("ten-or-less-is-often-a-word", "We have published all three models.", "我们开源了全部的3个模型。", []),
    ("chips-counted-alike",
     "Thanks to the unified multi-chip software stack of FlagOS, MiniCPM5-1B was adapted to 4–5 different AI chips "
     "in an extremely short time.",
     "基于 FlagOS 极短时间内适配 MiniCPM5-1B 到 9 种不同的 AI 芯片，得益于 FlagOS 的多芯片统一软件栈。",
     [("value_mismatch", "4–5", "9", "high")]),
    ("table-widths-differ-one-date-a-row", EN_VIDEOS, ZH_VIDEOS,
     [("value_mismatch", "2024-01-28", "2023-01-28", "high")]),
]


@pytest.mark.parametrize("name, en, zh, expected", CASES, ids=[c[0] for c in CASES])
def test_reported(name, en, zh, expected):
    assert reported(audit(en, zh)) == expected


@pytest.mark.parametrize("text, keys", [
    ("Baichuan-13B supports CPU", ["baichuan/13b"]),
    ("Baichuan 2 模型", ["baichuan/2"]),
    ("Baichuan2-7B-Chat", ["baichuan/2-7b"]),
    ("LLaMA-3-8B or Llama3-8B", ["llama/3-8b", "llama/3-8b"]),
    ("Qwen1.5-7B", ["qwen/1.5-7b"]),
    ("transformers 4.30.2", []),                 # a package version: versions.py reads it
    ("the 7B model on 8 cards", []),             # no family word
])
def test_model_names_and_their_keys(text, keys):
    from verifier.audit.names import model_names
    assert [n.key for n in model_names(text)] == keys


@pytest.mark.parametrize("after, lang, unit", [
    (" words for tasks", "en", "words"),
    ("-long context, with", "en", "tokens"),
    (" Context window", "en", "tokens"),
    (" characters", "en", "characters"),
    (" GPUs", "en", ""),
    ("字长输入中", "zh", "characters"),
    (" 字的输入内容", "zh", "characters"),
    ("字节", "zh", ""),                          # bytes, not characters
    (" tokens 的", "zh", "tokens"),
])
def test_the_unit_counted_is_read_from_the_words_after_the_figure(after, lang, unit):
    from verifier.audit.scope import counted
    assert counted(after, lang) == unit


@pytest.mark.parametrize("a, b, same", [
    ("Llama3-8B", "LLaMA-3-8B", True),
    ("**Qwen-7B**", "qwen 7b", True),
    ("[Yi-34B](https://huggingface.co/01-ai/Yi-34B)", "Yi_34B", True),
    ("Qwen-7B", "Qwen-14B", False),
    ("InternLM2-Chat-7B", "InternLM2.5-7B-Chat", False),
])
def test_row_labels_and_headers_compare_as_a_reader_would(a, b, same):
    from verifier.audit.align import label_key
    assert (label_key(a) == label_key(b)) == same


HEADS_EN = [(2, "News and Updates"), (2, "Performance"), (2, "Requirements"), (2, "Quickstart"),
            (3, "🤗 Transformers"), (3, "Tokenizer"), (2, "License Agreement"),
            (2, "Instant Access Top Open Models at Half the Cost"), (2, "Contact Us")]
HEADS_ZH = [(2, "新闻"), (2, "评测表现"), (2, "要求"), (2, "快速使用"), (3, "🤗 Transformers"), (3, "Tokenization"),
            (2, "使用协议"), (2, "联系我们")]


def test_headings_pair_across_languages_by_level_keys_and_position():
    from verifier.audit.headings import pair_headings
    pairs = [(HEADS_EN[i][1], HEADS_ZH[j][1]) for i, j in pair_headings(HEADS_EN, HEADS_ZH)]
    assert pairs == [("News and Updates", "新闻"), ("Performance", "评测表现"), ("Requirements", "要求"),
                     ("Quickstart", "快速使用"), ("🤗 Transformers", "🤗 Transformers"), ("Tokenizer", "Tokenization"),    # by position
                     ("License Agreement", "使用协议"), ("Contact Us", "联系我们")]   # the English-only section: unpaired


@pytest.mark.parametrize("text, name", [
    ("考虑到效率，源2.0-51B和源2.0-102B模型需要转换。", True),        # a name's version and size
    ("甚至超出了如12-13B参数等更大规模的语言模型。", False),          # a range of sizes
])
def test_version_and_size_glued_to_a_name_is_no_figure(text, name):
    from verifier.audit.document import is_name
    from verifier.numbers import find_figures
    figures = [f for f in find_figures(text) if "B" in f.text]
    assert figures and all(is_name(text, f) == name for f in figures)


@pytest.mark.parametrize("a, b, found", [
    ("Baichuan2-7B-Chat", "Baichuan2-7B-Base", ("chat", "base")),
    ("Qwen-7B-Chat", "Qwen-7B-Chat", None),
    ("Qwen-7B-Chat", "Qwen-14B-Base", None),          # another model, not another variant
    ("Yi-34B", "Yi-34B-Chat", None),                  # one side names no variant
])
def test_row_label_variants(a, b, found):
    from verifier.audit.names import variant_conflict
    assert variant_conflict(a, b) == found
