"""Dated release notes, package versions, and table columns with differently worded headers."""
import pytest

from verifier.audit.align import _best_header
from verifier.audit.news import news_items, pair_news
from verifier.audit.versions import compare_versions, versions


@pytest.mark.parametrize("line, date", [
    (r"\[2024.07.03\] We release InternLM2.5-7B.", "2024-07-03"),
    ("**[2023/06/14]** 发布 [WebGLM](https://github.com/THUDM/WebGLM)", "2023-06-14"),
    ("- 🔥🔥 **News**: ```2024/12/10```: 本仓库微调代码支持", "2024-12-10"),
    ("<summary>🔥 <b>2024-07-29</b>: The Yi Cookbook 1.0</summary>", "2024-07-29"),
    ("* 2023年8月21日 发布Qwen-7B-Chat的Int4量化模型", "2023-08-21"),
    ("- 2024.03.25 We update the checkpoints of BlueLM-7B-Chat-32K", "2024-03-25"),
])
def test_a_line_opening_with_a_date_is_a_dated_note(line, date):
    assert [i.date for i in news_items(line)] == [date]


@pytest.mark.parametrize("line", [
    "为了使本项目更加开放，自2024年12月25日起，本项目的许可证进行了更新。",   # a date inside prose
    "version 2024.1 of the tool",                                               # no day
    "- [2024.13.40] not a date",
])
def test_a_date_inside_prose_or_not_a_date_is_no_note(line):
    assert news_items(line) == []


def test_notes_pair_on_what_they_name_and_keep_their_dates():
    en = news_items("- [2024.07.03] Release [InternLM2.5-7B](https://x/a).\n- [2024.01.17] Release InternLM2-20B.\n")
    zh = news_items("- [2024.06.30] 发布 [InternLM2.5-7B](https://x/a)。\n- [2024.01.17] 发布 InternLM2-20B。\n"
                    "- [2023/06/14] 发布 WebGLM。\n")
    pairs, only_en, only_zh = pair_news(en, zh)
    assert [(a.date, b.date) for a, b in pairs] == [("2024-07-03", "2024-06-30"), ("2024-01-17", "2024-01-17")]
    assert only_en == [] and [b.date for b in only_zh] == ["2023-06-14"]


@pytest.mark.parametrize("text, found", [
    ("- PyTorch >= 2.2", [("torch", ">=", "2.2")]),
    ("pip install lmdeploy>=0.2.1", [("lmdeploy", ">=", "0.2.1")]),
    ("## Inference by vLLM(>=v0.3.3)", [("vllm", ">=", "0.3.3")]),
    ("It's recommended to use version `4.27.1` for the `transformers` library", [("transformers", "", "4.27.1")]),
    ("其中 `transformers` 库版本推荐为 `4.30.2`", [("transformers", "", "4.30.2")]),
    ("`torch` 推荐使用 2.0 及以上的版本", [("torch", ">=", "2.0")]),
    ("and the CUDA version should be 12.1.", [("cuda", "", "12.1")]),
    ("# If the version of flash-attn is higher than 2.1.1, skip this", [("flash-attn", ">", "2.1.1")]),
    ("model.chat(tokenizer, q, temperature=0.8, top_p=0.8)", []),       # keyword arguments are no versions
    ("Qwen-7B 在 MMLU 上达到 58.2", []),                                 # a score is no version
])
def test_versions_are_read_with_their_package_and_operator(text, found):
    assert [(v.package, v.op, v.version) for v in versions(text)] == found


@pytest.mark.parametrize("en, zh, expected", [
    ("- PyTorch >= 2.2", "- PyTorch >= 2.1", [("version_mismatch", "high")]),
    ("tested with PyTorch 2.0", "软件环境为 PyTorch 2.0.1，`torch` 推荐使用 2.0 及以上", [("missing_in_en", "medium")]),
    ("use PyTorch 2.0.1", "软件环境为 PyTorch 2.0", [("version_mismatch", "medium")]),
    ("pip install lmdeploy>=0.2.1", "通过 `pip install lmdeploy>=0.2.1` 安装", []),
    ("## Inference by vLLM(>=v0.3.3)", "## 使用vllm推理", [("missing_in_zh", "medium")]),
    ("We release MiniCPM 4.1 today", "发布 MiniCPM4.1", []),              # a name with its version glued on
    ("Kimi 2.5 is served", "我们提供推理服务", []),                        # a package the other side never names
])
def test_versions_compare_package_by_package(en, zh, expected):
    got = compare_versions(versions(en), versions(zh), en, zh)
    assert [(c, conf) for c, conf, *_ in got] == expected


@pytest.mark.parametrize("header, headers, same_place, best", [
    ("GPU Memory", ["量化等级", "最低 GPU 显存（推理）", "最低 GPU 显存（高效参数微调）"], 1, 1),
    ("最低 GPU 显存（推理）", ["Quantization Level", "GPU Memory"], 1, 1),
    ("GPU Memory", ["量化等级", "最低 GPU 显存（推理）", "最低 GPU 显存（高效参数微调）"], 0, None),  # a tie elsewhere
    ("Speed", ["速度", "显存"], 0, None),                                  # no shared word: no guess
])
def test_a_column_is_matched_by_the_words_of_its_header(header, headers, same_place, best):
    assert _best_header(header, headers, same_place) == best
