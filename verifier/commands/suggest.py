"""List the figures of a source that no claim covers; with --write, append claim stubs for them.

  verifier suggest jiemian-alibaba              what is left to claim in that source
  verifier suggest jiemian-alibaba --write      append a stub per figure to claims.yaml
  verifier suggest claims/wu.yaml wu            another claims file (or --claims claims/wu.yaml)

A stub has the figure as the source writes it, the words around it as `near`,
`expect: supported` and an empty `claim:` for you to write. Stubs are appended
after the last claim; nothing already in the file changes (comments included),
and the file is rewritten atomically only after the new version reads back
with every stub supported.
"""
from __future__ import annotations



def configure(parser) -> None:
    parser.add_argument("claims_pos", nargs="?", metavar="CLAIMS",
                        help="claims file (default: ./claims.yaml), before the source id: `suggest claims/wu.yaml wu`")
    parser.add_argument("source", metavar="SOURCE_ID", help="a source id from the claims file's `sources:`")
    parser.add_argument("--write", action="store_true", help="append claim stubs to the claims file")
    parser.add_argument("--all", action="store_true",
                        help="also list (and stub) figures in page furniture: navigation, footers, link lists, "
                             "related stories after the article")
    from .options import add_allow_outside, add_claims_argument
    add_claims_argument(parser, positional=False)
    add_allow_outside(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..outputs.safe_text import echo, shown       # source text reaches the terminal here: escaped
    table_echo, echo = echo, _fitted(echo)            # messages wrap to the terminal's width
    from ..claimsfile.claims import load_claims
    from ..check.coverage import stubs, uncovered
    from ..errors import Location, VerifierError
    from ..check.run import cached_library, check_one, glossary_for

    from .options import prepare
    settings = prepare(args)
    from .options import load_checked
    claims_file = load_checked(args)
    if args.source not in claims_file.sources:
        raise VerifierError(Location(args.claims), f"unknown source {args.source!r}", found=args.source,
                            expected="an id under `sources:`: " + (", ".join(claims_file.sources) or "(none)"),
                            hint=_did_you_mean(args.source, claims_file.sources))
    library = cached_library(claims_file, settings.cache_folder(args.claims))
    glossary = glossary_for(claims_file)
    doc = library.get(args.source)
    from .options import warn_of_sources
    warn_of_sources(library)
    results = [check_one(c, library, glossary) for c in claims_file.claims if c.source == args.source]
    from ..document.furniture import furniture_figures
    furniture = {} if args.all else furniture_figures(doc)
    made, skipped = stubs(claims_file, args.source, doc, results, glossary, skip=furniture)
    near = {s.found: s.near for s in made}
    missing = [f for f in uncovered(doc, results) if (f.line, f.col) not in furniture]
    left_out = [f for f in uncovered(doc, results) if (f.line, f.col) in furniture]
    if not missing:
        echo(f"every one of the {len(doc.found)} figures in {args.source} ({doc.path}) is covered by a claim"
             if not left_out else f"every figure of the article in {args.source} ({doc.path}) is covered by a claim")
        _say_left_out(left_out, furniture, echo)
        return 0
    rows = [[shown(cell, limit=None) for cell in (f"{f.line}:{f.col}", f.figure.text, _value(f), f.figure.kind,
             ", ".join(near[f]) if f in near else "(no stub)", _context(doc, f))] for f in missing]
    table_echo(_table(rows), limit=None)
    echo(f"\n{len(missing)} of {len(doc.found)} figures in {args.source} ({doc.path}) are not covered by a claim")
    _say_left_out(left_out, furniture, echo)
    if skipped:
        echo(f"{len(skipped)} have no stub: a claim with that figure and those words is not supported by it; "
              f"add those by hand")
    if not args.write:
        if made:
            echo(f"run with --write to append {len(made)} claim stubs to {args.claims}")
        return 0
    if not made:
        echo(f"nothing appended to {args.claims}")
        return 0
    after = append_stubs(args, claims_file, made, doc)
    echo(f"appended {len(made)} claim stubs to {args.claims} after line {after}: "
          f"write each `claim:`, check the `near` words, then run `verifier`")
    return 0


HEADERS = ["line:col", "figure", "value", "kind", "near", "context"]


def _table(rows: list[list[str]]) -> str:
    """The uncovered figures as a table; on a terminal narrower than it, two lines per figure."""
    import sys

    from tabulate import tabulate

    from ..outputs.terminal import hanging, is_terminal, width_of
    table = tabulate(rows, headers=HEADERS, disable_numparse=True)
    if not is_terminal(sys.stdout):
        return table
    import shutil
    width = shutil.get_terminal_size((100, 24)).columns
    if max(width_of(line) for line in table.splitlines()) <= width:
        return table
    lines = []
    for where, figure, value, kind, near, context in rows:
        read = f" = {value}" if value and value != figure else ""
        stub = near if near == "(no stub)" else f"near: {near}"
        lines += hanging(f"{where}  {figure}{read} ({kind})  {stub}", width)
        lines += hanging(f"    {context}", width)
    return "\n".join(lines)


def _fitted(echo):
    """`echo`, each line wrapped at word boundaries to the terminal's width (on a terminal; else as it is)."""
    import shutil
    import sys

    from ..outputs.terminal import hanging, is_terminal
    if not is_terminal(sys.stdout):
        return echo
    width = shutil.get_terminal_size((100, 24)).columns

    def fitted(text="", **kwargs):
        echo("\n".join(out for line in str(text).split("\n") for out in hanging(line, width)), **kwargs)
    return fitted


def _say_left_out(left_out, furniture: dict, echo) -> None:
    """One line for the uncovered figures in page furniture, which are neither listed nor stubbed."""
    if not left_out:
        return
    reasons = ", ".join(dict.fromkeys(furniture[(f.line, f.col)] for f in left_out))
    lines = sorted({f.line for f in left_out})
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}-{lines[-1]}"
    echo(f"{len(left_out)} more in page furniture ({reasons}; {where}) are left out; --all lists them")


