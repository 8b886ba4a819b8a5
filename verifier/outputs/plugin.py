"""pytest plugin: every claim in claims.yaml (and claims/*.yaml) is a test item.

Failures are short and claim-shaped (no traceback), `reportinfo` points at the
claim's line, and the run ends with one line of verdict counts. Verdicts travel
in `user_properties`, so the summary is right under pytest-xdist too.
"""
from __future__ import annotations

from collections import Counter

import pytest

from ..claimsfile.claims import load_claims
from ..errors import VerifierError
from .report import failure_text
from .safe_text import escape_chars, shown
from ..check.run import SourceLibrary, check_one, glossary_for

def pytest_addoption(parser):
    group = parser.getgroup("verifier", "claim verification")
    group.addoption("--claims-allow-outside", action="store_true", default=False,
                    help="let claims files reach sources outside their own folder")
    group.addoption("--claims-no-cache", action="store_true", default=False,
                    help="extract every source afresh (no .verifier-cache/ / $VERIFIER_CACHE_DIR)")


def pytest_configure(config):
    config.pluginmanager.register(_Summary(), "verifier-summary")


def pytest_collect_file(file_path, parent):
    if file_path.suffix in (".yaml", ".yml") and (
            file_path.name in ("claims.yaml", "claims.yml") or file_path.parent.name == "claims"):
        return ClaimsYamlFile.from_parent(parent, path=file_path)
    return None


class ClaimFailed(Exception):
    """Raised by an item whose verdict differs from its `expect`."""


class ClaimsYamlFile(pytest.File):
    def collect(self):
        try:
            claims_file = load_claims(self.path, allow_outside=self.config.getoption("claims_allow_outside"))
        except VerifierError as exc:
            yield BrokenFileItem.from_parent(self, name="claims-file", error=exc)
            return
        library = SourceLibrary(claims_file, cache=_figure_cache(self.config, self.path))
        glossary = glossary_for(claims_file)
        xdist = self.config.pluginmanager.hasplugin("xdist")
        for claim in claims_file.claims:
            item = ClaimItem.from_parent(self, name=escape_chars(claim.id), claim=claim, library=library, glossary=glossary)
            if xdist:     # with `--dist loadgroup`, one worker reads each source
                item.add_marker(pytest.mark.xdist_group(claim.source or "no-source"))
            yield item
        pair_item = _pair_item_class()
        if pair_item is not None:
            for pair in claims_file.pairs:
                yield pair_item.from_parent(self, name=escape_chars(pair.id), pair=pair, library=library, glossary=glossary)


def _figure_cache(config, path):
    if config.getoption("claims_no_cache"):
        return None
    from ..document.cache import FigureCache, default_dir
    return FigureCache(default_dir(path))


def _pair_item_class():
    """The bilingual audit's item, if that module is installed with this version."""
    try:
        from .audit_plugin import PairItem
    except ImportError:
        return None
    return PairItem


class _ShortFailure(pytest.Item):
    def repr_failure(self, excinfo, style=None):
        if excinfo.errisinstance(ClaimFailed):
            return shown(str(excinfo.value))
        return super().repr_failure(excinfo, style)


class ClaimItem(_ShortFailure):
    def __init__(self, *, claim, library, glossary, **kwargs):
        super().__init__(**kwargs)
        self.claim = claim
        self.library = library
        self.glossary = glossary

    def runtest(self):
        result = check_one(self.claim, self.library, self.glossary)
        self.user_properties.append(("verdict", result.verdict))
        if not result.passed:
            raise ClaimFailed(failure_text(result))

    def reportinfo(self):
        return self.path, self.claim.loc.line - 1, f"claim {self.name}"


class BrokenFileItem(_ShortFailure):
    def __init__(self, *, error, **kwargs):
        super().__init__(**kwargs)
        self.error = error

    def runtest(self):
        raise ClaimFailed(str(self.error))

    def reportinfo(self):
        line = self.error.location.line if self.error.location else 0
        return self.path, max(line - 1, 0), "claims file"


class _Summary:
    """Counts verdicts from reports (not items), so xdist workers' results count too."""

    def __init__(self):
        self.counts = Counter()

    def pytest_runtest_logreport(self, report):
        if report.when == "call":
            for key, value in report.user_properties:
                if key == "verdict":
                    self.counts[value] += 1

    def pytest_terminal_summary(self, terminalreporter):
        if not self.counts:
            return
        c = self.counts
        parts = [f"{c['supported']} supported", f"{c['contradicted']} contradicted", f"{c['not_found']} not found"]
        parts += [f"{c[extra]} {extra}" for extra in ("stale", "error") if c[extra]]
        terminalreporter.write_line("verifier: " + ", ".join(parts))
