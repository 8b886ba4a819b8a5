"""Options every verb spells the same way: the claims file, --allow-outside, and [tool.verifier].

The claims file is a positional argument (default ./claims.yaml) on every verb
whose own positional does not take that place, and `--claims FILE` works on
every verb, so old command lines keep working. `--claims-allow-outside` (the
pytest spelling) is accepted beside `--allow-outside`, and `allow_outside = true`
in [tool.verifier] sets it for the CLI and pytest alike.
"""
from __future__ import annotations


DEFAULT = "claims.yaml"


def add_claims_argument(parser, positional: bool = True) -> None:
    if positional:
        parser.add_argument("claims_pos", nargs="?", metavar="CLAIMS", help="claims file (default: ./claims.yaml)")
    parser.add_argument("--claims", "-c", dest="claims_opt", metavar="FILE",
                        help="claims file (default: ./claims.yaml)" + ("; same as the positional CLAIMS"
                                                                        if positional else ""))
    parser.set_defaults(claims=None)


def add_allow_outside(parser) -> None:
    parser.add_argument("--allow-outside", "--claims-allow-outside", dest="allow_outside", action="store_true",
                        help="let sources live outside the claims file's folder "
                             "(or allow_outside = true in [tool.verifier])")


def claims_path(args) -> str:
    """The claims file named positionally or with --claims (both: they must agree)."""
    pos, opt = getattr(args, "claims_pos", None), getattr(args, "claims_opt", None)
    if pos and opt and pos != opt:
        from ..errors import VerifierError
        raise VerifierError(None, "two claims files given", found=f"{pos} and --claims {opt}",
                            expected="one claims file", hint="give it once: `verifier VERB FILE`")
    return pos or opt or DEFAULT


def settings_for(args):
    """[tool.verifier] of the project the claims file is in."""
    from .. import config
    return config.load(args.claims)


def prepare(args):
    """Resolve the claims file and --allow-outside from the arguments and [tool.verifier]; return the settings."""
    args.claims = claims_path(args)
    settings = settings_for(args)
    args.allow_outside = bool(getattr(args, "allow_outside", False) or settings.allow_outside)
    return settings


def load_checked(args):
    """The claims file the arguments name, with its warnings (look-alike source ids) printed once, escaped."""
    import sys

    from ..claimsfile.claims import load_claims
    from ..outputs.safe_text import shown
    claims_file = load_claims(args.claims, allow_outside=args.allow_outside)
    for warning in claims_file.warnings:
        print(shown(str(warning)), file=sys.stderr)
    return claims_file


def warn_of_sources(library) -> None:
    """The warnings reading the sources gave (a `lang:` the text contradicts), on stderr, escaped."""
    import sys

    from ..outputs.safe_text import shown
    for warning in library.warnings.values():
        print(shown(str(warning)), file=sys.stderr)
