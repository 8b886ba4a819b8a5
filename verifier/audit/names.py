"""Model names and sizes two aligned sentences give differently: Baichuan-13B in one, Baichuan 2 in the other.

A name is a Latin family word and the numbers glued to it (Baichuan-13B, Baichuan 2, Qwen1.5-7B, LLaMA-3-8B).
Its key is the family, case-folded, and the numbers with their size letters: baichuan/13b, baichuan/2,
llama/3-8b. Two sides name the same model when one key extends the other (Baichuan 2 ~ Baichuan2-7B: a reader
takes the short one for the series); a family both sides name in one aligned sentence pair with no such
pair of keys is a `name_mismatch`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = re.compile(r"(?<![A-Za-z0-9_./-])([A-Z][A-Za-z]{2,})((?:(?:[-_]|(?<=[a-zA-Z]) (?=\d)|)\d+(?:\.\d+)?[BbMmKkTt]?"
                   r"(?![\d.]\d))+)(?![A-Za-z0-9]|\.\d)")
_PART = re.compile(r"\d+(?:\.\d+)?[BbMmKkTt]?")


@dataclass(frozen=True)
class Name:
    text: str
    family: str
    key: str            # 'baichuan/13b'
    start: int


def model_names(text: str, start: int = 0, end: int | None = None) -> list[Name]:
    """Every model name in text[start:end], in order."""
    out = []
    for m in _NAME.finditer(text, start, len(text) if end is None else end):
        parts = _PART.findall(m.group(2))
        if len(parts) > 2 or any(p.count(".") > 1 for p in parts):
            continue                        # 4.30.2: a package version, read by versions.py
        family = m.group(1).casefold()
        out.append(Name(m.group(0), family, family + "/" + "-".join(p.lower() for p in parts), m.start()))
    return out


def _same(a: str, b: str) -> bool:
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def name_conflicts(en: list[Name], zh: list[Name]) -> list[tuple[Name, Name]]:
    """(en, zh) for each family both lists name whose keys never agree: one finding per family."""
    out = []
    for family in dict.fromkeys(n.family for n in en):
        a = [n for n in en if n.family == family]
        b = [n for n in zh if n.family == family]
        if b and not any(_same(x.key, y.key) for x in a for y in b):
            out.append((a[0], b[0]))
    return out


_VARIANT = re.compile(r"(?<![a-z])(chat|base|instruct|sft)(?![a-z])")


def variant_conflict(a: str, b: str) -> tuple[str, str] | None:
    """('chat', 'base') when two row labels name one model but another variant: Baichuan2-7B-Chat vs
    Baichuan2-7B-Base. Labels differing otherwise, or naming no variant, give None."""
    fa, fb = a.casefold(), b.casefold()
    va, vb = _VARIANT.findall(fa), _VARIANT.findall(fb)
    if not va or not vb or set(va) == set(vb):
        return None
    rest_a = re.sub(r"[\s\-_*`\[\]]", "", _VARIANT.sub("", fa))
    rest_b = re.sub(r"[\s\-_*`\[\]]", "", _VARIANT.sub("", fb))
    return (va[0], vb[0]) if rest_a and rest_a == rest_b else None
