"""The unit a figure counts, when the words right after it say: 250,000 words vs 25w 字, 1M context vs 百万字.

Two figures equal in value but counting words on one side and characters (字) on the other tell a reader
different amounts: a `scope_mismatch` of medium confidence. A context window is counted in tokens.
"""
from __future__ import annotations

import re

_EN = [("words", r"words?"), ("tokens", r"tokens?|(?:-?long\s+)?context"), ("characters", r"characters?|chars?")]
_ZH = [("characters", r"汉字|字符|字(?!节)"), ("words", r"单词|词"), ("tokens", r"tokens?|上下文")]
_EN_RE = [(name, re.compile(rf"\s*(?:{pattern})\b", re.I)) for name, pattern in _EN]
_ZH_RE = [(name, re.compile(rf"\s*(?:{pattern})", re.I)) for name, pattern in _ZH]


def counted(after: str, lang: str) -> str:
    """'words', 'tokens', 'characters' or '' from the text right after a figure."""
    for name, pattern in (_ZH_RE if lang == "zh" else _EN_RE):
        if pattern.match(after):
            return name
    return ""


def scope_note(en_after: str, zh_after: str) -> str:
    """'words vs characters' when the two sides say they count different things, else ''."""
    a, b = counted(en_after, "en"), counted(zh_after, "zh")
    return f"{a} vs {b}" if a and b and a != b else ""
