"""pytest plugin: every claim in claims.yaml (and claims/*.yaml) is a test item.

Failures are short and claim-shaped (no traceback), `reportinfo` points at the
claim's line, and the run ends with one line of verdict counts. Verdicts travel
in `user_properties`, so the summary is right under pytest-xdist too.

Which files are claims files is `[tool.verifier] claims` (verifier.config), plus
any YAML file named on the command line. A claims file that this run does not
collect (`testpaths = ["tests"]`) is named in the summary, and fails the run under
CI: a green CI must mean the claims were checked. The header names the pyproject.toml
the settings came from; a claim with `skip: "reason"` is a skipped item, named at the end.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from .. import config as project_config
from ..claimsfile.claims import load_claims
from ..errors import VerifierError
from .report import failure_text, hedge_notes, strict_failure_text, stub_failure_text
from .safe_text import escape_chars, shown
from ..check.pool import groups
from ..check.run import SourceLibrary, check_one, glossary_for

def pytest_addoption(parser):
    group = parser.getgroup("verifier", "claim verification")
    group.addoption("--claims-allow-outside", action="store_true", default=False,
                    help="let claims files reach sources outside their own folder")
    group.addoption("--claims-no-cache", action="store_true", default=False,
                    help="extract every source afresh (no figure cache, user folder or $VERIFIER_CACHE_DIR)")
    group.addoption("--claims-fail-on", choices=("high", "medium"), default=None,
                    help="which bilingual-audit findings fail a pair item (default: the pair's fail_on, else "
                         "[tool.verifier] fail_on, else high)")
    group.addoption("--claims-strict-qualifiers", action="store_true", default=False,
                    help="a claim that drops the source's hedge (50,000 for 接近5万) fails")
    group.addoption("--claims-strict-lang", action="store_true", default=False,
                    help="a source whose letters contradict its `lang:` fails its claims (default: a warning)")


class ClaimsFileWarning(UserWarning):
    """Something in a claims file that is allowed but probably not meant (a look-alike source id)."""


class DroppedHedgeWarning(UserWarning):
    """A claim passes, but states as exact a figure its source hedges (接近5万 told as 50,000)."""


class ClaimStubWarning(UserWarning):
    """A claim with nothing in `claim:` (a `suggest --write` stub): its figure is checked, but it states nothing."""


class SourceLangWarning(UserWarning):
    """A source's `lang:` says one language, the letters of its text another (a Chinese article as `en`)."""


def pytest_report_header(config):
    """`verifier: config from pyproject.toml [tool.verifier]` (or the defaults), at the top of the run."""
    settings = config.stash.get(_SETTINGS, None)
    if settings is None:
        return None
    return project_config.origin_line(project_config.shown_path(settings.source, config.rootpath))


def pytest_configure(config):
    try:
        settings = project_config.load(config.rootpath)
    except VerifierError as exc:
        raise pytest.UsageError(str(exc)) from None
    config.stash[_SETTINGS] = settings
    config.stash[_NAMED] = _named_files(config)
    config.pluginmanager.register(_Summary(config, settings), "verifier-summary")
    config.addinivalue_line("markers", "claim: a claim of a claims file (added by verifier)")


_SETTINGS = pytest.StashKey()
_NAMED = pytest.StashKey()
_COLLECTED = pytest.StashKey()
_TOLD = pytest.StashKey()           # (claims file, source id) whose warning this run has given


def _named_files(config) -> set:
    """YAML files named on the command line (`pytest articles/wu-claims.yaml`, with or without ::ID)."""
    base = config.invocation_params.dir
    named = set()
    for arg in config.invocation_params.args:
        path = str(arg).split("::", 1)[0]
        if path.endswith((".yaml", ".yml")) and not path.startswith("-"):
            named.add((base / path).resolve())
    return named


def pytest_collect_file(file_path, parent):
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    config = parent.config
    if file_path.resolve() in config.stash[_NAMED] or config.stash[_SETTINGS].is_claims_file(file_path):
        return ClaimsYamlFile.from_parent(parent, path=file_path)
    return None


class ClaimFailed(Exception):
    """Raised by an item whose verdict differs from its `expect`."""


