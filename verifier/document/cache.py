"""On-disk cache of what reading a source costs: its figures, its sentences and its layout.

Reading an archive is cheap; extracting its figures is not. An entry is keyed
by the sha256 of the source's bytes *and* the number engine's version
(verifier.numbers.ENGINE_VERSION), so an unchanged archive is not re-extracted
and a changed engine never reuses old results. The key also holds a digest of
the engine's source files and of sources.py (which splits sentences), so code
edited without a version bump (while it is being worked on) misses too. An
entry records all of these, the sha256 of the decoded text and Figure's field
names, and is used only when every one of them agrees with the run at hand.

Entries are JSON, never pickle, and each carries an HMAC-SHA256 made with a
per-user secret key (`cache.key` in the user's config folder, mode 0600, never
in the project). Anyone who can write the cache folder (a committed folder, a
shared $VERIFIER_CACHE_DIR, a CI cache) can forge public keys like the source
hash, but not the MAC, so an entry written by anyone else is a miss; and one
that passes the MAC is still validated, so loading yields either well-typed
figures or a miss. Only a regular file of bounded size is read. A missing,
truncated, corrupt or foreign entry is a miss, never an error; an unwritable
cache folder only costs speed. Writes go through atomic.write_atomic (without
fsync: a torn entry is a miss), so parallel runs can share one folder.

Side entries (load_side/store_side) keep, under the same key and signature rules, what other readers
derive once: the bilingual audit's Chinese word lists per document (`words/`, so a warm run never loads
jieba), CC-CEDICT's compact form (`lexicon/`, milliseconds to read instead of seconds to build), the engine's
readings of a claims file's own texts (`readings/`, document.memo) and that its exact bytes passed the schema
(`schema/`, claimsfile.schema.known_valid): a warm run neither compiles the engine's patterns nor imports
jsonschema.

Location: --cache-dir, else $VERIFIER_CACHE_DIR, else the platform's per-user
cache folder (platformdirs: ~/.cache/verifier on Linux). Layout: `<dir>/figures/<sha[:2]>/<sha>-<key>.json`, where
`key` hashes the engine version and code, sources.py, this module's FORMAT and
Figure's fields. Format (columns: one list per Figure field, in `fields` order;
Decimals as strings; `text` null where it equals the source between start and
end; sentences as flat [start, end, start, end, ...] offsets; the layout as layoutcodec.py writes it, so that a
warm run decodes it instead of reading the Markdown again):

    hmac-sha256=<64 hex digits of HMAC(key, json)>\n
    {"verifier_cache": 4, "engine": "1.0.0", "code": "...", "sha256": "<bytes>",
     "text_sha256": "...", "text_len": 1234, "fields": ["text", "start", ...], "count": 2,
     "columns": [[null, null], [10, 40], [13, 44], ["percent", "count"], ...],
     "sentences": [0, 25, 27, 80], "layout": {"masked": [0, 12, 0], "headings": [], ...}}
"""
from __future__ import annotations

import dataclasses
import hashlib
import hmac
import secrets
import stat
import tempfile
import json
import operator
import os
from decimal import Decimal
from pathlib import Path

FORMAT = 4                 # 4: with the layout
DIR_NAME = ".verifier-cache"      # the old in-project default; no longer used unless named
ENV_VAR = "VERIFIER_CACHE_DIR"
MAX_ENTRY_BYTES = 512 * 1024 * 1024     # a 32 MB source of nothing but figures stays well under this
_MAC_HEAD = b"hmac-sha256="
_KEY_BYTES = 32


def default_dir(claims_path: str | Path = "") -> Path:
    """$VERIFIER_CACHE_DIR, or the user's own cache folder (not the project: others may write there)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    import platformdirs
    return Path(platformdirs.user_cache_dir("verifier", appauthor=False))


def key_path() -> Path:
    import platformdirs
    return Path(platformdirs.user_config_dir("verifier", appauthor=False)) / "cache.key"


_KEY: dict[str, bytes | None] = {}


def secret_key() -> bytes | None:
    """This user's cache key (made on first use); None, so no cache, when it is not safely ours."""
    path = key_path()
    if str(path) not in _KEY:
        _KEY[str(path)] = _read_key(path) or _make_key(path)
    return _KEY[str(path)]


