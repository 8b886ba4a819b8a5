"""claims.yaml: the public interface, read into frozen specs with locations.

Whole-file problems (syntax, top-level shape) raise ClaimsFileError. A problem
inside one claim or one source is attached to the claims it touches
(`Claim.error`), so every other claim still runs and pytest fails only the
items that are wrong.
"""
from __future__ import annotations

import codecs
import gc
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ClaimsFileError, Location, VerifierError, excerpt_with_caret
from ..document import memo
from ..document.memo import find_figures, parse_figure
from ..numbers import FigureError
from ..numbers.figure import Figure
from ..numbers.lexicon import UNCONVERTED_UNITS
from ..numbers.patterns import VERSION
from ..numbers.ranks import parse_rank
from .schema import did_you_mean, known_valid, remember_valid, schema_problems, unknown_key_hint
from .yamltree import Map, Scalar, Seq, read_tree

VERDICTS = ("supported", "contradicted", "not_found")
LANGS = ("en", "zh")
TOP_KEYS = ("version", "sources", "pairs", "claims", "glossary")
SOURCE_KEYS = ("path", "lang", "title")
PAIR_KEYS = ("en", "zh", "accept", "fail_on", "summary")
ACCEPT_KEYS = ("en", "zh", "reason")
CLAIM_KEYS = ("id", "claim", "source", "figure", "figures", "near", "quote", "expect", "note", "skip")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


@dataclass(frozen=True)
class SourceSpec:
    id: str
    path: Path
    lang: str
    loc: Location
    error: VerifierError | None = None
    lang_loc: Location | None = None     # the `lang:` key, where a warning about it points
    lang_excerpt: str = ""               # its line, with a caret under the key


@dataclass(frozen=True)
class Accepted:
    """A known, explained difference between the two accounts of a pair."""

    en: str
    zh: str
    reason: str
    loc: Location


@dataclass(frozen=True)
class PairSpec:
    en: str
    zh: str
    loc: Location
    accepted: tuple[Accepted, ...] = ()
    error: VerifierError | None = None
    fail_on: str = ""          # '' leaves it to --fail-on / [tool.verifier] fail_on (default high)
    summary: str = ""          # 'en' or 'zh': that account summarises the other, so what it leaves out is no finding

    @property
    def id(self) -> str:
        return f"pair:{self.en}~{self.zh}"


@dataclass(frozen=True)
class Claim:
    id: str
    claim: str
    source: str
    figures: tuple[str, ...]
    parsed: tuple[Figure, ...]
    near: tuple[str, ...]
    quote: str
    expect: str
    loc: Location
    note: str = ""
    error: VerifierError | None = None
    # `claim:` is written but empty (`claim: # TODO`, as `suggest --write` leaves it): a stub a person must finish.
    # A claim with no `claim:` key at all is a figure-only check, not a stub.
    stub: bool = False
    skip: str = ""           # `skip: "reason"`: not checked; every report lists it as skipped, with the reason


@dataclass(frozen=True)
class ClaimsFile:
    path: Path
    version: int
    sources: dict
    pairs: tuple[PairSpec, ...]
    claims: tuple[Claim, ...]
    glossary: dict = field(default_factory=dict)
    warnings: tuple = ()         # VerifierError-shaped notes that do not stop the check (look-alike ids)

    @property
    def errors(self) -> list[VerifierError]:
        """Every claim- or pair-level problem, once each, in file order."""
        seen, out = set(), []
        for item in (*self.claims, *self.pairs):
            if item.error is not None and id(item.error) not in seen:
                seen.add(id(item.error))
                out.append(item.error)
        return out


def load_claims(path: str | Path, *, allow_outside: bool = False, cache=None) -> ClaimsFile:
    """Read and validate a claims file; raise ClaimsFileError if it is unusable.

    The garbage collector is paused meanwhile: reading 10,000 claims makes objects that all live, and
    each collector pass would walk all of them again (the CLI and the pytest plugin both load this way).
    With a figure cache (document.cache.FigureCache), the engine's readings of the claims' own texts come
    from there when they were kept by an earlier run (document.memo), and are kept for the next."""
    path = Path(path)
    shown = _display_path(path)
    if not allow_outside:
        _refuse_link_out(path, shown)
    text = _read_text(path, shown)
    enabled = gc.isenabled()
    gc.disable()
    try:
        with memo.kept(cache, path):
            claims_file = _Reader(path, shown, text, allow_outside, cache).read()
            _read_ahead(claims_file)
        return claims_file
    finally:
        if enabled:
            gc.enable()


def _read_ahead(claims_file: ClaimsFile) -> None:
    """The readings a check asks for besides the ones loading made (each claim's sentence and figure strings as
    running text, the values of accepted differences), taken now so that the cache keeps them too."""
    texts = [text for claim in claims_file.claims if claim.error is None for text in (claim.claim, *claim.figures)]
    accepted = [text for pair in claims_file.pairs for a in pair.accepted for text in (a.en, a.zh) if text]
    for read, batch in ((find_figures, texts), (parse_figure, accepted)):
        for text in batch:
            try:
                read(text)
            except Exception:      # noqa: BLE001 - refused or unreadable: the check meets it and says so
                pass


