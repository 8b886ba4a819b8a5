"""The report formats a verb accepts: its own (json, sarif) plus every tabulate format.

tabulate costs tens of milliseconds to import, so the list is built when a
format is checked, not when `verifier --help` builds the parser (argparse only
tests membership, and lists the choices in its error message).
"""
from __future__ import annotations


UNSAFE = {"unsafehtml"}     # passes source text into HTML unescaped: a source could inject markup (#13)


class Formats:
    def __init__(self, *own: str):
        self.own = own

    def _all(self) -> tuple[str, ...]:
        from tabulate import tabulate_formats
        return (*self.own, *sorted(set(tabulate_formats) - UNSAFE))

    def __contains__(self, value) -> bool:
        return value in self.own or value in self._all()        # json, sarif: no tabulate to import

    def __iter__(self):
        return iter(self._all())