class ClaimsYamlFile(pytest.File):
    def collect(self):
        settings = self.config.stash[_SETTINGS]
        # pytest makes a node for every file of a folder it walks; only the ones it collects count as checked
        self.config.stash.setdefault(_COLLECTED, set()).add(self.path.resolve())
        if hasattr(self.config, "workeroutput"):     # an xdist worker: tell the controller, even if -k deselects all
            self.config.workeroutput.setdefault("verifier_collected", []).append(str(self.path.resolve()))
        allow_outside = self.config.getoption("claims_allow_outside") or settings.allow_outside
        try:
            cache = _figure_cache(self.config, self.path)
            claims_file = load_claims(self.path, allow_outside=allow_outside, cache=cache)
        except VerifierError as exc:
            yield BrokenFileItem.from_parent(self, name="claims-file", error=exc)
            return
        import warnings
        for warning in claims_file.warnings:      # look-alike source ids, at their line in the claims file
            loc = warning.location
            warnings.warn_explicit(ClaimsFileWarning(shown(str(warning))), ClaimsFileWarning,
                                   filename=str(self.path), lineno=getattr(loc, "line", 0) or 0)
        strict_lang = self.config.getoption("claims_strict_lang") or settings.strict_lang
        library = SourceLibrary(claims_file, cache=cache, strict_lang=strict_lang)
        glossary = glossary_for(claims_file)
        xdist = self.config.pluginmanager.hasplugin("xdist")
        # grouped by source (in order of first appearance), so one source is read and held at a time
        for claim in (claims_file.claims[i] for _, positions in groups(claims_file.claims) for i in positions):
            item = ClaimItem.from_parent(self, name=escape_chars(claim.id), claim=claim, library=library, glossary=glossary)
            # -k selects by source id and expected verdict too: `pytest -k jiemian`, `-k contradicted`
            item.extra_keyword_matches.update(k for k in (claim.source, claim.expect) if k)
            if claim.skip and claim.error is None:     # reported as skipped, with its reason, never run
                where = f"{_shown(self.path, self.config.rootpath)}:{claim.loc.line}"
                item.add_marker(pytest.mark.skip(reason=shown(f"claim {claim.id} ({where}): {claim.skip}")))
                item.user_properties += [("verdict", "skipped"), ("skipped", f"{claim.id}\t{where}\t{claim.skip}")]
            if xdist:     # with `--dist loadgroup`, one worker reads each source
                item.add_marker(pytest.mark.xdist_group(claim.source or "no-source"))
            yield item
        pair_item = _pair_item_class()
        if pair_item is not None:
            for pair in claims_file.pairs:
                yield pair_item.from_parent(self, name=escape_chars(pair.id), pair=pair, library=library, glossary=glossary)


def warn_of_sources(item, source_ids) -> None:
    """Each source's warning (a `lang:` its text contradicts) once per run, at the `lang:` key's line."""
    told = item.config.stash.setdefault(_TOLD, set())
    for source_id in source_ids:
        warning = item.library.warnings.get(source_id)
        if warning is None or (item.path, source_id) in told:
            continue
        told.add((item.path, source_id))
        import warnings        # pytest shows the place and the line: the message says the rest
        text = VerifierError(None, warning.problem.removeprefix("warning: "), **{**warning.fields(), "excerpt": ""})
        warnings.warn_explicit(SourceLangWarning(shown(str(text))), SourceLangWarning, filename=str(item.path),
                               lineno=getattr(warning.location, "line", 0) or 0, module="verifier.claims")


def pytest_runtest_teardown(item, nextitem):
    """Release each source the next item does not use: items come grouped by source, so, as in the CLI, one
    source's text and figures are in memory at a time (a source needed again later is read again, from the
    figure cache)."""
    library = getattr(item, "library", None)
    if not isinstance(library, SourceLibrary):
        return
    keep = _sources(nextitem) if getattr(nextitem, "library", None) is library else set()
    for source_id in _sources(item) - keep:
        library.release(source_id)


def _sources(item) -> set[str]:
    """The source ids a claim or pair item reads."""
    claim, pair = getattr(item, "claim", None), getattr(item, "pair", None)
    return {claim.source} if claim is not None else {pair.en, pair.zh} if pair is not None else set()


def _figure_cache(config, path):
    folder = config.stash[_SETTINGS].cache_folder(path, no_cache=config.getoption("claims_no_cache"))
    if folder is None:
        return None
    from ..document.cache import FigureCache
    return FigureCache(folder)


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
            text = shown(str(excinfo.value))
            return with_summary_line(self, text, _summary_line(text, place=True), _summary_line(text))
        return super().repr_failure(excinfo, style)


