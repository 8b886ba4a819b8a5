"""Check every claim of a claims file and print the report.

Exit 0 when every claim meets its `expect` and every pair passes, 1 when one does not (or, under CI or with
[tool.verifier] stub_check = "fail", when a claim is a stub with an empty `claim:`), 2 on bad input.
"""
from __future__ import annotations

import contextlib
import gc
import sys

from ..outputs.formats import Formats


FORMATS = Formats("auto", "json", "sarif", "html-report")
# With no --format, the output file's extension chooses (an explicit --format wins); any other: the plain table.
BY_EXTENSION = {".html": "html-report", ".htm": "html-report", ".json": "json", ".sarif": "sarif", ".md": "github"}


def configure(parser, html_required: bool = False) -> None:
    from .options import add_claims_argument, add_allow_outside
    add_claims_argument(parser)
    parser.add_argument("--format", "-f", default="auto", choices=FORMATS, metavar="FORMAT",
                        help="auto (a table fitted to the terminal, in colour; plain when piped), json, sarif "
                             "(code scanning), html-report (the page `verifier report` writes), or a tabulate "
                             "format: plain, simple, github, grid, html (a bare <table>), ... (default: auto; with "
                             "--output, the file's extension: .html html-report, .json json, .sarif sarif, "
                             ".md github, else the plain table)")
    parser.add_argument("--output", "-o", help="write the report to this file (atomically) instead of stdout; "
                                               "the summary line still goes to the terminal")
    parser.add_argument("--html", metavar="FILE", required=html_required,
                        help="write the HTML report to FILE: short for --output FILE --format html-report")
    add_allow_outside(parser)
    parser.add_argument("--force", action="store_true",
                        help="replace a symbolic link at the output path (the link, never its target)")
    parser.add_argument("--strict-qualifiers", action="store_true",
                        help="a claim that drops the source's hedge (50,000 for 接近5万) fails "
                             "(or strict_qualifiers = true in [tool.verifier])")
    parser.add_argument("--strict-lang", action="store_true",
                        help="a source whose letters contradict its `lang:` is an error for its claims, not a warning "
                             "(or strict_lang = true in [tool.verifier])")
    parser.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                        help="worker processes (0: one per CPU); same report as with 1 (default: 1)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="figure cache folder (default: $VERIFIER_CACHE_DIR, else your user "
                             "cache folder)")
    parser.add_argument("--no-cache", action="store_true",
                        help="extract every source afresh; read and write no cache")
    parser.set_defaults(run=run)


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
    from ..outputs.report import canonical, config_lines, render, skipped_lines, summary_line
    from ..pipeline import run as run_all

    from ..outputs.progress import Progress
    from ..outputs.safe_text import neutralise_lines, shown

    from .options import prepare
    settings = prepare(args)
    args.format = output_format(args)
    cache_dir = settings.cache_folder(args.claims, no_cache=args.no_cache, given=args.cache_dir)
    claims_file = load_claims(args.claims, allow_outside=args.allow_outside,     # with the collector paused
                              cache=_figure_cache(cache_dir))
    with Progress(len(claims_file.claims)) as progress, _claims_frozen():   # progress: terminal only, if slow
        outcome = run_all(claims_file, cache_dir=cache_dir, jobs=args.jobs, progress=progress.update,
                          allow_outside=args.allow_outside, strict_lang=args.strict_lang or settings.strict_lang,
                          keep_documents=args.format == "html-report")     # the page shows each pair's texts
    results = outcome.results
    data = canonical(results, args.claims, [*claims_file.warnings, *outcome.warnings],
                     strict_qualifiers=args.strict_qualifiers or settings.strict_qualifiers, settings=settings)
    stub_ids = {c.id for c in claims_file.claims if c.stub}     # `claim:` written empty; a figure-only claim is none
    for entry in data["claims"]:
        if entry["id"] in stub_ids:
            entry["stub"] = True
    pairs, pair_errors = pair_json(outcome.pairs)
    data["pairs"] = pairs
    terminal = _terminal(args)
    if args.format == "html-report":
        from ..outputs.html_report import pair_views, render_html
        text = render_html(data, pair_views(outcome.pairs))
    else:
        text = _sarif_text(data, settings) if args.format == "sarif" else render(data, args.format, terminal)
    if pairs and args.format not in MACHINE:
        text += "\n" + _pair_lines(pairs, "simple" if args.format == "auto" else args.format,
                                    terminal[0] if terminal else None)
    if args.format not in ("json", "sarif", "html-report", "auto"):
        text = shown(text, limit=None)              # a person reads it: no control characters, no `::` lines
    elif args.format == "auto":
        text = neutralise_lines(text)               # cells were escaped before colouring; lines still checked
    if args.output:
        write_output(args.output, text + "\n", protect=inputs_of(claims_file), replace_link=args.force)
        print("\n".join([*config_lines(data), f"{summary_line(data)} (report: {shown(args.output)})"]),
              file=sys.stderr)
    else:
        print(text)
    _github_annotations(data, machine_stdout=args.format in ("json", "sarif", "html-report") and not args.output,
                        settings=settings)
    problems = [(r.error, r.claim_id) for r in results if r.verdict == "error"] + [(e, "") for e in pair_errors]
    from ..audit.report import unused_warnings
    # the table's footer lists the warnings; a report that is not that table on the terminal leaves them to stderr
    in_table = not args.output and args.format not in MACHINE
    warned = [] if in_table else [*claims_file.warnings, *outcome.warnings]
    skipped = [] if in_table else skipped_lines(data)     # listed, never dropped, whatever the format
    for warning in [*warned, *skipped, *(w for pair in pairs for w in unused_warnings(pair))]:
        print(shown(str(warning)), file=sys.stderr)
    messages = once_each(problems)               # each problem once, in file order, with the claims it hit
    for message in messages[:MAX_MESSAGES]:
        print(shown(message), file=sys.stderr)
    if len(messages) > MAX_MESSAGES:
        print(more_line(len(messages) - MAX_MESSAGES, "errors"), file=sys.stderr)
    if problems:
        return 2
    if not claims_file.claims and not claims_file.pairs:
        print(f"{args.claims}: nothing to check: the file lists no claims and no pairs\n"
              f"  hint:     add claims (see `verifier init`) or `verifier suggest SOURCE_ID --write`", file=sys.stderr)
        return 2
    from ..outputs.report import stub_failure_text
    verdicts = {r.claim_id: r for r in results}
    stubs = [(c.id, verdicts[c.id].location) for c in claims_file.claims
             if c.stub and c.id in verdicts and verdicts[c.id].verdict not in ("error", "skipped")]
    if stubs and settings.fail_stubs():          # a green CI must mean each claim says something
        print(shown(stub_failure_text(stubs, fails=True)), file=sys.stderr)
        return 1
    if stubs and not in_table:                   # the table's footer warns of them; other reports leave it here
        print(shown(stub_failure_text(stubs, fails=False)), file=sys.stderr)
    return 0 if not data["summary"]["failed"] and all(p["summary"]["passed"] for p in pairs) else 1


