"""Show what the glossary and CC-CEDICT know for a word, in both languages.

  verifier glossary demand             built-in glossary, your claims.yaml `glossary:`, CC-CEDICT
  verifier glossary 英伟达 --claims FILE
  verifier glossary FILE 英伟达         the same: a first word ending in .yaml is the claims file

A `near:` word that finds nothing in a source of the other language usually
has no translation here: add one under `glossary:` in claims.yaml.
Exit 0 when something is known for every word, 1 when a word has nothing.
"""
from __future__ import annotations

from pathlib import Path


def configure(parser) -> None:
    parser.add_argument("words", nargs="+", metavar="WORD", help="a word or phrase, English or Chinese")
    parser.add_argument("--claims", "-c", metavar="FILE",
                        help="take `glossary:` from this claims file (default: ./claims.yaml, if present)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..document.glossary import Glossary
    from ..document.text import fold

    own = {}
    if len(args.words) > 1 and args.words[0].endswith((".yaml", ".yml")):   # `glossary FILE WORD`: the claims file
        named = args.words.pop(0)
        if args.claims and args.claims != named:
            from ..errors import VerifierError
            raise VerifierError(None, "two claims files given", found=f"{named} and --claims {args.claims}",
                                expected="one claims file", hint="give it once: `verifier glossary FILE WORD`")
        args.claims = named
    path = args.claims or ("claims.yaml" if Path("claims.yaml").is_file() else None)
    if path:
        from ..claimsfile.claims import load_claims
        own = load_claims(path).glossary
    builtin, yours = Glossary(), Glossary(own)
    missing = 0
    for word in args.words:
        key = fold(word)
        base = sorted(builtin.written(v) for v in builtin.variants(word) - {key})
        mine = sorted(yours.written(v) for v in yours.variants(word) - builtin.variants(word))
        lexicon = _lexicon(word)
        print(f"{word}:")
        print(f"  glossary (built in): {', '.join(base) or '—'}")
        print(f"  glossary ({path or 'no claims file'}): {', '.join(mine) or '—'}")
        print(f"  CC-CEDICT: {', '.join(lexicon) or '—'}")
        if not (base or mine or lexicon):
            missing += 1
            print(f"  nothing known: add it to claims.yaml, e.g. `glossary: {{{word}: [...]}}`")
    return 1 if missing else 0


def _lexicon(word: str) -> list[str]:
    from ..document.lexicon import lexicon
    found = lexicon()
    if found is None:
        return []
    if word[:1] >= "\u3400":
        return sorted(found.english(word))
    return list(found.chinese(word))[:12]
