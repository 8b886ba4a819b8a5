"""Read a file only if it is a regular file of bounded size: never a FIFO, a device or a link.

Cache entries and lock files are paths anyone with write access to a folder can
replace; /dev/zero behind one read until MemoryError and a FIFO hung forever.
The file is opened without following a final symlink and without blocking, then
checked on the open descriptor (no window between check and read).
"""
from __future__ import annotations

import errno
import os
import stat


class NotRegular(OSError):
    """The path is not a regular file, or is larger than allowed."""


def read_regular(path, limit: int, *, follow: bool = False) -> bytes:
    """The bytes of `path`; NotRegular (an OSError) if it is anything but a regular file of <= limit bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotRegular(errno.ELOOP, "it is a symbolic link", str(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise NotRegular(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise NotRegular(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)