def with_summary_line(item, text: str, line: str, tb_line: str = ""):
    """The whole failure text for the FAILURES section, and `line` as what pytest's short test summary, --tb=line
    and JUnit XML's `message` say of it (under CI pytest prints the short summary untrimmed: a plain string would
    be printed there whole, a second time); `tb_line`, if given, what --tb=line says after the place it puts in
    front. Built from pytest's report classes, so pytest-xdist carries it."""
    from _pytest._code.code import ReprEntryNative, ReprExceptionInfo, ReprFileLocation, ReprTraceback

    _, lineno, _ = item.reportinfo()
    where = item.nodeid.split("::", 1)[0]
    crash = ReprFileLocation(where, (lineno or 0) + 1, line)
    if item.config.getoption("tbstyle", "auto") == "line":
        crash = ReprFileLocation(where, (lineno or 0) + 1, tb_line or line)
        return ReprExceptionInfo(reprtraceback=ReprTraceback([], None, "line"), reprcrash=crash)
    entry = ReprEntryNative([text if text.endswith("\n") else text + "\n"])
    return ReprExceptionInfo(reprtraceback=ReprTraceback([entry], None, "native"), reprcrash=crash)


def _summary_line(text: str, place: bool = False) -> str:
    """`claim a  expected supported, got contradicted: source says 97%, claim says 95%`: a claim's failure in one
    line; its place (claims.yaml:5) kept if `place`, else left to what pytest puts in front (--tb=line)."""
    first = text.split("\n", 1)[0]
    if not place:
        first = re.sub(r"^((?:claim|pair) \S+) \([^()]*:\d+\)", r"\1", first)   # the place is said once, in front
        first = re.sub(r"^\S+:\d+(?::\d+)?: ", "", first)
    rest = text.split("\n")[1:]
    why = next((row.split("why:", 1)[1].strip() for row in rest if row.strip().startswith("why:")), "")
    error = next((row for row in rest if row and not row[0].isspace()), "")     # below the claim's own lines
    if not why and first.endswith("got error") and error:
        why = re.sub(r"^\S+:\d+(?::\d+)?: ", "", error)                      # the error's own problem
    return first + (f": {why}" if why else "")