def _did_you_mean(word: str, choices) -> str:
    import difflib
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else "run `verifier coverage` to see every source"


def _value(found) -> str:
    try:
        return found.figure.value_text()
    except Exception:  # noqa: BLE001
        return ""


def _context(doc, found) -> str:
    from ..check.coverage import context
    return context(doc, found, width=12)


def append_stubs(args, claims_file, made, doc) -> int:
    """Append, check the result reads back (old claims intact, stubs supported), then replace the file.

    Returns the number of lines the file had before.
    """
    import os
    import tempfile
    from pathlib import Path

    from ..atomic import WriteError, write_atomic
    from ..claimsfile.claims import load_claims
    from ..errors import Location
    from ..claimsfile.yamlappend import AppendError, find_list_end, quote, render_items, scalar

    path = Path(args.claims).resolve()            # write the file the link names, never replace the link
    try:
        original = path.read_bytes()
        text = original.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:    # UTF-16 is read by `check`, but appended to only as UTF-8
        raise AppendError(Location(args.claims), "cannot append stubs to this claims file",
                          found=getattr(exc, "strerror", None) or "it is not UTF-8 (UTF-16?)",
                          expected="a readable UTF-8 claims file",
                          hint="save the file as UTF-8, or add the claims by hand; nothing was changed") from None
    end = find_list_end(text, args.claims)
    items = []
    for stub in made:
        item = [("#", f"{doc.path}:{stub.found.line}:{stub.found.col}  {stub.context}"),
                ("id", stub.id), ("claim", "# TODO: the statement this figure supports, in your words"),
                ("source", scalar(stub.source)),
                ("figure", quote(stub.figure))]
        if stub.near:
            item.append(("near", "[" + ", ".join(quote(w) for w in stub.near) + "]"))
        item.append(("expect", "supported"))
        items.append(item)
    added = render_items(items, end, header=f"--- suggested by `verifier suggest {args.source}`: "
                                            f"write each claim, check its near words ---")
    updated = original + added.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.suggest-", suffix=".yaml", dir=path.parent)
    except OSError as exc:
        raise AppendError(Location(args.claims), "cannot write next to the claims file",
                          found=exc.strerror or type(exc).__name__, expected="a writable folder",
                          hint="nothing was changed; check the folder's permissions") from None
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(updated)
        except OSError as exc:
            raise AppendError(Location(args.claims), "cannot write next to the claims file",
                              found=exc.strerror or type(exc).__name__, expected="room on the disk to write",
                              hint="nothing was changed; free some space or raise the file size limit") from None
        problem = _verify(load_claims(tmp, allow_outside=args.allow_outside), claims_file, made)
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    if problem:
        raise AppendError(Location(args.claims), "the claims file with the stubs appended does not read back "
                          "as intended, so it was not changed", found=problem,
                          expected="the old claims unchanged and every stub supported",
                          hint="add the claims by hand; please report this file's layout")
    try:
        write_atomic(path, updated)
    except WriteError:
        raise
    except OSError as exc:
        raise AppendError(Location(args.claims), "cannot write the claims file", found=exc.strerror or str(exc),
                          expected="a writable file", hint="nothing was changed; check the file's permissions") from None
    return len(text.splitlines())


def _verify(new, old, made) -> str:
    """'' when `new` is `old` plus exactly the stubs, each supported; else what went wrong."""
    from ..check.run import SourceLibrary, check_one, glossary_for

    def shape(c):
        return (c.id, c.claim, c.source, c.figures, c.near, c.quote, c.expect, c.note, c.loc.line, c.loc.col,
                str(c.error.problem) if c.error else "")
    count = len(old.claims)
    if [shape(c) for c in new.claims[:count]] != [shape(c) for c in old.claims]:
        return "an existing claim reads differently"
    added = new.claims[count:]
    if [c.id for c in added] != [s.id for s in made]:
        return f"expected {len(made)} new claims, read {len(added)}"
    library, glossary = SourceLibrary(new), glossary_for(new)
    for claim in added:
        result = check_one(claim, library, glossary)
        if result.verdict != "supported":
            return f"stub {claim.id} is {result.verdict}: {result.reason or result.error}"
    return ""
