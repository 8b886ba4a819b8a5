"""Audit the figures of an English and a Chinese document against each other.

  verifier compare EN_FILE ZH_FILE          one pair, built-in glossary
  verifier compare [claims.yaml]            every `pairs:` entry, with its `accept:` and the `glossary:`
                                            (or --claims claims.yaml)
  verifier compare EN ZH --claims FILE      one pair, with that file's glossary (and accept, if it lists the pair)

Categories: agree, agree_approx, value_mismatch, unit_mismatch, qualifier_mismatch,
version_mismatch, name_mismatch, scope_mismatch, missing_in_en, missing_in_zh, internal_conflict. Exit 0 when every disagreement is
explained by `accept:`, 1 when one is not, 2 on bad input.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..outputs.formats import Formats

FORMATS = Formats("json")


def configure(parser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="the English file, then the Chinese file; or one claims file (default: ./claims.yaml), to audit its pairs")
    parser.add_argument("--claims", "-c", help="claims file: audit its pairs, or take glossary and accept from it")
    parser.add_argument("--format", "-f", default="simple", choices=FORMATS, metavar="FORMAT",
                        help="json, or a tabulate format: plain, simple, github, grid, ... (default: simple)")
    parser.add_argument("--output", "-o", help="write the report to this file (atomically) instead of stdout")
    parser.add_argument("--force", action="store_true",
                        help="replace a symbolic link at the output path (the link, never its target)")
    parser.add_argument("--all", action="store_true", help="list agreements too, not only disagreements")
    parser.add_argument("--fail-on", choices=("high", "medium"), default=None,
                        help="least confidence that fails a pair (default: the pair's fail_on in claims.yaml, else "
                             "[tool.verifier] fail_on, else high; medium findings are always reported)")
    parser.add_argument("--summary", choices=("en", "zh"), default=None,
                        help="the file that summarises the other: figures it leaves out are no finding, figures "
                             "that differ still are (default: the pair's summary in claims.yaml, else neither)")
    parser.add_argument("--as-given", action="store_true",
                        help="take the files in the order given, even when the first looks Chinese and the "
                             "second English (by default such a pair is swapped, with a warning)")
    from .options import add_allow_outside
    add_allow_outside(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..atomic import inputs_of, write_output
    from ..outputs.safe_text import shown
    from ..audit import audit_pair
    from ..audit.report import canonical, render
    from ..claimsfile.claims import load_claims
    from ..errors import Location, VerifierError
    from ..document.glossary import DEFAULT, Glossary
    from ..check.run import cached_library
    from ..pipeline import audit_pairs
    from ..document.sources import read_source

    if len(args.files) == 1 and args.files[0].endswith((".yaml", ".yml")):   # the claims file, as every verb takes it
        if args.claims and args.claims != args.files[0]:
            raise VerifierError(None, "two claims files given", found=f"{args.files[0]} and --claims {args.claims}",
                                expected="one claims file", hint="give it once: `verifier compare FILE`")
        args.claims, args.files = args.files[0], []
    if len(args.files) not in (0, 2):
        raise VerifierError(Location(" ".join(args.files)), "compare needs two files, English first",
                            found=f"{len(args.files)} file(s)", expected="verifier compare EN_FILE ZH_FILE",
                            hint="or give --claims claims.yaml to audit the pairs it lists")
    claims_file = None
    if args.claims or not args.files:
        claims_file = load_claims(args.claims or "claims.yaml", allow_outside=args.allow_outside)
    glossary = Glossary(claims_file.glossary) if claims_file else DEFAULT
    from .. import config
    default_fail_on = config.load(claims_file.path if claims_file else args.files[0]).fail_on
    results, bad = [], False
    if args.files and not args.as_given:
        args.files = _english_first(args.files)
    if args.files:
        en = read_source(Path(args.files[0]), args.files[0], "en")
        zh = read_source(Path(args.files[1]), args.files[1], "zh")
        spec = _pair_for(claims_file, args.files)
        fail_on = args.fail_on or (spec.fail_on if spec else "") or default_fail_on
        summary = args.summary or (spec.summary if spec else "")
        results.append(audit_pair(en, zh, glossary, spec.accepted if spec else (), fail_on, summary=summary))
    else:
        if not claims_file.pairs:
            raise VerifierError(Location(str(claims_file.path)), "the claims file lists no pairs",
                                expected="pairs: [{en: SOURCE_ID, zh: SOURCE_ID}]")
        cache_dir = config.load(claims_file.path).cache_folder(claims_file.path)
        library = cached_library(claims_file, cache_dir)
        for outcome in audit_pairs(claims_file, library, fail_on=args.fail_on or "", summary=args.summary or ""):
            if outcome.error:
                print(shown(str(outcome.error)), file=sys.stderr)
                bad = True
            else:
                results.append(outcome.result)
        from .options import warn_of_sources
        warn_of_sources(library)             # a pair's source whose letters contradict its `lang:`
    data = canonical(results[0]) if args.files else \
        {"claims_file": str(claims_file.path), "pairs": [canonical(r) for r in results]}
    text = render(data, args.format, args.all)
    if args.format != "json":
        text = shown(_fitted(data, text, args.all) if not args.output else text, limit=None)
    if args.output:
        write_output(args.output, text + "\n", protect=[*inputs_of(claims_file), *args.files],
                     replace_link=args.force)
    else:
        print(text)
    from ..audit.report import unused_warnings
    for pair in (data["pairs"] if "pairs" in data else [data]):
        for warning in unused_warnings(pair):
            print(shown(warning), file=sys.stderr)
    if bad:
        return 2
    return 0 if all(r.passed for r in results) else 1


def _fitted(data: dict, table: str, show_agree: bool) -> str:
    """The report as rendered, or, on a terminal narrower than its table, one wrapped line per finding."""
    import shutil

    from ..audit.report import finding_lines, summary_line
    from ..outputs.terminal import is_terminal, width_of, wrapped
    if not is_terminal(sys.stdout):
        return table
    width = shutil.get_terminal_size((100, 24)).columns
    if max((width_of(line) for line in table.splitlines()), default=0) <= width:
        return table
    blocks = []
    for pair in (data["pairs"] if "pairs" in data else [data]):
        lines = finding_lines(pair, show_agree)
        blocks.append(wrapped([*lines, *([""] if lines else []), summary_line(pair)], width=width))
    return "\n\n".join(blocks)


def script_of(path: str, sample: int = 20_000) -> str:
    """'zh', 'en' or 'mixed' as the letters of the file's prose read (verifier.document.script), '' when
    it has too few letters to tell or cannot be read."""
    from ..document.markdown import read_layout
    from ..document.script import letter_mix
    try:
        text = Path(path).read_bytes()[:sample * 3].decode("utf-8", errors="ignore")
    except OSError:
        return ""              # read_source says what is wrong with it
    return letter_mix(read_layout(text).masked).reads_as(min_letters=8)


_RANK = {"en": 0, "mixed": 1, "zh": 2}


def _english_first(files: list[str]) -> list[str]:
    """The two files, English first: swapped when the first reads as more Chinese than the second (a Chinese
    README half in English names reads as mixed; two mixed files keep their order)."""
    first, second = script_of(files[0]), script_of(files[1])
    if first and second and _RANK[first] > _RANK[second]:
        print(f"verifier: warning: {files[0]} reads as {_NAMES[first]} and {files[1]} as {_NAMES[second]}: "
              f"comparing them as EN {files[1]} ~ ZH {files[0]} (English first is the order; --as-given keeps "
              f"yours)", file=sys.stderr)
        return [files[1], files[0]]
    return files


_NAMES = {"en": "English", "zh": "Chinese", "mixed": "both Chinese and English"}


def _pair_for(claims_file, files):
    """The claims file's pair whose two sources are these files (its `accept:` and `fail_on`), or None."""
    if claims_file is None:
        return None
    wanted = tuple(Path(f).resolve() for f in files)
    for pair in claims_file.pairs:
        spec_en, spec_zh = claims_file.sources.get(pair.en), claims_file.sources.get(pair.zh)
        if spec_en and spec_zh and (spec_en.path.resolve(), spec_zh.path.resolve()) == wanted:
            return pair
    return None
