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
VerifierError (the CLI reports it as bad input, exit 2, no traceback) that is
also an OSError (callers such as the figure cache catch OSError).
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import Location, VerifierError


class WriteError(VerifierError, OSError):
    """A file could not be written (the old one, if any, is untouched).

    Also an OSError (with errno/strerror of the cause), so callers that treat
    an unwritable file as "no cache" and catch OSError keep working.
    """

    def __str__(self) -> str:
        return self.message()


def write_atomic(path: str | Path, data: str | bytes, *, durable: bool = True) -> None:
    """durable=False skips the fsyncs: still atomic for readers, but a power loss may leave an empty
    or older file; for caches that validate what they read and rebuild what they cannot."""
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
        raise _error(path, IsADirectoryError(errno.EISDIR, "it is a directory"),
                     problem="cannot write: it is a directory", hint="give a file name inside the folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
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
    if durable:
        _fsync_folder(folder)


def _error(path: Path, exc: OSError, problem: str = "cannot write file", hint: str = "") -> WriteError:
    reason = exc.strerror or type(exc).__name__
    if not hint:
        hint = "check that the folder exists and is writable"
        if isinstance(exc, FileNotFoundError):
            hint = f"create the folder {path.parent} first"
    error = WriteError(Location(str(path)), problem, found=reason,
                       expected="a writable file in an existing folder", hint=hint)
    error.errno, error.strerror, error.filename = exc.errno, exc.strerror, str(path)
    return error


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
