"""Headings of the two versions paired, so that sections align before sentences do.

A heading's keys are its Latin names and numbers (vLLM, 7B, Step 1 -> 'step', '1') and the concepts of
a small built-in table of README section words (News ~ 新闻 ~ 最新动态, Quick start ~ 快速上手). Two
headings of the same level sharing keys pair, in document order (the heaviest common subsequence); a run
of unpaired headings between two pairs, as long and as deep on both sides, pairs by position.
"""
from __future__ import annotations

import re

from .words import latin_tokens

TERMS = {
    "news": ("news", "update", "updates", "新闻", "最新动态", "更新", "动态"),
    "intro": ("introduction", "overview", "about", "介绍", "简介", "概述"),
    "contents": ("contents", "目录"),
    "quickstart": ("quickstart", "quick start", "getting started", "快速开始", "快速上手", "快速使用", "开始"),
    "install": ("install", "installation", "requirements", "dependency", "dependencies", "安装", "依赖", "要求",
                "环境"),
    "inference": ("inference", "推理"),
    "deploy": ("deploy", "deployment", "部署"),
    "finetune": ("fine-tuning", "finetuning", "fine-tune", "finetune", "微调"),
    "quant": ("quantization", "quantize", "量化"),
    "eval": ("evaluation", "benchmark", "benchmarks", "performance", "results", "评测", "评估", "测评", "结果",
             "表现", "效果"),
    "model": ("model", "models", "模型"),
    "download": ("download", "下载"),
    "license": ("license", "协议", "许可"),
    "citation": ("citation", "cite", "引用"),
    "contact": ("contact", "联系"),
    "thanks": ("acknowledgement", "acknowledgements", "acknowledgment", "致谢"),
    "faq": ("faq", "常见问题"),
    "usage": ("usage", "use", "用法", "使用"),
    "speed": ("speed", "速度"),
    "memory": ("memory", "显存", "内存"),
    "tools": ("tool", "tools", "工具"),
    "long": ("long-context", "long context", "长文本", "长上下文"),
    "chat": ("chat", "对话"),
    "step": ("step", "步"),
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?[BbKkMm]?")


def heading_keys(text: str) -> frozenset[str]:
    """The keys two headings in either language share when they name the same section."""
    folded = text.casefold()
    keys = {f"t:{name}" for name, words in TERMS.items() if any(w in folded for w in words)}
    keys.update(f"l:{t}" for t in latin_tokens(text) if not any(t in words for words in TERMS.values()))
    keys.update(f"n:{n.lower()}" for n in _NUMBER.findall(text))
    return frozenset(keys)


def pair_headings(en: list[tuple[int, str]], zh: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """(i, j) index pairs of (level, text) headings: same level, shared keys, in order; equal runs between
    pairs filled by position."""
    keys_en = [heading_keys(t) for _, t in en]
    keys_zh = [heading_keys(t) for _, t in zh]

    def score(i: int, j: int) -> float:
        if en[i][0] != zh[j][0] or not keys_en[i] or not keys_zh[j]:
            return 0.0
        shared = keys_en[i] & keys_zh[j]
        return len(shared) / len(keys_en[i] | keys_zh[j]) if shared else 0.0

    n, m = len(en), len(zh)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = score(i, j)
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + s if s else 0.0)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        s = score(i, j)
        if s and best[i][j] == best[i + 1][j + 1] + s:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return _fill(pairs, en, zh)


def _fill(pairs: list[tuple[int, int]], en, zh) -> list[tuple[int, int]]:
    out = []
    bounds = [(-1, -1), *pairs, (len(en), len(zh))]
    for (a, b), (c, d) in zip(bounds, bounds[1:]):
        if 0 < c - a - 1 == d - b - 1 and all(en[a + k][0] == zh[b + k][0] for k in range(1, c - a)):
            out += [(a + k, b + k) for k in range(1, c - a)]
        if (c, d) != (len(en), len(zh)):
            out.append((c, d))
    return out
