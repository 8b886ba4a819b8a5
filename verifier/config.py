"""`[tool.verifier]` in pyproject.toml: one source of truth for the CLI and the pytest plugin.

    [tool.verifier]
    claims = ["claims.yaml", "claims/*.yaml", "articles/**/*-claims.yaml"]   # which files are claims files
    allow_outside = true          # sources may live outside the claims file's folder
    source_roots = ["sources"]    # or only in these folders (relative to pyproject.toml), besides the claims file's
    cache_dir = ".verifier-cache" # or cache = false
    strict_qualifiers = true      # a dropped hedge (50,000 for 接近5万) fails
    strict_lang = true            # a source whose letters contradict its `lang:` is an error, not a warning
    root = "."                    # SARIF/annotation paths are relative to this (default: git top level)
    collect_check = "warn"        # claims files pytest does not collect: "fail" (default under CI), "warn", "off"
    stub_check = "warn"           # claims with an empty `claim:` (suggest --write stubs): "fail" (default under CI), "warn"
    fail_on = "medium"            # bilingual audit: medium findings fail too (default "high")

Keys may be spelled with `-` or `_` (`allow-outside`, `claims-allow-outside` too). Unknown keys are an error
with a hint, so a typo never silently does nothing. Every run names the file its settings came from
(origin_line): the CLI's report, pytest's header and `verifier config`.
"""
from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Location, VerifierError

DEFAULT_GLOBS = ("claims.yaml", "claims.yml", "**/claims.yaml", "**/claims.yml", "**/claims/*.yaml",
                 "**/claims/*.yml")
# Folders no claims file of the project lives in: virtualenvs, dependencies, vendored code, caches, builds.
SKIP_DIRS = frozenset({"node_modules", "vendor", "vendored", "third_party", "site-packages", "__pycache__",
                       "build", "dist", "venv", "env", "htmlcov"})
_ALIASES = {"claims_allow_outside": "allow_outside", "claims_files": "claims", "no_cache": "cache"}
_KEYS = ("claims", "allow_outside", "source_roots", "cache", "cache_dir", "strict_qualifiers", "strict_lang", "root", "collect_check",
         "stub_check", "skip", "fail_on")
KEYS = _KEYS               # every key of [tool.verifier], in the order `verifier config` lists them


@dataclass(frozen=True)
class Config:
    base: Path                                  # the folder of pyproject.toml (or the start folder)
    claims: tuple[str, ...] = DEFAULT_GLOBS
    allow_outside: bool = False
    source_roots: tuple[str, ...] = ()          # folders (relative to base) any claims file's sources may be in
    cache: bool = True
    cache_dir: str | None = None
    strict_qualifiers: bool = False
    strict_lang: bool = False
    root: str | None = None
    collect_check: str | None = None            # None: fail under CI, else warn
    stub_check: str | None = None               # None: fail under CI, else warn
    skip: tuple[str, ...] = ()
    fail_on: str = "high"                       # least audit confidence that fails a pair
    path: Path | None = None                    # the pyproject.toml read, if any
    explicit: frozenset = field(default_factory=frozenset)   # keys the file set
    table: bool = False                         # the pyproject.toml has a [tool.verifier] table

    @property
    def source(self) -> Path | None:
        """The pyproject.toml whose [tool.verifier] these settings come from; None when they are the defaults."""
        return self.path if self.table else None

    def is_claims_file(self, path: Path) -> bool:
        """Whether `path` matches one of the claims globs (relative to base) and lies in no skipped folder."""
        try:       # the file's own link is not followed: a link out of the project is collected, then refused
            rel = (path.parent.resolve() / path.name).relative_to(self.base.resolve())
        except ValueError:
            return False
        if skipped(rel, self.skip):
            return False
        posix = rel.as_posix()
        return any(_glob_match(posix, pattern) for pattern in self.claims)

    def claims_files(self, limit: int = 20_000) -> list[Path]:
        """Every claims file under base, walking at most `limit` entries and no skipped folder."""
        found, seen = [], 0
        for folder, dirs, files in os.walk(self.base):
            rel_folder = Path(folder).relative_to(self.base)
            dirs[:] = sorted(d for d in dirs if not skipped(rel_folder / d, self.skip, folder=True)
                             and not (Path(folder) / d / "pyvenv.cfg").exists())
            for name in sorted(files):
                seen += 1
                path = Path(folder) / name
                if name.endswith((".yaml", ".yml")) and self.is_claims_file(path):
                    found.append(path)
            if seen > limit:
                break
        return found

    def cache_folder(self, claims_path, *, no_cache: bool = False, given: str | None = None):
        """The figure cache folder: --cache-dir, $VERIFIER_CACHE_DIR, cache_dir here, else next to the claims file."""
        if no_cache or not self.cache:
            return None
        if given or os.environ.get("VERIFIER_CACHE_DIR") or not self.cache_dir:
            from .document.cache import default_dir
            return Path(given) if given else default_dir(claims_path)
        return self.base / self.cache_dir

    def source_root_paths(self) -> tuple[Path, ...]:
        """The folders of `source_roots`, resolved: a source under one is no source outside the project."""
        return tuple((self.base / root).resolve() for root in self.source_roots)

    def fail_uncollected(self, env=None) -> bool:
        mode = self.collect_check or ("fail" if in_ci(env) else "warn")
        return mode == "fail"

    def fail_stubs(self, env=None) -> bool:
        """Whether claims with an empty `claim:` fail the run (stub_check, else: under CI)."""
        mode = self.stub_check or ("fail" if in_ci(env) else "warn")
        return mode == "fail"