MACHINE = ("json", "sarif", "html", "html-report")     # formats no table or pair lines are added to


def output_format(args) -> str:
    """The format of the report: --format when given; for --html FILE, the HTML report (written to FILE); else the
    one the --output file's extension names (report.html: the HTML report), else auto."""
    if getattr(args, "html", None):
        other = (f"--output {args.output}" if args.output and args.output != args.html else
                 f"--format {args.format}" if args.format not in ("auto", "html-report") else "")
        if other:
            from ..errors import VerifierError
            raise VerifierError(None, "--html FILE is short for `--output FILE --format html-report`",
                                found=f"--html {args.html} and {other}",
                                expected="--html FILE alone, or --output FILE with --format FORMAT",
                                hint="write one report per run; the file's extension chooses its format "
                                     "(-o report.html is the HTML report)")
        args.output = args.html
        return "html-report"
    if args.format == "auto" and args.output:
        from pathlib import Path
        return BY_EXTENSION.get(Path(args.output).suffix.lower(), "auto")
    return args.format


def _figure_cache(cache_dir):
    if cache_dir is None:
        return None
    from ..document.cache import FigureCache
    return FigureCache(cache_dir)


def pair_json(outcomes) -> tuple[list[dict], list[str]]:
    """Each audited pair as canonical JSON, and the problems that kept the others from being audited."""
    from ..audit.report import canonical as audit_json
    out = [{"id": o.pair.id, **audit_json(o.result), "location": f"{o.pair.loc.path}:{o.pair.loc.line}"}
           for o in outcomes if o.result]
    return out, [str(o.error) for o in outcomes if o.error]


