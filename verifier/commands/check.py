"""Check every claim of a claims file and print the report.

Exit 0 when every claim meets its `expect`, 1 when one does not, 2 on bad input.
"""
from __future__ import annotations

import contextlib
import gc
import sys

from ..outputs.formats import Formats


FORMATS = Formats("json", "sarif")


def configure(parser) -> None:
    parser.add_argument("claims", nargs="?", default="claims.yaml", help="claims file (default: ./claims.yaml)")
    parser.add_argument("--format", "-f", default="simple", choices=FORMATS, metavar="FORMAT",
                        help="json, sarif (code scanning), or a tabulate format: plain, simple, github, grid, html, "
                             "... (default: simple)")
    parser.add_argument("--output", "-o", help="write the report to this file (atomically) instead of stdout")
    parser.add_argument("--force", action="store_true",
                        help="replace a symbolic link at the output path (the link, never its target)")
    parser.add_argument("--allow-outside", action="store_true",
                        help="let sources live outside the claims file's folder")
    parser.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                        help="worker processes (0: one per CPU); same report as with 1 (default: 1)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="figure cache folder (default: $VERIFIER_CACHE_DIR, else your user "
                             "cache folder)")
    parser.add_argument("--no-cache", action="store_true",
                        help="extract every source afresh; read and write no cache")
    parser.set_defaults(run=run)


@contextlib.contextmanager
def _collector_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def _claims_frozen():
    """Keep the long-lived objects (claims) out of GC passes, and out of copy-on-write in forked workers."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _jobs(value: str) -> int:
    import argparse

    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    if jobs == 0:
        from ..check.pool import cpu_count
        jobs = cpu_count()
    return jobs


def run(args) -> int:
    from ..atomic import inputs_of, write_output
    from ..claimsfile.claims import load_claims
    from ..outputs.report import canonical, render
    from ..check.run import check_all

    from ..document.cache import default_dir
    from ..outputs.progress import Progress
    from ..outputs.safe_text import shown

    with _collector_paused():          # reading 10,000 claims makes objects that all live: no GC passes
        claims_file = load_claims(args.claims, allow_outside=args.allow_outside)
    cache_dir = None if args.no_cache else (args.cache_dir or default_dir(args.claims))
    with Progress(len(claims_file.claims)) as progress, _claims_frozen():   # progress: terminal only, if slow
        results = check_all(claims_file, cache_dir=cache_dir, jobs=args.jobs, progress=progress.update,
                            allow_outside=args.allow_outside)
    data = canonical(results, args.claims)
    pairs, pair_errors = _audit_pairs(claims_file, args.allow_outside)
    data["pairs"] = pairs
    text = _sarif_text(data) if args.format == "sarif" else render(data, args.format)
    if pairs and args.format not in ("json", "sarif", "html"):
        text += "\n" + _pair_lines(pairs, args.format)
    if args.format not in ("json", "sarif"):
        text = shown(text, limit=None)              # a person reads it: no control characters, no `::` lines
    if args.output:
        write_output(args.output, text + "\n", protect=inputs_of(claims_file), replace_link=args.force)
    else:
        print(text)
    _github_annotations(data, machine_stdout=args.format in ("json", "sarif") and not args.output)
    problems = [r.error for r in results if r.verdict == "error"] + pair_errors
    for message in dict.fromkeys(problems):          # each problem once, in file order
        print(shown(message), file=sys.stderr)
    if problems:
        return 2
    if not claims_file.claims and not claims_file.pairs:
        print(f"{args.claims}: nothing to check: the file lists no claims and no pairs\n"
              f"  hint:     add claims (see `verifier init`) or `verifier suggest SOURCE_ID --write`", file=sys.stderr)
        return 2
    return 0 if all(r.passed for r in results) and all(p["summary"]["passed"] for p in pairs) else 1


def _audit_pairs(claims_file, allow_outside: bool) -> tuple[list[dict], list[str]]:
    """Each `pairs:` entry audited (EN vs ZH), as canonical JSON, plus the problems met."""
    if not claims_file.pairs:
        return [], []
    from ..audit import audit_pair
    from ..audit.report import canonical as pair_json
    from ..errors import VerifierError
    from ..check.run import SourceLibrary, glossary_for

    library, glossary = SourceLibrary(claims_file), glossary_for(claims_file)
    out, problems = [], []
    for pair in claims_file.pairs:
        try:
            if pair.error:
                raise pair.error
            result = audit_pair(library.get(pair.en), library.get(pair.zh), glossary, pair.accepted)
        except VerifierError as exc:
            problems.append(str(exc))
            continue
        out.append({"id": pair.id, "en": pair.en, "zh": pair.zh, **pair_json(result)})
    return out, problems


def _pair_lines(pairs: list[dict], fmt: str) -> str:
    """Each pair's summary line, with its unexplained disagreements as a table above it."""
    from ..audit.report import render as render_pair, summary_line
    return "\n".join(summary_line(p) if p["summary"]["passed"] else render_pair(p, fmt) for p in pairs)


def _sarif_text(data: dict) -> str:
    import json

    from ..outputs.ci_formats import sarif
    return json.dumps(sarif(data), ensure_ascii=False, indent=2)


def _github_annotations(data: dict, machine_stdout: bool) -> None:
    """Under GitHub Actions, one ::error line per failing claim (stderr when stdout is JSON/SARIF)."""
    from ..outputs.ci_formats import github_annotations, in_github_actions
    if in_github_actions():
        for line in github_annotations(data):
            print(line, file=sys.stderr if machine_stdout else sys.stdout)
