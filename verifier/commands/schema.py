"""Print the JSON Schema of claims.yaml, for editors and other tools.

Save it next to your claims file and point the first line of the YAML at it:
  verifier schema > claims.schema.json
  # yaml-language-server: $schema=claims.schema.json
"""
from __future__ import annotations


def configure(parser) -> None:
    parser.add_argument("--output", "-o", help="write the schema to this file (atomically) instead of stdout")
    parser.add_argument("--force", action="store_true",
                        help="replace a symbolic link at the output path (the link, never its target)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..atomic import WriteError, write_output
    from ..errors import Location, VerifierError
    from ..claimsfile.schema import schema_text

    text = schema_text()
    if args.output:
        try:
            write_output(args.output, text, replace_link=args.force)
        except WriteError:
            raise
        except OSError as exc:
            raise VerifierError(Location(args.output), "cannot write the schema", found=exc.strerror or str(exc),
                                expected="a file path in an existing, writable folder") from None
    else:
        print(text, end="")
    return 0
