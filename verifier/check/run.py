"""A whole run: every claim of a claims file checked, each source read once.

This is the one place that ties claims, sources and the checker together; the
CLI and the pytest plugin both call it, so they can never disagree.
"""
from __future__ import annotations

from pathlib import Path

from .checking import Result, check_claim
from ..claimsfile.claims import Claim, ClaimsFile, SourceSpec
from ..errors import VerifierError
from ..document.glossary import Glossary
from ..claimsfile.lockfile import LockState
from ..document.sources import SourceDoc, read_source


class SourceLibrary:
    """Reads each source at most once per run and remembers failures too.

    With a cache (verifier.cache.FigureCache), figures of an unchanged source come from disk.
    """

    def __init__(self, claims_file: ClaimsFile, cache=None, strict_lang: bool = False):
        self.claims_file = claims_file
        self.strict_lang = strict_lang         # a `lang:` the text contradicts is an error, not a warning
        self.warnings: dict[str, VerifierError] = {}     # per source id, in the order sources were read
        self.base = claims_file.path.resolve().parent
        self.cache = cache
        if cache is not None:
            from ..document.lexicon import keep_in
            keep_in(cache)                    # CC-CEDICT's compact form is kept there too
        self._docs: dict[str, SourceDoc | VerifierError] = {}
        self.lock = LockState(claims_file.path)     # claims.lock.json, read on first use

    def shown_path(self, spec: SourceSpec) -> str:
        """A source as evidence names it: relative to the claims file, as its `path:` is written (a source in a
        `source_roots` folder is `../sources/a.txt`, never a machine's absolute path in a CI log)."""
        try:
            return str(spec.path.resolve().relative_to(self.base))
        except ValueError:
            pass
        import os
        try:
            return Path(os.path.relpath(spec.path.resolve(), self.base)).as_posix()
        except ValueError:          # another drive
            return str(spec.path)

    def get(self, source_id: str) -> SourceDoc:
        if source_id not in self._docs:
            spec = self.claims_file.sources[source_id]
            try:
                if spec.error:
                    raise spec.error
                doc = read_source(spec.path, self.shown_path(spec), spec.lang, nofollow=True,
                                  extract=self.cache.extract if self.cache else None)
                self._docs[source_id] = self._check_lang(spec, doc)
            except VerifierError as exc:
                self._docs[source_id] = exc
        doc = self._docs[source_id]
        if isinstance(doc, VerifierError):
            raise doc
        return doc

    def _check_lang(self, spec: SourceSpec, doc: SourceDoc) -> SourceDoc:
        """The document, after noting (or, strict, raising) a `lang:` its letters contradict."""
        from .language import lang_problem
        problem = lang_problem(spec, doc, strict=self.strict_lang)
        if problem is not None:
            if self.strict_lang:
                raise problem
            self.warnings[spec.id] = problem
        return doc

    def release(self, source_id: str) -> None:
        """Forget a source's text and figures once its claims are done (failures stay remembered)."""
        doc = self._docs.get(source_id)
        if isinstance(doc, SourceDoc):
            doc.__dict__.pop("_index", None)     # doc <-> index is a cycle: break it, free memory now
            del self._docs[source_id]


def cached_library(claims_file: ClaimsFile, cache_dir: str | Path | None, strict_lang: bool = False) -> SourceLibrary:
    """The run's reader of sources, through the figure cache: every verb (check, its pairs, coverage, suggest,
    report) decodes a warm source instead of extracting it again."""
    return SourceLibrary(claims_file, cache=_cache(cache_dir), strict_lang=strict_lang)


def glossary_for(claims_file: ClaimsFile) -> Glossary:
    return Glossary(claims_file.glossary)


def check_one(claim: Claim, library: SourceLibrary, glossary: Glossary) -> Result:
    """Result of one claim; problems with the claim or its source become verdict 'error'; a claim with a `skip:`
    reason is not checked (verdict 'skipped', the reason as its reason)."""
    if claim.error is not None:
        return _error_result(claim, claim.error)
    if claim.skip:
        return Result(claim_id=claim.id, verdict="skipped", expect=claim.expect, claim=claim.claim,
                      figures=claim.figures, source=claim.source, location=f"{claim.loc.path}:{claim.loc.line}",
                      reason=claim.skip)
    try:
        doc = library.get(claim.source)
    except VerifierError as exc:
        return _error_result(claim, exc)
    result = check_claim(claim, doc, glossary)
    if not result.passed:
        from dataclasses import replace
        from .diagnose import hints
        result = replace(result, hints=hints(claim, doc, glossary, result))
    try:
        return library.lock.mark_stale(result, doc)     # failing + source changed since `verifier lock`
    except VerifierError as exc:     # an unreadable lock file
        return _error_result(claim, exc)


def check_all(claims_file: ClaimsFile, *, cache_dir: str | Path | None = None, jobs: int = 1,
              progress=None, allow_outside: bool = False, strict_lang: bool = False,
              warnings: dict | None = None) -> list[Result]:
    """Results in claim order. Claims are checked source by source, so one source's text and figures
    are in memory at a time; cache_dir: figure cache folder (None: no cache); jobs > 1: worker
    processes (verifier.pool), same results; progress(done) is called as claims complete. `warnings`, if
    given, receives each source's warning (a `lang:` its text contradicts) by source id; with `strict_lang`
    that is an error for the source's claims instead."""
    library = SourceLibrary(claims_file, cache=_cache(cache_dir), strict_lang=strict_lang)
    library.lock.get()               # a broken lock file is bad input: say so once, up front
    if jobs > 1 and len(claims_file.claims) > 1:
        from .pool import check_parallel
        return check_parallel(claims_file, jobs, cache_dir, progress, allow_outside, strict_lang, warnings)
    from .pool import groups

    glossary = glossary_for(claims_file)
    claims = claims_file.claims
    results: list = [None] * len(claims)
    done = 0
    for source_id, positions in groups(claims):
        for position in positions:
            results[position] = check_one(claims[position], library, glossary)
            done += 1
            if progress is not None:
                progress(done)
        library.release(source_id)
    if warnings is not None:
        warnings.update(library.warnings)
    return results


def _cache(cache_dir):
    if cache_dir is None:
        return None
    from ..document.cache import FigureCache
    return FigureCache(cache_dir)


def _error_result(claim: Claim, error: VerifierError) -> Result:
    return Result(claim_id=claim.id, verdict="error", expect=claim.expect, claim=claim.claim,
                  figures=claim.figures, source=claim.source,
                  location=f"{claim.loc.path}:{claim.loc.line}", error=str(error), reason=error.problem)

