"""A progress line for long runs: `\\r`-updated on stderr, only when stderr is a terminal.

Nothing is written when the stream is not a terminal (CI logs, pipes, files),
nor for runs that finish before `delay` seconds, and the line is erased at the
end so the report starts on a clean line. Updates are throttled, so calling
`update` once per claim costs next to nothing. No dependency: plain `\\r`.
"""
from __future__ import annotations

import sys
import time


class Progress:
    """Call update(done) as work completes, then close()."""

    def __init__(self, total: int, label: str = "checking", stream=None, *, delay: float = 0.5,
                 interval: float = 0.1, clock=time.monotonic, force: bool | None = None):
        self.total = max(int(total), 0)
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.enabled = _is_tty(self.stream) if force is None else force
        self.delay, self.interval, self.clock = delay, interval, clock
        self.started = clock()
        self._last = float("-inf")
        self._width = 0
        self.done = 0

    def update(self, done: int) -> None:
        self.done = done
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or (now - self._last < self.interval and done < self.total):
            return
        self._last = now
        self._write(self.line(now))

    def line(self, now: float | None = None) -> str:
        elapsed = (self.clock() if now is None else now) - self.started
        total = self.total or 1
        fraction = min(self.done / total, 1.0)
        filled = int(fraction * 24)
        bar = "#" * filled + "-" * (24 - filled)
        eta = ""
        if 0 < self.done < self.total:
            eta = f", ~{elapsed * (self.total - self.done) / self.done:.0f}s left"
        return f"{self.label} [{bar}] {self.done}/{self.total} claims, {elapsed:.0f}s{eta}"

    def close(self) -> None:
        """Erase the line (if one was drawn)."""
        if self.enabled and self._width:
            self._write("", erase=True)

    def _write(self, text: str, erase: bool = False) -> None:
        pad = max(self._width - len(text), 0)
        try:
            self.stream.write("\r" + text + " " * pad + ("\r" if erase else ""))
            self.stream.flush()
        except (OSError, ValueError):       # a closed terminal must not end the run
            self.enabled = False
        self._width = 0 if erase else len(text)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _is_tty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
