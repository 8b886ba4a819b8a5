"""Write an HTML report: each claim's verdict with its source sentence, and each pair side by side.

One self-contained file (inline CSS, no scripts, no network) to open in a
browser, attach to a pull request or keep as a CI artifact. Exit codes are the
same as `check`: 0 every claim meets its `expect`, 1 some do not, 2 bad input.
"""
from __future__ import annotations

import sys


def configure(parser) -> None:
    parser.add_argument("--html", required=True, metavar="FILE", help="write the HTML report here (atomically)")
    from .options import add_allow_outside, add_claims_argument
    add_claims_argument(parser, positional=True)
    add_allow_outside(parser)
    parser.add_argument("--force", action="store_true",
                        help="replace a symbolic link at the output path (the link, never its target)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..atomic import WriteError, inputs_of, write_output
    from ..claimsfile.claims import load_claims
    from ..errors import Location, VerifierError
    from ..outputs.html_report import pair_views, render_html
    from ..outputs.report import canonical, config_lines, summary_line
    from ..outputs.safe_text import echo
    from ..pipeline import run as run_all

    from .options import prepare
    settings = prepare(args)
    from .options import load_checked
    claims_file = load_checked(args)
    cache_dir = settings.cache_folder(args.claims)
    outcome = run_all(claims_file, cache_dir=cache_dir, keep_documents=True)
    results = outcome.results
    data = canonical(results, args.claims, [*claims_file.warnings, *outcome.warnings],
                     strict_qualifiers=settings.strict_qualifiers, settings=settings)
    pairs = pair_views(outcome.pairs)
    try:
        write_output(args.html, render_html(data, pairs), protect=inputs_of(claims_file), replace_link=args.force)
    except WriteError:
        raise
    except OSError as exc:
        raise VerifierError(Location(args.html), "cannot write the HTML report", found=exc.strerror or str(exc),
                            expected="a file path in an existing, writable folder",
                            hint="create the folder first, or choose another path") from None
    echo("\n".join([f"wrote {args.html}", *config_lines(data), summary_line(data)]))
    for warning in outcome.warnings:          # the claims file's own were printed as it was read
        echo(str(warning), file=sys.stderr)
    errors = [r.error for r in results if r.verdict == "error"]
    for error in dict.fromkeys(errors):
        echo(error, file=sys.stderr)
    if errors:
        return 2
    return 0 if not data["summary"]["failed"] else 1