def _pair_lines(pairs: list[dict], fmt: str, width: int | None = None) -> str:
    """Each pair's summary line, with its unexplained disagreements as a table above it; on a terminal
    narrower than that table, as one wrapped line per finding."""
    from ..audit.report import finding_lines, render as render_pair, summary_line
    if width is None:
        return "\n".join(summary_line(p) if p["summary"]["passed"] else render_pair(p, fmt) for p in pairs)
    from ..outputs.safe_text import escape_chars
    from ..outputs.terminal import width_of, wrapped
    blocks = []
    for p in pairs:
        table = "" if p["summary"]["passed"] else render_pair(p, fmt)
        if table and max(width_of(line) for line in table.splitlines()) <= width:
            blocks.append(table)
            continue
        lines = ([] if p["summary"]["passed"] else [*finding_lines(p), ""]) + [summary_line(p)]
        blocks.append(wrapped([escape_chars(line) for line in lines], width=width))
    return "\n".join(blocks)


# One bad file once printed 7.7 MB of messages: past the first MAX_MESSAGES, only how many more there are.
MAX_MESSAGES = 100


def more_line(more: int, what: str) -> str:
    return (f"verifier: … and {more:,} more {what} not shown (the first {MAX_MESSAGES} are above; "
            f"the report lists every claim's verdict)")


def once_each(problems: list[tuple[str, str]]) -> list[str]:
    """Each distinct message once, in order; one that hit several claims says how many and which."""
    hits: dict[str, list[str]] = {}
    for message, claim_id in problems:
        hits.setdefault(message, [])
        if claim_id:
            hits[message].append(claim_id)
    out = []
    for message, ids in hits.items():
        if len(ids) > 1:
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            message += f"\n  (the same error for {len(ids)} claims: {shown})"
        out.append(message)
    return out


def _terminal(args):
    """(width, colour) when a person reads stdout and the format is auto; None for the stable plain table."""
    from ..outputs.terminal import colour_wanted, is_terminal
    if args.format != "auto" or args.output or not is_terminal(sys.stdout):
        return None
    import shutil
    return shutil.get_terminal_size((100, 24)).columns, colour_wanted(sys.stdout)


def _sarif_text(data: dict, settings) -> str:
    import json

    from ..outputs.ci_formats import sarif
    return json.dumps(sarif(data, repo_root(settings)), ensure_ascii=False, indent=2)


def repo_root(settings):
    from ..outputs.ci_formats import repository_root
    return (settings.base / settings.root).resolve() if settings.root else repository_root()


def _github_annotations(data: dict, machine_stdout: bool, settings=None) -> None:
    """Under GitHub Actions, one ::error line per failing claim (stderr when stdout is JSON/SARIF)."""
    from ..outputs.ci_formats import github_annotations, in_github_actions
    if in_github_actions():
        for line in github_annotations(data, repo_root(settings) if settings else None):
            print(line, file=sys.stderr if machine_stdout else sys.stdout)