def _read_key(path: Path) -> bytes | None:
    from ..regular import read_regular
    try:
        fd_info = os.lstat(path)
        data = read_regular(path, _KEY_BYTES)
    except OSError:
        return None
    mine = not hasattr(os, "geteuid") or fd_info.st_uid == os.geteuid()
    private = os.name != "posix" or not stat.S_IMODE(fd_info.st_mode) & 0o077
    return data if len(data) == _KEY_BYTES and mine and private else None


def _make_key(path: Path) -> bytes | None:
    """Write a fresh key with mode 0600; link() makes it appear whole or not at all (two runs may race)."""
    if path.exists() or path.is_symlink():
        return None                            # there, but not usable (other owner, readable by others)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".cache.key.", dir=path.parent)   # mkstemp files are 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(_KEY_BYTES))
            os.link(tmp, path)
        finally:
            os.unlink(tmp)
    except FileExistsError:
        pass                                   # another run won the race: use its key
    except OSError:
        return None
    return _read_key(path)


def sign(body: bytes, key: bytes) -> bytes:
    return _MAC_HEAD + hmac.new(key, body, hashlib.sha256).hexdigest().encode() + b"\n" + body


def verified_body(raw: bytes, key: bytes) -> bytes | None:
    """The JSON of an entry this user's key signed, else None."""
    head, _, body = raw.partition(b"\n")
    if not head.startswith(_MAC_HEAD):
        return None
    expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
    return body if hmac.compare_digest(head[len(_MAC_HEAD):], expected) else None


def engine_version() -> str:
    from .. import numbers       # read at call time: a new engine (or a test's monkeypatch) is seen at once
    return str(numbers.ENGINE_VERSION)


_CODE: list[str] = []


def code_digest() -> str:
    """Digest of the engine's source files and of how a source is read and its layout kept (sources, reading,
    markdown, layoutcodec): edits without a version bump still miss."""
    if not _CODE:
        from . import layoutcodec, markdown, reading, sources
        from .. import numbers
        digest = hashlib.sha256()
        try:
            for path in [*sorted(Path(numbers.__file__).parent.glob("*.py")),
                         *(Path(m.__file__) for m in (sources, reading, markdown, layoutcodec))]:
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
            _CODE.append(digest.hexdigest()[:16])
        except OSError:
            _CODE.append("unknown")
    return _CODE[0]