def skipped(rel: Path, extra=(), folder: bool = False) -> bool:
    """Hidden, virtualenv, dependency and vendored folders; editor and `suggest` temp files (.x.yaml.suggest-1.yaml)."""
    parts = rel.parts if folder else rel.parts[:-1]
    for part in parts:
        if part.startswith(".") or part in SKIP_DIRS or part in extra or part.endswith(".egg-info"):
            return True
    if not folder and rel.parts:
        name = rel.parts[-1]
        return name.startswith((".", "~")) or ".suggest-" in name or name.endswith(("~", ".tmp", ".swp"))
    return False


def _glob_match(posix: str, pattern: str) -> bool:
    pattern = pattern.strip("/")
    if fnmatch.fnmatchcase(posix, pattern):
        return True
    # '**/' also matches no folder at all; '*' must not cross '/'
    if pattern.startswith("**/") and _glob_match(posix, pattern[3:]):
        return True
    return Path(posix).match(pattern) and pattern.count("/") == posix.count("/")


def in_ci(env=None) -> bool:
    value = (os.environ if env is None else env).get("CI", "")
    return value.strip().lower() not in ("", "0", "false", "no")


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start`, stopping at a git root."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load(start: str | Path = ".") -> Config:
    """The configuration for a run started in `start` (a folder, or a file in it)."""
    start = Path(start)
    folder = start if start.is_dir() else start.parent
    pyproject = find_pyproject(folder if str(folder) else Path("."))
    if pyproject is None:
        return Config(base=Path(folder or ".").resolve())
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise VerifierError(Location(str(pyproject)), "cannot read pyproject.toml", found=str(exc),
                            hint="fix the TOML syntax; [tool.verifier] is read from it") from None
    tool = data.get("tool", {})
    return from_table(tool.get("verifier", {}), pyproject, table_given=isinstance(tool, dict) and "verifier" in tool)


def from_table(table: dict, pyproject: Path, *, table_given: bool = True) -> Config:
    where = Location(str(pyproject))
    if not isinstance(table, dict):
        raise VerifierError(where, "[tool.verifier] must be a table", found=type(table).__name__)
    values: dict = {}
    for raw, value in table.items():
        key = raw.replace("-", "_")
        key = _ALIASES.get(key, key)
        if key not in _KEYS:
            import difflib
            close = difflib.get_close_matches(key, _KEYS, n=1)
            raise VerifierError(where, f"unknown key {raw!r} in [tool.verifier]", expected=", ".join(_KEYS),
                                hint=f"did you mean {close[0]!r}?" if close else "see the README, section pytest")
        if raw.replace("-", "_") == "no_cache":
            value = not value
        values[key] = value
    _check_types(values, where)
    if isinstance(values.get("claims"), str):
        values["claims"] = (values["claims"],)
    if isinstance(values.get("cache"), str):         # cache = ".cache/verifier" names the folder
        values["cache_dir"], values["cache"] = values["cache"], True
    if isinstance(values.get("source_roots"), str):
        values["source_roots"] = (values["source_roots"],)
    for key in ("claims", "skip", "source_roots"):
        if key in values:
            values[key] = tuple(values[key])
    return Config(base=pyproject.parent.resolve(), path=pyproject, explicit=frozenset(values), table=table_given,
                  **values)


def origin_line(source: str | None) -> str:
    """The line a run prints about its settings: `source` is the pyproject.toml read (as shown), None for
    the defaults. One wording for the CLI's report, its JSON's projection and pytest's header."""
    if source:
        return f"verifier: config from {source} [tool.verifier]"
    return "verifier: config: defaults (no pyproject.toml with [tool.verifier] found)"


def shown_path(path: Path | None, start: Path | None = None) -> str | None:
    """`path` relative to `start` (default: the working directory) when it lies below it, else absolute."""
    if path is None:
        return None
    start = (start or Path.cwd()).resolve()
    full = path.resolve()
    try:
        return full.relative_to(start).as_posix()
    except ValueError:
        return str(full)


_TYPES = {"claims": (list, str), "allow_outside": bool, "source_roots": (list, str), "cache": (bool, str), "cache_dir": str,
          "strict_qualifiers": bool, "strict_lang": bool, "root": str, "collect_check": str, "stub_check": str, "skip": list,
          "fail_on": str}


def _check_types(values: dict, where: Location) -> None:
    for key, value in values.items():
        if not isinstance(value, _TYPES[key]):
            raise VerifierError(where, f"[tool.verifier] {key} has the wrong type", found=repr(value),
                                expected=_expected(key))
        if key in ("claims", "skip", "source_roots") and isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise VerifierError(where, f"[tool.verifier] {key} must list strings", found=repr(value),
                                expected=_expected(key))
    if values.get("collect_check") not in (None, "fail", "warn", "off"):
        raise VerifierError(where, "[tool.verifier] collect_check must be fail, warn or off",
                            found=repr(values["collect_check"]), expected='"fail", "warn" or "off"')
    if values.get("stub_check") not in (None, "fail", "warn"):
        raise VerifierError(where, "[tool.verifier] stub_check must be fail or warn",
                            found=repr(values["stub_check"]), expected='"fail" or "warn"')
    if values.get("fail_on") not in (None, "high", "medium"):
        raise VerifierError(where, "[tool.verifier] fail_on must be high or medium",
                            found=repr(values["fail_on"]), expected='"high" (default) or "medium"')


def _expected(key: str) -> str:
    return {"claims": 'a list of globs, e.g. ["claims.yaml", "claims/*.yaml"]', "skip": "a list of folder names",
            "source_roots": 'a list of folders, e.g. ["sources"]',
            "cache": "true, false or a folder", "allow_outside": "true or false",
            "strict_qualifiers": "true or false", "strict_lang": "true or false"}.get(key, "a string")
