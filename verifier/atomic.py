"""Atomic file writes: a temp file in the same folder, fsync, then rename.

A run killed half-way must leave the old file whole; rename within one
filesystem is atomic on POSIX and Windows. Every file verifier writes (reports
via --output, the lock file, caches) goes through `write_atomic`.

What a reader of the target can see is the old content or the new content,
never a mix. What a hard kill (SIGKILL, power loss) can leave behind is the
temp file itself, named `.NAME.<random>.tmp` next to NAME: it is never read by
verifier and is safe to delete.

Details: a new file gets the usual mode (0666 minus the umask) rather than
mkstemp's 0600; an existing file keeps its mode. A symlink at the target is
replaced by a regular file (the link is not followed). Errors (no such folder,
target is a directory, disk full, read-only) raise WriteError, a
VerifierError, so the CLI reports them as bad input instead of a traceback.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import Location, VerifierError


class WriteError(VerifierError):
    """A file could not be written (the old one, if any, is untouched)."""


def write_atomic(path: str | Path, data: str | bytes) -> None:
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _error(path, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteError(Location(str(path)), "cannot write: it is a directory",
                         expected="a file name", hint="give a file name inside the folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _error(path, exc) from None
        raise
    _fsync_folder(folder)


def _error(path: Path, exc: OSError) -> WriteError:
    reason = exc.strerror or type(exc).__name__
    hint = "check that the folder exists and is writable"
    if isinstance(exc, FileNotFoundError):
        hint = f"create the folder {path.parent} first"
    return WriteError(Location(str(path)), "cannot write file", found=reason,
                      expected="a writable file in an existing folder", hint=hint)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
