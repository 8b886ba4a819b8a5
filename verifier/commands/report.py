"""Write an HTML report: each claim's verdict with its source sentence, and each pair side by side.

One self-contained file (inline CSS, no scripts, no network) to open in a
browser, attach to a pull request or keep as a CI artifact. It is
`verifier check --html FILE`: the same run, the same summary line (pairs
included) and the same exit codes: 0 every claim meets its `expect` and every
pair passes, 1 one does not, 2 bad input.
"""
from __future__ import annotations


def configure(parser) -> None:
    from .check import configure as check_options
    check_options(parser, html_required=True)


def run(args) -> int:
    from .check import run as check
    return check(args)
