"""On-disk cache of the figures the number engine finds in each source.

Reading an archive is cheap; extracting its figures is not. An entry is keyed
by the sha256 of the source's bytes *and* the engine's version
(verifier.numbers.ENGINE_VERSION), so an unchanged archive is not re-extracted
and a changed engine never reuses old results. The key also holds a digest of
the engine's source files, so an engine edited without a version bump (while
it is being worked on) misses too. An entry records all of these, the sha256 of
the decoded text and Figure's field names, and is used only when every one of
them agrees with the run at hand.

Entries are JSON, never pickle: cache files are data anyone could have edited,
so loading one yields either well-typed figures or a miss. A missing,
truncated, corrupt or foreign entry is a miss, never an error; an unwritable
cache folder only costs speed. Writes go through atomic.write_atomic, so
parallel runs (xdist workers, --jobs) can share one folder.

Location: --cache-dir, else $VERIFIER_CACHE_DIR, else `.verifier-cache/` next
to the claims file. Layout: `<dir>/figures/<sha[:2]>/<sha>-<key>.json`, where
`key` hashes the engine version and code, this module's FORMAT and Figure's fields.

    {"verifier_cache": 1, "engine": "1.0.0", "engine_code": "...", "sha256": "<bytes>", "text_sha256": "...",
     "text_len": 1234,
     "fields": ["text", "start", ...], "count": 2,
     "figures": [[null, 10, 13, "percent", "%", "97", "97", "exact", false, false, ""], ...]}

A figure is a list of its field values in `fields` order; Decimals are strings,
and `text` is null when it equals the source text between start and end.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from decimal import Decimal
from pathlib import Path

FORMAT = 1
DIR_NAME = ".verifier-cache"
ENV_VAR = "VERIFIER_CACHE_DIR"


def default_dir(claims_path: str | Path) -> Path:
    """$VERIFIER_CACHE_DIR, or .verifier-cache/ next to the claims file."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(claims_path).resolve().parent / DIR_NAME


def engine_version() -> str:
    from . import numbers       # read at call time: a new engine (or a test's monkeypatch) is seen at once
    return str(numbers.ENGINE_VERSION)


_CODE: list[str] = []


def engine_code() -> str:
    """sha256 of the engine's source files: an edit that forgot to bump ENGINE_VERSION still misses."""
    if not _CODE:
        from . import numbers
        digest = hashlib.sha256()
        try:
            for path in sorted(Path(numbers.__file__).parent.glob("*.py")):
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
            _CODE.append(digest.hexdigest()[:16])
        except OSError:
            _CODE.append("unknown")
    return _CODE[0]


class FigureCache:
    """figures_for(sha256, text): the cached figures of a source, or the engine's (then stored)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.hits = 0
        self.misses = 0
        self.write_errors = 0

    # -- public -------------------------------------------------------------------
    def figures_for(self, sha256: str, text: str) -> list:
        figures = self.load(sha256, text)
        if figures is not None:
            self.hits += 1
            return figures
        self.misses += 1
        from . import numbers
        figures = list(numbers.find_figures(text))
        self.store(sha256, text, figures)
        return figures

    def path_for(self, sha256: str) -> Path:
        return self.root / "figures" / sha256[:2] / f"{sha256}-{_key(engine_version())}.json"

    def load(self, sha256: str, text: str) -> list | None:
        """The stored figures for these bytes and this engine, or None (a miss) for anything doubtful."""
        codecs = _codecs()
        if codecs is None or not _is_sha(sha256):
            return None
        try:
            data = json.loads(self.path_for(sha256).read_bytes())
        except (OSError, ValueError, RecursionError):      # absent, unreadable, truncated, not JSON
            return None
        try:
            return _decode(data, sha256, text, codecs)
        except Exception:       # noqa: BLE001 - any doubt about an entry is a miss (a Figure may validate itself)
            return None

    def store(self, sha256: str, text: str, figures) -> bool:
        """Write the entry atomically; False (never an exception) when it cannot be written."""
        codecs = _codecs()
        if codecs is None or not _is_sha(sha256):
            return False
        try:
            payload = _encode(sha256, text, figures, codecs)
        except (TypeError, ValueError, AttributeError):   # a figure this format cannot hold: just don't cache
            return False
        path = self.path_for(sha256)
        try:
            from .atomic import write_atomic
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, payload, durable=False)     # a torn entry is only ever a miss
        except OSError:
            self.write_errors += 1
            return False
        for old in path.parent.glob(f"{sha256}-*.json"):     # entries of earlier engines: never used again
            if old != path:
                try:
                    old.unlink()
                except OSError:
                    pass
        return True


class _Miss(Exception):
    """The entry exists but is not one this run may trust."""


# -- the format -------------------------------------------------------------------

def _figure_class():
    from .numbers.figure import Figure
    return Figure


def _codecs() -> tuple[tuple[str, str], ...] | None:
    """(field name, codec) for each Figure field; None when a field's type has no JSON form here."""
    out = []
    for f in dataclasses.fields(_figure_class()):
        if getattr(f, "kw_only", False):
            return None                       # rows are positional arguments
        kind = str(f.type).replace(" ", "")
        if "Decimal" in kind:
            codec = "decimal"                 # Decimal | None
        elif kind in ("int", "bool", "str"):
            codec = kind
        else:
            return None
        out.append((f.name, codec))
    return tuple(out)


