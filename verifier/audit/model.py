"""The audit's value objects: one side of a finding, a finding, a conflict, a result.

They are plain frozen data so that the CLI, the pytest item and the JSON report
all read the same thing and never recompute it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

AGREEMENTS = ("agree", "agree_approx")
MISMATCHES = ("value_mismatch", "unit_mismatch", "qualifier_mismatch", "version_mismatch", "name_mismatch",
              "scope_mismatch")
MISSING = ("missing_in_en", "missing_in_zh")
CATEGORIES = AGREEMENTS + MISMATCHES + MISSING + ("internal_conflict",)
CONFIDENCES = ("medium", "high")        # a finding fails the check at or above the pair's `fail_on`


@dataclass(frozen=True)
class Side:
    """A figure as one document writes it, and where a person finds it."""

    text: str
    value: str              # Figure.value_text(): language-neutral
    kind: str
    unit: str
    path: str
    line: int
    col: int
    context: str = ""       # the sentence, or 'row label / column header' of a table cell

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Finding:
    """How one English figure and one Chinese figure relate (either may be missing)."""

    category: str
    en: Side | None
    zh: Side | None
    note: str = ""
    evidence: str = ""      # why the two figures were taken to be the same figure
    accepted: str = ""      # the reason given in claims.yaml `accept:`, when explained
    confidence: str = "high"  # medium: reported, fails only when asked (fail_on="medium")

    @property
    def is_disagreement(self) -> bool:
        return self.category not in AGREEMENTS

    @property
    def unexplained(self) -> bool:
        return self.is_disagreement and not self.accepted


@dataclass(frozen=True)
class Conflict:
    """One document gives the same subject two figures that cannot both be true."""

    lang: str
    first: Side
    second: Side
    note: str = ""
    subject: str = ""       # the words both places share
    accepted: str = ""

    category = "internal_conflict"
    confidence = "high"

    @property
    def unexplained(self) -> bool:
        return not self.accepted


@dataclass(frozen=True)
class AuditResult:
    en_path: str
    zh_path: str
    findings: tuple[Finding, ...]
    conflicts: tuple[Conflict, ...]
    figures_en: int
    figures_zh: int
    unused_accepts: tuple = field(default=())
    fail_on: str = "high"
    summary: str = ""            # 'en' or 'zh': that account summarises the other (the pair's `summary:`)
    left_out: int = 0            # figures the summary leaves out: no finding, only counted

    @property
    def unexplained(self) -> list:
        """Every disagreement no `accept:` entry explains, in report order."""
        return [f for f in self.findings if f.unexplained] + [c for c in self.conflicts if c.unexplained]

    @property
    def failing(self) -> list:
        """The unexplained disagreements sure enough to fail the check."""
        floor = CONFIDENCES.index(self.fail_on)
        return [x for x in self.unexplained if CONFIDENCES.index(x.confidence) >= floor]

    @property
    def passed(self) -> bool:
        return not self.failing

    def count(self, category: str) -> int:
        if category == "internal_conflict":
            return len(self.conflicts)
        return sum(f.category == category for f in self.findings)