class FigureCache:
    """extract(sha256, text) -> (figures, sentences, layout): from disk if this source was read before."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.hits = 0
        self.misses = 0
        self.write_errors = 0

    # -- public -------------------------------------------------------------------
    def extract(self, sha256: str, text: str) -> tuple[list, list, object]:
        entry = self.load_entry(sha256, text)
        if entry is not None:
            self.hits += 1
            return entry
        self.misses += 1
        from .sources import extract
        figures, sentences, layout = extract(text)
        self.store(sha256, text, figures, sentences, layout)
        return figures, sentences, layout

    def path_for(self, sha256: str) -> Path:
        return self.root / "figures" / sha256[:2] / f"{sha256}-{_key(engine_version())}.json"

    def load(self, sha256: str, text: str) -> list | None:
        """The stored figures, or None."""
        entry = self.load_entry(sha256, text)
        return None if entry is None else entry[0]

    def load_entry(self, sha256: str, text: str) -> tuple[list, list, object] | None:
        """(figures, sentences, layout) stored for these bytes and this engine, or None (a miss) for anything doubtful."""
        codecs, key = _codecs(), secret_key()
        if codecs is None or key is None or not _is_sha(sha256):
            return None
        from ..regular import read_regular
        try:
            body = verified_body(read_regular(self.path_for(sha256), MAX_ENTRY_BYTES), key)
            if body is None:
                return None                                   # not written by this user: forged or foreign
            data = json.loads(body)
        except (OSError, ValueError, RecursionError):      # absent, not a regular file, unreadable, not JSON
            return None
        try:
            return _decode(data, sha256, text, codecs)
        except Exception:       # noqa: BLE001 - any doubt about an entry is a miss (a Figure may validate itself)
            return None

    def store(self, sha256: str, text: str, figures, sentences=None, layout=None) -> bool:
        """Write the entry atomically; False (never an exception) when it cannot be written."""
        codecs, key = _codecs(), secret_key()
        if codecs is None or key is None or not _is_sha(sha256):
            return False
        if sentences is None:
            from .sources import split_sentences
            sentences = split_sentences(text)
        if layout is None:
            from .markdown import read_layout
            layout = read_layout(text)
        try:
            payload = _encode(sha256, text, figures, sentences, layout, codecs)
        except (TypeError, ValueError, AttributeError):   # a figure this format cannot hold: just don't cache
            return False
        path = self.path_for(sha256)
        try:
            from ..atomic import write_atomic
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, sign(payload, key), durable=False)     # a torn entry is only ever a miss
        except OSError:
            self.write_errors += 1
            return False
        _drop_older(path, f"{sha256}-*.json")
        return True

    # -- side entries: what other readers derive once and reuse (the audit's word lists, the lexicon) -------
    def load_side(self, kind: str, name: str) -> dict | None:
        """The JSON object stored under `kind`/`name` and signed with this user's key, else None (a miss)."""
        key = secret_key()
        if key is None:
            return None
        from ..regular import read_regular
        try:
            body = verified_body(read_regular(self._side_path(kind, name), MAX_ENTRY_BYTES), key)
            data = json.loads(body) if body is not None else None
        except (OSError, ValueError, RecursionError):
            return None
        return data if type(data) is dict else None

    def store_side(self, kind: str, name: str, data: dict) -> bool:
        """Write a side entry atomically (older ones with the same stem go); False when it cannot be written."""
        key = secret_key()
        if key is None:
            return False
        path = self._side_path(kind, name)
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
        try:
            from ..atomic import write_atomic
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, sign(body, key), durable=False)
        except OSError:
            self.write_errors += 1
            return False
        _drop_older(path, f"{name.rsplit('-', 1)[0]}-*.json")
        return True

    def _side_path(self, kind: str, name: str) -> Path:
        """`<dir>/<kind>/<name[:2]>/<name>.json`; names are ours (hex digests and keys), never a user's text."""
        if not all(c.isalnum() or c in "-_." for c in kind + name) or not name or name.startswith("."):
            raise ValueError(f"not a side entry name: {kind}/{name}")
        return self.root / kind / name[:2] / f"{name}.json"


def _drop_older(path: Path, pattern: str) -> None:
    """Entries of earlier engines or code next to `path` are never used again: remove them."""
    for old in path.parent.glob(pattern):
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass


class _Miss(Exception):
    """The entry exists but is not one this run may trust."""


# -- the format -------------------------------------------------------------------

def _figure_class():
    from ..numbers.figure import Figure
    return Figure


def _codecs() -> tuple[tuple[str, str], ...] | None:
    """(field name, codec) for each Figure field; None when a field has no JSON form here."""
    out = []
    for f in dataclasses.fields(_figure_class()):
        if getattr(f, "kw_only", False):
            return None                       # columns are positional arguments
        kind = str(f.type).replace(" ", "")
        if "Decimal" in kind:
            codec = "decimal"                 # Decimal | None
        elif kind in ("int", "bool", "str"):
            codec = kind
        else:
            return None
        out.append((f.name, codec))
    names = [name for name, _ in out]
    if "start" not in names or "end" not in names:
        return None
    return tuple(out)


def _key(version: str) -> str:
    names = ",".join(f"{name}:{codec}" for name, codec in (_codecs() or ()))
    return hashlib.sha256(f"{FORMAT}|{version}|{code_digest()}|{names}".encode()).hexdigest()[:16]


def _is_sha(value: str) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _encode(sha256: str, text: str, figures, sentences, layout, codecs) -> bytes:
    from .layoutcodec import encode_layout
    columns = encode_figures(text, figures, codecs)
    flat = [offset for span in sentences for offset in span]
    entry = {"verifier_cache": FORMAT, "engine": engine_version(), "code": code_digest(), "sha256": sha256,
             "text_sha256": _text_sha(text), "text_len": len(text), "fields": [name for name, _ in codecs],
             "count": len(figures), "columns": columns, "sentences": flat, "layout": encode_layout(text, layout)}
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