def _key(version: str) -> str:
    names = ",".join(f"{name}:{codec}" for name, codec in (_codecs() or ()))
    return hashlib.sha256(f"{FORMAT}|{version}|{engine_code()}|{names}".encode()).hexdigest()[:16]


def _is_sha(value: str) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _encode(sha256: str, text: str, figures, codecs) -> bytes:
    rows = []
    for fig in figures:
        row = []
        for name, codec in codecs:
            value = getattr(fig, name)
            if name == "text" and value == text[fig.start:fig.end]:
                value = None
            elif codec == "decimal" and value is not None:
                if not isinstance(value, Decimal):
                    raise TypeError(f"{name} is not a Decimal")
                value = str(value)
            row.append(value)
        rows.append(row)
    header = {"verifier_cache": FORMAT, "engine": engine_version(), "engine_code": engine_code(), "sha256": sha256,
              "text_sha256": _text_sha(text), "text_len": len(text),
              "fields": [name for name, _ in codecs], "count": len(rows), "figures": rows}
    return json.dumps(header, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def _decode(data, sha256: str, text: str, codecs) -> list:
    if not isinstance(data, dict) or data.get("verifier_cache") != FORMAT:
        raise _Miss("format")
    if data.get("engine") != engine_version() or data.get("engine_code") != engine_code() \
            or data.get("sha256") != sha256:
        raise _Miss("engine or source changed")
    if data.get("text_len") != len(text) or data.get("text_sha256") != _text_sha(text):
        raise _Miss("decoded text differs")
    names = [name for name, _ in codecs]
    if data.get("fields") != names:
        raise _Miss("figure fields differ")
    rows = data["figures"]
    if not isinstance(rows, list) or data.get("count") != len(rows):
        raise _Miss("truncated")
    figure = _figure_class()
    width, size = len(codecs), len(text)
    start_at, end_at = names.index("start"), names.index("end")
    text_at = names.index("text") if "text" in names else -1
    decimals = [i for i, (_, codec) in enumerate(codecs) if codec == "decimal"]
    plain = [(i, {"int": int, "bool": bool, "str": str}[codec]) for i, (_, codec) in enumerate(codecs)
             if codec != "decimal" and i != text_at]
    out = []
    for row in rows:
        if type(row) is not list or len(row) != width:
            raise _Miss("row")
        start, end = row[start_at], row[end_at]
        if type(start) is not int or type(end) is not int or not 0 <= start <= end <= size:
            raise _Miss("offsets")
        for i, kind in plain:
            if type(row[i]) is not kind:
                raise _Miss(names[i])
        for i in decimals:
            value = row[i]
            if value is not None:
                if type(value) is not str:
                    raise _Miss(names[i])
                value = row[i] = Decimal(value)
                if not value.is_finite() or abs(value.adjusted()) > 4000:
                    raise _Miss(names[i])       # the engine writes finite, sane numbers: this was edited
        if text_at >= 0:
            if row[text_at] is None:
                row[text_at] = text[start:end]
            elif type(row[text_at]) is not str:
                raise _Miss("text")
        out.append(figure(*row))
    return out
