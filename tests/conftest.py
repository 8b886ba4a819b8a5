import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

# The figure cache and its key live in the user's folders (#13): keep test runs out of the real ones.
# The workers of one pytest-xdist run share one such home, as one process's tests do: each worker would
# otherwise build CC-CEDICT's compact form and read every seed afresh (the cache's writes are atomic and its
# key is made once, so workers may share it; tests that need an empty cache make their own).
# The process that makes a home removes it when it exits, so runs leave no folders behind in the temp folder.
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")
if "XDG_CACHE_HOME" in os.environ and "XDG_CONFIG_HOME" in os.environ:
    _HOME = ""                               # a worker: the controller's home, inherited
elif _RUN.isalnum():
    _HOME = os.path.join(tempfile.gettempdir(), f"verifier-test-home-{_RUN}")
    os.makedirs(_HOME, mode=0o700, exist_ok=True)
else:
    _HOME = tempfile.mkdtemp(prefix="verifier-test-home-")
if _HOME:
    os.environ.setdefault("XDG_CACHE_HOME", os.path.join(_HOME, "cache"))
    os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(_HOME, "config"))
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        import atexit
        import shutil
        atexit.register(shutil.rmtree, _HOME, True)

# CC-CEDICT's compact form is built once per run (#16): every test process reads it from that shared cache
# (the lexicon keeps its compact form in the first cache a process names), never from whichever test's own
# cache came first, so a worker builds it only if no process of the run has yet.
from verifier.document import cache as _cache, lexicon as _lexicon  # noqa: E402

_lexicon.keep_in(_cache.FigureCache(_cache.default_dir()))


_BUILDERS: list = []
_BUILD = "from verifier.document import cache, lexicon; lexicon.store_in(cache.FigureCache(cache.default_dir()))"


def pytest_configure(config):
    """A whole-suite run (pytest's testpaths; one process, or xdist's controller, whose workers share its cache
    home) starts building CC-CEDICT's compact form into the run's shared cache at once, in a process of its own
    beside collection: the first tests to need it then read it. A test that needs it sooner builds it as before,
    so no result depends on which comes first."""
    if hasattr(config, "workerinput") or config.args_source is not pytest.Config.ArgsSource.TESTPATHS:
        return
    if _cache.FigureCache(_cache.default_dir())._side_path("lexicon", _lexicon._entry_name()).exists():
        return
    _BUILDERS.append(subprocess.Popen([sys.executable, "-c", _BUILD], env=os.environ.copy(),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))


def pytest_unconfigure(config):
    for builder in _BUILDERS:
        if builder.poll() is None:
            builder.terminate()
        builder.wait()


def seed_lexicon(cache_dir) -> None:
    """Give a fresh cache folder CC-CEDICT's compact form, and nothing else: a run there (or a worker it
    spawns) extracts every figure afresh but reads the dictionary in milliseconds instead of building it."""
    assert _lexicon.store_in(_cache.FigureCache(cache_dir))


# A pytest run in a subprocess loads every installed plugin: hypothesis's costs half a second and more per process
# (pytest rewrites its asserts afresh wherever bytecode is not written), and no child run of these tests uses it.
CHILD_PYTEST = ("-p", "no:hypothesispytest")


def rows_run_here(request, name: str | None = None) -> list[dict]:
    """The parameters of each row of a test function of the requesting module (the requesting test, unless
    `name` is given) that this process will run: every selected row in a plain run; under pytest-xdist, whose
    workers are dealt rows as they go, the requesting test's own row, or none to a module's fixture. A table
    whose rows each wait on subprocesses uses it to start them all at once, side by side."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return [request.node.callspec.params] if name is None else []
    name = name or request.node.originalname
    return [item.callspec.params for item in request.session.items
            if getattr(item, "module", None) is request.module and getattr(item, "originalname", None) == name]


# The first 21 lines of a seed article: they hold the figures of the small CLI and plugin tests' claims, and
# reading no more keeps each run quick.
SEED_LINES = "".join((Path(__file__).resolve().parents[1] / "seeds" / "003_d8845f575fbdae67.txt")
                     .read_text(encoding="utf-8").splitlines(keepends=True)[:21])


def one_claim_verdict(tmp_path, text: str, claim: str, figure: str):
    """The Result of one claim (claim text, figure) about `text`, written as a one-source claims file; the
    source's language is Chinese unless the text is ASCII."""
    from verifier.check.run import check_all
    from verifier.claimsfile.claims import load_claims
    (tmp_path / "s.md").write_text(text, encoding="utf-8")
    lang = "en" if text.isascii() else "zh"
    (tmp_path / "claims.yaml").write_text(
        f"version: 1\nsources: {{s: {{path: s.md, lang: {lang}}}}}\nclaims:\n"
        f"  - id: c\n    claim: \"{claim}\"\n    source: s\n    figure: \"{figure}\"\n", encoding="utf-8")
    (result,) = check_all(load_claims(tmp_path / "claims.yaml"))
    return result
