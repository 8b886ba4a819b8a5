"""Atomic file writes: a temp file in the same folder, fsync, then rename.

A run killed half-way must leave the old file whole; rename within one
filesystem is atomic on POSIX and Windows. Every file verifier writes (reports
via --output, the lock file, caches) goes through `write_atomic`.

What a reader of the target can see is the old content or the new content,
never a mix. What a hard kill (SIGKILL, power loss) can leave behind is the
temp file itself, named `.NAME.<random>.tmp` next to NAME: it is never read by
verifier and is safe to delete.

Details: a new file gets the usual mode (0666 minus the umask) rather than
mkstemp's 0600; an existing file keeps its mode. Only a regular file is ever
replaced: a device node, FIFO or socket at the target is refused (renaming over
/dev/null as root would break it for every process), and so is a symlink unless
the caller passes replace_link=True (then the link itself is replaced, never
followed). `write_output` is the front door for files a user names (-o,
--html): `-` and /dev/stdout mean the stream, and the tool's own inputs are
never overwritten. Errors (no such folder,
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


_STREAMS = {"-": "stdout", "/dev/stdout": "stdout", "/dev/fd/1": "stdout", "/proc/self/fd/1": "stdout",
            "/dev/stderr": "stderr", "/dev/fd/2": "stderr", "/proc/self/fd/2": "stderr"}


def write_output(target: str | Path, data: str, *, protect=(), replace_link: bool = False) -> None:
    """Write a report to a path the user named: `-`/`/dev/stdout` is the stream, the claims file and
    sources (`protect`) are never overwritten, anything but a regular file is refused."""
    import sys

    stream = _STREAMS.get(str(target))
    if stream:
        out = getattr(sys, stream)
        out.write(data)
        out.flush()
        return
    path = Path(target)
    for other in protect:
        try:
            same = os.path.samefile(path, other)
        except (OSError, ValueError):
            same = False
        if same:
            raise _error(path, OSError(errno.EEXIST, "it is an input of this run"),
                         problem="refusing to overwrite an input of this run (the claims file or a source)",
                         hint="choose another output path")
    write_atomic(path, data, replace_link=replace_link)


def inputs_of(claims_file) -> list[Path]:
    """The claims file and every source it names: files an output must never replace."""
    if claims_file is None:
        return []
    return [Path(claims_file.path), *(Path(spec.path) for spec in claims_file.sources.values())]


def write_atomic(path: str | Path, data: str | bytes, *, durable: bool = True, replace_link: bool = False) -> None:
    """durable=False skips the fsyncs: still atomic for readers, but a power loss may leave an empty
    or older file; for caches that validate what they read and rebuild what they cannot."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _error(path, exc) from None
    if info is not None and stat.S_ISLNK(info.st_mode) and not replace_link:
        raise _error(path, OSError(errno.ELOOP, "it is a symbolic link"),
                     problem="refusing to replace a symbolic link",
                     hint="remove the link or name another path; --force replaces the link itself "
                          "(its target is never written)")
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _error(path, IsADirectoryError(errno.EISDIR, "it is a directory"),
                     problem="cannot write: it is a directory", hint="give a file name inside the folder")
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
        raise _error(path, OSError(errno.EPERM, _kind(info.st_mode)),
                     problem="refusing to replace a file that is not a regular file",
                     hint="write to `-` (standard output) and redirect, or name a regular file")
    if info is not None and stat.S_ISLNK(info.st_mode):
        info = None                            # the new file gets the usual mode, not the link's
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


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


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
