"""Versions and version constraints a reader installs by: `transformers 4.27.1`, `PyTorch >= 2.2`.

The figure reader leaves versions out on purpose (4.36.0 is a name, not a
quantity), so this module reads them from the raw text, code included: an
install line is an instruction a reader follows. A mention is a package, an
operator and a version; the package is the word written next to the version
('torch 2.0 及以上', 'version `4.27.1` for the `transformers` library').

A version the other document gives for the same package anywhere agrees.
What is left is compared package by package, in document order: two
different versions are a version mismatch (medium when one only adds
precision, 2.0 vs 2.0.1); a version the other document never gives for a
package it does name is missing there (medium).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_NOT_PACKAGES = {"version", "step", "table", "figure", "section", "chapter", "stage", "v", "and", "or", "to",
                 "the", "of", "for", "with", "from", "is", "at", "in", "on", "by", "top", "ratio", "score", "library", "package",
                 "not", "than", "about", "over", "under", "only", "up", "also", "around", "nearly"}
_VER = r"v?(?P<ver>\d+(?:\.\d+){1,3})(?![\d.]*[A-Za-z\d])"
_PKG = (r"(?P<pkg>(?!(?i:" + "|".join(sorted(_NOT_PACKAGES)) + r")\b)"
        r"(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9])")
_OP = r"(?P<op>==|>=|<=|~=|!=|>|<)"            # a lone '=' is a keyword argument (temperature=0.8)
_AFTER = r"(?P<more>\s*(?:\+|or (?:higher|later|above|newer)|及以上|以上|或更高))?"
_WORDS = r"(?:[ \t]+(?!and\b|use\b|for\b|or\b)[A-Za-z]+)"
_PATTERNS = (                                   # the first to claim a version names its package
    re.compile(_PKG + r"`?\s*\(?\s*" + _OP + r"\s*" + _VER + _AFTER),                   # torch>=2.1, vLLM(>=v0.3.3)
    re.compile(r"version\s+`?" + _VER + r"`?" + _AFTER + r"\s+(?:for|of)\s+(?:the\s+)?`?" + _PKG, re.I),
    re.compile(r"`" + _PKG + r"`" + _WORDS + r"{1,6}?[ \t]+`?" + _VER + r"`?" + _AFTER),   # `pkg` ... is `4.27.1`
    re.compile(r"version of `?" + _PKG + r"`?" + _WORDS + r"{0,4}?[ \t]+`?" + _VER, re.I),  # ... is higher than 2.1.1
    re.compile(_PKG + _WORDS + r"{0,3}?[ \t]+version" + _WORDS + r"{0,4}?[ \t]+`?" + _VER, re.I),  # CUDA version should be
    re.compile(r"`" + _PKG + r"`[ \t]*[\u4e00-\u9fff]{1,8}[ \t]*`?" + _VER + r"`?" + _AFTER),  # `torch` 推荐使用 2.0 及以上
    re.compile(_PKG + r"[ \t]*版本[\u4e00-\u9fff]{0,3}[ \t]*`?" + _VER + r"`?" + _AFTER),    # flash-attn版本高于2.1.1
    re.compile(_PKG + r"`?[ \t]+`?" + _VER + r"`?" + _AFTER),                            # PyTorch 2.0.1, CUDA 11.4
)
_ALIASES = {"pytorch": "torch", "torch": "torch", "py": "python"}


@dataclass(frozen=True)
class Version:
    package: str         # normalised: 'torch'
    op: str              # '==', '>=', ... or '' for a plain mention
    version: str
    text: str            # as written
    line: int
    col: int
    start: int
    line_text: str

    @property
    def value(self) -> str:
        return f"{self.package}{self.op}{self.version}"


def versions(text: str) -> list[Version]:
    """Every versioned package mention, in document order, one per version written."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    seen: dict[int, Version] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            pkg = m.group("pkg").lower()
            if pkg in _NOT_PACKAGES or m.start("ver") in seen:
                continue
            op = m.groupdict().get("op") or (">=" if m.groupdict().get("more") else "")
            op = op or (">" if re.search(r"higher than|later than|greater than|高于", m.group()) else "")
            op = "==" if op == "=" else op
            line = bisect.bisect_right(starts, m.start()) - 1
            end = text.find("\n", m.start())
            seen[m.start("ver")] = Version(_ALIASES.get(pkg, pkg), op, m.group("ver"), m.group().strip(), line + 1,
                                           m.start() - starts[line] + 1, m.start(),
                                           text[starts[line]:end if end >= 0 else len(text)].strip())
    return sorted(seen.values(), key=lambda v: v.start)


def compare_versions(en: list[Version], zh: list[Version], en_text: str, zh_text: str):
    """(category, confidence, en, zh, note) for each version one document gives and the other does not,
    for the packages both documents name."""
    out = []
    pkgs_en, pkgs_zh = {v.package for v in en}, {v.package for v in zh}
    both = (pkgs_en & pkgs_zh) | packages_named(zh_text, pkgs_en) & pkgs_en | packages_named(en_text, pkgs_zh) & pkgs_zh
    for pkg in sorted(both):
        given_en = {v.version for v in en if v.package == pkg}
        given_zh = {v.version for v in zh if v.package == pkg}
        left_en = _once([v for v in en if v.package == pkg and v.version not in given_zh
                         and not _written(zh_text, v)])
        left_zh = _once([v for v in zh if v.package == pkg and v.version not in given_en
                         and not _written(en_text, v)])
        for a, b in zip(left_en, left_zh):
            finer = a.version.startswith(b.version + ".") or b.version.startswith(a.version + ".")
            out.append(("version_mismatch", "medium" if finer else "high", a, b,
                        f"{pkg}: {a.op}{a.version} vs {b.op}{b.version}"))
        n = min(len(left_en), len(left_zh))
        out += [("missing_in_zh", "medium", a, None, f"{pkg} {a.op}{a.version}: no such version in the other")
                for a in left_en[n:]]
        out += [("missing_in_en", "medium", None, b, f"{pkg} {b.op}{b.version}: no such version in the other")
                for b in left_zh[n:]]
    return out


def _written(text: str, v: Version) -> bool:
    """The other text writes this version glued to the name (MiniCPM4.1, Yuan-2.0), as a name, not a mention."""
    names = [v.package] + [k for k, a in _ALIASES.items() if a == v.package]
    return any(re.search(rf"(?<![a-z0-9]){re.escape(n)}[\s_-]*v?{re.escape(v.version)}(?![\d.]*\d)", text, re.I)
               for n in names)


def _once(mentions: list[Version]) -> list[Version]:
    """One mention per version written: the same pin said twice is one fact."""
    seen, out = set(), []
    for v in mentions:
        if (v.op, v.version) not in seen:
            seen.add((v.op, v.version))
            out.append(v)
    return out


def packages_named(text: str, packages: set[str]) -> set[str]:
    """Which of `packages` the text names at all, with or without a version."""
    low = text.lower()
    out = set()
    for pkg in packages:
        names = [pkg] + [k for k, v in _ALIASES.items() if v == pkg]
        if any(re.search(rf"(?<![a-z0-9]){re.escape(n)}(?![a-z0-9])", low) for n in names):
            out.add(pkg)
    return out
