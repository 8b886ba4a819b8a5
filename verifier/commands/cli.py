"""`verifier`: the command line. Verbs live in verifier/commands, one module each.

`verifier` alone (or `verifier check`) checks ./claims.yaml. Exit codes:
0 every claim meets its `expect`, 1 some do not, 2 bad input. No traceback
reaches the user unless --debug is given.
"""
from __future__ import annotations

import argparse
import functools
import importlib
import pkgutil
import signal
import sys

from .. import commands
from ..errors import VerifierError
from ..outputs.safe_text import echo

DEFAULT_VERB = "check"


def _verbs() -> dict:
    found = {}
    for info in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        if hasattr(module, "configure") and hasattr(module, "run"):
            found[getattr(module, "VERB", info.name)] = module
    return dict(sorted(found.items()))


@functools.cache
def _version() -> str:
    """The installed version, looked up once per process (each main() builds its parser afresh)."""
    try:
        from importlib.metadata import version
        return version("verifier")
    except Exception:  # noqa: BLE001 - run from a checkout, not installed
        return "0 (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="verifier",
        description="Check figures and quotes in claims.yaml against English and Chinese source texts.",
        epilog="With no verb, `verifier` runs `check` on ./claims.yaml.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("--version", action="version", version=f"verifier {_version()}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for verb, module in _verbs().items():
        doc = (module.__doc__ or "").strip().splitlines()
        module.configure(sub.add_parser(verb, help=doc[0] if doc else verb,
                                        description=(module.__doc__ or "").strip(),
                                        formatter_class=argparse.RawDescriptionHelpFormatter))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    verbs = set(parser._subparsers._group_actions[0].choices)  # noqa: SLF001 - argparse has no public API
    first = next((a for a in argv if a != "--debug"), None)
    if first is None or (first not in verbs and first not in ("-h", "--help", "--version")):
        position = argv.index(first) if first is not None else len(argv)
        argv.insert(position, DEFAULT_VERB)
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGXFSZ"):        # past `ulimit -f` a write fails with EFBIG (exit 2) instead of killing us
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        return int(args.run(args) or 0)
    except VerifierError as exc:
        echo(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("verifier: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:               # stdout or stderr on a full disk, past a size limit, closed
        try:
            print(f"verifier: cannot write output: {exc.strerror or type(exc).__name__}", file=sys.stderr)
        except OSError:
            pass
        return 2
    except Exception as exc:  # last resort: a clear line instead of a traceback
        if args.debug:
            raise
        echo(f"verifier: internal error: {type(exc).__name__}: {exc}\n"
              f"  hint: rerun with --debug for the traceback, and please report it", file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
