"""Write a starter claims.yaml, with a sample story in English and Chinese, that checks cleanly.

  verifier init            # ./claims.yaml, ./sources/example-{en,zh}.txt, ./claims.schema.json
  verifier init news/      # the same under news/
  verifier                 # check it: every claim meets its `expect`

Refuses to overwrite an existing file unless --force is given. Every file is
written atomically.
"""
from __future__ import annotations


def configure(parser) -> None:
    parser.add_argument("path", nargs="?", default="claims.yaml",
                        help="claims file to write, or a folder for its claims.yaml (default: ./claims.yaml)")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..claimsfile.starter import resolve_target, write_starter

    written = write_starter(args.path, force=args.force)
    target = resolve_target(args.path)
    for path in written:
        print(f"wrote {path}")
    if not written:
        print("nothing to write")
    command = "verifier" if str(target) == "claims.yaml" else f"verifier {target}"
    print(f"next: run `{command}` to check the example claims, then edit {target} for your own texts")
    return 0