_PLAIN = {"int": int, "bool": bool, "str": str}


def _decode(data, sha256: str, text: str, codecs) -> tuple[list, list, object]:
    if type(data) is not dict or data.get("verifier_cache") != FORMAT:
        raise _Miss("format")
    if data.get("engine") != engine_version() or data.get("code") != code_digest() or data.get("sha256") != sha256:
        raise _Miss("engine, code or source changed")
    if data.get("text_len") != len(text) or data.get("text_sha256") != _text_sha(text):
        raise _Miss("decoded text differs")
    if data.get("fields") != [name for name, _ in codecs]:
        raise _Miss("figure fields differ")
    figures = decode_figures(text, data.get("count"), data.get("columns"), codecs)
    from .layoutcodec import decode_layout
    return figures, _sentences(data.get("sentences"), len(text)), decode_layout(text, data.get("layout"))


def encode_figures(text: str, figures, codecs) -> list[list]:
    """The figures of `text` as columns, one list per Figure field in `codecs` order (the entry's format)."""
    columns = []
    for name, codec in codecs:
        values = [getattr(fig, name) for fig in figures]
        if name == "text":
            values = [None if v == text[f.start:f.end] else v for v, f in zip(values, figures)]
        elif codec == "decimal":
            if any(v is not None and not isinstance(v, Decimal) for v in values):
                raise TypeError(f"{name} is not a Decimal")
            values = [None if v is None else str(v) for v in values]
        columns.append(values)
    return columns


def decode_figures(text: str, count, columns, codecs) -> list:
    """The figures encode_figures wrote for `text`; _Miss for anything it could not have written."""
    names = [name for name, _ in codecs]
    size = len(text)
    if type(count) is not int or type(columns) is not list or len(columns) != len(codecs) \
            or any(type(col) is not list or len(col) != count for col in columns):
        raise _Miss("truncated")
    columns = list(columns)
    starts, ends = columns[names.index("start")], columns[names.index("end")]
    if not _only(starts, int) or not _only(ends, int) or (count and (min(starts) < 0 or max(ends) > size)) \
            or not all(map(operator.le, starts, ends)):
        raise _Miss("offsets")
    for i, (name, codec) in enumerate(codecs):
        col = columns[i]
        if name == "text":
            if not _only(col, str, type(None)):
                raise _Miss(name)
            columns[i] = [text[s:e] if v is None else v for v, s, e in zip(col, starts, ends)]
        elif codec == "decimal":
            columns[i] = _decimals(col, name)
        elif not _only(col, _PLAIN[codec]):
            raise _Miss(name)
    return list(map(_figure_class(), *columns)) if count else []


def _only(values: list, *types) -> bool:
    """Every value is exactly of one of these types (bool is not an int here)."""
    return set(map(type, values)) <= set(types)


def _decimals(col: list, name: str) -> list:
    """Decimal (or None) for each string; each distinct string is read once (Decimals are immutable)."""
    distinct = set(col)
    if not _only(distinct, str, type(None)):
        raise _Miss(name)
    memo: dict = {None: None}
    for value in distinct:
        if value is not None:
            number = memo[value] = Decimal(value)
            if not number.is_finite() or abs(number.adjusted()) > 4000:
                raise _Miss(name)           # the engine writes finite, sane numbers: this was edited
    return [memo[value] for value in col]


def _sentences(flat, size: int) -> list[tuple[int, int]]:
    """[(start, end), ...] as split_sentences gives them: ascending, non-empty, inside the text."""
    if type(flat) is not list or len(flat) % 2 or not flat or not _only(flat, int):
        raise _Miss("sentences")
    starts, ends = flat[0::2], flat[1::2]
    if flat == [0, 0] and size == 0:               # an empty text has the one span (0, 0)
        return [(0, 0)]
    if flat[0] < 0 or flat[-1] > size or not all(map(operator.lt, starts, ends)) \
            or not all(map(operator.le, ends[:-1], starts[1:])):
        raise _Miss("sentences")
    return list(zip(starts, ends))