class ClaimItem(_ShortFailure):
    def __init__(self, *, claim, library, glossary, **kwargs):
        super().__init__(**kwargs)
        self.claim = claim
        self.library = library
        self.glossary = glossary

    def runtest(self):
        result = check_one(self.claim, self.library, self.glossary)
        warn_of_sources(self, (self.claim.source,))
        self.user_properties.append(("verdict", result.verdict))
        if self.claim.stub and result.verdict != "error":
            where = f"{_shown(self.path, self.config.rootpath)}:{self.claim.loc.line}"
            self.user_properties.append(("stub", f"{self.claim.id}\t{where}"))    # counted in the summary, xdist too
            import warnings
            warnings.warn_explicit(ClaimStubWarning(
                f"claim {shown(self.claim.id)} ({where}) is a stub: `claim:` is empty; write the statement its "
                f"figure supports"), ClaimStubWarning, filename=str(self.path), lineno=self.claim.loc.line,
                module="verifier.claims")
        if not result.passed:
            raise ClaimFailed(failure_text(result))
        hedges = hedge_notes(result)
        if hedges:
            text = f"claim {result.claim_id} ({result.location}): " + "; ".join(hedges)
            if self.config.getoption("claims_strict_qualifiers") or self.config.stash[_SETTINGS].strict_qualifiers:
                raise ClaimFailed(strict_failure_text(result))
            import warnings       # reported at the claim's line in the claims file, not at this module's
            warnings.warn_explicit(DroppedHedgeWarning(text), DroppedHedgeWarning, filename=str(self.path),
                                   lineno=self.claim.loc.line, module="verifier.claims")

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
    """Counts verdicts from reports (not items), so xdist workers' results count too; and says which
    claims files the run left out."""

    def __init__(self, config, settings):
        self.counts = Counter()
        self.config = config
        self.settings = settings
        self.missed: list = []
        self.seen_files: set = set()
        self.stubs: list[tuple[str, str]] = []        # (claim id, claims.yaml:LINE) of claims with an empty `claim:`
        self.skipped: list[list[str]] = []            # [claim id, claims.yaml:LINE, reason] of claims `skip:` kept

    def pytest_collectreport(self, report):
        self.seen_files.add(report.nodeid.split("::", 1)[0])

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node, error):
        """xdist: a worker's collected claims files (its items may all be deselected, so no report names them)."""
        for path in getattr(node, "workeroutput", {}).get("verifier_collected", ()):
            self.config.stash.setdefault(_COLLECTED, set()).add(Path(path))

    def pytest_sessionfinish(self, session):
        if (self.stubs and not hasattr(self.config, "workerinput") and self.settings.fail_stubs()
                and session.exitstatus == 0):
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if (hasattr(self.config, "workerinput") or self.settings.collect_check == "off" or session.shouldstop
                or session.shouldfail or session.exitstatus not in (0, 1, 5) or not _whole_run(self.config)):
            return
        self.missed = [path for path in self.settings.claims_files() if not self._collected(path)]
        if self.missed and self.settings.fail_uncollected() and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def _collected(self, path) -> bool:
        if path.resolve() in self.config.stash.get(_COLLECTED, set()):
            return True
        try:            # under xdist the workers collect: their collect reports name the file
            rel = path.resolve().relative_to(self.config.rootpath.resolve()).as_posix()
        except ValueError:
            return False
        return rel in self.seen_files

    def pytest_runtest_logreport(self, report):
        self.seen_files.add(report.nodeid.split("::", 1)[0])
        if report.when == "call" or (report.when == "setup" and report.skipped):     # skip marks end at setup
            for key, value in report.user_properties:
                if key == "verdict":
                    self.counts[value] += 1
                elif key == "stub":
                    self.stubs.append(tuple(value.split("\t", 1)))
                elif key == "skipped":
                    self.skipped.append(value.split("\t", 2))

    def pytest_terminal_summary(self, terminalreporter):
        if self.missed:
            self._warn_missed(terminalreporter)
            self._count_missed(terminalreporter)
        if self.stubs:
            fails = self.settings.fail_stubs()
            if fails:
                terminalreporter.write_sep("=", "verifier: claim stubs", red=True, bold=True)
            terminalreporter.write_line("verifier: " + stub_failure_text(self.stubs, fails), red=fails, yellow=not fails)
        for claim_id, where, reason in self.skipped[:MAX_SKIPPED_SHOWN]:     # listed, never silently dropped
            terminalreporter.write_line(shown(f"verifier: skipped: {claim_id} ({where}): {reason}"), yellow=True)
        if len(self.skipped) > MAX_SKIPPED_SHOWN:
            terminalreporter.write_line(f"verifier: … and {len(self.skipped) - MAX_SKIPPED_SHOWN} more skipped "
                                        f"claims (pytest -rs lists them all)", yellow=True)
        if not self.counts:
            return
        c = self.counts
        parts = [f"{c['supported']} supported", f"{c['contradicted']} contradicted", f"{c['not_found']} not found"]
        parts += [f"{c[extra]} {extra}" for extra in ("stale", "error", "skipped") if c[extra]]
        terminalreporter.write_line("verifier: " + ", ".join(parts))

    def _warn_missed(self, terminalreporter):
        fails = self.settings.fail_uncollected()
        names = ", ".join(_shown(p, self.config.rootpath) for p in self.missed[:5])
        more = f" and {len(self.missed) - 5} more" if len(self.missed) > 5 else ""
        terminalreporter.write_sep("=", "verifier: claims files NOT checked", red=True, bold=True)
        terminalreporter.write_line(
            f"verifier: {len(self.missed)} claims file(s) were not collected by this run: {names}{more}\n"
            f"  why:  pytest's testpaths or arguments leave them out, so none of their claims ran\n"
            f"  fix:  add them to testpaths, e.g. testpaths = [\"tests\", \"claims.yaml\"], or run `pytest {names.split(', ')[0]}`\n"
            + ("  this fails the run under CI (CI is set); [tool.verifier] collect_check = \"warn\" only warns"
               if fails else "  under CI (CI=true) this fails the run; [tool.verifier] collect_check = \"off\" silences it"),
            red=fails, yellow=not fails)

    def _count_missed(self, terminalreporter):
        """pytest's own closing lines say it too, so `1 passed` never reads as green: under CI an ERROR in the
        short test summary and `1 passed, 1 error` in red; else `1 passed, 1 claims file not checked` in yellow.
        (pytest prints both after this hook, from its `stats`.)"""
        first = _shown(self.missed[0], self.config.rootpath)
        more = f" (and {len(self.missed) - 1} more claims files)" if len(self.missed) > 1 else ""
        if self.settings.fail_uncollected():
            message = (f"claims file not collected by this run, so none of its claims were checked{more}: "
                       f"add it to testpaths (testpaths = [\"tests\", \"{first}\"]) or run `pytest {first}`")
            report = pytest.CollectReport(first, "failed", message, [])
            terminalreporter.stats.setdefault("error", []).append(report)
        else:
            key = "claims file not checked" if len(self.missed) == 1 else "claims files not checked"
            terminalreporter.stats.setdefault(key, []).extend(       # reports, as other plugins read every entry
                pytest.CollectReport(_shown(path, self.config.rootpath), "passed", None, []) for path in self.missed)


MAX_SKIPPED_SHOWN = 20


def _whole_run(config) -> bool:
    """A run over the project (no arguments, testpaths, or folders), not one aimed at chosen files or tests."""
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        return True
    base = config.invocation_params.dir
    return bool(config.args) and all("::" not in a and (base / a).is_dir() for a in config.args)


def _shown(path, root) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
