"""Record each source's sha256 in claims.lock.json (next to the claims file), so later failures read as `stale`.

Run it after reviewing the claims: `verifier lock` writes claims.lock.json next
to claims.yaml (atomically). When a source changes afterwards, `verifier check`
reports the claims on it that no longer hold as verdict `stale` (source changed,
both hashes shown) instead of contradicted/not_found; stale claims still fail
(exit 1) until they are reviewed and the lock is written again.

Exit 0 when the lock was written, 2 when a source cannot be read (nothing is written).
"""
from __future__ import annotations


def configure(parser) -> None:
    from .options import add_allow_outside, add_claims_argument
    add_claims_argument(parser, positional=True)
    add_allow_outside(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..claimsfile.claims import load_claims
    from ..claimsfile.lockfile import write_lock

    from .options import prepare
    prepare(args)
    from .options import load_checked
    claims_file = load_checked(args)
    target, entries = write_lock(claims_file)
    count = len(entries)
    print(f"verifier: locked {count} source{'s' if count != 1 else ''} of {args.claims} in {target}")
    return 0
