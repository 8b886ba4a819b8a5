"""Show the share of each source's figures that some claim covers.

A figure is covered when a claim's evidence points at it (supported or
contradicted) or it lies inside a claim's quote. `verifier suggest SOURCE_ID`
lists the uncovered ones and can append claim stubs for them.
"""
from __future__ import annotations

import json

from ..outputs.formats import Formats

HEADERS = ["source", "lang", "path", "figures", "covered", "uncovered", "share"]


def configure(parser) -> None:
    parser.add_argument("--format", "-f", default="simple", choices=Formats("json"),
                        metavar="FORMAT",
                        help="json, or a tabulate format: plain, simple, github, ... (default: simple)")
    from .options import add_allow_outside, add_claims_argument
    add_claims_argument(parser, positional=True)
    add_allow_outside(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..claimsfile.claims import load_claims
    from ..check.coverage import covered
    from ..errors import VerifierError
    from ..check.run import cached_library, check_one, glossary_for

    from .options import prepare
    settings = prepare(args)
    from .options import load_checked
    claims_file = load_checked(args)
    library = cached_library(claims_file, settings.cache_folder(args.claims))
    glossary = glossary_for(claims_file)
    rows, bad = [], False
    for sid, spec in claims_file.sources.items():
        try:
            doc = library.get(sid)
        except VerifierError as exc:
            rows.append({"source": sid, "lang": spec.lang, "path": "", "figures": None, "covered": None,
                         "uncovered": None, "share": None, "error": exc.problem})
            bad = True
            continue
        results = [check_one(c, library, glossary) for c in claims_file.claims if c.source == sid]
        done = len(covered(doc, results))
        total = len(doc.found)
        rows.append({"source": sid, "lang": doc.lang, "path": doc.path, "figures": total, "covered": done,
                     "uncovered": total - done, "share": round(done / total, 4) if total else None})
    good = [r for r in rows if r["figures"] is not None]
    figures, done = sum(r["figures"] for r in good), sum(r["covered"] for r in good)
    total = {"figures": figures, "covered": done, "share": round(done / figures, 4) if figures else None}
    if args.format == "json":
        print(json.dumps({"claims_file": args.claims, "sources": rows, "total": total}, ensure_ascii=False, indent=2))
    else:
        table = [[r["source"], r["lang"], r["path"] or r.get("error", ""), _n(r["figures"]), _n(r["covered"]),
                  _n(r["uncovered"]), _share(r["share"])] for r in rows]
        table.append(["total", "", "", _n(figures), _n(done), _n(figures - done), _share(total["share"])])
        from tabulate import tabulate
        text = tabulate(table, headers=HEADERS, tablefmt=args.format, disable_numparse=True,
                        colalign=("left", "left", "left", "right", "right", "right", "right"))
        if _too_wide(text):            # an 80-column terminal: the path goes (`verifier suggest ID` shows it)
            text = tabulate([row[:2] + row[3:] for row in table], headers=HEADERS[:2] + HEADERS[3:],
                            tablefmt=args.format, disable_numparse=True,
                            colalign=("left", "left", "right", "right", "right", "right"))
        print(text)
    from .options import warn_of_sources
    warn_of_sources(library)
    return 2 if bad else 0


def _too_wide(text: str) -> bool:
    """A person's terminal narrower than `text` (piped output is never cut)."""
    import shutil
    import sys

    from ..outputs.terminal import is_terminal, width_of
    return is_terminal(sys.stdout) and max(map(width_of, text.splitlines())) > shutil.get_terminal_size((100, 24)).columns


def _n(value) -> str:
    return "" if value is None else str(value)


def _share(value) -> str:
    return "—" if value is None else f"{value:.0%}"