MAX_CLAIMS_BYTES = 16 * 1024 * 1024   # a claims file of 100,000 lines is ~3 MB


# Format characters (soft hyphen, zero-width, bidi marks) are invisible: `9\u00ad7%` shows as 97%.
_FORMAT_CHARS = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_NOT = re.compile(r"(?<![A-Za-z])not(?![A-Za-z])", re.IGNORECASE)


# Scripts whose letters look alike (о/o, α/a, Ａ/A); Latin beside CJK is an honest id (qbitai-会议).
_LOOKALIKE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC", "FULLWIDTH"}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "?").split()[0] if ch.isalpha() else ""
    return name if name in _LOOKALIKE_SCRIPTS else ""


def lookalike_warning(sid: str, loc: Location) -> VerifierError | None:
    """A warning for an id whose letters come from more than one script: `tmtpоst` with a Cyrillic о looks
    like `tmtpost` but is another id, so a claim naming the one a reader sees may not be checked against it."""
    scripts = {}
    for ch in sid:
        if _script(ch):
            scripts.setdefault(_script(ch), ch)
    if len(scripts) < 2:
        return None
    main_script = max(scripts, key=lambda sc: sum(_script(c) == sc for c in sid))
    odd = [f"{c!r} U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in dict.fromkeys(sid)
           if _script(c) and _script(c) != main_script]
    return VerifierError(loc, f"warning: source id {sid!r} mixes scripts ({', '.join(sorted(scripts))})",
                         found=", ".join(odd[:5]), expected=f"letters of one script ({main_script})",
                         hint="retype the id: a letter from another script looks the same but is a different id")


# Unit abbreviations the engine does not read: a figure ending in one would be compared without it.
_UNREAD_UNITS = frozenset(unit.lower() for unit in UNCONVERTED_UNITS)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|[\u3400-\u9fff]+|\S")
_IGNORED = set(",.;:!?()[]（），。；：！？、\"'“”‘’")


def unread_part(text: str, figure: Figure) -> str:
    """What of a claim figure's words the engine did not read, where it may change the figure's meaning: a unit
    it does not know (`0.65元/Wh`, `500 nits`), a stray number or symbol. A counted noun (`5 nodes`, `30名员工`)
    and Chinese words are fine: they say what is counted, which the claim's words bind anyway. '' when whole."""
    tail = text[figure.end:]
    rest = text[:figure.start] + " " + (tail[1:] if re.match(r"-(?!ish\b)[A-Za-z]", tail) else tail)   # 10-core
    odd = []
    for token in _TOKEN.findall(rest):
        if token in _IGNORED or "\u3400" <= token[0] <= "\u9fff":
            continue
        if token[0].isalpha() and token.lower() not in _UNREAD_UNITS and len(token) >= 3 and (
                token.islower() or token.istitle() or re.fullmatch(r"[A-Z]{2,}s?", token)):
            continue                                   # a word: what is counted (nodes, GPUs, QPS), which the
            #                                            source's figure must count too (check/checking.py)
        odd.append(token)
    return "".join(odd) if odd else ""


def figure_text_problem(text: str) -> tuple[str, str, str] | None:
    """(found, expected, hint) when a claim figure holds a digit other than ASCII or full-width: `৪0%`
    looks like 80% but the engine reads 40%, so such a figure is refused, never guessed."""
    for i, ch in enumerate(text):
        if ch.isdigit() and not ("0" <= ch <= "9" or "\uff10" <= ch <= "\uff19"):
            name = unicodedata.name(ch, f"U+{ord(ch):04X}")
            value = unicodedata.digit(ch, None)
            reads = f", read as {value}" if value is not None else ""
            return (f"{ch!r} at character {i + 1}: U+{ord(ch):04X} {name}{reads}",
                    "digits 0-9 (or full-width ０-９)",
                    "retype the number with ASCII digits; a digit from another script can look like a different one")
    return None


def _refuse_link_out(path: Path, shown: str) -> None:
    """A claims file reached through a symlink must stay in the project (the current folder) or next to the
    link, like a source; refused unread, so none of its lines can reach an error message (#13)."""
    try:
        resolved = path.resolve()
        plain = Path(os.path.abspath(path))
    except (OSError, RuntimeError, ValueError):
        return                                          # _read_text reports it
    if resolved == plain:
        return
    homes = [Path.cwd().resolve()]
    try:
        homes.append(plain.parent.resolve())
    except (OSError, RuntimeError):
        pass
    if not any(resolved.is_relative_to(home) for home in homes):
        raise ClaimsFileError(Location(shown), "claims file is a symbolic link that leads outside the project",
                              found=f"{shown} -> {resolved}", expected=f"a file under {homes[0]}",
                              hint="copy the file into the project, or run with --allow-outside "
                                   "(--claims-allow-outside under pytest)")


