"""One run of a claims file: each source read once, every claim checked, every pair audited.

The one place a run is put together. Commands (check, report, compare), the
pytest plugin and the reports take its plain results; none of them reads a
source or audits a pair on its own, so they can never disagree about what a
pair's `fail_on` is or which reading of a source counts.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .audit import audit_pair
from .audit.model import AuditResult
from .check.checking import Result
from .check.run import SourceLibrary, cached_library, check_all, glossary_for
from .claimsfile.claims import ClaimsFile, PairSpec
from .document.glossary import Glossary
from .document.sources import SourceDoc
from .errors import VerifierError


@dataclass(frozen=True)
class PairOutcome:
    """One `pairs:` entry: its audit, or the problem that kept it from being audited."""

    pair: PairSpec
    result: AuditResult | None = None
    error: VerifierError | None = None
    en: SourceDoc | None = None          # the two documents, when the caller shows them (the HTML report)
    zh: SourceDoc | None = None


@dataclass(frozen=True)
class Run:
    results: list[Result]
    pairs: list[PairOutcome]
    warnings: tuple[VerifierError, ...] = ()     # about sources (a `lang:` the text contradicts), once each


def run(claims_file: ClaimsFile, *, cache_dir: str | Path | None = None, jobs: int = 1, progress=None,
        allow_outside: bool = False, keep_documents: bool = False, strict_lang: bool | None = None) -> Run:
    """Every claim checked (in claim order) and every pair audited, through one figure cache. strict_lang:
    a `lang:` the text contradicts is an error (None: [tool.verifier] strict_lang of the project)."""
    if strict_lang is None:
        strict_lang = project_settings(claims_file).strict_lang
    warnings: dict = {}
    results = check_all(claims_file, cache_dir=cache_dir, jobs=jobs, progress=progress, allow_outside=allow_outside,
                        strict_lang=strict_lang, warnings=warnings)
    pairs = []
    if claims_file.pairs:
        library = cached_library(claims_file, cache_dir, strict_lang=strict_lang)
        pairs = audit_pairs(claims_file, library, keep_documents=keep_documents)
        warnings.update((sid, w) for sid, w in library.warnings.items() if sid not in warnings)
    return Run(results, pairs, tuple(warnings.values()))


def audit_pairs(claims_file: ClaimsFile, library: SourceLibrary, *, fail_on: str = "",
                keep_documents: bool = False, summary: str = "") -> list[PairOutcome]:
    """Each `pairs:` entry audited; `fail_on` and `summary` (command-line choices) win over the pair's own
    (and `fail_on` over the project's)."""
    glossary = glossary_for(claims_file)
    default = project_fail_on(claims_file)
    return [audit_one(replace(pair, summary=summary) if summary else pair, library, glossary,
                      fail_on or pair.fail_on or default, keep_documents)
            for pair in claims_file.pairs]


def project_settings(claims_file: ClaimsFile):
    """[tool.verifier] of the project the claims file belongs to."""
    from . import config
    return config.load(claims_file.path)


def audit_one(pair: PairSpec, library: SourceLibrary, glossary: Glossary, fail_on: str,
              keep_documents: bool = False) -> PairOutcome:
    try:
        if pair.error:
            raise pair.error
        en, zh = library.get(pair.en), library.get(pair.zh)
        result = audit_pair(en, zh, glossary, pair.accepted, fail_on, cache=library.cache, summary=pair.summary)
    except VerifierError as exc:
        return PairOutcome(pair, error=exc)
    return PairOutcome(pair, result, en=en if keep_documents else None, zh=zh if keep_documents else None)


def project_fail_on(claims_file: ClaimsFile) -> str:
    """[tool.verifier] fail_on of the project the claims file belongs to (default high)."""
    return project_settings(claims_file).fail_on or "high"
