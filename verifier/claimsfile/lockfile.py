"""The lock file: each source's sha256 when the claims were last reviewed.

A claim that was right can fail later because its source changed (a page was
edited, an archive re-fetched). That claim is *stale*, not wrong: `verifier
lock` records the sha256 of every source's raw bytes, and `verifier check`
reports a failing claim whose source no longer matches as verdict `stale`,
naming the file and both hashes, instead of contradicted/not_found.

Name and place: next to the claims file, named after it with `.lock.json`
(claims.yaml -> claims.lock.json, team.yml -> team.lock.json, notes -> notes.lock.json).
Format (JSON, UTF-8, written atomically):

    {
      "verifier_lock": 1,
      "claims_file": "claims.yaml",
      "sources": {
        "tmtpost-en": {"path": "seeds/000_9bfada59106e9d6b.txt", "sha256": "9f2c..."}
      }
    }

Paths are relative to the claims file's folder (absolute for a source outside
it, with --allow-outside). A source missing from the lock (added since) is
checked as usual. The lock changes no verdict of a claim that passes: it only
explains failures.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..atomic import write_atomic
from ..errors import Location, SourceError, VerifierError

LOCK_VERSION = 1
SHORT = 12                       # hex digits of a hash shown in messages
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Locked:
    """One source as it was when locked."""

    source_id: str
    path: str
    sha256: str


@dataclass(frozen=True)
class Lock:
    path: Path
    sources: dict                # source id -> Locked

    def stale_reason(self, source_id: str, shown_path: str, sha256: str) -> str | None:
        """Why a claim on this source may be stale, or None when the source is unchanged or unlocked."""
        locked = self.sources.get(source_id)
        if locked is None or locked.sha256 == sha256:
            return None
        return (f"source {shown_path} changed since {self.path.name} was written "
                f"(sha256 {locked.sha256[:SHORT]} -> {sha256[:SHORT]}); review the claim against the new text, "
                f"then run `verifier lock`")


MAX_LOCK_BYTES = 16 * 1024 * 1024     # a hash and a path per source: far below this


def lock_path(claims_path: str | Path) -> Path:
    """claims.yaml -> claims.lock.json, in the same folder."""
    claims_path = Path(claims_path)
    stem = claims_path.stem if claims_path.suffix in (".yaml", ".yml") else claims_path.name
    return claims_path.with_name(f"{stem}.lock.json")


def file_sha256(path: Path, shown: str) -> str:
    """sha256 of a file's raw bytes, read in chunks (the same bytes SourceDoc.sha256 hashes)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise SourceError(Location(shown), "cannot read source", found=exc.strerror or type(exc).__name__,
                          expected="a readable text file") from None
    return digest.hexdigest()


def write_lock(claims_file) -> tuple[Path, dict]:
    """Hash every source of `claims_file` and write its lock file atomically.

    Raises the first source's error (missing, a directory, outside the folder)
    without writing anything: a lock that skips a source would hide its changes.
    """
    base = claims_file.path.resolve().parent
    entries = {}
    for sid, spec in claims_file.sources.items():
        if spec.error is not None:
            raise spec.error
        try:
            shown = spec.path.resolve().relative_to(base).as_posix()
        except ValueError:
            shown = str(spec.path.resolve())
        entries[sid] = {"path": shown, "sha256": file_sha256(spec.path, shown)}
    target = lock_path(claims_file.path)
    data = {"verifier_lock": LOCK_VERSION, "claims_file": claims_file.path.name, "sources": entries}
    write_atomic(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return target, entries


def read_lock(claims_path: str | Path) -> Lock | None:
    """The lock next to `claims_path`, None if there is none; VerifierError if it is unusable."""
    path = lock_path(claims_path)
    shown = str(path)
    from ..regular import read_regular
    try:
        raw = read_regular(path, MAX_LOCK_BYTES)        # never a FIFO, /dev/zero or a link (#13)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _bad(Location(shown), "cannot read the lock file", exc.strerror or type(exc).__name__)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise _bad(Location(shown), "the lock file is not UTF-8", f"byte {raw[exc.start]:#04x} at offset {exc.start}")
    except json.JSONDecodeError as exc:
        raise _bad(Location(shown, exc.lineno, exc.colno), "the lock file is not valid JSON", exc.msg)
    except RecursionError:
        raise _bad(Location(shown), "the lock file is not valid JSON", "nesting too deep")
    if not isinstance(data, dict) or data.get("verifier_lock") != LOCK_VERSION:
        found = "no `verifier_lock` key" if not isinstance(data, dict) or "verifier_lock" not in data \
            else f"verifier_lock: {data['verifier_lock']!r}"
        raise _bad(Location(shown), "not a verifier lock file (or another version)", found)
    sources = data.get("sources")
    if not isinstance(sources, dict):
        raise _bad(Location(shown), "the lock file has no `sources` mapping", type(sources).__name__)
    out = {}
    for sid, entry in sources.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
                and _SHA256.match(entry["sha256"]) and isinstance(entry.get("path", ""), str)):
            raise _bad(Location(shown), f"bad entry for source {sid!r} in the lock file",
                       json.dumps(entry, ensure_ascii=False)[:120])
        out[sid] = Locked(sid, entry.get("path", ""), entry["sha256"])
    return Lock(path, out)


def _bad(loc: Location, problem: str, found: str) -> VerifierError:
    return VerifierError(loc, problem, found=found,
                         expected='{"verifier_lock": 1, "sources": {ID: {"path": ..., "sha256": ...}}}',
                         hint="it is generated: delete it and run `verifier lock` again")


class LockState:
    """The lock of one run, read at most once (lazily), errors remembered too."""

    def __init__(self, claims_path: str | Path):
        self.claims_path = Path(claims_path)
        self._loaded = False
        self._lock: Lock | None = None
        self._error: VerifierError | None = None

    def get(self) -> Lock | None:
        if not self._loaded:
            self._loaded = True
            try:
                self._lock = read_lock(self.claims_path)
            except VerifierError as exc:
                self._error = exc
        if self._error is not None:
            raise self._error
        return self._lock

    def mark_stale(self, result, doc):
        """`result` with verdict 'stale' if it fails and its source changed since the lock; else unchanged."""
        if result.passed or result.verdict in ("error", "stale"):
            return result
        lock = self.get()
        if lock is None:
            return result
        reason = lock.stale_reason(result.source, doc.path, doc.sha256)
        if reason is None:
            return result
        was = f"without the lock: {result.verdict}" + (f" ({result.reason})" if result.reason else "")
        return replace(result, verdict="stale", reason=f"{reason}; {was}")