def _display_path(path: Path) -> str:
    """The path as a person in the current folder would type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read_text(path: Path, shown: str) -> str:
    try:
        info = path.stat()
    except (OSError, ValueError) as exc:
        if isinstance(exc, FileNotFoundError) or not isinstance(exc, OSError):
            raise ClaimsFileError(Location(shown), "claims file not found",
                                  expected="a YAML file such as claims.yaml",
                                  hint="run `verifier init` to write a starter file, or pass its path") from None
        raise ClaimsFileError(Location(shown), "cannot open the claims file",
                              found=exc.strerror or type(exc).__name__, expected="a readable YAML file") from None
    if stat.S_ISDIR(info.st_mode):
        raise ClaimsFileError(Location(shown), "is a directory, not a claims file",
                              expected="a YAML file", hint="pass the path of the .yaml file")
    if not stat.S_ISREG(info.st_mode):
        raise ClaimsFileError(Location(shown), "is not a regular file",
                              found=_file_kind(info.st_mode), expected="a YAML file")
    if info.st_size > MAX_CLAIMS_BYTES:
        raise ClaimsFileError(Location(shown), "claims file is too large",
                              found=f"{info.st_size:,} bytes", expected=f"at most {MAX_CLAIMS_BYTES:,} bytes",
                              hint="split the claims over several files")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CLAIMS_BYTES + 1)
    except OSError as exc:
        raise ClaimsFileError(Location(shown), "cannot read the claims file",
                              found=exc.strerror or type(exc).__name__, expected="a readable YAML file") from None
    if len(data) > MAX_CLAIMS_BYTES:   # grew since stat
        raise ClaimsFileError(Location(shown), "claims file is too large",
                              expected=f"at most {MAX_CLAIMS_BYTES:,} bytes")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),   # before UTF-16:
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),   # FF FE starts both
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _not_utf8(data, shown, exc, encoding) from None
            break
    else:
        if b"\x00" in data:
            offset = data.index(b"\x00")
            line, col = _byte_line_col(data, offset)
            raise ClaimsFileError(Location(shown, line, col), "is binary, not YAML",
                                  found=f"a NUL byte at offset {offset}", expected="a UTF-8 text file",
                                  hint="pass the YAML claims file, not a binary or UTF-16 file without a BOM")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _not_utf8(data, shown, exc, "utf-8") from None
    if "\x00" in text:
        raise ClaimsFileError(Location(shown), "is binary, not YAML", found="NUL characters",
                              expected="a UTF-8 text file")
    return text


def _byte_line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset in text that may not decode."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    return line, len(data[line_start:offset].decode("utf-8", "replace")) + 1


def _not_utf8(data: bytes, shown: str, exc: UnicodeDecodeError, encoding: str) -> ClaimsFileError:
    line, col = _byte_line_col(data, exc.start) if encoding == "utf-8" else (0, 0)
    hint = "save the file as UTF-8"
    try:
        if encoding == "utf-8" and re.search("[\u3400-\u9fff]", data.decode("gb18030")):
            hint = "it looks like GBK/GB18030 Chinese text; save the file as UTF-8"
    except UnicodeDecodeError:
        pass
    name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
    return ClaimsFileError(Location(shown, line, col), f"is not valid {name}",
                           found=f"byte {data[exc.start]:#04x} at offset {exc.start}",
                           expected="UTF-8 text", hint=hint)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


class _Reader:
    """One pass over the located tree; collects per-claim errors as it goes."""

    def __init__(self, path: Path, shown: str, text: str, allow_outside: bool, cache=None):
        self.path, self.shown, self.text = path, shown, text
        self.cache = cache          # a figure cache: it may know this text passed the schema before
        self.base = path.resolve().parent
        self.allow_outside = allow_outside

    # -- helpers -----------------------------------------------------------
    def err(self, loc: Location, problem: str, **kw) -> VerifierError:
        return VerifierError(loc, problem, excerpt=excerpt_with_caret(self.text, loc.line, loc.col), **kw)

    def fatal(self, loc: Location, problem: str, **kw) -> ClaimsFileError:
        return ClaimsFileError(loc, problem, excerpt=excerpt_with_caret(self.text, loc.line, loc.col), **kw)

    def unknown_keys(self, node: Map, allowed, what: str):
        for key, (key_loc, _) in node.entries.items():
            if key not in allowed:
                return self.err(key_loc, f"unknown key {key!r} in {what}",
                                found=key, expected=", ".join(allowed), hint=unknown_key_hint(key, allowed))
        return None

    def string(self, node, where: str, *, required=True):
        """A non-empty string scalar, or an error describing what was there."""
        if isinstance(node, Scalar) and not node.is_null and node.text.strip():
            return node.text.strip(), None
        if not required and isinstance(node, Scalar) and node.is_null:
            return "", None
        return None, self.err(node.loc, f"{where} must be text",
                              found=node.describe(), expected="a non-empty string")

    def strings(self, node, where: str):
        """One string or a list of strings."""
        if isinstance(node, Scalar):
            value, error = self.string(node, where)
            return ((value,) if value else ()), error
        if isinstance(node, Seq):
            out = []
            for item in node.items:
                value, error = self.string(item, f"each item of {where}")
                if error:
                    return (), error
                out.append(value)
            return tuple(out), None
        return (), self.err(node.loc, f"{where} must be a string or a list of strings",
                            found=node.describe(), expected="e.g. [通义千问, 价格]")

    # -- the file ----------------------------------------------------------
    def read(self) -> ClaimsFile:
        root = read_tree(self.text, self.shown)
        if not isinstance(root, Map):
            raise self.fatal(root.loc, "the claims file must be a mapping",
                             found=root.describe(), expected="keys version, sources, claims",
                             hint="start the file with `version: 1`")
        for key, (key_loc, _) in root.entries.items():
            if key not in TOP_KEYS:
                raise self.fatal(key_loc, f"unknown top-level key {key!r}", found=key,
                                 expected=", ".join(TOP_KEYS), hint=did_you_mean(key, TOP_KEYS))
        version = self.version(root)
        sources = self.sources(root)
        glossary = self.glossary(root)
        pairs = self.pairs(root, sources)
        claims = self.claims(root, sources)
        sources, pairs, claims = self.schema_check(root, sources, pairs, claims)
        return ClaimsFile(self.path, version, sources, pairs, claims, glossary, tuple(self.warnings))

    def schema_check(self, root: Map, sources: dict, pairs: tuple, claims: tuple):
        """The shipped JSON Schema, checked with jsonschema after the rules above: where those found nothing
        but the schema does, its error (located) is the file's, source's, pair's or claim's error. A text the
        cache knows valid is not validated again (schema.known_valid)."""
        if known_valid(self.cache, self.path, self.text):
            return sources, pairs, claims
        problems = schema_problems(root)
        if not problems:
            remember_valid(self.cache, self.path, self.text)
        for problem in problems:
            error = self.err(problem.loc, problem.problem, found=problem.found, expected=problem.expected,
                             hint=problem.hint)
            section, key = problem.owner or (None, None)
            if section is None:
                raise self.fatal(problem.loc, problem.problem, found=problem.found, expected=problem.expected,
                                 hint=problem.hint)
            if section == "sources" and key in sources and sources[key].error is None:
                sources = {**sources, key: replace(sources[key], error=error)}
                claims = tuple(replace(c, error=error) if c.source == key and c.error is None else c for c in claims)
                pairs = tuple(replace(p, error=error) if key in (p.en, p.zh) and p.error is None else p for p in pairs)
            elif section == "pairs" and key < len(pairs) and pairs[key].error is None:
                pairs = pairs[:key] + (replace(pairs[key], error=error),) + pairs[key + 1:]
            elif section == "claims" and key < len(claims) and claims[key].error is None:
                claims = claims[:key] + (replace(claims[key], error=error),) + claims[key + 1:]
        return sources, pairs, claims

    def version(self, root: Map) -> int:
        if "version" not in root.entries:
            return 1
        node = root.entries["version"][1]
        if not (isinstance(node, Scalar) and node.text.strip() == "1"):
            raise self.fatal(node.loc, "unsupported version", found=node.describe(),
                             expected="version: 1")
        return 1

    def section(self, root: Map, key: str, kind, example: str):
        if key not in root.entries:
            return None
        node = root.entries[key][1]
        if isinstance(node, Scalar) and node.is_null:
            return None
        if not isinstance(node, kind):
            want = "a mapping" if kind is Map else "a list"
            raise self.fatal(node.loc, f"`{key}` must be {want}", found=node.describe(),
                             expected=f"{want}, e.g. {example}")
        return node

    def sources(self, root: Map) -> dict:
        self.warnings = []
        node = self.section(root, "sources", Map, "tmtpost-en: {path: seeds/000.txt, lang: en}")
        out = {}
        if node is None:
            return out
        for sid, (key_loc, value) in node.entries.items():
            out[sid] = self.source(sid, key_loc, value)
            if warning := lookalike_warning(sid, key_loc):
                self.warnings.append(warning)
        return out

    def source(self, sid: str, key_loc: Location, node) -> SourceSpec:
        if isinstance(node, Scalar) and not node.is_null:      # short form: id: path
            node = Map({"path": (node.loc, node)}, node.loc)
        if not isinstance(node, Map):
            return SourceSpec(sid, Path(), "", key_loc, self.err(
                node.loc, f"source {sid!r} must be a mapping", found=node.describe(),
                expected="{path: seeds/file.txt, lang: en|zh}"))
        error = self.unknown_keys(node, SOURCE_KEYS, f"source {sid!r}")
        if error:
            return SourceSpec(sid, Path(), "", key_loc, error)
        if "path" not in node.entries:
            return SourceSpec(sid, Path(), "", key_loc, self.err(
                node.loc, f"source {sid!r} has no path", expected="path: a file relative to this YAML"))
        path_node = node.entries["path"][1]
        rel, error = self.string(path_node, f"path of source {sid!r}")
        if error:
            return SourceSpec(sid, Path(), "", key_loc, error)
        lang, lang_loc = "", None
        if "lang" in node.entries:
            lang_loc, lang_node = node.entries["lang"]
            lang, error = self.string(lang_node, f"lang of source {sid!r}")
            if not error and lang not in LANGS:
                error = self.err(lang_node.loc, f"unknown language {lang!r} for source {sid!r}",
                                 found=lang, expected=" or ".join(LANGS), hint=did_you_mean(lang, LANGS))
            if error:
                return SourceSpec(sid, Path(), "", key_loc, error)
        full = (self.base / rel)
        error = self.path_error(sid, rel, full, path_node.loc)
        if error is None:
            full = full.resolve()           # resolved once, here; opened by this path, never re-resolved (#13)
        return SourceSpec(sid, full, lang, path_node.loc, error, lang_loc,
                          excerpt_with_caret(self.text, lang_loc.line, lang_loc.col) if lang_loc else "")

    def path_error(self, sid: str, rel: str, full: Path, loc: Location):
        if "\x00" in rel:
            return self.err(loc, f"path of source {sid!r} contains a NUL character", found=repr(rel),
                            expected="a file name", hint="remove the \\0 from the path")
        try:
            resolved = full.resolve()
        except (OSError, RuntimeError) as exc:   # RuntimeError: a symlink loop (Python < 3.13)
            return self.err(loc, f"source {sid!r} cannot be resolved", found=f"{rel}: {_os_reason(exc)}",
                            expected="a path to an existing file", hint="check for a symlink that points to itself")
        if not self.allow_outside and not resolved.is_relative_to(self.base) and not self.in_source_root(resolved):
            return self.err(loc, f"source {sid!r} is outside the claims file's folder",
                            found=f"{rel} -> {resolved}", expected=f"a file under {self.base}",
                            hint="copy the file under this folder, or allow its folder: source_roots = "
                                 f"[\"{_root_hint(resolved, self.path)}\"] in [tool.verifier]; or allow any folder: "
                                 "--allow-outside (CLI), --claims-allow-outside (pytest), or allow_outside = true")
        try:
            info = full.stat()
        except FileNotFoundError:
            return self.err(loc, f"source file of {sid!r} not found", found=rel,
                            expected="an existing file, relative to the claims file",
                            hint=self.elsewhere(rel) or f"looked for {full}")
        except OSError as exc:
            return self.err(loc, f"source file of {sid!r} cannot be opened", found=f"{rel}: {_os_reason(exc)}",
                            expected="an existing, readable file", hint=f"looked for {full}")
        if stat.S_ISDIR(info.st_mode):
            return self.err(loc, f"source {sid!r} is a directory", found=rel,
                            expected="a text file")
        if not stat.S_ISREG(info.st_mode):
            return self.err(loc, f"source {sid!r} is not a regular file", found=f"{rel}: {_file_kind(info.st_mode)}",
                            expected="a text file", hint="devices and pipes are never read")
        return None

    def in_source_root(self, resolved: Path) -> bool:
        """Whether a source lies under one of [tool.verifier] source_roots (of the pyproject.toml above the claims
        file): folders the project keeps its sources in, which any of its claims files may name."""
        roots = getattr(self, "_roots", None)
        if roots is None:
            from .. import config
            try:
                roots = config.load(self.path).source_root_paths()
            except VerifierError:         # a broken pyproject.toml: the run reports it where it reads the settings
                roots = ()
            self._roots = roots
        return any(resolved.is_relative_to(root) for root in roots)

    def elsewhere(self, rel: str) -> str:
        """A hint when `rel` names an existing file from the working directory or a folder just above the
        claims file (a claims file moved into scratch/ keeps `path: sources/a.md`): the path to write instead."""
        import os
        base = self.base
        for folder in dict.fromkeys([Path.cwd().resolve(), *list(base.parents)[:3]]):
            candidate = folder / rel
            if folder == base or not candidate.is_file():
                continue
            fixed = Path(os.path.relpath(candidate, base)).as_posix()
            outside = "" if self.allow_outside or candidate.resolve().is_relative_to(base) or \
                self.in_source_root(candidate.resolve()) else \
                "; a source outside the claims file's folder also needs source_roots = " \
                f"[\"{_root_hint(candidate.resolve(), self.path)}\"] or allow_outside = true in [tool.verifier] " \
                "(or --allow-outside)"
            return (f"paths are relative to the claims file ({_shown_folder(base)}); from there the file is "
                    f"`{fixed}`{outside}")
        return ""

    def glossary(self, root: Map) -> dict:
        node = self.section(root, "glossary", Map, "{Nvidia: 英伟达, parameters: [参数, 参数量]}")
        out: dict = {}
        if node is None:
            return out
        for term, (key_loc, value) in node.entries.items():
            words, error = self.strings(value, f"glossary entry {term!r}")
            if error:
                raise ClaimsFileError(error.location, error.problem, found=error.found,
                                      expected=error.expected, excerpt=error.excerpt)
            out[term] = words
        return out

    def pairs(self, root: Map, sources: dict) -> tuple[PairSpec, ...]:
        node = self.section(root, "pairs", Seq, "[{en: tmtpost-en, zh: tmtpost-zh}]")
        if node is None:
            return ()
        return tuple(self.pair(item, sources) for item in node.items)

    def pair(self, node, sources: dict) -> PairSpec:
        if not isinstance(node, Map):
            return PairSpec("?", "?", node.loc, (), self.err(
                node.loc, "each pair must be a mapping", found=node.describe(),
                expected="{en: SOURCE_ID, zh: SOURCE_ID}"))
        ids, error = {}, self.unknown_keys(node, PAIR_KEYS, "pair")
        for side in ("en", "zh"):
            if error:
                break
            if side not in node.entries:
                error = self.err(node.loc, f"pair has no `{side}` source", expected="{en: ID, zh: ID}")
                break
            value_node = node.entries[side][1]
            ids[side], error = self.string(value_node, f"pair `{side}`")
            if not error and ids[side] not in sources:
                error = self.err(value_node.loc, f"unknown source {ids[side]!r}", found=ids[side],
                                 expected="an id under `sources:`", hint=did_you_mean(ids[side], sources))
            elif not error and sources[ids[side]].error:
                error = sources[ids[side]].error
        accepted = ()
        if not error and "accept" in node.entries:
            accepted, error = self.accepted(node.entries["accept"][1])
        fail_on = ""
        if not error and "fail_on" in node.entries:
            value_node = node.entries["fail_on"][1]
            fail_on, error = self.string(value_node, "pair `fail_on`")
            if not error and fail_on not in ("high", "medium"):
                error = self.err(value_node.loc, "pair `fail_on` must be high or medium", found=repr(fail_on),
                                 expected="fail_on: medium (medium findings fail too) or high (the default)")
        summary = ""
        if not error and "summary" in node.entries:
            value_node = node.entries["summary"][1]
            summary, error = self.string(value_node, "pair `summary`")
            if not error and summary not in LANGS:
                error = self.err(value_node.loc, "pair `summary` must be en or zh", found=repr(summary),
                                 expected="summary: en (the English account summarises the Chinese one) or zh",
                                 hint="name the side that is the summary: figures it leaves out are then no "
                                      "finding, figures that differ still are")
        return PairSpec(ids.get("en", "?"), ids.get("zh", "?"), node.loc, accepted, error, fail_on,
                        "" if error else summary)

    def accepted(self, node):
        if not isinstance(node, Seq):
            return (), self.err(node.loc, "`accept` must be a list", found=node.describe(),
                                expected="[{en: '10 GB', zh: '8 GB', reason: ...}]")
        out = []
        for item in node.items:
            if not isinstance(item, Map):
                return (), self.err(item.loc, "each accepted difference must be a mapping",
                                    found=item.describe(), expected="{en: ..., zh: ..., reason: ...}")
            error = self.unknown_keys(item, ACCEPT_KEYS, "accepted difference")
            if error:
                return (), error
            values = {}
            for key in ACCEPT_KEYS:
                if key not in item.entries:
                    if key == "reason":
                        return (), self.err(item.loc, "an accepted difference needs a `reason`",
                                            expected="reason: why the two accounts may differ")
                    values[key] = ""
                    continue
                values[key], error = self.string(item.entries[key][1], f"`{key}` of accepted difference")
                if error:
                    return (), error
            out.append(Accepted(values["en"], values["zh"], values["reason"], item.loc))
        return tuple(out), None

    def claims(self, root: Map, sources: dict) -> tuple[Claim, ...]:
        node = self.section(root, "claims", Seq, "- id: my-claim")
        if node is None:
            return ()
        seen: dict = {}
        return tuple(self.claim(item, index, sources, seen) for index, item in enumerate(node.items))

    def claim(self, node, index: int, sources: dict, seen: dict) -> Claim:
        placeholder = f"claim-{index + 1}@line{node.loc.line}"

        def broken(error, cid=placeholder, **kw):
            # what the file gives, as written, right or wrong: a report of a broken claim still shows its figure,
            # its words and the expectation the file gives, never one it does not
            fields = dict(as_written(node), parsed=())
            fields.update(kw)
            return Claim(cid, loc=node.loc, error=error, **fields)

        if not isinstance(node, Map):
            return broken(self.err(node.loc, f"claim #{index + 1} must be a mapping",
                                   found=node.describe(), expected="keys id, claim, source, figure"))
        entries = node.entries
        cid = placeholder
        if "id" not in entries:
            return broken(self.err(node.loc, f"claim #{index + 1} has no id",
                                   expected="id: a unique slug such as qwen-price-drop"))
        cid_node = entries["id"][1]
        cid, error = self.string(cid_node, "id")
        if error:
            return broken(error)
        if not ID_PATTERN.match(cid):
            return broken(self.err(cid_node.loc, f"id {cid!r} is not a slug", found=cid,
                                   expected="letters, digits, '-', '_' or '.', starting with a letter or digit"),
                          cid=placeholder)
        if cid in seen:
            return broken(self.err(cid_node.loc, f"duplicate id {cid!r}",
                                   found=f"{cid!r} again (first at line {seen[cid].line})",
                                   expected="each claim id once", hint="rename one of them"),
                          cid=f"{cid}@line{cid_node.loc.line}")
        seen[cid] = cid_node.loc
        error = self.unknown_keys(node, CLAIM_KEYS, f"claim {cid!r}")
        if error:
            return broken(error, cid=cid)
        values = {}
        for key in ("claim", "quote", "note", "expect", "source"):
            if key in entries:
                values[key], error = self.string(entries[key][1], f"`{key}` of claim {cid!r}",
                                                 required=key in ("source", "expect"))
                if error:
                    return broken(error, cid=cid)
        skip = ""
        if "skip" in entries:
            skip, error = self.skip_reason(entries["skip"][1], cid)
            if error:
                return broken(error, cid=cid)
        if "source" not in entries:
            return broken(self.err(node.loc, f"claim {cid!r} has no source",
                                   expected="source: one of " + ", ".join(sources) if sources else "a source id"),
                          cid=cid)
        sid = values["source"]
        source_node = entries["source"][1]
        if sid not in sources:
            return broken(self.err(source_node.loc, f"unknown source {sid!r} in claim {cid!r}",
                                   found=sid, expected="an id under `sources:`", hint=did_you_mean(sid, sources)),
                          cid=cid)
        expect = values.get("expect", "supported")
        if expect not in VERDICTS:
            expect_node = entries["expect"][1]
            return broken(self.err(expect_node.loc, f"unknown verdict {expect!r}", found=expect,
                                   expected=" | ".join(VERDICTS), hint=did_you_mean(expect, VERDICTS)), cid=cid)
        figures, parsed, error = self.figures(entries, cid, values.get("claim", ""))
        if error:
            figures = as_written(node)["figures"]          # shown as the file writes them, beside the error
        near, quote = (), values.get("quote", "")
        if not error and "near" in entries:
            near, error = self.strings(entries["near"][1], f"`near` of claim {cid!r}")
        if not error and not figures and not quote:
            error = self.err(node.loc, f"claim {cid!r} has nothing to check",
                             expected="a `figure`, `figures` or `quote`")
        if not error and sources[sid].error and not skip:     # a skipped claim's source is never read
            error = sources[sid].error
        return Claim(cid, values.get("claim", ""), sid, figures, parsed, near, quote, expect,
                     node.loc, values.get("note", ""), error, stub="claim" in entries and not values["claim"].strip(),
                     skip=skip)

    def skip_reason(self, node, cid: str):
        """The reason of `skip: "reason"`; `skip: true` (or false, or nothing) is an error: a skip says why."""
        yes_no = isinstance(node, Scalar) and node.tag.endswith(":bool")
        if isinstance(node, Scalar) and not node.is_null and not yes_no and node.text.strip():
            return node.text.strip(), None
        found = f"{node.text} (yes or no, not a reason)" if yes_no else node.describe()
        return "", self.err(node.loc, f"`skip` of claim {cid!r} needs a reason", found=found,
                            expected='the reason as text, e.g. skip: "the source is behind a paywall until June"',
                            hint="say why the claim is not checked (every report shows it); to check the claim, "
                                 "delete the `skip:` line")

    def figures(self, entries: dict, cid: str, claim_text: str = ""):
        if "figure" in entries and "figures" in entries:
            loc = entries["figures"][0]
            return (), (), self.err(loc, f"claim {cid!r} has both `figure` and `figures`",
                                    expected="one of them", hint="put every figure under `figures:`")
        key = "figure" if "figure" in entries else "figures" if "figures" in entries else None
        if key is None:
            return (), (), None
        node = entries[key][1]
        if key == "figure" and not isinstance(node, Scalar):
            return (), (), self.err(node.loc, f"`figure` of claim {cid!r} must be one figure",
                                    found=node.describe(), expected="a string such as \"97%\"",
                                    hint="use `figures:` for a list")
        texts, error = self.strings(node, f"`{key}` of claim {cid!r}")
        if error:
            return (), (), error
        items = node.items if isinstance(node, Seq) else (node,)
        parsed = []
        for text, item in zip(texts, items):
            odd = figure_text_problem(text)
            if odd:
                return (), (), self.err(item.loc, f"cannot read figure {text!r} in claim {cid!r}", found=odd[0],
                                        expected=odd[1], hint=odd[2])
            rank = parse_rank(_FORMAT_CHARS.sub("", text))       # 8th, 第3名: a place in an order
            if rank is not None:
                parsed.append(rank)
                continue
            try:
                figure = parse_figure(_FORMAT_CHARS.sub("", text))
                whole = _with_claim_unit(figure, text, claim_text)     # 27 W in '27 W power supply': watts
                unread = unread_part(_FORMAT_CHARS.sub("", text), figure) if whole is figure else ""
                if unread:
                    return (), (), self.err(item.loc, f"cannot read all of figure {text!r} in claim {cid!r}",
                                            found=f"the engine reads {figure.text!r} as {figure.value_text()}; "
                                                  f"{unread!r} is left unread",
                                            expected="a figure read whole: number, unit and hedge",
                                            hint="move other words into `claim:`; a unit the checker does not "
                                                 "know cannot be compared, so check that figure by hand")
                negation = _NOT.search(text)
                if negation and not figure.start <= negation.start() < figure.end:
                    return (), (), self.err(item.loc, f"figure {text!r} of claim {cid!r} says \"not\"",
                                            found=f"{text!r}: the figure read is {figure.text!r}; the \"not\" "
                                                  f"would be dropped",
                                            expected="the figure as the source writes it",
                                            hint="write the figure alone; to claim the source does not say it, "
                                                 "use `expect: contradicted` or `expect: not_found`")
                parsed.append(whole)
            except FigureError as exc:
                version = VERSION.search(text)
                if version:
                    return (), (), self.err(item.loc, f"figure {text!r} of claim {cid!r} is a version, not a quantity",
                                            found=f"{version.group()!r}: a version names a release, it counts "
                                                  "nothing the engine could compare",
                                            expected="a figure such as 97%, ¥0.5, 100亿参数, 10B parameters, 5-6",
                                            hint=f"check the words with `quote: {text!r}`; `verifier compare` "
                                                 "checks versions between two documents")
                return (), (), self.err(item.loc, f"cannot read figure {text!r} in claim {cid!r}",
                                        found=str(exc), expected="a figure such as 97%, ¥0.5, 100亿参数, 10B parameters, 5-6",
                                        hint="quote the figure exactly as the text writes it")
        return texts, tuple(parsed), None


def _shown_folder(folder: Path) -> str:
    try:
        return (folder.relative_to(Path.cwd().resolve()).as_posix() or ".") + "/"
    except ValueError:
        return str(folder)


MAX_SHOWN_CHARS, MAX_SHOWN_ITEMS = 200, 20     # a broken claim's 2 MB figure is shown by its start


def _shown_value(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_SHOWN_CHARS else f"{text[:MAX_SHOWN_CHARS]}… ({len(text):,} characters)"


def as_written(node) -> dict:
    """A claim's fields as its mapping writes them, for a claim that cannot be checked: each value that is text
    (or a list of texts) kept verbatim, anything else empty; `expect` defaults to supported."""
    entries = node.entries if isinstance(node, Map) else {}

    def text(key: str) -> str:
        value = entries.get(key, (None, None))[1]
        return _shown_value(value.text) if isinstance(value, Scalar) and not value.is_null else ""

    def texts(key: str) -> tuple[str, ...]:
        value = entries.get(key, (None, None))[1]
        items = value.items if isinstance(value, Seq) else (value,) if value is not None else ()
        return tuple(_shown_value(item.text) for item in items[:MAX_SHOWN_ITEMS]
                     if isinstance(item, Scalar) and not item.is_null and item.text.strip())

    return dict(claim=text("claim"), source=text("source"), figures=texts("figure") or texts("figures"),
                near=texts("near"), quote=text("quote"), expect=text("expect") or "supported")


def _with_claim_unit(figure: Figure, text: str, claim_text: str) -> Figure:
    """A bare figure takes the unit of measure the claim writes right after it: `figure: "至少23"` in
    "平台离岸至少23公里" is 23 km or more, not a count; "80W" in "80W wireless charging" is watts, not 80万.
    Only when the claim reads that number one way."""
    if figure.kind != "count" or figure.unit or not text.strip() or text.strip() not in claim_text:
        return figure
    same = [found for found in find_figures(claim_text) if found.text.strip() == text.strip()
            or (text.strip() in found.text
                and (found.low, found.high, found.qualifier) == (figure.low, figure.high, figure.qualifier))]
    return same[0] if len(same) == 1 and same[0].kind == "quantity" else figure


def _root_hint(resolved: Path, claims_path: Path) -> str:
    """The folder of an outside source as `source_roots` names it: relative to the pyproject.toml above the claims
    file (else to the working directory, where one would be written)."""
    from .. import config
    pyproject = config.find_pyproject(Path(claims_path).resolve().parent)
    start = (pyproject.parent if pyproject else Path.cwd()).resolve()
    try:
        return Path(os.path.relpath(resolved.parent, start)).as_posix()
    except ValueError:         # another drive
        return resolved.parent.as_posix()
