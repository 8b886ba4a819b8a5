"""pytest item for one `pairs:` entry of claims.yaml: the bilingual audit of that pair.

verifier.plugin creates it next to the claim items. It fails only on
disagreements no `accept:` entry explains (at or above the pair's `fail_on`,
else [tool.verifier] fail_on, else high confidence), and says so in a few lines with
file:line:col of both figures, no traceback; `reportinfo` points at the pair's
line in claims.yaml.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ..audit.report import accept_text, disagreements, failure_text
from ..pipeline import audit_one


class PairFailed(Exception):
    """Raised when a pair has unexplained disagreements (or cannot be read). `line`: what pytest's short test
    summary says of it, on one line."""

    def __init__(self, text: str, line: str = ""):
        super().__init__(text)
        self.line = line


class PairItem(pytest.Item):
    def __init__(self, *, pair, library, glossary, **kwargs):
        super().__init__(**kwargs)
        self.pair = pair
        self.library = library
        self.glossary = glossary

    @property
    def title(self) -> str:
        """'pair en~zh (claims.yaml:12)', the claims file shown relative to the rootdir."""
        try:
            shown = Path(self.pair.loc.path).resolve().relative_to(self.config.rootpath)
        except ValueError:
            shown = self.pair.loc.path
        return f"pair {self.pair.en}~{self.pair.zh} ({shown}:{self.pair.loc.line})"

    @property
    def fail_on(self) -> str:
        """--claims-fail-on, else the pair's own `fail_on`, else [tool.verifier] fail_on, else high (as compare's
        --fail-on wins over the files)."""
        from .plugin import _SETTINGS
        settings = self.config.stash.get(_SETTINGS, None)
        return (self.config.getoption("claims_fail_on", None) or self.pair.fail_on
                or getattr(settings, "fail_on", None) or "high")

    def runtest(self):
        outcome = audit_one(self.pair, self.library, self.glossary, self.fail_on)
        from .plugin import warn_of_sources
        warn_of_sources(self, (self.pair.en, self.pair.zh))
        if outcome.error is not None:
            problem = str(outcome.error).split("\n", 1)[0]
            raise PairFailed(f"{self.title}\n{outcome.error}", f"{self.sides}: cannot be audited: {problem}")
        result = outcome.result
        for unused in result.unused_accepts:        # an entry that explains nothing: said, never silent
            import warnings
            from .plugin import ClaimsFileWarning
            warnings.warn_explicit(ClaimsFileWarning(
                f"accept entry {accept_text(unused.en, unused.zh)} matches no finding of {self.title}"),
                ClaimsFileWarning, filename=str(unused.loc.path), lineno=unused.loc.line or 0)
        self.user_properties.append(("pair_audit", {c: result.count(c) for c in (
            "agree", "agree_approx", "value_mismatch", "unit_mismatch", "qualifier_mismatch",
            "version_mismatch", "name_mismatch", "scope_mismatch", "missing_in_en", "missing_in_zh",
            "internal_conflict")}))
        if not result.passed:
            raise PairFailed(failure_text(result, self.title), summary_line(result, self.sides))

    @property
    def sides(self) -> str:
        """'EN jiemian-en ~ ZH jiemian-zh': which source is which, whatever the pair's id."""
        return f"EN {self.pair.en} ~ ZH {self.pair.zh}"

    def repr_failure(self, excinfo, style=None):
        if excinfo.errisinstance(PairFailed):
            from .safe_text import shown
            text = shown(str(excinfo.value))
            line = shown(excinfo.value.line)
            from .plugin import _summary_line, with_summary_line
            return with_summary_line(self, text, line or _summary_line(text, place=True), line or _summary_line(text))
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, max(self.pair.loc.line - 1, 0), f"pair {self.pair.en}~{self.pair.zh}"


def summary_line(result, sides: str) -> str:
    """The failing pair in one line, for pytest's short test summary: 'EN e ~ ZH z: 8 unexplained
    disagreement(s) (7 missing_in_en, 1 missing_in_zh)'."""
    counts: dict[str, int] = {}
    for x in result.unexplained:
        counts[x.category] = counts.get(x.category, 0) + 1
    kinds = ", ".join(f"{n} {category}" for category, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{sides}: {disagreements(len(result.unexplained), len(result.failing))}" + (f" ({kinds})" if kinds else "")

